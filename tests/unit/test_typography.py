"""French typography at render time: each rule, and each place it must not touch."""

from __future__ import annotations

import markdown
import pytest

from content.typography import NBSP, NNBSP, fix_text


def render(text: str) -> str:
    return markdown.markdown(text, extensions=["content.typography", "attr_list", "md_in_html", "abbr"])


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Pourquoi ?", f"Pourquoi{NNBSP}?"),
        ("Pourquoi?", f"Pourquoi{NNBSP}?"),
        ("Attention !", f"Attention{NNBSP}!"),
        ("d'abord ; ensuite", f"d'abord{NNBSP}; ensuite"),
        ("Vraiment ?!", f"Vraiment{NNBSP}?!"),
        ("Exemple : un message", f"Exemple{NBSP}: un message"),
        ("Exemple: un message", f"Exemple{NBSP}: un message"),
        ("« Un dispositif »", f"«{NBSP}Un dispositif{NBSP}»"),
        ("«Un dispositif»", f"«{NBSP}Un dispositif{NBSP}»"),
        ("3 000 recrutements", f"3{NBSP}000 recrutements"),
        ("15 000 € d'amende", f"15{NBSP}000{NBSP}€ d'amende"),
        ("28 % de départs", f"28{NBSP}% de départs"),
        ("28% de départs", f"28{NBSP}% de départs"),
    ],
)
def test_rules(typed, expected):
    assert fix_text(typed) == expected


@pytest.mark.parametrize(
    "untouched",
    [
        "à 10:30",  # a time
        "https://www.legifrance.gouv.fr/codes?id=1;x=2",  # a URL
        "ecrire@exemple.gouv.fr",  # an e-mail address
        "année 2024",  # a year is not a group of digits
        "(?)",  # nothing after an opening bracket
    ],
)
def test_leaves_alone(untouched):
    assert fix_text(untouched) == untouched


def test_is_idempotent():
    once = fix_text("Pourquoi ? « Oui » : 3 000 € et 28 %")
    assert fix_text(once) == once


def test_applies_in_rendered_markdown_across_inline_elements():
    html = render("Un **exemple** : *vraiment* ? Oui !")
    assert f"</strong>{NBSP}: <em>" in html
    assert f"</em>{NNBSP}? Oui{NNBSP}!" in html


def test_does_not_touch_inline_code_or_code_blocks():
    html = render("Tapez `a ? b : c` puis :\n\n    x = 1 ? 2 : 3\n")
    assert "<code>a ? b : c</code>" in html
    assert "x = 1 ? 2 : 3" in html
    assert f"puis{NBSP}:" in html


def test_does_not_touch_attributes_or_link_targets():
    html = render('[La page ?](https://exemple.gouv.fr/p?q=1 "Titre ?") et texte { title="Attribut ?" }')
    assert 'href="https://exemple.gouv.fr/p?q=1"' in html
    assert 'title="Titre ?"' in html
    assert f"La page{NNBSP}?" in html


def test_does_not_touch_raw_html():
    html = render('<div class="x" data-info="a ? b">brut ?</div>')
    assert '<div class="x" data-info="a ? b">brut ?</div>' in html


def test_does_not_touch_entities_nor_heading_permalinks():
    assert fix_text("&para; et &#8239;") == "&para; et &#8239;"
    html = markdown.markdown("## Pourquoi ?", extensions=["content.typography", "toc"], extension_configs={"toc": {"permalink": True}})
    assert "&para;</a>" in html
    assert f"Pourquoi{NNBSP}?" in html
