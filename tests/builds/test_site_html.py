"""Assertions on the built HTML of the real site: language, title, headings, description, navigation, search."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from build_steps import compact_assets
from engine.config import read_config
from tests.support import ROOT, html_pages


def _nav_files(nav) -> set[str]:
    """Markdown files listed in mkdocs.yml's nav (any depth)."""
    found: set[str] = set()
    items = nav if isinstance(nav, list) else [nav]
    for item in items:
        if isinstance(item, str):
            found.add(item)
        elif isinstance(item, dict):
            for value in item.values():
                found |= _nav_files(value)
    return found


def _markdown_pages() -> list[str]:
    return sorted(p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md"))


def _page_html(site: Path, md: str) -> Path:
    stem = md[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return site / stem[: -len("index")] / "index.html"
    return site / stem / "index.html"


@pytest.fixture(scope="module")
def pages(built_site):
    return {p: BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser") for p in html_pages(built_site)}


def test_site_has_pages(pages):
    assert len(pages) >= 20, "le site construit devrait contenir toutes les pages de contenu"


def test_every_page_is_french(pages):
    wrong = [str(p) for p, soup in pages.items() if soup.html.get("lang") != "fr"]
    assert not wrong, f'pages sans lang="fr" : {wrong}'


def test_every_page_has_a_title(pages):
    wrong = [str(p) for p, soup in pages.items() if not (soup.title and soup.title.get_text(strip=True))]
    assert not wrong, f"pages sans <title> : {wrong}"


def test_every_page_has_exactly_one_h1(pages):
    wrong = {str(p): len(soup.find_all("h1")) for p, soup in pages.items() if len(soup.find_all("h1")) != 1}
    assert not wrong, f"pages sans un et un seul <h1> : {wrong}"


def test_every_page_has_a_meta_description(pages):
    wrong = []
    for p, soup in pages.items():
        meta = soup.find("meta", attrs={"name": "description"})
        if not (meta and meta.get("content", "").strip()):
            wrong.append(str(p))
    assert not wrong, f"pages sans meta description : {wrong}"


def test_content_pages_have_their_own_description(built_site):
    """The meta description of a page is its front matter's, not the site's default."""
    config = read_config(ROOT / "mkdocs.yml")
    site_description = " ".join(config["site_description"].split())
    same = []
    for md in _markdown_pages():
        soup = BeautifulSoup(_page_html(built_site, md).read_text(encoding="utf-8"), "html.parser")
        content = " ".join(soup.find("meta", attrs={"name": "description"})["content"].split())
        if content == site_description:
            same.append(md)
    assert not same, f"pages qui reprennent la description générale du site : {same}"


def test_every_markdown_page_is_in_the_navigation():
    config = read_config(ROOT / "mkdocs.yml")
    missing = set(_markdown_pages()) - _nav_files(config["nav"])
    assert not missing, f"pages absentes de la navigation (mkdocs.yml › nav) : {sorted(missing)}"


# Pages deliberately left out of the search index: the tags index lists every page (see overrides/main.html).
NOT_SEARCHABLE = {"etiquettes.md"}


def _pagefind_urls(site: Path) -> set[str]:
    """URLs of the pages in Pagefind's index (its fragments are gzipped JSON after a fixed signature)."""
    urls = set()
    for fragment in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd")
        urls.add(json.loads(data)["url"])
    return urls


def test_every_markdown_page_is_in_the_search_index(built_site):
    indexed = _pagefind_urls(built_site)
    assert indexed, "l'index de recherche (site/pagefind/) est vide ou absent"
    missing = []
    for md in _markdown_pages():
        if md in NOT_SEARCHABLE:
            continue
        url = "/" + _page_html(built_site, md).relative_to(built_site).parent.as_posix() + "/"
        url = "/" if url == "/./" else url
        if url not in indexed:
            missing.append(md)
    assert not missing, f"pages absentes de l'index de recherche : {missing}"


def test_the_sites_own_scripts_and_stylesheets_are_served_minified(built_site):
    """build_steps/compact_assets.py: no maintainers' comments in what readers download (the browser tests run
    these same files); Material's own files are left as they come."""
    sources = [source for folder, pattern, _ in compact_assets.KINDS for source in sorted((ROOT / "docs" / folder).glob(pattern))]
    assert len(sources) >= 7
    for source in sources:
        served = (built_site / source.relative_to(ROOT / "docs")).read_text(encoding="utf-8")
        assert "/*" not in served and "\n  " not in served, f"{source.name} n’est pas minifié"
        assert len(served) < 0.75 * len(source.read_text(encoding="utf-8")), source.name
