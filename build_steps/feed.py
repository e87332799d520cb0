"""Build step: the Atom feed (RFC 4287) of new and updated pages, at the site root (content/updates.FEED_PATH).

Its entries are « Nouveautés » of the home page: content/updates.latest over the content model's page index, with
the dates of git history (content/history.py) that the hooks read once per build, LATEST_COUNT pages, newest first.
Each entry has the page's title and address, `updated` (its last commit), `published` (its first commit), `summary`
(its description) and, when its editor keeps a `historique`, the latest substantive change as its `content`. The
feed's own `updated` is its newest entry's: two builds of the same commit write the same file.

Addresses are absolute when the published address (`site_url`) is known. Without it (a preview, an offline copy),
they are relative to the feed, which sits at the site root: still valid Atom, and no address invented.
Ids are « urn:uuid: » names computed from the page's path in docs/ (uuid5): RFC 4287 (4.2.6) asks that an entry's
id never change, even when the site moves to another address; only renaming the page's file gives it a new one.

Why not mkdocs-rss-plugin (1.19.0, tried on this site in December 2026): it writes RSS 2.0, not Atom; it selects
pages by path, not by type, so its list would not be « Nouveautés »; it reads the pages' HTML in on_page_content,
which the two-core rendering (build_steps/parallel_render.py) leaves empty, so the build stops unless that is turned
off; it writes an absent image as `<url>None</url>`; and it brings GitPython and requests (HEAD requests for remote
images, with certificate checks turned off on failure).

The hooks write the feed at on_env: every page has been read, and MkDocs has already emptied the site folder.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from mkdocs.config.defaults import MkDocsConfig

from content.errors import PREVIEW, DataError, Problem
from content.history import PageDates, french_date
from content.pages import PageInfo, Ref, load_pages
from content.typography import fix_text
from content.updates import FEED_PATH, LATEST_COUNT, Change, changes, feed_title, latest

TEMPLATES = Path(__file__).parent / "templates"
# The site's own namespace for the ids of its feed. Never change it: every reader would see every entry as new.
ID_NAMESPACE = uuid.UUID("471c0e93-cfe3-4cd9-92a1-8b7cb7aedab3")

_ENV = Environment(
    loader=FileSystemLoader(str(TEMPLATES)),
    autoescape=True,  # titles and descriptions are text: `&` and `<` must reach the reader as typed
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
    undefined=StrictUndefined,
)


@dataclass(frozen=True)
class Entry:
    """One page in the feed, as the template writes it."""

    title: str
    url: str
    id: str
    published: str
    updated: str
    summary: str
    change: Change | None  # the latest substantive change the editor described, if any
    change_date: str  # that change's date in French (« 6 décembre 2026 »)


def rfc3339(moment: dt.datetime) -> str:
    """« 2026-12-06T21:23:26Z »: an Atom date (RFC 3339, UTC, to the second)."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def entry_id(name: str) -> str:
    """The permanent id of a page (its path in docs/) or of the feed (its path in the site)."""
    return f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, name)}"


def address(site_url: str | None, path: str) -> str:
    """Absolute with the published address, otherwise relative to the site root (where the feed is)."""
    if site_url:
        return urljoin(site_url if site_url.endswith("/") else site_url + "/", path)
    return path or "./"


def feed_xml(
    pages: Iterable[PageInfo],
    dates: Mapping[str, PageDates],
    *,
    site_name: str,
    site_url: str | None,
    author: str,
    rights: str | None = None,
    limit: int = LATEST_COUNT,
) -> str:
    """The feed's XML: the `limit` latest content pages of `pages`, with their `dates`."""
    entries = []
    for page in latest(pages, dates, limit):
        found = changes(page.meta.get("historique"))
        change = Change(found[0].day, fix_text(found[0].text)) if found else None
        entries.append(
            Entry(
                title=fix_text(page.title),
                url=address(site_url, page.url),
                id=entry_id(page.src),
                published=rfc3339(dates[page.src].created),
                updated=rfc3339(dates[page.src].updated),
                summary=fix_text(page.description),
                change=change,
                change_date=french_date(change.day) if change else "",
            )
        )
    # Without any content page, the newest page of all (and the present time only for a site without pages).
    newest = entries[0].updated if entries else rfc3339(max((d.updated for d in dates.values()), default=dt.datetime.now(dt.UTC)))
    return _ENV.get_template("flux.xml").render(
        title=feed_title(site_name),
        id=entry_id(FEED_PATH),
        updated=newest,
        self_url=address(site_url, FEED_PATH),
        home_url=address(site_url, ""),
        author=author,
        rights=rights,
        entries=entries,
    )


def write_feed(config: MkDocsConfig, dates: Mapping[str, PageDates]) -> None:
    """Write the feed into the site folder, from the pages of docs/ (read from the content model's cache)."""
    project = Path(config.config_file_path).resolve().parent
    problems: list[Problem] = []
    refs: list[Ref] = []
    pages = load_pages(Path(config.docs_dir), config.use_directory_urls, problems, refs, root=project)
    if problems:
        if PREVIEW.active:
            return  # the preview shows the mistakes instead of the pages; the feed waits for the fix
        raise DataError(problems)  # already reported by the macros' validation, which stops the build first
    xml = feed_xml(
        pages,
        dates,
        site_name=config.site_name,
        site_url=config.site_url,
        author=config.site_author or config.site_name,  # Atom requires an author: the site's publisher
        rights=config.copyright,
    )
    target = Path(config.site_dir) / FEED_PATH
    target.parent.mkdir(parents=True, exist_ok=True)  # MkDocs creates the site folder only when it writes the pages
    target.write_text(xml, encoding="utf-8")
