"""Build step: « Mis à jour le … » on every page, from git history (content/history.py).

Material's `partials/source-file.html` displays `page.meta.revision_date` at the end of the page; this step fills
it. The history is read once per build, when the configuration is ready, not once per page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from content.history import HistoryError, PageDates, french_date, page_dates


def read_dates(docs_dir: Path) -> dict[str, PageDates]:
    """The dates of every page, or a French error that stops the build (no git, shallow clone)."""
    try:
        return page_dates(docs_dir)
    except HistoryError as error:
        raise PluginError(str(error)) from error


def set_revision_date(meta: dict[str, Any], src_uri: str, dates: dict[str, PageDates]) -> None:
    """Write the page's « Mis à jour le … » into its metadata; a page unknown to git stops the build."""
    found = dates.get(src_uri)
    if found is None:
        raise PluginError(
            f"{src_uri} : aucune date de mise à jour dans l’historique git. "
            "Ajoutez le fichier au dépôt (git add) ou vérifiez qu’il n’est pas ignoré par .gitignore."
        )
    meta["revision_date"] = f"Mis à jour le {french_date(found.updated)}"
