"""Build benchmark: how the site's build scales with its size, compared with a vanilla Material configuration.

    .venv/bin/python -m bench.build_bench                       # 250, 1,000 and 2,000 pages (`make bench`)
    .venv/bin/python -m bench.build_bench --sizes 250,500 --runs 3,3
    .venv/bin/python -m bench.build_bench --profile 1000        # where build time goes (cProfile), 1,000 pages

For each size N, bench/sitegen.py writes N realistic pages three times: in a copy of this project (its mkdocs.yml,
macros, data, typography, hooks, Pagefind search), in a vanilla Material project (search lang fr + tags, the
same Markdown extensions, default features, no macros, hooks or overrides) and in the same vanilla project tuned as
most teams tune a large site (« vanilla-prune »: navigation.prune and font: false). They are built alternately,
several runs each, and the medians are compared. Measured:

- full build time (`mkdocs build`, wall clock, as `make build` runs it) and milliseconds per page;
- peak memory: the largest sum of the memory of the build's processes (MkDocs and what it starts: git,
  Pagefind, the CSP scanner), proportional set size (shared pages counted once), sampled every 50 ms;
- HTML bytes of a typical page (median over the generated pages) and the total size of the output;
- in Chromium (Playwright, Debian's Chromium headless shell, build_steps/chromium.py): what a first visit of a typical page downloads,
  gzip-compressed as nginx serves it (everything loaded until the network is idle, search files included), and
  the search files a first search downloads (reuses bench/search_bench.py);
- preview: the time from saving an edited page to the edited page served by `make serve` (the Makefile's own
  `serve` options; the server holds requests while it rebuilds, as the browser's reload waits for it).

Work files: bench/work/ (ignored by git). Results: bench/results/build-bench-<date>.md and .json, with the
machine's description, so that runs can be compared over time.
"""

from __future__ import annotations

import contextlib
import json
import os
import platform
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

from bench import sitegen
from bench.cpu_split import cpu_seconds
from build_steps.search_index import build_index
from content import command_line
from engine.command import mkdocs_command, mkdocs_environment
from tools.browser import CHROMIUM, CHROMIUM_ARGS, free_port
from tools.project_copy import ROOT

WORK = ROOT / "bench" / "work" / "build"
RESULTS = ROOT / "bench" / "results"
CONFIGS = ("projet", "vanilla", "vanilla-prune")
VANILLAS = ("vanilla", "vanilla-prune")
QUERIES = ["charte", "deconnexion", "linkedin"]
TARGETS = {
    "growth": 1.25,  # ms per page at the largest size / at the smallest, project
    "vs_vanilla": 0.30,  # project build / vanilla build at the largest size
    "vs_tuned": 1.0,  # project build / tuned vanilla build (vanilla-prune), at 250 and 1,000 pages
    "html_growth": 1.15,  # typical page HTML at the largest size / at the smallest
    "html_max": 60 * 1024,
    "first_visit": 100 * 1024,  # gzip bytes
    "memory": 1536 * 1024 * 1024,  # one search index up to 6,000 pages since 2026-12-06 (was 600 MB with bundles of 300)
    "preview_s": 5.0,  # at 1,000 pages
}


