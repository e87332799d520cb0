"""The content as a reader meets it: reachable, complete, sourced, with its related pages and share box."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.support import ROOT

DOCS = ROOT / "docs"
PLACEHOLDERS = re.compile(r"lorem|ipsum|à compléter|a completer|TODO|FIXME|XXX", re.IGNORECASE)


def front_matter(md: Path) -> dict:
    text = md.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---", 2)[1]) if text.startswith("---") else {}


def content_pages() -> list[Path]:
    """Markdown pages whose type is not « page » (articles, charters, guides, memo sheets…)."""
    return sorted(p for p in DOCS.rglob("*.md") if front_matter(p).get("type", "page") != "page")


def built(site: Path, md: Path) -> Path:
    rel = md.relative_to(DOCS).with_suffix("").as_posix()
    rel = rel[: -len("index")] if rel == "index" or rel.endswith("/index") else rel + "/"
    return site / rel / "index.html"


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def article(soup: BeautifulSoup):
    return soup.select_one("article.md-content__inner")


def test_there_are_content_pages():
    types = {front_matter(p)["type"] for p in content_pages()}
    assert {"article", "charte", "guide", "fiche", "infographie", "ressource"} <= types


def test_every_memo_sheet_is_two_clicks_from_home(built_site):
    """Follow the links of the home page (navigation included), then those of each page reached."""

    def links(page: Path) -> set[Path]:
        found = set()
        base = "http://site/" + page.parent.relative_to(built_site).as_posix().strip(".") + "/"
        for a in soup_of(page).find_all("a", href=True):
            url = urlparse(urljoin(base.replace("//site//", "//site/"), a["href"]))
            if url.netloc != "site" or url.scheme != "http":
                continue
            target = built_site / url.path.lstrip("/")
            target = target / "index.html" if url.path.endswith("/") else target
            if target.suffix == ".html" and target.exists():  # pages only, not the Atom feed (flux.xml) or a file
                found.add(target.resolve())
        return found

    home = (built_site / "index.html").resolve()
    one_click = links(home)
    two_clicks = one_click | {t for page in one_click for t in links(page)}
    sheets = [p for p in (DOCS / "fiches").glob("*.md") if p.name != "index.md"]
    assert len(sheets) >= 7
    missing = [p.name for p in sheets if built(built_site, p).resolve() not in two_clicks]
    assert not missing, f"fiches à plus de deux clics de l'accueil : {missing}"


@pytest.mark.parametrize("md", content_pages(), ids=lambda p: p.relative_to(DOCS).as_posix())
def test_content_page_is_complete(built_site, md):
    soup = soup_of(built(built_site, md))
    body = article(soup)
    text = body.get_text(" ", strip=True)
    assert not PLACEHOLDERS.search(text), f"texte provisoire : {PLACEHOLDERS.search(text).group(0)}"
    headings = [h.get_text(" ", strip=True).rstrip("¶").strip() for h in body.find_all("h2")]
    assert "Sources" in headings, f"pas de section « Sources » : {headings}"
    assert body.select_one(".pv-share a[href^='mailto:']"), "pas de « Partager la page »"
    assert "Partager la page" in text
    assert "Sur le même sujet" in text, "pas de « Sur le même sujet » (macro related())"
    for section in body.find_all("h2"):
        following = section.find_next_sibling()
        assert following is not None and following.name != "h2", f"section vide : {section.get_text(strip=True)}"


def test_every_page_shows_its_date_and_the_accessibility_status(built_site):
    for md in DOCS.rglob("*.md"):
        soup = soup_of(built(built_site, md))
        assert "Mis à jour le" in soup.get_text(), f"{md.name} : pas de date de mise à jour"
        footer = soup.find("footer").get_text(" ", strip=True)
        assert re.search(r"Accessibilité\s*:\s*(totalement|partiellement|non) conforme", footer), md.name


# --- what a reader can rely on (issue « contenu fiable ») ---------------------------------------------------
# Phrases of working notes addressed to the team, not to readers: never published.
WORKING_NOTES = re.compile(
    r"nous n’avons pas pu|n’a pas pu être (?:lu|consulté|confirmé|vérifié)|la seule partie consultée|non relevée?s?\b|"
    r"pas pu être confirmé|faute d’avoir pu|très probablement|à confirmer",
    re.IGNORECASE,
)
MEMO_SHEET_MAX_WORDS = 450


def body_words(md: Path) -> int:
    """The words of a memo sheet as a reader counts them: front matter, « ## Sources » and macro lines left out."""
    text = md.read_text(encoding="utf-8").split("---", 2)[2]
    text = re.split(r"^## Sources\s*$", text, flags=re.MULTILINE)[0]
    text = re.sub(r"\{\{.*?\}\}", " ", text)
    return len(text.split())


def test_no_working_note_reaches_readers(built_site):
    found = []
    for page in sorted(built_site.rglob("*.html")):
        if "pagefind" in page.parts:
            continue
        body = article(soup_of(page))
        if body is not None and (match := WORKING_NOTES.search(body.get_text(" "))):
            found.append(f"{page.relative_to(built_site)} : « {match.group(0)} »")
    assert not found, "notes de travail publiées :\n" + "\n".join(found)


@pytest.mark.parametrize("md", sorted((DOCS / "fiches").glob("*.md")), ids=lambda p: p.stem)
def test_memo_sheets_are_short(md):
    if md.name == "index.md":
        return
    words = body_words(md)
    assert words <= MEMO_SHEET_MAX_WORDS, f"{md.relative_to(ROOT)} : {words} mots (sources exclues), {MEMO_SHEET_MAX_WORDS} au plus"


