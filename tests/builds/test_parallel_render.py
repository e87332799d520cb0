"""build_steps/parallel_render.py: `mkdocs build` converts the Markdown on two cores and publishes the same site.

The real site is built three ways: as `make build` does (the session's site), with every page converted in the
build's process (PV_PARALLEL_RENDER=off, MkDocs's own way) and with every page converted by the worker
(PV_PARALLEL_RENDER=all). Every file must be identical, byte for byte, except Pagefind's index, whose file names
change from one build to the next anyway. The warnings of the worker's pages (broken link, missing anchor) are
tested in tests/builds/test_strict_build.py; an error raised while converting a page, below.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from tests.support import FEEDBACK_EMAIL, ROOT, copy_project, mkdocs_build

PAGES = len(list((ROOT / "docs").rglob("*.md")))


def site_files(site: Path) -> dict[str, bytes]:
    found = {}
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        if path.is_file() and not relative.startswith("pagefind/"):
            data = path.read_bytes()
            found[relative] = gzip.decompress(data) if relative.endswith(".gz") else data
    return found


@pytest.fixture(scope="module")
def reference(built_site) -> dict[str, bytes]:
    return site_files(built_site)


@pytest.mark.parametrize("render", ["off", "all"])
def test_same_site_whoever_converts_the_pages(tmp_path, site_port, reference, render):
    environment = {"SITE_URL": f"http://127.0.0.1:{site_port}/", "FEEDBACK_EMAIL": FEEDBACK_EMAIL, "PV_PARALLEL_RENDER": render}
    result = mkdocs_build(ROOT, tmp_path / "site", env=environment)
    assert result.returncode == 0, result.stdout + result.stderr
    built = site_files(tmp_path / "site")
    assert sorted(built) == sorted(reference)
    different = [name for name in reference if built[name] != reference[name]]
    assert not different, f"fichiers différents selon le processus qui convertit les pages : {different[:10]}"
    assert len([name for name in reference if name.endswith(".html")]) >= PAGES
    if render == "all":
        assert f"Rendu des pages : {PAGES} sur {PAGES} converties par le processus auxiliaire." in result.stderr, result.stderr
    else:
        assert "Rendu des pages" not in result.stderr


def test_make_build_uses_the_second_process(tmp_path):
    result = mkdocs_build(ROOT, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    line = next((line for line in result.stderr.splitlines() if "Rendu des pages :" in line), "")
    assert line, result.stderr
    sent = int(line.split("Rendu des pages : ")[1].split(" ")[0])
    assert 1 <= sent <= PAGES and line.endswith(f"sur {PAGES} converties par le processus auxiliaire."), line


def test_unknown_mode_is_refused_in_french(tmp_path):
    result = mkdocs_build(ROOT, tmp_path / "site", env={"PV_PARALLEL_RENDER": "oui"})
    assert result.returncode != 0
    assert "PV_PARALLEL_RENDER='oui' : valeur inconnue. Valeurs possibles : auto, off, all." in result.stdout + result.stderr


# A Markdown extension that fails on one word, as a buggy extension would: only in a copy of the project.
FAILING_EXTENSION = """
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor


class Failing(Preprocessor):
    def run(self, lines):
        if any("ÉCHEC-DE-CONVERSION" in line for line in lines):
            raise ValueError("conversion impossible : ÉCHEC-DE-CONVERSION")
        return lines


class FailingExtension(Extension):
    def extendMarkdown(self, md):
        md.preprocessors.register(Failing(md), "echec", 100)


def makeExtension(**kwargs):
    return FailingExtension(**kwargs)
"""


@pytest.mark.parametrize("render", ["off", "all"])
def test_conversion_error_stops_the_build_naming_the_page(tmp_path, render):
    """The same message whichever process converts the page: MkDocs's « Error reading page », then the error."""
    project = copy_project(tmp_path / "project")
    (project / "echec_conversion.py").write_text(FAILING_EXTENSION, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("markdown_extensions:\n", "markdown_extensions:\n  - echec_conversion\n", 1),
        encoding="utf-8",
    )
    page = project / "docs" / "glossaire.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nÉCHEC-DE-CONVERSION\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site", env={"PV_PARALLEL_RENDER": render})
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Error reading page 'glossaire.md': conversion impossible : ÉCHEC-DE-CONVERSION" in output, output
    assert not (tmp_path / "site" / "glossaire" / "index.html").exists()
