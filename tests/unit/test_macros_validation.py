"""Validation of data/ and of the pages' front matter: one test per kind of mistake, with its exact French message.

Each test copies the mini-site tests/fixtures/macros-site/, breaks one thing and reads the problems that
content.data.load_site reports (the same function runs in the build and in `python -m editors.check`).
"""

from __future__ import annotations

import pytest
import yaml

from content.schema import compose_text, yaml_syntax_problem
from tests.macros_support import copy_mini_site, load, problems, write


@pytest.fixture
def site(tmp_path):
    return copy_mini_site(tmp_path / "site")


def only(found: list[str]) -> str:
    assert len(found) == 1, "\n".join(found)
    return found[0]


def test_mini_site_is_valid(site):
    assert problems(site) == []


# --- data files -------------------------------------------------------------------------------------
def test_missing_required_field_names_file_line_path_and_expectation(site):
    write(
        site,
        "data/checklists/avant-de-publier.yml",
        'titre: "Avant de publier"\n'
        "items:\n"
        '  - texte: "Un."\n'
        '    pourquoi: "A."\n'
        '  - texte: "Deux."\n'
        '    pourquoi: "B."\n'
        '    lien: "fiches/premiere.md"\n'
        "  # Troisième point : le texte a été oublié.\n"
        "  #\n"
        "  #\n"
        "  #\n"
        '  - pourquoi: "Le texte manque."\n',
    )
    assert only(problems(site)) == (
        "data/checklists/avant-de-publier.yml, ligne 12 : avant-de-publier › items[3] › texte — "
        "champ obligatoire manquant. Attendu : un texte non vide (la phrase que le lecteur coche)."
    )


def test_unknown_key_suggests_the_closest_one(site):
    write(site, "data/checklists/essai.yml", 'titre: "Liste"\nitems:\n  - textee: "Un point."\n')
    # One mistake, one message: the misspelt required field is not reported missing a second time.
    assert only(problems(site)) == (
        "data/checklists/essai.yml, ligne 3 : essai › items[1] › textee — champ inconnu « textee ». "
        "Vouliez-vous dire « texte » ? Attendu : un des champs texte, pourquoi, lien."
    )
    # A required field missing with no look-alike key is still reported.
    write(site, "data/checklists/essai.yml", 'titre: "Liste"\nitems:\n  - pourquoi: "Parce que."\n')
    assert any("essai › items[1] › texte — champ obligatoire manquant" in message for message in problems(site))


def test_unknown_key_without_accent_is_recognised(site):
    write(site, "data/glossary.yml", '- terme: "Sigle"\n  abréviation: "S"\n  definition: "Un sigle."\n')
    assert only(problems(site)) == (
        "data/glossary.yml, ligne 2 : glossaire[1] › abréviation — champ inconnu « abréviation ». "
        "Vouliez-vous dire « abreviation » ? Attendu : un des champs terme, abreviation, definition, voir."
    )


def test_wrong_type(site):
    write(site, "data/checklists/essai.yml", 'titre: "Liste"\nitems: "un seul point"\n')
    assert only(problems(site)) == (
        "data/checklists/essai.yml, ligne 2 : essai › items — un texte au lieu d’une liste. "
        "Attendu : la liste des points à cocher (au moins un), chacun commençant par « - texte: »."
    )


def test_value_read_as_boolean_or_number_asks_for_quotes(site):
    write(site, "data/checklists/essai.yml", 'titre: 2024\nitems:\n  - texte: "Un point."\n    pourquoi: yes\n')
    assert problems(site) == [
        "data/checklists/essai.yml, ligne 1 : essai › titre — « 2024 » est lu comme un nombre entier et non comme un texte : "
        "écrivez-le entre guillemets. Attendu : le titre de la liste, par ex. « Avant de publier sur un réseau social ».",
        "data/checklists/essai.yml, ligne 4 : essai › items[1] › pourquoi — « yes » est lu comme un booléen (oui/non) "
        "et non comme un texte : écrivez-le entre guillemets. Attendu : une courte explication de la règle.",
    ]


