# Commands of the project. `make help` lists them. Every target installs what it needs on first use.
# The Makefile is the single source of truth: CI (GitLab, GitHub, .ci/run) calls these targets only.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MKDOCS := NO_MKDOCS_2_WARNING=1 $(BIN)/python -m mkdocs
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help serve build test check clean

help: ## Affiche cette aide
	@echo "Commandes disponibles :"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## (.*)/  make \1\t\2/' | expand -t 22

# --- Environments -----------------------------------------------------------
# A stamp file per requirements file: the venv is (re)installed when the pins change.
$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 ou plus récent est nécessaire.")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-build: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-test: requirements-test.txt requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements-test.txt
	@touch $@ $(VENV)/.installed-build

# --- Site --------------------------------------------------------------------
serve: $(VENV)/.installed-build ## Aperçu du site sur http://127.0.0.1:8000, rechargé à chaque modification
	$(MKDOCS) serve --livereload --dev-addr $(HOST):$(PORT)

build: $(VENV)/.installed-build ## Construit le site (mode strict) dans site/
	$(MKDOCS) build --strict --clean --site-dir site

check: $(VENV)/.installed-build ## Vérifications rapides du contenu (données, en-têtes des pages)
	$(BIN)/python -m macros.check

# --- Tests -------------------------------------------------------------------
test: $(VENV)/.installed-test ## Lance tous les tests, navigateur compris (installe Chromium si besoin)
	@bash tools/ensure-system-packages.sh
	$(BIN)/python -m pytest

clean: ## Supprime le site construit et les caches (garde .venv)
	rm -rf site public .pytest_cache
