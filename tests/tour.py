"""The reader's tour: every page of the built site opened once, as a first visit, in Chromium, through nginx with the
shipped configuration (compression, cache headers, the Content-Security-Policy enforced). What several tests need
to know about every page is recorded during that one visit, instead of each test opening every page again:

- every request and its size on the wire (tests/browser/test_weight.py), and those to another host, which are
  refused (tests/browser/test_no_outside_resources.py, test_privacy.py);
- CSP violations, console errors and uncaught exceptions (tests/builds/test_csp.py);
- the cookies a page can read (test_privacy.py);
- the skip link: first Tab stop, visible, and followed into the content (test_a11y.py);
- axe-core's violations, in the light theme as the page loads, then the colour rules in the dark theme (the system
  preference switched: Material follows it at once) (test_a11y.py);
- HTML_CodeSniffer's WCAG2AA errors as the page loads, and IBM Equal Access's failures on one page per template
  (`ibm_pages`) (test_a11y.py).

Each page is a first visit (no HTTP cache, no cookie): what a reader arriving from a link gets. Chromium is launched
by the tour itself, with Playwright's asynchronous API, to visit a few pages at once (see `Lane`).
"""

from __future__ import annotations

import asyncio
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlparse

from playwright.async_api import TimeoutError as PlaywrightTimeout
from playwright.async_api import async_playwright

from tests.a11y_support import AXE_TAGS, FOCUS_STATE, HTMLCS, HTMLCS_RUN, IBM, IBM_RUN, NO_TRANSITIONS, SCHEMES, checker_installed, describe
from tools.browser import CHROMIUM, CHROMIUM_ARGS

AT_ONCE = 2  # pages visited at the same time (one per core)
AXE_RUN = """only => axe.run(document, {runOnly: only, resultTypes: ["violations"]}).then(results => results.violations)"""
# The dark theme changes colours only (same markup, same layout): in it, axe runs the rules of the tags above that
# depend on colours. Any other rule would give the same result as in the light theme.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]

# A stylesheet the tour adds to switch transitions off, served from the site's own origin so that the CSP allows
# it (an inline <style> would be a violation). Its request is not counted as the page's.
TEST_STYLESHEET = "__pv-tests/sans-transitions.css"
# The 404 page as a reader meets it: an address two levels down that does not exist.
MISSING_PAGE = "page-absente/sous-page/"

REPORTER = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__pvCspReport(JSON.stringify({
    directive: event.violatedDirective, blocked: event.blockedURI, sample: event.sample,
    source: event.sourceFile, line: event.lineNumber, page: location.href,
  }));
}, true);
"""


@dataclass
class Visit:
    """What one page showed during the tour."""

    path: str  # « », « fiches/ », « 404.html », MISSING_PAGE
    requests: list[dict] = field(default_factory=list)  # url, status, body, headers, encoding, type
    outside: list[str] = field(default_factory=list)  # requests to another host (refused)
    problems: list[str] = field(default_factory=list)  # CSP violations, console errors, exceptions
    cookie: str = ""  # document.cookie once loaded
    skip_link: str | None = None  # what is wrong with the skip link; None when it works
    axe: list[str] = field(default_factory=list)  # axe-core violations, described, light theme
    axe_dark: list[str] = field(default_factory=list)  # the same, dark theme
    htmlcs: list[str] = field(default_factory=list)  # HTML_CodeSniffer's WCAG2AA errors, light theme
    ibm: list[str] | None = None  # IBM Equal Access's failures, light theme (None: not checked on this page)

    @property
    def name(self) -> str:
        return self.path or "accueil"


async def _skip_link(page) -> str | None:
    """First Tab: the skip link « Aller au contenu », visible; Enter then Tab: focus in the page's content."""
    await page.keyboard.press("Tab")
    state = await page.evaluate(FOCUS_STATE)
    skip = await page.evaluate("""() => { const el = document.activeElement;
        return el && el.matches("a.md-skip") ? {text: el.textContent.trim(), href: el.getAttribute("href")} : null }""")
    if skip is None or skip["text"] != "Aller au contenu":
        return f"le premier arrêt de Tabulation n’est pas le lien « Aller au contenu » ({state and state['name']})"
    if not (state["visible"] and state["outline"]):
        return "le lien d’évitement n’est pas visible quand il a le focus"
    target = skip["href"].split("#", 1)[-1]
    if not await page.evaluate("id => !!document.getElementById(id)?.closest('.md-content')", target):
        return f"le lien d’évitement mène à « #{target} », hors du contenu principal"
    await page.keyboard.press("Enter")
    try:  # Material's instant navigation handles the click, then follows the anchor: :target is set then
        await page.wait_for_function("id => document.querySelector(':target') === document.getElementById(id)", arg=target, timeout=5000)
    except PlaywrightTimeout:
        return f"après le lien d’évitement, l’ancre #{target} n’a pas été suivie"
    await page.keyboard.press("Tab")
    if await page.evaluate("() => !!document.activeElement.closest('.md-content')"):
        return None
    landed = await page.evaluate(FOCUS_STATE)
    return f"après le lien d’évitement, Tabulation va sur {landed['name'] if landed else '(rien)'}, hors du contenu"


