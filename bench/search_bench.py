"""Search benchmark: what a first search downloads and how fast results come, on a generated site of 5,000 pages.

    .venv/bin/python -m bench.search_bench                 # 5,000 pages, Pagefind (the site's search) and lunr
    .venv/bin/python -m bench.search_bench --pages 1000    # another size
    .venv/bin/python -m bench.search_bench --skip-lunr     # Pagefind only (one build instead of two)
    .venv/bin/python -m bench.search_bench --compare       # relevance of the routes on the real content

Everything runs here, in Debian's Chromium driven by Playwright, through the real search code of each route:
- « pagefind »: the site as configured (build_steps/search_index.py, assets/javascripts/search.js);
- « lunr »: Material's built-in search (plugin `search`, `lang: fr`), as the site had it before;
- « lunr-tuned » (--compare only): Material's search with a separator that splits on apostrophes, a build step
  that adds accent-folded and singular forms of every word to the index, and queries folded the same way
  before they reach Material's worker (the change a patched worker would make).

The generated site is the real project (theme, overrides, hooks, macros) plus N pages made from the real
pages' sentences, with headings, types and tags, and ~10 made-up words per page so that the vocabulary grows
with the site as a real one would (5,000 pages ≈ 50,000 distinct words). Work files: bench/work/ (ignored by
git). Results: bench/results/search-bench.json and .md (--compare: search-compare.json and .md).
"""

from __future__ import annotations

import gzip
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import yaml

from bench.sitegen import VERIFIED_ON, real_text
from build_steps.search_index import pagefind_executable
from content import command_line
from content.pages import VERIFIED_TYPES
from content.text import fold_accents
from tests.support import CHROMIUM, CHROMIUM_ARGS, ROOT, StaticServer, copy_project, mkdocs_build

WORK = ROOT / "bench" / "work"
RESULTS = ROOT / "bench" / "results"
QUERIES = yaml.safe_load((ROOT / "tests" / "search_queries.yml").read_text(encoding="utf-8"))
TYPES = ["article", "charte", "guide", "fiche", "infographie", "ressource", "page"]
# Queries timed on the generated site: words of the real content, typed as readers do.
BENCH_QUERIES = [
    "deconnexion",
    "charte",
    "droit a l'image",
    "reseaux sociaux",
    "ambassadeurs",
    "etat",
    "devoir de reserve",
    "linkedin",
    "temoigner",
    "offre d'emploi",
    "publier",
    "neutralite",
]


# --------------------------------------------------------------------------------------------------
# Project variants
# --------------------------------------------------------------------------------------------------
def _replace(text: str, old: str, new: str, where: str) -> str:
    if old not in text:
        raise SystemExit(f"Banc d’essai : « {old.strip()[:60]} » introuvable dans {where} ; mettez à jour bench/search_bench.py.")
    return text.replace(old, new)


def to_lunr(project: Path, tuned: bool = False) -> None:
    """Turn a copy of the project back to Material's built-in search (optionally tuned)."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    plugin = "  - search:\n      lang: fr\n"
    if tuned:
        plugin += "      separator: '[\\s\\-\\u2019\\u0027\\.,;:!?«»()\\u00a0\\u202f]+'\n"
    text = re.sub(r"  # - search:.*\n  #     lang: fr.*\n", lambda _: plugin, text)
    if "  - search:" not in text:
        raise SystemExit("Banc d’essai : la ligne « # - search: » de mkdocs.yml a changé ; mettez à jour bench/search_bench.py.")
    text = re.sub(r"    # - search\.(suggest|highlight).*\n", lambda m: f"    - search.{m.group(1)}\n", text)
    text = _replace(text, "  - build_steps/search_index.py", "  # - build_steps/search_index.py", "mkdocs.yml")
    text = _replace(text, "  - assets/javascripts/search.js\n", "", "mkdocs.yml")
    text = _replace(text, "  - assets/stylesheets/search.css\n", "", "mkdocs.yml")
    if tuned:
        text = _replace(text, "hooks:\n", "hooks:\n  - hooks/bench_lunr_forms.py\n", "mkdocs.yml")
        (project / "hooks" / "bench_lunr_forms.py").write_text(LUNR_FORMS_HOOK, encoding="utf-8")
    config.write_text(text, encoding="utf-8")
    (project / "overrides" / "partials" / "search.html").unlink()  # Material's own dialog again
    main = project / "overrides" / "main.html"
    html = main.read_text(encoding="utf-8")
    html = re.sub(r"\{% block header %\}.*?\{% endblock %\}\n", "", html, flags=re.S)
    main.write_text(html, encoding="utf-8")


# The « build step » of the tuned lunr route: every document of Material's index gets, after its text, the
# accent-folded and singular forms of its words (French elisions split off first).
LUNR_FORMS_HOOK = """
import json, re
from pathlib import Path

