"""Company names within one article: which nominals may refer to a company or a club, and
the short name of a registered company name.

"The company" refers to a business and "the club" to a club, never to a government, a court
or a residents' association named nearby; "Corvane" is "Corvane Foods Inc." in the article
that gives both. The words are English business usage, not names of any company.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsgraph.extract.entities import actors, gazetteer
from newsgraph.extract.entities.mentions import NameMention

#: Organisation nominals that name a business or a sports club: they refer only to a body of
#: that kind, not to a government, a court or an association named nearby.
_BUSINESS_NOMINALS = {
    "company", "firm", "corporation", "conglomerate", "airline", "carrier", "manufacturer", "maker", "planemaker",
    "automaker", "carmaker", "retailer", "insurer", "broadcaster", "studio", "chain", "brand",
}  # fmt: skip
_CLUB_NOMINALS = {"club", "team"}
#: The organisation nominals this module adds to coreference's.
ORG_NOMINALS = _BUSINESS_NOMINALS | _CLUB_NOMINALS
#: Head words of the names of public bodies, associations and institutions (no businesses).
_PUBLIC_HEADS = {
    "ministry", "department", "agency", "commission", "committee", "council", "court", "parliament", "assembly",
    "senate", "congress", "administration", "authority", "board", "bureau", "government", "union", "party",
    "league", "federation", "association", "society", "foundation", "church", "army", "navy", "police", "force",
    "university", "college", "institute", "academy", "school", "hospital", "office", "service", "trust", "charity",
    "nations", "organisation", "organization", "alliance", "movement", "residents",
}  # fmt: skip
#: CAMEO sectors of public bodies (a company is MNC or BUS; media, MED, may be either).
_PUBLIC_SECTORS = ("GOV", "MIL", "COP", "JUD", "LEG", "PTY", "EDU", "REL", "NGO", "IGO", "SPY", "REB", "HLH")
_LEGAL_FORMS = {"inc", "corp", "co", "llc", "llp", "ltd", "plc", "spa", "ag", "nv", "bv", "gmbh", "sa"}


def _public_body(names: Sequence[NameMention]) -> bool:
    """Whether an organisation's names or actor code make it a public body or association."""
    for mention in names:
        words = [w.strip(".,").lower() for w in mention.text.split()]
        head = words[words.index("of") - 1] if "of" in words[1:] else words[-1] if words else ""
        if head in _PUBLIC_HEADS:
            return True
        code = actors.known_actor(mention.text)
        if code and (code.startswith("IGO") or any(s in code[3:] for s in _PUBLIC_SECTORS)):
            return True
    return False


def fits(noun: str, names: Sequence[NameMention]) -> bool:
    """Whether an organisation nominal ("the company", "the club") can refer to the
    organisation named by ``names`` (any other organisation nominal can)."""
    if noun in _BUSINESS_NOMINALS:
        return not _public_body(names)
    if noun in _CLUB_NOMINALS:
        legal = any(w.strip(".,").lower() in _LEGAL_FORMS for m in names for w in m.text.split()[1:])
        return not legal and not _public_body(names)
    return True


#: Endings of English adjectives of place and kind ("European", "British", "Atlantic"): such a
#: first word of a company's name is no short name of it.
_ADJECTIVE_ENDINGS = ("an", "ese", "ish", "ic", "ical", "al")


def short_form(short: str, full: str) -> bool:
    """ "Tyson" for "Tyson Foods Inc.": the first words of a company's registered name (one
    that ends in a legal form) are its short name within the article."""
    words = full.replace(",", " ").split()
    if len(words) < 3 or words[-1].strip(".").lower() not in _LEGAL_FORMS:
        return False
    mine = short.split()
    if gazetteer.country_for_demonym(short) or gazetteer.lookup_place(short) or short.endswith(_ADJECTIVE_ENDINGS):
        return False  # "European" of "European Aeronautic Defence & Space NV" is an adjective
    return len(mine) < len(words) - 1 and [w.lower() for w in words[: len(mine)]] == [w.lower() for w in mine]
