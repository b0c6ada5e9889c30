"""The command line through typer's CliRunner, with the real model."""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

import newsgraph
from newsgraph import __version__
from newsgraph.cli import app
from newsgraph.ingest import content_id

pytestmark = pytest.mark.model

SEED_TITLE = "Israel will go it alone on Rafah if it has to, Netanyahu tells Blinken"
HEADLINE = "Harbour bridge reopens after repairs"
ARTICLE = (
    f"{HEADLINE}\n\nThe Harbour Bridge in Port Elliot reopened to traffic on Tuesday morning after eight months "
    "of repairs that cost the city council 14 million dollars, officials said.\n"
)
GERMAN = (
    "Die Bundesregierung hat am Dienstag ein neues Gesetz zur Förderung erneuerbarer Energien beschlossen. "
    "Wirtschaftsminister Robert Habeck sagte in Berlin, die Maßnahmen würden den Ausbau von Wind- und "
    "Solarkraft deutlich beschleunigen. Kritiker warnten vor steigenden Strompreisen.\n"
)


@pytest.fixture(autouse=True)
def _in_tmp_dir(tmp_path, monkeypatch):
    """Commands run in a temporary directory: default output files never land in the repository."""
    monkeypatch.chdir(tmp_path)


def invoke(*args: str | Path, input: str | bytes | None = None):
    return CliRunner().invoke(app, [str(a) for a in args], input=input)


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


# ---------------------------------------------------------------------------- help


def _commands() -> dict:
    """The app's commands as typer builds them (its own vendored click objects)."""
    return typer.main.get_command(app).commands


def test_every_command_has_help_text():
    commands = _commands()
    assert set(commands) >= {"extract", "samples"}
    for name, command in commands.items():
        assert command.help and command.help.strip(), f"command {name!r} has no help text"
        for param in command.params:
            if param.name != "help":
                assert getattr(param, "help", None), f"parameter {param.name!r} of {name!r} has no help text"


def test_every_command_is_in_the_readme():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for name in _commands():
        assert f"newsgraph {name}" in readme, f"command {name!r} is missing from README.md"


@pytest.mark.parametrize("args", [[], ["extract"], ["samples"]], ids=["app", "extract", "samples"])
def test_help(args):
    result = invoke(*args, "--help")
    assert result.exit_code == 0
    assert "Usage:" in result.stdout
    if args:
        summary = _commands()[args[0]].help.strip().splitlines()[0]
        assert summary in result.stdout
    else:
        assert "extract" in result.stdout and "samples" in result.stdout


def test_no_arguments_shows_help():
    result = invoke()
    assert "Usage:" in result.output
    assert "extract" in result.output


def test_version():
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"newsgraph {__version__}"


# ---------------------------------------------------------------------------- formats and options


def test_extract_jsonl_of_the_seed_sample():
    result = invoke("extract", "--sample", "seed", "--quiet")
    assert result.exit_code == 0, result.output
    (line,) = _lines(result.stdout)
    record = json.loads(line)
    assert record["schema_version"] == "1.3"
    assert record["id"] == "000_5b7bcf2cbf6902ac"
    assert record["title"] == SEED_TITLE
    assert "source_text" not in record
    assert result.stderr == ""  # --quiet: no progress bar, no summary


def test_extract_json_array():
    result = invoke("extract", "--sample", "seed", "--format", "json", "-q")
    assert result.exit_code == 0
    (record,) = json.loads(result.stdout)
    assert record["title"] == SEED_TITLE


def test_extract_text_digest():
    result = invoke("extract", "--sample", "seed", "-f", "text", "-q")
    assert result.exit_code == 0
    digest = result.stdout
    assert digest.startswith(f"══ {SEED_TITLE}\n")
    assert "published 2024-03-22 (from input)" in digest
    assert "removed: 4 caption lines, 1 credit line, 1 near-repeated paragraph" in digest
    assert digest.count("caption (×2): US Secretary of State Antony Blinken") == 2
    assert "— REUTERS/EVELYN HOCKSTEIN/POOL" in digest
    assert "entities (" in digest and "person: " in digest and "Netanyahu" in digest


def test_with_source_offsets_point_at_the_same_text():
    result = invoke("extract", "--sample", "seed", "-f", "json", "--with-source", "-q")
    assert result.exit_code == 0
    (doc,) = json.loads(result.stdout)
    text, source = doc["text"], doc["source_text"]
    items = doc["paragraphs"] + doc["sentences"] + [m for e in doc["entities"] for m in e["mentions"]]
    assert len(items) > 80
    for item in items:
        assert source[item["source_start"] : item["source_end"]] == text[item["start"] : item["end"]]


