"""Site search (Pagefind, decisions/0001-recherche.md) tested as a reader uses it: the real search field of the
built site in Chromium, the query suite of tests/search_queries.yml, the filters, the keyboard, and axe-core."""

from __future__ import annotations

import json
import re
import statistics
from urllib.parse import urlparse
from urllib.request import urlopen

import pytest
import yaml
from bs4 import BeautifulSoup

from content.page_types import LABELS
from tests.support import ROOT, html_pages, new_context

QUERIES = yaml.safe_load((ROOT / "tests" / "search_queries.yml").read_text(encoding="utf-8"))
TYPE_LABELS = LABELS


# --------------------------------------------------------------------------------------------------
# Driving the search field
# --------------------------------------------------------------------------------------------------
def open_search(page, url: str) -> None:
    """Load a page, open the search with the « s » shortcut and wait until Pagefind is loaded."""
    page.goto(url)
    page.keyboard.press("s")
    page.wait_for_function("() => window.pvSearch && window.pvSearch.ready")
    page.evaluate("() => window.pvSearch.ready.then(() => true)")


def search(page, query: str, *, typed: bool = False) -> list[str]:
    """Type a query in the search field; returns the paths of the results in order (« fiches/x/ »)."""
    page.evaluate("() => { window.pvSearch.lastSearch = null }")
    field = page.locator("#pv-search-input")
    if typed:
        field.fill("")
        field.press_sequentially(query, delay=30)
    else:
        field.fill(query)
    # The search of the whole query: typed key by key, a slow machine may show the results of its beginning first.
    page.wait_for_function("q => window.pvSearch.lastSearch !== null && window.pvSearch.lastSearch.raw === q", arg=query.strip())
    return result_paths(page)


def spoken(text: str) -> str:
    """A status as a screen reader says it: French no-break spaces read as spaces."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def status_text(page) -> str:
    return spoken(page.inner_text("#pv-search-status"))


def result_paths(page) -> list[str]:
    hrefs = page.eval_on_selector_all("#pv-search-results a.md-search-result__link", "els => els.map(e => e.href)")
    return [urlparse(href).path.lstrip("/") for href in hrefs]


def query_id(q: dict) -> str:
    return q["query"]


@pytest.fixture(params=["un-index", "lots"])
def search_server(request) -> str:
    """The site with one search index, then the same site with its index in several bundles (what a site of more
    than PAGES_PER_INDEX pages gets): the reader must see the same search."""
    return request.getfixturevalue("site_server" if request.param == "un-index" else "split_site_server")


@pytest.fixture()
def reader(browser, site_server):
    """A fresh browser tab (light scheme) whose requests are recorded."""
    context = new_context(browser, color_scheme="light", locale="fr-FR")
    page = context.new_page()
    page.requests_seen = []
    page.on("request", lambda request: page.requests_seen.append(request.url))
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, f"erreurs JavaScript pendant la recherche : {errors}"


# --------------------------------------------------------------------------------------------------
# The index, in the built HTML
# --------------------------------------------------------------------------------------------------
def test_pagefind_index_is_built_and_material_search_is_not(built_site):
    entry = built_site / "pagefind" / "pagefind-entry.json"
    assert (built_site / "pagefind" / "pagefind.js").is_file(), "pagefind/pagefind.js manque : le hook de recherche n’a pas tourné"
    assert entry.is_file()
    assert json.loads(entry.read_text(encoding="utf-8"))["languages"]["fr"]["page_count"] >= 20
    assert not (built_site / "search" / "search_index.json").exists(), "l’index de la recherche de Material est encore construit"
    assert not (built_site / "pagefind" / "pagefind-ui.js").exists(), "l’interface toute faite de Pagefind n’est pas utilisée"


def test_every_content_page_is_indexed_with_its_type(built_site):
    """Each Markdown page is marked for Pagefind with its type's label; the tags index and the 404 page are not."""
    wrong = []
    for path in html_pages(built_site):
        rel = path.relative_to(built_site).as_posix()
        if rel.startswith("pagefind/"):
            continue
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        body = soup.select("[data-pagefind-body]")
        if rel in {"404.html", "etiquettes/index.html"}:
            if body:
                wrong.append(f"{rel} : ne devrait pas être indexée")
            continue
        if len(body) != 1:
            wrong.append(f"{rel} : {len(body)} élément(s) data-pagefind-body au lieu d’un")
            continue
        if body[0].find("h1") is None:
            wrong.append(f"{rel} : le titre h1 n’est pas dans la partie indexée")
        types = [el["data-pv-value"] for el in soup.select('[data-pagefind-filter^="type"]')]
        if len(types) != 1 or types[0] not in TYPE_LABELS.values():
            wrong.append(f"{rel} : type de contenu {types}")
        if body[0].find(class_="md-sidebar") or body[0].find("footer"):
            wrong.append(f"{rel} : la navigation ou le pied de page est indexé")
    assert not wrong, "pages mal préparées pour la recherche :\n" + "\n".join(wrong)


