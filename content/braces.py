"""Text of a page that the macro engine (mkdocs-macros, Jinja) would read as code.

Every page goes through Jinja before Markdown: « {{ … }} », « {% … %} » and « {# … #} » are code there, in code
blocks too. An editor who writes them by mistake got an English traceback, a wrong line, or a message about macros
when the fix was elsewhere. These mistakes are found here, before the build, each with its line and the fix:

- « {#ancre} » after a heading (Markdown's attribute list) opens a Jinja comment: write « { #ancre } »;
- any other « {# » without its « #} »;
- « {% raw %} » without « {% endraw %} », or the reverse;
- « {{ nom }} » where « nom » is neither a macro nor a variable of the site (`VARIABLES`);
- « {{ … }} » that Jinja cannot read (a parenthesis or a quote missing), « {{ » never closed, any « {% … %} »
  other than raw and endraw.

Macro calls themselves (« {{ checklist("x") }} ») are checked in content/pages.py (find_macro_calls).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import jinja2

RAW_BLOCK = re.compile(r"\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}", re.DOTALL)
RAW_TAG = re.compile(r"\{%-?\s*(raw|endraw)\s*-?%\}")
COMMENT = re.compile(r"\{#.*?#\}", re.DOTALL)
COMMENT_START = re.compile(r"\{#")
HEADING_ID = re.compile(r"\{#([\w-]+)([^}\n]*)\}")
BARE_NAME = re.compile(r"\{\{-?\s*([A-Za-z_]\w*)((?:\.\w+)*)\s*-?\}\}")
EXPRESSION = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)
STATEMENT = re.compile(r"\{%.*?%\}", re.DOTALL)
CALL_EXAMPLE = (
    'le nom de la macro, puis entre parenthèses ses arguments entre guillemets droits, par ex. {{ checklist("avant-de-publier") }}'
)
RAW_HELP = "pour écrire des accolades telles quelles, entourez le passage de {% raw %} et {% endraw %}"

_JINJA = jinja2.Environment()  # only to parse « {{ … }} »: nothing is rendered here

# The variables a page may show between double braces (mkdocs-macros' context); anything else is undefined.
VARIABLES = frozenset({"config", "page", "extra", "environment", "plugin", "git", "files", "navigation"})


@dataclass(frozen=True)
class BraceMistake:
    line: int
    text: str  # what was written, shortened (« {#ancre} »)
    message: str
    expected: str
    name: str | None = None  # for « {{ nom }} »: the name, which may turn out to be a macro's


def _line(body: str, offset: int, first_line: int) -> int:
    return first_line + body.count("\n", 0, offset)


def _blank(match: re.Match[str]) -> str:
    """The match replaced by as many line breaks: line numbers stay right."""
    return "\n" * match.group(0).count("\n")


def find_brace_mistakes(body: str, first_line: int, names: frozenset[str] | set[str] = frozenset()) -> list[BraceMistake]:
    """The mistakes of a page body (`first_line`: the file's line of the body's first line; `names`: the macros and
    functions pages may call, which a page may also write without parentheses; a « {{ nom }} » mistake carries its
    name, for a caller that learns them later)."""
    found: list[BraceMistake] = []
    text = RAW_BLOCK.sub(_blank, body)
    for tag in RAW_TAG.finditer(text):
        opening = tag.group(1) == "raw"
        found.append(
            BraceMistake(
                _line(text, tag.start(), first_line),
                tag.group(0),
                "« {% raw %} » sans « {% endraw %} » plus loin" if opening else "« {% endraw %} » sans « {% raw %} » avant",
                "chaque passage à afficher tel quel commence par {% raw %} et finit par {% endraw %}, dans cet ordre",
            )
        )
    # After a « {% raw %} » left open, the editor meant the rest to be shown as is: nothing more to report there.
    opened = next((tag for tag in RAW_TAG.finditer(text) if tag.group(1) == "raw"), None)
    if opened is not None:
        text = text[: opened.start()]
    text = RAW_TAG.sub("", text)
    text = COMMENT.sub(_blank, text)
    for start in COMMENT_START.finditer(text):
        line = _line(text, start.start(), first_line)
        heading = HEADING_ID.match(text, start.start())
        if heading:
            written = heading.group(0)
            fixed = "{ #" + heading.group(1) + heading.group(2).rstrip() + " }"
            found.append(
                BraceMistake(
                    line,
                    written,
                    f"« {written} » : accolade et dièse collés, « {{# » est lu comme le début d’un commentaire du moteur de macros",
                    f"une espace après l’accolade ouvrante et avant la fermante : « {fixed} »",
                )
            )
        else:
            written = text[start.start() : start.start() + 20].split("\n")[0]
            found.append(
                BraceMistake(
                    line,
                    written,
                    f"« {written} » : « {{# » ouvre un commentaire du moteur de macros, jamais refermé",
                    f"une espace entre « {{ » et « # » ; ou bien, {RAW_HELP}",
                )
            )
    for statement in STATEMENT.finditer(text):  # raw and endraw are gone by now: any other {% … %}
        found.append(
            BraceMistake(
                _line(text, statement.start(), first_line),
                statement.group(0)[:40],
                f"« {statement.group(0)[:40]} » : instruction du moteur de macros, qui ne sert pas dans les pages",
                RAW_HELP,
            )
        )
    text = STATEMENT.sub(_blank, text)
    for expression in EXPRESSION.finditer(text):
        try:
            _JINJA.parse(expression.group(0))
        except jinja2.TemplateSyntaxError:
            written = " ".join(expression.group(0).split())[:60]
            found.append(
                BraceMistake(
                    _line(text, expression.start(), first_line),
                    written,
                    f"« {written} » : appel entre doubles accolades mal écrit (parenthèse ou guillemet manquant)",
                    CALL_EXAMPLE,
                )
            )
    unclosed = EXPRESSION.sub(_blank, text).find("{{")
    if unclosed != -1:
        found.append(
            BraceMistake(
                _line(text, unclosed, first_line),
                "{{",
                "« {{ » ouvre un appel du moteur de macros, jamais refermé par « }} »",
                f"{CALL_EXAMPLE} ; ou bien, {RAW_HELP}",
            )
        )
    for use in BARE_NAME.finditer(text):
        name = use.group(1)
        if name in VARIABLES or name in names:
            continue
        written = use.group(0)
        found.append(
            BraceMistake(
                _line(text, use.start(), first_line),
                written,
                f"« {written} » : les doubles accolades sont lues comme du code, et « {name} » n’est ni une macro ni une variable du site",
                f"{RAW_HELP} ; pour une macro, son nom et ses parenthèses (docs/contribuer/conventions.md)",
                name,
            )
        )
    return sorted(found, key=lambda mistake: mistake.line)
