"""What `make pdf` reads and adds in the PDFs Chromium prints: their page count, their author and subject.

Chromium's `page.pdf()` writes the document's title (from <title>), its language (/Lang, from <html lang>), a
structure tree (tagged PDF) and /DisplayDocTitle, but neither an author nor a subject, and has no option for them.
They are added by an incremental update (PDF 1.7, section 7.5.6): a new version of the document information
dictionary is appended after the file, with a cross-reference section for that one object and a trailer pointing
back to the original one. Nothing Chromium wrote is rewritten, so the file stays exactly as valid as it was.

Skia, Chromium's PDF writer, writes a classic cross-reference table and plain dictionaries (no object streams):
the patterns below read that form, and anything else stops with a French message instead of a guess.
"""

from __future__ import annotations

import re

from mkdocs.exceptions import PluginError

_PAGE = re.compile(rb"/Type\s*/Page\b")  # a page object (« /Type /Pages » is the page tree: \b excludes it)
_TRAILER = re.compile(rb"trailer\s*<<(?P<body>.*?)>>\s*startxref\s*(?P<xref>\d+)\s*%%EOF\s*$", re.DOTALL)
_KEY = {key: re.compile(rb"/" + key + rb"\s+(\d+)(?:\s+0\s+R)?") for key in (b"Size", b"Root", b"Info")}


def page_count(pdf: bytes) -> int:
    """The number of pages of a PDF Chromium printed."""
    pages = len(_PAGE.findall(pdf))
    if pages == 0:
        raise PluginError("PDF illisible : aucune page trouvée (Chromium a-t-il changé de format d’écriture ?).")
    return pages


def _text(value: str) -> bytes:
    """A PDF text string: UTF-16BE with its byte order mark, in hexadecimal (any character, no escaping)."""
    return b"<FEFF" + value.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def add_document_info(pdf: bytes, *, author: str, subject: str) -> bytes:
    """The PDF with /Author and /Subject added to its document information (title, dates and producer kept)."""
    trailer = _TRAILER.search(pdf[-1024:])
    if trailer is None:
        raise PluginError("PDF illisible : fin de fichier (trailer) introuvable ; impossible d’y ajouter l’auteur et le sujet.")
    found = {key: pattern.search(trailer.group("body")) for key, pattern in _KEY.items()}
    if not all(found.values()):
        raise PluginError("PDF illisible : le trailer ne nomme pas /Size, /Root et /Info ; impossible d’y ajouter l’auteur et le sujet.")
    size, root, info = (int(found[key].group(1)) for key in (b"Size", b"Root", b"Info"))
    old = re.search(rb"(?:^|\s)" + str(info).encode() + rb"\s+0\s+obj\s*<<(?P<body>.*?)>>\s*endobj", pdf, re.DOTALL)
    if old is None:
        raise PluginError("PDF illisible : dictionnaire d’informations du document introuvable.")
    body = old.group("body").strip()
    for key in (b"/Author", b"/Subject"):
        if key in body:
            raise PluginError(f"PDF : Chromium écrit déjà {key.decode()} ; retirez son ajout de build_steps/pdf_info.py.")
    head = pdf if pdf.endswith(b"\n") else pdf + b"\n"
    offset = len(head)
    obj = b"%d 0 obj\n<<%s\n/Author %s\n/Subject %s>>\nendobj\n" % (info, body, _text(author), _text(subject))
    xref = len(head) + len(obj)
    tail = b"xref\n%d 1\n%010d 00000 n \ntrailer\n<</Size %d\n/Root %d 0 R\n/Info %d 0 R\n/Prev %d>>\nstartxref\n%d\n%%%%EOF\n" % (
        info,
        offset,
        size,
        root,
        info,
        int(trailer.group("xref")),
        xref,
    )
    return head + obj + tail
