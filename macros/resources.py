"""`resources(kind)` and `official_document(id)`: lists of resources and « où lire le texte officiel ».

data/resources.yml groups resources by kind; a resource may point to a page of the site (`page`) and to
an official document (`document`, an id of data/official-documents.yml). data/official-documents.yml is the
one place where the access to each official text is described: a public address (`url`) only when one
exists, otherwise the `acces` sentence says where agents can read it (intranet).
"""

from __future__ import annotations

from markupsafe import Markup

from content.data import Site
from content.pages import PageInfo

from .current import Links
from .errors import unknown_id
from .render import render


def render_resources(site: Site, page: PageInfo, kind: str) -> Markup:
    resources = site.resources.get(kind)
    if resources is None:
        raise unknown_id("resources", kind, "type de ressources", "data/resources.yml", site.resources)
    return render("resources.html", resources=resources, documents=site.documents, page=page, link=Links(site, page))


def render_official_document(site: Site, page: PageInfo, document_id: str) -> Markup:
    document = site.documents.get(document_id)
    if document is None:
        raise unknown_id("official_document", document_id, "document officiel", "data/official-documents.yml", site.documents)
    return render("official_document.html", document=document, document_id=document_id, page=page, link=Links(site, page))
