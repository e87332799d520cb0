"""Macros of the site, for mkdocs-macros: `define_env(env)` registers them.

Editors call them in pages (documented in docs/contribuer/conventions.md):

    checklist(id)          data/checklists/<id>.yml        macros.checklists
    infographic(id)        data/infographics/<id>.yml      macros.infographics
    series(id)             data/series.yml + front matter  macros.navigation
    related(limit=5)       front matter (tags)             macros.navigation
    latest_pages(limit=5)  git history (macros.history)    macros.navigation
    resources(kind)        data/resources.yml              macros.resources
    official_document(id)  data/official-documents.yml     macros.resources
    glossary()             data/glossary.yml               macros.glossary

`define_env` runs once per build: it loads and validates every data file and the front matter of every
page (macros.data, macros.pages) and stops the build with a French report listing every problem. The same
check runs without building the site: `python -m macros.check`.

Only `env.macro`, `env.variables` and `env.conf` are used (plus the `page` variable while rendering), the
subset that the successor engine of mkdocs-macros also offers.
"""

from __future__ import annotations

from pathlib import Path

MACRO_NAMES = ("checklist", "infographic", "series", "related", "latest_pages", "resources", "official_document", "glossary")


def define_env(env) -> None:
    """Load and validate the data, then register the macros (mkdocs-macros hook)."""
    from .checklists import render_checklist
    from .current import current_page
    from .data import load_site
    from .errors import install_macro_error_format
    from .glossary import render_glossary
    from .infographics import render_infographic
    from .navigation import render_latest_pages, render_related, render_series
    from .resources import render_official_document, render_resources

    conf = env.conf
    root = Path(conf["config_file_path"]).resolve().parent if conf.get("config_file_path") else Path.cwd()
    docs_dir = Path(conf.get("docs_dir") or root / "docs")
    if not docs_dir.is_absolute():
        docs_dir = root / docs_dir
    site = load_site(root, docs_dir, bool(conf.get("use_directory_urls", True)), set(MACRO_NAMES))
    install_macro_error_format()

    def here():
        return current_page(env, site)

    def checklist(id):  # noqa: A002 - the name editors see in error messages
        """Interactive checklist from data/checklists/<id>.yml."""
        return render_checklist(site, here(), id)

    def infographic(id):  # noqa: A002
        """Infographic from data/infographics/<id>.yml."""
        return render_infographic(site, here(), id)

    def series(id):  # noqa: A002
        """« Sommaire de la série » of the series <id> of data/series.yml."""
        return render_series(site, here(), id)

    def related(limit=5):
        """« Sur le même sujet »: pages sharing the most tags with this one."""
        return render_related(site, here(), limit)

    def latest_pages(limit=5):
        """« Nouveautés »: the content pages most recently updated (git history)."""
        return render_latest_pages(site, here(), limit)

    def resources(kind):
        """The resources of one kind of data/resources.yml."""
        return render_resources(site, here(), kind)

    def official_document(id):  # noqa: A002
        """« Où lire le texte officiel » for the document <id> of data/official-documents.yml."""
        return render_official_document(site, here(), id)

    def glossary():
        """The glossary of data/glossary.yml."""
        return render_glossary(site, here())

    for function in (checklist, infographic, series, related, latest_pages, resources, official_document, glossary):
        env.macro(function, function.__name__)
    env.variables["site_data"] = site

