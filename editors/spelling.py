"""French spelling of the published prose: hunspell's fr_FR dictionary plus the project word list.

What is checked: the Markdown pages of docs/ (and the snippets of includes/, the templates of modeles/) and
the text values of the YAML files of data/. Only prose is kept, everything else is blanked out before
hunspell reads it, so that line numbers stay right:

- front matter: only the values of ``title`` and ``description``, and the ``changement`` of each item of
  ``historique``;
- fenced code blocks, inline code, ``{{ macro() }}`` / ``{% … %}`` calls, HTML tags and comments,
  link targets (the link text stays), web and e-mail addresses, file names, attribute lists
  (``{ #ancre }``), icons (``:material-linkedin:``), link reference definitions;
- data/: values of the keys that hold paths or ids (``lien``, ``page``, ``voir``, ``url``, ``document``);
  data/synonyms.yml is not read at all: it lists what readers type, misspelt words and English included
  (« email », « bad buzz »), and is never shown on a page.

A word is accepted when hunspell knows it, when it is in the word list (dictionnaire.txt at the top of the
project: one entry per line, ``#`` starts a comment; a word written in lower case is accepted capitalised
too; an entry of several words is an expression accepted only as a whole, such as the quoted title
« Charte de l’Etat »), when it is an abbreviation declared in includes/abbreviations.md, or when it holds a
digit (article numbers such as L121-7). Elided forms (« l’advocacy ») are accepted when the word is.

hunspell runs twice: once over every distinct word without suggestions (``-L``, a tenth of a second for the
whole site), then in pipe mode (``-a``) for the suggestions of the first unknown words only (slow: about
0.1 s a word).
"""

from __future__ import annotations

import difflib
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import yaml

from content.errors import Problem
from content.source import code_lines, split_front_matter

DICTIONARY = "fr_FR"
WORDLIST = "dictionnaire.txt"
INSTALL_HINT = "sudo apt-get install hunspell hunspell-fr"
SKIP_KEYS = {"lien", "liens", "page", "voir", "url", "adresse", "document", "id", "theme", "references", "type"}
FRONT_MATTER_PROSE = ("title", "description")
FRONT_MATTER_LIST_PROSE = {"historique": "changement"}  # a list of the front matter -> the prose field of its items
ELISIONS = ("l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu")


class SpellingUnavailable(Exception):
    """hunspell or its French dictionary is missing; the message says how to install them (French)."""


@dataclass(frozen=True)
class Line:
    """One line of prose: where it comes from and its text with everything else blanked out."""

    file: str
    number: int
    text: str


# --------------------------------------------------------------------------------------------------
# Extraction of the prose
# --------------------------------------------------------------------------------------------------
_INLINE_SKIPS = [
    re.compile(r"(`+).+?\1"),  # inline code
    re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}"),  # Jinja: macro calls, tags, comments
    re.compile(r"<!--.*?-->"),  # HTML comment on one line
    re.compile(r"</?[A-Za-z][^<>]*>"),  # HTML tag (its text content stays)
    re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"),  # target of a link or image: [text](target "title")
    re.compile(r"\]\[[^\]]*\]"),  # reference of a link: [text][ref]
    re.compile(r"\[\^[^\]]+\]"),  # footnote reference
    re.compile(r"\{:?\s*[#.][^}]*\}"),  # attribute list { #id .class }
    re.compile(r"(?:https?|mailto|ftp):[^\s)>\]]+|www\.[^\s)>\]]+"),  # addresses
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),  # e-mail address
    re.compile(r":[a-z0-9]+(?:[-_][a-z0-9]+)+:"),  # icon or emoji shortcode
    re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);"),  # HTML entity
    re.compile(r"[\w./-]*\w\.(?:md|ya?ml|txt|html|css|js|py|pdf|png|jpe?g|svg)\b"),  # file name
    re.compile(r"\b[\w-]+(?:/[\w-]+)+/?"),  # path such as data/checklists/
    re.compile(r"\b(?:[a-z0-9-]+\.)+(?:fr|com|org|net|eu|io|gouv)\b"),  # domain name written without https://
]
_REFERENCE_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
_ABBREVIATION = re.compile(r"^\*\[([^\]]+)\]:")
_ADMONITION = re.compile(r"^(\s*)(?:!!!|\?\?\?\+?|===)\s*([\w-]*)")
_FRONT_MATTER_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:(.*)$")
_FRONT_MATTER_ITEM_KEY = re.compile(r"^\s+(?:-\s+)?([A-Za-z_][\w-]*)\s*:(.*)$")  # « - date: … », « changement: … »


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def prose_of_inline(text: str) -> str:
    """`text` with code, macro calls, tags, link targets, addresses… replaced by spaces."""
    for pattern in _INLINE_SKIPS:
        text = pattern.sub(lambda match: " " * len(match.group(0)), text)
    return text


