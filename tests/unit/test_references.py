"""Legal references (data/references.yml), the FAQ (data/faq.yml), review dates and generated lists of pages: the
content model's checks and the macros that show them (`ref`, `references`, `faq`, `page_list`), on the mini-site."""

from __future__ import annotations

import datetime
import re

import pytest
from bs4 import BeautifulSoup

from content.references import Citation, citations_in
from editors import review
from macros.errors import MacroError
from tests.macros_support import MINI_SITE, copy_mini_site, fake_env, load, problems, write


@pytest.fixture
def site(tmp_path):
    return copy_mini_site(tmp_path / "site")


def append(site, relative: str, text: str) -> None:
    path = site / relative
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


# --- citations written in the text ---------------------------------------------------------------------
@pytest.mark.parametrize(
    "line, expected",
    [
        ("Code général de la fonction publique (CGFP), art. L111-1, L121-2 et L121-7.", ["cgfp L111-1", "cgfp L121-2", "cgfp L121-7"]),
        ("l’article L121-7 du CGFP", ["cgfp L121-7"]),
        ("CGFP, art. R124-2 (référent déontologue)", ["cgfp R124-2"]),
        ("Code pénal, art. 226-13 et 222-33-2-2.", ["penal 226-13", "penal 222-33-2-2"]),
        ("Code civil, art. 9 ; loi n° 2016-1691.", ["civil 9"]),
        ("Code pénal, art. 226-13, et Code civil, art. 9.", ["penal 226-13", "civil 9"]),
        (
            "Conseil d’État, 27 juin 2018, n° 412541 ; Cass. soc., n° 22-18.014 ; CAA, n° 19BX02151.",
            ["decision 412541", "decision 22-18.014", "decision 19BX02151"],
        ),
        ("Code de la propriété intellectuelle (CPI), art. L111-1.", []),  # another code: not a CGFP article
        ("Décret n° 2018-1351 du 28 décembre 2018 ; loi n° 2024-449.", []),  # texts, not decisions
        ("Un article L121-7 sans nom de code.", []),
    ],
)
def test_citations_are_recognised_in_the_text(line, expected):
    assert [f"{c.code} {c.number}" for c in citations_in(line)] == expected


def test_a_citation_missing_from_the_references_is_reported_with_its_line(site):
    append(
        site,
        "docs/fiches/premiere.md",
        "\nLe CGFP, art. L121-7, et le CGFP, art. L121-70 (faute de frappe).\n\nCE, 1er janvier 2020, n° 123456.\n",
    )
    found = problems(site)
    assert len(found) == 2, found
    assert re.match(r"docs/fiches/premiere\.md, ligne \d+ : « CGFP, art\. L121-70 » n’est pas dans data/references\.yml", found[0])
    assert "« décision n° 123456 »" in found[1] and "Légifrance" in found[1]


def test_a_reference_says_where_to_read_it(site):
    text = (site / "data/references.yml").read_text(encoding="utf-8").replace('  acces: "Légifrance, jurisprudence administrative"\n', "")
    write(site, "data/references.yml", text)
    assert problems(site) == [
        "data/references.yml, ligne 10 : references › ce-2018-06-27-412541 — ni adresse ni acces : le lecteur ne sait pas où lire ce "
        "texte. Attendu : une adresse officielle (https://…), ou une ligne acces qui dit où le texte se consulte."
    ]


def test_reference_fields_are_checked(site):
    text = (site / "data/references.yml").read_text(encoding="utf-8")
    write(
        site,
        "data/references.yml",
        text.replace("type: article", "type: loi-organique").replace("verifie_le: 2026-11-20", "verifie_le: hier", 1),
    )
    found = problems(site)
    assert any("type — valeur « loi-organique » inconnue" in p for p in found), found
    assert any("verifie_le — « hier » n’est pas une date" in p for p in found), found


def test_which_pages_cite_which_reference():
    site = load(MINI_SITE)
    assert [page.src for page in site.reference_uses["cgfp-l121-7"]] == ["fiches/seconde.md", "questions.md"]


# --- the FAQ ---------------------------------------------------------------------------------------------
def test_faq_mistakes_are_reported_in_french(site):
    text = (site / "data/faq.yml").read_text(encoding="utf-8")
    long_answer = " ".join(["mot"] * 121)
    text = (
        text.replace('"Puis-je parler de mon travail ?"', '"Puis-je parler de mon travail"')
        .replace("theme: essais", "theme: essai")
        .replace("references: [cgfp-l121-7]", "references: [cgfp-l121-77]")
        .replace('"Oui, avec **mesure** : voir [la fiche](fiches/premiere.md)."', f'"{long_answer}"')
    )
    write(site, "data/faq.yml", text)
    found = "\n".join(problems(site))
    assert "question — la question ne finit pas par « ? »" in found
    assert "reponse — réponse trop longue (121 mots, maximum 120)" in found
    assert "theme — rubrique « essai » inconnue. Vouliez-vous dire « essais » ?" in found
    assert "references[1] — référence « cgfp-l121-77 » inconnue. Vouliez-vous dire « cgfp-l121-7 » ?" in found


