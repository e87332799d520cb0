"""Loading and validating the data files of data/ and the page index, once per build.

`load_site()` reads every data file, checks it against its schema (below, one per file), reads the front
matter of every page (`content.pages`), then checks the references between them: a resource's `document`,
a checklist item's `lien`, a tag of a page... It returns a `Site` when everything is right, and raises
`DataError` listing every problem otherwise.

The schemas below are the reference for editors; docs/contribuer/conventions.md explains them in prose.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError, Problem
from .inline import links_in
from .page_types import LABELS
from .pages import MacroRule, PageIndex, PageInfo, load_pages
from .references import REFERENCE_TYPES, Citation, citations_of_reference
from .schema import (
    ID_EXPECTED,
    ID_PATTERN,
    INVALID,
    Choice,
    Context,
    Date,
    Field,
    Id,
    ListOf,
    MapOf,
    Record,
    Ref,
    Reference,
    Schema,
    Text,
    Unique,
    compose_file,
    suggestion,
    validate,
)
from .text import search_fold, slugify, sort_key
from .urls import is_allowed_external, is_external, page_path_problem, split_anchor

DATA_DIR = "data"

# --------------------------------------------------------------------------------------------------
# Reusable field types
# --------------------------------------------------------------------------------------------------
PAGE_EXPECTED = "le chemin d’une page depuis docs/, par ex. « regles/obligations-des-agents.md » (éventuellement suivi de « #ancre »)"
LINK_EXPECTED = (
    "une adresse web complète (https://…), une adresse mailto: ou le chemin d’une page depuis docs/ (par ex. « fiches/profil-linkedin.md »)"
)


def _check_inline_links(value: str, node: yaml.Node, ctx: Context, path: str) -> None:
    """Links written in light Markdown: only web addresses, mailto: and pages of docs/."""
    for _label, address in links_in(value):
        if is_external(address):
            if not is_allowed_external(address):
                ctx.error(node, path, f"lien « {address} » non autorisé", LINK_EXPECTED)
        else:
            problem = page_path_problem(address)
            if problem:
                ctx.error(node, path, f"lien « {address} » : {problem}", LINK_EXPECTED)
            else:
                ctx.ref("page", address, node, path)


def _check_url(value: str, node: yaml.Node, ctx: Context, path: str) -> None:
    if not (value.startswith(("https://", "http://")) and is_allowed_external(value)):
        ctx.error(node, path, f"adresse « {value} » invalide", "une adresse web complète commençant par https://")


def _check_page_path(value: str, node: yaml.Node, ctx: Context, path: str) -> None:
    problem = page_path_problem(value)
    if problem:
        ctx.error(node, path, f"« {value} » : {problem}", PAGE_EXPECTED)
    else:
        ctx.ref("page", value, node, path)


def text(expected: str, **kwargs: Any) -> Text:
    """A text that may hold light Markdown (bold, italics, links)."""
    return Text(expected, check=_check_inline_links, **kwargs)


def plain(expected: str, **kwargs: Any) -> Text:
    return Text(expected, **kwargs)


def page_link(expected: str = PAGE_EXPECTED) -> Text:
    return Text(expected, check=_check_page_path)


def url() -> Text:
    return Text("une adresse web complète commençant par https://", check=_check_url)


# --------------------------------------------------------------------------------------------------
# Schemas of the data files
# --------------------------------------------------------------------------------------------------
TAGS = ListOf(
    Record(
        [
            Field("libelle", plain("le libellé de l’étiquette tel qu’il s’écrit dans les pages (par ex. « LinkedIn »)"), required=True),
            Field("description", plain("une phrase qui dit quelles pages portent cette étiquette"), required=True),
        ],
        "une étiquette : libelle et description",
    ),
    "la liste des étiquettes, chacune avec « libelle » et « description »",
    unique=Unique("libelle", "libellé"),
)

SERIES = MapOf(
    Record(
        [
            Field("titre", plain("le titre de la série, par ex. « Attractivité »"), required=True),
            Field("description", plain("une phrase qui présente la série"), required=True),
            Field("source", plain("l’auteur ou l’éditeur de la série, par ex. « CEDIP »"), required=True),
            Field("page", page_link("le chemin de la page qui présente la série, par ex. « attractivite/index.md »")),
        ],
        "une série : titre, description, source et, si elle existe, page",
    ),
    "les séries, chacune sous son identifiant (par ex. « attractivite: »)",
)

CHECKLIST = Record(
    [
        Field("titre", plain("le titre de la liste, par ex. « Avant de publier sur un réseau social »"), required=True),
        Field("intro", text("une phrase qui dit quand utiliser la liste")),
        Field(
            "items",
            ListOf(
                Record(
                    [
                        Field("texte", text("un texte non vide (la phrase que le lecteur coche)"), required=True),
                        Field("pourquoi", text("une courte explication de la règle")),
                        Field("lien", page_link()),
                    ],
                    "un point à cocher : texte, et si besoin pourquoi et lien",
                ),
                "la liste des points à cocher (au moins un), chacun commençant par « - texte: »",
                unique=Unique("texte", "point"),
            ),
            required=True,
        ),
    ],
    "une liste de vérification : titre, intro (facultatif) et items",
)

INFOGRAPHIC = Record(
    [
        Field("titre", plain("le titre de l’infographie"), required=True),
        Field("intro", text("une phrase d’introduction")),
        Field(
            "colonnes",
            ListOf(
                Record(
                    [
                        Field("titre", plain("le titre de la colonne, par ex. « Ce que chacun y gagne »"), required=True),
                        Field(
                            "blocs",
                            ListOf(
                                Record(
                                    [
                                        Field("titre", plain("le titre du bloc, par ex. « Pour l’agent »"), required=True),
                                        Field(
                                            "points",
                                            ListOf(
                                                text("un point de l’infographie, en une phrase"),
                                                "la liste des points du bloc (au moins un)",
                                            ),
                                            required=True,
                                        ),
                                    ],
                                    "un bloc : titre et points",
                                ),
                                "la liste des blocs de la colonne (au moins un)",
                            ),
                            required=True,
                        ),
                    ],
                    "une colonne : titre et blocs",
                ),
                "une ou deux colonnes",
                max_items=2,
            ),
            required=True,
        ),
        Field("source", plain("la source de l’infographie, par ex. « CEDIP, article … »"), required=True),
    ],
    "une infographie : titre, intro (facultatif), colonnes et source",
)

RESOURCES = MapOf(
    ListOf(
        Record(
            [
                Field("titre", plain("le nom de la ressource"), required=True),
                Field("description", text("une phrase qui dit à quoi sert la ressource"), required=True),
                Field("page", page_link("le chemin de la page du site qui présente la ressource, par ex. « fiches/profil-linkedin.md »")),
                Field(
                    "document",
                    Reference("document", "l’identifiant d’un document de data/official-documents.yml, par ex. « charte-dicom »"),
                ),
                Field("url", url()),
                Field("public", plain("à qui s’adresse la ressource, par ex. « Tous les agents »")),
            ],
            "une ressource : titre, description, et si besoin page (une page du site) ou url (une adresse publique), document, public",
        ),
        "la liste des ressources de ce type (au moins une)",
    ),
    "les types de ressources (boite-a-outils, formations, chartes-et-guides, entretiens…), chacun avec sa liste",
)

OFFICIAL_DOCUMENTS = MapOf(
    Record(
        [
            Field("titre", plain("le titre exact du document"), required=True),
            Field("emetteur", plain("qui publie le document, par ex. « DICOM »"), required=True),
            Field(
                "acces",
                plain(
                    "où et pour qui le document est lisible, par ex. « Intranet du pôle ministériel, accès réservé aux agents » ou « Public »"
                ),
                required=True,
            ),
            Field("url", url()),
        ],
        "un document officiel : titre, emetteur, acces et, s’il est public, url",
    ),
    "les documents officiels, chacun sous son identifiant (par ex. « charte-dicom: »)",
)

GLOSSARY = ListOf(
    Record(
        [
            Field("terme", plain("le terme défini, par ex. « Employee advocacy »"), required=True),
            Field("abreviation", plain("le sigle, par ex. « CGFP »")),
            Field("definition", text("une à trois phrases de définition"), required=True),
            Field("voir", page_link("le chemin de la page qui traite le sujet, par ex. « regles/obligations-des-agents.md »")),
        ],
        "un terme : terme, definition, et si besoin abreviation et voir",
    ),
    "la liste des termes du glossaire",
    unique=Unique("terme", "terme", key=lambda terme: slugify(terme)),
)

REFERENCES = MapOf(
    Record(
        [
            Field("court", plain("la forme courte citée dans les pages, par ex. « CGFP, art. L121-7 »"), required=True),
            Field("titre", plain("le titre officiel, par ex. « Code général de la fonction publique, article L121-7 »"), required=True),
            Field("objet", plain("ce dont traite le texte, en quelques mots, par ex. « discrétion professionnelle »"), required=True),
            Field("type", Choice(list(REFERENCE_TYPES), "un de ces types"), required=True),
            Field("adresse", url()),
            Field("acces", plain("où lire le texte quand il n’a pas d’adresse publique, par ex. « Intranet du pôle ministériel »")),
            Field("verifie_le", Date("la date où le texte a été relu sur sa source officielle, au format AAAA-MM-JJ"), required=True),
        ],
        "une référence : court, titre, objet, type, verifie_le, et adresse (ou acces quand le texte n’est pas public)",
        one_of=(
            ("adresse", "acces"),
            "ni adresse ni acces : le lecteur ne sait pas où lire ce texte",
            "une adresse officielle (https://…), ou une ligne acces qui dit où le texte se consulte",
        ),
    ),
    "les références, chacune sous son identifiant (par ex. « cgfp-l121-7: »)",
)

# Who a question of the FAQ is for: value in data/faq.yml -> label shown to readers.
AUDIENCES = {"agent": "Tout le personnel", "manager": "Encadrement", "recruteur": "Recrutement", "communication": "Communication"}
FAQ_ANSWER_MAX_WORDS = 120


def _check_answer(value: str, node: yaml.Node, ctx: Context, path: str) -> None:
    _check_inline_links(value, node, ctx, path)
    words = len(value.split())
    if words > FAQ_ANSWER_MAX_WORDS:
        ctx.error(
            node, path, f"réponse trop longue ({words} mots, maximum {FAQ_ANSWER_MAX_WORDS})", "une réponse courte : la page liée développe"
        )


def _check_question(value: str, node: yaml.Node, ctx: Context, path: str) -> None:
    if not value.endswith("?"):
        ctx.error(node, path, "la question ne finit pas par « ? »", "la question telle qu’un lecteur la pose, terminée par « ? »")


FAQ = Record(
    [
        Field(
            "themes",
            MapOf(plain("le titre de la rubrique, par ex. « Parler de son travail »"), "les rubriques, chacune sous son identifiant"),
            required=True,
        ),
        Field(
            "questions",
            ListOf(
                Record(
                    [
                        Field("id", Id(), required=True),
                        Field("question", Text("la question, terminée par « ? »", check=_check_question), required=True),
                        Field("reponse", Text(f"la réponse, {FAQ_ANSWER_MAX_WORDS} mots au plus", check=_check_answer), required=True),
                        Field(
                            "public",
                            ListOf(
                                Choice(list(AUDIENCES), "un de ces publics"), "la liste des publics concernés, par ex. [agent, manager]"
                            ),
                            required=True,
                        ),
                        Field(
                            "theme", Reference("faq-theme", "l’identifiant d’une rubrique de « themes » en haut du fichier"), required=True
                        ),
                        Field(
                            "liens", ListOf(page_link(), "une à trois pages du site qui développent la réponse", max_items=3), required=True
                        ),
                        Field(
                            "references",
                            ListOf(Reference("reference", "l’identifiant d’une référence de data/references.yml"), "les références citées"),
                        ),
                    ],
                    "une question : id, question, reponse, public, theme, liens et, si besoin, references",
                ),
                "la liste des questions",
                unique=Unique("id", "identifiant"),
            ),
            required=True,
        ),
    ],
    "la foire aux questions : themes puis questions",
)

# Words a reader may type for one thing (data/synonyms.yml): the search tries the other words of the group too
# (docs/assets/javascripts/search.js; decisions/0003-recherche-tolerante.md).
SYNONYM_WORD = re.compile(r"^[a-zà-ÿœæ0-9]+(?:[ '’-][a-zà-ÿœæ0-9]+)*$")
SYNONYM_EXPECTED = "un mot ou une courte expression en minuscules, sans ponctuation (par ex. « courriel » ou « bad buzz »)"


def synonym_key(word: str) -> str:
    """How the search compares words: no accents, no capitals, one kind of apostrophe."""
    return search_fold(word).replace("’", "'")


def _check_synonym(value: str, node: yaml.Node, ctx: Context, path: str) -> None:
    if not SYNONYM_WORD.match(value):
        ctx.error(node, path, f"« {value} » : majuscule, ponctuation ou espace en trop", SYNONYM_EXPECTED)


class SynonymGroups(ListOf):
    """The groups of data/synonyms.yml: besides each group's own checks, a word belongs to one group only (the
    search could not tell which group a word in two groups means)."""

    def check(self, node: yaml.Node, ctx: Context, path: str) -> Any:
        groups = super().check(node, ctx, path)
        if groups is INVALID or not isinstance(node, yaml.SequenceNode):
            return groups
        seen: dict[str, tuple[int, int]] = {}  # word -> (line, group): a repeat inside one group is Unique's
        for index, group in enumerate(node.value, start=1):
            if not isinstance(group, yaml.SequenceNode):
                continue
            for position, word in enumerate(group.value, start=1):
                if not isinstance(word, yaml.ScalarNode) or not isinstance(word.value, str) or not word.value.strip():
                    continue
                key = synonym_key(word.value.strip())
                if key not in seen:
                    seen[key] = (ctx.line(word), index)
                elif seen[key][1] != index:
                    ctx.error(
                        word,
                        f"{path}[{index}][{position}]",
                        f"« {word.value.strip()} » est déjà dans le groupe de la ligne {seen[key][0]}",
                        "chaque mot dans un seul groupe : réunissez les deux groupes, ou retirez le mot de l’un d’eux",
                    )
        return groups


SYNONYMS = Record(
    [
        Field(
            "groupes",
            SynonymGroups(
                ListOf(
                    Text(SYNONYM_EXPECTED, check=_check_synonym),
                    "un groupe : deux mots ou plus qu’un lecteur emploie pour la même chose, par ex. [courriel, mail, e-mail]",
                    min_items=2,
                    unique=Unique(None, "mot", key=synonym_key),
                ),
                "la liste des groupes de mots, un groupe par ligne : - [courriel, mail, e-mail]",
            ),
            required=True,
        )
    ],
    "les groupes de mots équivalents pour la recherche : groupes, puis un groupe par ligne",
)

# file (relative to data/) -> (schema, root of the paths in messages)
DATA_FILES = {
    "tags.yml": (TAGS, "tags"),
    "series.yml": (SERIES, "series"),
    "resources.yml": (RESOURCES, "resources"),
    "official-documents.yml": (OFFICIAL_DOCUMENTS, "documents"),
    "glossary.yml": (GLOSSARY, "glossaire"),
    "references.yml": (REFERENCES, "references"),
    "faq.yml": (FAQ, "faq"),
    "synonyms.yml": (SYNONYMS, "synonymes"),
}
# data file -> the kind of reference it defines (see Ref.kind and pages.ID_MACROS)
REF_SOURCES = {
    "tags.yml": "tag",
    "series.yml": "series",
    "official-documents.yml": "document",
    "resources.yml": "resources",
    "references.yml": "reference",
}
# folder of data/ holding one file per item (file name = id) -> schema of each file
COLLECTIONS = {
    "checklists": CHECKLIST,
    "infographics": INFOGRAPHIC,
}


# --------------------------------------------------------------------------------------------------
# The loaded site
# --------------------------------------------------------------------------------------------------
@dataclass
class Site:
    """Everything the macros need, validated."""

    root: Path
    tags: dict[str, dict]  # libelle -> {libelle, description}
    series: dict[str, dict]
    checklists: dict[str, dict]
    infographics: dict[str, dict]
    resources: dict[str, list[dict]]
    documents: dict[str, dict]
    glossary: list[dict]
    pages: PageIndex
    references: dict[str, dict] = field(default_factory=dict)  # id -> reference of data/references.yml
    faq: dict = field(default_factory=dict)  # {"themes": {id: label}, "questions": [...]} of data/faq.yml
    # reference id -> the pages that cite it (with the macro or in their text), in path order
    reference_uses: dict[str, list[PageInfo]] = field(default_factory=dict)
    use_directory_urls: bool = True

    @property
    def page_types(self) -> dict[str, str]:
        """Type id -> French label (content/page_types.py), for the macros that take a type."""
        return LABELS


def item_key(text_value: str) -> str:
    """A stable key for a checklist item (stored by the browser): the item's text, hashed."""
    return hashlib.sha1(text_value.encode("utf-8")).hexdigest()[:10]


