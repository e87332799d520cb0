"""build_steps/parallel_render.py and build_steps/parallel_write.py: `mkdocs build` converts the Markdown and
writes the pages on two cores, and publishes the same site.

The real site is built three ways: by `mkdocs build` alone (the session's site: pages converted and written on two
cores, the search index made from copies taken as the pages were written, build_steps/search_index.py IndexCopies);
in MkDocs's own way, every page converted and written by the build's process (PV_PARALLEL_RENDER=off), followed by
the steps on the built folder as `make build` runs them (`python -m build_steps site`, which indexes the built
pages); and with every page converted and written by the worker (PV_PARALLEL_RENDER=all). Every file must be
identical, byte for byte, the search index included (its words and page fragments); only Pagefind's metadata and
filter files are left out: Pagefind writes them in a different order at every run, even on the same pages. The
warnings of the worker's pages (broken link, missing anchor) are tested in tests/builds/test_strict_build.py;
errors raised while converting or writing a page, below.
"""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import FEEDBACK_EMAIL, ROOT, copy_project, mkdocs_build

PAGES = len(list((ROOT / "docs").rglob("*.md")))


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of the site, except Pagefind's metadata (pagefind.<langue>_<hash>.pf_meta, and the entry file that
    names it) and filters (pagefind/filter/): their bytes change at every run of Pagefind, even on the same pages."""
    found = {}
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        varies = relative.endswith(".pf_meta") or relative.startswith("pagefind/filter/") or relative == "pagefind/pagefind-entry.json"
        if path.is_file() and not varies:
            data = path.read_bytes()
            found[relative] = gzip.decompress(data) if relative.endswith(".gz") else data
    return found


@pytest.fixture(scope="module")
def reference(built_site) -> dict[str, bytes]:
    return site_files(built_site)


@pytest.mark.parametrize("render", ["off", "all"])
def test_same_site_whoever_converts_and_writes_the_pages(tmp_path, site_port, reference, render):
    environment = {"SITE_URL": f"http://127.0.0.1:{site_port}/", "FEEDBACK_EMAIL": FEEDBACK_EMAIL, "PV_PARALLEL_RENDER": render}
    if render == "off":  # as `make build`: the steps on the built site afterwards, by their command
        environment["PV_POST_BUILD"] = "off"
    result = mkdocs_build(ROOT, tmp_path / "site", env=environment)
    assert result.returncode == 0, result.stdout + result.stderr
    if render == "off":
        steps = subprocess.run(
            [sys.executable, "-m", "build_steps", str(tmp_path / "site")], cwd=ROOT, capture_output=True, text=True, timeout=300
        )
        assert steps.returncode == 0, steps.stdout + steps.stderr
    built = site_files(tmp_path / "site")
    assert sorted(built) == sorted(reference)
    different = [name for name in reference if built[name] != reference[name]]
    assert not different, f"fichiers différents selon le processus qui convertit et écrit les pages : {different[:10]}"
    assert len([name for name in reference if name.endswith(".html")]) >= PAGES
    assert len([name for name in reference if name.startswith("pagefind/fragment/")]) >= PAGES - 3  # the index is compared too
    if render == "all":
        assert f"Rendu des pages : {PAGES} sur {PAGES} converties par le processus auxiliaire." in result.stderr, result.stderr
        assert f"Écriture des pages : {PAGES} sur {PAGES} écrites par le processus auxiliaire." in result.stderr, result.stderr
    else:
        assert "Rendu des pages" not in result.stderr and "Écriture des pages" not in result.stderr


def test_a_build_uses_the_second_process(tmp_path):
    result = mkdocs_build(ROOT, tmp_path / "site", env={"PV_POST_BUILD": "off"})
    assert result.returncode == 0, result.stdout + result.stderr
    for step, done in [("Rendu des pages", "converties"), ("Écriture des pages", "écrites")]:
        line = next((line for line in result.stderr.splitlines() if f"{step} :" in line), "")
        assert line, result.stderr
        sent = int(line.split(f"{step} : ")[1].split(" ")[0])
        assert 1 <= sent <= PAGES and line.endswith(f"sur {PAGES} {done} par le processus auxiliaire."), line


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


# A template that fails on one page, as a mistake in an override would: only in a copy of the project.
FAILING_TEMPLATE = '{% if page.file.src_uri == "glossaire.md" %}{{ echec_du_gabarit() }}{% endif %}'


@pytest.mark.parametrize("render", ["off", "all"])
def test_template_error_stops_the_build_naming_the_page(tmp_path, render):
    """The same message whichever process writes the page: MkDocs's « Error building page », then the error; the
    other pages' files may be written, not this one."""
    project = copy_project(tmp_path / "project")
    template = project / "overrides" / "main.html"
    text = template.read_text(encoding="utf-8")
    assert text.count("{% block content %}") == 1
    template.write_text(text.replace("{% block content %}", "{% block content %}" + FAILING_TEMPLATE), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site", env={"PV_PARALLEL_RENDER": render, "PV_POST_BUILD": "off"})
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Error building page 'glossaire.md': 'echec_du_gabarit' is undefined" in output, output
    assert not (tmp_path / "site" / "glossaire" / "index.html").exists()
