"""`make pdf` (build_steps/pdf_kit.py): every memo sheet as a one-page PDF, the booklet of all of them, and the links.

The site is built once for this module as `make pdf` builds it (PV_PDF=on) for a published address (no server: the
printing step answers Chromium's requests from the built folder), then printed once by the command itself; the tests
read the PDFs with poppler-utils (pdfinfo, pdftotext). The plain build is the session's (no PV_PDF).

Size thresholds: a sheet measured 60 to 73 Ko and the 13-page booklet 426 Ko (December 2026), with the system's
fonts embedded as subsets (four faces of DejaVu Sans, about 40 Ko). 120 Ko a sheet and 60 Ko a booklet page leave
room for a longer sheet or a small image, and fail on what would really weigh: a font embedded whole (DejaVu Sans
alone is 700 Ko), or a page printed as a picture.
"""

from __future__ import annotations

import datetime
import math
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from content.history import french_date
from content.text import sort_key
from tests.a11y_support import memo_sheets
from tests.pdf_support import page_texts, pdf_info, squash
from tests.support import ROOT, mkdocs_build

pytestmark = pytest.mark.browser

ADDRESS = "https://intranet.exemple.gouv.fr/porter-la-voix/"
BOOKLET = "pdf/livret-fiches-memos.pdf"
MAX_SHEET_BYTES = 120 * 1024
MAX_BOOKLET_BYTES_PER_PAGE = 60 * 1024


def run_kit(site: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "build_steps.pdf_kit", str(site)], cwd=ROOT, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def kit(tmp_path_factory) -> tuple[Path, str]:
    """The real site built as `make pdf` builds it, and the printing command's output."""
    site = tmp_path_factory.mktemp("site-pdf")
    built = mkdocs_build(ROOT, site, env={"SITE_URL": ADDRESS, "PV_PDF": "on"})
    if built.returncode != 0:
        pytest.fail(f"La construction du site avec PV_PDF=on a échoué :\n{built.stdout}\n{built.stderr}")
    printed = run_kit(site)
    if printed.returncode != 0:
        pytest.fail(f"python -m build_steps.pdf_kit a échoué :\n{printed.stdout}\n{printed.stderr}")
    return site, printed.stdout


