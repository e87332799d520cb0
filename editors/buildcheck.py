"""The strict MkDocs build of `make check`, its English warnings turned into French messages.

A strict build (``mkdocs build --strict`` into a temporary folder, about 3 seconds for this site) is the only
complete check of the links and anchors between pages and of the ``{{ … }}`` macro calls once rendered.
`start` launches it in the background, so that the spelling and lint checks run meanwhile on the other
core; `finish` waits for it and returns one French message per problem:

- a link to a page that does not exist, to a heading anchor that does not exist, written from the site root
  (« /fiches/ ») or to a folder: « docs/fiches/x.md, ligne 12 : lien « … » : … »;
- a macro call that cannot be rendered (« {{ checklist("x" }} »): the file, the line and what Jinja says.

The pages missing from the navigation are left to editors.navcheck, the data and front-matter errors to
content.data (the build is not started when they fail). Any other warning is passed on with MkDocs' own
(English) words after a French introduction, so that nothing is lost.
"""

from __future__ import annotations

import posixpath
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from content.schema import closest
from engine.command import mkdocs_command, mkdocs_environment
from engine.compat import (
    ABSOLUTE_LINK,
    ANCHOR_HERE,
    ANCHOR_THERE,
    DID_YOU_MEAN,
    LINK_NOT_FOUND,
    MACRO_ERROR,
    MACRO_FILE,
    MACRO_RENDERING,
    MACRO_SNIPPET,
    MACRO_SYNTAX,
    NAV_NOT_FOUND,
    NAV_OMITTED,
    UNRECOGNIZED_LINK,
)

RECORD_START = re.compile(r"^(WARNING|ERROR)\s+-\s+(.*)$")
OTHER_LEVEL = re.compile(r"^(INFO|DEBUG)\s+-\s")
TEMPLATE_LINE = re.compile(r'File "<template>", line (?P<line>\d+)')
IGNORED = (
    NAV_OMITTED,  # navcheck
    NAV_NOT_FOUND,  # navcheck
    "Le site ne peut pas être construit",  # the data check, run before
)

ANCHOR_HELP = (
    "une ancre s’écrit en minuscules, sans accents, les mots séparés par des tirets : « ## Devoir de réserve » donne #devoir-de-reserve"
)


@dataclass
class Build:
    """A strict build running in the background."""

    process: subprocess.Popen
    site_dir: tempfile.TemporaryDirectory
    root: Path
    docs_prefix: str


def start(root: Path, docs_prefix: str = "docs") -> Build:
    """Start `mkdocs build --strict` of the project at `root` into a temporary folder."""
    site_dir = tempfile.TemporaryDirectory(prefix="make-check-site-")
    process = subprocess.Popen(
        mkdocs_command("build", "--strict", "--site-dir", site_dir.name),
        cwd=root,
        env=mkdocs_environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
    )
    return Build(process, site_dir, root, docs_prefix)


def finish(build: Build, timeout: float = 600) -> tuple[bool, list[str]]:
    """(the build succeeded, French messages of its problems)."""
    try:
        output, _ = build.process.communicate(timeout=timeout)
    finally:
        build.site_dir.cleanup()
    messages = messages_from_output(output, build.root, build.docs_prefix)
    if build.process.returncode != 0 and not messages:
        tail = "\n".join(output.strip().splitlines()[-15:])
        messages = [f"la construction du site a échoué. Dernières lignes de MkDocs (en anglais) :\n{tail}"]
    return build.process.returncode == 0, messages


def records(output: str) -> list[str]:
    """The WARNING and ERROR messages of MkDocs' output, each with its continuation lines."""
    found: list[list[str]] = []
    current: list[str] | None = None
    for line in output.splitlines():
        start_match = RECORD_START.match(line)
        if start_match:
            current = [start_match.group(2)]
            found.append(current)
        elif OTHER_LEVEL.match(line) or line.startswith("Aborted with"):
            current = None
        elif current is not None:
            current.append(line)
    return ["\n".join(lines).strip() for lines in found]


