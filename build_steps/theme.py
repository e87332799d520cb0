"""Build step: the values the theme's templates (overrides/) read besides MkDocs's own, as Jinja globals."""

from __future__ import annotations

import datetime
from typing import Any

from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from content.history import french_date
from content.page_types import LABELS
from content.printable import SHEET_MARK, SHEET_TYPE, pdf_links_enabled, sheet_pdf
from content.references import REFERENCES_PAGE
from content.typography import fix_text
from content.updates import FEED_PATH, Change, changes, feed_title
from content.urls import page_url
from engine.compat import TAGS_LISTING_MARKER


def french_date_of(value: datetime.date | str | object) -> str:
    """« 2 décembre 2026 » for a date of the front matter (YAML reads 2026-12-02 as a date, "2026-12-02" as text)."""
    if not value:  # absent: None, or Jinja's Undefined in a theme template
        return ""
    day = value if isinstance(value, datetime.date) else datetime.date.fromisoformat(str(value).strip())
    return french_date(day)


def history_of(value: Any) -> list[Change]:
    """The changes of a page's front matter `historique` (content/updates.py), their text with French spacing; `value`
    is what MkDocs read (absent: Jinja's Undefined, no change)."""
    return [Change(change.day, fix_text(change.text)) for change in changes(value or None)]


def theme_globals(use_directory_urls: bool = True) -> dict[str, object]:
    """`pv_page_types`: type -> French label (content/page_types.py); `pv_tags_listing_marker`: the comment that
    makes a page Material's tags index (that page is not indexed by search); `pv_french_date`: a front-matter date
    written in French (« Vérifié le 2 décembre 2026 »); `pv_references_page`: the address of the « Textes de
    référence » page (content/references.py), which the « Vérifié le » line links to; `pv_page_url`: the address of
    a page from its Markdown file (« accessibilite.md »), with or without directory URLs (the offline copy);
    `pv_pdf_links`, `pv_pdf_sheet_type`, `pv_pdf_mark`, `pv_sheet_pdf`: the memo sheets' PDF links, written only in a
    build made by `make pdf` (content/printable.py, overrides/partials/pdf.html); `pv_feed`, `pv_feed_title`: the
    address and title of the Atom feed of new pages (build_steps/feed.py); `pv_history`: a page's « Historique des
    modifications » (overrides/partials/history.html)."""

    def pv_page_url(src_path: str) -> str:
        return page_url(src_path, use_directory_urls)

    return {
        "pv_page_url": pv_page_url,
        "pv_page_types": LABELS,
        "pv_tags_listing_marker": TAGS_LISTING_MARKER,
        "pv_french_date": french_date_of,
        "pv_references_page": page_url(REFERENCES_PAGE, use_directory_urls),
        "pv_pdf_links": pdf_links_enabled(),
        "pv_pdf_sheet_type": SHEET_TYPE,
        "pv_pdf_mark": SHEET_MARK,
        "pv_sheet_pdf": sheet_pdf,
        "pv_feed": FEED_PATH,
        "pv_feed_title": feed_title,
        "pv_history": history_of,
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
