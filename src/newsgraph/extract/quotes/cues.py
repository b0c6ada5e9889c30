"""Cue words: the verbs and phrases that attribute speech, writing and thought.

The model is loaded without its lemmatizer (it costs as much as the parser), so every
inflection of every cue verb is spelled out once, at import, from its base form: regular
rules plus a table of irregular and doubled forms. Lookup is then one ``frozenset``/``dict``
hit per token.

Each verb carries the *frames* it attributes through (see :class:`CueVerb`):

* ``clause``: a finite or "that" complement, ``X said (that) ...`` (every cue verb);
* ``to``: an infinitive complement, ``X vowed to ...``, ``X urged Y to ...``;
* ``object``: a noun object that is itself the content, ``X praised the plan``;
* ``addressee``: the direct object is the person spoken to, ``X told Y (that) ...``.
"""

from __future__ import annotations

from dataclasses import dataclass


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Speech acts: verbs that report what someone said or wrote. Also introduce direct quotes.
SPEECH_VERBS = (
    "say tell add note warn insist state argue claim explain announce declare write tweet post report reply "
    "respond answer ask suggest acknowledge admit concede deny confirm assert contend maintain predict promise "
    "pledge vow threaten complain boast brag joke quip recall remark comment observe emphasize emphasise stress "
    "underscore reiterate repeat assure inform remind urge caution charge accuse allege testify proclaim disclose "
    "reveal mention continue conclude estimate speculate hint indicate signal imply counter retort shout yell "
    "scream whisper mutter exclaim recount describe question wonder guarantee swear agree disagree object protest "
    "demand propose recommend advise forecast project concur elaborate summarize summarise begin cite "
    "lament plead affirm reassure tout highlight pronounce reason thunder snap rage gush muse marvel chide scold "
    "fume grumble sigh laugh"
)
#: Thought and belief: PolNeAR-style attribution counts what people think, know and hope.
COGNITION_VERBS = (
    "think believe feel know suspect expect hope fear worry doubt assume presume guess reckon figure imagine "
    "suppose consider realize realise understand recognize recognise learn decide determine judge find wish "
    "remember forget trust bet sense conclude acknowledge"
)
#: Evidence: reports, polls and records "show" things.
EVIDENCE_VERBS = "show suggest indicate find reveal report demonstrate prove confirm estimate project predict"

#: Verbs whose infinitive complement is attributed content ("vowed to fight"). Not the verbs
#: of decisions and agreements: "agreed to buy", "voted to accept" and "decided to close"
#: report what was done, not what was said.
TO_VERBS = _words(
    "plan vow pledge promise threaten refuse decline urge ask want hope expect seek intend offer call demand propose"
)
#: Verbs whose noun object is the content ("praised the plan", "denied the report").
OBJECT_VERBS = _words(
    "praise criticize criticise endorse discuss express cite issue deny announce reject condemn blast slam mock "
    "dismiss applaud welcome defend propose question describe demand request predict acknowledge admit reiterate "
    "support oppose tout lament decry denounce hail laud accuse call dub label brand slam mention note"
)
#: Object verbs that name rather than state: an attribution only with their second complement.
NAMING_VERBS = frozenset({"call", "dub", "label", "brand", "describe"})
#: Verbs whose direct object is the person spoken to ("told Blinken that ...").
ADDRESSEE_VERBS = _words("tell assure inform remind warn ask urge promise advise reassure caution notify")

