"""Debian's Chromium, as the build (`make pdf`), the tests, the benchmarks and Lighthouse launch it.

Never a browser downloaded by a tool (`playwright install`): Debian's packages, both built from the `chromium` source
and both depending on exactly the same `chromium-common`, so that apt installs them at the same version.

- CHROMIUM: Chromium's headless shell (package `chromium-headless-shell`), the same Blink engine as the browser
  without the browser's own layer (profile, interface, background services). What Playwright itself runs for headless
  Chromium. Drives the tests, the benchmarks and the PDFs: `make test` takes about 13 % less processor time than with
  the full browser, for the same results (decisions/0005-navigateur-des-tests.md).
- CHROMIUM_BROWSER: the full browser (package `chromium`), the one readers use. Lighthouse measures it
  (tools/lighthouse.py): the phone of decisions/0004-mesure-sur-telephone.md is calibrated on it.
"""

from __future__ import annotations

CHROMIUM = "/usr/bin/chromium-headless-shell"
CHROMIUM_PACKAGE = "chromium-headless-shell"
CHROMIUM_BROWSER = "/usr/bin/chromium"
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
