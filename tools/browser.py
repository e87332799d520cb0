"""Debian's Chromium as the tests, the benchmarks and Lighthouse launch it, and a free loopback port."""

from __future__ import annotations

import socket

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


def free_port() -> int:
    """A loopback port free right now (a site is built for it before its server starts)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
