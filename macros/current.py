"""The page being rendered, and relative links from it to the other pages of the site.

mkdocs-macros exposes the page being rendered as the `page` variable (a MkDocs Page whose
``file.src_uri`` is the path from docs/). Only that is read here, so that the macros keep working with an
engine that offers the same `page` variable and nothing more.
"""

from __future__ import annotations

import os
import posixpath
from typing import Any

from content.data import Site
from content.pages import PageInfo
from content.urls import page_url, relative_url, split_anchor


def current_page(env: Any, site: Site) -> PageInfo:
    """The PageInfo of the page being rendered (a bare one when the page is not in the index)."""
    page = None
    variables = getattr(env, "variables", None) or {}
    if hasattr(variables, "get"):
        page = variables.get("page")
    if page is None:
        try:
            page = env.page
        except AttributeError:
            page = None
    file = getattr(page, "file", None)
    src = getattr(file, "src_uri", None) or getattr(file, "src_path", None)
    if src:
        src = src.replace(os.sep, "/")
        return site.pages.get(src) or PageInfo(src=src, url=page_url(src, site.use_directory_urls))
    url = getattr(page, "url", None)
    if url is not None and site.pages.by_url(url):
        return site.pages.by_url(url)
    return PageInfo(src="", url="")


class Links:
    """Relative URLs from one page: what templates call to link to a page of docs/."""

    def __init__(self, site: Site, page: PageInfo) -> None:
        self.site = site
        self.page = page

    def __call__(self, target: str) -> str | None:
        """'regles/x.md#y' -> '../../regles/x/#y' from the current page; None if the page does not exist."""
        path, anchor = split_anchor(target)
        info = self.site.pages.get(path)
        if info is None:
            return None
        url = relative_url(info.url, self.page.url)
        return f"{url}#{anchor}" if anchor else url

    def to(self, info: PageInfo) -> str:
        return relative_url(info.url, self.page.url)

    def source(self, target: str) -> str:
        """'regles/x.md#y' -> '../regles/x.md#y': the link a Markdown page writes to another page, which MkDocs then
        checks (the page and its anchor must exist) and turns into an address."""
        path, anchor = split_anchor(target)
        relative = posixpath.relpath(path, posixpath.dirname(self.page.src) or ".")
        return f"{relative}#{anchor}" if anchor else relative

    def title(self, target: str) -> str:
        info = self.site.pages.get(split_anchor(target)[0])
        return info.title if info else ""
