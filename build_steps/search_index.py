"""Build step: the site's search index, built by Pagefind from the built site (after every MkDocs build, and by
`python -m build_steps` after any engine). Under `make serve`, a quick rebuild (--dirty) refreshes the index in the
background (see the end of this file).

Pagefind (PyPI `pagefind-bin`, which ships the binary) reads the built HTML: only the elements marked
`data-pagefind-body` (the article, see overrides/main.html), with the `type` and `tag` filters and the `title`
and `type` metadata set there (overrides/main.html). It writes `pagefind/` into the site: a small loader, a WebAssembly search engine
and an index cut into chunks, so a search downloads only the chunks its words need (see
decisions/0001-recherche.md for the measurements and overrides/partials/search.html for the interface).

French text is indexed from a copy of the HTML in which the typographic apostrophe (’) is replaced by the ASCII
one ('): Pagefind splits words on ASCII punctuation only, so « l’État » is then indexed as « létat » *and* « état »,
and a reader who types « etat » finds it. The published pages keep their ’; search.js puts the ’ back in excerpts.

A large site is indexed in several bundles of at most PAGES_PER_INDEX pages (see below): Pagefind's memory grows
with the pages of one run, not with the site. The first bundle is `pagefind/`, the others `pagefind/lot-N/`, listed
in `pagefind/lots.json`; search.js searches them together (Pagefind's mergeIndex).
"""

from __future__ import annotations

import json
import logging
import math
import os
import re
import shutil
import subprocess
import tempfile
import threading
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from mkdocs.exceptions import PluginError

from .search_words import page_words, write_synonyms, write_vocabulary

# Elements inside the article that are not the page's own text: heading permalinks (« ¶ »), Material's tag
# list and « Modifier cette page » button, the update date, the share box, the blocks of the macros that list
# other pages (« Sur le même sujet » = nav.rl, « Sommaire de la série » = nav.sr, lists of pages of a type =
# .pl-list: they would make every page match every other page's title) and the checklists' buttons and
# screen-reader link texts.
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
        ".pl-list",
        ".ck-tools",
        ".ck-sr",
    ]
)

# One index up to PAGES_PER_INDEX pages; beyond, several bundles, INDEXED_AT_ONCE at a time, that a search reads
# together (Pagefind's mergeIndex, docs/assets/javascripts/search.js). The price of a bundle is paid by readers:
# each bundle has its own index chunk for every word searched, so the first search of a 5,000-page site downloaded
# 825 KB in bundles of 300 pages, 355 KB in two bundles and 311 KB in one (bench/results/search-bench-*.md).
# The price of one index is paid by the build: Pagefind holds about 0.45 MB per page of 1,000 words (1.1 GB at
# 2,000 pages: bench/README.md; 700 MB for the 5,000 shorter pages of the search bench). The machines have 24 GB:
# readers win (decisions/0003-recherche-tolerante.md).
PAGES_PER_INDEX = 6000
INDEXED_AT_ONCE = 2
MERGED_BUNDLE = "lot-{number}"  # pagefind/lot-2/, pagefind/lot-3/…: nginx serves their hashed files as immutable
MANIFEST = "lots.json"  # pagefind/lots.json: the merged bundles, [] when there is one; read by search.js

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


def ascii_apostrophes(text: str) -> str:
    """« l’État » -> « l'État » (str.replace: ten times faster than str.translate on a whole page)."""
    return text.replace("\u2019", "'").replace("\u02bc", "'")


def pagefind_executable() -> Path:
    """The Pagefind binary shipped by the PyPI package `pagefind-bin` (pinned in requirements.txt), or the one named
    by PV_PAGEFIND: another version, to compare (bench/search_bench.py --pagefind, decisions/0003-recherche-tolerante.md)."""
    chosen = os.environ.get("PV_PAGEFIND", "").strip()
    if chosen:
        if not os.access(chosen, os.X_OK):
            raise PluginError(f"Recherche : PV_PAGEFIND={chosen!r} n’est pas un programme exécutable.")
        return Path(chosen)
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


BODY_TAG = re.compile(r"<body\b[^>]*>", re.IGNORECASE)


def page_for_indexing(html: str) -> str:
    """What Pagefind needs of a page: ASCII apostrophes, and nothing of what comes before the indexed element.

    Pagefind reads only the element marked data-pagefind-body (and what it holds: filters, metadata, headings);
    the header, navigation and table of contents before it, two thirds of a page, are left out of the copy so that
    Pagefind parses less (faster, less memory). Pages without that element are copied whole.
    """
    marker = html.find("data-pagefind-body")
    body = BODY_TAG.search(html)
    if marker != -1 and body is not None:
        element = html.rfind("<", 0, marker)
        if element >= body.end():
            html = html[: body.end()] + html[element:]
    return ascii_apostrophes(html)