def test_empty_list(site):
    write(site, "data/checklists/essai.yml", 'titre: "Liste"\nitems: []\n')
    assert only(problems(site)) == (
        "data/checklists/essai.yml, ligne 2 : essai › items — liste vide. "
        "Attendu : la liste des points à cocher (au moins un), chacun commençant par « - texte: »."
    )


def test_empty_text(site):
    write(site, "data/checklists/essai.yml", 'titre: "Liste"\nitems:\n  - texte: ""\n')
    assert only(problems(site)) == (
        "data/checklists/essai.yml, ligne 3 : essai › items[1] › texte — texte vide. "
        "Attendu : un texte non vide (la phrase que le lecteur coche)."
    )


def test_yaml_syntax_error_with_line_and_hint(site):
    write(site, "data/checklists/essai.yml", 'titre: "Liste"\nitems:\n  - texte: Attention: deux-points\n')
    assert only(problems(site)) == (
        "data/checklists/essai.yml, ligne 3 : erreur de syntaxe YAML : deux-points « : » inattendu ; un texte qui "
        "contient « : » doit être écrit entre guillemets. Attendu : un fichier YAML valide : « champ: valeur », "
        "indentation par espaces, textes spéciaux entre guillemets."
    )


def test_yaml_tab_indentation(site):
    write(site, "data/series.yml", 'essai:\n\ttitre: "Série"\n')
    assert only(problems(site)).startswith("data/series.yml, ligne 2 : erreur de syntaxe YAML : tabulation interdite")


def test_key_written_twice(site):
    write(site, "data/checklists/essai.yml", 'titre: "Liste"\ntitre: "Autre"\nitems:\n  - texte: "Un."\n')
    assert only(problems(site)) == (
        "data/checklists/essai.yml, ligne 2 : essai › titre — champ écrit deux fois (déjà présent ligne 1). "
        "Attendu : chaque champ une seule fois par élément."
    )


def test_duplicate_tag_label(site):
    text = (site / "data/tags.yml").read_text(encoding="utf-8") + '- libelle: "Essais"\n  description: "Doublon."\n'
    write(site, "data/tags.yml", text)
    assert only(problems(site)) == (
        "data/tags.yml, ligne 7 : tags[4] › libelle — libellé « Essais » en double (déjà utilisé ligne 1). "
        "Attendu : un libellé différent pour chaque élément."
    )


def test_duplicate_glossary_term_even_with_other_accents(site):
    text = (site / "data/glossary.yml").read_text(encoding="utf-8") + '- terme: "Ecureuil"\n  definition: "Doublon."\n'
    write(site, "data/glossary.yml", text)
    assert only(problems(site)) == (
        "data/glossary.yml, ligne 9 : glossaire[4] › terme — terme « Ecureuil » en double (déjà utilisé ligne 3). "
        "Attendu : un terme différent pour chaque élément."
    )


def test_duplicate_checklist_item(site):
    write(site, "data/checklists/essai.yml", 'titre: "Liste"\nitems:\n  - texte: "Un."\n  - texte: "Un."\n')
    assert only(problems(site)) == (
        "data/checklists/essai.yml, ligne 4 : essai › items[2] › texte — point « Un. » en double (déjà utilisé ligne 3). "
        "Attendu : un point différent pour chaque élément."
    )


def test_resource_pointing_to_a_missing_document(site):
    text = (site / "data/resources.yml").read_text(encoding="utf-8").replace('"texte-interne"\n', '"texte-internes"\n')
    write(site, "data/resources.yml", text)
    assert only(problems(site)) == (
        "data/resources.yml, ligne 9 : resources › textes[1] › document — le document « texte-internes » n’existe pas "
        "dans data/official-documents.yml. Vouliez-vous dire « texte-interne » ? "
        "Attendu : un de ces identifiants : texte-public, texte-interne."
    )


