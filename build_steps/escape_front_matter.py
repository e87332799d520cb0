"""Build step: French spacing, then HTML escaping, of the front matter's `title` and `description` as each page is read.

MkDocs treats a page title as HTML (its fallback is the rendered H1) and Material prints both values without
escaping in <title>, the meta description, the header, the navigation and the tags index. Escaped, a `<` or a `"`
typed by an editor shows as text instead of breaking the page (or running, for a `<script>`).

The French spacing (content/typography.py: no-break spaces before « : ; ! ? », inside « ») is the one the Markdown
pages get: titles are shown in the navigation, the breadcrumbs, the tab's title and the lists of pages too.

It runs after the macros plugin, which reads the raw values (content.pages validates them).
"""

from __future__ import annotations

from typing import Any

from content.inline import escape_text
from content.typography import fix_text

ESCAPED_KEYS = ("title", "description")


def escape_meta(meta: dict[str, Any]) -> None:
    """French spacing and escaping of the page's title and description, in place."""
    for key in ESCAPED_KEYS:
        if isinstance(meta.get(key), str):
            meta[key] = escape_text(fix_text(meta[key]))
