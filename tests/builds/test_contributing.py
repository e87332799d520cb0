"""CONTRIBUTING.md's « Ajouter une fiche mémo », followed step by step on a copy of the project.

The test reads its instructions from CONTRIBUTING.md itself (the command, the files it names, the examples of
a filled sheet and of a checklist), runs them with the entry point of `make nouvelle-page`, fills the template
the way an editor would, checks that `make check` accepts the result, then proposes it (a commit, dated after
the copy's) and builds the site. The new sheet must then be in the navigation, in the search index, on its
tags' listing and first among the « Nouveautés » of the home page.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from editors import newpage
from editors.check import run_all
from tests.support import ROOT, copy_project, mkdocs_build

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
CHECK_PARTS = ("modeles", "dictionnaire.txt", ".pymarkdown.yml")

# What an editor writes in place of each remaining « À COMPLÉTER » of modeles/fiche.md (key: a piece of the
# template's line). A template line missing here fails the test: update this table with the template.
FILLED = {
    "## Exemple : À COMPLÉTER": "## Exemple : un stage dans une DREAL",
    "À COMPLÉTER : une situation racontée": (
        "Léa prépare un master d’urbanisme. Elle découvre l’offre de stage de la DREAL sur le profil d’un agent, "
        "qui raconte en deux phrases ce que son équipe lui a appris pendant son propre stage."
    ),
    "- À COMPLÉTER : une erreur fréquente": "- Modifier le texte de l’annonce : seule l’annonce publiée fait foi.",
    "- À COMPLÉTER : une autre erreur": None,  # the line is removed
    "- À COMPLÉTER : la source": "- Code général de la fonction publique (CGFP), art. L121-7 (discrétion professionnelle).",
}


def section(title: str) -> str:
    """The text of the part « ## title » of CONTRIBUTING.md (« ## » lines inside code blocks do not end it)."""
    collected, inside, fence = None, False, False
    for line in GUIDE.splitlines(keepends=True):
        if line.lstrip().startswith("```"):
            fence = not fence
        if not fence and line.startswith("## "):
            if inside:
                break
            inside = line.strip() == f"## {title}"
            collected = [] if inside else collected
            continue
        if inside:
            collected.append(line)
    assert collected is not None, f"CONTRIBUTING.md n’a plus de partie « {title} »"
    return "".join(collected)


def blocks(text: str, language: str) -> list[str]:
    """The fenced code blocks of `language` in `text`, without their indentation."""
    found = []
    for match in re.finditer(rf"^( *)```{language}\n(.*?)^\1```", text, re.MULTILINE | re.DOTALL):
        indent = len(match.group(1))
        found.append("\n".join(line[indent:] for line in match.group(2).splitlines()) + "\n")
    return found


def parts_of(markdown: str) -> dict[str, str]:
    """« ## Titre » -> the lines under it, up to the next « ## »."""
    found = {}
    for match in re.finditer(r"^(## [^\n]+)\n(.*?)(?=^## |\Z)", markdown, re.MULTILINE | re.DOTALL):
        found[match.group(1)] = match.group(2)
    return found


def fill(generated: str) -> str:
    """The generated sheet filled like CONTRIBUTING.md's examples, the other instructions replaced."""
    front_matter = blocks(section("Ce que chaque page doit contenir"), "markdown")[0]
    example = blocks(section("Ajouter une fiche mémo"), "markdown")[0]
    head, body = generated.split("\n---\n", 1)
    assert front_matter.startswith("---\n") and "\n---\n" in front_matter
    text = front_matter.split("\n---\n", 1)[0] + "\n---\n" + body
    text = text.replace("# À COMPLÉTER : le même texte que le champ `title`", "# Relayer une offre de stage")
    for title, content in parts_of(example).items():
        text = re.sub(
            rf"^{re.escape(title)}\n.*?(?=^## )",
            lambda _, title=title, content=content: f"{title}\n{content.rstrip()}\n\n",
            text,
            count=1,
            flags=re.MULTILINE | re.DOTALL,
        )
    lines = []
    for line in text.split("\n"):
        if newpage.MARKER in line:
            key = next((key for key in FILLED if key in line), None)
            assert key is not None, f"consigne du modèle que le test ne sait pas remplir : {line}"
            if FILLED[key] is None:
                continue
            line = FILLED[key]
        lines.append(line)
    return "\n".join(lines)


