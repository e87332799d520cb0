"""Hostile content stays inert: scripts, javascript: links and event-handler attributes written into YAML data (a
checklist) and front matter (title, description) are shown as text or dropped, never run.

Two layers, each checked on its own: the build's escaping (the site served WITHOUT any CSP by a plain server:
nothing may run), and the policy (the site served by nginx: nothing runs and nothing even reaches the policy,
which would show as a violation)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from bs4 import BeautifulSoup

from content.typography import fix_text
from deploy.local_nginx import LocalNginx
from tests.support import StaticServer, copy_project, html_pages, mkdocs_build

PAGE = "docs/fiches/reflexes-avant-de-publier.md"
PAGE_URL = "fiches/reflexes-avant-de-publier/"
CHECKLIST = "data/checklists/avant-de-publier.yml"

RUN = "window.__pwned=1;alert(1)"
TITLE = f'Réflexes </title><script>{RUN}</script><img src=x onerror="{RUN}"> piégés'
DESCRIPTION = f'Description piégée " onmouseover="{RUN}" autofocus onfocus="{RUN}" x=" <script>{RUN}</script> fin.'
ITEM = {
    "texte": f'Piège <script>{RUN}</script> <img src=x onerror="{RUN}"> [clic](javascript:{RUN}) **gras**',
    "pourquoi": f'<svg onload="{RUN}"></svg> [autre](JaVaScRiPt:{RUN}) <a href="javascript:{RUN}">lien</a>',
}
INTRO = f'Intro <script>{RUN}</script> <iframe src="javascript:{RUN}"></iframe> [x](javascript:{RUN})'
MARKER = "Piège"  # a harmless word of the payload, that must stay visible
PAYLOAD_WORDS = ("piégé", MARKER)  # title, description, checklist item: one of them is on every page that carries some


def front_matter_value(text: str, key: str, value: str) -> str:
    """Replace one front-matter line by a JSON string (valid YAML), whatever the payload's quotes."""
    new, count = re.subn(rf"^{key}: .*$", lambda _: f"{key}: {json.dumps(value, ensure_ascii=False)}", text, count=1, flags=re.MULTILINE)
    assert count == 1, f"pas de ligne « {key}: » dans {PAGE}"
    return new


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("projet-hostile"))
    page = project / PAGE
    text = front_matter_value(page.read_text(encoding="utf-8"), "title", TITLE)
    page.write_text(front_matter_value(text, "description", DESCRIPTION), encoding="utf-8")
    checklist_file = project / CHECKLIST
    checklist = yaml.safe_load(checklist_file.read_text(encoding="utf-8"))
    checklist["intro"] = INTRO
    checklist["items"].insert(0, ITEM)
    checklist_file.write_text(yaml.safe_dump(checklist, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert len(DESCRIPTION) <= 160

    site = tmp_path_factory.mktemp("site-hostile")
    result = mkdocs_build(project, site)
    if result.returncode != 0:
        pytest.fail(
            "La construction d'un site aux données piégées a échoué : le contenu hostile doit être affiché comme "
            f"du texte ou retiré, pas refusé par surprise.\n{result.stdout}\n{result.stderr}"
        )
    return site


@pytest.fixture(scope="module")
def carriers(hostile_site) -> dict[Path, set[tuple[str, str, str, str]]]:
    """Every page that carries the payload's words -> the places where it writes them (payload_places), read once."""
    found = {}
    for path in html_pages(hostile_site):
        html = path.read_text(encoding="utf-8")
        if any(word in html for word in PAYLOAD_WORDS):
            found[path] = payload_places(html)
    assert len(found) >= 3, found  # the page itself, its neighbours' navigation, the tags index
    return found


@pytest.fixture(scope="module")
def visited(hostile_site, carriers) -> list[Path]:
    """The pages the browser passes visit (representatives)."""
    return representatives(carriers, hostile_site / PAGE_URL / "index.html")


def test_payload_is_in_the_build(hostile_site, carriers, visited):
    """Guards the test: the modified page and its checklist are really built, with the payload's text; the pages
    the browser passes visit write the payload in every place any page does (head, navigation, article…)."""
    html = (hostile_site / PAGE_URL / "index.html").read_text(encoding="utf-8")
    assert MARKER in html and "Intro" in html and "Description piégée" in html
    places = {place for path in visited for place in carriers[path]}
    assert places == {place for found in carriers.values() for place in found}
    assert {"head", "nav", "article"} <= {region for region, *_ in places}, places
    print(f"{len(visited)} pages sur {len(carriers)} couvrent les {len(places)} endroits où la charge est écrite")


def test_no_payload_in_an_executable_place(hostile_site):
    problems = []
    for path in html_pages(hostile_site):
        name = path.relative_to(hostile_site).as_posix()
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for script in soup.find_all("script"):
            if "__pwned" in (script.string or ""):
                problems.append(f"{name} : <script> avec la charge")
        for element in soup.find_all(True):
            for attribute, value in element.attrs.items():
                text = " ".join(value) if isinstance(value, list) else str(value)
                if attribute.lower().startswith("on"):
                    problems.append(f"{name} : attribut {attribute} sur <{element.name}>")
                if attribute.lower() in {"href", "src", "action", "formaction"} and re.sub(r"\s", "", text).lower().startswith(
                    "javascript:"
                ):
                    problems.append(f"{name} : {attribute}={text[:40]}")
                if element.name == "meta" and attribute.lower() in {"autofocus", "x"}:
                    problems.append(f"{name} : attribut {attribute} ajouté à <meta> (guillemets non échappés)")
        for element in soup.find_all(["iframe", "svg", "img"]):
            if "__pwned" in str(element):
                problems.append(f"{name} : élément <{element.name}> créé par la charge")
    assert not problems, "\n".join(problems)


def test_payload_shows_as_text(hostile_site):
    soup = BeautifulSoup((hostile_site / PAGE_URL / "index.html").read_text(encoding="utf-8"), "html.parser")
    label = soup.find("label", class_="ck-label")
    assert label is not None and MARKER in label.get_text()
    assert "<script>" in label.get_text() or "script" not in label.get_text(), "charge ni affichée ni retirée"
    assert label.find("a") is None, "le lien javascript: est resté un lien"
    # The text arrives whole, as text, with the French typography every description gets (« 1 ;alert »).
    assert soup.find("meta", attrs={"name": "description"})["content"] == fix_text(DESCRIPTION)


# The parts of a page a place is named after (payload_places).
REGIONS = {"head", "header", "nav", "main", "article", "aside", "footer"}


def payload_places(html: str) -> set[tuple[str, str, str, str]]:
    """Where the payload's words are written in a page: (region, nearest class of the site or the theme, element,
    attribute or « texte »). The navigation of every page writes the title the same way: one place, however many
    pages carry it."""
    places = set()
    for element in BeautifulSoup(html, "html.parser").find_all(True):
        where = [name for name, value in element.attrs.items() if any(word in str(value) for word in PAYLOAD_WORDS)]
        if any(word in text for text in element.find_all(string=True, recursive=False) for word in PAYLOAD_WORDS):
            where.append("texte")
        for attribute in where:
            region = next((parent.name for parent in element.parents if parent.name in REGIONS), "")
            container = next(
                (
                    name
                    for parent in [element, *element.parents]
                    for name in parent.get("class", [])
                    if name.startswith(("md-", "pv-", "ck"))
                ),
                "",
            )
            places.add((region, container, element.name, attribute))
    return places


def representatives(carriers: dict[Path, set], page: Path) -> list[Path]:
    """The modified page, then each page that writes the payload in a place no page before it does: together they
    cover every place of every carrier (a browser pass over the 35 carriers would test the same places again)."""
    chosen, covered = [], set()
    for path in [page, *[carrier for carrier in carriers if carrier != page]]:
        if path == page or carriers[path] - covered:
            chosen.append(path)
            covered |= carriers[path]
    return chosen


class Reader:
    """A Chromium page that records dialogs, CSP violations and errors."""

    def __init__(self, browser):
        self.events: list[str] = []
        self.context = browser.new_context()
        self.context.expose_binding("__pvCspReport", lambda source, data: self.events.append(f"CSP {data}"))
        self.context.add_init_script(
            "document.addEventListener('securitypolicyviolation', e => window.__pvCspReport("
            "e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sample), true);"
        )
        self.page = self.context.new_page()
        self.page.on("dialog", self._dialog)
        self.page.on("pageerror", lambda error: self.events.append(f"exception : {error}"))

    def _dialog(self, dialog):
        self.events.append(f"boîte de dialogue : {dialog.message}")
        dialog.dismiss()

    def visit_everything(self, site: Path, base_url: str, pages: list[Path]) -> list[str]:
        """Every place where the payload is written (its title shows in other pages' navigation, its checklist on its
        own page…: `pages`, the representatives()), with the pointer and the focus over the checklist of the modified
        page; returns the pages where window.__pwned got set. A page without any of the payload's words has nothing to
        run."""
        pwned = []
        page = self.page
        for path in pages:
            relative = path.relative_to(site).as_posix()
            url = urljoin(base_url, relative[: -len("index.html")] if relative.endswith("index.html") else relative)
            page.goto(url, wait_until="load")
            page.wait_for_timeout(100)  # autofocus, image errors and Material's scripts have run by then
            if relative == PAGE_URL + "index.html":
                label = page.locator("label.ck-label").first
                label.hover()
                label.click()
                page.keyboard.press("Tab")
                page.wait_for_timeout(200)
            if page.evaluate("typeof window.__pwned") != "undefined":
                pwned.append(relative)
        # The modified page found through the search, its title and excerpt drawn in the results.
        page.goto(base_url, wait_until="networkidle")
        page.keyboard.press("s")
        page.locator("#pv-search-input").press_sequentially("piégés", delay=40)
        page.wait_for_timeout(1500)
        if page.evaluate("typeof window.__pwned") != "undefined":
            pwned.append("résultats de recherche")
        return pwned

    def close(self):
        self.context.close()


@pytest.mark.browser
def test_nothing_runs_even_without_any_policy(hostile_site, visited, browser):
    """The escaping alone: a plain server (no CSP at all) and nothing runs."""
    reader = Reader(browser)
    try:
        with StaticServer(hostile_site) as server:
            pwned = reader.visit_everything(hostile_site, server.url, visited)
    finally:
        reader.close()
    assert not pwned, f"la charge s'est exécutée sur : {pwned}"
    assert not [e for e in reader.events if e.startswith(("boîte", "exception"))], reader.events


@pytest.mark.browser
def test_nothing_runs_nor_knocks_on_the_policy_with_nginx(hostile_site, visited, browser):
    """Served by nginx with the shipped CSP: nothing runs and the policy never has to block anything."""
    reader = Reader(browser)
    try:
        with LocalNginx(hostile_site) as server:
            pwned = reader.visit_everything(hostile_site, server.url, visited)
    finally:
        reader.close()
    assert not pwned, f"la charge s'est exécutée sur : {pwned}"
    assert not reader.events, "\n".join(reader.events)