def _html_files(site_dir: Path) -> Iterator[tuple[str, Path]]:
    """The HTML files of the site that Pagefind reads (not its own bundle, not the dot folders), in path order."""
    for page in sorted(site_dir.rglob("*.html")):
        relative = page.relative_to(site_dir)
        if relative.parts[0] != "pagefind" and not relative.parts[0].startswith("."):
            yield relative.as_posix(), page


def pages_per_index() -> int:
    """PAGES_PER_INDEX, or the value of PV_SEARCH_PAGES_PER_INDEX (the tests split the small real site with it)."""
    value = os.environ.get("PV_SEARCH_PAGES_PER_INDEX", "").strip()
    if not value:
        return PAGES_PER_INDEX
    if not value.isdigit() or int(value) < 1:
        raise PluginError(f"PV_SEARCH_PAGES_PER_INDEX={value!r} : un nombre entier de pages, 1 ou plus, est attendu.")
    return int(value)


def indexable_pages(site_dir: Path) -> list[tuple[str, Path]]:
    """(path in the site, file) of every page holding the data-pagefind-body element (the others are not indexed)."""
    return [(relative, page) for relative, page in _html_files(site_dir) if "data-pagefind-body" in page.read_text(encoding="utf-8")]


def split_pages(pages: list, size: int) -> list[list]:
    """Pages dealt in turn into ceil(len / size) groups of at most `size`: every group mixes all the site's
    sections in the same proportions, so that the word statistics Pagefind scores with (how rare a word is, how
    long pages are) are alike in every bundle, and scores from different bundles compare fairly."""
    count = max(1, math.ceil(len(pages) / size))
    return [pages[start::count] for start in range(count)]


def copy_for_indexing(pages: list[tuple[str, Path]], work_dir: Path) -> Counter:
    """Copy the pages into work_dir as Pagefind needs them (page_for_indexing), one at a time; returns the words of
    their indexed text (word -> number of pages holding it), for the search's vocabulary (build_steps/search_words.py)."""
    words: Counter = Counter()
    for relative, page in pages:
        words.update(write_copy(page.read_text(encoding="utf-8"), work_dir / relative))
    return words


def write_copy(html: str, target: Path) -> set[str]:
    """Write the copy of a page that Pagefind indexes (page_for_indexing) to `target`; returns the words of its
    indexed text (build_steps/search_words.py)."""
    copy = page_for_indexing(html)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(copy, encoding="utf-8")
    return page_words(copy)


