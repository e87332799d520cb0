"""`make check` as a whole (python -m editors.check --all): the summary an editor reads, the time it takes, and
the French messages that replace MkDocs' English warnings (editors/buildcheck.py).
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from editors import buildcheck
from editors.check import run_all
from tests.support import ROOT, copy_project

CHECK_PARTS = ("modeles", "dictionnaire.txt", ".pymarkdown.yml")  # read by make check, not by the build


def copy_for_check(dest: Path) -> Path:
    """A copy of the project (a git repository, as support.copy_project makes it) with what make check reads."""
    project = copy_project(dest)
    for part in CHECK_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, project / part)
        else:
            shutil.copy2(source, project / part)
    return project


def run(project: Path) -> tuple[int, str]:
    out = io.StringIO()
    status = run_all(project, out)
    return status, out.getvalue()


# --- the whole check -------------------------------------------------------------------------------
def test_real_content_passes_in_less_than_30_seconds():
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "editors.check", "--all"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Vérification du contenu (make check)"
    assert [line.split(" :")[0] for line in lines[2:11]] == [
        "✔ Données et en-têtes des pages",
        "✔ Dates de vérification (à relire chaque année)",
        "⚠ Mentions légales et avis des lecteurs (valeurs données à la publication)",
        "✔ Consignes des modèles remplacées",
        "✔ Navigation (mkdocs.yml)",
        "✔ Liens et macros (construction du site)",
        "✔ Orthographe",
        "✔ Apostrophes typographiques",
        "✔ Mise en forme Markdown",
    ]
    assert lines[-1].startswith("✔ Tout est en ordre (") and lines[-1].endswith(" s) : la modification peut être proposée.")
    assert elapsed < 30, f"make check a pris {elapsed:.1f} s (budget : 30 s)"


def test_each_kind_of_mistake_fails_its_own_line_with_details(tmp_path):
    project = copy_for_check(tmp_path / "site")
    sheet = project / "docs/fiches/profil-linkedin.md"
    text = sheet.read_text(encoding="utf-8")
    sheet.write_text(
        text.replace("## À éviter\n", "## À éviter\n\nLe recrutment passe par la [fiche sur les offres](relayer-une-offre.md).\n", 1),
        encoding="utf-8",
    )
    line = (
        sheet.read_text(encoding="utf-8").splitlines().index("Le recrutment passe par la [fiche sur les offres](relayer-une-offre.md).") + 1
    )
    (project / "docs/fiches/orpheline.md").write_text(
        '---\ntitle: "Orpheline"\ndescription: "Une page de test que la navigation ne cite pas, avec une description assez longue."\n'
        "type: fiche\nverifie_le: 2026-12-02\ntags:\n  - LinkedIn\n---\n\n# Orpheline\n* Une puce collée au titre.\n",
        encoding="utf-8",
    )
    status, output = run(project)
    assert status == 1
    assert output.splitlines()[2:11] == [
        "✔ Données et en-têtes des pages : 35 pages, 12 listes de vérification",
        "✔ Dates de vérification (à relire chaque année)",
        "⚠ Mentions légales et avis des lecteurs (valeurs données à la publication) : à donner au moment de publier",
        "✔ Consignes des modèles remplacées",
        "✘ Navigation (mkdocs.yml) : 1 problème",
        "✘ Liens et macros (construction du site) : 1 problème",
        "✘ Orthographe : 1 mot inconnu",
        "✔ Apostrophes typographiques",
        "✘ Mise en forme Markdown : 2 problèmes",
    ]
    assert (
        "  • docs/fiches/orpheline.md : page absente de la navigation. Ajoutez la ligne « - fiches/orpheline.md » dans la section "
        "« Fiches mémos » de la partie nav: de mkdocs.yml (à la fin du fichier)."
    ) in output
    assert (
        f"  • docs/fiches/profil-linkedin.md, ligne {line} : lien « relayer-une-offre.md » : la page docs/fiches/relayer-une-offre.md "
        "n’existe pas. Vouliez-vous dire « relayer-une-offre-emploi.md » ? Un lien vers une page du site donne le chemin de son "
        "fichier .md depuis la page où il est écrit "
        "(« ../regles/obligations-des-agents.md »)."
    ) in output
    assert (
        f"  • docs/fiches/profil-linkedin.md, ligne {line} : mot inconnu « recrutment ». Vouliez-vous dire « recrutement » ? "
        "Corrigez-le, ou ajoutez-le à dictionnaire.txt s’il est juste."
    ) in output
    assert "  • docs/fiches/orpheline.md, ligne 10 : laissez une ligne vide avant et après chaque titre (règle MD022)." in output
    assert "  • docs/fiches/orpheline.md, ligne 11 : laissez une ligne vide avant et après une liste (règle MD032)." in output
    last = output.rstrip().splitlines()[-1]
    assert last.startswith("✘ 5 problèmes à corriger (") and last.endswith(
        " s) : la modification ne peut pas encore être proposée. Corrigez, enregistrez, puis relancez « make check ». "
        "Chaque message est expliqué dans CONTRIBUTING.md, partie « Comprendre les vérifications »."
    )


def test_links_are_not_checked_while_the_data_is_wrong(tmp_path):
    project = copy_for_check(tmp_path / "site")
    sheet = project / "docs/fiches/profil-linkedin.md"
    sheet.write_text(sheet.read_text(encoding="utf-8").replace("  - LinkedIn\n", "  - Linkedin\n", 1), encoding="utf-8")
    status, output = run(project)
    assert status == 1
    assert "✘ Données et en-têtes des pages : 1 erreur" in output
    assert "– Liens et macros (construction du site) : non vérifiés : corrigez d’abord les données et en-têtes" in output
    assert (
        "  • docs/fiches/profil-linkedin.md, ligne 7 : tags[1] — étiquette « Linkedin » inconnue. Vouliez-vous dire « LinkedIn » ?"
        in output
    )


def test_findings_reach_the_forges_on_their_lines(tmp_path):
    """CI's options: each finding as a GitHub annotation and in GitLab's Code Quality report, at the same place as
    in the French summary."""
    project = copy_for_check(tmp_path / "site")
    sheet = project / "docs/fiches/profil-linkedin.md"
    sheet.write_text(
        sheet.read_text(encoding="utf-8").replace("## À éviter\n", "## À éviter\n\nLe recrutment est ouvert.\n", 1), encoding="utf-8"
    )
    line = sheet.read_text(encoding="utf-8").splitlines().index("Le recrutment est ouvert.") + 1
    report = tmp_path / "gl-code-quality-report.json"
    out = io.StringIO()
    assert run_all(project, out, github=True, code_quality=report) == 1
    commands = [text for text in out.getvalue().splitlines() if text.startswith("::")]
    assert f"::error file=docs/fiches/profil-linkedin.md,line={line},title=Orthographe::mot inconnu « recrutment »" in "\n".join(commands)
    assert any(c.startswith("::warning file=mkdocs.yml,line=1,title=Mentions légales") for c in commands)
    issues = json.loads(report.read_text(encoding="utf-8"))
    spelling = [i for i in issues if i["check_name"] == "Orthographe"]
    assert len(spelling) == 1 and spelling[0]["location"] == {"path": "docs/fiches/profil-linkedin.md", "lines": {"begin": line}}
    assert spelling[0]["severity"] == "major"


# --- MkDocs' warnings in French ------------------------------------------------------------------------
@pytest.fixture
def page_root(tmp_path) -> Path:
    page = tmp_path / "docs" / "fiches" / "x.md"
    page.parent.mkdir(parents=True)
    page.write_text(
        "# X\n\nUn [lien](relayer.md), une [ancre](#nulle-part), [une autre](../regles/y.md#absente),\n"
        '[la racine](/fiches/) et [un dossier](../regles/).\n\n{{ checklist("avant-de-publier" }}\n',
        encoding="utf-8",
    )
    return tmp_path


@pytest.mark.parametrize(
    ("record", "message"),
    [
        (
            "Doc file 'fiches/x.md' contains a link 'relayer.md', but the target 'fiches/relayer.md' is not found among documentation files.",
            "docs/fiches/x.md, ligne 3 : lien « relayer.md » : la page docs/fiches/relayer.md n’existe pas. Un lien vers une page du site "
            "donne le chemin de son fichier .md depuis la page où il est écrit (« ../regles/obligations-des-agents.md »).",
        ),
        (
            "Doc file 'fiches/x.md' contains a link '#nulle-part', but there is no such anchor on this page.",
            "docs/fiches/x.md, ligne 3 : lien « #nulle-part » : aucun titre de cette page n’a cette ancre. Corrigez l’ancre (une ancre "
            "s’écrit en minuscules, sans accents, les mots séparés par des tirets : « ## Devoir de réserve » donne #devoir-de-reserve).",
        ),
        (
            "Doc file 'fiches/x.md' contains a link '../regles/y.md#absente', but the doc 'regles/y.md' does not contain an anchor '#absente'.",
            "docs/fiches/x.md, ligne 3 : lien « ../regles/y.md#absente » : la page docs/regles/y.md n’a pas de titre dont l’ancre est "
            "« #absente ». Corrigez l’ancre (une ancre s’écrit en minuscules, sans accents, les mots séparés par des tirets : "
            "« ## Devoir de réserve » donne #devoir-de-reserve), ou retirez-la du lien.",
        ),
        (
            "Doc file 'fiches/x.md' contains an absolute link '/fiches/', it was left as is. Did you mean 'index.md'?",
            "docs/fiches/x.md, ligne 4 : lien « /fiches/ » écrit depuis la racine du site : il ne fonctionnerait pas une fois le site "
            "publié sur l’intranet. Donnez le chemin du fichier .md depuis la page où il est écrit. Vouliez-vous dire « index.md » ?",
        ),
        (
            "Doc file 'fiches/x.md' contains an unrecognized relative link '../regles/', it was left as is. Did you mean '../regles/index.md'?",
            "docs/fiches/x.md, ligne 4 : lien « ../regles/ » vers un dossier ou une adresse du site publié : visez le fichier .md de la "
            "page (« ../fiches/index.md » pour la page d’accueil d’un dossier). Vouliez-vous dire « ../regles/index.md » ?",
        ),
        (
            "[macros] - ERROR # _Macro Syntax Error_\n\n_File_: `fiches/x.md`\n\n_Line 4 in Markdown file:_ **unexpected '}', "
            "expected ')'**\n```markdown\n{{ checklist(\"avant-de-publier\" }}\n```",
            "docs/fiches/x.md, ligne 6 : un appel entre doubles accolades ne peut pas être rendu (unexpected '}', expected ')'). "
            'Vérifiez le nom de la macro, les parenthèses, les guillemets et les accolades : {{ checklist("identifiant") }}. '
            "Les macros sont décrites dans docs/contribuer/conventions.md.",
        ),
        (
            "[macros] - ERROR # _Macro Rendering Error_\n\n_File_: `fiches/x.md`\n\n_UndefinedError_: 'page' has no attribute 'titl'\n\n```\nTraceback…\n```",
            "docs/fiches/x.md : un appel entre doubles accolades ne peut pas être rendu (UndefinedError : 'page' has no attribute 'titl'). "
            'Vérifiez le nom de la macro, les parenthèses, les guillemets et les accolades : {{ checklist("identifiant") }}. '
            "Les macros sont décrites dans docs/contribuer/conventions.md.",
        ),
        (
            "Something new happened.",
            "la construction signale un problème (message de MkDocs, en anglais) : Something new happened.",
        ),
    ],
)
def test_mkdocs_warning_in_french(page_root, record, message):
    assert buildcheck.message_for(record, page_root) == message


def test_warnings_reported_by_other_checks_are_dropped(page_root):
    output = (
        "INFO    -  Building documentation...\n"
        'WARNING -  The following pages exist in the docs directory, but are not included in the "nav" configuration:\n'
        "  - orpheline.md\n"
        "WARNING -  A reference to 'x.md' is included in the 'nav' configuration, which is not found in the documentation files.\n"
        "WARNING -  Doc file 'fiches/x.md' contains a link '#nulle-part', but there is no such anchor on this page.\n"
        "WARNING -  Doc file 'fiches/x.md' contains a link '#nulle-part', but there is no such anchor on this page.\n"
        "\nAborted with 3 warnings in strict mode!\n"
    )
    found = buildcheck.messages_from_output(output, page_root)
    assert len(found) == 1 and found[0].startswith("docs/fiches/x.md, ligne 3 : lien « #nulle-part »")
