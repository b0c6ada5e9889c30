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

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from newsgraph.annotate import text_of
from newsgraph.extract.entities import gazetteer
from newsgraph.extract.entities.company_names import ORG_NOMINALS, fits, short_form
from newsgraph.extract.entities.mentions import NameMention
from newsgraph.extract.entities.nominals import find_nominals
from newsgraph.extract.entities.titles import Title
from newsgraph.identity import (
    fold,
    name_key,
    organization_core,
    person_key,
    product_key,
    same_person,
    surname,
)

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
#: Things that name a kind of product: "the aircraft", "the plane", "the car".
_PRODUCT_NOMINALS = {
    "aircraft",
    "plane",
    "airplane",
    "aeroplane",
    "airliner",
    "jet",
    "jetliner",
    "superjumbo",
    "car",
    "vehicle",
    "truck",
    "model",
    "phone",
    "smartphone",
    "handset",
    "device",
    "computer",
    "laptop",
    "tablet",
    "console",
    "player",
    "drug",
    "vaccine",
    "ship",
    "vessel",
    "satellite",
    "rocket",
    "missile",
    "product",
}
#: Things that name a financial instrument: "the index" after "the FTSE 100".
_FINANCIAL_NOMINALS = {"index", "average", "indicator", "benchmark"}
#: Pronouns and what they may refer to. Subject "he"/"she" as before; possessives and
#: objects, "it"/"its" for organisations and products, plural and first-person plural
#: pronouns for organisations (news copy says "Airbus have said they", "We ..." in a
#: company's statement).
_PERSON_PRONOUNS = {"he", "she", "his", "him", "her"}
_ORG_PRONOUNS = {"it", "its"}
_PLURAL_PRONOUNS = {"they", "their", "them"}
_FIRST_PLURAL = {"we", "our", "us"}
_RELATIVES = {"which", "who", "whom", "whose", "where"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_BE = {"is", "was", "be", "been", "'s", "’s", "seems", "seemed", "appears", "appeared"}
#: Quotation marks around quoted speech: a name inside them is not the antecedent of a
#: pronoun outside them ("'President Biden has been clear,' he said": he is the speaker).
_QUOTE_PAIRS = {"“": "”", '"': '"', "«": "»"}
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
    if cluster.type == "product":  # "Boeing 787", "787 Dreamliner" and "the Dreamliner"
        words = product_key(mention.text)
        return any(words & product_key(m.text) for m in cluster.names)
    if cluster.type == "financial":  # "the Dow", "the Dow Jones" and "the Dow Jones Industrial Average"
        mine = name_key(mention.text).split()
        for m in cluster.names:
            theirs = name_key(m.text).split()
            shorter = min(len(mine), len(theirs))
            if mine[:shorter] == theirs[:shorter] or (mention.text.isupper() and _initials(m.text) == mention.text):
                return True
        return False
    if cluster.type == "organization":
        text = mention.text.strip()
        core = organization_core(text)
        return any(
            (text.isupper() and len(text) >= 2 and _initials(m.text) == text)
            or (m.text.isupper() and len(m.text) >= 2 and _initials(text) == m.text)
            or (core and organization_core(m.text) == core)  # "Apple" and "Apple Inc."
            or short_form(text, m.text)
            or short_form(m.text, text)
            for m in cluster.names
        )
    return False


def _bracketed_acronyms(names: list[NameMention], text: str) -> dict[int, int]:
    """ "Singapore Airlines (SIA)": the acronym in brackets right after a name is that name.

    Maps the index of the acronym's mention to the index of the name's.
    """
    found = {}
    for i in range(1, len(names)):
        a, b = names[i - 1], names[i]
        if (
            b.text.isupper()
            and len(b.text) >= 2
            and text[a.end : b.start].strip() == "("
            and text[b.end : b.end + 1] == ")"
        ):
            found[i] = i - 1
    return found


def cluster_names(names: list[NameMention], text: str | None = None) -> list[Cluster]:
    """Group the article's name mentions into entities, in order of first mention.

    Full names go first so a surname seen earlier (in a headline) still finds its person.
    With the article ``text``, an acronym in brackets after a name joins that name.
    """
    acronyms = _bracketed_acronyms(names, text) if text is not None else {}
    clusters: list[Cluster] = []
    # An acronym in brackets goes with the full names, so that the same acronym in a
    # headline before the expansion ("GM posts loss ... General Motors (GM)") joins it too.
    order = sorted(
        range(len(names)), key=lambda i: (-(len(person_key(names[i].text)) > 1 or i in acronyms), names[i].start)
    )
    assigned: dict[int, Cluster] = {}
    for i in order:
        mention = names[i]
        key = name_key(mention.text)
        expansion = acronyms.get(i)
        if expansion is not None and expansion in assigned and assigned[expansion].type == mention.type:
            assigned[expansion].names.append(mention)
            assigned[i] = assigned[expansion]
            continue
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
    quoted: bool = False


def _quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks; a quotation left open at the end of its
    paragraph runs to the paragraph's end (news copy reopens it in the next paragraph)."""
    ranges = []
    i = 0
    n = len(text)
    while i < n:
        close = _QUOTE_PAIRS.get(text[i])
        if close is None:
            i += 1
            continue
        end = text.find(close, i + 1)
        newline = text.find("\n", i + 1)
        if newline < 0:
            newline = n
        if end < 0 or newline < end:
            end = newline - 1
        ranges.append((i, end + 1))
        i = end + 1
    return ranges


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
    anchors: list[_Anchor],
    before: int,
    sentence: int,
    accept: set[int],
    prefer_subject: bool,
    outside_quotes: bool = False,
) -> Cluster | None:
    """The most recent acceptable anchor before ``before``, subjects first when asked;
    with ``outside_quotes``, names inside quotation marks do not count."""
    nearby = [
        a
        for a in anchors
        if a.start < before
        and sentence - a.sentence <= _WINDOW
        and id(a.cluster) in accept
        and not (outside_quotes and a.quoted)
    ]
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


