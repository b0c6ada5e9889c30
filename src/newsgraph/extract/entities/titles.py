"""Titles of people: "US Secretary of State", "the Strategic Affairs Minister", "Mossad Chief".

A title phrase is a head noun that names a position (minister, adviser, chief...) with the
capitalised words before it ("Strategic Affairs Minister") and an "of/for X" complement
after it ("Secretary of State", "Minister for Foreign Affairs"). Country words in front
("US", "Israeli", "Egypt's") are the affiliation, not part of the title.

The head words are a closed class of English, not world facts, so they are listed here.
spaCy's NER tags title words as organisations ("State", "National Security"); the entity
layer uses :func:`find_titles` to drop those and to read roles.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Nouns that name a position a person holds.
TITLE_HEADS: frozenset[str] = _words(
    """
    president vice-president premier minister secretary secretary-general chancellor king queen prince
    princess emir sheikh sultan monarch ambassador envoy spokesperson spokesman spokeswoman director
    director-general chief head adviser advisor counsellor counselor general commander governor mayor
    senator congressman congresswoman representative chairman chairwoman chair chairperson ceo cfo coo
    judge justice attorney prosecutor lawyer professor pope cardinal archbishop bishop rabbi imam cleric
    ayatollah leader official officer colonel lieutenant sergeant admiral marshal brigadier captain
    coordinator negotiator mediator photographer correspondent reporter editor analyst founder lawmaker
    mp deputy speaker treasurer comptroller commissioner inspector superintendent sheriff diplomat
    ombudsman rapporteur economist spokesperson's governor-general vice-chancellor chief-of-staff
    """
)

#: Words that can open a title's complement: "Secretary *of* State", "Minister *for* Health".
_COMPLEMENT = {"of", "for"}
#: Words that never start a title modifier even when capitalised.
_NOT_MODIFIERS = {"the", "a", "an", "his", "her", "their", "its", "our", "said", "told", "and", "with", "by", "to"}
#: Modifiers that can precede a head in lower case: "foreign minister", "national security adviser".
TITLE_MODIFIERS = _words(
    """
    foreign defence defense interior finance economy prime deputy vice chief senior top former acting first
    interim national security strategic affairs military army police health education justice trade
    energy intelligence opposition government state opposition party regional local press
    """
)


@dataclass(frozen=True, slots=True)
class Title:
    """A title phrase; ``start``/``end`` are character offsets, ``token_start``/``token_end`` token indices."""

    start: int
    end: int
    token_start: int
    token_end: int
    text: str
    head: str


def is_title_head(word: str) -> bool:
    return word.lower().rstrip(".") in TITLE_HEADS


def _is_modifier(token: Token) -> bool:
    lower = token.lower_
    if lower in _NOT_MODIFIERS or (not token.is_alpha and "-" not in token.text):
        return False
    if token.is_stop and lower not in TITLE_MODIFIERS:
        return False  # a capital that only opens the sentence: "Because Judge X", "When Minister Y"
    return token.is_title or token.is_upper or lower in TITLE_MODIFIERS or is_title_head(lower)


def _complement_end(doc: Doc, head: Token, limit: int) -> int:
    """Token end of "of State" / "for Foreign Affairs" after a head, or the head's end."""
    i = head.i + 1
    if i >= limit or doc[i].lower_ not in _COMPLEMENT:
        return i
    j = i + 1
    if j < limit and doc[j].lower_ == "the":
        j += 1
    k = j
    while (
        k < limit
        and doc[k].is_alpha
        and (doc[k].is_title or doc[k].is_upper or doc[k].lower_ == "and")
        and doc[k].ent_type_ != "PERSON"
    ):
        k += 1
    while k > j and doc[k - 1].lower_ == "and":
        k -= 1
    # "Secretary of State" is a title; "leader of Hamas" ends at the head, Hamas is an
    # organisation. A complement counts only when every word is capitalised common
    # vocabulary, i.e. not a named entity the model recognised.
    if k == j or any(doc[t].ent_type_ in {"GPE", "NORP"} for t in range(j, k)):
        return i
    return k


def find_titles(doc: Doc, is_country_word: Callable[[str], bool] | None = None) -> list[Title]:
    """Every title phrase in ``doc``, longest first at each head, in text order.

    ``is_country_word(text)`` says whether a word is a country name or demonym; such words
    end the leftward extension ("US Secretary of State" → title "Secretary of State").
    """
    titles: list[Title] = []
    covered_until = -1
    for token in doc:
        if token.i < covered_until or not is_title_head(token.text):
            continue
        sent_start = token.sent.start if doc.has_annotation("SENT_START") else 0
        limit = token.sent.end if doc.has_annotation("SENT_START") else len(doc)
        # A chain of heads: "Deputy Chief of Staff", "Secretary-General".
        head = token
        while head.i + 1 < limit and is_title_head(doc[head.i + 1].text) and doc[head.i + 1].is_title == token.is_title:
            head = doc[head.i + 1]
        start = token.i
        while start - 1 >= sent_start and _is_modifier(doc[start - 1]):
            previous = doc[start - 1]
            if is_country_word and is_country_word(previous.text):
                break
            if previous.ent_type_ in {"PERSON", "GPE", "NORP"}:
                break
            start -= 1
        end = _complement_end(doc, head, limit)
        span = doc[start:end]
        titles.append(Title(span.start_char, span.end_char, start, end, span.text, head.lower_))
        covered_until = end
    return titles


def is_part_of_title(doc: Doc, token_start: int, token_end: int, titles: list[Title]) -> bool:
    """Whether tokens ``[token_start, token_end)`` are title words inside a longer title.

    "State" in "Secretary of State" and "National Security" in "National Security Adviser"
    are; "Mossad" in "Mossad Chief" is not (it names the organisation the chief heads),
    nor is a name that covers the title's head ("Coordinator of Government Activities in
    the Territories" is an organisation named after a position).
    """
    for title in titles:
        if not (title.token_start <= token_start and token_end <= title.token_end):
            continue
        if (title.token_start, title.token_end) == (token_start, token_end):
            return True
        words = doc[token_start:token_end]
        if any(t.lower_ == title.head for t in words):
            return False
        after_head = next((t.i for t in doc[title.token_start : title.token_end] if t.lower_ == title.head), -1)
        if token_start > after_head:  # inside the "of State" complement
            return True
        return all(t.lower_ in TITLE_MODIFIERS or is_title_head(t.text) for t in words)
    return False
