// The widget against a plain-JavaScript baseline, side by side in one headless Chromium on the
// same bytes (a benchmark, never a test: it asserts that both draw the same chart, never a
// time). Run by scripts/bench.sh; the figures go, with the machine, into docs/benchmarks.md.
//
//   node benches/views.mjs <dist-dir>        # the folder ./scripts/dist.sh printed
//
// 1. A year of 4-hourly sets in one UK Core Bundle: request → chart painted, widget
//    (benches/widget/, the distribution as a host embeds it) against the baseline
//    (benches/baseline/: fetch, JSON.parse, map, score, draw the same chart with the
//    distribution's ECharts). Medians of 7 runs each, each on a fresh page, interleaved.
// 2. Growth: a day, a month, a year and five years of sets (3 runs each; the year's are 1.'s).
// 3. The size of each file in the distribution, raw and gzipped.
// Writes target/bench/views.json and prints Markdown tables.
//
// The time origin is the mark `bench:request`, set by both pages the moment the element goes
// into the page (the widget) or the fetch starts (the baseline); "painted" is two animation
// frames after the first `…:chart-drawn` mark, when the browser has put the chart on screen.

import { readFile, readdir, stat, writeFile, mkdir } from "node:fs/promises";
import { cpus, loadavg, totalmem } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { isDeepStrictEqual } from "node:util";
import { execFileSync } from "node:child_process";
import { launch } from "../tests/e2e/browser.mjs";
import { startServer } from "../tests/e2e/static-server.mjs";
import { yearScenario } from "../scripts/scenarios.mjs";

const started = performance.now();
// Other work on the machine skews the figures: its load is recorded with them.
const loadBefore = loadavg()[0];
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
if (!process.argv[2]) throw new Error("usage: node benches/views.mjs <dist-dir> (from ./scripts/dist.sh)");
const distDir = resolve(process.argv[2]);
// The pages load the distribution from the same server as themselves (this repository).
if (!distDir.startsWith(root + sep)) throw new Error(`${distDir} must be inside ${root}`);
const dist = `/${relative(root, distDir).split(sep).join("/")}`;
const out = join(root, "target/bench");

const RUNS = 7;
const GROWTH_RUNS = 3;
// Longer than any size has needed; a page that takes longer is recorded as such, not waited on.
const PAGE_TIMEOUT_MS = 120_000;
const SIZES = [
  { days: 1, label: "1 day" },
  { days: 30, label: "1 month" },
  { days: 365, label: "1 year" },
  { days: 1825, label: "5 years" },
];

const median = (xs) => {
  const sorted = xs.filter((x) => typeof x === "number").sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : null;
};
const ms = (x) => (x === null ? "—" : `${Math.round(x).toLocaleString("en-GB")} ms`);
const mb = (x) => (x === null ? "—" : `${(x / 1024 / 1024).toFixed(1)} MB`);
const bundleSize = (x) => (x < 1024 * 1024 ? kb(x) : mb(x));
const kb = (x) => `${Math.round(x / 1024).toLocaleString("en-GB")} KB`;
/// A failure as a table cell: the widget's error kind and message, or why the page stopped.
const failure = (why) => {
  const error = why.match(/^news2-error (.*)$/);
  if (!error) return `failed: ${why}`;
  const { kind, message } = JSON.parse(error[1]);
  return `failed: \`${kind}\`, "${message}"`;
};
const spread = (r) => (r ? `${Math.round(r[0]).toLocaleString("en-GB")}–${Math.round(r[1]).toLocaleString("en-GB")}` : "—");
const ratio = (a, b) => (a === null || b === null || b === 0 ? "—" : `${(a / b).toFixed(1)}×`);

// --- The Bundles: the demo's year scenario (scripts/scenarios.mjs) at four lengths ------------
await mkdir(out, { recursive: true });
for (const size of SIZES) {
  const { text, now } = yearScenario(size.days);
  size.file = `year-${size.days}.json`;
  size.now = now;
  size.sets = size.days * 6;
  size.bytes = Buffer.byteLength(text);
  await writeFile(join(out, size.file), text);
}
const year = SIZES.find((s) => s.days === 365);

const { server, origin } = await startServer(root);
const context = await launch();
const blank = `${origin}/tests/e2e/host/blank.html`;

