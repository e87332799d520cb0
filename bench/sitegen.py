"""Generated sites for the build benchmark (bench/build_bench.py): N realistic pages, in two configurations.

The content imitates the real site as it grows: memo sheets by theme, rules and charters by service, articles by
year (some of them in series), each page about 1,000 words of the real pages' sentences, with the real front matter
(title, description, type, 1–4 tags of data/tags.yml, serie/position), the macros (`related()` at the end of every
page, checklists, official documents, series), links between pages (with anchors), admonitions, tables, tabs,
collapsible blocks, footnotes and abbreviations.

Sections stay small, as a site of this size has to be organised for its readers (bench/README.md recommends it to
editors): a section holds at most SECTION_CAP pages; a bigger one is split into sub-sections, and a level holds at
most about a dozen sub-sections, a deeper level being added when it would hold more. The navigation is written in
mkdocs.yml as editors write it.

Two projects are written from the same content:
- « projet »: a copy of this project (mkdocs.yml, theme overrides, macros, hooks, data), as a git repository
  (the build reads page dates from git);
- « vanilla »: Material with its `search` (lang fr) and `tags` plugins, the same Markdown extensions (except this
  project's own typography extension), default theme features, no macros (their calls are removed from the
  pages), no hooks, no overrides.
"""

from __future__ import annotations

import datetime
import math
import posixpath
import random
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from content.pages import VERIFIED_TYPES
from content.text import slugify
from engine.config import read_config
from tools.project_copy import ROOT, copy_project

VERIFIED_ON = datetime.date(2026, 12, 1)  # the `verifie_le` of generated rule pages and memo sheets

SEED = 20261129
SECTION_CAP = 20  # pages per leaf section
FANOUT = 12  # sub-sections per level, at most (about)
WORDS_PER_PAGE = 1000  # words of a page, all text included (headings, lists, tables, admonitions)
SHARES = {"fiches": 0.40, "regles": 0.25, "articles": 0.35}
CHECKLISTS = [
    "avant-de-publier",
    "creer-son-profil-linkedin",
    "relayer-une-offre",
    "lancer-une-demarche",
    "temoigner-de-son-metier",
    "publier-une-photo",
    "repondre-a-un-commentaire",
]
DOCUMENTS = ["charte-dicom", "guide-dicom", "charte-etat", "charte-dreal-bretagne", "cgfp", "accord-deconnexion"]
# Anchors that exist in the real pages (links with anchors are checked by the strict build).
REAL_LINKS = [
    ("regles/obligations-des-agents.md#discretion-professionnelle", "le devoir de discrétion"),
    ("regles/obligations-des-agents.md#neutralite", "la neutralité"),
    ("regles/obligations-des-agents.md#devoir-de-reserve", "le devoir de réserve"),
    ("fiches/reflexes-avant-de-publier.md", "les réflexes avant de publier"),
    ("glossaire.md", "le glossaire"),
    ("ressources.md", "les ressources"),
]
SUBTHEMES = [
    "Premiers pas",
    "Cas pratiques",
    "Questions fréquentes",
    "Modèles",
    "Pour les managers",
    "Situations sensibles",
    "Retours d’expérience",
    "Aller plus loin",
    "Outils",
    "Formations",
    "Exemples commentés",
    "Pas à pas",
]
FAMILIES = [
    "Administration centrale",
    "DREAL",
    "DDT et DDTM",
    "DIR",
    "DIRM",
    "Établissements publics",
    "Écoles",
    "CVRH",
    "DEAL outre-mer",
    "Services à compétence nationale",
    "Opérateurs",
    "Inspections",
]
REGIONS = [
    "Bretagne",
    "Normandie",
    "Occitanie",
    "Grand Est",
    "Hauts-de-France",
    "Nouvelle-Aquitaine",
    "Auvergne-Rhône-Alpes",
    "Bourgogne-Franche-Comté",
    "Centre-Val de Loire",
    "Pays de la Loire",
    "Provence-Alpes-Côte d’Azur",
    "Île-de-France",
    "Corse",
    "Guadeloupe",
    "Martinique",
    "Guyane",
]
PERIODS = [
    "Janvier et février",
    "Mars et avril",
    "Mai et juin",
    "Juillet et août",
    "Septembre et octobre",
    "Novembre et décembre",
    "Premier trimestre",
    "Deuxième trimestre",
    "Troisième trimestre",
    "Quatrième trimestre",
    "Printemps",
    "Automne",
]