_IRREGULAR: dict[str, tuple[str, ...]] = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"),
    "think": ("thinks", "thought", "thinking"),
    "know": ("knows", "knew", "known", "knowing"),
    "feel": ("feels", "felt", "feeling"),
    "find": ("finds", "found", "finding"),
    "hold": ("holds", "held", "holding"),
    "understand": ("understands", "understood", "understanding"),
    "forget": ("forgets", "forgot", "forgotten", "forgetting"),
    "swear": ("swears", "swore", "sworn", "swearing"),
    "show": ("shows", "showed", "shown", "showing"),
    "begin": ("begins", "began", "begun", "beginning"),
    "bet": ("bets", "bet", "betting"),
    "seek": ("seeks", "sought", "seeking"),
    "learn": ("learns", "learned", "learnt", "learning"),
    "prove": ("proves", "proved", "proven", "proving"),
    "admit": ("admits", "admitted", "admitting"),
    "regret": ("regrets", "regretted", "regretting"),
    "quip": ("quips", "quipped", "quipping"),
    "plan": ("plans", "planned", "planning"),
    "snap": ("snaps", "snapped", "snapping"),
    "refer": ("refers", "referred", "referring"),
    "concur": ("concurs", "concurred", "concurring"),
    "plead": ("pleads", "pleaded", "pled", "pleading"),
    "sense": ("senses", "sensed", "sensing"),
    "offer": ("offers", "offered", "offering"),
}


def inflections(base: str) -> set[str]:
    """The base form and its -s, -ed and -ing forms (irregular ones from a table)."""
    if base in _IRREGULAR:
        return {base, *_IRREGULAR[base]}
    forms = {base}
    if base.endswith("y") and base[-2:-1] not in set("aeiou"):
        forms |= {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    elif base.endswith("e"):
        forms |= {base + "s", base + "d", base[:-1] + "ing"}
    elif base.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {base + "es", base + "ed", base + "ing"}
    else:
        forms |= {base + "s", base + "ed", base + "ing"}
    return forms


@dataclass(frozen=True, slots=True)
class CueVerb:
    """What a cue verb form may attribute through."""

    base: str
    speech: bool
    to: bool
    object: bool
    addressee: bool


def _build() -> dict[str, CueVerb]:
    speech = _words(SPEECH_VERBS)
    bases = speech | _words(COGNITION_VERBS) | _words(EVIDENCE_VERBS) | TO_VERBS | OBJECT_VERBS
    table: dict[str, CueVerb] = {}
    for base in sorted(bases):
        cue = CueVerb(base, base in speech, base in TO_VERBS, base in OBJECT_VERBS, base in ADDRESSEE_VERBS)
        for form in inflections(base):
            table.setdefault(form, cue)
    return table


#: Every inflected form of every cue verb, lower-cased.
CUE_VERBS: dict[str, CueVerb] = _build()

#: Nouns that name a statement; "issued a statement", "in remarks to reporters".
CUE_NOUNS = _words(
    "statement statements remarks remark comments comment speech address interview tweet tweets post message "
    "testimony letter op-ed column essay announcement"
)

#: Nouns that attribute a "that" clause to their possessor: "Trump's claim that ...".
CLAIM_NOUNS = _words(
    "claim claims assertion assertions argument arguments contention allegation allegations accusation accusations "
    "insistence belief beliefs view warning warnings promise promises pledge pledges prediction predictions "
    "admission denial suggestion suggestions complaint complaints charge charges statement statements remarks "
    "comments comment insinuation hope hopes fear fears concern concerns conclusion assessment estimate"
)

#: Nouns naming someone who speaks for another: "X's spokesperson said" is X speaking.
PROXY_NOUNS = _words(
    "spokesperson spokesman spokeswoman spokespeople spokesmen spokeswomen representative representatives "
    "aide aides office lawyer lawyers attorney attorneys campaign"
)


def cue_verb(word: str) -> CueVerb | None:
    """The cue verb behind an inflected form (``"insisted"`` → ``insist``), if it is one."""
    return CUE_VERBS.get(word.lower().replace("’", "'"))


#: Nouns whose own clause is what they name ("the news that ..."): a clause under one is not
#: stranded from a speech verb.
CONTENT_NOUNS = CLAIM_NOUNS | _words(
    "news report reports fact facts idea notion rumour rumours rumor rumors evidence sign signs possibility "
    "chance risk question speculation assurance assurances impression point message word"
)
