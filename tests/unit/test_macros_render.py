"""Rendering of every macro, called the way mkdocs-macros calls them (a fake env, the mini-site's data).

Covers the markup that accessibility relies on (labels, fieldset, aria-current...), relative links from
pages at different depths, ordering rules, escaping of data texts and the errors of unknown ids.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from tests.macros_support import MINI_SITE, copy_mini_site, fake_env, load, write
from tests.support import ROOT


@pytest.fixture(scope="module")
def env():
    return fake_env(MINI_SITE)


def html(env, src: str, macro: str, *args) -> BeautifulSoup:
    return BeautifulSoup(str(env.at(src).macros[macro](*args)), "html.parser")


def text(node) -> str:
    """Visible text with the no-break spaces of French typography turned into plain spaces."""
    return re.sub(r"[\s\u00a0\u202f]+", " ", node.get_text()).strip()


# --- registration ----------------------------------------------------------------------------------------
def test_define_env_registers_the_macros_of_the_brief(env):
    assert set(env.macros) == {
        "checklist",
        "infographic",
        "series",
        "related",
        "latest_pages",
        "resources",
        "official_document",
        "glossary",
        "ref",
        "references",
        "faq",
        "page_list",
        "pdf_booklet",
    }


def test_every_macro_is_documented_for_editors(env):
    conventions = (ROOT / "docs" / "contribuer" / "conventions.md").read_text(encoding="utf-8")
    missing = [name for name in env.macros if f"{name}(" not in conventions]
    assert not missing, f"macros absentes de docs/contribuer/conventions.md : {missing}"


def test_conventions_show_the_real_example_file():
    """The YAML shown next to the live example is the file the example renders."""
    conventions = (ROOT / "docs" / "contribuer" / "conventions.md").read_text(encoding="utf-8")
    data = (ROOT / "data" / "checklists" / "exemple.yml").read_text(encoding="utf-8")
    data_lines = [line for line in data.splitlines() if line and not line.startswith("#")]
    assert "\n".join(data_lines) in conventions
    assert '{{ checklist("exemple") }}' in conventions


# --- checklist -----------------------------------------------------------------------------------------------
def test_checklist_structure_is_accessible(env):
    soup = html(env, "fiches/premiere.md", "checklist", "essai")
    root = soup.select_one("div.ck")
    assert root["id"] == "ck-essai"
    assert root["data-ck-key"] == "checklist:fiches/premiere/:essai"
    fieldset = root.select_one("fieldset")
    assert text(fieldset.select_one("legend")) == "Liste d’essai"
    assert fieldset.select_one("legend h3")
    boxes = fieldset.select("input[type=checkbox]")
    assert len(boxes) == 3
    for box in boxes:
        label = fieldset.select_one(f'label[for="{box["id"]}"]')
        assert label is not None and text(label)
        assert re.fullmatch(r"[0-9a-f]{10}", box["value"])
    assert len({box["id"] for box in boxes}) == 3
    described = soup.select_one(f"#{boxes[0]['aria-describedby']}")
    assert text(described) == "Parce que la règle le dit."
    assert not boxes[1].has_attr("aria-describedby")


def test_checklist_tools_are_hidden_until_javascript_runs(env):
    """The tools arrive ready (count written, nothing for site.js to change at load) and are hidden by CSS while
    <html> has Material's « no-js » class; tests/browser/test_macros_browser.py checks it without JavaScript."""
    soup = html(env, "fiches/premiere.md", "checklist", "essai")
    tools = soup.select_one(".ck-tools")
    assert not tools.has_attr("hidden")
    css = (ROOT / "docs" / "assets" / "stylesheets" / "blocks.css").read_text(encoding="utf-8")
    assert re.search(r"\.no-js \.md-typeset \.ck-tools \{\s*display: none;", css)
    status = tools.select_one("[data-ck-status]")
    assert status["aria-live"] == "polite"
    assert text(status) == "0 sur 3 points vérifiés"
    button = tools.select_one("button[data-ck-reset]")
    assert button["type"] == "button" and text(button) == "Tout décocher"


def test_checklist_links_are_relative_to_the_page(env):
    soup = html(env, "fiches/premiere.md", "checklist", "essai")
    rule = soup.select_one("a.ck-rule")
    assert rule["href"] == "../../regles/reglement/#premiere-regle"
    assert text(rule) == "Voir la règle : Règlement d’essai"
    inline = soup.select("label a")[0]
    assert inline["href"] == "../seconde/"
    assert soup.select_one("label strong").get_text() == "gras"
    # From the home page, the same checklist links one level less deep.
    assert html(env, "index.md", "checklist", "essai").select_one("a.ck-rule")["href"] == "regles/reglement/#premiere-regle"


