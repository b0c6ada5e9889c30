"""The pipeline: ingest -> clean -> annotate -> extract, one article or a stream of them."""

from __future__ import annotations

import bisect
import itertools
import logging
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.annotate import annotate_by_windows, budget, components_for, load_pipeline, remember_text
from newsgraph.clean import CleanedText, clean_article
from newsgraph.config import Config
from newsgraph.errors import ErrorCode, InputError, NewsgraphError
from newsgraph.extract import Extractor, get_extractors
from newsgraph.extract.time.published import infer_published
from newsgraph.ingest import (
    InputFailure,
    RawArticle,
    article_from_html,
    article_from_record,
    article_from_text,
    check_english,
    normalise_date,
    read_bytes,
    read_paths,
    sniff_format,
)
from newsgraph.records import Document, Sentence
from newsgraph.workers import WorkerPool, worker_count

log = logging.getLogger("newsgraph")

#: Analysed once per pipeline before the first article with a time budget (see ``_warm_up``).
_WARM_UP = (
    "The mayor of Springfield, John Smith, said on Monday that the council would spend $2 million "
    "on a new bridge. “We will build it,” he told reporters. Police arrested two men after a protest "
    "in the city on 3 March 2024, and the governor criticised the council."
)
T = TypeVar("T")

_NO_DATE_WARNING = "no publication date: relative dates such as 'on Thursday' cannot be anchored"

#: What ``analyze_many`` accepts: text or HTML strings, bytes, article dicts, paths,
#: :class:`RawArticle` objects, and reader failures (passed straight to ``on_error``).
ArticleInput = str | bytes | Mapping[str, Any] | Path | RawArticle | InputFailure
ErrorHandler = Callable[[InputFailure], None]


@dataclass(slots=True)
class _Prepared:
    raw: RawArticle
    cleaned: CleanedText
    language: str | None
    #: Seconds of the article's time budget used before the model (reading and cleaning).
    spent: float = 0.0