from content.text import fold_accents

def fold(word):
    return fold_accents(word.lower())

def singular(word):
    if len(word) > 4 and word.endswith("aux"):
        return word[:-3] + "al"
    if len(word) > 3 and word[-1] in "sx" and not word.endswith("ss"):
        return word[:-1]
    return word

def forms(text):
    words = re.findall(r"\\w+", re.sub(r"\\b[ldjmnstc]\\u2019|\\bqu\\u2019|\\b[ldjmnstc]'|\\bqu'", " ", text.lower()))
    extra = set()
    for w in words:
        f = fold(w)
        for form in (f, singular(f), singular(w)):
            if form != w:
                extra.add(form)
    return " ".join(sorted(extra))

def on_post_build(config):
    path = Path(config.site_dir) / "search" / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    for doc in index["docs"]:
        doc["text"] = doc.get("text", "") + " " + forms(doc.get("title", "") + " " + doc.get("text", ""))
    path.write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")
"""


def fold_query(query: str) -> str:
    """What the tuned worker would do to a query: elisions off, accents folded, singular forms."""
    query = re.sub(r"\b(?:[ldjmnstc]|qu)['\u2019]", " ", query.lower())
    words = []
    for word in query.split():
        word = fold_accents(word)
        if len(word) > 4 and word.endswith("aux"):
            word = word[:-3] + "al"
        elif len(word) > 3 and word[-1] in "sx" and not word.endswith("ss"):
            word = word[:-1]
        words.append(word)
    return " ".join(words)


# --------------------------------------------------------------------------------------------------
# Generated site
# --------------------------------------------------------------------------------------------------


def made_up_word(rng: random.Random) -> str:
    syllables = [
        "ba",
        "ché",
        "dri",
        "fo",
        "gu",
        "la",
        "mé",
        "nor",
        "pi",
        "ques",
        "ré",
        "sa",
        "ti",
        "vo",
        "zan",
        "tion",
        "ment",
        "eur",
        "ence",
        "ais",
        "oir",
        "ière",
        "ble",
        "ette",
        "ier",
    ]
    return "".join(rng.choice(syllables) for _ in range(rng.randint(3, 5)))


def generate_project(pages: int, lunr: bool) -> Path:
    """A copy of the project with `pages` generated pages (docs/banc/sNNN/page-NNNNN.md) in the navigation."""
    target = WORK / f"site-{pages}-{'lunr' if lunr else 'pagefind'}"
    shutil.rmtree(target, ignore_errors=True)
    WORK.mkdir(parents=True, exist_ok=True)
    rng = random.Random(20261128)
    paragraphs, headings = real_text()
    tags = [t["libelle"] for t in yaml.safe_load((ROOT / "data" / "tags.yml").read_text(encoding="utf-8"))]
    staging = WORK / "staging"
    shutil.rmtree(staging, ignore_errors=True)
    sections = []
    for number in range(1, pages + 1):
        section = f"s{(number - 1) // 50 + 1:03d}"
        if not sections or sections[-1][0] != section:
            sections.append((section, []))
        rel = f"banc/{section}/page-{number:05d}.md"
        sections[-1][1].append(rel)
        title = f"{rng.choice(headings)} ({number})"
        description = rng.choice(
            [p for p in paragraphs if 70 <= len(p) <= 160]
            or ["Page générée pour mesurer la recherche sur un site de grande taille, à partir des phrases du site réel."]
        )
        words = [made_up_word(rng) for _ in range(10)]
        body = [f"# {title}", ""]
        for _ in range(rng.randint(3, 5)):
            body += [f"## {rng.choice(headings)}", ""]
            for _ in range(rng.randint(1, 3)):
                body += [f"{rng.choice(paragraphs)} {rng.choice(words)}", ""]
        front = {"title": title, "description": description, "type": rng.choice(TYPES), "tags": rng.sample(tags, rng.randint(1, 3))}
        if front["type"] in VERIFIED_TYPES:  # the pages that state rules say when they were checked
            front["verifie_le"] = VERIFIED_ON
        path = staging / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n\n" + "\n".join(body), encoding="utf-8"
        )
    # The project itself (a git repository, as the build reads page dates from git), then the pages.
    copy_project(target)
    shutil.copytree(staging / "banc", target / "docs" / "banc")
    shutil.rmtree(staging)
    config = target / "mkdocs.yml"
    nav = ["  - Banc d’essai:"]
    for section, files in sections:
        nav.append(f"      - Section {section}:")
        nav += [f"          - {rel}" for rel in files]
    text = config.read_text(encoding="utf-8")
    if not re.search(r"^nav:\n", text, flags=re.M) or not text.rstrip().splitlines()[-1].startswith(" "):
        raise SystemExit("Banc d’essai : mkdocs.yml ne finit plus par « nav: » ; mettez à jour bench/search_bench.py.")
    config.write_text(text.rstrip() + "\n" + "\n".join(nav) + "\n", encoding="utf-8")
    if lunr:
        to_lunr(target)
    _commit(target)
    return target


def _commit(project: Path) -> None:
    identity = ["-c", "user.name=Banc", "-c", "user.email=banc@exemple.invalid", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", *identity, "add", "--all"], cwd=project, check=True, capture_output=True)
    subprocess.run(
        ["git", *identity, "commit", "--quiet", "--allow-empty", "-m", "Banc d’essai"], cwd=project, check=True, capture_output=True
    )


def build(project: Path) -> tuple[Path, float]:
    site = project / "site"
    started = time.perf_counter()
    result = mkdocs_build(project, site)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"Banc d’essai : la construction de {project} a échoué :\n{result.stderr[-4000:]}")
    return site, elapsed


# --------------------------------------------------------------------------------------------------
# Measuring in Chromium
# --------------------------------------------------------------------------------------------------
class Recorder:
    """Records every response of a tab with its size as served and gzip-compressed (nginx serves gzip)."""

    def __init__(self, page, site: Path, base_url: str):
        self.entries: list[tuple[str, int, int]] = []
        self.site, self.base_url = site, base_url
        page.on("requestfinished", self._finished)

    def _finished(self, request) -> None:
        url = request.url
        if not url.startswith(self.base_url):
            return
        rel = url[len(self.base_url) :].split("?")[0].split("#")[0]
        path = self.site / rel
        if path.is_dir() or rel == "" or rel.endswith("/"):
            path = path / "index.html"
        data = path.read_bytes() if path.is_file() else b""
        self.entries.append((rel, len(data), len(gzip.compress(data, 6))))

    def mark(self) -> int:
        return len(self.entries)

    def since(self, mark: int, only_search: bool = False) -> dict:
        new = [e for e in self.entries[mark:] if not only_search or is_search_file(e[0])]
        return {
            "requests": len(new),
            "bytes": sum(e[1] for e in new),
            "bytes_gzip": sum(e[2] for e in new),
            "files": sorted({e[0] for e in new}),
        }


def is_search_file(rel: str) -> bool:
    """Files that exist only for search: Pagefind's bundle, or Material's index, worker and lunr languages."""
    return rel.startswith(
        ("pagefind/", "search/", "assets/javascripts/workers/search", "assets/javascripts/lunr/", "assets/javascripts/search.js")
    )


def _pagefind_search(page, query: str) -> list[str]:
    page.evaluate("() => { window.pvSearch.lastSearch = null }")
    page.fill("#pv-search-input", query)
    page.wait_for_function("() => window.pvSearch.lastSearch !== null", timeout=30000)
    hrefs = page.eval_on_selector_all("#pv-search-results a.md-search-result__link", "els => els.map(e => e.href)")
    return [re.sub(r"^https?://[^/]+/", "", h).split("#")[0] for h in hrefs]


_MATERIAL_RESULTS = """() => {
  const meta = document.querySelector('.md-search-result__meta');
  const links = [...document.querySelectorAll('.md-search-result__list > li.md-search-result__item')]
    .map(li => li.querySelector('a.md-search-result__link')).filter(Boolean).map(a => a.href);
  return {meta: meta ? meta.textContent.trim() : '', links};
}"""


def _material_search(page, query: str) -> list[str]:
    """Type in Material's field and wait until its result list stops changing."""
    field = page.locator(".md-search__input")
    field.fill("")
    page.wait_for_timeout(60)
    field.press_sequentially(query, delay=0)
    previous, stable, started = None, 0, time.perf_counter()
    while time.perf_counter() - started < 20:
        page.wait_for_timeout(60)
        state = page.evaluate(_MATERIAL_RESULTS)
        if state["meta"] and "Initialisation" not in state["meta"] and state == previous:
            stable += 1
            if stable >= 3:
                break
        else:
            stable = 0
        previous = state
    links, seen = [], set()
    for href in (previous or {"links": []})["links"]:
        path = re.sub(r"^https?://[^/]+/", "", href).split("#")[0].split("?")[0]  # Material adds ?h=…
        if path not in seen:
            seen.add(path)
            links.append(path)
    return links


