# krbnn-analysis: two commands do everything on a fresh clone (see README, Quick start):
#   make reports   build every briefing into reports/ (creates .venv and installs on first use)
#   make test      lint, unit tests and strict nbval of every notebook
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.krbnn-installed
NBVAL := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg

.PHONY: reports test lint unit nbval notebooks data data-check lab benchmarks clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (krbnn-analysis)" >/dev/null
	touch $(STAMP)

reports: $(STAMP)
	$(BIN)/krbnn reports

test: lint unit nbval

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Across all cores (pytest-xdist). Tests sharing an expensive module fixture carry one xdist_group;
# nbval keeps each notebook's cells on one worker (--dist loadfile).
unit: $(STAMP)
	$(BIN)/pytest -n auto --dist loadgroup tests

nbval: $(STAMP)
	$(BIN)/pytest -n auto --dist loadfile $(NBVAL) notebooks

# Refresh the stored outputs of the notebooks (commit them): run after changing a notebook or data.
notebooks: $(STAMP)
	$(BIN)/krbnn notebooks execute

# Rebuild the curated tables from ../shared/data/upstream (commit data/ afterwards).
data: $(STAMP)
	$(BIN)/krbnn data build

data-check: $(STAMP)
	$(BIN)/krbnn data check

lab: $(STAMP)
	$(BIN)/jupyter lab --notebook-dir=notebooks

benchmarks: $(STAMP)
	$(BIN)/python -m benchmarks

clean:
	rm -rf reports/*/ reports/index.html reports/.staging-* reports/.build .pytest_cache .ruff_cache