/// A fresh page that records when the chart was painted, and any failure, in window.bench:
/// `done` resolves when the chart has been painted (two frames after the first chart-drawn
/// mark) or the page failed (a news2-error, an exception).
async function freshPage() {
  const page = await context.newPage();
  const requests = [];
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));
  await page.addInitScript(() => {
    let finish;
    window.bench = { done: new Promise((r) => { finish = r; }), painted: null, failed: null, loaded: null };
    new PerformanceObserver((list) => {
      if (list.getEntries().some((m) => m.name.endsWith(":chart-drawn")) && window.bench.painted === null) {
        window.bench.painted = 0;
        requestAnimationFrame(() => requestAnimationFrame(() => {
          window.bench.painted = performance.now();
          finish();
        }));
      }
    }).observe({ type: "mark" });
    const failed = (why) => { window.bench.failed ??= why; finish(); };
    document.addEventListener("news2-error", (e) => failed(`news2-error ${JSON.stringify(e.detail)}`));
    document.addEventListener("news2-loaded", (e) => { window.bench.loaded = e.detail; });
    addEventListener("error", (e) => failed(String(e.message)));
    addEventListener("unhandledrejection", (e) => failed(String(e.reason)));
  });
  return { page, requests };
}

/// Waits for the page's chart (or failure), at most PAGE_TIMEOUT_MS.
async function finished(page) {
  let timer;
  const timeout = new Promise((r) => { timer = setTimeout(() => r("timeout"), PAGE_TIMEOUT_MS); });
  // A page closed after a timeout rejects its pending evaluate: not a failure of this run's.
  const done = page.evaluate(() => window.bench.done.then(() => "done")).catch((e) => `page gone: ${e.message}`);
  const result = await Promise.race([done, timeout]);
  clearTimeout(timer);
  if (result !== "done") return { failed: result === "timeout" ? `not drawn within ${PAGE_TIMEOUT_MS / 1000} s` : result };
  return page.evaluate(() => ({ failed: window.bench.failed, loaded: window.bench.loaded }));
}

/// The marks as ms since `bench:request`, and the whole page's time since navigation start.
function marks(page, names) {
  return page.evaluate((names) => {
    const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
    const request = at("bench:request");
    const since = Object.fromEntries(names.map((n) => [n, at(n) === null ? null : at(n) - request]));
    return { ...since, painted: window.bench.painted - request, navigationToPainted: window.bench.painted };
  }, names);
}

/// The JS heap after a full garbage collection, through the DevTools protocol.
async function jsHeap(page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  await cdp.detach();
  return usedSize;
}

const widgetUrl = (size, extra = "") =>
  `${origin}/benches/widget/index.html?dist=${dist}&src=/target/bench/${size.file}&now=${size.now}${extra}`;
const baselineUrl = (size) =>
  `${origin}/benches/baseline/index.html?src=/target/bench/${size.file}&now=${size.now}&echarts=${echartsUrl}&width=${chartWidth}`;

async function widgetRun(size) {
  const { page, requests } = await freshPage();
  await page.goto(widgetUrl(size));
  const end = await finished(page);
  let run = { failed: end.failed, sets: end.loaded?.sets ?? null };
  if (!end.failed) {
    run = { ...run, ...await marks(page, ["news2:data-in-hand", "news2:banner-drawn", "news2:chart-drawn"]) };
    run.wasm = await page.evaluate((dist) => import(`${dist}/news2-widget.js`).then((m) => m.memoryBytes()), dist);
    run.heap = await jsHeap(page);
    // How often the chart was drawn for one load, and from the first draw to the last (a redraw
    // before the first paint is work that paint waited on).
    Object.assign(run, await page.evaluate(() => {
      const drawn = performance.getEntriesByName("news2:chart-drawn");
      return { draws: drawn.length, redrawn: drawn.at(-1).startTime - drawn[0].startTime };
    }));
    // The ECharts file the comparison used must be the one the widget loads by itself; when it
    // asked for it and had it, since the request (it imports ECharts once the data are in).
    run.loadedECharts = requests.includes(echartsUrl);
    run.echartsFetched = await page.evaluate((url) => {
      const request = performance.getEntriesByName("bench:request")[0].startTime;
      const entry = performance.getEntriesByName(new URL(url, location.href).href)[0];
      return entry ? [entry.startTime - request, entry.responseEnd - request] : null;
    }, echartsUrl);
  }
  await page.close();
  return run;
}

async function baselineRun(size) {
  const { page } = await freshPage();
  await page.goto(baselineUrl(size));
  const end = await finished(page);
  let run = { failed: end.failed };
  if (!end.failed) {
    run = { ...run, ...await marks(page, ["baseline:data-in-hand", "baseline:scored", "baseline:chart-drawn"]) };
    run.heap = await jsHeap(page);
  }
  await page.close();
  return run;
}

// --- Before timing: the browser, the ECharts build, the scorer, the same chart ----------------
const setup = await context.newPage();
const cdp = await context.newCDPSession(setup);
const chromium = (await cdp.send("Browser.getVersion")).product;
await setup.goto(blank);

