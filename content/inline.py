"""A tiny, safe converter for the light Markdown allowed in data texts.

Supported, nothing else: ``**gras**``, ``*italique*`` and ``[texte](adresse)``. Everything else is escaped,
so ``<script>`` shows as text. A link becomes a link only when its address is an http(s) or mailto
address, or the path of a page of docs/ (turned into a relative URL by `resolve`); any other address
(``javascript:``, ``data:``, a missing page) leaves just the link text.

Python-Markdown with raw HTML disabled would also do, but it brings block syntax (lists, headings) that
has no place in a checklist item, and its escaping rules are harder to reason about than these few lines.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from markupsafe import Markup, escape

from .typography import fix_text as _typography  # French spacing, shared with the Markdown pages
from .urls import is_allowed_external, is_external

LINK = re.compile(r"\[([^\]\n]+)\]\(([^()\s]+)\)")
STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
EMPHASIS = re.compile(r"\*(?=\S)(.+?)(?<=\S)\*")


def escape_text(value: str) -> str:
    """HTML-escape a plain text (a page's title or description) for an element or a double-quoted attribute; the
    apostrophe stays: it is common in French and Material never writes single-quoted attributes. Used by
    build_steps/escape_front_matter.py and build_steps/preview.py."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]#|])")


def markdown_text(value: str) -> str:
    """A plain text (a data value, an error message) written into generated Markdown so that it shows as typed: on one
    line, Markdown's special characters behind a backslash, HTML escaped, braces as character references (neither
    Jinja nor an attribute list `{ #id }` reads them). Used by the macros that write Markdown (faq, references) and
    build_steps/preview_notice.py."""
    escaped = html.escape(MARKDOWN_SPECIALS.sub(r"\\\1", " ".join(value.split())), quote=False)
    return escaped.replace("{", "&#123;").replace("}", "&#125;")  # last: these references hold a « # »


def links_in(text: str) -> list[tuple[str, str]]:
    """(label, address) of every Markdown link in `text` (used by validation)."""
    return LINK.findall(text)


def _emphasis(text: str) -> str:
    html = str(escape(_typography(text)))
    html = STRONG.sub(r"<strong>\1</strong>", html)
    return EMPHASIS.sub(r"<em>\1</em>", html)


def render_inline(text: str, resolve: Callable[[str], str | None] | None = None) -> Markup:
    """Convert light Markdown to safe HTML. `resolve` turns a page path into a URL, or None."""
    parts: list[str] = []
    position = 0
    for match in LINK.finditer(text):
        parts.append(_emphasis(text[position : match.start()]))
        label, address = match.group(1), match.group(2)
        url = None
        if is_external(address):
            url = address if is_allowed_external(address) else None
        elif resolve is not None:
            url = resolve(address)
        label_html = _emphasis(label)
        parts.append(f'<a href="{escape(url)}">{label_html}</a>' if url else label_html)
        position = match.end()
    parts.append(_emphasis(text[position:]))
    return Markup("".join(parts))


def render_plain(text: str) -> Markup:
    """Escape a plain text, with French spacing."""
    return escape(_typography(text))
