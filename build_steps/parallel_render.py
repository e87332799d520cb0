"""Build step: `mkdocs build` converts the pages' Markdown to HTML on two cores instead of one.

MkDocs reads and converts the pages one after the other, and Python-Markdown is half of the build's time
(bench/README.md). When the navigation is ready (on_nav), this step forks one worker process. Then, page after
page, MkDocs runs the plugins on the Markdown in the build's process as usual (macros, tags, dates: all their
state stays here), and only the conversion to HTML (`Page.render`) is shared: a page goes to the worker while the
worker has fewer than QUEUE_DEPTH pages waiting, otherwise the build's process converts it itself, so both cores
stay busy whatever the pages cost. Before the theme's templates run (on_env, before every other handler), each
page converted by the worker gets back its HTML, table of contents, title and anchors, and the worker's log
messages are replayed here, in page order: strict mode counts its warnings, and an error stops the build with
MkDocs's own message (« Error reading page '…' ») as it would without the worker.

The output is the same: both processes convert each page with a new Markdown instance, from the same
configuration and the same file list (the worker is a fork taken after on_files and on_nav);
tests/builds/test_parallel_render.py compares every file of the site built with and without the worker.

Only under `mkdocs build` on Linux with two cores or more: `mkdocs serve` rebuilds a page or two, and its
live-reload server runs threads, which a fork must not copy. No plugin may read the HTML in `on_page_content`
(it would see the worker's pages still empty): `start` stops the build if one does.

The MkDocs internals this needs (deferring Page.render, the attributes it sets) are engine/compat.py's.

The environment variable PV_PARALLEL_RENDER chooses the mode: `auto` (default, as above), `off` (every page
converted in the build's process: the reference of the tests), `all` (every page converted by the worker: tests of
the worker's error path).
"""

from __future__ import annotations

import gc
import logging
import os
from collections.abc import Callable
from functools import partial
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import BuildError, PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from engine import compat

from .workers import ForkedWorker, LogCapture, WorkerStopped, can_fork, capture_logs, portable, replay, stopped_error

# Pages sent to the worker and not converted yet, beyond which the build's process converts the next page itself.
QUEUE_DEPTH = 2
MODES = ("auto", "off", "all")
# MkDocs logs a page's conversion error under this logger (mkdocs/commands/build.py, _populate_page).
BUILD_LOG = logging.getLogger(compat.BUILD_LOGGER)
log = logging.getLogger("mkdocs.build_steps.parallel_render")
# A worker silent for this long while pages are still expected is considered stuck.
STALLED_AFTER = 120.0


def mode() -> str:
    value = os.environ.get("PV_PARALLEL_RENDER", "auto").strip().lower() or "auto"
    if value not in MODES:
        raise PluginError(f"PV_PARALLEL_RENDER={value!r} : valeur inconnue. Valeurs possibles : {', '.join(MODES)}.")
    return value


# --------------------------------------------------------------------------------------------------------------
# The worker process
# --------------------------------------------------------------------------------------------------------------
def rendered(src_uri: str, records: list, **found: Any) -> dict:
    """What Page.render set on a page (compat.rendered_state) or the error it raised, with the log records emitted
    meanwhile: a plain dict, which crosses between the processes as it is."""
    return {"src_uri": src_uri, "records": records, "error": None, **found}


def render_page(src_uri: str, markdown: str, config: MkDocsConfig, files: Files, capture: LogCapture) -> dict:
    """Convert one page as MkDocs does (Page.render), in the worker."""
    capture.records = []
    file = files.get_file_from_path(src_uri)
    page = file.page if file.page is not None else Page(None, file, config)
    page.markdown = markdown
    try:
        page.render(config, files)
    except Exception as error:  # noqa: BLE001 - carried to the build's process, which raises it
        return rendered(src_uri, capture.records, error=portable(error))
    return rendered(src_uri, capture.records, state=compat.rendered_state(page))


def _renderer(config: MkDocsConfig, files: Files) -> Callable[[tuple[str, str]], dict]:
    """Runs once in the worker: its log records are captured, then each task (src_uri, markdown) is converted."""
    capture = capture_logs()
    return lambda task: render_page(task[0], task[1], config, files, capture)


# --------------------------------------------------------------------------------------------------------------
# The build's process
# --------------------------------------------------------------------------------------------------------------
class RenderPool:
    """The worker, the pages sent to it and the results received, for one build."""

    def __init__(self, config: MkDocsConfig, files: Files, send_all: bool) -> None:
        self.worker = ForkedWorker(partial(_renderer, config, files))
        self.send_all = send_all
        self.pages: dict[str, Page] = {}  # src_uri -> page sent to the worker, in the order MkDocs read them
        self.received: dict[str, dict] = {}
        self.total = 0  # pages converted in this build, by either process

    def _keep(self, result: dict | None) -> None:
        if result is not None:
            self.received[result["src_uri"]] = result

    def render(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        """Page.render of the pages of this build: to the worker if it is free, else here."""
        compat.restore_render(page)  # the deferral set by `defer`: the class's method again
        self.total += 1
        self._keep(self.worker.poll())
        if not self.send_all and self.worker.pending >= QUEUE_DEPTH:
            Page.render(page, config, files)
            return
        self.pages[page.file.src_uri] = page
        self.worker.send((page.file.src_uri, page.markdown))
        page.content = ""  # MkDocs asserts that render() set it; the HTML arrives in on_env

    def discard(self) -> None:
        """After an error elsewhere in the build: the worker stopped without waiting."""
        self.worker.stop(wait=0)

    def finish(self, files: Files) -> None:
        """Wait for the worker's pages, give them their HTML, replay the worker's logs; raise its first error."""
        try:
            results = self.worker.finish(STALLED_AFTER)
        except WorkerStopped as stopped:
            missing = [src for src in self.pages if src not in self.received] + [None]
            raise stopped_error("Rendu des pages", "converti", stopped, missing[0]) from None
        for result in results:
            self._keep(result)
        log.info(f"Rendu des pages : {len(self.pages)} sur {self.total} converties par le processus auxiliaire.")
        for src_uri, page in self.pages.items():
            result = self.received[src_uri]
            replay(result["records"])
            error = result["error"]
            if error is not None:
                message = compat.PAGE_ERROR.format(src_uri=src_uri)
                if not isinstance(error, BuildError):
                    message += f" {error}"
                BUILD_LOG.error(message)
                raise error
            compat.apply_rendered_state(page, result["state"], files)


def start(config: MkDocsConfig, files: Files, command: str) -> RenderPool | None:
    """The worker for this build, once the file list and the navigation are final; None when pages are converted
    here only (PV_PARALLEL_RENDER=off, `mkdocs serve`, one core)."""
    chosen = mode()
    if chosen == "off" or not can_fork(command):
        return None
    readers = compat.listeners(config, "page_content")
    if readers:
        raise PluginError(
            "Rendu des pages en parallèle : ces extensions lisent le HTML des pages dans on_page_content, qui "
            f"serait encore vide pour les pages du processus auxiliaire : {', '.join(readers)}. Déplacez ce "
            "traitement dans on_post_page, ou réglez PV_PARALLEL_RENDER=off."
        )
    gc.collect()
    return RenderPool(config, files, send_all=chosen == "all")


def defer(pool: RenderPool, page: Page) -> None:
    """This page's conversion goes through the pool (the worker or this process)."""
    compat.defer_render(page, partial(pool.render, page))
