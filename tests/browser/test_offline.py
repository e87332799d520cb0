"""The site read from files (file://), without a server: the offline copy of `make hors-ligne`, and a built site
opened from a folder.

- `make hors-ligne`'s steps (a build without directory URLs and without SITE_URL, then build_steps.offline): a zip
  with a « LISEZ-MOI.txt » and no invented address (no 127.0.0.1, no canonical link, no sitemap);
- opened from files in Chromium, every page is reached by clicking from the home page and none shows a list of
  files; the checklists keep their ticks; search says it cannot work there and names the online address; a notice
  says the page is a copy, and is not printed;
- the usual site (directory URLs) opened from files: its links to folders open the folder's index.html.
"""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from build_steps.offline import FOLDER
from engine.command import mkdocs_command, mkdocs_environment
from tests.support import ROOT

pytestmark = pytest.mark.browser

ONLINE = "https://intranet.example.gouv.fr/porter-la-voix/"


@pytest.fixture(scope="module")
def offline_copy(tmp_path_factory) -> Path:
    """The Makefile's `hors-ligne` steps, unzipped: the folder a reader opens."""
    work = tmp_path_factory.mktemp("hors-ligne")
    unset = {"SITE_URL", "FEEDBACK_EMAIL"}
    environment = {key: value for key, value in mkdocs_environment({"ONLINE_URL": ONLINE}).items() if key not in unset}
    built = subprocess.run(
        mkdocs_command("build", "--strict", "--no-directory-urls", "--site-dir", str(work / FOLDER)),
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    archive = work / "copie.zip"
    packed = subprocess.run(
        [sys.executable, "-m", "build_steps.offline", str(work / FOLDER), str(archive), "--en-ligne", ONLINE],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert packed.returncode == 0, packed.stderr
    assert re.fullmatch(
        rf"Copie hors ligne : .*copie\.zip \(\d+ pages, (?:\d+\u00a0Ko|\d+,\d\u00a0Mo)\)\. Décompressez-la, puis ouvrez {FOLDER}/index\.html\.\n",
        packed.stdout,
    )
    unzipped = work / "lecteur"
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(unzipped)
    return unzipped / FOLDER


def test_the_copy_invents_no_address_and_says_how_to_open_it(offline_copy):
    """Built without SITE_URL nor FEEDBACK_EMAIL: no invented address, and no feedback block without the team's."""
    readme = (offline_copy / "LISEZ-MOI.txt").read_text(encoding="utf-8")
    assert f"{FOLDER}/index.html" in readme and ONLINE in readme
    assert not (offline_copy / "sitemap.xml").exists() and not (offline_copy / "pagefind").exists()
    assert not (offline_copy / "404.html").exists()
    leaks = []
    for path in offline_copy.rglob("*"):
        # Material's source maps quote its own comments (« localhost, 127.0.0.1 or 0.0.0.0 »): code, not addresses.
        if path.is_file() and path.suffix in {".html", ".js", ".css", ".xml", ".json", ".txt"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            if re.search(r"127\.0\.0\.1|localhost:|rel=\"?canonical|class=\"pv-feedback\"", text):
                leaks.append(path.relative_to(offline_copy).as_posix())
    assert not leaks


def test_every_page_is_reached_by_clicking_from_files(browser, offline_copy):
    """A walk from index.html following the links of each page, as a reader clicks them."""
    expected = {path.relative_to(offline_copy).as_posix() for path in offline_copy.rglob("*.html")}
    context = browser.new_context()
    page = context.new_page()
    seen, listings, to_visit = set(), [], [(offline_copy / "index.html").as_uri()]
    while to_visit:
        address = to_visit.pop()
        if address in seen:
            continue
        seen.add(address)
        page.goto(address)
        if not page.locator("article.md-content__inner").count():
            listings.append(address)
            continue
        for link in page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
            target = link.split("#")[0]
            if target.startswith("file:") and not re.search(r"\.(pdf|xml|zip|txt)$", target):  # pages, not downloads
                to_visit.append(target)
    context.close()
    reached = {address.removeprefix(offline_copy.as_uri() + "/") for address in seen}
    assert not listings, f"pages qui ne s’ouvrent pas depuis les fichiers : {listings}"
    assert expected <= reached, f"pages jamais atteintes en cliquant : {sorted(expected - reached)}"


def test_copy_notice_search_note_and_checklists_from_files(browser, offline_copy):
    context = browser.new_context()
    page = context.new_page()
    sheet = next(path for path in sorted((offline_copy / "fiches").glob("*.html")) if 'class="ck"' in path.read_text(encoding="utf-8"))
    page.goto(sheet.as_uri())
    notice = page.locator(".pv-file-copy")
    assert (
        notice.inner_text()
        == f"Copie du site ouverte depuis vos fichiers\u00a0: la recherche n’y fonctionne pas, et la version à jour est sur le site en ligne\u00a0: {ONLINE}."
    )
    # The printed address is the copy's own.
    assert page.locator("[data-pv-address-text]").inner_text() == sheet.as_uri()
    # Checklists: a tick survives a reload.
    first = page.locator(".ck input[type=checkbox]").first
    first.check()
    page.reload()
    assert page.locator(".ck input[type=checkbox]").first.is_checked()
    # Search: the note instead of a failure.
    page.locator("#pv-search-input").focus()
    status = page.locator("#pv-search-status")
    status.filter(has_text="ne fonctionne pas").wait_for()
    assert ONLINE in status.inner_text()
    # On paper, no notice.
    page.emulate_media(media="print")
    assert not notice.is_visible()
    context.close()


def test_the_usual_site_opened_from_files_opens_pages_not_folders(browser, built_site):
    context = browser.new_context()
    page = context.new_page()
    page.goto((built_site / "fiches" / "index.html").as_uri())
    links = page.eval_on_selector_all(".md-sidebar--primary a[href]", "links => links.map(a => a.href)")
    assert links and all(link.endswith(".html") for link in links if link.startswith("file:")), links
    page.locator(".md-sidebar--primary a[href$='attractivite/index.html']").first.click()
    page.wait_for_load_state()
    assert page.locator("article.md-content__inner h1").count() == 1
    assert page.locator(".pv-file-copy").is_visible()
    context.close()
