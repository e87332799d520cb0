"""`make nouvelle-page` (editors/newpage.py): file names, templates filled in, the navigation edited as text,
the French messages, and the « À COMPLÉTER » check of `make check`.

Each test copies the mini-site tests/fixtures/check-site/ with the project's real templates (modeles/).
"""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from editors import newpage
from tests.support import FIXTURES, ROOT

FIXTURE = FIXTURES / "check-site"


@pytest.fixture
def site(tmp_path) -> Path:
    project = Path(shutil.copytree(FIXTURE, tmp_path / "site"))
    shutil.copytree(ROOT / "modeles", project / "modeles")
    return project


def added_lines(before: str, after: str) -> list[str]:
    """The lines `after` adds to `before`; fails when a line was removed or changed."""
    diff = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    assert not [line for line in diff if line.startswith("- ")], "mkdocs.yml : une ligne existante a changé"
    return [line[2:] for line in diff if line.startswith("+ ")]


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Relayer une offre d’emploi", "relayer-une-offre-d-emploi"),
        ("Photos et droit à l’image", "photos-et-droit-a-l-image"),
        ("Œuvres, « citations » et émojis — 2024 !", "oeuvres-citations-et-emojis-2024"),
        (
            "Un titre très long qui dépasse largement la limite de soixante caractères prévue",
            "un-titre-tres-long-qui-depasse-largement-la-limite-de",
        ),
    ],
)
def test_file_name_from_the_title(title, slug):
    assert newpage.slugify(title) == slug


def test_memo_sheet_with_its_checklist_in_its_section(site):
    before = (site / "mkdocs.yml").read_text(encoding="utf-8")
    result = newpage.create(site, "fiche", "Relayer une offre de stage")
    assert result.created == ["docs/fiches/relayer-une-offre-de-stage.md", "data/checklists/relayer-une-offre-de-stage.yml"]
    assert added_lines(before, (site / "mkdocs.yml").read_text(encoding="utf-8")) == ["      - fiches/relayer-une-offre-de-stage.md"]
    text = (site / "docs/fiches/relayer-une-offre-de-stage.md").read_text(encoding="utf-8")
    assert 'title: "Relayer une offre de stage"\n' in text
    assert "\n# Relayer une offre de stage\n" in text
    assert '{{ checklist("relayer-une-offre-de-stage") }}' in text
    assert (site / "data/checklists/relayer-une-offre-de-stage.yml").read_text(encoding="utf-8") == (
        ROOT / "modeles/liste-de-verification.yml"
    ).read_text(encoding="utf-8")
    assert newpage.report(result) == (
        "Fichier créé : docs/fiches/relayer-une-offre-de-stage.md\n"
        "Fichier créé : data/checklists/relayer-une-offre-de-stage.yml\n"
        "Navigation : ligne « - fiches/relayer-une-offre-de-stage.md » ajoutée à mkdocs.yml, dans la section « Fiches mémos ».\n"
        "Étapes suivantes :\n"
        "  1. Ouvrez docs/fiches/relayer-une-offre-de-stage.md et data/checklists/relayer-une-offre-de-stage.yml "
        "et remplacez chaque « À COMPLÉTER » par votre texte.\n"
        "  2. Regardez la page avec « make serve » (http://127.0.0.1:8000).\n"
        "  3. Lancez « make check » : il doit finir par « la modification peut être proposée »."
    )


def test_a_straight_apostrophe_in_the_title_becomes_typographic(site):
    result = newpage.create(site, "fiche", "Ce qu'un agent peut dire d'un projet")
    assert result.created[0] == "docs/fiches/ce-qu-un-agent-peut-dire-d-un-projet.md"
    text = (site / result.created[0]).read_text(encoding="utf-8")
    assert 'title: "Ce qu’un agent peut dire d’un projet"\n' in text and "\n# Ce qu’un agent peut dire d’un projet\n" in text
    assert "'" not in text.split("---")[1].split("title:")[1].splitlines()[0]


def test_charter_and_guide_go_to_the_rules(site):
    newpage.create(site, "charte", "Charte B")
    result = newpage.create(site, "guide", "Guide C")
    nav = (site / "mkdocs.yml").read_text(encoding="utf-8")
    assert "      - regles/charte-a.md\n      - regles/charte-b.md\n      - regles/guide-c.md\n" in nav
    assert result.nav_section == "Règles et chartes"
    assert "type: guide\n" in (site / "docs/regles/guide-c.md").read_text(encoding="utf-8")


def test_resource_page_gets_a_titled_top_level_entry(site):
    result = newpage.create(site, "ressource", "Vidéos : les tutoriels")
    nav = (site / "mkdocs.yml").read_text(encoding="utf-8")
    assert '  - Ressources: ressources.md\n  - "Vidéos : les tutoriels": videos-les-tutoriels.md\n' in nav
    assert result.nav_section is None and result.nav_added


