"""Links between pages built from the page index: `series(id)`, `related(limit)` and `latest_pages(limit)`.

- `series(id)`: « Sommaire de la série », the articles of a series in the order of their front matter's
  ``serie`` + ``position``; the current article is marked with aria-current="page" and is not a link;
  « Article précédent » / « Article suivant » links follow. On a page outside the series (its landing
  page), the list has no current item and no previous/next links.
- `related(limit=5)`: « Sur le même sujet », the pages sharing the most tags with the current page, best
  first, ties in alphabetical order of title, at most `limit`, never the page itself nor service pages
  (type « page »). When no page shares a tag, the macro renders nothing at all: every page calls it, and
  an empty heading would only be noise.
- `latest_pages(limit=5)`: « Nouveautés » on the home page, the content pages (not of type « page ») most
  recently updated according to git history (content.history, read when the macro is called), newest first, ties in
  alphabetical order of title, each with its date and description (content.updates.latest, which the Atom feed of
  build_steps/feed.py uses too), then the link « S’abonner aux nouveautés (flux Atom) ».
"""

from __future__ import annotations

from markupsafe import Markup

from content.data import Site
from content.history import HistoryError, french_date, page_dates
from content.pages import PageInfo
from content.text import sort_key
from content.updates import FEED_PATH, LATEST_COUNT, latest
from content.urls import relative_url

from .current import Links
from .errors import MacroError, unknown_id
from .render import render


def render_series(site: Site, page: PageInfo, series_id: str) -> Markup:
    series = site.series.get(series_id)
    if series is None:
        raise unknown_id("series", series_id, "série", "data/series.yml", site.series)
    members = site.pages.in_series(series_id)
    position = next((index for index, member in enumerate(members) if member.src == page.src), None)
    previous = members[position - 1] if position is not None and position > 0 else None
    following = members[position + 1] if position is not None and position + 1 < len(members) else None
    return render(
        "series.html",
        series=series,
        series_id=series_id,
        members=members,
        page=page,
        previous=previous,
        next=following,
        link=Links(site, page),
    )


def render_related(site: Site, page: PageInfo, limit: int = 5) -> Markup:
    if not isinstance(limit, int) or isinstance(limit, bool) or limit < 1:
        raise MacroError(f"related({limit!r}) : le nombre de pages doit être un entier positif, par ex. related(3).")
    pages = site.pages.related(page.src, limit)
    if not pages:
        return Markup("")
    return render("related.html", pages=pages, page=page, link=Links(site, page))


def render_latest_pages(site: Site, page: PageInfo, limit: int = LATEST_COUNT) -> Markup:
    if not isinstance(limit, int) or isinstance(limit, bool) or limit < 1:
        raise MacroError(f"latest_pages({limit!r}) : le nombre de pages doit être un entier positif, par ex. latest_pages(5).")
    try:
        dates = page_dates(site.pages.docs_dir)
    except HistoryError as error:
        raise MacroError(f"latest_pages() : {error}") from error
    entries = [(p, french_date(dates[p.src].updated)) for p in latest(site.pages, dates, limit, exclude=page.src)]
    return render("latest.html", entries=entries, page=page, link=Links(site, page), feed=relative_url(FEED_PATH, page.url))


def render_page_list(site: Site, page: PageInfo, type_id: str) -> Markup:
    """The pages of one type (« fiche », « charte »…), in alphabetical order of title, the current page excepted:
    the lists of section pages stay right when a page is added, removed or renamed, with nothing to edit by hand."""
    if type_id not in site.page_types:
        raise unknown_id("page_list", type_id, "type de page", "content/page_types.py", site.page_types)
    pages = sorted((p for p in site.pages if p.type == type_id and p.src != page.src), key=lambda p: sort_key(p.title))
    return render("page_list.html", pages=pages, page=page, link=Links(site, page))
