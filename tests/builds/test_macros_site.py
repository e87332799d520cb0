"""The macros in the real site: the data the brief asks for, links that resolve, assets loaded.

Uses the session fixture `built_site` (tests/conftest.py): the real site, built strictly once.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.macros_support import load
from tests.support import ROOT

# Blocks written by the macros; their links are raw HTML, which MkDocs' own link validation does not see.
MACRO_BLOCKS = "div.ck, section.ig, nav.sr, nav.rl, ul.lp-list, ul.rs-list, aside.od, dl.gl"


@pytest.fixture(scope="module")
def site_data():
    return load(ROOT)


def test_the_data_the_brief_asks_for(site_data):
    assert {"avant-de-publier", "creer-son-profil-linkedin", "relayer-une-offre", "lancer-une-demarche"} <= set(site_data.checklists)
    assert "gagnant-gagnant" in site_data.infographics
    assert set(site_data.resources) == {"boite-a-outils", "formations", "chartes-et-guides", "entretiens"}
    assert set(site_data.documents) == {
        "charte-dicom",
        "guide-dicom",
        "charte-etat",
        "charte-dreal-bretagne",
        "cgfp",
        "accord-deconnexion",
        "article-attractivite-1",
        "article-attractivite-2",
        "article-attractivite-3",
    }
    assert "attractivite" in site_data.series
    assert len(site_data.tags) == 16


def test_official_document_addresses_are_public_and_known(site_data):
    """Only addresses checked by hand: Légifrance for the CGFP, gouvernement.fr for the State's
    charter, the CMVRH for the three articles."""
    urls = {doc_id: doc["url"] for doc_id, doc in site_data.documents.items() if doc["url"]}
    assert urls == {
        "cgfp": "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000044416551/",
        "charte-etat": "https://www.gouvernement.fr/charte/charte-reseaux-sociaux/utilisation-courante-contenu-publie",
        "article-attractivite-1": "https://www.cmvrh.developpement-durable.gouv.fr/attractivite-1-la-loi-oubliee-de-newton-a4423.html",
        "article-attractivite-2": "https://www.cmvrh.developpement-durable.gouv.fr/attractivite-2-dans-la-tete-des-candidats-a4647.html",
        "article-attractivite-3": "https://www.cmvrh.developpement-durable.gouv.fr/attractivite-3-d-ambassadeur-informel-a-employee-a4802.html",
    }


def test_check_command_passes_on_the_project():
    result = subprocess.run([sys.executable, "-m", "editors.check"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Données et en-têtes valides")


def _pages(site: Path):
    for path in sorted(site.rglob("index.html")):
        yield path, BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _target_file(site: Path, page: Path, href: str) -> Path:
    url = urljoin("http://site/" + page.relative_to(site).as_posix(), href)
    path = site / unquote(urlsplit(url).path).lstrip("/")
    return path / "index.html" if path.is_dir() or not path.suffix else path


def test_links_written_by_macros_resolve_with_their_anchors(built_site):
    broken = []
    ids_cache: dict[Path, set[str]] = {}
    for page, soup in _pages(built_site):
        for link in soup.select(", ".join(f"{block} a[href]" for block in MACRO_BLOCKS.split(", "))):
            href = link["href"]
            if urlsplit(href).scheme or href.startswith("//"):
                continue
            target = _target_file(built_site, page, href)
            if not target.is_file():
                broken.append(f"{page.relative_to(built_site)} : {href} (page absente)")
                continue
            anchor = urlsplit(href).fragment
            if anchor:
                if target not in ids_cache:
                    ids_cache[target] = {
                        tag["id"] for tag in BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser").select("[id]")
                    }
                if anchor not in ids_cache[target]:
                    broken.append(f"{page.relative_to(built_site)} : {href} (ancre absente)")
    assert not broken, "liens des macros cassés :\n" + "\n".join(broken)


def test_pages_with_a_checklist_or_infographic_load_their_assets(built_site):
    """The macros' styles are in blocks.css (checklists and infographic included) and the checklists' behaviour in
    site.js: a page that shows one of them loads both."""
    for page, soup in _pages(built_site):
        scripts = [urlsplit(s["src"]).path for s in soup.select("script[src]")]
        styles = [urlsplit(s["href"]).path for s in soup.select("link[rel=stylesheet]")]
        if soup.select_one("div.ck"):
            assert any(s.endswith("assets/javascripts/site.js") for s in scripts), (
                f"{page} : ajoutez assets/javascripts/site.js à extra_javascript (mkdocs.yml)"
            )
        if soup.select_one(MACRO_BLOCKS):
            assert any(s.endswith("assets/stylesheets/blocks.css") for s in styles), (
                f"{page} : ajoutez assets/stylesheets/blocks.css à extra_css"
            )


def test_every_checkbox_has_a_label_and_ids_are_unique(built_site):
    for page, soup in _pages(built_site):
        for box in soup.select("div.ck input[type=checkbox]"):
            assert soup.select(f'label[for="{box["id"]}"]'), f"{page} : case sans étiquette {box['id']}"
        ids = [tag["id"] for tag in soup.select("[id]")]
        assert len(ids) == len(set(ids)), f"{page} : identifiants en double {sorted({i for i in ids if ids.count(i) > 1})}"
