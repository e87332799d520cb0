# Commands of the project. `make help` lists them. Every target installs what it needs on first use.
# The Makefile is the single source of truth: CI (GitLab, GitHub, .ci/run) calls these targets only.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The dependency auditor lives in its own environment, inside .venv/ (ignored by git, kept by `make clean`).
AUDIT_VENV := $(VENV)/audit
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help serve serve-complet build build-properdocs pdf hors-ligne test test-rapide check corriger lint nouvelle-page audit lighthouse audit-deps clean bench bench-search

help: ## Affiche cette aide
	@echo "Commandes disponibles :"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## (.*)/  make \1\t\2/' | expand -t 22

# --- Environments -----------------------------------------------------------
# A stamp file per requirements file: the venv is (re)installed when the pins change.
$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 ou plus récent est nécessaire.")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The project folder goes on the venv's import path (a .pth file), so that its packages (content, macros,
# build_steps, editors, engine) are importable by every command, `mkdocs` alone included.
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
# Preview: `--dirty` rebuilds only the edited pages (a second or two, whatever the site's size) instead of the whole
# site; build_steps/preview.py and build_steps/search_index.py keep that right (titles, search index refreshed in the background).
# What may stay stale until the next start is listed in bench/README.md. `make serve-complet`: full rebuild each time.
# editors/french_console.py runs MkDocs (engine/command.py) and says what it prints in French; VERBOSE=1 runs MkDocs
# untouched, with --verbose, for maintainers. --no-strict: in the preview a broken link is reported, not fatal (the
# build and make check stay strict).
FRENCH_MKDOCS := $(BIN)/python -m editors.french_console

serve: $(VENV)/.installed-build ## Aperçu du site sur http://127.0.0.1:8000 (PORT=8001 pour un autre port), seules les pages modifiées sont reconstruites
	@$(FRENCH_MKDOCS) serve --no-strict --livereload --dirty --dev-addr $(HOST):$(PORT)

serve-complet: $(VENV)/.installed-build ## Aperçu du site, tout le site reconstruit à chaque modification (plus lent)
	@$(FRENCH_MKDOCS) serve --no-strict --livereload --dev-addr $(HOST):$(PORT)

# The steps that need only the built site (search index, CSP sources, image check) run as their own command after
# MkDocs, as they would after another engine (build_steps/finish.py).
build: $(VENV)/.installed-build ## Construit le site (mode strict) dans site/ ; VERBOSE=1 pour le détail technique
	@PV_POST_BUILD=off $(FRENCH_MKDOCS) build --strict --clean --site-dir site
	@$(BIN)/python -m build_steps site

# The same build with ProperDocs 1.6.7 (the fork of MkDocs 1.x, installed next to MkDocs by requirements-test.txt),
# into site-properdocs/: the fallback engine stays ready (decisions/0002). tests/builds/test_properdocs.py compares it
# with the MkDocs build in every `make test`.
build-properdocs: $(VENV)/.installed-test ## Construit le site avec ProperDocs (moteur de secours) dans site-properdocs/
	@PV_ENGINE=properdocs PV_POST_BUILD=off $(FRENCH_MKDOCS) build --strict --clean --site-dir site-properdocs
	@$(BIN)/python -m build_steps site-properdocs

# `make pdf`: the site as `make build` makes it, with links to the memo sheets' PDFs (PV_PDF=on, content/printable.py),
# then the PDFs, printed by Debian's Chromium through Playwright (build_steps/pdf_kit.py): site/pdf/<sheet>.pdf, one A4
# page each (a longer sheet stops it, in French), and the booklet site/pdf/livret-fiches-memos.pdf. SITE_URL is needed:
# each PDF prints its page's published address. The publishing CI jobs run it instead of `make build`.
pdf: $(VENV)/.installed-test ## Construit le site avec chaque fiche mémo en PDF d’une page et leur livret (site/pdf/) ; SITE_URL requis
	@PV_PDF=on $(MAKE) --no-print-directory build
	@$(BIN)/python -m build_steps.pdf_kit site

