# Editions: `make` builds every language edition, `make test` runs the tests.
# Both create the virtual environment they need.

PYTHON ?= python3
VENV ?= .venv
SPHINXOPTS ?=
EDITIONSOPTS ?=
PORT ?= 8000
# `make html LANG=es`: LANG names one edition here, so keep it out of the
# environment of the commands (it is also the system's locale variable).
LANG ?=
unexport LANG
export PYTHONUTF8 := 1

BIN := $(VENV)/bin
EDITIONS := $(BIN)/editions
INSTALLED := $(VENV)/.installed
TEST_INSTALLED := $(VENV)/.installed-test

.PHONY: all help html gettext update-po test lint bench serve clean

all: $(INSTALLED) ## Build every edition and the landing page (the default)
	$(EDITIONS) build $(EDITIONSOPTS) $(SPHINXOPTS)

help: ## List the targets and the variables you can set
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 14
	@echo
	@echo "Variables: PYTHON=$(PYTHON) VENV=$(VENV) LANG=<tag> PORT=$(PORT)"
	@echo "           SPHINXOPTS='-D name=value' EDITIONSOPTS='-j 2 --strict'"
	@echo "           PYTEST_ARGS='-k navigation' BENCHOPTS='--sizes 800 --runs 1'"

html: $(INSTALLED) ## Build one edition: make html LANG=es
	$(EDITIONS) build $(if $(LANG),--lang $(LANG)) $(EDITIONSOPTS) $(SPHINXOPTS)

gettext: $(INSTALLED) ## Extract the English strings into build/gettext/*.pot
	$(EDITIONS) update --extract-only

update-po: $(INSTALLED) ## Extract, then merge into every catalog in locale/
	$(EDITIONS) update $(if $(LANG),--lang $(LANG))

test: $(TEST_INSTALLED) ## Run the tests
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(TEST_INSTALLED) ## ruff and mypy
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy

bench: $(TEST_INSTALLED) ## Measure the build, status and check; see benchmarks/RESULTS.md
	$(BIN)/python -m benchmarks $(BENCHOPTS)

serve: ## Preview build/html on http://127.0.0.1:8000 (set PORT to change)
	$(PYTHON) -m http.server $(PORT) --bind 127.0.0.1 --directory build/html

clean: ## Remove build/ (the virtual environment stays)
	rm -rf build

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(INSTALLED): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TEST_INSTALLED): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(INSTALLED)
