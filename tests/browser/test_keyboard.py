"""Keyboard use of the built site (RGAA 4 themes 10 and 12, WCAG 2.1.1, 2.4.3, 2.4.7, 1.4.11): the skip link on every
page, a visible focus ring on every control reached with Tab (light and dark themes), no trap, the menu of small or
zoomed-in screens, focus after instant navigation, the search results. Uses the session fixtures of tests/conftest.py.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.a11y_support import FOCUS_STATE, MIN_RING_CONTRAST, NO_TRANSITIONS, WIDTHS, goto
from tests.support import new_context

# Representative pages for the keyboard walk: home, an article of a series, a memo sheet with a checklist, the
# infographic, the editors' page (code, tabs, a demo checklist), the tags index and the 404 page.
KEYBOARD_PAGES = [
    "",
    "attractivite/loi-oubliee-de-newton/",
    "fiches/profil-linkedin/",
    "dispositif-gagnant-gagnant/",
    "contribuer/conventions/",
    "etiquettes/",
    "404.html",
]
# Every element a keyboard user should be able to reach with Tab (focusable, shown, not taken out on purpose):
# marked before the walk; MISSED lists those the walk did not reach.
TABBABLE = """() => [...document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex], label[role=button]')]
  .filter(el => !el.disabled && el.tabIndex >= 0 && el.checkVisibility({visibilityProperty: true})
                && !(el.type === "radio" && el !== (document.querySelector(`input[type=radio][name="${el.name}"]:checked`)
                                                     || document.querySelector(`input[type=radio][name="${el.name}"]`)))
                && !el.closest("[inert]"))
  .map(el => el.setAttribute("data-pv-expect", "")).length"""
# The dark theme changes colours only: the Tab order, traps and missed controls are those of the light walk. There,
# each control reached is focused again in the page, as the keyboard shows it (focusVisible), and its ring measured;
# a ring that fails is measured again once Material's sticky sidebars have settled, as in the light walk.
RINGS_IN_PAGE = """async ([measure, least]) => {
  const state = eval(measure);
  const found = [];
  for (const el of document.querySelectorAll("[data-pv-expect]")) {
    el.focus({focusVisible: true});
    if (document.activeElement !== el) continue;
    let seen = state();
    if (!(seen.visible && seen.outline && seen.ratio >= least)) {
      await new Promise(done => setTimeout(done, 150));
      seen = state();
    }
    found.push(seen);
  }
  return found;
}"""
MISSED = """() => [...document.querySelectorAll("[data-pv-expect]:not([data-pv-seen])")]
  .map(el => `<${el.tagName.toLowerCase()}.${el.className}> « ${(el.getAttribute("aria-label") || el.innerText || "").trim().slice(0, 40)} »`)"""


# --------------------------------------------------------------------------------------------------
# Keyboard
# --------------------------------------------------------------------------------------------------
@pytest.mark.browser
def test_skip_link_is_first_visible_and_leads_to_the_content(reader_tour):
    """On every page, the first Tab shows « Aller au contenu »; following it puts the next Tab in the article
    (checked during the reader's tour, tests/tour.py, in a fresh tab for each page)."""
    problems = [f"{visit.name} : {visit.skip_link}" for visit in reader_tour.values() if visit.skip_link]
    assert not problems, "\n".join(problems)


def _ring_ok(state: dict) -> bool:
    return state["visible"] and state["outline"] and state["ratio"] >= MIN_RING_CONTRAST


def _walk(page, limit: int) -> tuple[list[dict], str | None]:
    """Press Tab until focus leaves the page or comes back to a control already seen. Returns the controls in
    order (each measured in the page's colour scheme) and, if focus got stuck in a loop, a description of the trap."""
    seen: list[dict] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if state is None:  # past the last control: focus went back to the browser
            return seen, None
        if not _ring_ok(state) and int(state["seen"]) == len(seen):
            page.wait_for_timeout(150)  # Material resizes its sticky sidebars after scrolling: measure once settled
            state = page.evaluate(FOCUS_STATE)
        if int(state["seen"]) < len(seen):
            if state["seen"] == "0":
                return seen, None  # a full cycle
            return seen, f"le focus tourne en rond : retour à {state['name']} après {seen[-1]['name']}"
        seen.append(state)
    return seen, f"plus de {limit} arrêts de Tabulation sans revenir au début : piège au clavier ?"


def _walk_page(page, url: str, scheme: str, where: str) -> tuple[list[dict], list[str]]:
    """Load `url` in `scheme` (the system preference, which Material follows) and check its focus rings. Light: walk
    it with Tab; the controls reached, and what is wrong (trap, control focused off screen or with a faint ring,
    control never reached). Dark: the same controls focused in turn within the page (RINGS_IN_PAGE)."""
    page.emulate_media(color_scheme=scheme)
    goto(page, url, scheme)
    page.add_style_tag(content=NO_TRANSITIONS)
    expected = page.evaluate(TABBABLE)
    if scheme == "dark":
        walked, trap = page.evaluate(RINGS_IN_PAGE, [FOCUS_STATE, MIN_RING_CONTRAST]), None
    else:
        walked, trap = _walk(page, limit=expected + 20)
    problems = [f"{where} : {trap}"] if trap else []
    for state in walked:
        if not state["visible"]:
            problems.append(f"{where} : {state['name']} reçoit le focus sans être visible à l’écran")
        elif not _ring_ok(state):
            problems.append(f"{where} : focus peu visible sur {state['name']} (contour {state['ratio']}:1)")
    missed = page.evaluate(MISSED)
    if not trap and missed:
        problems.append(f"{where} : jamais atteint(s) au clavier : {', '.join(missed[:5])}")
    return walked, problems


@pytest.mark.browser
@pytest.mark.parametrize("width", list(WIDTHS), ids=list(WIDTHS))
def test_focus_is_visible_on_every_control_and_never_trapped(browser, site_server, width):
    """Tab from the top of the page to its end: every control shows a ring (2 px or more, 3:1 against what is behind
    it) while on screen; focus neither loops nor misses a control that is shown. Then the same rings in the dark
    theme, the page loaded in it (switching the theme at every stop would restyle the whole page twice per stop),
    each control focused in the page as the keyboard would: the Tab order does not depend on colours."""
    context = new_context(browser, color_scheme="light", locale="fr-FR", viewport={"width": WIDTHS[width], "height": 900})
    page = context.new_page()
    problems = []
    measured: list[tuple[float, float]] = []  # (light, dark) contrast of each ring seen
    try:
        for path in KEYBOARD_PAGES:
            walks = {
                scheme: _walk_page(page, site_server + path, scheme, f"{path or 'accueil'} ({width}, {scheme})")
                for scheme in ("light", "dark")
            }
            (light, light_problems), (dark, dark_problems) = walks["light"], walks["dark"]
            problems += light_problems + dark_problems
            # The same control in both themes (controls that come and go with scrolling, such as « Revenir en haut
            # de la page », may be met in one walk only).
            dark_ratios = {state["name"]: state["ratio"] for state in dark if state["visible"]}
            measured += [
                (state["ratio"], dark_ratios[state["name"]]) for state in light if state["visible"] and state["name"] in dark_ratios
            ]
    finally:
        context.close()
    assert len(measured) >= 100, f"{len(measured)} contrôles mesurés dans les deux thèmes"
    assert any(light != dark for light, dark in measured), (
        "les deux thèmes donnent les mêmes contrastes : la mesure du thème sombre ne change rien"
    )
    assert not problems, "\n".join(problems)


@pytest.mark.browser
def test_menu_of_small_screens_works_with_the_keyboard(browser, site_server):
    """Phone width (or a desktop zoomed to 200 % and more): the menu button is a real button; Enter opens the menu
    and moves focus into it; every link of the menu is then visible; Escape closes it and gives focus back."""
    context = new_context(browser, locale="fr-FR", viewport={"width": 390, "height": 800})
    page = context.new_page()
    try:
        goto(page, site_server + "fiches/profil-linkedin/")
        page.add_style_tag(content=NO_TRANSITIONS)
        menu = page.get_by_role("button", name="Menu du site")
        assert menu.count() == 1, "le bouton du menu n’est pas un bouton nommé « Menu du site »"
        assert menu.get_attribute("aria-expanded") == "false"
        closed = page.evaluate("() => getComputedStyle(document.querySelector('.md-sidebar--primary')).visibility")
        assert closed == "hidden", "menu fermé : ses liens ne doivent pas recevoir le focus hors de l’écran"

        page.keyboard.press("Tab")  # skip link
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.getAttribute('aria-label')") == "Menu du site"
        page.keyboard.press("Enter")
        assert menu.get_attribute("aria-expanded") == "true"
        assert page.evaluate("() => document.getElementById('__drawer').checked")
        first = page.evaluate(FOCUS_STATE)
        in_menu = page.evaluate("() => !!document.activeElement.closest('.md-sidebar--primary')")
        assert first and first["visible"] and in_menu, f"le focus n’est pas dans le menu : {first}"
        links = page.locator(".md-sidebar--primary a.md-nav__link[href]")
        hidden = [links.nth(i).inner_text().strip() for i in range(links.count()) if not links.nth(i).is_visible()]
        assert not hidden, f"liens du menu ouvert qui ne s’affichent pas : {hidden}"
        for _ in range(3):
            page.keyboard.press("Tab")
            state = page.evaluate(FOCUS_STATE)
            assert state["visible"] and state["outline"], state
        page.keyboard.press("Escape")
        assert not page.evaluate("() => document.getElementById('__drawer').checked"), "Échap doit fermer le menu"
        assert page.evaluate("() => document.activeElement.getAttribute('aria-label')") == "Menu du site"

        page.set_viewport_size({"width": 1280, "height": 800})  # wide screen: the sidebar is shown, no menu button
        assert not menu.is_visible(), "le bouton du menu ne doit pas apparaître quand la navigation est affichée"
    finally:
        context.close()


@pytest.mark.browser
def test_after_instant_navigation_focus_is_on_the_new_page_title(browser, site_server):
    """A link followed with the keyboard loads the next page without reloading (Material's instant navigation):
    focus then goes to the new page's title, as a screen reader user expects, not back to where the link was."""
    context = new_context(browser, locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        goto(page, site_server + "fiches/", settled=True)
        page.evaluate("() => { window.__sameDocument = true }")
        link = page.locator('.md-content a[href$="fiches/profil-linkedin/"]').first
        link.focus()
        page.keyboard.press("Enter")
        page.wait_for_url("**/fiches/profil-linkedin/")
        try:
            page.wait_for_function("() => document.activeElement && document.activeElement.tagName === 'H1'", timeout=5000)
        except PlaywrightTimeout:
            pytest.fail(
                "après la navigation, le focus n’est pas sur le titre de la nouvelle page : "
                + page.evaluate("() => document.activeElement.outerHTML.slice(0, 80)")
            )
        assert page.evaluate("() => window.__sameDocument"), "la page a été rechargée : navigation instantanée inactive ?"
        assert "profil LinkedIn" in page.evaluate("() => document.activeElement.textContent")
        page.keyboard.press("Tab")
        assert page.evaluate("() => !!document.activeElement.closest('.md-content')")
    finally:
        context.close()


@pytest.mark.browser
def test_search_results_are_reached_and_shown_with_the_keyboard(browser, site_server):
    context = new_context(browser, locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        goto(page, site_server + "fiches/")
        page.add_style_tag(content=NO_TRANSITIONS)
        page.keyboard.press("/")
        page.wait_for_function("() => window.pvSearch && window.pvSearch.ready")
        page.evaluate("() => window.pvSearch.ready.then(() => { window.pvSearch.lastSearch = null })")
        page.keyboard.type("linkedin", delay=20)
        page.wait_for_function("() => window.pvSearch.lastSearch !== null && window.pvSearch.lastSearch.raw === 'linkedin'")
        page.keyboard.press("ArrowDown")
        for _ in range(3):
            state = page.evaluate(FOCUS_STATE)
            assert state and state["visible"] and state["outline"] and state["ratio"] >= MIN_RING_CONTRAST, state
            assert "md-search-result__link" in state["name"], state
            page.keyboard.press("ArrowDown")
        page.keyboard.press("Escape")
        assert not page.evaluate("() => document.getElementById('__search').checked")
    finally:
        context.close()