def page_of(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def title_of(site: Path, path: str) -> str:
    return page_of(site, path).find("h1").get_text(" ", strip=True).rstrip("¶").strip()


def sheet_pdf(site: Path, path: str) -> Path:
    return site / "pdf" / (path.strip("/").rsplit("/", 1)[-1] + ".pdf")


def spaced(text: str) -> str:
    """Text with its line breaks and runs of spaces as one space; no-break spaces kept."""
    return re.sub(r"[ \t\n]+", " ", text).strip()


def size_text(size: int) -> str:
    return f"{math.ceil(size / 1024)}\u00a0Ko"


def test_every_memo_sheet_is_a_tagged_one_page_pdf_with_its_address_and_dates(kit):
    site, _ = kit
    sheets = memo_sheets(site)
    assert len(sheets) >= 7, sheets
    problems = []
    for path in sheets:
        pdf = sheet_pdf(site, path)
        if not pdf.is_file():
            problems.append(f"{path} : pas de PDF {pdf.name}")
            continue
        html = page_of(site, path)
        info, text = pdf_info(pdf), "".join(page_texts(pdf))
        title = title_of(site, path)
        if info["Pages"] != "1":
            problems.append(f"{path} : {info['Pages']} pages")
        if info.get("Title") != html.title.get_text(strip=True):
            problems.append(f"{path} : titre du PDF « {info.get('Title')} »")
        if info.get("Tagged") != "yes" or b"/Lang (fr)" not in pdf.read_bytes():
            problems.append(f"{path} : PDF non balisé ou sans langue fr")
        if info.get("Author") != html.find("meta", attrs={"name": "author"})["content"]:
            problems.append(f"{path} : auteur « {info.get('Author')} »")
        if info.get("Subject") != html.find("meta", attrs={"name": "description"})["content"]:
            problems.append(f"{path} : sujet « {info.get('Subject')} »")
        if squash(title) not in squash(text) or squash(ADDRESS + path) not in squash(text):
            problems.append(f"{path} : titre ou adresse publiée absents du texte du PDF")
        verified = re.search(r"Vérifié le [^·<]+", html.select_one(".pv-print-address").get_text())
        if verified and squash(verified.group(0)) not in squash(text):
            problems.append(f"{path} : « {verified.group(0).strip()} » absent du PDF")
        if "Mis à jour le" not in text:
            problems.append(f"{path} : « Mis à jour le … » absent du PDF")
        if pdf.stat().st_size > MAX_SHEET_BYTES:
            problems.append(f"{path} : {size_text(pdf.stat().st_size)} (plus de {size_text(MAX_SHEET_BYTES)})")
    assert not problems, "\n".join(problems)


def test_the_booklet_has_a_cover_contents_and_each_sheet_on_its_page(kit):
    site, output = kit
    booklet = site / BOOKLET
    sheets = sorted(memo_sheets(site), key=lambda path: sort_key(title_of(site, path)))  # the memo sheets' index order
    info = pdf_info(booklet)
    pages = int(info["Pages"])
    assert pages == len(sheets) + 2, "couverture, une page de sommaire, puis une page par fiche"
    assert info["Title"] == "Livret des fiches mémos - Porter la voix de son employeur"
    assert info["Tagged"] == "yes" and b"/Lang (fr)" in booklet.read_bytes()
    assert info["Author"] and info["Subject"]
    assert booklet.stat().st_size <= MAX_BOOKLET_BYTES_PER_PAGE * pages, size_text(booklet.stat().st_size)

    texts = page_texts(booklet)
    assert len(texts) == pages
    cover = squash(texts[0])
    for expected in ["Porter la voix de son employeur", "Livret des fiches mémos", french_date(datetime.date.today()), ADDRESS]:
        assert squash(expected) in cover, expected
    contents = squash(texts[1])
    assert "Sommaire" in contents
    raw = booklet.read_bytes()
    for number, path in enumerate(sheets, start=3):
        title = title_of(site, path)
        assert squash(f"{title} page {number}") in contents, f"sommaire : « {title} » page {number}"
        text = squash(texts[number - 1])
        assert squash(title) in text and squash(ADDRESS + path) in text, f"page {number} : {title}"
        anchor = "pv-livret-" + sheet_pdf(site, path).stem
        assert f"/Dest /{anchor}".encode() in raw, f"sommaire : pas de lien interne vers {anchor}"
    assert f"le livret ({pages} pages" in output


def test_checklist_boxes_are_printed_empty(kit):
    """Chromium tags each printed checkbox (/Role /cb) and marks a ticked one « /checked /on »: every box of every
    sheet is in the booklet, and none is ticked."""
    site, _ = kit
    boxes = sum(len(page_of(site, path).select("input.ck-box")) for path in memo_sheets(site))
    assert boxes >= 7
    booklet = (site / BOOKLET).read_bytes()
    assert booklet.count(b"/Role /cb") == boxes
    assert b"/checked /on" not in booklet
    assert not [path for path in memo_sheets(site) if b"/checked /on" in sheet_pdf(site, path).read_bytes()]


def test_links_to_the_pdfs_give_their_real_size(kit):
    site, _ = kit
    for path in memo_sheets(site):
        link = page_of(site, path).select_one('a[data-pv-pdf="fiche"]')
        assert link is not None, f"{path} : pas de lien vers le PDF"
        target = (site / path / link["href"]).resolve()
        assert target == sheet_pdf(site, path).resolve(), link["href"]
        assert spaced(link.get_text()) == f"Télécharger la fiche (PDF, 1 page, {size_text(target.stat().st_size)})"
        assert link.find_parent(attrs={"data-pagefind-ignore": True}) is not None
    booklet = site / BOOKLET
    pages = pdf_info(booklet)["Pages"]
    for path in ["", "fiches/"]:
        link = page_of(site, path).select_one('a[data-pv-pdf="livret"]')
        assert link is not None, f"{path or 'accueil'} : pas de lien vers le livret"
        assert (site / path / link["href"]).resolve() == booklet.resolve()
        assert spaced(link.get_text()) == f"Livret des fiches mémos (PDF, {pages} pages, {size_text(booklet.stat().st_size)})"


def test_every_pdf_link_of_the_site_leads_to_a_file(kit):
    site, _ = kit
    dead = []
    for html in site.rglob("*.html"):
        for link in BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").select('a[href$=".pdf"]'):
            if not link["href"].startswith(("http:", "https:")) and not (html.parent / link["href"]).is_file():
                dead.append(f"{html.relative_to(site)} -> {link['href']}")
    assert not dead, dead


def test_a_plain_build_has_no_pdf_and_no_link_to_one(built_site):
    assert not (built_site / "pdf").exists()
    linked = [
        html.relative_to(built_site).as_posix() for html in built_site.rglob("*.html") if "data-pv-pdf" in html.read_text(encoding="utf-8")
    ]
    assert not linked
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert "Livret des fiches mémos" not in home and "Télécharger la fiche" not in home


def test_printing_a_plain_build_says_how_to_build_for_pdf(built_site):
    result = run_kit(built_site)
    assert result.returncode == 1
    assert "PV_PDF=on" in result.stderr and "make pdf" in result.stderr


def test_printing_without_the_published_address_says_so(tmp_path):
    (tmp_path / "index.html").write_text("<!doctype html><html lang='fr'><title>Accueil</title></html>", encoding="utf-8")
    result = run_kit(tmp_path)
    assert result.returncode == 1
    assert "SITE_URL" in result.stderr and "Traceback" not in result.stderr


def test_a_sheet_longer_than_one_page_stops_make_pdf(tmp_path):
    """A sheet of three pages: a French message naming it, exit status 1, and no link is filled."""
    (tmp_path / "index.html").write_text(
        f'<!doctype html><html lang="fr"><head><link rel="canonical" href="{ADDRESS}"><title>Accueil</title></head></html>',
        encoding="utf-8",
    )
    sheet = tmp_path / "fiches" / "trop-longue"
    sheet.mkdir(parents=True)
    paragraphs = "".join(f"<p>Paragraphe {n} d’une fiche bien trop longue pour une seule page A4.</p>" for n in range(150))
    sheet.joinpath("index.html").write_text(
        '<!doctype html><html lang="fr"><head><title>Trop longue</title></head><body>'
        '<article class="md-content__inner md-typeset"><h1>Une fiche trop longue</h1>'
        f"{paragraphs}"
        '<p class="pv-pdf"><a href="../../pdf/trop-longue.pdf" data-pv-pdf="fiche">Télécharger la fiche '
        '<span class="pv-pdf__details">(PDF, 1 page)</span></a></p></article></body></html>',
        encoding="utf-8",
    )
    result = run_kit(tmp_path)
    assert result.returncode == 1, result.stdout
    assert "la fiche « Une fiche trop longue » (fiches/trop-longue/) tient sur" in result.stderr
    assert "pages A4 au lieu d’une" in result.stderr
    assert "(PDF, 1 page)</span>" in sheet.joinpath("index.html").read_text(encoding="utf-8")


def test_the_print_guard_sees_a_ticked_box(browser):
    """The booklet is refused when a box would be printed ticked or drawn by the browser instead of the print
    stylesheet's empty square (build_steps/pdf_kit.py runs this check before printing)."""
    from build_steps.pdf_kit import TICKED_BOXES

    page = browser.new_page()
    try:
        page.set_content('<label><input type="checkbox" checked> Case cochée</label><label><input type="checkbox" id="b"> Autre</label>')
        page.emulate_media(media="print")
        assert page.evaluate(TICKED_BOXES) == ["Case cochée", "Autre"]
        page.add_style_tag(content="@media print { input { appearance: none; border: 1px solid #000 } }")
        assert page.evaluate(TICKED_BOXES) == ["Case cochée"]
        page.uncheck("input >> nth=0")
        assert page.evaluate(TICKED_BOXES) == []
    finally:
        page.close()
