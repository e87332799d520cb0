"""Reading a Markdown source as MkDocs does: its front matter, and the lines that are fenced code.

Every reader of page sources (page index, spelling, image check) uses these two functions, so that they agree on
where the front matter ends and on what is code.
"""

from __future__ import annotations

import re

# MkDocs's rule (mkdocs.utils.meta): a first line « --- », then YAML, then a line « --- » or « ... ».
FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)?(?:\.{3}|-{3})[ \t]*(?:\n|\Z)", re.DOTALL)
FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})(.*)$")


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """(front matter text or None when there is none, body, number of lines before the body)."""
    match = FRONT_MATTER.match(text)
    if not match:
        return None, text, 0
    return match.group(1) or "", text[match.end() :], match.group(0).count("\n")


def code_lines(lines: list[str]) -> list[bool]:
    """For each line: True when it opens, holds or closes a fenced code block (CommonMark's rule: a block closes on a
    fence of the same character, at least as long, with nothing after it; an unclosed block runs to the end)."""
    flags: list[bool] = []
    fence: str | None = None
    for line in lines:
        match = FENCE.match(line)
        if fence is None:
            if match and not (match.group(1)[0] == "`" and "`" in match.group(2)):
                fence = match.group(1)
            flags.append(fence is not None)
            continue
        flags.append(True)
        if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence) and not match.group(2).strip():
            fence = None
    return flags
