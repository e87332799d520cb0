"""The search form's own markup (overrides/partials/search.html, and what search.js writes into it) checked by two
third-party checkers, as the issue asks: the Nu HTML Checker (vnu-jar) and HTML_CodeSniffer (WCAG2AA), in its
three states: closed and empty, with results, and with a « Vouliez-vous dire … ? » proposal. Every page as it loads
is checked by both in tests/browser/test_a11y.py, and axe-core checks the whole page with the search open."""

from __future__ import annotations

import pytest

from tests.a11y_support import HTMLCS, VNU, checker_installed, vnu_errors
from tests.browser.test_search import open_search, search
from tests.support import new_context

# The search dialog, the header button that opens it, and the toggle they name (written by Material's base.html,
# copied here without the attributes Material adds to it).
SNAPSHOT = """() => {
  const dialog = document.querySelector("[data-pv-search]");
  const button = document.querySelector('.md-header__button[for="__search"]');
  return button.outerHTML + dialog.outerHTML;
}"""
DOCUMENT = (
    '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Recherche</title></head><body>'
    '<input class="md-toggle" type="checkbox" id="__search"><header>{}</header></body></html>'
)


def vnu_fragment_errors(html: str, tmp_path) -> list[str]:
    page = tmp_path / "recherche.html"
    page.write_text(DOCUMENT.format(html), encoding="utf-8")
    return vnu_errors([page])


def htmlcs_errors(page) -> list[str]:
    """HTML_CodeSniffer's errors (type 1) on the search dialog and its button."""
    if not page.evaluate("() => typeof window.HTMLCS !== 'undefined'"):
        page.evaluate(checker_installed(HTMLCS).read_text(encoding="utf-8"))
    return page.evaluate(
        """() => new Promise(resolve => {
          HTMLCS.process("WCAG2AA", document, () => {
            const mine = el => el && el.closest && (el.closest("[data-pv-search]") || el.closest('[for="__search"]'));
            resolve(HTMLCS.getMessages().filter(m => m.type === 1 && (m.element === document || mine(m.element)))
              .map(m => m.code + " : " + m.msg + " (" + (m.element.outerHTML || "document").slice(0, 120) + ")"));
          });
        })"""
    )


@pytest.fixture()
def page(browser, site_server):
    checker_installed(VNU)
    context = new_context(browser, locale="fr-FR")
    tab = context.new_page()
    yield tab
    context.close()


@pytest.mark.browser
def test_search_markup_passes_the_nu_checker_and_htmlcs(page, site_server, tmp_path):
    page.goto(site_server + "fiches/")
    states = {"fermée": page.evaluate(SNAPSHOT)}
    found = {"fermée": htmlcs_errors(page)}
    open_search(page, site_server + "fiches/")
    assert search(page, "linkedin"), "la recherche doit montrer des résultats"
    states["résultats"] = page.evaluate(SNAPSHOT)
    found["résultats"] = htmlcs_errors(page)
    search(page, "droit a la deconection")
    assert page.locator(".pv-search-suggestion").is_visible()
    states["correction proposée"] = page.evaluate(SNAPSHOT)
    found["correction proposée"] = htmlcs_errors(page)
    problems = []
    for state, html in states.items():
        problems += [f"Nu HTML Checker, recherche {state} : {error}" for error in vnu_fragment_errors(html, tmp_path)]
        problems += [f"HTML_CodeSniffer, recherche {state} : {error}" for error in found[state]]
    assert not problems, "\n".join(problems)
    # The empty results list is not left in the page: hidden until there are results.
    page.goto(site_server)
    assert page.locator("#pv-search-results").get_attribute("hidden") is not None