def _load(path: Path, rel: str, schema: Schema, root: str, problems: list[Problem], refs: list[Ref]) -> Any:
    """Read and validate one file; INVALID when it is unusable (its problems are recorded)."""
    before = len(problems)
    node = compose_file(path, rel, problems)
    if node is None and len(problems) > before:
        return INVALID  # unreadable: syntax error already reported
    ctx = Context(rel, problems)
    value = validate(node, schema, ctx, root)
    refs.extend(ctx.refs)
    return value


def _load_collection(
    folder: Path, project: Path, schema: Schema, problems: list[Problem], refs: list[Ref], broken: set[str]
) -> dict[str, dict]:
    """One file per item, the file name (without .yml) being the id; ids of unusable files go to `broken`."""
    result = {}
    if not folder.is_dir():
        return result
    for path in sorted(folder.iterdir()):
        rel = path.relative_to(project).as_posix()
        if path.suffix == ".yaml":
            problems.append(Problem(rel, None, None, "extension « .yaml »", "l’extension « .yml »"))
            continue
        if path.suffix != ".yml":
            continue
        item_id = path.stem
        if not ID_PATTERN.match(item_id):
            problems.append(
                Problem(
                    rel,
                    None,
                    None,
                    f"nom de fichier « {path.name} » mal formé (il sert d’identifiant)",
                    f"{ID_EXPECTED}, suivi de « .yml »",
                )
            )
            continue
        value = _load(path, rel, schema, item_id, problems, refs)
        if value is INVALID:
            broken.add(item_id)
        else:
            result[item_id] = value
    return result