def find_line(path: Path, needles: list[str]) -> int | None:
    """The first line of `path` holding one of `needles` (the first needle found wins)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    for needle in needles:
        for number, line in enumerate(lines, start=1):
            if needle in line:
                return number
    return None


def _where(root: Path, docs_prefix: str, src: str, link: str | None = None, snippet: str | None = None) -> str:
    file = f"{docs_prefix}/{src}"
    needles = []
    if link is not None:
        needles = [f"]({link})", f"]({link} ", f"]({link}", f"]: {link}", f'"{link}"']
    if snippet:
        needles.append(snippet)
    line = find_line(root / file, needles) if needles else None
    return f"{file}, ligne {line}" if line else file


def _hint(record: str) -> str:
    match = DID_YOU_MEAN.search(record)
    return f" Vouliez-vous dire « {match.group(1)} » ?" if match and match.group(1) else ""


def _closest_page(docs: Path, src: str, link: str) -> str:
    """« Vouliez-vous dire « x.md » ? » with the existing page whose link from `src` is closest to `link`."""
    path, _, anchor = link.partition("#")
    here = posixpath.dirname(src)
    pages = [posixpath.relpath(page.relative_to(docs).as_posix(), here or ".") for page in docs.rglob("*.md")]
    best = closest(path, pages)
    return f" Vouliez-vous dire « {best}{'#' + anchor if anchor else ''} » ?" if best else ""


def message_for(record: str, root: Path, docs_prefix: str = "docs") -> str | None:
    """The French message for one MkDocs warning (None when another check reports it already)."""
    if any(text in record.split("\n", 1)[0] for text in IGNORED):
        return None
    return known_message(record, root, docs_prefix) or f"la construction signale un problème (message de MkDocs, en anglais) : {record}"


def known_message(record: str, root: Path, docs_prefix: str = "docs") -> str | None:
    """The French message for a MkDocs warning about links or macros; None for any other record."""
    if match := ANCHOR_THERE.match(record):
        where = _where(root, docs_prefix, match["src"], match["link"])
        return (
            f"{where} : lien « {match['link']} » : la page {docs_prefix}/{match['doc']} n’a pas de titre dont l’ancre est "
            f"« #{match['anchor']} ». Corrigez l’ancre ({ANCHOR_HELP}), ou retirez-la du lien."
        )
    if match := ANCHOR_HERE.match(record):
        where = _where(root, docs_prefix, match["src"], match["link"])
        return f"{where} : lien « {match['link']} » : aucun titre de cette page n’a cette ancre. Corrigez l’ancre ({ANCHOR_HELP})."
    if match := LINK_NOT_FOUND.match(record):
        where = _where(root, docs_prefix, match["src"], match["link"])
        target = match["target"] or match["link"]
        hint = _hint(record) or _closest_page(root / docs_prefix, match["src"], match["link"])
        return (
            f"{where} : lien « {match['link']} » : la page {docs_prefix}/{target} n’existe pas.{hint} "
            "Un lien vers une page du site donne le chemin de son fichier .md depuis la page où il est écrit (« ../regles/obligations-des-agents.md »)."
        )
    if match := ABSOLUTE_LINK.match(record):
        where = _where(root, docs_prefix, match["src"], match["link"])
        return (
            f"{where} : lien « {match['link']} » écrit depuis la racine du site : il ne fonctionnerait pas une fois le site publié sur l’intranet. "
            f"Donnez le chemin du fichier .md depuis la page où il est écrit.{_hint(record)}"
        )
    if match := UNRECOGNIZED_LINK.match(record):
        where = _where(root, docs_prefix, match["src"], match["link"])
        return (
            f"{where} : lien « {match['link']} » vers un dossier ou une adresse du site publié : visez le fichier .md de la page "
            f"(« ../fiches/index.md » pour la page d’accueil d’un dossier).{_hint(record)}"
        )
    if MACRO_ERROR.search(record):
        return _macro_message(record, root, docs_prefix)
    return None


def _macro_message(record: str, root: Path, docs_prefix: str) -> str:
    file_match = MACRO_FILE.search(record)
    src = file_match["src"] if file_match else "?"
    snippet = MACRO_SNIPPET.search(record)
    first_line = snippet["code"].splitlines()[0].strip() if snippet and snippet["code"].strip() else None
    syntax = MACRO_SYNTAX.search(record)
    if syntax:
        where = _where(root, docs_prefix, src, snippet=first_line)
        detail = syntax["message"]
    else:
        rendering = MACRO_RENDERING.search(record.split("```", 1)[0])
        detail = f"{rendering['kind']} : {rendering['message']}" if rendering else record.splitlines()[0]
        where = f"{docs_prefix}/{src}"
    return (
        f"{where} : un appel entre doubles accolades ne peut pas être rendu ({detail}). Vérifiez le nom de la macro, "
        'les parenthèses, les guillemets et les accolades : {{ checklist("identifiant") }}. '
        "Les macros sont décrites dans docs/contribuer/conventions.md."
    )


def messages_from_output(output: str, root: Path, docs_prefix: str = "docs") -> list[str]:
    """Every French message for the problems MkDocs reported in `output`, in order, without repeats."""
    messages = []
    for record in records(output):
        message = message_for(record, root, docs_prefix)
        if message and message not in messages:
            messages.append(message)
    return messages
