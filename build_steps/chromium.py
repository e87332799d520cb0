"""Debian's Chromium, as the build (`make pdf`), the tests, the benchmarks and Lighthouse launch it.

Never a browser downloaded by a tool (`playwright install`): /usr/bin/chromium from the Debian package.
"""

from __future__ import annotations

CHROMIUM = "/usr/bin/chromium"
# Flags that avoid hangs on a closed network (no background requests to Google's hosts).
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
