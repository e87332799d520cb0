"""The Atom feed of new and updated pages (build_steps/feed.py), generated from pages and dates made up here: valid
Atom 1.0 (RFC 4287), the same pages and dates as « Nouveautés », absolute addresses when the site's address is known,
ids that do not depend on it, texts escaped and in French typography, the latest change of a page's history."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from build_steps.feed import entry_id, feed_xml, rfc3339
from content.history import PageDates
from content.pages import PageInfo
from content.updates import LATEST_COUNT
from tests.atom_support import ATOM, XHTML, XML_LANG, atom_problems

SITE = "https://intranet.example/porter-la-voix/"


def at(day: int, hour: int = 9) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, 30, tzinfo=dt.UTC)


def info(src: str, title: str, page_type: str = "fiche", **meta) -> PageInfo:
    description = f"Description de la page « {title} », assez longue pour en dire l’essentiel en une phrase."
    return PageInfo(src=src, url=src.removesuffix(".md") + "/", title=title, description=description, type=page_type, meta=meta)


PAGES = [
    info("index.md", "Accueil", "page"),
    info(
        "regles/obligations.md",
        "Droits et obligations",
        "guide",
        historique=[
            {"date": dt.date(2026, 11, 20), "changement": "Ajout d’une décision de 2023 : la réserve hors service."},
            {"date": dt.date(2026, 11, 2), "changement": "Première version relue."},
        ],
    ),
    info("fiches/photos.md", "Photos"),
    info("fiches/profil.md", "Profil"),
    info("fiches/offre.md", "Offre"),
    info("fiches/stage.md", "Stage"),
    info("fiches/ancienne.md", "Ancienne fiche"),
]
DATES = {
    "index.md": PageDates(at(1), at(30)),  # a service page: never in the feed, even the newest
    "regles/obligations.md": PageDates(at(1), at(25)),
    "fiches/photos.md": PageDates(at(2), at(24)),
    "fiches/profil.md": PageDates(at(3), at(23)),
    "fiches/offre.md": PageDates(at(4), at(22)),
    "fiches/stage.md": PageDates(at(5), at(21)),
    "fiches/ancienne.md": PageDates(at(6), at(7)),
}


def write_feed(tmp_path: Path, site_url: str | None = SITE) -> Path:
    path = tmp_path / "flux.xml"
    path.write_text(feed_xml(PAGES, DATES, site_name="Porter la voix", site_url=site_url, author="CEDIP"), encoding="utf-8")
    return path


def child_text(element: ET.Element, name: str) -> str:
    return element.findtext(f"{ATOM}{name}")


def links(element: ET.Element) -> dict[str, str]:
    return {link.get("rel"): link.get("href") for link in element.findall(f"{ATOM}link")}


def test_the_validator_finds_what_breaks_a_feed(tmp_path):
    """The schema check is not vacuous: no id, a date in words, an entry without link nor author are all found."""
    broken = tmp_path / "casse.xml"
    broken.write_text(
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title><updated>2026-11-30T00:00:00Z</updated>'
        "<entry><title>y</title><id>urn:x</id><updated>2026-11-30T00:00:00Z</updated></entry></feed>",
        encoding="utf-8",
    )
    problems = atom_problems(broken)
    assert any("Expecting an element id" in problem for problem in problems), problems
    assert any("4.1.1" in problem for problem in problems) and any("4.1.2" in problem for problem in problems), problems
    valid = write_feed(tmp_path)
    valid.write_text(valid.read_text(encoding="utf-8").replace("2026-11-25T09:30:00Z", "hier", 1), encoding="utf-8")
    assert any("dateTime doesn't allow value 'hier'" in problem for problem in atom_problems(valid))


def test_a_valid_atom_feed_of_the_latest_content_pages(tmp_path):
    path = write_feed(tmp_path)
    assert atom_problems(path) == []
    feed = ET.parse(path).getroot()
    assert feed.get(XML_LANG) == "fr"
    assert child_text(feed, "title") == "Porter la voix\u00a0: nouveautés"
    assert "de la plus récente à la plus ancienne" in child_text(feed, "subtitle")
    assert links(feed) == {"self": SITE + "flux.xml", "alternate": SITE}
    assert feed.find(f"{ATOM}author/{ATOM}name").text == "CEDIP"
    entries = feed.findall(f"{ATOM}entry")
    # The home page's « Nouveautés »: LATEST_COUNT content pages, newest first, never a service page.
    assert [child_text(e, "title") for e in entries] == ["Droits et obligations", "Photos", "Profil", "Offre", "Stage"]
    assert len(entries) == LATEST_COUNT
    first = entries[0]
    assert links(first) == {"alternate": SITE + "regles/obligations/"}
    assert (child_text(first, "published"), child_text(first, "updated")) == ("2026-11-01T09:30:00Z", "2026-11-25T09:30:00Z")
    assert child_text(first, "summary") == PAGES[1].description.replace(" »", "\u00a0»").replace("« ", "«\u00a0")
    # The feed changes when its newest entry does: its date is that entry's, not the time of the build.
    assert child_text(feed, "updated") == "2026-11-25T09:30:00Z"


def test_the_latest_change_of_a_page_history_is_the_entry_content(tmp_path):
    feed = ET.parse(write_feed(tmp_path)).getroot()
    first, second = feed.findall(f"{ATOM}entry")[:2]
    content = first.find(f"{ATOM}content")
    assert content.get("type") == "xhtml"
    paragraphs = content.findall(f"{XHTML}div/{XHTML}p")
    assert paragraphs[0].text == child_text(first, "summary")
    time = paragraphs[1].find(f"{XHTML}time")
    assert (time.get("datetime"), time.text) == ("2026-11-20", "20 novembre 2026")
    said = "".join(paragraphs[1].itertext())
    assert said == "Dernier changement important, le 20 novembre 2026\u00a0: Ajout d’une décision de 2023\u00a0: la réserve hors service."
    assert "Première version" not in said  # only the latest change
    assert second.find(f"{ATOM}content") is None  # no history, no content: the summary says it all


def test_ids_do_not_depend_on_the_site_address(tmp_path):
    """RFC 4287, 4.2.6: an id never changes, even when the site moves; without an address, links are relative."""
    published = ET.parse(write_feed(tmp_path)).getroot()
    (tmp_path / "preview").mkdir()
    preview_path = write_feed(tmp_path / "preview", site_url=None)
    assert atom_problems(preview_path) == []
    preview = ET.parse(preview_path).getroot()
    assert child_text(preview, "id") == child_text(published, "id") == entry_id("flux.xml")
    assert [child_text(e, "id") for e in preview.findall(f"{ATOM}entry")] == [
        child_text(e, "id") for e in published.findall(f"{ATOM}entry")
    ]
    assert child_text(preview.find(f"{ATOM}entry"), "id") == entry_id("regles/obligations.md")
    assert entry_id("regles/obligations.md").startswith("urn:uuid:")
    assert links(preview) == {"self": "flux.xml", "alternate": "./"}
    assert links(preview.find(f"{ATOM}entry")) == {"alternate": "regles/obligations/"}


def test_titles_and_descriptions_are_text(tmp_path):
    odd = info("fiches/odd.md", "Q&R <script>alert(1)</script> : « tout »")
    path = tmp_path / "flux.xml"
    dates = {"fiches/odd.md": PageDates(at(1), at(2))}
    path.write_text(feed_xml([odd], dates, site_name="Site", site_url=SITE, author="CEDIP", rights="Licence Ouverte 2.0"), encoding="utf-8")
    assert atom_problems(path) == []
    feed = ET.parse(path).getroot()
    assert child_text(feed.find(f"{ATOM}entry"), "title") == "Q&R <script>alert(1)</script>\u00a0: «\u00a0tout\u00a0»"
    assert child_text(feed, "rights") == "Licence Ouverte 2.0"


@pytest.mark.parametrize(
    "moment, written",
    [
        (dt.datetime(2026, 12, 6, 21, 23, 26, 123456, tzinfo=dt.UTC), "2026-12-06T21:23:26Z"),
        (dt.datetime(2026, 12, 7, 0, 30, tzinfo=dt.timezone(dt.timedelta(hours=1))), "2026-12-06T23:30:00Z"),
    ],
)
def test_dates_are_rfc3339_in_utc(moment, written):
    assert rfc3339(moment) == written
