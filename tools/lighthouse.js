// Lighthouse audits of the site, driven by tools/lighthouse.py (which builds the site and serves it with nginx).
//
//   node tools/lighthouse.js <base URL> <output.json> [runs] [mobile performance threshold] [page ids, comma-separated]
//
// For each page of PAGES: one desktop run (Lighthouse's desktop preset) and `runs` mobile runs (default
// settings: emulated phone, simulated slow 4G and CPU, the CPU slowdown calibrated on the host: see
// tools/lighthouse-phone.js). A run that returns no score (Lighthouse's runtime error, such as NO_FCP under load) is
// run again, up to RETRIES times; its error is kept in the results. When the median of the mobile performance
// scores is under the threshold, EXTRA_RUNS more runs are made (a 2-core machine under load gives outliers): the
// median of all of them is what is judged, and a real regression still fails. Then « the search », which no URL
// can show: a user flow (Lighthouse's startFlow with puppeteer-core) loads the home page, opens the search with
// « s » and types a query (a timespan: performance while searching), then takes a snapshot of the page with the
// results shown (accessibility, best practices, SEO). Every run gets a fresh Chromium (/usr/bin/chromium, or
// CHROME_PATH). Writes the four category scores (0-100) of every run, the audits that lost points, and for mobile
// runs the benchmarkIndex and CPU multiplier used, as JSON.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import puppeteer from "puppeteer-core";
import lighthouse, { desktopConfig, startFlow } from "lighthouse";
import { throttling as PRESETS } from "lighthouse/core/config/constants.js";
import { pageFunctions } from "lighthouse/core/lib/page-functions.js";

import { calibrated, PHONE_BENCHMARK_INDEX } from "./lighthouse-phone.js";

const PAGES = [
  { id: "accueil", label: "Accueil", path: "" },
  { id: "article", label: "Article (série « Attractivité »)", path: "attractivite/loi-oubliee-de-newton/" },
  { id: "fiche", label: "Fiche mémo avec liste de vérification", path: "fiches/reflexes-avant-de-publier/" },
  { id: "infographie", label: "Infographie", path: "dispositif-gagnant-gagnant/" },
];
const QUERY = "charte";
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
const CHROME_FLAGS = [
  "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--disable-default-apps", "--mute-audio",
];

const [base, output, runsArg, thresholdArg, onlyArg] = process.argv.slice(2);
const ONLY = onlyArg ? new Set(onlyArg.split(",")) : null; /* a few pages only, when looking into one */
const RETRIES = 2;
const EXTRA_RUNS = 2;
const MOBILE_PERFORMANCE_MIN = Number(thresholdArg || 0);
if (!base || !output) {
  console.error("Usage : node tools/lighthouse.js <adresse du site> <résultats.json> [nombre de passages mobiles]");
  process.exit(2);
}
const MOBILE_RUNS = Number(runsArg || 3);
const chromePath = process.env.CHROME_PATH || "/usr/bin/chromium";

async function withBrowser(work) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "lighthouse-chromium-"));
  const browser = await puppeteer.launch({
    executablePath: chromePath,
    args: [...CHROME_FLAGS, `--user-data-dir=${profile}`],
    defaultViewport: null,
  });
  try {
    return await work(browser);
  } finally {
    await browser.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

function summary(lhr) {
  const scores = {};
  for (const id of CATEGORIES) {
    const category = lhr.categories[id];
    scores[id] = category && category.score !== null ? Math.round(category.score * 100) : null;
  }
  const lost = [];
  for (const id of CATEGORIES) {
    const category = lhr.categories[id];
    if (!category) continue;
    for (const ref of category.auditRefs) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
        const items = (audit.details && audit.details.items) || [];
        const nodes = items.map((item) => item.node && item.node.snippet).filter(Boolean).slice(0, 3);
        lost.push({ category: id, audit: ref.id, score: audit.score, value: audit.displayValue || "", nodes });
      }
    }
  }
  const metrics = {};
  for (const id of ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"]) {
    if (lhr.audits[id] && lhr.audits[id].numericValue !== undefined) metrics[id] = lhr.audits[id].numericValue;
  }
  const error = lhr.runtimeError ? { code: lhr.runtimeError.code, message: lhr.runtimeError.message } : null;
  return { scores, lost, metrics, warnings: lhr.runWarnings || [], runtimeError: error };
}

function complete(result) {
  return CATEGORIES.every((id) => result.scores[id] !== null && result.scores[id] !== undefined);
}

