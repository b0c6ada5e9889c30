"""Names and titles from the margins: photo captions and removed repeats of paragraphs.

Cleaning takes captions and repeated paragraphs out of the story, but they often carry the
only full name and title of a person the story calls by surname ("US Secretary of State
Antony Blinken" in a caption, "Blinken" in the body), or a second spelling ("Tzachi"
in a repeat, "Tzahi" in the kept paragraph). They are read here for those only, never as
mentions: their offsets point into the ingested text, not the cleaned one.

Only the tokenizer runs on margin text (no model), so this costs next to nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from newsgraph.extract.entities.roles import is_country_word
from newsgraph.extract.entities.titles import TITLE_MODIFIERS, find_titles, is_title_head
from newsgraph.identity import person_key, surname
from newsgraph.records import Document

#: Given names before a surname: at most this many tokens.
_MAX_GIVEN = 2


@dataclass(slots=True)
class MarginName:
    """A fuller or other spelling of a person's name found outside the cleaned text."""

    name: str
    title: str | None
    country_word: str | None
    #: The full form as written ("US Secretary of State Antony Blinken") and its source span.
    full_form: str
    source_start: int
    source_end: int


@lru_cache(maxsize=1)
def _tokenizer() -> Language:
    return spacy.blank("en")


def margin_texts(document: Document) -> list[tuple[str, int]]:
    """(text, source offset of its first character) for each caption and removed repeat."""
    texts = [(c.text, c.occurrences[0].source_start) for c in document.captions if c.occurrences]
    texts += [(r.text, r.source_start) for r in document.removals if r.kind in {"duplicate", "near_duplicate"}]
    return texts


def find_margin_names(document: Document, surnames: set[str]) -> dict[str, list[MarginName]]:
    """Person names in the margins whose surname is one of ``surnames`` (folded), by surname."""
    found: dict[str, list[MarginName]] = {}
    if not surnames:
        return found
    nlp = _tokenizer()
    for text, offset in margin_texts(document):
        doc = nlp.make_doc(text)
        for token in doc:
            key = person_key(token.text)
            if not key or key[0] not in surnames or not token.is_title:
                continue
            start = token.i
            while (
                start > 0
                and token.i - start < _MAX_GIVEN
                and doc[start - 1].is_title
                and doc[start - 1].is_alpha
                and doc[start - 1].lower_ not in TITLE_MODIFIERS
                and not is_title_head(doc[start - 1].text)
                and not doc[start - 1].is_sent_start
            ):
                start -= 1
            if start == token.i:
                continue
            person = Span(doc, start, token.i + 1, label="PERSON")
            found.setdefault(surname(person_key(person.text)), []).append(_margin_name(doc, person, offset))
    return found


def _margin_name(doc: Doc, person: Span, offset: int) -> MarginName:
    doc.ents = [person]  # so the title's "of ..." complement stops at the name
    title = next((t for t in find_titles(doc, is_country_word) if t.token_end == person.start), None)
    country_word = None
    first = person.start
    if title is not None:
        first = title.token_start
        if first > 0 and doc[first - 1].is_alpha and (doc[first - 1].is_upper or doc[first - 1].is_title):
            country_word = doc[first - 1].text
            first -= 1
    full = doc[first : person.end]
    return MarginName(
        person.text,
        title.text if title else None,
        country_word,
        full.text,
        offset + full.start_char,
        offset + full.end_char,
    )