def measure_first_search(browser, site: Path, route: str, start_path: str, queries: list[str]) -> dict:
    """Cold first search (fresh tab, empty cache), then the same queries again once their index parts are loaded."""
    with StaticServer(site) as server:
        cold, warm_ms, first_ms = [], [], []
        for query in queries:
            context = browser.new_context(locale="fr-FR")
            page = context.new_page()
            recorder = Recorder(page, site, server.url)
            page.goto(server.url + start_path)
            page.wait_for_load_state("networkidle")
            on_load = recorder.since(0)
            on_load_search = recorder.since(0, only_search=True)
            mark = recorder.mark()
            started = time.perf_counter()
            if route == "pagefind":
                page.keyboard.press("s")
                _pagefind_search(page, query)
            else:
                page.keyboard.press("s")
                _material_search(page, query)
            first_ms.append((time.perf_counter() - started) * 1000)
            page.wait_for_load_state("networkidle")
            # Everything downloaded for search, from the page load on (Material fetches its whole index
            # as soon as a page loads, before any search).
            cold.append(
                {
                    "query": query,
                    "page_load": on_load,
                    "page_load_search": on_load_search,
                    "after_key": recorder.since(mark),
                    "first_search": recorder.since(0, only_search=True),
                }
            )
            # Warm: the index parts are loaded; time from the input event to results rendered, in the page.
            for _ in range(3):
                if route == "pagefind":
                    page.fill("#pv-search-input", "")
                    _pagefind_search(page, query)
                    warm_ms.append(page.evaluate("() => window.pvSearch.lastSearch.ms"))
                else:
                    t0 = time.perf_counter()
                    _material_search(page, query)
                    warm_ms.append((time.perf_counter() - t0) * 1000)
            context.close()
    first = [c["first_search"] for c in cold]
    loads = [c["page_load"] for c in cold]
    return {
        "route": route,
        "queries": queries,
        "page_load_bytes_median": statistics.median(load["bytes"] for load in loads),
        "page_load_search_bytes_median": statistics.median(c["page_load_search"]["bytes"] for c in cold),
        "first_search_bytes_median": statistics.median(f["bytes"] for f in first),
        "first_search_bytes_max": max(f["bytes"] for f in first),
        "first_search_bytes_gzip_median": statistics.median(f["bytes_gzip"] for f in first),
        "first_search_requests_median": statistics.median(f["requests"] for f in first),
        "first_search_ms_median": statistics.median(first_ms),
        "results_ms_after_index_loaded_median": statistics.median(warm_ms),
        "results_ms_after_index_loaded_max": max(warm_ms),
        "detail": cold,
    }


