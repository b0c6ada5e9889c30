"""Coverage-guided fuzzing (atheris, libFuzzer) of the readers and the cleaners, bounded in time and inputs.

    python benchmarks/fuzz.py [--runs N] [--seconds S] [--max-len 4096] [--crashes DIR] [CORPUS_DIR ...]

Each generated input is, by its first byte, raw bytes for ``read_bytes`` (format sniffing,
gzip, WARC, JSON Lines, decoding, language-free parsing), markup for the HTML reader, or text
for the text reader; every article read is then cleaned (``clean_article``). The promise under
test: a :class:`~newsgraph.ingest.RawArticle` and a cleaned text with every offset in bounds,
or a numbered :class:`~newsgraph.errors.NewsgraphError`; anything else is a crash. Crashes do
not stop the run: each is counted, the first few inputs are written to ``--crashes`` (default
``fuzz-crashes/``) to become regression tests, and the run goes on. At the end it prints the
inputs run, the crashes, the slowest input's seconds and the inputs over ``--budget`` seconds
(default 30, the per-article time budget). Seed it with real inputs: a corpus directory of
files, each a mode byte (0 bytes, 1 HTML, 2 text) and the content.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time
import traceback
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["newsgraph"]):
    from newsgraph.clean import clean_article
    from newsgraph.errors import NewsgraphError
    from newsgraph.ingest import InputFailure, RawArticle, article_from_html, article_from_text, read_bytes

_MAX_CHARS = 100_000
_KEEP = 20  # crash inputs written per run


class _Tally:
    runs = 0
    crashes = 0
    slowest = 0.0
    over_budget = 0
    budget = 30.0
    crash_dir = Path("fuzz-crashes")
    started = time.monotonic()
    slowest_input = b""
    limit_runs = 0
    limit_seconds = 0.0
    kinds: dict[str, int] = {}  # noqa: RUF012 - one tally per process


def _check(raw: RawArticle) -> None:
    cleaned = clean_article(raw)
    for paragraph in cleaned.paragraphs:
        if not 0 <= paragraph.start <= paragraph.end <= len(cleaned.text):
            raise AssertionError(f"paragraph {paragraph.start}..{paragraph.end} outside the text")
    for removal in cleaned.removals:
        if not 0 <= removal.source_start <= removal.source_end <= len(raw.text):
            raise AssertionError(f"removal {removal.source_start}..{removal.source_end} outside the input")


def analyse(data: bytes) -> None:
    """One input through a reader and the cleaner; raises only on a broken promise."""
    if not data:
        return
    mode, body = data[0] % 3, data[1:]
    try:
        if mode == 0:
            for result in read_bytes(body, "fuzz", None, _MAX_CHARS):
                if not isinstance(result, InputFailure):
                    _check(result)
        else:
            text = body.decode("utf-8", errors="replace")
            reader = article_from_html if mode == 1 else article_from_text
            _check(reader(text, "fuzz", max_chars=_MAX_CHARS))
    except NewsgraphError as exc:
        if "\n" in exc.message:
            raise AssertionError("an error message of more than one line") from exc


def one_input(data: bytes) -> None:
    _Tally.runs += 1
    if _Tally.runs > _Tally.limit_runs or (
        _Tally.limit_seconds and time.monotonic() - _Tally.started > _Tally.limit_seconds
    ):
        _Tally.runs -= 1
        _report()
        os._exit(1 if _Tally.crashes else 0)  # libFuzzer's own exit skips Python's atexit
    started = time.perf_counter()
    try:
        analyse(data)
    except Exception as exc:  # a broken promise: counted, kept, and the run goes on
        _Tally.crashes += 1
        kind = f"{type(exc).__name__}: {str(exc)[:80]}"
        _Tally.kinds[kind] = _Tally.kinds.get(kind, 0) + 1
        if _Tally.crashes <= _KEEP:
            _Tally.crash_dir.mkdir(parents=True, exist_ok=True)
            name = hashlib.sha1(data).hexdigest()[:16]
            (_Tally.crash_dir / f"crash-{name}").write_bytes(data)
            (_Tally.crash_dir / f"crash-{name}.txt").write_text(traceback.format_exc(), encoding="utf-8")
    seconds = time.perf_counter() - started
    if seconds > _Tally.slowest:
        _Tally.slowest = seconds
        _Tally.slowest_input = data
    if seconds > _Tally.budget:
        _Tally.over_budget += 1


def _report() -> None:
    elapsed = time.monotonic() - _Tally.started
    print(
        f"\nfuzz: {_Tally.runs:,} inputs in {elapsed:,.0f} s ({_Tally.runs / max(elapsed, 1e-9):,.0f}/s), "
        f"{_Tally.crashes:,} crashes, slowest input {_Tally.slowest:.2f} s, "
        f"{_Tally.over_budget:,} over the {_Tally.budget:g} s budget",
        flush=True,
    )
    for kind, count in sorted(_Tally.kinds.items(), key=lambda kv: -kv[1]):
        print(f"  {count:>8,}  {kind}")
    _Tally.crash_dir.mkdir(parents=True, exist_ok=True)
    (_Tally.crash_dir / "slowest").write_bytes(_Tally.slowest_input)
    print(f"  crash inputs and the slowest input kept in {_Tally.crash_dir}/")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="*", help="directories of seed inputs (libFuzzer corpus; new ones are added)")
    parser.add_argument("--runs", type=int, default=100_000, help="stop after this many inputs")
    parser.add_argument("--seconds", type=int, default=0, help="stop after this many seconds (0: no limit)")
    parser.add_argument("--max-len", type=int, default=4096, help="longest generated input, in bytes")
    parser.add_argument("--budget", type=float, default=30.0, help="an input slower than this is counted")
    parser.add_argument("--crashes", type=Path, default=Path("fuzz-crashes"), help="where crash inputs go")
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args(argv)
    _Tally.budget, _Tally.crash_dir = args.budget, args.crashes
    _Tally.limit_runs, _Tally.limit_seconds = args.runs, args.seconds
    _Tally.started = time.monotonic()
    # libFuzzer's own timeout kills a hung input (and so the run) well past the budget.
    flags = [f"-max_len={args.max_len}", f"-seed={args.seed}", f"-timeout={int(args.budget * 4)}"]
    atheris.Setup([sys.argv[0], *flags, *map(str, args.corpus)], one_input)
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    sys.exit(main())
