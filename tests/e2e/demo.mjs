// End-to-end checks of the demo page (dist/, built by `trunk build`) in headless Chromium:
// every scenario in nb, nn and en shows the banner the engine decides, passes axe-core's
// WCAG 2.2 A/AA rules, shows markup from the source as text, and raises no page error.
// A screenshot of each is saved in target/screenshots/ for a human to look at.
//
//   node tests/e2e/demo.mjs [dist-dir]

import { readFile, mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { launch, widgetState } from "./browser.mjs";
import { startServer } from "./static-server.mjs";

const root = resolve(process.argv[2] ?? "dist");
const shots = resolve("target/screenshots");
await mkdir(shots, { recursive: true });
const axeSource = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const scenarios = JSON.parse(await readFile(join(root, "public/scenarios/index.json"), "utf8"));

const { server, origin } = await startServer(root);
const context = await launch();
const failures = [];
const fail = (what) => {
  failures.push(what);
  console.error(`FAIL ${what}`);
};

/// axe-core's WCAG 2.2 AA rules on the page; each violation is a failure of `name`.
async function axe(page, name) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() =>
    window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    }));
  for (const v of result.violations) {
    fail(`${name}: axe ${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
  }
  return result;
}

async function check(scenario, lang, mode) {
  const name = `${scenario.id}-${lang}-${mode}`;
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(`${origin}/?scenario=${scenario.id}&lang=${lang}&mode=${mode}`);
  await widgetState(page, "ready");
  // The chart has drawn when its canvas exists; ECharts paints it in the next frame.
  await page.locator("news2-widget .news2-chart__canvas canvas").first().waitFor({ timeout: 30_000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

  const level = await page.locator("news2-widget .news2-banner").getAttribute("data-level");
  if (level !== scenario.expect) fail(`${name}: banner ${level}, expected ${scenario.expect}`);
  const widgetLang = await page.locator("news2-widget .news2-widget").getAttribute("lang");
  if (widgetLang !== lang) fail(`${name}: widget lang ${widgetLang}`);

  // Markup from the source (a performer's name in one scenario) must be text, not elements.
  const injected = await page.evaluate(() => {
    const shadow = document.querySelector("news2-widget").shadowRoot;
    return { img: shadow.querySelectorAll("img, script").length, text: shadow.textContent.includes("<img") };
  });
  if (injected.img > 0) fail(`${name}: markup from the source became elements`);
  if (scenario.id === "incomplete-disagreeing" && !injected.text) {
    fail(`${name}: the performer's name with markup is not shown as text`);
  }

  const result = await axe(page, name);
  if (errors.length) fail(`${name}: page errors: ${errors.join(" / ")}`);
  await page.screenshot({ path: join(shots, `${name}.jpg`), type: "jpeg", quality: 80, fullPage: true });
  await page.close();
  console.log(`ok ${name}: ${level}, ${result.passes.length} axe rules passed`);
}