def run_suite(browser, site: Path, route: str) -> dict:
    """The query suite of tests/search_queries.yml through one route's real UI; recall@3 and MRR."""
    hits, rr, misses = 0, 0.0, []
    with StaticServer(site) as server:
        context = browser.new_context(locale="fr-FR")
        page = context.new_page()
        page.goto(server.url)
        page.wait_for_load_state("networkidle")
        page.keyboard.press("s")
        if route == "pagefind":
            page.evaluate("() => window.pvSearch.ready")
        for q in QUERIES:
            if route == "pagefind":
                paths = _pagefind_search(page, q["query"])
            elif route == "lunr-tuned":
                paths = _material_search(page, fold_query(q["query"]))
            else:
                paths = _material_search(page, q["query"])
            rank = next((i + 1 for i, p in enumerate(paths) if p in q["expected"]), None)
            hits += bool(rank and rank <= 3)
            rr += 1 / rank if rank else 0
            if not (rank and rank <= 3):
                misses.append({"query": q["query"], "kind": q["kind"], "top3": paths[:3]})
        context.close()
    n = len(QUERIES)
    return {"route": route, "queries": n, "recall_at_3": hits / n, "mrr": rr / n, "misses": misses}


# --------------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------------
def machine() -> dict:
    chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "chromium": chromium,
    }