def test_link_to_a_missing_page(site):
    text = (site / "data/checklists/essai.yml").read_text(encoding="utf-8").replace("regles/reglement.md", "regles/reglements.md")
    write(site, "data/checklists/essai.yml", text)
    assert only(problems(site)) == (
        "data/checklists/essai.yml, ligne 6 : essai › items[1] › lien — la page « regles/reglements.md » n’existe pas "
        "dans docs/. Vouliez-vous dire « regles/reglement.md » ? Attendu : le chemin d’une page depuis docs/, "
        "par ex. « regles/obligations-des-agents.md » (éventuellement suivi de « #ancre »)."
    )


def test_link_written_relative_to_the_page(site):
    text = (site / "data/checklists/essai.yml").read_text(encoding="utf-8").replace('"regles/reglement.md', '"../regles/reglement.md')
    write(site, "data/checklists/essai.yml", text)
    assert only(problems(site)).startswith(
        "data/checklists/essai.yml, ligne 6 : essai › items[1] › lien — « ../regles/reglement.md#premiere-regle » : "
        "le chemin part de docs/ : pas de « ./ » ni de « ../ »."
    )


def test_inline_link_to_a_missing_page_and_javascript_link(site):
    write(
        site,
        "data/checklists/essai.yml",
        'titre: "Liste"\nitems:\n  - texte: "Voir [ici](fiches/absente.md)."\n  - texte: "Cliquez [là](javascript:document.cookie)."\n',
    )
    found = problems(site)
    assert len(found) == 2, found
    assert found[0].startswith(
        "data/checklists/essai.yml, ligne 3 : essai › items[1] › texte — la page « fiches/absente.md » n’existe pas dans docs/."
    )
    assert found[1] == (
        "data/checklists/essai.yml, ligne 4 : essai › items[2] › texte — lien « javascript:document.cookie » non autorisé. "
        "Attendu : une adresse web complète (https://…), une adresse mailto: ou le chemin d’une page depuis docs/ "
        "(par ex. « fiches/profil-linkedin.md »)."
    )


def test_official_document_url_must_be_a_web_address(site):
    text = (
        (site / "data/official-documents.yml").read_text(encoding="utf-8").replace("https://www.example.org/texte", "www.example.org/texte")
    )
    write(site, "data/official-documents.yml", text)
    assert only(problems(site)) == (
        "data/official-documents.yml, ligne 5 : documents › texte-public › url — adresse « www.example.org/texte » invalide. "
        "Attendu : une adresse web complète commençant par https://."
    )


def test_bad_id_in_a_mapping(site):
    text = (site / "data/series.yml").read_text(encoding="utf-8").replace("essai:", "Essai Série:")
    write(site, "data/series.yml", text)
    found = problems(site)
    assert found[0] == (
        "data/series.yml, ligne 1 : series › Essai Série — identifiant « Essai Série » mal formé. Attendu : un identifiant "
        "en minuscules sans accents, mots séparés par des tirets (par ex. « avant-de-publier »)."
    )


def test_checklist_file_name_is_an_id(site):
    (site / "data/checklists/essai.yml").rename(site / "data/checklists/Essai liste.yml")
    found = problems(site)
    assert found[0] == (
        "data/checklists/Essai liste.yml : nom de fichier « Essai liste.yml » mal formé (il sert d’identifiant). Attendu : "
        "un identifiant en minuscules sans accents, mots séparés par des tirets (par ex. « avant-de-publier »), suivi de « .yml »."
    )


def test_infographic_has_at_most_two_columns(site):
    text = (site / "data/infographics/essai.yml").read_text(encoding="utf-8")
    extra = '  - titre: "Troisième"\n    blocs:\n      - titre: "Bloc"\n        points: ["Un."]\n'
    write(site, "data/infographics/essai.yml", text.replace("source:", extra + "source:"))
    assert (
        only(problems(site))
        == "data/infographics/essai.yml, ligne 4 : essai › colonnes — liste trop longue (3 éléments, maximum 2). Attendu : une ou deux colonnes."
    )


