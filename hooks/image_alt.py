"""MkDocs hook: every image of the site has a text alternative (RGAA criteria 1.1 and 1.2, WCAG 1.1.1).

Two checks, both fatal, with French messages for editors:

- before the build (on_files), in every Markdown page: a Markdown image `![texte](image.png)` needs a text
  between the brackets, unless it is declared decorative with `{ .decorative }` right after it (it is then
  published with an empty alternative, `alt=""`, which screen readers skip); a raw HTML `<img>` needs an `alt`
  attribute (`alt=""` for a decorative image); an alternative that only repeats the file name is refused.
  Messages name the file and the line. Code blocks, `code spans` and the front matter (text, escaped by
  hooks/escape_front_matter.py) are not checked.
- after each page is rendered (on_post_page): no `<img>` without `alt` in the published HTML, whatever
  produced it (a macro, a snippet, a template).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import PurePosixPath

from mkdocs.exceptions import PluginError

DECORATIVE_CLASS = "decorative"
FENCE = re.compile(r"^\s*(```+|~~~+)")
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
    "Si elle est purement décorative, écrivez ![](image.png){ .decorative } ; en HTML, <img src=\"…\" alt=\"…\">, "
    "ou alt=\"\" si elle est décorative."
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
    fence: str | None = None
    lines = text.splitlines()
    front_matter_end = 0  # the front matter is data shown as text (hooks/escape_front_matter.py), not Markdown
    if lines and lines[0].strip() == "---":
        front_matter_end = next((i + 1 for i, line in enumerate(lines[1:], start=1) if line.strip() in {"---", "..."}), 0)
    for number, line in enumerate(lines, start=1):
        if number <= front_matter_end:
            continue
        opening = FENCE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            continue
        if opening:
            fence = opening.group(1)
            continue
        line = CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
        for image in MD_IMAGE.finditer(line):
            alt, src = image.group("alt").strip(), image.group("src") or f"[{image.group('ref')}]"
            decorative = bool(image.group("attrs")) and re.search(rf"\.{DECORATIVE_CLASS}\b", image.group("attrs"))
            if not alt and not decorative:
                problems.append((number, f"l’image « {src.strip('<>')} » n’a pas de texte de remplacement"))
            elif alt and decorative:
                problems.append((number, f"l’image « {src.strip('<>')} » est déclarée décorative mais a un texte de remplacement : choisissez"))
            elif alt and image.group("src") and _repeats_file_name(alt, image.group("src")):
                problems.append((number, f"le texte de remplacement de l’image « {src} » répète le nom du fichier au lieu de décrire l’image"))
        for tag in HTML_IMG.finditer(line):
            src_match = SRC_ATTRIBUTE.search(tag.group(0))
            src = src_match.group(1) if src_match else "?"
            alt_match = ALT_ATTRIBUTE.search(tag.group(0))
            if alt_match is None:
                problems.append((number, f"la balise <img> « {src} » n’a pas d’attribut alt"))
            else:
                alt = next(v for v in alt_match.group("dq", "sq", "bare") if v is not None)
                if alt.strip() and _repeats_file_name(alt, src):
                    problems.append((number, f"le texte de remplacement de l’image « {src} » répète le nom du fichier au lieu de décrire l’image"))
    return problems


class _ImgScanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.missing: list[str] = []

    def handle_starttag(self, tag, attrs):
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


def on_files(files, config):
    problems = []
    for file in files.documentation_pages():
        text = file.content_string
        problems += [f"  • docs/{file.src_uri}, ligne {line} : {message}" for line, message in check_markdown(text)]
    if problems:
        raise PluginError(
            f"Accessibilité : des images n’ont pas de texte de remplacement utilisable ({len(problems)}) :\n"
            + "\n".join(problems) + "\n" + HOW_TO
        )
    return files


def on_post_page(output, page, config):
    missing = images_without_alt(output) if "<img" in output else []
    if missing:
        raise PluginError(
            f"Accessibilité : la page docs/{page.file.src_uri} publie des images sans attribut alt : "
            + ", ".join(f"« {src} »" for src in missing) + ". " + HOW_TO
        )
    return output
