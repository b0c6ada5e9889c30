"""Word lists for quantities: units, currencies, scale words, modifiers and nouns for people.

Everything here is data, compiled once at import. Unit names follow the SI spelling
(``kilometre``, ``tonne``); money uses ISO 4217 currency codes.
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: (unit, category) for each spelling of a unit written after a number, lower case.
#: "pound" is resolved by context (mass or sterling) in the extractor.
_UNIT_SPELLINGS: dict[tuple[str, str], tuple[str, ...]] = {
    ("percent", "proportion"): ("percent", "per cent", "pct", "%"),
    ("percentage point", "proportion"): ("percentage points", "percentage point", "percentage-point"),
    ("kilogram", "mass"): ("kilograms", "kilogram", "kilogrammes", "kilogramme", "kilos", "kilo", "kg", "kgs"),
    ("gram", "mass"): ("grams", "gram", "grammes", "gramme", "g"),
    ("milligram", "mass"): ("milligrams", "milligram", "mg"),
    ("tonne", "mass"): ("tonnes", "tonne", "metric tons", "metric ton", "metric tonnes", "t"),
    ("ton", "mass"): ("tons", "ton", "short tons"),
    ("pound", "mass"): ("pounds", "pound", "lbs", "lb"),
    ("ounce", "mass"): ("ounces", "ounce", "oz"),
    ("kilometre", "length"): ("kilometres", "kilometre", "kilometers", "kilometer", "km", "kms"),
    ("metre", "length"): ("metres", "metre", "meters", "meter"),
    ("centimetre", "length"): ("centimetres", "centimetre", "centimeters", "centimeter", "cm"),
    ("millimetre", "length"): ("millimetres", "millimetre", "millimeters", "millimeter", "mm"),
    ("mile", "length"): ("miles", "mile", "mi"),
    ("nautical mile", "length"): ("nautical miles", "nautical mile", "nm"),
    ("foot", "length"): ("feet", "foot", "ft"),
    ("inch", "length"): ("inches", "inch"),
    ("yard", "length"): ("yards", "yard", "yds"),
    ("square kilometre", "area"): (
        "square kilometres",
        "square kilometre",
        "square kilometers",
        "square kilometer",
        "sq km",
        "km2",
        "km²",
    ),
    ("square metre", "area"): ("square metres", "square metre", "square meters", "square meter", "sq m", "m2", "m²"),
    ("square mile", "area"): ("square miles", "square mile", "sq miles", "sq mi"),
    ("square foot", "area"): ("square feet", "square foot", "sq ft"),
    ("hectare", "area"): ("hectares", "hectare", "ha"),
    ("acre", "area"): ("acres", "acre"),
    ("litre", "volume"): ("litres", "litre", "liters", "liter"),
    ("millilitre", "volume"): ("millilitres", "millilitre", "milliliters", "milliliter", "ml"),
    ("gallon", "volume"): ("gallons", "gallon"),
    ("barrel", "volume"): ("barrels", "barrel", "bbl"),
    ("cubic metre", "volume"): ("cubic metres", "cubic metre", "cubic meters", "cubic meter", "m3", "m³"),
    ("cubic foot", "volume"): ("cubic feet", "cubic foot"),
    ("kilometre per hour", "speed"): ("kilometres per hour", "kilometers per hour", "km/h", "kph", "kmh"),
    ("mile per hour", "speed"): ("miles per hour", "miles an hour", "mph"),
    ("knot", "speed"): ("knots", "knot"),
    ("metre per second", "speed"): ("metres per second", "meters per second", "m/s"),
    ("degree Celsius", "temperature"): ("degrees celsius", "degree celsius", "degrees centigrade", "°c", "° c"),
    ("degree Fahrenheit", "temperature"): ("degrees fahrenheit", "degree fahrenheit", "°f", "° f"),
    ("degree", "angle or temperature"): ("degrees", "degree", "°"),
    ("kilowatt", "power"): ("kilowatts", "kilowatt", "kw"),
    ("megawatt", "power"): ("megawatts", "megawatt", "mw"),
    ("gigawatt", "power"): ("gigawatts", "gigawatt", "gw"),
    ("kilowatt hour", "energy"): ("kilowatt hours", "kilowatt-hours", "kilowatt hour", "kilowatt-hour", "kwh"),
    ("megawatt hour", "energy"): ("megawatt hours", "megawatt-hours", "megawatt hour", "megawatt-hour", "mwh"),
    ("gigawatt hour", "energy"): ("gigawatt hours", "gigawatt-hours", "gigawatt hour", "gigawatt-hour", "gwh"),
    ("calorie", "energy"): ("calories", "calorie", "kcal"),
    ("megabyte", "data"): ("megabytes", "megabyte", "mb"),
    ("gigabyte", "data"): ("gigabytes", "gigabyte", "gb"),
    ("terabyte", "data"): ("terabytes", "terabyte", "tb"),
}

#: Symbols written straight after a number, where case matters ("40C", "5km", "12%").
_GLUED_UNITS: dict[str, tuple[str, str]] = {
    "C": ("degree Celsius", "temperature"),
    "F": ("degree Fahrenheit", "temperature"),
    "°C": ("degree Celsius", "temperature"),
    "°F": ("degree Fahrenheit", "temperature"),
}

#: Currency words after a number, with an optional country adjective before them.
_CURRENCY_WORDS: dict[str, tuple[str, ...]] = {
    "USD": ("us dollars", "us dollar", "u.s. dollars", "american dollars", "dollars", "dollar", "bucks"),
    "AUD": ("australian dollars", "australian dollar"),
    "CAD": ("canadian dollars", "canadian dollar"),
    "HKD": ("hong kong dollars", "hong kong dollar"),
    "NZD": ("new zealand dollars", "new zealand dollar"),
    "SGD": ("singapore dollars", "singapore dollar"),
    "TWD": ("taiwan dollars", "new taiwan dollars"),
    "GBP": ("pounds sterling", "pound sterling", "sterling", "british pounds", "gbp"),
    "EGP": ("egyptian pounds", "egyptian pound"),
    "LBP": ("lebanese pounds", "lebanese pound"),
    "SYP": ("syrian pounds", "syrian pound"),
    "EUR": ("euros", "euro", "eur"),
    "JPY": ("japanese yen", "yen", "jpy"),
    "CNY": ("chinese yuan", "yuan", "renminbi", "rmb", "cny"),
    "INR": ("indian rupees", "rupees", "rupee", "inr"),
    "PKR": ("pakistani rupees", "pakistan rupees"),
    "RUB": ("russian roubles", "russian rubles", "roubles", "rouble", "rubles", "ruble", "rub"),
    "ILS": ("new israeli shekels", "israeli shekels", "shekels", "shekel", "nis", "ils"),
    "CHF": ("swiss francs", "swiss franc", "chf"),
    "MXN": ("mexican pesos", "mexican peso", "mxn"),
    "ARS": ("argentine pesos", "argentinian pesos"),
    "PHP": ("philippine pesos",),
    "BRL": ("brazilian reais", "reais", "real brl", "brl"),
    "ZAR": ("south african rand", "rand", "zar"),
    "NGN": ("nigerian naira", "naira", "ngn"),
    "TRY": ("turkish lira", "turkish liras", "lira", "liras"),
    "AED": ("uae dirhams", "emirati dirhams", "dirhams", "dirham", "aed"),
    "SAR": ("saudi riyals", "saudi riyal", "riyals", "riyal", "sar"),
    "QAR": ("qatari riyals", "qatari riyal", "qar"),
    "IRR": ("iranian rials", "rials", "rial"),
    "UAH": ("ukrainian hryvnias", "hryvnias", "hryvnia", "hryvnia", "uah"),
    "KRW": ("south korean won", "korean won"),
    "THB": ("thai baht", "baht", "thb"),
    "MYR": ("malaysian ringgit", "ringgit", "myr"),
    "SEK": ("swedish kronor", "swedish krona"),
    "NOK": ("norwegian kroner", "norwegian krone"),
    "DKK": ("danish kroner", "danish krone"),
    "PLN": ("polish zloty", "zlotys", "zloty", "pln"),
    "KES": ("kenyan shillings", "kenyan shilling", "kes"),
    "BTC": ("bitcoins", "bitcoin", "btc"),
}

#: Currency signs and codes written before a number ("$5", "US$5", "£7m", "Rs 500", "NIS 20").
CURRENCY_PREFIXES: dict[str, str] = {
    "$": "USD",
    "US$": "USD",
    "USD": "USD",
    "£": "GBP",
    "GBP": "GBP",
    "€": "EUR",
    "EUR": "EUR",
    "¥": "JPY",
    "JPY": "JPY",
    "CNY": "CNY",
    "RMB": "CNY",
    "₹": "INR",
    "Rs": "INR",
    "Rs.": "INR",
    "INR": "INR",
    "₪": "ILS",
    "NIS": "ILS",
    "ILS": "ILS",
    "₽": "RUB",
    "₩": "KRW",
    "₺": "TRY",
    "₴": "UAH",
    "₦": "NGN",
    "A$": "AUD",
    "AU$": "AUD",
    "AUD": "AUD",
    "C$": "CAD",
    "CA$": "CAD",
    "CAD": "CAD",
    "HK$": "HKD",
    "NZ$": "NZD",
    "S$": "SGD",
    "R$": "BRL",
    "CHF": "CHF",
    "Fr.": "CHF",
}
#: Country codes written before "$" as a separate word ("US $5").
DOLLAR_COUNTRIES: dict[str, str] = {"US": "USD", "U.S.": "USD", "A": "AUD", "C": "CAD", "HK": "HKD", "NZ": "NZD"}

#: Scale words and their abbreviations. The one-letter abbreviations are only read after
#: a currency or a decimal number ("$3m", "1.3m people"): "100m" alone is a distance.
SCALE_WORDS: dict[str, float] = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
}
SCALE_ABBREVIATIONS: dict[str, float] = {
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "tn": 1e12,
    "trn": 1e12,
}
#: Plural scale words that make a vague count ("thousands of", "tens of thousands").
VAGUE_SCALES: dict[str, float] = {
    "tens": 10.0,
    "dozens": 12.0,
    "scores": 20.0,
    "hundreds": 1e2,
    "thousands": 1e3,
    "millions": 1e6,
    "billions": 1e9,
}

_SMALL = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen"
SMALL_NUMBERS: dict[str, int] = {
    word: n for n, word in enumerate([*_SMALL.split(), "seventeen", "eighteen", "nineteen"])
}
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
TENS: dict[str, int] = {word: 10 * n for n, word in enumerate(_TENS, 2)}
#: Denominators of fractions ("a third", "two-thirds", "three quarters").
FRACTIONS: dict[str, int] = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "tenth": 10,
    "tenths": 10,
}

#: Time units: a number before one of these is a duration or a date (the time extractor's),
#: except in ages ("45-year-old", "aged 45").
TIME_UNITS = _words(
    "second seconds minute minutes min mins hour hours hr hrs day days night nights week weeks fortnight"
    " fortnights month months year years yr yrs decade decades century centuries millennium millennia"
    " weekend weekends"
)
#: Words after a number that make it a clock time.
CLOCK_WORDS = _words("a.m. p.m. am pm a.m p.m o'clock gmt utc bst cet est edt et pt pst cst hrs h")
MONTHS = _words(
    "january february march april may june july august september october november december"
    " jan feb mar apr jun jul aug sep sept oct nov dec jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov."
    " dec."
)
#: Nouns that a number labels rather than counts ("Article 5", "page 4", "No. 10").
LABEL_WORDS = _words(
    "article articles section sections chapter chapters clause paragraph page pages resolution resolutions"
    " flight route highway interstate room gate platform terminal level phase stage grade round game match"
    " week day season episode volume issue version no no. number # item rule amendment category district"
    " ward channel line bus track apartment suite unit floor box lot row seat table figure fig. exhibit"
    " annex appendix verse psalm act part title code model series mark class type pier bay zone area sector"
    " block building hall"
)

#: Modifiers before a number, normalised.
_MODIFIERS: dict[str, tuple[str, ...]] = {
    "more_than": (
        "more than",
        "over",
        "just over",
        "well over",
        "above",
        "in excess of",
        "upwards of",
        "greater than",
        "exceeding",
        "north of",
    ),
    "less_than": ("less than", "fewer than", "under", "below", "just below", "well under", "short of"),
    "at_least": ("at least", "no fewer than", "no less than", "a minimum of", "not less than"),
    "at_most": ("up to", "at most", "no more than", "not more than", "a maximum of", "as many as", "as much as"),
    "approximately": (
        "about",
        "around",
        "some",
        "roughly",
        "approximately",
        "approx.",
        "an estimated",
        "estimated",
        "circa",
        "c.",
        "an average of",
        "on average",
        "or so",
    ),
    "nearly": ("nearly", "almost", "close to", "just under", "just shy of", "nigh on", "the best part of"),
}
MODIFIERS: dict[str, str] = {phrase: mod for mod, phrases in _MODIFIERS.items() for phrase in phrases}
#: Modifiers after a number ("30 or more", "50-plus", "20-odd").
POST_MODIFIERS: dict[str, str] = {
    "or more": "at_least",
    "or over": "at_least",
    "plus": "more_than",
    "+": "more_than",
    "or so": "approximately",
    "odd": "approximately",
    "or fewer": "at_most",
    "or less": "at_most",
}

#: Plural (and a few collective) nouns that count people. Nationalities and groups come
#: from the named-entity layer (NORP) instead.
PERSON_NOUNS = _words(
    """people persons men women children kids boys girls babies infants toddlers minors adults teenagers teens
    youths juveniles students pupils teachers workers employees staff staffers personnel members residents
    citizens civilians inhabitants villagers locals nationals immigrants migrants refugees seekers evacuees
    displaced hostages captives abductees prisoners detainees inmates soldiers troops servicemen servicemembers
    reservists conscripts recruits fighters militants gunmen insurgents rebels combatants militiamen commandos
    officers policemen policewomen police cops agents guards officials diplomats ministers lawmakers legislators
    senators congressmen representatives mps delegates envoys leaders voters supporters opponents protesters
    protestors demonstrators marchers rioters strikers doctors nurses physicians surgeons medics paramedics
    patients victims casualties survivors fatalities dead wounded injured passengers travellers travelers
    commuters crew crewmen sailors seafarers fishermen pilots drivers tourists visitors fans spectators
    athletes players competitors runners customers consumers shoppers users subscribers viewers listeners
    readers followers clients applicants candidates participants attendees volunteers farmers miners
    firefighters rescuers responders suspects defendants convicts criminals smugglers traffickers settlers
    pilgrims worshippers believers faithful individuals pensioners retirees veterans taxpayers homeowners
    tenants renters investors shareholders executives managers bosses scientists researchers experts
    economists analysts engineers lawyers judges jurors witnesses journalists reporters correspondents
    photographers editors writers authors artists musicians actors singers dancers priests clerics rabbis
    imams monks nuns bishops cardinals scholars professors academics graduates applicants recipients
    beneficiaries claimants households families couples siblings sons daughters mothers fathers parents
    grandparents orphans widows elderly homeless unemployed jobless employers entrepreneurs landlords
    contractors builders labourers laborers cleaners carers caregivers guests hosts spies defectors deserters
    prisoners-of-war pows detainees abductees kidnappers hijackers attackers assailants perpetrators killers
    shooters bombers snipers jihadists extremists radicals separatists loyalists nationalists activists
    campaigners organisers organizers residents"""
)

#: Aid in kind: "pounds of aid" is weighed, "pounds in aid" is paid.
IN_KIND = _words("aid relief support supplies")
#: Nouns for a body of people whose size follows "of": "a crowd of 28,450", "a workforce of 3,000".
COLLECTIVE_PEOPLE = _words(
    """crowd crowds attendance attendances audience audiences gathering turnout congregation workforce
    population membership electorate"""
)
#: Nouns after "in" that make an amount of pounds money ("£5m in aid", "7 million pounds in funding").
MONEY_NOUNS = _words(
    """aid funding funds fund money cash investment investments loans loan grants grant debt debts revenue
    revenues profit profits losses loss sales damages compensation fines fine fees tax taxes spending savings
    subsidies subsidy bonuses bonus salary salaries wages pay payments payment donations budget assets bonds
    bribes ransom reparations relief support credit deposits earnings income dividends capital
    contributions"""
)
#: Words near "pounds" that make it money rather than weight.
MONEY_CUES = _words(
    """£ sterling paid pay pays paying cost costs costing worth fined fine spend spent spending raised raise
    raising earn earns earned earning priced price prices budget funding fund funded donated donate bought
    buy sold sell invest invested investment deal contract salary wage bill tax taxes charge charged bid
    loan lend lent owe owed debt million-pound billion-pound bonus compensation payout"""
)
#: Words near "pounds" that make it weight.
MASS_CUES = _words(
    """weigh weighs weighed weighing weight heavy lighter heavier lost gained shed tonnes tons kilograms kg
    food flour rice wheat grain meat fish cargo supplies explosives drugs cocaine cannabis marijuana
    heroin produce"""
)


def _alternation(phrases: list[str]) -> str:
    # Longest first, so "square kilometres" wins over "kilometres" and "per cent" over "per".
    return "|".join(re.escape(p).replace(r"\ ", r"\s*") for p in sorted(phrases, key=len, reverse=True))


#: Currency subunits: "17 cents" is 0.17 of the currency.
CURRENCY_SUBUNITS: dict[str, str] = {
    "cents": "USD",
    "cent": "USD",
    "pence": "GBP",
    "penny": "GBP",
    "kopecks": "RUB",
    "agorot": "ILS",
}

UNIT_BY_SPELLING: dict[str, tuple[str, str]] = {
    spelling: unit for unit, spellings in _UNIT_SPELLINGS.items() for spelling in spellings
}
CURRENCY_BY_WORD: dict[str, str] = {word: code for code, words in _CURRENCY_WORDS.items() for word in words}

#: A unit or currency word right after a number (optionally hyphenated: "a 5-kilometre walk").
#: Matched at one position with ``match``, never scanned over the text.
UNIT_AFTER = re.compile(
    r"[ \t]*(?:-[ \t]*)?(?P<unit>"
    + _alternation([*CURRENCY_BY_WORD, *CURRENCY_SUBUNITS])
    + "|"
    + _alternation([s for s in UNIT_BY_SPELLING if s[0].isalpha() and len(s) > 1])
    + r")(?![\w])"
    + r"|[ \t]*(?P<symbol>%|°[ \t]*[CF]\b|°)",
    re.IGNORECASE,
)
#: A rate after a unit: "barrels a day", "$15 an hour", "$4 per share".
RATE_AFTER = re.compile(
    r"[ \t]*(?:per|a|an|each|/)[ \t]*(?P<per>second|minute|hour|day|week|month|year|annum|capita|head|person"
    r"|share|barrel|tonne|ton|gallon|litre|liter|kilo|kilogram|kg|unit|passenger|vehicle|seat)\b",
    re.IGNORECASE,
)
#: A modifier ending right before a number (searched in a short window before it).
MODIFIER_BEFORE = re.compile(r"(?:^|(?<=\W))(?P<mod>" + _alternation(list(MODIFIERS)) + r")[ \t]*$", re.IGNORECASE)
POST_MODIFIER_AFTER = re.compile(
    r"[ \t]*(?:-[ \t]*)?(?P<mod>" + _alternation(list(POST_MODIFIERS)) + r")(?!\w)", re.IGNORECASE
)

#: One numeric token: an optional currency sign glued before it ("HK$10", "Rs500"), the digits,
#: an optional glued second number of a range ("30–40"), and an optional glued suffix
#: ("3.5bn", "5km", "40C", "21st", "1990s").
NUMBER_TOKEN = re.compile(
    r"^(?P<cur>[A-Z]{0,3}[$£€¥₹₪₽₩₺₴₦]|Rs\.?)?"
    r"(?P<num>[-−+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[-−+]?\.\d+)"
    r"(?:[-–—](?P<num2>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?))?"
    r"(?P<suffix>[A-Za-z°%²³/]+\.?)?$"
)
GLUED_UNITS = _GLUED_UNITS
