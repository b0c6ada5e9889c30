"""Names in a headline written in title case, where capitals say nothing about names.

"Late Winner Seals Derby For Rovers": every word of such a headline is capitalised, so the
model reads runs of ordinary words as names ("Late Winner", "Nuclear Help"). A headline
name is kept when the article's body writes it too; else the longest run of its words the
body writes as a name is kept ("Smith" of "Late Smith"); else it is kept only when the
gazetteer or the actor dictionaries know it ("Russia", "NATO"). Products keep their
headline names ("Airbus A380" before "the A380").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsgraph.annotate import text_of
from newsgraph.extract.entities import actors, gazetteer
from newsgraph.extract.entities.mentions import NameMention
from newsgraph.records import Paragraph

#: Share of a headline's words (of four letters or more) that start with a capital for it
#: to count as written in title case.
_TITLE_CASE_SHARE = 0.6


def _title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_]{4,}", text)]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) >= _TITLE_CASE_SHARE


def _known(text: str) -> bool:
    return gazetteer.lookup_place(text) is not None or actors.known_actor(text) is not None


def _in_body(body: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(text)}(?!\w)", body) is not None


def headline_names(doc: Doc, names: list[NameMention], paragraphs: list[Paragraph]) -> list[NameMention]:
    """``names`` with the headline's names checked against the body (see the module docs)."""
    title = next((p for p in paragraphs if p.kind == "title"), None)
    if title is None:
        return names
    text = text_of(doc)  # cached: ``doc.text`` joins every token again
    if not _title_case(text[title.start : title.end]):
        return names
    body = text[title.end :]
    kept = []
    for mention in names:
        if not (title.start <= mention.start and mention.end <= title.end):
            kept.append(mention)
            continue
        if mention.type == "product" or _in_body(body, mention.text) or _known(mention.text):
            kept.append(mention)
            continue
        shorter = _body_part(doc, mention, body)
        if shorter is not None:
            kept.append(shorter)
    return kept


def _body_part(doc: Doc, mention: NameMention, body: str) -> NameMention | None:
    """The longest run of the mention's capitalised words that the body writes too, the
    last such run on a tie (English names end in their head: "Late *Smith*")."""
    ts, te = mention.token_start, mention.token_end
    for size in range(te - ts - 1, 0, -1):
        for start in range(te - size, ts - 1, -1):
            span = doc[start : start + size]
            if not span[0].text[:1].isupper() or not span[0].is_alpha:
                continue
            if _in_body(body, span.text):
                return NameMention(
                    span.start_char, span.end_char, span.text, mention.type, mention.label, span.start, span.end
                )
    return None
