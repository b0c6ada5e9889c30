"""Entities: people, organisations and places, one entity per actor of the article.

The layer runs in four steps, each in its own module:

1. :mod:`mentions` finds named mentions with types made consistent across the article;
2. :mod:`titles` and :mod:`roles` read the titles around people's names (role, affiliation);
3. :mod:`coref` groups names into entities and adds descriptions and pronouns;
4. :mod:`gazetteer` and :mod:`actors` add coordinates, countries and CAMEO actor codes, and
   :mod:`newsgraph.identity` (spaCy-free, shared with the store) gives each entity an id that
   is the same in every article.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc

from newsgraph.annotate import text_of
from newsgraph.extract.entities import actors, coref, gazetteer, roles
from newsgraph.extract.entities.headlines import headline_names
from newsgraph.extract.entities.margins import MarginName, find_margin_names
from newsgraph.extract.entities.mentions import NameMention, find_mentions
from newsgraph.extract.entities.titles import find_titles
from newsgraph.identity import entity_id, fold, name_key, person_key, same_person, surname
from newsgraph.records import Document, Entity, Mention, Role

__all__ = ["entity_at", "entity_id", "extract_entities", "name_key"]

_OTHER_LABELS = {"nominal": "NOMINAL", "pronoun": "PRON"}


def extract_entities(doc: Doc, document: Document | None = None) -> list[Entity]:
    """The article's entities, in order of first mention, every mention with its offsets."""
    published = document.published if document else None
    titles = find_titles(doc, roles.is_country_word)
    names = find_mentions(doc, titles)
    if document is not None and document.paragraphs:
        names = headline_names(doc, names, document.paragraphs)
    names += _governments(doc, names)
    clusters = coref.cluster_names(names, text_of(doc))
    evidence = roles.find_roles(doc, names, titles)
    index_of = {id(m): i for i, m in enumerate(names)}
    for cluster in clusters:
        for mention in cluster.names:
            found = evidence.get(index_of[id(mention)])
            if found is not None:
                cluster.role_titles.add(fold(found.title))
    unnamed = coref.resolve_references(doc, clusters, titles)
    margins = _margin_names(document, clusters) if document is not None else {}
    entities = [
        _entity(doc, c, [evidence.get(index_of[id(m)]) for m in c.names], margins.get(id(c), []), published)
        for c in clusters
    ]
    _share_affiliations(doc, clusters, entities)
    for entity in entities:
        if entity.type == "person" and entity.actor_code is None:
            entity.actor_code = _composed_code(entity.roles)
    if unnamed:
        # Named entities in order of their first name, unnamed ones where their phrase is.
        first = {id(e): c.names[0].start for e, c in zip(entities, clusters, strict=True)}
        entities += [_unnamed_entity(c) for c in unnamed]
        entities.sort(key=lambda e: first.get(id(e), e.mentions[0].start))
    return entities


def _unnamed_entity(cluster: coref.Cluster) -> Entity:
    """An entity known only by nominal phrases ("the employees"): no roles, codes or places."""
    texts = [t for _, _, t, _ in cluster.others]
    name = max(texts, key=len)
    eid = entity_id(cluster.type, f"nominal:{name}")
    mentions = [Mention(s, e, t, "NOMINAL", eid, "nominal") for s, e, t, _ in cluster.others]
    return Entity(eid, name, cluster.type, mentions=mentions)


#: Nouns that make a leader's name the name of a government: "the Biden administration".
_GOVERNMENT_NOUNS = {"administration", "government", "cabinet"}


def _governments(doc: Doc, names: list[NameMention]) -> list[NameMention]:
    found = []
    for mention in names:
        end = mention.token_end
        if mention.type == "person" and end < len(doc) and doc[end].lower_ in _GOVERNMENT_NOUNS:
            span = doc[mention.token_start : end + 1]
            found.append(
                NameMention(span.start_char, span.end_char, span.text, "organization", "PATTERN", span.start, span.end)
            )
    return found


def _margin_names(document: Document, clusters: list[coref.Cluster]) -> dict[int, list[MarginName]]:
    """Fuller names and titles of the article's people found in captions and removed repeats."""
    people = [c for c in clusters if c.type == "person"]
    by_surname = find_margin_names(document, {surname(n) for c in people for n in c.person_names if n})
    found: dict[int, list[MarginName]] = {}
    for cluster in people:
        for names in {surname(n) for n in cluster.person_names if n}:
            for margin in by_surname.get(names, []):
                if any(same_person(person_key(margin.name), n) for n in cluster.person_names):
                    found.setdefault(id(cluster), []).append(margin)
    return found


