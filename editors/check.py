"""`python -m editors.check`: validate data/ and the pages' front matter without building the site.

The same validation as the build (content.data.load_site), in about a second. Prints every problem in
French and exits with status 1, or prints a short summary and exits with 0. Run from the project folder
(the one holding mkdocs.yml), or pass it as an argument.

`python -m editors.check --all` (what `make check` runs) adds every other content check an editor's change
needs, and prints one line per check, then the details, then whether the change can be proposed:

- data and front matter (above);
- « À COMPLÉTER » left from a page template (editors.newpage.placeholders);
- pages missing from the navigation of mkdocs.yml, navigation lines naming no page (editors.navcheck);
- links, anchors and macro calls: a strict build into a temporary folder (editors.buildcheck), started in
  the background while the next checks run; skipped when the data check fails (it would stop on the same
  errors);
- spelling (editors.spelling: hunspell fr_FR and dictionnaire.txt);
- Markdown formatting (editors.lint: PyMarkdown and .pymarkdown.yml).
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from content import command_line
from content.data import load_site
from content.errors import DataError
from content.text import count
from engine.config import read_config
from macros import RULES


def read_settings(root: Path) -> tuple[Path, bool]:
    """docs_dir and use_directory_urls from mkdocs.yml (MkDocs' defaults when absent)."""
    config_file = root / "mkdocs.yml"
    config = {}
    if config_file.is_file():
        config = read_config(config_file) or {}
    docs_dir = root / (config.get("docs_dir") or "docs")
    return docs_dir, config.get("use_directory_urls", True) is not False


@dataclass
class Outcome:
    """The result of one check of `--all`: its name, a short count for the summary line, the details."""

    name: str
    details: list[str] = field(default_factory=list)
    summary: str = ""  # e.g. « 2 mots inconnus »; on success, e.g. « 28 pages »
    skipped: bool = False
    warning: bool = False  # its details are to read, but do not stop the change (review dates)

    @property
    def ok(self) -> bool:
        return (not self.details or self.warning) and not self.skipped

    def line(self) -> str:
        mark = "–" if self.skipped else ("⚠" if self.details and self.warning else ("✔" if self.ok else "✘"))
        return f"{mark} {self.name}" + (f" : {self.summary}" if self.summary else "")


def run_all(root: Path, out: TextIO = sys.stdout, *, github: bool = False, code_quality: Path | None = None) -> int:
    """Every check of `make check`, with a summary an editor understands; 0 when the change can be proposed.

    `github`: also print each finding as a GitHub workflow command (an annotation on its line of the pull request);
    `code_quality`: also write them as a GitLab Code Quality report to that file (editors/annotations.py)."""
    from . import annotations, apostrophes, buildcheck, lint, navcheck, newpage, publication, review, spelling

    started = time.monotonic()
    docs_dir, use_directory_urls = read_settings(root)
    docs_prefix = docs_dir.relative_to(root).as_posix() if docs_dir.is_relative_to(root) else docs_dir.as_posix()
    outcomes: list[Outcome] = []

    data = Outcome("Données et en-têtes des pages")
    try:
        site = load_site(root, docs_dir, use_directory_urls, RULES)
        data.summary = (
            f"{count(len(site.pages), 'page', 'pages')}, {count(len(site.checklists), 'liste de vérification', 'listes de vérification')}"
        )
    except DataError as error:
        data.details = [str(problem) for problem in error.problems]
        data.summary = count(len(data.details), "erreur", "erreurs")
    outcomes.append(data)
    build = buildcheck.start(root, docs_prefix) if data.ok else None

    reviews = Outcome("Dates de vérification (à relire chaque année)", warning=True)
    if data.ok:
        reviews.details = review.overdue(site)
        reviews.summary = count(len(reviews.details), "texte à relire", "textes à relire") if reviews.details else ""
    else:
        reviews.skipped = True
        reviews.summary = "non vérifiées : corrigez d’abord les données et en-têtes"
    outcomes.append(reviews)

    legal = Outcome("Mentions légales et avis des lecteurs (valeurs données à la publication)", warning=True)
    legal.details = publication.unset_publisher_values(os.environ) + publication.unset_feedback_address(os.environ)
    legal.summary = "à donner au moment de publier" if legal.details else ""
    outcomes.append(legal)

    templates = Outcome("Consignes des modèles remplacées")
    templates.details = [str(problem) for problem in newpage.placeholders(root)]
    if templates.details:
        templates.summary = count(len(templates.details), f"« {newpage.MARKER} » à remplacer", f"« {newpage.MARKER} » à remplacer")
    outcomes.append(templates)

    nav = Outcome("Navigation (mkdocs.yml)")
    nav.details = [str(problem) for problem in navcheck.check(root, docs_dir)]
    nav.summary = count(len(nav.details), "problème", "problèmes") if nav.details else ""
    outcomes.append(nav)

    links = Outcome("Liens et macros (construction du site)")
    outcomes.append(links)

    words = Outcome("Orthographe")
    prose = spelling.collect_lines(root)  # the reader's text, read once for the spelling and the apostrophes
    try:
        problems = spelling.check(root, prose=prose)
        words.details = [str(problem) for problem in problems]
        if problems:
            distinct = {problem.message.split("»", 1)[0] for problem in problems}
            words.summary = count(len(distinct), "mot inconnu", "mots inconnus")
    except spelling.SpellingUnavailable as error:
        words.details = [f"vérification impossible : {error}"]
        words.summary = "vérification impossible"
    outcomes.append(words)

    quotes = Outcome("Apostrophes typographiques")
    quotes.details = [str(problem) for problem in apostrophes.find(root, prose)]
    quotes.summary = (
        count(len(quotes.details), "ligne à corriger (make corriger)", "lignes à corriger (make corriger)") if quotes.details else ""
    )
    outcomes.append(quotes)

    markdown = Outcome("Mise en forme Markdown")
    try:
        markdown.details = [str(problem) for problem in lint.check(root)]
        markdown.summary = count(len(markdown.details), "problème", "problèmes") if markdown.details else ""
    except lint.LintUnavailable as error:
        markdown.details = [f"vérification impossible : {error}"]
        markdown.summary = "vérification impossible"
    outcomes.append(markdown)

    if build is None:
        links.skipped = True
        links.summary = "non vérifiés : corrigez d’abord les données et en-têtes"
    else:
        _built, links.details = buildcheck.finish(build)
        links.summary = count(len(links.details), "problème", "problèmes") if links.details else ""

    elapsed = time.monotonic() - started
    findings = [
        annotations.locate(outcome.name, detail, warning=outcome.warning)
        for outcome in outcomes
        if not outcome.skipped
        for detail in outcome.details
    ]
    if code_quality is not None:
        annotations.write_code_quality(findings, code_quality)
    if github:
        for command in annotations.github_commands(findings):
            print(command, file=out)
    print("Vérification du contenu (make check)\n", file=out)
    for outcome in outcomes:
        print(outcome.line(), file=out)
    failed = [outcome for outcome in outcomes if not outcome.ok]
    for outcome in [o for o in outcomes if o.warning and o.details] + failed:
        if outcome.details:
            print(f"\n{outcome.name} :", file=out)
            for detail in outcome.details:
                print(f"  • {detail}", file=out)
    seconds = f"{elapsed:.1f}".replace(".", ",")
    if failed:
        total = sum(len(outcome.details) for outcome in failed)
        print(
            f"\n✘ {count(total, 'problème', 'problèmes')} à corriger ({seconds} s) : la modification ne peut pas encore être proposée. "
            "Corrigez, enregistrez, puis relancez « make check ». Chaque message est expliqué dans CONTRIBUTING.md, "
            "partie « Comprendre les vérifications ».",
            file=out,
        )
        return 1
    print(f"\n✔ Tout est en ordre ({seconds} s) : la modification peut être proposée.", file=out)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = command_line.parser(prog="python -m editors.check", description="Vérifie data/ et les en-têtes des pages de docs/.")
    parser.add_argument("project", nargs="?", default=".", metavar="projet", help="dossier du projet (celui de mkdocs.yml)")
    parser.add_argument(
        "--all", action="store_true", help="toutes les vérifications de « make check » : navigation, liens, orthographe, mise en forme…"
    )
    parser.add_argument(
        "--github", action="store_true", help="avec --all : chaque problème aussi en annotation GitHub (::error file=…,line=…::…)"
    )
    parser.add_argument(
        "--code-quality",
        type=Path,
        metavar="FICHIER",
        help="avec --all : écrit aussi les problèmes en rapport Code Quality de GitLab (JSON)",
    )
    args = parser.parse_args(argv)
    root = Path(args.project).resolve()
    if args.all:
        return run_all(root, github=args.github, code_quality=args.code_quality)
    docs_dir, use_directory_urls = read_settings(root)
    try:
        site = load_site(root, docs_dir, use_directory_urls, RULES)
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    print(
        f"Données et en-têtes valides : {len(site.pages)} pages, {len(site.checklists)} listes de vérification, "
        f"{len(site.infographics)} infographie(s), {len(site.documents)} documents officiels, {len(site.glossary)} termes."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