def test_links_without_directory_urls(tmp_path):
    env = fake_env(copy_mini_site(tmp_path / "site"), use_directory_urls=False)
    soup = html(env, "fiches/premiere.md", "checklist", "essai")
    assert soup.select_one("a.ck-rule")["href"] == "../regles/reglement.html#premiere-regle"
    assert soup.select_one("div.ck")["data-ck-key"] == "checklist:fiches/premiere.html:essai"


def test_data_text_is_escaped_and_javascript_links_never_become_links(tmp_path):
    site = copy_mini_site(tmp_path / "site")
    write(
        site,
        "data/checklists/essai.yml",
        'titre: "<b>Titre</b>"\n'
        'intro: "<img src=x onerror=alert(1)>"\n'
        "items:\n"
        '  - texte: "<script>alert(1)</script> et *texte*"\n'
        '    pourquoi: "Un \\"guillemet\\" & une esperluette"\n',
    )
    env = fake_env(site)
    output = str(env.at("fiches/premiere.md").macros["checklist"]("essai"))
    assert "<script>" not in output and "<img" not in output and "<b>" not in output
    assert "&lt;script&gt;alert(1)&lt;/script&gt; et <em>texte</em>" in output
    assert "&lt;b&gt;Titre&lt;/b&gt;" in output
    assert "&amp; une esperluette" in output


@pytest.mark.parametrize(
    "source, expected",
    [
        ("[clic](javascript:alert(1))", "[clic](javascript:alert(1))"),
        ("[clic](javascript:document.cookie)", "clic"),
        ("[clic](JavaScript:document.cookie)", "clic"),
        ("[clic](data:text/html,x)", "clic"),
        ("[clic](//example.org/x)", "clic"),
        ("[clic](https://example.org/?a=1&b=2)", '<a href="https://example.org/?a=1&amp;b=2">clic</a>'),
        ("[écrire](mailto:contact@example.org)", '<a href="mailto:contact@example.org">écrire</a>'),
        ("[page](fiches/seconde.md#haut)", '<a href="../seconde/#haut">page</a>'),
        ("[absente](fiches/absente.md)", "absente"),
        ('[x](https://e.org/" onmouseover="alert(1))', "[x](https://e.org/&#34; onmouseover=&#34;alert(1))"),
        ("**gras** et *italique*", "<strong>gras</strong> et <em>italique</em>"),
        ("2 * 3 * 4", "2 * 3 * 4"),
    ],
)
def test_inline_markdown_is_safe(env, source, expected):
    from content.inline import render_inline
    from macros.current import Links

    site = load(MINI_SITE)
    assert str(render_inline(source, Links(site, site.pages.get("fiches/premiere.md")))) == expected


# --- infographic ---------------------------------------------------------------------------------------------
def test_infographic_is_real_headings_and_lists(env):
    soup = html(env, "infographie.md", "infographic", "essai")
    section = soup.select_one("section.ig")
    assert section["aria-label"] == "Infographie : Infographie d’essai"
    assert [text(h) for h in section.select("h2")] == ["Les avantages", "Les précautions"]
    assert [text(h) for h in section.select("h3")] == ["Pour l’un", "Pour l’autre", "Pour l’un", "Pour l’autre"]
    assert len(section.select("ul.ig-points > li")) == 5
    assert text(section.select_one(".ig-source")) == "Source : Équipe du site, données imaginaires"


# --- series ----------------------------------------------------------------------------------------------------
def test_series_marks_the_current_article_and_links_its_neighbours(env):
    soup = html(env, "serie/deuxieme.md", "series", "essai")
    nav = soup.select_one("nav.sr")
    assert text(nav.select_one(f"#{nav['aria-labelledby']}")) == "Sommaire de la série « Série d’essai »"
    items = nav.select("ol > li")
    assert [text(li.select_one("a, [aria-current]")) for li in items] == ["Premier article", "Deuxième article", "Troisième article"]
    current = nav.select_one('[aria-current="page"]')
    assert current.name == "span" and text(current) == "Deuxième article"
    assert nav.select_one("ol a[href='../premier/']") and nav.select_one("ol a[href='../troisieme/']")
    assert nav.select_one("a[rel=prev]")["href"] == "../premier/"
    assert nav.select_one("a[rel=next]")["href"] == "../troisieme/"


def test_series_first_article_and_landing_page(env):
    first = html(env, "serie/premier.md", "series", "essai")
    assert first.select_one("a[rel=prev]") is None and first.select_one("a[rel=next]")["href"] == "../deuxieme/"
    landing = html(env, "serie/index.md", "series", "essai")
    assert landing.select_one("[aria-current]") is None
    assert landing.select_one(".sr-pager") is None
    assert [a["href"] for a in landing.select("ol a")] == ["premier/", "deuxieme/", "troisieme/"]


