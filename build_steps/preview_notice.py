"""Build step, preview only (`mkdocs serve`): while the content has mistakes, a page shows them instead of its text.

The content model finds the mistakes before anything is rendered (data files, front matter, braces, macro calls);
`mkdocs build` and `make check` stop on them. The preview must not: the macros keep them in content.errors.PREVIEW,
and every page read by the rebuild gets, in place of its Markdown, this notice: what to fix, file and line, the
problems of the page itself first. Once the file is saved fixed, the next rebuild shows the page again.

The notice goes through the macro engine and Markdown like any page: its text is escaped for both (braces as
character references, Markdown's special characters behind a backslash).
"""

from __future__ import annotations

import logging

from content.errors import Problem, format_report
from content.inline import markdown_text

log = logging.getLogger("mkdocs.build_steps.preview_notice")


def notice_markdown(page_file: str, problems: list[Problem]) -> str:
    """The Markdown shown in place of the page `page_file` (« docs/fiches/x.md ») while `problems` remain."""
    own = [p for p in problems if p.file == page_file]
    others = [p for p in problems if p.file != page_file]
    count = len(problems)
    lines = [
        "# Aperçu en attente de corrections",
        "",
        f"Le site ne peut pas être construit : {count} {'erreur' if count == 1 else 'erreurs'} à corriger. "
        "Cette page s’affichera de nouveau dès que le fichier corrigé sera enregistré ; inutile de relancer l’aperçu. "
        "`make check` donne la même liste.",
        "",
    ]
    for heading, group in (("Dans cette page", own), ("Ailleurs dans le site", others)):
        if not group:
            continue
        lines += [f"## {heading}", ""]
        lines += [f"- {markdown_text(str(problem))}" for problem in group]
        lines.append("")
    return "\n".join(lines)


def report_in_terminal(problems: list[Problem]) -> None:
    """The same list in the terminal of `make serve` (as information: the preview goes on)."""
    if problems:
        log.info(format_report(problems) + "\nL’aperçu continue : les pages montrent ces erreurs jusqu’à leur correction.")
