"""What changed on the site (content/updates.py): the front matter's `historique` checked by the content model, with
its exact French messages, the list of the latest pages shared by « Nouveautés » and the feed, and the changes read
back for the theme and the feed."""

from __future__ import annotations

import datetime as dt

import pytest

from content.history import PageDates
from content.pages import PageInfo
from content.updates import LATEST_COUNT, Change, changes, feed_title, latest
from tests.macros_support import copy_mini_site, problems, write

PAGE = """---
title: "Page"
description: "Une description de page d’essai assez longue pour passer la limite basse de soixante-dix caractères."
type: fiche
verifie_le: 2026-11-20
tags:
  - Essais
{extra}---

# Page
"""
FIELD_EXPECTED = (
    "Attendu : une phrase courte (10 à 160 caractères) qui dit ce qui a changé pour le lecteur, par ex. « Ajout d’une "
    "décision de justice de 2023 sur le devoir de réserve. »."
)
LIST_EXPECTED = (
    "Attendu : les changements importants de la page, du plus récent au plus ancien (10 au plus), chacun commençant "
    "par « - date: AAAA-MM-JJ » suivi d’une ligne « changement: »."
)


@pytest.fixture
def site(tmp_path):
    return copy_mini_site(tmp_path / "site")


def page(site, extra: str, page_type: str = "fiche") -> None:
    write(site, "docs/fiches/essai.md", PAGE.format(extra=extra).replace("type: fiche", f"type: {page_type}"))


def history(*items: tuple[str, str]) -> str:
    return "historique:\n" + "".join(f"  - date: {day}\n    changement: {text}\n" for day, text in items)


def only(found: list[str]) -> str:
    assert len(found) == 1, "\n".join(found)
    return found[0]


# --- the front matter's `historique` -------------------------------------------------------------------
@pytest.mark.parametrize("page_type", ["fiche", "charte", "guide"])
def test_a_history_is_accepted_on_rule_pages_and_memo_sheets(site, page_type):
    page(
        site,
        history(("2026-11-30", '"Ajout d’un délai de réponse de deux jours."'), ("2026-11-20", '"Première version relue."')),
        page_type,
    )
    assert problems(site) == []
    # Two changes on the same day keep the order written.
    page(site, history(("2026-11-30", '"Ajout du délai de réponse."'), ("2026-11-30", '"Ajout d’un exemple de message."')))
    assert problems(site) == []


def test_newest_first_or_the_line_to_move(site):
    page(site, history(("2026-11-20", '"Premier changement notable."'), ("2026-11-30", '"Second changement, plus récent."')))
    assert only(problems(site)) == (
        "docs/fiches/essai.md, ligne 11 : historique[2] › date — le changement du 2026-11-30 est écrit après celui du "
        "2026-11-20 (ligne 9), qui est plus ancien. Attendu : les changements du plus récent au plus ancien : placez "
        "celui du 2026-11-30 au-dessus."
    )


def test_a_change_has_a_real_date_in_the_past(site):
    page(site, history(("2099-01-01", '"Un changement venu du futur."')))
    assert only(problems(site)) == (
        "docs/fiches/essai.md, ligne 9 : historique[1] › date — la date « 2099-01-01 » est dans le futur. "
        "Attendu : la date du changement, au format AAAA-MM-JJ (par ex. 2026-12-06)."
    )
    page(site, history(("hier", '"Un changement sans date."')))
    assert only(problems(site)).startswith("docs/fiches/essai.md, ligne 9 : historique[1] › date — « hier » n’est pas une date")
    page(site, history(("2026-02-30", '"Un jour qui n’existe pas."')))
    assert only(problems(site)).startswith("docs/fiches/essai.md, ligne 9 : historique[1] › date — la date « 2026-02-30 » n’existe pas.")


def test_a_change_is_a_short_sentence(site):
    page(site, "historique:\n  - date: 2026-11-30\n")
    assert (
        only(problems(site)) == f"docs/fiches/essai.md, ligne 9 : historique[1] › changement — champ obligatoire manquant. {FIELD_EXPECTED}"
    )
    page(site, history(("2026-11-30", '""')))
    assert only(problems(site)) == f"docs/fiches/essai.md, ligne 10 : historique[1] › changement — texte vide. {FIELD_EXPECTED}"
    page(site, history(("2026-11-30", '"Court."')))
    assert only(problems(site)) == (
        f"docs/fiches/essai.md, ligne 10 : historique[1] › changement — texte trop court (6 caractères, minimum 10). {FIELD_EXPECTED}"
    )
    page(site, history(("2026-11-30", '"' + "Une phrase bien trop longue. " * 6 + '"')))
    assert "historique[1] › changement — texte trop long (173 caractères, maximum 160)" in only(problems(site))


