"""build_steps/preview_notice.py: the page shown by the preview while the content has mistakes. It goes through the
macro engine (Jinja) and Markdown like any page: the mistakes, braces and Markdown characters included, must come
out as written."""

from __future__ import annotations

import jinja2
import markdown
from bs4 import BeautifulSoup

from build_steps.preview_notice import notice_markdown
from content.errors import Problem

OWN = Problem("docs/fiches/x.md", 34, None, "« {#eviter} » : accolade et dièse collés", "« { #eviter } »")
OTHER = Problem("data/checklists/y.yml", 3, "y › items[1] › texte", "texte *vide* {{ nom }} {% raw %} <b>gras</b> [lien](z.md)")


def rendered(source: str) -> BeautifulSoup:
    through_jinja = jinja2.Environment(undefined=jinja2.StrictUndefined).from_string(source).render()
    return BeautifulSoup(markdown.markdown(through_jinja), "html.parser")


def test_the_page_own_mistakes_first_then_the_others_as_written():
    soup = rendered(notice_markdown("docs/fiches/x.md", [OTHER, OWN]))
    assert soup.h1.get_text() == "Aperçu en attente de corrections"
    assert "2 erreurs à corriger" in soup.p.get_text()
    assert [h.get_text() for h in soup.find_all("h2")] == ["Dans cette page", "Ailleurs dans le site"]
    items = [li.get_text() for li in soup.find_all("li")]
    assert items == [str(OWN), str(OTHER)]
    assert not soup.find("b") and not soup.find("a") and not soup.find("em"), "le texte des erreurs est montré tel quel"


def test_a_page_without_its_own_mistakes_lists_the_others():
    soup = rendered(notice_markdown("docs/index.md", [OWN]))
    assert [h.get_text() for h in soup.find_all("h2")] == ["Ailleurs dans le site"]
    assert "1 erreur à corriger" in soup.p.get_text()
