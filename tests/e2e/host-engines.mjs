// The host-page checks in every engine (issue 14): the EHR-like page of tests/e2e/host/ under its
// strict CSP, in Chromium, Firefox ESR and WebKitGTK (tests/e2e/engines.mjs). host.mjs checks the
// same page in depth in Chromium (requests, CDP heap counts); this checks in each engine what a
// vendor's users would meet: both widgets render their own patient, events reach the host, the
// CSP refuses nothing, markup stays text, an entry is saved through the FHIR server, and 20
// widgets made and removed leave no chart behind.
//
//   node tests/e2e/host-engines.mjs pkg/news2-widget-<version>
//   NEWS2_ENGINES=webkit node tests/e2e/host-engines.mjs ...   (one engine)

import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { ENGINES, start } from "./engines.mjs";
import { startHost } from "./host-server.mjs";

const widgetDir = resolve(process.argv[2] ?? "pkg/news2-widget-0.1.0");
const fhirPort = Number(process.env.FHIR_TEST_PORT ?? 8103);
const engines = process.env.NEWS2_ENGINES?.split(",") ?? ENGINES;
const shots = resolve("target/screenshots");
await mkdir(shots, { recursive: true });

const failures = [];

/// In the page: waits frame by frame until `test` holds, for at most 60 s (a deadline, not a
/// count of frames: a browser under a virtual display gives frames at its own pace). The loop is
/// made here and sent whole: the page's CSP refuses `new Function` inside it, rightly.
async function until(page, what, test, limitMs = 60_000) {
  const loop = new Function("limitMs", `return (async () => {
    const holds = ${test.toString()};
    const deadline = performance.now() + limitMs;
    while (performance.now() < deadline) {
      if (holds()) return true;
      await new Promise((r) => requestAnimationFrame(r));
    }
    return false;
  })();`);
  if (!(await page.evaluate(loop, limitMs))) throw new Error(`never: ${what}`);
}

