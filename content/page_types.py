"""The kinds of pages of the site (front matter `type`): one list for the checks, the theme and `make nouvelle-page`.

A type has its French label (shown as the search filter « Type » and in search results), and, for the types an
editor creates with `make nouvelle-page`, the folder of docs/ where its pages go (modeles/<type>.md is its template).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageType:
    id: str  # as written in the front matter: « type: fiche »
    label: str  # as readers see it: « Fiche mémo »
    folder: str | None = None  # folder of docs/ for `make nouvelle-page` ("" = docs/ itself); None: not creatable


# In the order readers meet them in the search's type filter.
PAGE_TYPES: tuple[PageType, ...] = (
    PageType("fiche", "Fiche mémo", "fiches"),
    PageType("charte", "Charte", "regles"),
    PageType("guide", "Guide", "regles"),
    PageType("article", "Article", "articles"),  # an article of a series goes to its series' folder instead
    PageType("infographie", "Infographie"),
    PageType("ressource", "Ressource", ""),
    PageType("page", "Page"),  # service pages: home, section indexes, legal pages, editors' pages
)
BY_ID = {page_type.id: page_type for page_type in PAGE_TYPES}
TYPE_IDS = [page_type.id for page_type in PAGE_TYPES]
LABELS = {page_type.id: page_type.label for page_type in PAGE_TYPES}  # type -> French label, in order
SERVICE_TYPE = "page"


def label(type_id: str | None) -> str:
    """The French label of a type; « Page » for a missing or unknown one."""
    return BY_ID.get(type_id or "", BY_ID[SERVICE_TYPE]).label


def creatable() -> dict[str, str]:
    """Type -> folder of docs/, for the types `make nouvelle-page` creates."""
    return {page_type.id: page_type.folder for page_type in PAGE_TYPES if page_type.folder is not None}