class Pipeline:
    """Loads the spaCy model once and turns articles into :class:`Document` records.

    The same object serves the CLI, the Python API, the web app and the Spark job.
    """

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()
        self.extractors: list[Extractor] = get_extractors(self.config.extractors)
        needs = {"sentences"}.union(*(e.needs for e in self.extractors))
        self.components = components_for(needs)
        #: Worker processes for ``n_process > 1``, started on first use and kept (see :meth:`close`).
        self._pool: WorkerPool | None = None
        self._warmed = False

    def close(self) -> None:
        """Stop the worker processes, if any (they also end with the interpreter)."""
        if self._pool is not None:
            self._pool.close()
            self._pool = None

    @property
    def nlp(self) -> Language:
        config = self.config
        return load_pipeline(config.model, self.components, config.max_sentence_tokens, config.max_chars)

    def analyze(self, text_or_html: str | bytes, published: str | None = None, **meta: Any) -> Document:
        """Analyse one article; raises :class:`NewsgraphError` when it cannot be read."""
        failures: list[InputFailure] = []
        item: dict[str, Any] = {"content": text_or_html, **meta}
        docs = list(self.analyze_many([item], published=published, on_error=failures.append))
        if failures:
            raise failures[0].error
        return docs[0]

    def analyze_many(
        self,
        items: Iterable[ArticleInput],
        *,
        published: str | None = None,
        on_error: ErrorHandler | None = None,
    ) -> Iterator[Document]:
        """Analyse a stream of articles lazily, in model batches.

        An article that cannot be read or analysed is passed to ``on_error`` (logged as a
        warning when it is ``None``) and skipped; the others go through. ``published``
        overrides every article's publication date.
        """
        handler = on_error or _log_failure
        override = normalise_date(published) if published else None
        items = _until_it_raises(items, handler)
        if worker_count(self.config.n_process) > 1:
            raws = (raw for number, item in enumerate(items, 1) for raw in self._to_raw(item, number))
            if self._pool is None:
                self._pool = WorkerPool(self.config)
            yield from self._pool.analyse(raws, override, handler)
            return
        if self.config.time_budget and not self._warmed:
            self._warm_up()
        yield from self._analyse_here(items, override, handler, self.config.time_budget)

    def _warm_up(self) -> None:
        """Analyse one short article outside any budget, once: extractors load their
        dictionaries on first use, which must not count against the first real article."""
        self._warmed = True
        for _document in self._analyse_here([_WARM_UP], None, lambda failure: None, 0.0):
            pass

    def _analyse_here(
        self, items: Iterable[ArticleInput], override: str | None, handler: ErrorHandler, time_budget: float
    ) -> Iterator[Document]:
        prepared = self._prepare(items, override, handler, time_budget)
        nlp = self.nlp
        while True:
            first = next(prepared, None)
            if first is None:
                return
            chunk = itertools.chain([first], itertools.islice(prepared, self.config.memory_zone_size - 1))
            # A memory zone frees the strings each chunk adds to the vocabulary, so
            # memory stays flat over millions of articles; records hold no spaCy objects.
            with nlp.memory_zone():
                for doc, prep in self._annotate(nlp, chunk, handler, time_budget):
                    document = _guarded(
                        handler,
                        prep.raw.source,
                        budget.within,
                        time_budget,
                        self._build,
                        doc,
                        prep,
                        spent=prep.spent,
                        first_stage="extraction",
                    )
                    if document is not None:
                        yield document

    def _annotate(
        self, nlp: Language, chunk: Iterable[_Prepared], handler: ErrorHandler, time_budget: float
    ) -> Iterator[tuple[Doc, _Prepared]]:
        """The spaCy Docs of a chunk, in order: ordinary articles in model batches, each long
        one alone, by windows of paragraphs, so that the model's memory stays bounded and the
        article's time budget is checked between windows."""
        window = self.config.window_chars
        for long, group in itertools.groupby(chunk, key=lambda p: len(p.cleaned.text) > window):
            if not long:
                texts = ((p.cleaned.text, p) for p in group)
                yield from nlp.pipe(texts, as_tuples=True, batch_size=self.config.batch_size)
                continue
            for prep in group:
                started = time.monotonic()
                doc = _guarded(
                    handler,
                    prep.raw.source,
                    budget.within,
                    time_budget,
                    annotate_by_windows,
                    nlp,
                    prep.cleaned.text,
                    window,
                    spent=prep.spent,
                    first_stage="the spaCy model",
                )
                if doc is not None:
                    prep.spent += time.monotonic() - started
                    yield doc, prep

    def _prepare(
        self, items: Iterable[ArticleInput], published: str | None, handler: ErrorHandler, time_budget: float
    ) -> Iterator[_Prepared]:
        for number, item in enumerate(items, 1):
            for raw in self._to_raw(item, number):
                if isinstance(raw, InputFailure):
                    handler(raw)
                    continue
                started = time.monotonic()
                try:
                    prepared = budget.within(time_budget, self._prepare_one, raw, published, first_stage="cleaning")
                except NewsgraphError as exc:
                    handler(InputFailure(raw.source, exc.with_source(raw.source)))
                    continue
                prepared.spent = time.monotonic() - started
                yield prepared

    def _prepare_one(self, raw: RawArticle, published: str | None) -> _Prepared:
        if published:
            raw.published, raw.published_from = published, "option"
        cleaned = clean_article(raw, self.config.near_duplicate_ratio)
        body_chars = sum(p.end - p.start for p in cleaned.paragraphs if p.kind != "title")
        if body_chars < self.config.min_chars:
            raise InputError(ErrorCode.E011, raw.source, chars=body_chars)
        language = check_english(cleaned.text, raw.source) if self.config.check_language else None
        if language is None and self.config.check_language:
            cleaned.warnings.append("language not identified (too little text); analysed as English")
        if raw.published is None:
            cleaned.warnings.append(_NO_DATE_WARNING)
        return _Prepared(raw, cleaned, language)

    def _to_raw(self, item: ArticleInput, number: int) -> Iterator[RawArticle | InputFailure]:
        max_chars = self.config.max_chars
        if isinstance(item, RawArticle | InputFailure):
            yield item
        elif isinstance(item, Path):
            yield from read_paths([item], max_chars)
        elif isinstance(item, bytes):
            yield from read_bytes(item, f"<article {number}>", None, max_chars)
        elif isinstance(item, str):
            yield from self._to_raw({"content": item}, number)
        elif isinstance(item, Mapping):
            source = str(item.get("source") or f"<article {number}>")
            try:
                yield _raw_from_mapping(item, source, max_chars)
            except NewsgraphError as exc:
                yield InputFailure(source, exc.with_source(source))
        else:
            source = f"<article {number}>"
            yield InputFailure(source, InputError(ErrorCode.E024, source, kind=type(item).__name__))

    def _build(self, doc: Doc, prep: _Prepared) -> Document:
        raw, cleaned = prep.raw, prep.cleaned
        remember_text(doc, cleaned.text)
        document = Document(
            id=raw.article_id,
            text=cleaned.text,
            title=cleaned.title,
            published=raw.published,
            published_from=raw.published_from,  # type: ignore[arg-type]
            url=raw.url,
            author=cleaned.author,
            source=raw.source,
            language=prep.language,
            paragraphs=cleaned.paragraphs,
            sentences=_sentences(doc, cleaned),
            captions=cleaned.captions,
            credits=cleaned.credits,
            removals=cleaned.removals,
            warnings=cleaned.warnings,
            offset_map=cleaned.offset_map,
            source_text=raw.text,
        )
        if document.published is None:
            budget.stage("publication date inference")
            # Relative dates need an anchor: infer one from the article itself, openly.
            inferred = infer_published(document, doc)
            if inferred is not None:
                document.published, document.published_from = inferred.date, "inferred"
                document.published_confidence, document.published_evidence = inferred.confidence, inferred.evidence
                document.warnings = [w for w in document.warnings if w != _NO_DATE_WARNING]
                document.warnings.append(
                    f"publication date {inferred.date} inferred from {inferred.evidence}"
                    f" (confidence {inferred.confidence:.1f})"
                )
        for extractor in self.extractors:
            budget.stage(f"the {extractor.name} extractor")
            if extractor.configured:
                records = extractor.run(doc, document, config=self.config)
            else:
                records = extractor.run(doc, document)
            setattr(document, extractor.field, records)
        return document


