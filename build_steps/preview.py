"""Build step: keeps the fast preview right. `make serve` runs `mkdocs serve --dirty`, which rebuilds only the pages
whose file changed since the previous build (a second or two on a site of 1,000 pages, instead of a full build that
grows with the site).

In such a rebuild MkDocs does not read the other pages, so it does not know their titles: Material would write
« None » for them in the rebuilt page (navigation, previous/next links, breadcrumbs). The page index of the content
model (content/pages.py, read in full at every build from a cache of unchanged files) knows every title: this step
gives it to the pages that were not read, escaped as build_steps/escape_front_matter.py escapes them.

A page's file is not the only thing that shapes it: data files (checklists, series…), includes, the theme's
overrides, the code and mkdocs.yml (the navigation) shape many pages. When one of them changed since the previous
build, this step has every page rebuilt, as a full build would.

A full build (`make build`, CI) reads every page: this step then changes nothing. What the preview may show stale
until `make serve` is restarted is listed in bench/README.md (« Aperçu rapide »).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from content.inline import escape_text
from content.pages import load_pages
from engine import compat

log = logging.getLogger("mkdocs.build_steps.preview")


class WithoutDirtyWarning(logging.Filter):
    """MkDocs warns at every --dirty build that links may be inaccurate; with `strict: true` that warning alone
    would stop the preview. It is expected there (this module and bench/README.md say what may be stale); every
    other warning still stops the build."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(compat.DIRTY_WARNING)


def quiet_engine_start() -> None:
    """mkdocs-macros's INFO lines (its configuration, in English, six at every rebuild) are left out of what editors
    read, unless MkDocs is run verbose (`mkdocs serve -v`), for maintainers. Its warnings and errors still show."""
    if not logging.getLogger("mkdocs").isEnabledFor(logging.DEBUG):
        logging.getLogger(compat.MACROS_LOGGER).setLevel(logging.WARNING)


def allow_dirty_builds() -> None:
    """Let --dirty builds through strict mode (once per process)."""
    for name in compat.BUILD_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, WithoutDirtyWarning) for f in logger.filters):
            logger.addFilter(WithoutDirtyWarning())


def changed_outside_docs(config_file: str | None, watched: list[str], since: float) -> str | None:
    """The first file of mkdocs.yml's `watch` folders (data, includes, macros, overrides, hooks…), or mkdocs.yml
    itself, modified after `since`; None when there is none."""
    candidates = [Path(config_file)] if config_file else []
    for folder in watched:
        for root, dirs, names in os.walk(folder):
            dirs[:] = [d for d in dirs if d != "__pycache__" and not d.startswith(".")]
            candidates += [Path(root) / name for name in names if not name.endswith(".pyc")]
    for path in candidates:
        try:
            if path.stat().st_mtime > since:
                return str(path)
        except OSError:
            continue
    return None


def rebuild_everything_if_needed(files: Any, config: Any, last_build: float | None) -> None:
    """In a --dirty rebuild, have every page rebuilt when something else than a page changed since `last_build`."""
    if last_build is None:
        return
    changed = changed_outside_docs(config.config_file_path, list(config.watch), last_build)
    if changed:
        log.info(f"Aperçu : {changed} a changé depuis la dernière construction ; toutes les pages sont reconstruites.")
        for file in files:
            compat.force_rebuild(file)


def give_titles_to_unread_pages(files: Any, docs_dir: Path, use_directory_urls: bool) -> None:
    """The pages a --dirty rebuild did not read get their title from the page index."""
    unread = [file.page for file in files.documentation_pages() if file.page is not None and not compat.is_read(file.page)]
    if not unread:
        return
    index = load_pages(docs_dir, use_directory_urls, [], [], docs_dir.parent)  # unchanged files come from its cache
    for page in unread:
        info = index.get(page.file.src_uri)
        if info is not None and info.title and not compat.has_own_title(page):
            page.title = escape_text(info.title)