def test_a_history_is_a_list_of_dated_changes(site):
    page(site, 'historique: "Ajout du délai de réponse."\n')
    assert only(problems(site)) == f"docs/fiches/essai.md, ligne 8 : historique — un texte au lieu d’une liste. {LIST_EXPECTED}"
    page(site, "historique: []\n")
    assert only(problems(site)) == f"docs/fiches/essai.md, ligne 8 : historique — liste vide. {LIST_EXPECTED}"
    page(site, "historique:\n  - 2026-11-30 Ajout du délai de réponse.\n")
    assert only(problems(site)) == (
        "docs/fiches/essai.md, ligne 9 : historique[1] — un texte au lieu d’une liste de champs. Attendu : un "
        'changement : une ligne « - date: AAAA-MM-JJ » puis, décalée de deux espaces, « changement: "Ce qui a changé." ».'
    )
    page(site, 'historique:\n  - date: 2026-11-30\n    changment: "Ajout du délai de réponse."\n')
    assert only(problems(site)) == (
        "docs/fiches/essai.md, ligne 10 : historique[1] › changment — champ inconnu « changment ». "
        "Vouliez-vous dire « changement » ? Attendu : un des champs date, changement."
    )
    page(site, history(*[(f"2026-11-{day:02}", '"Encore un changement."') for day in range(21, 10, -1)]))
    assert "historique — liste trop longue (11 éléments, maximum 10)" in only(problems(site))


@pytest.mark.parametrize("page_type", ["article", "page", "ressource"])
def test_only_pages_that_state_rules_have_a_history(site, page_type):
    page(site, history(("2026-11-30", '"Ajout du délai de réponse."')), page_type)
    assert only(problems(site)) == (
        f"docs/fiches/essai.md, ligne 8 : historique — une page de type « {page_type} » n’a pas d’historique : il est "
        "réservé aux pages qui énoncent des règles (fiche, charte, guide). Attendu : supprimez le champ historique de "
        "cette page."
    )


# --- the changes read back --------------------------------------------------------------------------------
def test_changes_as_validated_or_as_mkdocs_reads_them():
    validated = [{"date": dt.date(2026, 12, 6), "changement": "Ajout de deux décisions."}]
    assert changes(validated) == [Change(dt.date(2026, 12, 6), "Ajout de deux décisions.")]
    quoted = [{"date": "2026-12-06", "changement": " Ajout de deux décisions. "}]  # date: "2026-12-06" in YAML
    assert changes(quoted) == [Change(dt.date(2026, 12, 6), "Ajout de deux décisions.")]
    assert changes(None) == []


# --- the latest pages ---------------------------------------------------------------------------------------
def at(day: int, hour: int = 12) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, tzinfo=dt.UTC)


def info(src: str, title: str, page_type: str = "fiche") -> PageInfo:
    return PageInfo(src=src, url=src.removesuffix(".md") + "/", title=title, type=page_type)


def test_latest_pages_newest_first_service_pages_left_out():
    pages = [
        info("index.md", "Accueil", "page"),
        info("a.md", "Bêta"),
        info("b.md", "Alpha"),
        info("c.md", "Gamma", "charte"),
        info("d.md", "Delta", "article"),
        info("nouvelle.md", "Pas encore dans git"),
    ]
    dates = {
        "index.md": PageDates(at(1), at(30)),
        "a.md": PageDates(at(1), at(20)),
        "b.md": PageDates(at(1), at(20)),  # same time as a.md: alphabetical order of title, accents ignored
        "c.md": PageDates(at(2), at(25)),
        "d.md": PageDates(at(3), at(10)),
    }
    assert [p.src for p in latest(pages, dates)] == ["c.md", "b.md", "a.md", "d.md"]
    assert [p.src for p in latest(pages, dates, 2)] == ["c.md", "b.md"]
    assert [p.src for p in latest(pages, dates, exclude="c.md")] == ["b.md", "a.md", "d.md"]
    assert LATEST_COUNT == 5


def test_feed_title_has_french_spacing():
    assert feed_title("Porter la voix de son employeur") == "Porter la voix de son employeur\u00a0: nouveautés"
