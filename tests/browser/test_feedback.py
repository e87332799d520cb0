"""« Cette page vous a-t-elle été utile ? » and « Signaler une erreur »: the reader's mail client opens with the
editorial team's address (FEEDBACK_EMAIL, tests/conftest.py), the page's title and address, and the remark; the
page sends nothing by itself (while the reader answers, the only request is the form's own script, from the site);
without FEEDBACK_EMAIL, no block."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.support import FEEDBACK_EMAIL, new_context

pytestmark = pytest.mark.browser

SHEET = "fiches/relayer-une-offre-emploi/"
NBSP = "\u00a0"


def _mail(href: str) -> tuple[str, dict[str, str]]:
    parts = urlsplit(href)
    assert parts.scheme == "mailto"
    return parts.path, {key: values[0] for key, values in parse_qs(parts.query).items()}


def test_feedback_builds_the_mail_and_sends_nothing(browser, site_server):
    context = new_context(browser)
    page = context.new_page()
    page.goto(site_server + SHEET)
    page.wait_for_load_state("networkidle")
    requests = []
    page.on("request", lambda request: requests.append((request.method, request.url)))
    title = page.locator("article h1").inner_text().replace("¶", "").strip()
    here = site_server + SHEET

    box = page.get_by_role("region", name="Cette page vous a-t-elle été utile\u202f?")
    assert not box.locator("textarea").count()  # written by feedback.js at the first answer
    box.get_by_role("button", name="Non").click()
    box.get_by_label("Votre remarque (facultatif)").wait_for()
    assert box.get_by_role("button", name="Non").get_attribute("aria-pressed") == "true"
    assert box.get_by_role("button", name="Oui").get_attribute("aria-pressed") == "false"
    assert page.evaluate("document.activeElement.className") == "pv-feedback__thanks"
    box.get_by_label("Votre remarque (facultatif)").fill("Il manque un exemple pour les contrats courts.")

    to, fields = _mail(box.get_by_role("link", name="Écrire à l’équipe éditoriale").get_attribute("href"))
    assert to == FEEDBACK_EMAIL
    assert fields["subject"] == f"Avis sur la page «{NBSP}{title}{NBSP}»{NBSP}: pas utile"
    assert fields["body"] == f"Page{NBSP}: {here}\r\n\r\nRemarque{NBSP}: Il manque un exemple pour les contrats courts.\r\n"

    to, fields = _mail(box.get_by_role("link", name="Signaler une erreur sur cette page").get_attribute("href"))
    assert to == FEEDBACK_EMAIL
    assert fields["subject"] == f"Erreur signalée sur la page «{NBSP}{title}{NBSP}»"
    assert fields["body"].startswith(f"Page{NBSP}: {here}\r\n\r\nCe qui est inexact ou manque{NBSP}:")

    box.get_by_role("button", name="Oui").click()
    box.locator("button[aria-pressed=true]", has_text="Oui").wait_for()  # feedback.js answers once loaded
    _, fields = _mail(box.get_by_role("link", name="Écrire à l’équipe éditoriale").get_attribute("href"))
    assert fields["subject"].endswith(f"{NBSP}: utile")
    page.wait_for_timeout(300)
    context.close()
    # The only request: the form's script, fetched from the site at the first answer; nothing sent anywhere.
    assert requests == [("GET", site_server + "assets/javascripts/feedback.js")], f"requêtes du bloc d’avis : {requests}"


def test_without_javascript_the_answers_are_mail_links(browser, site_server):
    context = new_context(browser, java_script_enabled=False)
    page = context.new_page()
    page.goto(site_server + SHEET)
    to, fields = _mail(page.get_by_role("link", name="Non", exact=True).get_attribute("href"))
    report = page.get_by_role("link", name="Signaler une erreur sur cette page").get_attribute("href")
    context.close()
    assert to == FEEDBACK_EMAIL and fields["subject"].endswith(f"{NBSP}: pas utile") and "body" not in fields
    to, fields = _mail(report)
    assert fields["body"].startswith(f"Page{NBSP}: {site_server}{SHEET}\r\n\r\nCe qui est inexact ou manque{NBSP}:")


def test_every_page_but_the_home_page_has_the_block(built_site):
    """Without FEEDBACK_EMAIL there is none: tests/browser/test_offline.py checks the offline copy, built without it."""
    pages = [path for path in built_site.rglob("index.html") if "pagefind" not in path.parts]
    with_block = {path.relative_to(built_site).as_posix() for path in pages if 'class="pv-feedback"' in path.read_text(encoding="utf-8")}
    assert "index.html" not in with_block
    assert len(with_block) == len(pages) - 1
