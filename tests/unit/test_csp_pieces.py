"""build_steps/csp.py scans the pages of a build piece by piece, parsing each piece once for the whole build: the
result must be exactly that of parsing each page whole, whatever the cut falls on (a tag inside a script, a comment,
a text area, a character reference, a style attribute, an unfinished tag at the end)."""

from __future__ import annotations

import random

from build_steps.csp import PieceCache, scan_page

HEADER = '<header class="md-header"><nav aria-label="En-tête"><a href="/">Accueil</a></nav></header>'
TRICKY = [
    '<script>var html = "<div class=x><li>" + "</p>";</script>',
    "<!-- <div> un commentaire <li> qui contient des balises -->",
    "<textarea><div>pas une balise</div><p></textarea>",
    "<title>Titre <p> et <div></title>",
    '<p style="color: red">texte &amp; <a href="#x" onclick="x()">lien</a></p>',
    "<style>div > p { color: blue } /* <li> */</style>",
    '<div data-x="<li>">attribut avec balise</div>',
    "<p>caractères &eacute;&#233;&nbsp;<a>fin",
    '<script type="application/json">{"a": "<div>"}</script>',
    '<a href="javascript:alert(1)">piège</a>',
    "<ul><li>un<li>deux</ul><ol><li>trois</ol>",
    "<![CDATA[ <div> ]]>",
    "<div",
]


def pages(count: int) -> list[str]:
    draw = random.Random(7)
    return [HEADER + "".join(draw.choice(TRICKY) for _ in range(draw.randint(1, 12))) for _ in range(count)]


def test_pieces_give_the_same_scan_as_whole_pages():
    cache = PieceCache()
    generated = pages(400)
    assert all(scan_page(page, cache) == scan_page(page) for page in generated)
    assert cache.pieces, "aucun morceau mis en cache : la découpe ne sert plus"
    assert any(scanned is None for scanned in cache.pieces.values()), "aucun morceau rejoint au suivant : cas non testé"


def test_each_tricky_fragment_at_any_place_of_a_page():
    cache = PieceCache()
    for fragment in TRICKY:
        for before in TRICKY:
            page = HEADER + before + fragment + "<p>après</p>"
            assert scan_page(page, cache) == scan_page(page), (before, fragment)
