"""`checklist(id)`: an accessible, interactive checklist from data/checklists/<id>.yml.

Markup: macros/templates/checklist.html; behaviour: the checklists' part of docs/assets/javascripts/site.js;
style: the ck- part of docs/assets/stylesheets/blocks.css.
"""

from __future__ import annotations

from markupsafe import Markup

from content.data import Site
from content.pages import PageInfo

from .current import Links
from .errors import unknown_id
from .render import render


def render_checklist(site: Site, page: PageInfo, checklist_id: str) -> Markup:
    checklist = site.checklists.get(checklist_id)
    if checklist is None:
        raise unknown_id("checklist", checklist_id, "liste de vérification", "data/checklists/", site.checklists)
    return render("checklist.html", checklist=checklist, checklist_id=checklist_id, page=page, link=Links(site, page))
