// The widget at every width a nurse meets it (issue 14), in Chromium, Firefox ESR and WebKitGTK
// (tests/e2e/engines.mjs): in containers of 320, 375, 480, 768 and 1,400 CSS px inside a
// desktop window, on the demo page built by `trunk build`.
//
// At each width, for scenarios with a long history, the entry form and four services:
//   - no element of the widget is cut off outside a scroll region (a region that scrolls shows
//     its scrollbar, so what is beyond it is not lost);
//   - the banner is fully visible, first in the widget, and says the score or when measured;
//   - axe-core finds no WCAG 2.2 AA violation;
//   - all of it with the ISBAR summary open (issue 16), its longest content;
// then the whole page on a 320 and a 375 px wide window does not scroll sideways, and a list of
// 20 compact widgets (variant="compact") stays within 160 px each with nothing cut off.
// Screenshots: target/screenshots/<engine>-<scenario>-<width>.png.
//
//   node tests/e2e/layout.mjs dist [width ...]
//   NEWS2_ENGINES=firefox node tests/e2e/layout.mjs dist 480   (one engine, one width)

import { mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { ENGINES, start } from "./engines.mjs";
import { startServer } from "./static-server.mjs";

const root = resolve(process.argv[2] ?? "dist");
const widths = process.argv.slice(3).map(Number);
const WIDTHS = widths.length ? widths : [320, 375, 480, 768, 1400];
const engines = process.env.NEWS2_ENGINES?.split(",") ?? ENGINES;
const SCENARIOS = [
  { query: "scenario=deteriorating&mode=entry", name: "deteriorating-entry" },
  { query: "scenario=shared-services", name: "shared-services" },
  { query: "scenario=year", name: "year" },
];
const shots = resolve("target/screenshots");
await mkdir(shots, { recursive: true });
const axeSource = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

const { server, origin } = await startServer(root);
const failures = [];
const fail = (what) => {
  failures.push(what);
  console.error(`FAIL ${what}`);
};

/// Runs in the page: every rendered element of `host`'s shadow root that lies outside the host's
/// box and is not inside a region that scrolls. Visually hidden text (for screen readers) and
/// the inside of SVG drawings are not boxes a reader sees.
function cutOff(host) {
  const box = host.getBoundingClientRect();
  const scrolls = (el) => {
    const style = getComputedStyle(el);
    return /(auto|scroll)/.test(style.overflowX + style.overflowY);
  };
  const out = [];
  for (const el of host.shadowRoot.querySelectorAll("*")) {
    if (el.closest(".news2-visually-hidden") || (el.closest("svg") && el.tagName !== "svg")) continue;
    const b = el.getBoundingClientRect();
    if (b.width === 0 || b.height === 0) continue;
    let parent = el.parentElement;
    let inScroll = false;
    while (parent && !inScroll) {
      inScroll = scrolls(parent);
      parent = parent.parentElement;
    }
    if (inScroll) continue;
    if (b.right > box.right + 0.5 || b.left < box.left - 0.5) {
      const name = String(el.className?.baseVal ?? el.className).split(" ")[0];
      out.push(`${el.tagName.toLowerCase()}${name ? `.${name}` : ""} at ${Math.round(b.left - box.left)}..${Math.round(b.right - box.left)}`);
    }
  }
  return [...new Set(out)];
}

/// A function for `page.evaluate`, made here with the page-side helpers inside it: the checks
/// run as one script in every engine (and a page's CSP may refuse `new Function` inside it).
const inPage = (body) => new Function("arg", `const cutOff = ${cutOff.toString()};
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  return (async () => { ${body} })();`);

/// Waits, frame by frame, until every <news2-widget> has drawn `selector`.
// A deadline of 60 s (within the 90 s watchdog), not a count of frames: a browser under a
// virtual display may give frames at another pace (WebKit once ran 1,800 frames before the
// year's 12 MB Bundle was drawn, on a fresh clone).
const drawn = inPage(`
  const deadline = performance.now() + 60000;
  while (performance.now() < deadline) {
    const all = [...document.querySelectorAll("news2-widget")];
    if (all.length && all.every((w) => w.shadowRoot?.querySelector(arg))) return true;
    await frame();
  }
  return false;`);

const check = inPage(`
  const host = document.querySelector("news2-widget");
  if (arg.width) host.style.width = arg.width + "px";
  // The ISBAR summary open, so its lists and text boxes are checked at this width too.
  const toggle = host.shadowRoot.querySelector(".news2-isbar__toggle");
  if (arg.isbar && toggle?.getAttribute("aria-expanded") === "false") toggle.click();
  // And the escalation response step, where the banner asks for an acknowledgement.
  const acknowledge = host.shadowRoot.querySelector(".news2-banner__acknowledge");
  if (arg.isbar && acknowledge && !acknowledge.disabled) acknowledge.click();
  // Two frames: the container queries and ECharts' resize have applied.
  await frame();
  await frame();
  const box = host.getBoundingClientRect();
  const banner = host.shadowRoot.querySelector(".news2-banner");
  const b = banner?.getBoundingClientRect();
  const first = host.shadowRoot.querySelector(".news2-banner, .news2-status, .news2-entry, .news2-chart, .news2-history");
  let axe = null;
  if (arg.axe) {
    if (!window.axe) {
      const script = document.createElement("script");
      script.textContent = arg.axe;
      document.head.append(script);
    }
    const result = await window.axe.run(host, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    });
    axe = result.violations.map((v) => v.id + ": " + v.help + " — "
      + v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | "));
  }
  return {
    cut: cutOff(host),
    banner: b && {
      inside: b.left >= box.left - 0.5 && b.right <= box.right + 0.5,
      first: first === banner,
      says: /NEWS2|Målt/.test(banner.textContent),
    },
    axe,
    pageWide: document.scrollingElement.scrollWidth,
    innerWidth,
  };`);

async function atWidth(browser, engine, scenario, width) {
  const name = `${engine}: ${scenario.name} at ${width} px`;
  const page = await browser.page();
  await page.size(1600, 1000);
  await page.goto(`${origin}/?${scenario.query}`);
  if (!(await page.evaluate(drawn, ".news2-widget[data-state=ready]"))) fail(`${name}: never drawn`);
  const r = await page.evaluate(check, { width, axe: axeSource, isbar: true });
  if (r.cut.length) fail(`${name}: cut off outside a scroll region: ${r.cut.slice(0, 8).join(", ")}`);
  if (!r.banner) fail(`${name}: no banner`);
  else {
    if (!r.banner.inside) fail(`${name}: the banner runs out of the widget`);
    if (!r.banner.first) fail(`${name}: the banner is not first`);
    if (!r.banner.says) fail(`${name}: the banner does not say the score or when measured`);
  }
  for (const v of r.axe ?? []) fail(`${name}: axe ${v}`);
  await page.screenshot(join(shots, `${engine}-${scenario.name}-${width}.png`));
  await page.close();
  console.log(`ok ${name}`);
}

/// The whole page in a phone-wide window: nothing scrolls sideways, nothing is cut off.
async function phone(browser, engine, width) {
  const page = await browser.page();
  await page.size(width, 800);
  await page.goto(`${origin}/?scenario=deteriorating&mode=entry`);
  if (!(await page.evaluate(drawn, ".news2-widget[data-state=ready]"))) fail(`${engine}: phone ${width} px: never drawn`);
  const r = await page.evaluate(check, {});
  // A window manager may keep a browser window wider than asked: what counts is its width.
  if (r.pageWide > r.innerWidth) fail(`${engine}: phone ${r.innerWidth} px: the page is ${r.pageWide} px wide`);
  if (r.cut.length) fail(`${engine}: phone ${r.innerWidth} px: cut off: ${r.cut.slice(0, 8).join(", ")}`);
  await page.close();
  console.log(`ok ${engine}: phone ${r.innerWidth} px (asked ${width}): the page is ${r.pageWide} px wide`);
}

/// A patient list: 20 compact widgets in a column of `width` px.
async function compactList(browser, engine, width) {
  const page = await browser.page();
  await page.size(1600, 1000);
  await page.goto(`${origin}/?scenario=deteriorating&variant=compact`);
  if (!(await page.evaluate(drawn, ".news2-compact"))) fail(`${engine}: compact: never drawn`);
  await page.evaluate(inPage(`
    const first = document.querySelector("news2-widget");
    first.style.width = arg + "px";
    for (let i = 1; i < 20; i++) {
      const copy = document.createElement("news2-widget");
      for (const name of ["lang", "demo", "now", "src", "variant"]) {
        copy.setAttribute(name, first.getAttribute(name) ?? "");
      }
      copy.style.width = arg + "px";
      first.parentElement.append(copy);
    }`), width);
  if (!(await page.evaluate(drawn, ".news2-compact"))) fail(`${engine}: compact list: never drawn`);
  const report = await page.evaluate(inPage(`
    return [...document.querySelectorAll("news2-widget")].map((host) => {
      const compact = host.shadowRoot.querySelector(".news2-compact");
      return {
        level: compact.getAttribute("data-level"),
        // From the compact view down: the demo's fixed-clock note above it is demo-only.
        height: host.getBoundingClientRect().bottom - compact.getBoundingClientRect().top,
        cut: cutOff(host),
      };
    });`));
  const levels = new Set(report.map((r) => r.level));
  if (report.length !== 20 || levels.size !== 1 || !levels.has("high")) {
    fail(`${engine}: compact list at ${width} px: ${report.length} widgets, levels ${[...levels]}`);
  }
  const tallest = Math.max(...report.map((r) => r.height));
  if (tallest > 160) fail(`${engine}: compact list at ${width} px: a widget is ${Math.round(tallest)} px tall`);
  const cut = report.flatMap((r) => r.cut);
  if (cut.length) fail(`${engine}: compact list at ${width} px: cut off: ${cut.slice(0, 5).join(", ")}`);
  await page.screenshot(join(shots, `${engine}-compact-list-${width}.png`));
  await page.close();
  console.log(`ok ${engine}: compact list at ${width} px: 20 widgets, at most ${Math.round(tallest)} px tall`);
}

/// A watchdog, not a wait: a browser that stops answering (MiniBrowser has been seen to vanish
/// mid-run) must fail the check, never hang the pipeline.
const within = (promise, seconds, what) => {
  let timer;
  const expired = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer in ${seconds} s`)), seconds * 1000);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
};

try {
  for (const engine of engines) {
    const began = Date.now();
    let browser = await within(start(engine), 120, `${engine}: start`);
    const version = browser.version;
    // Each check once more in a fresh browser if the browser itself failed (crashed, stopped
    // answering); a check that finds a fault records it and is not repeated.
    const run = async (what, check) => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await within(check(browser), 90, `${engine}: ${what}`);
        } catch (error) {
          if (attempt === 2) throw error;
          console.error(`retry ${engine}: ${what}: ${error.message}; browser restarted`);
          await within(browser.close(), 30, "close").catch(() => {});
          browser = await within(start(engine), 120, `${engine}: restart`);
        }
      }
    };
    try {
      for (const scenario of SCENARIOS) {
        for (const width of WIDTHS) {
          await run(`${scenario.name} at ${width}`, (b) => atWidth(b, engine, scenario, width));
        }
      }
      await run("phone 320", (b) => phone(b, engine, 320));
      await run("phone 375", (b) => phone(b, engine, 375));
      for (const width of [320, 480]) {
        await run(`compact list at ${width}`, (b) => compactList(b, engine, width));
      }
    } catch (error) {
      fail(`${engine}: stopped: ${error.message}`);
    } finally {
      await within(browser.close(), 30, "close").catch(() => {});
    }
    console.log(`${engine} (${version}): layout checks in ${Math.round((Date.now() - began) / 1000)} s`);
  }
} finally {
  server.close();
}

if (failures.length) {
  console.error(`${failures.length} failure(s)`);
  process.exit(1);
}
console.log(`layout: every width held in ${engines.join(", ")}; screenshots in ${shots}`);
// Nothing of a stopped browser's connections may keep the pipeline waiting.
process.exit(0);