def check_references(refs: list[Ref], site: Site, problems: list[Problem], unavailable: set[str] = frozenset()) -> None:
    """Every reference must name something that exists.

    References to a file that could not be read (`unavailable` kinds) are not checked: the problem of
    that file is already reported, and a flood of consequences would hide it.
    """
    documents = list(site.documents)
    tags = list(site.tags)
    series = list(site.series)
    pages = site.pages.paths()
    for ref in refs:
        if ref.kind in unavailable:
            continue
        if ref.kind == "page":
            path, _anchor = split_anchor(ref.value)
            if path not in site.pages:
                hint = suggestion(path, pages)
                problems.append(Problem(ref.file, ref.line, ref.path, f"la page « {path} » n’existe pas dans docs/.{hint}", PAGE_EXPECTED))
        elif ref.kind == "document" and ref.value not in site.documents:
            problems.append(
                Problem(
                    ref.file,
                    ref.line,
                    ref.path,
                    f"le document « {ref.value} » n’existe pas dans data/official-documents.yml.{suggestion(ref.value, documents)}",
                    f"un de ces identifiants : {', '.join(documents) or '(aucun)'}",
                )
            )
        elif ref.kind == "tag" and ref.value not in site.tags:
            problems.append(
                Problem(
                    ref.file,
                    ref.line,
                    ref.path,
                    f"étiquette « {ref.value} » inconnue.{suggestion(ref.value, tags)}",
                    f"une étiquette de data/tags.yml : {', '.join(tags) or '(aucune)'}",
                )
            )
        elif ref.kind == "reference" and ref.value not in site.references:
            problems.append(
                Problem(
                    ref.file,
                    ref.line,
                    ref.path,
                    f"référence « {ref.value} » inconnue.{suggestion(ref.value, list(site.references))}",
                    "l’identifiant d’une référence de data/references.yml (ajoutez-la si elle manque)",
                )
            )
        elif ref.kind == "faq-theme" and ref.value not in site.faq.get("themes", {}):
            themes = list(site.faq.get("themes", {}))
            problems.append(
                Problem(
                    ref.file,
                    ref.line,
                    ref.path,
                    f"rubrique « {ref.value} » inconnue.{suggestion(ref.value, themes)}",
                    f"une rubrique de « themes » en haut de data/faq.yml : {', '.join(themes) or '(aucune)'}",
                )
            )
        elif ref.kind == "series" and ref.value not in site.series:
            problems.append(
                Problem(
                    ref.file,
                    ref.line,
                    ref.path,
                    f"série « {ref.value} » inconnue.{suggestion(ref.value, series)}",
                    f"un identifiant de data/series.yml : {', '.join(series) or '(aucun)'}",
                )
            )


