"""The Jinja environment of the macros: markup lives in macros/templates/*.html, never in Python strings.

Autoescaping is on, so a data text can never inject HTML. Two filters bring data texts into templates:
``inline`` (light Markdown, see content.inline) and ``plain`` (escaped text); both add French spacing.

The rendered HTML is folded onto a single line: Python-Markdown then treats it as one raw HTML block even
where the macro is called inside an indented block, and never mistakes an indented line for code.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from content.inline import render_inline, render_plain

TEMPLATES = Path(__file__).parent / "templates"

_ENV = Environment(
    loader=FileSystemLoader(str(TEMPLATES)),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=StrictUndefined,
)
_ENV.filters["inline"] = render_inline
_ENV.filters["plain"] = render_plain


def host(url: str) -> str:
    """« https://www.legifrance.gouv.fr/… » -> « legifrance.gouv.fr »: where a link leads, as readers recognise it."""
    return urlsplit(url).netloc.removeprefix("www.")


_ENV.filters["host"] = host


def render(template: str, **context: Any) -> Markup:
    """Render macros/templates/<template> and fold it onto one line."""
    html = _ENV.get_template(template).render(**context)
    return Markup(" ".join(line.strip() for line in html.splitlines() if line.strip()))
