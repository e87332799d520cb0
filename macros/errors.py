"""Errors of the data files and pages, worded in French for the editors who fix them.

A `Problem` names the file, the line, the path of the faulty item, what is wrong and what is expected.
Validation collects every problem of a run; `DataError` then reports them all at once. It derives from
MkDocs' `PluginError`, so `mkdocs build` prints the message without a Python traceback and stops.

`MacroError` is raised by a macro called with a wrong argument (an unknown id) while a page is rendered.
"""

from __future__ import annotations

from dataclasses import dataclass

try:  # MkDocs prints a PluginError as a plain message and aborts the build.
    from mkdocs.exceptions import PluginError as _BuildFailure
except ImportError:  # pragma: no cover - only when MkDocs is absent (the CLI still works)
    _BuildFailure = Exception


@dataclass(frozen=True)
class Problem:
    """One mistake in a data file or a page's front matter."""

    file: str  # path shown to the editor, e.g. "data/checklists/avant-de-publier.yml"
    line: int | None  # 1-based line in that file
    path: str | None  # e.g. "avant-de-publier › items[3] › texte"
    message: str  # what is wrong, a French sentence
    expected: str | None = None  # what would be right, without the « Attendu : » prefix

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}, ligne {self.line}"
        text = f"{where} : "
        if self.path:
            text += f"{self.path} — "
        text += _sentence(self.message)
        if self.expected:
            text += f" Attendu : {_sentence(self.expected)}"
        return text

    def sort_key(self) -> tuple:
        return (self.file, self.line or 0, self.path or "", self.message)


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "?", "!", "…")) else text + "."


class DataError(_BuildFailure):
    """Every problem found in one validation run; fails the build with a French report."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=Problem.sort_key)
        super().__init__(format_report(self.problems))


def format_report(problems: list[Problem]) -> str:
    """The French report printed by `mkdocs build` and `python -m macros.check`."""
    count = len(problems)
    noun = "erreur" if count == 1 else "erreurs"
    lines = [f"Le site ne peut pas être construit : {count} {noun} dans les données (data/) ou les en-têtes des pages (docs/)."]
    lines += [f"  • {problem}" for problem in problems]
    lines.append(
        "Corrigez ces fichiers puis relancez la construction. « make check » refait cette vérification en une seconde ; "
        "la page « Conventions de rédaction » (docs/contribuer/conventions.md) décrit chaque champ."
    )
    return "\n".join(lines)


class MacroError(Exception):
    """A macro called from a page with an argument that does not exist (e.g. an unknown checklist id)."""


def install_macro_error_format() -> None:
    """Make mkdocs-macros print a MacroError as its French message only, without the Python traceback.

    mkdocs-macros formats rendering errors with `mkdocs_macros.errors.format_error`, a singledispatch
    function: registering our exception class there is its extension point. Elsewhere (another engine),
    nothing happens and the message is printed the engine's way.
    """
    try:
        from mkdocs_macros.errors import format_error
    except ImportError:  # pragma: no cover - another engine than mkdocs-macros
        return

    @format_error.register(MacroError)
    def _format_macro_error(error, markdown, page) -> str:  # noqa: ARG001 (signature imposed by mkdocs-macros)
        return f"{page.file.src_path} : {error}"


def unknown_id(macro: str, value, what: str, where: str, known) -> MacroError:
    """The error of a macro called with an id that does not exist, listing the ids that do."""
    names = ", ".join(sorted(known)) or "(aucun)"
    return MacroError(f"{macro}(« {value} ») : {what} « {value} » introuvable dans {where}. Identifiants existants : {names}.")
