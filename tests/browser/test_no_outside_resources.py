"""A page never asks any host but the site's own: static check of the built HTML and CSS, then a real browser."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup

from tests.support import html_pages

# Elements and attributes through which a page loads something (links <a> are navigation, not loads).
LOADING_ATTRIBUTES = {
    "script": ["src"],
    "link": ["href"],
    "img": ["src", "srcset"],
    "iframe": ["src"],
    "source": ["src", "srcset"],
    "object": ["data"],
    "embed": ["src"],
    "video": ["src", "poster"],
    "audio": ["src"],
    "track": ["src"],
    "image": ["href", "xlink:href"],
    "use": ["href", "xlink:href"],
}
# <link rel> values that do not load anything.
NON_LOADING_RELS = {"canonical", "alternate", "prev", "next", "author", "license"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")


def is_outside(url: str) -> bool:
    """True when the URL points to another host (absolute http(s) or protocol-relative)."""
    url = url.strip()
    if url.startswith("//"):
        return True
    return urlparse(url).scheme in {"http", "https", "ftp", "ws", "wss"}


def outside_loads_in_html(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for tag, attributes in LOADING_ATTRIBUTES.items():
        for element in soup.find_all(tag):
            if tag == "link" and set(element.get("rel") or []) <= NON_LOADING_RELS and element.get("rel"):
                continue
            for attribute in attributes:
                value = element.get(attribute)
                if not value:
                    continue
                candidates = [part.strip().split(" ")[0] for part in value.split(",")] if "srcset" in attribute else [value]
                found += [f"<{tag} {attribute}={c}>" for c in candidates if is_outside(c)]
    for style in soup.find_all("style"):
        found += outside_loads_in_css(style.get_text())
    for element in soup.find_all(style=True):
        found += outside_loads_in_css(element["style"])
    return found


def outside_loads_in_css(css: str) -> list[str]:
    return [f"url({m})" for groups in CSS_URL.findall(css) for m in groups if m and is_outside(m)]


def test_detector_catches_outside_resources():
    """The checks below would see an outside resource (guards against a detector that finds nothing)."""
    html = """<html><head><link rel="stylesheet" href="https://fonts.googleapis.com/css">
    <script src="//cdn.example.org/x.js"></script><style>@import "https://a.example/b.css";</style></head>
    <body><img src="https://example.org/a.png"><a href="https://example.org/">lien</a></body></html>"""
    assert len(outside_loads_in_html(html)) == 4
    assert outside_loads_in_css("a{background:url('https://x.example/i.png')}") == ["url(https://x.example/i.png)"]
    assert outside_loads_in_html('<link rel="canonical" href="https://site.example/">') == []


def test_no_page_loads_an_outside_resource(built_site):
    problems = {}
    for page in html_pages(built_site):
        found = outside_loads_in_html(page.read_text(encoding="utf-8"))
        if found:
            problems[str(page.relative_to(built_site))] = found
    assert not problems, f"ressources chargées depuis un autre serveur : {problems}"


def test_no_stylesheet_loads_an_outside_resource(built_site):
    problems = {}
    for css in built_site.rglob("*.css"):
        found = outside_loads_in_css(css.read_text(encoding="utf-8"))
        if found:
            problems[str(css.relative_to(built_site))] = found
    assert not problems, f"feuilles de style qui chargent une ressource extérieure : {problems}"


@pytest.mark.browser
def test_browser_requests_only_the_local_server(reader_tour):
    """Every page loaded in Chromium (the reader's tour, tests/tour.py), every request recorded: none may leave the
    local server (those that would are refused and listed)."""
    assert len(reader_tour) >= 25 and all(visit.requests for visit in reader_tour.values())
    outside = {visit.name: visit.outside for visit in reader_tour.values() if visit.outside}
    assert not outside, f"requêtes vers un autre serveur : {outside}"
