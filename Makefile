# Commands of the project. `make help` lists them. Every target installs what it needs on first use.
# The Makefile is the single source of truth: CI (GitLab, GitHub, .ci/run) calls these targets only.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The dependency auditor lives in its own environment, inside .venv/ (ignored by git, kept by `make clean`).
AUDIT_VENV := $(VENV)/audit
MKDOCS := NO_MKDOCS_2_WARNING=1 $(BIN)/python -m mkdocs
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help serve build test check nouvelle-page audit clean bench

help: ## Affiche cette aide
	@echo "Commandes disponibles :"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## (.*)/  make \1\t\2/' | expand -t 22

# --- Environments -----------------------------------------------------------
# A stamp file per requirements file: the venv is (re)installed when the pins change.
$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 ou plus récent est nécessaire.")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The project folder goes on the venv's import path (a .pth file), so that `macros` (macros, Markdown
# extension) is importable by every command, `mkdocs` alone included.
$(VENV)/.installed-build: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@echo "$(CURDIR)" > "$$($(BIN)/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')/porter-la-voix.pth"
	@touch $@

$(VENV)/.installed-test: requirements-test.txt $(VENV)/.installed-build
	$(BIN)/python -m pip install --quiet -r requirements-test.txt
	@touch $@

$(AUDIT_VENV)/.installed: requirements-audit.txt
	$(PYTHON) -m venv $(AUDIT_VENV)
	$(AUDIT_VENV)/bin/python -m pip install --quiet -r requirements-audit.txt
	@touch $@

# --- Site --------------------------------------------------------------------
serve: $(VENV)/.installed-build ## Aperçu du site sur http://127.0.0.1:8000, rechargé à chaque modification
	$(MKDOCS) serve --livereload --dev-addr $(HOST):$(PORT)

build: $(VENV)/.installed-build ## Construit le site (mode strict) dans site/
	$(MKDOCS) build --strict --clean --site-dir site

# `make check`: every content check an editor's change needs (macros/check.py --all), with a French summary.
# hunspell's French dictionary is a Debian package: tools/ensure-spelling.sh installs it (as root) or says how.
check: $(VENV)/.installed-build ## Vérifie le contenu avant de proposer une modification (en-têtes, navigation, liens, orthographe, mise en forme)
	@bash tools/ensure-spelling.sh
	@$(BIN)/python -m macros.check --all

# TYPE, TITRE and SERIE reach macros/newpage.py through the environment (no shell quoting of the title).
nouvelle-page: $(VENV)/.installed-build ## Crée une page depuis son modèle : make nouvelle-page TYPE=fiche TITRE="Mon titre"
	@$(BIN)/python -m macros.newpage

# --- Tests -------------------------------------------------------------------
# Test-only JavaScript tools (axe-core), pinned in package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

test: $(VENV)/.installed-test ## Lance tous les tests, navigateur compris (installe Chromium si besoin)
	@bash tools/ensure-system-packages.sh
	@$(MAKE) --no-print-directory node_modules/.installed
	$(BIN)/python -m pytest

# --- Audit -------------------------------------------------------------------
# pip-audit asks OSV when api.osv.dev answers, otherwise PyPI's JSON API. --strict: a dependency that could not be
# checked (database unreachable, version unknown) fails the audit, as a known vulnerability does; an audit that
# checked nothing never passes. --no-deps: every requirements file pins all its dependencies exactly.
AUDIT_SERVICE ?= $(shell $(PYTHON) -c 'import socket; socket.create_connection(("api.osv.dev", 443), 5)' 2>/dev/null && echo osv || echo pypi)

audit: $(AUDIT_VENV)/.installed ## Cherche les vulnérabilités connues des dépendances (pip-audit ; npm audit si package.json)
	@echo "Audit des dépendances Python (base de vulnérabilités : $(AUDIT_SERVICE))"
	@$(AUDIT_VENV)/bin/pip-audit --strict --no-deps --disable-pip --progress-spinner off \
		--vulnerability-service $(AUDIT_SERVICE) \
		-r requirements.txt -r requirements-test.txt -r requirements-audit.txt \
		|| { echo "Audit en échec : une vulnérabilité connue (corrigez la version dans requirements*.txt), ou une dépendance que la base $(AUDIT_SERVICE) n’a pas pu vérifier (base injoignable depuis cette machine)." >&2; exit 1; }
	@if [ -f package.json ]; then echo "Audit des dépendances npm"; npm audit --audit-level=low; fi

bench: $(VENV)/.installed-test ## Banc d’essai de la recherche sur 5 000 pages générées (résultats dans bench/results/)
	$(BIN)/python bench/search_bench.py

clean: ## Supprime le site construit et les caches (garde .venv)
	rm -rf site public .pytest_cache
