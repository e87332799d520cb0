"""The navigation check of `make check` (editors/navcheck.py): its French messages, word for word.

Each test copies the mini-site tests/fixtures/check-site/ (a commented mkdocs.yml with sections, titled
entries, an external link and MkDocs tags), breaks one thing and reads the problems reported.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from editors import navcheck
from tests.support import FIXTURES, ROOT

FIXTURE = FIXTURES / "check-site"


@pytest.fixture
def site(tmp_path) -> Path:
    return Path(shutil.copytree(FIXTURE, tmp_path / "site"))


def messages(root: Path) -> list[str]:
    return [str(problem) for problem in navcheck.check(root)]


def test_fixture_and_real_project_pass():
    assert messages(FIXTURE) == []
    assert messages(ROOT) == []


def test_page_missing_from_the_navigation_names_the_section_to_add_it_to(site):
    (site / "docs" / "fiches" / "deux.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    assert messages(site) == [
        "docs/fiches/deux.md : page absente de la navigation. Ajoutez la ligne « - fiches/deux.md » "
        "dans la section « Fiches mémos » de la partie nav: de mkdocs.yml (à la fin du fichier)."
    ]


def test_page_of_a_new_folder_missing_from_the_navigation(site):
    (site / "docs" / "videos").mkdir()
    (site / "docs" / "videos" / "tourner.md").write_text("# Tourner\n", encoding="utf-8")
    assert messages(site) == [
        "docs/videos/tourner.md : page absente de la navigation. Ajoutez la ligne « - videos/tourner.md » "
        "à l’endroit voulu de la partie nav: de mkdocs.yml (à la fin du fichier)."
    ]


def test_navigation_line_naming_a_missing_page_gives_its_line_and_the_closest_page(site):
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("- fiches/une.md", "- fiches/unne.md"), encoding="utf-8")
    assert messages(site) == [
        "mkdocs.yml, ligne 19 : la navigation cite « fiches/unne.md », qui n’existe pas dans docs/. "
        "Vouliez-vous dire « fiches/une.md » ? Corrigez le chemin (il part du dossier docs/), "
        "ou supprimez la ligne si la page a été supprimée.",
        "docs/fiches/une.md : page absente de la navigation. Ajoutez la ligne « - fiches/une.md » "
        "dans la section « Fiches mémos » de la partie nav: de mkdocs.yml (à la fin du fichier).",
    ]


def test_hidden_folders_and_external_links_are_ignored(site):
    (site / "docs" / ".brouillons").mkdir()
    (site / "docs" / ".brouillons" / "idee.md").write_text("# Idée\n", encoding="utf-8")
    assert messages(site) == []


def test_no_navigation_means_nothing_to_check(site):
    (site / "mkdocs.yml").write_text("site_name: Essai\n", encoding="utf-8")
    assert messages(site) == []


def test_broken_yaml_is_reported_in_french(site):
    config = site / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("  - Ressources: ressources.md", "  - Ressources: [ressources.md"), encoding="utf-8"
    )
    found = messages(site)
    assert len(found) == 1 and found[0].startswith("mkdocs.yml, ligne "), found
    assert "erreur de syntaxe YAML" in found[0]
