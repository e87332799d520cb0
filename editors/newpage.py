"""`make nouvelle-page TYPE=fiche TITRE="…"`: a new page from its template, in the navigation.

    python -m editors.newpage --type fiche --titre "Relayer une offre de stage"
    python -m editors.newpage --type article --titre "…" --serie attractivite

(``make nouvelle-page`` passes TYPE, TITRE and SERIE through the environment, so that quotes and
apostrophes in a title need no shell quoting.) It:

1. makes the file name from the title: lower case, no accents, words joined by hyphens
   (« Relayer une offre d’emploi » → relayer-une-offre-d-emploi.md);
2. copies modeles/<type>.md into the type's folder (fiches/, regles/, the series' folder…), with the title
   filled in; a memo sheet also gets its checklist, data/checklists/<same name>.yml, from
   modeles/liste-de-verification.yml; an article of a series gets its series and next position;
3. adds the page to the ``nav:`` of mkdocs.yml, after the last page of the same type and folder, by inserting
   one line of text (the comments and layout of mkdocs.yml stay as they are); when no such page exists it
   prints the exact line to add instead.

Every « À COMPLÉTER » left in the new files is the editor's to replace: `placeholders()` finds those left
in docs/ and data/, and `make check` reports them.
"""

from __future__ import annotations

import datetime
import json
import os
import posixpath
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from content import command_line
from content.errors import Problem
from content.page_types import creatable
from content.source import split_front_matter
from content.text import slugify as text_slugify

from .navcheck import CONFIG_FILE, NavEntry, is_external, read_nav

MARKER = "À COMPLÉTER"
TEMPLATES = "modeles"
CHECKLIST_TEMPLATE = "liste-de-verification.yml"
# Type -> folder of docs/ where its pages live ("" = docs/ itself). Articles go to their series' folder.
FOLDERS = creatable()
TITLE_LINE = re.compile(r"^title: .*$", re.MULTILINE)
# The pages that state rules carry the date their author checked them on the official texts: today, for a new page.
STRAIGHT_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
VERIFIED_LINE = re.compile(r"^verifie_le: AAAA-MM-JJ$", re.MULTILINE)
H1_LINE = re.compile(r"^# .*$", re.MULTILINE)


class NewPageError(Exception):
    """A request that cannot be carried out; the message, in French, says what to do."""


@dataclass
class NewPage:
    page: str  # path from the project folder, e.g. "docs/fiches/x.md"
    nav_line: str  # the navigation line, e.g. "- fiches/x.md"
    nav_section: str | None = None  # section where it was added, None when it was not added
    nav_added: bool = False
    created: list[str] = field(default_factory=list)  # every file created, from the project folder
    notes: list[str] = field(default_factory=list)  # French remarks for the editor


def slugify(title: str, max_length: int = 60) -> str:
    """« Relayer une offre d’emploi » -> "relayer-une-offre-d-emploi" (at most `max_length` characters)."""
    return text_slugify(title, max_length)


def _yaml_text(value: str) -> str:
    """A YAML double-quoted string (JSON's syntax is valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def _front_matter(path: Path) -> dict:
    """The front matter of a page as a dict (empty when it cannot be read: the data check reports why)."""
    try:
        front, _body, _offset = split_front_matter(path.read_text(encoding="utf-8"))
        value = yaml.safe_load(front or "")
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    return value if isinstance(value, dict) else {}


def _page_type(path: Path) -> str | None:
    value = _front_matter(path).get("type")
    return value if isinstance(value, str) else None


def _series(root: Path) -> dict:
    path = root / "data" / "series.yml"
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return {}


def _next_position(docs_dir: Path, series_id: str) -> int:
    positions = [0]
    for path in docs_dir.rglob("*.md"):
        front = _front_matter(path)
        if front.get("serie") == series_id and isinstance(front.get("position"), int):
            positions.append(front["position"])
    return max(positions) + 1


def fill_template(template: str, title: str, page_type: str, slug: str, series_id: str | None, position: int | None) -> str:
    """The template's text with the title (and the checklist id, the series) filled in."""
    text = TITLE_LINE.sub(lambda _: f"title: {_yaml_text(title)}", template, count=1)
    text = H1_LINE.sub(lambda _: f"# {title}", text, count=1)
    text = VERIFIED_LINE.sub(f"verifie_le: {datetime.date.today().isoformat()}", text, count=1)
    if page_type == "fiche":
        text = text.replace('checklist("identifiant-de-la-liste")', f'checklist("{slug}")')
    if page_type == "article":
        if series_id:
            text = re.sub(r"^serie: .*$", f"serie: {series_id}", text, count=1, flags=re.MULTILINE)
            text = re.sub(r"^position: .*$", f"position: {position}", text, count=1, flags=re.MULTILINE)
            text = text.replace('series("identifiant-de-la-serie")', f'series("{series_id}")')
        else:  # an article outside a series: no serie/position, no series summary
            text = re.sub(r"^(serie|position): .*\n", "", text, flags=re.MULTILINE)
            text = re.sub(r'^\{\{ series\("identifiant-de-la-serie"\) \}\}\n\n', "", text, flags=re.MULTILINE)
    return text


