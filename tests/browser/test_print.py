"""Printing, as Chromium prints on A4 paper (page.pdf, format A4); pages counted with pdfinfo, text read with
pdftotext (both from poppler-utils, which `make test` installs).

- every memo sheet (docs/fiches/*.md except the index) fits on exactly one A4 page, with the page's address and
  its date of update on paper, body text at 9.5 pt or more, headings in black, no navigation and no button, and
  empty boxes even after ticking them on screen;
- every other page prints without a blank trailing page, and links to other sites show their address.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.a11y_support import memo_sheets, page_paths
from tests.pdf_support import page_texts, pdf_pages, squash
from tests.support import new_context

pytestmark = pytest.mark.browser

# What must never be seen on paper: navigation, buttons, the search, the footer.
SCREEN_ONLY = """() => [...document.querySelectorAll(
    'header, footer, nav, button, .md-button, [role=button], .md-sidebar, .md-path, .md-tags, .md-top, '
    + '.md-content__button, .pv-share, .ck-tools, input[type=search], select, .md-search')]
  .filter(el => el.checkVisibility() && el.getBoundingClientRect().height > 0)
  .map(el => `<${el.tagName.toLowerCase()}${el.className ? "." + String(el.className).trim().split(/\\s+/).join(".") : ""}>`)"""
# A memo sheet's text on paper: body at 9.5 pt or more (1 pt = 4/3 px), headings in full black. The body is what
# comes before the « Sources » heading (the sources and the update date after it may be smaller).
MIN_BODY_PT = 9.5
SMALL_TEXT = """minimum => { const sources = document.getElementById('sources');
  return [...document.querySelectorAll('article.md-content__inner :is(p, li, td, th, label, dd, dt)')]
  .filter(el => el.checkVisibility() && el.textContent.trim() && !el.closest('.pv-print-address'))
  .filter(el => !sources || !(sources.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING))
  .map(el => [el.tagName.toLowerCase() + ": " + el.textContent.trim().slice(0, 30),
              parseFloat(getComputedStyle(el).fontSize) * 0.75])
  .filter(([, pt]) => pt < minimum - 0.05)
  .map(([what, pt]) => `${what} (${pt.toFixed(1)} pt)`) }"""
GREY_HEADINGS = """() => [...document.querySelectorAll('article.md-content__inner :is(h1, h2, h3, h4, legend h3)')]
  .filter(el => el.checkVisibility() && getComputedStyle(el).color !== 'rgb(0, 0, 0)')
  .map(el => `${el.tagName.toLowerCase()} « ${el.textContent.trim().slice(0, 30)} » ${getComputedStyle(el).color}`)"""
# Words only screen furniture carries.
SCREEN_WORDS = [
    "Aller au contenu",
    "Partager la page",
    "Sur le même sujet",
    "Tout décocher",
    "Précédent",
    "Suivant",
    "Rechercher",
    "Table des matières",
    "Copier le lien",
    "Editer cette page",
]


def print_a4(page, url: str, pdf: Path) -> Path:
    page.goto(url, wait_until="load")
    page.pdf(path=str(pdf), format="A4")
    return pdf


@pytest.fixture(scope="module")
def reader(browser):
    context = new_context(browser, locale="fr-FR")
    page = context.new_page()
    yield page
    context.close()


def test_page_count_reader_works(tmp_path, reader, site_server):
    """pdfinfo reads the page count of a PDF Chromium printed (guards against a count that is always 1)."""
    reader.set_content("<p>un</p><p style='break-before: page'>deux</p><p style='break-before: page'>trois</p>")
    reader.pdf(path=str(tmp_path / "trois.pdf"), format="A4")
    assert pdf_pages(tmp_path / "trois.pdf") == 3
    assert [text.strip() for text in page_texts(tmp_path / "trois.pdf")] == ["un", "deux", "trois"]


def test_every_memo_sheet_prints_on_one_a4_page(built_site, site_server, reader, tmp_path):
    sheets = memo_sheets(built_site)
    assert len(sheets) >= 7, sheets
    problems = []
    for path in sheets:
        url = site_server + path
        reader.goto(url, wait_until="load")
        # Tick boxes on screen first: paper must still show empty boxes.
        boxes = reader.locator("input.ck-box")
        for i in range(boxes.count()):
            boxes.nth(i).check()
        pdf = tmp_path / (path.strip("/").replace("/", "_") + ".pdf")
        reader.pdf(path=str(pdf), format="A4")
        texts = page_texts(pdf, layout=True)
        pages, text = len(texts), "".join(texts)
        if pages != 1:
            problems.append(f"{path} : {pages} pages A4 au lieu d’une (raccourcissez la fiche ou ses listes)")
        if url not in squash(text):
            problems.append(f"{path} : l’adresse de la page ({url}) n’apparaît pas sur le papier")
        if "Mis à jour le" not in text:
            problems.append(f"{path} : la date de mise à jour (« Mis à jour le … ») n’apparaît pas sur le papier")
        shown = [word for word in SCREEN_WORDS if word in text]
        if shown:
            problems.append(f"{path} : éléments d’écran imprimés : {shown}")

        reader.emulate_media(media="print")
        visible = reader.evaluate(SCREEN_ONLY)
        if visible:
            problems.append(f"{path} : navigation ou boutons visibles à l’impression : {visible}")
        small = reader.evaluate(SMALL_TEXT, MIN_BODY_PT)
        if small:
            problems.append(f"{path} : texte imprimé sous {MIN_BODY_PT} pt : {small[:5]}")
        grey = reader.evaluate(GREY_HEADINGS)
        if grey:
            problems.append(f"{path} : titres imprimés en gris au lieu du noir : {grey}")
        if boxes.count():
            drawn = reader.evaluate("""() => [...document.querySelectorAll("input.ck-box")].map(box => {
                const s = getComputedStyle(box);
                return box.checked && s.appearance === "none" && s.borderTopStyle === "solid"
                       && box.checkVisibility() && box.getBoundingClientRect().width >= 8 })""")
            if not all(drawn):
                problems.append(f"{path} : les cases cochées à l’écran ne s’impriment pas comme des cases vides")
        else:
            problems.append(f"{path} : pas de liste de vérification à imprimer")
        reader.emulate_media(media="null")  # back to no emulation: page.pdf() prints with print styles again
    assert not problems, "\n".join(problems)


def test_other_pages_print_without_blank_pages_and_show_external_addresses(built_site, site_server, reader, tmp_path):
    """Articles, charters, guides, the infographic, the service pages: the last printed page carries text
    (vanilla Material adds a blank one), and every link to another site is followed by its address."""
    sheets = set(memo_sheets(built_site))
    paths = [p for p in page_paths(built_site) if p not in sheets and p != "404.html"]
    problems = []
    for path in paths:
        pdf = print_a4(reader, site_server + path, tmp_path / ((path.strip("/").replace("/", "_") or "accueil") + ".pdf"))
        texts = page_texts(pdf, layout=True)
        if not texts[-1].strip():
            problems.append(f"{path or 'accueil'} : la dernière des {len(texts)} pages imprimées est blanche")
        text = squash("".join(texts))
        external = reader.evaluate("""() => [...document.querySelectorAll(".md-content a[href]")]
            .filter(a => /^https?:$/.test(a.protocol) && a.host !== location.host && a.checkVisibility()
                         && !a.matches(".md-content__button"))
            .map(a => a.href)""")
        missing = [href for href in external if squash(href) not in text]
        if missing:
            problems.append(f"{path or 'accueil'} : adresses de liens externes absentes du papier : {missing}")
        if text.count(site_server) > 1:
            problems.append(f"{path or 'accueil'} : des adresses internes sont imprimées (seule celle de la page l’est)")
    assert not problems, "\n".join(problems)
