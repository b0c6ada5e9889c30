"""Reported speech: cue, speaker, addressee and content span of each attribution frame.

A *frame* is one cue with what it attributes: "X said (that) CONTENT", "CONTENT, X said",
"CONT-, X said, -ENT", "X told Y CONTENT", "X vowed to CONTENT", "X praised CONTENT",
"according to X, CONTENT", "X's claim that CONTENT".
The content is the cue's complement in the dependency parse. Frames whose cue sits inside
quotation marks are left out: speech reported inside a quote is the quoted speaker's, and
is part of that quote.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgraph.annotate import budget, column, offsets
from newsgraph.extract.quotes.attribution import (
    POSSESSIVE_PRONOUNS,
    Party,
    addressee_of,
    is_pronoun,
    party,
    subject_of,
)
from newsgraph.extract.quotes.cues import CLAIM_NOUNS, CONTENT_NOUNS, NAMING_VERBS, CueVerb, cue_verb
from newsgraph.records import Document

_TRIM = set(" \t\n,;:.—–-\"“”'‘’")
#: Particles and adverbs that belong to the cue ("pointed out", "said Friday" does not).
_CUE_PARTICLES = frozenset({"prt"})
_OBJECT_TAILS = frozenset({"oprd", "ccomp", "xcomp"})
_OBJECT_PREPS = frozenset({"of", "for", "as"})
_NARRATOR = frozenset({"i", "you", "me"})
_WEAK_OBJECT_TAGS = frozenset({"VBG", "VBP"})
#: Words after a speech verb within which a stranded that-clause may start.
_STRANDED_REACH = 16


@dataclass(slots=True)
class Frame:
    cue: str
    cue_start: int
    cue_end: int
    content_start: int
    content_end: int
    #: The token the content hangs on (for linking quotes to their frame).
    head: int
    speaker: Party | None = None
    addressee: Party | None = None
    #: "clause" (that-clause, a clause before "X said", or around "he said"), "to", "object",
    #: "according" or "noun" ("Trump's claim that ..."); quotes' own frames are "beside" and "introduction".
    frame: str = "clause"
    #: False when the frame may link a quote but is too weak to stand as reported speech
    #: alone: no source, a first- or second-person source, a bare infinitive or a participle.
    reportable: bool = True
    #: The cue heads an absolute clause with its own subject: "with the minister stating ...".
    absolute: bool = False


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _subtree_span(token: Token) -> tuple[int, int]:
    left, right = token.left_edge, token.right_edge
    return left.idx, right.idx + len(right)


def _content(verb: Token, cue: CueVerb) -> tuple[Token, str] | None:
    """The complement that carries what ``verb`` attributes, and its frame."""
    for child in verb.rights:
        if child.dep_ == "ccomp":
            return child, "clause"
    for child in verb.lefts:  # "CONTENT, X said": the clause comes first
        if child.dep_ == "ccomp":
            return child, "clause"
    stranded = _stranded_clause(verb, cue)
    if stranded is not None:
        return stranded, "clause"
    if cue.to:
        for child in verb.rights:
            if child.dep_ in ("xcomp", "ccomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                return child, "to"
    if cue.object:
        for child in verb.rights:
            if child.dep_ == "dobj":
                if cue.base in NAMING_VERBS and not _names(verb):
                    return None
                return child, "object"
    return None


def _stranded_clause(verb: Token, cue: CueVerb) -> Token | None:
    """ "told shareholders at the meeting that profits would fall": the parser often hangs the
    that-clause of a speech verb on a noun after it (the person told, or a noun in a phrase of
    time or place) as if it modified that noun. A clause with "that" as its complementizer and
    a subject of its own, under a noun that is not itself a statement ("the claim that ..."),
    reached from the verb through its object or prepositional phrases, is the verb's content.
    Only the first "that" within a few words of the verb is looked at (linear in the sentence).
    """
    if not cue.speech:
        return None
    doc = verb.doc
    end = min(len(doc), verb.i + _STRANDED_REACH)
    that = next((t for t in doc[verb.i + 1 : end] if t.lower_ == "that"), None)
    if that is None or that.dep_ != "mark":
        return None
    clause = that.head
    if clause.dep_ not in ("acl", "relcl") or not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return None
    noun = clause.head
    if not noun.tag_.startswith(("NN", "PRP")) or noun.lower_ in CONTENT_NOUNS:
        return None
    token = noun
    for _ in range(6):
        if token.head.i == verb.i:
            allowed = ("dobj", "dative") if cue.addressee else ()
            return clause if token.dep_ in (*allowed, "prep", "npadvmod") else None
        if token.dep_ not in ("pobj", "prep", "compound", "appos", "conj") or token.head.i == token.i:
            return None
        token = token.head
    return None


def _interjected(verb: Token, cue: CueVerb, inside: _Inside | None) -> tuple[Token, str] | None:
    """ "The plan, he said, will fail": a speech verb set into the clause it reports, which the
    parser hangs on that clause's verb (parataxis) with no complement of its own."""
    head = verb.head
    if not cue.speech or verb.dep_ != "parataxis" or head.i == verb.i or not head.tag_.startswith(("VB", "MD")):
        return None
    if inside is not None and inside.contains(head.idx):
        return None  # “A,” he said, “B”: the quote's own attribution
    return head, "interjected"


