// End-to-end tests of the distribution on a host page that mimics an EHR (tests/e2e/host/):
// a strict Content-Security-Policy, aggressive host CSS, two widgets for two patients, an auth
// callback that counts its calls. Run by scripts/test.sh after scripts/dist.sh, with the FHIR
// test server already up on FHIR_TEST_PORT; the host server proxies /fhir to it, as an EHR's
// own server would (the CSP's connect-src is 'self').
//
//   node tests/e2e/host.mjs pkg/news2-widget-<version>

import { mkdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { launch } from "./browser.mjs";
import { startHost } from "./host-server.mjs";

const widgetDir = resolve(process.argv[2] ?? "pkg/news2-widget-0.1.0");
const fhirPort = Number(process.env.FHIR_TEST_PORT ?? 8103);
const shots = resolve("target/screenshots");
await mkdir(shots, { recursive: true });

const host = await startHost(widgetDir, fhirPort);
const { origin, run, patientA, nationalId, token } = host;

// --- The tests --------------------------------------------------------------------------------
const context = await launch();
const failures = [];
const check = (ok, what) => {
  if (ok) console.log(`ok ${what}`); else { failures.push(what); console.error(`FAIL ${what}`); }
};
const page = await context.newPage();
const requests = [];
const pageErrors = [];
page.on("request", (r) => requests.push({ url: r.url(), method: r.method(), headers: r.headers() }));
page.on("pageerror", (e) => pageErrors.push(String(e)));
page.on("console", (m) => m.type() === "error" && pageErrors.push(m.text()));
await page.goto(`${origin}/`);
const widgetA = page.locator("#widget-a .news2-widget");
const widgetB = page.locator("#widget-b .news2-widget");
await page.locator('#widget-a .news2-widget[data-state="ready"]').waitFor({ timeout: 60_000 });
await page.locator('#widget-b .news2-widget[data-state="ready"]').waitFor({ timeout: 60_000 });
await page.locator("#widget-a canvas").first().waitFor({ timeout: 30_000 });
// Loaded to the end: `ready` comes with the first page, news2-loaded once every request of the
// load (the escalation responses last) has been answered.
await page.waitForFunction(() => ["widget-a", "widget-b"].every((id) =>
  window.news2Test.events.some((e) => e.name === "news2-loaded" && e.widget === id)), null, { timeout: 60_000 });
const test = () => page.evaluate(() => window.news2Test);

// Under the strict CSP: nothing refused, nothing thrown.
check((await test()).violations.length === 0, `no CSP violations: ${JSON.stringify((await test()).violations)}`);
check(pageErrors.length === 0, `no page errors: ${pageErrors.join(" / ")}`);

// Two widgets, two patients, each its own data.
check((await widgetA.locator(".news2-banner").getAttribute("data-level")) === "low-medium", "widget A: its red score");
check((await widgetB.locator(".news2-banner").getAttribute("data-level")) !== "low-medium", "widget B: its own banner");
check(await widgetB.locator(".news2-entry").count() === 1 && await widgetA.locator(".news2-entry").count() === 0,
  "mode applies per widget");

// Events, with the documented payloads, bubbling and composed out of the shadow root.
const events = (await test()).events;
const loadedA = events.find((e) => e.name === "news2-loaded" && e.widget === "widget-a");
check(loadedA?.detail.sets === 2 && loadedA.detail.latest.total === 4 && loadedA.detail.latest.risk === "low-medium"
  && loadedA.detail.latest.complete === true && typeof loadedA.detail.latest.time === "string"
  && loadedA.detail.partial === false, `news2-loaded for A: ${JSON.stringify(loadedA?.detail)}`);
const loadedB = events.find((e) => e.name === "news2-loaded" && e.widget === "widget-b");
check(loadedB?.detail.sets === 1, `news2-loaded for B (found by national id): ${JSON.stringify(loadedB?.detail)}`);
const escalationA = events.find((e) => e.name === "news2-escalation" && e.widget === "widget-a");
check(escalationA?.detail.level === "low-medium" && escalationA.detail.total === 4 && escalationA.detail.risk === "low-medium",
  `news2-escalation for A: ${JSON.stringify(escalationA?.detail)}`);

// The auth callback: asked once per request, its headers sent, kept nowhere.
const fhirRequests = requests.filter((r) => r.url.startsWith(`${origin}/fhir`));
const calls = (await test()).authCalls;
check(fhirRequests.length > 0 && calls.length === fhirRequests.length,
  `auth callback once per request: ${calls.length} calls, ${fhirRequests.length} requests`);
check(fhirRequests.every((r) => r.headers.authorization === `DPoP ${token}` && /^proof-\d+-/.test(r.headers.dpop)),
  "every request carries the callback's headers");
const proofs = new Set(fhirRequests.map((r) => r.headers.dpop));
check(proofs.size === fhirRequests.length, "a fresh DPoP proof per request");
const kept = await page.evaluate((t) => {
  const texts = [document.documentElement.outerHTML, document.cookie, JSON.stringify({ ...localStorage }),
    JSON.stringify({ ...sessionStorage })];
  for (const el of document.querySelectorAll("news2-widget")) {
    texts.push(el.shadowRoot.innerHTML, [...el.attributes].map((a) => `${a.name}=${a.value}`).join(" "));
  }
  return texts.some((s) => s.includes(t));
}, token);
check(!kept, "no header value in the DOM, attributes, cookies or storage");
const databases = await page.evaluate(async () => (indexedDB.databases ? (await indexedDB.databases()).length : 0));
check(databases === 0, "no IndexedDB");

// The national identity number: never in a URL, never in an attribute.
check(requests.every((r) => !r.url.includes(nationalId)), "the national id is in no request URL");
const log = await (await fetch(`http://127.0.0.1:${fhirPort}/__log`)).json();
check(log.every((entry) => !entry.url.includes(nationalId)), "nor in any URL the server saw");
check(log.some((entry) => entry.method === "POST" && (entry.body ?? "").includes(nationalId)), "it went in a POST body");
check(!(await page.locator("#widget-b").evaluate((el) => el.outerHTML)).includes(nationalId), "not reflected to an attribute");

// A national identity number put in the `patient` attribute is refused, and nothing is fetched.
const beforeRefusal = requests.length;
await page.evaluate((nin) => {
  const w = document.createElement("news2-widget");
  w.id = "wrong-patient";
  w.addEventListener("news2-error", (e) => { window.news2Refusal = e.detail; });
  w.setAttribute("fhir-base", `${location.origin}/fhir`);
  w.setAttribute("patient", `Patient/${nin}`);
  document.body.append(w);
}, nationalId);
await page.waitForFunction(() => window.news2Refusal);
const refusal = await page.evaluate(() => window.news2Refusal);
check(refusal.kind === "config" && requests.slice(beforeRefusal).every((r) => !r.url.includes(nationalId)),
  `an 11-digit patient attribute is refused: ${JSON.stringify(refusal)}`);
await page.evaluate(() => document.querySelector("#wrong-patient").remove());

// Markup from FHIR text fields is text.
const injected = await page.evaluate(() => ({
  flag: window.news2Injected ?? null,
  img: document.querySelector("#widget-a").shadowRoot.querySelectorAll("img").length,
  text: document.querySelector("#widget-a").shadowRoot.textContent.includes("<img src=x"),
}));
check(injected.flag === null && injected.img === 0 && injected.text, `markup shown as text: ${JSON.stringify(injected)}`);

// Host CSS does not reach in; the widget's does not leak out; theming through custom properties.
const styles = await page.evaluate(() => {
  const shadow = document.querySelector("#widget-a").shadowRoot;
  const button = shadow.querySelector(".news2-button");
  const hostLookalike = document.querySelector("#patient-a p.news2-banner");
  return {
    buttonBackground: getComputedStyle(button).backgroundColor,
    buttonFont: getComputedStyle(button).fontFamily,
    letterSpacing: getComputedStyle(shadow.querySelector(".news2-banner__title")).letterSpacing,
    responseSize: getComputedStyle(shadow.querySelector(".news2-banner__response")).fontSize,
    textColour: getComputedStyle(shadow.querySelector(".news2-banner__title")).color,
    lookalikeBorder: getComputedStyle(hostLookalike).borderLeftWidth,
    lookalikeMinHeight: getComputedStyle(hostLookalike).minHeight,
    accent: getComputedStyle(document.querySelector("#widget-b").shadowRoot.querySelector(".news2-button--primary")).backgroundColor,
  };
});
check(styles.buttonBackground !== "rgb(255, 105, 180)" && !styles.buttonFont.includes("Comic"),
  `host CSS does not change the widget: ${JSON.stringify(styles)}`);
check(styles.textColour !== "rgb(255, 0, 255)", "host colour does not reach in");
check(styles.responseSize === "16px", `the host's root font size does not shrink the widget (${styles.responseSize})`);
check(styles.letterSpacing === "normal", `inherited host properties do not reach in (letter-spacing ${styles.letterSpacing})`);
check(styles.lookalikeBorder !== "12px" && styles.lookalikeMinHeight !== "44px", "the widget's CSS does not leak out");
check(styles.accent === "rgb(0, 87, 63)", "theming through --news2-theme-accent");

// Attribute changes take effect.
await page.locator("#widget-a").evaluate((el) => el.setAttribute("lang", "en"));
await page.waitForFunction(() => document.querySelector("#widget-a").shadowRoot
  .querySelector(".news2-widget").getAttribute("lang") === "en");
check((await widgetA.locator(".news2-banner__level").textContent()).includes("risk"), "lang=en switches the words");
await page.locator("#widget-a").evaluate((el) => el.setAttribute("mode", "entry"));
await widgetA.locator(".news2-entry").waitFor({ timeout: 5_000 }).catch(() => {});
check(await widgetA.locator(".news2-entry").count() === 1, "mode=entry shows the form");

// Acknowledging is told to the host, and asks what was done (issue 16): by keyboard alone, the
// response is recorded on the FHIR server through the host's auth callback and read back into
// the banner.
await widgetA.locator(".news2-banner__acknowledge").focus();
await page.keyboard.press("Enter");
await page.waitForFunction(() => window.news2Test.events.some((e) => e.name === "news2-acknowledged"));
const ack = (await test()).events.find((e) => e.name === "news2-acknowledged").detail;
check(ack.level === "low-medium" && typeof ack.title === "string" && !Number.isNaN(Date.parse(ack.at)),
  `news2-acknowledged: ${JSON.stringify(ack)}`);
await widgetA.locator(".news2-response").waitFor({ timeout: 5_000 }).catch(() => {});
const stepHasFocus = await page.locator("#widget-a").evaluate((el) =>
  el.shadowRoot.activeElement?.matches(".news2-response h2") ?? false);
check(stepHasFocus, "the response step takes the keyboard");
// Who: the doctor (first choice); how: phone (first choice); when: now, as filled in; a note.
const keys = ["Tab", "Space", "Tab", "Tab", "Space", "Tab", "Tab"];
for (const key of keys) await page.keyboard.press(key);
await page.keyboard.type("Lege <b>ringer</b> tilbake");
for (const key of ["Tab", "Enter"]) await page.keyboard.press(key);
const responded = (state) => page.waitForFunction((s) => window.news2Test.events.some((e) =>
  e.name === "news2-response" && e.widget === "widget-a" && e.detail.state === s), state, { timeout: 60_000 })
  .then(() => true, () => false);
check(await responded("saved"), "the response is saved to the FHIR server");
const response = (await test()).events.find((e) => e.name === "news2-response").detail;
check(response.informed === "doctor" && response.channel === "phone" && response.risk === "low-medium"
  && response.communication.subject.reference === `Patient/${patientA}` && response.about.length === 7,
  `news2-response: ${JSON.stringify({ ...response, communication: undefined, isbar: undefined })}`);
await widgetA.locator(".news2-banner__responses").waitFor({ timeout: 30_000 }).catch(() => {});
const shown = await widgetA.locator(".news2-banner__responses").textContent().catch(() => "");
check(shown.includes("Doctor informed") && shown.includes("Lege <b>ringer</b> tilbake"),
  `the recorded response is read back into the banner, as text: ${shown}`);
const written = requests.filter((r) => r.method === "POST" && r.url === `${origin}/fhir/`);
check(written.length >= 1 && written.every((r) => r.headers.authorization === `DPoP ${token}`),
  "the response went through the host's auth callback");

// An entry: handed to the host with its FHIR transaction, then saved through the FHIR server.
for (const [name, value] of [["respiratoryRate", "16"], ["spo2", "97"], ["systolicBp", "125"],
  ["pulse", "72"], ["temperature", "37,0"]]) {
  await widgetA.locator(`input[name=${name}]`).fill(value);
}
await widgetA.locator("input[value=air]").check();
await widgetA.locator("input[value=A]").check();
await widgetA.locator(".news2-entry__form button[type=submit]").click();
await page.waitForFunction(() => window.news2Test.events.some((e) => e.name === "news2-saved"), null, { timeout: 60_000 });
const entry = (await test()).events.find((e) => e.name === "news2-entry").detail;
const saved = (await test()).events.find((e) => e.name === "news2-saved").detail;
check(/^[0-9a-f-]{36}$/.test(entry.entryId) && entry.set.total === 0 && entry.set.complete === true
  && entry.bundle?.resourceType === "Bundle" && entry.bundle.type === "transaction"
  && saved.entryId === entry.entryId, `news2-entry and news2-saved: ${JSON.stringify({ ...entry, bundle: entry.bundle?.type })} ${JSON.stringify(saved)}`);

// A bad property is refused with a news2-error of kind config, and nothing else changes.
await page.locator("#widget-a").evaluate((el) => { el.responseTexts = { "not a row": 1 }; });
const refusedByA = (e) => e.name === "news2-error" && e.widget === "widget-a" && e.detail.kind === "config";
await page.waitForFunction(() => window.news2Test.events.some((e) => e.name === "news2-error"
  && e.widget === "widget-a" && e.detail.kind === "config"), null, { timeout: 5_000 }).catch(() => {});
const refused = (await test()).events.find(refusedByA);
check(refused?.detail.message.startsWith("responseTexts:"), `a wrong responseTexts is refused: ${JSON.stringify(refused?.detail)}`);

await page.screenshot({ path: join(shots, "host-page.jpg"), type: "jpeg", quality: 80, fullPage: true });

// Removing a widget cancels its requests: a slow server, the widget removed while it waits.
await fetch(`http://127.0.0.1:${fhirPort}/__faults`, { method: "POST",
  body: JSON.stringify([{ kind: "delay", ms: 4000, path: `slow-${run}` }]) });
const slow = (r) => r.url().includes(`slow-${run}`);
const sent = page.waitForRequest(slow);
await page.evaluate((patient) => {
  const w = document.createElement("news2-widget");
  w.id = "slow";
  w.setAttribute("fhir-base", `${location.origin}/fhir`);
  w.setAttribute("patient", `Patient/${patient}`);
  document.body.append(w);
}, `slow-${run}`);
await sent; // in flight: the server holds it 4 s
// Within 3 s, well before the server would answer, the request must fail as aborted.
const failed = page.waitForEvent("requestfailed", { predicate: slow, timeout: 3000 });
await page.evaluate(() => document.querySelector("#slow").remove());
const abortedRequest = await failed.catch(() => null);
const aborted = abortedRequest?.failure()?.errorText === "net::ERR_ABORTED";
check(aborted, `removing a widget aborts its request: ${abortedRequest?.failure()?.errorText}`);

// 200 widgets made and removed: no growth in listeners, chart instances or heap beyond bounds.
const cdp = await context.newCDPSession(page);
const bundle = JSON.parse(await readFile(resolve("public/scenarios/deteriorating.json"), "utf8"));

// The patient's label in the ISBAR summary never outlives its patient (issue 16): a new history
// forgets it, also when the element is moved and the element class replays its properties; a
// label set after the history survives the move.
const labelShown = await page.evaluate(async (bundle) => {
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const w = document.createElement("news2-widget");
  w.setAttribute("demo", "");
  w.setAttribute("now", "2026-02-10T07:34:00Z");
  w.history = bundle;
  w.patientLabel = "Rom 12";
  document.body.append(w);
  const text = async () => {
    for (let f = 0; f < 600; f++) {
      const panel = w.shadowRoot?.querySelector(".news2-isbar__panel");
      if (panel) {
        w.shadowRoot.querySelector(".news2-isbar__toggle").click();
        await frame();
        const shown = panel.textContent;
        w.shadowRoot.querySelector(".news2-isbar__toggle").click();
        return shown;
      }
      await frame();
    }
    return null;
  };
  const before = await text();
  w.history = structuredClone(bundle); // another patient, as far as the widget can know
  w.remove();
  document.body.append(w); // moved: the element replays its properties
  const afterNewHistory = await text();
  w.patientLabel = "Rom 14";
  w.remove();
  document.body.append(w);
  const afterMove = await text();
  w.remove();
  return { before, afterNewHistory, afterMove };
}, bundle);
check(labelShown.before?.includes("Pasient: Rom 12"), "the patient's label is in the ISBAR summary");
check(labelShown.afterNewHistory !== null && !labelShown.afterNewHistory.includes("Rom 12"),
  "a new history forgets the label, also after the element is moved");
check(labelShown.afterMove?.includes("Pasient: Rom 14"), "a label set after the history survives a move");
async function measure() {
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  const counters = await cdp.send("Memory.getDOMCounters");
  const { charts, wasm } = await page.evaluate(async () => {
    const widget = await import("/widget/news2-widget.js");
    return { charts: widget.chartCount(), wasm: widget.memoryBytes() };
  });
  return { heap: usedSize, listeners: counters.jsEventListeners, nodes: counters.nodes, charts, wasm };
}
/// Every other widget fetches patient A through the proxy (and is removed once drawn, or
/// while still loading), the rest get a Bundle; each must have drawn a chart.
async function cycles(n) {
  return page.evaluate(async ({ n, bundle, patient }) => {
    const { chartCount } = await import("/widget/news2-widget.js");
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    let drawn = 0;
    for (let i = 0; i < n; i++) {
      const w = document.createElement("news2-widget");
      const before = chartCount();
      if (i % 2 === 0) {
        w.history = bundle;
        w.setAttribute("demo", "");
        w.setAttribute("now", "2026-02-10T07:34:00Z");
      } else {
        w.setAttribute("fhir-base", `${location.origin}/fhir`);
        w.setAttribute("patient", `Patient/${patient}`);
      }
      document.body.append(w);
      // Until its chart exists (at most 300 frames); a fetching one may also go before that.
      for (let f = 0; f < 300 && chartCount() === before; f++) await frame();
      if (chartCount() > before) drawn += 1;
      w.remove();
    }
    await frame();
    return drawn;
  }, { n, bundle, patient: patientA });
}
await cycles(10); // warm up: code, caches and the first growth of wasm memory
const start = await measure();
const drawnFirst = await cycles(200);
const middle = await measure();
const drawnSecond = await cycles(200);
const end = await measure();
check(drawnFirst + drawnSecond >= 380, `the cycled widgets drew their charts: ${drawnFirst + drawnSecond} of 400`);
// Two rounds: memory that grows with every widget grows as much in the second round as in the
// first; a one-off (caches, compiled code, pools) does not.
const delta = (a, b) => ({ heapKB: Math.round((b.heap - a.heap) / 1024), listeners: b.listeners - a.listeners,
  nodes: b.nodes - a.nodes, charts: b.charts, wasmKB: Math.round((b.wasm - a.wasm) / 1024) });
const first = delta(start, middle);
const second = delta(middle, end);
console.log(`200 mount/unmount cycles, twice: first ${JSON.stringify(first)}, second ${JSON.stringify(second)}`);
check(end.charts === start.charts, `no ECharts instance left behind: ${start.charts} → ${end.charts}`);
check(first.listeners <= 10 && second.listeners <= 10, `event listeners: +${first.listeners}, +${second.listeners} (bound 10)`);
check(first.nodes <= 50 && second.nodes <= 50, `DOM nodes: +${first.nodes}, +${second.nodes} (bound 50)`);
check(second.wasmKB <= 1024, `wasm memory: +${first.wasmKB} KB, then +${second.wasmKB} KB (bound 1 MB in the second round)`);
check(first.heapKB <= 2048 && second.heapKB <= 1024,
  `JS heap: +${first.heapKB} KB, then +${second.heapKB} KB (bounds 2 MB, then 1 MB)`);

await context.close();
host.close();
if (failures.length) {
  console.error(`${failures.length} failure(s)`);
  process.exit(1);
}
