"""Accent folding, alphabetical order and identifiers made from French text: one definition for the whole project."""

from __future__ import annotations

import math
import re
import unicodedata

# Letters that Unicode does not decompose but French writes: folded by hand.
LIGATURES = (("œ", "oe"), ("Œ", "Oe"), ("æ", "ae"), ("Æ", "Ae"))


def fold_accents(text: str) -> str:
    """« Étiquette » -> « Etiquette »: accents and other combining marks removed, every other character kept."""
    return "".join(char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char))


def search_fold(word: str) -> str:
    """« Déconnexion » -> « deconnexion », « Œuvre » -> « oeuvre »: how the site's search compares words (the same
    rule is written in docs/assets/javascripts/search.js, fold)."""
    word = word.lower()
    for source, replacement in LIGATURES:
        word = word.replace(source, replacement)
    return fold_accents(word)


def count(number: int, singular: str, plural: str) -> str:
    """« 1 problème », « 3 problèmes »: a number with its noun, in the messages editors read."""
    return f"{number} {singular if number == 1 else plural}"


def file_size(size: int) -> str:
    """« 62 Ko », « 1,2 Mo »: the size of a file readers download (1 Ko = 1,024 bytes, rounded up: never less than
    the download)."""
    kilo = math.ceil(size / 1024)
    if kilo < 1000:
        return f"{kilo}\u00a0Ko"
    tenths = math.ceil(size * 10 / 1024 / 1024)
    return f"{tenths // 10},{tenths % 10}\u00a0Mo"


def sort_key(text: str) -> str:
    """Alphabetical order that ignores accents, case and punctuation outside ASCII (« Étiquettes » sorts with E)."""
    return fold_accents(text).encode("ascii", "ignore").decode().casefold()


def slugify(text: str, max_length: int | None = None) -> str:
    """ASCII identifier of a text: « Droit à la déconnexion » -> « droit-a-la-deconnexion », « d’essai » -> « d-essai ».

    With `max_length`, whole words are kept as long as they fit (file names made from a page's title).
    """
    for source, replacement in LIGATURES:
        text = text.replace(source, replacement)
    words = re.findall(r"[a-z0-9]+", fold_accents(text).lower())
    if max_length is None:
        return "-".join(words)
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length and slug:
            break
        slug = candidate
    return slug[:max_length]