def test_missing_and_empty_files(site):
    (site / "data/tags.yml").unlink()
    write(site, "data/series.yml", "# rien\n")
    found = problems(site)
    assert (
        "data/series.yml, ligne 1 : fichier vide. Attendu : les séries, chacune sous son identifiant (par ex. « attractivite: »)." in found
    )
    assert "data/tags.yml : fichier manquant. Attendu : la liste des étiquettes, chacune avec « libelle » et « description »." in found
    # Without tags.yml, every page's tags cannot be checked: no flood of consequences.
    assert not any("étiquette" in message and "inconnue" in message for message in found)


# --- front matter -------------------------------------------------------------------------------------
PAGE = """---
title: "Page"
description: "Une description de page d’essai assez longue pour passer la limite basse de soixante-dix caractères."
type: page
tags:
  - Essais
{extra}---

# Page
"""


def page(site, extra="", **replace) -> None:
    text = PAGE.format(extra=extra)
    for old, new in replace.items():
        text = text.replace(old, new)
    write(site, "docs/fiches/essai.md", text)


def test_rule_pages_and_memo_sheets_say_when_they_were_checked(site):
    """Memo sheets, charters and guides carry `verifie_le`, a real date in the past."""
    page(site, **{"type: page": "type: fiche"})
    assert only(problems(site)) == (
        "docs/fiches/essai.md, ligne 4 : verifie_le — champ obligatoire manquant pour une page de type « fiche » : la date où "
        "ses règles ont été vérifiées. Attendu : une ligne « verifie_le: AAAA-MM-JJ » dans l’en-tête, avec la date de la "
        "vérification sur les textes officiels."
    )
    page(site, "verifie_le: 2026-02-30\n", **{"type: page": "type: guide"})
    assert only(problems(site)).startswith("docs/fiches/essai.md, ligne 7 : verifie_le — la date « 2026-02-30 » n’existe pas.")
    page(site, "verifie_le: 2026-11-20\n", **{"type: page": "type: charte"})
    assert problems(site) == []


def test_unknown_tag_suggests_the_closest(site):
    page(site, **{"  - Essais\n": "  - Essai\n"})
    assert only(problems(site)) == (
        "docs/fiches/essai.md, ligne 6 : tags[1] — étiquette « Essai » inconnue. Vouliez-vous dire « Essais » ? "
        "Attendu : une étiquette de data/tags.yml : Essais, Listes, Règles."
    )


def test_too_many_tags_and_no_tags(site):
    page(site, **{"  - Essais\n": "  - Essais\n  - Listes\n  - Règles\n  - Essais\n  - Listes\n"})
    assert only(problems(site)) == (
        "docs/fiches/essai.md, ligne 6 : tags — liste trop longue (5 éléments, maximum 4). "
        "Attendu : une à quatre étiquettes de data/tags.yml, chacune sur une ligne « - Étiquette »."
    )
    page(site, **{"tags:\n  - Essais\n": ""})
    assert only(problems(site)) == (
        "docs/fiches/essai.md, ligne 2 : tags — champ obligatoire manquant. "
        "Attendu : une à quatre étiquettes de data/tags.yml, chacune sur une ligne « - Étiquette »."
    )


def test_tags_must_be_a_list(site):
    page(site, **{"tags:\n  - Essais\n": "tags: Essais\n"})
    assert only(problems(site)) == (
        "docs/fiches/essai.md, ligne 5 : tags — un texte au lieu d’une liste. "
        "Attendu : une à quatre étiquettes de data/tags.yml, chacune sur une ligne « - Étiquette »."
    )


def test_description_length(site):
    page(site, **{"Une description de page d’essai assez longue pour passer la limite basse de soixante-dix caractères.": "Trop courte."})
    assert only(problems(site)) == (
        "docs/fiches/essai.md, ligne 3 : description — texte trop court (12 caractères, minimum 70). Attendu : une phrase de "
        "70 à 160 caractères qui résume la page (elle sert dans les résultats de recherche et les listes)."
    )
    page(site, **{"Une description": "Une description " + "très " * 30})
    assert "description — texte trop long (" in only(problems(site))


