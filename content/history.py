"""Dates of creation and last update of each page, read from git history once per build.

One `git log` over the docs folder gives, for every Markdown file, the date of the last commit that touched it
(updated) and of the first (created). A file changed but not committed yet (an editor previewing with
`make serve`) takes its modification time: it is being updated now.

Shallow clones would give every page the date of the single commit they hold, so they are refused with a French
message: CI must fetch the whole history (GitLab: `GIT_DEPTH: "0"`; GitHub: `fetch-depth: 0`).
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]


class HistoryError(Exception):
    """The dates cannot be computed; the message says why and what to do, in French."""


@dataclass(frozen=True)
class PageDates:
    created: dt.datetime
    updated: dt.datetime


def french_date(day: dt.date | dt.datetime) -> str:
    """« 28 novembre 2026 » (« 1er » for the first day of a month)."""
    number = "1er" if day.day == 1 else str(day.day)
    return f"{number} {MONTHS[day.month - 1]} {day.year}"


def _git(docs_dir: Path, *args: str) -> str:
    try:
        result = subprocess.run(["git", *args], cwd=docs_dir, capture_output=True, text=True, check=False)
    except FileNotFoundError as error:
        raise HistoryError("git est introuvable : installez git pour calculer les dates de mise à jour.") from error
    if result.returncode != 0:
        raise HistoryError(
            f"Le dossier {docs_dir} n’est pas dans un dépôt git ({result.stderr.strip()}). Les dates de mise à jour "
            "viennent de l’historique git : travaillez dans un clone du dépôt."
        )
    return result.stdout


def scan(docs_dir: Path) -> dict[str, PageDates]:
    """Map each Markdown file (path relative to docs_dir, POSIX) to its dates."""
    docs_dir = docs_dir.resolve()
    if _git(docs_dir, "rev-parse", "--is-shallow-repository").strip() == "true":
        raise HistoryError(
            "Le dépôt est un clone partiel (shallow) : les dates de mise à jour seraient fausses. Récupérez tout "
            'l’historique (git fetch --unshallow ; GitLab CI : GIT_DEPTH: "0" ; GitHub Actions : fetch-depth: 0).'
        )
    top = Path(_git(docs_dir, "rev-parse", "--show-toplevel").strip())
    prefix = docs_dir.relative_to(top).as_posix()
    dates: dict[str, PageDates] = {}
    log = _git(docs_dir, "log", "--format=%x00%ct", "--name-only", "--no-renames", "--", ".")
    for block in log.split("\0")[1:]:
        lines = block.strip().splitlines()
        if not lines:
            continue
        day = dt.datetime.fromtimestamp(int(lines[0]), tz=dt.UTC)
        for name in lines[1:]:
            if not name.endswith(".md"):
                continue
            relative = name[len(prefix) + 1 :] if prefix != "." else name
            known = dates.get(relative)
            # git log lists the newest commit first: the first date seen is the update, the last the creation.
            dates[relative] = PageDates(created=day, updated=known.updated if known else day)
    changed = _git(docs_dir, "status", "--porcelain", "--untracked-files=all", "--", ".")
    for line in changed.splitlines():
        name = line[3:].strip().strip('"')
        if not name.endswith(".md"):
            continue
        relative = (top / name).resolve().relative_to(docs_dir).as_posix()
        path = docs_dir / relative
        if not path.exists():
            continue
        today = dt.datetime.fromtimestamp(path.stat().st_mtime, tz=dt.UTC)
        known = dates.get(relative)
        dates[relative] = PageDates(created=known.created if known else today, updated=today)
    return dates


def page_dates(docs_dir: Path) -> dict[str, PageDates]:
    """The dates of every page of docs_dir (one `git log`: call it once per build and keep the result)."""
    return scan(docs_dir)
