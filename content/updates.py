"""What changed on the site, for readers who come back: the latest pages and the history of a page's changes.

- `latest(pages, dates)`: « Nouveautés », the content pages (not of type « page ») most recently updated according to
  git history (content/history.py), newest first, ties in alphabetical order of title, at most LATEST_COUNT. The
  home page's list (macro `latest_pages`, macros/navigation.py) and the Atom feed (build_steps/feed.py) both call
  it: a subscriber gets the same pages, with the same dates, as a visitor of the home page.
- FEED_PATH: the feed's address from the site root. Feed readers keep it for years: never rename it.
- `changes(value)`: the front matter's `historique`, the substantive changes an editor listed on a rule page or a
  memo sheet (validated by content/pages.py: real dates, not in the future, newest first), shown at the end of
  the page (overrides/partials/history.html) and, the latest one, in the page's entry of the feed.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .history import PageDates
from .page_types import SERVICE_TYPE
from .pages import PageInfo
from .text import sort_key
from .typography import fix_text

LATEST_COUNT = 5  # pages in « Nouveautés » on the home page and in the feed
FEED_PATH = "flux.xml"


def feed_title(site_name: str) -> str:
    """The feed's title, also the title of the `<link rel="alternate">` that lets browsers and readers find it."""
    return fix_text(f"{site_name} : nouveautés")


def latest(pages: Iterable[PageInfo], dates: Mapping[str, PageDates], limit: int = LATEST_COUNT, *, exclude: str = "") -> list[PageInfo]:
    """The `limit` content pages most recently updated, newest first (`exclude`: a page left out, the one that shows
    the list). A page git does not know yet has no date: the build reports it (build_steps/page_dates.py)."""
    candidates = [page for page in pages if page.type != SERVICE_TYPE and page.src != exclude and page.src in dates]
    candidates.sort(key=lambda page: (-dates[page.src].updated.timestamp(), sort_key(page.title)))
    return candidates[:limit]


@dataclass(frozen=True)
class Change:
    """One substantive change of a page, as its editor described it."""

    day: datetime.date
    text: str


def changes(value: Iterable[Mapping[str, object]] | None) -> list[Change]:
    """The entries of a page's `historique`, in the order written (newest first, the content model checks it).

    `value` is the front matter's value once validated by content/pages.py, or as MkDocs read it for the theme: a
    list of `{date, changement}`, the date a YAML date or a text « AAAA-MM-JJ ». Absent: an empty list.
    """
    found = []
    for item in value or ():
        day = item["date"]
        if isinstance(day, datetime.datetime):
            day = day.date()
        elif not isinstance(day, datetime.date):
            day = datetime.date.fromisoformat(str(day).strip())
        found.append(Change(day, str(item["changement"]).strip()))
    return found
