"""`make build` as an editor sees it (editors/french_console.py around a real MkDocs build of a copy of the site):
each mistake said once, in French, with its file; no English line; VERBOSE=1 gives maintainers MkDocs untouched."""

from __future__ import annotations

import subprocess
import sys

import pytest

from engine.command import mkdocs_environment
from tests.support import copy_project
from tests.unit.test_french_console import ENGLISH


def run(project, *, verbose: bool = False) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "editors.french_console", "build", "--strict", "--clean", "--site-dir", str(project.parent / "construit")],
        cwd=project,
        env=mkdocs_environment({"PV_POST_BUILD": "off", "VERBOSE": "1" if verbose else ""}),
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("construire") / "site")
    (project / "docs" / "fiches" / "brouillon.md").write_text(
        (project / "docs" / "fiches" / "profil-linkedin.md").read_text(encoding="utf-8"), encoding="utf-8"
    )
    glossary = project / "docs" / "glossaire.md"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "\nVoir [la fiche](fiches/profil-linkedn.md).\n", encoding="utf-8")
    return project


def test_make_build_says_each_mistake_once_in_french(project):
    result = run(project)
    assert result.returncode != 0
    lines = (result.stdout + result.stderr).splitlines()
    link_line = len((project / "docs" / "glossaire.md").read_text(encoding="utf-8").splitlines())
    expected = [
        "Construction du site dans",
        "Erreur : docs/fiches/brouillon.md : page absente de la navigation. Ajoutez la ligne « - fiches/brouillon.md » "
        "dans la section « Fiches mémos »",
        f"Erreur : docs/glossaire.md, ligne {link_line} : lien « fiches/profil-linkedn.md » : la page docs/fiches/profil-linkedn.md "
        "n’existe pas. Vouliez-vous dire « fiches/profil-linkedin.md » ?",
        "Construction arrêtée : 2 problèmes signalés ci-dessus.",
    ]
    for start in expected:
        assert sum(line.startswith(start) for line in lines) == 1, (start, lines)
    english = [line for line in lines if any(marker in line for marker in ENGLISH)]
    assert not english, english


def test_verbose_gives_maintainers_mkdocs_untouched(project):
    result = run(project, verbose=True)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Aborted with 2 warnings in strict mode!" in output
    assert "DEBUG" in output  # --verbose
