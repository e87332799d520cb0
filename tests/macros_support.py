"""Helpers of the macro tests: the mini-site fixture, a fake mkdocs-macros env, and builds of modified copies."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace

from tests.support import FIXTURES, mkdocs_build

MINI_SITE = FIXTURES / "macros-site"


def copy_mini_site(dest: Path) -> Path:
    """A fresh copy of the mini-site in `dest`, to modify."""
    shutil.copytree(MINI_SITE, dest)
    return dest


def write(project: Path, relative: str, text: str) -> Path:
    path = project / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def load(project: Path, use_directory_urls: bool = True):
    """content.data.load_site on a project folder, with the macros' registry (raises DataError)."""
    from content.data import load_site
    from macros import RULES

    return load_site(project, project / "docs", use_directory_urls, RULES)


def problems(project: Path) -> list[str]:
    """The French messages of every problem found in `project` (empty when it is valid)."""
    from content.errors import DataError

    try:
        load(project)
    except DataError as error:
        return [str(problem) for problem in error.problems]
    return []


class FakeEnv:
    """The subset of mkdocs-macros' env used by macros/: macro(), filter(), variables, conf, page."""

    def __init__(self, project: Path, use_directory_urls: bool = True):
        self.macros: dict = {}
        self.filters: dict = {}
        self.variables: dict = {}
        self.conf = {
            "config_file_path": str(project / "mkdocs.yml"),
            "docs_dir": str(project / "docs"),
            "use_directory_urls": use_directory_urls,
        }

    def macro(self, function, name=""):
        self.macros[name or function.__name__] = function
        return function

    def filter(self, function, name=""):
        self.filters[name or function.__name__] = function
        return function

    def at(self, src_path: str) -> FakeEnv:
        """Pretend that the page docs/<src_path> is being rendered."""
        self.variables["page"] = SimpleNamespace(file=SimpleNamespace(src_uri=src_path, src_path=src_path), url=None, meta={})
        return self


def fake_env(project: Path, use_directory_urls: bool = True) -> FakeEnv:
    from macros import define_env

    env = FakeEnv(project, use_directory_urls)
    define_env(env)
    return env


def build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """A strict `mkdocs build` of a mini-site with the real macros package; never raises."""
    return mkdocs_build(project, site_dir)
