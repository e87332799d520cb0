"""No environment of the project can resolve MkDocs 2 (a rewrite without plugins or themes: it cannot build this
site). constraints.txt states `mkdocs<2`, and every requirements file gives it to pip (« -c constraints.txt »), so
that a loosened pin, `--pre` or an upgrade of mkdocs-macros-plugin (which asks only mkdocs>=0.17) never brings it."""

from __future__ import annotations

from importlib import metadata

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

from tests.support import ROOT

REQUIREMENT_FILES = sorted(ROOT.glob("requirements*.txt"))
MKDOCS_2 = [Version("2.0.dev0"), Version("2.0.dev6"), Version("2.0"), Version("2.1")]


def _lines(path):
    return [line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines()]


def test_the_constraint_forbids_mkdocs_2():
    constraints = [Requirement(line) for line in _lines(ROOT / "constraints.txt") if line]
    mkdocs = [req for req in constraints if req.name.lower() == "mkdocs"]
    assert len(mkdocs) == 1, "constraints.txt doit contenir une ligne « mkdocs>=1.6.1,<2 »."
    assert Version("1.6.1") in mkdocs[0].specifier
    refused = [str(v) for v in MKDOCS_2 if not mkdocs[0].specifier.contains(v, prereleases=True)]
    assert refused == [str(v) for v in MKDOCS_2], f"constraints.txt laisse passer MkDocs {set(map(str, MKDOCS_2)) - set(refused)}"


@pytest.mark.parametrize("path", REQUIREMENT_FILES, ids=lambda p: p.name)
def test_every_requirements_file_gives_pip_the_constraint(path):
    assert "-c constraints.txt" in _lines(path), f"{path.name} : ajoutez « -c constraints.txt » (mkdocs<2 pour pip)."


@pytest.mark.parametrize("path", REQUIREMENT_FILES, ids=lambda p: p.name)
def test_mkdocs_is_pinned_to_1x_wherever_it_is_named(path):
    for line in _lines(path):
        if line and not line.startswith("-") and Requirement(line).name.lower() == "mkdocs":
            assert str(Requirement(line).specifier).startswith("==1."), f"{path.name} : « {line} » doit épingler MkDocs 1.x (==1.6.1)."


def test_the_installed_mkdocs_is_1x():
    assert Version(metadata.version("mkdocs")).major == 1, f"MkDocs {metadata.version('mkdocs')} est installé : il faut 1.6.1."
