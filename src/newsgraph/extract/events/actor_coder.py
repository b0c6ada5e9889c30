"""Actors of the event coder: noun phrases coded as CAMEO actors, the article's entities first,
then the actor dictionaries, then the agents dictionary with a country from a modifier."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Token

from newsgraph.extract.entities import entity_at
from newsgraph.extract.entities.actors import (
    ActorDictionary,
    AgentDictionary,
    load_actor_dictionary,
    load_agent_dictionary,
)
from newsgraph.extract.entities.gazetteer import country_for_demonym
from newsgraph.extract.events.syntax import PRONOUN_TAGS, conjuncts, np_bounds, subject_of
from newsgraph.records import Entity, Quote

#: Entity types that take part in events without an actor code.
PARTICIPANT_TYPES = frozenset({"person", "organization", "group"})
#: Role nouns of local actors that the Phoenix agents dictionary lacks, coded with its own sectors
#: (a union as its workers, LAB; a council as a mayor, GOV; a firm as a company, BUS).
LOCAL_AGENTS = {
    "union": "LAB", "unions": "LAB", "strikers": "LAB", "staff": "LAB",
    "council": "GOV", "councils": "GOV", "councillor": "GOV", "councillors": "GOV", "councilor": "GOV",
    "councilors": "GOV", "councilman": "GOV", "councilwoman": "GOV", "authority": "GOV", "authorities": "GOV",
    "firm": "BUS", "firms": "BUS", "shareholders": "BUS", "shareholder": "BUS", "bank": "BUS", "banks": "BUS",
    "retailer": "BUS", "supermarket": "BUS", "insurer": "BUS", "lender": "BUS", "airline": "BUS",
    "bosses": "BUS", "boss": "BUS", "management": "BUS",
    "researchers": "EDU", "researcher": "EDU", "university": "EDU",
}  # fmt: skip
#: First-person words: inside a quotation they are its speaker, whatever a pronoun resolver says.
_FIRST_PERSON = frozenset({"i", "me", "my", "myself", "we", "us", "our", "ourselves"})


@dataclass(slots=True)
class Actor:
    """An actor phrase: its head token, words, code and entity."""

    head: Token
    start: int
    end: int
    text: str
    code: str | None
    entity: Entity | None = None


class ActorCoder:
    """Codes noun phrases as CAMEO actors, with the article's entities first."""

    def __init__(
        self,
        entities: list[Entity],
        date: str | None,
        actors: ActorDictionary | None = None,
        agents: AgentDictionary | None = None,
        quotes: list[Quote] | None = None,
    ) -> None:
        self.entities = entities
        by_id = {e.id: e for e in entities}
        # Quotations with a known speaker, for first-person words inside them (innermost first).
        self._quotes = sorted(
            ((q.start, q.end, by_id[q.speaker_entity]) for q in quotes or () if q.speaker_entity in by_id),
            key=lambda q: q[1] - q[0],
        )
        self.date = date
        self.actors = actors or load_actor_dictionary()
        self.agents = agents or load_agent_dictionary()
        self._cache: dict[int, Actor | None] = {}
        # Mention starts and ends, to skip the entity search for words no mention covers.
        spans = sorted((m.start, m.end) for e in entities for m in e.mentions)
        self._starts = [start for start, _ in spans]
        self._max_end = [0] * len(spans)
        running = 0
        for i, (_, end) in enumerate(spans):
            running = max(running, end)
            self._max_end[i] = running

    def actors_of(self, head: Token, uncoded: bool = False) -> list[Actor]:
        """The coded actors a noun phrase headed by ``head`` names (conjuncts included).

        ``uncoded``: when none has a code, the people and organisations it names without one
        ("Acme Corp", "Arsenal"): participants all the same, which the coder takes only where
        no coded actor is found.
        """
        out = []
        for token in conjuncts(head):
            actor = self.actor(token)
            if actor is not None and actor.code:
                out.append(actor)
        if out or not uncoded:
            return out
        return [
            actor
            for token in conjuncts(head)
            if (actor := self.actor(token)) is not None and actor.entity is not None and not actor.code
        ]

    def actor(self, head: Token, depth: int = 0) -> Actor | None:
        if head.i in self._cache:
            return self._cache[head.i]
        actor = self._actor(head, depth)
        self._cache[head.i] = actor
        return actor

    def _actor(self, head: Token, depth: int) -> Actor | None:
        start, end = np_bounds(head)
        doc = head.doc
        span = doc[start:end]
        if head.lower_ in _FIRST_PERSON and head.tag_ in PRONOUN_TAGS:
            # "I told him", "we will do it": in a quotation, the speaker (a head of government's
            # "we" is their government, which their actor code already names).
            for q_start, q_end, speaker in self._quotes:
                if q_start <= head.idx < q_end:
                    code = speaker.actor_code or speaker.country_code
                    return Actor(head, span.start_char, span.end_char, speaker.name, code, speaker) if code else None
        entity = self._entity(head)
        if entity is not None:
            code = entity.actor_code or entity.country_code
            if code is None:
                code = self._dictionary_code(entity.name)
            if code is not None:
                return Actor(head, span.start_char, span.end_char, entity.name, code, entity)
        if head.tag_ in PRONOUN_TAGS:
            return self._bound_possessive(head, depth)
        words = [t for t in span if t.dep_ != "det" and t.tag_ not in ("POS", "DT", "PRP$")]
        text = " ".join(t.text for t in words)
        code = self._dictionary_code(text) if text else None
        if code is None and words:
            code = self._composed(head, words)
        if code is None and depth < 2:
            # "Hundreds of UN troops", "part of Syria's second city": the actor is the "of" object.
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            inner = self.actor(pobj, depth + 1)
                            if inner is not None and inner.code:
                                return inner
            for child in head.children:
                if child.dep_ == "appos":
                    inner = self.actor(child, depth + 1)
                    if inner is not None and inner.code:
                        return inner
        if code is None:
            if entity is not None and entity.type in PARTICIPANT_TYPES:
                return Actor(head, span.start_char, span.end_char, entity.name, None, entity)
            return None
        return Actor(head, span.start_char, span.end_char, span.text, code, entity)

    def _bound_possessive(self, head: Token, depth: int) -> Actor | None:
        """ "its", "their" the resolver left alone: the subject of their clause, as binding has it
        ("Hamas must be removed from *its* control"), when that is a coded non-person actor."""
        if head.lower_ not in ("its", "their") or depth >= 2:
            return None
        verb = head.head
        for _ in range(8):
            if verb.tag_.startswith("VB") or verb.head.i == verb.i:
                break
            verb = verb.head
        subject = subject_of(verb) if verb.tag_.startswith("VB") else None
        if subject is None or subject.tag_ in PRONOUN_TAGS:
            return None
        actor = self.actor(subject, depth + 1)
        if actor is None or not actor.code or (actor.entity is not None and actor.entity.type == "person"):
            return None
        return Actor(head, head.idx, head.idx + len(head), actor.text, actor.code, actor.entity)

    def _covered(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self._starts, end) - 1
        return i >= 0 and self._max_end[i] > start

    def _entity(self, token: Token) -> Entity | None:
        if not self._covered(token.idx, token.idx + len(token)):
            return None
        found = entity_at(self.entities, token.idx, token.idx + len(token))
        if found is None:
            return None
        entity, mention = found
        # The head word must be inside the mention: "Russian building" is not Russia.
        if mention.start <= token.idx and token.idx + len(token) <= mention.end:
            if entity.type == "group" and token.tag_.startswith("JJ"):
                return None
            return entity
        return None

    def _dictionary_code(self, text: str) -> str | None:
        code = self.actors.code(text, self.date)
        return code

    def _composed(self, head: Token, words: list[Token]) -> str | None:
        """Sector from the agents dictionary, country from a modifier: "Syrian rebels" → SYRREB."""
        noun = " ".join(t.lower_ for t in words if t.i >= head.i or t.dep_ in ("compound",))
        pattern = self.agents.find(noun) if noun else None
        if pattern is None:
            pattern = self.agents.find(head.lower_)
        if pattern is None and head.lower_ in LOCAL_AGENTS and head.tag_.startswith("NN"):
            pattern = "~" + LOCAL_AGENTS[head.lower_]
        country = None
        for token in words:
            if token.i == head.i:
                continue
            entity = self._entity_any(token)
            if entity is not None and (entity.actor_code or entity.country_code):
                country = entity.actor_code or entity.country_code
                break
            code = country_for_demonym(token.text)
            if code:
                country = code
                break
            code = self._dictionary_code(token.text) if token.tag_.startswith("NNP") else None
            if code:
                country = code
                break
        if pattern is None:
            # "the Russian building": PETRARCH-style, a national modifier alone codes the country.
            return country if country and head.tag_.startswith("NN") and not head.tag_.startswith("NNP") else None
        if country is None:
            country = "---"
        sector = pattern.replace("~", "")
        if not sector:
            return country
        if country.endswith(sector):
            return country
        return pattern.replace("~", country) if "~" in pattern else country + pattern

    def _entity_any(self, token: Token) -> Entity | None:
        if not self._covered(token.idx, token.idx + len(token)):
            return None
        found = entity_at(self.entities, token.idx, token.idx + len(token))
        return found[0] if found else None
