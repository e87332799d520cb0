"""The navigation a reader sees, on every page: what `navigation.prune` and the build's speed-ups must keep.

Material's `navigation.prune` writes into each page only the visible part of the navigation (the build
steps make that cheaper still). These tests check, page by page, that the sidebar still holds what a reader needs:

- every top-level section of mkdocs.yml's nav (so that any part of the site is one click away);
- every page of the page's own section, and the titles of the sections that contain it;
- the current page, marked as active (Material's md-nav__link--active class or aria-current);
- navigation landmarks labelled in French (Material's French translations), nested lists labelled by their title.

Checked on the real site, and on a generated site with sections nested two levels deep (bench/sitegen.py), the
shape a large site takes.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from bench import sitegen
from content.urls import page_url
from engine.command import mkdocs_command, mkdocs_environment
from engine.compat import material_templates
from engine.config import read_config
from tests.support import ROOT, copy_project, mkdocs_build

BASE = "http://site.invalid/"


def french_labels() -> dict[str, str]:
    """Material's French labels of the landmarks (partials/languages/fr.html)."""
    text = (material_templates() / "partials" / "languages" / "fr.html").read_text(encoding="utf-8")
    return {key: value for key, value in re.findall(r'^\s*"([a-z.]+)":\s*"(.*)",?\s*$', text, flags=re.M)}


def _entries(items: list) -> list[tuple[str | None, object]]:
    """(title or None, path or list of children) for each item of a nav list."""
    out = []
    for item in items:
        if isinstance(item, str):
            out.append((None, item))
        else:
            ((title, value),) = item.items()
            out.append((title, value))
    return out


def expectations(config: Path) -> tuple[list[str], dict[str, dict]]:
    """Top-level titles, and for each page: its section's pages and the titles of the sections containing it."""
    nav = read_config(config)["nav"]
    top_titles = [title for title, _ in _entries(nav) if title]
    pages: dict[str, dict] = {}

    def walk(items: list, ancestors: list[str]) -> None:
        siblings = [value for _, value in _entries(items) if isinstance(value, str)]
        for title, value in _entries(items):
            if isinstance(value, str):
                pages[value] = {"siblings": siblings if ancestors else [], "ancestors": ancestors}
            else:
                walk(value, [*ancestors, title])

    walk(nav, [])
    return top_titles, pages


def _html(site: Path, src: str) -> Path:
    return site / page_url(src) / "index.html" if page_url(src) else site / "index.html"


def _target(page: str, href: str) -> str:
    """Site path (as page_url gives it) of a link found on the page at URL `page`."""
    path = urlsplit(urljoin(BASE + page, href)).path
    return path.removeprefix("/")


def _text(element) -> str:
    return " ".join(element.get_text(" ", strip=True).split())


def navigation_problems(site: Path, config: Path) -> list[str]:
    labels = french_labels()
    top_titles, pages = expectations(config)
    problems: list[str] = []
    for src, expected in pages.items():
        url = page_url(src)
        soup = BeautifulSoup(_html(site, src).read_text(encoding="utf-8"), "html.parser")
        where = f"{src} :"
        primary = soup.select_one("nav.md-nav--primary")
        if primary is None:
            problems.append(f"{where} pas de navigation principale")
            continue
        if primary.get("aria-label") != labels["nav"]:
            problems.append(f"{where} navigation principale étiquetée « {primary.get('aria-label')} » au lieu de « {labels['nav']} »")
        # Top-level sections: the text of the first level of the list.
        first_level = primary.select_one("ul.md-nav__list")
        shown = [_text(li.find(["a", "label", "div"], recursive=True)) for li in first_level.find_all("li", recursive=False)]
        for title in top_titles:
            if not any(text.startswith(" ".join(title.split())) for text in shown):
                problems.append(f"{where} la rubrique « {title} » manque au premier niveau de la navigation")
        # The page's own section: every page, and the titles of the sections that contain it.
        targets = {_target(url, a["href"]) for a in primary.select("a.md-nav__link[href]")}
        for sibling in expected["siblings"]:
            if page_url(sibling) not in targets:
                problems.append(f"{where} la page « {sibling} » de sa rubrique manque dans la navigation")
        texts = {_text(node) for node in primary.select(".md-nav__link, .md-nav__title")}
        for title in expected["ancestors"]:
            if " ".join(title.split()) not in texts:
                problems.append(f"{where} le titre de sa rubrique « {title} » manque dans la navigation")
        # The current page, marked as active.
        active = [a for a in primary.select("a.md-nav__link--active[href], a[aria-current=page][href]") if _target(url, a["href"]) == url]
        if not active:
            problems.append(f"{where} la page courante n’est pas marquée comme active dans la navigation")
        # Landmarks labelled in French.
        for selector, key in (("nav.md-header__inner", "header"), ("nav.md-footer__inner", "footer")):
            for nav in soup.select(selector):
                if nav.get("aria-label") != labels[key]:
                    problems.append(f"{where} {selector} étiqueté « {nav.get('aria-label')} » au lieu de « {labels[key]} »")
        for nav in soup.select("nav.md-path"):
            if not nav.get("aria-label") or nav.get("aria-label") == primary.get("aria-label"):
                problems.append(f"{where} le fil d’Ariane doit avoir sa propre étiquette, distincte de « {primary.get('aria-label')} »")
        for toc in soup.select("nav.md-nav--secondary"):
            if not toc.get("aria-label"):
                problems.append(f"{where} table des matières sans étiquette")
        for tags in soup.select("nav.md-tags"):
            if tags.get("aria-label") != "Étiquettes de la page":
                problems.append(f"{where} liste des étiquettes étiquetée « {tags.get('aria-label')} »")
    return problems


