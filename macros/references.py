"""`ref(id)` and `references()`: legal references from data/references.yml.

- `ref(id)`: a reference cited in a sentence, « CGFP, art. L121-7 », linked to the official text (its title as a
  tooltip); `ref(id, "texte")` shows another text, such as « l’article L121-7 ».
- `references()`: the « Textes de référence » page: every reference, by kind, with what it is about, where to read
  it, when it was last checked, and the pages of the site that cite it (with `ref()` or in their text).

`references()` writes Markdown (tables under headings), so that its headings are in the table of contents and its
links to the pages are checked by MkDocs like any other link.
"""

from __future__ import annotations

from markupsafe import Markup

from content.data import Site
from content.history import french_date
from content.inline import markdown_text
from content.pages import PageInfo
from content.references import REFERENCE_TYPES, REFERENCES_PAGE

from .current import Links
from .errors import MacroError, unknown_id
from .render import host, render


def render_ref(site: Site, page: PageInfo, reference_id: str, label: str | None = None) -> Markup:
    reference = site.references.get(reference_id)
    if reference is None:
        raise unknown_id("ref", reference_id, "référence", "data/references.yml", site.references)
    if label is not None and (not isinstance(label, str) or not label.strip()):
        raise MacroError(f"ref(« {reference_id} », …) : le texte affiché doit être un texte entre guillemets.")
    return render("ref.html", reference=reference, label=label or reference["court"], entry=entry_link(site, page, reference_id))


def entry_link(site: Site, page: PageInfo, reference_id: str) -> str | None:
    """The address of a reference's line on the « Textes de référence » page, from `page` (None without that page)."""
    return Links(site, page)(f"{REFERENCES_PAGE}#ref-{reference_id}")


def render_references(site: Site, page: PageInfo) -> str:
    link = Links(site, page)
    parts: list[str] = []
    for kind, heading in REFERENCE_TYPES.items():
        entries = sorted(((rid, ref) for rid, ref in site.references.items() if ref["type"] == kind), key=lambda item: item[0])
        if not entries:
            continue
        # In a block of its own (md_in_html): printed, each reference becomes a few lines instead of a table row
        # (site.css), so that a narrow column does not break the addresses.
        parts += [f"## {heading}", "", '<div class="pv-refs" markdown>', ""]
        parts += ["| Référence | Objet | Où la lire | Vérifiée le | Citée dans |", "|---|---|---|---|---|"]
        for reference_id, reference in entries:
            where = (
                f"[{host(reference['adresse'])}]({reference['adresse']})" if reference.get("adresse") else markdown_text(reference["acces"])
            )
            uses = site.reference_uses.get(reference_id, [])
            cited = ", ".join(f"[{markdown_text(other.title)}]({link.source(other.src)})" for other in uses if other.src != page.src)
            parts.append(
                f'| <span id="ref-{reference_id}"></span>**{markdown_text(reference["court"])}** | {markdown_text(reference["objet"])} | {where} | '
                f"{french_date(reference['verifie_le'])} | {cited or '—'} |"
            )
        parts += ["", "</div>", ""]
    return "\n".join(parts)
