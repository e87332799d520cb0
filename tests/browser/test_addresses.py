"""The page's address as readers see it: « Partager la page » and the address printed at the top of the page follow
the address the reader opened, whatever address the site was built for; canonical links and the sitemap carry the
published address (SITE_URL), and only then (a build without it: tests/browser/test_offline.py)."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from tests.support import StaticServer, new_context

pytestmark = pytest.mark.browser

SHEET = "fiches/profil-linkedin/"


def test_share_and_print_follow_the_address_the_reader_opened(browser, built_site, site_port):
    """The session's site is built for 127.0.0.1:site_port; served here on another port, as a copy on another host."""
    with StaticServer(built_site) as elsewhere:
        assert f":{site_port}/" not in elsewhere.url
        context = new_context(browser)
        context.grant_permissions(["clipboard-read", "clipboard-write"])
        page = context.new_page()
        page.goto(elsewhere.url + SHEET)
        here = elsewhere.url + SHEET
        title = page.locator("article h1").inner_text().replace("¶", "").strip()
        mail = page.locator(".pv-share [data-pv-mail-subject]").get_attribute("href")
        assert mail == f"mailto:?subject={quote(title, safe='')}&body={quote(title + ' : ' + here, safe='')}"
        page.get_by_role("button", name="Copier le lien").click()
        page.get_by_role("status").filter(has_text="Lien copié.").wait_for()
        assert page.evaluate("navigator.clipboard.readText()") == here
        page.emulate_media(media="print")
        printed = page.locator(".pv-print-address").inner_text()
        assert printed.startswith(f"Porter la voix de son employeur · {here} · Vérifié le ")
        context.close()


def test_share_buttons_sit_side_by_side_without_indent(browser, site_server):
    context = new_context(browser, viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.goto(site_server + SHEET)
    boxes = [item.bounding_box() for item in page.locator(".pv-share__list > li").all()]
    heading = page.locator("#pv-share-title").bounding_box()
    context.close()
    assert len(boxes) == 2
    assert abs(boxes[0]["x"] - heading["x"]) < 1, "les boutons de partage sont en retrait du titre"
    assert abs(boxes[0]["y"] - boxes[1]["y"]) < 1 and boxes[1]["x"] >= boxes[0]["x"] + boxes[0]["width"] + 8


def test_canonical_links_and_sitemap_carry_the_published_address(built_site, site_port):
    published = f"http://127.0.0.1:{site_port}/"
    assert f'<link rel="canonical" href="{published}{SHEET}">' in (built_site / SHEET / "index.html").read_text(encoding="utf-8")
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{published}{SHEET}</loc>" in sitemap


def test_home_page_title_is_the_site_name_once(built_site):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert "<title>Porter la voix de son employeur</title>" in home
