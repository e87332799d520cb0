"""A small declarative schema language for the YAML data files, with French error messages.

Why not JSON Schema or pydantic: the messages must speak to editors in French, name the line of the
mistake and suggest the closest field name; and the site should not grow a dependency for that. The whole
language is the handful of classes below.

Validation works on the nodes that PyYAML composes (`yaml.compose`), which carry the line of every value,
and returns plain Python values (dicts, lists, strings, ints). It never stops at the first mistake: every
problem goes into the `Context`, and the caller reports them all together.

References to other files (a page of docs/, an id of official-documents.yml, a tag) cannot be checked
while one file is read: schemas record them in `Context.refs`, checked once everything is loaded
(see `content.data.check_references`).
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import Problem
from .text import fold_accents

STR_TAG = "tag:yaml.org,2002:str"
INT_TAG = "tag:yaml.org,2002:int"
BOOL_TAG = "tag:yaml.org,2002:bool"
NULL_TAG = "tag:yaml.org,2002:null"
FLOAT_TAG = "tag:yaml.org,2002:float"
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ID_EXPECTED = "un identifiant en minuscules sans accents, mots séparés par des tirets (par ex. « avant-de-publier »)"

INVALID = object()  # returned by a schema when the value is unusable (the problem is already recorded)


# --------------------------------------------------------------------------------------------------
# Reading YAML
# --------------------------------------------------------------------------------------------------
# PyYAML's messages, as editors meet them, and what they usually mean.
_YAML_HINTS = [
    ("mapping values are not allowed", "deux-points « : » inattendu ; un texte qui contient « : » doit être écrit entre guillemets"),
    ("could not find expected ':'", "deux-points « : » manquant après le nom d’un champ, ou guillemet non fermé à la ligne précédente"),
    ("found character '\\t'", "tabulation interdite : indentez avec des espaces"),
    ("expected <block end>", "indentation incohérente : les champs d’un même élément doivent commencer dans la même colonne"),
    ("did not find expected key", "indentation incohérente ou tiret « - » mal placé"),
    (
        "did not find expected '-' indicator",
        "indentation incohérente dans une liste : chaque élément commence par « - » dans la même colonne",
    ),
    ("found unexpected end of stream", "guillemet ouvert mais jamais fermé"),
    ("found undefined alias", "le caractère « * » en début de valeur doit être écrit entre guillemets"),
    (
        "expected alphabetic or numeric character",
        "caractère spécial (« * », « & », « ! ») en début de valeur : écrivez la valeur entre guillemets",
    ),
    (
        "found unknown escape character",
        "barre oblique inverse « \\ » dans un texte entre guillemets doubles : doublez-la ou utilisez des guillemets simples",
    ),
    (
        "found character that cannot start any token",
        "caractère spécial (« @ », « ` », « % ») en début de valeur : écrivez la valeur entre guillemets",
    ),
    ("expected a single document", "plusieurs documents dans le fichier : supprimez la ligne « --- » en trop"),
    ("while parsing a flow", "crochet « [ » ou accolade « { » non fermé"),
]


def yaml_syntax_problem(error: yaml.YAMLError, file: str, line_offset: int = 0) -> Problem:
    """Turn a PyYAML syntax error into a French problem with its line."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = mark.line + 1 + line_offset if mark is not None else None
    raw = " ".join(str(part) for part in (getattr(error, "context", None), getattr(error, "problem", None)) if part)
    raw = raw or str(error)
    hint = next((text for needle, text in _YAML_HINTS if needle in raw), None)
    message = "erreur de syntaxe YAML"
    message += f" : {hint}" if hint else f" ({raw})"
    return Problem(
        file, line, None, message, "un fichier YAML valide : « champ: valeur », indentation par espaces, textes spéciaux entre guillemets"
    )


