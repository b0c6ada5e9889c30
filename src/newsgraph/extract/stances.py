"""Stances: who supports or opposes which plan, policy or action, with the words that show it.

A stance needs a *holder* (the speaker of a quote or reported statement, or someone the
statement names as holding the view: "President Biden has been very clear that ..."), a
*target* (a plan, policy or action: "a military operation in Rafah", "the ceasefire deal")
and the *evidence* that decides its polarity. The evidence is read off the dependency
parse of the statement's sentences, in this order:

1. the target as the subject of an evaluation: "X would be a mistake" (oppose),
   "X would lead to a catastrophe" (oppose), "X is essential" (support);
2. the target as the object of a stance verb or preposition: "can't support X" (oppose:
   negation flips), "statements against X" (oppose), "backs X" (support);
3. necessity: "there is no way to defeat them without X" (support);
4. failing those, the sentence's evaluative words when they all point one way
   ("it was imperative to ..., including by going after them in Rafah").

Targets are noun phrases headed by an issue noun (operation, offensive, ceasefire, deal,
plan, sanctions...). Mentions of one target are grouped by head and place: "a major
military operation in Rafah", "a Rafah operation" and "the operation" are one target,
labelled by its commonest classifying words ("military operation in Rafah"). Moving into
the target's place ("going into Rafah") and evaluating the place ("Rafah is essential to
defeating them") count as mentions of the one military target keyed by that place.

This is lexicon-and-syntax work on purpose: no open stance classifier runs offline on
a laptop at spaCy speed, and the rules give the evidence span a reader can check.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import numpy
from spacy.tokens import Doc, Span, Token

from newsgraph.extract.entities import entity_at
from newsgraph.extract.quotes.cues import inflections
from newsgraph.records import Document, Entity, Polarity, Quote, Stance


def _forms(*words: str) -> frozenset[str]:
    """Every inflection of closed-class lexicon words: the pipeline runs no lemmatizer (for
    speed), so lexicons list forms, as the quote cues do."""
    return frozenset(form for word in words for form in inflections(word))


def _words(*lines: str) -> frozenset[str]:
    return frozenset(" ".join(lines).split())


#: Heads of noun phrases that name something one can be for or against.
ISSUE_HEADS = _forms(
    "operation", "offensive", "invasion", "incursion", "assault", "attack", "strike", "airstrike",
    "bombing", "ceasefire", "cease-fire", "truce", "deal", "agreement", "accord", "treaty", "plan",
    "policy", "proposal", "bill", "legislation", "sanction", "embargo", "blockade", "withdrawal",
    "annexation", "occupation", "reform", "ban", "tariff", "resolution", "referendum", "evacuation",
    "expansion", "deployment", "program", "programme",
)  # fmt: skip
#: Heads of the military actions that "going into X" and "X is essential" can refer to.
MILITARY_HEADS = _forms("operation", "offensive", "invasion", "incursion", "assault", "attack", "bombing")
#: Verbs of moving or pushing into a place ("going into Rafah", "going after them in Rafah").
MOTION_VERBS = _forms("go", "enter", "move", "push", "invade", "storm", "advance") | {"went", "gone"}
#: Modifiers that grade a target rather than classify it: left out of its label.
GRADING_WORDS = _words(
    "major big large small limited full new possible planned proposed expected looming imminent",
    "wider broader further any such",
)

NEGATIVE_EVALUATION = _words(
    "mistake mistakes disaster disastrous catastrophe catastrophic tragedy error wrong",
    "dangerous unacceptable illegal unlawful reckless counterproductive unjustified outrageous",
    "irresponsible unwise folly crime bloodbath",
)
POSITIVE_EVALUATION = _words(
    "essential necessary imperative vital needed crucial important right justified legitimate",
    "indispensable inevitable key",
)
SUPPORT_WORDS = _forms(
    "support", "back", "endorse", "favor", "favour", "welcome", "approve", "want", "need", "urge",
    "advocate", "defend", "praise", "launch", "conduct", "pursue", "accept", "embrace", "continue",
)  # fmt: skip
OPPOSE_WORDS = _forms(
    "oppose", "reject", "condemn", "criticize", "criticise", "denounce", "prevent", "stop", "block",
    "halt", "avoid", "veto", "protest", "resist", "decry", "slam", "warn",
) | {"stopped", "stopping", "slammed", "slamming", "opposition", "criticism", "condemnation", "rejection"}  # fmt: skip
#: Predicates that make their subject a holder of the view the sentence states.
HOLDER_PREDICATES = _forms("say", "insist", "believe", "argue", "stress", "warn", "think") | {"said", "told"}
CLEAR_WORDS = frozenset({"clear", "adamant", "firm", "convinced", "unequivocal"})
NECESSITY_HEADS = frozenset({"way", "option", "alternative", "choice", "chance"})
_NEGATIONS = frozenset({"not", "n't", "n’t", "never", "no", "cannot"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
#: Where an evaluative word says something of a clause rather than of one noun.
_PREDICATIVE = frozenset({"acomp", "attr", "oprd", "ROOT", "ccomp", "xcomp", "conj"})
#: Words between a target and a loosely attached evaluation of it.
_NEAR = 12
_CLAUSES = frozenset({"relcl", "acl", "punct", "advcl", "appos", "cc", "conj"})


@dataclass(slots=True)
class _Target:
    head: str
    place: Entity | None
    #: The classifying words of each mention ("military" of "a major military operation").
    phrasings: list[tuple[str, ...]] = field(default_factory=list)

    @property
    def label(self) -> str:
        """The commonest classifying words with the head, and the place: "military operation in Rafah"."""
        named = Counter(p for p in self.phrasings if p)
        words = max(named, key=lambda p: (named[p], -self.phrasings.index(p))) if named else ()
        label = " ".join([*words, self.head])
        return f"{label} in {self.place.name}" if self.place is not None else label


class _Places:
    """The article's places by the characters of their mentions, and by name where the
    entity layer missed an occurrence of a name it found elsewhere in the article."""

    def __init__(self, entities: list[Entity]) -> None:
        self.at_char: dict[int, Entity] = {}
        self.by_name: dict[str, Entity] = {}
        for entity in entities:
            if entity.type != "place":
                continue
            for mention in entity.mentions:
                self.at_char.update(dict.fromkeys(range(mention.start, mention.end), entity))
                if mention.kind == "name" and " " not in mention.text:
                    self.by_name[mention.text.lower()] = entity

    def at(self, token: Token) -> Entity | None:
        entity = self.at_char.get(token.idx)
        if entity is None and token.tag_.startswith("NNP"):
            entity = self.by_name.get(token.lower_)
        return entity


@dataclass(slots=True)
class _Mention:
    token: Token  # the word whose syntactic position carries the evidence
    target: _Target
    start: int
    end: int


@dataclass(slots=True)
class _Evidence:
    polarity: Polarity
    cue: Token


def extract_stances(doc: Doc, document: Document) -> list[Stance]:
    """Stances of the article's speakers towards the plans, policies and actions they discuss,
    and of whoever takes a position by an act ("voted against the development", "backed the bill")."""
    # Imported here: the act rules reuse this module's target and polarity helpers.
    from newsgraph.extract.stance_acts import act_stances

    said = _said_stances(doc, document)
    held = {(s.holder_entity or s.holder, s.target.lower()) for s in said}
    # A statement and an act read off the same word ("said he supported the plan") are one stance.
    cues = {(s.holder_entity or s.holder, s.cue_start) for s in said}
    acts = [
        s
        for s in act_stances(doc, document.entities)
        if (s.holder_entity or s.holder, s.target.lower()) not in held
        and (s.holder_entity or s.holder, s.cue_start) not in cues
    ]
    return sorted([*said, *acts], key=lambda s: s.start)


def _said_stances(doc: Doc, document: Document) -> list[Stance]:
    statements = [q for q in document.quotes if q.kind != "partial" and (q.speaker_entity or q.speaker)]
    if not statements:
        return []
    entities = document.entities
    mentions = _target_mentions(doc, entities)
    found: dict[tuple[str, int], list[tuple[_Evidence, _Mention, Quote]]] = defaultdict(list)
    holders_by_key: dict[tuple[str, int], tuple[str, str | None]] = {}
    for mention in mentions:
        statement = _statement_of(doc, mention, statements)
        if statement is None:
            continue
        evidence = _evidence(mention.token, mention)
        if evidence is None:
            continue
        for holder, holder_id in _holders(doc, mention.token.sent, statement, entities):
            key = (holder_id or holder, id(mention.target))
            found[key].append((evidence, mention, statement))
            holders_by_key[key] = (holder, holder_id)
    return [_stance(holders_by_key[key], items) for key, items in found.items()]


def _stance(holder: tuple[str, str | None], items: list[tuple[_Evidence, _Mention, Quote]]) -> Stance:
    votes = Counter(e.polarity for e, _, _ in items)
    ranked = votes.most_common()
    polarity: Polarity = "neutral" if len(ranked) > 1 and ranked[0][1] == ranked[1][1] else ranked[0][0]
    evidence, mention, statement = (
        next(item for item in items if item[0].polarity == polarity) if (polarity != "neutral") else items[0]
    )
    cue = evidence.cue
    return Stance(
        holder=holder[0],
        target=mention.target.label,
        polarity=polarity,
        start=min(statement.start, mention.start),
        end=max(statement.end, mention.end),
        holder_entity=holder[1],
        evidence="quote" if statement.kind in {"direct", "mixed"} else "statement",
        target_start=mention.start,
        target_end=mention.end,
        cue=cue.text,
        cue_start=cue.idx,
        cue_end=cue.idx + len(cue.text),
    )


# --- targets -----------------------------------------------------------------------------


def _target_mentions(doc: Doc, entities: list[Entity]) -> list[_Mention]:
    places = _Places(entities)
    targets: dict[tuple[str, str | None], _Target] = {}
    last_by_head: dict[str, _Target] = {}
    mentions: list[_Mention] = []
    for token in _tokens_in(doc, ISSUE_HEADS):
        if token.tag_.startswith("NN"):
            head = _singular(token.lower_)
            place = _place_of(token, places)
            if place is None and _definite(token) and head in last_by_head:
                target = last_by_head[head]  # "the operation": the one talked about
            else:
                target = targets.setdefault((head, place.id if place else None), _Target(head, place))
            words = [c.lower_ for c in token.lefts if c.dep_ in {"amod", "compound"} and _classifier(c, places)]
            target.phrasings.append(tuple(words))
            last_by_head[head] = target
            start, end = _phrase_span(token)
            mentions.append(_Mention(token, target, start, end))
    by_place: dict[str, list[_Target]] = defaultdict(list)
    for target in {id(t): t for t in targets.values()}.values():
        if target.place is not None and target.head in MILITARY_HEADS:
            by_place[target.place.id].append(target)
    if by_place:
        mentions.extend(_place_mentions(doc, places, by_place))
    return mentions


def _place_mentions(doc: Doc, places: _Places, by_place: dict[str, list[_Target]]) -> list[_Mention]:
    """ "going into Rafah" and "Rafah is essential": the military action keyed by that place."""
    found = []
    for token in _tokens_in(doc, places.by_name.keys()):
        if not token.tag_.startswith("NNP"):
            continue
        place = places.at(token)
        if place is None or len(by_place.get(place.id, ())) != 1:
            continue
        target = by_place[place.id][0]
        mover = _motion_verb(token)
        if mover is not None:
            start, end = mover.idx, token.idx + len(token.text)
            found.append(_Mention(mover, target, start, end))
        elif token.dep_ in _SUBJECTS and _evaluation(token.head) is not None:
            found.append(_Mention(token, target, token.idx, token.idx + len(token.text)))
    return found


def _tokens_in(doc: Doc, words: Iterable[str]) -> Iterator[Token]:
    """Tokens whose lower-case form is one of ``words``, found without walking the doc in
    Python: building a Token object per word costs more than the whole stance search."""
    lowers = [doc.vocab.strings[w] for w in words if w in doc.vocab.strings]
    if not lowers:
        return
    column = doc.to_array("LOWER")
    for i in numpy.flatnonzero(numpy.isin(column, numpy.asarray(lowers, dtype=column.dtype))):
        yield doc[int(i)]


def _motion_verb(token: Token) -> Token | None:
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in {"into", "in"}:
        return None
    verb = prep.head
    return verb if verb.lower_ in MOTION_VERBS and verb.tag_.startswith("VB") else None


def _place_of(token: Token, places: _Places) -> Entity | None:
    """The place a target is in: "a Rafah operation", "an operation in Rafah"."""
    candidates = [c for c in token.lefts if c.dep_ in {"compound", "nmod", "amod"}]
    candidates += [g for c in token.rights if c.dep_ == "prep" and c.lower_ in {"in", "into", "on"} for g in c.children]
    return next((p for p in map(places.at, candidates) if p is not None), None)


def _classifier(token: Token, places: _Places) -> bool:
    lower = token.lower_
    if lower in GRADING_WORDS or lower in POSITIVE_EVALUATION or lower in NEGATIVE_EVALUATION:
        return False
    if not token.is_alpha or token.tag_.startswith("NNP"):
        return False
    return places.at(token) is None


def _definite(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in token.lefts)


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _phrase_span(token: Token) -> tuple[int, int]:
    left = min((c for c in token.lefts if c.dep_ != "punct"), key=lambda c: c.i, default=token)
    end_token = token
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ in {"in", "into", "on", "against", "for", "with"}:
            # the object with its own modifiers, not its relative clause: "in Rafah, where ..."
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects:
                end_token = _core_end(objects[0])
            break
    return left.idx, end_token.idx + len(end_token.text)


def _core_end(token: Token) -> Token:
    """The last word of a phrase without its clauses and appositions."""
    end = token
    for child in token.rights:
        if child.dep_ in _CLAUSES:
            break
        end = _core_end(child)
    return end


# --- evidence ----------------------------------------------------------------------------


def _evidence(token: Token, mention: _Mention) -> _Evidence | None:
    """What the statement says of the target, read from the target's own syntactic slot."""
    if token.dep_ in _SUBJECTS:
        evaluation = _evaluation(token.head)
        if evaluation is not None:
            return evaluation
    head = token.head
    if token.dep_ in {"pobj", "pcomp"} and head.lower_ == "without" and _negated_necessity(head):
        return _Evidence("support", head)
    if token.dep_ == "pobj" and head.lower_ == "against":
        return _Evidence("oppose", head)
    if token.dep_ == "pobj" and head.lower_ in {"for", "of", "to"}:
        stance = _stance_word(head.head)  # "support for X", "opposition to X"
        if stance is not None:
            return stance
    if token.dep_ in {"dobj", "nsubjpass"}:
        stance = _stance_word(head)
        if stance is not None:
            return stance
        if head.dep_ == "xcomp":
            # "wants to launch X" is support only through "launch"; "refused to launch X"
            # is opposition: the governing verb's negation or refusal flips it.
            return None
    return _sentence_evidence(token.sent, mention)