@dataclass
class GenPage:
    src: str  # path from docs/
    title: str
    description: str
    type: str
    tags: list[str]
    body: str = ""
    series: str | None = None
    position: int | None = None


@dataclass
class GenSite:
    pages: int
    generated: list[GenPage] = field(default_factory=list)
    extra: dict[str, str] = field(default_factory=dict)  # other files of docs/ (section index pages)
    series: dict[str, dict] = field(default_factory=dict)
    nav_additions: dict[str, list] = field(default_factory=dict)  # top-level section title -> nav items

    @property
    def all_pages(self) -> int:
        return len(self.generated) + len(self.extra)


# ---------------------------------------------------------------------------------------------------------------
# Text from the real pages
# ---------------------------------------------------------------------------------------------------------------
def real_text() -> tuple[list[str], list[str]]:
    """Paragraphs and heading texts of the real pages (markup and macros removed)."""
    paragraphs, headings = [], []
    for md in sorted((ROOT / "docs").rglob("*.md")):
        text = re.sub(r"\A---\n.*?\n---\n", "", md.read_text(encoding="utf-8"), flags=re.S)
        for line in text.splitlines():
            line = line.strip()
            if not line or "{{" in line or "{%" in line or line.startswith(("!!!", "???", "|", "<", "*[", "[^", "===", "```")):
                continue
            line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)
            line = re.sub(r"\[\^[^\]]*\]|\{[^}]*\}|[*_]", "", line).strip()
            if "<" in re.sub(r"`[^`]*`", "", line) or line.count("`") % 2:
                continue  # raw HTML (« <br> ») or a broken code span: not in generated text
            if line.startswith("#"):
                heading = line.lstrip("#").strip()
                if 3 <= len(heading) <= 70:
                    headings.append(heading)
            elif len(line) > 40:
                paragraphs.append(re.sub(r"^(\d+\.|-)\s+", "", line))
    return paragraphs, headings


def _tags() -> list[str]:
    return [t["libelle"] for t in yaml.safe_load((ROOT / "data" / "tags.yml").read_text(encoding="utf-8"))]


# ---------------------------------------------------------------------------------------------------------------
# Sections
# ---------------------------------------------------------------------------------------------------------------
def _split(count: int, cap: int) -> list[int]:
    """`count` items in ceil(count/cap) nearly equal groups."""
    groups = max(1, math.ceil(count / cap))
    base, extra = divmod(count, groups)
    return [base + (1 if i < extra else 0) for i in range(groups)]


def _layout(
    count: int, level1_names: list[str], level2_names: list[str], cap: int = SECTION_CAP, fanout: int = FANOUT
) -> list[tuple[str, list[tuple[str | None, int]]]]:
    """Group `count` pages into leaf sections of at most `cap` pages, under at most `fanout` groups per level.

    Returns [(level-1 name, [(level-2 name or None, pages), ...]), ...].
    """
    leaves = _split(count, cap)
    if len(leaves) <= fanout:
        return [
            (level1_names[i % len(level1_names)] + ("" if i < len(level1_names) else f" ({i // len(level1_names) + 1})"), [(None, n)])
            for i, n in enumerate(leaves)
        ]
    level1 = min(fanout, len(level1_names), math.ceil(math.sqrt(len(leaves))))
    level1 = max(level1, math.ceil(len(leaves) / fanout))
    per = _split(len(leaves), math.ceil(len(leaves) / level1))
    result, index = [], 0
    for i, size in enumerate(per):
        name = level1_names[i % len(level1_names)] + ("" if i < len(level1_names) else f" ({i // len(level1_names) + 1})")
        result.append((name, [(level2_names[j % len(level2_names)], leaves[index + j]) for j in range(size)]))
        index += size
    return result


def _slug(text: str) -> str:
    return slugify(text)


