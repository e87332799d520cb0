"""Build step: the Content-Security-Policy sources of the built site, for nginx (see deploy/README.md).

The policy itself lives in deploy/nginx/snippets/porter-la-voix-headers.conf. What changes with every build is
written here, after the build, into `<site_dir>/.nginx/porter-la-voix-csp.conf` as three nginx `set` directives:

- the sha256 hash of every inline <script> the browser runs. Material writes three or four of them per page; the
  first one's text depends on the page's depth, and all of them change with Material's versions;
- the hashes of inline <style> blocks (none with `theme.font: false`) and of style="" attributes (allowed with
  'unsafe-hashes', only if some exist);
- 'wasm-unsafe-eval' when the site ships WebAssembly (Pagefind's search engine): it lets the page compile
  WebAssembly, never JavaScript `eval`.

Hashes allow exactly what was built, including anything a content page smuggled in. So an inline script or style
block is hashed only when one of the theme's templates (overrides/ or Material's) writes it; one that came from
content or data (Markdown, YAML, front matter) fails the build. So do event-handler attributes (onclick=…) and
javascript: addresses, which no hash can allow. Messages are in French: editors read them.

Front-matter values are escaped earlier, by build_steps/escape_front_matter.py. `python -m build_steps` runs this
step on any built site; during a MkDocs build, a second process parses the pages as they are written (below).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import os
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from mkdocs.exceptions import PluginError

from .workers import ForkedWorker, WorkerStopped

# Where the build writes the generated nginx include, relative to the site directory. A dot folder: nginx's
# shipped configuration refuses every /.xxx address, and `mkdocs build --clean` keeps dot folders.
OUTPUT = Path(".nginx") / "porter-la-voix-csp.conf"

# Script types the browser runs (anything else, such as application/json, is a data block that CSP ignores).
EXECUTABLE_SCRIPT_TYPES = {
    "",
    "module",
    "text/javascript",
    "application/javascript",
    "application/ecmascript",
    "application/x-javascript",
    "text/ecmascript",
    "text/jscript",
}
# Attributes that hold an address the browser may navigate to or load.
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "cite", "background"}
JINJA_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
TEMPLATE_BLOCK = re.compile(r"<(script|style)\b([^>]*)>(.*?)</\1\s*>", re.DOTALL | re.IGNORECASE)
# A template block must keep this much fixed text to be trusted: `<script>{{ x }}</script>` would allow anything.
MIN_LITERAL_CHARS = 12
MAX_LISTED_PROBLEMS = 20


def sha256_source(text: str) -> str:
    """The CSP source expression of a text: 'sha256-<base64>' of its UTF-8 bytes."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def _script_type(attributes: dict[str, str | None]) -> str:
    return (attributes.get("type") or "").strip().lower()


def _is_javascript_url(value: str) -> bool:
    """True for javascript:/vbscript: addresses, read the way browsers do (tabs, newlines, controls ignored)."""
    cleaned = re.sub(r"[\t\n\r]", "", value).strip(
        "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f "
    )
    return cleaned.lower().startswith(("javascript:", "vbscript:"))


