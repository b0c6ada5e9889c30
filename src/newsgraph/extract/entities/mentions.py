"""Named mentions: spaCy's entities trimmed, re-typed with document evidence and completed.

spaCy's small English model finds most names but draws their edges and types loosely: it
includes determiners and titles ("the United States", "King Salaman"), types one city as a
person in one sentence and as a place in the next, reads title words as organisations
("State" in "Secretary of State") and photo credits as names. :func:`find_mentions` keeps
the model's entities as the base and corrects them in one pass over the document:

1. **Edges**: determiners, possessives, quotes, brackets, leading titles and honorifics and
   trailing function words are trimmed; regnal numbers and "Jr." are kept with a person's
   name; lists the model ran together ("Tesla, Uber and Snapchat") are split.
2. **Not story entities**: title words, photo credits and agency slugs, era markers ("BC"),
   spans without a capital letter, a capitalised common noun after a determiner ("the
   Bank", "this Island") and, when the tagger ran, one-word proper adjectives ("Caribbean
   waters").
3. **Types by document evidence**: a name keeps one type across the article, by a weighted
   vote over its mentions: a title before a name or a regnal number is strong person
   evidence; "X, who", "X was born" and a gendered pronoun after the name count for a
   person, a locative preposition ("in X") against one; a gazetteer place or a company or
   agency of the CAMEO actor dictionaries outweighs the model's person readings; a
   nationality word is a group; a surname inherits the type of the full name; the head
   word decides for "Douglas Aircraft", "Wall Street", "Bronze Age". A mention whose own
   context is unambiguous (a title right before it) keeps its type.
4. **Recovered names**: a capitalised name right after a title, a party in brackets after a
   person, a name found elsewhere in the article (or the surname of a person found
   elsewhere), and a country, capital, major city or known acronym ("GCHQ") the model missed.

Everything is token attribute checks and dictionary look-ups; the gazetteer and actor
modules are optional (looked up once, lazily), so this module works on a bare ``Doc``.
Steps 1-2 live in :mod:`.mention_edges`, 3 in :mod:`.mention_types`, 4 in
:mod:`.mention_recovery`, products in :mod:`.mention_products`; :mod:`.mention_parts`
holds the word classes and token tests they share.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.annotate import column
from newsgraph.extract.entities import business
from newsgraph.extract.entities.mention_edges import (
    _after_title,
    _common_word,
    _extend_person,
    _is_description,
    _merged_ents,
    _names_work,
    _not_story,
    _split_list,
    _title_index,
    _trim,
    _without_overlaps,
)
from newsgraph.extract.entities.mention_parts import (
    _POLITY_WORDS,
    _TITLE_WORD_LABELS,
    LABEL_TYPES,
    NAME_LABELS,
    NameMention,
    _Candidate,
    _cap,
    _is_country_word,
    _mark,
)
from newsgraph.extract.entities.mention_products import _products
from newsgraph.extract.entities.mention_recovery import (
    _recover_after_titles,
    _recover_known,
    _recover_parties,
    _recover_repeats,
)
from newsgraph.extract.entities.mention_types import _person_cue, _place_cue, _typed
from newsgraph.extract.entities.role_phrases import role_cue
from newsgraph.extract.entities.titles import Title, find_titles, is_part_of_title


def find_mentions(doc: Doc, titles: list[Title] | None = None) -> list[NameMention]:
    """The article's named mentions, in text order, one type per name (see the module docs).

    ``titles`` are the document's title phrases when the caller has found them already
    (:func:`~newsgraph.extract.entities.titles.find_titles`).
    """
    if titles is None:
        titles = find_titles(doc, _is_country_word)
    covering, ending = _title_index(titles)
    covered = bytearray(len(doc))  # tokens of any model entity or kept mention
    for ent in doc.ents:
        covered[ent.start : ent.end] = b"\x01" * (ent.end - ent.start)

    tagged = doc.has_annotation("TAG")  # when another extractor runs the tagger
    candidates: list[_Candidate] = []
    for ent_start, ent_end, label in _merged_ents(doc):
        parts = _split_list(doc, ent_start, ent_end, 3 if label == "ORG" else 2)
        for part_start, part_end in parts:
            trimmed = _trim(doc, part_start, part_end, label, covering)
            if trimmed is None:
                continue
            ts, te = trimmed
            if label in _TITLE_WORD_LABELS and is_part_of_title(doc, ts, te, titles):
                continue  # "State" in "Secretary of State" is part of a role
            forced = None
            if label in ("PERSON", "ORG"):
                te, marked = _extend_person(doc, ts, te)
                if marked:
                    forced = "person"
            if _not_story(doc, ts, te, label) or _is_description(doc, ts, te):
                continue
            if tagged and te - ts == 1 and label != "NORP" and _common_word(doc[ts], label):
                continue
            if _after_title(doc, ts, ending) and label in ("PERSON", "ORG", "GPE", "LOC", "FAC"):
                forced = "person"
            if _names_work(doc, ts, te, label):
                forced = "work"
            candidates.append(_Candidate(ts, te, label, LABEL_TYPES[label], forced))
    candidates = _without_overlaps(candidates)
    lower_words = {t for t in column(doc, "ORTH") if t.islower()}
    candidates.extend(_products(doc, candidates, lower_words))
    if tagged and doc.has_annotation("DEP"):
        candidates = _indices(doc, candidates)
    for c in candidates:
        _mark(covered, c.ts, c.te)

    candidates.extend(_recover_after_titles(doc, titles, covered))
    candidates.extend(_recover_parties(doc, candidates, covered))
    candidates.extend(_recover_repeats(doc, candidates, covered, lower_words))
    candidates.extend(_recover_known(doc, candidates, covered, lower_words))
    candidates.sort(key=lambda c: c.ts)
    names = bytearray(len(doc))
    for c in candidates:
        _mark(names, c.ts, c.te)
    parsed = tagged and doc.has_annotation("DEP")
    for c in candidates:
        c.person_cue = c.label not in ("NORP", "EVENT") and (
            _person_cue(doc, c.te, names) or (parsed and role_cue(doc, c.ts, c.te))
        )
        c.place_cue = _place_cue(doc, c.ts, c.te)
        if parsed and c.type not in ("place", "group", "event"):
            c.financial_cue = business.financial_cue(doc, c.ts, c.te)
            c.product_cue = business.product_cue(doc, c.ts, c.te)
            c.organisation_cue = business.organisation_cue(doc, c.ts, c.te)
    return _merge_place_pairs(doc, _typed(doc, candidates))


#: Entity labels whose words cannot be part of a stock index's name ("the UK's FTSE 100").
_NOT_INDEX_LABELS = frozenset({"GPE", "LOC", "NORP", "PERSON", "DATE", "TIME", "MONEY", "PERCENT"})


def _indices(doc: Doc, candidates: list[_Candidate]) -> list[_Candidate]:
    """Stock index names (:func:`business.index_spans`) replace the candidates they overlap
    (the model's "FTSE" + "100", or "FTSE 100" read as a product); places stay."""
    lowers = column(doc, "LOWER")
    if not any(w in business.INDEX_WORDS or w in ("points", "average", "composite") for w in lowers):
        return candidates
    blocked = bytearray(len(doc))
    for ent in doc.ents:
        if ent.label_ in _NOT_INDEX_LABELS:
            _mark(blocked, ent.start, ent.end)
    for c in candidates:
        if c.type in ("place", "group", "person"):
            _mark(blocked, c.ts, c.te)
    spans = business.index_spans(doc, lowers, blocked)
    if not spans:
        return candidates
    kept = [c for c in candidates if not any(c.ts < te and ts < c.te for ts, te in spans)]
    kept += [_Candidate(ts, te, "context", "financial", "financial") for ts, te in spans]
    kept.sort(key=lambda c: c.ts)
    return kept


def _merge_place_pairs(doc: Doc, mentions: list[NameMention]) -> list[NameMention]:
    """ "Denver, Colorado", "Poole, Dorset": a town and the region or country it lies in are
    one name of the town, with the region's name nested in it; "Kingdom of France" is one name.

    A town the model read as an organisation counts after a locative preposition ("in
    Wells, Somerset"). The first place must not be a country (else "France, Germany and Italy" would merge)
    and the second must end the list: a comma with another name, or "and"/"or", after it
    makes the pair part of an enumeration.
    """
    merged: list[NameMention] = []
    n = len(doc)
    for mention in mentions:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and mention.type == "place"
            and previous.token_end - previous.token_start == 1
            and previous.text.lower() in _POLITY_WORDS
            and mention.token_start == previous.token_end + 1
            and doc[previous.token_end].lower_ == "of"
        ):
            # "Kingdom" + "of" + "France", which the model cuts in two: one polity.
            span = doc[previous.token_start : mention.token_end]
            merged[-1] = NameMention(span.start_char, span.end_char, span.text, "place", "head", span.start, span.end)
            continue
        if (
            previous is not None
            and mention.type == "place"
            and (previous.type == "place" or (previous.type == "organization" and _place_cue(doc, *_tokens(previous))))
            and mention.token_start == previous.token_end + 1
            and doc[previous.token_end].text == ","
            and not _is_country_word(previous.text)
            and not _in_list(doc, mention.token_end, n)
            and not _in_list(doc, previous.token_start - 1, n, before=True)
        ):
            # The region or country stays a mention of its own inside the pair: the text
            # names it too ("California" in "Long Beach, California").
            span = doc[previous.token_start : mention.token_end]
            merged[-1] = NameMention(
                span.start_char, span.end_char, span.text, "place", previous.label, span.start, span.end
            )
        merged.append(mention)
    return merged


def _tokens(mention: NameMention) -> tuple[int, int]:
    return mention.token_start, mention.token_end


def _in_list(doc: Doc, i: int, n: int, before: bool = False) -> bool:
    """Whether the token at ``i`` (after a name, or before it with ``before``) continues an
    enumeration: "and"/"or", or a comma next to a capitalised word."""
    if i < 0 or i >= n:
        return False
    token = doc[i]
    if token.lower_ in ("and", "or", "&"):
        return True
    if token.text != ",":
        return False
    k = i - 1 if before else i + 1
    return 0 <= k < n and _cap(doc[k]) and not doc[k].is_stop


__all__ = ["LABEL_TYPES", "NAME_LABELS", "NameMention", "find_mentions"]
