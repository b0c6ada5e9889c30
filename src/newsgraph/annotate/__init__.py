"""Annotate: the spaCy pipeline, loaded once per process with only the components needed.

Extractors declare what they need as *capabilities* ("sentences", "entities", "parse",
"tags", "lemmas"); :func:`components_for` turns those into the model's components, so an
extractor that only needs named entities never pays for the parser.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.annotate.limits import SENTENCE_CAP_COMPONENT, RunSplittingTokenizer
from newsgraph.annotate.limits import annotate_by_windows as annotate_by_windows
from newsgraph.errors import ErrorCode, NewsgraphError

PARAGRAPH_COMPONENT = "newsgraph_paragraphs"
_TEXT_KEY = "newsgraph.text"
_COLUMN_KEY = "newsgraph.column"
_HEADS_KEY = "newsgraph.heads"
_OFFSETS_KEY = "newsgraph.offsets"
#: Components of the en_core_web_sm family, in pipeline order.
MODEL_COMPONENTS = ("tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer", "ner")

#: Components of the en_core_web_sm family behind each capability. In this model the
#: shared ``tok2vec`` feeds only the tagger and the parser; ``ner`` and ``senter`` embed
#: their own.
_CAPABILITIES: dict[str, tuple[str, ...]] = {
    "parse": ("tok2vec", "parser"),
    # Fine-grained tags only (``token.tag_``: VBD, MD, NNP...). The attribute ruler that
    # maps them to ``pos_`` costs as much as the parser, so extractors read ``tag_``.
    "tags": ("tok2vec", "tagger"),
    "lemmas": ("tok2vec", "tagger", "attribute_ruler", "lemmatizer"),
    "entities": ("ner",),
    "sentences": (),  # resolved below: the parser when it runs, else the cheap senter
}


@Language.component(PARAGRAPH_COMPONENT, assigns=["token.is_sent_start"])
def mark_paragraphs(doc: Doc) -> Doc:
    """Start a sentence after every line break: cleaned text has one paragraph per line,
    and a headline or a caption never runs on into the next paragraph."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


def text_of(doc: Doc) -> str:
    """``doc.text``, built once: spaCy joins it from the tokens anew on every access."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Give :func:`text_of` the text ``doc`` was made from (spaCy keeps it exactly)."""
    doc.user_data[_TEXT_KEY] = text


def column(doc: Doc, attr: str) -> list[str]:
    """One string attribute of every token ("ORTH", "LOWER", "TAG", "DEP"...), read once per
    document from spaCy's arrays. Whole-document scans over these lists cost a fraction of
    walking ``doc``, which builds a Python ``Token`` object per word."""
    key = f"{_COLUMN_KEY}.{attr}"
    values = doc.user_data.get(key)
    if values is None:
        strings = doc.vocab.strings
        values = doc.user_data[key] = [strings[h] for h in doc.to_array(attr).tolist()]
    return values


def heads(doc: Doc) -> list[int]:
    """The position of every token's head (a root is its own head), read once per document
    from spaCy's arrays rather than through a ``Token`` object per word."""
    values = doc.user_data.get(_HEADS_KEY)
    if values is None:
        # HEAD is stored as an offset from the token, in an unsigned array: reinterpret it.
        offsets = doc.to_array("HEAD").astype("int64").tolist()
        values = doc.user_data[_HEADS_KEY] = [i + offset for i, offset in enumerate(offsets)]
    return values


def offsets(doc: Doc) -> list[int]:
    """The character offset of every token (``token.idx``), read once per document."""
    values = doc.user_data.get(_OFFSETS_KEY)
    if values is None:
        values = doc.user_data[_OFFSETS_KEY] = doc.to_array("IDX").tolist()
    return values


def components_for(capabilities: Iterable[str]) -> tuple[str, ...]:
    """Model components that provide ``capabilities``, in the model's order."""
    wanted: set[str] = set()
    capabilities = set(capabilities)
    unknown = capabilities - _CAPABILITIES.keys()
    if unknown:
        raise ValueError(f"unknown capabilities: {sorted(unknown)}")
    for capability in capabilities:
        wanted.update(_CAPABILITIES[capability])
    if "sentences" in capabilities and "parser" not in wanted:
        wanted.add("senter")
    return tuple(name for name in MODEL_COMPONENTS if name in wanted)


#: Sentence length cap of :func:`load_pipeline` unless told otherwise (``Config.max_sentence_tokens``).
DEFAULT_MAX_SENTENCE_TOKENS = 250
#: spaCy's own length limit (E088) when newsgraph's ``max_chars`` is lower: a text longer than
#: ``max_chars`` is refused by the readers with a clear error before it reaches the model.
_SPACY_MAX_LENGTH = 1_000_000


def load_pipeline(
    model: str,
    components: tuple[str, ...],
    max_sentence_tokens: int = DEFAULT_MAX_SENTENCE_TOKENS,
    max_chars: int = _SPACY_MAX_LENGTH,
) -> Language:
    """The model with exactly ``components`` (plus paragraph marking and the sentence cap),
    cached per process.

    Long punctuation runs are cut before the tokenizer and no sentence reaches the parser
    longer than ``max_sentence_tokens`` tokens (see :mod:`newsgraph.annotate.limits`);
    ``nlp.max_length`` follows ``max_chars``, the limit the readers enforce.
    """
    # Normalised so that every caller with the same settings shares one loaded model.
    return _load(model, tuple(components), max_sentence_tokens, max(max_chars, _SPACY_MAX_LENGTH) + 1)


@lru_cache(maxsize=16)
def _load(model: str, components: tuple[str, ...], max_sentence_tokens: int, max_length: int) -> Language:
    try:
        nlp = spacy.load(model, exclude=[n for n in MODEL_COMPONENTS if n not in components])
    except OSError:
        raise NewsgraphError(ErrorCode.E010, model=model) from None
    for name in components:
        if name in nlp.disabled:
            nlp.enable_pipe(name)
    if PARAGRAPH_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_COMPONENT, first=True)
    nlp.add_pipe(SENTENCE_CAP_COMPONENT, after=PARAGRAPH_COMPONENT, config={"max_tokens": max_sentence_tokens})
    nlp.tokenizer = RunSplittingTokenizer(nlp.tokenizer)
    # The readers refuse longer texts with E006; spaCy's own check (E088, a traceback) must
    # never be the one that fires.
    nlp.max_length = max_length
    return nlp
