"""Build step: the words the search needs besides Pagefind's index, so that it forgives what readers type.

- `pagefind/mots/<xy>.json`: the site's vocabulary, cut by the first two letters of each word (accents and
  capitals removed): « déconnexion » is in `mots/de.json`. For each word, the form the pages use most and the
  number of pages that hold it. search.js fetches the file of a typed word (a few kilobytes) to tell whether the
  site knows that word, and otherwise to propose the closest known word (« Vouliez-vous dire « déconnexion » ? »).
- `pagefind/synonymes.json`: the groups of data/synonyms.yml (validated by the content model), which search.js
  uses to search the other words of a group too (« mail » finds the pages that say « courriel »).

The words are read from the same part of each page as Pagefind reads (the element marked data-pagefind-body), in
the copy made for Pagefind (build_steps/search_index.py), so the vocabulary is the index's own.
Why this design and how it was measured: decisions/0003-recherche-tolerante.md.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from pathlib import Path

from content.data import load_synonyms
from content.text import search_fold

VOCABULARY_DIR = "mots"  # pagefind/mots/
SYNONYMS_FILE = "synonymes.json"  # pagefind/synonymes.json
MIN_LENGTH = 3  # shorter words are not corrected (and « de », « la » are everywhere)

BODY_MARKER = "data-pagefind-body"
DIV_TAG = re.compile(r"<(/?)div\b", re.IGNORECASE)
SKIPPED = re.compile(r"<(script|style|svg)\b.*?</\1>", re.IGNORECASE | re.DOTALL)
TAG = re.compile(r"<[^>]+>")
WORD = re.compile(r"[^\W\d_]+")


def indexed_text(page: str) -> str:
    """The text of the element marked data-pagefind-body (a <div>), without its tags; "" when there is none."""
    marker = page.find(BODY_MARKER)
    if marker == -1:
        return ""
    start = page.rfind("<", 0, marker)
    depth, end = 0, len(page)
    for tag in DIV_TAG.finditer(page, start):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            end = tag.start()
            break
    return html.unescape(TAG.sub(" ", SKIPPED.sub(" ", page[start:end])))


def page_words(page: str) -> set[str]:
    """The distinct words (lower case, as written) of a page's indexed text."""
    return {word.lower() for word in WORD.findall(indexed_text(page)) if len(word) >= MIN_LENGTH}


def chunk_key(folded: str) -> str | None:
    """The file a word goes to: its first two letters once folded (« de » for « déconnexion »), or None."""
    key = folded[:2]
    return key if len(key) == 2 and key.isascii() and key.isalpha() else None


def write_vocabulary(pages: Counter, output: Path) -> int:
    """Write output/mots/<xy>.json from `pages` (word as written -> number of pages that hold it); returns the
    number of distinct folded words. Each file: [[form, pages], …], the most frequent words first."""
    folded: dict[str, Counter] = {}
    for word, count in pages.items():
        folded.setdefault(search_fold(word), Counter())[word] += count
    chunks: dict[str, list[tuple[str, int]]] = {}
    for key, forms in folded.items():
        chunk = chunk_key(key)
        if chunk is None:
            continue
        # The most frequent form; on a tie the same one at every build (« émetteur » before « emetteur »), not the one
        # seen first, which depends on the order the pages were read in.
        form = max(forms, key=lambda word: (forms[word], word != key, word))
        chunks.setdefault(chunk, []).append((form, max(forms.values())))
    folder = output / VOCABULARY_DIR
    folder.mkdir(parents=True, exist_ok=True)
    for chunk, words in chunks.items():
        words.sort(key=lambda item: (-item[1], item[0]))
        (folder / f"{chunk}.json").write_text(json.dumps(words, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return len(folded)


def write_synonyms(project: Path, output: Path) -> None:
    """Write output/synonymes.json from data/synonyms.yml; a mistake in that file stops the build in French
    (content.errors.DataError, a PluginError)."""
    groups = load_synonyms(project)
    (output / SYNONYMS_FILE).write_text(json.dumps(groups, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
