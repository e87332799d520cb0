"""`glossary()`: the terms of data/glossary.yml as a definition list, alphabetical, one id per term.

A term's id is its name in lowercase ASCII with hyphens (« Droit à la déconnexion » ->
``droit-a-la-deconnexion``), so a page can link to ``glossaire.md#droit-a-la-deconnexion``.
"""

from __future__ import annotations

from markupsafe import Markup

from content.data import Site
from content.pages import PageInfo

from .current import Links
from .render import render


def render_glossary(site: Site, page: PageInfo) -> Markup:
    return render("glossary.html", entries=site.glossary, page=page, link=Links(site, page))
