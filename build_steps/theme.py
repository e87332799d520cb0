"""Build step: the values the theme's templates (overrides/) read besides MkDocs's own, as Jinja globals."""

from __future__ import annotations

import datetime

from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from content.history import french_date
from content.page_types import LABELS
from content.references import REFERENCES_PAGE
from content.urls import page_url
from engine.compat import TAGS_LISTING_MARKER


def french_date_of(value: datetime.date | str | object) -> str:
    """« 2 décembre 2026 » for a date of the front matter (YAML reads 2026-12-02 as a date, "2026-12-02" as text)."""
    if not value:  # absent: None, or Jinja's Undefined in a theme template
        return ""
    day = value if isinstance(value, datetime.date) else datetime.date.fromisoformat(str(value).strip())
    return french_date(day)


def theme_globals(use_directory_urls: bool = True) -> dict[str, object]:
    """`pv_page_types`: type -> French label (content/page_types.py); `pv_tags_listing_marker`: the comment that
    makes a page Material's tags index (that page is not indexed by search); `pv_french_date`: a front-matter date
    written in French (« Vérifié le 2 décembre 2026 »); `pv_references_page`: the address of the « Textes de
    référence » page (content/references.py), which the « Vérifié le » line links to."""
    return {
        "pv_page_types": LABELS,
        "pv_tags_listing_marker": TAGS_LISTING_MARKER,
        "pv_french_date": french_date_of,
        "pv_references_page": page_url(REFERENCES_PAGE, use_directory_urls),
    }


def drop_hidden_toc(page: Page) -> None:
    """A page whose front matter hides its table of contents (`hide: [toc]`) does not send it either: Material only
    hides it (`hidden`), and the FAQ's fifty questions would weigh on every visit of that page. The page's title
    stays (its first entry): Material's « Aller au contenu » link points to it."""
    if "toc" in (page.meta.get("hide") or []) and page.toc is not None:
        first = next(iter(page.toc), None)
        if first is not None:
            first.children = []
        page.toc = TableOfContents([first] if first is not None else [])
