"""Session fixtures: the real site built once, a local server for it, and a Chromium driven by Playwright."""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import asdict
from pathlib import Path

import pytest

from deploy.local_nginx import LocalNginx, NginxError
from tests.a11y_support import axe_source, one_page_per_type, page_paths
from tests.support import CHROMIUM, CHROMIUM_ARGS, FEEDBACK_EMAIL, ROOT, free_port, mkdocs_build
from tests.tour import Visit, tour, tour_paths


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


# How long a worker waits for the pages another worker of the run took in the reader's tour (tests/tour.py).
TOUR_WAIT_SECONDS = 600


@pytest.fixture(scope="session")
def reader_tour(request, tmp_path_factory) -> dict[str, Visit]:
    """Every page opened once as a first visit, everything the browser tests check recorded (tests/tour.py).

    Made once per `make test`, whatever the number of workers (pytest-xdist), and shared between them: each worker
    that needs it, on its own site, visits the pages no other worker has taken yet (one empty file per page, created
    atomically, in the run's shared temporary folder), writes what it saw there, and then reads what the others saw.
    A worker that arrives while another is touring helps instead of waiting for it."""

    def make(claim) -> dict[str, Visit]:
        built_site = request.getfixturevalue("built_site")
        server, axe = request.getfixturevalue("site_server"), request.getfixturevalue("axe")
        return tour(server, page_paths(built_site), axe, ibm_pages=set(one_page_per_type(built_site)), claim=claim)

    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if worker is None:
        return make(lambda path: True)
    shared = tmp_path_factory.getbasetemp().parent / "visite-du-lecteur"
    shared.mkdir(exist_ok=True)

    def taken(path: str) -> Path:
        return shared / (hashlib.sha1(path.encode("utf-8")).hexdigest() + ".prise")

    def claim(path: str) -> bool:
        try:
            taken(path).touch(exist_ok=False)
        except FileExistsError:
            return False
        return True

    expected = tour_paths(page_paths(request.getfixturevalue("built_site")))
    if not all(taken(path).exists() for path in expected):
        try:
            mine = make(claim)
        except BaseException as error:
            (shared / f"{worker}.echec").write_text(f"{type(error).__name__} : {error}", encoding="utf-8")
            raise
        written = shared / f"{worker}.json.tmp"
        written.write_text(json.dumps({path: asdict(visit) for path, visit in mine.items()}), encoding="utf-8")
        written.rename(shared / f"{worker}.json")  # whole or absent for the other workers
    deadline = time.monotonic() + TOUR_WAIT_SECONDS
    while True:
        failed = sorted(shared.glob("*.echec"))
        if failed:
            pytest.fail("La visite du lecteur a échoué dans un autre processus des tests : " + failed[0].read_text(encoding="utf-8"))
        visits = {
            path: Visit(**visit)
            for part in sorted(shared.glob("*.json"))
            for path, visit in json.loads(part.read_text(encoding="utf-8")).items()
        }
        if set(expected) <= visits.keys():
            return visits
        if time.monotonic() > deadline:
            pytest.fail(
                f"La visite du lecteur n’est pas terminée après {TOUR_WAIT_SECONDS} s : pages manquantes {sorted(set(expected) - visits.keys())}"
            )
        time.sleep(0.5)


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
