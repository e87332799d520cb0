"""The spelling check of `make check` (editors/spelling.py): what is read, what is skipped, the messages.

The fixture tests/fixtures/check-spelling/ holds one mistake in each place prose can be (title, paragraph,
admonition title and text, HTML text, a folded YAML text…) and the same kind of word in each place that
must be skipped (code, macro call, link target, address, ``lien`` of a checklist). hunspell and its French
dictionary are Debian packages that `make test` installs (tools/ensure-system-packages.sh).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from editors import spelling
from tests.support import FIXTURES, ROOT

FIXTURE = FIXTURES / "check-spelling"
FIX = "Corrigez-le, ou ajoutez-le à dictionnaire.txt s’il est juste."


@pytest.fixture(scope="module", autouse=True)
def hunspell():
    try:
        spelling.ensure_hunspell()
    except spelling.SpellingUnavailable as error:
        pytest.fail(f"{error} (make test l’installe : tools/ensure-system-packages.sh)")


def messages(root: Path) -> list[str]:
    return [str(problem) for problem in spelling.check(root)]


def test_every_mistake_of_the_fixture_with_its_file_and_line():
    assert messages(FIXTURE) == [
        f"docs/fiches/x.md, ligne 2 : mot inconnu « ofre ». Vouliez-vous dire « offre » ? {FIX}",
        f"docs/fiches/x.md, ligne 12 : mot inconnu « recrutment ». Vouliez-vous dire « recrutement » ? {FIX}",
        f"docs/fiches/x.md, ligne 20 : mot inconnu « fôte ». Vouliez-vous dire « ôte » ? {FIX}",
        f"docs/fiches/x.md, ligne 21 : mot inconnu « erreurr ». Vouliez-vous dire « erreur » ? {FIX}",
        f"docs/fiches/x.md, ligne 23 : mot inconnu « l’Etat ». Vouliez-vous dire « l’État » ? {FIX}",
        "docs/fiches/x.md, ligne 23 : mot inconnu « DSA ». Corrigez-le, ou ajoutez-le à dictionnaire.txt s’il est juste "
        "(un sigle va plutôt dans includes/abbreviations.md, avec sa définition).",
        f"docs/fiches/x.md, ligne 25 : mot inconnu « balisee ». Vouliez-vous dire « balise » ? {FIX}",
        f"data/checklists/essai.yml, ligne 3 : mot inconnu « erreeur ». Vouliez-vous dire « erreur » ? {FIX}",
        f"data/checklists/essai.yml, ligne 7 : mot inconnu « fote ». Vouliez-vous dire « fonte » ? {FIX}",
    ]


def test_the_message_of_the_issue_word_for_word(tmp_path):
    """« docs/fiches/x.md, ligne 12 : mot inconnu « recrutment ». … » with no suggestion when hunspell has none."""
    assert spelling.unknown_word_message("recrutment", None) == (
        "mot inconnu « recrutment ». Corrigez-le, ou ajoutez-le à dictionnaire.txt s’il est juste."
    )


def test_skipped_parts_are_never_read():
    text = "\n".join(line.text for line in spelling.collect_lines(FIXTURE))
    for skipped in (
        "xyzzyx",
        "enligne",
        "avant-de-publier",
        "cible-inconue",
        "chemin-inconu",
        "page-inconue",
        "invisiblebalise",
        "note",
        "Recrutemant",
    ):
        assert skipped not in text, skipped
    for kept in ("ofre", "fôte", "erreurr", "balisee", "Une description sans faute", "fote"):
        assert kept in text, kept


def test_word_list_expressions_elisions_capitals_and_abbreviations():
    vocabulary = spelling.Vocabulary(
        spelling.read_wordlist(FIXTURE / "dictionnaire.txt") | spelling.read_abbreviations(FIXTURE / "includes")
    )
    for word in ("advocacy", "Advocacy", "ADVOCACY", "l’employee", "d’advocacy", "qu’advocacy", "LinkedIn", "DICOM", "L121-7", "1er"):
        assert vocabulary.knows(word), word
    for word in ("linkedin", "Linkedin", "Etat", "l’Etat", "DSA"):
        assert not vocabulary.knows(word), word
    assert vocabulary.without_expressions("la « Charte de l’Etat » et l’Etat").strip().endswith("et l’Etat")


def test_an_empty_word_list_rejects_the_project_words(tmp_path):
    project = Path(shutil.copytree(FIXTURE, tmp_path / "site"))
    (project / "dictionnaire.txt").write_text("# vide\n", encoding="utf-8")
    found = messages(project)
    assert any("« LinkedIn »" in message for message in found)
    assert any("« l’employee »" in message for message in found)


def test_the_changes_of_a_page_history_are_read_not_their_dates(tmp_path):
    """`historique` (front matter): each `changement` is prose readers see; the dates and the keys are not."""
    project = Path(shutil.copytree(FIXTURE, tmp_path / "site"))
    (project / "docs" / "fiches" / "x.md").write_text(
        "---\n"
        'title: "Une page sans faute"\n'
        'description: "Une description sans faute, assez longue pour ressembler à celle d’une vraie page du site."\n'
        "type: fiche\n"
        "historique:\n"
        "  - date: 2026-12-06\n"
        '    changement: "Ajout d’une régle sur les photos."\n'
        "---\n\n# Une page sans faute\n",
        encoding="utf-8",
    )
    found = [message.split(". Vouliez")[0] for message in messages(project) if message.startswith("docs/")]
    assert found == ["docs/fiches/x.md, ligne 7 : mot inconnu « régle »"]


def test_missing_hunspell_is_reported_with_the_install_command(monkeypatch):
    monkeypatch.setattr(spelling.shutil, "which", lambda name: None)
    with pytest.raises(spelling.SpellingUnavailable) as caught:
        spelling.check(FIXTURE)
    assert (
        str(caught.value) == "hunspell n’est pas installé sur cette machine. Installez-le avec : sudo apt-get install hunspell hunspell-fr"
    )


def test_missing_french_dictionary_is_reported(monkeypatch):
    with pytest.raises(spelling.SpellingUnavailable) as caught:
        spelling.ensure_hunspell("xx_XX")
    assert str(caught.value) == (
        "le dictionnaire français de hunspell (xx_XX) n’est pas installé. Installez-le avec : sudo apt-get install hunspell hunspell-fr"
    )


def test_real_content_passes_and_word_list_is_sorted():
    assert messages(ROOT) == []
    from content.text import sort_key

    entries = [line.split("#", 1)[0].strip() for line in (ROOT / "dictionnaire.txt").read_text(encoding="utf-8").splitlines()]
    entries = [entry for entry in entries if entry]
    assert entries == sorted(entries, key=sort_key), "dictionnaire.txt doit rester dans l’ordre alphabétique"
    assert len(entries) == len(set(entries)), "un mot figure deux fois dans dictionnaire.txt"