// Whatever .js file of the distribution exports ECharts' `init` (its name is not relied on).
const candidates = (await readdir(distDir)).filter((f) => f.endsWith(".js") && !["news2-widget.js", "news2_widget.js"].includes(f));
const echartsFile = (await setup.evaluate(async ({ dist, candidates }) => {
  const found = [];
  for (const f of candidates) if (typeof (await import(`${dist}/${f}`)).init === "function") found.push(f);
  return found;
}, { dist, candidates }));
if (echartsFile.length !== 1) throw new Error(`expected one ECharts module in ${distDir}, found: ${echartsFile.join(", ") || "none"}`);
const echartsUrl = `${dist}/${echartsFile[0]}`;

// The baseline's scorer against RCP's 75 boundary vectors, in the page's own engine.
const vectors = JSON.parse(await readFile(join(root, "../shared/news2/rcp-vectors.json"), "utf8").catch(() =>
  readFile(join(root, "tests/data/rcp-vectors.json"), "utf8"))).vectors;
const wrong = await setup.evaluate(async (vectors) => {
  const { score } = await import("/benches/baseline/baseline.js");
  const sorted = (o) => JSON.stringify(Object.entries(o).sort());
  return vectors.filter(({ input, expected: e }) => {
    const got = score(input);
    return got.total !== e.total || got.risk !== e.risk || got.monitoring !== e.monitoring
      || sorted(got.subScores) !== sorted(e.subScores);
  }).map((v) => `${v.id} ${v.case}`);
}, vectors);
if (wrong.length) throw new Error(`the baseline's NEWS2 differs from RCP's vectors: ${wrong.join("; ")}`);
console.error(`baseline scorer: all ${vectors.length} RCP boundary vectors agree`);
await setup.close();

/// What both charts must share, read back from ECharts after drawing: layout, axes, every
/// point (time, value, symbol, label, size, colour) and tooltip, bands and marker lines.
function chartSummary() {
  const chart = window.benchCharts.at(-1);
  const o = chart.getOption();
  const point = (d) => (Array.isArray(d) ? [d[0], d[1]]
    : [...d.value, d.symbol, d.label?.show ? d.label.formatter : "", d.symbolSize ?? "", d.itemStyle?.color ?? ""]);
  return {
    size: [chart.getWidth(), chart.getHeight()],
    grids: o.grid.map((g) => [g.top, g.height, g.left, g.right]),
    xAxes: o.xAxis.map((a) => [a.type, a.gridIndex, a.min, a.max, a.splitNumber, a.axisLabel.show]),
    yAxes: o.yAxis.map((a) => [a.type, a.gridIndex, a.show, a.min ?? null, a.max ?? null, a.name, (a.data ?? []).join()]),
    series: o.series.map((s) => ({
      head: [s.type, s.name, s.xAxisIndex, s.yAxisIndex, s.lineStyle.color, s.lineStyle.width],
      points: s.data.map(point),
      tooltips: s.data.map((d) => d.name ?? ""),
      bands: s.markArea.data.map(([a, b]) => [a.name, a.yAxis, b.yAxis, a.xAxis ?? null, a.itemStyle.color]),
      lines: s.markLine.data.map((l) => [l.xAxis ?? null, l.yAxis ?? null, l.label.show ? l.label.formatter : ""]),
    })),
    dataZoom: o.dataZoom.map((z) => [z.type, z.startValue, z.endValue, z.filterMode]),
    aria: o.aria.label.description,
  };
}

/// The first place two summaries differ, or null.
function firstDifference(a, b, path = "") {
  if (isDeepStrictEqual(a, b)) return null;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) {
    return `${path}: widget ${JSON.stringify(a)?.slice(0, 300)}, baseline ${JSON.stringify(b)?.slice(0, 300)}`;
  }
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const found = firstDifference(a[key], b[key], `${path}.${key}`);
    if (found) return found;
  }
  return null;
}

