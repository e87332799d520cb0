"""Build step: no sitemap without the site's published address.

A sitemap lists absolute addresses (sitemaps.org). Built without SITE_URL (a preview, an offline copy), MkDocs writes
paths such as « /fiches/… » instead, which are wrong wherever the site is not served at a host's root, so the
sitemap and its compressed copy are removed. Material's instant navigation, which reads the sitemap, then leaves
links to the browser (ordinary page loads). Needs only the built site: any engine's output is handled the same way.
"""

from __future__ import annotations

import re
from pathlib import Path

SITEMAPS = ("sitemap.xml", "sitemap.xml.gz")
_LOCATION = re.compile(r"<loc>\s*([^<\s]+)")


def has_absolute_addresses(sitemap: str) -> bool:
    """Whether every address of the sitemap is absolute (http:// or https://), and there is at least one."""
    locations = _LOCATION.findall(sitemap)
    return bool(locations) and all(re.match(r"https?://", location) for location in locations)


def drop_relative_sitemap(site_dir: Path) -> bool:
    """Remove the sitemap (and its .gz) when its addresses are not absolute; True when removed."""
    sitemap = site_dir / "sitemap.xml"
    if not sitemap.is_file() or has_absolute_addresses(sitemap.read_text(encoding="utf-8")):
        return False
    for name in SITEMAPS:
        (site_dir / name).unlink(missing_ok=True)
    return True
