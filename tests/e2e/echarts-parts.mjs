// The distribution draws its chart with only the parts of ECharts the option uses
// (src/embed/echarts/parts.js). A part left out is not an error in ECharts: it is silently not
// drawn (a risk band, the "now" line, the zoom slider). So this check captures every option the
// widget really sends, for each demo scenario at two time ranges, draws each with the
// distribution's build and with the full ECharts at the same size, and requires the same pixels,
// the same aria label and the same option as ECharts holds it (which names every component).
//
//   node tests/e2e/echarts-parts.mjs pkg/news2-widget-<version>

import { readFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { launch, widgetState } from "./browser.mjs";
import { startServer } from "./static-server.mjs";

const root = resolve(".");
const widget = `/${relative(root, resolve(process.argv[2] ?? "pkg/news2-widget-0.1.0"))}`;
const scenarios = JSON.parse(await readFile("public/scenarios/index.json", "utf8"));

const { server, origin } = await startServer(root);
const context = await launch();
const failures = [];
const check = (ok, what) => {
  if (ok) console.log(`ok ${what}`); else { failures.push(what); console.error(`FAIL ${what}`); }
};

try {
  for (const scenario of scenarios) {
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`${origin}/tests/e2e/host/blank.html`);
    // The widget's own build, wrapped so that every option it sets is kept, before any widget
    // is made (the glue is the module news2-widget.js loaded, so the wrapper replaces its loader).
    await page.evaluate(async (widget) => {
      await import(`${widget}/news2-widget.js`);
      const glue = await import(`${widget}/news2_widget.js`);
      window.news2Options = [];
      glue.useECharts(async () => {
        const parts = await import(`${widget}/echarts.news2.js`);
        return {
          init(element, theme, options) {
            const chart = parts.init(element, theme, options);
            const set = chart.setOption.bind(chart);
            chart.setOption = (option, settings) => {
              window.news2Options.push({ option: JSON.stringify(option), width: element.clientWidth,
                height: element.clientHeight });
              return set(option, settings);
            };
            return chart;
          },
        };
      });
    }, widget);
    await page.evaluate(({ file, now }) => {
      const element = document.createElement("news2-widget");
      element.setAttribute("demo", "");
      element.setAttribute("now", now);
      element.setAttribute("lang", "nb");
      element.setAttribute("src", `/${file}`);
      element.style.width = "900px";
      element.style.display = "block";
      document.body.append(element);
    }, scenario);
    await widgetState(page, "ready");
    await page.waitForFunction(() => window.news2Options.length >= 1, null, { timeout: 60_000 });
    // Every range: "all" draws the whole history, the default the last 72 hours.
    await page.locator("news2-widget .news2-chart__range").last().click();
    await page.waitForFunction(() => window.news2Options.length >= 2, null, { timeout: 60_000 });

    const compared = await page.evaluate(async (widget) => {
      const parts = await import(`${widget}/echarts.news2.js`);
      const full = await import("/node_modules/echarts/dist/echarts.esm.min.js");
      const draw = (library, { option, width, height }) => {
        const element = document.createElement("div");
        element.style.cssText = `width:${width}px;height:${height}px`;
        document.body.append(element);
        const chart = library.init(element, null, { renderer: "canvas" });
        chart.setOption({ ...JSON.parse(option), animation: false });
        // The pixels; what the aria part writes for screen readers (not drawn); and the option as
        // ECharts holds it, which lists only the components it has: the tooltip and the zoom by
        // touch and wheel draw nothing until used, but are missing from it when left out.
        // (The full library also lists the components it has but the option does not use, empty.)
        const drawn = {
          pixels: chart.getDataURL({ type: "png", pixelRatio: 1 }),
          aria: element.getAttribute("aria-label"),
        };
        for (const [key, value] of Object.entries(chart.getOption())) {
          if (!(Array.isArray(value) && value.length === 0)) drawn[`option.${key}`] = JSON.stringify(value);
        }
        chart.dispose();
        element.remove();
        return drawn;
      };
      return window.news2Options.map((captured) => {
        const [ours, theirs] = [draw(parts, captured), draw(full, captured)];
        const differ = [...new Set([...Object.keys(ours), ...Object.keys(theirs)])]
          .filter((key) => ours[key] !== theirs[key]);
        return { differ, series: JSON.parse(captured.option).series?.length ?? 0 };
      });
    }, widget);
    for (const [i, { differ, series }] of compared.entries()) {
      check(differ.length === 0 && series > 0, `${scenario.id}, option ${i + 1} (${series} series): drawn and held alike by the distribution's ECharts and the full library${differ.length ? ` (they differ in ${differ.join(", ")})` : ""}`);
    }
    check(errors.length === 0, `${scenario.id}: no page errors ${errors.join(" / ")}`);
    await page.close();
  }

  // ECharts is fetched when a chart is first shown, and the banner never waits for it: with its
  // answer held back, the banner and table are drawn and the chart is not; once it arrives, the
  // chart is. A compact widget, which has no chart, never fetches it.
  const make = async (page, variant) => {
    await page.goto(`${origin}/tests/e2e/host/blank.html`);
    await page.evaluate(async ({ widget, variant, file, now }) => {
      await import(`${widget}/news2-widget.js`);
      const element = document.createElement("news2-widget");
      for (const [name, value] of Object.entries({ demo: "", now, lang: "nb", src: `/${file}` })) {
        element.setAttribute(name, value);
      }
      if (variant) element.setAttribute("variant", variant);
      document.body.append(element);
    }, { widget, variant, ...scenarios[0] });
    await widgetState(page, "ready");
  };
  const page = await context.newPage();
  let release;
  const held = new Promise((r) => { release = r; });
  let asked = 0;
  let markAsked;
  const askedFor = new Promise((r) => { markAsked = r; });
  await page.route("**/echarts.news2.js", async (route) => {
    asked += 1;
    markAsked();
    await held;
    await route.continue();
  });
  await make(page);
  await askedFor;
  const before = await page.evaluate(() => {
    const root = document.querySelector("news2-widget").shadowRoot;
    return { banner: !!root.querySelector(".news2-banner"), table: !!root.querySelector("table"),
      canvas: root.querySelectorAll("canvas").length };
  });
  check(before.banner && before.table && before.canvas === 0 && asked === 1,
    `while ECharts is on its way: banner and table drawn, no chart yet (${JSON.stringify(before)}, asked ${asked})`);
  release();
  const drawn = await page.locator("news2-widget canvas").first()
    .waitFor({ state: "attached", timeout: 60_000 }).then(() => true, () => false);
  check(drawn, "once ECharts arrives, the chart is drawn");
  await page.close();

  // A load that fails says so and points to the table; the next chart asks again under another
  // URL (a failed module import stays failed for the page's life) and draws.
  const failing = await context.newPage();
  const asked2 = [];
  await failing.route("**/echarts.news2.js*", async (route) => {
    asked2.push(new URL(route.request().url()).search);
    if (asked2.length === 1) await route.abort(); else await route.continue();
  });
  await make(failing);
  const note = await failing.locator("news2-widget .news2-chart__unavailable").first()
    .waitFor({ state: "attached", timeout: 60_000 }).then(() => true, () => false);
  check(note, "a failed load of ECharts says the chart is unavailable");
  await failing.evaluate(({ file, now }) => {
    const element = document.createElement("news2-widget");
    for (const [name, value] of Object.entries({ demo: "", now, lang: "nb", src: `/${file}` })) {
      element.setAttribute(name, value);
    }
    document.body.append(element);
  }, scenarios[0]);
  const second = await failing.locator("news2-widget >> nth=1").locator("canvas").first()
    .waitFor({ state: "attached", timeout: 60_000 }).then(() => true, () => false);
  check(second && asked2.length === 2 && asked2[1] === "?attempt=1",
    `the next chart asks again under another URL and draws (${JSON.stringify(asked2)})`);
  await failing.close();

  const compact = await context.newPage();
  const fetched = [];
  compact.on("request", (r) => fetched.push(r.url()));
  await make(compact, "compact");
  check(!fetched.some((url) => url.includes("echarts")), "a compact widget never fetches ECharts");
  await compact.close();
} finally {
  await context.close();
  server.close();
}

if (failures.length) {
  console.error(`${failures.length} failed`);
  process.exit(1);
}
