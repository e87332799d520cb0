"""Is a file a valid Atom feed? RFC 4287's RELAX NG grammar (tests/fixtures/atom.rng, the RFC's appendix B written in
XML syntax) checked by xmllint (Debian package libxml2-utils, installed by `make test`), plus the RFC's two rules
that RELAX NG cannot state (its Schematron assertions), checked here. Nothing is fetched from another server."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.support import FIXTURES

ATOM_SCHEMA = FIXTURES / "atom.rng"
ATOM = "{http://www.w3.org/2005/Atom}"
XHTML = "{http://www.w3.org/1999/xhtml}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def atom_problems(feed: Path) -> list[str]:
    """Every reason why `feed` is not valid Atom 1.0 (an empty list when it is)."""
    xmllint = shutil.which("xmllint")
    if xmllint is None:
        pytest.fail("xmllint est introuvable : installez libxml2-utils (make test l’installe : tools/ensure-system-packages.sh).")
    result = subprocess.run([xmllint, "--noout", "--relaxng", str(ATOM_SCHEMA), str(feed)], capture_output=True, text=True, check=False)
    problems = [line for line in result.stderr.splitlines() if result.returncode != 0 and line.strip()]
    try:
        root = ET.parse(feed).getroot()
    except ET.ParseError as error:
        return [*problems, f"XML mal formé : {error}"]
    entries = root.findall(f"{ATOM}entry")
    if root.find(f"{ATOM}author") is None and any(entry.find(f"{ATOM}author") is None for entry in entries):
        problems.append("RFC 4287, 4.1.1 : le flux n’a pas d’atom:author et une de ses entrées non plus")
    for number, entry in enumerate(entries, start=1):
        alternate = [link for link in entry.findall(f"{ATOM}link") if link.get("rel", "alternate") == "alternate"]
        if not alternate and entry.find(f"{ATOM}content") is None:
            problems.append(f'RFC 4287, 4.1.2 : l’entrée {number} n’a ni lien rel="alternate" ni atom:content')
    return problems