def _nav_title(title: str) -> str:
    plain = re.fullmatch(r"[^\s:#\[\]{},&*!|>'\"%@`?-][^:#]*", title) and not title.endswith(" ")
    return title if plain else _yaml_text(title)


def add_to_nav(root: Path, src: str, page_type: str, title: str) -> tuple[bool, str, str | None]:
    """Insert `src` into the nav of mkdocs.yml after the last page of the same folder (and type, when there is
    one). Returns (added, the line as written or to write, the section's title)."""
    problems: list[Problem] = []
    nav = read_nav(root, problems)
    folder = posixpath.dirname(src)
    line = f"- {src}"
    if nav is None or problems:
        return False, line, None
    docs_dir = root / "docs"
    same_folder = [e for e in nav.entries if not is_external(e.path) and posixpath.dirname(e.path.lstrip("/")) == folder]
    same_type = [e for e in same_folder if _page_type(docs_dir / e.path.lstrip("/")) == page_type]
    candidates = same_type or ([e for e in same_folder if e.section.title] if folder else [])
    if not candidates:
        return False, line, None
    anchor: NavEntry = candidates[-1]
    anchor_text = nav.lines[anchor.line - 1]
    prefix = re.match(r"^\s*-\s+", anchor_text)
    if prefix is None:
        return False, line, None
    written = prefix.group(0) + (f"{_nav_title(title)}: {src}" if anchor.title else src)
    config = root / CONFIG_FILE
    original = config.read_text(encoding="utf-8")
    lines = nav.lines[: anchor.line] + [written] + nav.lines[anchor.line :]
    config.write_text("\n".join(lines), encoding="utf-8")
    check: list[Problem] = []
    after = read_nav(root, check)
    if check or after is None or src not in [e.path for e in after.entries]:  # never leave mkdocs.yml broken
        config.write_text(original, encoding="utf-8")
        return False, written.strip(), None
    return True, written.strip(), anchor.section.title


def create(root: Path, page_type: str, title: str, series_id: str | None = None) -> NewPage:
    """Create the page (and its checklist) from its template and add it to the navigation."""
    # Typed on a keyboard, « qu'agent » has a straight apostrophe: the site writes the typographic one everywhere.
    title = STRAIGHT_APOSTROPHE.sub("’", " ".join((title or "").split()))
    page_type = (page_type or "").strip().lower()
    series_id = (series_id or "").strip() or None
    if page_type not in FOLDERS:
        raise NewPageError(
            f'type « {page_type} » inconnu. Types possibles : {", ".join(sorted(FOLDERS))}. Exemple : make nouvelle-page TYPE=fiche TITRE="Relayer une offre de stage"'
        )
    if not title:
        raise NewPageError('titre manquant. Exemple : make nouvelle-page TYPE=fiche TITRE="Relayer une offre de stage"')
    slug = slugify(title)
    if not slug:
        raise NewPageError(f"impossible de tirer un nom de fichier du titre « {title} » : il doit contenir des lettres")
    folder = FOLDERS[page_type]
    position = None
    if series_id:
        if page_type != "article":
            raise NewPageError("SERIE ne sert que pour un article (TYPE=article)")
        series = _series(root)
        if series_id not in series:
            raise NewPageError(
                f"série « {series_id} » introuvable dans data/series.yml. Séries existantes : {', '.join(sorted(series)) or '(aucune)'}"
            )
        page = series[series_id].get("page") if isinstance(series[series_id], dict) else None
        folder = posixpath.dirname(page) if page else series_id
        position = _next_position(root / "docs", series_id)
    src = posixpath.join(folder, f"{slug}.md") if folder else f"{slug}.md"
    target = root / "docs" / src
    if target.exists():
        raise NewPageError(f"la page docs/{src} existe déjà. Choisissez un autre titre, ou modifiez la page existante")
    template = (root / TEMPLATES / f"{page_type}.md").read_text(encoding="utf-8")
    result = NewPage(page=f"docs/{src}", nav_line=f"- {src}")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(fill_template(template, title, page_type, slug, series_id, position), encoding="utf-8")
    result.created.append(result.page)
    if page_type == "fiche":
        checklist = root / "data" / "checklists" / f"{slug}.yml"
        if checklist.exists():
            result.notes.append(f"la liste de vérification data/checklists/{slug}.yml existe déjà : la fiche l’affiche telle quelle")
        else:
            checklist.parent.mkdir(parents=True, exist_ok=True)
            checklist.write_text((root / TEMPLATES / CHECKLIST_TEMPLATE).read_text(encoding="utf-8"), encoding="utf-8")
            result.created.append(f"data/checklists/{slug}.yml")
    if page_type == "article" and not series_id:
        result.notes.append(
            "article hors série : il n’a ni « serie » ni « position » (pour un article de série, indiquez SERIE=identifiant)"
        )
    result.nav_added, result.nav_line, result.nav_section = add_to_nav(root, src, page_type, title)
    return result


