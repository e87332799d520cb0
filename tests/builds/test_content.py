"""The content as a reader meets it: reachable, complete, sourced, with its related pages and share box."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.support import ROOT

DOCS = ROOT / "docs"
PLACEHOLDERS = re.compile(r"lorem|ipsum|à compléter|a completer|TODO|FIXME|XXX", re.IGNORECASE)


def front_matter(md: Path) -> dict:
    text = md.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---", 2)[1]) if text.startswith("---") else {}


def content_pages() -> list[Path]:
    """Markdown pages whose type is not « page » (articles, charters, guides, memo sheets…)."""
    return sorted(p for p in DOCS.rglob("*.md") if front_matter(p).get("type", "page") != "page")


def built(site: Path, md: Path) -> Path:
    rel = md.relative_to(DOCS).with_suffix("").as_posix()
    rel = rel[: -len("index")] if rel == "index" or rel.endswith("/index") else rel + "/"
    return site / rel / "index.html"


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def article(soup: BeautifulSoup):
    return soup.select_one("article.md-content__inner")


def test_there_are_content_pages():
    types = {front_matter(p)["type"] for p in content_pages()}
    assert {"article", "charte", "guide", "fiche", "infographie", "ressource"} <= types


def test_every_memo_sheet_is_two_clicks_from_home(built_site):
    """Follow the links of the home page (navigation included), then those of each page reached."""

    def links(page: Path) -> set[Path]:
        found = set()
        base = "http://site/" + page.parent.relative_to(built_site).as_posix().strip(".") + "/"
        for a in soup_of(page).find_all("a", href=True):
            url = urlparse(urljoin(base.replace("//site//", "//site/"), a["href"]))
            if url.netloc != "site" or url.scheme != "http":
                continue
            target = built_site / url.path.lstrip("/")
            target = target / "index.html" if url.path.endswith("/") else target
            if target.exists():
                found.add(target.resolve())
        return found

    home = (built_site / "index.html").resolve()
    one_click = links(home)
    two_clicks = one_click | {t for page in one_click for t in links(page)}
    sheets = [p for p in (DOCS / "fiches").glob("*.md") if p.name != "index.md"]
    assert len(sheets) >= 7
    missing = [p.name for p in sheets if built(built_site, p).resolve() not in two_clicks]
    assert not missing, f"fiches à plus de deux clics de l'accueil : {missing}"


@pytest.mark.parametrize("md", content_pages(), ids=lambda p: p.relative_to(DOCS).as_posix())
def test_content_page_is_complete(built_site, md):
    soup = soup_of(built(built_site, md))
    body = article(soup)
    text = body.get_text(" ", strip=True)
    assert not PLACEHOLDERS.search(text), f"texte provisoire : {PLACEHOLDERS.search(text).group(0)}"
    headings = [h.get_text(" ", strip=True).rstrip("¶").strip() for h in body.find_all("h2")]
    assert "Sources" in headings, f"pas de section « Sources » : {headings}"
    assert body.select_one(".pv-share a[href^='mailto:']"), "pas de « Partager la page »"
    assert "Partager la page" in text
    assert "Sur le même sujet" in text, "pas de « Sur le même sujet » (macro related())"
    for section in body.find_all("h2"):
        following = section.find_next_sibling()
        assert following is not None and following.name != "h2", f"section vide : {section.get_text(strip=True)}"


def test_every_page_shows_its_date_and_the_accessibility_status(built_site):
    for md in DOCS.rglob("*.md"):
        soup = soup_of(built(built_site, md))
        assert "Mis à jour le" in soup.get_text(), f"{md.name} : pas de date de mise à jour"
        footer = soup.find("footer").get_text(" ", strip=True)
        assert re.search(r"Accessibilité\s*:\s*(totalement|partiellement|non) conforme", footer), md.name
