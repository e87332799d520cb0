"""Errors of the macros: a macro called from a page with an argument that does not exist (an unknown id).

mkdocs-macros prints a rendering error as a long report with a Python traceback; a `MacroError` is printed as its
French message only, with the page (engine/compat.py registers the format).
"""

from __future__ import annotations

from collections.abc import Iterable

from engine.compat import register_macro_error_format


class MacroError(Exception):
    """A macro called from a page with an argument that does not exist (e.g. an unknown checklist id)."""


def install_macro_error_format() -> None:
    """Make mkdocs-macros print a MacroError as « docs/<page> : message », without a traceback."""
    register_macro_error_format(MacroError, lambda error, page: f"{page.file.src_path} : {error}")


def unknown_id(macro: str, value: str, what: str, where: str, known: Iterable[str]) -> MacroError:
    """The error of a macro called with an id that does not exist, listing the ids that do."""
    names = ", ".join(sorted(known)) or "(aucun)"
    return MacroError(f"{macro}(« {value} ») : {what} « {value} » introuvable dans {where}. Identifiants existants : {names}.")
