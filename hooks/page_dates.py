"""MkDocs hook: shows « Mis à jour le … » on every page, from git history (see macros/history.py).

Material's `partials/source-file.html` displays `page.meta.revision_date` at the end of the page; this hook
fills it. The history is read once per build (on_config), not once per page.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from macros.history import HistoryError, french_date, page_dates


def on_config(config):
    try:
        page_dates(Path(config.docs_dir), refresh=True)
    except HistoryError as error:
        raise PluginError(str(error)) from error
    return config


def on_page_markdown(markdown, page, config, files):
    dates = page_dates(Path(config.docs_dir)).get(page.file.src_uri)
    if dates is None:
        raise PluginError(
            f"{page.file.src_uri} : aucune date de mise à jour dans l’historique git. "
            "Ajoutez le fichier au dépôt (git add) ou vérifiez qu’il n’est pas ignoré par .gitignore."
        )
    page.meta["revision_date"] = f"Mis à jour le {french_date(dates.updated)}"
    return markdown
