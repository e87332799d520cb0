"""Helpers shared by the accessibility, print, privacy and weight tests: axe-core, the Nu HTML Checker,
HTML_CodeSniffer, IBM Equal Access, the site's pages, nginx.

axe-core comes from node_modules (package.json pins it exactly; `make test` runs `npm ci`); it is injected into
the page by Playwright, so it runs in the same Chromium as the other browser tests.
"""

from __future__ import annotations

import json
import re
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


# The two other third-party checkers (package.json): the Nu HTML Checker (HTML validity, run by Java) and
# HTML_CodeSniffer (WCAG 2 AA, the engine of pa11y), on every page.
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
HTMLCS = ROOT / "node_modules" / "html_codesniffer" / "build" / "HTMLCS.js"
# HTML_CodeSniffer's errors (type 1) in the page, described: its rule, its message, the element.
HTMLCS_RUN = """() => new Promise(resolve => HTMLCS.process("WCAG2AA", document, () => resolve(
  HTMLCS.getMessages().filter(m => m.type === 1)
    .map(m => m.code + " : " + m.msg + " (" + (m.element.outerHTML || "document").slice(0, 120) + ")"))))"""


# IBM Equal Access's engine (accessibility-checker-engine), injected like axe-core: its failures (« violation ») as
# « rule : message (element) ».
IBM = ROOT / "node_modules" / "accessibility-checker-engine" / "ace-window.js"
IBM_RUN = """() => new ace.Checker().check(document, ["IBM_Accessibility"]).then(report => report.results
  .filter(r => r.value[0] === "VIOLATION" && r.value[1] === "FAIL")
  .map(r => r.ruleId + " : " + r.message + " (" + (r.snippet || "").slice(0, 100) + ")"))"""
# The IBM Equal Access failures that come from Material's markup and cannot be removed without copying its templates
# (build_steps/markup.py removes the others). Each is named in the accessibility statement's technical notes
# (docs/accessibilite.md), with what it means for readers.
IBM_THEME_FAILURES = {
    "label_ref_valid": "les étiquettes des menus dépliants visent des cases à cocher masquées",
    "label_content_exists": "la zone sombre qui ferme le menu est une étiquette vide",
    "form_label_unique": "la case qui ouvre la recherche a plusieurs étiquettes",
    "aria_content_in_landmark": "le lien d’évitement est placé avant l’en-tête",
}


def checker_installed(tool: Path) -> Path:
    """A checker of node_modules, which `make test` installs (npm ci); fails (never skips) when it is missing."""
    if not tool.is_file():
        pytest.fail(f"{tool.relative_to(ROOT)} manque : lancez `npm ci` (package.json).")
    return tool


