"""Helpers shared by the accessibility, print, privacy and weight tests: axe-core, the site's pages, nginx.

axe-core comes from node_modules (package.json pins it exactly; `make test` runs `npm ci`); it is injected into
the page by Playwright, so it runs in the same Chromium as the other browser tests.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support import ROOT, html_pages

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_VERSION = "4.14.1"  # must match package.json: a new axe brings new rules, so it is upgraded on purpose
# WCAG 2.0 and 2.1, levels A and AA, and the rules axe-core ties to the French RGAA 4; plus WCAG 2.2 AA (target
# size: Lighthouse checks it too).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "RGAAv4"]
SCHEMES = {"light": "default", "dark": "slate"}


def axe_source() -> str:
    """axe-core's script, installed with `npm ci` when missing. Fails (never skips) without npm."""
    if not AXE.is_file():
        npm = shutil.which("npm")
        if npm is None:
            pytest.fail("npm est introuvable : installez Node.js et npm (apt-get install npm), puis `npm ci`.")
        result = subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=ROOT, capture_output=True, text=True)
        if result.returncode != 0 or not AXE.is_file():
            pytest.fail(f"`npm ci` n’a pas installé axe-core :\n{result.stdout}\n{result.stderr}")
    return AXE.read_text(encoding="utf-8")


def run_axe(page, source: str, *, context: str | dict = "document", tags: list[str] = AXE_TAGS) -> list[dict]:
    """Run axe-core in the page (injected once per document) and return its violations."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(source)  # evaluate, not a <script> tag: the site's CSP would refuse an inline script
    return page.evaluate(
        """([context, tags]) => axe.run(context === "document" ? document : context,
                                        {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})
                                   .then(results => results.violations)""",
        [context, tags],
    )


def describe(violations: list[dict], where: str) -> list[str]:
    """One French line per violation: rule, impact, help, the first elements concerned."""
    lines = []
    for v in violations:
        targets = " | ".join(" ".join(map(str, n["target"])) for n in v["nodes"][:4])
        more = f" (+{len(v['nodes']) - 4})" if len(v["nodes"]) > 4 else ""
        lines.append(f"{where} : {v['id']} ({v['impact']}) {v['help']} — {targets}{more}")
    return lines


def page_paths(site: Path) -> list[str]:
    """The address of every page of a built site, relative to its root (« », « fiches/ », « 404.html »)."""
    paths = []
    for path in html_pages(site):
        rel = path.relative_to(site).as_posix()
        if rel.startswith("pagefind/"):
            continue
        paths.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return paths


def memo_sheets(site: Path) -> list[str]:
    """Addresses of the memo sheets: docs/fiches/*.md except the section's index."""
    return sorted(p for p in page_paths(site) if p.startswith("fiches/") and p != "fiches/")


def wait_for_scheme(page, scheme: str) -> None:
    """Material sets data-md-color-scheme from the system preference once its script has run."""
    page.wait_for_function("scheme => document.body.getAttribute('data-md-color-scheme') === scheme", arg=SCHEMES[scheme])