# ---------------------------------------------------------------------------------------------------------------
# Pages
# ---------------------------------------------------------------------------------------------------------------
class _Writer:
    def __init__(self, rng: random.Random, paragraphs: list[str], headings: list[str], tags: list[str]):
        self.rng, self.paragraphs, self.headings, self.tags = rng, paragraphs, headings, tags
        self.descriptions = [p for p in paragraphs if 70 <= len(p) <= 160]
        self.count = 0

    def page(self, src: str, kind: str, theme_tag: str | None) -> GenPage:
        rng = self.rng
        self.count += 1
        title = f"{rng.choice(self.headings)} ({self.count})"
        page_type = {"fiches": "fiche", "regles": rng.choice(["charte", "charte", "guide"]), "articles": "article"}[kind]
        if rng.random() < 0.05:
            page_type = rng.choice(["ressource", "infographie"])
        tags = [theme_tag] if theme_tag else []
        for tag in rng.sample(self.tags, rng.randint(1, 3)):
            if tag not in tags and len(tags) < 4:
                tags.append(tag)
        return GenPage(src=src, title=title, description=rng.choice(self.descriptions), type=page_type, tags=tags)

    def body(self, page: GenPage, siblings: list[GenPage], anywhere: list[GenPage]) -> str:
        rng = self.rng
        here = posixpath.dirname(page.src)

        def link(target: str) -> str:
            path, _, anchor = target.partition("#")
            rel = posixpath.relpath(path, here or ".")
            return rel + (f"#{anchor}" if anchor else "")

        out = [f"# {page.title}", ""]
        if page.series:
            out += [f'{{{{ series("{page.series}") }}}}', ""]
        out += [rng.choice(self.paragraphs), ""]
        section = 0
        others = [p for p in siblings if p is not page]
        while len(" ".join(out).split()) < WORDS_PER_PAGE - 60:
            section += 1
            heading = rng.choice(self.headings)
            out += [f"## {heading}" + (f" {{ #section-{section} }}" if section == 2 else ""), ""]
            for _ in range(rng.randint(2, 4)):
                paragraph = rng.choice(self.paragraphs)
                if others and rng.random() < 0.25:
                    target = rng.choice(others)
                    paragraph += f" Voir aussi [{target.title}]({link(target.src)})."
                elif rng.random() < 0.15:
                    target, label = rng.choice(REAL_LINKS)
                    paragraph += f" Rappel : [{label}]({link(target)})."
                out += [paragraph, ""]
            choice = rng.random()
            if choice < 0.25:
                items = rng.sample(self.paragraphs, 4)
                out += [f"- {i}" for i in items] + [""]
            elif choice < 0.40:
                kind = rng.choice(["note", "tip", "warning", "info"])
                text = rng.choice(self.paragraphs)
                out += [f'!!! {kind} "{rng.choice(self.headings)}"', f"    {text}", ""]
            elif choice < 0.50:
                out += ["| Situation | Ce que je fais | Pourquoi |", "|---|---|---|"]
                for _ in range(4):
                    out.append(f"| {rng.choice(self.headings)} | {rng.choice(self.headings)} | {rng.choice(self.headings)} |")
                out.append("")
            elif choice < 0.56:
                for label in ("Agent", "Manager"):
                    out += [f'=== "{label}"', "", f"    {rng.choice(self.paragraphs)}", ""]
            elif choice < 0.62:
                out += [f'??? info "{rng.choice(self.headings)}"', f"    {rng.choice(self.paragraphs)}", ""]
            elif choice < 0.66:
                term = rng.choice(self.headings)
                out += [term, f":   {rng.choice(self.paragraphs)}", ""]
        if page.type == "fiche" and rng.random() < 0.5:
            out += ["## Ma liste de vérification", "", f'{{{{ checklist("{rng.choice(CHECKLISTS)}") }}}}', ""]
        if page.type in ("charte", "guide"):
            out += ["## Où lire le texte officiel", "", f'{{{{ official_document("{rng.choice(DOCUMENTS)}") }}}}', ""]
        if anywhere and rng.random() < 0.3:
            target = rng.choice(anywhere)
            out += [f"Pour une autre situation, lisez [{target.title}]({link(target.src)}) :material-arrow-right:.", ""]
        out += [
            "## Sources",
            "",
            "- CEDIP, série « Attractivité »[^1] ; code général de la fonction publique (CGFP).",
            "",
            "[^1]: Articles publiés par le CEDIP sur l’attractivité des employeurs publics.",
            "",
            "{{ related() }}",
            "",
        ]
        return "\n".join(out)


