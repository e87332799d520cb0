"""Shared helpers of the test suite: building a site with MkDocs and serving a folder over HTTP."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Everything the real site's build reads, copied when a test needs a modified copy of the project.
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "includes", "overrides", "macros", "hooks")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def mkdocs_build(project_dir: Path, site_dir: Path, *, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run a strict `mkdocs build` of the project in `project_dir` into `site_dir`; never raises."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project_dir), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project_dir,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def copy_project(dest: Path) -> Path:
    """Copy the parts of the project the build reads into `dest`, as a new git repository with one commit
    (the build reads the dates of the pages from git history)."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    git(dest, "init", "--quiet")
    git(dest, "add", "--all")
    git(dest, "commit", "--quiet", "--message", "Copie du projet pour un test")
    return dest


def git(cwd: Path, *args: str) -> str:
    """Run git with a fixed identity (CI machines may have none configured)."""
    identity = ["-c", "user.name=Tests", "-c", "user.email=tests@exemple.invalid", "-c", "commit.gpgsign=false"]
    result = subprocess.run(["git", *identity, *args], cwd=cwd, capture_output=True, text=True, check=True)
    return result.stdout


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

    def __enter__(self) -> "StaticServer":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


def free_port() -> int:
    """A loopback port free right now (the site is built for it before the server starts)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def html_pages(site: Path) -> list[Path]:
    """Every page of a built site (404.html included), sorted."""
    return sorted(site.rglob("*.html"))