def kb(n: float) -> str:
    return f"{n / 1024:,.0f} Ko".replace(",", " ")


def main(argv: list[str] | None = None) -> int:
    parser = command_line.parser(prog="python -m bench.search_bench", description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=5000, help="pages générées (5000 par défaut)")
    parser.add_argument("--skip-lunr", action="store_true", help="ne mesure pas la recherche de Material")
    parser.add_argument("--compare", action="store_true", help="compare la pertinence des trois voies sur le vrai contenu")
    parser.add_argument("--pagefind", type=Path, help="un autre programme Pagefind à mesurer (PV_PAGEFIND, build_steps/search_index.py)")
    parser.add_argument("--nom", default="search-bench", help="nom des fichiers de résultats (search-bench par défaut)")
    args = parser.parse_args(argv)
    if args.pagefind:
        os.environ["PV_PAGEFIND"] = str(args.pagefind.resolve())

    from playwright.sync_api import sync_playwright

    RESULTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            if args.compare:
                return compare(browser)
            version = subprocess.run([pagefind_executable(), "--version"], capture_output=True, text=True).stdout.strip()
            report = {"machine": machine(), "pages": args.pages, "pagefind": version, "routes": {}}
            routes = ["pagefind"] + ([] if args.skip_lunr else ["lunr"])
            for route in routes:
                print(f"[{route}] génération de {args.pages} pages…", flush=True)
                project = generate_project(args.pages, lunr=(route == "lunr"))
                print(f"[{route}] construction…", flush=True)
                site, seconds = build(project)
                print(f"[{route}] construit en {seconds:.0f} s ; mesures dans Chromium…", flush=True)
                start = "banc/s001/page-00001/"
                result = measure_first_search(browser, site, route, start, BENCH_QUERIES)
                result["build_seconds"] = round(seconds, 1)
                if route == "pagefind":
                    bundle = site / "pagefind"
                    result["index_total_bytes"] = sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file())
                else:
                    result["index_total_bytes"] = (site / "search" / "search_index.json").stat().st_size
                report["routes"][route] = result
                print(
                    f"[{route}] première recherche : {kb(result['first_search_bytes_median'])} (médiane), "
                    f"{kb(result['first_search_bytes_max'])} (max), {kb(result['first_search_bytes_gzip_median'])} "
                    f"compressés ; résultats {result['results_ms_after_index_loaded_median']:.0f} ms (médiane) "
                    f"une fois l’index chargé ; première recherche complète {result['first_search_ms_median']:.0f} ms",
                    flush=True,
                )
        finally:
            browser.close()
    (RESULTS / f"{args.nom}.json").write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    (RESULTS / f"{args.nom}.md").write_text(bench_markdown(report), encoding="utf-8")
    print(f"Résultats : {RESULTS / (args.nom + '.md')}")
    ok = (
        report["routes"]["pagefind"]["first_search_bytes_max"] <= 400 * 1024
        and report["routes"]["pagefind"]["results_ms_after_index_loaded_median"] <= 300
    )
    print("Objectif (≤ quelques centaines de Ko, ≤ 300 ms) : " + ("atteint" if ok else "NON atteint"))
    return 0 if ok else 1