def test_faq_renders_each_question_under_its_own_heading():
    env = fake_env(MINI_SITE).at("questions.md")
    markdown = env.macros["faq"]()
    assert "## Questions d’essai" in markdown
    assert "### Puis-je parler de mon travail ? { #premiere-question }" in markdown
    assert "**Pour aller plus loin :** [Première fiche](fiches/premiere.md) · [Règlement d’essai](regles/reglement.md)" in markdown
    answer = BeautifulSoup(markdown, "html.parser").select_one(".faq-answer")
    assert answer.select_one("strong").get_text() == "mesure"
    assert answer.select_one("a")["href"] == "../fiches/premiere/"  # from questions/ to fiches/premiere/
    assert "Pour qui\u00a0: Tout le personnel, Encadrement" in answer.get_text()
    assert answer.select_one("a.pv-ref")["href"].startswith("https://www.legifrance.gouv.fr/")


# --- ref() and references() ------------------------------------------------------------------------------
def test_ref_links_to_the_official_text_or_says_where_to_read_it():
    env = fake_env(MINI_SITE).at("fiches/premiere.md")
    linked = BeautifulSoup(str(env.macros["ref"]("cgfp-l121-7")), "html.parser").select_one("a.pv-ref")
    assert linked.get_text() == "CGFP, art. L121-7" and linked["href"].startswith("https://www.legifrance.gouv.fr/")
    other = BeautifulSoup(str(env.macros["ref"]("cgfp-l121-7", "l’article L121-7")), "html.parser")
    assert other.get_text() == "l’article L121-7"
    # No public address, and no « Textes de référence » page in this site to say where to read it: plain text.
    plain = BeautifulSoup(str(env.macros["ref"]("ce-2018-06-27-412541")), "html.parser")
    assert plain.select_one("span.pv-ref") is not None and not plain.select("a")
    with pytest.raises(MacroError, match=r"ref\(« cgfp-l121-77 »\) : référence « cgfp-l121-77 » introuvable.*cgfp-l121-7"):
        env.macros["ref"]("cgfp-l121-77")


def test_references_page_lists_every_reference_and_the_pages_citing_it():
    env = fake_env(MINI_SITE).at("textes.md")
    markdown = env.macros["references"]()
    assert "## Articles de codes" in markdown and "## Décisions de justice" in markdown
    row = next(line for line in markdown.splitlines() if line.startswith('| <span id="ref-cgfp-l121-7"></span>**CGFP, art. L121-7**'))
    assert "[legifrance.gouv.fr](https://www.legifrance.gouv.fr/" in row and "20 novembre 2026" in row
    assert "[Seconde fiche](fiches/seconde.md)" in row and "[Questions](questions.md)" in row


# --- generated lists of pages ----------------------------------------------------------------------------
def test_page_list_lists_the_pages_of_a_type_from_their_front_matter():
    env = fake_env(MINI_SITE).at("fiches/premiere.md")
    soup = BeautifulSoup(str(env.macros["page_list"]("fiche")), "html.parser")
    assert [a.get_text() for a in soup.select("a.pl-link")] == ["Seconde fiche"]  # the current page left out
    assert soup.select_one("a.pl-link")["href"] == "../seconde/"
    with pytest.raises(MacroError, match=r"page_list\(« fiches »\) : type de page « fiches » introuvable"):
        env.macros["page_list"]("fiches")


# --- review dates ----------------------------------------------------------------------------------------
def test_review_dates_older_than_a_year_are_listed():
    site = load(MINI_SITE)
    assert review.overdue(site, datetime.date(2027, 11, 1)) == []
    late = review.overdue(site, datetime.date(2027, 12, 1))
    assert len(late) == 5, late  # three pages, two references
    assert late[0].startswith("data/references.yml › ") or late[0].startswith("docs/")
    assert all("il y a plus d’un an" in line and "verifie_le" in line for line in late)
    assert Citation("cgfp", "L121-7") in {c for page in site.pages for c, _line in page.citations}


def test_under_the_preview_a_failing_call_shows_its_message_in_place(monkeypatch):
    """`make serve`: a macro call that fails at rendering shows its French message in the page instead of stopping
    the preview; `mkdocs build` still stops on it."""
    from content.errors import PREVIEW

    env = fake_env(MINI_SITE).at("fiches/premiere.md")
    with pytest.raises(MacroError, match="le texte affiché doit être un texte entre guillemets"):
        env.macros["ref"]("cgfp-l121-7", 3)
    monkeypatch.setattr(PREVIEW, "active", True)
    shown = BeautifulSoup(str(env.macros["ref"]("cgfp-l121-7", 3)), "html.parser")
    box = shown.select_one("div.admonition.failure[role=alert]")
    assert box is not None and "le texte affiché doit être un texte entre guillemets" in box.get_text()
    assert "À corriger avant publication" in box.get_text()
    # Not a MacroError (a Python error in the macro): a French sentence, no English.
    other = BeautifulSoup(str(env.macros["checklist"]()), "html.parser").get_text()  # no id: a Python TypeError
    assert "checklist(…) n’a pas pu être affiché avec ces arguments" in other and "TypeError" not in other
