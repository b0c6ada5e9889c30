"""Name mentions, step 1 and 2: the model's entity spans trimmed to the name, and spans that are no story entity.

See :mod:`newsgraph.extract.entities.mentions` for the whole pass.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.extract.entities.mention_parts import (
    _CLOCK,
    _CLOSE_QUOTES,
    _CREDIT_CUES,
    _DASHES,
    _DESCRIPTION_NOUNS,
    _DETERMINERS,
    _ERAS,
    _HONORIFICS,
    _INSTITUTION_NAMES,
    _LEGAL_FORMS,
    _OPEN_QUOTES,
    _ORGANIZATION_HEADS,
    _PERSON_TITLE_HEADS,
    _ROMAN,
    _SUFFIXES,
    _TRAILING_JUNK,
    _WORK_HEADS,
    _WORK_NOUNS,
    LABEL_TYPES,
    _call,
    _Candidate,
    _cap,
    _is_edge_junk,
    _is_initial,
    _place,
    _sent_start,
)
from newsgraph.extract.entities.titles import Title


def _merged_ents(doc: Doc) -> list[tuple[int, int, str]]:
    """The model's kept entities as ``(token_start, token_end, label)``.

    Two organisation spans joined by "of/in/for (the)" are one name the model cut in two
    ("Coordinator of Government Activities" + "in the" + "Territories").
    """
    ents = [(e.start, e.end, e.label_) for e in doc.ents if e.label_ in LABEL_TYPES]
    merged: list[tuple[int, int, str]] = []
    for ts, te, label in ents:
        if merged and merged[-1][1] == ts and doc[ts:te].text.replace(".", "").lower() in _LEGAL_FORMS:
            merged[-1] = (merged[-1][0], te, "ORG")  # "Chrysler" + "LLC": one company's name
            continue
        if merged and label == "ORG" and merged[-1][2] == "ORG":
            between = [t.lower_ for t in doc[merged[-1][1] : ts]]
            if between in (["of"], ["in"], ["for"], ["of", "the"], ["in", "the"], ["for", "the"]) and _cap(doc[ts]):
                merged[-1] = (merged[-1][0], te, "ORG")
                continue
        merged.append((ts, te, label))
    return merged


def _split_list(doc: Doc, ts: int, te: int, min_parts: int) -> list[tuple[int, int]]:
    """Split an enumeration the model tagged as one name: "France, Germany and Italy".

    Organisations need three parts ("Tesla, Uber and Snapchat"; "Johnson, Johnson" is
    rarer than a two-company list but "Ernst, Young and Co" exists), and a name followed by
    its acronym in brackets is one name: "Maintenance, Repair and Overhaul (MRO)".
    """
    words = doc[ts:te]
    if not any(t.text == "," for t in words) or not any(t.lower_ in ("and", "or") for t in words):
        return [(ts, te)]
    if te + 1 < len(doc) and doc[te].text == "(" and doc[te + 1].is_upper:
        return [(ts, te)]
    parts: list[tuple[int, int]] = []
    begin = ts
    for i in range(ts, te):
        if doc[i].text == "," or doc[i].lower_ in ("and", "or"):
            if i > begin:
                parts.append((begin, i))
            begin = i + 1
    if begin < te:
        parts.append((begin, te))
    if len(parts) < min_parts or any(e - s > 4 or not _cap(doc[s]) for s, e in parts):
        return [(ts, te)]
    return parts


def _title_index(titles: list[Title]) -> tuple[dict[int, Title], dict[int, Title]]:
    """Titles by each token they cover, and by the token right after them."""
    covering: dict[int, Title] = {}
    ending: dict[int, Title] = {}
    for title in titles:
        for i in range(title.token_start, title.token_end):
            covering[i] = title
        ending[title.token_end] = title
    return covering, ending


def _after_title(doc: Doc, ts: int, ending: dict[int, Title]) -> bool:
    """Whether a title phrase or an honorific ends right before token ``ts``."""
    if ts in ending:
        return True
    return ts > 0 and doc[ts - 1].lower_.rstrip(".") in _HONORIFICS and _cap(doc[ts - 1])


def _trim(doc: Doc, ts: int, te: int, label: str, covering: dict[int, Title]) -> tuple[int, int] | None:
    """The name inside the model's span, or ``None`` when nothing of a name is left."""
    while ts < te and (_is_edge_junk(doc[ts]) or doc[ts].lower_ in _DETERMINERS):
        ts += 1
    while te > ts and (_is_edge_junk(doc[te - 1]) or doc[te - 1].lower_ in _TRAILING_JUNK):
        te -= 1
    # A title the model took into the name: "President Biden" -> "Biden" (the title belongs
    # to the role layer). Off a non-person span only after a head that precedes people's
    # names, so "General Motors" keeps its first word.
    title = covering.get(ts)
    if title is not None and title.token_end < te and (label == "PERSON" or title.head in _PERSON_TITLE_HEADS):
        ts = title.token_end
    while te - ts > 1 and doc[ts].lower_.rstrip(".") in _HONORIFICS:
        ts += 1
    while ts < te and (_is_edge_junk(doc[ts]) or doc[ts].lower_ in _DETERMINERS):
        ts += 1
    return (ts, te) if ts < te else None


