"""French typography applied at render time, so that editors never type special spaces.

A Python-Markdown extension (`content.typography` in mkdocs.yml) whose treeprocessor rewrites the text of the
rendered page, after inline parsing:

- a narrow no-break space (U+202F) before ``;``, ``!`` and ``?``;
- a no-break space (U+00A0) before ``:``, after ``«`` and before ``»``;
- a no-break space between groups of digits (``3 000``) and before ``%`` and ``€``.

It never touches code (``code``, ``pre``, ``kbd``, ``samp``), scripts and styles, URLs written in the text,
HTML attributes (only text nodes are rewritten) or front matter (read before Markdown runs). Raw HTML blocks are
stashed by Python-Markdown and left as they are.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

NNBSP = "\u202f"  # narrow no-break space
NBSP = "\u00a0"  # no-break space
SPACES = "[ \u00a0\u202f]*"

SKIPPED_TAGS = {"code", "pre", "kbd", "samp", "script", "style", "math", "svg"}

# Text that must stay as typed: URLs, e-mail addresses, HTML entities (« &para; », which Python-Markdown keeps
# as « \x02amp\x03para; » until serialisation) and Python-Markdown's placeholders (« \x02wzxhzdk:3\x03 »).
PROTECTED = re.compile(
    r"(?:[a-z][a-z0-9+.-]*://|www\.|mailto:)\S+"
    r"|[\w.+-]+@[\w-]+\.[\w.-]+"
    r"|(?:&|\x02amp\x03)#?\w+;"
    r"|\x02[^\x03]*\x03",
    re.IGNORECASE,
)

# (pattern, replacement) applied in order. A text node may start right after an inline element
# (« **Exemple** : ») — hence the « or start of text » alternatives.
RULES: list[tuple[re.Pattern[str], str]] = [
    # « mot ? », « mot? » -> narrow no-break space; nothing between two marks (« ?! ») or after an opening bracket.
    (re.compile(r"(?:(?<=[^\s;:!?(\[«])|^)" + SPACES + r"([;!?])"), NNBSP + r"\1"),
    # « Exemple : », « Exemple: » -> no-break space; « 10:30 » and « https: » (no space after) are left alone.
    (re.compile(r"(?:(?<=[^\s:])|^)" + SPACES + r":(?=\s|$)"), NBSP + ":"),
    (re.compile(r"«" + SPACES), "«" + NBSP),
    (re.compile(SPACES + r"»"), NBSP + "»"),
    # Digit groups: « 3 000 », « 15 000 ».
    (re.compile(r"(?<=\d)[ \u00a0](?=\d{3}(?!\d))"), NBSP),
    # Before % and € after a number: « 28 % », « 15 000 € ».
    (re.compile(r"(?<=\d)" + SPACES + r"([%€])"), NBSP + r"\1"),
]


# What each rule needs in a text to change anything: a rule whose characters are absent is not run (a page has
# hundreds of text nodes, most of them without any of these characters). Same order as RULES.
RULE_TRIGGERS: list = [
    lambda text: ";" in text or "!" in text or "?" in text,
    lambda text: ":" in text,
    lambda text: "«" in text,
    lambda text: "»" in text,
    re.compile(r"\d[ \u00a0]\d").search,
    lambda text: "%" in text or "€" in text,
]
ANY_TRIGGER = re.compile(r"[;!?:«»%€]|\d[ \u00a0]\d")


def fix_text(text: str) -> str:
    """Apply the French spacing rules to a plain text, leaving URLs and e-mail addresses untouched."""
    if not ANY_TRIGGER.search(text):
        return text  # no rule can change it (the build's hot path: most text nodes)
    pieces: list[str] = []
    position = 0
    for protected in PROTECTED.finditer(text):
        pieces.append(_fix_plain(text[position : protected.start()]))
        pieces.append(protected.group(0))
        position = protected.end()
    pieces.append(_fix_plain(text[position:]))
    return "".join(pieces)


def _fix_plain(text: str) -> str:
    for (pattern, replacement), needed in zip(RULES, RULE_TRIGGERS, strict=True):
        if needed(text):
            text = pattern.sub(replacement, text)
    return text


class FrenchTypographyTreeprocessor(Treeprocessor):
    """Rewrites every text node of the page except those inside skipped elements."""

    def run(self, root: etree.Element) -> None:
        self._walk(root)

    def _walk(self, element: etree.Element) -> None:
        if element.tag in SKIPPED_TAGS:
            return
        if element.text:
            element.text = fix_text(element.text)
        for child in element:
            self._walk(child)
            if child.tail:
                child.tail = fix_text(child.tail)


class FrenchTypographyExtension(Extension):
    """Registers the treeprocessor after inline parsing (20) and after the table of contents (5)."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(FrenchTypographyTreeprocessor(md), "french_typography", 4)


def makeExtension(**kwargs: Any) -> FrenchTypographyExtension:
    return FrenchTypographyExtension(**kwargs)