async function inEngine(engine) {
  const host = await startHost(widgetDir, fhirPort);
  const check = (ok, what) => {
    if (ok) console.log(`ok [${engine}] ${what}`);
    else {
      failures.push(`[${engine}] ${what}`);
      console.error(`FAIL [${engine}] ${what}`);
    }
  };
  const began = Date.now();
  const browser = await start(engine);
  try {
    const page = await browser.page();
    await page.size(1400, 1000);
    await page.goto(`${host.origin}/`);
    // Drawn, and loaded to the end: `ready` comes with the first page, news2-loaded once every
    // request of the load (the escalation responses last) has been answered.
    await until(page, "both widgets drawn and loaded", () => ["widget-a", "widget-b"].every((id) =>
      document.getElementById(id)?.shadowRoot?.querySelector(".news2-widget[data-state=ready]")
      && window.news2Test.events.some((e) => e.name === "news2-loaded" && e.widget === id)));
    const state = await page.evaluate(() => {
      const shadow = (id) => document.getElementById(id).shadowRoot;
      return {
        test: window.news2Test,
        levelA: shadow("widget-a").querySelector(".news2-banner").getAttribute("data-level"),
        levelB: shadow("widget-b").querySelector(".news2-banner").getAttribute("data-level"),
        entryB: shadow("widget-b").querySelectorAll(".news2-entry").length,
        injected: window.news2Injected ?? null,
        img: shadow("widget-a").querySelectorAll("img").length,
        markupAsText: shadow("widget-a").textContent.includes("<img src=x"),
      };
    });
    const { test } = state;
    check(test.violations.length === 0, `no CSP violations: ${JSON.stringify(test.violations)}`);
    check(test.errors.length === 0, `no page errors: ${test.errors.join(" / ")}`);
    check(state.levelA === "low-medium" && state.levelB !== "low-medium", `each widget its own patient (${state.levelA}, ${state.levelB})`);
    check(state.entryB === 1, "mode=entry applies to its widget");
    const loaded = (id) => test.events.find((e) => e.name === "news2-loaded" && e.widget === id)?.detail;
    check(loaded("widget-a")?.sets === 2 && loaded("widget-b")?.sets === 1, "news2-loaded for both, with their sets");
    check(test.authCalls.length > 0, `the auth callback was asked (${test.authCalls.length} times)`);
    check(state.injected === null && state.img === 0 && state.markupAsText, "markup from the record is text");
    const kept = await page.evaluate((token) => {
      const texts = [document.documentElement.outerHTML, document.cookie, JSON.stringify({ ...localStorage }),
        JSON.stringify({ ...sessionStorage })];
      for (const el of document.querySelectorAll("news2-widget")) {
        texts.push(el.shadowRoot.innerHTML, [...el.attributes].map((a) => `${a.name}=${a.value}`).join(" "));
      }
      return texts.some((s) => s.includes(token));
    }, host.token);
    check(!kept, "no header value in the DOM, attributes, cookies or storage");

    // An entry in widget A (its patient by reference), typed as a browser reports it, saved
    // through the FHIR server.
    await page.evaluate(() => document.getElementById("widget-a").setAttribute("mode", "entry"));
    await until(page, "the form", () => document.getElementById("widget-a").shadowRoot
      .querySelector(".news2-entry__form"));
    await page.evaluate(() => {
      const shadow = document.getElementById("widget-a").shadowRoot;
      for (const [name, value] of [["respiratoryRate", "16"], ["spo2", "97"], ["systolicBp", "125"],
        ["pulse", "72"], ["temperature", "37,0"]]) {
        const input = shadow.querySelector(`input[name=${name}]`);
        input.value = value;
        input.dispatchEvent(new Event("input", { bubbles: true }));
      }
      shadow.querySelector("input[value=air]").click();
      shadow.querySelector("input[value=A]").click();
      shadow.querySelector(".news2-entry__form button[type=submit]").click();
    });
    await until(page, "the entry saved", () => window.news2Test.events.some((e) => e.name === "news2-saved"
      && e.widget === "widget-a"));
    const saved = await page.evaluate(() => {
      const events = window.news2Test.events.filter((e) => e.widget === "widget-a");
      return {
        entry: events.find((e) => e.name === "news2-entry")?.detail,
        saved: events.find((e) => e.name === "news2-saved")?.detail,
        status: document.getElementById("widget-a").shadowRoot.querySelector(".news2-entry__done")?.textContent,
      };
    });
    check(saved.entry?.set.total === 0 && saved.saved?.entryId === saved.entry?.entryId,
      `news2-entry, then news2-saved for the same entry (${saved.entry?.entryId})`);
    check(saved.status === "Målingen er lagret.", `the form says the set is saved once it is (${saved.status})`);
    await page.screenshot(join(shots, `host-${engine}.png`));

    // 20 widgets made and removed: none leaves a chart instance behind.
    const leaks = await page.evaluate(async () => {
      const { chartCount } = await import("/widget/news2-widget.js");
      const frame = () => new Promise((r) => requestAnimationFrame(r));
      const start = chartCount();
      let drawn = 0;
      for (let i = 0; i < 20; i++) {
        const w = document.createElement("news2-widget");
        w.setAttribute("fhir-base", `${location.origin}/fhir`);
        w.setAttribute("patient", document.getElementById("widget-a").getAttribute("patient"));
        document.body.append(w);
        const before = chartCount();
        for (let f = 0; f < 600 && chartCount() === before; f++) await frame();
        if (chartCount() > before) drawn += 1;
        w.remove();
      }
      await frame();
      return { start, end: chartCount(), drawn };
    });
    check(leaks.drawn === 20 && leaks.end === leaks.start,
      `20 widgets drawn and removed, no chart left (${leaks.start} → ${leaks.end}, ${leaks.drawn} drawn)`);
    await page.close();
  } catch (error) {
    check(false, `stopped: ${error.message}`);
  } finally {
    await browser.close();
    host.close();
  }
  console.log(`[${engine}] ${browser.version}: host checks in ${Math.round((Date.now() - began) / 1000)} s`);
}

// A watchdog, not a wait: a browser that stops answering fails its engine's checks, never hangs
// the pipeline.
for (const engine of engines) {
  let timer;
  const expired = new Promise((resolve) => {
    timer = setTimeout(() => resolve("expired"), 300_000);
  });
  if ((await Promise.race([inEngine(engine), expired])) === "expired") {
    failures.push(`[${engine}] no answer within 300 s`);
    console.error(`FAIL [${engine}] no answer within 300 s`);
  }
  clearTimeout(timer);
}
if (failures.length) {
  console.error(`${failures.length} failure(s)`);
  process.exit(1);
}
// Nothing of a stopped browser's connections may keep the pipeline waiting.
process.exit(0);