def test_article_of_a_series_takes_the_next_position(site):
    result = newpage.create(site, "article", "Deuxième article", "essai")
    text = (site / "docs/serie/deuxieme-article.md").read_text(encoding="utf-8")
    assert "\nserie: essai\nposition: 2\n" in text
    assert '{{ series("essai") }}' in text
    assert "      - serie/premier.md        # first article of the series\n      - serie/deuxieme-article.md\n" in (
        site / "mkdocs.yml"
    ).read_text(encoding="utf-8")
    assert result.nav_section == "Série « Essai »"


def test_article_outside_a_series_has_no_series_fields_and_the_line_to_add_is_printed(site):
    before = (site / "mkdocs.yml").read_text(encoding="utf-8")
    result = newpage.create(site, "article", "Un article isolé")
    text = (site / "docs/articles/un-article-isole.md").read_text(encoding="utf-8")
    assert "serie:" not in text and "position:" not in text and "series(" not in text
    assert (site / "mkdocs.yml").read_text(encoding="utf-8") == before
    assert not result.nav_added
    assert (
        "Navigation : ajoutez vous-même la ligne « - articles/un-article-isole.md » dans la partie nav: de mkdocs.yml "
        "(à la fin du fichier), à l’endroit où la page doit apparaître, avec la même indentation que ses voisines."
    ) in newpage.report(result)


@pytest.mark.parametrize(
    ("kind", "title", "series", "message"),
    [
        (
            "blog",
            "Un titre",
            "",
            "Page non créée : type « blog » inconnu. Types possibles : article, charte, fiche, guide, ressource. "
            'Exemple : make nouvelle-page TYPE=fiche TITRE="Relayer une offre de stage".',
        ),
        ("fiche", "", "", 'Page non créée : titre manquant. Exemple : make nouvelle-page TYPE=fiche TITRE="Relayer une offre de stage".'),
        ("fiche", "« ! »", "", "Page non créée : impossible de tirer un nom de fichier du titre « « ! » » : il doit contenir des lettres."),
        (
            "fiche",
            "Une",
            "",
            "Page non créée : la page docs/fiches/une.md existe déjà. Choisissez un autre titre, ou modifiez la page existante.",
        ),
        (
            "article",
            "Un article",
            "inconnue",
            "Page non créée : série « inconnue » introuvable dans data/series.yml. Séries existantes : essai.",
        ),
        ("fiche", "Une autre", "essai", "Page non créée : SERIE ne sert que pour un article (TYPE=article)."),
    ],
)
def test_mistakes_are_refused_in_french(site, capsys, kind, title, series, message):
    before = (site / "mkdocs.yml").read_text(encoding="utf-8")
    assert newpage.main(["--projet", str(site), "--type", kind, "--titre", title, "--serie", series]) == 1
    assert capsys.readouterr().err.strip() == message
    assert (site / "mkdocs.yml").read_text(encoding="utf-8") == before


def test_make_passes_type_and_title_through_the_environment(site, monkeypatch, capsys):
    monkeypatch.setenv("TYPE", "fiche")
    monkeypatch.setenv("TITRE", "Témoigner « en vidéo »")
    monkeypatch.delenv("SERIE", raising=False)
    assert newpage.main(["--projet", str(site)]) == 0
    assert 'title: "Témoigner « en vidéo »"' in (site / "docs/fiches/temoigner-en-video.md").read_text(encoding="utf-8")
    assert "ajoutée à mkdocs.yml, dans la section « Fiches mémos »" in capsys.readouterr().out


def test_placeholders_left_are_reported_with_file_and_line(site):
    newpage.create(site, "fiche", "Relayer une offre de stage")
    found = [str(problem) for problem in newpage.placeholders(site)]
    assert found[0] == (
        "docs/fiches/relayer-une-offre-de-stage.md, ligne 3 : consigne du modèle encore présente (« À COMPLÉTER »). "
        "Remplacez-la par votre texte, ou supprimez la ligne si elle ne sert pas."
    )
    assert "data/checklists/relayer-une-offre-de-stage.yml, ligne 3 : consigne du modèle encore présente" in found[-5]
    assert newpage.placeholders(FIXTURE) == [] and newpage.placeholders(ROOT) == []


def test_every_template_is_a_complete_page_once_filled():
    """Each template has the front matter of its type, one H1, a Sources part and related() as its last line."""
    for kind in ("article", "charte", "guide", "fiche", "ressource"):
        text = (ROOT / "modeles" / f"{kind}.md").read_text(encoding="utf-8")
        assert f"\ntype: {kind}\n" in text, kind
        assert text.count("\n# ") == 1 and "\n## Sources\n" in text, kind
        assert text.rstrip().endswith("{{ related() }}"), kind
        assert newpage.MARKER in text.split("\n---", 1)[0], f"{kind} : l’en-tête du modèle doit guider le rédacteur"