class _PageScanner(HTMLParser):
    """Collects the inline scripts, style blocks and style attributes of one page, and what hashes cannot allow."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.style_attributes: list[str] = []
        self.problems: list[str] = []
        self._block: tuple[str, bool] | None = None  # (tag, collect its text?)
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check_attributes(tag, attrs)
        attributes = dict(attrs)
        if tag == "script":
            inline = "src" not in attributes and _script_type(attributes) in EXECUTABLE_SCRIPT_TYPES
            self._block, self._text = ("script", inline), []
        elif tag == "style":
            self._block, self._text = ("style", True), []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check_attributes(tag, attrs)

    def _check_attributes(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            name = name.lower()
            if name.startswith("on"):
                self.problems.append(f"attribut « {name} » sur <{tag}> (code JavaScript dans un attribut)")
            elif name in URL_ATTRIBUTES and value and _is_javascript_url(value):
                self.problems.append(f"adresse « {value[:60]} » dans l’attribut « {name} » de <{tag}>")
            elif name == "style" and value is not None:
                self.style_attributes.append(value)

    def handle_data(self, data: str) -> None:
        if self._block:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._block and tag == self._block[0]:
            kind, collect = self._block
            if collect:
                (self.scripts if kind == "script" else self.styles).append("".join(self._text))
            self._block = None


def _template_pattern(body: str) -> re.Pattern | None:
    """A regular expression for what a template's inline block becomes once rendered: its fixed text, with
    `.*?` where Jinja writes something and any amount of white space where the template has some."""
    literal_chars = 0
    parts: list[str] = []
    for index, piece in enumerate(JINJA_TAG.split(body.strip())):
        if index:
            parts.append(".*?")
        literal_chars += len(re.sub(r"\s", "", piece))
        parts.append(r"\s*".join(re.escape(word) for word in re.split(r"\s+", piece)))
    if literal_chars < MIN_LITERAL_CHARS:
        return None
    return re.compile("".join(parts), re.DOTALL)


def template_blocks(template_dirs: tuple[str, ...]) -> dict[str, list[re.Pattern]]:
    """Patterns of every inline <script> (that runs) and <style> the theme's templates write, by tag."""
    found: dict[str, list[re.Pattern]] = {"script": [], "style": []}
    for folder in template_dirs:
        for template in sorted(Path(folder).rglob("*.html")):
            for tag, attributes, body in TEMPLATE_BLOCK.findall(template.read_text(encoding="utf-8")):
                tag = tag.lower()
                if tag == "script":
                    if re.search(r"\bsrc\s*=", attributes):
                        continue
                    declared = re.search(r"""\btype\s*=\s*["']?([^"'\s>]*)""", attributes)
                    if declared and declared.group(1).lower() not in EXECUTABLE_SCRIPT_TYPES:
                        continue
                pattern = _template_pattern(body)
                if pattern is not None:
                    found[tag].append(pattern)
    return found


# What one page holds, as the scan finds it: (inline scripts, style blocks, style attributes, problems).
PageScan = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]


def _result(scanner: _PageScanner) -> PageScan:
    return tuple(scanner.scripts), tuple(scanner.styles), tuple(scanner.style_attributes), tuple(scanner.problems)


# Where a page may be cut into pieces that are parsed separately: just before these start tags. Pages share most of
# their pieces (the header, the navigation's items and links, the footer), and a piece already parsed is not parsed
# again: 1,000 generated pages are scanned three to four times faster, the 35 pages of the site twice as fast.
PIECE_START = re.compile(r"<(?:li|nav|div|ul|ol|header|footer|main|article|aside|form|p|h[1-6]|table|details|label|a)[\s>]")


@dataclass
class PieceCache:
    """The pieces of pages already parsed during one build (see scan_page): a piece -> what it holds, or None when
    the parser does not end it in its starting state; a page's last piece (parsed to the end, close()) -> what it
    holds."""

    pieces: dict[str, PageScan | None] = field(default_factory=dict)
    endings: dict[str, PageScan] = field(default_factory=dict)


def _scan_piece(piece: str) -> PageScan | None:
    """What `piece` holds, parsed from the parser's starting state; None unless the parser ends it in that state too
    (all of it consumed, outside any <script> or <style>)."""
    scanner = _PageScanner()
    scanner.feed(piece)
    if scanner.rawdata or scanner.cdata_elem is not None or scanner._block is not None:
        return None
    return _result(scanner)


def scan_page(text: str, cache: PieceCache | None = None) -> PageScan:
    """The inline scripts, style blocks, style attributes and problems of one page, in document order.

    With `cache` (shared by the pages of one build), the page is parsed piece by piece (PIECE_START), and
    pieces already met in other pages are not parsed again. The result is the same as parsing the page whole:
    HTMLParser is a streaming parser; a piece is used alone only when, parsed from the starting state, it leaves
    the parser in that same state (nothing left unparsed: no tag, comment or declaration cut in two, not inside a
    <script> or <style>), so the next piece starts where a whole parse would be, in the same state. A piece that
    does not is joined to the next one; the page's last piece is parsed as a whole page's end is (close()).
    """
    if cache is None:
        scanner = _PageScanner()
        scanner.feed(text)
        scanner.close()
        return _result(scanner)
    found: list[PageScan] = []
    start = 0
    for match in PIECE_START.finditer(text, 1):
        piece = text[start : match.start()]
        if piece not in cache.pieces:
            cache.pieces[piece] = _scan_piece(piece)
        scanned = cache.pieces[piece]
        if scanned is not None:
            found.append(scanned)
            start = match.start()
    last = text[start:]
    ending = cache.endings.get(last)
    if ending is None:
        scanner = _PageScanner()
        scanner.feed(last)
        scanner.close()
        ending = cache.endings[last] = _result(scanner)
    found.append(ending)
    scripts, styles, style_attributes, problems = (tuple(item for scanned in found for item in scanned[kind]) for kind in range(4))
    return scripts, styles, style_attributes, problems