def _until_it_raises(items: Iterable[ArticleInput], handler: ErrorHandler) -> Iterator[ArticleInput]:
    """``items`` until their iterator raises: the error goes to ``handler`` and the stream ends
    there, so the articles already read (a batch the model holds) still come out."""
    count = 0
    iterator = iter(items)
    while True:
        try:
            item = next(iterator)
        except StopIteration:
            return
        except Exception as exc:
            source = "<input stream>"
            detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
            handler(InputFailure(source, InputError(ErrorCode.E023, source, detail=detail, count=count)))
            return
        count += 1
        yield item


def _raw_from_mapping(item: Mapping[str, Any], source: str, max_chars: int) -> RawArticle:
    """``analyze(content, **meta)`` and dict records with ``text``/``html``/``content``."""
    if "content" not in item:
        return article_from_record(item, source, max_chars)
    content = item["content"]
    meta = {k: v for k, v in item.items() if k not in ("content", "source") and v is not None}
    if isinstance(content, bytes):
        for result in read_bytes(content, source, None, max_chars):
            if isinstance(result, InputFailure):
                raise result.error
            return _apply_meta(result, meta, source)
        raise InputError(ErrorCode.E001, source)
    if not isinstance(content, str):
        raise InputError(ErrorCode.E024, source, kind=type(content).__name__)
    if "published" in meta:
        meta["published"] = normalise_date(meta["published"], source)
        meta.setdefault("published_from", "input")
    if sniff_format(content) == "html":
        return article_from_html(content, source, max_chars=max_chars, **meta)
    return article_from_text(content, source, max_chars=max_chars, **meta)


def _apply_meta(raw: RawArticle, meta: dict[str, Any], source: str) -> RawArticle:
    for key, value in meta.items():
        if key == "published":
            raw.published, raw.published_from = normalise_date(value, source), "input"
        elif hasattr(raw, key):
            setattr(raw, key, value)
    return raw


def _sentences(doc: Doc, cleaned: CleanedText) -> list[Sentence]:
    starts = [p.start for p in cleaned.paragraphs]
    sentences = []
    for sent in doc.sents:
        text = sent.text
        start = sent.start_char + (len(text) - len(text.lstrip()))
        end = sent.start_char + len(text.rstrip())
        if end > start:
            sentences.append(Sentence(start, end, max(0, bisect.bisect_right(starts, start) - 1)))
    return sentences


def _guarded(handler: ErrorHandler, source: str, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
    """``fn(*args, **kwargs)`` for one article; ``None`` when it failed, the failure reported."""
    try:
        return fn(*args, **kwargs)
    except NewsgraphError as exc:
        handler(InputFailure(source, exc.with_source(source)))
    except Exception as exc:  # a bug must not cost the rest of a batch
        log.debug("analysis failed on %s", source, exc_info=True)
        detail = f"{type(exc).__name__}: {exc}"
        handler(InputFailure(source, NewsgraphError(ErrorCode.E012, source, detail=detail)))
    return None


def _log_failure(failure: InputFailure) -> None:
    log.warning("skipped %s", failure.error.message)