// One audit, run again while a score is missing; the runtime errors of the failed attempts are kept.
async function attempt(audit) {
  const errors = [];
  for (let tries = 0; ; tries++) {
    let result;
    try {
      result = await audit();
    } catch (error) {
      result = { scores: Object.fromEntries(CATEGORIES.map((id) => [id, null])), lost: [], metrics: {}, warnings: [],
                 runtimeError: { code: "EXCEPTION", message: String(error && error.message || error) } };
    }
    if (result.runtimeError && !complete(result)) errors.push(result.runtimeError);
    else if (!complete(result)) errors.push({ code: "SCORE_MANQUANT", message: "une catégorie n’a pas de score" });
    if (complete(result) || tries >= RETRIES) return { ...result, failedAttempts: errors };
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

// The CPU slowdown of a mobile run, calibrated on a benchmark made in the run's browser just before it
// (tools/lighthouse-phone.js); the throttling settings that go with it (Lighthouse's slow 4G preset otherwise).
async function phoneThrottling(page) {
  const benchmarkIndex = await page.evaluate(pageFunctions.computeBenchmarkIndex);
  const multiplier = calibrated(benchmarkIndex);
  return { benchmarkIndex, multiplier, throttling: { ...PRESETS.mobileSlow4G, cpuSlowdownMultiplier: multiplier } };
}

async function auditPage(url, form) {
  return withBrowser(async (browser) => {
    const page = await browser.newPage();
    const flags = { logLevel: "error", output: "json" };
    if (form === "desktop") return summary((await lighthouse(url, flags, desktopConfig, page)).lhr);
    const phone = await phoneThrottling(page);
    const config = { extends: "lighthouse:default", settings: { throttling: phone.throttling } };
    const result = await lighthouse(url, flags, config, page);
    return { ...summary(result.lhr), benchmarkIndex: phone.benchmarkIndex, cpuSlowdownMultiplier: phone.multiplier };
  });
}

async function auditSearch(form) {
  return withBrowser(async (browser) => {
    const page = await browser.newPage();
    const config = form === "desktop" ? desktopConfig : undefined;
    const flow = await startFlow(page, { name: "Recherche", config, flags: { logLevel: "error" } });
    await flow.navigate(base, { name: "Accueil" });
    // The timespan is throttled while it runs (Lighthouse uses DevTools throttling for timespans).
    const phone = form === "desktop" ? null : await phoneThrottling(page);
    await flow.startTimespan({ name: "Ouvrir la recherche et taper un mot", ...(phone ? { throttling: phone.throttling } : {}) });
    await page.keyboard.press("s");
    await page.waitForFunction(() => window.pvSearch && window.pvSearch.ready);
    await page.evaluate(() => window.pvSearch.ready.then(() => { window.pvSearch.lastSearch = null; }));
    await page.type("#pv-search-input", QUERY, { delay: 50 });
    await page.waitForFunction(() => window.pvSearch.lastSearch !== null
      && document.querySelectorAll("#pv-search-results li").length > 0);
    await flow.endTimespan();
    await flow.snapshot({ name: "Résultats affichés" });
    const { steps } = await flow.createFlowResult();
    const timespan = summary(steps[1].lhr);
    const shown = summary(steps[2].lhr);
    // Performance while searching (timespan), the other categories on the page with the results (snapshot).
    return {
      scores: {
        performance: timespan.scores.performance,
        accessibility: shown.scores.accessibility,
        "best-practices": shown.scores["best-practices"],
        seo: shown.scores.seo,
      },
      lost: [...timespan.lost.filter((l) => l.category === "performance"),
             ...shown.lost.filter((l) => l.category !== "performance")],
      metrics: timespan.metrics,
      warnings: [...timespan.warnings, ...shown.warnings],
      ...(phone ? { benchmarkIndex: phone.benchmarkIndex, cpuSlowdownMultiplier: phone.multiplier } : {}),
    };
  });
}

const results = { base, lighthouse: JSON.parse(fs.readFileSync(new URL("../node_modules/lighthouse/package.json", import.meta.url))).version,
                  chromium: null, mobileRuns: MOBILE_RUNS, phoneBenchmarkIndex: PHONE_BENCHMARK_INDEX, query: QUERY, pages: [] };
results.chromium = await withBrowser((browser) => browser.version());

const targets = [...PAGES.map((p) => ({ ...p, kind: "page" })),
                 { id: "recherche", label: `Recherche (« ${QUERY} » tapé dans l’accueil)`, path: "", kind: "search" }]
  .filter((target) => !ONLY || ONLY.has(target.id));
for (const target of targets) {
  const url = base + target.path;
  const entry = { id: target.id, label: target.label, url, desktop: null, mobile: [] };
  process.stdout.write(`${target.label} : bureau`);
  const audit = (form) => (target.kind === "search" ? auditSearch(form) : auditPage(url, form));
  entry.desktop = await attempt(() => audit("desktop"));
  for (let run = 1; run <= MOBILE_RUNS; run++) {
    process.stdout.write(`, mobile ${run}`);
    entry.mobile.push(await attempt(() => audit("mobile")));
  }
  const performance = () => entry.mobile.map((r) => r.scores.performance).filter((v) => v !== null);
  if (MOBILE_PERFORMANCE_MIN && median(performance()) < MOBILE_PERFORMANCE_MIN) {
    for (let extra = 1; extra <= EXTRA_RUNS; extra++) {
      process.stdout.write(`, mobile ${MOBILE_RUNS + extra} (médiane sous le seuil)`);
      entry.mobile.push(await attempt(() => audit("mobile")));
    }
  }
  process.stdout.write("\n");
  results.pages.push(entry);
}
fs.writeFileSync(output, JSON.stringify(results, null, 2));