def _inverted(verb: Token, cue: CueVerb, inside: _Inside | None) -> tuple[Token, Token] | None:
    """ "The plant will close, reported the Daily Courier": a speech verb after the clause it
    reports, set off by a comma, with its source after it and nothing else; the parser takes
    it for a conjunct of that clause and the source for its object. Returns the clause's verb
    and the source."""
    doc = verb.doc
    head = verb.head
    if not cue.speech or verb.dep_ not in ("conj", "parataxis") or head.i >= verb.i or verb.i == 0:
        return None
    if doc[verb.i - 1].text != "," or not head.tag_.startswith(("VB", "MD")):
        return None
    if inside is not None and inside.contains(head.idx):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "ccomp", "xcomp") for c in verb.children):
        return None
    source = next((c for c in verb.rights if c.dep_ in ("dobj", "attr", "npadvmod")), None)
    if source is None or not source.tag_.startswith("NN"):
        return None
    # Nothing after the source but closing punctuation.
    last = verb.right_edge
    if any(not t.is_punct for t in doc[last.i + 1 : verb.sent.end]):
        return None
    return head, source


def _around(verb: Token, head: Token) -> tuple[int, int]:
    """The reported clause around an interjected cue: the whole clause, or only the part
    before the cue when the cue ends it ("The plan will fail, he said")."""
    start, end = _subtree_span(head)
    cue_start, cue_end = _subtree_span(verb)
    if cue_end >= end - 1:
        return start, cue_start
    if cue_start <= start:
        return cue_end, end
    return start, end


def _names(verb: Token) -> bool:
    """ "called X Y", "described X as Y": the naming verb has its second complement."""
    return any(c.dep_ in ("oprd", "ccomp", "xcomp") or (c.dep_ == "prep" and c.lower_ == "as") for c in verb.rights)


def _object_span(verb: Token, obj: Token) -> tuple[int, int]:
    """The object with what completes it: "the president for not using ...", "X a “liar”"."""
    start, end = _subtree_span(obj)
    for child in verb.rights:
        if child.i > obj.i and (
            child.dep_ in _OBJECT_TAILS or (child.dep_ == "prep" and child.lower_ in _OBJECT_PREPS)
        ):
            end = max(end, child.right_edge.idx + len(child.right_edge))
    return start, end


def _cue_text(doc: Doc, verb: Token) -> tuple[int, int]:
    """The cue's own words: the verb, its auxiliaries and particle ("has said", "pointed out")."""
    start, end = verb.idx, verb.idx + len(verb)
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass", "neg") and child.i < verb.i and verb.i - child.i <= 3:
            start = min(start, child.idx)
        elif child.dep_ in _CUE_PARTICLES and child.i == verb.i + 1:
            end = child.idx + len(child)
    return start, end


def verb_frame(
    document: Document, verb: Token, cue: CueVerb, inside: _Inside | None = None, sentence: _Sentence | None = None
) -> Frame | None:
    """The frame of a cue verb, or None when it has no attributable complement."""
    if sentence is None:
        sentence = _Sentence(verb.sent)
    found = _content(verb, cue)
    if found is None:
        found = _interjected(verb, cue, inside)
    source: Token | None = None
    if found is None:
        inverted = _inverted(verb, cue, inside)
        if inverted is not None:
            found, source = (inverted[0], "inverted"), inverted[1]
    if found is None:
        return None
    head, kind = found
    span = _object_span(verb, head) if kind == "object" else _subtree_span(head)
    if kind == "interjected":
        span = _around(verb, head)
        kind = "clause"
    elif kind == "inverted":
        span = (head.left_edge.idx, verb.doc[verb.i - 1].idx)
        kind = "clause"
    span = (span[0], _loose_tail(head, span[1], sentence))
    if head.i > verb.i and kind == "clause":
        span = (span[0], _to_sentence_end(head, span[1], sentence))
    start, end = _trimmed(document.text, *span)
    if end <= start:
        return None
    cue_start, cue_end = _cue_text(verb.doc, verb)
    subject = source or subject_of(verb)
    if subject is not None and inside is not None and inside.contains(subject.idx):
        subject = None  # the parser took quoted words for the subject
    speaker = party(document, subject) if subject is not None else None
    addressee_token = addressee_of(verb, cue.speech, cue.addressee)
    addressee = party(document, addressee_token) if addressee_token is not None else None
    if addressee is not None and kind == "object" and addressee.start == start:
        addressee = None
    reportable = _reportable(verb, kind, subject)
    # "with X stating": the participle modifies X, or X is its subject, under "with".
    anchor = verb.head if verb.dep_ == "acl" else verb
    absolute = subject is not None and verb.tag_ == "VBG" and "with" in (anchor.head.lower_, verb.head.lower_)
    return Frame(
        document.text[cue_start:cue_end],
        cue_start,
        cue_end,
        start,
        end,
        head.i,
        speaker,
        addressee,
        kind,
        reportable,
        absolute,
    )


