// Speed and size of the views (a benchmark, never a test): run by scripts/bench.sh on a release
// build; the figures go, with the machine, into docs/benchmarks.md.
//
//   node tests/e2e/bench-views.mjs <release-dist-dir>
//
// It reads the widget's User Timing marks (src/ui/timing.rs): `news2:first-page`,
// `news2:data-in-hand`, `news2:banner-drawn`, `news2:chart-drawn`, `news2:table-drawn`.

import { readdir, readFile, stat } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { join, resolve } from "node:path";
import { launch, widgetState } from "./browser.mjs";
import { startServer } from "./static-server.mjs";

const root = resolve(process.argv[2] ?? "target/dist-release");
const RUNS = 7;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const range = (xs) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;

const { server, origin } = await startServer(root);
const context = await launch();

async function open(query) {
  const page = await context.newPage();
  // Trunk's loader announces the wasm instance: keep its memory to measure it.
  await page.addInitScript(() => {
    addEventListener("TrunkApplicationStarted", (e) => { window.__news2Wasm = e.detail.wasm; });
  });
  await page.goto(`${origin}/${query}`);
  return page;
}

/// Waits for the chart to be drawn and painted, then reads the marks.
async function drawn(page) {
  await widgetState(page, "ready", 120_000);
  await page.locator("news2-widget .news2-chart__canvas canvas").first().waitFor({ timeout: 120_000 });
  return page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => {
    const last = (name) => performance.getEntriesByName(name).at(-1)?.startTime;
    const first = (name, after) => performance.getEntriesByName(name).find((m) => m.startTime >= after)?.startTime;
    const data = last("news2:data-in-hand");
    done({
      data,
      chart: first("news2:chart-drawn", data),
      table: first("news2:table-drawn", data),
      banner: first("news2:banner-drawn", data),
      painted: performance.now(),
    });
  }))));
}

const drawTimes = [];
const paintTimes = [];
for (let i = 0; i < RUNS; i++) {
  const page = await open("?scenario=year&lang=nb");
  const m = await drawn(page);
  drawTimes.push(Math.max(m.chart, m.table) - m.data);
  paintTimes.push(m.painted - m.data);
  await page.close();
}

/// A page whose widget has switched to the paged year, with the marks cleared first.
async function openPagedYear() {
  const page = await open("?scenario=stable&lang=nb");
  await widgetState(page, "ready");
  await page.evaluate((src) => {
    performance.clearMarks();
    const widget = document.querySelector("news2-widget");
    widget.removeAttribute("now");
    widget.setAttribute("src", src);
  }, `${origin}/paged/year?page=0`);
  return page;
}

// The first banner when the first page of a paged history arrives (60 sets a page, newest first).
const bannerTimes = [];
for (let i = 0; i < RUNS; i++) {
  const page = await openPagedYear();
  const t = await page.evaluate(() => new Promise((done) => {
    const poll = () => {
      const page1 = performance.getEntriesByName("news2:first-page")[0];
      const banner = page1 && performance.getEntriesByName("news2:banner-drawn").find((m) => m.startTime >= page1.startTime);
      if (banner) done(banner.startTime - page1.startTime); else requestAnimationFrame(poll);
    };
    poll();
  }));
  bannerTimes.push(t);
  await page.close();
}

// Memory after showing the year, against a small scenario, after a garbage collection.
async function memory(query) {
  const page = await open(query);
  await drawn(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  const wasm = await page.evaluate(() => window.__news2Wasm?.memory?.buffer.byteLength ?? null);
  await page.close();
  return { js: usedSize, wasm };
}
const small = await memory("?scenario=stable&lang=nb");
const year = await memory("?scenario=year&lang=nb");

// The same year fetched in pages, as a FHIR server sends it: the peak is one page, not 12 MB.
async function pagedMemory() {
  const page = await openPagedYear();
  await page.waitForFunction(() => performance.getEntriesByName("news2:data-in-hand").length > 0, null, { timeout: 120_000 });
  await drawn(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  const wasm = await page.evaluate(() => window.__news2Wasm?.memory?.buffer.byteLength ?? null);
  await page.close();
  return { js: usedSize, wasm };
}
const paged = await pagedMemory();

await context.close();
server.close();

const files = await readdir(root);
const size = async (name) => {
  const bytes = await readFile(join(root, name));
  return { raw: (await stat(join(root, name))).size, gzip: gzipSync(bytes, { level: 9 }).length };
};
const wasmFile = files.find((f) => f.endsWith(".wasm"));
const jsFile = files.find((f) => /^news2-demo-.*\.js$/.test(f));
const wasm = await size(wasmFile);
const glue = await size(jsFile);
// The demo page's ECharts: the full echarts.min.js before issue 15, echarts.news2.js (only the
// parts the chart uses) since; whichever the build copied.
const echartsFile = files.find((f) => /^echarts\..*\.js$/.test(f));
const echarts = await size(echartsFile);

console.log(`| Year scenario (2,190 sets): data in hand → chart and table drawn | ${median(drawTimes).toFixed(0)} ms (${range(drawTimes)}) |`);
console.log(`| Same, until the browser has painted (two frames) | ${median(paintTimes).toFixed(0)} ms (${range(paintTimes)}) |`);
console.log(`| Paged year (60 sets a page): first page in → first banner drawn | ${median(bannerTimes).toFixed(0)} ms (${range(bannerTimes)}) |`);
console.log(`| JS heap after a GC: stable scenario / year | ${kb(small.js)} / ${kb(year.js)} |`);
console.log(`| wasm linear memory: stable scenario / year | ${kb(small.wasm)} / ${kb(year.wasm)} |`);
console.log(`| Paged year (37 pages of 60 sets): JS heap / wasm linear memory | ${kb(paged.js)} / ${kb(paged.wasm)} |`);
console.log(`| widget wasm (release, opt-level z, LTO, no wasm-opt) | ${kb(wasm.raw)} (${kb(wasm.gzip)} gzipped) |`);
console.log(`| wasm-bindgen JS glue | ${kb(glue.raw)} (${kb(glue.gzip)} gzipped) |`);
console.log(`| ECharts 5.5.1 (${echartsFile}) | ${kb(echarts.raw)} (${kb(echarts.gzip)} gzipped) |`);
console.log(`runs: ${RUNS}; times in ms: draw ${drawTimes.map((t) => t.toFixed(0)).join(", ")}; banner ${bannerTimes.map((t) => t.toFixed(0)).join(", ")}`);
