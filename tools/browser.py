"""Debian's Chromium as the tests, the benchmarks and Lighthouse launch it (build_steps/chromium.py: the headless shell
for the tests and benchmarks, the full browser for Lighthouse), and a free loopback port."""

from __future__ import annotations

import socket

# One definition, used by the build too (`make pdf` prints the memo sheets): build_steps/chromium.py.
from build_steps.chromium import CHROMIUM, CHROMIUM_ARGS, CHROMIUM_BROWSER

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "CHROMIUM_BROWSER", "free_port"]


def free_port() -> int:
    """A loopback port free right now (a site is built for it before its server starts)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