def git(project: Path, *args: str, date: int | None = None) -> None:
    env = {**os.environ}
    if date is not None:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{date} +0000"
    identity = ["-c", "user.name=Rédactrice", "-c", "user.email=redaction@exemple.invalid", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", *identity, *args], cwd=project, env=env, check=True, capture_output=True)


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    """The copy of the project after following the guide: (project, built site, the new page's path)."""
    project = copy_project(tmp_path_factory.mktemp("contrib") / "site")
    for part in CHECK_PARTS:
        source = ROOT / part
        shutil.copytree(source, project / part) if source.is_dir() else shutil.copy2(source, project / part)

    # 1. The command of the guide, run through make's entry point (TYPE and TITRE in the environment).
    guide = section("Ajouter une fiche mémo")
    command = next(line.strip() for line in blocks(guide, "sh")[0].splitlines() if line.strip().startswith("make nouvelle-page"))
    variables = dict(word.split("=", 1) for word in shlex.split(command)[2:])
    assert variables == {"TYPE": "fiche", "TITRE": "Relayer une offre de stage"}
    environment = {**os.environ, **variables, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "editors.newpage"], cwd=project, env=environment, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr

    # 2. The files and the navigation line the guide announces.
    page = "docs/fiches/relayer-une-offre-de-stage.md"
    checklist = "data/checklists/relayer-une-offre-de-stage.yml"
    for announced in (f"`{page}`", f"`{checklist}`", "`- fiches/relayer-une-offre-de-stage.md`", "« Fiches mémos »"):
        assert announced in guide, f"CONTRIBUTING.md n’annonce plus {announced}"
    assert (project / page).is_file() and (project / checklist).is_file()
    assert "      - fiches/relayer-une-offre-de-stage.md\n" in (project / "mkdocs.yml").read_text(encoding="utf-8")

    # 3. Before the instructions are replaced, make check refuses the change.
    out = io.StringIO()
    assert run_all(project, out) == 1
    assert "✘ Consignes des modèles remplacées" in out.getvalue()

    # 4. Filled with the guide's examples: make check accepts it.
    (project / page).write_text(fill((project / page).read_text(encoding="utf-8")), encoding="utf-8")
    checklist_example = blocks(section("Ajouter ou modifier une liste de vérification"), "yaml")[0]
    (project / checklist).write_text(checklist_example, encoding="utf-8")
    out = io.StringIO()
    status = run_all(project, out)
    assert status == 0, out.getvalue()
    assert out.getvalue().rstrip().endswith("la modification peut être proposée.")

    # 5. Proposed (committed after the copy's commit), then built as CI builds it.
    git(project, "add", "--all")
    git(project, "commit", "--quiet", "--message", "Fiche : relayer une offre de stage", date=int(time.time()) + 3600)
    site = tmp_path_factory.mktemp("built")
    build = mkdocs_build(project, site)
    assert build.returncode == 0, build.stdout + build.stderr
    return project, site, "fiches/relayer-une-offre-de-stage/"


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_the_sheet_is_published_with_its_checklist(proposed):
    _, site, url = proposed
    page = soup(site, url)
    assert page.h1.get_text(strip=True).startswith("Relayer une offre de stage")
    assert "Avant de relayer une offre de stage" in page.get_text()
    assert "À COMPLÉTER" not in page.get_text()


def test_the_sheet_is_in_the_navigation(proposed):
    _, site, url = proposed
    links = {a.get_text(" ", strip=True): a["href"] for a in soup(site, "fiches").select("nav.md-nav--primary a.md-nav__link[href]")}
    assert links.get("Relayer une offre de stage") == "relayer-une-offre-de-stage/", links


def test_the_sheet_is_in_the_lists_of_memo_sheets_without_editing_them(proposed):
    """No list to keep by hand: the memo sheets' index and the resources page list the new sheet (page_list)."""
    _, site, url = proposed
    for page, href in (("fiches", "relayer-une-offre-de-stage/"), ("ressources", "../fiches/relayer-une-offre-de-stage/")):
        listed = {a.get_text(" ", strip=True): a["href"] for a in soup(site, page).select("article .pl-list a[href]")}
        assert listed.get("Relayer une offre de stage") == href, (page, listed)


def test_the_sheet_is_in_the_search_index(proposed):
    _, site, url = proposed
    assert soup(site, url).select("[data-pagefind-body]"), "la page n’est pas marquée pour l’index de recherche"
    fragments = site / "pagefind" / "fragment"
    if fragments.is_dir():  # Pagefind ran (build_steps/search_index.py): the page is one of the indexed fragments
        urls = set()
        for fragment in fragments.glob("*.pf_fragment"):
            data = gzip.decompress(fragment.read_bytes())
            urls.add(json.loads(data[data.index(b"{") :])["url"])
        assert f"/{url}" in urls
        entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert entry["languages"]["fr"]["page_count"] == len(urls)


@pytest.mark.parametrize("tag", ["Recrutement", "LinkedIn"])
def test_the_sheet_is_listed_under_its_tags(proposed, tag):
    _, site, url = proposed
    page = soup(site, "etiquettes")
    heading = next(h for h in page.select("h2") if h.select_one(".md-tag") and h.select_one(".md-tag").get_text(strip=True) == tag)
    listing = heading.find_next_sibling("ul")
    assert f"../{url}" in [a["href"] for a in listing.select("a")]


def test_the_sheet_comes_first_in_the_news_of_the_home_page(proposed):
    _, site, url = proposed
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    latest = [a["href"] for a in home.select("a.lp-link")]
    assert latest and latest[0] == url, latest


def test_every_yaml_example_of_the_guide_is_valid_yaml():
    import yaml

    examples = blocks(GUIDE, "yaml")
    assert len(examples) >= 6
    for example in examples:
        assert yaml.safe_load(example), example


def test_every_make_command_of_the_guide_exists():
    targets = set(re.findall(r"^([a-z-]+):", (ROOT / "Makefile").read_text(encoding="utf-8"), re.MULTILINE))
    used = set(re.findall(r"`make ([a-z-]+)", GUIDE)) | set(re.findall(r"^\s*make ([a-z-]+)", GUIDE, re.MULTILINE))
    assert used and used <= targets, used - targets
