"""MkDocs hook: builds the site's search index with Pagefind at every build (`make build`, `make serve`, tests).

Each page is handed to Pagefind as soon as MkDocs has rendered it (Pagefind's service mode, on the other core), and
the index is written at the end of the build; the command line over the built site remains the fallback. Under
`make serve`, a quick rebuild (--dirty) refreshes the index in the background (sections below).

Pagefind (PyPI `pagefind-bin`, which ships the binary) reads the built HTML: only the elements marked
`data-pagefind-body` (the article, see overrides/main.html), with the `type` and `tag` filters and the `title`
and `type` metadata set there. It writes `pagefind/` into the site: a small loader, a WebAssembly search engine
and an index cut into chunks, so a search downloads only the chunks its words need (see
decisions/0001-recherche.md for the measurements and overrides/partials/search.html for the interface).

French text is indexed from a copy of the HTML in which the typographic apostrophe (’) is replaced by the ASCII
one ('): Pagefind splits words on ASCII punctuation only, so « l’État » is then indexed as « létat » *and* « état »,
and a reader who types « etat » finds it. The published pages keep their ’; search.js puts the ’ back in excerpts.
"""

from __future__ import annotations

import base64
import json
import logging
import queue
import re
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

# Elements inside the article that are not the page's own text: heading permalinks (« ¶ »), Material's tag
# list and « Modifier cette page » button, the update date, the share box, the blocks of the macros that list
# other pages (« Sur le même sujet » = nav.rl, « Sommaire de la série » = nav.sr: they would make every page
# match every other page's title) and the checklists' buttons and screen-reader link texts.
# Any other element can be left out of the index with the attribute data-pagefind-ignore.
EXCLUDE_SELECTORS = ", ".join(
    [
        ".headerlink",
        ".md-tags",
        ".md-content__button",
        ".md-source-file",
        ".pv-share",
        "nav.rl",
        "nav.sr",
        ".ck-tools",
        ".ck-sr",
    ]
)

# Pagefind writes three ready-made interfaces next to its search API; the site uses only the API
# (pagefind.js, its worker, the WebAssembly and the index), so the unused bundles are removed.
UNUSED_BUNDLE_FILES = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)


def ascii_apostrophes(text: str) -> str:
    """« l’État » -> « l'État » (str.replace: ten times faster than str.translate on a whole page)."""
    return text.replace("\u2019", "'").replace("\u02bc", "'")


def pagefind_executable() -> Path:
    """The Pagefind binary shipped by the PyPI package `pagefind-bin` (pinned in requirements.txt)."""
    try:
        from pagefind_bin import get_executable
    except ImportError as error:
        raise PluginError(
            "Recherche : le paquet Python « pagefind-bin » est introuvable. "
            "Installez les dépendances du site : `make build` ou `.venv/bin/pip install -r requirements.txt`."
        ) from error
    try:
        return Path(get_executable())
    except (FileNotFoundError, OSError) as error:
        raise PluginError(
            f"Recherche : le programme Pagefind est introuvable dans le paquet « pagefind-bin » ({error}). "
            "Réinstallez les dépendances : `.venv/bin/pip install --force-reinstall -r requirements.txt`."
        ) from error


BODY_TAG = re.compile(r"<body\b[^>]*>", re.IGNORECASE)


def page_for_indexing(html: str) -> str:
    """What Pagefind needs of a page: ASCII apostrophes, and nothing of what comes before the indexed element.

    Pagefind reads only the element marked data-pagefind-body (and what it holds: filters, metadata, headings);
    the header, navigation and table of contents before it, two thirds of a page, are left out of the copy so that
    Pagefind parses less (faster, less memory). Pages without that element are copied whole.
    """
    marker = html.find("data-pagefind-body")
    body = BODY_TAG.search(html)
    if marker != -1 and body is not None:
        element = html.rfind("<", 0, marker)
        if element >= body.end():
            html = html[: body.end()] + html[element:]
    return ascii_apostrophes(html)


def copy_for_indexing(site_dir: Path, work_dir: Path) -> int:
    """Copy every HTML page of the site into work_dir, as Pagefind needs it; returns the number of pages."""
    count = 0
    for relative, page in _html_files(site_dir):
        target = work_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page_for_indexing(page.read_text(encoding="utf-8")), encoding="utf-8")
        count += 1
    return count