def test_unknown_type(site):
    page(site, **{"type: page": "type: memo"})
    assert only(problems(site)) == (
        "docs/fiches/essai.md, ligne 4 : type — valeur « memo » inconnue. "
        "Attendu : un de ces types : fiche, charte, guide, article, infographie, ressource, page."
    )


def test_unknown_front_matter_key(site):
    page(site, extra="auteur: Moi\n")
    assert only(problems(site)) == (
        "docs/fiches/essai.md, ligne 7 : auteur — champ inconnu « auteur ». Attendu : un des champs title, description, "
        "type, tags, serie, position, verifie_le, historique, hide, search, render_macros, status, template."
    )


def test_missing_front_matter(site):
    write(site, "docs/fiches/essai.md", "# Page sans en-tête\n")
    assert only(problems(site)) == (
        "docs/fiches/essai.md, ligne 1 : en-tête manquant : la page doit commencer par un bloc « --- » (front matter). "
        "Attendu : l’en-tête de la page : title, description, type, tags (et serie, position pour un article de série)."
    )


def test_front_matter_syntax_error_line_is_the_file_line(site):
    page(site, **{'title: "Page"': 'title: "Page'})
    assert only(problems(site)).startswith("docs/fiches/essai.md, ligne 3 : erreur de syntaxe YAML")


def test_series_rules(site):
    page(site, extra="serie: essai\n")
    found = problems(site)
    assert (
        "docs/fiches/essai.md, ligne 7 : position — champ obligatoire manquant pour un article de série. Attendu : la position de l’article dans la série : 1, 2, 3…"
        in found
    )
    assert (
        "docs/fiches/essai.md, ligne 7 : serie — une page de type « page » ne peut pas faire partie d’une série. "
        "Attendu : type: article pour un article de série, ou pas de champ serie."
    ) in found
    page(site, extra="serie: essais\nposition: 2\n", **{"type: page": "type: article"})
    found = problems(site)
    assert found[0] == (
        "docs/fiches/essai.md, ligne 7 : serie — série « essais » inconnue. Vouliez-vous dire « essai » ? "
        "Attendu : un identifiant de data/series.yml : essai."
    )
    page(site, extra="serie: essai\nposition: 2\n", **{"type: page": "type: article"})
    assert only(problems(site)) == (
        "docs/serie/deuxieme.md, ligne 8 : position — la position 2 de la série « essai » est déjà prise par "
        "docs/fiches/essai.md. Attendu : une position différente pour chaque article de la série."
    )


# --- macro calls in pages -------------------------------------------------------------------------------
def test_unknown_checklist_id_in_a_page_lists_the_existing_ones(site):
    page(site)
    (site / "docs/fiches/essai.md").write_text(
        (site / "docs/fiches/essai.md").read_text(encoding="utf-8") + '\nTexte.\n\n{{ checklist("inconnue") }}\n', encoding="utf-8"
    )
    assert only(problems(site)) == (
        'docs/fiches/essai.md, ligne 13 : checklist("inconnue") — liste de vérification « inconnue » introuvable dans '
        "data/checklists/. Attendu : un de ces identifiants : essai."
    )


def test_the_same_checklist_twice_on_a_page_is_refused(site):
    """Its boxes would have the same ids twice: the second copy's labels would tick the first copy's boxes."""
    page(site)
    essai = site / "docs/fiches/essai.md"
    text = essai.read_text(encoding="utf-8")
    essai.write_text(text + '\n{{ checklist("essai") }}\n\nEt encore :\n\n{{ checklist("essai") }}\n', encoding="utf-8")
    lines = essai.read_text(encoding="utf-8").splitlines()
    first, second = (i + 1 for i, line in enumerate(lines) if line == '{{ checklist("essai") }}')
    assert only(problems(site)) == (
        f'docs/fiches/essai.md, ligne {second} : checklist("essai") — liste de vérification « essai » déjà affichée dans '
        f"cette page, ligne {first} : deux copies auraient les mêmes identifiants et la seconde ne fonctionnerait pas. "
        f"Attendu : un seul appel par page : supprimez celui de la ligne {second}."
    )


