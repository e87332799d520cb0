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
INDENTATION = re.compile(r"[ \t]*\n\s*")


def compact(html: str) -> str:
    """`html` without the white space that follows line breaks, outside the protected elements."""
    pieces: list[str] = []
    position = 0
    for match in PROTECTED.finditer(html):
        pieces.append(INDENTATION.sub("\n", html[position : match.start()]))
        pieces.append(match.group(0))
        position = match.end()
    pieces.append(INDENTATION.sub("\n", html[position:]))
    return "".join(pieces)
