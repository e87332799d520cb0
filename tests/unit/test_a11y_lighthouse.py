"""`make lighthouse` (tools/lighthouse.py): the thresholds and the report, on made-up results (the real audits take
minutes and run in `make lighthouse`, not in `make test`); Lighthouse pinned exactly."""

from __future__ import annotations

import copy
import json

from tests.support import ROOT
from tools import lighthouse as tool

PERFECT = {"performance": 100, "accessibility": 100, "best-practices": 100, "seo": 100}
RESULTS = {
    "base": "http://127.0.0.1:8000/",
    "lighthouse": "12.2.3",
    "chromium": "Chrome/156",
    "mobileRuns": 3,
    "phoneBenchmarkIndex": 650,
    "query": "charte",
    "pages": [
        {
            "id": "accueil",
            "label": "Accueil",
            "url": "http://127.0.0.1:8000/",
            "desktop": {"scores": dict(PERFECT), "lost": []},
            "mobile": [{"scores": {**PERFECT, "performance": p}, "lost": []} for p in (90, 98, 99)],
        }
    ],
}


def test_median_of_mobile_runs_meets_the_threshold():
    assert tool.shortfalls(RESULTS) == []  # 90, 98, 99: median 98 >= 98


def test_every_threshold_is_enforced():
    results = copy.deepcopy(RESULTS)
    page = results["pages"][0]
    page["mobile"][1]["scores"]["performance"] = 94  # median 94 < 98
    page["desktop"]["scores"]["performance"] = 99  # desktop: 100 required
    page["desktop"]["scores"]["seo"] = 92
    page["desktop"]["lost"] = [{"category": "seo", "audit": "meta-description", "score": 0, "value": "", "nodes": []}]
    for run in page["mobile"]:
        run["scores"]["accessibility"] = 98  # mobile: 100 required except performance
    problems = tool.shortfalls(results)
    assert len(problems) == 4, problems
    assert any("bureau : perf. 99 < 100" in p for p in problems)
    assert any("bureau : SEO 92 < 100 — meta-description" in p for p in problems)
    assert any("mobile (médiane de 3) : perf. 94 < 98" in p for p in problems)
    assert any("mobile (médiane de 3) : access. 98 < 100" in p for p in problems)


def test_a_missing_score_names_lighthouse_error():
    results = copy.deepcopy(RESULTS)
    page = results["pages"][0]
    error = {"code": "NO_FCP", "message": "The page did not paint any content."}
    page["desktop"] = {"scores": {**PERFECT, "performance": None}, "lost": [], "failedAttempts": [error, error, error]}
    problems = tool.shortfalls(results)
    assert problems == ["Accueil, bureau : perf. None < 100 — erreur de Lighthouse — NO_FCP : The page did not paint any content."]
    assert "## Passages recommencés" in tool.report(results, problems)
    assert "Accueil, bureau : NO_FCP (The page did not paint any content.)" in tool.report(results, problems)


def test_a_mobile_run_without_score_does_not_hide_the_others():
    """Under load one run may fail three times: the median of the runs that have a score is judged (and a real
    regression in them still fails)."""
    results = copy.deepcopy(RESULTS)
    page = results["pages"][0]
    page["mobile"].append({"scores": {c: None for c in PERFECT}, "lost": [], "failedAttempts": [{"code": "NO_FCP", "message": "x"}]})
    assert tool.shortfalls(results) == []
    for run in page["mobile"][:3]:
        run["scores"]["performance"] = 80
    assert tool.shortfalls(results) == ["Accueil, mobile (médiane de 4) : perf. 80 < 98"]


def test_report_lists_every_page_with_both_forms():
    text = tool.report(RESULTS, [])
    assert "| Accueil (`/`) | 100 / 100 / 100 / 100 | 98 / 100 / 100 / 100 | 90, 98, 99 |" in text
    assert "Tous les scores atteignent leur seuil." in text


def test_phone_goal_is_reported_page_by_page():
    results = copy.deepcopy(RESULTS)
    page = results["pages"][0]
    for run, blocking, performance in zip(page["mobile"], (10, 40, 200), (90, 97, 99), strict=True):
        run["metrics"] = {"total-blocking-time": blocking}
        run["scores"]["performance"] = performance
    assert tool.phone_goal(page) == (97, 40, False)  # performance median 97 < 98
    assert "- Accueil : non atteint (97 ; 40 ms)" in tool.report(results, [])
    for run in page["mobile"]:
        run["scores"]["performance"] = 99
    assert tool.phone_goal(page) == (99, 40, True)
    page["mobile"][0]["metrics"]["total-blocking-time"] = 60  # 40, 60, 200: median 60 > 50
    assert tool.phone_goal(page) == (99, 60, False)
    assert "- Accueil : non atteint (99 ; 60 ms)" in tool.report(results, [])
    page["mobile"][0]["metrics"]["total-blocking-time"] = 0
    assert "- Accueil : atteint (99 ; 40 ms)" in tool.report(results, [])
    page["mobile"][0]["metrics"]["total-blocking-time"] = 300
    page["mobile"][1]["metrics"]["total-blocking-time"] = 300  # median 300 ms: reported, not enforced
    assert tool.shortfalls(results) == []


def test_report_says_how_the_phone_processor_was_emulated():
    results = copy.deepcopy(RESULTS)
    assert "ralenti 4 fois (réglage par défaut de Lighthouse)" in tool.report(results, [])
    for run, (index, multiplier) in zip(results["pages"][0]["mobile"], ((2467, 3.8), (1996, 3.07), (1300.5, 2.0)), strict=True):
        run["benchmarkIndex"], run["cpuSlowdownMultiplier"] = index, multiplier
    text = tool.report(results, [])
    assert "le même téléphone à chaque passage (indice de puissance 650 de Lighthouse" in text
    assert "indices de 1300,5 à 2467, ralentissement de 2 à 3,8 fois dans cet audit." in text


def test_lighthouse_is_pinned_exactly():
    declared = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]["lighthouse"]
    locked = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))["packages"]["node_modules/lighthouse"]["version"]
    assert declared == locked == "12.2.3"


def test_committed_report_shows_passing_scores():
    """reports/lighthouse.md is written by `make lighthouse` and committed: it must show a passing run."""
    text = (ROOT / "reports" / "lighthouse.md").read_text(encoding="utf-8")
    assert "Lighthouse 12.2.3" in text
    result = text.split("## Résultat", 1)[1].split("\n## ", 1)[0]
    assert result.strip() == "Tous les scores atteignent leur seuil.", "le dernier audit Lighthouse enregistré échoue"
    assert "Processeur du téléphone : le même téléphone à chaque passage" in text, "audit enregistré sans calibrage du processeur"