def compose_file(path: Path, file: str, problems: list[Problem]) -> yaml.Node | None:
    """Compose a YAML file into nodes; record a problem and return None when it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        problems.append(Problem(file, None, None, "le fichier n’est pas enregistré en UTF-8", "un fichier texte encodé en UTF-8"))
        return None
    return compose_text(text, file, problems)


def compose_text(text: str, file: str, problems: list[Problem], line_offset: int = 0) -> yaml.Node | None:
    """Compose YAML text into nodes. libyaml's composer (PyYAML's C binding, in PyYAML's wheels) gives the same nodes,
    lines included, eight times faster (the front matters of 1,000 pages: 0.41 -> 0.05 s, read before every build);
    a text it refuses is composed again by PyYAML's own parser, whose messages yaml_syntax_problem translates."""
    try:
        return yaml.compose(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        pass
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        problems.append(yaml_syntax_problem(error, file, line_offset))
        return None


_CONSTRUCTOR = yaml.SafeLoader("")


def scalar_value(node: yaml.ScalarNode) -> Any:
    """The Python value of a scalar node, as yaml.safe_load would give it."""
    return _CONSTRUCTOR.construct_object(node, deep=True)


# --------------------------------------------------------------------------------------------------
# Context
# --------------------------------------------------------------------------------------------------
@dataclass
class Ref:
    """A value that names something defined elsewhere, checked after every file is loaded."""

    kind: str  # "page", "document", "tag", "series"
    value: str
    file: str
    line: int
    path: str


@dataclass
class Context:
    """Where the problems and deferred references of one file go."""

    file: str
    problems: list[Problem]
    refs: list[Ref] = field(default_factory=list)
    line_offset: int = 0  # front matter starts on line 2 of a Markdown file

    def line(self, node: yaml.Node) -> int:
        return node.start_mark.line + 1 + self.line_offset

    def error(self, node: yaml.Node | None, path: str, message: str, expected: str | None = None, line: int | None = None) -> None:
        if line is None and node is not None:
            line = self.line(node)
        self.problems.append(Problem(self.file, line, path or None, message, expected))

    def ref(self, kind: str, value: str, node: yaml.Node, path: str) -> None:
        self.refs.append(Ref(kind, value, self.file, self.line(node), path))


def join(path: str, key: str) -> str:
    return f"{path} › {key}" if path else key


def _kind_of(node: yaml.Node) -> str:
    """How an editor would call what they wrote."""
    if isinstance(node, yaml.MappingNode):
        return "une liste de champs (« nom: valeur »)"
    if isinstance(node, yaml.SequenceNode):
        return "une liste (lignes commençant par « - »)"
    return {
        STR_TAG: "un texte",
        INT_TAG: "un nombre entier",
        FLOAT_TAG: "un nombre décimal",
        BOOL_TAG: "un booléen (oui/non)",
        NULL_TAG: "une valeur vide",
        TIMESTAMP_TAG: "une date",
    }.get(node.tag, "une valeur d’un autre type")


def _strip_accents(text: str) -> str:
    return fold_accents(text).casefold()


def closest(word: str, candidates: list[str]) -> str | None:
    """The candidate that looks most like `word` (typo, missing accent), or None."""
    plain = {_strip_accents(c): c for c in candidates}
    if _strip_accents(word) in plain:
        return plain[_strip_accents(word)]
    match = difflib.get_close_matches(_strip_accents(word), list(plain), n=1, cutoff=0.6)
    return plain[match[0]] if match else None


def suggestion(word: str, candidates: list[str]) -> str:
    """« Vouliez-vous dire « x » ? » or an empty string."""
    best = closest(word, candidates)
    return f" Vouliez-vous dire « {best} » ?" if best else ""


# --------------------------------------------------------------------------------------------------
# Schemas
# --------------------------------------------------------------------------------------------------
class Schema:
    """Base class: `check` validates a node and returns its Python value, or INVALID."""

    expected: str = ""

    def check(self, node: yaml.Node, ctx: Context, path: str) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError


class Text(Schema):
    """A non-empty text on one line or several; `min_len`/`max_len` count characters."""

    def __init__(self, expected: str, *, min_len: int = 1, max_len: int | None = None, check: Callable | None = None) -> None:
        self.expected = expected
        self.min_len = min_len
        self.max_len = max_len
        self.extra_check = check  # (value, node, ctx, path) -> None, records its own problems

    def check(self, node: yaml.Node, ctx: Context, path: str) -> Any:
        if not isinstance(node, yaml.ScalarNode) or node.tag == NULL_TAG:
            if isinstance(node, yaml.ScalarNode):
                ctx.error(node, path, "valeur vide", self.expected)
            else:
                ctx.error(node, path, f"{_kind_of(node)} au lieu d’un texte", self.expected)
            return INVALID
        if node.tag != STR_TAG:
            ctx.error(
                node,
                path,
                f"« {node.value} » est lu comme {_kind_of(node)} et non comme un texte : écrivez-le entre guillemets",
                self.expected,
            )
            return INVALID
        value = node.value.strip()
        if not value:
            ctx.error(node, path, "texte vide", self.expected)
            return INVALID
        if len(value) < self.min_len:
            ctx.error(node, path, f"texte trop court ({len(value)} caractères, minimum {self.min_len})", self.expected)
            return INVALID
        if self.max_len is not None and len(value) > self.max_len:
            ctx.error(node, path, f"texte trop long ({len(value)} caractères, maximum {self.max_len})", self.expected)
            return INVALID
        if self.extra_check is not None:
            self.extra_check(value, node, ctx, path)
        return value


class Id(Text):
    """An identifier: lowercase ASCII words separated by hyphens."""

    def __init__(self, expected: str = ID_EXPECTED) -> None:
        super().__init__(expected)

    def check(self, node: yaml.Node, ctx: Context, path: str) -> Any:
        value = super().check(node, ctx, path)
        if value is not INVALID and not ID_PATTERN.match(value):
            ctx.error(node, path, f"identifiant « {value} » mal formé", self.expected)
            return INVALID
        return value


class Integer(Schema):
    def __init__(self, expected: str, *, minimum: int | None = None) -> None:
        self.expected = expected
        self.minimum = minimum

    def check(self, node: yaml.Node, ctx: Context, path: str) -> Any:
        if not isinstance(node, yaml.ScalarNode) or node.tag != INT_TAG:
            ctx.error(node, path, f"{_kind_of(node)} au lieu d’un nombre entier", self.expected)
            return INVALID
        value = scalar_value(node)
        if self.minimum is not None and value < self.minimum:
            ctx.error(node, path, f"nombre trop petit ({value})", self.expected)
            return INVALID
        return value


class Date(Schema):
    """A calendar date written AAAA-MM-JJ (YAML reads it as a date), not in the future."""

    def __init__(self, expected: str = "une date au format AAAA-MM-JJ, par ex. 2026-12-02") -> None:
        self.expected = expected

    def check(self, node: yaml.Node, ctx: Context, path: str) -> Any:
        written = isinstance(node, yaml.ScalarNode) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", node.value.strip())
        if not isinstance(node, yaml.ScalarNode) or not (node.tag == TIMESTAMP_TAG or (node.tag == STR_TAG and written)):
            shown = f"« {node.value} »" if isinstance(node, yaml.ScalarNode) and node.value else _kind_of(node)
            ctx.error(node, path, f"{shown} n’est pas une date (année-mois-jour)", self.expected)
            return INVALID
        try:
            value = scalar_value(node) if node.tag == TIMESTAMP_TAG else datetime.date.fromisoformat(node.value.strip())
        except ValueError:  # 2026-02-30: the form of a date, not a real day
            ctx.error(node, path, f"la date « {node.value} » n’existe pas", self.expected)
            return INVALID
        day = value.date() if isinstance(value, datetime.datetime) else value
        if day > datetime.date.today():
            ctx.error(node, path, f"la date « {node.value} » est dans le futur", self.expected)
            return INVALID
        return day


class Boolean(Schema):
    expected = "true ou false"

    def check(self, node: yaml.Node, ctx: Context, path: str) -> Any:
        if not isinstance(node, yaml.ScalarNode) or node.tag != BOOL_TAG:
            ctx.error(node, path, f"{_kind_of(node)} au lieu de true ou false", self.expected)
            return INVALID
        return scalar_value(node)


class Choice(Text):
    """A text among a fixed list of values."""

    def __init__(self, values: list[str], what: str) -> None:
        self.values = values
        super().__init__(f"{what} : {', '.join(values)}")

    def check(self, node: yaml.Node, ctx: Context, path: str) -> Any:
        value = super().check(node, ctx, path)
        if value is not INVALID and value not in self.values:
            ctx.error(node, path, f"valeur « {value} » inconnue.{suggestion(value, self.values)}", self.expected)
            return INVALID
        return value


class Reference(Text):
    """A text naming something defined in another file; recorded in ctx.refs and checked later."""

    def __init__(self, kind: str, expected: str) -> None:
        self.kind = kind
        super().__init__(expected)

    def check(self, node: yaml.Node, ctx: Context, path: str) -> Any:
        value = super().check(node, ctx, path)
        if value is not INVALID:
            ctx.ref(self.kind, value, node, path)
        return value


class Anything(Schema):
    """Anything (used for Material's own front-matter keys whose content MkDocs checks)."""

    def __init__(self, expected: str) -> None:
        self.expected = expected

    def check(self, node: yaml.Node, ctx: Context, path: str) -> Any:
        return yaml.SafeLoader("").construct_document(node) if node is not None else None


class ListOf(Schema):
    """A YAML list; every element is checked with `item`."""

    def __init__(
        self,
        item: Schema,
        expected: str,
        *,
        min_items: int = 1,
        max_items: int | None = None,
        unique: Unique | None = None,
    ) -> None:
        self.item = item
        self.expected = expected
        self.min_items = min_items
        self.max_items = max_items
        self.unique = unique

    def check(self, node: yaml.Node, ctx: Context, path: str) -> Any:
        if not isinstance(node, yaml.SequenceNode):
            ctx.error(node, path, f"{_kind_of(node)} au lieu d’une liste", self.expected)
            return INVALID
        count = len(node.value)
        if count < self.min_items:
            message = "liste vide" if count == 0 else f"liste trop courte ({count} éléments, minimum {self.min_items})"
            ctx.error(node, path, message, self.expected)
            return INVALID
        if self.max_items is not None and count > self.max_items:
            ctx.error(node, path, f"liste trop longue ({count} éléments, maximum {self.max_items})", self.expected)
            return INVALID
        values = [self.item.check(child, ctx, f"{path}[{index}]") for index, child in enumerate(node.value, start=1)]
        if self.unique is not None:
            self.unique.check(node, values, ctx, path)
        return [value for value in values if value is not INVALID]


@dataclass
class Unique:
    """No two elements of a list may share the same `field` (after `key`, e.g. a slug)."""

    field: str | None  # None: the element itself (a list of texts)
    what: str  # « libellé », « terme »…
    key: Callable[[Any], Any] = lambda value: value

    def check(self, node: yaml.SequenceNode, values: list, ctx: Context, path: str) -> None:
        seen: dict[Any, int] = {}
        for index, (child, value) in enumerate(zip(node.value, values, strict=True), start=1):
            if value is INVALID:
                continue
            item_path = f"{path}[{index}]"
            if self.field is None:
                raw, value_node = value, child
            else:
                if not isinstance(value, dict) or value.get(self.field) is None:
                    continue
                raw = value[self.field]
                value_node = next((v for k, v in child.value if getattr(k, "value", None) == self.field), child)
                item_path = join(item_path, self.field)
            key = self.key(raw)
            if key in seen:
                ctx.error(
                    value_node,
                    item_path,
                    f"{self.what} « {raw} » en double (déjà utilisé ligne {seen[key]})",
                    f"un {self.what} différent pour chaque élément",
                )
            else:
                seen[key] = ctx.line(value_node)


@dataclass
class Field:
    name: str
    schema: Schema
    required: bool = False


def _mapping_pairs(node: yaml.MappingNode, ctx: Context, path: str) -> list[tuple[str, yaml.Node, yaml.Node]]:
    """Key/value pairs of a mapping, reporting keys that are not plain text and keys written twice."""
    seen: dict[str, int] = {}
    pairs = []
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            ctx.error(key_node, path, "nom de champ invalide", "un nom de champ simple suivi de « : »")
            continue
        key = str(key_node.value)
        if key in seen:
            ctx.error(
                key_node,
                join(path, key),
                f"champ écrit deux fois (déjà présent ligne {seen[key]})",
                "chaque champ une seule fois par élément",
            )
            continue
        seen[key] = ctx.line(key_node)
        pairs.append((key, key_node, value_node))
    return pairs


class Record(Schema):
    """A mapping with a fixed set of fields, some required; unknown fields are mistakes.

    The value is a dict holding every declared field, None for those absent or invalid.
    """

    def __init__(
        self, fields: list[Field], expected: str, *, allow_extra: bool = False, one_of: tuple[tuple[str, ...], str, str] | None = None
    ) -> None:
        self.fields = {f.name: f for f in fields}
        self.expected = expected
        self.allow_extra = allow_extra
        self.one_of = one_of  # (fields of which one at least is required, message, expected) when none is there

    def check(self, node: yaml.Node, ctx: Context, path: str) -> Any:
        if not isinstance(node, yaml.MappingNode):
            ctx.error(node, path, f"{_kind_of(node)} au lieu d’une liste de champs", self.expected)
            return INVALID
        result: dict[str, Any] = {}
        present = set()
        names = list(self.fields)
        misspelt = set()  # required fields an unknown key is a typo of: reported once, as that typo
        for key, key_node, value_node in _mapping_pairs(node, ctx, path):
            present.add(key)
            spec = self.fields.get(key)
            if spec is None:
                if not self.allow_extra:
                    ctx.error(
                        key_node, join(path, key), f"champ inconnu « {key} ».{suggestion(key, names)}", f"un des champs {', '.join(names)}"
                    )
                    misspelt.add(closest(key, names))
                continue
            value = spec.schema.check(value_node, ctx, join(path, key))
            if value is not INVALID:
                result[key] = value
        for name, spec in self.fields.items():
            if spec.required and name not in present and name not in misspelt:
                ctx.error(node, join(path, name), "champ obligatoire manquant", spec.schema.expected)
            result.setdefault(name, None)  # templates can test every optional field
        if self.one_of and not present & set(self.one_of[0]):
            ctx.error(node, path, self.one_of[1], self.one_of[2])
        return result


class MapOf(Schema):
    """A mapping from ids (chosen by the editor) to values checked with `value`."""

    def __init__(self, value: Schema, expected: str, *, key: Schema | None = None, min_items: int = 1) -> None:
        self.value = value
        self.key = key or Id()
        self.expected = expected
        self.min_items = min_items

    def check(self, node: yaml.Node, ctx: Context, path: str) -> Any:
        if not isinstance(node, yaml.MappingNode):
            ctx.error(node, path, f"{_kind_of(node)} au lieu d’une liste d’identifiants suivis de « : »", self.expected)
            return INVALID
        if len(node.value) < self.min_items:
            ctx.error(node, path, "aucun élément", self.expected)
            return INVALID
        result: dict[str, Any] = {}
        for key, key_node, value_node in _mapping_pairs(node, ctx, path):
            if self.key.check(key_node, ctx, join(path, key)) is INVALID:
                continue
            value = self.value.check(value_node, ctx, join(path, key))
            if value is not INVALID:
                result[key] = value
        return result


def validate(node: yaml.Node | None, schema: Schema, ctx: Context, root: str) -> Any:
    """Check a whole document; an empty file is a problem of its own."""
    if node is None:
        ctx.error(None, "", "fichier vide", schema.expected, line=1)
        return INVALID
    return schema.check(node, ctx, root)