def build_index(site_dir: Path, output: Path | None = None) -> None:
    """Index site_dir with Pagefind into `output` (site_dir/pagefind/); raises PluginError with a French message on failure."""
    executable = pagefind_executable()
    output = output or site_dir / "pagefind"
    shutil.rmtree(output, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="pagefind-") as work:
        if copy_for_indexing(site_dir, Path(work)) == 0:
            raise PluginError(f"Recherche : aucune page HTML à indexer dans {site_dir}.")
        command = [
            str(executable),
            "--site", work,
            "--output-path", str(output),
            "--force-language", "fr",
            "--exclude-selectors", EXCLUDE_SELECTORS,
            "--quiet",
        ]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=600)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise PluginError(f"Recherche : Pagefind n’a pas pu être lancé ({error}).") from error
    if result.returncode != 0 or not (output / "pagefind.js").is_file():
        details = (result.stderr or result.stdout).strip()
        raise PluginError(
            f"Recherche : la construction de l’index par Pagefind a échoué (code {result.returncode}).\n{details}"
        )
    for name in UNUSED_BUNDLE_FILES:
        (output / name).unlink(missing_ok=True)


def _html_files(site_dir: Path):
    """The HTML files of the site that Pagefind reads (not its own bundle, not the dot folders)."""
    for page in site_dir.rglob("*.html"):
        relative = page.relative_to(site_dir)
        if relative.parts[0] != "pagefind" and not relative.parts[0].startswith("."):
            yield relative.as_posix(), page


# --------------------------------------------------------------------------------------------------------------
# Indexing during the build. MkDocs renders pages one after the other on one core. Pagefind has a service mode
# (`pagefind --service`, the protocol of its Node and Python APIs: base64 JSON messages ended by a comma): each page
# is sent to it as soon as it is rendered, Pagefind parses it on the other core, and after the build only the
# writing of the index remains. Same pages, same options, same fragments as the command line (compared on the real
# site). If anything goes wrong with the service, the index is built with the command line, as before.
# --------------------------------------------------------------------------------------------------------------
class ServiceIndex:
    def __init__(self, executable: Path) -> None:
        self.process = subprocess.Popen([str(executable), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL)
        self.responses: dict[int, dict] = {}
        self.condition = threading.Condition()
        self.outbox: queue.Queue = queue.Queue()
        self.message_id = 0
        self.pending: list[int] = []
        self.sent: set[str] = set()
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._write, daemon=True).start()
        config = {"force_language": "fr", "exclude_selectors": EXCLUDE_SELECTORS.split(", ")}
        self.index_id = self._wait(self._send({"type": "NewIndex", "config": config}))["index_id"]

    def _read(self) -> None:
        buffer = b""
        while True:
            chunk = self.process.stdout.read1(1 << 16)
            if not chunk:
                break
            buffer += chunk
            *messages, buffer = buffer.split(b",")
            for message in messages:
                response = json.loads(base64.b64decode(message))
                payload = response.get("payload") or {}
                message_id = response.get("message_id")
                if message_id is None and payload.get("original_message"):  # a message Pagefind could not read
                    try:
                        message_id = json.loads(payload["original_message"]).get("message_id")
                    except (ValueError, AttributeError):
                        message_id = None
                with self.condition:
                    self.responses[message_id] = payload
                    self.condition.notify_all()
        with self.condition:
            self.condition.notify_all()

    def _write(self) -> None:
        try:
            for message in iter(self.outbox.get, None):
                self.process.stdin.write(message)
                self.process.stdin.flush()
        except OSError:
            pass  # the service stopped: finish() notices it

    def _send(self, payload: dict) -> int:
        self.message_id += 1
        request = {"message_id": self.message_id, "payload": payload}
        self.outbox.put(base64.b64encode(json.dumps(request).encode("utf-8")) + b",")
        return self.message_id

    def _wait(self, message_id: int, timeout: float = 120) -> dict:
        with self.condition:
            if not self.condition.wait_for(lambda: message_id in self.responses or self.process.poll() is not None, timeout):
                raise TimeoutError("Pagefind ne répond pas")
            if message_id not in self.responses:
                raise OSError(f"Pagefind s’est arrêté (code {self.process.returncode})")
            payload = self.responses.pop(message_id)
        if payload.get("type") == "Error":
            raise OSError(payload.get("message", "erreur de Pagefind"))
        return payload

    def add(self, relative: str, html: str) -> None:
        self.sent.add(relative)
        self.pending.append(self._send({"type": "AddFile", "index_id": self.index_id, "file_path": relative,
                                        "file_contents": page_for_indexing(html)}))

    def finish(self, site_dir: Path, output: Path) -> None:
        """Add the pages the build did not render (404.html, pages of a --dirty build), write the index."""
        for relative, page in _html_files(site_dir):
            if relative not in self.sent:
                self.add(relative, page.read_text(encoding="utf-8"))
        for message_id in self.pending:
            self._wait(message_id)
        if not self.sent:
            raise OSError("aucune page HTML à indexer")
        shutil.rmtree(output, ignore_errors=True)
        self._wait(self._send({"type": "WriteFiles", "index_id": self.index_id, "output_path": str(output)}))
        if not (output / "pagefind.js").is_file():
            raise OSError("Pagefind n’a pas écrit son index")
        for name in UNUSED_BUNDLE_FILES:
            (output / name).unlink(missing_ok=True)

    def close(self) -> None:
        self.outbox.put(None)
        try:
            self.process.stdin.close()
        except OSError:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


