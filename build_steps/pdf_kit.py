"""Build step: the printable kit, `make pdf` — every memo sheet as a one-page PDF, and the booklet of all of them.

Runs on a built site only, like the steps of finish.py: `python -m build_steps.pdf_kit site/`. The site must have
been built with PV_PDF=on (content/printable.py), so that its pages carry the links to the PDFs: those links say
which files to print (each memo sheet has one; the `pdf_booklet()` macro writes the booklet's), and nothing else is
printed. For each memo sheet, Debian's Chromium (driven by Playwright, never a downloaded browser) prints the page
as a reader's browser would, with the site's print stylesheet, into site/pdf/<sheet>.pdf; a sheet longer than one
A4 page stops the command. The booklet (templates/livret.html: a cover, the contents with each sheet's page, then
the sheets' content as printed alone) is printed once, in one document: no PDF merging, no other dependency.
Finally each link receives its PDF's page count and size: « Télécharger la fiche (PDF, 1 page, 62 Ko) ».

Served how: Chromium asks for the pages at the site's published address (its canonical links, SITE_URL), and every
request is answered from the built folder (Playwright's request routing), without a server or a port. The pages'
scripts therefore see their real address, which is what the printed address line shows (site.js), and any request
to another server is refused and stops the command: a PDF never depends on one.

PDFs carry the page's title and language, a structure tree (tagged PDF), the outline of their headings, and
(build_steps/pdf_info.py) the site's author and the page's description as subject. Fonts are the system's,
embedded as subsets: a sheet weighs about 60 to 80 Ko.
"""

from __future__ import annotations

import datetime
import math
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup
from mkdocs.exceptions import PluginError

from content import command_line
from content.history import french_date
from content.printable import BOOKLET, BOOKLET_MARK, FOLDER, SHEET_MARK
from content.text import count, file_size, sort_key

from .chromium import CHROMIUM, CHROMIUM_ARGS, CHROMIUM_PACKAGE
from .pdf_info import add_document_info, page_count

TEMPLATES = Path(__file__).parent / "templates"
BOOKLET_TITLE = "Livret des fiches mémos"
# Entries of the booklet's contents per printed page (a long title takes two lines): the page of every sheet is
# known before printing, and checked after.
CONTENTS_PER_PAGE = 18
# The page number at the bottom of the booklet's pages (Chromium draws it in the bottom margin of @page).
BOOKLET_FOOTER = (
    '<div style="width: 100%; margin: 0 12mm; font: 8pt sans-serif; color: #000; text-align: right;">'
    f'{BOOKLET_TITLE} · page <span class="pageNumber"></span> sur <span class="totalPages"></span></div>'
)
PDF_OPTIONS: dict[str, Any] = {"format": "A4", "print_background": True, "tagged": True, "outline": True, "prefer_css_page_size": True}

_LINK = re.compile(r'<a\b[^>]*\bdata-pv-pdf="(?P<mark>[^"]+)"[^>]*>(?P<text>.*?)</a>', re.DOTALL)
_HREF = re.compile(r'\bhref="(?P<href>[^"]*)"')
_DETAILS = re.compile(r'(<span class="pv-pdf__details">)\(PDF[^)<]*\)(</span>)')
_CANONICAL = re.compile(r'<link rel="canonical" href="(?P<href>[^"]+)"')

# In the page: the sheet's title, its article ready for the booklet, and what the booklet needs from the page.
# Links to a sheet of the booklet lead to its page in the booklet (a sheet is one page: a heading's anchor adds
# nothing), every other link is absolute; boxes are unticked; scripts and the PDF link are left out. The ids stay as
# they are, although every sheet has a « sources » heading: the print stylesheet selects h2#sources. Material's
# markup: article.md-content__inner, the header's first topic (the site's name).
EXTRACT = """(anchors) => {
  const article = document.querySelector("article.md-content__inner");
  const heading = article && article.querySelector("h1");
  if (!heading) return null;
  const title = heading.cloneNode(true);
  title.querySelectorAll(".headerlink").forEach(el => el.remove());
  const clone = article.cloneNode(true);
  clone.querySelectorAll("script, .pv-pdf").forEach(el => el.remove());
  clone.querySelectorAll("[href]").forEach(el => {
    const url = new URL(el.getAttribute("href"), document.baseURI);
    const target = anchors[url.origin + url.pathname];
    el.setAttribute("href", target === undefined ? url.href : "#" + target);
  });
  clone.querySelectorAll("[src]").forEach(el => el.setAttribute("src", new URL(el.getAttribute("src"), document.baseURI).href));
  clone.querySelectorAll("input").forEach(el => { el.removeAttribute("checked"); });
  const meta = name => (document.querySelector(`meta[name="${name}"]`) || {}).content || "";
  const site = document.querySelector(".md-header__topic .md-ellipsis");
  return {
    title: title.textContent.trim(),
    html: clone.innerHTML,
    lang: document.documentElement.lang,
    site: site ? site.textContent.trim() : "",
    author: meta("author"),
    description: meta("description"),
    stylesheets: [...document.querySelectorAll('link[rel="stylesheet"]')].map(link => link.href),
    body: Object.fromEntries([...document.body.attributes]
      .filter(a => a.name === "dir" || a.name.startsWith("data-md-color")).map(a => [a.name, a.value])),
  };
}"""
# On paper, every checkbox is an empty square to tick with a pen (blocks.css), never a ticked one.
TICKED_BOXES = """() => [...document.querySelectorAll('input[type="checkbox"]')]
  .filter(box => box.checkVisibility())
  .filter(box => box.checked || getComputedStyle(box).appearance !== "none")
  .map(box => (box.labels[0] || box).textContent.trim().slice(0, 60) || box.id)"""


