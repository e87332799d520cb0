"""Build step: removes the indentation that Material's templates leave in every page.

Material's templates are indented for their authors; rendered, that indentation is a third of a page's HTML
(about 20 kB of a 65 kB page), written, parsed by the CSP check and by Pagefind, and downloaded by every reader.
This hook deletes the spaces and blank lines that follow a line break, outside <pre>, <textarea>, <code>, <kbd>,
<script> and <style>, where white space matters (code, scripts: their CSP hashes are computed later, from the
compacted page). Elsewhere a line break followed by spaces and a line break alone render the same: browsers
collapse white space in text, and the attribute values concerned are Material's class lists.
"""

from __future__ import annotations

import re

# Elements whose content is kept exactly as written.
PROTECTED = re.compile(r"<(pre|textarea|code|kbd|script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
# What `squeeze` removes, as a regular expression: white space after a line break, and spaces and tabs before it.
INDENTATION = re.compile(r"[ \t]*\n\s*")


def squeeze(text: str) -> str:
    """What replacing every INDENTATION by one line break gives, computed line by line: four times faster than the
    regular expression, which tries a match at every space of the text. `str.lstrip()` removes exactly the characters
    that the expression's white space class matches (both are Python's str.isspace)."""
    lines = text.split("\n")
    if len(lines) == 1:
        return text
    kept = [lines[0].rstrip(" \t")]
    for line in lines[1:-1]:
        line = line.lstrip()
        if line:  # a line of white space only: the previous line break's `\s*` takes it, and its line break
            kept.append(line.rstrip(" \t"))
    kept.append(lines[-1].lstrip())
    return "\n".join(kept)


def compact(html: str) -> str:
    """`html` without the white space that follows line breaks, outside the protected elements."""
    pieces: list[str] = []
    position = 0
    for match in PROTECTED.finditer(html):
        pieces.append(squeeze(html[position : match.start()]))
        pieces.append(match.group(0))
        position = match.end()
    pieces.append(squeeze(html[position:]))
    return "".join(pieces)