class IndexCopies:
    """The copies Pagefind indexes, made while `mkdocs build` writes the pages, by the process that writes each one
    (build_steps/parallel_write.py), instead of all at the end: the search index then waits only for Pagefind.

    In a temporary folder: `pages/` holds the copies, `mots/` the words of each (one file per page, one word per line),
    so that both processes write there without talking to each other. `build_index(…, copies=…)` indexes them; the
    result is the same as from the built site (tests/builds/test_parallel_render.py compares both indexes)."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="pagefind-copies-"))

    def add(self, relative: str, html: str) -> None:
        """A page as it is written to the site (relative: its path in the site)."""
        if "data-pagefind-body" not in html:
            return
        words = write_copy(html, self.folder / "pages" / relative)
        target = self.folder / "mots" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("\n".join(sorted(words)), encoding="utf-8")

    def pages(self) -> list[tuple[str, Path]]:
        """(path in the site, copy) of every page added, in path order, as `indexable_pages` lists them."""
        root = self.folder / "pages"
        return sorted((path.relative_to(root).as_posix(), path) for path in root.rglob("*.html"))

    def words(self) -> Counter:
        words: Counter = Counter()
        for path in (self.folder / "mots").rglob("*.html"):
            words.update(path.read_text(encoding="utf-8").split("\n"))
        words.pop("", None)
        return words

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def _run_pagefind(executable: Path, pages: list[tuple[str, Path]], output: Path, copies: bool = False) -> Counter:
    """Index `pages` into `output`; returns their words. `copies`: the pages are already copies made for Pagefind,
    all in one folder (IndexCopies): they are moved there, then indexed, instead of copied."""
    with tempfile.TemporaryDirectory(prefix="pagefind-") as work:
        if copies:
            for relative, page in pages:
                (Path(work) / relative).parent.mkdir(parents=True, exist_ok=True)
                page.rename(Path(work) / relative)
            words: Counter = Counter()
        else:
            words = copy_for_indexing(pages, Path(work))
        command = [
            str(executable),
            "--site",
            work,
            "--output-path",
            str(output),
            "--force-language",
            "fr",
            "--exclude-selectors",
            EXCLUDE_SELECTORS,
            "--quiet",
        ]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=600)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise PluginError(f"Recherche : Pagefind n’a pas pu être lancé ({error}).") from error
    if result.returncode != 0 or not (output / "pagefind-entry.json").is_file():
        details = (result.stderr or result.stdout).strip()
        raise PluginError(f"Recherche : la construction de l’index par Pagefind a échoué (code {result.returncode}).\n{details}")
    return words


def build_index(site_dir: Path, output: Path | None = None, *, project: Path, copies: IndexCopies | None = None) -> None:
    """Index site_dir with Pagefind into `output` (site_dir/pagefind/); raises PluginError with a French message on failure.

    Up to pages_per_index() pages: one bundle. Beyond: the first group in `output`, the others in `output/lot-N/`
    (their index files only: the first bundle's engine searches them all), listed in `output/lots.json`.
    With the index: the site's vocabulary and the synonyms of `project`/data/synonyms.yml (build_steps/search_words.py).
    `copies`: the pages' copies made while the site was written (IndexCopies), indexed instead of the built pages."""
    executable = pagefind_executable()
    output = output or site_dir / "pagefind"
    pages = copies.pages() if copies is not None else indexable_pages(site_dir)
    if not pages:
        raise PluginError(
            f"Recherche : aucune page de {site_dir} ne porte l’attribut data-pagefind-body (overrides/main.html) : l’index serait vide."
        )
    shutil.rmtree(output, ignore_errors=True)
    groups = split_pages(pages, pages_per_index())
    targets = [output] + [output / MERGED_BUNDLE.format(number=number) for number in range(2, len(groups) + 1)]
    # Two bundles at a time: Pagefind keeps mostly to one core, so both cores work (2,000 pages: 7.3 s -> 5.3 s).
    words: Counter = copies.words() if copies is not None else Counter()
    with ThreadPoolExecutor(max_workers=min(INDEXED_AT_ONCE, len(groups))) as pool:
        runs = [
            pool.submit(_run_pagefind, executable, group, target, copies is not None) for group, target in zip(groups, targets, strict=True)
        ]
        for done in runs:
            words.update(done.result())  # the first failure, with Pagefind's message
    write_vocabulary(words, output)
    write_synonyms(project, output)
    for target in targets[1:]:
        for path in target.iterdir():
            if path.is_file() and path.name != "pagefind-entry.json" and not path.name.endswith(".pf_meta"):
                path.unlink()  # the engine and the interfaces: the first bundle's serve every bundle
    merged = [f"{target.name}/" for target in targets[1:]]
    (output / MANIFEST).write_text(json.dumps(merged), encoding="utf-8")
    if not (output / "pagefind.js").is_file():
        raise PluginError(f"Recherche : Pagefind n’a pas écrit {output / 'pagefind.js'}.")
    for name in UNUSED_BUNDLE_FILES:
        (output / name).unlink(missing_ok=True)


# --------------------------------------------------------------------------------------------------------------
# Preview. `make serve` runs `mkdocs serve --dirty`: after an edit, only the edited pages are rebuilt, in a second
# or two; indexing the whole site again would take longer than that. Then the index is rebuilt in the background,
# into a new folder that replaces the old one when it is complete: the edited page is shown at once, and found by
# search a few seconds later. A full build (`make build`, CI, `mkdocs build --dirty` too) always indexes first.
# --------------------------------------------------------------------------------------------------------------
log = logging.getLogger(f"mkdocs.hooks.{__name__}")
_refresh_lock = threading.Lock()
_refresh = {"wanted": False, "running": False}


def _refresh_loop(site_dir: Path, project: Path) -> None:
    while True:
        with _refresh_lock:
            if not _refresh["wanted"]:
                _refresh["running"] = False
                return
            _refresh["wanted"] = False
        fresh, old = site_dir / ".pagefind-nouveau", site_dir / ".pagefind-ancien"
        try:
            build_index(site_dir, fresh, project=project)
            shutil.rmtree(old, ignore_errors=True)
            (site_dir / "pagefind").rename(old)
            fresh.rename(site_dir / "pagefind")
            shutil.rmtree(old, ignore_errors=True)
            log.info("Recherche : index mis à jour.")
        except (PluginError, OSError) as error:
            # info, not warning: with `strict: true` a warning here would stop the next rebuild of the preview
            log.info(f"Recherche : l’index de l’aperçu n’a pas pu être mis à jour ({error}).")


def refresh_in_background(site_dir: Path, project: Path) -> None:
    with _refresh_lock:
        _refresh["wanted"] = True
        if _refresh["running"]:
            return  # the running loop indexes once more when it is done
        _refresh["running"] = True
    threading.Thread(target=_refresh_loop, args=(site_dir, project), daemon=True).start()
