"""content/braces.py: text of a page that the macro engine would read as code, found before the build with its line
and the fix (issue: « {#ancre} » after a heading, a lone « {% raw %} », « {{ nom }} »)."""

from __future__ import annotations

import pytest

from content.braces import find_brace_mistakes

NAMES = frozenset({"checklist", "related"})


def mistakes(body: str) -> list[tuple[int, str]]:
    return [(m.line, m.message) for m in find_brace_mistakes(body, 10, NAMES)]


def test_heading_id_without_spaces_is_explained_with_its_fix():
    [found] = find_brace_mistakes("Texte.\n\n## Mon titre {#mon-ancre}\n", 10, NAMES)
    assert found.line == 12 and found.text == "{#mon-ancre}"
    assert "« {# » est lu comme le début d’un commentaire du moteur de macros" in found.message
    assert found.expected == "une espace après l’accolade ouvrante et avant la fermante : « { #mon-ancre } »"
    # with a class too
    [found] = find_brace_mistakes("## Titre {#ancre .important}\n", 1, NAMES)
    assert found.expected.endswith("« { #ancre .important } »")


def test_other_unclosed_comment_start():
    assert mistakes("Un texte {# qui continue\nsur deux lignes.\n") == [
        (10, "« {# qui continue » : « {# » ouvre un commentaire du moteur de macros, jamais refermé")
    ]


def test_lone_raw_and_endraw():
    assert [line for line, _ in mistakes("a\n{% raw %}\nb {{ x }}\n")] == [11]
    assert mistakes("a\n{% raw %}\nb\n") == [(11, "« {% raw %} » sans « {% endraw %} » plus loin")]
    assert mistakes("a\n{% endraw %}\n") == [(11, "« {% endraw %} » sans « {% raw %} » avant")]


def test_unknown_name_between_double_braces():
    [found] = find_brace_mistakes("\n\nBonjour {{ nom }}, et {{ config.site_name }}.\n", 5, NAMES)
    assert found.line == 7 and found.name == "nom"
    assert (
        found.message
        == "« {{ nom }} » : les doubles accolades sont lues comme du code, et « nom » n’est ni une macro ni une variable du site"
    )
    assert "{% raw %} et {% endraw %}" in found.expected


def test_a_call_jinja_cannot_read_is_reported_with_the_right_form():
    [found] = find_brace_mistakes('Texte.\n\n{{ checklist("avant-de-publier" }}\n', 20, NAMES)
    assert found.line == 22
    assert (
        found.message
        == '« {{ checklist("avant-de-publier" }} » : appel entre doubles accolades mal écrit (parenthèse ou guillemet manquant)'
    )
    assert found.expected.endswith('{{ checklist("avant-de-publier") }}')


def test_unclosed_call_and_statements():
    assert mistakes("Un {{ checklist(\n\nfin.\n") == [(10, "« {{ » ouvre un appel du moteur de macros, jamais refermé par « }} »")]
    assert mistakes("a\n{% if x %}b{% endif %}\n") == [
        (11, "« {% if x %} » : instruction du moteur de macros, qui ne sert pas dans les pages"),
        (11, "« {% endif %} » : instruction du moteur de macros, qui ne sert pas dans les pages"),
    ]


@pytest.mark.parametrize(
    "body",
    [
        "## Titre { #ancre }\n",  # the right way: spaces
        "{% raw %}\n## Exemple {#ancre}\n{{ nom }}\n{% endraw %}\n",  # shown as is
        "{# a Jinja comment, closed #}\n",
        '{{ checklist("avant-de-publier") }}\n{{ related() }}\n{{ page.title }}\n',
        "Du code `{ #id }` et un dictionnaire { 'a': 1 }.\n",
    ],
)
def test_what_the_engine_reads_correctly_is_not_reported(body):
    assert mistakes(body) == []
