# Two commands on a fresh machine:
#   make demo   set up .venv, ingest the bundled sample articles into newsgraph.db (SQLite), print a report
#   make test   set up .venv and run lint and the test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SHARED ?= ../shared

.PHONY: demo test lint bench clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

demo: $(BIN)/.installed
	$(BIN)/newsgraph ingest --db newsgraph.db
	$(BIN)/newsgraph report --db newsgraph.db

lint: $(BIN)/.installed
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy src/newsgraph

test: lint
	$(BIN)/pytest -q

bench: $(BIN)/.installed
	$(BIN)/python benchmarks/run.py extraction
	$(BIN)/python benchmarks/speed.py

clean:
	rm -rf $(VENV) newsgraph.db newsgraph.db-wal newsgraph.db-shm .pytest_cache .ruff_cache
