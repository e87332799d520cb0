"""The page index: the front matter of every page of docs/, read and validated once per build.

`series()` and `related()` need to know every page (title, description, tags, series position) while a
single page is being rendered; reading each file once at the start of the build, rather than once per
page, keeps the build fast and lets every mistake be reported before any page is rendered.

Front matter rules (messages in French, naming the file, the line and the field):

- ``title``: required text; ``description``: required, 70 to 160 characters;
- ``type``: one of TYPES; ``tags``: 1 to 4 labels of data/tags.yml, no repeats;
- ``serie`` + ``position``: together, on articles only; the series exists in data/series.yml;
  no two pages at the same position of a series;
- ``verifie_le``: required on the pages that state rules (VERIFIED_TYPES), a real date, not in the future;
- ``historique``: on those pages only, optional, the substantive changes readers should know about (content/updates.py
  shows them): 1 to HISTORY_MAX items, each a real date not in the future and a short sentence, newest first (the
  order readers see; a mistake in the order is reported, never silently sorted);
- any other key must be one of KNOWN_KEYS (Material's ``hide``, ``search``, ``status``, ``template``,
  mkdocs-macros' ``render_macros``).

No page is exempted: the tags index (etiquettes.md) and the editors' pages under contribuer/ carry a full
front matter (``type: page``) like every other page. Should a page ever need an exemption (a generated
page, say), add its path to EXEMPT with the reason.

The index also lists the macro calls written in each page (``{{ checklist("x") }}``), so that an
unknown id or an unknown macro is reported with the other problems, with its line, before rendering (which macros
exist, and where their ids live, is the macros' own registry: `load_site` receives it as `MacroRule`s); and the
snippets a page includes (content/snippets.py): a missing file or section is reported the same way.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from .braces import BraceMistake, find_brace_mistakes
from .errors import Problem
from .page_types import SERVICE_TYPE, TYPE_IDS
from .references import Citation, find_citations
from .schema import (
    INVALID,
    Anything,
    Boolean,
    Choice,
    Context,
    Date,
    Field,
    Integer,
    ListOf,
    Record,
    Ref,
    Reference,
    Text,
    compose_text,
    suggestion,
)
from .snippets import find_snippets, snippet_problem
from .source import split_front_matter
from .text import sort_key
from .urls import page_url

if TYPE_CHECKING:  # content.data imports this module: importing Site at run time would be a cycle
    from .data import Site

KNOWN_KEYS = [
    "title",
    "description",
    "type",
    "tags",
    "serie",
    "position",
    "verifie_le",
    "historique",
    "hide",
    "search",
    "render_macros",
    "status",
    "template",
]
# Pages that state rules: they say when their content was last checked against the official texts.
VERIFIED_TYPES = ("fiche", "charte", "guide")
DESCRIPTION_MIN, DESCRIPTION_MAX = 70, 160
HISTORY_MAX = 10  # changes kept in a page's `historique`: the substantive ones, not every correction
CHANGE_MIN, CHANGE_MAX = 10, 160  # characters of one change: a short sentence
EXEMPT: dict[str, str] = {}  # path from docs/ -> why its front matter is not checked

RAW_BLOCK = re.compile(r"\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}", re.DOTALL)
MACRO_CALL = re.compile(r"\{\{-?\s*([A-Za-z_]\w*)\s*\((.*?)\)\s*(?:\|[^}]*)?-?\}\}", re.DOTALL)
STRING_ARG = re.compile(r"""\A\s*(["'])([^"']*)\1\s*(?:,|\Z)""")


@dataclass(frozen=True)
class MacroRule:
    """A name that pages may call between double braces, as the macros' registry describes it.

    For a macro whose first argument is an id (``checklist("avant-de-publier")``): the attribute of `Site` that
    holds the ids, what an id names and where ids live (for the messages), and the kind of reference its data file
    defines (a call is not reported when that file could not be read: its own problem is reported instead).
    """

    name: str
    ids: str | None = None  # e.g. "checklists"
    what: str = ""  # e.g. « liste de vérification »
    where: str = ""  # e.g. « data/checklists/ »
    data_kind: str | None = None  # e.g. "series" (see content.data.REF_SOURCES)
    listed: bool = True  # named in the message about an unknown macro (False for Jinja's and mkdocs-macros' names)
    once_per_page: bool = False  # its HTML carries ids from its argument: the same call twice would repeat them


class NewestFirst(ListOf):
    """A list of dated items (records with a `date` field) written from the most recent to the oldest."""

    def check(self, node: yaml.Node, ctx: Context, path: str) -> Any:
        values = super().check(node, ctx, path)
        if values is INVALID or len(values) != len(node.value):
            return values  # the items' own mistakes are reported; their order is checked once they are right
        previous: tuple[datetime.date, int] | None = None
        for index, (child, value) in enumerate(zip(node.value, values, strict=True), start=1):
            day = value.get("date")
            if day is None:
                continue
            date_node = next((v for k, v in child.value if getattr(k, "value", None) == "date"), child)
            if previous is not None and day > previous[0]:
                ctx.error(
                    date_node,
                    f"{path}[{index}] › date",
                    f"le changement du {day.isoformat()} est écrit après celui du {previous[0].isoformat()} (ligne "
                    f"{previous[1]}), qui est plus ancien",
                    f"les changements du plus récent au plus ancien : placez celui du {day.isoformat()} au-dessus",
                )
            previous = (day, ctx.line(date_node))
        return values


HISTORY_SCHEMA = NewestFirst(
    Record(
        [
            Field("date", Date("la date du changement, au format AAAA-MM-JJ (par ex. 2026-12-06)"), required=True),
            Field(
                "changement",
                Text(
                    f"une phrase courte ({CHANGE_MIN} à {CHANGE_MAX} caractères) qui dit ce qui a changé pour le lecteur, "
                    "par ex. « Ajout d’une décision de justice de 2023 sur le devoir de réserve. »",
                    min_len=CHANGE_MIN,
                    max_len=CHANGE_MAX,
                ),
                required=True,
            ),
        ],
        'un changement : une ligne « - date: AAAA-MM-JJ » puis, décalée de deux espaces, « changement: "Ce qui a changé." »',
    ),
    f"les changements importants de la page, du plus récent au plus ancien ({HISTORY_MAX} au plus), chacun "
    "commençant par « - date: AAAA-MM-JJ » suivi d’une ligne « changement: »",
    max_items=HISTORY_MAX,
)

FRONT_MATTER_SCHEMA = Record(
    [
        Field("title", Text("le titre de la page, entre guillemets"), required=True),
        Field(
            "description",
            Text(
                f"une phrase de {DESCRIPTION_MIN} à {DESCRIPTION_MAX} caractères qui résume la page (elle sert dans les résultats de recherche et les listes)",
                min_len=DESCRIPTION_MIN,
                max_len=DESCRIPTION_MAX,
            ),
            required=True,
        ),
        Field("type", Choice(TYPE_IDS, "un de ces types"), required=True),
        Field(
            "tags",
            ListOf(
                Reference("tag", "une étiquette de data/tags.yml"),
                "une à quatre étiquettes de data/tags.yml, chacune sur une ligne « - Étiquette »",
                max_items=4,
            ),
            required=True,
        ),
        Field("serie", Reference("series", "l’identifiant d’une série de data/series.yml, par ex. « attractivite »")),
        Field("position", Integer("la position de l’article dans la série : 1, 2, 3…", minimum=1)),
        Field(
            "verifie_le",
            Date("la date où le contenu a été vérifié sur les textes officiels, au format AAAA-MM-JJ (par ex. 2026-12-02)"),
        ),
        Field("historique", HISTORY_SCHEMA),
        Field("hide", ListOf(Text("navigation, toc, footer, path ou tags"), "une liste d’éléments à masquer (navigation, toc…)")),
        Field("search", Anything("les réglages de recherche de Material (exclude, boost)")),
        Field("render_macros", Boolean()),
        Field("status", Text("un statut de Material (new, deprecated)")),
        Field("template", Text("le nom d’un gabarit de overrides/")),
    ],
    "l’en-tête de la page : title, description, type, tags (et serie, position pour un article de série)",
)


@dataclass
class MacroCall:
    name: str
    argument: str | None  # the first argument when it is a plain string
    line: int


@dataclass
class PageInfo:
    """What the macros know about a page."""

    src: str  # path from docs/, e.g. "fiches/profil-linkedin.md"
    url: str  # URL from the site root, e.g. "fiches/profil-linkedin/"
    file: str = ""  # path shown in messages, from the project folder, e.g. "docs/fiches/profil-linkedin.md"
    title: str = ""
    description: str = ""
    type: str = ""
    tags: tuple[str, ...] = ()
    series: str | None = None
    series_position: int | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    calls: list[MacroCall] = field(default_factory=list)
    braces: list[BraceMistake] = field(default_factory=list)  # text the macro engine would read as code
    snippets: list[tuple[str, int]] = field(default_factory=list)  # (« fichier.md:section », line) included
    citations: list[tuple[Citation, int]] = field(default_factory=list)  # legal references written in the text
    verified: datetime.date | None = None  # front matter `verifie_le`
    lines: dict[str, int] = field(default_factory=dict)  # front-matter key -> line, for messages


class PageIndex:
    """Every page of docs/, by path."""

    def __init__(self, pages: dict[str, PageInfo], use_directory_urls: bool = True, docs_dir: Path | None = None) -> None:
        self._pages = pages
        self.use_directory_urls = use_directory_urls
        self.docs_dir = docs_dir
        self._by_url = {p.url: p for p in pages.values()}
        self._subset_cache: dict[int, dict[frozenset, list]] = {}

    def __contains__(self, src: str) -> bool:
        return src in self._pages

    def __iter__(self) -> Iterator[PageInfo]:
        return iter(self._pages.values())

    def __len__(self) -> int:
        return len(self._pages)

    def get(self, src: str) -> PageInfo | None:
        return self._pages.get(src)

    def by_url(self, url: str) -> PageInfo | None:
        return self._by_url.get(url)

    def paths(self) -> list[str]:
        return list(self._pages)

    def in_series(self, series_id: str) -> list[PageInfo]:
        """The articles of a series, in order."""
        members = [p for p in self._pages.values() if p.series == series_id and p.series_position is not None]
        return sorted(members, key=lambda p: (p.series_position, sort_key(p.title)))

    def related(self, src: str, limit: int = 5) -> list[PageInfo]:
        """Pages sharing the most tags with `src`, best first, ties by title.

        Service pages (type « page »: home, section indexes, legal pages, editors' pages) are never
        suggested: a reader looking for more on a subject wants content, not the legal notices.
        """
        current = self._pages.get(src)
        if current is None or not current.tags or limit <= 0:
            return []
        tags = frozenset(current.tags)
        lists = self._tag_subset_lists(limit)
        found: list[PageInfo] = []
        # Level by level, from the pages sharing every tag of the page down to those sharing one: each page of
        # level s shares exactly one subset of s tags with the current page, so it is in that subset's list.
        for shared in range(len(tags), 0, -1):
            level = []
            for subset in combinations(sorted(tags), shared):
                for entry in lists.get(frozenset(subset), ()):
                    page = entry[2]
                    if page.src != src and len(tags.intersection(page.tags)) == shared:
                        level.append(entry)
            level.sort(key=lambda entry: entry[:2])
            found += [entry[2] for entry in level[: limit - len(found)]]
            if len(found) >= limit:
                break
        return found

    def _tag_subset_lists(self, limit: int) -> dict[frozenset, list]:
        """For every set of tags that some pages have in common: the first pages having them all, in title order.

        Computed once per build (per `limit`): `related()` then costs the same on a site of 50 or 5,000 pages,
        instead of a pass over every page for every page. A list keeps 2 × limit + 2 pages: enough for the
        `limit` best of a level once the page itself and the pages of the levels above (fewer than `limit`,
        or the search would have stopped) are left out.
        """
        keep = 2 * limit + 2
        cached = self._subset_cache.get(keep)
        if cached is not None:
            return cached
        lists: dict[frozenset, list] = {}
        for page in self._pages.values():
            if page.type == SERVICE_TYPE or not page.tags:
                continue
            entry = (sort_key(page.title), page.src, page)
            unique = sorted(set(page.tags))
            for size in range(1, len(unique) + 1):
                for subset in combinations(unique, size):
                    lists.setdefault(frozenset(subset), []).append(entry)
        for entries in lists.values():
            entries.sort(key=lambda entry: entry[:2])
            del entries[keep:]
        self._subset_cache[keep] = lists
        return lists

    # -- checks that need the whole index -------------------------------------------------------
    def check_series(self, series: dict[str, dict], problems: list[Problem]) -> None:
        """No two pages at the same position of a series."""
        taken: dict[tuple[str, int], PageInfo] = {}
        for page in sorted(self._pages.values(), key=lambda p: p.src):
            if page.series is None or page.series_position is None or page.series not in series:
                continue
            key = (page.series, page.series_position)
            if key in taken:
                problems.append(
                    Problem(
                        page.file,
                        page.lines.get("position"),
                        "position",
                        f"la position {page.series_position} de la série « {page.series} » est déjà prise par {taken[key].file}",
                        "une position différente pour chaque article de la série",
                    )
                )
            else:
                taken[key] = page

    def check_macro_calls(
        self,
        site: Site,
        problems: list[Problem],
        rules: list[MacroRule],
        unavailable: set[str] | frozenset[str] = frozenset(),
        broken: dict[str, set[str]] | None = None,
    ) -> None:
        """Macros called with an id that does not exist, and names that are no macro (`rules`: the MacroRules of
        every name pages may call).

        Calls that name a data file whose own problems are already reported (`unavailable` kinds, `broken`
        ids of data/checklists/ and data/infographics/) are not reported again.
        """
        broken = broken or {}
        by_name = {rule.name: rule for rule in rules}
        listed = sorted(rule.name for rule in rules if rule.listed)
        for page in self._pages.values():
            for mistake in page.braces:
                if mistake.name is None or mistake.name not in by_name:
                    problems.append(Problem(page.file, mistake.line, None, mistake.message, mistake.expected))
            first_lines: dict[tuple[str, str], int] = {}
            for call in page.calls:
                rule = by_name.get(call.name)
                if rule is not None and rule.once_per_page and call.argument is not None:
                    first = first_lines.setdefault((call.name, call.argument), call.line)
                    if first != call.line:
                        problems.append(
                            Problem(
                                page.file,
                                call.line,
                                f'{call.name}("{call.argument}")',
                                f"{rule.what} « {call.argument} » déjà affichée dans cette page, ligne {first} : "
                                "deux copies auraient les mêmes identifiants et la seconde ne fonctionnerait pas",
                                f"un seul appel par page : supprimez celui de la ligne {call.line}",
                            )
                        )
                        continue
                if rule is None:
                    problems.append(
                        Problem(
                            page.file,
                            call.line,
                            f"{call.name}(…)",
                            f"macro « {call.name} » inconnue.{suggestion(call.name, listed)}",
                            f"une de ces macros : {', '.join(listed)}",
                        )
                    )
                    continue
                if rule.ids is None or call.argument is None:
                    continue
                if rule.data_kind in unavailable or call.argument in broken.get(rule.ids, ()):
                    continue
                known = list(getattr(site, rule.ids))
                if call.argument not in known:
                    problems.append(
                        Problem(
                            page.file,
                            call.line,
                            f'{call.name}("{call.argument}")',
                            f"{rule.what} « {call.argument} » introuvable dans {rule.where}.{suggestion(call.argument, known)}",
                            f"un de ces identifiants : {', '.join(sorted(known)) or '(aucun)'}",
                        )
                    )


def find_macro_calls(body: str, first_line: int) -> list[MacroCall]:
    """Macro calls of a page body, outside {% raw %} blocks (whose lines are kept for numbering)."""
    body = RAW_BLOCK.sub(lambda m: "\n" * m.group(0).count("\n"), body)
    calls = []
    for match in MACRO_CALL.finditer(body):
        argument = STRING_ARG.match(match.group(2))
        line = first_line + body.count("\n", 0, match.start())
        calls.append(MacroCall(match.group(1), argument.group(2) if argument else None, line))
    return calls


def read_page(path: Path, src: str, file: str, use_directory_urls: bool, problems: list[Problem], refs: list[Ref]) -> PageInfo:
    """Read and validate one page's front matter (`file`: its path as shown in messages)."""
    page = PageInfo(src=src, url=page_url(src, use_directory_urls), file=file)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        problems.append(Problem(file, None, None, "le fichier n’est pas enregistré en UTF-8", "un fichier texte encodé en UTF-8"))
        return page
    front, body, body_offset = split_front_matter(text)
    if front is None:
        problems.append(
            Problem(
                file, 1, None, "en-tête manquant : la page doit commencer par un bloc « --- » (front matter)", FRONT_MATTER_SCHEMA.expected
            )
        )
        return page
    ctx = Context(file, problems, line_offset=1)
    node = compose_text(front, file, problems, line_offset=1)
    if node is None and front.strip():
        return page  # syntax error, already reported
    if node is None:
        problems.append(Problem(file, 1, None, "en-tête vide", FRONT_MATTER_SCHEMA.expected))
        return page
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                page.lines.setdefault(str(key_node.value), ctx.line(key_node))
    meta = FRONT_MATTER_SCHEMA.check(node, ctx, "")
    refs.extend(ctx.refs)
    if meta is INVALID:
        return page
    page.meta = meta
    page.title = meta.get("title") or ""
    page.description = meta.get("description") or ""
    page.type = meta.get("type") or ""
    page.tags = tuple(meta.get("tags") or ())
    page.series = meta.get("serie")
    page.series_position = meta.get("position")
    page.verified = meta.get("verifie_le")
    _check_series_fields(page, file, problems)
    if page.type in VERIFIED_TYPES and "verifie_le" not in page.lines:
        problems.append(
            Problem(
                file,
                page.lines.get("type"),
                "verifie_le",
                f"champ obligatoire manquant pour une page de type « {page.type} » : la date où ses règles ont été vérifiées",
                "une ligne « verifie_le: AAAA-MM-JJ » dans l’en-tête, avec la date de la vérification sur les textes officiels",
            )
        )
    if "historique" in page.lines and page.type and page.type not in VERIFIED_TYPES:
        problems.append(
            Problem(
                file,
                page.lines["historique"],
                "historique",
                f"une page de type « {page.type} » n’a pas d’historique : il est réservé aux pages qui énoncent des "
                f"règles ({', '.join(VERIFIED_TYPES)})",
                "supprimez le champ historique de cette page",
            )
        )
    page.citations = find_citations(body, body_offset + 1)
    if meta.get("render_macros") is not False:
        page.calls = find_macro_calls(body, body_offset + 1)
        page.braces = find_brace_mistakes(body, body_offset + 1)
    page.snippets = find_snippets(body, body_offset + 1)
    return page


def _check_series_fields(page: PageInfo, file: str, problems: list[Problem]) -> None:
    has_series = "serie" in page.lines
    has_position = "position" in page.lines
    if has_series and not has_position:
        problems.append(
            Problem(
                file,
                page.lines["serie"],
                "position",
                "champ obligatoire manquant pour un article de série",
                "la position de l’article dans la série : 1, 2, 3…",
            )
        )
    if has_position and not has_series:
        problems.append(
            Problem(
                file,
                page.lines["position"],
                "serie",
                "champ obligatoire manquant quand position est donné",
                "l’identifiant d’une série de data/series.yml, par ex. « attractivite »",
            )
        )
    if (has_series or has_position) and page.type and page.type != "article":
        key = "serie" if has_series else "position"
        problems.append(
            Problem(
                file,
                page.lines[key],
                key,
                f"une page de type « {page.type} » ne peut pas faire partie d’une série",
                "type: article pour un article de série, ou pas de champ serie",
            )
        )


def load_pages(docs_dir: Path, use_directory_urls: bool, problems: list[Problem], refs: list[Ref], root: Path | None = None) -> PageIndex:
    """Read every Markdown page of docs_dir (hidden folders excepted); messages name files from `root`."""
    try:
        prefix = docs_dir.relative_to(root).as_posix() if root else docs_dir.name
    except ValueError:
        prefix = docs_dir.as_posix()
    pages: dict[str, PageInfo] = {}
    for path in sorted(docs_dir.rglob("*.md")):
        src = path.relative_to(docs_dir).as_posix()
        if any(part.startswith(".") for part in Path(src).parts):
            continue
        if src in EXEMPT:
            pages[src] = PageInfo(src=src, url=page_url(src, use_directory_urls), file=f"{prefix}/{src}")
            continue
        pages[src] = _read_page_cached(path, src, f"{prefix}/{src}", use_directory_urls, problems, refs)
        for name, line in pages[src].snippets:  # checked at every build: an included file may have gone
            wrong = snippet_problem(name, root or docs_dir.parent)
            if wrong:
                problems.append(Problem(f"{prefix}/{src}", line, None, *wrong))
    return PageIndex(pages, use_directory_urls, docs_dir)


# `make serve` rebuilds the site in the same process after every edit, and every build reads the front matter of
# every page. A page whose file did not change (same modification time and size) is not read again: its PageInfo,
# problems and references are those of the previous build. A single `mkdocs build` reads every page once, as before.
_read_cache: dict[tuple, tuple[PageInfo, list[Problem], list[Ref]]] = {}


def _read_page_cached(path: Path, src: str, file: str, use_directory_urls: bool, problems: list[Problem], refs: list[Ref]) -> PageInfo:
    try:
        stat = path.stat()
    except OSError:
        return read_page(path, src, file, use_directory_urls, problems, refs)
    key = (str(path), stat.st_mtime_ns, stat.st_size, file, use_directory_urls)
    cached = _read_cache.get(key)
    if cached is None:
        page_problems: list[Problem] = []
        page_refs: list[Ref] = []
        page = read_page(path, src, file, use_directory_urls, page_problems, page_refs)
        cached = _read_cache[key] = (page, page_problems, page_refs)
    page, page_problems, page_refs = cached
    problems.extend(page_problems)
    refs.extend(page_refs)
    return page