@dataclass
class Sheet:
    """A memo sheet to print: its page in the built site and where its PDF goes."""

    url: str  # relative to the site's root: « fiches/profil-linkedin/ »
    pdf: str  # relative to the site's root: « pdf/profil-linkedin.pdf »
    title: str = ""
    anchor: str = ""  # its id in the booklet
    number: int = 0  # its rank in the booklet
    page: int = 0  # its page in the booklet
    html: Markup = field(default_factory=Markup)


@dataclass
class Kit:
    """What `make pdf` printed: file -> (pages, bytes), in the site's folder."""

    files: dict[str, tuple[int, int]] = field(default_factory=dict)

    def summary(self) -> str:
        sheets = [size for name, (_, size) in self.files.items() if name != BOOKLET]
        pages, size = self.files[BOOKLET]
        return (
            f"{count(len(sheets), 'fiche', 'fiches')} d’une page (de {file_size(min(sheets))} à {file_size(max(sheets))}) "
            f"et le livret ({count(pages, 'page', 'pages')}, {file_size(size)}), dans {FOLDER}/."
        )


def details(pages: int, size: int) -> str:
    """What a link says about its PDF: « PDF, 1 page, 62 Ko »."""
    return f"PDF, {count(pages, 'page', 'pages')}, {file_size(size)}"


def published_address(site_dir: Path) -> str:
    """The site's published address, from the home page's canonical link (written when SITE_URL is set)."""
    home = site_dir / "index.html"
    if not home.is_file():
        raise PluginError(f"{site_dir} ne contient pas de site construit (index.html manque) : lancez make pdf.")
    found = _CANONICAL.search(home.read_text(encoding="utf-8"))
    if found is None or not re.match(r"https?://[^/]+", found.group("href")):
        raise PluginError(
            "Le site a été construit sans son adresse publiée (SITE_URL) : chaque PDF imprime l’adresse de sa fiche. "
            "Lancez par exemple : SITE_URL=https://intranet.example.gouv.fr/porter-la-voix/ make pdf"
        )
    address = found.group("href")
    return address if address.endswith("/") else address + "/"


def _page_url(site_dir: Path, html: Path) -> str:
    relative = html.relative_to(site_dir).as_posix()
    return relative.removesuffix("index.html") if relative.endswith("/index.html") or relative == "index.html" else relative


def _target(page_url: str, link: str) -> str:
    """The file a PDF link of the page at `page_url` points to, relative to the site's root."""
    href = _HREF.search(link)
    return urlsplit(urljoin("/" + page_url, href.group("href") if href else "")).path.lstrip("/")