/// The compact variant (issue 14): the same level as the full view, axe-clean, and its button
/// asks the host (the demo page) for the full view, which then shows the chart.
async function compact(scenario, lang) {
  const name = `${scenario.id}-${lang}-compact`;
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${origin}/?scenario=${scenario.id}&lang=${lang}&variant=compact`);
  await widgetState(page, "ready");
  const view = page.locator("news2-widget .news2-compact");
  const level = await view.getAttribute("data-level");
  if (level !== scenario.expect) fail(`${name}: compact ${level}, expected ${scenario.expect}`);
  await axe(page, name);
  await page.screenshot({ path: join(shots, `${name}.jpg`), type: "jpeg", quality: 80 });
  await page.locator("news2-widget .news2-compact__open").click();
  await page.locator("news2-widget .news2-chart").first().waitFor({ timeout: 30_000 });
  if (errors.length) fail(`${name}: page errors: ${errors.join(" / ")}`);
  await page.close();
  console.log(`ok ${name}: ${level}, opens the full view (its height is checked in layout.mjs)`);
}

/// Regression (issue 14): on a 375 px phone the demo page itself scrolled sideways (its
/// settings' long options widened the panel).
async function phone() {
  const page = await context.newPage();
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(`${origin}/?scenario=deteriorating&lang=nb`);
  await widgetState(page, "ready");
  const wide = await page.evaluate(() => document.scrollingElement.scrollWidth);
  if (wide > 375) fail(`phone: the demo page is ${wide} px wide at 375 px`);
  await page.close();
  console.log(`ok phone: the demo page is ${wide} px wide at 375 px`);
}

/// Every action by keyboard: Tab reaches the chart's time ranges and Enter picks one; the focus
/// ring is drawn. On paper: the chart and the table, without buttons (saved as a PDF).
async function keyboardAndPrint() {
  const page = await context.newPage();
  await page.goto(`${origin}/?scenario=deteriorating&lang=nb`);
  await widgetState(page, "ready");
  const range = page.locator("news2-widget .news2-chart__range", { hasText: "7 døgn" });
  let reached = false;
  for (let i = 0; i < 60 && !reached; i++) {
    await page.keyboard.press("Tab");
    reached = await range.evaluate((el) => el.getRootNode().activeElement === el);
  }
  if (!reached) fail("keyboard: Tab never reached the chart's time ranges");
  const outline = await range.evaluate((el) => getComputedStyle(el).outlineStyle);
  if (outline === "none") fail("keyboard: the focused button shows no focus ring");
  await page.keyboard.press("Enter");
  if ((await range.getAttribute("aria-pressed")) !== "true") fail("keyboard: Enter did not pick the range");

  await page.emulateMedia({ media: "print" });
  const printed = await page.evaluate(() => {
    const shadow = document.querySelector("news2-widget").shadowRoot;
    const shown = (selector) => {
      const el = shadow.querySelector(selector);
      return !!el && getComputedStyle(el).display !== "none";
    };
    return {
      chart: shown(".news2-chart__canvas"),
      table: shown(".news2-history__table"),
      buttons: shown(".news2-chart__ranges") || shown(".news2-pager"),
      panel: getComputedStyle(document.querySelector(".demo-panel")).display !== "none",
    };
  });
  if (!printed.chart || !printed.table) fail(`print: chart or table missing ${JSON.stringify(printed)}`);
  if (printed.buttons || printed.panel) fail(`print: controls printed ${JSON.stringify(printed)}`);
  await page.pdf({ path: join(shots, "deteriorating-nb-print.pdf"), format: "A4", printBackground: true });
  await page.close();
  console.log("ok keyboard and print");
}

/// The ISBAR summary by keyboard alone (issue 16): from a high banner, Tab reaches "Vis ISBAR",
/// Enter opens it, Tab reaches R, the nurse types, Tab reaches "Kopier ISBAR", Enter copies;
/// the host hears the text with her R. axe-clean with the summary open, in each language.
async function isbarByKeyboard(lang) {
  const name = `isbar-${lang}`;
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${origin}/?scenario=deteriorating&lang=${lang}`);
  await widgetState(page, "ready");
  await page.evaluate(() => {
    window.__isbar = null;
    document.addEventListener("news2-isbar", (e) => { window.__isbar = e.detail; });
    window.__response = null;
    document.addEventListener("news2-response", (e) => { window.__response = e.detail; });
  });
  const focusOn = async (selector, what, key = "Tab") => {
    const target = page.locator(`news2-widget ${selector}`);
    for (let i = 0; i < 80; i++) {
      if (await target.evaluate((el) => el.getRootNode().activeElement === el)) return true;
      await page.keyboard.press(key);
    }
    fail(`${name}: Tab never reached ${what}`);
    return false;
  };
  if (!(await focusOn(".news2-isbar__toggle", "Vis ISBAR"))) return page.close();
  await page.keyboard.press("Enter");
  const toggle = page.locator("news2-widget .news2-isbar__toggle");
  if ((await toggle.getAttribute("aria-expanded")) !== "true") fail(`${name}: Enter did not open the summary`);
  await axe(page, name);
  if (!(await focusOn(".news2-isbar__recommendation", "R"))) return page.close();
  await page.keyboard.press("Control+A");
  await page.keyboard.type("Legevakt varslet 14:05");
  if (!(await focusOn(".news2-isbar__copy", "Kopier ISBAR"))) return page.close();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => window.__isbar !== null, null, { timeout: 10_000 }).catch(() => {});
  const sent = await page.evaluate(() => window.__isbar);
  if (!sent) fail(`${name}: no news2-isbar after copying`);
  else {
    if (sent.level !== "high") fail(`${name}: news2-isbar level ${sent.level}`);
    if (!sent.text.endsWith("- Legevakt varslet 14:05")) fail(`${name}: the copied text lacks the nurse's R`);
    if (sent.situation.length === 0) fail(`${name}: S is empty`);
  }
  // Copied, or shown selected for Ctrl+C: either is said on screen.
  await page.waitForFunction(
    () => document.querySelector("news2-widget").shadowRoot.querySelector(".news2-isbar")?.dataset.copy,
    null,
    { timeout: 10_000 },
  ).catch(() => fail(`${name}: the copy's outcome was never shown`));
  // Then the escalation response, by keyboard: acknowledge, who (arrow to the legevakt), the
  // name, how (space on the phone), a note, save. A Bundle source: it goes to the host.
  if (!(await focusOn(".news2-banner__acknowledge", "Kvitter ut", "Shift+Tab"))) return page.close();
  await page.keyboard.press("Enter");
  const onHeading = await page.waitForFunction(
    () => document.querySelector("news2-widget").shadowRoot.activeElement?.matches(".news2-response h2"),
    null,
    { timeout: 10_000 },
  ).then(() => true, () => false);
  if (!onHeading) fail(`${name}: the response step did not take the keyboard`);
  await axe(page, `${name}-response`);
  const keys = ["Tab", "ArrowDown", "Tab"];
  for (const key of keys) await page.keyboard.press(key);
  await page.keyboard.type("Legevakten <b>Nordby</b>");
  for (const key of ["Tab", "Space", "Tab", "Tab"]) await page.keyboard.press(key);
  await page.keyboard.type("Lege kommer");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => window.__response !== null, null, { timeout: 10_000 }).catch(() => {});
  const response = await page.evaluate(() => window.__response);
  if (!response) fail(`${name}: no news2-response after saving the step`);
  else {
    const expected = { state: "host", informed: "out-of-hours", informedName: "Legevakten <b>Nordby</b>", channel: "phone", note: "Lege kommer", risk: "high" };
    for (const [key, value] of Object.entries(expected)) {
      if (response[key] !== value) fail(`${name}: news2-response ${key} ${JSON.stringify(response[key])}`);
    }
    if (!response.isbar.endsWith("- Legevakt varslet 14:05")) fail(`${name}: the response's ISBAR lacks the nurse's R`);
  }
  const pending = await page.locator("news2-widget .news2-pending__responses").textContent().catch(() => "");
  if (!pending.includes("Legevakten <b>Nordby</b>")) fail(`${name}: the response is not in view: ${pending}`);
  const onIsbar = await page.locator("news2-widget .news2-isbar__toggle").evaluate((el) => el.getRootNode().activeElement === el);
  if (!onIsbar) fail(`${name}: after saving, the keyboard is not on the ISBAR button`);
  await axe(page, `${name}-responded`);
  if (errors.length) fail(`${name}: page errors: ${errors.join(" / ")}`);
  await page.screenshot({ path: join(shots, `${name}.jpg`), type: "jpeg", quality: 80, fullPage: true });
  await page.close();
  console.log(`ok ${name}: ISBAR opened, written and copied, and the response recorded, by keyboard; the host heard both`);
}

try {
  await keyboardAndPrint();
  for (const lang of ["nb", "nn", "en"]) await isbarByKeyboard(lang);
  await phone();
  for (const scenario of scenarios) {
    for (const lang of ["nb", "nn", "en"]) {
      await check(scenario, lang, "view");
    }
  }
  // Entry mode: every scenario in bokmål, and the other two languages once.
  for (const scenario of scenarios) await check(scenario, "nb", "entry");
  await check(scenarios[0], "nn", "entry");
  await check(scenarios[0], "en", "entry");
  for (const scenario of scenarios) await compact(scenario, "nb");
  await compact(scenarios[0], "en");
} finally {
  await context.close();
  server.close();
}

if (failures.length) {
  console.error(`${failures.length} failure(s)`);
  process.exit(1);
}
console.log(`screenshots in ${shots}`);
