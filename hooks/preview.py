"""MkDocs hook: keeps the fast preview right. `make serve` runs `mkdocs serve --dirty`, which rebuilds only the
pages whose file changed since the previous build (a second or two on a site of 1,000 pages, instead of a full
build that grows with the site).

In such a rebuild MkDocs does not read the other pages, so it does not know their titles: Material would write
« None » for them in the rebuilt page (navigation, previous/next links, breadcrumbs). The page index of the macros
(macros/pages.py, read in full at every build, from a cache of unchanged files while previewing) knows every
title: this hook gives it to the pages that were not read, escaped as hooks/escape_front_matter.py escapes them.

A page's file is not the only thing that shapes it: data files (checklists, series…), includes, the theme's
overrides, the macros and mkdocs.yml (the navigation) shape many pages. When one of them changed since the previous
build, this hook has every page rebuilt, as a full build would.

A full build (`make build`, CI) reads every page: this hook then changes nothing. What the preview may show stale
until `make serve` is restarted is listed in bench/README.md (« Aperçu rapide »).
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

from mkdocs.plugins import event_priority

from macros.inline import escape_text

log = logging.getLogger(f"mkdocs.hooks.{__name__}")
_state: dict = {"dirty": False, "last_build": None}

DIRTY_WARNING = "A 'dirty' build is being performed"


class _WithoutDirtyWarning(logging.Filter):
    """MkDocs warns at every --dirty build that links may be inaccurate; with `strict: true` that warning alone
    would stop the preview. It is expected there (this hook and bench/README.md say what may be stale); every
    other warning still stops the build."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)


def on_startup(command, dirty):
    _state["dirty"] = dirty
    if dirty:
        logger = logging.getLogger("mkdocs.commands.build")
        if not any(isinstance(f, _WithoutDirtyWarning) for f in logger.filters):
            logger.addFilter(_WithoutDirtyWarning())


def changed_outside_docs(config, since: float) -> str | None:
    """The first file of mkdocs.yml's `watch` folders (data, includes, macros, overrides, hooks), or mkdocs.yml
    itself, modified after `since`; None when there is none."""
    candidates = [Path(config.config_file_path)] if config.config_file_path else []
    for folder in config.watch:
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


@event_priority(100)
def on_files(files, config):
    started = time.time()
    last, _state["last_build"] = _state["last_build"], started
    if _state["dirty"] and last is not None:
        changed = changed_outside_docs(config, last)
        if changed:
            log.info(f"Aperçu : {changed} a changé depuis la dernière construction ; toutes les pages sont reconstruites.")
            for file in files:
                file.is_modified = lambda: True
    return files


@event_priority(-100)
def on_env(env, config, files):
    unread = [file.page for file in files.documentation_pages() if file.page is not None and file.page.markdown is None]
    if not unread:
        return env
    macros = config.plugins.get("macros")
    site = getattr(macros, "variables", {}).get("site_data") if macros is not None else None
    for page in unread:
        info = site.pages.get(page.file.src_uri) if site is not None else None
        if info is not None and info.title and "title" not in page.__dict__:
            page.title = escape_text(info.title)
    return env
