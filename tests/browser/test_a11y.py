"""Accessibility of the built site, checked on every page as a reader meets it (RGAA 4, WCAG 2.1 AA).

- axe-core (pinned in package.json) on every page, light and dark themes; again with the search open (desktop and
  phone widths) and after ticking and resetting every checklist;
- keyboard: see tests/browser/test_keyboard.py;
- structure, read from the built HTML: one h1, headings in order, French language, images with an alternative.

What no automatic test can judge (relevance of alternatives, reading order, clarity…) is listed on
docs/accessibilite.md. Uses the session fixtures of tests/conftest.py (`built_site`, `site_server`, `browser`).
"""

from __future__ import annotations

import json
import re
import subprocess

import pytest
from bs4 import BeautifulSoup

from tests.a11y_support import (
    AXE_TAGS,
    AXE_VERSION,
    IBM_THEME_FAILURES,
    NO_TRANSITIONS,
    WIDTHS,
    axe_source,
    describe,
    goto,
    page_paths,
    run_axe,
    vnu_errors,
)
from tests.support import ROOT, new_context
from tests.tour import COLOUR_RULES


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


def _axe_both_themes(page, axe: str, where: str, context: str | dict = "document") -> list[str]:
    """axe-core's rules in the light theme, then its colour rules with the body switched to the dark scheme (Material's
    schemes only change colours, through the body's data-md-color-scheme attribute), which is then put back.
    `context`: the part of the page to check (axe-core's include / exclude), the whole document by default."""
    problems = describe(run_axe(page, axe, context=context), where)
    page.evaluate("() => document.body.setAttribute('data-md-color-scheme', 'slate')")
    problems += describe(run_axe(page, axe, context=context, rules=COLOUR_RULES), f"{where}, sombre")
    page.evaluate("() => document.body.setAttribute('data-md-color-scheme', 'default')")
    return problems


# What ticking a checklist changes: the lists themselves (ticks, count, the reset button's state) and the header
# (ticking scrolls the page, which shows the page's title in the header). The rest of each page, as it loads, is
# checked by the reader's tour.
CHANGED_BY_TICKING = {"include": [[".ck"], [".md-header"]]}


@pytest.mark.browser
def test_axe_finds_nothing_on_any_page_light(reader_tour):
    """WCAG 2.0/2.1 A and AA rules and the RGAA-tagged rules of axe-core, on every page, light theme (the reader's
    tour, tests/tour.py: each page as a first visit, through nginx)."""
    assert len(reader_tour) >= 25, list(reader_tour)
    problems = [line for visit in reader_tour.values() for line in visit.axe]
    assert not problems, f"axe (clair), {len(problems)} violation(s) :\n" + "\n".join(problems)


def test_html_codesniffer_finds_no_error_on_any_page(reader_tour):
    """HTML_CodeSniffer (WCAG2AA, pa11y's engine) on every page as it loads, Material's markup included
    (build_steps/markup.py corrects it where needed)."""
    problems = [line for visit in reader_tour.values() for line in visit.htmlcs]
    assert not problems, "\n".join(problems)


def test_ibm_equal_access_finds_only_the_theme_failures_the_statement_lists(reader_tour):
    """IBM Equal Access on one page of each template (home, 404, each page type): no failure but those of Material's
    markup that cannot be removed without copying its templates, each explained in the accessibility statement's
    technical notes."""
    checked = [visit for visit in reader_tour.values() if visit.ibm is not None]
    assert len(checked) >= 8, [visit.path for visit in checked]  # home, 404 and one page of each type
    found = {line.split(" : ")[0]: line for visit in checked for line in visit.ibm}
    unexpected = [f"{rule} : {line}" for rule, line in found.items() if rule not in IBM_THEME_FAILURES]
    assert not unexpected, "\n".join(unexpected)
    statement = (ROOT / "docs" / "accessibilite.md").read_text(encoding="utf-8")
    assert all(f"`{rule}`" in statement for rule in IBM_THEME_FAILURES), "règles IBM absentes des notes techniques"


def test_nu_html_checker_finds_no_error_on_any_page(built_site):
    """The Nu HTML Checker on every page of the built site, the 404 page included, Material's markup included."""
    pages = [path for path in built_site.rglob("*.html") if "pagefind" not in path.parts]
    assert len(pages) >= 30
    problems = vnu_errors(pages)
    assert not problems, "\n".join(problems)