// The baseline's chart takes the width of the widget's (measured on the year, the same layout
// at every size), and must then be the same chart, point for point, at every size the widget
// draws.
let chartWidth = 0;
const comparisons = {};
for (const size of [year, ...SIZES.filter((s) => s !== year)]) {
  const { page: w } = await freshPage();
  await w.goto(widgetUrl(size, `&inspect=${echartsUrl}`));
  const wEnd = await finished(w);
  if (wEnd.failed) {
    comparisons[size.days] = `not compared: the widget did not draw (${wEnd.failed})`;
    await w.close();
    continue;
  }
  const widget = await w.evaluate(chartSummary);
  await w.close();
  chartWidth ||= widget.size[0];
  const { page: b } = await freshPage();
  await b.goto(baselineUrl(size));
  const bEnd = await finished(b);
  if (bEnd.failed) throw new Error(`the baseline failed on ${size.label}: ${bEnd.failed}`);
  const baseline = await b.evaluate(chartSummary);
  await b.close();
  const differs = firstDifference(widget, baseline);
  if (differs) throw new Error(`${size.label}: the baseline's chart is not the widget's: ${differs}`);
  const points = widget.series.reduce((n, s) => n + s.points.length, 0);
  comparisons[size.days] = `same chart: ${widget.grids.length} grids, ${widget.series.length} series, ${points} points with their symbols, labels and tooltips, bands and marker lines`;
  console.error(`${size.label}: ${comparisons[size.days]}`);
}
if (!chartWidth) throw new Error(`the widget did not draw a year: ${comparisons[year.days]}`);

// --- Timing: fresh pages, widget and baseline interleaved (and each first in turn) ------------
const results = {};
for (const size of SIZES) {
  const runs = size === year ? RUNS : GROWTH_RUNS;
  const widget = [];
  const baseline = [];
  for (let i = 0; i < runs; i++) {
    // A widget that failed on this size fails the same way again: recorded once, not repeated.
    const widgetGoes = !widget.some((r) => r.failed);
    for (const which of i % 2 === 0 ? ["widget", "baseline"] : ["baseline", "widget"]) {
      if (which === "widget" && widgetGoes) widget.push(await widgetRun(size));
      if (which === "baseline") baseline.push(await baselineRun(size));
    }
    const said = (run) => run.failed ?? ms(run.painted);
    console.error(`${size.label}, run ${i + 1}/${runs}: widget ${said(widget.at(-1))}, baseline ${said(baseline.at(-1))}`);
  }
  if (widget.some((r) => !r.failed && !r.loadedECharts)) throw new Error(`the widget did not load ${echartsUrl}`);
  // Its `news2-loaded` event counts the sets it read: every one of them.
  const short = widget.find((r) => !r.failed && r.sets !== size.sets);
  if (short) throw new Error(`${size.label}: the widget read ${short.sets} sets of ${size.sets}`);
  const of = (list, key) => median(list.filter((r) => !r.failed).map((r) => r[key]));
  const range = (list, key) => {
    const xs = list.filter((r) => !r.failed).map((r) => r[key]);
    return xs.length ? [Math.min(...xs), Math.max(...xs)] : null;
  };
  results[size.days] = {
    widget: {
      failed: widget.find((r) => r.failed)?.failed ?? null,
      sets: widget.find((r) => r.sets !== null)?.sets ?? null,
      dataInHand: of(widget, "news2:data-in-hand"),
      banner: of(widget, "news2:banner-drawn"),
      chartDrawn: of(widget, "news2:chart-drawn"),
      painted: of(widget, "painted"),
      navigationToPainted: of(widget, "navigationToPainted"),
      wasm: of(widget, "wasm"),
      draws: of(widget, "draws"),
      redrawn: of(widget, "redrawn"),
      echartsAsked: median(widget.filter((r) => r.echartsFetched).map((r) => r.echartsFetched[0])),
      echartsIn: median(widget.filter((r) => r.echartsFetched).map((r) => r.echartsFetched[1])),
      paintedRange: range(widget, "painted"),
      heap: of(widget, "heap"),
      runs: widget,
    },
    baseline: {
      failed: baseline.find((r) => r.failed)?.failed ?? null,
      dataInHand: of(baseline, "baseline:data-in-hand"),
      scored: of(baseline, "baseline:scored"),
      chartDrawn: of(baseline, "baseline:chart-drawn"),
      painted: of(baseline, "painted"),
      paintedRange: range(baseline, "painted"),
      navigationToPainted: of(baseline, "navigationToPainted"),
      heap: of(baseline, "heap"),
      runs: baseline,
    },
  };
}

await context.close();
server.close();

// --- Sizes: every file of the distribution; those a page with a chart fetched are marked ------
async function filesUnder(dir) {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...await filesUnder(path)); else found.push(path);
  }
  return found;
}
const files = [];
for (const path of (await filesUnder(distDir)).sort()) {
  const bytes = await readFile(path);
  const name = relative(distDir, path).split(sep).join("/");
  files.push({ name, raw: (await stat(path)).size, gzip: gzipSync(bytes, { level: 9 }).length });
}