def vnu_errors(files: list[Path]) -> list[str]:
    """The Nu HTML Checker's errors on these files (one Java process for all), « file, line: message (extract) »."""
    result = subprocess.run(
        ["java", "-jar", str(checker_installed(VNU)), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    return [
        f"{m.get('url', '').rsplit('/', 2)[-2:]}, ligne {m.get('lastLine')} : {m['message']} ({m.get('extract', '').strip()[:100]})"
        for m in messages
    ]


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


def run_axe(
    page, source: str, *, context: str | dict = "document", tags: list[str] = AXE_TAGS, rules: list[str] | None = None
) -> list[dict]:
    """Run axe-core in the page (injected once per document) and return its violations: the rules of `tags`, or
    the `rules` named."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(source)  # evaluate, not a <script> tag: the site's CSP would refuse an inline script
    only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": tags}
    return page.evaluate(
        """([context, only]) => axe.run(context === "document" ? document : context,
                                        {runOnly: only, resultTypes: ["violations"]})
                                   .then(results => results.violations)""",
        [context, only],
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


def one_page_per_type(site: Path) -> list[str]:
    """The home page, the 404 page and the first page of each page type (its wrapper « pv-page--<type> »): every
    template of the site once. IBM Equal Access (1.6 s a page) runs on these only; axe-core, HTML_CodeSniffer and
    the Nu HTML Checker run on every page."""
    chosen, types = ["", "404.html"], set()
    for path in page_paths(site):
        file = site / path / "index.html" if path.endswith("/") else site / (path or "index.html")
        found = re.search(r'class="pv-page pv-page--([\w-]+)"', file.read_text(encoding="utf-8"))
        if found and found.group(1) not in types and path not in chosen:
            types.add(found.group(1))
            chosen.append(path)
    return chosen


def memo_sheets(site: Path) -> list[str]:
    """Addresses of the memo sheets: docs/fiches/*.md except the section's index."""
    return sorted(p for p in page_paths(site) if p.startswith("fiches/") and p != "fiches/")


WIDTHS = {"bureau": 1280, "mobile": 390}  # desktop and phone widths of the browser tests


def goto(page, url: str, scheme: str | None = None, *, settled: bool = False) -> None:
    """Load `url`; `settled`: also wait for the network to rest, as a reader who clicks after a second does —
    Material's instant navigation handles clicks (the skip link's too) once its sitemap has arrived."""
    page.goto(url, wait_until="networkidle" if settled else "load")
    if scheme:
        wait_for_scheme(page, scheme)


def wait_for_scheme(page, scheme: str) -> None:
    """Material sets data-md-color-scheme from the system preference once its script has run."""
    page.wait_for_function("scheme => document.body.getAttribute('data-md-color-scheme') === scheme", arg=SCHEMES[scheme])


# Transitions off while measuring: a focus ring or a skip link is judged in its final state, not mid-fade.
NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; animation: none !important; }"
MIN_RING_CONTRAST = 3.0  # WCAG 1.4.11: a focus indicator contrasts at least 3:1 with what surrounds it

# The element that has focus, how its focus ring looks and what is behind it, in the page's current colour scheme.
# Material's palette switches are hidden radio buttons whose label shows the ring.
FOCUS_STATE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const ring = (el.matches(".md-option") && el.nextElementSibling) || el;
  const parse = text => {
    const m = /rgba?\\(([^)]+)\\)/.exec(text || "");
    if (!m) return null;
    const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top, bottom) => [0, 1, 2].map(i => top[i] * top[3] + bottom[i] * (1 - top[3])).concat([1]);
  const box = ring.getBoundingClientRect();
  const lum = c => {
    const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  // What the ring is drawn on: the element itself when the ring is inside it (negative offset), otherwise what
  // is shown just outside the ring (positioned elements such as the skip link float over other parts).
  const measure = () => {
    const style = getComputedStyle(ring);
    const gap = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth) + 2;
    let start = ring.parentElement;
    if (parseFloat(style.outlineOffset) < 0) {
      start = ring;
    } else {
      const x = box.left - gap >= 0 ? box.left - gap : box.right + gap;
      const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
      const under = document.elementsFromPoint(x, y).find(e => e !== ring && !ring.contains(e));
      if (under) start = under;
    }
    const layers = [];
    for (let node = start; node; node = node.parentElement) {
      const bg = parse(getComputedStyle(node).backgroundColor);
      if (bg && bg[3] > 0) { layers.push(bg); if (bg[3] >= 1) break; }
    }
    let behind = [255, 255, 255, 1];
    for (const layer of layers.reverse()) behind = over(layer, behind);
    const color = parse(style.outlineColor);
    const shown = color ? over(color, behind) : behind;
    const ratio = (Math.max(lum(shown), lum(behind)) + 0.05) / (Math.min(lum(shown), lum(behind)) + 0.05);
    return {ratio: Math.round(ratio * 100) / 100, outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2};
  };
  const here = measure();
  const style = getComputedStyle(ring);
  let opacity = 1;
  for (let node = ring; node; node = node.parentElement) opacity *= parseFloat(getComputedStyle(node).opacity);
  const onScreen = box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0
                   && box.left < innerWidth && box.top < innerHeight;
  if (!el.hasAttribute("data-pv-seen")) el.setAttribute("data-pv-seen", String(document.querySelectorAll("[data-pv-seen]").length));
  const label = (el.getAttribute("aria-label") || el.innerText || el.value || el.getAttribute("title") || "").trim();
  return {
    seen: el.getAttribute("data-pv-seen"),
    name: `<${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\\s+/).filter(c => c !== "focus-visible").join(".") : ""}> « ${label.replace(/\\s+/g, " ").slice(0, 40)} »`,
    outline: here.outline,
    ratio: here.ratio,
    visible: onScreen && style.visibility === "visible" && opacity > 0.5,
  };
}"""