def _loose_tail(head: Token, end: int, sentence: _Sentence) -> int:
    """The content without a loose modifier set off by a comma at its end (", which ...")."""
    cut = sentence.cut(head)
    if cut is not None and cut.left_edge.i > head.i:
        return min(end, head.doc[cut.left_edge.i - 1].idx)
    return end


def _to_sentence_end(head: Token, end: int, sentence: _Sentence) -> int:
    """Cue-first reported speech runs to the end of its sentence ("X said A, but B"),
    unless another cue or "according to" follows the content."""
    if sentence.next_stop(head.right_edge.i + 1):
        return end
    last = sentence.sent[-1]
    return max(end, last.idx + len(last))


def _reportable(verb: Token, kind: str, subject: Token | None) -> bool:
    """Whether a frame is an attribution on its own, not only a possible link for a quote.

    On the PolNeAR dev articles, frames without a source, with "I"/"you" as source
    outside quotation marks (the writer's own voice), with a bare infinitive cue ("would
    support", "to know") and noun-object or infinitive frames on participles
    ("supporting the plan") were attributions less than a third of the time.
    """
    if subject is None or subject.lower_ in _NARRATOR:
        return False
    if verb.tag_ == "VB":
        return False
    return not (kind in ("object", "to") and verb.tag_ in _WEAK_OBJECT_TAGS)


def according_frame(document: Document, according: Token, sent: Span | _Sentence) -> Frame | None:
    """ "According to X, CONTENT" / "CONTENT, according to X": the clause around the phrase."""
    sentence = sent if isinstance(sent, _Sentence) else _Sentence(sent)
    sent, root = sentence.sent, sentence.root
    to = next((c for c in according.rights if c.lower_ == "to"), None)
    if to is None:
        return None
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    phrase_start = according.left_edge.idx
    phrase_end = according.right_edge.idx + len(according.right_edge)
    text = document.text
    # The clause the phrase modifies; the sentence when it hangs on the root.
    clause = according.head if according.head.i != according.i else root
    lo, hi = _subtree_span(clause) if clause.dep_ != "ROOT" else (sent.start_char, sent.end_char)
    before = _trimmed(text, lo, phrase_start) if lo < phrase_start else (phrase_start, phrase_start)
    after = _trimmed(text, phrase_end, hi) if phrase_end < hi else (phrase_end, phrase_end)
    start, end = before if before[1] - before[0] >= after[1] - after[0] else after
    if end <= start:
        return None
    head = according.head if according.head.i != according.i else root
    return Frame(
        "according to", according.idx, to.idx + len(to), start, end, head.i, party(document, source), None, "according"
    )


def noun_frame(document: Document, noun: Token) -> Frame | None:
    """ "Trump's claim that ...", "the warning from the agency that ...": a noun that
    attributes the clause it introduces to its possessor (or the "by"/"from" phrase)."""
    clause = next(
        (c for c in noun.rights if c.dep_ in ("acl", "ccomp") and any(m.lower_ == "that" for m in c.lefts)),
        None,
    )
    if clause is None:
        return None
    source = next((c for c in noun.lefts if c.dep_ == "poss"), None)
    if source is None:
        for prep in noun.rights:
            if prep.dep_ == "prep" and prep.lower_ in ("by", "from", "of") and prep.i < clause.i:
                source = next((c for c in prep.children if c.dep_ == "pobj"), None)
                break
    if source is None:
        return None
    start, end = _trimmed(document.text, *_subtree_span(clause))
    if end <= start:
        return None
    cue_start, cue_end = noun.idx, noun.idx + len(noun)
    speaker = party(document, source)
    if speaker.name is None and source.lower_ in POSSESSIVE_PRONOUNS:
        # "X and Y have been united in their belief that ...": the clause's subject.
        verb = noun.head
        while verb.tag_[:2] not in ("VB", "MD") and verb.head.i != verb.i:
            verb = verb.head
        # Any subject, passive too: "they were united in their belief" is theirs.
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) or subject_of(verb)
        if subject is not None and not is_pronoun(subject):
            owner = party(document, subject)
            speaker = Party(speaker.start, speaker.end, owner.name, owner.entity, speaker.via)
    return Frame(document.text[cue_start:cue_end], cue_start, cue_end, start, end, clause.i, speaker, None, "noun")


