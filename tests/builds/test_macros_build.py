"""Strict MkDocs builds of the mini-site (tests/fixtures/macros-site/) with the real macros package.

One build of the intact mini-site checks the rendered pages; then one build per broken copy checks that the
build fails and prints the French message, without a Python traceback. The builds run in parallel (each
costs one to two seconds), once per test module.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.macros_support import build, copy_mini_site


def _replace(relative: str, old: str, new: str):
    def apply(project: Path) -> None:
        path = project / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} absent de {relative}"
        path.write_text(text.replace(old, new), encoding="utf-8")

    return apply


def _append(relative: str, addition: str):
    def apply(project: Path) -> None:
        path = project / relative
        path.write_text(path.read_text(encoding="utf-8") + addition, encoding="utf-8")

    return apply


# name -> (how to break the mini-site, texts expected in the build output)
BROKEN = {
    "champ-obligatoire": (
        _replace("data/checklists/essai.yml", '  - texte: "Troisième point."\n', '  - pourquoi: "Sans texte."\n'),
        [
            "data/checklists/essai.yml, ligne 8 : essai › items[3] › texte — champ obligatoire manquant. Attendu : un texte non vide (la phrase que le lecteur coche)."
        ],
    ),
    "syntaxe-yaml": (
        _replace("data/series.yml", '  titre: "Série d’essai"', "  titre: Série : essai"),
        ["data/series.yml, ligne 2 : erreur de syntaxe YAML : deux-points « : » inattendu"],
    ),
    "document-inconnu": (
        _replace("data/resources.yml", 'document: "texte-interne"', 'document: "texte-perdu"'),
        [
            "data/resources.yml, ligne 9 : resources › textes[1] › document — le document « texte-perdu » n’existe pas dans data/official-documents.yml."
        ],
    ),
    "infographie-champ-inconnu": (
        _replace("data/infographics/essai.yml", "source:", "sources:"),
        [
            "data/infographics/essai.yml, ligne 16 : essai › sources — champ inconnu « sources ». Vouliez-vous dire « source » ?",
            "Le site ne peut pas être construit : 1 erreur",  # one mistake, one message (not « source » missing too)
        ],
    ),
    "glossaire-page-absente": (
        _replace("data/glossary.yml", 'voir: "fiches/premiere.md"', 'voir: "fiches/derniere.md"'),
        ["data/glossary.yml, ligne 5 : glossaire[2] › voir — la page « fiches/derniere.md » n’existe pas dans docs/."],
    ),
    "etiquette-inconnue": (
        _replace("docs/fiches/seconde.md", "  - Listes\n", "  - Liste\n"),
        ["docs/fiches/seconde.md, ligne 7 : tags[2] — étiquette « Liste » inconnue. Vouliez-vous dire « Listes » ?"],
    ),
    "identifiant-inconnu-dans-une-page": (
        _append("docs/fiches/seconde.md", '\n{{ checklist("inconnue") }}\n'),
        [
            'docs/fiches/seconde.md, ligne 17 : checklist("inconnue") — liste de vérification « inconnue » introuvable dans data/checklists/. Attendu : un de ces identifiants : essai.'
        ],
    ),
    # An id computed in the page escapes the early check: the macro itself stops the build.
    "identifiant-inconnu-au-rendu": (
        _append("docs/fiches/seconde.md", '\n{{ checklist("incon" ~ "nue") }}\n'),
        [
            "fiches/seconde.md : checklist(« inconnue ») : liste de vérification « inconnue » introuvable dans data/checklists/. Identifiants existants : essai."
        ],
    ),
}


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """Every build of this module, run in parallel: name -> (CompletedProcess, site folder)."""
    jobs = {}
    for name in ["intact", *BROKEN]:
        root = tmp_path_factory.mktemp(name)
        project = copy_mini_site(root / "project")
        if name != "intact":
            BROKEN[name][0](project)
        jobs[name] = (project, root / "site")
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = {name: pool.submit(build, project, site) for name, (project, site) in jobs.items()}
        return {name: (future.result(), jobs[name][1]) for name, future in futures.items()}


def _output(result) -> str:
    return result.stdout + result.stderr


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_data_fails_the_build_with_a_french_message(builds, name):
    result, _site = builds[name]
    output = _output(result)
    assert result.returncode != 0, f"la construction aurait dû échouer :\n{output}"
    for expected in BROKEN[name][1]:
        assert expected in output, f"message attendu absent : {expected!r}\n{output}"
    assert "Traceback" not in output, output


def test_validation_errors_are_reported_as_one_report(builds):
    output = _output(builds["champ-obligatoire"][0])
    assert "Le site ne peut pas être construit : 1 erreur dans les données" in output
    assert "Aborted with a BuildError!" in output


# --- the intact mini-site ----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def site(builds) -> Path:
    result, site = builds["intact"]
    assert result.returncode == 0, _output(result)
    return site


def _soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_intact_build_renders_every_macro(site):
    assert _soup(site, "fiches/premiere").select_one("div.ck fieldset legend")
    assert _soup(site, "infographie").select("section.ig h2")
    assert _soup(site, "serie/deuxieme").select_one('nav.sr [aria-current="page"]')
    assert _soup(site, "fiches/premiere").select_one("nav.rl a.rl-link")
    assert _soup(site, "ressources").select("ul.rs-list")
    assert _soup(site, "regles/reglement").select("aside.od")
    assert _soup(site, "glossaire").select("dl.gl dt[id]")
    for page in site.rglob("index.html"):
        assert "Macro Rendering Error" not in page.read_text(encoding="utf-8"), page


def test_series_front_matter_does_not_hide_the_series_macro(site):
    """An article with `serie: essai` in its front matter renders {{ series("essai") }}: front-matter keys become
    template variables in mkdocs-macros, so no key may be named like a macro (hence `serie`, not `series`)."""
    nav = _soup(site, "serie/premier").select_one("nav.sr")
    assert nav is not None and nav.select_one("a[rel=next]")


def test_macro_output_is_not_wrapped_in_a_paragraph(site):
    """The HTML of a macro stays a raw block: Markdown must not wrap it in <p> nor escape it."""
    soup = _soup(site, "fiches/premiere")
    assert soup.select_one("div.ck").parent.name != "p"
    assert "&lt;fieldset" not in str(soup)
