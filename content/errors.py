"""Errors of the data files and pages, worded in French for the editors who fix them.

A `Problem` names the file, the line, the path of the faulty item, what is wrong and what is expected.
Validation collects every problem of a run; `DataError` then reports them all at once. It derives from
MkDocs' `PluginError`, so `mkdocs build` prints the message without a Python traceback and stops.

"""

from __future__ import annotations

from dataclasses import dataclass, field

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

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=Problem.sort_key)
        super().__init__(format_report(self.problems))


def format_report(problems: list[Problem]) -> str:
    """The French report printed by `mkdocs build` and `python -m editors.check`."""
    count = len(problems)
    noun = "erreur" if count == 1 else "erreurs"
    lines = [f"Le site ne peut pas être construit : {count} {noun} dans les données (data/) ou les en-têtes des pages (docs/)."]
    lines += [f"  • {problem}" for problem in problems]
    lines.append(
        "Corrigez ces fichiers puis relancez la construction. « make check » refait cette vérification en une seconde ; "
        "la page « Conventions de rédaction » (docs/contribuer/conventions.md) décrit chaque champ."
    )
    return "\n".join(lines)


@dataclass
class Preview:
    """Under `mkdocs serve` (the hooks set `active`), a mistake in the content does not stop the preview: the macros
    keep the problems here instead of failing, and the pages show them (build_steps/preview_notice.py) until the file
    is fixed. `mkdocs build` and `make check` still stop on them."""

    active: bool = False
    problems: list[Problem] = field(default_factory=list)  # those of the last build; empty when the content is right


PREVIEW = Preview()
