#!/usr/bin/env bash
# The spelling check of `make check` (editors/spelling.py) runs hunspell with its French dictionary, two Debian
# packages. Installs them when they are missing and this runs as root (CI, a fresh machine); otherwise prints
# the command to run and lets `make check` report the spelling check as impossible. Never fails by itself.
set -uo pipefail

missing=()
command -v hunspell >/dev/null 2>&1 || missing+=(hunspell)
[[ -e /usr/share/hunspell/fr_FR.dic ]] || missing+=(hunspell-fr)
((${#missing[@]})) || exit 0

if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "Installation du correcteur orthographique (paquets Debian) : ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; } \
    || echo "L’installation a échoué : la vérification de l’orthographe sera signalée comme impossible." >&2
else
  echo "Le correcteur orthographique n’est pas installé (paquets manquants : ${missing[*]})." >&2
  echo "Installez-le avec : sudo apt-get install ${missing[*]}" >&2
fi
exit 0
