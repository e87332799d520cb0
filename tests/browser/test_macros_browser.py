"""The checklist in Chromium: ticks remembered, count, reset, keyboard, instant navigation, no JavaScript, print.

Uses the session fixtures of tests/conftest.py: `site_server` (the real site served locally) and `browser`.
"""

from __future__ import annotations

import re

import pytest

from tests.support import new_context

pytestmark = pytest.mark.browser

PAGE = "fiches/reflexes-avant-de-publier/"
OTHER_PAGE = "fiches/profil-linkedin/"
KEY = "checklist:fiches/reflexes-avant-de-publier/:avant-de-publier"
STATUS = "#ck-avant-de-publier [data-ck-status]"
BOXES = "#ck-avant-de-publier input.ck-box"


def _spaces(text: str) -> str:
    return re.sub(r"[\s\u00a0\u202f]+", " ", text).strip()


@pytest.fixture
def page(browser, site_server):
    context = new_context(browser)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_server + PAGE)
    if not page.locator('script[src*="assets/javascripts/site.js"]').count():
        context.close()
        pytest.fail("site.js n’est pas chargé : ajoutez assets/javascripts/site.js à extra_javascript dans mkdocs.yml")
    page.wait_for_selector("#ck-avant-de-publier[data-ck-ready] .ck-tools", timeout=5000)
    yield page
    context.close()
    assert not errors, f"erreurs JavaScript : {errors}"


def _checked(page) -> list[bool]:
    return page.eval_on_selector_all(BOXES, "boxes => boxes.map(box => box.checked)")


def test_ticks_survive_a_reload_and_reset_clears_them(page):
    total = page.locator(BOXES).count()
    assert total >= 5
    assert _spaces(page.locator(STATUS).inner_text()) == f"0 sur {total} points vérifiés"
    page.locator(BOXES).nth(0).check()
    page.locator(BOXES).nth(2).check()
    assert _spaces(page.locator(STATUS).inner_text()) == f"2 sur {total} points vérifiés"

    page.reload()
    page.wait_for_selector("#ck-avant-de-publier[data-ck-ready] .ck-tools")
    assert _checked(page)[:3] == [True, False, True]
    assert sum(_checked(page)) == 2
    assert _spaces(page.locator(STATUS).inner_text()) == f"2 sur {total} points vérifiés"
    stored = page.evaluate("key => window.localStorage.getItem(key)", KEY)
    assert stored and len(eval(stored)) == 2

    page.get_by_role("button", name="Tout décocher").click()
    assert sum(_checked(page)) == 0
    assert _spaces(page.locator(STATUS).inner_text()) == f"0 sur {total} points vérifiés"
    assert page.evaluate("key => window.localStorage.getItem(key)", KEY) is None
    page.reload()
    page.wait_for_selector("#ck-avant-de-publier[data-ck-ready] .ck-tools")
    assert sum(_checked(page)) == 0


def test_keyboard_and_accessible_names(page):
    first = page.locator(BOXES).nth(0)
    label = page.locator(f'label[for="{first.get_attribute("id")}"]').inner_text()
    assert page.get_by_role("checkbox", name=label.strip()).count() == 1
    first.focus()
    page.keyboard.press("Space")
    assert first.is_checked()
    assert page.locator(STATUS).get_attribute("aria-live") == "polite"
    assert _spaces(page.locator(STATUS).inner_text()).startswith("1 sur ")
    assert page.get_by_role("group", name=re.compile("Avant de publier")).count() == 1
    page.keyboard.press("Space")
    assert not first.is_checked()


def test_checklist_works_after_instant_navigation(page, site_server):
    page.wait_for_selector("#ck-avant-de-publier[data-ck-ready] .ck-tools")
    page.locator(BOXES).nth(1).check()
    page.evaluate("window.__sameDocument = true")
    page.locator(f'.md-sidebar--primary a[href$="{OTHER_PAGE.split("/")[1]}/"]').first.click()
    page.wait_for_url(re.compile(re.escape(OTHER_PAGE) + "$"))
    page.go_back()
    page.wait_for_url(re.compile(re.escape(PAGE) + "$"))
    page.wait_for_selector("#ck-avant-de-publier[data-ck-ready] .ck-tools")
    assert page.evaluate("window.__sameDocument") is True, "la navigation n’a pas été instantanée (page rechargée)"
    assert _checked(page)[1] is True
    page.locator(BOXES).nth(3).check()
    assert _spaces(page.locator(STATUS).inner_text()).startswith("2 sur ")


def test_without_javascript_the_list_stays_readable(browser, site_server):
    context = new_context(browser, java_script_enabled=False)
    page = context.new_page()
    page.goto(site_server + PAGE)
    assert page.locator(BOXES).count() >= 5
    assert not page.locator("#ck-avant-de-publier .ck-tools").is_visible()
    page.locator(BOXES).nth(0).check()  # still a working checkbox
    context.close()


def test_print_hides_the_buttons_and_fits_the_infographic_on_a4(page, site_server):
    page.emulate_media(media="print")
    assert not page.locator("#ck-avant-de-publier .ck-tools").is_visible()
    assert page.locator(BOXES).nth(0).is_visible()
    # A4 is 210 × 297 mm; with 10 mm margins, the printable area is 190 × 277 mm, i.e. 718 × 1047 CSS pixels.
    page.set_viewport_size({"width": 718, "height": 1047})
    page.goto(site_server + "dispositif-gagnant-gagnant/")
    box = page.locator("section.ig").bounding_box()
    assert box["height"] <= 1047, f"l’infographie imprimée mesure {box['height']:.0f} px de haut (> une page A4)"
    columns = page.locator("section.ig .ig-column").all()
    assert columns[0].bounding_box()["y"] == columns[1].bounding_box()["y"], "les deux colonnes doivent être côte à côte à l’impression"
