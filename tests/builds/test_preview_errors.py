"""`make serve` (editors/french_console.py around mkdocs serve --dirty) on a copy of the project, as an editor uses
it: a mistake in a page or in a data file never stops nor freezes the preview. The pages show the French message
(file, line, fix) with HTTP 200, and the preview recovers by itself once the file is saved fixed. A broken link is
reported in the terminal, in French, and the preview goes on. The terminal shows no English line. `mkdocs build` still stops on the same mistakes
(tests/unit/test_macros_validation.py, tests/builds/test_strict_build.py)."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from engine.command import mkdocs_environment
from tests.support import copy_project, free_port
from tests.unit.test_french_console import ENGLISH

NOTICE = "Aperçu en attente de corrections"
PAGE = "docs/fiches/profil-linkedin.md"
CHECKLIST = "data/checklists/creer-son-profil-linkedin.yml"
WAIT = 120  # seconds before a preview that shows nothing counts as frozen (rebuilds take a few seconds)


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


def wait_for(url: str, process: subprocess.Popen, predicate, what: str) -> str:
    """The page once `predicate(html)` holds; fails if the preview stops, or shows nothing of it for WAIT seconds."""
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        assert process.poll() is None, f"l’aperçu s’est arrêté (code {process.returncode}) au lieu de montrer {what}"
        status, html = fetch(url)
        if status == 200 and predicate(html):
            return html
        time.sleep(0.5)
    pytest.fail(f"l’aperçu n’a pas montré {what} en {WAIT} s")


def mistakes_shown(html: str) -> list[str]:
    """The mistakes listed by the notice, as a reader reads them (French spaces made ordinary)."""
    article = BeautifulSoup(html, "html.parser").select_one("article")
    return [" ".join(li.get_text().replace("\u202f", " ").replace("\u00a0", " ").split()) for li in article.select("li")]


def terminal(project: Path) -> str:
    """What the editor's terminal shows."""
    return (project.parent / "terminal.log").read_text(encoding="utf-8")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} absent de {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    time.sleep(0.1)


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    """A copy of the project whose page has a brace mistake before the preview even starts, and its preview."""
    project = copy_project(tmp_path_factory.mktemp("apercu") / "site")
    edit(project / PAGE, "## À éviter\n", "## À éviter {#eviter}\n")
    port = free_port()
    terminal = project.parent / "terminal.log"  # what the editor's terminal shows
    with terminal.open("w", encoding="utf-8") as output:
        process = subprocess.Popen(
            # The command of `make serve` (Makefile, FRENCH_MKDOCS).
            [
                sys.executable,
                "-m",
                "editors.french_console",
                "serve",
                "--no-strict",
                "--livereload",
                "--dirty",
                "--dev-addr",
                f"127.0.0.1:{port}",
            ],
            cwd=project,
            env=mkdocs_environment(),
            stdout=output,
            stderr=subprocess.STDOUT,
            text=True,
        )
        try:
            yield project, f"http://127.0.0.1:{port}/", process
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


def test_a_page_mistake_shows_in_the_page_and_the_preview_recovers(preview):
    project, root, process = preview
    url = root + "fiches/profil-linkedin/"
    line = (project / PAGE).read_text(encoding="utf-8").splitlines().index("## À éviter {#eviter}") + 1
    html = wait_for(url, process, lambda h: NOTICE in h, "le message d’erreur")
    assert mistakes_shown(html) == [
        f"{PAGE}, ligne {line} : « {{#eviter}} » : accolade et dièse collés, « {{# » est lu comme le début d’un commentaire "
        "du moteur de macros. Attendu : une espace après l’accolade ouvrante et avant la fermante : « { #eviter } »."
    ]
    shown = terminal(project)
    assert f"{PAGE}, ligne {line} :" in shown and "L’aperçu continue : les pages montrent ces erreurs jusqu’à leur correction." in shown
    assert "[macros] - Config" not in shown and "Found local Python module" not in shown
    # Said at once, not when the next line comes (which may be only once the editor has opened the browser).
    deadline = time.monotonic() + 10
    while "Aperçu prêt : ouvrez http://127.0.0.1:" not in terminal(project) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert "Aperçu prêt : ouvrez http://127.0.0.1:" in terminal(project)
    english = [line for line in shown.splitlines() if any(marker in line for marker in ENGLISH)]
    assert not english, english
    # Fixed the way the message says: the page is back, with its heading id.
    edit(project / PAGE, "## À éviter {#eviter}\n", "## À éviter { #eviter }\n")
    html = wait_for(url, process, lambda h: NOTICE not in h and 'id="eviter"' in h, "la page corrigée")
    assert "Créer ou mettre à jour son profil LinkedIn" in html


def test_a_data_mistake_shows_on_the_pages_and_the_preview_recovers(preview):
    project, root, process = preview
    url = root + "fiches/profil-linkedin/"
    if "{#eviter}" in (project / PAGE).read_text(encoding="utf-8"):  # this test runs alone: the page mistake goes first
        edit(project / PAGE, "## À éviter {#eviter}\n", "## À éviter { #eviter }\n")
    wait_for(url, process, lambda h: NOTICE not in h, "la page sans erreur")
    edit(project / CHECKLIST, "titre:", "titr:")
    html = wait_for(url, process, lambda h: NOTICE in h, "le message d’erreur des données")
    shown = mistakes_shown(html)
    assert shown[0] == (
        f"{CHECKLIST}, ligne 1 : creer-son-profil-linkedin › titr — champ inconnu « titr ». Vouliez-vous dire « titre » ? "
        "Attendu : un des champs titre, intro, items."
    ), shown
    assert f"{CHECKLIST}, ligne 1 :" in terminal(project)
    edit(project / CHECKLIST, "titr:", "titre:")
    html = wait_for(url, process, lambda h: NOTICE not in h and 'class="ck"' in h, "la page et sa liste rétablies")


def test_a_broken_link_is_reported_in_french_and_the_preview_goes_on(preview):
    """Written while the preview runs: the page keeps showing, the terminal says the link is broken, in French."""
    project, root, process = preview
    if "{#eviter}" in (project / PAGE).read_text(encoding="utf-8"):  # this test runs alone: the page mistake goes first
        edit(project / PAGE, "## À éviter {#eviter}\n", "## À éviter { #eviter }\n")
        wait_for(root + "fiches/profil-linkedin/", process, lambda h: NOTICE not in h, "la page sans erreur")
    glossary = project / "docs" / "glossaire.md"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "\nVoir [la fiche](fiches/profil-linkedn.md).\n", encoding="utf-8")
    line = len(glossary.read_text(encoding="utf-8").splitlines())
    html = wait_for(root + "glossaire/", process, lambda h: "fiches/profil-linkedn" in h, "la page au lien cassé")
    assert "Voir" in html
    expected = (
        f"Attention : docs/glossaire.md, ligne {line} : lien « fiches/profil-linkedn.md » : la page docs/fiches/profil-linkedn.md "
        "n’existe pas. Vouliez-vous dire « fiches/profil-linkedin.md » ?"
    )
    deadline = time.monotonic() + WAIT
    while expected not in terminal(project) and time.monotonic() < deadline:
        time.sleep(0.5)
    shown = terminal(project)
    assert expected in shown, shown
    assert process.poll() is None, "l’aperçu s’est arrêté sur un lien cassé"
    assert "Aperçu prêt : ouvrez http://127.0.0.1:" in shown