def test_braces_the_engine_would_read_as_code_are_reported_with_their_line(site):
    """Before the build (make check, make build): « {#ancre} » and « {{ nom }} », each once, with its line and fix."""
    page(site)
    essai = site / "docs/fiches/essai.md"
    essai.write_text(essai.read_text(encoding="utf-8") + "\n## Suite {#suite}\n\nBonjour {{ nom }}.\n", encoding="utf-8")
    lines = essai.read_text(encoding="utf-8").splitlines()
    heading, hello = lines.index("## Suite {#suite}") + 1, lines.index("Bonjour {{ nom }}.") + 1
    found = [str(problem) for problem in problems(site)]
    assert found == [
        f"docs/fiches/essai.md, ligne {heading} : « {{#suite}} » : accolade et dièse collés, « {{# » est lu comme le début "
        "d’un commentaire du moteur de macros. Attendu : une espace après l’accolade ouvrante et avant la fermante : « { #suite } ».",
        f"docs/fiches/essai.md, ligne {hello} : « {{{{ nom }}}} » : les doubles accolades sont lues comme du code, et « nom » "
        "n’est ni une macro ni une variable du site. Attendu : pour écrire des accolades telles quelles, entourez le passage "
        "de {% raw %} et {% endraw %} ; pour une macro, son nom et ses parenthèses (docs/contribuer/conventions.md).",
    ]


def test_unknown_macro_and_raw_blocks(site):
    page(site)
    body = '\n{{ checklsit("essai") }}\n\n{% raw %}\n{{ checklist("exemple-non-execute") }}\n{% endraw %}\n'
    (site / "docs/fiches/essai.md").write_text((site / "docs/fiches/essai.md").read_text(encoding="utf-8") + body, encoding="utf-8")
    assert only(problems(site)) == (
        "docs/fiches/essai.md, ligne 11 : checklsit(…) — macro « checklsit » inconnue. Vouliez-vous dire « checklist » ? "
        "Attendu : une de ces macros : checklist, faq, glossary, infographic, latest_pages, official_document, page_list, pdf_booklet, ref, references, related, resources, series."
    )


def test_missing_snippet_file_or_section(site):
    """pymdownx.snippets would stop the build with an English traceback; the check names the page and line first."""
    page(site)
    write(site, "includes/extraits.md", "--8<-- [start:bonjour]\nBonjour.\n--8<-- [end:bonjour]\n")
    body = '\n--8<-- "extraits.md:bonjour"\n\n--8<-- "extraits.md:au-revoir"\n\n;--8<-- "echappe.md"\n\n--8<-- "absent.md"\n'
    (site / "docs/fiches/essai.md").write_text((site / "docs/fiches/essai.md").read_text(encoding="utf-8") + body, encoding="utf-8")
    assert problems(site) == [
        "docs/fiches/essai.md, ligne 13 : la section « au-revoir » est introuvable dans includes/extraits.md. Attendu : "
        "une section de ce fichier, entre « --8<-- [start:au-revoir] » et « --8<-- [end:au-revoir] », ou le nom du "
        "fichier seul pour l’inclure en entier.",
        "docs/fiches/essai.md, ligne 17 : l’extrait « absent.md » est introuvable dans includes/. Attendu : le nom d’un "
        "fichier de includes/ (par ex. « abbreviations.md »), ou retirez la ligne « --8<-- ».",
    ]


