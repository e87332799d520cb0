"""Build step: the values the theme's templates (overrides/) read besides MkDocs's own, as Jinja globals."""

from __future__ import annotations

from content.page_types import PAGE_TYPES
from engine.compat import TAGS_LISTING_MARKER


def theme_globals() -> dict[str, object]:
    """`pv_page_types`: type -> French label (content/page_types.py); `pv_tags_listing_marker`: the comment that
    makes a page Material's tags index (that page is not indexed by search)."""
    return {
        "pv_page_types": {page_type.id: page_type.label for page_type in PAGE_TYPES},
        "pv_tags_listing_marker": TAGS_LISTING_MARKER,
    }