def reference_uses(site: Site, problems: list[Problem]) -> dict[str, list[PageInfo]]:
    """Which pages cite which reference; every article or decision number written in a page must be a reference of
    data/references.yml (content/references.py says how they are recognised)."""
    by_citation: dict[Citation, str] = {}
    for reference_id, reference in site.references.items():
        for citation in citations_of_reference(reference["court"]):
            by_citation.setdefault(citation, reference_id)
    faq_references = {ref_id for question in site.faq.get("questions", []) for ref_id in question.get("references") or []}
    uses: dict[str, list[PageInfo]] = {}
    for page in sorted(site.pages, key=lambda p: p.src):
        cited: set[str] = set()
        for call in page.calls:
            if call.name == "ref" and call.argument in site.references:
                cited.add(call.argument)
            elif call.name == "faq":
                cited |= faq_references
        for citation, line in page.citations:
            reference_id = by_citation.get(citation)
            if reference_id is None:
                problems.append(
                    Problem(
                        page.file,
                        line,
                        None,
                        f"« {citation} » n’est pas dans data/references.yml : un numéro mal recopié, ou une référence à ajouter",
                        "corrigez le numéro, ou ajoutez la référence à data/references.yml après l’avoir vérifiée sur le texte "
                        "officiel (Légifrance pour les codes et les décisions), avec son adresse et la date de vérification",
                    )
                )
            else:
                cited.add(reference_id)
        for reference_id in cited:
            uses.setdefault(reference_id, []).append(page)
    return uses