def test_rule_pages_and_memo_sheets_say_when_they_were_checked(built_site):
    pages = [md for md in content_pages() if front_matter(md).get("type") in ("fiche", "charte", "guide")]
    assert len(pages) >= 15
    for md in pages:
        shown = soup_of(built(built_site, md)).select_one(".pv-verified")
        assert shown is not None, f"{md.relative_to(ROOT)} : pas de « Vérifié le »"
        assert re.search(r"vérifié sur les textes officiels le \d{1,2}(?:er)? \w+ 20\d\d", shown.get_text()), shown.get_text()


def test_faq_answers_the_questions_agents_ask(built_site):
    faq = yaml.safe_load((ROOT / "data" / "faq.yml").read_text(encoding="utf-8"))
    questions = faq["questions"]
    assert len(questions) >= 30
    audiences = {audience for q in questions for audience in q["public"]}
    assert audiences == {"agent", "manager", "recruteur", "communication"}
    soup = soup_of(built_site / "questions-frequentes" / "index.html")
    headings = {h["id"]: h for h in article(soup).select("h3[id]")}
    for question in questions:
        heading = headings.get(question["id"])
        assert heading is not None, f"question sans titre ni ancre : {question['id']}"
        answer = heading.find_next_sibling("div", class_="faq-answer")
        assert answer is not None and len(question["reponse"].split()) <= 120
        further = answer.find_next_sibling("p")
        assert further is not None and further.select("a"), f"{question['id']} : pas de lien vers la page qui développe"
    # The themes listed first, each linking to its heading; the hidden table of contents is not sent at all.
    themes = {a["href"] for a in article(soup).select("ul a[href^='#']")}
    assert themes == {f"#{theme_id}" for theme_id in faq["themes"]}, themes
    assert all(article(soup).select_one(f"h2[id='{theme_id}']") for theme_id in faq["themes"])
    assert not soup.select("nav.md-nav--secondary a"), "la table des matières masquée est encore envoyée"


def test_references_page_lists_every_reference(built_site):
    references = yaml.safe_load((ROOT / "data" / "references.yml").read_text(encoding="utf-8"))
    cells = {
        " ".join(cell.get_text("").split()) for cell in article(soup_of(built_site / "textes-de-reference" / "index.html")).select("td")
    }
    missing = [ref["court"] for ref in references.values() if " ".join(ref["court"].split()) not in cells]
    assert not missing, f"références absentes de la page : {missing}"
    page = article(soup_of(built_site / "textes-de-reference" / "index.html"))
    assert {f"ref-{rid}" for rid in references} <= {span["id"] for span in page.select("td span[id]")}


def test_a_reference_without_public_address_links_to_where_to_read_it(built_site):
    """Cited in the FAQ, a text that is not public (an agreement on the intranet) links to its line of « Textes de
    référence », which says where to read it; a public one links to its official address."""
    references = yaml.safe_load((ROOT / "data" / "references.yml").read_text(encoding="utf-8"))
    links = article(soup_of(built_site / "questions-frequentes" / "index.html")).select("a.pv-ref")
    by_text = {" ".join(a.get_text().split()): a["href"] for a in links}
    private = [ref for ref in references.values() if not ref.get("adresse") and " ".join(ref["court"].split()) in by_text]
    public = [ref for ref in references.values() if ref.get("adresse") and " ".join(ref["court"].split()) in by_text]
    assert private and public, "la FAQ cite au moins un texte public et un texte non public"
    for ref in private:
        assert by_text[" ".join(ref["court"].split())].startswith("../textes-de-reference/#ref-"), ref["court"]
    for ref in public:
        assert by_text[" ".join(ref["court"].split())] == ref["adresse"], ref["court"]


def visible_texts(soup: BeautifulSoup) -> list[str]:
    """The texts a reader sees or hears as text: text nodes (code left out), the tab's title, tooltips, placeholders."""
    for element in soup(["script", "style", "code", "pre", "kbd", "svg", "noscript"]):
        element.decompose()
    texts = [str(node) for node in soup.find_all(string=True) if node.parent.name != "[document]" and not str(node).startswith("<!--")]
    texts += [element["title"] for element in soup.find_all(attrs={"title": True})]
    texts += [element["placeholder"] for element in soup.find_all(attrs={"placeholder": True})]
    return texts


TYPOGRAPHY = [
    (re.compile(r"\w'\w"), "apostrophe droite (écrivez ’)"),
    (re.compile(r"(?<![«“])\bEtat\b"), "« Etat » sans accent (écrivez « État »)"),
    (re.compile(r"\w[;!?]|\w :| [;!?:](?=\s|$)"), "espace manquante ou ordinaire devant « ; ! ? : »"),
    (re.compile(r"« |[^\u00a0\u202f]»"), "espace ordinaire dans des guillemets « »"),
]


def test_french_typography_in_every_text_a_reader_sees(built_site):
    """Navigation, table of contents, the tab's title, footer, tags page, 404 page, search dialog, tooltips: not only
    the body of the pages. Quoted titles keep their own spelling (« Charte de l’Etat »)."""
    problems = []
    for page in sorted(built_site.rglob("*.html")):
        if "pagefind" in page.parts:
            continue
        for text in visible_texts(soup_of(page)):
            if "Charte de l’Etat" in text and "«" in text:
                text = text.replace("Charte de l’Etat", "")
            for pattern, what in TYPOGRAPHY:
                if match := pattern.search(text):
                    problems.append(f"{page.relative_to(built_site)} : {what} dans « {text.strip()[:70]} » ({match.group(0)!r})")
    assert not problems, f"{len(problems)} écart(s) :\n" + "\n".join(sorted(set(problems))[:40])
