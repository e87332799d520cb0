"""The snippets a page includes (pymdownx.snippets: « --8<-- "fichier.md" »), found and checked with pymdownx's own
parser, so that a page the build accepts is never reported broken here, and the other way round.

pymdownx stops the build with an English traceback when a snippet's file or section is missing; the page index
reports it first, in French, with the page and the line.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from engine.compat import snippet_preprocessor

# Where pymdownx.snippets looks for files: its base_path in mkdocs.yml (a test checks that both agree).
SNIPPET_DIRS = ("includes",)


@lru_cache(maxsize=8)
def _preprocessor(root: str) -> Any:
    return snippet_preprocessor([str(Path(root) / folder) for folder in SNIPPET_DIRS])


def find_snippets(body: str, first_line: int) -> list[tuple[str, int]]:
    """(« fichier.md », « fichier.md:section » or « fichier.md:3:8 », line) of every snippet `body` includes, escaped
    ones left out (`first_line`: the number of the body's first line in its file)."""
    if "8<" not in body:  # every snippet notation holds it: most pages have none
        return []
    preprocessor = _preprocessor(".")  # the grammar only: no file is looked up here
    lines = body.split("\n")
    found = []
    block = False
    for number, (line, notation) in enumerate(zip(lines, preprocessor.get_syntax_mask(lines), strict=True), start=first_line):
        if not notation:
            continue
        match = preprocessor.RE_ALL_SNIPPETS.match(line)
        if match is None:  # a path inside a block, or a section marker
            if block and line.strip():
                found.append((line.strip(), number))
            continue
        if match.group("inline_marker"):
            if not block:
                found.append((match.group("snippet")[1:-1].strip(), number))
        else:
            block = not block
    return found


def snippet_problem(name: str, root: Path) -> tuple[str, str] | None:
    """(what is wrong, what would be right) with an included snippet; None when pymdownx can include it."""
    from pymdownx.snippets import SnippetMissingError

    preprocessor = _preprocessor(str(root))
    target = preprocessor.parse_snippet_target(name)
    folders = ", ".join(folder + "/" for folder in SNIPPET_DIRS)
    path = preprocessor.get_snippet_path(target["path"]) if target else None
    if path is None:
        file_name = target["path"] if target else name
        return (
            f"l’extrait « {file_name} » est introuvable dans {folders}",
            f"le nom d’un fichier de {folders} (par ex. « abbreviations.md »), ou retirez la ligne « --8<-- »",
        )
    section = target["section"]
    if section:
        lines = Path(path).read_text(encoding="utf-8").split("\n")
        try:
            preprocessor.extract_section(section, lines)
        except SnippetMissingError:
            relative = Path(path).resolve().relative_to(Path(root).resolve()).as_posix()
            return (
                f"la section « {section} » est introuvable dans {relative}",
                f"une section de ce fichier, entre « --8<-- [start:{section}] » et « --8<-- [end:{section}] », "
                "ou le nom du fichier seul pour l’inclure en entier",
            )
    return None
