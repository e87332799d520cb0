"""A second process for the build: forked from MkDocs's process, it does one kind of task while MkDocs goes on.

Three build steps use it: build_steps/parallel_render.py (converting pages' Markdown), build_steps/parallel_write.py
(writing pages through the theme's templates) and build_steps/csp.py (parsing the written pages). They start it only
where `can_fork` says so, send it tasks, and collect one result per task. A worker that runs MkDocs's own code keeps
its log records (`capture_logs`) and sends them with its results, for the build's process to `replay`: strict mode
counts their warnings there.

The worker is a fork: it starts with a copy of everything the build has loaded (configuration, file list), so a
task carries only what changes (a path, a page's Markdown). `gc.freeze()` keeps the inherited objects shared with
the build's process instead of copied when the collector would visit them.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import pickle
import queue
import sys
import time
from collections.abc import Callable
from multiprocessing.queues import Queue
from typing import Any

from mkdocs.exceptions import PluginError


class WorkerStopped(Exception):
    """The worker died, or sent nothing for `stalled_after` seconds while results were still expected."""

    def __init__(self, exit_code: int | None, missing: int, found: list) -> None:
        super().__init__(f"second processus arrêté (code {exit_code}), {missing} résultat(s) manquant(s)")
        self.exit_code, self.missing, self.found = exit_code, missing, found  # found: the results received


def can_fork(command: str) -> bool:
    """Only under `mkdocs build`, on Linux with two cores or more. `mkdocs serve` runs a server and a file watcher
    in threads, and forking a process that has threads is not safe."""
    return sys.platform.startswith("linux") and (os.cpu_count() or 1) > 1 and command == "build"


def _serve(setup: Callable[[], Callable[[Any], Any]], tasks: Queue[Any], results: Queue[Any]) -> None:
    gc.freeze()
    handle = setup()
    for task in iter(tasks.get, None):
        results.put(handle(task))


class ForkedWorker:
    """One forked process: `setup()` runs in it once and returns the function applied to every task sent."""

    def __init__(self, setup: Callable[[], Callable[[Any], Any]]) -> None:
        context = multiprocessing.get_context("fork")
        self.tasks, self.results = context.Queue(), context.Queue()
        # Tasks not yet read when the build stops (an error in a page) do not matter; without this, the build's
        # process would wait at exit for them to be written into a pipe that nobody reads any more (a build that
        # never ends once the pages' Markdown outgrows the pipe's buffer).
        self.tasks.cancel_join_thread()
        self.process = context.Process(target=_serve, args=(setup, self.tasks, self.results), daemon=True)
        self.process.start()
        self.sent = 0
        self.received = 0

    def send(self, task: Any) -> None:
        self.tasks.put(task)
        self.sent += 1

    @property
    def pending(self) -> int:
        """Tasks sent whose result has not been received yet."""
        return self.sent - self.received

    def poll(self) -> Any | None:
        """A result if one is ready, else None, without waiting."""
        try:
            result = self.results.get_nowait()
        except queue.Empty:
            return None
        self.received += 1
        return result

    def finish(self, stalled_after: float) -> list[Any]:
        """Every result not received yet; then the worker stops. Raises WorkerStopped when it died or went silent."""
        self.tasks.put(None)
        found = []
        last = time.monotonic()
        while self.pending:
            try:
                found.append(self.results.get(timeout=1))
            except queue.Empty:
                if self.process.is_alive() and time.monotonic() - last < stalled_after:
                    continue
                self.stop(wait=0)
                raise WorkerStopped(self.process.exitcode, self.pending, found) from None
            self.received += 1
            last = time.monotonic()
        self.stop()
        return found

    def stop(self, wait: float = 10) -> None:
        """Let the worker end (it has been sent the end of the tasks), or kill it after `wait` seconds."""
        self.process.join(timeout=wait)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


def stopped_error(step: str, verb: str, stopped: WorkerStopped, first_missing: str | None) -> PluginError:
    """The French error of a page worker that stopped before the end: « Rendu des pages », « converti »…"""
    return PluginError(
        f"{step} : le processus auxiliaire s’est arrêté (code {stopped.exit_code}) avant d’avoir {verb} "
        f"{stopped.missing} page(s), dont {first_missing}. Relancez la construction ; si l’erreur revient, "
        "construisez sans lui : PV_PARALLEL_RENDER=off make build."
    )


class LogCapture(logging.Handler):
    """Keeps a worker's log records, made picklable, to be replayed by the build's process."""

    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        record.msg = record.getMessage()
        record.args = None
        if record.exc_info:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        self.records.append(record)


def capture_logs() -> LogCapture:
    """In a worker: every record its loggers let through (same levels as the build's) ends in one capture handler."""
    capture = LogCapture()
    for logger in [logging.getLogger(), *logging.Logger.manager.loggerDict.values()]:
        if isinstance(logger, logging.Logger):
            logger.handlers = []
            logger.propagate = True
    logging.getLogger().addHandler(capture)
    logging.lastResort = None
    return capture


def replay(records: list[logging.LogRecord]) -> None:
    """In the build's process: a worker's records, as if they had been logged here."""
    for record in records:
        logging.getLogger(record.name).handle(record)


def portable(error: BaseException) -> BaseException:
    """The error itself when it can cross to the build's process, else a PluginError with the same text."""
    try:
        pickle.loads(pickle.dumps(error))
        return error
    except Exception:  # noqa: BLE001 - any unpicklable error is carried as its text
        return PluginError(f"{type(error).__name__}: {error}")
