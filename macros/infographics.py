"""`infographic(id)`: an infographic from data/infographics/<id>.yml, as real headings and lists.

Markup: macros/templates/infographic.html; style (two columns, dark mode, one A4 page in print):
the ig- part of docs/assets/stylesheets/blocks.css.
"""

from __future__ import annotations

from markupsafe import Markup

from content.data import Site
from content.pages import PageInfo

from .current import Links
from .errors import unknown_id
from .render import render


def render_infographic(site: Site, page: PageInfo, infographic_id: str) -> Markup:
    infographic = site.infographics.get(infographic_id)
    if infographic is None:
        raise unknown_id("infographic", infographic_id, "infographie", "data/infographics/", site.infographics)
    return render("infographic.html", infographic=infographic, infographic_id=infographic_id, page=page, link=Links(site, page))
