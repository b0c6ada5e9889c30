"""In-article coreference: which mentions of an article denote the same entity.

Names are grouped first, by rules that hold in news copy:

* a person's surname or given name alone refers to the full name seen in the article
  ("Netanyahu" → "Benjamin Netanyahu"), and two full names with one surname and close
  given names are one person written two ways ("Tzahi"/"Tzachi Hanegbi");
* an acronym refers to the name whose initials it spells ("IDF" ↔ "Israel Defense Forces");
* country names, codes and short forms are one country ("US", "USA", "the United States").

Then descriptions and pronouns join the entity they refer to:

* a title used alone ("the Strategic Affairs Minister") → the person the article gave it;
* a definite description ("the enclave", "the company", "the Jewish state") → the most
  recent compatible entity (a territory, an organisation, a country);
* a subject pronoun (he/she, and "it" for organisations) → the most recent person
  (organisation) mentioned as a subject, else mentioned at all, nearby.

Full coreference models are large and slow; these rules cover the mentions that carry
facts in news (speakers and actors) at no measurable cost. Written by hand for that reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from newsgraph.extract.entities import gazetteer
from newsgraph.extract.entities.identity import fold, name_key, person_key, same_person, surname
from newsgraph.extract.entities.mentions import NameMention
from newsgraph.extract.entities.titles import Title

#: Definite descriptions and the entity types and place kinds they can refer to.
_PLACE_NOMINALS = {
    "city": {"city"},
    "town": {"city"},
    "capital": {"city"},
    "village": {"city"},
    "country": {"country"},
    "nation": {"country"},
    "state": {"country"},
    "kingdom": {"country"},
    "republic": {"country"},
    "enclave": {"territory", "region"},
    "territory": {"territory", "region"},
    "strip": {"territory", "region"},
    "region": {"region", "territory"},
    "province": {"region"},
}
_ORG_NOMINALS = {
    "company",
    "firm",
    "group",
    "organisation",
    "organization",
    "movement",
    "airline",
    "carrier",
    "manufacturer",
    "maker",
    "planemaker",
    "automaker",
    "carmaker",
    "bank",
    "corporation",
    "conglomerate",
    "agency",
    "party",
    "militia",
    "ministry",
    "retailer",
    "insurer",
    "union",
    "alliance",
}
_PERSON_PRONOUNS = {"he", "she"}
_ORG_PRONOUNS = {"it"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_BE = {"is", "was", "be", "been", "'s", "’s", "seems", "seemed", "appears", "appeared"}
#: How far back (in sentences) a description or pronoun looks for its antecedent.
_WINDOW = 3


@dataclass(slots=True)
class Cluster:
    """Mentions of one entity: names first, then descriptions and pronouns."""

    type: str
    names: list[NameMention] = field(default_factory=list)
    #: (start, end, text, kind) of nominal and pronoun mentions.
    others: list[tuple[int, int, str, str]] = field(default_factory=list)
    place_kind: str | None = None
    country_code: str | None = None
    role_titles: set[str] = field(default_factory=set)

    @property
    def person_names(self) -> list[tuple[str, ...]]:
        return [person_key(m.text) for m in self.names]


def _initials(text: str) -> str:
    words = [w for w in text.replace("-", " ").split() if w[:1].isupper()]
    return "".join(w[0] for w in words)


def _joins(cluster: Cluster, mention: NameMention, key: str) -> bool:
    """Whether ``mention`` names the entity of ``cluster`` (same type)."""
    if any(name_key(m.text) == key for m in cluster.names):
        return True
    if cluster.type == "person":
        tokens = person_key(mention.text)
        if len(tokens) == 1:  # a surname or a given name alone
            return any(tokens[0] in (surname(n), n[0]) for n in cluster.person_names if len(n) > 1) or any(
                n == tokens for n in cluster.person_names
            )
        return any(same_person(tokens, n) for n in cluster.person_names)
    if cluster.type == "place" and cluster.country_code and cluster.place_kind == "country":
        text = mention.text.strip()
        bare = text[4:] if text.lower().startswith("the ") else text
        return gazetteer.country_of(bare) == cluster.country_code
    if cluster.type == "organization":
        text = mention.text.strip()
        return any(
            (text.isupper() and len(text) >= 2 and _initials(m.text) == text)
            or (m.text.isupper() and len(m.text) >= 2 and _initials(text) == m.text)
            for m in cluster.names
        )
    return False


def cluster_names(names: list[NameMention]) -> list[Cluster]:
    """Group the article's name mentions into entities, in order of first mention.

    Full names go first so a surname seen earlier (in a headline) still finds its person.
    """
    clusters: list[Cluster] = []
    order = sorted(range(len(names)), key=lambda i: (-(len(person_key(names[i].text)) > 1), names[i].start))
    assigned: dict[int, Cluster] = {}
    for i in order:
        mention = names[i]
        key = name_key(mention.text)
        candidates = [c for c in clusters if c.type == mention.type and _joins(c, mention, key)]
        if candidates:
            # Among several people with one surname, the one mentioned last before this one.
            best = max(
                candidates, key=lambda c: max((m.start for m in c.names if m.start <= mention.start), default=-1)
            )
            best.names.append(mention)
            assigned[i] = best
            continue
        cluster = Cluster(mention.type, [mention])
        if mention.type == "place":
            place = gazetteer.lookup_place(mention.text.strip())
            if place is not None:
                cluster.place_kind, cluster.country_code = place.kind, place.country_code
        clusters.append(cluster)
        assigned[i] = cluster
    for cluster in clusters:
        cluster.names.sort(key=lambda m: m.start)
    clusters.sort(key=lambda c: c.names[0].start)
    return clusters


@dataclass(slots=True)
class _Anchor:
    start: int
    sentence: int
    is_subject: bool
    cluster: Cluster


def _sentence_index(doc: Doc) -> list[int]:
    index = [0] * len(doc)
    if not doc.has_annotation("SENT_START"):
        return index
    for number, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            index[i] = number
    return index


def _subject_of(doc: Doc, mention: NameMention) -> bool:
    return any(t.dep_ in _SUBJECT_DEPS for t in doc[mention.token_start : mention.token_end])


def _antecedent(
    anchors: list[_Anchor], before: int, sentence: int, accept: set[int], prefer_subject: bool
) -> Cluster | None:
    """The most recent acceptable anchor before ``before``, subjects first when asked."""
    nearby = [a for a in anchors if a.start < before and sentence - a.sentence <= _WINDOW and id(a.cluster) in accept]
    if not nearby:
        return None
    if prefer_subject:
        subjects = [a for a in nearby if a.is_subject]
        if subjects:
            return subjects[-1].cluster
    return nearby[-1].cluster


def _description_head(doc: Doc, token: Token) -> Token | None:
    """The head noun of "the <modifiers> <noun>" starting at ``token`` ("the"), if it ends there."""
    j = token.i + 1
    while j < len(doc) and doc[j].tag_ in {"JJ", "JJR", "JJS", "NN", "NNP", "VBN"} and j < token.i + 5:
        j += 1
    if j == token.i + 1:
        return None
    head = doc[j - 1]
    if head.tag_ not in {"NN", "NNP"} or (j < len(doc) and doc[j].tag_ in {"NN", "NNS", "NNP"}):
        return None
    return head


def resolve_references(doc: Doc, clusters: list[Cluster], titles: list[Title]) -> None:
    """Add role nominals, definite descriptions and subject pronouns to ``clusters``."""
    sentence_of = _sentence_index(doc)
    anchors = sorted(
        (_Anchor(m.start, sentence_of[m.token_start], _subject_of(doc, m), c) for c in clusters for m in c.names),
        key=lambda a: a.start,
    )
    people = {id(c) for c in clusters if c.type == "person"}
    orgs = {id(c) for c in clusters if c.type == "organization"}
    named_tokens = {i for c in clusters for m in c.names for i in range(m.token_start, m.token_end)}
    titles_at = {t.token_start: t for t in titles}

    def add(cluster: Cluster, start: int, end: int, kind: str, token_i: int, subject: bool) -> None:
        cluster.others.append((start, end, doc.text[start:end], kind))
        anchors.append(_Anchor(start, sentence_of[token_i], subject, cluster))
        anchors.sort(key=lambda a: a.start)

    for token in doc:
        if token.i in named_tokens:
            continue
        lower = token.lower_
        sentence = sentence_of[token.i]
        if lower == "the" and token.i + 1 in titles_at:
            title = titles_at[token.i + 1]
            if title.token_end < len(doc) and title.token_end in named_tokens:
                continue  # "the Foreign Minister Sameh Shoukry": the name carries it
            wanted = fold(title.text)
            holders = {id(c) for c in clusters if c.type == "person" and wanted in c.role_titles}
            cluster = _antecedent(anchors, token.idx, sentence, holders, prefer_subject=False)
            if cluster is None and len(holders) == 1:
                cluster = next(c for c in clusters if id(c) in holders)
            if cluster is not None:
                add(cluster, token.idx, title.end, "nominal", token.i, False)
        elif lower == "the":
            head = _description_head(doc, token)
            if head is None:
                continue
            noun = head.lower_
            accept: set[int] = set()
            if noun in _PLACE_NOMINALS:
                kinds = _PLACE_NOMINALS[noun]
                # "the Jewish state": a demonym among the modifiers names the country.
                modifiers = doc[token.i + 1 : head.i]
                countries = {gazetteer.country_for_demonym(t.text) for t in modifiers} - {None}
                if not countries and any(t.ent_type_ == "NORP" for t in modifiers):
                    continue  # "the Jewish state": which country needs knowledge the rules lack
                accept = {
                    id(c)
                    for c in clusters
                    if c.type == "place" and c.place_kind in kinds and (not countries or c.country_code in countries)
                }
            elif noun in _ORG_NOMINALS:
                accept = orgs
            if accept:
                cluster = _antecedent(anchors, token.idx, sentence, accept, prefer_subject=False)
                if cluster is not None:
                    add(cluster, token.idx, head.idx + len(head.text), "nominal", token.i, token.dep_ in _SUBJECT_DEPS)
        elif token.dep_ in _SUBJECT_DEPS and (lower in _PERSON_PRONOUNS or lower in _ORG_PRONOUNS):
            if lower in _ORG_PRONOUNS and token.head.lower_ in _BE:
                continue  # "it is a mistake": no referent
            accept = people if lower in _PERSON_PRONOUNS else orgs
            cluster = _antecedent(anchors, token.idx, sentence, accept, prefer_subject=True)
            if cluster is not None:
                add(cluster, token.idx, token.idx + len(token.text), "pronoun", token.i, True)
