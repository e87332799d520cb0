"""Build step: `mkdocs build` writes the pages through the theme's templates on two cores instead of one.

After on_env, MkDocs writes the pages one after the other: for each, the template context, on_page_context, the
theme's templates (the navigation above all), on_post_page, the file. That is a third of the build's time at 1,000
pages (bench/README.md), while the second core, done with the Markdown (build_steps/parallel_render.py), waits. At
the first page MkDocs writes, this step forks one worker: a copy of the build with every page converted and every
plugin's state final. Then, page after page, a page goes to the worker while the worker has fewer than QUEUE_DEPTH
pages waiting; otherwise the build's process writes it itself. Both write with MkDocs's own function
(`_build_page`, through engine/compat.py), so the plugins' events run the same way in both processes.

The worker's log records come back with each page and are replayed here, in page order, once the loop has reached
its last page (`finish`, before MkDocs checks the anchors and runs on_post_build): strict mode counts their warnings,
and an error stops the build with MkDocs's own message (« Error building page '…' »), as it would without the
worker; a page that failed in the worker stops the loop as soon as its result arrives.

The output is the same: tests/builds/test_parallel_render.py compares every file of the site built with and
without the workers. That holds while no plugin keeps, from on_page_context or on_post_page, something it uses
later (the worker's pages would be missing from it): `start` stops the build when a handler other than those of
READ_ONLY_LISTENERS listens to these events. The CSP scanner (build_steps/csp.py) is one of those that keep: it
ignores the worker's pages, which it then scans at the end of the build.

Same conditions as build_steps/parallel_render.py (`mkdocs build`, Linux, two cores) and the same variable,
PV_PARALLEL_RENDER: `auto`, `off` (every page written by the build's process), `all` (every page written by the
worker: tests of the worker's error path).
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable
from functools import partial
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from engine import compat

from .parallel_render import QUEUE_DEPTH, STALLED_AFTER, mode
from .workers import ForkedWorker, LogCapture, WorkerStopped, can_fork, capture_logs, portable, replay, stopped_error

log = logging.getLogger("mkdocs.build_steps.parallel_write")

# The handlers of on_page_context and on_post_page known to keep nothing for later (module, qualified name).
READ_ONLY_LISTENERS = {
    ("material.plugins.tags.plugin", "TagsPlugin.on_page_context"),  # adds the page's tags to its own context
    ("hooks/site_build.py", "on_page_context"),
    ("hooks/site_build.py", "on_post_page"),  # the CSP scanner it feeds ignores the worker (see above)
}
EVENTS = ("page_context", "post_page")


# --------------------------------------------------------------------------------------------------------------
# The worker process
# --------------------------------------------------------------------------------------------------------------
def write_page(builder: Callable[..., None], arguments: tuple, files: Files, capture: LogCapture, task: tuple[str, bool]) -> dict:
    """Write one page as MkDocs does, in the worker: its log records, and the error it raised if any."""
    src_uri, excluded = task
    capture.records = []
    page = files.get_file_from_path(src_uri).page
    try:
        builder(page, *arguments, excluded=excluded)
    except Exception as error:  # noqa: BLE001 - carried to the build's process, which raises it
        return {"src_uri": src_uri, "records": capture.records, "error": portable(error)}
    return {"src_uri": src_uri, "records": capture.records, "error": None}


def _writer(builder: Callable[..., None], arguments: tuple, files: Files) -> Callable[[tuple[str, bool]], dict]:
    """Runs once in the worker: its log records are captured, then each task (src_uri, excluded) is written."""
    capture = capture_logs()
    return partial(write_page, builder, arguments, files, capture)


# --------------------------------------------------------------------------------------------------------------
# The build's process
# --------------------------------------------------------------------------------------------------------------
class WritePool:
    """MkDocs's page writer replaced for one build: the worker (forked at the first page), the pages sent to it."""

    def __init__(self, files: Files, send_all: bool) -> None:
        self.files = files
        self.send_all = send_all
        self.worker: ForkedWorker | None = None
        self.sent: list[str] = []  # src_uri of the pages sent to the worker, in order
        self.received: dict[str, dict] = {}
        self.total = 0
        self.restore = compat.replace_page_builder(self.build_page)

    def build_page(
        self,
        builder: Callable[..., None],
        page: Any,
        config: MkDocsConfig,
        doc_files: Any,
        nav: Any,
        env: Any,
        dirty: bool = False,
        excluded: bool = False,
    ) -> None:
        """In MkDocs's loop, instead of `builder(page, …)`: the page to the worker if it is free, else written here."""
        self.total += 1
        if self.worker is None and self.total == 1 and not self.send_all and len(doc_files) > 1:
            # The first page here: Jinja compiles the theme's templates as they are first used (a second at 250
            # pages), and the worker, forked at the next page, inherits them compiled instead of compiling them again.
            builder(page, config, doc_files, nav, env, dirty, excluded=excluded)
            return
        if self.worker is None:
            gc.collect()
            self.worker = ForkedWorker(partial(_writer, builder, (config, doc_files, nav, env, dirty), self.files))
        self._keep(self.worker.poll())
        if self.send_all or self.worker.pending < QUEUE_DEPTH:
            self.sent.append(page.file.src_uri)
            self.worker.send((page.file.src_uri, excluded))
        else:
            builder(page, config, doc_files, nav, env, dirty, excluded=excluded)
        if page.file is doc_files[-1]:
            self.finish()  # the loop's last page: the worker's pages are on disk before anything else runs

    def _keep(self, result: dict | None) -> None:
        if result is None:
            return
        self.received[result["src_uri"]] = result
        if result["error"] is not None:  # stop now, as MkDocs would have at this page
            self.finish()

    def finish(self) -> None:
        """Wait for the worker's pages, replay its logs in page order; raise its first error. MkDocs's writer is
        put back whatever happens."""
        self.restore()
        if self.worker is None:
            return
        worker, self.worker = self.worker, None
        try:
            for result in worker.finish(STALLED_AFTER):
                self.received[result["src_uri"]] = result
        except WorkerStopped as stopped:
            missing = [src for src in self.sent if src not in self.received] + [None]
            raise stopped_error("Écriture des pages", "écrit", stopped, missing[0]) from None
        log.info(f"Écriture des pages : {len(self.sent)} sur {self.total} écrites par le processus auxiliaire.")
        for src_uri in self.sent:
            result = self.received[src_uri]
            replay(result["records"])
            if result["error"] is not None:
                raise result["error"]

    def discard(self) -> None:
        """After an error elsewhere in the build: MkDocs's writer back, the worker stopped without waiting."""
        self.restore()
        worker, self.worker = self.worker, None
        if worker is not None:
            worker.stop(wait=0)


def start(config: MkDocsConfig, files: Files, command: str) -> WritePool | None:
    """The page writer for this build, once every page is converted (on_env); None when MkDocs writes every page
    itself (PV_PARALLEL_RENDER=off, `mkdocs serve`, one core)."""
    chosen = mode()
    if chosen == "off" or not can_fork(command):
        return None
    unknown = [
        f"{handler.__module__}.{handler.__qualname__}"
        for event in EVENTS
        for handler in compat.handlers(config, event)
        if (getattr(handler, "__module__", ""), getattr(handler, "__qualname__", "")) not in READ_ONLY_LISTENERS
    ]
    if unknown:
        raise PluginError(
            "Écriture des pages en parallèle : ces extensions réagissent à on_page_context ou on_post_page, et "
            f"pourraient garder des pages écrites par le processus auxiliaire ce qu’elles n’y verraient pas : {', '.join(unknown)}. "
            "Vérifiez qu’elles ne gardent rien pour plus tard, puis ajoutez-les à READ_ONLY_LISTENERS "
            "(build_steps/parallel_write.py), ou réglez PV_PARALLEL_RENDER=off."
        )
    return WritePool(files, send_all=chosen == "all")