# --- related --------------------------------------------------------------------------------------------------
def test_related_ranks_by_shared_tags_then_title(env):
    soup = html(env, "fiches/premiere.md", "related")
    nav = soup.select_one("nav.rl")
    assert text(nav.select_one("h2")) == "Sur le même sujet"
    titles = [text(a) for a in nav.select("a.rl-link")]
    # « Seconde fiche » shares two tags; the others one (ties in alphabetical order); pages of type « page » never.
    assert titles == ["Seconde fiche", "Deuxième article", "Infographie d’essai", "Premier article", "Règlement d’essai"]
    assert "Première fiche" not in titles and "Accueil du site d’essai" not in titles
    assert nav.select_one("a.rl-link")["href"] == "../seconde/"
    assert text(nav.select_one(".rl-description")).startswith("Une autre fiche d’essai")


def test_related_limit_and_empty_result(env, tmp_path):
    assert len(html(env, "fiches/premiere.md", "related", 2).select("a.rl-link")) == 2
    site = copy_mini_site(tmp_path / "site")
    tags = (site / "data/tags.yml").read_text(encoding="utf-8") + '- libelle: "Seule"\n  description: "Étiquette sans voisin."\n'
    write(site, "data/tags.yml", tags)
    page = (site / "docs/fiches/seconde.md").read_text(encoding="utf-8").replace("  - Essais\n  - Listes\n", "  - Seule\n")
    write(site, "docs/fiches/seconde.md", page)
    assert str(fake_env(site).at("fiches/seconde.md").macros["related"]()) == ""


def test_related_rejects_a_bad_limit(env):
    from macros.errors import MacroError

    with pytest.raises(MacroError, match=r"related\(0\) : le nombre de pages doit être un entier positif"):
        env.at("index.md").macros["related"](0)


# --- latest pages -----------------------------------------------------------------------------------------------
def test_latest_pages_newest_first_without_service_pages(env, monkeypatch):
    import datetime as dt

    import macros.navigation
    from content.history import PageDates

    def day(number):
        return dt.datetime(2026, 11, number, tzinfo=dt.UTC)

    dates = {src: PageDates(day(1), day(1)) for src in load(MINI_SITE).pages.paths()}
    dates["regles/reglement.md"] = PageDates(day(1), day(20))
    dates["fiches/seconde.md"] = PageDates(day(1), day(10))
    monkeypatch.setattr(macros.navigation, "page_dates", lambda docs_dir: dates)
    soup = html(env, "index.md", "latest_pages", 4)
    items = soup.select("ul.lp-list > li")
    assert [text(li.select_one("a")) for li in items] == ["Règlement d’essai", "Seconde fiche", "Deuxième article", "Infographie d’essai"]
    assert items[0].select_one("a")["href"] == "regles/reglement/"
    assert text(items[0].select_one(".lp-date")) == "(mis à jour le 20 novembre 2026)"
    assert text(items[1].select_one(".lp-description")).startswith("Une autre fiche d’essai")
    # Then the same list as an Atom feed (build_steps/feed.py), linked relatively from any depth.
    feed = soup.select_one("p.lp-feed a")
    assert text(feed) == "S’abonner aux nouveautés (flux Atom)"
    assert (feed["href"], feed["type"]) == ("flux.xml", "application/atom+xml")
    assert html(env, "regles/reglement.md", "latest_pages", 4).select_one("p.lp-feed a")["href"] == "../../flux.xml"


def test_latest_pages_outside_a_git_repository_fails_in_french(env, monkeypatch):
    import macros.navigation
    from content.history import HistoryError
    from macros.errors import MacroError

    def no_git(docs_dir):
        raise HistoryError("Le dossier n’est pas dans un dépôt git.")

    monkeypatch.setattr(macros.navigation, "page_dates", no_git)
    with pytest.raises(MacroError, match=r"^latest_pages\(\) : Le dossier n’est pas dans un dépôt git\.$"):
        env.at("index.md").macros["latest_pages"]()


# --- resources and official documents ----------------------------------------------------------------------------
def test_resources(env):
    soup = html(env, "ressources.md", "resources", "formations")
    item = soup.select_one("li.rs-item")
    assert item.select_one(".rs-title a")["href"] == "../fiches/premiere/"
    assert text(item.select_one(".rs-meta")) == "Pour qui : Tout le monde"
    texts = html(env, "ressources.md", "resources", "textes")
    internal, public, outside = texts.select("li.rs-item")
    # A resource outside the site (url:): its title links there, and says which site it opens.
    assert outside.select_one(".rs-title a")["href"] == "https://www.example.org/outil"
    assert text(outside.select_one(".rs-title")) == "Site public d’essai (example.org)"
    assert text(internal.select_one(".rs-title")) == "Texte interne d’essai" and internal.select_one(".rs-title a") is None
    assert text(internal.select_one(".rs-meta")) == "Où le lire : Intranet, accès réservé aux agents"
    assert public.select_one(".rs-meta a")["href"] == "https://www.example.org/texte"
    assert text(public.select_one(".rs-meta a")) == "lire « Texte public d’essai » sur example.org"
    assert public.select_one(".rs-description em").get_text() == "public"


