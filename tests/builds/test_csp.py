"""Content-Security-Policy: the build step (build_steps/csp.py), the include it generates, and the real site in Chromium
served by nginx with that policy, used as a reader would (search, checklists, palette, instant navigation) with
zero violations."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError
from playwright.sync_api import Error as PlaywrightError

from build_steps import csp
from deploy.local_nginx import GENERATED_CSP
from engine.compat import material_templates
from tests.support import copy_project, html_pages, mkdocs_build
from tests.tour import MISSING_PAGE

MATERIAL_TEMPLATES = material_templates()


def browser_hash(text: str) -> str:
    """The hash a browser computes for an inline block, written independently of the hook."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def generated_sources(site: Path) -> dict[str, list[str]]:
    """The sources of each `set $porter_la_voix_csp_<name> "…";` line of the generated include."""
    text = (site / GENERATED_CSP).read_text(encoding="utf-8")
    return {name: value.split() for name, value in re.findall(r'set \$porter_la_voix_csp_(\w+) "([^"]*)";', text)}


# --- The hook, on small made-up sites -------------------------------------------------------------------------


@pytest.fixture
def theme(tmp_path) -> Path:
    """A template folder whose only inline script takes a Jinja value, like Material's base script."""
    folder = tmp_path / "theme"
    folder.mkdir()
    (folder / "base.html").write_text(
        '<script>window.scope=new URL("{{ base_url }}",location);window.ready=true</script>\n'
        '<script src="{{ \'a.js\' | url }}"></script>\n<script type="application/json">{{ config | tojson }}</script>\n'
        "<script>{{ anything }}</script>\n",
        encoding="utf-8",
    )
    return folder


def page(site: Path, name: str, body: str) -> None:
    path = site / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<!doctype html><html lang=fr><head></head><body>{body}</body></html>", encoding="utf-8")


def test_hash_matches_the_browser_algorithm():
    assert csp.sha256_source("") == "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
    assert csp.sha256_source("é") == browser_hash("é")


def test_theme_scripts_are_hashed_data_blocks_and_external_scripts_ignored(tmp_path, theme):
    site = tmp_path / "site"
    first = 'window.scope=new URL(".",location);window.ready=true'
    second = 'window.scope=new URL("../..",location);window.ready=true'
    page(site, "index.html", f'<script>{first}</script><script type="application/json">{{"a": 1}}</script><script src="a.js"></script>')
    page(site, "a/b/index.html", f"<script>{second}</script>")
    hashes = csp.collect(site, (str(theme),))
    assert hashes["script"] == {browser_hash(first), browser_hash(second)}
    assert hashes["style"] == set() and hashes["style_attribute"] == set()


@pytest.mark.parametrize(
    "body, expected",
    [
        ("<script>window.__pwned=1</script>", "ne vient pas des gabarits du thème"),
        ('<script type="module">import("x")</script>', "ne vient pas des gabarits du thème"),
        ("<style>body{display:none}</style>", "bloc <style>"),
        ('<img src="x.png" alt="" onerror="window.__pwned=1">', "attribut « onerror »"),
        ('<button type="button" ONCLICK="go()">x</button>', "attribut « onclick »"),
        ('<a href="javascript:window.__pwned=1">lien</a>', "javascript:"),
        ('<a href=" JaVa\tScRiPt:alert(1)">lien</a>', "JaVa"),
        ('<form action="javascript:alert(1)"></form>', "attribut « action »"),
        ('<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', "xlink:href"),
    ],
)
def test_what_a_hash_cannot_allow_fails_the_build_in_french(tmp_path, theme, body, expected):
    site = tmp_path / "site"
    page(site, "fiches/exemple/index.html", body)
    with pytest.raises(PluginError) as error:
        csp.collect(site, (str(theme),))
    message = str(error.value)
    assert "fiches/exemple/index.html" in message and expected in message
    assert message.startswith("Sécurité :") and "docs/assets/" in message


def test_a_template_block_without_fixed_text_allows_nothing(tmp_path, theme):
    """`<script>{{ anything }}</script>` in a template must not turn every inline script into a trusted one."""
    site = tmp_path / "site"
    page(site, "index.html", "<script>anything()</script>")
    with pytest.raises(PluginError):
        csp.collect(site, (str(theme),))


def test_style_attributes_are_allowed_one_by_one(tmp_path, theme):
    site = tmp_path / "site"
    page(site, "index.html", '<p style="color: red">a</p><p style="color:&#32;blue">b</p>')
    hashes = csp.collect(site, (str(theme),))
    assert hashes["style_attribute"] == {browser_hash("color: red"), browser_hash("color: blue")}
    include = csp.nginx_include(hashes, webassembly=False)
    assert f"\"'unsafe-hashes' {' '.join(sorted(hashes['style_attribute']))}\"" in include


