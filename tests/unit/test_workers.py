"""build_steps/workers.py, the forked second process of build_steps/parallel_render.py, parallel_write.py and csp.py: every task gets its
result, a worker that dies is reported instead of waited for, and the CSP scan done by the worker is the one the
build's process would have done."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from build_steps import csp
from build_steps.workers import ForkedWorker, WorkerStopped, can_fork


def _square_or_die(task):
    if task == "mourir":
        os._exit(3)
    return task * task


def test_every_task_gets_its_result():
    worker = ForkedWorker(lambda: _square_or_die)
    for number in range(20):
        worker.send(number)
    first = None
    while first is None:
        first = worker.poll()
    assert worker.pending == 19
    assert sorted([first, *worker.finish(stalled_after=30)]) == [n * n for n in range(20)]
    assert worker.pending == 0 and not worker.process.is_alive()


def test_a_dead_worker_is_reported_with_what_it_sent():
    worker = ForkedWorker(lambda: _square_or_die)
    worker.send(2)
    worker.send("mourir")
    worker.send(3)
    with pytest.raises(WorkerStopped) as stopped:
        worker.finish(stalled_after=30)
    assert stopped.value.exit_code == 3
    # 4 may be lost with the process: its queue sends results from a thread that os._exit does not wait for.
    found = stopped.value.found
    assert found in ([], [4]) and stopped.value.missing == 3 - len(found)
    assert f"arrêté (code 3), {3 - len(found)} résultat(s) manquant(s)" in str(stopped.value)


# A build that stops on an error (a page that cannot be rendered) leaves tasks the worker never read. The build's
# process must still end: before the fix it waited forever to write them into the full pipe.
ABANDONED_TASKS = """
import time
from build_steps.workers import ForkedWorker

def slow_setup():
    time.sleep(60)
    return len

worker = ForkedWorker(slow_setup)
for _ in range(40):
    worker.send("x" * 100_000)  # 4 MB, far beyond a pipe's buffer
time.sleep(0.5)
raise SystemExit(7)  # the build stops here, without finish()
"""


def test_a_build_that_stops_early_does_not_wait_for_its_unread_tasks():
    result = subprocess.run([sys.executable, "-c", ABANDONED_TASKS], capture_output=True, text=True, timeout=50)
    assert result.returncode == 7, result.stderr


def test_forks_only_for_mkdocs_build():
    assert not can_fork("serve")
    assert can_fork("build") == ((os.cpu_count() or 1) > 1)


def test_background_csp_scan_matches_the_scan_in_this_process(tmp_path):
    """Pages with what the scan looks for (inline scripts, a JSON block, style blocks and attributes, an event
    handler): the worker's results are those of the build's process."""
    pages = []
    for number in range(12):
        page = tmp_path / f"page-{number}" / "index.html"
        page.parent.mkdir()
        page.write_text(
            f'<!doctype html><html lang="fr"><head><script>var p = {number};</script><style>p {{ margin: {number}px }}</style>'
            f'<script type="application/json">{{"n": {number}}}</script></head><body><p style="color: red">Page {number}</p>'
            + ('<a href="#" onclick="x()">lien</a>' if number % 4 == 0 else "")
            + "</body></html>",
            encoding="utf-8",
        )
        pages.append(page)
    scanner = csp.BackgroundScanner()
    for page in pages:
        scanner.submit(page.relative_to(tmp_path).as_posix(), str(page))
    found = scanner.finish()
    assert len(found) == len(pages)
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert found[page.relative_to(tmp_path).as_posix()] == (csp._fingerprint(text), csp.scan_page(text))
    assert found["page-0/index.html"][1][3], "l’attribut onclick de la page 0 aurait dû être signalé"


def test_a_stopped_worker_is_reported_in_french_with_the_way_out():
    from build_steps.workers import WorkerStopped, stopped_error

    error = stopped_error("Écriture des pages", "écrit", WorkerStopped(-9, 3, []), "fiches/profil-linkedin.md")
    assert str(error) == (
        "Écriture des pages : le processus auxiliaire s’est arrêté (code -9) avant d’avoir écrit 3 page(s), dont "
        "fiches/profil-linkedin.md. Relancez la construction ; si l’erreur revient, construisez sans lui : "
        "PV_PARALLEL_RENDER=off make build."
    )
