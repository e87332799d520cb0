"""Shared helpers of the test suite: building a site with MkDocs and serving a folder over HTTP."""

from __future__ import annotations

import functools
import http.server
import subprocess
import threading
from pathlib import Path

from engine.command import mkdocs_command, mkdocs_environment
from tools.browser import CHROMIUM, CHROMIUM_ARGS, free_port
from tools.project_copy import ROOT, copy_project, git

__all__ = [
    "CHROMIUM",
    "CHROMIUM_ARGS",
    "FEEDBACK_EMAIL",
    "FIXTURES",
    "ROOT",
    "StaticServer",
    "copy_project",
    "free_port",
    "git",
    "html_pages",
    "mkdocs_build",
]

FIXTURES = ROOT / "tests" / "fixtures"
# The editorial team's address, as the publication gives it (FEEDBACK_EMAIL): the session's site (tests/conftest.py)
# shows the feedback block under its pages.
FEEDBACK_EMAIL = "redaction-porter-la-voix@example.gouv.fr"


def mkdocs_build(project_dir: Path, site_dir: Path, *, env: dict | None = None, engine: str | None = None) -> subprocess.CompletedProcess:
    """Run a strict `mkdocs build` of the project in `project_dir` into `site_dir` (`engine`: « properdocs » for the
    fork); never raises."""
    return subprocess.run(
        mkdocs_command("build", "--strict", "--site-dir", str(site_dir), engine=engine),
        cwd=project_dir,
        env=mkdocs_environment(env),
        capture_output=True,
        text=True,
        timeout=600,
    )


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output readable
        pass


class StaticServer:
    """Serve a folder on an ephemeral loopback port in a background thread."""

    def __init__(self, folder: Path, port: int = 0):
        handler = functools.partial(_QuietHandler, directory=str(folder))
        self._httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}/"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    def __enter__(self) -> StaticServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


def new_context(browser, **options):
    """A browser context for a test that is not about the Content-Security-Policy: the site's policy (nginx) is
    bypassed, so that the test may add its own styles (transitions off) and scripts (axe-core)."""
    return browser.new_context(bypass_csp=True, **options)


def html_pages(site: Path) -> list[Path]:
    """Every page of a built site (404.html included), sorted."""
    return sorted(site.rglob("*.html"))