def generate(pages: int, seed: int = SEED, section_cap: int = SECTION_CAP, fanout: int = FANOUT) -> GenSite:
    """The content of a site with `pages` generated pages (added to the real site's ~30 pages)."""
    rng = random.Random(seed)
    paragraphs, headings = real_text()
    tags = _tags()
    writer = _Writer(rng, paragraphs, headings, tags)
    site = GenSite(pages=pages)
    counts = {kind: int(round(pages * share)) for kind, share in SHARES.items()}
    counts["articles"] = pages - counts["fiches"] - counts["regles"]

    plans = {
        "fiches": ("Fiches mémos", [f"Thème : {t}" for t in tags], SUBTHEMES),
        "regles": ("Règles et chartes", FAMILIES, [f"Service {r}" for r in REGIONS]),
        "articles": ("Articles", [f"Année {2026 - i}" for i in range(40)], PERIODS),
    }
    leaves: list[list[GenPage]] = []
    for kind, (top_title, names1, names2) in plans.items():
        nav_items: list = []
        for index1, (name1, groups) in enumerate(_layout(counts[kind], names1, names2, section_cap, fanout), start=1):
            folder1 = f"{kind}/g{index1:02d}-{_slug(name1)[:24]}"
            theme_tag = tags[(index1 - 1) % len(tags)] if kind == "fiches" else ("Chartes" if kind == "regles" else None)
            group_items: list = []
            for index2, (name2, size) in enumerate(groups, start=1):
                folder = folder1 if name2 is None else f"{folder1}/s{index2:02d}-{_slug(name2)[:24]}"
                leaf = []
                for _ in range(size):
                    page = writer.page(f"{folder}/page-{writer.count + 1:05d}.md", kind, theme_tag)
                    leaf.append(page)
                if kind == "articles":
                    _make_series(site, leaf, rng)
                leaves.append(leaf)
                site.generated.extend(leaf)
                if name2 is None:
                    group_items.extend(p.src for p in leaf)
                else:
                    group_items.append({name2: [p.src for p in leaf]})
            nav_items.append({name1: group_items})
        site.nav_additions[top_title] = nav_items
    site.extra["articles/index.md"] = (
        '---\ntitle: Articles\ndescription: "Les articles du site, classés par année de publication, avec leurs séries, '
        'pour suivre l’actualité de l’attractivité."\ntype: page\ntags:\n  - Communication\n---\n\n# Articles\n\n' + paragraphs[0] + "\n"
    )
    everything = site.generated
    for leaf in leaves:
        for page in leaf:
            page.body = writer.body(page, leaf, everything[:: max(1, len(everything) // 200)])
    return site


def _make_series(site: GenSite, leaf: list[GenPage], rng: random.Random) -> None:
    """About a quarter of the articles of a section form a series of 3 to 5 articles."""
    if len(leaf) < 4 or rng.random() > 0.6:
        return
    size = min(len(leaf), rng.randint(3, 5))
    start = rng.randrange(0, len(leaf) - size + 1)
    series_id = f"serie-{len(site.series) + 1:03d}"
    site.series[series_id] = {
        "titre": f"Série d’essai n° {len(site.series) + 1}",
        "description": "Une série d’articles générée pour mesurer la construction du site sur un grand nombre de pages.",
        "source": "CEDIP",
    }
    for position, page in enumerate(leaf[start : start + size], start=1):
        page.series, page.position, page.type = series_id, position, "article"


def page_text(page: GenPage) -> str:
    front = {"title": page.title, "description": page.description, "type": page.type, "tags": page.tags}
    if page.series:
        front.update({"serie": page.series, "position": page.position})
    if page.type in VERIFIED_TYPES:  # the pages that state rules say when they were checked
        front["verifie_le"] = VERIFIED_ON
    return "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n" + page.body


# ---------------------------------------------------------------------------------------------------------------
# Projects
# ---------------------------------------------------------------------------------------------------------------


def _nav(site: GenSite) -> list:
    """The real navigation of mkdocs.yml with the generated sections added."""
    config = read_config(ROOT / "mkdocs.yml")
    nav = config["nav"]
    titles = [next(iter(item)) if isinstance(item, dict) else None for item in nav]
    for top, items in site.nav_additions.items():
        if top in titles:
            nav[titles.index(top)][top].extend(items)
        else:
            after = titles.index("Règles et chartes") + 1
            nav.insert(after, {top: ["articles/index.md", *items]})
            titles.insert(after, top)
    return nav


def _write_docs(site: GenSite, docs: Path, transform=None) -> None:
    for page in site.generated:
        path = docs / page.src
        path.parent.mkdir(parents=True, exist_ok=True)
        text = page_text(page)
        path.write_text(transform(text) if transform else text, encoding="utf-8")
    for src, text in site.extra.items():
        path = docs / src
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(transform(text) if transform else text, encoding="utf-8")


def _replace_nav(config_text: str, nav: list) -> str:
    match = re.search(r"^nav:\n", config_text, flags=re.M)
    if not match:
        raise SystemExit("Banc d’essai : la partie « nav: » de mkdocs.yml est introuvable ; mettez à jour bench/sitegen.py.")
    return config_text[: match.start()] + yaml.safe_dump({"nav": nav}, allow_unicode=True, sort_keys=False, width=1000)


def git_commit(project: Path, message: str = "Banc d’essai") -> None:
    identity = ["-c", "user.name=Banc", "-c", "user.email=banc@exemple.invalid", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", *identity, "add", "--all"], cwd=project, check=True, capture_output=True)
    subprocess.run(["git", *identity, "commit", "--quiet", "--allow-empty", "-m", message], cwd=project, check=True, capture_output=True)


def write_project(site: GenSite, target: Path) -> Path:
    """This project's configuration with the generated pages (a git repository: page dates come from git)."""
    shutil.rmtree(target, ignore_errors=True)
    copy_project(target)
    _write_docs(site, target / "docs")
    config = target / "mkdocs.yml"
    config.write_text(_replace_nav(config.read_text(encoding="utf-8"), _nav(site)), encoding="utf-8")
    if site.series:
        series = target / "data" / "series.yml"
        series.write_text(
            series.read_text(encoding="utf-8") + "\n" + yaml.safe_dump(site.series, allow_unicode=True, sort_keys=False, width=1000),
            encoding="utf-8",
        )
    git_commit(target)
    return target


MACRO = re.compile(r"\{\{.*?\}\}|\{%-?\s*(?:raw|endraw)\s*-?%\}|\{#.*?#\}", re.S)


def strip_macros(text: str) -> str:
    """A page without this project's macros: what a vanilla Material site would publish."""
    return MACRO.sub("", text)


def vanilla_config(nav: list, tuned: bool = False) -> str:
    """Material as a team configures it plainly: search (lang fr) and tags, the same Markdown extensions. `tuned`:
    as most teams tune it for a large site, with `navigation.prune` (only the visible part of the navigation in
    each page) and `font: false` (no Google Fonts)."""
    project = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    match = re.search(r"^markdown_extensions:\n(.*?)(?=^\S|^# -)", project, flags=re.M | re.S)
    if not match:
        raise SystemExit("Banc d’essai : « markdown_extensions: » introuvable dans mkdocs.yml ; mettez à jour bench/sitegen.py.")
    extensions = "".join(line + "\n" for line in match.group(0).splitlines() if "content.typography" not in line)
    head = (
        "site_name: Porter la voix de son employeur\n"
        "site_url: http://127.0.0.1:8000/\n"
        "theme:\n  name: material\n  language: fr\n"
        + ("  font: false\n  features:\n    - navigation.prune\n" if tuned else "")
        + "plugins:\n  - search:\n      lang: fr\n  - tags\n"
    )
    return head + extensions + yaml.safe_dump({"nav": nav}, allow_unicode=True, sort_keys=False, width=1000)


def write_vanilla(site: GenSite, project: Path, target: Path, tuned: bool = False) -> Path:
    """The same content (macro calls removed) with a vanilla Material configuration (`tuned`: see vanilla_config)."""
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    shutil.copytree(project / "includes", target / "includes")
    for md in (project / "docs").rglob("*"):
        rel = md.relative_to(project / "docs")
        if rel.parts[0] == "assets":  # this project's CSS and JavaScript: not part of a vanilla site
            continue
        dest = target / "docs" / rel
        if md.is_dir():
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        if md.suffix == ".md":
            dest.write_text(strip_macros(md.read_text(encoding="utf-8")), encoding="utf-8")
        else:
            shutil.copy2(md, dest)
    (target / "mkdocs.yml").write_text(vanilla_config(_nav(site), tuned), encoding="utf-8")
    return target
