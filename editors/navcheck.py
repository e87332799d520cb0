"""The navigation of mkdocs.yml against the pages of docs/, with messages in French.

MkDocs reports a page missing from ``nav:`` (``validation.omitted_files``) and a ``nav:`` line naming a file
that does not exist (``validation.nav.not_found``) only in English, and only at the end of a build. This
module reports both before any build, naming the line of mkdocs.yml or the section where the page belongs:

- « docs/fiches/x.md : page absente de la navigation. Ajoutez la ligne « - fiches/x.md » dans la
  section « Fiches mémos » de la partie nav: de mkdocs.yml (à la fin du fichier). »
- « mkdocs.yml, ligne 98 : la navigation cite « fiches/x.md », qui n’existe pas dans docs/. … »

`read_nav` is also used by editors.newpage to add a new page at the right place of the navigation.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from content.errors import Problem
from content.schema import compose_text, suggestion

CONFIG_FILE = "mkdocs.yml"


@dataclass
class NavEntry:
    """One page of the navigation, as written in mkdocs.yml."""

    path: str  # as written, e.g. "fiches/profil-linkedin.md"
    line: int  # 1-based line of mkdocs.yml
    title: str | None  # "Ressources" for « - Ressources: ressources.md », None for « - ressources.md »
    section: NavSection


@dataclass
class NavSection:
    """A list of the navigation: the top level (title None) or a section such as « Fiches mémos »."""

    title: str | None
    entries: list[NavEntry] = field(default_factory=list)


@dataclass
class Nav:
    entries: list[NavEntry]
    lines: list[str]  # the text of mkdocs.yml, line by line (for newpage's insertion)


def read_nav(root: Path, problems: list[Problem]) -> Nav | None:
    """The nav of root/mkdocs.yml, or None when there is none (MkDocs then lists every page by itself)."""
    config = root / CONFIG_FILE
    if not config.is_file():
        return None
    text = config.read_text(encoding="utf-8")
    node = compose_text(text, CONFIG_FILE, problems)  # tags such as !ENV are kept as tags, not run
    if not isinstance(node, yaml.MappingNode):
        return None
    nav_node = next((value for key, value in node.value if getattr(key, "value", None) == "nav"), None)
    if nav_node is None:
        return None
    entries: list[NavEntry] = []
    _walk(nav_node, NavSection(None), entries, problems)
    return Nav(entries, text.split("\n"))


def _walk(node: yaml.Node, section: NavSection, entries: list[NavEntry], problems: list[Problem]) -> None:
    if not isinstance(node, yaml.SequenceNode):
        problems.append(
            Problem(
                CONFIG_FILE,
                node.start_mark.line + 1,
                "nav",
                "la navigation doit être une liste",
                "des lignes « - chemin/de/la-page.md » ou « - Titre: chemin.md »",
            )
        )
        return
    for item in node.value:
        if isinstance(item, yaml.ScalarNode):
            _add(item, None, section, entries)
        elif isinstance(item, yaml.MappingNode) and len(item.value) == 1:
            key, value = item.value[0]
            title = str(key.value)
            if isinstance(value, yaml.ScalarNode):
                _add(value, title, section, entries)
            else:
                _walk(value, NavSection(title), entries, problems)
        else:
            problems.append(
                Problem(
                    CONFIG_FILE,
                    item.start_mark.line + 1,
                    "nav",
                    "élément de navigation mal écrit",
                    "« - chemin/de/la-page.md », « - Titre: chemin.md » ou « - Titre de section: » suivi de sa liste",
                )
            )


def _add(node: yaml.ScalarNode, title: str | None, section: NavSection, entries: list[NavEntry]) -> None:
    entry = NavEntry(str(node.value), node.start_mark.line + 1, title, section)
    section.entries.append(entry)
    entries.append(entry)


def is_external(path: str) -> bool:
    return bool(urlsplit(path).scheme or urlsplit(path).netloc)


def docs_pages(docs_dir: Path) -> list[str]:
    """Every Markdown page of docs/, as a path from docs/ (hidden folders excepted, as MkDocs does)."""
    pages = []
    for path in sorted(docs_dir.rglob("*.md")):
        src = path.relative_to(docs_dir).as_posix()
        if not any(part.startswith(".") for part in src.split("/")):
            pages.append(src)
    return pages


def where_to_add(src: str, nav: Nav) -> str:
    """« dans la section « Fiches mémos » » : the section that lists the other pages of the same folder."""
    folder = posixpath.dirname(src)
    for entry in reversed(nav.entries):
        if not is_external(entry.path) and posixpath.dirname(entry.path) == folder and folder and entry.section.title:
            return f"dans la section « {entry.section.title} »"
    return "à l’endroit voulu"


def check(root: Path, docs_dir: Path | None = None) -> list[Problem]:
    """Pages missing from the navigation, and navigation lines naming a page that does not exist."""
    docs_dir = docs_dir or root / "docs"
    problems: list[Problem] = []
    nav = read_nav(root, problems)
    if nav is None:
        return problems
    prefix = docs_dir.relative_to(root).as_posix() if docs_dir.is_relative_to(root) else docs_dir.as_posix()
    pages = docs_pages(docs_dir)
    listed = set()
    for entry in nav.entries:
        if is_external(entry.path):
            continue
        path = entry.path.lstrip("/")
        listed.add(path)
        if path not in pages:
            problems.append(
                Problem(
                    CONFIG_FILE,
                    entry.line,
                    None,
                    f"la navigation cite « {entry.path} », qui n’existe pas dans {prefix}/.{suggestion(path, pages)} "
                    "Corrigez le chemin (il part du dossier docs/), ou supprimez la ligne si la page a été supprimée",
                )
            )
    for src in pages:
        if src not in listed:
            problems.append(
                Problem(
                    f"{prefix}/{src}",
                    None,
                    None,
                    f"page absente de la navigation. Ajoutez la ligne « - {src} » {where_to_add(src, nav)} "
                    f"de la partie nav: de {CONFIG_FILE} (à la fin du fichier)",
                )
            )
    return problems
