"""Page paths and URLs: where MkDocs publishes a Markdown file, and relative links between pages.

Links are always relative (the site may be served from a sub-folder of the intranet), computed from the
page being rendered, and follow MkDocs' `use_directory_urls` setting:

- ``fiches/profil-linkedin.md`` is published at ``fiches/profil-linkedin/`` (or ``fiches/profil-linkedin.html``);
- ``fiches/index.md`` at ``fiches/`` (or ``fiches/index.html``); ``index.md`` at the site root.
"""

from __future__ import annotations

import posixpath
from urllib.parse import urlsplit

ALLOWED_SCHEMES = ("http", "https", "mailto")


def page_url(src_path: str, use_directory_urls: bool = True) -> str:
    """The URL of a page relative to the site root ('' for the home page), as MkDocs computes it."""
    stem = src_path[: -len(".md")] if src_path.endswith(".md") else src_path
    directory, name = posixpath.split(stem)
    if name in ("index", "README"):
        if use_directory_urls:
            return f"{directory}/" if directory else ""
        return posixpath.join(directory, "index.html")
    if use_directory_urls:
        return f"{stem}/"
    return f"{stem}.html"


def relative_url(target: str, base: str) -> str:
    """The link from the page published at `base` to the URL `target` (both relative to the site root)."""
    base_dir = base.rsplit("/", 1)[0] if "/" in base else ""
    relative = posixpath.relpath(target or ".", base_dir or ".")
    if target == "" or target.endswith("/"):
        relative = "./" if relative == "." else relative + "/"
    return relative


def split_anchor(link: str) -> tuple[str, str]:
    """'regles/x.md#y' -> ('regles/x.md', 'y')."""
    path, _, anchor = link.partition("#")
    return path, anchor


def is_external(link: str) -> bool:
    """A link with a scheme (https:, mailto:, javascript:...) or starting with //."""
    return bool(urlsplit(link).scheme) or link.startswith("//")


def is_allowed_external(link: str) -> bool:
    """Only web and e-mail addresses may become links; javascript:, data: and the like never do."""
    parts = urlsplit(link)
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        return False
    return parts.scheme.lower() == "mailto" or bool(parts.netloc)


def page_path_problem(link: str) -> str | None:
    """Why `link` is not written as the path of a page from docs/ (None when the form is right).

    Whether the page exists is checked separately, against the page index.
    """
    path, _ = split_anchor(link)
    if is_external(link):
        return "ce n’est pas le chemin d’une page du site"
    if path.startswith("/"):
        return "le chemin ne doit pas commencer par « / »"
    if path.startswith(("./", "../")) or "/../" in path:
        return "le chemin part de docs/ : pas de « ./ » ni de « ../ »"
    if not path.endswith(".md"):
        return "le chemin d’une page se termine par « .md »"
    return None
