"""Compare two built sites: same files, same bytes, except what differs between any two builds.

    python -m tools.compare_sites site-a/ site-b/

Pagefind names its index files after their content hashes, which change from one build to the next: the files of
pagefind/ are compared by their number and kind, not by name. Every other file must be present in both sites with
the same bytes; `--whitespace` also accepts HTML files that differ only in white space. Prints the differences in
French and exits with status 1 when there are any.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from content import command_line

SEARCH_INDEX = "pagefind"


def _files(site: Path) -> dict[str, Path]:
    return {path.relative_to(site).as_posix(): path for path in site.rglob("*") if path.is_file()}


def _kind(name: str) -> str:
    """« pagefind/fragment/fr_1a2b.pf_fragment » -> « pagefind/fragment/*.pf_fragment »."""
    folder, _, file = name.rpartition("/")
    suffix = file.rsplit(".", 1)[1] if "." in file else ""
    return f"{folder}/*.{suffix}"


def differences(first: Path, second: Path, *, whitespace: bool = False, ignore: re.Pattern[bytes] | None = None) -> list[str]:
    """Every difference between the two sites, one French line each (empty: identical). `ignore`: what may differ
    inside a file (removed from both before comparing), such as the engine's name in <meta name="generator">."""
    a, b = _files(first), _files(second)
    found: list[str] = []
    index_a = Counter(_kind(name) for name in a if name.startswith(SEARCH_INDEX + "/"))
    index_b = Counter(_kind(name) for name in b if name.startswith(SEARCH_INDEX + "/"))
    if index_a != index_b:
        found.append(f"index de recherche : {dict(index_a)} contre {dict(index_b)}")
    names_a = {name for name in a if not name.startswith(SEARCH_INDEX + "/")}
    names_b = {name for name in b if not name.startswith(SEARCH_INDEX + "/")}
    found += [f"seulement dans {first} : {name}" for name in sorted(names_a - names_b)]
    found += [f"seulement dans {second} : {name}" for name in sorted(names_b - names_a)]
    for name in sorted(names_a & names_b):
        left, right = a[name].read_bytes(), b[name].read_bytes()
        if ignore is not None:
            left, right = ignore.sub(b"", left), ignore.sub(b"", right)
        if left == right:
            continue
        if whitespace and name.endswith(".html") and re.sub(rb"\s+", b" ", left) == re.sub(rb"\s+", b" ", right):
            continue
        found.append(f"contenu différent : {name}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = command_line.parser(prog="python -m tools.compare_sites", description="Compare deux sites construits.")
    parser.add_argument("first", type=Path, metavar="premier", help="le dossier du premier site construit")
    parser.add_argument("second", type=Path, metavar="second", help="le dossier du second site construit")
    parser.add_argument("--whitespace", action="store_true", help="accepter les pages HTML qui ne diffèrent que par les blancs")
    args = parser.parse_args(argv)
    found = differences(args.first, args.second, whitespace=args.whitespace)
    for line in found:
        print(line)
    if found:
        print(f"{len(found)} différence(s).", file=sys.stderr)
        return 1
    print("Sites identiques (hors noms des fichiers de l’index de recherche).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