def markdown_lines(path: Path, file: str) -> list[Line]:
    """The prose of a Markdown page, line by line (see the module docstring for what is skipped)."""
    text = path.read_text(encoding="utf-8-sig")
    lines = text.split("\n")
    result: list[Line] = []
    front, _body, body_offset = split_front_matter(text)
    if front is not None:  # front matter: title and description only
        current_key = None
        for index in range(1, body_offset - 1):
            line = lines[index]
            match = _FRONT_MATTER_KEY.match(line)
            if match:
                current_key = match.group(1)
                if current_key in FRONT_MATTER_PROSE:
                    result.append(Line(file, index + 1, " " * match.start(2) + match.group(2)))
            elif current_key in FRONT_MATTER_PROSE and line[:1].isspace():
                result.append(Line(file, index + 1, line))
            elif current_key in FRONT_MATTER_LIST_PROSE:
                item = _FRONT_MATTER_ITEM_KEY.match(line)
                if item and item.group(1) == FRONT_MATTER_LIST_PROSE[current_key]:
                    result.append(Line(file, index + 1, " " * item.start(2) + item.group(2)))
    in_code = code_lines(lines)
    in_comment = False
    for number in range(body_offset, len(lines)):
        line = lines[number]
        if in_code[number]:
            continue
        if in_comment:
            if "-->" in line:
                in_comment = False
                line = " " * (line.index("-->") + 3) + line[line.index("-->") + 3 :]
            else:
                continue
        if "<!--" in line and "-->" not in line[line.index("<!--") :]:
            in_comment = True
            line = line[: line.index("<!--")]
        if _REFERENCE_DEFINITION.match(line):
            continue
        abbreviation = _ABBREVIATION.match(line)
        if abbreviation:
            line = _blank(line, 0, abbreviation.end())
        admonition = _ADMONITION.match(line)
        if admonition:  # keep the title in quotes, not the type (note, tip…)
            line = _blank(line, 0, admonition.end())
        text_only = prose_of_inline(line)
        if text_only.strip():
            result.append(Line(file, number + 1, text_only))
    return result


