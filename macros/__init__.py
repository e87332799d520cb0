"""Macros of the site, for mkdocs-macros: `define_env(env)` registers every macro of REGISTRY.

REGISTRY is the one list of the macros editors call in pages (documented for them in docs/contribuer/conventions.md):
its name, the function that renders it, where its data lives and, for a macro whose first argument is an id, where
the ids live. The content model checks every call of every page against it before anything is rendered.

`define_env` runs once per build: it loads and validates every data file and the front matter of every page
(content.load_site) and stops the build with a French report listing every problem. The same check runs without
building the site: `python -m editors.check`.

Only `env.macro`, `env.variables` and `env.conf` are used (plus the `page` variable while rendering), the subset that
the successor engine of mkdocs-macros also offers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup

from content.data import load_site
from content.errors import PREVIEW, DataError
from content.pages import MacroRule

from .checklists import render_checklist
from .current import current_page
from .errors import MacroError, install_macro_error_format
from .faq import render_faq
from .glossary import render_glossary
from .infographics import render_infographic
from .navigation import render_latest_pages, render_page_list, render_related, render_series
from .printable import render_pdf_booklet
from .references import render_ref, render_references
from .render import render
from .resources import render_official_document, render_resources


@dataclass(frozen=True)
class Macro:
    """A macro editors call in pages: ``{{ name(arguments) }}``."""

    name: str
    render: Callable[..., Markup]  # render(site, page, *arguments): the page being rendered comes second
    summary: str  # what it shows, for mkdocs-macros' list of macros
    rule: MacroRule  # what the content model checks in every call


def _id_macro(
    name: str, render: Callable[..., Markup], summary: str, ids: str, what: str, where: str, kind: str | None = None, *, once: bool = False
) -> Macro:
    return Macro(name, render, summary, MacroRule(name, ids=ids, what=what, where=where, data_kind=kind, once_per_page=once))


REGISTRY: tuple[Macro, ...] = (
    _id_macro(
        "checklist",
        render_checklist,
        "Interactive checklist from data/checklists/<id>.yml.",
        "checklists",
        "liste de vérification",
        "data/checklists/",
        once=True,
    ),
    _id_macro(
        "infographic",
        render_infographic,
        "Infographic from data/infographics/<id>.yml.",
        "infographics",
        "infographie",
        "data/infographics/",
        once=True,
    ),
    _id_macro(
        "series", render_series, "« Sommaire de la série » of a series of data/series.yml.", "series", "série", "data/series.yml", "series"
    ),
    Macro("related", render_related, "« Sur le même sujet »: pages sharing the most tags with this one.", MacroRule("related")),
    Macro(
        "latest_pages",
        render_latest_pages,
        "« Nouveautés »: the content pages most recently updated (git history).",
        MacroRule("latest_pages"),
    ),
    _id_macro(
        "resources",
        render_resources,
        "The resources of one kind of data/resources.yml.",
        "resources",
        "type de ressources",
        "data/resources.yml",
        "resources",
    ),
    _id_macro(
        "official_document",
        render_official_document,
        "« Où lire le texte officiel » for a document of data/official-documents.yml.",
        "documents",
        "document officiel",
        "data/official-documents.yml",
        "document",
    ),
    Macro("glossary", render_glossary, "The glossary of data/glossary.yml.", MacroRule("glossary")),
    _id_macro(
        "ref",
        render_ref,
        "A legal reference of data/references.yml, linked to the official text.",
        "references",
        "référence",
        "data/references.yml",
        "reference",
    ),
    Macro("references", render_references, "« Textes de référence »: every reference and the pages that cite it.", MacroRule("references")),
    Macro("faq", render_faq, "« Questions fréquentes »: the questions of data/faq.yml.", MacroRule("faq")),
    _id_macro(
        "page_list",
        render_page_list,
        "The pages of one type (memo sheets, charters…), from their front matter.",
        "page_types",
        "type de page",
        "content/page_types.py",
    ),
    Macro(
        "pdf_booklet",
        render_pdf_booklet,
        "« Livret des fiches mémos »: the link to the PDF of every memo sheet, in a `make pdf` build only.",
        MacroRule("pdf_booklet"),
    ),
)

# Names a page may also call between double braces: Jinja's globals and mkdocs-macros' built-ins.
BUILTIN_CALLABLES = ("range", "dict", "lipsum", "cycler", "joiner", "namespace", "context", "pretty", "macros_info", "now", "relative_url")
RULES: list[MacroRule] = [macro.rule for macro in REGISTRY] + [MacroRule(name, listed=False) for name in BUILTIN_CALLABLES]


def _bind(macro: Macro, site: Any, here: Callable[[], Any]) -> Callable[..., Markup]:
    def call(*arguments: Any, **options: Any) -> Markup:
        try:
            return macro.render(site, here(), *arguments, **options)
        except Exception as error:
            if not PREVIEW.active:
                raise
            # Under the preview a call that fails shows its message in place, and the preview goes on.
            message = str(error) if isinstance(error, MacroError) else f"{macro.name}(…) n’a pas pu être affiché avec ces arguments"
            return render("preview_error.html", message=message, name=macro.name)

    call.__name__ = macro.name
    call.__doc__ = macro.summary
    return call


def _nothing(*_arguments: Any, **_options: Any) -> Markup:
    """A macro while the content has mistakes, under the preview only: the page shows the mistakes instead."""
    return Markup("")


def define_env(env: Any) -> None:
    """Load and validate the data, then register the macros (mkdocs-macros hook)."""
    conf = env.conf
    root = Path(conf["config_file_path"]).resolve().parent if conf.get("config_file_path") else Path.cwd()
    docs_dir = Path(conf.get("docs_dir") or root / "docs")
    if not docs_dir.is_absolute():
        docs_dir = root / docs_dir
    try:
        site = load_site(root, docs_dir, bool(conf.get("use_directory_urls", True)), RULES)
    except DataError as error:
        if not PREVIEW.active:
            raise
        # The preview goes on: every page shows these problems instead of its content (build_steps/preview_notice.py).
        PREVIEW.problems = list(error.problems)
        for macro in REGISTRY:
            env.macro(_nothing, macro.name)
        return
    PREVIEW.problems = []
    install_macro_error_format()

    def here() -> Any:
        return current_page(env, site)

    for macro in REGISTRY:
        env.macro(_bind(macro, site, here), macro.name)