def _common_noun(token: Token) -> bool:
    return token.tag_ in ("NN", "NNS") and token.is_lower


def _span_of(doc: Doc, first: int, last: int) -> tuple[int, int]:
    """Character span of tokens ``first..last`` without edge punctuation."""
    while first < last and (doc[first].is_punct or doc[first].is_quote):
        first += 1
    while last > first and (doc[last].is_punct or doc[last].is_quote):
        last -= 1
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def _descriptions_of_names(
    doc: Doc, clusters: list[Cluster], named_tokens: set[int]
) -> list[tuple[Cluster, int, int, int]]:
    """Descriptions the syntax ties to a name: "Russian flag carrier Aeroflot", "Airbus,
    Europe's biggest aircraft manufacturer,", "Boeing's newest aircraft, the 787".

    Returns (cluster, start, end, token) for a common-noun phrase right before a name and
    modifying it, or in apposition to it. Capitalised titles ("Secretary of State") are
    the role layer's.
    """
    found = []
    for cluster in clusters:
        if cluster.type not in ("person", "organization", "product", "place"):
            continue
        for mention in cluster.names:
            span = doc[mention.token_start : mention.token_end]
            root = span.root
            before = mention.token_start - 1
            if (
                before >= 0
                and _common_noun(doc[before])
                and doc[before].head.i in range(span.start, span.end)
                and doc[before].dep_ in ("compound", "nmod", "appos", "amod")
            ):
                found.append((cluster, *_span_of(doc, doc[before].left_edge.i, before), before))
            for child in root.children:
                if (
                    child.dep_ == "appos"
                    and child.i >= span.end
                    and _common_noun(child)
                    and child.i not in named_tokens
                ):
                    found.append((cluster, *_span_of(doc, child.left_edge.i, child.right_edge.i), child.i))
            head = root.head
            if root.dep_ == "appos" and head.i < span.start and _common_noun(head) and head.i not in named_tokens:
                found.append((cluster, *_span_of(doc, head.left_edge.i, head.i), head.i))
    return found


