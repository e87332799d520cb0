"""A copy of the project that MkDocs can build, as a new git repository (the build reads page dates from git).

Used by the tests (modified copies of the site) and the benchmarks (generated sites built with the project's code).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Everything the real site's build reads.
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "includes", "overrides", "macros", "content", "build_steps", "engine", "hooks")


def git(cwd: Path, *args: str) -> str:
    """Run git with a fixed identity (CI machines may have none configured)."""
    identity = ["-c", "user.name=Tests", "-c", "user.email=tests@exemple.invalid", "-c", "commit.gpgsign=false"]
    result = subprocess.run(["git", *identity, *args], cwd=cwd, capture_output=True, text=True, check=True)
    return result.stdout


def copy_project(dest: Path, parts: tuple[str, ...] = PROJECT_PARTS) -> Path:
    """Copy the parts of the project the build reads into `dest`, as a new git repository with one commit."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in parts:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    git(dest, "init", "--quiet")
    git(dest, "add", "--all")
    git(dest, "commit", "--quiet", "--message", "Copie du projet pour un test")
    return dest
