"""The updates a reader can follow, in the real site built once (fixture built_site, with SITE_URL set): the Atom feed
(valid RFC 4287, the home page's « Nouveautés » with their git dates and absolute addresses), the feed announced in
the head of every page and linked from « Nouveautés », and the « Historique des modifications » of the pages whose
front matter has one."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from bs4 import BeautifulSoup

from build_steps.feed import rfc3339
from content.history import french_date, page_dates
from content.updates import FEED_PATH, changes
from content.urls import page_url
from tests.atom_support import ATOM, XHTML, atom_problems
from tests.support import ROOT

DOCS = ROOT / "docs"


@pytest.fixture(scope="module")
def site_url(site_port) -> str:
    return f"http://127.0.0.1:{site_port}/"


@pytest.fixture(scope="module")
def feed(built_site) -> ET.Element:
    return ET.parse(built_site / FEED_PATH).getroot()


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def front_matter(src: str) -> dict:
    text = (DOCS / src).read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---", 2)[1]) if text.startswith("---") else {}


def web_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.relative_to(site).parts)


def address_of(site: Path, page: Path, site_url: str) -> str:
    relative = page.relative_to(site).as_posix()
    return site_url + (relative.removesuffix("index.html") if relative.endswith("index.html") else relative)


def test_the_feed_is_valid_atom(built_site):
    assert atom_problems(built_site / FEED_PATH) == []


def test_the_feed_lists_the_home_page_news_with_their_git_dates(built_site, feed, site_url):
    home = soup_of(built_site / "index.html")
    news = [
        (
            item.select_one("a.lp-link").get_text(),
            urljoin(site_url, item.select_one("a.lp-link")["href"]),
            item.select_one(".lp-date").get_text(),
        )
        for item in home.select("ul.lp-list > li.lp-item")
    ]
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == len(news) == 5
    dates = page_dates(DOCS)
    by_address = {page_url(src): src for src in dates}
    for (title, address, shown), entry in zip(news, entries, strict=True):
        link = entry.find(f"{ATOM}link[@rel='alternate']").get("href")
        assert (entry.findtext(f"{ATOM}title"), link) == (title, address)
        src = by_address[link.removeprefix(site_url)]
        assert entry.findtext(f"{ATOM}updated") == rfc3339(dates[src].updated)
        assert entry.findtext(f"{ATOM}published") == rfc3339(dates[src].created)
        assert shown == f"(mis à jour le {french_date(dates[src].updated)})"
        assert entry.findtext(f"{ATOM}summary").split() == (front_matter(src)["description"]).replace("\u00a0", " ").split()
        history = changes(front_matter(src).get("historique"))
        content = entry.find(f"{ATOM}content/{XHTML}div")
        if history:
            time = content.find(f"{XHTML}p/{XHTML}time")
            assert time.get("datetime") == history[0].day.isoformat(), src
        else:
            assert content is None, src
    assert feed.findtext(f"{ATOM}updated") == entries[0].findtext(f"{ATOM}updated")
    assert {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")} == {
        "self": site_url + FEED_PATH,
        "alternate": site_url,
    }


def test_every_page_announces_the_feed(built_site, site_url):
    missing = []
    for page in web_pages(built_site):
        found = soup_of(page).select('head link[rel="alternate"][type="application/atom+xml"]')
        if len(found) != 1 or urljoin(address_of(built_site, page, site_url), found[0]["href"]) != site_url + FEED_PATH:
            missing.append(page.relative_to(built_site).as_posix())
        elif "nouveautés" not in found[0].get("title", ""):
            missing.append(f"{page.relative_to(built_site).as_posix()} (titre)")
    assert not missing, f"lien rel=alternate vers le flux absent ou faux : {missing}"


def test_news_have_a_visible_subscribe_link(built_site, site_url):
    link = soup_of(built_site / "index.html").select_one("article p.lp-feed a")
    assert link is not None and " ".join(link.get_text().split()) == "S’abonner aux nouveautés (flux Atom)"
    assert (urljoin(site_url, link["href"]), link["type"]) == (site_url + FEED_PATH, "application/atom+xml")


def test_page_histories_are_shown_with_machine_readable_dates(built_site):
    with_history = 0
    for md in sorted(DOCS.rglob("*.md")):
        src = md.relative_to(DOCS).as_posix()
        url = page_url(src)
        section = soup_of(built_site / url / "index.html").select_one("section.pv-history")
        history = changes(front_matter(src).get("historique"))
        if not history:
            assert section is None, src
            continue
        with_history += 1
        assert section is not None and section.has_attr("data-pagefind-ignore"), src
        assert section.select_one("h2").get_text() == "Historique des modifications"
        items = section.select("li")
        assert [item.select_one("time")["datetime"] for item in items] == [change.day.isoformat() for change in history], src
        assert [item.select_one("time").get_text() for item in items] == [french_date(change.day) for change in history], src
        assert all(change.text in " ".join(item.get_text().split()) for change, item in zip(history, items, strict=True)), src
    assert with_history >= 1, "aucune page n’a d’historique : l’affichage n’est pas vérifié"
