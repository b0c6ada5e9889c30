"""Event status from the clause around a trigger: occurred, planned, negated, hypothetical, reported.

GDELT-style coders code "Israel will attack" and "Israel may attack" as if the attack had
happened; newsgraph keeps them apart. The signals are read off the dependency parse and
``tag_`` only (no lemmas): negation and modal children of the trigger and of the verbs that
govern it (``refused to meet``, ``is expected to lead``), conditional clauses (``if``,
``unless``), future time expressions, and reported speech (a quote span, or a speech verb
governing the clause).
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.records import EventStatus

_NEGATORS = frozenset({"not", "n't", "never", "no", "nt"})
#: Governing verbs whose complement did not happen.
_NEGATING_HEADS = frozenset(
    {"refuse", "refuses", "refused", "refusing", "decline", "declines", "declined", "declining", "fail", "fails",
     "failed", "failing", "reject", "rejects", "rejected", "rejecting", "deny", "denies", "denied", "denying",
     "failure", "refusal", "inability"}
)  # fmt: skip
_FUTURE_MODALS = frozenset({"will", "shall", "'ll", "wo", "ll"})
_CONDITIONAL_MODALS = frozenset({"would", "could", "may", "might", "should", "can", "ca", "'d", "must"})
_CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "lest"})
#: Governing words whose complement is an intention or a plan ("plans to", "is expected to").
_PLANNING_HEADS = frozenset(
    {"plan", "plans", "planned", "planning", "intend", "intends", "intended", "intending", "expect", "expects",
     "expected", "schedule", "scheduled", "set", "due", "going", "aim", "aims", "aimed", "aiming", "prepare",
     "prepares", "prepared", "preparing", "propose", "proposes", "proposed", "promise", "promises", "promised",
     "pledge", "pledged", "pledges", "vow", "vowed", "vows", "threaten", "threatens", "threatened", "want",
     "wants", "wanted", "seek", "seeks", "sought", "hope", "hopes", "hoped", "agree", "agrees", "agreed",
     "decide", "decided", "decides", "about", "likely", "ready", "poised", "determined", "offer", "offered",
     "offers", "try", "tries", "tried", "attempt", "attempted", "need", "needs"}
)  # fmt: skip
#: Nouns whose infinitive is an intention: "the decision to attack".
_PLAN_NOUNS = frozenset(
    {"decision", "plan", "plans", "intention", "bid", "effort", "efforts", "attempt", "move", "order", "pledge",
     "promise", "threat", "agreement", "deal", "offer", "proposal", "call", "request", "readiness"}
)  # fmt: skip
_BE = frozenset({"is", "are", "was", "were", "be", "'s", "'re", "am"})
#: Verbs that attribute the clause they govern to a speaker.
SPEECH_HEADS = frozenset(
    {"say", "says", "said", "saying", "claim", "claims", "claimed", "claiming", "report", "reports", "reported",
     "allege", "alleges", "alleged", "tell", "tells", "told", "state", "states", "stated", "insist", "insists",
     "insisted", "assert", "asserted", "announce", "announced", "announces", "add", "added", "adds", "warn",
     "warned", "warns", "accuse", "accused", "accuses", "according", "believe", "believes", "believed",
     "think", "thinks", "thought", "suggest", "suggested", "argue", "argued", "maintain", "maintained"}
)  # fmt: skip
#: Clause links along which a status passes from a governing verb to its complement.
_COMPLEMENTS = frozenset({"xcomp", "ccomp", "conj", "advcl", "acomp", "oprd", "pcomp", "dobj", "acl", "relcl", "pobj"})


def _lower(token: Token) -> str:
    return token.lower_


def _chain(trigger: Token, limit: int = 4) -> list[Token]:
    """The trigger and the words that govern its clause, up to ``limit`` steps up."""
    chain = [trigger]
    token = trigger
    for _ in range(limit):
        if (token.dep_ not in _COMPLEMENTS and token.dep_ != "prep") or token.head.i == token.i:
            break
        token = token.head
        chain.append(token)
    return chain


def _has_negation(token: Token) -> bool:
    return any(c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and c.lower_ in _NEGATORS) for c in token.children)


def _has_condition(token: Token) -> bool:
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONDITIONAL_MARKS for m in c.children)
        for c in token.children
    )


def _modals(token: Token) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ == "aux" and c.tag_ == "MD"}


def event_status(
    trigger: Token,
    *,
    quoted: bool = False,
    future_date: bool = False,
) -> EventStatus:
    """The status of the event whose trigger is ``trigger``.

    Order of precedence: negated, hypothetical, planned, reported, occurred. ``quoted``: the
    trigger is inside a quotation; ``future_date``: the clause's date is after publication.
    """
    if trigger.tag_.startswith("NN"):
        return _noun_status(trigger, quoted)
    chain = _chain(trigger)
    own = chain[0]
    # Negation on the trigger itself, or on a verb of refusal/failure above it ("refused to meet").
    if _has_negation(own):
        return "negated"
    for upper in chain[1:]:
        if upper.lower_ in _NEGATING_HEADS and not _has_negation(upper):
            return "negated"
        if not upper.tag_.startswith("NN") and _has_negation(upper) and upper.lower_ in _PLANNING_HEADS:
            return "negated"  # "did not agree to meet"
    planned = future_date
    hypothetical = False
    for depth, token in enumerate(chain):
        if any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in token.children):
            hypothetical = True  # the trigger is in the if-clause
        if depth == 0 and _has_condition(token):
            hypothetical = True  # "if we have to, we will do it": the main clause of a condition
        if depth <= 1 or token.dep_ in ("xcomp",):
            modals = _modals(token)
            if modals & _FUTURE_MODALS:
                planned = True
            elif modals & _CONDITIONAL_MODALS and depth == 0:
                hypothetical = True
        if depth > 0 and token.lower_ in _PLANNING_HEADS and chain[depth - 1].dep_ in ("xcomp", "ccomp", "acl"):
            planned = True
        if depth > 0 and token.lower_ in _BE and chain[depth - 1].dep_ == "xcomp":
            planned = True  # "is to visit"
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in own.children)
    if infinitive and own.dep_ == "xcomp":
        head = own.head
        if head.lower_ in _PLANNING_HEADS or head.lower_ in _BE:
            planned = True
    if infinitive and own.dep_ in ("acl", "relcl") and own.head.tag_.startswith("NN"):
        # "the decision to attack": a plan; "no way for us to defeat Hamas": a possibility.
        if own.head.lower_ in _PLANNING_HEADS or own.head.lower_ in _PLAN_NOUNS:
            planned = True
        else:
            hypothetical = True
    if hypothetical:
        return "hypothetical"
    if planned:
        return "planned"
    if quoted:
        return "reported"
    for depth, token in enumerate(chain[1:], 1):
        if token.lower_ in SPEECH_HEADS and chain[depth - 1].dep_ == "ccomp":
            return "reported"
    return "occurred"


def _noun_status(noun: Token, quoted: bool) -> EventStatus:
    """An event noun ("an operation in Rafah") governed by a modal, an infinitive or a verb of
    planning is a prospect under discussion: planned. Otherwise it takes its verb's status."""
    head = noun.head
    if head.i == noun.i or not head.tag_.startswith("VB"):
        return "reported" if quoted else "occurred"
    chain = _chain(head)
    for token in chain:
        if _modals(token) or token.lower_ in _PLANNING_HEADS:
            return "planned"
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
            return "planned"
    status = event_status(head, quoted=quoted)
    return "occurred" if status == "negated" else status
