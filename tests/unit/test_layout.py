"""The layout of the code: one job per package, imports in one direction, no path manipulation, one place for each
concept (README, « Architecture »)."""

from __future__ import annotations

import ast
import re

import pytest

from tests.support import ROOT

# Package -> the project packages it may import. The content model and the engine layer are at the bottom; the
# macros, the build steps and the editors' commands use them; the hooks call the build steps.
ALLOWED = {
    "engine": set(),
    "content": {"engine"},
    "macros": {"content", "engine"},
    "build_steps": {"content", "engine"},
    "editors": {"content", "engine", "macros"},
    "hooks": {"build_steps", "content", "engine"},
}
PROJECT_PACKAGES = set(ALLOWED) | {"tests", "tools", "bench", "deploy"}
PYTHON_FOLDERS = [*ALLOWED, "tests", "tools", "bench", "deploy"]


IGNORED = ("fixtures", "work", "node_modules", "__pycache__")  # test data, the benchmarks' generated projects


def python_files(*folders: str) -> list:
    return sorted(
        path for folder in folders for path in (ROOT / folder).rglob("*.py") if not set(IGNORED) & set(path.relative_to(ROOT).parts)
    )


def imported_packages(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found & PROJECT_PACKAGES


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_imports_flow_one_way(package):
    wrong = []
    for path in python_files(package):
        for imported in imported_packages(path) - ALLOWED[package] - {package}:
            wrong.append(f"{path.relative_to(ROOT)} importe {imported}")
    assert not wrong, f"{package} ne peut importer que {sorted(ALLOWED[package]) or 'rien du projet'} :\n" + "\n".join(wrong)


def test_no_module_changes_the_import_path():
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in python_files(*PYTHON_FOLDERS)
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if re.search(r"sys\.path\.(insert|append)|importlib\.util\.spec_from_file_location", line)
    ]
    assert not found, "modification du chemin d’import : " + ", ".join(found)


def test_hooks_are_thin():
    """hooks/ holds MkDocs entry points only: functions named after MkDocs events, a few lines each."""
    for path in python_files("hooks"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.FunctionDef):
                assert len(node.body) <= 8, f"{path.name} : {node.name} fait trop de choses ({len(node.body)} instructions)"
            elif isinstance(node, ast.ClassDef):
                pytest.fail(f"{path.name} : la classe {node.name} a sa place dans build_steps/")


# One place for each concept: the pattern may appear in that file only.
ONE_PLACE = [
    ("accent folding", r"unicodedata\.normalize", "content/text.py"),
    ("front matter", r"\\A-\{3\}", "content/source.py"),
    ("the MkDocs command line", r"""["']-m["'],\s*(?:["']mkdocs["']|module\b)""", "engine/command.py"),
    ("page type labels", r"Fiche mémo", "content/page_types.py"),
    ("reading mkdocs.yml without its tags", r"add_multi_constructor", "engine/config.py"),
    ("the snippet grammar", r"8<", "content/snippets.py"),
    ("command-line parsing (French help and errors)", r"argparse\.ArgumentParser\b", "content/command_line.py"),
]


@pytest.mark.parametrize("concept, pattern, home", ONE_PLACE, ids=[c for c, _, _ in ONE_PLACE])
def test_each_concept_is_written_once(concept, pattern, home):
    where = sorted(
        path.relative_to(ROOT).as_posix()
        for path in python_files(*ALLOWED, "tools", "bench")
        if re.search(pattern, path.read_text(encoding="utf-8"))
    )
    assert where == [home], f"{concept} : attendu dans {home} seulement, trouvé dans {where}"


def test_page_types_are_not_listed_in_templates_or_scripts():
    for path in [*sorted((ROOT / "overrides").rglob("*.html")), *sorted((ROOT / "docs" / "assets").rglob("*.js"))]:
        assert "Fiche mémo" not in path.read_text(encoding="utf-8"), f"{path.relative_to(ROOT)} répète les types de pages"