def test_snippet_sections_are_read_with_pymdownx_grammar(site):
    """pymdownx accepts spaces inside a section marker (« [ start: bonjour ] »), a block of file names, and escaped
    lines: the page index reads them with pymdownx's own parser, so a page the build accepts is not reported."""
    page(site)
    write(site, "includes/extraits.md", "--8<-- [ start: bonjour ]\nBonjour.\n--8<-- [ end : bonjour ]\n")
    body = '\n--8<-- "extraits.md:bonjour"\n\n--8<--\nextraits.md:bonjour\n--8<--\n\n;--8<-- "absent.md"\n'
    (site / "docs/fiches/essai.md").write_text((site / "docs/fiches/essai.md").read_text(encoding="utf-8") + body, encoding="utf-8")
    assert problems(site) == []
    body = "\n--8<--\nextraits.md:au-revoir\n--8<--\n"
    (site / "docs/fiches/essai.md").write_text((site / "docs/fiches/essai.md").read_text(encoding="utf-8") + body, encoding="utf-8")
    assert [p.split(" : ", 1)[1][:60] for p in problems(site)] == ["la section « au-revoir » est introuvable dans includes/extra"]


def test_snippet_folders_are_those_of_mkdocs_yml():
    from content.snippets import SNIPPET_DIRS
    from tests.support import ROOT

    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - pymdownx.snippets:\n      base_path: [" + ", ".join(SNIPPET_DIRS) + "]" in config


def test_all_problems_are_reported_together(site):
    write(site, "data/checklists/essai.yml", 'titre: "Liste"\nitems: []\n')
    write(site, "data/series.yml", "essai: [\n")
    page(site, **{"type: page": "type: memo"})
    found = problems(site)
    files = {message.split(",")[0].split(" :")[0] for message in found}
    assert files == {"data/checklists/essai.yml", "data/series.yml", "docs/fiches/essai.md"}, found


def test_data_error_is_a_plugin_error_with_a_french_report(site):
    from mkdocs.exceptions import PluginError

    from content.errors import DataError

    write(site, "data/checklists/essai.yml", 'titre: "Liste"\nitems: []\n')
    with pytest.raises(DataError) as caught:
        load(site)
    assert isinstance(caught.value, PluginError)
    report = str(caught.value)
    assert report.startswith("Le site ne peut pas être construit : 1 erreur dans les données")
    assert "  • data/checklists/essai.yml, ligne 2 : essai › items — liste vide." in report
    assert "make check" in report


# --- the command line ---------------------------------------------------------------------------------
def test_check_command(site, capsys):
    from editors.check import main

    assert main([str(site)]) == 0
    assert capsys.readouterr().out.startswith("Données et en-têtes valides : 13 pages, 1 listes de vérification")
    write(site, "data/checklists/essai.yml", 'titre: "Liste"\nitems: []\n')
    assert main([str(site)]) == 1
    assert "data/checklists/essai.yml, ligne 2 : essai › items — liste vide." in capsys.readouterr().err


# --- content/schema.py compose_text: libyaml's composer, PyYAML's messages ------------------------------------
FRONT_MATTER = """titre: "« Guide » : l’essentiel"
type: fiche
etiquettes:
  - linkedin
  - "réseaux sociaux"
description: >
  Sur deux
  lignes.
date: 2026-03-01
"""


def _shape(node):
    """What the validation reads of a node: its tag, value and place (not libyaml's scalar style "" / None)."""
    place = (node.tag, node.start_mark.line, node.start_mark.column, node.end_mark.line)
    if isinstance(node, yaml.ScalarNode):
        return (*place, node.value)
    if isinstance(node, yaml.SequenceNode):
        return (*place, [_shape(item) for item in node.value])
    return (*place, [(_shape(key), _shape(value)) for key, value in node.value])


def test_fast_composer_gives_pyyaml_nodes():
    found: list = []
    assert _shape(compose_text(FRONT_MATTER, "docs/x.md", found)) == _shape(yaml.compose(FRONT_MATTER, Loader=yaml.SafeLoader))
    assert found == []


def test_a_refused_text_keeps_pyyaml_message():
    """libyaml words its errors differently: the problem recorded is PyYAML's, which yaml_syntax_problem translates."""
    broken = "titre: a: b\n"
    found: list = []
    assert compose_text(broken, "docs/x.md", found) is None
    with pytest.raises(yaml.YAMLError) as error:
        yaml.compose(broken, Loader=yaml.SafeLoader)
    assert found == [yaml_syntax_problem(error.value, "docs/x.md", 0)]