def _fingerprint(text: str) -> tuple[int, str]:
    return len(text), hashlib.sha1(text.encode("utf-8")).hexdigest()


def collect(site_dir: Path, template_dirs: tuple[str, ...], known: dict | None = None, cache: dict | None = None) -> dict[str, set[str]]:
    """Scan every built page. Returns the hashes by kind; raises PluginError listing what hashes cannot allow.

    Parsing every page is the slow part: pages already scanned while the build wrote them (`known`: path ->
    (fingerprint of the text, PageScan)) and pages unchanged since an earlier build of the same process
    (`cache`: path -> (mtime, size, PageScan), kept by `mkdocs serve`) are not parsed again.
    """
    trusted = template_blocks(template_dirs)
    known = known or {}
    pieces = PieceCache()

    @functools.cache
    def from_templates(tag: str, text: str) -> bool:
        return any(pattern.fullmatch(text.strip()) for pattern in trusted[tag])

    hashes: dict[str, set[str]] = {"script": set(), "style": set(), "style_attribute": set()}
    problems: list[str] = []
    for page in html_pages(site_dir):
        name = page.relative_to(site_dir).as_posix()
        result = None
        if cache is not None:
            stat = page.stat()
            cached = cache.get(name)
            if cached and cached[:2] == (stat.st_mtime_ns, stat.st_size):
                result = cached[2]
        if result is None:
            text = page.read_text(encoding="utf-8")
            scanned = known.get(name)
            result = scanned[1] if scanned and scanned[0] == _fingerprint(text) else scan_page(text, pieces)
            if cache is not None:
                cache[name] = (stat.st_mtime_ns, stat.st_size, result)
        scripts, styles, style_attributes, page_problems = result
        problems += [f"{name} : {problem}" for problem in page_problems]
        for tag, texts in (("script", scripts), ("style", styles)):
            for text in texts:
                if from_templates(tag, text):
                    hashes[tag].add(sha256_source(text))
                else:
                    excerpt = " ".join(text.split())[:80]
                    problems.append(f"{name} : bloc <{tag}> qui ne vient pas des gabarits du thème : « {excerpt} »")
        hashes["style_attribute"] |= {sha256_source(value) for value in style_attributes}
    if problems:
        listed = "\n".join(f"  • {problem}" for problem in problems[:MAX_LISTED_PROBLEMS])
        more = len(problems) - MAX_LISTED_PROBLEMS
        raise PluginError(
            "Sécurité : des pages contiennent du code que la politique de sécurité du site (CSP) bloquerait, "
            f"ou qui ne vient pas du thème ({len(problems)}) :\n{listed}\n"
            + (f"  … et {more} autre(s).\n" if more > 0 else "")
            + "Un texte de page ou de données (docs/, data/, en-tête des pages) ne doit contenir ni balise <script> "
            "ou <style>, ni attribut on…=, ni lien « javascript: ». Retirez-les ; le code du site va dans "
            "docs/assets/ (voir deploy/README.md)."
        )
    return hashes


# --------------------------------------------------------------------------------------------------------------
# Scanning while the site is built. MkDocs builds pages one after the other on one core; a second process parses
# each page as soon as MkDocs has written it, on another core, so that the scan costs almost nothing by the end of
# the build. The worker is forked before the pages are rendered (a small process) and only receives file paths;
# at the end, a page's result is used only if the file still holds exactly the text the worker parsed.
# --------------------------------------------------------------------------------------------------------------
STALLED_AFTER = 30  # seconds without a result from the worker: it is given up, the rest is scanned here