def find_links(site_dir: Path) -> tuple[list[Sheet], dict[Path, str]]:
    """The memo sheets to print (one per page carrying its sheet's link), and the pages with PDF links (-> address)."""
    sheets: list[Sheet] = []
    linked: dict[Path, str] = {}
    problems: list[str] = []
    for html in sorted(site_dir.rglob("*.html")):
        relative = html.relative_to(site_dir)
        if relative.parts[0] in ("pagefind", FOLDER) or relative.parts[0].startswith("."):
            continue
        text = html.read_text(encoding="utf-8")
        if "data-pv-pdf=" not in text:
            continue
        url = _page_url(site_dir, html)
        linked[html] = url
        for link in _LINK.finditer(text):
            target = _target(url, link.group(0))
            mark = link.group("mark")
            if mark == SHEET_MARK:
                sheets.append(Sheet(url=url, pdf=target))
            elif mark != BOOKLET_MARK or target != BOOKLET:
                problems.append(f"{relative} : lien vers « {target} » ({mark}) inconnu de build_steps/pdf_kit.py")
    twice = sorted({sheet.pdf for sheet in sheets if sum(other.pdf == sheet.pdf for other in sheets) > 1})
    problems += [f"deux fiches donneraient le même fichier {name} : renommez l’une d’elles" for name in twice]
    if problems:
        raise PluginError(" ; ".join(problems) + ".")
    if not sheets:
        raise PluginError(
            "Aucune fiche mémo ne porte de lien vers son PDF : le site a été construit sans PV_PDF=on. "
            "make pdf le construit ainsi avant d’imprimer."
        )
    return sheets, linked


class SiteRoutes:
    """Answers Chromium's requests for the published address from the built folder (and a few generated files);
    refuses, and records, every request to another server or for a file the site does not have."""

    def __init__(self, site_dir: Path, address: str) -> None:
        self.site_dir = site_dir.resolve()
        self.address = address
        self.generated: dict[str, tuple[str, bytes]] = {}  # address -> (content type, body)
        self.refused: list[str] = []

    def __call__(self, route: Any) -> None:
        url = route.request.url.split("#", 1)[0]
        if url in self.generated:
            content_type, body = self.generated[url]
            route.fulfill(status=200, content_type=content_type, body=body)
            return
        if not url.startswith(self.address):
            self.refused.append(f"{url} (autre serveur)")
            route.abort()
            return
        path = (self.site_dir / unquote(urlsplit(url).path[len(urlsplit(self.address).path) :])).resolve()
        if path.is_dir():
            path = path / "index.html"
        if not path.is_relative_to(self.site_dir) or not path.is_file():
            self.refused.append(f"{url} (absent du site construit)")
            route.fulfill(status=404, body="")
            return
        route.fulfill(status=200, path=str(path))


def _browser(playwright: Any) -> Any:
    if not Path(CHROMIUM).exists():
        raise PluginError(
            f"{CHROMIUM} est introuvable : installez le paquet Debian {CHROMIUM_PACKAGE} (apt-get install {CHROMIUM_PACKAGE})."
        )
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


def _open(page: Any, url: str) -> None:
    page.goto(url, wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")


def _ticked(page: Any) -> list[str]:
    page.emulate_media(media="print")
    try:
        return page.evaluate(TICKED_BOXES)
    finally:
        page.emulate_media(media="null")  # back to no emulation (None would leave print on)


def _print(page: Any, target: Path, *, author: str, subject: str, **options: Any) -> tuple[int, int]:
    pdf = add_document_info(page.pdf(**PDF_OPTIONS, **options), author=author, subject=subject)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(pdf)
    return page_count(pdf), len(pdf)


def render_booklet(sheets: list[Sheet], pages: dict[str, Any], address: str, booklet_css: str) -> str:
    """The booklet's HTML (templates/livret.html) from the sheets extracted from their pages."""
    first = next(iter(pages.values()))
    stylesheets = list(dict.fromkeys(href for page in pages.values() for href in page["stylesheets"]))
    parts = [sheets[start : start + CONTENTS_PER_PAGE] for start in range(0, len(sheets), CONTENTS_PER_PAGE)]
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=StrictUndefined)
    return env.get_template("livret.html").render(
        lang=first["lang"],
        title=BOOKLET_TITLE,
        site_name=first["site"],
        stylesheets=stylesheets,
        booklet_css=booklet_css,
        body_attributes=first["body"],
        generated=french_date(datetime.date.today()),
        address=address,
        contents=parts,
        sheets=sheets,
    )


