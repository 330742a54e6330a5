// The widget at every width a nurse meets it (issue 14): in containers of 320, 375, 480, 768
// and 1,400 CSS px inside a desktop window, on the demo page built by `trunk build`.
//
// At each width, for scenarios with a long history, the entry form and four services:
//   - no element of the widget is cut off outside a scroll region (a region that scrolls shows
//     its scrollbar, so what is beyond it is not lost);
//   - the banner is fully visible, first in the widget;
//   - axe-core finds no WCAG 2.2 AA violation;
// then the whole page on a 320 px phone does not scroll sideways, and a list of 20 compact
// widgets (variant="compact") stays within 160 px each with nothing cut off.
// Screenshots: target/screenshots/chromium-<scenario>-<width>.png.
//
//   node tests/e2e/layout.mjs dist [width ...]

import { mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { launch, widgetState } from "./browser.mjs";
import { startServer } from "./static-server.mjs";

const root = resolve(process.argv[2] ?? "dist");
const widths = process.argv.slice(3).map(Number);
const WIDTHS = widths.length ? widths : [320, 375, 480, 768, 1400];
const SCENARIOS = [
  { query: "scenario=deteriorating&mode=entry", name: "deteriorating-entry" },
  { query: "scenario=shared-services", name: "shared-services" },
  { query: "scenario=year", name: "year" },
];
const shots = resolve("target/screenshots");
await mkdir(shots, { recursive: true });
const axeSource = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

const { server, origin } = await startServer(root);
const context = await launch();
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

async function atWidth(scenario, width) {
  const name = `${scenario.name} at ${width} px`;
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${origin}/?${scenario.query}`);
  await widgetState(page, "ready");
  await page.evaluate((w) => {
    const widget = document.querySelector("news2-widget");
    widget.style.width = `${w}px`;
  }, width);
  // Two frames: the container queries and ECharts' resize have applied.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const widget = page.locator("news2-widget");
  const cut = await widget.evaluate(cutOff);
  if (cut.length) fail(`${name}: cut off outside a scroll region: ${cut.slice(0, 8).join(", ")}`);
  const banner = await widget.evaluate((host) => {
    const box = host.getBoundingClientRect();
    const banner = host.shadowRoot.querySelector(".news2-banner");
    const b = banner?.getBoundingClientRect();
    const first = host.shadowRoot.querySelector(".news2-banner, .news2-status, .news2-entry, .news2-chart, .news2-history");
    return b && {
      inside: b.left >= box.left - 0.5 && b.right <= box.right + 0.5,
      first: first === banner,
      text: banner.textContent,
    };
  });
  if (!banner) fail(`${name}: no banner`);
  else {
    if (!banner.inside) fail(`${name}: the banner runs out of the widget`);
    if (!banner.first) fail(`${name}: the banner is not first`);
    if (!/NEWS2|Målt/.test(banner.text)) fail(`${name}: the banner does not say the score or when measured`);
  }
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() =>
    window.axe.run(document.querySelector("news2-widget"), {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    }));
  for (const v of result.violations) {
    fail(`${name}: axe ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
  }
  if (errors.length) fail(`${name}: page errors: ${errors.join(" / ")}`);
  await widget.screenshot({ path: join(shots, `chromium-${scenario.name}-${width}.png`) });
  await page.close();
  console.log(`ok ${name}${cut.length ? " (with failures above)" : ""}`);
}

/// The whole page on a phone: nothing scrolls sideways.
async function phone(width) {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 800 });
  await page.goto(`${origin}/?scenario=deteriorating&mode=entry`);
  await widgetState(page, "ready");
  const wide = await page.evaluate(() => document.scrollingElement.scrollWidth);
  if (wide > width) fail(`phone ${width} px: the page is ${wide} px wide`);
  const cut = await page.locator("news2-widget").evaluate(cutOff);
  if (cut.length) fail(`phone ${width} px: cut off: ${cut.slice(0, 8).join(", ")}`);
  await page.close();
  console.log(`ok phone ${width} px: the page is ${wide} px wide`);
}

/// A patient list: 20 compact widgets in a column of `width` px.
async function compactList(width) {
  const page = await context.newPage();
  await page.goto(`${origin}/?scenario=deteriorating&variant=compact`);
  await widgetState(page, "ready");
  await page.evaluate((w) => {
    const first = document.querySelector("news2-widget");
    first.style.width = `${w}px`;
    for (let i = 1; i < 20; i++) {
      const copy = document.createElement("news2-widget");
      for (const name of ["lang", "demo", "now", "src", "variant"]) {
        copy.setAttribute(name, first.getAttribute(name) ?? "");
      }
      copy.style.width = `${w}px`;
      first.parentElement.append(copy);
    }
  }, width);
  await page.waitForFunction(() => [...document.querySelectorAll("news2-widget")]
    .every((w) => w.shadowRoot?.querySelector(".news2-compact")), null, { timeout: 60_000 });
  const report = await page.evaluate((cutOffSource) => {
    const cutOff = new Function(`return (${cutOffSource})`)();
    return [...document.querySelectorAll("news2-widget")].map((host) => {
      const compact = host.shadowRoot.querySelector(".news2-compact");
      return {
        level: compact.getAttribute("data-level"),
        // From the compact view down: the demo's fixed-clock note above it is demo-only.
        height: host.getBoundingClientRect().bottom - compact.getBoundingClientRect().top,
        cut: cutOff(host),
      };
    });
  }, cutOff.toString());
  const levels = new Set(report.map((r) => r.level));
  if (report.length !== 20 || levels.size !== 1 || !levels.has("high")) {
    fail(`compact list at ${width} px: ${report.length} widgets, levels ${[...levels]}`);
  }
  const tallest = Math.max(...report.map((r) => r.height));
  if (tallest > 160) fail(`compact list at ${width} px: a widget is ${Math.round(tallest)} px tall`);
  const cut = report.flatMap((r) => r.cut);
  if (cut.length) fail(`compact list at ${width} px: cut off: ${cut.slice(0, 5).join(", ")}`);
  await page.screenshot({ path: join(shots, `chromium-compact-list-${width}.png`) });
  await page.close();
  console.log(`ok compact list at ${width} px: 20 widgets, at most ${Math.round(tallest)} px tall`);
}

try {
  for (const scenario of SCENARIOS) {
    for (const width of WIDTHS) await atWidth(scenario, width);
  }
  await phone(320);
  await phone(375);
  for (const width of [320, 480]) await compactList(width);
} finally {
  await context.close();
  server.close();
}

if (failures.length) {
  console.error(`${failures.length} failure(s)`);
  process.exit(1);
}
console.log(`layout: every width held; screenshots in ${shots}`);