def _scan_file(task: tuple[str, str], cache: PieceCache) -> tuple:
    name, path = task
    try:
        text = Path(path).read_text(encoding="utf-8")
        return name, _fingerprint(text), scan_page(text, cache)
    except Exception:  # noqa: BLE001 - the page is scanned again, in the build's process, at the end
        return name, None, None


class BackgroundScanner:
    """Parses the pages in a second process while MkDocs writes them (start it before any thread exists)."""

    def __init__(self) -> None:
        self.worker = ForkedWorker(lambda: functools.partial(_scan_file, cache=PieceCache()))
        self.waiting: tuple[str, str] | None = None  # the page being built: written after on_post_page
        self.owner = os.getpid()

    def submit(self, name: str, path: str) -> None:
        """Queue the page being built; the previous one is on disk now, and goes to the worker. A page written by
        another process (build_steps/parallel_write.py) is not queued: it is scanned with those found at the end."""
        if os.getpid() != self.owner:
            return
        self._send_waiting()
        self.waiting = (name, path)

    def _send_waiting(self) -> None:
        if self.waiting is not None:
            self.worker.send(self.waiting)
            self.waiting = None

    def discard(self) -> None:
        """After an error elsewhere in the build: the worker stopped without waiting."""
        self.worker.stop(wait=0)

    def finish(self) -> dict:
        """Results of the pages sent: path -> (fingerprint, PageScan). Pages without one are scanned at the end."""
        self._send_waiting()
        try:
            results = self.worker.finish(STALLED_AFTER)
        except WorkerStopped as stopped:
            results = stopped.found  # the worker died or is stuck: the other pages are scanned in this process
        return {name: (fingerprint, scan) for name, fingerprint, scan in results if scan is not None}


def ships_webassembly(site_dir: Path) -> bool:
    """True when the site contains WebAssembly (Pagefind names its engine wasm.<langue>.pagefind)."""
    return any(site_dir.rglob("*.wasm")) or any(site_dir.rglob("wasm.*.pagefind"))


def nginx_include(hashes: dict[str, set[str]], webassembly: bool) -> str:
    """The text of the generated nginx include."""
    script_src = ["'self'", *(["'wasm-unsafe-eval'"] if webassembly else []), *sorted(hashes["script"])]
    style_src = ["'self'", *sorted(hashes["style"])]
    style_attr = ["'unsafe-hashes'", *sorted(hashes["style_attribute"])] if hashes["style_attribute"] else ["'none'"]
    return (
        "# Généré par build_steps/csp.py à chaque construction du site : ne pas modifier à la main.\n"
        "# Sources autorisées de la politique de sécurité (Content-Security-Policy) composée dans\n"
        "# snippets/porter-la-voix-headers.conf. À copier dans /etc/nginx/snippets/ à chaque publication,\n"
        "# puis recharger nginx (voir deploy/README.md).\n"
        f'set $porter_la_voix_csp_script_src "{" ".join(script_src)}";\n'
        f'set $porter_la_voix_csp_style_src "{" ".join(style_src)}";\n'
        f'set $porter_la_voix_csp_style_attr "{" ".join(style_attr)}";\n'
    )


def html_pages(site_dir: Path) -> list[Path]:
    """The pages of the built site, in path order: every .html file, except in the dot folders (.nginx) and in the
    search index (pagefind/, which holds no page and which Pagefind may be rewriting meanwhile)."""
    found = []
    for root, folders, files in os.walk(site_dir):
        if Path(root) == site_dir:
            folders[:] = [f for f in folders if f != "pagefind" and not f.startswith(".")]
        found += [Path(root) / name for name in files if name.endswith(".html")]
    return sorted(found)


def write_policy(
    site_dir: Path, template_dirs: tuple[str, ...], known: dict | None = None, cache: dict | None = None, hashes: dict | None = None
) -> Path:
    """Scan the built site and write the nginx include of its CSP sources; returns its path. `known` and `cache`:
    see `collect`; `hashes`: what `collect` already returned."""
    hashes = hashes if hashes is not None else collect(site_dir, template_dirs, known, cache)
    output = site_dir / OUTPUT
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(nginx_include(hashes, ships_webassembly(site_dir)), encoding="utf-8")
    return output