def test_output_file(tmp_path):
    out = tmp_path / "out" / "docs.jsonl"
    result = invoke("extract", "--sample", "seed", "-o", out)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert f"output in {out}" in result.stderr
    assert "1 article analysed" in result.stderr
    (line,) = _lines(out.read_text(encoding="utf-8"))
    assert json.loads(line)["title"] == SEED_TITLE


def test_samples_command():
    result = invoke("samples")
    assert result.exit_code == 0
    rows = {line.split()[0]: line.split() for line in _lines(result.stdout)}
    assert set(rows) == {"seed", "wikinews", "all"}
    assert [rows[name][1] for name in ("seed", "wikinews", "all")] == ["1", "120", "121"]
    assert all(Path(p).is_file() for row in rows.values() for p in row[3:])


def test_unknown_sample_set_or_format_is_a_usage_error():
    assert invoke("extract", "--sample", "nope").exit_code == 2
    result = invoke("extract", "--sample", "seed", "--format", "xml")
    assert result.exit_code == 2
    assert "xml" in result.output


def test_stdin(tmp_path):
    result = invoke("extract", "-", "-q", input=ARTICLE)
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in _lines(result.stdout)]
    assert record["source"] == "<stdin>"
    assert record["title"] == HEADLINE
    assert record["id"] == content_id(ARTICLE)
    # the same text from a file has the same content-hash id
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    from_file = json.loads(invoke("extract", tmp_path / "a.txt", "-q").stdout)
    assert from_file["id"] == record["id"]


def test_published_override(data_dir):
    result = invoke("extract", data_dir / "harbour_bridge.html", "--published", "2024-01-05", "-q")
    record = json.loads(result.stdout)
    assert (record["published"], record["published_from"]) == ("2024-01-05", "option")
    result = invoke("extract", data_dir / "harbour_bridge.html", "-q")
    assert json.loads(result.stdout)["published_from"] == "html"


def test_invalid_published_is_a_usage_error(data_dir):
    result = invoke("extract", data_dir / "harbour_bridge.html", "--published", "5 Jan 2024")
    assert result.exit_code == 2
    assert "E009" in result.output