def test_generated_include_is_three_nginx_set_lines(tmp_path, theme):
    include = csp.nginx_include({"script": {"'sha256-b'", "'sha256-a'"}, "style": set(), "style_attribute": set()}, webassembly=True)
    lines = [line for line in include.splitlines() if not line.startswith("#")]
    assert lines == [
        "set $porter_la_voix_csp_script_src \"'self' 'wasm-unsafe-eval' 'sha256-a' 'sha256-b'\";",
        "set $porter_la_voix_csp_style_src \"'self'\";",
        "set $porter_la_voix_csp_style_attr \"'none'\";",
    ]
    assert "unsafe-inline" not in include and "'unsafe-eval'" not in include


def test_material_templates_are_recognised():
    """Material's inline scripts are found in its templates (a new Material version must keep this true)."""
    patterns = csp.template_blocks((str(MATERIAL_TEMPLATES),))["script"]
    sources = " ".join(p.pattern for p in patterns)
    assert "__md_scope" in sources and "__palette" in sources and "location\\.hash" in sources


# --- The real site ---------------------------------------------------------------------------------------------


def inline_blocks(site: Path) -> tuple[set[str], set[str], set[str]]:
    """Hashes of the inline scripts that run, style blocks and style attributes of every built page (bs4)."""
    scripts, styles, attributes = set(), set(), set()
    for path in html_pages(site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for script in soup.find_all("script"):
            if not script.get("src") and (script.get("type") or "").lower() in ("", "module", "text/javascript"):
                scripts.add(browser_hash(script.string or ""))
        styles |= {browser_hash(style.string or "") for style in soup.find_all("style")}
        attributes |= {browser_hash(element["style"]) for element in soup.find_all(style=True)}
    return scripts, styles, attributes


def test_build_writes_the_hashes_of_exactly_the_inline_scripts(built_site):
    sources = generated_sources(built_site)
    assert set(sources) == {"script_src", "style_src", "style_attr"}
    scripts, styles, attributes = inline_blocks(built_site)
    assert scripts, "aucun script en ligne : Material en écrit pourtant sur chaque page"
    assert {s for s in sources["script_src"] if s.startswith("'sha256-")} == scripts
    assert sources["script_src"][0] == "'self'"
    assert set(sources["style_src"]) == {"'self'"} | styles
    assert not attributes or set(sources["style_attr"]) == {"'unsafe-hashes'"} | attributes
    everything = " ".join(sum(sources.values(), []))
    assert "'unsafe-inline'" not in everything and "'unsafe-eval'" not in everything


def test_webassembly_is_allowed_only_when_the_site_ships_some(built_site):
    ships = any(built_site.rglob("*.wasm")) or any(built_site.rglob("wasm.*.pagefind"))
    assert ("'wasm-unsafe-eval'" in generated_sources(built_site)["script_src"]) == ships


def test_build_refuses_an_event_handler_written_in_a_page(tmp_path):
    """End to end: an editor's attr_list `{ onclick=… }` stops the real build with the hook's French message."""
    project = copy_project(tmp_path / "projet")
    page_path = project / "docs" / "accessibilite.md"
    text = page_path.read_text(encoding="utf-8")
    trap = 'Un paragraphe piégé.\n{ onclick="window.__pwned = 1" }\n\n'
    page_path.write_text(re.sub(r"^## ", lambda m: trap + m.group(0), text, count=1, flags=re.MULTILINE), encoding="utf-8")
    assert trap in page_path.read_text(encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, "la construction aurait dû échouer"
    assert "Sécurité :" in output and "accessibilite/index.html" in output and "onclick" in output


# --- In the browser, through nginx ------------------------------------------------------------------------------

REPORTER = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__pvCspReport(JSON.stringify({
    directive: event.violatedDirective, blocked: event.blockedURI, sample: event.sample,
    source: event.sourceFile, line: event.lineNumber, page: location.href,
  }));
}, true);
"""


class Watch:
    """Records CSP violations, console errors and uncaught exceptions of a browser context."""

    def __init__(self, browser):
        self.problems: list[str] = []
        self.missing_pages: set[str] = set()
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.context.expose_binding("__pvCspReport", lambda source, data: self.problems.append(f"CSP {data}"))
        self.context.add_init_script(REPORTER)
        self.page = self.context.new_page()
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.problems.append(f"exception : {error}"))

    def _console(self, message):
        if message.location.get("url") in self.missing_pages and "404" in message.text:
            return  # the status of a page a test opens on purpose to see the 404 page
        if message.type == "error" or "Content Security Policy" in message.text:
            self.problems.append(f"console.{message.type} : {message.text} ({message.location.get('url')})")

    def close(self):
        self.context.close()


@pytest.fixture(scope="module")
def served(built_site, site_server):
    """(site, its address on nginx with the shipped configuration): the session's site, built with its site_url on
    nginx's port. Material's instant navigation only intercepts links listed in sitemap.xml, compared with the port
    (it adjusts the protocol and the host name, not the port): with another site_url every click would be a full
    page load."""
    return built_site, site_server


@pytest.fixture
def watch(browser):
    watcher = Watch(browser)
    yield watcher
    watcher.close()


def url_of(site: Path, path: Path, base: str) -> str:
    relative = path.relative_to(site).as_posix()
    return urljoin(base, relative[: -len("index.html")] if relative.endswith("index.html") else relative)


@pytest.mark.browser
def test_reporter_sees_a_violation(served, watch):
    """Guards the listener: an inline script added by hand is blocked and reported."""
    _, base = served
    watch.page.goto(base, wait_until="networkidle")
    with contextlib.suppress(PlaywrightError):  # Playwright may report the refusal itself
        watch.page.add_script_tag(content="window.__pvInjected = 1")  # inline, not in the policy
    watch.page.wait_for_timeout(200)
    assert watch.page.evaluate("typeof window.__pvInjected") == "undefined"
    assert any(p.startswith("CSP ") and "script-src" in p for p in watch.problems), watch.problems


@pytest.mark.browser
def test_every_page_loads_without_any_violation(reader_tour):
    """Every page, and the 404 page met two levels down, opened with the policy enforced (the reader's tour,
    tests/tour.py): no CSP violation, no console error, no uncaught exception."""
    assert len(reader_tour) >= 20 and MISSING_PAGE in reader_tour
    problems = [f"{visit.name} : {problem}" for visit in reader_tour.values() for problem in visit.problems]
    assert not problems, "\n".join(problems)


def checklist_page(site: Path) -> Path:
    for path in html_pages(site):
        if 'class="ck"' in path.read_text(encoding="utf-8"):
            return path
    pytest.fail("aucune page du site ne contient de liste de vérification")


@pytest.mark.browser
def test_reader_uses_the_site_without_any_violation(served, watch):
    """Search, a result opened, palette toggles, instant navigation, a checklist ticked and reset: no violation."""
    built_site, base = served
    page = watch.page
    page.goto(base, wait_until="networkidle")
    page.evaluate("window.__pvSameDocument = true")  # survives instant navigation, not a full load

    # Palette: auto -> light -> dark, Material's inline palette script and localStorage at work.
    schemes = set()
    for _ in range(3):
        page.locator("[data-md-component=palette] label:visible").first.click()
        schemes.add(page.evaluate("document.body.getAttribute('data-md-color-scheme')"))
    assert {"default", "slate"} <= schemes, schemes

    # Search (Pagefind: worker + WebAssembly), then open the first result.
    page.keyboard.press("s")
    search = page.locator("#pv-search-input")
    search.wait_for(state="visible")
    search.press_sequentially("linkedin", delay=40)
    results = page.locator("#pv-search-results .md-search-result__link")
    results.first.wait_for(state="visible", timeout=10000)
    start = page.url
    results.first.click()
    page.wait_for_url(lambda url: url != start)
    page.wait_for_load_state("networkidle")

    # Instant navigation: footer « next » links, three times, in the same document.
    for _ in range(3):
        following = page.locator("a.md-footer__link--next")
        if not following.count():
            break
        before = page.url
        following.first.click()
        page.wait_for_url(lambda url, before=before: url != before)
        page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__pvSameDocument === true"), "la navigation instantanée a rechargé la page"

    # A checklist, reached by a full load, ticked, reloaded (ticks kept), reset.
    page.goto(url_of(built_site, checklist_page(built_site), base), wait_until="networkidle")
    checklist = page.locator(".ck").first
    page.wait_for_selector(".ck[data-ck-ready]", timeout=5000)  # site.js set the list up: the CSP let it through
    assert checklist.locator(".ck-tools").is_visible(), "les listes de vérification ne sont pas animées (site.js)"
    labels = checklist.locator("label.ck-label")
    labels.nth(0).click()
    labels.nth(1).click()
    status = checklist.locator("[data-ck-status]")
    assert status.inner_text().startswith("2 sur"), status.inner_text()
    page.reload(wait_until="networkidle")
    assert page.locator(".ck").first.locator("[data-ck-status]").inner_text().startswith("2 sur")
    page.locator(".ck").first.locator("[data-ck-reset]").click()
    assert page.locator(".ck").first.locator("[data-ck-status]").inner_text().startswith("0 sur")

    assert not watch.problems, "\n".join(watch.problems)