def _regnal_number(doc: Doc, i: int) -> bool:
    """ "II" in "Ramesses II"; "I" only before "of" or punctuation, where it is no pronoun."""
    text = doc[i].text
    after = doc[i + 1] if i + 1 < len(doc) else None
    if text in _ROMAN:
        return True
    return text == "I" and after is not None and after.lower_ in ("of", ",", ")", "(", ".")


def _extend_person(doc: Doc, ts: int, te: int) -> tuple[int, bool]:
    """Token end of a person's name with what the model leaves off: "Felipe V", "King, Jr.",
    "Adnan Z." + "Amin"; and whether a regnal number or suffix marks it as a person."""
    n = len(doc)
    marked = False
    if te < n and _is_initial(doc[te - 1]) and _cap(doc[te]) and doc[te].is_alpha:
        te += 1
    if te < n and _regnal_number(doc, te):
        te, marked = te + 1, True
    if te + 1 < n and doc[te].text == "," and doc[te + 1].lower_ in _SUFFIXES:
        te, marked = te + 2, True
    elif te < n and doc[te].lower_ in _SUFFIXES:
        te, marked = te + 1, True
    return te, marked


def _not_story(doc: Doc, ts: int, te: int, label: str) -> bool:
    """Credits, agency slugs, era markers and spans without a capital letter."""
    text = doc[ts:te].text
    if text in _ERAS or not any(c.isupper() for c in text) or not any(c.isalpha() for c in text):
        return True
    n = len(doc)
    # "REUTERS/EVELYN HOCKSTEIN", "AP Photo/Name": picture credits, not story actors.
    if "/" in text or (ts > 0 and doc[ts - 1].text == "/") or (te < n and doc[te].text == "/"):
        return True
    window = doc[max(0, ts - 4) : ts]
    if any(t.text == ":" for t in window) and any(t.lower_ in _CREDIT_CUES for t in window):
        return True
    if te - ts == 1 and text.isupper() and ts > 0 and _CLOCK.fullmatch(doc[ts - 1].text):
        return True  # "at 0800 UTC", "16:00 GMT": a time zone after a time of day
    # "CAIRO (Reuters) -": the agency of a dateline.
    return (
        label == "ORG"
        and ts > 0
        and te + 1 < n
        and doc[ts - 1].text == "("
        and doc[te].text == ")"
        and doc[te + 1].text in _DASHES
    )


def _names_work(doc: Doc, ts: int, te: int, label: str) -> bool:
    """Whether a name is the title of a work: right after a work noun ("the album *Wild
    West*", "on the album Over *My Head*", "the song “Geronimo”"), ending in a work head
    ("Andrew Marr *Show*"), or a quoted name the model reads as a person ("“Geronimo” by X")."""
    if te - ts > 1 and doc[te - 1].lower_ in _WORK_HEADS:
        return True
    i = ts - 1
    while i >= 0 and ts - i <= 3 and (doc[i].text in _OPEN_QUOTES or (_cap(doc[i]) and not _sent_start(doc[i]))):
        i -= 1
    if i >= 0 and doc[i].lower_ in _WORK_NOUNS and doc[i].tag_ in ("NN", "NNS"):
        return True
    quoted = ts > 0 and te < len(doc) and doc[ts - 1].text in _OPEN_QUOTES and doc[te].text in _CLOSE_QUOTES
    return quoted and label == "PERSON"


def _common_word(token: Token, label: str) -> bool:
    """A one-word "name" the tagger reads as an adjective ("Caribbean waters", "Mycenaean
    civilization") or, at a sentence start, as a common noun ("Emphasis, ..."); nationality
    words and places stay. The tagger reads many unfamiliar names that open a sentence as
    nouns ("Pompey took command"): a word the model calls a person is kept there."""
    tag = token.tag_
    if tag not in ("JJ", "NN", "NNS") or (tag != "JJ" and (not _sent_start(token) or label == "PERSON")):
        return False
    return not (_call("gazetteer", "country_for_demonym", token.text) or _place(token.text))


def _is_description(doc: Doc, ts: int, te: int) -> bool:
    """ "the Bank", "the Government": a common noun written with a capital, not a name."""
    if te - ts != 1 or ts == 0:
        return False
    before = doc[ts - 1].lower_
    if before in ("this", "these") or (before in ("that", "those") and doc[ts - 1].dep_ == "det"):
        return True  # "this Island": never a name ("claims that Kim ...": "that" is no determiner)
    word = doc[ts].lower_
    return (
        before == "the"
        and word not in _INSTITUTION_NAMES
        and (word in _ORGANIZATION_HEADS or word in _DESCRIPTION_NOUNS)
    )


def _without_overlaps(candidates: list[_Candidate]) -> list[_Candidate]:
    """Drop candidates overlapping an earlier, longer one (after extensions and merges)."""
    kept: list[_Candidate] = []
    for c in sorted(candidates, key=lambda c: (c.ts, -(c.te - c.ts))):
        if kept and c.ts < kept[-1].te:
            continue
        kept.append(c)
    return kept