def test_jsonl_gz_directory_batch(tmp_path, data_dir):
    batch = tmp_path / "batch"
    (batch / "nested").mkdir(parents=True)
    (batch / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (batch / "nested" / "b.jsonl.gz").write_bytes(gzip.compress((data_dir / "articles.jsonl").read_bytes()))
    (batch / "nested" / "c.html").write_bytes((data_dir / "harbour_bridge.html").read_bytes())
    result = invoke("extract", batch, "-q", "--errors", tmp_path / "errors.jsonl")
    assert result.exit_code == 3  # one record failed
    records = [json.loads(line) for line in _lines(result.stdout)]
    assert len(records) == 5  # a.txt, three good records of b.jsonl.gz, c.html
    assert [r["id"] for r in records[1:3]] == ["ch-001", "ch-002"]
    (error,) = [json.loads(line) for line in _lines((tmp_path / "errors.jsonl").read_text())]
    assert error["code"] == "E007" and error["input"].endswith("b.jsonl.gz:3")


# ---------------------------------------------------------------------------- bad input


def _bad_input(tmp_path: Path, code: str) -> Path:
    """One file that fails with ``code``; E008 is a path that does not exist."""
    paths = {
        "E001": ("empty.txt", b""),
        "E002-png": ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x04\x00"),
        "E002-pdf": ("report.html", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"),
        "E002-nul": ("dump.txt", b"Harbour bridge\x00\x00\x00\x00 reopens"),
        "E003": ("broken.txt", b"\xef\xbb\xbfcaf\xe9 \xff\xfe not UTF-8"),
        "E004": ("german.txt", GERMAN.encode()),
        "E005": ("app.html", (Path(__file__).parent / "data" / "no_article.html").read_bytes()),
        "E011": ("note.txt", b"Short note."),
    }
    if code == "E008":
        return tmp_path / "no-such-article.txt"
    if code == "E006":
        path = tmp_path / "huge.txt"
        path.write_text(ARTICLE * (20_000_000 // len(ARTICLE) + 1), encoding="utf-8")
        return path
    name, data = paths[code]
    path = tmp_path / name
    path.write_bytes(data)
    return path


BAD_CODES = ["E001", "E002-png", "E002-pdf", "E002-nul", "E003", "E004", "E005", "E006", "E008", "E011"]


@pytest.mark.parametrize("case", BAD_CODES)
def test_single_bad_input_exits_1_with_one_line(tmp_path, case):
    code = case.split("-")[0]
    path = _bad_input(tmp_path, case)
    started = time.perf_counter()
    result = invoke("extract", path)
    elapsed = time.perf_counter() - started
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    error_lines = [line for line in result.stderr.splitlines() if f"{code}:" in line]
    assert len(error_lines) == 1
    assert str(path) in error_lines[0]
    assert "0 articles analysed, 1 failed" in result.stderr
    if code == "E006":
        assert elapsed < 20  # refused on its size, never cleaned or parsed


def test_batch_with_bad_files_goes_on(tmp_path):
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "good-1.txt").write_text(ARTICLE, encoding="utf-8")
    (batch / "good-2.txt").write_text(ARTICLE.replace("Tuesday", "Wednesday"), encoding="utf-8")
    bad = {
        "E001": _bad_input(batch, "E001"),
        "E002": _bad_input(batch, "E002-png"),
        "E004": _bad_input(batch, "E004"),
        "E005": _bad_input(batch, "E005"),
    }
    result = invoke("extract", batch, "-o", tmp_path / "out.jsonl")
    assert result.exit_code == 3, result.output  # some failed, the others went through
    assert "Traceback" not in result.output
    records = [json.loads(line) for line in _lines((tmp_path / "out.jsonl").read_text())]
    assert sorted(Path(r["source"]).name for r in records) == ["good-1.txt", "good-2.txt"]
    errors_file = tmp_path / "out.jsonl.errors.jsonl"
    errors = [json.loads(line) for line in _lines(errors_file.read_text())]
    assert all(set(e) == {"input", "code", "message"} for e in errors)
    assert sorted((e["code"], e["input"]) for e in errors) == sorted((c, str(p)) for c, p in bad.items())
    assert "2 articles analysed, 4 failed" in result.stderr
    assert str(errors_file) in result.stderr

    strict = invoke("extract", batch, "--strict", "-q", "--errors", tmp_path / "strict-errors.jsonl")
    assert strict.exit_code == 1
    assert len(_lines(strict.stdout)) == 2  # the good articles are still written
    assert len(_lines((tmp_path / "strict-errors.jsonl").read_text())) == 4


def test_articles_over_the_time_budget_are_listed_as_e017(tmp_path):
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (batch / "two.txt").write_text(ARTICLE.replace("Tuesday", "Wednesday"), encoding="utf-8")
    # A budget smaller than the cleaning of any article: each is stopped before extraction.
    result = invoke("extract", batch, "-o", tmp_path / "out.jsonl", "--time-budget", "0.000001")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    errors = [json.loads(line) for line in _lines((tmp_path / "out.jsonl.errors.jsonl").read_text())]
    assert sorted(Path(e["input"]).name for e in errors) == ["one.txt", "two.txt"]
    assert {e["code"] for e in errors} == {"E017"}
    assert all("--time-budget" in e["message"] for e in errors)
    assert "0 articles analysed, 2 failed" in result.stderr
    assert invoke("extract", batch / "one.txt", "-q", "--time-budget", "0").exit_code == 0


def test_batch_errors_file_defaults_to_the_working_directory(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_text("")
    result = invoke("extract", tmp_path / "in", "-q")
    assert result.exit_code == 3
    errors_file = tmp_path / "newsgraph.errors.jsonl"  # as documented in README and docs/schema.md
    (error,) = [json.loads(line) for line in _lines(errors_file.read_text())]
    assert error["code"] == "E001"
    assert "newsgraph.errors.jsonl" in result.stderr


def test_unwritable_output_is_one_line_not_a_traceback(tmp_path, data_dir):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    result = invoke("extract", data_dir / "harbour_bridge.html", "-o", blocker / "out.jsonl", "-q")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "newsgraph: cannot write" in result.output


@pytest.mark.parametrize(
    "command", [["actors"], ["query", "quotes"], ["timeline", "Blinken"], ["search", "Rafah"], ["report"]]
)
def test_queries_on_a_missing_database_fail_without_creating_it(tmp_path, command):
    db = tmp_path / "typo.db"
    result = invoke(*command, "--db", db)
    assert result.exit_code == 1
    assert "no knowledge base at" in result.output and "newsgraph ingest" in result.output
    assert not db.exists()


# ---------------------------------------------------------------------------- what a user meets


@pytest.mark.parametrize(
    "command", [[], ["extract"], ["ingest"], ["query", "events"], ["timeline"], ["actors"], ["serve"], ["report"]]
)
def test_help_shows_real_metavars_and_loads_no_pipeline(command):
    # The console script's entry point (main), in a fresh process: what a user runs.
    code = (
        "import sys\nfrom newsgraph.cli import main\nsys.argv = ['newsgraph', *sys.argv[1:], '--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('LOADED' if 'newsgraph.pipeline' in sys.modules or 'spacy' in sys.modules else 'LIGHT')"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, *command],
        capture_output=True,
        text=True,
        # The child imports the newsgraph under test, wherever the tests run from.
        env={**os.environ, "COLUMNS": "120", "PYTHONPATH": str(Path(newsgraph.__file__).parents[1])},
        check=True,
    )
    assert result.stdout.rstrip().endswith("LIGHT")
    assert "Usage:" in result.stdout
    assert not re.search(r"<(str|bool|int|path|list\[\w+\])[^>]*>", result.stdout), result.stdout


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("cli-kb") / "kb.db"
    result = CliRunner().invoke(app, ["ingest", "--sample", "seed", "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    return db


@pytest.mark.parametrize(
    "command",
    [["actors"], ["query", "quotes"], ["query", "events"], ["timeline", "Blinken"], ["search", "Rafah"], ["report"]],
)
def test_queries_never_import_spacy(seed_db, command):
    # A fresh process, as a user runs it: reading the store must not pay for spaCy's import.
    code = (
        "import sys\nfrom newsgraph.cli import main\nsys.argv = ['newsgraph', *sys.argv[1:]]\n"
        "try:\n    main()\nexcept SystemExit as stop:\n    assert not stop.code, stop.code\n"
        "print('LOADED' if 'spacy' in sys.modules else 'LIGHT')"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, *command, "--db", str(seed_db)],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "120", "PYTHONPATH": str(Path(newsgraph.__file__).parents[1])},
        check=True,
    )
    assert result.stdout.rstrip().endswith("LIGHT"), result.stdout[-500:]


@pytest.mark.parametrize(
    "command",
    [
        ["actors", "Blinken"],
        ["query", "quotes", "--speaker", "Blinken"],
        ["query", "events", "--actor", "Blinken", "--code", "04", "--place", "Cairo"],
        ["search", "Rafah"],
        ["timeline", "Blinken"],
        ["stances", "operation in Rafah"],
        ["discrepancies"],
    ],
)
def test_every_query_command_takes_json_and_finds_the_readme_examples(seed_db, command):
    as_json = invoke(*command, "--db", seed_db, "--json")
    assert as_json.exit_code == 0, as_json.output
    found = json.loads(as_json.output)
    if command[0] != "discrepancies":
        assert found, f"{command} found nothing"
        tsv = invoke(*command, "--db", seed_db, "--format", "tsv")
        lines = tsv.output.splitlines()
        assert len(lines) == len(found) + 1 and all("\t" in line for line in lines)


def test_tsv_keeps_whole_quotes_where_the_table_cuts_them(seed_db):
    found = json.loads(invoke("query", "quotes", "--speaker", "Blinken", "--db", seed_db, "--json").output)
    long_quotes = [" ".join(q["text"].split()) for q in found if len(q["text"]) > 100]
    assert long_quotes
    tsv = invoke("query", "quotes", "--speaker", "Blinken", "--db", seed_db, "--format", "tsv").output
    cells = [line.split("\t")[2] for line in tsv.splitlines()[1:]]
    assert all(text in cells for text in long_quotes)
    table = invoke("query", "quotes", "--speaker", "Blinken", "--db", seed_db).output
    assert "…" in table


def test_piped_tables_do_not_wrap_at_80_columns(seed_db):
    result = invoke("query", "quotes", "--speaker", "Blinken", "--db", seed_db)
    assert max(len(line) for line in result.output.splitlines()) > 100
    narrow = invoke("query", "quotes", "--speaker", "Blinken", "--db", seed_db, "--width", "60")
    assert max(len(line) for line in narrow.output.splitlines()) <= 60


def test_ingest_lists_skipped_files_and_skips_its_own_output(tmp_path):
    articles = tmp_path / "in"
    articles.mkdir()
    (articles / "bridge.txt").write_text(ARTICLE, encoding="utf-8")
    (articles / "notes.csv").write_text("a,b\n", encoding="utf-8")
    extracted = invoke("extract", articles / "bridge.txt", "-o", articles / "out.jsonl", "-q")
    assert extracted.exit_code == 0, extracted.output
    db = tmp_path / "kb.db"
    result = invoke("ingest", articles, "--db", db)
    assert result.exit_code == 0, result.output
    assert re.search(r"skipped \S*notes\.csv: not an article file", result.output)
    assert re.search(r"skipped \S*out\.jsonl: newsgraph output", result.output)
    assert "1 articles stored" in result.output
    explicit = invoke("ingest", articles / "out.jsonl", "--db", db)
    assert "newsgraph output" in explicit.output and "0 articles stored" in explicit.output


def test_report_counts_articles_without_a_publication_date(tmp_path):
    (tmp_path / "undated.txt").write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "kb.db"
    assert invoke("ingest", tmp_path / "undated.txt", "--db", db, "-q").exit_code == 0
    report = invoke("report", "--db", db)
    assert "1 article without a publication date" in report.output
