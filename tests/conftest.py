"""Session fixtures: the real site built once, a local server for it, and a Chromium driven by Playwright."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import CHROMIUM, CHROMIUM_ARGS, ROOT, StaticServer, free_port, mkdocs_build


@pytest.fixture(scope="session")
def site_port() -> int:
    """The port the local server will use. The site is built for that address (SITE_URL), because Material's
    instant navigation only follows the addresses of sitemap.xml, port included."""
    return free_port()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, site_port) -> Path:
    """The real site, built strictly once per test session into a temporary folder."""
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site, env={"SITE_URL": f"http://127.0.0.1:{site_port}/"})
    if result.returncode != 0:
        pytest.fail(f"La construction stricte du site a échoué :\n{result.stdout}\n{result.stderr}")
    return site


@pytest.fixture(scope="session")
def site_server(built_site, site_port) -> str:
    """Base URL (ending with /) of a local HTTP server serving the built site."""
    with StaticServer(built_site, site_port) as server:
        yield server.url


# The real site's search index cut into bundles of at most this many pages (build_steps/search_index.py does so beyond
# 500 pages): 27 pages make four bundles, searched together by docs/assets/javascripts/search.js.
SPLIT_PAGES_PER_INDEX = 8


@pytest.fixture(scope="session")
def split_site(tmp_path_factory) -> tuple[Path, int]:
    """The real site built with its search index in several bundles, and the port it is built for."""
    port = free_port()
    site = tmp_path_factory.mktemp("site-lots")
    env = {"SITE_URL": f"http://127.0.0.1:{port}/", "PV_SEARCH_PAGES_PER_INDEX": str(SPLIT_PAGES_PER_INDEX)}
    result = mkdocs_build(ROOT, site, env=env)
    if result.returncode != 0:
        pytest.fail(f"La construction du site avec un index en plusieurs lots a échoué :\n{result.stdout}\n{result.stderr}")
    return site, port


@pytest.fixture(scope="session")
def split_site_server(split_site) -> str:
    site, port = split_site
    with StaticServer(site, port) as server:
        yield server.url


@pytest.fixture(scope="session")
def browser():
    """A headless Debian Chromium driven by Playwright. Fails (never skips) when Chromium is missing."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} est introuvable : lancez `make test`, qui l'installe.")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
