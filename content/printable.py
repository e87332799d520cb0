"""The printable kit: every memo sheet as a one-page PDF, and the booklet that gathers them (`make pdf`).

A build links to these PDFs only when the environment variable PV_PDF is « on », which `make pdf` sets before it
prints them (build_steps/pdf_kit.py): a plain build publishes no PDF, so it must not link to one. The links are
written by the theme on each memo sheet (overrides/partials/pdf.html) and by the `pdf_booklet()` macro where an
editor calls it; each carries `data-pv-pdf` with the file it points to, so the printing step knows which files it
owes and writes their size and page count into the link once they are printed.
"""

from __future__ import annotations

import os
import posixpath

from mkdocs.exceptions import PluginError

SWITCH = "PV_PDF"
FOLDER = "pdf"  # in the built site: site/pdf/<sheet>.pdf and the booklet
BOOKLET = f"{FOLDER}/livret-fiches-memos.pdf"
# Values of the links' `data-pv-pdf` attribute: what the printing step must produce for them.
SHEET_MARK = "fiche"
BOOKLET_MARK = "livret"
# The type of page (content/page_types.py) printed as a one-page sheet.
SHEET_TYPE = "fiche"


def pdf_links_enabled() -> bool:
    """Whether this build links to the PDFs (PV_PDF « on »; unset or « off »: no link)."""
    value = os.environ.get(SWITCH, "off").strip().lower() or "off"
    if value not in ("on", "off"):
        raise PluginError(f"{SWITCH}={value!r} : valeur inconnue. Valeurs possibles : on (make pdf), off (par défaut).")
    return value == "on"


def sheet_pdf(page_url: str) -> str:
    """Where a memo sheet's PDF is published, from the sheet's address: « fiches/profil-linkedin/ » ->
    « pdf/profil-linkedin.pdf » (« fiches/profil-linkedin.html » too, without directory URLs)."""
    name = posixpath.basename(page_url.rstrip("/"))
    name = name.removesuffix(".html")
    if not name or name == "index":
        raise PluginError(f"{page_url or 'la page d’accueil'} : une page d’index ne peut pas être une fiche à imprimer.")
    return f"{FOLDER}/{name}.pdf"