# --------------------------------------------------------------------------------------------------------------
# Machine
# --------------------------------------------------------------------------------------------------------------
def _version(module: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(module)
    except PackageNotFoundError:
        return "?"


def machine() -> dict:
    cpu = "?"
    with contextlib.suppress(OSError, StopIteration):
        cpu = next(
            line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")
        )
    memory = 0
    with contextlib.suppress(OSError, StopIteration):
        memory = int(next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal"))) * 1024
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": round(memory / 2**30, 1),
        "system": platform.platform(),
        "python": platform.python_version(),
        "mkdocs": _version("mkdocs"),
        "material": _version("mkdocs-material"),
        "macros": _version("mkdocs-macros-plugin"),
        "pymdownx": _version("pymdown-extensions"),
        "pagefind": _version("pagefind-bin"),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


# --------------------------------------------------------------------------------------------------------------
# Builds
# --------------------------------------------------------------------------------------------------------------
def _tree_memory(pid: int) -> dict[str, int]:
    """Memory (bytes) of a process and all its descendants, by program name: the proportional set size (PSS), so
    that memory shared by a process and its fork (build_steps/csp.py's scanner) is counted once."""
    found: dict[str, int] = {}
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            name = Path(f"/proc/{current}/comm").read_text().strip()
            for line in Path(f"/proc/{current}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    found[name] = found.get(name, 0) + int(line.split()[1]) * 1024
                    break
            for task in Path(f"/proc/{current}/task").iterdir():
                stack += [int(child) for child in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return found


class MemorySampler(threading.Thread):
    def __init__(self, pid: int, interval: float = 0.05):
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak = pid, interval, 0
        self.at_peak: dict[str, int] = {}
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.is_set():
            sample = _tree_memory(self.pid)
            if sum(sample.values()) > self.peak:
                self.peak, self.at_peak = sum(sample.values()), sample
            self._done.wait(self.interval)

    def stop(self) -> int:
        self._done.set()
        self.join()
        return self.peak


def build_env(project: Path) -> dict:
    """The environment of a benchmarked build (run from `project`, whose own packages come first: `python -m`)."""
    del project
    return mkdocs_environment({"SITE_URL": "http://127.0.0.1:8000/"})


def run_build(project: Path, site: Path) -> dict:
    """One full build as `make build` runs it (strict comes from the project's mkdocs.yml)."""
    command = mkdocs_command("build", "--clean", "--site-dir", str(site))
    log = project / "build.log"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    with open(log, "w", encoding="utf-8") as output:
        process = subprocess.Popen(command, cwd=project, env=build_env(project), stdout=output, stderr=subprocess.STDOUT)
        sampler = MemorySampler(process.pid)
        sampler.start()
        code = process.wait()
    seconds = time.perf_counter() - started
    peak = sampler.stop()
    if code != 0:
        raise SystemExit(f"Banc d’essai : la construction de {project} a échoué :\n{log.read_text(encoding='utf-8')[-4000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"seconds": seconds, "cpu_seconds": cpu, "peak_bytes": peak, "peak_by_program": sampler.at_peak}


def _html_of(site: Path, src: str) -> Path:
    stem = src[: -len(".md")]
    if stem.endswith("index"):
        return site / stem[: -len("index")] / "index.html"
    return site / stem / "index.html"


def site_stats(site: Path, generated: list[str]) -> dict:
    sizes = sorted((_html_of(site, src).stat().st_size, src) for src in generated)
    median_size, typical = sizes[len(sizes) // 2]
    total = sum(f.stat().st_size for f in site.rglob("*") if f.is_file())
    return {"html_median": median_size, "html_max": sizes[-1][0], "typical_page": typical, "total_bytes": total}


# --------------------------------------------------------------------------------------------------------------
# Browser: first visit and first search
# --------------------------------------------------------------------------------------------------------------
def first_visit(browser, site: Path, config: str, typical_src: str) -> dict:
    from bench import search_bench

    route = "pagefind" if config == "projet" else "lunr"
    start = _html_of(site, typical_src).parent.relative_to(site).as_posix() + "/"
    result = search_bench.measure_first_search(browser, site, route, start, QUERIES)
    loads = [c["page_load"] for c in result["detail"]]
    return {
        "page": start,
        "first_visit_gzip": statistics.median(load["bytes_gzip"] for load in loads),
        "first_visit_bytes": statistics.median(load["bytes"] for load in loads),
        "first_visit_search_gzip": statistics.median(c["page_load_search"]["bytes_gzip"] for c in result["detail"]),
        "first_search_gzip": result["first_search_bytes_gzip_median"],
        "first_search_ms": result["first_search_ms_median"],
    }


# --------------------------------------------------------------------------------------------------------------
# Preview (`make serve`): edit a page, time until the server gives the edited page
# --------------------------------------------------------------------------------------------------------------
def serve_options() -> list[str]:
    """The options of `mkdocs serve` in the Makefile's `serve` target (without --dev-addr)."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    match = re.search(r"^serve:.*\n(?:\t.*\n)*?\t@?\$\((?:FRENCH_)?MKDOCS\) serve(.*)$", makefile, flags=re.M)
    if not match:
        raise SystemExit("Banc d’essai : la cible « serve » du Makefile est introuvable ; mettez à jour bench/build_bench.py.")
    options = match.group(1).split()
    if "--dev-addr" in options:
        index = options.index("--dev-addr")
        del options[index : index + 2]
    return options


def _get(url: str, timeout: float = 600) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode("utf-8", "replace")


def preview_problems(html: str) -> list[str]:
    """What would be wrong in the edited page as the preview serves it: navigation titles that a quick rebuild
    did not know (« None »), an empty navigation."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    links = [
        " ".join(a.get_text(" ", strip=True).split())
        for a in soup.select("nav.md-nav--primary a.md-nav__link, nav.md-footer__inner a, nav.md-path a")
    ]
    problems = [f"titre vide ou « None » dans la navigation : {text!r}" for text in links if text in ("", "None")]
    if not links:
        problems.append("navigation vide")
    return problems


def preview_edit(project: Path, options: list[str], src: str) -> dict:
    """Start the preview server, edit `src`, and time until the server answers with the edited page."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/" + _html_of(Path(""), src).parent.as_posix() + "/"
    log = open(project / "serve.log", "w", encoding="utf-8")  # noqa: SIM115 - closed when the server stops
    command = mkdocs_command("serve", *options, "--dev-addr", f"127.0.0.1:{port}")
    started = time.perf_counter()
    # SIGINT stops `mkdocs serve` cleanly (it removes its temporary site); a shell's background job ignores SIGINT
    # and passes that on, so the default handling is restored in the child.
    process = subprocess.Popen(
        command,
        cwd=project,
        env=build_env(project),
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    path = project / "docs" / src
    original = path.read_text(encoding="utf-8")
    try:
        while True:
            if process.poll() is not None:
                raise SystemExit(
                    f"Banc d’essai : `mkdocs serve` s’est arrêté :\n{(project / 'serve.log').read_text(encoding='utf-8')[-3000:]}"
                )
            try:
                _get(url, timeout=5)
                break
            except OSError:
                time.sleep(0.2)
            if time.perf_counter() - started > 900:
                raise SystemExit("Banc d’essai : `mkdocs serve` n’a pas démarré en 15 minutes.")
        initial = time.perf_counter() - started
        time.sleep(1.0)  # let the file watcher settle
        marker = f"Phrase ajoutée pendant l’aperçu {int(time.time())}"
        edited = re.sub(r"^(# .*\n)", lambda m: m.group(1) + f"\n{marker}.\n", original, count=1, flags=re.M)
        path.write_text(edited, encoding="utf-8")
        edit_started = time.perf_counter()
        seconds = None
        html = ""
        while time.perf_counter() - edit_started < 600:
            html = _get(url)
            if marker in html:
                seconds = time.perf_counter() - edit_started
                break
            time.sleep(0.1)
        return {"initial_s": initial, "edit_s": seconds, "options": " ".join(options), "problems": preview_problems(html)}
    finally:
        path.write_text(original, encoding="utf-8")
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()


def cpu_split(project: Path, mode: str) -> dict:
    """One build without profiler (PV_PARALLEL_RENDER=`mode`), through bench/cpu_split.py: its duration and the
    processor time of the MkDocs process and of the processes it started."""
    report = project / f"cpu-{mode}.json"
    command = [sys.executable, "-m", "bench.cpu_split", str(report), "build", "--clean", "--site-dir", str(project / "site")]
    result = subprocess.run(command, cwd=project, env={**build_env(project), "PV_PARALLEL_RENDER": mode}, capture_output=True, text=True)
    if result.returncode != 0 or not report.is_file():
        raise SystemExit(
            f"Banc d’essai : la construction mesurée de {project} a échoué :\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
        )
    return json.loads(report.read_text(encoding="utf-8"))


def pagefind_alone(project: Path, site: Path) -> dict:
    """The search index built again from the built site into a temporary folder: duration, processor time of the
    copies (this process) and of Pagefind (its processes)."""
    with tempfile.TemporaryDirectory(prefix="pagefind-seul-") as work:
        own, helpers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        build_index(site, Path(work) / "pagefind", project=project)
        seconds = time.perf_counter() - started
        own_after, helpers_after = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "seconds": seconds,
        "pagefind_cpu": cpu_seconds(helpers_after) - cpu_seconds(helpers),
        "copies_cpu": cpu_seconds(own_after) - cpu_seconds(own),
    }


# --------------------------------------------------------------------------------------------------------------
# Profile
# --------------------------------------------------------------------------------------------------------------
# (label, file suffix, function name): inclusive time (cProfile's cumulative time) of these functions. The search
# index is built in a thread, which cProfile does not see: its time comes from pagefind_alone().
PROFILE_PARTS = [
    ("Construction complète (build)", "mkdocs/commands/build.py", "build"),
    ("Chargement de la configuration", "mkdocs/config/base.py", "load_config"),
    ("Macros : chargement des données et des en-têtes (define_env)", "macros/__init__.py", "define_env"),
    ("Macros : rendu Jinja des pages (on_page_markdown)", "mkdocs_macros/plugin.py", "on_page_markdown"),
    ("  dont related()", "macros/navigation.py", "render_related"),
    ("Markdown (Page.render, extensions comprises)", "mkdocs/structure/pages.py", "render"),
    ("  dont typographie française", "content/typography.py", "run"),
    ("Gabarits du thème (_build_page)", "mkdocs/commands/build.py", "_build_page"),
    ("  dont navigation (partials/nav.html)", "partials/nav.html", "root"),
    ("  dont table des matières", "partials/toc.html", "root"),
    ("Copie des fichiers statiques", "mkdocs/structure/files.py", "copy_static_files"),
    ("Vérification des ancres", "mkdocs/structure/pages.py", "validate_anchor_links"),
    ("Dates git (build_steps/page_dates.py)", "build_steps/page_dates.py", "read_dates"),
    ("Balisage de Material complété (build_steps/markup.py)", "build_steps/markup.py", "complete_markup"),
    ("HTML compacté (build_steps/compact_html.py)", "build_steps/compact_html.py", "compact"),
    ("Étapes sur le site construit (build_steps/finish.py)", "build_steps/finish.py", "finish_site"),
    ("  dont CSP (build_steps/csp.py)", "build_steps/csp.py", "collect"),
    ("Étiquettes (plugin tags)", "material/plugins/tags/plugin.py", "on_page_markdown"),
]


def profile(pages: int, project: Path | None = None, name: str | None = None) -> int:
    """Profile one build of the project at `pages` pages (a project already written may be given)."""
    import pstats

    site_content = sitegen.generate(pages)
    if project is None:
        project = sitegen.write_project(site_content, WORK / f"profile-{pages}")
    output = project / "build.prof"
    command = [
        sys.executable,
        "-m",
        "cProfile",
        "-o",
        str(output),
        *mkdocs_command("build", "--clean", "--site-dir", str(project / "site"))[1:],
    ]
    started = time.perf_counter()
    # One process for the Markdown (build_steps/parallel_render.py off): cProfile then sees every step of the build.
    env = {**build_env(project), "PV_PARALLEL_RENDER": "off"}
    subprocess.run(command, cwd=project, env=env, check=True, capture_output=True)
    wall = time.perf_counter() - started
    plain = run_build(project, project / "site")
    processors = {mode: cpu_split(project, mode) for mode in ("off", "auto")}
    pagefind = pagefind_alone(project, project / "site")
    stats = pstats.Stats(str(output)).stats
    total = None
    rows = []
    for label, suffix, function in PROFILE_PARTS:
        seconds = sum(value[3] for (file, _line, func), value in stats.items() if func == function and file.endswith(suffix))
        if total is None:
            total = seconds
        rows.append((label, seconds))
    lines = [
        f"Profil de la construction du projet, {pages} pages générées ({site_content.all_pages + 31} pages en tout) :",
        f"construction sans profileur {plain['seconds']:.1f} s ; sous cProfile {wall:.1f} s (processus entier, "
        "Markdown converti dans un seul processus : PV_PARALLEL_RENDER=off).",
        "",
        "| Étape | Temps (cProfile) | Part de la construction |",
        "|---|---|---|",
    ]
    for label, seconds in rows:
        lines.append(f"| {label} | {seconds:.1f} s | {100 * seconds / total:.0f} % |")
    lines += [
        "",
        "Temps processeur mesuré sans profileur (cProfile ne voit ni les seconds processus ni Pagefind) :",
        "",
        "| Construction | Durée | Processeur : processus MkDocs | Processeur : processus lancés (seconds processus, analyse CSP, Pagefind, git) | Processeur en tout |",
        "|---|---|---|---|---|",
    ]
    for mode, label in (
        ("off", "un seul processus pour le Markdown et les pages (`PV_PARALLEL_RENDER=off`)"),
        ("auto", "comme `make build`"),
    ):
        split = processors[mode]
        lines.append(
            f"| {label} | {split['seconds']:.1f} s | {split['mkdocs_cpu']:.1f} s | {split['helpers_cpu']:.1f} s | "
            f"{split['mkdocs_cpu'] + split['helpers_cpu']:.1f} s |"
        )
    lines += [
        "",
        f"Pagefind seul, relancé sur le site construit : {pagefind['seconds']:.1f} s, dont {pagefind['pagefind_cpu']:.1f} s de processeur "
        f"pour Pagefind (sur {os.cpu_count()} cœurs) et {pagefind['copies_cpu']:.1f} s pour les copies des pages.",
    ]
    text = "\n".join(lines)
    print(text)
    (RESULTS / f"{name or f'profile-{pages}'}.md").write_text(text + "\n", encoding="utf-8")
    top = pstats.Stats(str(output))
    top.sort_stats("tottime")
    with open(project / "profile-top.txt", "w", encoding="utf-8") as stream:
        top.stream = stream
        top.print_stats(40)
    print(f"Détail : {project / 'profile-top.txt'}")
    return 0


# --------------------------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------------------------
def kb(n: float | None) -> str:
    return "–" if n is None else f"{n / 1024:,.0f} Ko".replace(",", " ")


def mb(n: float | None) -> str:
    return "–" if n is None else f"{n / 2**20:,.0f} Mo".replace(",", " ")


def secs(n: float | None) -> str:
    return "–" if n is None else f"{n:.1f} s"


def ratio(a, b) -> str:
    return "–" if not a or not b else f"{a / b:.2f}"


def summarize(runs: list[dict]) -> dict:
    worst = max(runs, key=lambda r: r["peak_bytes"])
    return {
        "seconds": statistics.median(r["seconds"] for r in runs),
        "cpu_seconds": statistics.median(r["cpu_seconds"] for r in runs),
        "peak_bytes": worst["peak_bytes"],
        "peak_by_program": worst["peak_by_program"],
        "runs": [round(r["seconds"], 2) for r in runs],
    }


def check_targets(report: dict) -> list[tuple[str, bool | None, str]]:
    sizes = sorted(int(n) for n in report["sizes"])
    small, large = str(sizes[0]), str(sizes[-1])
    p_small, p_large = report["sizes"][small]["projet"], report["sizes"][large]["projet"]
    v_large = report["sizes"][large].get("vanilla")
    out = []
    growth = p_large["ms_per_page"] / p_small["ms_per_page"]
    out.append((f"coût par page à {large} ≤ {TARGETS['growth']} × à {small}", growth <= TARGETS["growth"], f"{growth:.2f} ×"))
    if v_large:
        share = p_large["seconds"] / v_large["seconds"]
        out.append((f"construction à {large} ≤ {TARGETS['vs_vanilla']} × vanilla", share <= TARGETS["vs_vanilla"], f"{share:.2f} ×"))
    for size in ("250", "1000"):
        tuned, project = report["sizes"].get(size, {}).get("vanilla-prune"), report["sizes"].get(size, {}).get("projet")
        if tuned and project:
            share = project["seconds"] / tuned["seconds"]
            out.append((f"construction à {size} ≤ {TARGETS['vs_tuned']} × vanilla-prune", share <= TARGETS["vs_tuned"], f"{share:.2f} ×"))
    html = p_large["html_median"] / p_small["html_median"]
    out.append((f"HTML d’une page type à {large} ≤ {TARGETS['html_growth']} × à {small}", html <= TARGETS["html_growth"], f"{html:.2f} ×"))
    out.append((f"HTML d’une page type à {large} < 60 Ko", p_large["html_median"] < TARGETS["html_max"], kb(p_large["html_median"])))
    visit = p_large.get("first_visit_gzip")
    out.append((f"première visite à {large} ≤ 100 Ko compressés", None if visit is None else visit <= TARGETS["first_visit"], kb(visit)))
    out.append((f"mémoire maximale à {large} < 1,5 Go", p_large["peak_bytes"] < TARGETS["memory"], mb(p_large["peak_bytes"])))
    preview = report["sizes"].get("1000", {}).get("projet", {}).get("preview_s")
    out.append(
        (
            "aperçu : page modifiée visible en ≤ 5 s à 1000 pages",
            None if preview is None else preview <= TARGETS["preview_s"],
            secs(preview),
        )
    )
    return out


def markdown(report: dict) -> str:
    m = report["machine"]
    lines = [
        "# Banc d’essai de la construction du site",
        "",
        f"{m['date']} — {m['cpu']}, {m['cores']} cœurs, {m['memory_gib']} Gio de mémoire, {m['system']}, Python {m['python']}, "
        f"MkDocs {m['mkdocs']}, Material {m['material']}, mkdocs-macros {m['macros']}, pymdownx {m['pymdownx']}, Pagefind {m['pagefind']}.",
        f"Durée totale du banc : {report.get('duration_s', 0) / 60:.1f} min. Aperçu mesuré avec `mkdocs serve {report['serve_options']}` (cible serve du Makefile).",
        f"Charge de la machine (load average 1, 5, 15 min) : {m['load_average']} au début, {report.get('load_average_end')} à la fin"
        + (" — **machine occupée par d’autres travaux au départ : mesures perturbées, à refaire**." if m["load_average"][0] > 1.0 else "."),
        "",
        "| Pages générées (en tout) | Configuration | Construction (médiane ; essais) | ms par page | Temps processeur | Mémoire max | HTML d’une page type | Sortie totale | 1re visite (gzip) | 1re recherche (gzip) | Aperçu : page modifiée servie |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for size, configs in sorted(report["sizes"].items(), key=lambda item: int(item[0])):
        for name in CONFIGS:
            r = configs.get(name)
            if not r:
                continue
            lines.append(
                f"| {size} ({r['pages']}) | {name} | {secs(r['seconds'])} ({', '.join(f'{s:.1f}' for s in r['runs'])}) | {r['ms_per_page']:.0f} | "
                f"{secs(r.get('cpu_seconds'))} | {mb(r['peak_bytes'])} | {kb(r['html_median'])} | {mb(r['total_bytes'])} | {kb(r.get('first_visit_gzip'))} | "
                f"{kb(r.get('first_search_gzip'))} | {secs(r.get('preview_s'))} |"
            )
        p = configs.get("projet")
        for vanilla in VANILLAS:
            v = configs.get(vanilla)
            if not (p and v):
                continue
            lines.append(
                f"| {size} | **projet / {vanilla}** | **{ratio(p['seconds'], v['seconds'])}** | {ratio(p['ms_per_page'], v['ms_per_page'])} | "
                f"{ratio(p.get('cpu_seconds'), v.get('cpu_seconds'))} | {ratio(p['peak_bytes'], v['peak_bytes'])} | {ratio(p['html_median'], v['html_median'])} | {ratio(p['total_bytes'], v['total_bytes'])} | "
                f"{ratio(p.get('first_visit_gzip'), v.get('first_visit_gzip'))} | {ratio(p.get('first_search_gzip'), v.get('first_search_gzip'))} | "
                f"{ratio(p.get('preview_s'), v.get('preview_s'))} |"
            )
    lines += ["", "Objectifs :", ""]
    for label, ok, value in report["targets"]:
        mark = "non mesuré" if ok is None else ("atteint" if ok else "**NON atteint**")
        lines.append(f"- {label} : {value} — {mark}")
    lines += [
        "",
        "Lecture : « ms par page » = construction / nombre total de pages ; « Temps processeur » = temps CPU de la "
        "construction, tous processus compris (MkDocs, Pagefind, analyse CSP en parallèle) : moins sensible que la durée "
        "aux autres travaux de la machine ; « Mémoire max » = somme des mémoires (PSS) des processus de la construction ; « HTML d’une page type » = taille médiane "
        "des pages générées ; « 1re visite » = tout ce que Chromium télécharge pour afficher une page type, onglet neuf "
        "sans cache, compressé gzip comme nginx le sert (recherche comprise : la voie vanilla charge son index entier "
        "dès l’ouverture de la page ; les polices Google de la voie vanilla, hors ligne ici, ne sont pas comptées) ; "
        "« 1re recherche » = fichiers de recherche téléchargés jusqu’aux premiers résultats ; « Aperçu » = de "
        "l’enregistrement d’une page modifiée à la page modifiée servie par `mkdocs serve`.",
        "",
    ]
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = command_line.parser(prog="python -m bench.build_bench", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="250,1000,2000", help="nombres de pages générées (250,1000,2000 par défaut)")
    parser.add_argument("--runs", default="3,3,2", help="constructions par configuration et par taille (3,3,2 par défaut)")
    parser.add_argument("--no-browser", action="store_true", help="sans les mesures dans Chromium")
    parser.add_argument("--no-preview", action="store_true", help="sans la mesure de l’aperçu (make serve)")
    parser.add_argument(
        "--preview-vanilla-max",
        type=int,
        default=1000,
        help="aperçu de la voie vanilla mesuré jusqu’à cette taille (il reconstruit tout : long)",
    )
    parser.add_argument("--only", choices=CONFIGS, help="une seule configuration")
    parser.add_argument("--profile", type=int, metavar="N", help="profil (cProfile) de la construction du projet à N pages")
    args = parser.parse_args(argv)
    RESULTS.mkdir(parents=True, exist_ok=True)
    if args.profile:
        return profile(args.profile)

    sizes = [int(s) for s in args.sizes.split(",")]
    runs = [int(r) for r in args.runs.split(",")]
    runs += [runs[-1]] * (len(sizes) - len(runs))
    configs = [args.only] if args.only else list(CONFIGS)
    started = time.perf_counter()
    report = {"machine": machine(), "serve_options": " ".join(serve_options()), "sizes": {}}
    browser = playwright = None
    if not args.no_browser:
        from playwright.sync_api import sync_playwright

        playwright = sync_playwright().start()
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
    try:
        for size, count in zip(sizes, runs, strict=True):
            print(f"[{size}] génération des pages…", flush=True)
            content = sitegen.generate(size)
            projects = {"projet": sitegen.write_project(content, WORK / f"projet-{size}")}
            projects["vanilla"] = sitegen.write_vanilla(content, projects["projet"], WORK / f"vanilla-{size}")
            projects["vanilla-prune"] = sitegen.write_vanilla(content, projects["projet"], WORK / f"vanilla-prune-{size}", tuned=True)
            total_pages = sum(1 for _ in (projects["projet"] / "docs").rglob("*.md"))
            results: dict[str, list[dict]] = {name: [] for name in configs}
            for run in range(count):
                for name in configs:  # alternate the configurations
                    result = run_build(projects[name], projects[name] / "site")
                    results[name].append(result)
                    print(f"[{size}] {name} essai {run + 1}/{count} : {result['seconds']:.1f} s, {mb(result['peak_bytes'])}", flush=True)
            report["sizes"][str(size)] = {}
            for name in configs:
                site = projects[name] / "site"
                entry = summarize(results[name])
                entry["pages"] = total_pages
                entry["ms_per_page"] = 1000 * entry["seconds"] / total_pages
                entry.update(site_stats(site, [p.src for p in content.generated]))
                if browser:
                    entry.update(first_visit(browser, site, name, entry["typical_page"]))
                    print(
                        f"[{size}] {name} : 1re visite {kb(entry['first_visit_gzip'])}, 1re recherche {kb(entry['first_search_gzip'])}",
                        flush=True,
                    )
                report["sizes"][str(size)][name] = entry
            if not args.no_preview:
                for name in configs:
                    if name in VANILLAS and size > args.preview_vanilla_max:
                        continue
                    options = serve_options() if name == "projet" else ["--livereload"]
                    preview = preview_edit(projects[name], options, content.generated[len(content.generated) // 3].src)
                    report["sizes"][str(size)][name]["preview_s"] = preview["edit_s"]
                    report["sizes"][str(size)][name]["preview_start_s"] = preview["initial_s"]
                    report["sizes"][str(size)][name]["preview_problems"] = preview["problems"]
                    print(
                        f"[{size}] {name} : aperçu, page modifiée servie en {secs(preview['edit_s'])} "
                        f"(démarrage {preview['initial_s']:.0f} s)",
                        flush=True,
                    )
            for name in configs:
                shutil.rmtree(projects[name] / "site", ignore_errors=True)
    finally:
        if browser:
            browser.close()
            playwright.stop()
    report["duration_s"] = time.perf_counter() - started
    report["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    report["targets"] = check_targets(report) if "projet" in configs else []
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M")
    text = markdown(report)
    (RESULTS / f"build-bench-{stamp}.json").write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    (RESULTS / f"build-bench-{stamp}.md").write_text(text, encoding="utf-8")
    print()
    print(text)
    print(f"Résultats : {RESULTS / f'build-bench-{stamp}.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
