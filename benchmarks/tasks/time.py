"""TASK time: TIMEX3 time expressions (span, type, value) anchored to the document date."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from newsgraph.config import Config
from newsgraph.ingest import InputFailure
from newsgraph.pipeline import Pipeline

from . import Predictor, Record

FILES = ["dev.jsonl", "dev_meantime.jsonl"]
FIELDS = ["id", "text", "dct"]


def newsgraph(records: Iterator[Record]) -> Iterator[Record]:
    """The pipeline as users run it (ingest, clean, annotate), with only the time extractor.

    The input text goes through cleaning like any article, so whatever cleaning drops
    (a line it takes for a caption or page furniture) is lost here too; offsets are mapped
    back to the input text with the document's offset map. The language check is off:
    short wire items can be too short to identify.
    """
    pipeline = Pipeline(Config(extractors=("time_expressions",), check_language=False))
    items = ({"id": r["id"], "text": r["text"], "published": r.get("dct")} for r in records)
    failures: list[InputFailure] = []
    pending: list[str] = []

    def inputs() -> Iterator[dict[str, str]]:
        for item in items:
            pending.append(item["id"])
            yield item

    for document in pipeline.analyze_many(inputs(), on_error=failures.append):
        # Articles that fail (too little text) yield nothing: emit empty predictions for them.
        while pending and pending[0] != document.id:
            yield {"id": pending.pop(0), "timexes": []}
        if pending:
            pending.pop(0)
        timexes = []
        for t in document.time_expressions:
            start, end = document.source_span(t.start, t.end)
            timexes.append({"start": start, "end": end, "type": t.type, "value": t.value})
        yield {"id": document.id, "timexes": timexes}
    for missing in pending:
        yield {"id": missing, "timexes": []}


def _timex_value(moment: datetime, period: str | None) -> str:
    if period == "year":
        return f"{moment.year:04d}"
    if period == "month":
        return f"{moment.year:04d}-{moment.month:02d}"
    if period == "week":
        year, week, _ = moment.isocalendar()
        return f"{year}-W{week:02d}"
    if period == "time":
        return moment.strftime("%Y-%m-%dT%H:%M")
    return moment.strftime("%Y-%m-%d")


def dateparser(records: Iterator[Record]) -> Iterator[Record]:
    """``dateparser.search.search_dates`` with the document date as ``RELATIVE_BASE``.

    dateparser finds dates and times only, so every hit is a DATE (TIME with a clock
    time); its value is written at the granularity dateparser itself reports for the
    phrase (``DateDataParser.get_date_data(...).period``), so "1995" is ``1995``, not a
    day. Offsets are those of the first occurrence of the phrase after the previous hit.
    """
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    for record in records:
        text = record["text"]
        settings: dict[str, object] = {"RETURN_TIME_AS_PERIOD": True}
        if record.get("dct"):
            settings["RELATIVE_BASE"] = datetime.fromisoformat(record["dct"])
        parser = DateDataParser(languages=["en"], settings=settings)
        try:
            found = search_dates(text, languages=["en"], settings=settings) or []
        except Exception:  # dateparser raises on some inputs; a baseline must not stop the run
            found = []
        timexes = []
        cursor = 0
        for phrase, moment in found:
            start = text.find(phrase, cursor)
            if start < 0:
                continue
            cursor = start + len(phrase)
            data = parser.get_date_data(phrase)
            period = data.period if data.date_obj is not None else None
            kind = "TIME" if period == "time" else "DATE"
            timexes.append({"start": start, "end": cursor, "type": kind, "value": _timex_value(moment, period)})
        yield {"id": record["id"], "timexes": timexes}


SYSTEMS: dict[str, Predictor] = {"newsgraph": newsgraph, "dateparser": dateparser}