def print_kit(site_dir: Path) -> Kit:
    """Print every memo sheet of the built site and their booklet into site_dir/pdf/, then write their page count and
    size into the links. Raises PluginError (French) when a sheet does not fit on one page, or on any other problem."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        raise PluginError("Playwright n’est pas installé : make pdf installe les dépendances de test (requirements-test.txt).") from error
    address = published_address(site_dir)
    sheets, linked = find_links(site_dir)
    for sheet in sheets:
        sheet.anchor = "pv-livret-" + Path(sheet.pdf).stem
    anchors = {address + sheet.url: sheet.anchor for sheet in sheets}
    kit, problems, extracted = Kit(), [], {}
    routes = SiteRoutes(site_dir, address)
    with sync_playwright() as playwright:
        browser = _browser(playwright)
        try:
            context = browser.new_context(locale="fr-FR", color_scheme="light")
            context.route("**/*", routes)
            page = context.new_page()
            for sheet in sheets:
                _open(page, address + sheet.url)
                found = page.evaluate(EXTRACT, anchors)
                if found is None:
                    problems.append(f"{sheet.url} : pas de titre de niveau 1 dans la page")
                    continue
                sheet.title, sheet.html = found["title"], Markup(found["html"])
                extracted[sheet.url] = found
                ticked = _ticked(page)
                if ticked:
                    problems.append(f"{sheet.url} : cases imprimées cochées ou non vides : {ticked}")
                pages, size = _print(page, site_dir / sheet.pdf, author=found["author"], subject=found["description"])
                kit.files[sheet.pdf] = (pages, size)
                if pages != 1:
                    problems.append(
                        f"la fiche « {sheet.title} » ({sheet.url}) tient sur {pages} pages A4 au lieu d’une : "
                        "raccourcissez-la (ou sa liste de vérification) jusqu’à ce qu’elle tienne sur une page"
                    )
            if problems:
                raise PluginError(" ; ".join(problems) + ".")

            # The booklet: cover, contents, then each sheet on its page, in the order of the memo sheets' index page
            # (alphabetical order of title, macros/navigation.py's page_list).
            sheets.sort(key=lambda sheet: sort_key(sheet.title))
            contents_pages = math.ceil(len(sheets) / CONTENTS_PER_PAGE)
            for number, sheet in enumerate(sheets, start=1):
                sheet.number, sheet.page = number, 1 + contents_pages + number
            booklet_url = address + BOOKLET.removesuffix(".pdf") + ".html"
            booklet_css = address + FOLDER + "/livret.css"
            routes.generated[booklet_css] = ("text/css", (TEMPLATES / "livret.css").read_bytes())
            routes.generated[booklet_url] = ("text/html; charset=utf-8", render_booklet(sheets, extracted, address, booklet_css).encode())
            _open(page, booklet_url)
            ticked = _ticked(page)
            if ticked:
                raise PluginError(f"livret : cases imprimées cochées ou non vides : {ticked}.")
            first = next(iter(extracted.values()))
            subject = f"Les {len(sheets)} fiches mémos du site {first['site']}, une par page, avec leurs listes de vérification."
            pages, size = _print(
                page,
                site_dir / BOOKLET,
                author=first["author"],
                subject=subject,
                display_header_footer=True,
                header_template="<span></span>",
                footer_template=BOOKLET_FOOTER,
            )
            kit.files[BOOKLET] = (pages, size)
            expected = 1 + contents_pages + len(sheets)
            if pages != expected:
                raise PluginError(
                    f"livret : {pages} pages au lieu de {expected} (couverture, sommaire et une page par fiche) : "
                    "une fiche n’y tient pas sur sa page. Comparez-la avec son PDF seul."
                )
        finally:
            browser.close()
    if routes.refused:
        raise PluginError("requêtes refusées pendant l’impression : " + " ; ".join(sorted(set(routes.refused))) + ".")
    fill_links(linked, kit)
    return kit


def fill_links(linked: dict[Path, str], kit: Kit) -> None:
    """Write each PDF's page count and size into the links that point to it: « (PDF, 1 page, 62 Ko) »."""
    for html, url in linked.items():

        def fill(link: re.Match[str], url: str = url, html: Path = html) -> str:
            target = _target(url, link.group(0))
            if target not in kit.files:
                raise PluginError(f"{html} : lien vers {target}, qui n’a pas été produit.")
            filled, done = _DETAILS.subn(lambda span: f"{span.group(1)}({details(*kit.files[target])}){span.group(2)}", link.group(0))
            if done != 1:
                raise PluginError(f"{html} : le lien vers {target} n’a pas la forme attendue (pv-pdf__details).")
            return filled

        html.write_text(_LINK.sub(fill, html.read_text(encoding="utf-8")), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = command_line.parser(
        prog="python -m build_steps.pdf_kit",
        description="Imprime chaque fiche mémo du site construit en PDF d’une page, puis le livret des fiches (make pdf).",
    )
    parser.add_argument("site", type=Path, help="le dossier du site construit avec PV_PDF=on (par ex. site/)")
    args = parser.parse_args(argv)
    return command_line.finish("Fiches en PDF", lambda: print_kit(args.site).summary(), (PluginError,))


if __name__ == "__main__":
    sys.exit(main())
