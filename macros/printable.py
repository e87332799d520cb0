"""`pdf_booklet()`: the link to « Livret des fiches mémos », the PDF gathering every memo sheet (`make pdf`).

It renders nothing in a plain build (PV_PDF unset or « off », content/printable.py): that build publishes no PDF,
so it must not link to one. In a `make pdf` build, it renders the link with its details to fill: build_steps/pdf_kit.py
prints the booklet and writes its page count and size into them (« PDF, 13 pages, 480 Ko »).
"""

from __future__ import annotations

from markupsafe import Markup

from content.data import Site
from content.pages import PageInfo
from content.printable import BOOKLET, BOOKLET_MARK, pdf_links_enabled
from content.urls import relative_url

from .render import render


def render_pdf_booklet(site: Site, page: PageInfo) -> Markup:
    if not pdf_links_enabled():
        return Markup("")
    return render("pdf_booklet.html", href=relative_url(BOOKLET, page.url), mark=BOOKLET_MARK)
