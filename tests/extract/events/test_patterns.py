"""Pattern matching over long sentences: the words around each verb are looked up, not copied."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from newsgraph.extract.events import extract_events
from newsgraph.extract.events.patterns import WordIndex
from newsgraph.records import Document


def _chain(clauses: int) -> Doc:
    """ "Israel said Israel said ... Russia attacked Iran": one sentence, each "said" the
    complement of the one before, as a parse of text without sentence punctuation nests them."""
    words, heads, deps, tags = [], [], [], []
    for k in range(clauses):
        words += ["Israel", "said"]
        tags += ["NNP", "VBD"]
        heads += [2 * k + 1, 2 * k - 1 if k else 1]
        deps += ["nsubj", "ccomp" if k else "ROOT"]
    verb = 2 * clauses + 1
    words += ["Russia", "attacked", "Iran"]
    tags += ["NNP", "VBD", "NNP"]
    heads += [verb, verb - 2, verb]
    deps += ["nsubj", "ccomp", "dobj"]
    return Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags)


def test_a_long_chain_of_clauses_is_coded_without_copying_subtrees_per_verb() -> None:
    # 2,500 nested clauses: copying each verb's subtree made this ~3 million token copies
    # (minutes); looked up by position it takes a moment. The reported attack is the speaker's
    # accusation, as in a short sentence.
    doc = _chain(2500)
    assert len(list(doc.sents)) == 1
    events = extract_events(doc, Document(id="long", text=doc.text, published="2024-03-22"))
    assert [(e.trigger, e.source_code, e.target_code, e.code) for e in events] == [("attacked", "ISR", "RUS", "112")]
    short = _chain(1)
    assert [
        (e.source_code, e.target_code, e.code) for e in extract_events(short, Document(id="s", text=short.text))
    ] == [("ISR", "RUS", "112")]


def test_word_index_regions_follow_subtrees() -> None:
    doc = _chain(3)
    index = WordIndex.of(doc)
    assert all(index.contiguous)
    # The first "said" governs everything after it; the last clause's subtree is its three words.
    assert index.runs(doc[1]) == [(0, len(doc))]
    assert index.runs(doc[len(doc) - 2]) == [(len(doc) - 3, len(doc))]
    assert index.words["SAID"] == [1, 3, 5]
