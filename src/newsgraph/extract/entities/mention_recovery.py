"""Name mentions, step 4: names the model missed (after titles, parties in brackets, repeats, known names).

See :mod:`newsgraph.extract.entities.mentions` for the whole pass.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.extract.entities.mention_parts import (
    _CALENDAR,
    _PARTICLES,
    _ROMAN,
    _call,
    _Candidate,
    _cap,
    _is_initial,
    _mark,
    _module,
    _organisation_code,
    _place,
    _sent_start,
    _strong_place,
)
from newsgraph.extract.entities.titles import Title, is_title_head


def _name_run(doc: Doc, i: int, covered: bytearray) -> int:
    """Token end of a run of capitalised name words from ``i`` (at most four words)."""
    j = i
    n = len(doc)
    while j < n and j - i < 4 and not covered[j]:
        token = doc[j]
        if j > i and _sent_start(token):
            break
        if _cap(token) and (token.is_alpha or _is_initial(token) or "-" in token.text):
            if token.lower_ in _CALENDAR or is_title_head(token.text):
                break
            j += 1
        elif j > i and token.lower_ in _PARTICLES and j + 1 < n and _cap(doc[j + 1]) and not covered[j + 1]:
            j += 1
        else:
            break
    while j > i and doc[j - 1].lower_ in _PARTICLES:
        j -= 1
    return j


def _continues_name(doc: Doc, i: int) -> bool:
    """Whether token ``i`` follows a capitalised word of the same name ("the Hamas *Charter*").

    A date the model found ("On Monday Hanegbi said") or a weekday is no part of a name.
    """
    if i == 0 or _sent_start(doc[i]):
        return False
    previous = doc[i - 1]
    return _cap(previous) and previous.is_alpha and previous.lower_ not in _CALENDAR and not previous.ent_type_


def _recover_after_titles(doc: Doc, titles: list[Title], covered: bytearray) -> list[_Candidate]:
    """People the model missed right after a title: "Minister Benny Gantz"."""
    found = []
    for title in titles:
        i = title.token_end
        if i >= len(doc) or covered[i] or _sent_start(doc[i]) or not _cap(doc[title.token_end - 1]):
            continue
        end = _name_run(doc, i, covered)
        if end > i and not (end - i == 1 and doc[i].is_upper):
            found.append(_Candidate(i, end, "title", "person", "person"))
            _mark(covered, i, end)
    return found


def _recover_parties(doc: Doc, candidates: list[_Candidate], covered: bytearray) -> list[_Candidate]:
    """A party in brackets after a person's name: "Benny Gantz (National Unity)"."""
    found = []
    n = len(doc)
    for c in candidates:
        i = c.te + 1
        if not (c.type == "person" or c.forced == "person") or i >= n or doc[c.te].text != "(":
            continue
        end = i
        while end < n and end - i < 5 and not covered[end] and doc[end].is_alpha and _cap(doc[end]):
            end += 1
        if i < end < n and doc[end].text == ")" and len(doc[i:end].text) > 2 and _place(doc[i:end].text) is None:
            found.append(_Candidate(i, end, "party", "organization"))
            _mark(covered, i, end)
    return found


def _usable_single_word(token: Token, lower_words: set[str]) -> bool:
    """A one-word name is safe to look for elsewhere unless it is also a common word here."""
    return token.lower_ not in lower_words and not token.is_stop and len(token.text) > 1


def _recover_repeats(
    doc: Doc, candidates: list[_Candidate], covered: bytearray, lower_words: set[str]
) -> list[_Candidate]:
    """Names found elsewhere in the article, and surnames of people, where the model missed them."""
    index: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
    for c in candidates:
        words = tuple(t.lower_ for t in doc[c.ts : c.te])
        if len(words) == 1 and not _usable_single_word(doc[c.ts], lower_words):
            continue
        index.setdefault(words[0], []).append((words, c.type, "repeat"))
        last = doc[c.te - 1]
        surname = c.label == "PERSON" and len(words) > 1 and last.is_alpha and _cap(last)
        if surname and _usable_single_word(last, lower_words):
            index.setdefault(last.lower_, []).append(((last.lower_,), "person", "surname"))
    if not index:
        return []
    found = []
    n = len(doc)
    i = 0
    while i < n:
        token = doc[i]
        options = index.get(token.lower_) if not covered[i] and _cap(token) else None
        if not options or _continues_name(doc, i):
            i += 1
            continue
        for words, kind, source in sorted(options, key=lambda o: -len(o[0])):
            end = i + len(words)
            if end > n or any(covered[k] for k in range(i, end)):
                continue
            if tuple(t.lower_ for t in doc[i:end]) != words:
                continue
            if end < n and _cap(doc[end]) and doc[end].is_alpha and not _sent_start(doc[end]):
                continue  # part of a longer name
            found.append(_Candidate(i, end, source, kind))
            _mark(covered, i, end)
            i = end - 1
            break
        i += 1
    return found


def _recover_known(
    doc: Doc, candidates: list[_Candidate], covered: bytearray, lower_words: set[str]
) -> list[_Candidate]:
    """Countries, capitals, major cities and known organisations the model missed.

    Only whole capitalised runs ("Germany", not "Germany" in "Germany Trade Office") and
    acronyms outside all-capital text; a sentence-initial word must not also occur in lower
    case, and a one-word name must not be a person's surname here.
    """
    if _module("gazetteer") is None and _module("actors") is None:
        return []
    surnames = {doc[c.te - 1].lower_ for c in candidates if c.type == "person"}
    found = []
    n = len(doc)
    i = 0
    while i < n:
        token = doc[i]
        if covered[i] or not _cap(token) or not token.is_alpha:
            i += 1
            continue
        if token.is_upper:
            kind = _acronym_kind(doc, i)
            if kind is not None:
                found.append(_Candidate(i, i + 1, "gazetteer" if kind == "place" else "actor", kind))
            i += 1
            continue
        end = i
        while end < n and end - i < 4 and not covered[end] and _cap(doc[end]) and doc[end].is_alpha:
            end += 1
        following_capital = end < n and _cap(doc[end]) and not _sent_start(doc[end])
        if _continues_name(doc, i) or following_capital or end - i > 3:
            i = end
            continue
        if _sent_start(token) and (token.is_stop or token.lower_ in lower_words):
            i = end
            continue
        if end - i == 1 and (token.lower_ in lower_words or token.lower_ in surnames):
            i = end
            continue
        text = doc[i:end].text
        if _strong_place(_place(text), text):
            found.append(_Candidate(i, end, "gazetteer", "place"))
        elif _organisation_code(_call("actors", "known_actor", text)):
            found.append(_Candidate(i, end, "actor", "organization"))
        i = end
    for c in found:
        _mark(covered, c.ts, c.te)
    return found


def _acronym_kind(doc: Doc, i: int) -> str | None:
    """ "place" or "organization" for a known acronym the model missed ("GCHQ"), else ``None``."""
    text = doc[i].text
    if not 2 <= len(text) <= 6 or text in _ROMAN:
        return None
    # In a line written all in capitals every word looks like an acronym.
    neighbours = [doc[k] for k in (i - 1, i + 1) if 0 <= k < len(doc) and doc[k].is_alpha]
    if any(t.is_upper and len(t.text) > 1 for t in neighbours):
        return None
    if len(text) > 2 and _strong_place(_place(text), text):  # two letters: "TV" is no Tuvalu
        return "place"
    # A code with a sector (GBRSPY, IGOUNO) names a body; a bare country code (a city's) does not.
    code = _call("actors", "known_actor", text)
    return "organization" if code and len(code) > 3 else None
