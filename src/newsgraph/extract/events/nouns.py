"""Which nouns name events, and which verbs carry them.

"held *talks* with", "Israel's *attack* on", "was in Doha for *talks*": an event noun is coded
by the verb it belongs to (a light verb or a verb of presence) or by its own actors; "food
*entered* Gaza" is aid arriving. The coder (:mod:`.coder`) asks these questions of the parse.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.events.syntax import prep_objects

#: Event nouns and their CAMEO codes (the codes of their verbs); they need a light verb or a
#: clear actor ("held talks with", "Israel's attack on", "the visit to Cairo").
EVENT_NOUNS: dict[str, str] = {
    "talks": "046",
    "negotiations": "046",
    "meeting": "040",
    "meetings": "040",
    "visit": "042",
    "visits": "042",
    "trip": "042",
    "attack": "190",
    "attacks": "190",
    "assault": "190",
    "offensive": "190",
    "invasion": "190",
    "raid": "190",
    "raids": "190",
    "airstrike": "195",
    "airstrikes": "195",
    "bombing": "190",
    "operation": "190",
    "conference": "040",
    "summit": "040",
}
#: Nouns that only make an event with a military modifier ("military operation", not "surgery operation").
MILITARY_ONLY = frozenset({"operation"})
MILITARY_WORDS = frozenset({"military", "ground", "army", "air", "naval", "armed", "combat", "idf"})
#: Verbs that only carry an event noun ("gave a press conference", "held talks"): when their
#: dictionary entry has no pattern for the noun, the noun says what happened.
LIGHT_VERBS = frozenset(
    {"give", "gives", "gave", "given", "giving", "hold", "holds", "held", "holding", "have", "has", "had", "having",
     "conduct", "conducts", "conducted", "conducting", "stage", "staged", "stages", "launch", "launched",
     "launches", "carry", "carried", "carries"}
)  # fmt: skip
#: Verbs of presence or travel whose "for" phrase names the event an actor is there for
#: ("was in Doha for talks", "flew to Cairo for a summit").
PRESENCE_VERBS = frozenset(
    {"is", "are", "was", "were", "be", "been", "'s", "'re", "arrive", "arrives", "arrived", "arriving", "come",
     "comes", "came", "go", "goes", "went", "travel", "travels", "travelled", "traveled", "fly", "flies", "flew",
     "head", "heads", "headed", "stay", "stays", "stayed", "remain", "remains", "remained"}
)  # fmt: skip
#: Verbs of arrival and nouns of aid: "food entered Gaza" is aid provided to Gaza (CAMEO 073)
#: by whoever sent it, which the sentence does not say.
ARRIVAL_VERBS = frozenset(
    {"enter", "enters", "entered", "entering", "reach", "reaches", "reached", "reaching", "arrive", "arrives",
     "arrived", "arriving"}
)  # fmt: skip
AID_NOUNS = frozenset(
    {"aid", "food", "assistance", "supplies", "medicine", "medicines", "fuel", "relief", "flour", "convoy", "convoys"}
)


def event_anchor(noun: Token) -> Token | None:
    """The verb an event noun belongs to: its light verb ("held *talks*", "a *conference* he
    gave"), or a verb of presence it is the purpose of ("was in Doha for *talks*")."""
    head = noun.head
    if noun.dep_ == "dobj" and head.tag_.startswith("VB"):
        return head
    for child in noun.rights:
        if child.dep_ in ("relcl", "acl") and child.tag_.startswith("VB") and child.lower_ in LIGHT_VERBS:
            return child
    if noun.dep_ == "pobj" and head.lower_ == "for" and head.head.tag_.startswith("VB"):
        verb = head.head
        if verb.lower_ in PRESENCE_VERBS:
            return verb
    return None


def is_aid(subject: Token) -> bool:
    """ "food", "aid trucks", "seven million pounds of food", "humanitarian assistance"."""
    words = [subject, *(c for c in subject.children if c.dep_ in ("compound", "amod"))]
    for prep, pobj in prep_objects(subject):
        if prep == "of":
            words.append(pobj)
    return any(w.lower_ in AID_NOUNS for w in words)
