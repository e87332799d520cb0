"""The build steps that need only the built site: any engine that writes the same HTML can be followed by them.

- the search index (build_steps/search_index.py, Pagefind);
- the site's own scripts and stylesheets minified (build_steps/compact_assets.py);
- the CSP sources for nginx (build_steps/csp.py);
- the output checks: no image without a text alternative (build_steps/image_alt.py);
- no sitemap when the site was built without its published address (build_steps/sitemap.py).

During a MkDocs build the hooks run them at the end (the images are then checked page by page, as each is written),
unless the environment variable PV_POST_BUILD is « off »: `python -m build_steps site/` then runs them on the built
folder, as it does after any other engine. `make build` works that way.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from mkdocs.exceptions import PluginError

from .compact_assets import compact_assets
from .csp import collect, write_policy
from .image_alt import check_rendered
from .search_index import IndexCopies, build_index
from .sitemap import drop_relative_sitemap


def post_build_enabled() -> bool:
    """Whether the MkDocs hooks run these steps (PV_POST_BUILD unset or « on »), or leave them to the command
    (« off »)."""
    value = os.environ.get("PV_POST_BUILD", "on").strip().lower() or "on"
    if value not in ("on", "off"):
        raise PluginError(f"PV_POST_BUILD={value!r} : valeur inconnue. Valeurs possibles : on, off.")
    return value == "on"


def check_output(site_dir: Path) -> None:
    """The checks of the built HTML, on every page."""
    for page in sorted(site_dir.rglob("*.html")):
        relative = page.relative_to(site_dir)
        if relative.parts[0] == "pagefind" or relative.parts[0].startswith("."):
            continue
        check_rendered(page.read_text(encoding="utf-8"), relative.as_posix())


def finish_site(
    site_dir: Path,
    template_dirs: tuple[str, ...],
    *,
    project: Path,
    known: dict | None = None,
    cache: dict | None = None,
    check_pages: bool = True,
    index: bool = True,
    copies: IndexCopies | None = None,
) -> None:
    """Run the steps on `site_dir`, in order. `known`, `cache`: pages the CSP step need not parse again (see
    csp.collect); `check_pages`: False when the pages were checked as they were written; `index`: False when the
    search index is refreshed elsewhere (the preview's background refresh); `copies`: the pages' copies for the
    search index, made while MkDocs wrote them (build_steps/search_index.py), removed once used; `project`: the folder of mkdocs.yml and
    data/ (the search's synonyms)."""
    try:
        if not site_dir.is_dir():
            raise PluginError(f"Le dossier {site_dir} n’existe pas : construisez d’abord le site (make build).")
        if check_pages:
            check_output(site_dir)
        compact_assets(site_dir, project / "docs")
        drop_relative_sitemap(site_dir)
        # Pagefind (an external program) indexes the site while this process scans the pages for the CSP: the scan
        # reads the pages only, and the policy is written once the index exists (it allows WebAssembly if it ships).
        with ThreadPoolExecutor(max_workers=1) as pool:
            indexing = pool.submit(build_index, site_dir, project=project, copies=copies) if index else None
            hashes = collect(site_dir, template_dirs, known, cache)
            if indexing is not None:
                indexing.result()
        write_policy(site_dir, template_dirs, hashes=hashes)
    finally:
        if copies is not None:
            copies.discard()
