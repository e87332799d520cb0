"""Session fixtures: the real site built once, a local server for it, and a Chromium driven by Playwright."""

from __future__ import annotations

import fcntl
import json
import os
from dataclasses import asdict
from pathlib import Path

import pytest

from deploy.local_nginx import LocalNginx, NginxError
from tests.a11y_support import axe_source, one_page_per_type, page_paths
from tests.support import CHROMIUM, CHROMIUM_ARGS, FEEDBACK_EMAIL, ROOT, free_port, mkdocs_build
from tests.tour import Visit, tour


@pytest.fixture(scope="session")
def site_port() -> int:
    """The port the local server will use. The site is built for that address (SITE_URL), because Material's
    instant navigation only follows the addresses of sitemap.xml, port included."""
    return free_port()


@pytest.fixture(scope="session")
def site_build_env(site_port) -> dict[str, str]:
    """The environment of the session's builds of the real site (the MkDocs one and, in tests/builds/test_properdocs.py,
    the ProperDocs one: both must get the same, or their comparison compares settings instead of engines)."""
    return {"SITE_URL": f"http://127.0.0.1:{site_port}/", "FEEDBACK_EMAIL": FEEDBACK_EMAIL}


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, site_build_env) -> Path:
    """The real site, built strictly once per test session into a temporary folder."""
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site, env=site_build_env)
    if result.returncode != 0:
        pytest.fail(f"La construction stricte du site a échoué :\n{result.stdout}\n{result.stderr}")
    return site


@pytest.fixture(scope="session")
def site_server(built_site, site_port) -> str:
    """Base URL (ending with /) of the built site served as in production: nginx with the shipped configuration
    (deploy/: compression, cache headers, security headers, the site's CSP). Tests that are not about the CSP open
    their browser contexts with `new_context` (tests/support.py), which lets them add test styles."""
    try:
        with LocalNginx(built_site, port=site_port) as server:
            yield server.url
    except NginxError as error:
        pytest.fail(str(error))


@pytest.fixture(scope="session")
def axe() -> str:
    """axe-core's script (node_modules, installed by `make test`)."""
    return axe_source()


@pytest.fixture(scope="session")
def reader_tour(request, tmp_path_factory) -> dict[str, Visit]:
    """Every page opened once as a first visit, everything the browser tests check recorded (tests/tour.py).

    Made once per `make test`, whatever the number of workers (pytest-xdist): the first worker that needs it makes it
    on its own site, under a lock, and leaves it in the run's shared temporary folder for the others."""

    def make() -> dict[str, Visit]:
        built_site = request.getfixturevalue("built_site")
        server, axe = request.getfixturevalue("site_server"), request.getfixturevalue("axe")
        return tour(server, page_paths(built_site), axe, ibm_pages=set(one_page_per_type(built_site)))

    if "PYTEST_XDIST_WORKER" not in os.environ:
        return make()
    shared = tmp_path_factory.getbasetemp().parent / "visite-du-lecteur.json"
    with open(shared.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
        if not shared.is_file():
            shared.write_text(json.dumps({path: asdict(visit) for path, visit in make().items()}), encoding="utf-8")
        return {path: Visit(**visit) for path, visit in json.loads(shared.read_text(encoding="utf-8")).items()}


# The real site's search index cut into bundles of at most this many pages (build_steps/search_index.py does so beyond
# 500 pages): 36 pages make two bundles, searched together by docs/assets/javascripts/search.js. Each bundle
# scores its pages with its own word statistics; bundles much smaller than this make those statistics, and so the
# order of merged results, depend on which pages share a bundle (real bundles hold 500 pages).
SPLIT_PAGES_PER_INDEX = 18


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
    with LocalNginx(site, port=port) as server:
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
