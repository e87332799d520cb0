"""Build step: French spacing of the titles Python-Markdown and mkdocs.yml give outside the page's body.

The body of a page gets its spacing from content/typography.py. Two kinds of titles escape it:

- the sections and titles written in mkdocs.yml's navigation (« Série « Attractivité » », « Pour qui ? »);
- the entries of the table of contents: Python-Markdown's `toc` collapses every space of a heading, no-break ones
  included, into an ordinary space when it makes the entry's name (markdown.extensions.toc.strip_tags).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from content.typography import fix_text


def french_nav_titles(items: Iterable[Any]) -> None:
    """French spacing of the section titles of mkdocs.yml's navigation, in place."""
    for item in items:
        if getattr(item, "is_section", False) and isinstance(item.title, str):
            item.title = fix_text(item.title)
        french_nav_titles(getattr(item, "children", None) or [])


def french_toc_titles(toc: Iterable[Any]) -> None:
    """French spacing of the entries of a page's table of contents (mkdocs.structure.toc.AnchorLink), in place."""
    for link in toc:
        link.title = fix_text(link.title)
        french_toc_titles(link.children)
