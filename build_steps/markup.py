"""Build step: completes Material's markup where no template block lets the theme do it (each fix says why).

overrides/main.html extends Material's blocks and never edits their output. Three things cannot be done that way:

- the search button and dialog (Pagefind, overrides/partials/search.html) belong in the header's navigation bar,
  where Material puts its own search, which it writes only when its search plugin is on. The `header` block writes
  them after the header, between two marker comments; this step moves them to the end of the header's bar;
- the breadcrumbs are labelled « Navigation » like the main menu: two landmarks with one name cannot be told apart
  by screen-reader users (RGAA 12.6, WCAG 2.4.1): they become « Fil d’Ariane »;
- the list of the page's tags is a <nav> without a name (RGAA 12.6): it becomes « Étiquettes de la page ».

The others remove errors the Nu HTML Checker (vnu) and HTML_CodeSniffer find in Material's markup (each named with
the checker's rule in engine/compat.py): an empty tabindex on the navigation's section labels, autocomplete on
checkboxes, the table of contents' toggle without its label or its label without the toggle, and the colour-scheme
switch written as a form that nothing submits; and IBM Equal Access failures: icons without a name, aria-expanded on
<nav>, the page's dates in an unnamed <aside>, the colour switch's radio buttons not grouped. They change nothing a reader
sees or a keyboard reaches. What cannot be fixed this way is listed in docs/accessibilite.md.

Where Material's markup is expected is engine/compat.py's: a page where it is not found stops the build, naming the
fix, so that an upgrade of Material cannot silently undo one.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from engine import compat

SEARCH_START = "<!-- pv:header-search -->"
SEARCH_END = "<!-- /pv:header-search -->"
BREADCRUMBS_LABEL = "Fil d’Ariane"
TAGS_LABEL = "Étiquettes de la page"
DATES_LABEL = "Dates de la page"
PALETTE_LABEL = "Couleurs du site"


def _changed(fix: str, file: str) -> PluginError:
    return PluginError(
        f"Thème : {file} : le balisage de Material n’est plus celui qu’attend la correction « {fix} » "
        "(build_steps/markup.py). Material a sans doute été mis à jour : voyez engine/compat.py et "
        "tests/unit/test_compat.py."
    )


def move_search_into_header(html: str, file: str) -> str:
    start = html.find(SEARCH_START)
    if start == -1:
        return html
    end = html.find(SEARCH_END, start)
    header = html.find(compat.HEADER_START)
    bar_end = html.find(compat.HEADER_NAV_END, header) if header != -1 else -1
    if end == -1 or bar_end == -1 or bar_end > start:
        raise _changed("recherche dans l’en-tête", file)
    fragment = html[start + len(SEARCH_START) : end].strip()
    html = html[:start] + html[end + len(SEARCH_END) :]
    return html[:bar_end] + fragment + html[bar_end:]


def label_breadcrumbs(html: str, file: str) -> str:
    if 'class="md-path"' not in html:
        return html  # pages at the first level have no breadcrumbs
    html, count = compat.BREADCRUMBS.subn(f'<nav class="md-path" aria-label="{BREADCRUMBS_LABEL}"', html, count=1)
    if count != 1:
        raise _changed("nom du fil d’Ariane", file)
    return html


def label_page_tags(html: str, file: str) -> str:
    if 'class="md-tags"' not in html:
        return html  # a page without tags
    if compat.PAGE_TAGS not in html:
        raise _changed("nom de la liste des étiquettes", file)
    return html.replace(compat.PAGE_TAGS, f'{compat.PAGE_TAGS} aria-label="{TAGS_LABEL}"', 1)


def _hide_unnamed_icons(html: str) -> str:
    """aria-hidden on every inline SVG without a name, a role or a <title> (engine/compat.py, SVG_START)."""
    parts, position = [], 0
    for match in compat.SVG_START.finditer(html):
        end = html.find("</svg>", match.end())
        if end != -1 and "<title" in html[match.end() : end]:
            continue
        parts += [html[position : match.start()], '<svg aria-hidden="true" focusable="false"']
        position = match.end()
    return "".join(parts) + html[position:]


def valid_html(html: str) -> str:
    """The Nu HTML Checker's and HTML_CodeSniffer's errors of Material's markup removed (engine/compat.py names
    each, with the checker's rule)."""
    html = html.replace(compat.EMPTY_TABINDEX, "")
    html = compat.CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    if compat.TOC_TOGGLE_INPUT in html and compat.TOC_LABEL_FOR not in html:
        html = html.replace(compat.TOC_TOGGLE_INPUT, "", 1)
    if compat.TOC_TITLE_LABEL in html and compat.TOC_TOGGLE not in html:
        html = html.replace(compat.TOC_TITLE_LABEL, compat.TOC_TITLE_LABEL.replace(f" {compat.TOC_LABEL_FOR}", ""))
    html = _hide_unnamed_icons(html)
    html = compat.NAV_EXPANDED.sub(r"\1", html)
    html = html.replace(compat.SOURCE_FILE_ASIDE, compat.SOURCE_FILE_ASIDE.replace(">", f' aria-label="{DATES_LABEL}">'))
    start = html.find(compat.PALETTE_FORM)
    end = html.find("</form>", start)
    if start != -1 and end != -1:
        opening = compat.PALETTE_FORM.replace("<form", "<div", 1).replace(">", f' role="radiogroup" aria-label="{PALETTE_LABEL}">')
        html = html[:start] + opening + html[start + len(compat.PALETTE_FORM) : end] + "</div>" + html[end + len("</form>") :]
    return html


def complete_markup(html: str, file: str) -> str:
    """Every fix above, on one rendered page (`file`: the page, as editors know it, for the message)."""
    html = move_search_into_header(html, file)
    html = label_breadcrumbs(html, file)
    return valid_html(label_page_tags(html, file))
