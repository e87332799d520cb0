#!/usr/bin/env bash
# Installs the Debian packages the tests need when they are missing: Chromium's headless shell (browser tests; with
# `--lighthouse`, the full Chromium too: build_steps/chromium.py says which runs what), npm (axe-core),
# poppler-utils (page count of printed PDFs), nginx (the site served with deploy/'s configuration) and
# hunspell + hunspell-fr (the spelling check, tests/unit/test_check_spelling.py; `make check` uses tools/ensure-spelling.sh)
# and Java (the Nu HTML Checker, tests/browser/test_search_markup.py), and libxml2-utils (xmllint: the Atom feed checked
# against RFC 4287's schema, tests/atom_support.py).
# Runs apt-get only as root; otherwise says what to run.
set -euo pipefail

missing=()
[[ -x /usr/bin/chromium-headless-shell ]] || missing+=(chromium-headless-shell)   # the tests' browser
if [[ ${1:-} == --lighthouse ]]; then
  [[ -x /usr/bin/chromium ]] || missing+=(chromium)   # Lighthouse measures the full browser, the one readers use
fi
command -v pdfinfo >/dev/null 2>&1 || missing+=(poppler-utils)
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)   # validates the Atom feed (tests/atom_support.py)
[[ -x /usr/sbin/nginx ]] || command -v nginx >/dev/null 2>&1 || missing+=(nginx)
command -v hunspell >/dev/null 2>&1 || missing+=(hunspell)
[[ -e /usr/share/hunspell/fr_FR.dic ]] || missing+=(hunspell-fr)
command -v npm >/dev/null 2>&1 || missing+=(npm)   # installs axe-core (package-lock.json); machines usually have Node
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)   # runs the Nu HTML Checker (npm vnu-jar)
((${#missing[@]})) || exit 0

if [[ $(id -u) -eq 0 ]]; then
  echo "Installation des paquets Debian nécessaires aux tests : ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "Paquets manquants pour les tests : ${missing[*]}" >&2
  echo "Installez-les avec : sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
