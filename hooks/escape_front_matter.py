"""MkDocs hook: HTML-escapes the front matter's `title` and `description` as each page is read.

MkDocs treats a page title as HTML (its fallback is the rendered H1) and Material prints both values without
escaping in <title>, the meta description, the header, the navigation and the tags index. Escaped, a `<` or a `"`
typed by an editor shows as text instead of breaking the page (or running, for a `<script>`).
"""

from __future__ import annotations

from mkdocs.plugins import event_priority

from macros.inline import escape_text


@event_priority(-100)  # after the other plugins, which may read the raw values (macros validates them)
def on_page_markdown(markdown, page, config, files):
    for key in ("title", "description"):
        if isinstance(page.meta.get(key), str):
            page.meta[key] = escape_text(page.meta[key])
    return markdown