async def _run_axe(page, source: str, where: str, rules: list[str] | None = None) -> list[str]:
    """axe-core's violations of the tags of tests/a11y_support.py (or of `rules` only), described."""
    if not await page.evaluate("() => typeof window.axe !== 'undefined'"):
        await page.evaluate(source)  # evaluate, not a <script> tag: the site's CSP would refuse an inline script
    only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": AXE_TAGS}
    violations = await page.evaluate(AXE_RUN, only)
    return describe(violations, where)


async def _scheme(page, scheme: str) -> None:
    await page.emulate_media(color_scheme=scheme)
    await page.wait_for_function("scheme => document.body.getAttribute('data-md-color-scheme') === scheme", arg=SCHEMES[scheme])


class Lane:
    """One browser context that visits pages one after the other, each as a first visit: the HTTP cache is switched
    off (Chromium's DevTools protocol, Network.setCacheDisabled) and cookies are cleared before each page, so
    every page downloads all it needs, as it would for a reader arriving on the site. A new context for each page
    would cost three times as much processor time (a new renderer process each time)."""

    def __init__(self, base: str, axe: str, ibm_pages: set[str]):
        self.base, self.axe, self.ibm_pages = base, axe, ibm_pages
        self.htmlcs = checker_installed(HTMLCS).read_text(encoding="utf-8")
        self.ibm = checker_installed(IBM).read_text(encoding="utf-8")
        self.local = urlparse(base).netloc
        self.record = Visit("")
        self.finished: list = []

    async def open(self, browser) -> None:
        self.context = await browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900}, color_scheme="light")
        await self.context.expose_binding("__pvCspReport", lambda source, data: self.record.problems.append(f"CSP {data}"))
        await self.context.add_init_script(REPORTER)
        await self.context.route("**/*", self._route)
        self.page = await self.context.new_page()
        devtools = await self.context.new_cdp_session(self.page)
        await devtools.send("Network.setCacheDisabled", {"cacheDisabled": True})
        self.page.on("requestfinished", lambda request: self.finished.append(request))
        self.page.on("pageerror", lambda error: self.record.problems.append(f"exception : {error}"))
        self.page.on("console", self._console)

    async def _route(self, request_route) -> None:
        url = request_route.request.url
        parts = urlparse(url)
        if parts.path.endswith(TEST_STYLESHEET):
            await request_route.fulfill(body=NO_TRANSITIONS, content_type="text/css")
        elif parts.scheme in {"http", "https", "ws", "wss"} and parts.netloc != self.local:
            self.record.outside.append(url)
            await request_route.abort()
        else:
            await request_route.continue_()

    def _console(self, message) -> None:
        if self.record.path == MISSING_PAGE and "404" in message.text:
            return  # the status of the page opened on purpose to see the 404 page
        if message.type == "error" or "Content Security Policy" in message.text:
            self.record.problems.append(f"console.{message.type} : {message.text}")

    async def visit(self, path: str) -> Visit:
        """Open one page and record everything listed in the module's docstring."""
        record = self.record = Visit(path)
        page, self.finished = self.page, []
        await self.context.clear_cookies()
        await page.goto(urljoin(self.base, path), wait_until="load")
        if path != MISSING_PAGE:  # the same page as 404.html, checked there: here, what its address changes (links, CSP)
            # The page as it loads, before any key is pressed, while Material may still be fetching its sitemap.
            record.axe = await _run_axe(page, self.axe, record.name)
            await page.evaluate(self.htmlcs)
            record.htmlcs = [f"{record.name} : {error}" for error in await page.evaluate(HTMLCS_RUN)]
            if path in self.ibm_pages:  # one page per template (a11y_support.one_page_per_type): 1.6 s a page
                await page.evaluate(self.ibm)
                record.ibm = await page.evaluate(IBM_RUN)
        # The network at rest: every request of the page has finished (what it weighs), and Material's instant
        # navigation, which handles clicks once its sitemap has arrived, is ready for the skip link. Waiting after
        # the checkers, not before them, keeps that rest from adding half a second to each page.
        await page.wait_for_load_state("networkidle")
        record.cookie = await page.evaluate("() => document.cookie")
        for request in self.finished:
            if request.url.endswith(TEST_STYLESHEET):
                continue
            sizes, response = await request.sizes(), await request.response()
            record.requests.append(
                {
                    "url": request.url,
                    "status": response.status if response else 0,
                    "body": sizes["responseBodySize"],
                    "headers": sizes["responseHeadersSize"],
                    "encoding": ((await response.all_headers()).get("content-encoding", "") if response else ""),
                    "type": request.resource_type,
                }
            )
        if path == MISSING_PAGE:
            return record
        await page.add_style_tag(url=urljoin(self.base, TEST_STYLESHEET))  # colours switch at once, no transition
        await _scheme(page, "dark")
        record.axe_dark = await _run_axe(page, self.axe, f"{record.name} (sombre)", COLOUR_RULES)
        await _scheme(page, "light")
        record.skip_link = await _skip_link(page)
        if record.skip_link is not None:  # one more try from a fresh load: Material's scroll handling has a rare race
            await page.goto(urljoin(self.base, path), wait_until="networkidle")
            await page.add_style_tag(url=urljoin(self.base, TEST_STYLESHEET))
            record.skip_link = await _skip_link(page)
        return record