def _page_count(bundle) -> int:
    return json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"]["fr"]["page_count"]


def test_one_bundle_for_a_small_site(built_site):
    assert json.loads((built_site / "pagefind" / "lots.json").read_text(encoding="utf-8")) == []


def test_index_in_bundles_holds_every_page_once(built_site, split_site):
    """Beyond PV_SEARCH_PAGES_PER_INDEX pages (PAGES_PER_INDEX by default), the index is cut into bundles of at most that many
    pages, each section spread over all of them; the others hold their index only, not a second engine."""
    from tests.conftest import SPLIT_PAGES_PER_INDEX

    site, _port = split_site
    first = site / "pagefind"
    names = json.loads((first / "lots.json").read_text(encoding="utf-8"))
    total = _page_count(built_site / "pagefind")
    assert len(names) + 1 == -(-total // SPLIT_PAGES_PER_INDEX), names
    counts = [_page_count(first)] + [_page_count(first / name) for name in names]
    assert sum(counts) == total and max(counts) <= SPLIT_PAGES_PER_INDEX, counts
    fragments = [len(list((first / name / "fragment").iterdir())) for name in ["", *names]]
    assert fragments == counts
    for name in names:
        kept = sorted(p.name for p in (first / name).iterdir() if p.is_file())
        assert len(kept) == 2 and kept[0] == "pagefind-entry.json" and kept[1].endswith(".pf_meta"), kept


# --------------------------------------------------------------------------------------------------
# Relevance: the query suite
# --------------------------------------------------------------------------------------------------
HARD_KINDS = {"question", "typo", "synonym", "derived", "partial"}
MIN_HARD_RECALL_AT_3 = 0.95
MIN_HARD_MRR = 0.85


# Each query of a suite put in the search field, then searched at once: the filter « Type » announces a change,
# which makes search.js search the field's text without waiting (typing waits DEBOUNCE_MS for the next key: that
# path is tested by the typed queries below). Its results are read once search.js announces them for the whole
# query (its « pv-search-results » event). The whole suite runs in the page, in one call: a round trip to the test
# per query would cost more than the searches.
RUN_SUITE = """async queries => {
  const field = document.getElementById("pv-search-input");
  const root = document.querySelector("[data-pv-search]");
  const filter = document.getElementById("pv-search-type");
  const answers = [];
  for (const query of queries) {
    const answered = new Promise(resolve => {
      const listener = event => {
        if (event.detail.raw !== query.trim()) return;
        root.removeEventListener("pv-search-results", listener);
        resolve(event.detail.ms);
      };
      root.addEventListener("pv-search-results", listener);
    });
    field.value = query;
    filter.dispatchEvent(new Event("change", {bubbles: true}));
    const ms = await answered;
    const links = [...document.querySelectorAll("#pv-search-results a.md-search-result__link")];
    answers.push({paths: links.map(link => link.pathname.slice(1)), anchors: links.map(link => link.hash), ms});
  }
  return answers;
}"""


def search_all(page, queries: list[str]) -> list[dict]:
    """Each query searched in the real field (RUN_SUITE): the results' paths (« fiches/x/ ») and anchors (« #id »,
    or « »), in order, and the search's duration in milliseconds."""
    answers = page.evaluate(RUN_SUITE, queries)
    assert len(answers) == len(queries)
    return answers


def measure(page, queries: list[dict]) -> dict:
    """recall@3, MRR, the queries with no result at all, and the misses, for queries put in the real field."""
    hits, reciprocal, misses, empty, times = 0, 0.0, [], [], []
    answers = search_all(page, [q["query"] for q in queries])
    for q, answer in zip(queries, answers, strict=True):
        paths = answer["paths"]
        times.append(answer["ms"])
        rank = next((i + 1 for i, path in enumerate(paths) if path in q["expected"]), None)
        hits += rank is not None and rank <= 3
        reciprocal += 1 / rank if rank else 0
        if not paths:
            empty.append(q["query"])
        if rank is None or rank > 3:
            misses.append(f"  « {q['query']} » ({q['kind']}) : attendu {q['expected']}, obtenu {paths[:3]}")
    return {
        "count": len(queries),
        "recall": hits / len(queries),
        "mrr": reciprocal / len(queries),
        "empty": empty,
        "misses": misses,
        "ms": statistics.median(times),
    }


# The site in bundles (split_site_server: bundles of a few pages, to test what a site of thousands of pages gets)
# ranks a little worse: each bundle scores with its own word statistics, and a bundle without the word matches,
# through Pagefind's prefix search, words that merely begin like it (« ressources » for « reserve »). With the real
# bundles of 300 pages this is rarer; it is measured here, not hidden (decisions/0003-recherche-tolerante.md).
MIN_EASY_RECALL_AT_3 = {"un-index": 1.0, "lots": 0.98}


@pytest.mark.browser
def test_query_suite_recall_at_3(reader, search_server, request):
    """Every query of tests/search_queries.yml typed in the real field. Easy queries (accents, plurals, headings…):
    every one in the top three (one index). Hard ones (misspellings, synonyms, word families, extra words, whole
    questions): recall@3 >= 95 % and MRR >= 0.85. No query of the suite may get an empty answer: each has a
    relevant page."""
    easy = [q for q in QUERIES if q["kind"] not in HARD_KINDS]
    hard = [q for q in QUERIES if q["kind"] in HARD_KINDS]
    assert len(easy) >= 50 and len(hard) >= 40, (len(easy), len(hard))
    open_search(reader, search_server)
    results = {"faciles": measure(reader, easy), "difficiles": measure(reader, hard)}
    for name, r in results.items():
        print(
            f"\nRecherche, requêtes {name} : {r['count']}, recall@3 = {r['recall']:.1%}, MRR = {r['mrr']:.3f}, "
            f"sans aucun résultat : {len(r['empty'])}, durée médiane d’une recherche : {r['ms']:.0f} ms"
        )
        if r["misses"]:
            print("Requêtes manquées :\n" + "\n".join(r["misses"]))
    easy_r, hard_r = results["faciles"], results["difficiles"]
    min_easy = MIN_EASY_RECALL_AT_3[request.node.callspec.params["search_server"]]
    assert easy_r["recall"] >= min_easy, f"requêtes faciles : recall@3 = {easy_r['recall']:.1%}\n" + "\n".join(easy_r["misses"])
    assert hard_r["recall"] >= MIN_HARD_RECALL_AT_3 and hard_r["mrr"] >= MIN_HARD_MRR, (
        f"requêtes difficiles : recall@3 = {hard_r['recall']:.1%} (minimum {MIN_HARD_RECALL_AT_3:.0%}), "
        f"MRR = {hard_r['mrr']:.3f} (minimum {MIN_HARD_MRR})\n" + "\n".join(hard_r["misses"])
    )
    assert not easy_r["empty"] + hard_r["empty"], f"requêtes sans aucun résultat : {easy_r['empty'] + hard_r['empty']}"


@pytest.mark.browser
def test_typed_query_with_accents_elision_and_capitals(reader, search_server):
    """Typed key by key (the debounce and the order of answers matter), with ’, capitals and no accents."""
    open_search(reader, search_server)
    assert search(reader, "Charte de l’ETAT", typed=True)[0] == "regles/charte-reseaux-sociaux-etat/"


@pytest.mark.browser
def test_result_shows_title_type_and_highlighted_excerpt(reader, search_server):
    open_search(reader, search_server)
    search(reader, "deconnexion")
    first = reader.locator("#pv-search-results li").first
    assert first.locator(".pv-search-title").inner_text() == "Le droit à la déconnexion"
    assert "Guide" in first.locator(".pv-search-type").inner_text()
    marks = first.locator(".pv-search-excerpt mark")
    assert marks.count() >= 1
    assert "déconnexion" in marks.first.inner_text().lower()
    assert "'" not in first.inner_text(), "les apostrophes de l’index doivent redevenir typographiques (’)"


@pytest.mark.browser
def test_heading_match_ranks_before_a_single_mention(reader, site_server):
    """« neutralité » is a heading of the agents' obligations page and is mentioned once in several fiches.
    One bundle only: merged bundles each score with their own word statistics, which can reorder close results on
    a site this small cut into tiny bundles (the query suite above still runs on both)."""
    open_search(reader, site_server)
    assert search(reader, "neutralité")[0] == "regles/obligations-des-agents/"


# --------------------------------------------------------------------------------------------------
# Filters
# --------------------------------------------------------------------------------------------------
@pytest.mark.browser
def test_type_filter_narrows_results(reader, search_server):
    open_search(reader, search_server)
    everything = search(reader, "linkedin")
    options = reader.eval_on_selector_all("#pv-search-type option", "els => els.map(e => e.value)")
    assert {"Fiche mémo", "Charte", "Guide", "Article"} <= set(options), options

    reader.evaluate("() => { window.pvSearch.lastSearch = null }")
    reader.select_option("#pv-search-type", "Fiche mémo")
    reader.wait_for_function("() => window.pvSearch.lastSearch !== null")
    fiches = result_paths(reader)
    assert fiches and len(fiches) < len(everything)
    assert all(path.startswith("fiches/") and path != "fiches/" for path in fiches), fiches
    types = reader.eval_on_selector_all("#pv-search-results .pv-search-type", "els => els.map(e => e.textContent)")
    assert all(t.endswith("Fiche mémo") for t in types), types
    assert "de type « Fiche mémo »" in status_text(reader)

    # A type alone, without words, lists every page of that type.
    reader.evaluate("() => { window.pvSearch.lastSearch = null }")
    reader.select_option("#pv-search-type", "Charte")
    reader.wait_for_function("() => window.pvSearch.lastSearch !== null")
    search(reader, "")
    chartes = result_paths(reader)
    assert len(chartes) >= 3 and all(p.startswith("regles/charte-") for p in chartes), chartes


@pytest.mark.browser
def test_tag_filter_narrows_results(reader, search_server):
    open_search(reader, search_server)
    search(reader, "agent")
    reader.evaluate("() => { window.pvSearch.lastSearch = null }")
    reader.select_option("#pv-search-tag", "Déconnexion")
    reader.wait_for_function("() => window.pvSearch.lastSearch !== null")
    assert "regles/droit-a-la-deconnexion/" in result_paths(reader)
    assert "avec l’étiquette « Déconnexion »" in status_text(reader)


# --------------------------------------------------------------------------------------------------
# Keyboard, live region, what is downloaded
# --------------------------------------------------------------------------------------------------
@pytest.mark.browser
def test_keyboard_open_browse_close_and_enter(reader, site_server):
    reader.goto(site_server + "fiches/")
    reader.keyboard.press("/")
    assert reader.evaluate("() => document.getElementById('__search').checked"), "« / » doit ouvrir la recherche"
    assert reader.evaluate("() => document.activeElement.id") == "pv-search-input"
    reader.evaluate("() => window.pvSearch.ready")
    search(reader, "photo")

    reader.keyboard.press("ArrowDown")
    assert reader.evaluate("() => document.activeElement.classList.contains('md-search-result__link')")
    reader.keyboard.press("ArrowUp")
    assert reader.evaluate("() => document.activeElement.id") == "pv-search-input"

    reader.keyboard.press("Escape")
    assert not reader.evaluate("() => document.getElementById('__search').checked"), "Échap doit fermer la recherche"

    reader.keyboard.press("s")
    search(reader, "droit a l'image")
    reader.keyboard.press("Enter")
    reader.wait_for_url("**/fiches/photos-et-droit-a-l-image/")
    assert not reader.evaluate("() => document.getElementById('__search').checked")


@pytest.mark.browser
def test_live_region_announces_results_in_french(reader, site_server):
    open_search(reader, site_server)
    status = reader.locator("#pv-search-status")
    assert status.get_attribute("role") == "status"
    search(reader, "ambassadeurs")
    assert status.inner_text().split(" ")[1] in {"résultat", "résultats"}
    # French typography in the sentences the script writes: no-break spaces inside « » (content/typography.py).
    assert "pour «\u00a0ambassadeurs\u00a0»" in status.inner_text()
    search(reader, "zzzyxq")
    assert status_text(reader).startswith("Aucun résultat pour « zzzyxq »")


@pytest.mark.browser
def test_first_search_loads_pagefind_lazily_and_never_material_search(reader, search_server):
    reader.goto(search_server)
    reader.wait_for_load_state("networkidle")
    assert not [u for u in reader.requests_seen if "pagefind" in u], "Pagefind ne doit se charger qu’à la première recherche"
    reader.keyboard.press("s")
    reader.evaluate("() => window.pvSearch.ready")
    search(reader, "charte")
    seen = reader.requests_seen
    assert any(u.endswith("pagefind/pagefind.js") for u in seen)
    assert any(".pf_index" in u for u in seen)
    bundles = json.loads(urlopen(search_server + "pagefind/lots.json").read())
    for bundle in bundles:  # every other bundle is searched too, with the first bundle's engine
        assert any(u.startswith(f"{search_server}pagefind/{bundle}") and ".pf_index" in u for u in seen), (bundle, seen)
    engines = [u for u in seen if u.endswith((".js", ".pagefind")) and "/lot-" in u]
    assert not engines, f"les lots ne doivent charger que leur index : {engines}"
    material = [u for u in seen if "search_index.json" in u or "/workers/search" in u or "/lunr/" in u]
    assert not material, f"la recherche de Material ne doit plus être chargée : {material}"
    outside = [u for u in seen if urlparse(u).netloc != urlparse(search_server).netloc and not u.startswith("data:")]
    assert not outside, f"requêtes vers un autre serveur : {outside}"


# Accessibility of the search (axe-core with results shown, desktop and phone, light and dark; keyboard): see
# tests/browser/test_a11y.py, which checks the whole page with the search open.


# --------------------------------------------------------------------------------------------------
# The questions of the FAQ (data/faq.yml): each one found on its own, the result opening at the question
# --------------------------------------------------------------------------------------------------
FAQ = yaml.safe_load((ROOT / "data" / "faq.yml").read_text(encoding="utf-8"))


@pytest.mark.browser
def test_each_faq_question_is_found_and_opens_at_its_heading(reader, site_server):
    """The question as a reader types it (without its « ? »): a result among the first three opens the FAQ at that
    question's anchor, shows the question under the page title, and the browser lands on the heading."""
    assert len(FAQ["questions"]) >= 30
    open_search(reader, site_server)
    queries = [question["question"].rstrip(" ?") for question in FAQ["questions"]]
    misses = []
    for query, question, answer in zip(queries, FAQ["questions"], search_all(reader, queries), strict=True):
        target = f"questions-frequentes/#{question['id']}"
        found = [path + anchor for path, anchor in zip(answer["paths"], answer["anchors"], strict=True)][:3]
        if target not in found:
            misses.append(f"  « {query} » : attendu {target}, obtenu {found}")
    assert not misses, f"{len(misses)} questions de la FAQ non trouvées à leur place :\n" + "\n".join(misses)

    # One of them followed to the end: the section title shown, then the page opened at the question.
    question = FAQ["questions"][0]
    search(reader, question["question"].rstrip(" ?"))
    link = reader.locator(f'#pv-search-results a.md-search-result__link[href$="#{question["id"]}"]').first
    shown = link.locator(".pv-search-section").text_content()  # « Partie : » is for screen readers only
    assert " ".join(shown.replace("\u202f", " ").replace("\u00a0", " ").split()).rstrip(" ?") == "Partie : " + question["question"].rstrip(
        " ?"
    )
    link.click()
    reader.wait_for_url(f"**/questions-frequentes/#{question['id']}")
    heading = reader.locator(f"[id='{question['id']}']")
    assert heading.evaluate("el => el.tagName") == "H3"
    assert heading.evaluate("el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight }")


@pytest.mark.browser
def test_no_empty_answer_when_part_of_the_query_matches(reader, site_server):
    """« candidats jeunes diplômés »: no page holds all three words, but « candidats » alone finds the article. The
    reader gets the closest pages, and is told so; a query with no known word still says « Aucun résultat »."""
    open_search(reader, site_server)
    paths = search(reader, "candidats jeunes diplômés")
    assert "attractivite/dans-la-tete-des-candidats/" in paths[:3], paths
    status = status_text(reader)
    assert status.startswith("Aucune page ne contient tous les mots ; le mot « diplômés » ne figure dans aucune page."), status
    assert "\u202f;" in reader.inner_text("#pv-search-status"), "espace fine insécable avant « ; »"
    assert search(reader, "zzqx plouftruc") == []
    assert "Aucun résultat" in status_text(reader)
    # A query every word of which is found keeps the ordinary answer.
    search(reader, "droit à la déconnexion")
    assert not status_text(reader).startswith("Aucune page ne contient")


@pytest.mark.browser
def test_highlights_hold_the_word_without_its_punctuation(reader, site_server):
    """Pagefind marks « réserve. » with its full stop; the reader sees only the word highlighted."""
    open_search(reader, site_server)
    marked = []
    for query in ("reserve", "deconnexion", "neutralite", "candidats"):
        search(reader, query)
        marked += reader.eval_on_selector_all("#pv-search-results mark", "els => els.map(e => e.textContent)")
    assert marked, "aucun mot surligné"
    punctuated = [text for text in marked if re.search(r"^[\W_]|[\W_]$", text)]
    assert not punctuated, punctuated


# --------------------------------------------------------------------------------------------------
# Forgiving what readers type: misspellings, absent words, synonyms (build_steps/search_words.py)
# --------------------------------------------------------------------------------------------------
def test_vocabulary_and_synonyms_are_published_with_the_index(built_site):
    words = json.loads((built_site / "pagefind" / "mots" / "de.json").read_text(encoding="utf-8"))
    forms = {form: pages for form, pages in words}
    assert "déconnexion" in forms and forms["déconnexion"] >= 2, "la forme accentuée, avec son nombre de pages"
    assert "deconnexion" not in forms, "une seule forme par mot (la plus fréquente)"
    assert [pages for _, pages in words] == sorted((pages for _, pages in words), reverse=True)
    groups = json.loads((built_site / "pagefind" / "synonymes.json").read_text(encoding="utf-8"))
    assert groups == yaml.safe_load((ROOT / "data" / "synonyms.yml").read_text(encoding="utf-8"))["groupes"]


@pytest.mark.browser
def test_a_misspelt_word_is_corrected_and_one_keystroke_accepts_the_proposal(reader, site_server):
    open_search(reader, site_server)
    paths = search(reader, "droit a la deconection", typed=True)
    assert paths[0] == "regles/droit-a-la-deconnexion/"
    proposal = reader.locator(".pv-search-suggestion")
    assert proposal.is_visible()
    assert spoken(proposal.inner_text()) == "Vouliez-vous dire droit a la déconnexion ?"
    assert status_text(reader).startswith("Vouliez-vous dire « droit a la déconnexion » ? Résultats pour cette correction")
    # → at the end of the field: the field takes the correction, the proposal goes.
    reader.evaluate("() => { window.pvSearch.lastSearch = null }")
    reader.locator("#pv-search-input").press("ArrowRight")
    reader.wait_for_function("() => window.pvSearch.lastSearch !== null")
    assert reader.input_value("#pv-search-input") == "droit a la déconnexion"
    assert not proposal.is_visible()
    assert result_paths(reader)[0] == "regles/droit-a-la-deconnexion/"
    assert not status_text(reader).startswith("Vouliez-vous dire")
    # The proposal is also a button, reached with ↓ from the field.
    search(reader, "glosaire")
    reader.locator("#pv-search-input").press("ArrowDown")
    assert reader.evaluate("() => document.activeElement.classList.contains('pv-search-suggestion__button')")
    reader.evaluate("() => { window.pvSearch.lastSearch = null }")
    reader.keyboard.press("Enter")
    reader.wait_for_function("() => window.pvSearch.lastSearch !== null")
    assert reader.input_value("#pv-search-input") == "glossaire"


@pytest.mark.browser
def test_a_known_word_is_never_corrected_and_an_absent_word_is_said(reader, site_server):
    open_search(reader, site_server)
    search(reader, "pharos")  # in one page only: known, not « corrected » into a commoner word
    assert not reader.locator(".pv-search-suggestion").is_visible()
    assert reader.evaluate("() => window.pvSearch.lastSearch.words") == ["pharos"]
    paths = search(reader, "harcèlement zorglub")
    assert paths and paths[0] == "fiches/attaque-ou-harcelement-en-ligne/", paths
    assert status_text(reader).startswith("Aucune page ne contient tous les mots ; le mot « zorglub » ne figure dans aucune page."), (
        status_text(reader)
    )
    # Two known words that no page holds together: the pages holding one of them, and the reader is told.
    paths = search(reader, "pomme digue")
    assert paths and status_text(reader).startswith("Aucune page ne contient tous les mots ; voici les plus proches :"), status_text(reader)


@pytest.mark.browser
def test_a_synonym_finds_the_page_that_uses_the_other_word(reader, site_server):
    """« cyberharcèlement » is on no page; data/synonyms.yml puts it with « harcèlement »."""
    open_search(reader, site_server)
    assert search(reader, "cyberharcèlement")[0] == "fiches/attaque-ou-harcelement-en-ligne/"
    assert not reader.locator(".pv-search-suggestion").is_visible(), "un synonyme n’est pas une faute de frappe"