def _share_affiliations(doc: Doc, clusters: list[coref.Cluster], entities: list[Entity]) -> None:
    """People named together share a side: "Minister Ron Dermer and Adviser Tzachi Hanegbi".

    A role without a stated affiliation takes the country of a person coordinated with
    this one ("X and Y are expected to lead a delegation", "X and Y have both said").
    """
    owner: dict[int, int] = {}
    for number, cluster in enumerate(clusters):
        if cluster.type == "person":
            for mention in cluster.names:
                for i in range(mention.token_start, mention.token_end):
                    owner[i] = number
    for number, entity in enumerate(entities):
        if entity.type != "person" or not entity.roles or all(r.affiliation for r in entity.roles):
            continue
        partners: list[int] = []
        for mention in clusters[number].names:
            root = doc[mention.token_start : mention.token_end].root
            linked = [root.head] if root.dep_ == "conj" else []
            linked += [t for t in root.children if t.dep_ == "conj"]
            partners += [owner[t.i] for t in linked if owner.get(t.i, number) != number]
        countries = {
            r.affiliation
            for p in partners
            for r in entities[p].roles
            if r.affiliation and gazetteer.country_of(r.affiliation)
        }
        if len(countries) == 1:
            (country,) = countries
            for role in entity.roles:
                role.affiliation = role.affiliation or country


def _canonical_name(cluster: coref.Cluster, margin_names: list[str]) -> str:
    """The most complete name: the longest full name, counting names read in the margins."""
    if cluster.type == "place" and cluster.place_kind == "country" and cluster.country_code:
        return gazetteer.canonical_country_name(cluster.country_code)
    texts = [_bare(m.text) for m in cluster.names] + margin_names
    if cluster.type == "place":
        # "Bath, Somerset" names the town; the region is a mention of its own inside it.
        texts = [t.split(", ")[0] for t in texts]
    if cluster.type == "person":
        return max(texts, key=lambda t: (len(person_key(t)), len(t)))
    return max(texts, key=len)


def _bare(text: str) -> str:
    """A name as it reads in a list: no leading "the", no possessive."""
    text = text.strip()
    if text.lower().startswith("the "):
        text = text[4:]
    if text.endswith(("'s", "’s")):
        text = text[:-2]
    return text.rstrip("'’")


def _entity(
    doc: Doc,
    cluster: coref.Cluster,
    evidence: list[roles.RoleEvidence | None],
    margins: list[MarginName],
    published: str | None,
) -> Entity:
    name = _canonical_name(cluster, [m.name for m in margins])
    eid = entity_id(cluster.type, name)
    mentions = [Mention(m.start, m.end, m.text, m.label, eid, "name") for m in cluster.names]
    mentions += [Mention(s, e, t, _OTHER_LABELS[k], eid, k) for s, e, t, k in cluster.others]  # type: ignore[arg-type]
    mentions.sort(key=lambda m: m.start)

    aliases: dict[str, str] = {}
    full_forms = [_full_form(doc, m, ev) for m, ev in zip(cluster.names, evidence, strict=True)]
    for text in [m.text for m in cluster.names] + full_forms:
        if text:
            aliases.setdefault(name_key(_bare(text)), _bare(text))
    for margin in margins:
        aliases.setdefault(name_key(margin.name), margin.name)
        aliases.setdefault(name_key(_margin_full_form(margin)), _margin_full_form(margin))
    for _, _, text, kind in cluster.others:
        if kind == "nominal":
            aliases.setdefault(name_key(text), text)
    aliases.pop(name_key(name), None)

    entity = Entity(eid, name, cluster.type, aliases=sorted(aliases.values()), mentions=mentions)
    known_code = None
    if cluster.type == "person":
        titles = [ev.title for ev in evidence if ev] + [m.title for m in margins if m.title]
        known_code = roles.person_code([name, *aliases.values()], published, titles)
    elif cluster.type == "organization":
        known_code = next(filter(None, (actors.known_actor(n, published) for n in (name, *aliases.values()))), None)
    entity.roles = _roles(evidence, margins, known_code)
    if cluster.type == "place":
        first = cluster.names[0].text.strip()
        # "Denver, Colorado": the town (its first part) gives the coordinates.
        place = gazetteer.lookup_place(name) or gazetteer.lookup_place(first.split(",")[0])
        if place is not None:
            entity.country_code = place.country_code
            entity.latitude, entity.longitude = place.latitude, place.longitude
            entity.actor_code = place.country_code if place.kind == "country" else None
    elif cluster.type == "group":
        entity.actor_code = entity.country_code = gazetteer.country_for_demonym(name)
    elif cluster.type == "person":
        entity.actor_code = known_code  # else composed from roles once affiliations are shared
    elif cluster.type == "organization":
        entity.actor_code = known_code
    return entity


