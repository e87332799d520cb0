"""`python -m macros.check`: validate data/ and the pages' front matter without building the site.

The same validation as the build (macros.data.load_site), in about a second. Prints every problem in
French and exits with status 1, or prints a short summary and exits with 0. Run from the project folder
(the one holding mkdocs.yml), or pass it as an argument.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from . import MACRO_NAMES
from .data import load_site
from .errors import DataError


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without resolving its !ENV and !!python/name tags (only two keys are needed)."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_settings(root: Path) -> tuple[Path, bool]:
    """docs_dir and use_directory_urls from mkdocs.yml (MkDocs' defaults when absent)."""
    config_file = root / "mkdocs.yml"
    config = {}
    if config_file.is_file():
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    docs_dir = root / (config.get("docs_dir") or "docs")
    return docs_dir, config.get("use_directory_urls", True) is not False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.check", description="Vérifie data/ et les en-têtes des pages de docs/.")
    parser.add_argument("project", nargs="?", default=".", help="dossier du projet (celui de mkdocs.yml)")
    args = parser.parse_args(argv)
    root = Path(args.project).resolve()
    docs_dir, use_directory_urls = read_settings(root)
    try:
        site = load_site(root, docs_dir, use_directory_urls, set(MACRO_NAMES))
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    print(
        f"Données et en-têtes valides : {len(site.pages)} pages, {len(site.checklists)} listes de vérification, "
        f"{len(site.infographics)} infographie(s), {len(site.documents)} documents officiels, {len(site.glossary)} termes."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
