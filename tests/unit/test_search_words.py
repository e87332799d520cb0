"""The search's data besides Pagefind's index (build_steps/search_words.py) and the editors' synonyms file
(data/synonyms.yml, validated by content.data with French messages)."""

from __future__ import annotations

import json
from collections import Counter

from build_steps.search_words import chunk_key, indexed_text, page_words, write_vocabulary
from content.text import search_fold
from tests.macros_support import copy_mini_site, problems, write

PAGE = """<html><body><header>Menu Rechercher</header>
<div class="pv-search-body" data-pagefind-body><h1>Le droit à la déconnexion</h1>
<div class="x"><p>Un agent n’est pas tenu de lire ses courriels&nbsp;le soir.</p><script>var ignored = 1;</script></div>
<p>Œuvre : 2024.</p></div>
<p class="pv-verified">Vérifié le 1er décembre</p><footer>Pied de page</footer></body></html>"""


def test_the_vocabulary_is_read_from_the_indexed_element_only():
    text = indexed_text(PAGE)
    assert "déconnexion" in text and "courriels le soir" in text.replace("\xa0", " ")
    assert "Menu" not in text and "Vérifié" not in text and "Pied" not in text and "ignored" not in text
    assert page_words(PAGE) >= {"droit", "déconnexion", "agent", "tenu", "lire", "ses", "courriels", "soir", "œuvre"}
    assert not page_words(PAGE) & {"le", "la", "un", "2024"}, "words of fewer than three letters and numbers are left out"
    assert indexed_text("<html><body><p>pas de contenu indexé</p></body></html>") == ""


def test_words_are_folded_and_cut_by_their_first_two_letters(tmp_path):
    assert search_fold("Déconnexion") == "deconnexion" and search_fold("Œuvre") == "oeuvre"
    assert chunk_key("deconnexion") == "de" and chunk_key("x") is None and chunk_key("2024") is None
    count = write_vocabulary(Counter({"déconnexion": 5, "deconnexion": 1, "devoir": 7, "œuvre": 2, "x": 3}), tmp_path)
    assert count == 4
    assert json.loads((tmp_path / "mots" / "de.json").read_text(encoding="utf-8")) == [["devoir", 7], ["déconnexion", 5]]
    assert json.loads((tmp_path / "mots" / "oe.json").read_text(encoding="utf-8")) == [["œuvre", 2]]


SYNONYMS = "data/synonyms.yml"


def test_synonym_mistakes_are_named_with_their_line_and_fix(tmp_path):
    site = copy_mini_site(tmp_path / "site")
    write(
        site,
        SYNONYMS,
        "groupes:\n"
        "  - [courriel, mail, e-mail]\n"
        "  - [Recrutement!, embauche]\n"
        "  - [harcèlement]\n"
        "  - [message, mail]\n"
        "  - [photo, photo]\n",
    )
    found = problems(site)
    assert found == [
        f"{SYNONYMS}, ligne 3 : synonymes › groupes[2][1] — « Recrutement! » : majuscule, ponctuation ou espace en trop. "
        "Attendu : un mot ou une courte expression en minuscules, sans ponctuation (par ex. « courriel » ou « bad buzz »).",
        f"{SYNONYMS}, ligne 4 : synonymes › groupes[3] — liste trop courte (1 éléments, minimum 2). Attendu : un groupe : deux "
        "mots ou plus qu’un lecteur emploie pour la même chose, par ex. [courriel, mail, e-mail].",
        f"{SYNONYMS}, ligne 5 : synonymes › groupes[4][2] — « mail » est déjà dans le groupe de la ligne 2. Attendu : chaque mot "
        "dans un seul groupe : réunissez les deux groupes, ou retirez le mot de l’un d’eux.",
        f"{SYNONYMS}, ligne 6 : synonymes › groupes[5][2] — mot « photo » en double (déjà utilisé ligne 6). Attendu : un mot "
        "différent pour chaque élément.",
    ]


def test_a_missing_synonyms_file_is_named(tmp_path):
    site = copy_mini_site(tmp_path / "site")
    (site / SYNONYMS).unlink()
    assert any(p.startswith(f"{SYNONYMS} : fichier manquant.") for p in problems(site)), problems(site)