def bench_markdown(report: dict) -> str:
    m = report["machine"]
    lines = [
        f"# Banc d’essai de la recherche : {report['pages']} pages générées",
        "",
        f"{m['date']}, {m['chromium']}, {m['cpus']} cœurs, Python {m['python']}, {report.get('pagefind', 'Pagefind')}.",
        "",
        "| Voie | Index total | Recherche : téléchargé dès le chargement de la page | Première recherche : téléchargé en tout (médiane / max) | même chose compressé gzip | Requêtes | Première recherche complète | Résultats une fois l’index chargé (médiane / max) | Construction |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, r in report["routes"].items():
        lines.append(
            f"| {name} | {kb(r['index_total_bytes'])} | {kb(r['page_load_search_bytes_median'])} | "
            f"{kb(r['first_search_bytes_median'])} / {kb(r['first_search_bytes_max'])} | {kb(r['first_search_bytes_gzip_median'])} | "
            f"{r['first_search_requests_median']:.0f} | {r['first_search_ms_median']:.0f} ms | "
            f"{r['results_ms_after_index_loaded_median']:.0f} / {r['results_ms_after_index_loaded_max']:.0f} ms | {r['build_seconds']:.0f} s |"
        )
    lines += [
        "",
        "Requêtes : " + ", ".join(f"« {q} »" for q in BENCH_QUERIES) + ".",
        "« Téléchargé » : les fichiers qui ne servent qu’à la recherche (index, moteur, worker), depuis le chargement "
        "de la page jusqu’aux premiers résultats, onglet neuf sans cache. La recherche de Material télécharge "
        "son index entier dès le chargement de chaque page, avant même qu’on cherche.",
        "« Résultats une fois l’index chargé » : de la frappe aux résultats affichés, quand les morceaux d’index "
        "de la requête sont déjà là (Pagefind : mesuré dans la page, sans l’attente de 80 ms après la frappe ; "
        "Material : mesuré depuis Playwright, jusqu’à ce que la liste ne change plus, donc majoré).",
        "",
    ]
    return "\n".join(lines)


def compare(browser) -> int:
    """Relevance of the three routes on the real content, same queries (tests/search_queries.yml)."""
    report = {"machine": machine(), "routes": {}}
    for route in ["lunr", "lunr-tuned", "pagefind"]:
        project = WORK / f"compare-{route}"
        shutil.rmtree(project, ignore_errors=True)
        WORK.mkdir(parents=True, exist_ok=True)
        copy_project(project)
        if route != "pagefind":
            to_lunr(project, tuned=(route == "lunr-tuned"))
            _commit(project)
        site, _ = build(project)
        suite = run_suite(browser, site, route)
        sizes = measure_first_search(browser, site, "pagefind" if route == "pagefind" else "lunr", "", BENCH_QUERIES[:4])
        suite.update(
            {
                k: sizes[k]
                for k in (
                    "page_load_bytes_median",
                    "first_search_bytes_median",
                    "first_search_bytes_gzip_median",
                    "results_ms_after_index_loaded_median",
                )
            }
        )
        report["routes"][route] = suite
        print(
            f"[{route}] recall@3 = {suite['recall_at_3']:.1%}, MRR = {suite['mrr']:.3f}, première recherche "
            f"{kb(suite['first_search_bytes_median'])}, {len(suite['misses'])} requêtes manquées",
            flush=True,
        )
    (RESULTS / "search-compare.json").write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    lines = [
        "# Pertinence de la recherche : trois voies, même contenu, mêmes requêtes",
        "",
        f"{report['machine']['date']}, {report['machine']['chromium']}, {len(QUERIES)} requêtes de tests/search_queries.yml.",
        "",
        "| Voie | recall@3 | MRR | Téléchargé à la première recherche | Résultats, index chargé (médiane) |",
        "|---|---|---|---|---|",
    ]
    for name, r in report["routes"].items():
        lines.append(
            f"| {name} | {r['recall_at_3']:.1%} | {r['mrr']:.3f} | {kb(r['first_search_bytes_median'])} | "
            f"{r['results_ms_after_index_loaded_median']:.0f} ms |"
        )
    for name, r in report["routes"].items():
        if r["misses"]:
            lines += ["", f"Requêtes manquées par {name} :", ""]
            lines += [f"- « {m['query']} » ({m['kind']}) → {m['top3']}" for m in r["misses"]]
    (RESULTS / "search-compare.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"Résultats : {RESULTS / 'search-compare.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