def _evaluation(predicate: Token) -> _Evidence | None:
    """ "... would be a mistake", "... would lead to a catastrophe", "... is essential"."""
    candidates = [predicate, *(c for c in predicate.children if c.dep_ in {"attr", "acomp", "oprd"})]
    candidates += [g for c in predicate.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    for word in candidates:
        polarity: Polarity | None = None
        if word.lower_ in NEGATIVE_EVALUATION:
            polarity = "oppose"
        elif word.lower_ in POSITIVE_EVALUATION:
            polarity = "support"
        if polarity is not None:
            return _Evidence(_flip(polarity) if _negated(predicate) else polarity, word)
    return None


def _stance_word(word: Token) -> _Evidence | None:
    if word.dep_ == "acl":
        return None  # "United States failure to support X": someone else's stance
    polarity: Polarity | None = None
    if word.lower_ in SUPPORT_WORDS:
        polarity = "support"
    elif word.lower_ in OPPOSE_WORDS:
        polarity = "oppose"
    if polarity is None:
        return None
    return _Evidence(_flip(polarity) if _negated(word) else polarity, word)


def _negated_necessity(without: Token) -> bool:
    """ "no way to defeat Hamas without X", "cannot win without X": X is needed."""
    for ancestor in without.ancestors:
        if ancestor.lower_ in NECESSITY_HEADS and any(c.lower_ == "no" for c in ancestor.lefts):
            return True
        if _negated(ancestor):
            return True
    return False


def _sentence_evidence(sentence: Span, mention: _Mention) -> _Evidence | None:
    """A predicative evaluation near the target ("it was imperative to ..., including by
    going after them in Rafah"), when the sentence's evaluations all point one way: the
    parse often attaches such trailing phrases to the wrong clause."""
    cues = [
        t
        for t in sentence
        if (t.lower_ in POSITIVE_EVALUATION or t.lower_ in NEGATIVE_EVALUATION)
        and t.dep_ in _PREDICATIVE
        and not mention.start <= t.idx < mention.end
    ]
    if not cues or any(_negated(t.head) or _negated(t) for t in cues):
        return None
    polarities = {"support" if t.lower_ in POSITIVE_EVALUATION else "oppose" for t in cues}
    nearest = min(cues, key=lambda t: abs(t.i - mention.token.i))
    if len(polarities) != 1 or abs(nearest.i - mention.token.i) > _NEAR:
        return None
    return _Evidence("support" if "support" in polarities else "oppose", nearest)


def _negated(word: Token) -> bool:
    return any(c.dep_ == "neg" or (c.dep_ in {"aux", "advmod"} and c.lower_ in _NEGATIONS) for c in word.children)


def _flip(polarity: Polarity) -> Polarity:
    return "oppose" if polarity == "support" else "support" if polarity == "oppose" else polarity


# --- holders -----------------------------------------------------------------------------


def _statement_of(doc: Doc, mention: _Mention, statements: list[Quote]) -> Quote | None:
    """The innermost statement whose words contain the mention, else one whose cue opens its sentence."""
    inside = [q for q in statements if q.start <= mention.start and mention.end <= q.end]
    if inside:
        return min(inside, key=lambda q: q.end - q.start)
    # A mixed quote's sentence runs on past its marks ('underscored that it was "imperative"
    # to ..., including by going after them in Rafah'): what follows its cue is still the
    # speaker's, what comes before the cue is the narrator's.
    sentence = mention.token.sent
    around = [
        q
        for q in statements
        if q.cue_start is not None
        and sentence.start_char <= q.cue_start < mention.start
        and q.start < sentence.end_char
        and q.end > sentence.start_char
    ]
    return min(around, key=lambda q: q.end - q.start) if around else None


def _holders(doc: Doc, sentence: Span, statement: Quote, entities: list[Entity]) -> list[tuple[str, str | None]]:
    """The statement's speaker, and whoever the sentence says holds the view with them."""
    holders = [(statement.speaker or "", statement.speaker_entity)]
    for token in sentence:
        if token.dep_ not in _SUBJECTS or not token.tag_.startswith("NNP"):
            continue
        predicate = token.head
        says = predicate.lower_ in HOLDER_PREDICATES
        clear = any(c.dep_ == "acomp" and c.lower_ in CLEAR_WORDS for c in predicate.children)
        if not (says or clear):
            continue
        hit = entity_at(entities, token.idx, token.idx + len(token.text))
        if hit is None or hit[0].type not in {"person", "organization"}:
            continue
        if hit[0].id not in {h[1] for h in holders}:
            holders.append((hit[0].name, hit[0].id))
    return holders
