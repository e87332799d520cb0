"""Starting MkDocs from Python: the command line and its environment, in one place.

The Makefile's MKDOCS variable is the same command for the shell. Every Python caller (the editors' `make check`,
the tests, the benchmarks, Lighthouse) goes through `mkdocs_command()` and `mkdocs_environment()`.

The engine is MkDocs 1.6.1 unless PV_ENGINE says « properdocs » (`make build-properdocs`): ProperDocs 1.6.7, the
maintained fork of MkDocs 1.x, installed next to it. It loads the same plugins, theme and hooks: `python -m
properdocs` redirects every `mkdocs.*` import to `properdocs.*`. It is given mkdocs.yml by name: otherwise it asks,
in English, for the file to be renamed properdocs.yml.

The project's packages need no path setting: the venv lists the project folder (a .pth file written by the
Makefile), and `python -m` puts the current folder first, so a copy of the project built from its own folder
uses its own packages.
"""

from __future__ import annotations

import os
import sys

ENGINES = ("mkdocs", "properdocs")
CONFIG_FILE = "mkdocs.yml"


def chosen_engine() -> str:
    """The engine named by PV_ENGINE: « mkdocs » (unset) or « properdocs »."""
    value = os.environ.get("PV_ENGINE", "mkdocs").strip().lower() or "mkdocs"
    if value not in ENGINES:
        raise SystemExit(f"PV_ENGINE={value!r} : moteur inconnu. Valeurs possibles : {', '.join(ENGINES)}.")
    return value


def mkdocs_command(*arguments: str, engine: str | None = None) -> list[str]:
    """`python -m mkdocs <arguments>` with the running interpreter (the project's venv); with ProperDocs (`engine`,
    or PV_ENGINE), `python -m properdocs <command> -f mkdocs.yml <options>`."""
    module = engine or chosen_engine()
    options = list(arguments)
    if module == "properdocs" and options and not {"-f", "--config-file"} & set(options):
        options[1:1] = ["-f", CONFIG_FILE]
    return [sys.executable, "-m", module, *options]


def mkdocs_environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of a MkDocs process: this one, with Material's MkDocs 2 banner silenced."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra or {})}
