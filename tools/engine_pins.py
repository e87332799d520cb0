"""`python -m tools.engine_pins` (run by `make audit-deps`, which is online): the worst case of each requirements file
resolved by pip, to show that no environment can get MkDocs 2 (decisions/0002).

Every pin of the file removed, mkdocs-material left out (its own `mkdocs<2` would no longer help after a move off
Material), mkdocs-macros-plugin added (it asks only `mkdocs>=0.17`) and pre-releases allowed: without constraints.txt
pip picks MkDocs 2.0.devN; with it, MkDocs 1.x. Resolution only (`pip install --dry-run`). The offline checks of the
same rule are in tests/unit/test_engine_pins.py.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from packaging.requirements import Requirement
from packaging.version import Version

from tools.project_copy import ROOT


def _lines(path: Path) -> list[str]:
    return [line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines()]


def loosened(path: Path) -> list[str]:
    """The requirement lines of `path` (and of the files it includes) without versions, Material left out."""
    kept = []
    for line in _lines(path):
        if line.startswith("-c "):
            kept.append(f"-c {ROOT / line[3:].strip()}")
        elif line.startswith("-r "):
            kept += [line for line in loosened(ROOT / line[3:].strip()) if not line.startswith("-c ")]
        elif line and Requirement(line).name.lower() != "mkdocs-material":
            kept.append(Requirement(line).name)
    return kept


def resolved_mkdocs(path: Path) -> str:
    """The MkDocs version pip would install for the worst case of `path`."""
    with tempfile.TemporaryDirectory() as work:
        requirements, report = Path(work) / path.name, Path(work) / "report.json"
        requirements.write_text("\n".join([*loosened(path), "mkdocs-macros-plugin"]) + "\n", encoding="utf-8")
        command = [sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--pre", "--quiet"]
        result = subprocess.run([*command, "--report", str(report), "-r", str(requirements)], capture_output=True, text=True, timeout=600)
        if result.returncode != 0:
            raise SystemExit(f"{path.name} : pip n’a pas pu résoudre le pire cas :\n{result.stderr[-2000:]}")
        chosen = {item["metadata"]["name"].lower(): item["metadata"]["version"] for item in json.loads(report.read_text())["install"]}
    return chosen["mkdocs"]


def main() -> int:
    failed = False
    for path in sorted(ROOT.glob("requirements*.txt")):
        version = resolved_mkdocs(path)
        ok = Version(version).major == 1
        failed |= not ok
        print(
            f"{path.name} : pire cas résolu avec MkDocs {version}{'' if ok else ' — MkDocs 2 ne peut pas construire ce site (constraints.txt)'}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