def find_frames(doc: Doc, document: Document, quoted: list[tuple[int, int]]) -> list[Frame]:
    """Every attribution frame whose cue is outside quotation marks, in text order."""
    inside = _Inside(quoted)
    frames: list[Frame] = []
    # The document's columns, not a Token per word: only cues become Tokens.
    lowers, tags, texts = column(doc, "LOWER"), column(doc, "TAG"), column(doc, "ORTH")
    starts = offsets(doc)
    for sent in doc.sents:
        budget.check()  # a long article stops here, not after every sentence, when over its budget
        sentence = _Sentence(sent)
        for i in range(sent.start, sent.end):
            if inside(starts[i]):
                continue
            lower = lowers[i]
            if lower == "according":
                frame = according_frame(document, doc[i], sentence)
            elif lower in CLAIM_NOUNS and tags[i] in ("NN", "NNS"):
                frame = noun_frame(document, doc[i])
            else:
                cue = cue_verb(texts[i])
                if cue is None or not tags[i].startswith("VB"):
                    continue
                frame = verb_frame(document, doc[i], cue, inside, sentence)
            if frame is not None:
                frames.append(frame)
    return frames


class _Inside:
    """Is an offset inside one of the (sorted, disjoint) quoted spans?"""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.i = 0

    def contains(self, offset: int) -> bool:
        """Random-access form of the test (the call form assumes increasing offsets)."""
        i = bisect.bisect_right(self.spans, (offset, float("inf"))) - 1
        return i >= 0 and self.spans[i][0] <= offset < self.spans[i][1]

    def __call__(self, offset: int) -> bool:
        spans = self.spans
        while self.i < len(spans) and spans[self.i][1] <= offset:
            self.i += 1
        return self.i < len(spans) and spans[self.i][0] <= offset


class _Sentence:
    """What the frames of one sentence share, each computed once for the sentence: its root,
    where the next cue stands, and the loose modifiers that end each subtree. Walking a
    subtree per cue instead is quadratic on chained reports ("A said that B said that ...")."""

    def __init__(self, sent: Span) -> None:
        self.sent = sent
        self._root: Token | None = None
        self._stops: list[bool] | None = None
        self._cuts: dict[int, Token | None] = {}

    @property
    def root(self) -> Token:
        if self._root is None:
            self._root = self.sent.root
        return self._root

    def next_stop(self, i: int) -> bool:
        """Whether a cue verb or "according" stands at token ``i`` or after it in the sentence."""
        if self._stops is None:
            # stops[k]: a stop at sentence position k or later (one pass from the end).
            doc, first = self.sent.doc, self.sent.start
            lowers, tags, texts = column(doc, "LOWER"), column(doc, "TAG"), column(doc, "ORTH")
            stops = [False] * (len(self.sent) + 1)
            for k in range(len(self.sent) - 1, -1, -1):
                at = first + k
                stop = lowers[at] == "according" or (tags[at].startswith("VB") and cue_verb(texts[at]) is not None)
                stops[k] = stop or stops[k + 1]
            self._stops = stops
        k = i - self.sent.start
        return 0 <= k < len(self._stops) and self._stops[k]

    def cut(self, head: Token) -> Token | None:
        """The outermost relative clause set off by a comma that ends ``head``'s subtree.

        Tokens whose subtree ends where ``head``'s does form a path down from ``head`` (its
        right spine); each token's answer is its spine child, or its spine child's answer.
        """
        path: list[Token] = []
        token = head
        while token.i not in self._cuts:
            path.append(token)
            child = _spine_child(token)
            if child is None:
                self._cuts[token.i] = None
                path.pop()
                break
            token = child
        found = self._cuts[token.i]
        below = token
        for token in reversed(path):
            if _loose_relcl(below):
                found = below
            self._cuts[token.i] = found
            below = token
        return self._cuts[head.i]


def _spine_child(token: Token) -> Token | None:
    """The child whose subtree ends where ``token``'s does, if the subtree does not end at ``token``."""
    last = token.right_edge.i
    if last == token.i:
        return None
    for child in reversed(list(token.rights)):
        if child.right_edge.i == last:
            return child
    return None


def _loose_relcl(token: Token) -> bool:
    """A relative clause set off from what it modifies by a comma or dash."""
    first = token.left_edge.i
    return token.dep_ == "relcl" and first > 0 and token.doc[first - 1].text in (",", "--", "—", "–")
