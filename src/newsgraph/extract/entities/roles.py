"""Roles and affiliations of people, read from the titles around their names.

    US Secretary of State Antony Blinken        role Secretary of State, affiliation United States
    Mossad Chief David Barnea                   role Mossad Chief, affiliation Israel (Mossad's country)
    Minister Benny Gantz (National Unity)       role Minister, affiliation National Unity
    Sameh Shoukry, Egypt's foreign minister     role foreign minister, affiliation Egypt

When the text names no affiliation, the CAMEO actor dictionaries may know the person
("Benjamin Netanyahu" is ``ISRGOV``): the country of that code is the affiliation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span

from newsgraph.extract.entities import actors, gazetteer
from newsgraph.extract.entities.mentions import NameMention
from newsgraph.extract.entities.role_phrases import parsed_role
from newsgraph.extract.entities.titles import TITLE_MODIFIERS, Title, is_title_head
from newsgraph.identity import person_key

_COUNTRY_LABELS = {"GPE", "NORP"}


@dataclass(slots=True)
class RoleEvidence:
    """A title attached to one name mention."""

    title: str
    affiliation: str | None
    #: The title's character span.
    start: int
    end: int
    #: Start of the full form "US Secretary of State Antony Blinken" (an alias of the person).
    full_start: int


def country_name(text: str) -> str | None:
    """Canonical country name for a country name, code or demonym ("US", "Egypt's", "Israeli")."""
    text = text.strip()
    if text.endswith(("'s", "’s")):
        text = text[:-2]
    code = gazetteer.country_of(text) or gazetteer.country_for_demonym(text)
    return gazetteer.canonical_country_name(code) if code else None


def is_country_word(text: str) -> bool:
    return country_name(text) is not None


def affiliation_of_code(code: str | None) -> str | None:
    """The country of a CAMEO actor code ("ISRGOV" → Israel), if it starts with one."""
    if not code or len(code) < 3:
        return None
    return gazetteer.canonical_country_name(code[:3]) if gazetteer.country_of(code[:3]) else None


def _affiliation_before(doc: Doc, title: Title) -> tuple[str | None, int]:
    """A country or organisation right before the title, and where it starts."""
    i = title.token_start - 1
    if i >= 0 and doc[i].text in {"'s", "’s"}:
        i -= 1
    if i < 0 or not doc[i].ent_type_:
        return None, title.start
    start = i
    while start > 0 and doc[start - 1].ent_iob_ == "I" and doc[start - 1].ent_type_ == doc[i].ent_type_:
        start -= 1
    if doc[i].ent_iob_ == "I":
        while start > 0 and doc[start].ent_iob_ != "B":
            start -= 1
    span = doc[start : i + 1]
    if doc[i].ent_type_ in _COUNTRY_LABELS:
        name = country_name(span.text)
        return (name, span.start_char) if name else (None, title.start)
    if doc[i].ent_type_ == "ORG":
        return span.text, span.start_char
    return None, title.start


def _affiliation_inside(doc: Doc, title: Title) -> str | None:
    """An organisation that opens the title: "Mossad Chief", "CIA Director" → its country."""
    first = doc[title.token_start]
    if (first.ent_type_ != "ORG" and not first.is_upper) or first.lower_ in TITLE_MODIFIERS:
        return None
    if is_title_head(first.text):
        return None
    org = first.text
    return affiliation_of_code(actors.known_actor(org)) or (org if first.ent_type_ == "ORG" else None)


def _party_after(doc: Doc, mention: NameMention) -> str | None:
    """ "Benny Gantz (National Unity)" → National Unity."""
    i = mention.token_end
    if i + 2 < len(doc) and doc[i].text == "(":
        close = next((t.i for t in doc[i + 1 : min(len(doc), i + 8)] if t.text == ")"), None)
        if close and close > i + 1:
            inner: Span = doc[i + 1 : close]
            if all(t.is_title or t.is_upper or t.is_stop for t in inner) and not country_name(inner.text):
                return inner.text
    return None


def _apposition_title(doc: Doc, mention: NameMention, titles_by_start: dict[int, Title]) -> RoleEvidence | None:
    """ "Sameh Shoukry, Egypt's foreign minister" → foreign minister of Egypt."""
    i = mention.token_end
    if i >= len(doc) or doc[i].text != ",":
        return None
    j = i + 1
    affiliation = None
    if j < len(doc) and doc[j].lower_ in {"the", "a", "an"}:
        j += 1
    k = j
    while k < len(doc) and doc[k].ent_type_ in _COUNTRY_LABELS and k < j + 4:
        k += 1
    if k > j:
        affiliation = country_name(doc[j:k].text)
        if k < len(doc) and doc[k].text in {"'s", "’s"}:
            k += 1
    title = titles_by_start.get(k)
    if title is None:
        return None
    return RoleEvidence(
        title.text, affiliation or _affiliation_inside(doc, title), title.start, title.end, mention.start
    )


def find_roles(doc: Doc, names: list[NameMention], titles: list[Title]) -> dict[int, RoleEvidence]:
    """Role evidence for the person mentions of ``names`` (keyed by index in ``names``)."""
    titles_by_end = {t.token_end: t for t in titles}
    titles_by_start = {t.token_start: t for t in titles}
    roles: dict[int, RoleEvidence] = {}
    for index, mention in enumerate(names):
        if mention.type != "person":
            continue
        title = titles_by_end.get(mention.token_start)
        if title is not None:
            affiliation, full_start = _affiliation_before(doc, title)
            affiliation = affiliation or _affiliation_inside(doc, title) or _party_after(doc, mention)
            roles[index] = RoleEvidence(title.text, affiliation, title.start, title.end, full_start)
            continue
        apposition = _apposition_title(doc, mention, titles_by_start)
        parsed = parsed_role(doc, mention.token_start, mention.token_end)
        if parsed is not None:
            title_text, affiliation, ts, te = parsed
            span = doc[ts:te]
            # The parse's phrase wins over a shorter title inside it ("chief" of "chief
            # financial officer"); the title's affiliation stays.
            if apposition is None or (span.start_char <= apposition.start and apposition.end < span.end_char):
                affiliation = affiliation or (apposition.affiliation if apposition else None)
                roles[index] = RoleEvidence(title_text, affiliation, span.start_char, span.end_char, mention.start)
                continue
        if apposition is not None:
            roles[index] = apposition
    return roles


@lru_cache(maxsize=1)
def _people_index() -> tuple[dict[tuple[str, str], actors.ActorEntry], dict[str, list[actors.ActorEntry]]]:
    """Dictionary people by (given name, surname) and by surname alone.

    The dictionaries spell names in full ("SAMEH_HASSAN_SHOUKRY"); news uses the short form.
    """
    by_pair: dict[tuple[str, str], actors.ActorEntry] = {}
    by_surname: dict[str, list[actors.ActorEntry]] = {}
    for entry in actors.load_actor_dictionary().entries:
        for phrase in (entry.name, *entry.synonyms):
            words = person_key(phrase.replace("_", " "))
            if len(words) >= 2:
                by_pair.setdefault((words[0], words[-1]), entry)
                people = by_surname.setdefault(words[-1], [])
                if entry not in people:
                    people.append(entry)
    return by_pair, by_surname


def person_code(names: list[str], date: str | None, titles: Sequence[str] = ()) -> str | None:
    """CAMEO code of a person from the actor dictionaries, by full name or its short form
    (given name and surname).

    A surname alone is no evidence: footballers and judges share surnames with the
    dictionaries' office holders, and a wrong code is worse than none. It counts only when
    exactly one dictionary person carries it and one of the person's ``titles`` in the
    text is of that person's sector ("President Biden" and a government code).
    """
    full = [name for name in names if len(person_key(name)) >= 2]
    for name in full:
        code = actors.known_actor(name, date)
        if code:
            return code
    by_pair, by_surname = _people_index()
    for name in full:
        words = person_key(name)
        if (words[0], words[-1]) in by_pair:
            return actors.known_actor(by_pair[(words[0], words[-1])].name.replace("_", " "), date)
    sectors = {p.replace("~", "") for p in map(actors.load_agent_dictionary().find, titles) if p}
    if not sectors:
        return None
    for name in names:
        words = person_key(name)
        if len(words) == 1 and len(by_surname.get(words[0], [])) == 1:
            code = actors.known_actor(by_surname[words[0]][0].name.replace("_", " "), date)
            if code and any(sector and sector in code[3:] for sector in sectors):
                return code
    return None