def test_every_page_shows_its_section_and_the_top_level(built_site):
    problems = navigation_problems(built_site, ROOT / "mkdocs.yml")
    assert not problems, "\n".join(problems[:30])


@pytest.mark.browser
def test_nested_navigation_lists_have_a_name_in_the_browser(site_server, browser):
    """Material names a section's sub-navigation with an icon-only label (nothing for a screen reader to read);
    site.js names it after the section. Checked where readers meet it: in Chromium, on a page of each section."""
    page = browser.new_page()
    unnamed = {}
    for path in ("", "fiches/profil-linkedin/", "regles/obligations-des-agents/", "attractivite/loi-oubliee-de-newton/"):
        page.goto(site_server + path, wait_until="networkidle")
        missing = page.evaluate(
            """() => [...document.querySelectorAll("nav.md-nav--primary nav.md-nav")].filter(nav => {
                 const byLabel = (nav.getAttribute("aria-label") || "").trim();
                 const ref = nav.getAttribute("aria-labelledby");
                 const byRef = ref ? (document.getElementById(ref)?.textContent || "").trim() : "";
                 return !byLabel && !byRef;
               }).length"""
        )
        if missing:
            unnamed[path or "/"] = missing
    page.close()
    assert not unnamed, f"sous-navigations sans nom accessible : {unnamed}"


@pytest.fixture(scope="module")
def nested_site(tmp_path_factory) -> tuple[Path, Path]:
    """A generated site whose sections are nested two levels deep (5 pages a section, 3 sections a level)."""
    work = tmp_path_factory.mktemp("nested")
    content = sitegen.generate(80, section_cap=5, fanout=3)
    project = sitegen.write_project(content, work / "projet")
    site = work / "site"
    result = mkdocs_build(project, site)
    if result.returncode != 0:
        pytest.fail(f"La construction du site généré a échoué :\n{result.stderr[-3000:]}")
    return project, site


def test_nested_sections_keep_the_reader_navigation(nested_site):
    project, site = nested_site
    _, pages = expectations(project / "mkdocs.yml")
    assert any(len(p["ancestors"]) >= 3 for p in pages.values()), "le site généré devrait avoir des rubriques imbriquées"
    problems = navigation_problems(site, project / "mkdocs.yml")
    assert not problems, "\n".join(problems[:30])


def test_pruned_sections_lead_to_their_first_page(nested_site):
    """A collapsed (pruned) section is a link to its first page, as Material writes it."""
    project, site = nested_site
    soup = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    pruned = soup.select("nav.md-nav--primary li.md-nav__item--pruned > a.md-nav__link[href]")
    assert pruned, "la page d’accueil devrait montrer des rubriques repliées"
    for link in pruned:
        target = site / _target("", link["href"]) / "index.html"
        assert target.is_file(), f"la rubrique repliée « {_text(link)} » mène à une page qui n’existe pas : {link['href']}"


def test_quick_rebuild_keeps_the_navigation_titles(tmp_path):
    """`make serve` rebuilds only the edited page (--dirty): its navigation still names every other page."""
    project = copy_project(tmp_path / "projet")
    site = tmp_path / "site"
    first = mkdocs_build(project, site)
    assert first.returncode == 0, first.stderr[-3000:]
    page = project / "docs" / "fiches" / "profil-linkedin.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("## En bref\n", "## En bref\n\nPhrase ajoutée pour l’aperçu.\n", 1), encoding="utf-8"
    )
    second = subprocess.run(
        mkdocs_command("build", "--dirty", "--site-dir", str(site)),
        cwd=project,
        env=mkdocs_environment(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert second.returncode == 0, second.stderr[-3000:]
    soup = BeautifulSoup((site / "fiches" / "profil-linkedin" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert "Phrase ajoutée pour l’aperçu" in soup.get_text()
    texts = [_text(a) for a in soup.select("nav.md-nav--primary a.md-nav__link, nav.md-footer__inner a")]
    assert texts and not [t for t in texts if t in ("", "None")], texts
    assert "Relayer une offre d’emploi" in texts, texts