def load_synonyms(root: Path) -> list[list[str]]:
    """The groups of data/synonyms.yml, validated (DataError otherwise), for the search's build step."""
    rel = f"{DATA_DIR}/synonyms.yml"
    path = Path(root) / rel
    problems: list[Problem] = []
    if not path.is_file():
        raise DataError([Problem(rel, None, None, "fichier manquant", SYNONYMS.expected)])
    value = _load(path, rel, SYNONYMS, DATA_FILES["synonyms.yml"][1], problems, [])
    if problems or value is INVALID:
        raise DataError(problems)
    return value["groupes"]


def load_site(root: Path, docs_dir: Path | None = None, use_directory_urls: bool = True, macros: list[MacroRule] | None = None) -> Site:
    """Read and validate data/ and the pages of docs/; raise DataError with every problem found.

    `macros`: the names pages may call between double braces (the macros' registry, macros.REGISTRY); the calls of
    the pages are checked against them. None: calls are not checked (tools that only need the data)."""
    root = Path(root)
    docs_dir = Path(docs_dir) if docs_dir else root / "docs"
    data = root / DATA_DIR
    problems: list[Problem] = []
    refs: list[Ref] = []

    loaded: dict[str, Any] = {}
    for name, (schema, path_root) in DATA_FILES.items():
        path = data / name
        rel = f"{DATA_DIR}/{name}"
        if not path.is_file():
            problems.append(Problem(rel, None, None, "fichier manquant", schema.expected))
            loaded[name] = INVALID
            continue
        loaded[name] = _load(path, rel, schema, path_root, problems, refs)

    def value(name: str, default: Any) -> Any:
        return default if loaded[name] is INVALID else loaded[name]

    tag_list = value("tags.yml", [])
    tag_list = [t for t in tag_list if t.get("libelle")]
    glossary = value("glossary.yml", [])

    broken: dict[str, set[str]] = {name: set() for name in COLLECTIONS}
    collections = {name: _load_collection(data / name, root, schema, problems, refs, broken[name]) for name, schema in COLLECTIONS.items()}
    checklists, infographics = collections["checklists"], collections["infographics"]

    for checklist in checklists.values():
        for item in checklist["items"] or []:
            item["cle"] = item_key(item["texte"] or "")

    glossary = [entry for entry in glossary if entry["terme"]]
    for entry in glossary:
        entry["id"] = slugify(entry["terme"])
    glossary.sort(key=lambda entry: sort_key(entry["terme"]))

    pages = load_pages(docs_dir, use_directory_urls, problems, refs, root)

    site = Site(
        root=root,
        tags={t["libelle"]: t for t in tag_list},
        series=value("series.yml", {}),
        checklists=checklists,
        infographics=infographics,
        resources=value("resources.yml", {}),
        documents=value("official-documents.yml", {}),
        glossary=glossary,
        pages=pages,
        use_directory_urls=use_directory_urls,
    )
    site.references = value("references.yml", {})
    site.faq = value("faq.yml", {"themes": {}, "questions": []})
    unavailable = {kind for name, kind in REF_SOURCES.items() if loaded[name] is INVALID}
    if loaded["faq.yml"] is INVALID:
        unavailable.add("faq-theme")
    check_references(refs, site, problems, unavailable)
    if "reference" not in unavailable:
        site.reference_uses = reference_uses(site, problems)
    pages.check_series(site.series, problems)
    if macros is not None:
        pages.check_macro_calls(site, problems, macros, unavailable, broken)
    if problems:
        raise DataError(problems)
    return site
