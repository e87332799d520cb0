"""Starting MkDocs from Python: the command line and its environment, in one place.

The Makefile's MKDOCS variable is the same command for the shell. Every Python caller (the editors' `make check`,
the tests, the benchmarks, Lighthouse) goes through `mkdocs_command()` and `mkdocs_environment()`.

The project's packages need no path setting: the venv lists the project folder (a .pth file written by the
Makefile), and `python -m` puts the current folder first, so a copy of the project built from its own folder
uses its own packages.
"""

from __future__ import annotations

import os
import sys


def mkdocs_command(*arguments: str) -> list[str]:
    """`python -m mkdocs <arguments>` with the running interpreter (the project's venv)."""
    return [sys.executable, "-m", "mkdocs", *arguments]


def mkdocs_environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of a MkDocs process: this one, with Material's MkDocs 2 banner silenced."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra or {})}