// --- Report -----------------------------------------------------------------------------------
const cpuModel = (await readFile("/proc/cpuinfo", "utf8").catch(() => "")).match(/model name\s*:\s*(.*)/)?.[1] ?? cpus()[0]?.model;
const machine = {
  nproc: cpus().length,
  cpu: cpuModel,
  memory: `${Math.round(totalmem() / 1024 ** 3)} GB`,
  chromium,
  node: process.version,
  date: new Date().toISOString().slice(0, 10),
  load: `${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after (1-minute load average)`,
  // The tree this ran in, as git tells it (`-dirty`: with changes not committed).
  source: (() => {
    try {
      return execFileSync("git", ["-C", root, "describe", "--always", "--dirty"], { encoding: "utf8" }).trim();
    } catch {
      return "unknown";
    }
  })(),
};
const y = results[year.days];
const table = [
  `A year of 4-hourly sets: ${year.sets.toLocaleString("en-GB")} sets, one Bundle of ${bundleSize(year.bytes)}; medians of ${RUNS} runs.`,
  "",
  "| From the request | Widget | Baseline | Widget ÷ baseline |",
  "|---|---|---|---|",
  `| → sets in hand (widget: \`news2:data-in-hand\`; baseline: fetched, parsed, mapped, scored) | ${ms(y.widget.dataInHand)} | ${ms(y.baseline.scored)} | ${ratio(y.widget.dataInHand, y.baseline.scored)} |`,
  `| → first banner | ${ms(y.widget.banner)} | (none) | |`,
  `| → chart drawn (\`setOption\` returned) | ${ms(y.widget.chartDrawn)} | ${ms(y.baseline.chartDrawn)} | ${ratio(y.widget.chartDrawn, y.baseline.chartDrawn)} |`,
  `| → **chart painted** (two frames after) | **${ms(y.widget.painted)}** (${spread(y.widget.paintedRange)}) | **${ms(y.baseline.painted)}** (${spread(y.baseline.paintedRange)}) | **${ratio(y.widget.painted, y.baseline.painted)}** |`,
  `| Navigation start → chart painted (loading the code too) | ${ms(y.widget.navigationToPainted)} | ${ms(y.baseline.navigationToPainted)} | ${ratio(y.widget.navigationToPainted, y.baseline.navigationToPainted)} |`,
  `| JS heap after a GC, chart shown | ${mb(y.widget.heap)} | ${mb(y.baseline.heap)} | ${ratio(y.widget.heap, y.baseline.heap)} |`,
  `| wasm memory (\`memoryBytes()\`) | ${mb(y.widget.wasm)} | (none) | |`,
  "",
  `The baseline's fetch alone: ${ms(y.baseline.dataInHand)}. The widget drew its chart ${y.widget.draws} times per load, the last ${ms(y.widget.redrawn)} after the first; it asked for ECharts at ${ms(y.widget.echartsAsked)} and had it at ${ms(y.widget.echartsIn)}.`,
  "",
  "| Sets | Bundle | Widget: → first banner | Widget: → chart painted | Baseline: → chart painted | Widget ÷ baseline | Widget wasm memory | JS heap: widget / baseline |",
  "|---|---|---|---|---|---|---|---|",
  ...SIZES.map((s) => {
    const r = results[s.days];
    const widgetCell = (text) => (r.widget.failed ? failure(r.widget.failed) : text);
    return `| ${s.sets.toLocaleString("en-GB")} (${s.label}) | ${bundleSize(s.bytes)} | ${widgetCell(ms(r.widget.banner))} | ${widgetCell(ms(r.widget.painted))} | ${r.baseline.failed ? failure(r.baseline.failed) : ms(r.baseline.painted)} | ${ratio(r.widget.painted, r.baseline.painted)} | ${mb(r.widget.wasm)} | ${mb(r.widget.heap)} / ${mb(r.baseline.heap)} |`;
  }),
  "",
  "| Distribution file | Raw | gzip -9 |",
  "|---|---|---|",
  ...files.map((f) => `| \`${f.name}\` | ${kb(f.raw)} | ${kb(f.gzip)} |`),
  "",
  `Machine: ${machine.nproc} cores of ${machine.cpu}, ${machine.memory}; ${machine.chromium}; Node ${machine.node}; ${machine.date}; tree ${machine.source}; load ${machine.load}.`,
  `ECharts: ${echartsUrl} (the distribution's, for both pages).`,
];
const seconds = (performance.now() - started) / 1000;
await writeFile(join(out, "views.json"), `${JSON.stringify({
  dist, echarts: echartsUrl, chartWidth, machine, seconds,
  sizes: SIZES, comparisons, results, files,
}, null, 1)}\n`);
console.log(table.join("\n"));
console.log(`\n(${Math.round(seconds)} s; details in target/bench/views.json)`);