# `make hors-ligne`: the site as a zip to read without network (build_steps/offline.py). Built without directory URLs
# (every link names an .html file, which a browser opens from a folder) and without SITE_URL (no address is invented);
# the online address (ONLINE_URL, or SITE_URL when given) is named to readers, since search cannot work from files.
hors-ligne: $(VENV)/.installed-build ## Copie du site à lire sans réseau : hors-ligne/porter-la-voix.zip (décompresser, ouvrir index.html)
	@rm -rf hors-ligne
	@env -u SITE_URL ONLINE_URL="$${ONLINE_URL:-$${SITE_URL:-}}" $(FRENCH_MKDOCS) build --strict --clean --no-directory-urls --site-dir hors-ligne/porter-la-voix
	@$(BIN)/python -m build_steps.offline hors-ligne/porter-la-voix hors-ligne/porter-la-voix.zip --en-ligne "$${ONLINE_URL:-$${SITE_URL:-}}"

# `make check`: every content check an editor's change needs (editors/check.py --all), with a French summary.
# CHECK_OPTIONS: the forges' CI adds « --github » (annotations on the pull request's lines) or
# « --code-quality gl-code-quality-report.json » (GitLab's merge-request report); editors/annotations.py;
# then, for maintainers, `make lint` (the Python code). hunspell's French dictionary is a Debian package:
# tools/ensure-spelling.sh installs it (as root) or says how.
check: $(VENV)/.installed-build ## Vérifie le contenu avant de proposer une modification (en-têtes, navigation, liens, orthographe, mise en forme)
	@bash tools/ensure-spelling.sh
	@$(BIN)/python -m editors.check --all $(CHECK_OPTIONS)
	@$(MAKE) --no-print-directory lint

# `make corriger`: the safe fixes make check points to (straight apostrophes in the text: editors/apostrophes.py).
corriger: $(VENV)/.installed-build ## Corrige ce qui peut l’être sans risque (apostrophes droites), puis dit ce qui reste
	@$(BIN)/python -m editors.apostrophes --corriger

# Ruff (pyproject.toml, section [tool.ruff]): lint and format of the Python code, for maintainers.
lint: $(VENV)/.installed-build ## Vérifie le code Python (Ruff : règles et mise en forme)
	@$(BIN)/ruff check --quiet . && $(BIN)/ruff format --check --quiet . \
		|| { echo "Code Python : corrigez avec « .venv/bin/ruff check --fix . && .venv/bin/ruff format . »." >&2; exit 1; }

# TYPE, TITRE and SERIE reach editors/newpage.py through the environment (no shell quoting of the title).
nouvelle-page: $(VENV)/.installed-build ## Crée une page depuis son modèle : make nouvelle-page TYPE=fiche TITRE="Mon titre"
	@$(BIN)/python -m editors.newpage

# --- Tests -------------------------------------------------------------------
# Test-only JavaScript tools (axe-core), pinned in package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# tests/unit: no build, no browser (`make test-rapide`, well under a minute); tests/builds: builds of the site and
# of modified copies; tests/browser: the built site in Chromium. `make test` runs them all on two workers, one per
# core (pytest-xdist; loadscope: a test module stays on one worker, so its module fixtures are built once). Each
# worker builds the real site once; the reader's tour (tests/tour.py) is made once for both.
test: $(VENV)/.installed-test ## Lance tous les tests, navigateur compris (installe Chromium si besoin)
	@bash tools/ensure-system-packages.sh
	@$(MAKE) --no-print-directory node_modules/.installed
	$(BIN)/python -m pytest -n 2 --dist loadscope

test-rapide: $(VENV)/.installed-test ## Lance les tests unitaires seulement (moins d’une minute, sans navigateur)
	$(BIN)/python -m pytest tests/unit

