"""MkDocs hook: builds the site's search index with Pagefind after every build (`make build`, `make serve`, tests).

Pagefind (PyPI `pagefind-bin`, which ships the binary) reads the built HTML: only the elements marked
`data-pagefind-body` (the article, see overrides/main.html), with the `type` and `tag` filters and the `title`
and `type` metadata set there. It writes `pagefind/` into the site: a small loader, a WebAssembly search engine
and an index cut into chunks, so a search downloads only the chunks its words need (see
decisions/0001-recherche.md for the measurements and overrides/partials/search.html for the interface).

French text is indexed from a copy of the HTML in which the typographic apostrophe (’) is replaced by the ASCII
one ('): Pagefind splits words on ASCII punctuation only, so « l’État » is then indexed as « létat » *and* « état »,
and a reader who types « etat » finds it. The published pages keep their ’; search.js puts the ’ back in excerpts.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError

# Elements inside the article that are not the page's own text: heading permalinks (« ¶ »), Material's tag
# list and « Modifier cette page » button, the update date, the share box, the blocks of the macros that list
# other pages (« Sur le même sujet » = nav.rl, « Sommaire de la série » = nav.sr: they would make every page
# match every other page's title) and the checklists' buttons and screen-reader link texts.
# Any other element can be left out of the index with the attribute data-pagefind-ignore.
EXCLUDE_SELECTORS = ", ".join(
    [
        ".headerlink",
        ".md-tags",
        ".md-content__button",
        ".md-source-file",
        ".pv-share",
        "nav.rl",
        "nav.sr",
        ".ck-tools",
        ".ck-sr",
    ]
)

# Pagefind writes three ready-made interfaces next to its search API; the site uses only the API
# (pagefind.js, its worker, the WebAssembly and the index), so the unused bundles are removed.
UNUSED_BUNDLE_FILES = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)

TYPOGRAPHIC_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'"})


def pagefind_executable() -> Path:
    """The Pagefind binary shipped by the PyPI package `pagefind-bin` (pinned in requirements.txt)."""
    try:
        from pagefind_bin import get_executable
    except ImportError as error:
        raise PluginError(
            "Recherche : le paquet Python « pagefind-bin » est introuvable. "
            "Installez les dépendances du site : `make build` ou `.venv/bin/pip install -r requirements.txt`."
        ) from error
    try:
        return Path(get_executable())
    except (FileNotFoundError, OSError) as error:
        raise PluginError(
            f"Recherche : le programme Pagefind est introuvable dans le paquet « pagefind-bin » ({error}). "
            "Réinstallez les dépendances : `.venv/bin/pip install --force-reinstall -r requirements.txt`."
        ) from error


def copy_for_indexing(site_dir: Path, work_dir: Path) -> int:
    """Copy every HTML page of the site into work_dir with ASCII apostrophes; returns the number of pages."""
    count = 0
    for page in site_dir.rglob("*.html"):
        relative = page.relative_to(site_dir)
        if relative.parts[0] == "pagefind":
            continue
        target = work_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.read_text(encoding="utf-8").translate(TYPOGRAPHIC_APOSTROPHES), encoding="utf-8")
        count += 1
    return count


def build_index(site_dir: Path) -> None:
    """Index site_dir with Pagefind into site_dir/pagefind/; raises PluginError with a French message on failure."""
    executable = pagefind_executable()
    output = site_dir / "pagefind"
    shutil.rmtree(output, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="pagefind-") as work:
        if copy_for_indexing(site_dir, Path(work)) == 0:
            raise PluginError(f"Recherche : aucune page HTML à indexer dans {site_dir}.")
        command = [
            str(executable),
            "--site", work,
            "--output-path", str(output),
            "--force-language", "fr",
            "--exclude-selectors", EXCLUDE_SELECTORS,
            "--quiet",
        ]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=600)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise PluginError(f"Recherche : Pagefind n’a pas pu être lancé ({error}).") from error
    if result.returncode != 0 or not (output / "pagefind.js").is_file():
        details = (result.stderr or result.stdout).strip()
        raise PluginError(
            f"Recherche : la construction de l’index par Pagefind a échoué (code {result.returncode}).\n{details}"
        )
    for name in UNUSED_BUNDLE_FILES:
        (output / name).unlink(missing_ok=True)


def on_post_build(config):
    build_index(Path(config.site_dir))