def test_official_document_box(env):
    public = html(env, "regles/reglement.md", "official_document", "texte-public")
    box = public.select_one("aside.od")
    assert text(box.select_one(f"#{box['aria-labelledby']}")) == "Où lire le texte officiel"
    assert text(box.select_one("cite")) == "Texte public d’essai"
    assert [text(dd) for dd in box.select("dd")] == ["Service imaginaire", "Public"]
    assert box.select_one(".od-link a")["href"] == "https://www.example.org/texte"
    internal = html(env, "regles/reglement.md", "official_document", "texte-interne").select_one("aside.od")
    assert internal.select_one("a") is None
    assert "pas d’adresse publique" in text(internal.select_one(".od-link"))


# --- glossary ----------------------------------------------------------------------------------------------------
def test_glossary_is_sorted_with_ids(env):
    soup = html(env, "glossaire.md", "glossary")
    terms = soup.select("dl.gl > dt")
    assert [term["id"] for term in terms] == ["agence-d-essai", "ecureuil", "zebre"]
    assert text(terms[0]) == "Agence d’essai (AE)"
    assert terms[0].select_one("abbr")["title"] == "Agence d’essai"
    see = soup.select("dl.gl > dd")[1].select_one("a.gl-see")
    assert see["href"] == "../fiches/premiere/" and text(see) == "En savoir plus : Première fiche"


# --- errors ----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "macro, argument, message",
    [
        (
            "checklist",
            "inconnue",
            "checklist(« inconnue ») : liste de vérification « inconnue » introuvable dans data/checklists/. Identifiants existants : essai.",
        ),
        ("infographic", "x", "infographic(« x ») : infographie « x » introuvable dans data/infographics/. Identifiants existants : essai."),
        ("series", "x", "series(« x ») : série « x » introuvable dans data/series.yml. Identifiants existants : essai."),
        (
            "resources",
            "x",
            "resources(« x ») : type de ressources « x » introuvable dans data/resources.yml. Identifiants existants : formations, textes.",
        ),
        (
            "official_document",
            "x",
            "official_document(« x ») : document officiel « x » introuvable dans data/official-documents.yml. Identifiants existants : texte-interne, texte-public.",
        ),
    ],
)
def test_unknown_id_lists_the_existing_ones(env, macro, argument, message):
    from macros.errors import MacroError

    with pytest.raises(MacroError) as caught:
        env.at("index.md").macros[macro](argument)
    assert str(caught.value) == message


def test_no_front_matter_key_is_named_like_a_macro():
    """mkdocs-macros turns front-matter keys into template variables, which would hide a macro of the same name."""
    from content.pages import KNOWN_KEYS
    from macros import REGISTRY

    assert not set(KNOWN_KEYS) & {macro.name for macro in REGISTRY}


# --- pdf_booklet ------------------------------------------------------------------------------------------
def test_pdf_booklet_links_only_in_a_make_pdf_build(env, monkeypatch):
    """A plain build publishes no PDF, so no link; a `make pdf` build (PV_PDF=on) links to the booklet from any depth,
    with the details build_steps/pdf_kit.py fills in after printing."""
    monkeypatch.delenv("PV_PDF", raising=False)
    assert str(env.at("index.md").macros["pdf_booklet"]()) == ""
    monkeypatch.setenv("PV_PDF", "off")
    assert str(env.at("fiches/index.md").macros["pdf_booklet"]()) == ""
    monkeypatch.setenv("PV_PDF", "on")
    for src, href in [("index.md", "pdf/livret-fiches-memos.pdf"), ("fiches/premiere.md", "../../pdf/livret-fiches-memos.pdf")]:
        link = html(env, src, "pdf_booklet").find("a")
        assert link["href"] == href
        assert link["data-pv-pdf"] == "livret"
        assert text(link) == "Livret des fiches mémos (PDF)"
        assert link.find_parent("p").has_attr("data-pagefind-ignore")


def test_pdf_booklet_refuses_an_unknown_switch_value(env, monkeypatch):
    from mkdocs.exceptions import PluginError

    monkeypatch.setenv("PV_PDF", "oui")
    with pytest.raises(PluginError, match="PV_PDF='oui' : valeur inconnue"):
        env.at("index.md").macros["pdf_booklet"]()
