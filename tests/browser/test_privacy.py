"""Privacy, checked in Chromium as a reader uses the site: every page loaded, the search used (words, filter,
a result followed), a checklist ticked and reset, the colour theme switched. Then:

- no request ever left the local server (images, fonts, scripts, forge APIs, anything);
- no cookie (neither `document.cookie` nor the browser's cookie jar);
- the only browser storage is what docs/donnees-personnelles.md describes: the checklists' ticks and Material's
  colour theme preference, in localStorage; nothing in sessionStorage, IndexedDB, Cache Storage, no service worker.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest

from tests.support import ROOT, new_context

pytestmark = pytest.mark.browser

PRIVACY_PAGE = ROOT / "docs" / "donnees-personnelles.md"
# localStorage keys the site may write, each with the name under which docs/donnees-personnelles.md documents it.
ALLOWED_LOCAL_STORAGE = {
    # site.js, the checklists: "checklist:<page address>:<checklist id>" (macros/templates/checklist.html, data-ck-key)
    "checklist:adresse-de-la-page:identifiant-de-la-liste": re.compile(r"^checklist:[a-z0-9/._-]*:[a-z0-9-]+$"),
    # Material's palette toggle: "<site path>.__palette"
    "__palette": re.compile(r"^/[^\s]*\.__palette$"),
}
STORAGE_STATE = """async () => ({
  cookie: document.cookie,
  local: Object.keys(localStorage),
  session: Object.keys(sessionStorage),
  indexedDB: indexedDB.databases ? (await indexedDB.databases()).map(db => db.name) : [],
  caches: await caches.keys(),
  workers: navigator.serviceWorker ? (await navigator.serviceWorker.getRegistrations()).length : 0,
})"""


def test_allowed_storage_is_the_documented_storage():
    """Each storage entry the tests allow is named on the personal-data page, and each one the page names is
    allowed: the page and the tests say the same thing."""
    text = PRIVACY_PAGE.read_text(encoding="utf-8")
    for documented in ALLOWED_LOCAL_STORAGE:
        assert f"`{documented}`" in text, f"{PRIVACY_PAGE.name} ne documente pas l’entrée « {documented} »"
    section = text.split("## Ce que votre navigateur garde en mémoire", 1)[1].split("\n## ", 1)[0]
    named = set(re.findall(r"`([^`\s]+)`", section))
    assert named == set(ALLOWED_LOCAL_STORAGE), (
        f"{PRIVACY_PAGE.name} nomme {sorted(named)} ; les tests autorisent {sorted(ALLOWED_LOCAL_STORAGE)}"
    )
    assert "Aucun cookie" in text


def test_storage_check_rejects_unknown_keys():
    """The patterns accept the site's keys and nothing else (guards against a pattern that allows anything)."""

    def allowed(key):
        return any(p.match(key) for p in ALLOWED_LOCAL_STORAGE.values())

    assert allowed("checklist:fiches/reflexes-avant-de-publier/:avant-de-publier")
    assert allowed("/.__palette") and allowed("/porter-la-voix/.__palette")
    assert not allowed("_ga") and not allowed("/.__consent") and not allowed("checklist:x:Y Z")


def test_reading_searching_and_ticking_stays_local_and_leaves_no_cookie(reader_tour, site_server, browser):
    local = urlparse(site_server).netloc
    outside: list[str] = []
    context = new_context(browser, locale="fr-FR", viewport={"width": 1280, "height": 900})

    def record(route):
        url = route.request.url
        parts = urlparse(url)
        if parts.scheme not in {"data", "blob", "about"} and parts.netloc != local:
            outside.append(f"{route.request.frame.url} → {url}")
            route.abort()
        else:
            route.continue_()

    context.route("**/*", record)
    page = context.new_page()
    cookies_seen: list[str] = []
    try:
        # Every page: the reader's tour (tests/tour.py) opened each one and read its cookies
        cookies_seen += [f"{visit.name} : {visit.cookie}" for visit in reader_tour.values() if visit.cookie]
        outside += [f"{visit.name} → {url}" for visit in reader_tour.values() for url in visit.outside]

        # A checklist: tick, reset, tick again (the tick stays stored)
        page.goto(site_server + "fiches/reflexes-avant-de-publier/", wait_until="networkidle")
        page.wait_for_selector(".ck[data-ck-ready] .ck-tools")
        boxes = page.locator("input.ck-box")
        boxes.nth(0).check()
        boxes.nth(1).check()
        page.get_by_role("button", name="Tout décocher").click()
        boxes.nth(2).check()

        # The search: words, a type filter, then a result followed (instant navigation)
        page.evaluate("() => document.activeElement.blur()")
        page.keyboard.press("s")
        page.wait_for_function("() => window.pvSearch && window.pvSearch.ready")
        page.evaluate("() => window.pvSearch.ready.then(() => { window.pvSearch.lastSearch = null })")
        page.locator("#pv-search-input").press_sequentially("charte", delay=20)
        page.wait_for_function("() => window.pvSearch.lastSearch !== null && window.pvSearch.lastSearch.raw === 'charte'")
        page.evaluate("() => { window.pvSearch.lastSearch = null }")
        page.select_option("#pv-search-type", "Charte")
        page.wait_for_function("() => window.pvSearch.lastSearch !== null")
        page.locator("#pv-search-results a.md-search-result__link").first.click()
        page.wait_for_url(re.compile(r"/regles/charte-"))
        page.wait_for_load_state("networkidle")

        # The colour theme switch (Material remembers the choice)
        page.locator("label.md-header__button[for^='__palette']:visible").first.click()
        page.wait_for_function("() => Object.keys(localStorage).some(k => k.endsWith('.__palette'))")

        state = page.evaluate(STORAGE_STATE)
        jar = context.cookies()
    finally:
        context.close()

    assert not outside, "requêtes vers un autre serveur :\n" + "\n".join(outside)
    assert not cookies_seen and state["cookie"] == "", f"cookies lisibles par les pages : {cookies_seen or state['cookie']}"
    assert jar == [], f"cookies déposés : {jar}"
    unknown = [k for k in state["local"] if not any(p.match(k) for p in ALLOWED_LOCAL_STORAGE.values())]
    assert not unknown, f"entrées de localStorage non documentées dans {PRIVACY_PAGE.name} : {unknown}"
    assert any(k.startswith("checklist:") for k in state["local"]), "la coche de la liste n’a pas été enregistrée"
    assert state["session"] == [], f"sessionStorage utilisé : {state['session']}"
    assert state["indexedDB"] == [] and state["caches"] == [] and state["workers"] == 0, state
