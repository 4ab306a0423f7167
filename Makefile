# Editions: `make` builds every language edition, `make test` runs the tests.
# Both create the virtual environment they need.

PYTHON ?= python3
VENV ?= .venv
SPHINXOPTS ?=
EDITIONSOPTS ?=
PORT ?= 8000
# One edition, for `make html EDITION=es` and `make update-po EDITION=es`.  Not LANG: that is
# the shell's locale (C.UTF-8, de_DE.UTF-8), which the environment sets for every command.
EDITION ?=
LATEST_VENV ?= .venv-latest
# The tool that writes the locks, pinned like everything else.
UV := uv==0.13.9
LOCK_OPTIONS := --universal --generate-hashes --python-version 3.11 --quiet
export PYTHONUTF8 := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

ifeq ($(origin LANG),command line)
$(error LANG is the system's locale variable; choose an edition with EDITION=$(LANG))
endif

BIN := $(VENV)/bin
EDITIONS := $(BIN)/editions
INSTALLED := $(VENV)/.installed
TEST_INSTALLED := $(VENV)/.installed-test

.PHONY: all help html gettext update-po test test-latest lock lint bench serve clean

all: $(INSTALLED) ## Build every edition and the landing page (the default)
	$(EDITIONS) build $(EDITIONSOPTS) $(SPHINXOPTS)

help: ## List the targets and the variables you can set
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 14
	@echo
	@echo "Variables: PYTHON=$(PYTHON) VENV=$(VENV) EDITION=<tag> PORT=$(PORT)"
	@echo "           SPHINXOPTS='-D name=value' EDITIONSOPTS='-j 2 --strict'"
	@echo "           PYTEST_ARGS='-k navigation' BENCHOPTS='--sizes 800 --runs 1'"

html: $(INSTALLED) ## Build one edition: make html EDITION=es
	$(EDITIONS) build $(if $(EDITION),--lang $(EDITION)) $(EDITIONSOPTS) $(SPHINXOPTS)

gettext: $(INSTALLED) ## Extract the English strings into build/gettext/*.pot
	$(EDITIONS) update --extract-only

update-po: $(INSTALLED) ## Extract, then merge into every catalog in locale/
	$(EDITIONS) update $(if $(EDITION),--lang $(EDITION))

test: $(TEST_INSTALLED) ## Run the tests (with the locked versions)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

test-latest: ## Run the tests with the newest versions pyproject.toml allows (try an upgrade)
	rm -rf $(LATEST_VENV)
	$(PYTHON) -m venv $(LATEST_VENV)
	$(LATEST_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(LATEST_VENV)/bin/python -m pip install --quiet --upgrade --upgrade-strategy eager -e '.[test]'
	$(LATEST_VENV)/bin/python -m pip list --format=freeze | grep -iE '^(babel|sphinx|docutils|sphinx-intl|polib|furo)=='
	$(LATEST_VENV)/bin/python -m pytest $(PYTEST_ARGS)

lock: | $(BIN)/python ## Regenerate the locks from pyproject.toml's ranges (after changing them)
	$(BIN)/python -m pip install --quiet $(UV)
	$(BIN)/uv pip compile pyproject.toml $(LOCK_OPTIONS) -o requirements.lock
	$(BIN)/uv pip compile pyproject.toml --extra test $(LOCK_OPTIONS) -o requirements-test.lock

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

# Exactly the locked versions (with their hashes), then the project itself without resolving
# anything again: a fresh machine gets what the tests passed with, not today's releases.
$(INSTALLED): requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

$(TEST_INSTALLED): requirements-test.lock pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-test.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@ $(INSTALLED)