_service: ServiceIndex | None = None


# --------------------------------------------------------------------------------------------------------------
# Preview. `make serve` runs `mkdocs serve --dirty`: after an edit, only the edited pages are rebuilt, in a second
# or two; indexing the whole site again would take longer than that. Then the index is rebuilt in the background,
# into a new folder that replaces the old one when it is complete: the edited page is shown at once, and found by
# search a few seconds later. A full build (`make build`, CI, `mkdocs build --dirty` too) always indexes first.
# --------------------------------------------------------------------------------------------------------------
log = logging.getLogger(f"mkdocs.hooks.{__name__}")
_mode = {"command": "build", "dirty": False}
_refresh_lock = threading.Lock()
_refresh = {"wanted": False, "running": False}


def on_startup(command, dirty):
    _mode.update(command=command, dirty=dirty)


def _refresh_loop(site_dir: Path) -> None:
    while True:
        with _refresh_lock:
            if not _refresh["wanted"]:
                _refresh["running"] = False
                return
            _refresh["wanted"] = False
        fresh, old = site_dir / ".pagefind-nouveau", site_dir / ".pagefind-ancien"
        try:
            build_index(site_dir, fresh)
            shutil.rmtree(old, ignore_errors=True)
            (site_dir / "pagefind").rename(old)
            fresh.rename(site_dir / "pagefind")
            shutil.rmtree(old, ignore_errors=True)
            log.info("Recherche : index mis à jour.")
        except (PluginError, OSError) as error:
            # info, not warning: with `strict: true` a warning here would stop the next rebuild of the preview
            log.info(f"Recherche : l’index de l’aperçu n’a pas pu être mis à jour ({error}).")


def refresh_in_background(site_dir: Path) -> None:
    with _refresh_lock:
        _refresh["wanted"] = True
        if _refresh["running"]:
            return  # the running loop indexes once more when it is done
        _refresh["running"] = True
    threading.Thread(target=_refresh_loop, args=(site_dir,), daemon=True).start()


def _quick_preview(site_dir: Path) -> bool:
    """A rebuild of `make serve` (--dirty) once the site has its index: the index is refreshed in the background."""
    return _mode["command"] == "serve" and _mode["dirty"] and (site_dir / "pagefind" / "pagefind.js").is_file()


def _stop_service() -> None:
    global _service
    if _service is not None:
        _service.close()
        _service = None


def on_pre_build(config):
    global _service
    _stop_service()  # left by a build that failed
    if _quick_preview(Path(config.site_dir)):
        return
    try:
        _service = ServiceIndex(pagefind_executable())
    except (OSError, TimeoutError, PluginError):
        _service = None  # the command line indexes the site after the build


@event_priority(-90)  # the page as written (compact_html.py has run); csp.py only reads it
def on_post_page(output, page, config):
    if _service is not None:
        _service.add(page.file.dest_uri, output)
    return output


def on_build_error(error):
    _stop_service()


def on_post_build(config):
    site_dir = Path(config.site_dir)
    if _service is not None:
        try:
            _service.finish(site_dir, site_dir / "pagefind")
            return
        except (OSError, TimeoutError, ValueError) as error:
            log.info(f"Recherche : indexation pendant la construction impossible ({error}) ; indexation en fin de construction.")
        finally:
            _stop_service()
    elif _quick_preview(site_dir):
        refresh_in_background(site_dir)
        return
    build_index(site_dir)
