"""Straight apostrophes in the text readers see: `make check` lists them, `make corriger` puts the typographic one.

The site writes « l’agent », never « l'agent » (CONTRIBUTING, « La typographie »). A keyboard types the straight one,
so editors write it all the time; the fix is mechanical and safe, so a command makes it. Only the reader's text is
read (editors/spelling.py's lines: prose of the pages, templates and data files, without code, addresses, macro
calls or front-matter keys), and only an apostrophe between two letters (« l'agent », « aujourd'hui »).

    python -m editors.apostrophes             list them (what make check does)
    python -m editors.apostrophes --corriger  fix them in place (make corriger), then list what is left
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

from content import command_line
from content.errors import Problem

from .spelling import Line, collect_lines

STRAIGHT = re.compile(r"(?<=\w)'(?=\w)")
TOKEN = re.compile(r"\w+(?:'\w+)+")


def find(root: Path, prose: list[Line] | None = None) -> list[Problem]:
    """One problem per line holding straight apostrophes in its prose (`prose`: collect_lines(root), if read)."""
    problems = []
    for line in collect_lines(root) if prose is None else prose:
        tokens = [token for token in TOKEN.findall(line.text) if "'" in token]
        if tokens:
            shown = ", ".join(f"« {token} »" for token in dict.fromkeys(tokens))
            fixed = ", ".join(f"« {token.replace(chr(39), '’')} »" for token in dict.fromkeys(tokens))
            problems.append(
                Problem(
                    line.file,
                    line.number,
                    None,
                    f"apostrophe droite dans {shown}",
                    f"l’apostrophe typographique : {fixed} ; « make corriger » la met partout",
                )
            )
    return problems


def fix(root: Path) -> list[str]:
    """Put the typographic apostrophe in the prose of every file; the French lines of what was changed. A data file
    that would not read the same afterwards is left as it was."""
    by_file: dict[str, dict[int, str]] = {}
    for line in collect_lines(root):
        if STRAIGHT.search(line.text):
            prose = by_file.setdefault(line.file, {})
            prose[line.number] = f"{prose[line.number]} {line.text}" if line.number in prose else line.text
    changed = []
    for file, prose in sorted(by_file.items()):
        path = root / file
        original = path.read_text(encoding="utf-8")
        lines = original.split("\n")
        numbers = sorted(prose)
        for number in numbers:
            lines[number - 1] = _fix_line(lines[number - 1], prose[number])
        text = "\n".join(lines)
        if text == original:
            continue
        if path.suffix == ".yml" and not _same_data(original, text):
            changed.append(f"{file} : laissé tel quel (les apostrophes sont dans un texte entre apostrophes) ; corrigez-le à la main")
            continue
        path.write_text(text, encoding="utf-8")
        changed.append(f"{file} : apostrophes corrigées, ligne(s) {', '.join(str(n) for n in numbers)}")
    return changed


def _fix_line(source: str, prose: str) -> str:
    """The source line with the straight apostrophes of its prose made typographic. In a Markdown line the prose keeps
    the source's columns (everything else is blanked): only those columns change. Elsewhere (a YAML value), the words
    holding one are replaced where they appear."""
    if len(prose) == len(source):
        return "".join("’" if char == "'" and STRAIGHT.match(prose, i) else char for i, char in enumerate(source))
    for token in dict.fromkeys(t for t in TOKEN.findall(prose) if "'" in t):
        source = re.sub(rf"(?<!\w){re.escape(token)}(?!\w)", token.replace("'", "’"), source)
    return source


def _typographic(value: object) -> object:
    if isinstance(value, str):
        return value.replace("'", "’")
    if isinstance(value, dict):
        return {_typographic(key): _typographic(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_typographic(item) for item in value]
    return value


def _same_data(before: str, after: str) -> bool:
    """The data file reads the same, apostrophes apart (a fix inside a '…' YAML string would change it)."""
    try:
        old, new = yaml.safe_load(before), yaml.safe_load(after)
    except yaml.YAMLError:
        return False
    return _typographic(old) == _typographic(new)


def main(argv: list[str] | None = None) -> int:
    parser = command_line.parser(prog="python -m editors.apostrophes", description="Apostrophes droites du texte des pages et des données.")
    parser.add_argument("project", nargs="?", default=".", metavar="projet", help="dossier du projet (celui de mkdocs.yml)")
    parser.add_argument("--corriger", action="store_true", help="met l’apostrophe typographique dans les fichiers")
    args = parser.parse_args(argv)
    root = Path(args.project).resolve()
    if args.corriger:
        for line in fix(root):
            print(line)
    left = find(root)
    for problem in left:
        print(f"  • {problem}", file=sys.stderr)
    if not left:
        print("Aucune apostrophe droite dans le texte des pages et des données.")
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main())
