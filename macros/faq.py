"""`faq()`: the « Questions fréquentes » page, from data/faq.yml.

Each question is a heading of its own, with its id (`{ #id }`): the table of contents lists it, a link can point to
it, and the search opens the page at the question. Under it: the answer (light Markdown, made safe HTML), who it is
for, the pages that say more, and the legal references it rests on.

Writes Markdown, so that the questions are real headings (table of contents, permalinks, search sections) and the
links to other pages are checked by MkDocs like any other link.
"""

from __future__ import annotations

from content.data import AUDIENCES, Site
from content.inline import markdown_text, render_inline
from content.pages import PageInfo

from .current import Links
from .references import entry_link
from .render import render


def render_faq(site: Site, page: PageInfo) -> str:
    link = Links(site, page)
    faq = site.faq
    themes = [(theme_id, theme) for theme_id, theme in faq["themes"].items() if any(q["theme"] == theme_id for q in faq["questions"])]
    # The themes first, as a short list of links: the page hides the sidebar's table of contents, whose 50 questions
    # would weigh on every visit (tests/browser/test_weight.py); a reader jumps to a theme, the search to a question.
    parts: list[str] = ["**Thèmes :**", ""]
    parts += [
        f"- [{markdown_text(theme)}](#{theme_id}) ({sum(q['theme'] == theme_id for q in faq['questions'])})" for theme_id, theme in themes
    ]
    parts.append("")
    for theme_id, theme in themes:
        questions = [q for q in faq["questions"] if q["theme"] == theme_id]
        parts += [f"## {markdown_text(theme)} {{ #{theme_id} }}", ""]
        for question in questions:
            parts += [f"### {markdown_text(question['question'])} {{ #{question['id']} }}", ""]
            parts.append(
                str(
                    render(
                        "faq_answer.html",
                        question=question,
                        audiences=[AUDIENCES[audience] for audience in question["public"]],
                        references=site.references,
                        entries={rid: entry_link(site, page, rid) for rid in question.get("references") or []},
                        answer=render_inline(question["reponse"], link),
                    )
                )
            )
            more = " · ".join(f"[{markdown_text(link.title(target)) or target}]({link.source(target)})" for target in question["liens"])
            parts += ["", f"**Pour aller plus loin :** {more}", ""]
    return "\n".join(parts)