# --- Audit -------------------------------------------------------------------
# `make audit` = `make lighthouse` (scores of the built site) + `make audit-deps` (known vulnerabilities of the
# dependencies). CI (.ci/run) runs `make lighthouse` after `make test`.
audit: lighthouse audit-deps ## Audit complet : scores Lighthouse (make lighthouse) et vulnérabilités des dépendances (make audit-deps)

# Lighthouse 12.2.3 (package.json, Node >= 20) with Debian's full Chromium (the browser readers use; the tests drive its
# headless shell: build_steps/chromium.py), on the site built then served by nginx with
# the shipped configuration (compression, cache headers): home page, an article, a memo sheet with a checklist,
# the infographic and the search; desktop once, mobile three times (median). Writes reports/lighthouse.md and
# fails under the thresholds (tools/lighthouse.py).
lighthouse: $(VENV)/.installed-build ## Scores Lighthouse du site servi par nginx, comparés aux seuils (rapport : reports/lighthouse.md)
	@bash tools/ensure-system-packages.sh --lighthouse
	@$(MAKE) --no-print-directory node_modules/.installed
	$(BIN)/python -m tools.lighthouse

# pip-audit asks OSV when api.osv.dev answers, otherwise PyPI's JSON API. --strict: a dependency that could not be
# checked (database unreachable, version unknown) fails the audit, as a known vulnerability does; an audit that
# checked nothing never passes. --no-deps: every requirements file pins all its dependencies exactly.
AUDIT_SERVICE ?= $(shell $(PYTHON) -c 'import socket; socket.create_connection(("api.osv.dev", 443), 5)' 2>/dev/null && echo osv || echo pypi)

audit-deps: $(AUDIT_VENV)/.installed $(VENV)/.installed-build ## Cherche les vulnérabilités connues des dépendances (pip-audit ; npm audit si package.json)
	@echo "Audit des dépendances Python (base de vulnérabilités : $(AUDIT_SERVICE))"
	@$(AUDIT_VENV)/bin/pip-audit --strict --no-deps --disable-pip --progress-spinner off \
		--vulnerability-service $(AUDIT_SERVICE) \
		-r requirements.txt -r requirements-test.txt -r requirements-audit.txt \
		|| { echo "Audit en échec : une vulnérabilité connue (corrigez la version dans requirements*.txt), ou une dépendance que la base $(AUDIT_SERVICE) n’a pas pu vérifier (base injoignable depuis cette machine)." >&2; exit 1; }
	@if [ -f package.json ]; then echo "Audit des dépendances npm"; npm audit --audit-level=low; fi
	@echo "MkDocs 2 exclu de chaque environnement (constraints.txt), pire cas résolu par pip :"
	@$(BIN)/python -m tools.engine_pins

# `make bench`: the build benchmark (bench/build_bench.py: 250, 1,000 and 2,000 generated pages, this project against
# a vanilla Material configuration, about 15 minutes on 2 cores). BENCH_ARGS passes options, for instance
# `make bench BENCH_ARGS="--sizes 250,500 --runs 3,3"`. The search benchmark (5,000 pages, Pagefind against lunr,
# about 8 minutes) is `make bench-search`; bench/README.md explains both.
bench: $(VENV)/.installed-test ## Banc d’essai de la construction : 250, 1 000 et 2 000 pages, projet contre Material nu (bench/results/)
	@bash tools/ensure-system-packages.sh
	$(BIN)/python -m bench.build_bench $(BENCH_ARGS)

bench-search: $(VENV)/.installed-test ## Banc d’essai de la recherche sur 5 000 pages générées (résultats dans bench/results/)
	@bash tools/ensure-system-packages.sh
	$(BIN)/python -m bench.search_bench

clean: ## Supprime le site construit et les caches (garde .venv)
	rm -rf site site-properdocs public hors-ligne .pytest_cache
