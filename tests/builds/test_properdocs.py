"""ProperDocs 1.6.7, the fork of MkDocs 1.x kept ready as the fallback engine (decisions/0002): the real site built by
it (`make build-properdocs`) is the site MkDocs builds. One more strict build of the real site (a few seconds),
compared file by file with the session's MkDocs build: the pages and their links, the sitemap, the CSP sources,
and the search index's content (Pagefind names its page fragments and index chunks after their content: same
names, same search results for every query of tests/search_queries.yml)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support import ROOT, mkdocs_build
from tools.compare_sites import differences

# The only byte that may differ: the engine's name in <meta name="generator" content="mkdocs-1.6.1, …">.
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory, site_build_env) -> Path:
    site = tmp_path_factory.mktemp("site-properdocs")
    result = mkdocs_build(ROOT, site, env=site_build_env, engine="properdocs")
    if result.returncode != 0:
        pytest.fail(f"La construction stricte avec ProperDocs a échoué :\n{result.stdout}\n{result.stderr}")
    return site


def test_properdocs_builds_the_same_site(built_site, properdocs_site):
    found = differences(built_site, properdocs_site, ignore=GENERATOR)
    assert not found, "ProperDocs et MkDocs ne construisent pas le même site :\n" + "\n".join(found)


def test_the_generator_names_properdocs(properdocs_site):
    """The meta tag is the one difference allowed: it really comes from ProperDocs (not from MkDocs run twice)."""
    page = (properdocs_site / "index.html").read_text(encoding="utf-8")
    assert 'content="mkdocs-ProperDocs 1.6.7' in page


@pytest.mark.parametrize("folder", ["fragment", "index"])
def test_same_search_index(built_site, properdocs_site, folder):
    names = {path.name for path in (built_site / "pagefind" / folder).iterdir()}
    assert names == {path.name for path in (properdocs_site / "pagefind" / folder).iterdir()}
