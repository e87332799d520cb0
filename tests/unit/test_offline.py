"""Files of the built site that depend on its address: the sitemap (build_steps/sitemap.py) and the links of the
offline copy (build_steps/offline.py)."""

from __future__ import annotations

import datetime
import zipfile

import pytest
from mkdocs.exceptions import PluginError

from build_steps.offline import FOLDER, broken_links, package
from build_steps.sitemap import drop_relative_sitemap, has_absolute_addresses

RELATIVE = "<urlset><url><loc>/</loc></url><url><loc>/fiches/</loc></url></urlset>"
ABSOLUTE = "<urlset><url><loc>https://intranet.example.gouv.fr/pv/</loc></url></urlset>"


def test_a_sitemap_without_the_published_address_is_removed(tmp_path):
    (tmp_path / "sitemap.xml").write_text(RELATIVE, encoding="utf-8")
    (tmp_path / "sitemap.xml.gz").write_bytes(b"")
    assert drop_relative_sitemap(tmp_path)
    assert not (tmp_path / "sitemap.xml").exists() and not (tmp_path / "sitemap.xml.gz").exists()


def test_a_sitemap_with_absolute_addresses_stays(tmp_path):
    (tmp_path / "sitemap.xml").write_text(ABSOLUTE, encoding="utf-8")
    assert not drop_relative_sitemap(tmp_path)
    assert (tmp_path / "sitemap.xml").exists()
    assert not has_absolute_addresses("<urlset></urlset>")
    assert not has_absolute_addresses(ABSOLUTE.replace("</urlset>", "<url><loc>/x/</loc></url></urlset>"))


def _site(folder, links: str) -> None:
    (folder / "index.html").write_text(links, encoding="utf-8")
    (folder / "ok.html").write_text(
        '<a href="https://example.org/">ailleurs</a><a href="mailto:x@example.org">courriel</a>', encoding="utf-8"
    )
    (folder / "fiches").mkdir()
    (folder / "pagefind").mkdir()
    (folder / "404.html").write_text('<a href="/fiches/">absolu</a>', encoding="utf-8")


def test_links_to_folders_or_missing_files_are_found(tmp_path):
    _site(tmp_path, '<a href="fiches/">Fiches</a><a href="ok.html#haut">ok</a><a href="#haut">haut</a><img src="absente.png">')
    assert broken_links(tmp_path) == ["404.html : /fiches/", "index.html : fiches/", "index.html : absente.png"]


def test_the_copy_leaves_out_what_needs_a_server_and_says_the_date(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    _site(site, '<a href="ok.html">ok</a>')
    archive = tmp_path / "copie.zip"
    assert package(site, archive, online="https://intranet.example.gouv.fr/pv/", today=datetime.date(2026, 12, 7)) == 2
    with zipfile.ZipFile(archive) as zipped:
        names = set(zipped.namelist())
        readme = zipped.read(f"{FOLDER}/LISEZ-MOI.txt").decode()
    assert names == {f"{FOLDER}/LISEZ-MOI.txt", f"{FOLDER}/index.html", f"{FOLDER}/ok.html"}
    assert "copie hors ligne du 7 décembre 2026" in readme and "https://intranet.example.gouv.fr/pv/" in readme


def test_the_copy_is_refused_with_the_links_named(tmp_path):
    _site(tmp_path, '<a href="fiches/">Fiches</a>')
    with pytest.raises(
        PluginError, match=r"(?s)Copie hors ligne refusée, 1 lien mène à un dossier.*--no-directory-urls.*- index.html : fiches/"
    ):
        package(tmp_path, tmp_path.parent / "copie.zip")
