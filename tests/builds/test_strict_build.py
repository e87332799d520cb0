"""The real configuration stops the build on a broken link, a missing anchor or an undefined macro variable.

Each case drops a fixture page from tests/fixtures/strict/ into a copy of the project, adds it to the
navigation and builds strictly: the build must fail, and its output must name the page and the fault. Each case is
built twice: as `make build` does (pages converted on two cores, build_steps/parallel_render.py), and with every page
converted by the second process, so that its warnings and errors are shown to be reported too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import FIXTURES, copy_project, mkdocs_build

STRICT = FIXTURES / "strict"

CASES = {
    "lien-casse.md": ["lien-casse.md", "page-qui-n-existe-pas.md"],
    "ancre-manquante.md": ["ancre-manquante.md", "#section-qui-n-existe-pas"],
    "variable-inconnue.md": ["variable-inconnue.md", "variable_qui_n_existe_pas"],
    "extrait-manquant.md": ["docs/extrait-manquant.md, ligne 10", "l’extrait « extrait-qui-n-existe-pas.md » est introuvable"],
}


def add_page(project: Path, fixture: str) -> None:
    (project / "docs" / fixture).write_text((STRICT / fixture).read_text(encoding="utf-8"), encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert text.rstrip().splitlines()[-1].startswith("      - "), "la navigation doit rester la dernière section"
    config.write_text(text.rstrip() + f"\n  - Essai: {fixture}\n", encoding="utf-8")


@pytest.mark.parametrize("render", ["auto", "all"])
@pytest.mark.parametrize("fixture", sorted(CASES))
def test_strict_build_fails(tmp_path, fixture, render):
    project = copy_project(tmp_path / "project")
    add_page(project, fixture)
    result = mkdocs_build(project, tmp_path / "site", env={"PV_PARALLEL_RENDER": render})
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"la construction aurait dû échouer pour {fixture} :\n{output}"
    for expected in CASES[fixture]:
        assert expected in output, f"le message d'erreur ne cite pas {expected!r} :\n{output}"
