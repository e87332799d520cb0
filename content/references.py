"""Legal references cited by the pages: articles of codes, laws, decisions, charters (data/references.yml).

A page may cite a reference in two ways: with the macro (``{{ ref("cgfp-l121-7") }}`` gives « CGFP, art. L121-7 »,
linked to its official address), or in plain text (« CGFP, art. L121-7 », « Code pénal, art. 226-13 »,
« Conseil d’État, 27 juin 2018, n° 412541 »). Both are recognised: every article of the CGFP, the Code pénal or the
Code civil and every decision number written in a page must be in data/references.yml, where its official address
and the date it was last checked are kept. A number that is not there is reported with its page and line: either it
is a mistake, or the reference must be added (and checked on the official text).

Recognising plain text citations is deliberately simple: on a line that names the CGFP (« CGFP », « Code général de
la fonction publique »), every « L121-7 »-like number is a CGFP article; on a line that names the Code pénal, every
« 226-13 »-like number is a penal article; on a line that names the Code civil, « art. 9 » is a civil article; and
« n° 412541 », « n° 22-18.014 », « n° 19BX02151 » are decision numbers anywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .source import code_lines

# Kinds of references, in the order of the « Textes de référence » page, with their French heading.
REFERENCE_TYPES = {
    "article": "Articles de codes",
    "loi": "Lois",
    "ordonnance": "Ordonnances",
    "decret": "Décrets",
    "arrete": "Arrêtés",
    "circulaire": "Circulaires",
    "reglement": "Textes européens",
    "decision": "Décisions de justice",
    "charte": "Chartes",
    "accord": "Accords",
    "page": "Pages officielles",
}

# The page that lists every reference (its `references()` macro gives each one the anchor « ref-<id> »): a reference
# without a public address links there, where it says how to read it.
REFERENCES_PAGE = "textes-de-reference.md"

CGFP = re.compile(r"\bCGFP\b|Code général de la fonction publique", re.IGNORECASE)
PENAL = re.compile(r"Code pénal", re.IGNORECASE)
CIVIL = re.compile(r"Code civil", re.IGNORECASE)
OTHER_CODE = re.compile(
    r"propriété intellectuelle|\bCPI\b|Code du travail|Code de la défense|Code électoral|sécurité intérieure", re.IGNORECASE
)
CGFP_ARTICLE = re.compile(r"\b[LR]\d{3}-\d+(?:-\d+)?\b")
PENAL_ARTICLE = re.compile(r"(?<![\w.-])\d{3}-\d+(?:-\d+)*(?![\w-])")
CIVIL_ARTICLE = re.compile(r"\bart(?:icle|\.)\s*(\d+)(?![\d-])", re.IGNORECASE)
DECISION = re.compile(r"n°\s*(\d{3}\s?\d{3}|\d{2}-\d{2}\.\d{3}|\d{2}[A-Z]{2}\d{5})(?!\d)")


@dataclass(frozen=True)
class Citation:
    """A reference written in plain text: its kind (« cgfp », « penal », « civil », « decision ») and number."""

    code: str
    number: str

    def __str__(self) -> str:
        return {
            "cgfp": f"CGFP, art. {self.number}",
            "penal": f"Code pénal, art. {self.number}",
            "civil": f"Code civil, art. {self.number}",
            "decision": f"décision n° {self.number}",
        }[self.code]


def _decision_number(text: str) -> str:
    return text.replace(" ", "")


def citations_in(text: str) -> list[Citation]:
    """The citations of one line of text (see the module's docstring)."""
    found: list[Citation] = []
    if CGFP.search(text) and not OTHER_CODE.search(text):
        found += [Citation("cgfp", number) for number in CGFP_ARTICLE.findall(text)]
    if PENAL.search(text):
        found += [Citation("penal", number) for number in PENAL_ARTICLE.findall(text)]
    if CIVIL.search(text):
        found += [Citation("civil", number) for number in CIVIL_ARTICLE.findall(text)]
    found += [Citation("decision", _decision_number(number)) for number in DECISION.findall(text)]
    return list(dict.fromkeys(found))


def find_citations(body: str, first_line: int) -> list[tuple[Citation, int]]:
    """(citation, line) of every citation of a page body, fenced code left out (`first_line`: the number of the
    body's first line in its file)."""
    lines = body.split("\n")
    found = []
    for number, (line, in_code) in enumerate(zip(lines, code_lines(lines), strict=True), start=first_line):
        if not in_code:
            found += [(citation, number) for citation in citations_in(line)]
    return found


def citations_of_reference(court: str) -> list[Citation]:
    """What a reference of data/references.yml stands for, read from its short form (« CGFP, art. L121-7 »)."""
    return citations_in(court)