def yaml_lines(path: Path, file: str) -> list[Line]:
    """The prose of a data file: the text values, read from the file's own lines (so numbers are exact)."""
    source = path.read_text(encoding="utf-8-sig")
    try:
        root = yaml.compose(source, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []  # the data check reports the syntax error
    result: list[Line] = []

    def visit(node: yaml.Node, key: str | None) -> None:
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                visit(value_node, str(getattr(key_node, "value", "")))
        elif isinstance(node, yaml.SequenceNode):
            for child in node.value:
                visit(child, key)
        elif isinstance(node, yaml.ScalarNode) and key not in SKIP_KEYS and node.tag == "tag:yaml.org,2002:str":
            span = source[node.start_mark.index : node.end_mark.index]
            for offset, part in enumerate(span.split("\n")):
                text = prose_of_inline(part.replace("\\", " "))
                if text.strip():
                    result.append(Line(file, node.start_mark.line + 1 + offset, text))

    if root is not None:
        visit(root, None)
    return result


# --------------------------------------------------------------------------------------------------
# Word list and abbreviations
# --------------------------------------------------------------------------------------------------
def read_wordlist(path: Path) -> set[str]:
    """The entries of dictionnaire.txt (comments and blank lines skipped): words, and expressions of
    several words (a quoted title such as « Charte de l’Etat ») accepted only as a whole."""
    if not path.is_file():
        return set()
    entries = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = " ".join(line.split("#", 1)[0].split())
        if entry:
            entries.add(entry)
    return entries


def read_abbreviations(includes_dir: Path) -> set[str]:
    """The abbreviations declared as ``*[SIGLE]: définition`` in includes/*.md."""
    found = set()
    for path in sorted(includes_dir.glob("*.md")) if includes_dir.is_dir() else []:
        for line in path.read_text(encoding="utf-8").splitlines():
            match = _ABBREVIATION.match(line)
            if match:
                found.add(match.group(1).strip())
    return found


class Vocabulary:
    """The words accepted besides hunspell's dictionary."""

    def __init__(self, entries: set[str]) -> None:
        self.words = {entry for entry in entries if " " not in entry}
        self.expressions = sorted((entry for entry in entries if " " in entry), key=len, reverse=True)

    def without_expressions(self, text: str) -> str:
        """`text` with the accepted expressions blanked out (they are accepted as a whole only)."""
        for expression in self.expressions:
            text = text.replace(expression, " " * len(expression))
        return text

    def knows(self, word: str) -> bool:
        if any(char.isdigit() for char in word):
            return True
        candidates = [word]
        for separator in ("’", "'"):
            head, sep, tail = word.partition(separator)
            if sep and head.casefold() in ELISIONS and tail:
                candidates.append(tail)
        return any(self._known(candidate) for candidate in candidates)

    def _known(self, word: str) -> bool:
        if word in self.words:
            return True
        lowered = word[:1].lower() + word[1:]
        if lowered in self.words:  # « Recruteur » at the start of a sentence
            return True
        if word.isupper() and len(word) > 1:  # a word written in capitals in a title
            return any(entry.upper() == word for entry in self.words)
        return False


# --------------------------------------------------------------------------------------------------
# hunspell
# --------------------------------------------------------------------------------------------------
def ensure_hunspell(dictionary: str = DICTIONARY) -> str:
    """The path of hunspell; SpellingUnavailable when it or the French dictionary is missing."""
    program = shutil.which("hunspell")
    if program is None:
        raise SpellingUnavailable(f"hunspell n’est pas installé sur cette machine. Installez-le avec : {INSTALL_HINT}")
    probe = subprocess.run([program, "-D"], input="", capture_output=True, text=True, timeout=60)
    available = {Path(line.strip()).name for line in (probe.stdout + probe.stderr).splitlines() if line.startswith("/")}
    if dictionary not in available:
        raise SpellingUnavailable(
            f"le dictionnaire français de hunspell ({dictionary}) n’est pas installé. Installez-le avec : {INSTALL_HINT}"
        )
    return program


_WORD = re.compile(r"[\w’'-]+")
MAX_SUGGESTIONS = 10  # hunspell needs about 0.1 s to suggest a correction for one word


def words_of(text: str) -> list[str]:
    """The words of a line as hunspell would read them; words holding a digit (L121-7, 1er) are left out."""
    words = []
    for token in _WORD.findall(text):
        token = token.strip("’'-_")
        if token and not any(char.isdigit() or char == "_" for char in token):
            words.append(token)
    return words


def _hunspell(program: str, dictionary: str, mode: str, text: str) -> str:
    result = subprocess.run(
        [program, "-d", dictionary, mode, "-i", "utf-8"], input=text, capture_output=True, text=True, encoding="utf-8", timeout=300
    )
    if result.returncode != 0:
        raise SpellingUnavailable(f"hunspell a échoué : {result.stderr.strip()}")
    return result.stdout


def unknown_words(words: set[str], dictionary: str = DICTIONARY) -> set[str]:
    """The words of `words` that hunspell's dictionary does not know (one fast pass, no suggestions)."""
    if not words:
        return set()
    program = ensure_hunspell(dictionary)
    # -L prints the input lines that hold an unknown word: one word per line, so the line is the word.
    output = _hunspell(program, dictionary, "-L", "".join(word + "\n" for word in sorted(words)))
    return {line for line in output.split("\n") if line}


def suggestions(words: list[str], dictionary: str = DICTIONARY) -> dict[str, str]:
    """The closest of hunspell's suggestions for each of the first MAX_SUGGESTIONS words (pipe mode ``-a``)."""
    words = words[:MAX_SUGGESTIONS]
    if not words:
        return {}
    program = ensure_hunspell(dictionary)
    # Pipe mode: « ^ » makes each line plain text; « & word n offset: s1, s2 » gives the suggestions.
    output = _hunspell(program, dictionary, "-a", "".join(f"^{word}\n" for word in words))
    found = {}
    for answer in output.split("\n"):
        if answer.startswith("& "):
            head, _, listed = answer.partition(": ")
            word = head.split()[1]
            # hunspell's order is not always the likeliest: keep the closest spelling (« recrutement » for « recrutment »)
            options = [option for option in listed.split(", ") if " " not in option] or listed.split(", ")
            found.setdefault(word, max(options, key=lambda option: difflib.SequenceMatcher(None, word, option).ratio()))
    return found


# --------------------------------------------------------------------------------------------------
# The check
# --------------------------------------------------------------------------------------------------
NOT_PROSE = {"data/synonyms.yml"}  # words readers type, for the search: never shown


def collect_lines(root: Path) -> list[Line]:
    """The prose of every file the check reads, in a stable order."""
    lines: list[Line] = []
    for folder in ("docs", "includes", "modeles"):
        base = root / folder
        for path in sorted(base.rglob("*.md")) if base.is_dir() else []:
            if any(part.startswith(".") for part in path.relative_to(root).parts):
                continue
            lines += markdown_lines(path, path.relative_to(root).as_posix())
    for folder in ("data", "modeles"):
        base = root / folder
        for path in sorted(base.rglob("*.yml")) if base.is_dir() else []:
            if path.relative_to(root).as_posix() in NOT_PROSE:
                continue
            lines += yaml_lines(path, path.relative_to(root).as_posix())
    return lines


def unknown_word_message(word: str, suggestion: str | None) -> str:
    """The French message for an unknown word, as shown to editors."""
    text = f"mot inconnu « {word} »."
    if suggestion and suggestion != word:
        text += f" Vouliez-vous dire « {suggestion} » ?"
    text += " Corrigez-le, ou ajoutez-le à dictionnaire.txt s’il est juste"
    if word.isupper() and len(word) > 1:
        text += " (un sigle va plutôt dans includes/abbreviations.md, avec sa définition)"
    return text + "."


def check(root: Path, dictionary: str = DICTIONARY, prose: list[Line] | None = None) -> list[Problem]:
    """Every unknown word of the project at `root`, once per line (SpellingUnavailable without hunspell). `prose`:
    the lines of collect_lines(root), when the caller has read them already (make check)."""
    vocabulary = Vocabulary(read_wordlist(root / WORDLIST) | read_abbreviations(root / "includes"))
    prose = collect_lines(root) if prose is None else prose
    lines = [Line(line.file, line.number, vocabulary.without_expressions(line.text)) for line in prose]
    candidates = {word for line in lines for word in words_of(line.text) if not vocabulary.knows(word)}
    unknown = unknown_words(candidates, dictionary)
    ordered: list[tuple[Line, str]] = []
    seen: set[tuple[str, int, str]] = set()
    for line in lines:
        for word in words_of(line.text):
            if word in unknown and (line.file, line.number, word) not in seen:
                seen.add((line.file, line.number, word))
                ordered.append((line, word))
    first_seen = [word for word in dict.fromkeys(word for _, word in ordered) if not word.isupper()]  # no guess for a sigle
    suggested = suggestions(first_seen, dictionary)
    return [Problem(line.file, line.number, None, unknown_word_message(word, suggested.get(word))) for line, word in ordered]