def _full_form(doc: Doc, mention: NameMention, evidence: roles.RoleEvidence | None) -> str | None:
    """ "US Secretary of State Antony Blinken": the title and the name as the text gives them."""
    if evidence is None or evidence.full_start >= mention.start:
        return None
    return text_of(doc)[evidence.full_start : mention.end]


def _margin_full_form(margin: MarginName) -> str:
    if margin.title is None:
        return margin.name
    if margin.country_word and roles.country_name(margin.country_word):
        return margin.full_form
    return f"{margin.title} {margin.name}"


def _roles(evidence: list[roles.RoleEvidence | None], margins: list[MarginName], known_code: str | None) -> list[Role]:
    found: dict[tuple[str, str | None], Role] = {}
    fallback = roles.affiliation_of_code(known_code)
    for ev in evidence:
        if ev is None:
            continue
        affiliation = ev.affiliation or fallback
        key = (fold(ev.title), affiliation)
        if key not in found:
            found[key] = Role(ev.title, affiliation, ev.start, ev.end)
    for margin in margins:
        if margin.title is None:
            continue
        affiliation = (roles.country_name(margin.country_word) if margin.country_word else None) or fallback
        key = (fold(margin.title), affiliation)
        if key not in found:
            found[key] = Role(margin.title, affiliation, margin_start=margin.source_start, margin_end=margin.source_end)
    # The same title with and without a stated affiliation is one role.
    stated = {fold(r.title) for r in found.values() if r.affiliation}
    return [r for r in found.values() if r.affiliation or fold(r.title) not in stated]


def _composed_code(person_roles: list[Role]) -> str | None:
    for role in person_roles:
        country = gazetteer.country_of(role.affiliation) if role.affiliation else None
        code = actors.compose_actor_code(country, role.title, None if country else role.affiliation)
        if code:
            return code
    return None


def entity_at(entities: list[Entity], start: int, end: int) -> tuple[Entity, Mention] | None:
    """The entity with a mention at ``[start, end)`` of the cleaned text, if any.

    An exact mention wins; else the mention that contains the span, then the one that
    overlaps it most (the first in entity and mention order on a tie). Later extractors
    (quotes, events, stances) use this to turn a speaker or actor span, including a pronoun
    the entity layer resolved, into an entity.
    """
    index = _MentionIndex.of(entities)
    best: tuple[tuple[int, int], Entity, Mention] | None = None
    for _, _, entity, mention in index.overlapping(start, end):
        overlap = min(end, mention.end) - max(start, mention.start)
        exact = mention.start == start and mention.end == end
        contains = mention.start <= start and end <= mention.end
        rank = (2 if exact else 1 if contains else 0, overlap)
        if best is None or rank > best[0]:
            best = (rank, entity, mention)
    return (best[1], best[2]) if best else None


_MENTION_INDEXES: dict[int, tuple[list[Entity], int, _MentionIndex]] = {}


class _MentionIndex:
    """Mentions sorted by start, for :func:`entity_at`: quotes, events and stances ask it
    thousands of times per article, and a scan of every mention each time cost more than
    the rest of their work."""

    def __init__(self, entities: list[Entity]) -> None:
        rows = [
            (m.start, (e_i, m_i), entity, m)
            for e_i, entity in enumerate(entities)
            for m_i, m in enumerate(entity.mentions)
        ]
        rows.sort(key=lambda row: row[0])
        self.rows = rows
        self.starts = [row[0] for row in rows]
        self.longest = max((m.end - m.start for _, _, _, m in rows), default=0)

    @classmethod
    def of(cls, entities: list[Entity]) -> _MentionIndex:
        # Keyed by the list's identity, holding the list so the id stays its own; the mention
        # count catches a list changed since (the entity layer builds it before others read it).
        size = sum(len(e.mentions) for e in entities)
        cached = _MENTION_INDEXES.get(id(entities))
        if cached is not None and cached[0] is entities and cached[1] == size:
            return cached[2]
        if len(_MENTION_INDEXES) > 64:
            _MENTION_INDEXES.clear()
        index = cls(entities)
        _MENTION_INDEXES[id(entities)] = (entities, size, index)
        return index

    def overlapping(self, start: int, end: int) -> list[tuple[int, tuple[int, int], Entity, Mention]]:
        low = bisect.bisect_left(self.starts, start - self.longest)
        high = bisect.bisect_left(self.starts, end)
        found = [row for row in self.rows[low:high] if row[3].end > start and row[3].start < end]
        found.sort(key=lambda row: row[1])  # entity order, then mention order: the tie-break of a full scan
        return found