def report(result: NewPage) -> str:
    """What was done and what to do next, in French."""
    lines = [f"Fichier créé : {path}" for path in result.created]
    if result.nav_added:
        where = f"dans la section « {result.nav_section} »" if result.nav_section else "au premier niveau"
        lines.append(f"Navigation : ligne « {result.nav_line} » ajoutée à {CONFIG_FILE}, {where}.")
    else:
        lines.append(
            f"Navigation : ajoutez vous-même la ligne « {result.nav_line} » dans la partie nav: de {CONFIG_FILE} "
            "(à la fin du fichier), à l’endroit où la page doit apparaître, avec la même indentation que ses voisines."
        )
    lines += [f"Remarque : {note}." for note in result.notes]
    lines += [
        "Étapes suivantes :",
        f"  1. Ouvrez {' et '.join(result.created)} et remplacez chaque « {MARKER} » par votre texte.",
        "  2. Regardez la page avec « make serve » (http://127.0.0.1:8000).",
        "  3. Lancez « make check » : il doit finir par « la modification peut être proposée ».",
    ]
    return "\n".join(lines)


def placeholders(root: Path) -> list[Problem]:
    """Every line of docs/ and data/ that still holds the templates' « À COMPLÉTER »."""
    problems = []
    for folder, pattern in (("docs", "*.md"), ("data", "*.yml")):
        base = root / folder
        for path in sorted(base.rglob(pattern)) if base.is_dir() else []:
            try:
                lines = path.read_text(encoding="utf-8").splitlines()
            except UnicodeDecodeError:
                continue  # reported by the data check
            for number, line in enumerate(lines, start=1):
                if MARKER in line:
                    problems.append(
                        Problem(
                            path.relative_to(root).as_posix(),
                            number,
                            None,
                            f"consigne du modèle encore présente (« {MARKER} »). Remplacez-la par votre texte, ou supprimez la ligne si elle ne sert pas",
                        )
                    )
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = command_line.parser(
        prog="python -m editors.newpage", description="Crée une page depuis son modèle (dossier modeles/) et l’ajoute à la navigation."
    )
    parser.add_argument("--type", default=os.environ.get("TYPE", ""), help="article, charte, guide, fiche ou ressource")
    parser.add_argument("--titre", default=os.environ.get("TITRE", ""), help="le titre de la page")
    parser.add_argument(
        "--serie", default=os.environ.get("SERIE", ""), help="pour un article : l’identifiant de sa série (data/series.yml)"
    )
    parser.add_argument("--projet", default=".", help="dossier du projet (celui de mkdocs.yml)")
    args = parser.parse_args(argv)
    try:
        result = create(Path(args.projet).resolve(), args.type, args.titre, args.serie)
    except NewPageError as error:
        print(f"Page non créée : {error}.", file=sys.stderr)
        return 1
    print(report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
