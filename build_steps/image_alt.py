"""Build step: every image of the site has a text alternative (RGAA criteria 1.1 and 1.2, WCAG 1.1.1).

Two checks, both fatal, with French messages for editors:

- before the pages are rendered, in every Markdown page (`check_sources`): a Markdown image `![texte](image.png)` needs a text
  between the brackets, unless it is declared decorative with `{ .decorative }` right after it (it is then
  published with an empty alternative, `alt=""`, which screen readers skip); a raw HTML `<img>` needs an `alt`
  attribute (`alt=""` for a decorative image); an alternative that only repeats the file name is refused.
  Messages name the file and the line. Code blocks, `code spans` and the front matter (text, escaped by
  build_steps/escape_front_matter.py) are not checked.
- in every rendered page (`check_rendered`, and `python -m build_steps` on a built site): no `<img>` without `alt`
  in the published HTML, whatever produced it (a macro, a snippet, a template).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import PurePosixPath

from mkdocs.exceptions import PluginError

from content.source import code_lines, split_front_matter

DECORATIVE_CLASS = "decorative"
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
# ![alt](src "title"){ attrs }  and  ![alt][ref]{ attrs }
MD_IMAGE = re.compile(
    r"!\[(?P<alt>[^\]]*)\]"
    r"(?:\((?P<src><[^>]*>|[^)\s]*)(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)|\[(?P<ref>[^\]]*)\])"
    r"(?P<attrs>\{[^}\n]*\})?"
)
HTML_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
ALT_ATTRIBUTE = re.compile(r"""\balt\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s>]+))""", re.IGNORECASE)
SRC_ATTRIBUTE = re.compile(r"""\bsrc\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
HOW_TO = (
    "Décrivez l’image entre les crochets : ![Ce que l’image apprend au lecteur](image.png). "
    'Si elle est purement décorative, écrivez ![](image.png){ .decorative } ; en HTML, <img src="…" alt="…">, '
    'ou alt="" si elle est décorative.'
)


def _file_name(src: str) -> str:
    return PurePosixPath(src.strip("<>").split("#")[0].split("?")[0]).name


def _repeats_file_name(alt: str, src: str) -> bool:
    name = _file_name(src)
    return bool(name) and alt.strip().lower() in {name.lower(), PurePosixPath(name).stem.lower()}


def check_markdown(text: str) -> list[tuple[int, str]]:
    """Problems of one Markdown source, as (line number, French message), in order. Line numbers count from the
    first line of the file, front matter included."""
    problems: list[tuple[int, str]] = []
    lines = text.splitlines()
    # The front matter is data shown as text (build_steps/escape_front_matter.py), not Markdown.
    _front, _body, body_offset = split_front_matter(text)
    in_code = code_lines(lines)
    for number, line in enumerate(lines, start=1):
        if number <= body_offset or in_code[number - 1]:
            continue
        line = CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
        for image in MD_IMAGE.finditer(line):
            alt, src = image.group("alt").strip(), image.group("src") or f"[{image.group('ref')}]"
            decorative = bool(image.group("attrs")) and re.search(rf"\.{DECORATIVE_CLASS}\b", image.group("attrs"))
            if not alt and not decorative:
                problems.append((number, f"l’image « {src.strip('<>')} » n’a pas de texte de remplacement"))
            elif alt and decorative:
                problems.append(
                    (number, f"l’image « {src.strip('<>')} » est déclarée décorative mais a un texte de remplacement : choisissez")
                )
            elif alt and image.group("src") and _repeats_file_name(alt, image.group("src")):
                problems.append(
                    (number, f"le texte de remplacement de l’image « {src} » répète le nom du fichier au lieu de décrire l’image")
                )
        for tag in HTML_IMG.finditer(line):
            src_match = SRC_ATTRIBUTE.search(tag.group(0))
            src = src_match.group(1) if src_match else "?"
            alt_match = ALT_ATTRIBUTE.search(tag.group(0))
            if alt_match is None:
                problems.append((number, f"la balise <img> « {src} » n’a pas d’attribut alt"))
            else:
                alt = next(v for v in alt_match.group("dq", "sq", "bare") if v is not None)
                if alt.strip() and _repeats_file_name(alt, src):
                    problems.append(
                        (number, f"le texte de remplacement de l’image « {src} » répète le nom du fichier au lieu de décrire l’image")
                    )
    return problems


class _ImgScanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.missing: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            attributes = dict(attrs)
            if "alt" not in attributes:
                self.missing.append(attributes.get("src") or "?")

    handle_startendtag = handle_starttag


def images_without_alt(html: str) -> list[str]:
    """The src of every <img> of a rendered page that has no alt attribute."""
    scanner = _ImgScanner()
    scanner.feed(html)
    scanner.close()
    return scanner.missing


def check_sources(pages: Iterable[tuple[str, str]]) -> None:
    """Check the Markdown of every page ((path shown to editors, text) pairs); one error lists every problem."""
    problems = []
    for file, text in pages:
        problems += [f"  • {file}, ligne {line} : {message}" for line, message in check_markdown(text)]
    if problems:
        raise PluginError(
            f"Accessibilité : des images n’ont pas de texte de remplacement utilisable ({len(problems)}) :\n"
            + "\n".join(problems)
            + "\n"
            + HOW_TO
        )


def check_rendered(html: str, file: str) -> None:
    """Stop the build when a rendered page publishes an <img> without alt (`file`: the page, as editors know it)."""
    missing = images_without_alt(html) if "<img" in html else []
    if missing:
        raise PluginError(
            f"Accessibilité : la page {file} publie des images sans attribut alt : "
            + ", ".join(f"« {src} »" for src in missing)
            + ". "
            + HOW_TO
        )