def resolve_references(doc: Doc, clusters: list[Cluster], titles: list[Title]) -> list[Cluster]:
    """Add role nominals, descriptions, relative and personal pronouns to ``clusters``.

    Returns the entities known only by nominal phrases (:mod:`nominals`): "5,000 VIP
    guests", "the aircraft" with no named aircraft before it. One cluster per distinct
    phrase (the same words twice are one entity), without names.
    """
    sentence_of = _sentence_index(doc)
    text = text_of(doc)
    quoted = _quoted_ranges(text)

    def in_quotes(offset: int) -> bool:
        return any(a <= offset < b for a, b in quoted)

    anchors = sorted(
        (
            _Anchor(m.start, sentence_of[m.token_start], _subject_of(doc, m), c, in_quotes(m.start))
            for c in clusters
            for m in c.names
        ),
        key=lambda a: a.start,
    )
    people = {id(c) for c in clusters if c.type == "person"}
    orgs = {id(c) for c in clusters if c.type == "organization"}
    things = orgs | {id(c) for c in clusters if c.type in ("product", "financial")}
    products = {id(c) for c in clusters if c.type == "product"}
    financial = {id(c) for c in clusters if c.type == "financial"}
    named_tokens = {i for c in clusters for m in c.names for i in range(m.token_start, m.token_end)}
    # Where two names are coordinated ("Israel and the US"): a "they" soon after means both.
    groups = sorted(
        (doc[i].idx, sentence_of[i]) for i in named_tokens if doc[i].dep_ == "conj" and doc[i].head.i in named_tokens
    )
    owner: dict[int, Cluster] = {i: c for c in clusters for m in c.names for i in range(m.token_start, m.token_end)}
    titles_at = {t.token_start: t for t in titles}
    taken: set[tuple[int, int]] = set()

    def add(cluster: Cluster, start: int, end: int, kind: str, token_i: int, subject: bool) -> None:
        if (start, end) in taken:
            return
        taken.add((start, end))
        cluster.others.append((start, end, text[start:end], kind))
        bisect.insort(
            anchors, _Anchor(start, sentence_of[token_i], subject, cluster, in_quotes(start)), key=lambda a: a.start
        )
        owner.setdefault(token_i, cluster)

    for described, start, end, token_i in _descriptions_of_names(doc, clusters, named_tokens):
        add(described, start, end, "nominal", token_i, False)

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
        elif lower in ("the", "this", "that") and token.dep_ == "det":
            head = _description_head(doc, token)
            if head is None or head.i in named_tokens:
                continue  # "the Bank of Canada", "the United Kingdom": a name, not a description
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
            elif noun in _ORG_NOMINALS or noun in ORG_NOMINALS:
                accept = {id(c) for c in clusters if id(c) in orgs and fits(noun, c.names)}
            elif noun in _PRODUCT_NOMINALS:
                accept = products
            elif noun in _FINANCIAL_NOMINALS:
                accept = financial
            if accept:
                cluster = _antecedent(anchors, token.idx, sentence, accept, prefer_subject=False)
                if cluster is not None:
                    subject = head.dep_ in _SUBJECT_DEPS
                    add(cluster, token.idx, head.idx + len(head.text), "nominal", head.i, subject)
        elif lower in _RELATIVES and token.head.dep_ == "relcl":
            # "Qatar Airways, which chose ...": the relative clause hangs on the name.
            cluster = owner.get(token.head.head.i)
            if cluster is not None:
                add(cluster, token.idx, token.idx + len(token.text), "pronoun", token.i, False)
        elif lower in _PERSON_PRONOUNS or lower in _ORG_PRONOUNS or lower in _PLURAL_PRONOUNS or lower in _FIRST_PLURAL:
            subject = token.dep_ in _SUBJECT_DEPS
            if lower == "it" and subject and token.head.lower_ in _BE:
                continue  # "it is a mistake": no referent
            if lower in ("it", "them") and not subject:
                continue  # "we will do it": an object "it" is more often a deed than an actor
            if lower in _PERSON_PRONOUNS:
                if not subject and lower in ("he", "she"):
                    continue
                accept = people
            elif lower in _ORG_PRONOUNS:
                accept = things
            elif lower in _PLURAL_PRONOUNS:
                if any(start < token.idx and sentence - 1 <= where <= sentence for start, where in groups):
                    continue  # "Israel and the US ... they": a group, not one of its members
                accept = orgs
            else:
                if not in_quotes(token.idx):
                    continue  # "we" outside a quotation is the writer's
                # "we" in a statement: the organisation the story was just about (its subject),
                # when no person was the subject since (then "we" is that speaker's side,
                # which the rules cannot name: "Netanyahu said ... 'we will do it alone'").
                last = _antecedent(
                    anchors, token.idx, sentence, {id(a.cluster) for a in anchors if a.is_subject},
                    prefer_subject=True, outside_quotes=True,
                )  # fmt: skip
                accept = {id(last)} & orgs if last is not None else set()
            outside = not in_quotes(token.idx)
            cluster = _antecedent(anchors, token.idx, sentence, accept, prefer_subject=True, outside_quotes=outside)
            if cluster is not None:
                add(cluster, token.idx, token.idx + len(token.text), "pronoun", token.i, subject)

    taken_tokens = named_tokens | set(owner)
    unnamed: dict[tuple[str, str], Cluster] = {}
    for phrase, kind in find_nominals(doc, taken_tokens, named_tokens):
        start, end = phrase.start_char, phrase.end_char
        if (start, end) in taken:
            continue
        taken.add((start, end))
        words = [t.lower_ for t in phrase if t.lower_ not in ("the", "a", "an", "this", "that", "these", "those")]
        cluster = unnamed.setdefault((kind, " ".join(words)), Cluster(kind))
        cluster.others.append((start, end, text[start:end], "nominal"))
    return list(unnamed.values())