def test_dark_theme_checks_every_rule_about_colours():
    """The rules the tour runs in the dark theme are exactly those of the tags that speak of colour or contrast
    (asked of axe-core itself, with Node)."""
    script = (
        f"const axe = require({json.dumps(str(ROOT / 'node_modules' / 'axe-core'))});"
        f"console.log(JSON.stringify(axe.getRules({json.dumps(AXE_TAGS)})"
        ".filter(r => /colou?r|contrast/i.test(r.description + ' ' + r.help)).map(r => r.ruleId)))"
    )
    axe_source()  # installs node_modules when missing
    listed = json.loads(subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True).stdout)
    assert sorted(listed) == sorted(COLOUR_RULES)


@pytest.mark.browser
def test_axe_finds_nothing_on_any_page_dark(reader_tour):
    """Every page in the dark theme (the reader's tour switches the system preference to dark): the rules that
    depend on colours (contrast of text and of links in text; the others do not change with the theme)."""
    problems = [line for visit in reader_tour.values() for line in visit.axe_dark]
    assert not problems, f"axe (sombre), {len(problems)} violation(s) :\n" + "\n".join(problems)


@pytest.mark.browser
@pytest.mark.parametrize("width", list(WIDTHS), ids=list(WIDTHS))
def test_axe_finds_nothing_with_the_search_open(browser, site_server, axe, width):
    """The whole page (dialog, results, filters and what is behind) with a search shown, at both widths, light
    theme and (colour rules) dark theme."""
    scheme = "light"
    context = new_context(browser, color_scheme=scheme, locale="fr-FR", viewport={"width": WIDTHS[width], "height": 900})
    page = context.new_page()
    problems: list[str] = []
    try:
        for path in ["", "fiches/reflexes-avant-de-publier/"]:
            goto(page, site_server + path, scheme)
            page.add_style_tag(content=NO_TRANSITIONS)
            page.keyboard.press("s")
            page.wait_for_function("() => window.pvSearch && window.pvSearch.ready")
            page.evaluate("() => window.pvSearch.ready.then(() => { window.pvSearch.lastSearch = null })")
            page.locator("#pv-search-input").press_sequentially("charte", delay=20)
            page.wait_for_function("() => window.pvSearch.lastSearch !== null && window.pvSearch.lastSearch.raw === 'charte'")
            assert page.locator("#pv-search-results li").count() > 0, "la recherche n’a rien affiché"
            assert page.evaluate("() => document.getElementById('__search').checked")
            problems += _axe_both_themes(page, axe, f"{path or 'accueil'} (recherche ouverte)")
    finally:
        context.close()
    assert not problems, f"axe ({width}) :\n" + "\n".join(problems)


@pytest.mark.browser
def test_axe_finds_nothing_after_using_the_checklists(browser, built_site, site_server, axe):
    """Every page with a checklist, after ticking boxes (count updated), then after « Tout décocher », in the light
    theme and, for the rules that depend on colours, in the dark one: what ticking changes (CHANGED_BY_TICKING)."""
    context = new_context(browser, color_scheme="light", locale="fr-FR", viewport={"width": 1280, "height": 900})
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
            goto(page, site_server + path, "light")
            # Ticking scrolls the page, which fades the header title in: axe must see the end state, not the fade.
            page.add_style_tag(content=NO_TRANSITIONS)
            page.wait_for_selector(".ck[data-ck-ready] .ck-tools")
            boxes = page.locator("input.ck-box")
            boxes.first.check()
            boxes.last.check()
            page.keyboard.press("Tab")  # focus somewhere in the list, as a keyboard user leaves it
            problems += _axe_both_themes(page, axe, f"{path} (cases cochées)", CHANGED_BY_TICKING)
            page.get_by_role("button", name="Tout décocher").first.click()
            problems += _axe_both_themes(page, axe, f"{path} (après « Tout décocher »)", CHANGED_BY_TICKING)
    finally:
        context.close()
    assert not problems, "axe :\n" + "\n".join(problems)


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
    context = new_context(browser)
    page = context.new_page()
    try:
        page.goto(site_server + "fiches/profil-linkedin/")
        assert page.locator(".pv-print-address").count() == 1
        assert not page.locator(".pv-print-address").is_visible()
    finally:
        context.close()
