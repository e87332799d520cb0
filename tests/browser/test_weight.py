"""Page weight, measured the way readers receive the site: the built site served by nginx with the shipped
configuration (deploy/local_nginx.py: gzip, cache headers), loaded in Chromium with an empty cache.

- first visit of every page (the reader's tour of tests/tour.py): the compressed bytes of everything the page loads (HTML, CSS, JavaScript, icons,
  sitemap…) stay under the budget; HTTP headers are counted apart and printed;
- a second page in the same tab reuses the cache: only its HTML is downloaded again, everything else comes from
  the cache or is confirmed unchanged (« 304 », no body);
- component files load only where they are used (checklist, infographic).
"""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from tests.support import new_context

pytestmark = pytest.mark.browser

BUDGET = 100_000  # bytes, compressed (gzip by nginx), for a first visit: everything the page loads


def _load(context, url: str) -> list[dict]:
    """Open `url` in a new tab of `context`; every response it received: address, status, compressed body size,
    header size, content encoding."""
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(url, wait_until="networkidle")
    loads = []
    for request in finished:
        sizes = request.sizes()
        response = request.response()
        loads.append(
            {
                "url": request.url,
                "status": response.status if response else 0,
                "body": sizes["responseBodySize"],
                "headers": sizes["responseHeadersSize"],
                "encoding": (response.headers.get("content-encoding", "") if response else ""),
                "type": request.resource_type,
            }
        )
    page.close()
    return loads


def test_first_visit_of_every_page_stays_under_the_budget(reader_tour):
    """Every page, first visit (the reader's tour, tests/tour.py: a new context each time, nginx's compression)."""
    report, over, uncompressed = [], [], []
    for visit in reader_tour.values():
        loads, path = visit.requests, visit.name
        body = sum(load["body"] for load in loads)
        headers = sum(load["headers"] for load in loads)
        report.append(f"  {path:55} {len(loads):3} requêtes  {body / 1000:6.1f} ko  (+ en-têtes {headers / 1000:4.1f} ko)")
        if body > BUDGET:
            biggest = sorted(loads, key=lambda load: -load["body"])[:4]
            over.append(
                f"{path} : {body / 1000:.1f} ko > {BUDGET / 1000:.0f} ko ("
                + ", ".join(f"{urlparse(b['url']).path} {b['body'] / 1000:.1f} ko" for b in biggest)
                + ")"
            )
        uncompressed += [
            f"{path} : {urlparse(load['url']).path} ({load['body']} octets)"
            for load in loads
            if load["type"] in {"document", "stylesheet", "script"}
            and load["body"] > 1500
            and load["encoding"] not in {"gzip", "br", "zstd"}
        ]
    assert len(reader_tour) >= 25 and all(visit.requests for visit in reader_tour.values())
    print("\nPoids de la première visite (corps compressés) :\n" + "\n".join(report))
    assert not uncompressed, "réponses texte non compressées :\n" + "\n".join(uncompressed)
    assert not over, "pages trop lourdes à la première visite :\n" + "\n".join(over)


def test_next_pages_reuse_the_cache(browser, site_server):
    context = new_context(browser)
    first = _load(context, site_server + "fiches/reflexes-avant-de-publier/")
    second = _load(context, site_server + "regles/obligations-des-agents/")
    third = _load(context, site_server + "fiches/profil-linkedin/")
    context.close()
    assert sum(load["body"] for load in first) > 50_000, "la première visite devrait tout télécharger"
    for visit in (second, third):
        downloaded = [
            f"{urlparse(load['url']).path} ({load['status']}, {load['body']} octets)"
            for load in visit
            if load["type"] != "document" and load["body"] > 0
        ]
        assert not downloaded, "fichiers téléchargés de nouveau au lieu d’être repris du cache :\n" + "\n".join(downloaded)
    documents = [load for load in second if load["type"] == "document"]
    assert len(documents) == 1 and documents[0]["body"] > 0


def test_a_memo_sheet_loads_no_more_files_than_the_home_page(reader_tour):
    """The macros' components (checklists, infographic) are in the site-wide files: a memo sheet, the infographic and
    the home page ask for the same stylesheets and scripts before their first paint (each file is one more round trip
    on a phone). Pagefind is not among them: it loads when the search opens."""

    def assets(path: str) -> set[str]:
        loads = reader_tour[path].requests
        return {urlparse(load["url"]).path for load in loads if load["type"] in {"stylesheet", "script"}}

    home = assets("")
    assert any(path.endswith("/blocks.css") for path in home) and any(path.endswith("/site.js") for path in home), home
    for path in ("fiches/reflexes-avant-de-publier/", "dispositif-gagnant-gagnant/"):
        assert assets(path) == home, f"{path} : {sorted(assets(path) ^ home)}"
