# Two commands on a fresh machine:
#   make demo   set up .venv and run newsgraph on the bundled sample articles
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
	$(BIN)/newsgraph extract -o demo-output/samples.jsonl
	$(BIN)/newsgraph extract --sample seed --format text --quiet

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
	rm -rf $(VENV) demo-output .pytest_cache .ruff_cache
