"""Accessibility of the built site, checked on every page as a reader meets it (RGAA 4, WCAG 2.1 AA).

- axe-core (pinned in package.json) on every page, light and dark themes; again with the search open (desktop and
  phone widths) and after ticking and resetting every checklist;
- keyboard: the skip link on every page, a visible focus ring on every control reached with Tab, no trap, the
  menu of small or zoomed-in screens usable with the keyboard;
- structure, read from the built HTML: one h1, headings in order, French language, images with an alternative.

What no automatic test can judge (relevance of alternatives, reading order, clarity…) is listed on
docs/accessibilite.md. Uses the session fixtures of tests/conftest.py (`built_site`, `site_server`, `browser`).
"""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.a11y_support import AXE_VERSION, axe_source, describe, page_paths, run_axe, wait_for_scheme
from tests.support import ROOT

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
WIDTHS = {"bureau": 1280, "mobile": 390}
# Transitions off while measuring: a focus ring or a skip link is judged in its final state, not mid-fade.
NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; animation: none !important; }"
MIN_RING_CONTRAST = 3.0  # WCAG 1.4.11: a focus indicator contrasts at least 3:1 with what surrounds it

# The element that has focus, how its focus ring looks and what is behind it. Material's palette switches are
# hidden radio buttons whose label shows the ring.
FOCUS_STATE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const ring = (el.matches(".md-option") && el.nextElementSibling) || el;
  const style = getComputedStyle(ring);
  const parse = text => {
    const m = /rgba?\\(([^)]+)\\)/.exec(text || "");
    if (!m) return null;
    const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top, bottom) => [0, 1, 2].map(i => top[i] * top[3] + bottom[i] * (1 - top[3])).concat([1]);
  // What the ring is drawn on: the element itself when the ring is inside it (negative offset), otherwise what
  // is shown just outside the ring (positioned elements such as the skip link float over other parts).
  const box = ring.getBoundingClientRect();
  const gap = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth) + 2;
  let start = ring.parentElement;
  if (parseFloat(style.outlineOffset) < 0) {
    start = ring;
  } else {
    const x = box.left - gap >= 0 ? box.left - gap : box.right + gap;
    const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
    const under = document.elementsFromPoint(x, y).find(e => e !== ring && !ring.contains(e));
    if (under) start = under;
  }
  const layers = [];
  for (let node = start; node; node = node.parentElement) {
    const bg = parse(getComputedStyle(node).backgroundColor);
    if (bg && bg[3] > 0) { layers.push(bg); if (bg[3] >= 1) break; }
  }
  let behind = [255, 255, 255, 1];
  for (const layer of layers.reverse()) behind = over(layer, behind);
  const color = parse(style.outlineColor);
  const lum = c => {
    const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const shown = color ? over(color, behind) : behind;
  const ratio = (Math.max(lum(shown), lum(behind)) + 0.05) / (Math.min(lum(shown), lum(behind)) + 0.05);
  let opacity = 1;
  for (let node = ring; node; node = node.parentElement) opacity *= parseFloat(getComputedStyle(node).opacity);
  const onScreen = box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0
                   && box.left < innerWidth && box.top < innerHeight;
  if (!el.hasAttribute("data-pv-seen")) el.setAttribute("data-pv-seen", String(document.querySelectorAll("[data-pv-seen]").length));
  const label = (el.getAttribute("aria-label") || el.innerText || el.value || el.getAttribute("title") || "").trim();
  return {
    seen: el.getAttribute("data-pv-seen"),
    name: `<${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\\s+/).filter(c => c !== "focus-visible").join(".") : ""}> « ${label.replace(/\\s+/g, " ").slice(0, 40)} »`,
    outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
    ratio: Math.round(ratio * 100) / 100,
    visible: onScreen && style.visibility === "visible" && opacity > 0.5,
  };
}"""

# Every element a keyboard user should be able to reach with Tab (focusable, shown, not taken out on purpose):
# marked before the walk; MISSED lists those the walk did not reach.
TABBABLE = """() => [...document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex], label[role=button]')]
  .filter(el => !el.disabled && el.tabIndex >= 0 && el.checkVisibility({visibilityProperty: true})
                && !(el.type === "radio" && el !== (document.querySelector(`input[type=radio][name="${el.name}"]:checked`)
                                                     || document.querySelector(`input[type=radio][name="${el.name}"]`)))
                && !el.closest("[inert]"))
  .map(el => el.setAttribute("data-pv-expect", "")).length"""
MISSED = """() => [...document.querySelectorAll("[data-pv-expect]:not([data-pv-seen])")]
  .map(el => `<${el.tagName.toLowerCase()}.${el.className}> « ${(el.getAttribute("aria-label") || el.innerText || "").trim().slice(0, 40)} »`)"""


@pytest.fixture(scope="module")
def axe() -> str:
    return axe_source()


def _goto(page, url: str, scheme: str | None = None, *, settled: bool = False) -> None:
    """Load `url`; `settled`: also wait for the network to rest, as a reader who clicks after a second does —
    Material's instant navigation handles clicks (the skip link's too) once its sitemap has arrived."""
    page.goto(url, wait_until="networkidle" if settled else "load")
    if scheme:
        wait_for_scheme(page, scheme)


# --------------------------------------------------------------------------------------------------
# axe-core
# --------------------------------------------------------------------------------------------------
def test_axe_version_is_pinned():
    """package.json pins axe-core exactly (no range), package-lock.json and node_modules agree."""
    declared = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]["axe-core"]
    locked = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))["packages"]["node_modules/axe-core"]["version"]
    assert declared == AXE_VERSION, f"package.json doit épingler axe-core {AXE_VERSION} exactement (trouvé « {declared} »)"
    assert locked == AXE_VERSION, f"package-lock.json installe axe-core {locked} au lieu de {AXE_VERSION}"
    axe_source()  # installs node_modules when missing
    installed = json.loads((ROOT / "node_modules" / "axe-core" / "package.json").read_text(encoding="utf-8"))["version"]
    assert installed == AXE_VERSION, f"node_modules contient axe-core {installed} : lancez `npm ci`"


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_on_any_page(browser, built_site, site_server, axe, scheme):
    """WCAG 2.0/2.1 A and AA rules and the RGAA-tagged rules of axe-core, on every page of the site."""
    context = browser.new_context(color_scheme=scheme, locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems: list[str] = []
    paths = page_paths(built_site)
    assert len(paths) >= 25, paths
    try:
        for path in paths:
            _goto(page, site_server + path, scheme)
            problems += describe(run_axe(page, axe), path or "accueil")
    finally:
        context.close()
    assert not problems, f"axe ({scheme}), {len(problems)} violation(s) :\n" + "\n".join(problems)


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", list(WIDTHS), ids=list(WIDTHS))
def test_axe_finds_nothing_with_the_search_open(browser, site_server, axe, scheme, width):
    """The whole page (dialog, results, filters and what is behind) with a search shown, at both widths."""
    context = browser.new_context(color_scheme=scheme, locale="fr-FR", viewport={"width": WIDTHS[width], "height": 900})
    page = context.new_page()
    problems: list[str] = []
    try:
        for path in ["", "fiches/reflexes-avant-de-publier/"]:
            _goto(page, site_server + path, scheme)
            page.add_style_tag(content=NO_TRANSITIONS)
            page.keyboard.press("s")
            page.wait_for_function("() => window.pvSearch && window.pvSearch.ready")
            page.evaluate("() => window.pvSearch.ready.then(() => { window.pvSearch.lastSearch = null })")
            page.locator("#pv-search-input").press_sequentially("charte", delay=20)
            page.wait_for_function("() => window.pvSearch.lastSearch !== null && window.pvSearch.lastSearch.raw === 'charte'")
            assert page.locator("#pv-search-results li").count() > 0, "la recherche n’a rien affiché"
            assert page.evaluate("() => document.getElementById('__search').checked")
            problems += describe(run_axe(page, axe), f"{path or 'accueil'} (recherche ouverte)")
    finally:
        context.close()
    assert not problems, f"axe ({scheme}, {width}) :\n" + "\n".join(problems)


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_after_using_the_checklists(browser, built_site, site_server, axe, scheme):
    """Every page with a checklist, after ticking boxes (count updated), then after « Tout décocher »."""
    context = browser.new_context(color_scheme=scheme, locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    pages = [
        p
        for p in page_paths(built_site)
        if 'class="ck"' in (built_site / (p + "index.html" if p.endswith("/") or not p else p)).read_text(encoding="utf-8")
    ]
    assert len(pages) >= 7, pages
    problems: list[str] = []
    try:
        for path in pages:
            _goto(page, site_server + path, scheme)
            # Ticking scrolls the page, which fades the header title in: axe must see the end state, not the fade.
            page.add_style_tag(content=NO_TRANSITIONS)
            page.wait_for_selector(".ck-tools:not([hidden])")
            boxes = page.locator("input.ck-box")
            boxes.first.check()
            boxes.last.check()
            page.keyboard.press("Tab")  # focus somewhere in the list, as a keyboard user leaves it
            problems += describe(run_axe(page, axe), f"{path} (cases cochées)")
            page.get_by_role("button", name="Tout décocher").first.click()
            problems += describe(run_axe(page, axe), f"{path} (après « Tout décocher »)")
    finally:
        context.close()
    assert not problems, f"axe ({scheme}) :\n" + "\n".join(problems)


# --------------------------------------------------------------------------------------------------
# Keyboard
# --------------------------------------------------------------------------------------------------
@pytest.mark.browser
def test_skip_link_is_first_visible_and_leads_to_the_content(browser, built_site, site_server):
    """On every page, the first Tab shows « Aller au contenu »; following it puts the next Tab in the article."""
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    problems = []
    try:
        for path in page_paths(built_site):
            page = context.new_page()  # a fresh tab each time: a reader arriving on the page
            _goto(page, site_server + path, settled=True)
            page.add_style_tag(content=NO_TRANSITIONS)
            page.keyboard.press("Tab")
            state = page.evaluate(FOCUS_STATE)
            skip = page.evaluate("""() => { const el = document.activeElement;
                return el && el.matches("a.md-skip") ? {text: el.textContent.trim(), href: el.getAttribute("href")} : null }""")
            if skip is None or skip["text"] != "Aller au contenu":
                problems.append(
                    f"{path or 'accueil'} : le premier arrêt de Tabulation n’est pas le lien « Aller au contenu » ({state and state['name']})"
                )
                continue
            if not (state["visible"] and state["outline"]):
                problems.append(f"{path or 'accueil'} : le lien d’évitement n’est pas visible quand il a le focus")
            target = skip["href"].split("#", 1)[-1]
            if not page.evaluate("id => !!document.getElementById(id)?.closest('.md-content')", target):
                problems.append(f"{path or 'accueil'} : le lien d’évitement mène à « #{target} », hors du contenu principal")
                continue
            landed = _follow_skip_link(page, target)
            if landed is not None:  # one more try from a fresh load: Material's scroll handling has a rare race
                _goto(page, site_server + path, settled=True)
                page.keyboard.press("Tab")
                landed = _follow_skip_link(page, target)
            if landed is not None:
                problems.append(f"{path or 'accueil'} : après le lien d’évitement, Tabulation va sur {landed}, hors du contenu")
            page.close()
    finally:
        context.close()
    assert not problems, "\n".join(problems)


def _follow_skip_link(page, target: str) -> str | None:
    """Press Enter on the focused skip link, then Tab. None when focus is then in the page's content, otherwise
    where it went."""
    page.keyboard.press("Enter")
    try:  # Material's instant navigation handles the click, then follows the anchor: :target is set then
        page.wait_for_function("id => document.querySelector(':target') === document.getElementById(id)", arg=target, timeout=3000)
    except PlaywrightTimeout:
        return f"(l’ancre #{target} n’a pas été suivie)"
    page.keyboard.press("Tab")
    if page.evaluate("() => !!document.activeElement.closest('.md-content')"):
        return None
    landed = page.evaluate(FOCUS_STATE)
    return landed["name"] if landed else "(rien)"


def _ring_ok(state: dict) -> bool:
    return state["visible"] and state["outline"] and state["ratio"] >= MIN_RING_CONTRAST


def _walk(page, limit: int) -> tuple[list[dict], str | None]:
    """Press Tab until focus leaves the page or comes back to a control already seen. Returns the controls in
    order and, if focus got stuck in a loop, a description of the trap."""
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


@pytest.mark.browser
@pytest.mark.parametrize("width", list(WIDTHS), ids=list(WIDTHS))
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_focus_is_visible_on_every_control_and_never_trapped(browser, site_server, width, scheme):
    """Tab from the top of the page to its end: every control shows a ring (2 px or more, 3:1 against what is
    behind it) while on screen; focus neither loops nor misses a control that is shown."""
    context = browser.new_context(color_scheme=scheme, locale="fr-FR", viewport={"width": WIDTHS[width], "height": 900})
    page = context.new_page()
    problems = []
    try:
        for path in KEYBOARD_PAGES:
            _goto(page, site_server + path, scheme)
            page.add_style_tag(content=NO_TRANSITIONS)
            expected = page.evaluate(TABBABLE)
            walked, trap = _walk(page, limit=expected + 20)
            where = f"{path or 'accueil'} ({width}, {scheme})"
            if trap:
                problems.append(f"{where} : {trap}")
            for state in walked:
                if not state["visible"]:
                    problems.append(f"{where} : {state['name']} reçoit le focus sans être visible à l’écran")
                elif not _ring_ok(state):
                    problems.append(f"{where} : focus peu visible sur {state['name']} (contour {state['ratio']}:1)")
            missed = page.evaluate(MISSED)
            if not trap and missed:
                problems.append(f"{where} : jamais atteint(s) au clavier : {', '.join(missed[:5])}")
    finally:
        context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.browser
def test_menu_of_small_screens_works_with_the_keyboard(browser, site_server):
    """Phone width (or a desktop zoomed to 200 % and more): the menu button is a real button; Enter opens the menu
    and moves focus into it; every link of the menu is then visible; Escape closes it and gives focus back."""
    context = browser.new_context(locale="fr-FR", viewport={"width": 390, "height": 800})
    page = context.new_page()
    try:
        _goto(page, site_server + "fiches/profil-linkedin/")
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
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        _goto(page, site_server + "fiches/", settled=True)
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
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        _goto(page, site_server + "fiches/")
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


# --------------------------------------------------------------------------------------------------
# Structure, in the built HTML
# --------------------------------------------------------------------------------------------------
def _soups(built_site):
    for path in page_paths(built_site):
        file = built_site / (path + "index.html" if path.endswith("/") or not path else path)
        yield path or "accueil", BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def heading_problems(soup) -> list[str]:
    """One h1, first; then no level skipped going down (h2 → h4). Hidden headings count too: screen readers
    list them."""
    levels = [int(h.name[1]) for h in soup.find_all(re.compile(r"^h[1-6]$"))]
    problems = []
    if levels.count(1) != 1:
        problems.append(f"{levels.count(1)} titre(s) h1 au lieu d’un")
    if levels and levels[0] != 1:
        problems.append(f"le premier titre est un h{levels[0]}, pas le h1")
    for before, after in zip(levels, levels[1:], strict=False):
        if after > before + 1:
            problems.append(f"saut de niveau de titre : h{before} suivi de h{after}")
    return problems


def test_heading_check_catches_skipped_levels():
    assert heading_problems(BeautifulSoup("<h1>a</h1><h2>b</h2><h3>c</h3><h2>d</h2>", "html.parser")) == []
    assert heading_problems(BeautifulSoup("<h1>a</h1><h3>c</h3>", "html.parser")) == ["saut de niveau de titre : h1 suivi de h3"]
    assert len(heading_problems(BeautifulSoup("<h2>a</h2><h1>b</h1><h1>c</h1>", "html.parser"))) == 2


def test_headings_are_in_order_on_every_page(built_site):
    problems = [f"{path} : {p}" for path, soup in _soups(built_site) for p in heading_problems(soup)]
    assert not problems, "titres mal hiérarchisés :\n" + "\n".join(problems)


def test_every_page_is_in_french_without_english_boilerplate(built_site):
    problems = []
    for path, soup in _soups(built_site):
        if soup.html.get("lang") != "fr":
            problems.append(f'{path} : <html lang="{soup.html.get("lang")}">')
        if "Made with" in soup.get_text():
            problems.append(f"{path} : mention anglaise « Made with … »")
        if soup.select_one("title") is None or not soup.select_one("title").get_text(strip=True):
            problems.append(f"{path} : pas de titre de page")
    assert not problems, "\n".join(problems)


def test_every_image_has_a_text_alternative(built_site):
    """<img> always with alt (empty only for a decorative image); an <svg> exposed as an image has a name."""
    problems = []
    for path, soup in _soups(built_site):
        for img in soup.find_all("img"):
            if img.get("alt") is None:
                problems.append(f'{path} : <img src="{img.get("src")}"> sans attribut alt')
        for svg in soup.find_all("svg", attrs={"role": "img"}):
            if not (svg.get("aria-label") or svg.get("aria-labelledby") or svg.find("title")):
                problems.append(f'{path} : <svg role="img"> sans nom')
    assert not problems, "\n".join(problems)


@pytest.mark.browser
def test_print_only_address_is_hidden_on_screen(browser, site_server):
    """The address printed on paper is not read twice on screen (display: none outside print)."""
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(site_server + "fiches/profil-linkedin/")
        assert page.locator(".pv-print-address").count() == 1
        assert not page.locator(".pv-print-address").is_visible()
    finally:
        context.close()