def tour_paths(paths: list[str]) -> list[str]:
    """What the tour visits: the pages, then the 404 page at a missing address."""
    return [*paths, MISSING_PAGE]


async def _tour(base: str, paths: list[str], axe: str, at_once: int, ibm_pages: set[str], claim: Callable[[str], bool]) -> dict[str, Visit]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        pending = deque(paths)

        async def lane() -> list[Visit]:
            walker = Lane(base, axe, ibm_pages)
            await walker.open(browser)
            visits = []
            while pending:
                path = pending.popleft()
                if claim(path):
                    visits.append(await walker.visit(path))
            return visits

        try:
            shares = await asyncio.gather(*(lane() for _ in range(at_once)))
        finally:
            await browser.close()
    return {visit.path: visit for share in shares for visit in share}


def tour(
    base: str,
    paths: list[str],
    axe: str,
    at_once: int = AT_ONCE,
    *,
    ibm_pages: set[str] = frozenset(),
    claim: Callable[[str], bool] = lambda path: True,
) -> dict[str, Visit]:
    """Every page of `paths`, then the 404 page met at a missing address: path -> Visit. A few pages at a time (most
    of a visit is waiting for the network to rest), with Playwright's asynchronous API in a thread of its own, so
    that it never meets the synchronous API the other tests use. `claim(path)`: False when another process of the
    test run visits that page (tests/conftest.py shares the tour between pytest-xdist's workers); its visit is then
    not in the result."""
    result: dict[str, dict[str, Visit]] = {}
    failure: list[BaseException] = []

    def run() -> None:
        try:
            result["visits"] = asyncio.run(_tour(base, tour_paths(paths), axe, at_once, set(ibm_pages), claim))
        except BaseException as error:  # noqa: BLE001 - raised again in the caller's thread
            failure.append(error)

    thread = threading.Thread(target=run, name="visite-du-lecteur")
    thread.start()
    thread.join()
    if failure:
        raise failure[0]
    return result["visits"]
