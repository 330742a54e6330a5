// The adversarial suite (issue 11): the distribution against a hostile FHIR server and a
// careless or hostile host page, under the strict CSP and again without any CSP (where only the
// widget's own rules stand between a token and another origin). Run by scripts/test.sh after
// scripts/dist.sh:
//
//   node tests/e2e/hostile.mjs pkg/news2-widget-<version>
//
// Two servers: the host's origin (the page, the widget, and the hostile FHIR server under
// /h/<case>/fhir, as an EHR's reverse proxy would put it) and another origin that records every
// request it gets. No credential, and no request at all, may ever reach the other origin; no
// case may end in a panic or a widget stuck loading; no answer that is not data may show as
// "no sets"; the national identity number may appear in no URL. Waits are on conditions, never
// fixed sleeps.

import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { launch } from "./browser.mjs";
import { CSP } from "./csp.mjs";

const widgetDir = resolve(process.argv[2] ?? "pkg/news2-widget-0.1.0");
const pageDir = resolve("tests/e2e/hostile");
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
  ".json": "application/json", ".wasm": "application/wasm" };
// A synthetic national identity number (month + 80): checksum-valid, no one's.
const NIN = "13916900281";
const FHIR = "application/fhir+json";

// --- FHIR data --------------------------------------------------------------------------------
const now = Date.now();
const ago = (minutes) => new Date(now - minutes * 60_000).toISOString();
function vitals(prefix, time, values, extra = {}) {
  const q = (id, code, value, unit) => ({ resourceType: "Observation", id: `${prefix}-${id}`,
    status: "final", code: { coding: [{ system: "http://loinc.org", code }] },
    subject: { reference: "Patient/hostile" }, effectiveDateTime: time,
    valueQuantity: { value, system: "http://unitsofmeasure.org", code: unit }, ...extra });
  const coded = (id, code, value) => ({ resourceType: "Observation", id: `${prefix}-${id}`,
    status: "final", code: { coding: [{ system: "http://snomed.info/sct", code }] },
    subject: { reference: "Patient/hostile" }, effectiveDateTime: time, ...extra,
    ...(value ? { valueCodeableConcept: { coding: [{ system: "http://snomed.info/sct", code: value }] } } : {}) });
  return [q("rr", "9279-1", values.rr, "/min"), q("spo2", "2708-6", values.spo2 ?? 97, "%"),
    coded("air", "722742002"), q("sbp", "8480-6", values.sbp ?? 125, "mm[Hg]"),
    q("hr", "8867-4", values.pulse ?? 72, "/min"), coded("acvpu", "1104441000000107", "248234008"),
    q("temp", "8310-5", values.temp ?? 37.0, "Cel")];
}
const normal = (prefix, minutes = 30) => vitals(prefix, ago(minutes), { rr: 16 });
const red = (prefix, minutes = 30) => vitals(prefix, ago(minutes), { rr: 26 });
function searchset(resources, next) {
  return JSON.stringify({ resourceType: "Bundle", type: "searchset",
    ...(next ? { link: [{ relation: "next", url: next }] } : {}),
    entry: resources.map((resource) => ({ fullUrl: `urn:x:${resource.id}`, resource })) });
}
const outcome = (code, text) => JSON.stringify({ resourceType: "OperationOutcome",
  issue: [{ severity: "error", code, diagnostics: text }] });

// --- The other origin: records every request, and would answer generously ---------------------
const foreignLog = [];
const foreign = createServer((req, res) => {
  foreignLog.push({ method: req.method, url: req.url, authorization: req.headers.authorization ?? null,
    dpop: req.headers.dpop ?? null });
  res.writeHead(200, { "content-type": FHIR, "access-control-allow-origin": "*",
    "access-control-allow-headers": "*, Authorization, DPoP", "access-control-allow-methods": "GET, POST" });
  res.end(searchset(red("foreign")));
});
await new Promise((r) => foreign.listen(0, "127.0.0.1", r));
const other = `http://127.0.0.1:${foreign.address().port}`;

// --- The hostile FHIR server, one behaviour per case ------------------------------------------
const hostLog = [];
let errorBodyBytes = 0;
const seen = new Map();
const once = (key) => { const n = (seen.get(key) ?? 0) + 1; seen.set(key, n); return n; };
const CASES = {
  // 1. Credentials to another origin.
  "next-slashes": (req, res, url) => send(res, 200, searchset(normal("s1"), `//${other.slice(7)}/fhir/Observation?page=2`)),
  "next-backslashes": (req, res) => send(res, 200, searchset(normal("b1"), `\\\\${other.slice(7)}\\fhir\\Observation?page=2`)),
  "redirect": (req, res) => { res.writeHead(302, { location: `${other}/fhir/Observation` }); res.end(); },
  "relative-next": (req, res, url) => url.searchParams.get("page") === "2"
    ? send(res, 200, searchset(normal("r2", 300)))
    : send(res, 200, searchset(normal("r1", 30), "Observation?page=2")),
  // 3. Answers that are not data.
  "session-outcome": (req, res) => send(res, 200, outcome("login", "Session expired")),
  "login-page": (req, res) => send(res, 200, "<!doctype html><title>Logg inn</title><form>Logg inn</form>", "text/html"),
  "not-fhir": (req, res) => send(res, 200, JSON.stringify({ status: "ok", items: [] }), "application/json"),
  "other-resource": (req, res) => send(res, 200, JSON.stringify({ resourceType: "Patient", id: "x" })),
  "refresh-outcome": (req, res, url) => once(`refresh-${url.searchParams.get("run")}`) === 1
    ? send(res, 200, searchset(red("rf")))
    : send(res, 200, outcome("expired", "Session expired")),
  "big-number": (req, res) => {
    const text = searchset(normal("n1")).replace('"value":72', '"value":1e400');
    send(res, 200, text);
  },
  // 4. One business identifier shared by the seven Observations of one set (as DIPS does).
  "shared-identifier": (req, res) => send(res, 200, searchset(vitals("d", ago(30), { rr: 16 },
    { identifier: [{ system: "urn:dips:measurement", value: "m-1" }] }))),
  // 5. National identity numbers in links.
  "nin-path-next": (req, res) => send(res, 200, searchset(normal("p1"), `/h/nin-path-next/fhir/Patient/${NIN}/Observation?page=2`)),
  "nin-query-next": (req, res, url, body) => (body ?? "").includes("page=2")
    ? send(res, 200, searchset(normal("q2", 300)))
    : send(res, 200, searchset(normal("q1", 30), `Observation?patient.identifier=urn:oid:2.16.578.1.12.4.1.4.1%7C${NIN}&page=2`)),
  // 2. A date at the very end of the calendar, in Europe/Oslo.
  "far-future": (req, res) => send(res, 200, searchset([...normal("f0"), ...vitals("f1", "9999-12-31T23:30:00Z", { rr: 16 })])),
  // 6. Hangs.
  "drip": (req, res) => {
    res.writeHead(200, { "content-type": FHIR });
    const text = searchset(normal("dr"));
    let i = 0;
    const timer = setInterval(() => (i < text.length && !res.destroyed ? res.write(text[i++]) : (clearInterval(timer), res.end())), 500);
    res.on("close", () => clearInterval(timer));
  },
  "unauthorized-mid-paging": (req, res, url) => url.searchParams.get("page") === "2"
    ? send(res, 401, outcome("login", "token expired"))
    : send(res, 200, searchset(normal("u1"), "Observation?page=2")),
  // 7. Size.
  "huge-page": (req, res) => {
    res.writeHead(200, { "content-type": FHIR });
    res.write('{"resourceType": "Bundle", "type": "searchset", "entry": [');
    const entry = Buffer.from(`${JSON.stringify({ resource: normal("hg")[0] })},`);
    let left = Math.ceil((30 * 1024 * 1024) / entry.length);
    const more = () => {
      while (left-- > 0) if (!res.write(entry)) return res.once("drain", more);
      res.end(`${JSON.stringify({ resource: normal("hg")[1] })}]}`);
    };
    res.on("error", () => {});
    more();
  },
  "error-body": (req, res) => {
    res.writeHead(500, { "content-type": "text/html" });
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let left = (50 * 1024 * 1024) / chunk.length;
    const more = () => {
      while (left-- > 0) {
        errorBodyBytes += chunk.length;
        if (!res.write(chunk)) return res.once("drain", more);
      }
      res.end();
    };
    res.on("error", () => {});
    more();
  },
  // What already holds, so it keeps holding.
  "markup": (req, res) => send(res, 200, searchset(vitals("m", ago(30), { rr: 16 },
    { performer: [{ display: 'Ola <img src=x onerror="window.injected=1"> Nordmann' }] }))),
  "patient-calm": (req, res) => send(res, 200, searchset(normal("pc"))),
  "patient-red": (req, res) => send(res, 200, searchset(red("pr"))),
};
function send(res, status, body, type = FHIR) {
  res.writeHead(status, { "content-type": type });
  res.end(body);
}

const cspFor = (url) => (url.searchParams.get("csp") === "none" ? {} : { "content-security-policy": CSP });
const host = createServer(async (req, res) => {
  const url = new URL(req.url, `http://${req.headers.host}`);
  const match = url.pathname.match(/^\/h\/([a-z-]+)\/fhir(\/.*)?$/);
  if (match) {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = Buffer.concat(chunks).toString("utf8");
    hostLog.push({ method: req.method, url: req.url, body, authorization: req.headers.authorization ?? null });
    const behaviour = CASES[match[1]];
    if (!behaviour) return send(res, 404, outcome("not-found", "no such case"));
    return behaviour(req, res, url, body);
  }
  const [dir, path] = url.pathname.startsWith("/widget/")
    ? [widgetDir, url.pathname.slice("/widget/".length)]
    : [pageDir, url.pathname === "/" ? "index.html" : url.pathname.slice(1)];
  try {
    const file = join(dir, normalize(path).replace(/^(\.\.[/\\])+/, ""));
    const body = await readFile(file);
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", ...cspFor(url) });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end("not found");
  }
});
await new Promise((r) => host.listen(0, "127.0.0.1", r));
const origin = `http://127.0.0.1:${host.address().port}`;

// --- The checks -------------------------------------------------------------------------------
const failures = [];
const check = (ok, what) => {
  if (ok) console.log(`ok ${what}`); else { failures.push(what); console.error(`FAIL ${what}`); }
};
const context = await launch();

/// Adds a widget for a case; resolves once it has told its host how the load ended.
async function widget(page, id, { src, attributes = {}, auth = "hostAuth", history } = {}) {
  await page.evaluate(({ id, src, attributes, auth, history }) => {
    const w = document.createElement("news2-widget");
    w.id = id;
    if (auth) w.authHeaders = window[auth];
    for (const [name, value] of Object.entries(attributes)) w.setAttribute(name, value);
    if (history !== undefined) w.history = history;
    if (src) w.setAttribute("src", src);
    document.getElementById("cases").append(w);
  }, { id, src, attributes, auth, history });
}
const events = (page, id) => page.evaluate((id) => window.hostile.events.filter((e) => e.widget === id), id);
const state = (page, id) => page.evaluate((id) => document.getElementById(id)?.shadowRoot
  ?.querySelector(".news2-widget")?.getAttribute("data-state") ?? null, id);
/// Waits until the widget has sent an event of this name (and kind, for errors).
async function until(page, id, name, kind, timeout = 120_000) {
  await page.waitForFunction(({ id, name, kind }) => window.hostile.events.some((e) => e.widget === id
    && e.name === name && (kind === undefined || e.detail?.kind === kind)), { id, name, kind }, { timeout, polling: 100 });
}
const src = (name, query = "subject=Patient/hostile") => `/h/${name}/fhir/Observation?${query}`;

async function run(mode) {
  const page = await context.newPage();
  const errors = [];
  const urls = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("request", (r) => urls.push(r.url()));
  await page.goto(`${origin}/?csp=${mode}`);
  await page.waitForFunction(() => window.hostileReady && customElements.get("news2-widget"));
  const tag = (what) => `[${mode === "none" ? "no CSP" : "strict CSP"}] ${what}`;
  const slow = [];

  // Hangs are started first and checked last: they take their limits' time.
  await widget(page, "auth-never", { src: src("patient-calm"), auth: "neverAuth" });
  if (mode === "none") {
    await widget(page, "drip", { src: src("drip") });
    slow.push(async () => {
      await until(page, "drip", "news2-error", "timeout", 180_000);
      check(await state(page, "drip") === "error", tag("a dripping answer is a timeout, shown as an error"));
    });
  }

  // 1. No credential, no request, to another origin.
  for (const name of ["next-slashes", "next-backslashes"]) {
    await widget(page, name, { src: src(name) });
    await until(page, name, "news2-loaded");
    const loaded = (await events(page, name)).find((e) => e.name === "news2-loaded");
    const error = (await events(page, name)).find((e) => e.name === "news2-error");
    check(loaded.detail.partial === true && loaded.detail.sets === 1 && error?.detail.kind === "malformed",
      tag(`${name}: what arrived is shown, the foreign next link is an error: ${JSON.stringify(error?.detail)}`));
  }
  await widget(page, "redirect", { src: src("redirect") });
  await until(page, "redirect", "news2-error");
  const redirected = (await events(page, "redirect")).find((e) => e.name === "news2-error");
  check(redirected.detail.kind === "auth" && await state(page, "redirect") === "error",
    tag(`a redirect is not followed; it reads as a login redirect: ${JSON.stringify(redirected.detail)}`));
  await widget(page, "relative-next", { src: src("relative-next") });
  await until(page, "relative-next", "news2-loaded");
  const relative = (await events(page, "relative-next")).find((e) => e.name === "news2-loaded");
  check(relative.detail.sets === 2 && relative.detail.partial === false
    && hostLog.some((r) => r.url === "/h/relative-next/fhir/Observation?page=2"),
    tag(`a relative next link is resolved against the page that carried it: ${JSON.stringify(relative.detail)} ${JSON.stringify(hostLog.filter((r) => r.url.includes("relative-next")).map((r) => r.url))}`));

  // 3. Answers that are not data: an error of a kind, never "no sets".
  for (const [name, kind] of [["session-outcome", "auth"], ["login-page", "auth"], ["not-fhir", "malformed"],
    ["other-resource", "malformed"]]) {
    await widget(page, name, { src: src(name) });
    await until(page, name, "news2-error");
    const error = (await events(page, name)).find((e) => e.name === "news2-error");
    const shown = await page.evaluate((id) => {
      const root = document.getElementById(id).shadowRoot;
      return { kind: root.querySelector(".news2-error")?.getAttribute("data-kind"), empty: !!root.querySelector(".news2-empty"),
        words: root.querySelector(".news2-error__what")?.textContent ?? "" };
    }, name);
    check(error.detail.kind === kind && await state(page, name) === "error" && shown.kind === kind && !shown.empty
      && shown.words.length > 0 && (await events(page, name)).every((e) => e.name !== "news2-loaded"),
      tag(`${name}: an error of kind ${kind} on screen, not "no sets": ${JSON.stringify({ detail: error.detail, shown })}`));
  }
  await widget(page, "refresh-outcome", { src: src("refresh-outcome", `run=${mode}`) });
  await until(page, "refresh-outcome", "news2-loaded");
  await page.evaluate(() => { document.getElementById("refresh-outcome").authHeaders = window.hostAuth; });
  await until(page, "refresh-outcome", "news2-error", "auth");
  const kept = await page.evaluate(() => {
    const root = document.getElementById("refresh-outcome").shadowRoot;
    return { level: root.querySelector(".news2-banner")?.getAttribute("data-level"),
      partial: root.querySelector(".news2-partial")?.getAttribute("data-kind") };
  });
  check(await state(page, "refresh-outcome") === "ready" && kept.level === "low-medium" && kept.partial === "auth",
    tag(`a refresh answered by an ended session keeps the data on screen and says so: ${JSON.stringify(kept)}`));
  await widget(page, "big-number", { src: src("big-number") });
  await until(page, "big-number", "news2-loaded");
  const bigNumber = (await events(page, "big-number")).find((e) => e.name === "news2-loaded");
  const named = await page.evaluate(() => document.getElementById("big-number").shadowRoot
    .querySelector(".news2-problems")?.textContent ?? "");
  check(bigNumber.detail.problems === 1 && bigNumber.detail.sets === 1 && named.includes("n1-hr"),
    tag(`1e400 loses one named Observation, not the page: ${JSON.stringify(bigNumber.detail)}`));

  // 4. Seven Observations under one business identifier: seven measurements.
  await widget(page, "shared-identifier", { src: src("shared-identifier") });
  await until(page, "shared-identifier", "news2-loaded");
  const shared = (await events(page, "shared-identifier")).find((e) => e.name === "news2-loaded");
  check(shared.detail.latest?.complete === true && shared.detail.latest.total === 0 && shared.detail.problems === 0,
    tag(`one shared identifier keeps all seven parameters: ${JSON.stringify(shared.detail)}`));

  // 5. The national identity number in links.
  await widget(page, "nin-path-next", { src: src("nin-path-next") });
  await until(page, "nin-path-next", "news2-loaded");
  const pathError = (await events(page, "nin-path-next")).find((e) => e.name === "news2-error");
  check(pathError?.detail.kind === "malformed" && !pathError.detail.message.includes(NIN),
    tag("a next link with the number in its path is not followed"));
  await widget(page, "nin-query-next", { src: src("nin-query-next") });
  await until(page, "nin-query-next", "news2-loaded");
  const queried = (await events(page, "nin-query-next")).find((e) => e.name === "news2-loaded");
  check(queried.detail.sets === 2 && hostLog.some((r) => r.method === "POST" && r.body.includes(NIN)
    && r.url === "/h/nin-query-next/fhir/Observation/_search"),
    tag("a next link with the number in its query is POSTed as a form"));

  // 2. No panic from a date; a widget that tells nobody is a failure too.
  await widget(page, "far-future", { src: src("far-future") });
  await until(page, "far-future", "news2-loaded");
  const future = (await events(page, "far-future")).find((e) => e.name === "news2-loaded");
  check(await state(page, "far-future") === "ready" && future.detail.problems >= 1,
    tag(`a set dated 9999-12-31T23:30Z in Europe/Oslo is a problem, not a panic: ${JSON.stringify(future.detail)}`));

  // 6. A 401 in the middle of paging: loaded partly, and an auth error the host can act on.
  await widget(page, "unauthorized-mid-paging", { src: src("unauthorized-mid-paging") });
  await until(page, "unauthorized-mid-paging", "news2-error", "auth");
  const midLoaded = (await events(page, "unauthorized-mid-paging")).find((e) => e.name === "news2-loaded");
  check(midLoaded?.detail.partial === true && await state(page, "unauthorized-mid-paging") === "ready",
    tag("a 401 in the middle of paging keeps what arrived and raises news2-error auth"));

  // 7. Budgets: a 30 MB page, an error page of 50 MB, a 60 MB history, 25 widgets at once.
  await widget(page, "huge-page", { src: src("huge-page") });
  await until(page, "huge-page", "news2-error", "too-large");
  check(await state(page, "huge-page") === "error", tag("a 30 MB page is refused as too large"));
  errorBodyBytes = 0;
  await widget(page, "error-body", { src: src("error-body") });
  await until(page, "error-body", "news2-error", "server");
  await new Promise((r) => setImmediate(r));
  check(errorBodyBytes < 50 * 1024 * 1024, tag(`an error answer's body is not read whole (${(errorBodyBytes / 1048576).toFixed(1)} MB of 50 sent)`));
  await page.evaluate(() => {
    const w = document.createElement("news2-widget");
    w.id = "history-60mb";
    document.getElementById("cases").append(w);
    w.history = { resourceType: "Bundle", type: "collection", padding: "x".repeat(60 * 1024 * 1024) };
  });
  await until(page, "history-60mb", "news2-error", "config");
  check(await state(page, "history-60mb") === "error", tag("a 60 MB history is refused with a message"));
  const memoryBefore = await page.evaluate(async () => (await import("/widget/news2-widget.js")).memoryBytes());
  for (let i = 0; i < 25; i += 1) await widget(page, `many-${i}`, { src: src("huge-page") });
  for (let i = 0; i < 25; i += 1) await until(page, `many-${i}`, "news2-error", "too-large");
  const memoryAfter = await page.evaluate(async () => (await import("/widget/news2-widget.js")).memoryBytes());
  console.log(`  wasm memory: ${(memoryBefore / 1048576).toFixed(0)} MB before 25 widgets given 30 MB pages, ${(memoryAfter / 1048576).toFixed(0)} MB after`);
  check(memoryAfter < 1024 * 1024 * 1024, tag("25 widgets given 30 MB pages: each says too large, the tab lives"));

  // What already holds, so it keeps holding: markup is text; another patient's data never stays.
  await widget(page, "markup", { src: src("markup") });
  await until(page, "markup", "news2-loaded");
  const markup = await page.evaluate(() => ({ flag: window.injected ?? null,
    img: document.getElementById("markup").shadowRoot.querySelectorAll("img").length }));
  check(markup.flag === null && markup.img === 0, tag("markup from data is text"));
  await widget(page, "switching", { src: src("patient-red") });
  await page.evaluate(() => {
    const w = document.getElementById("switching");
    for (let i = 0; i < 40; i += 1) w.setAttribute("src", `/h/${i % 2 ? "patient-red" : "patient-calm"}/fhir/Observation?i=${i}`);
    w.setAttribute("src", "/h/patient-calm/fhir/Observation?i=last");
  });
  // The last source's load is the one that ends in news2-loaded with its (calm) set; nothing
  // after it may be red.
  await page.waitForFunction(() => document.getElementById("switching").shadowRoot
    .querySelector(".news2-banner")?.getAttribute("data-level") === "none", null, { timeout: 60_000, polling: 100 });
  const switched = await page.evaluate(() => ({
    level: document.getElementById("switching").shadowRoot.querySelector(".news2-banner")?.getAttribute("data-level"),
    rows: document.getElementById("switching").shadowRoot.querySelectorAll(".news2-history tbody tr").length,
  }));
  check(switched.level === "none" && switched.rows === 1,
    tag(`after 40 rapid switches, only the last patient's data is shown: ${JSON.stringify(switched)}`));

  // 2. Listeners that remove or move the element inside its own events.
  await page.evaluate(() => {
    const history = { resourceType: "Bundle", type: "collection", entry: [] };
    const removed = document.createElement("news2-widget");
    removed.id = "removed-on-entry";
    removed.setAttribute("mode", "entry");
    removed.addEventListener("news2-entry", () => removed.remove());
    removed.history = history;
    document.getElementById("cases").append(removed);
    const moved = document.createElement("news2-widget");
    moved.id = "moved-on-loaded";
    let moves = 0;
    moved.addEventListener("news2-loaded", () => { if (moves++ === 0) document.body.prepend(moved); });
    moved.setAttribute("src", "/h/patient-calm/fhir/Observation?moved");
    document.getElementById("cases").append(moved);
  });
  await page.waitForFunction(() => document.getElementById("removed-on-entry").shadowRoot
    ?.querySelector(".news2-entry__form"), null, { polling: 100 });
  await enterNormalSet(page, "removed-on-entry");
  await page.waitForFunction(() => !document.getElementById("removed-on-entry"), null, { polling: 100 });
  await page.waitForFunction(() => window.hostile.events.filter((e) => e.widget === "moved-on-loaded"
    && e.name === "news2-loaded").length >= 2, null, { timeout: 60_000, polling: 100 });
  check(await state(page, "moved-on-loaded") === "ready",
    tag("removed inside news2-entry, moved inside news2-loaded: no panic, the moved one loads again"));

  for (const check of slow) await check();
  await until(page, "auth-never", "news2-error", "auth", 60_000);
  check(await state(page, "auth-never") === "error", tag("an auth callback that never answers ends in an auth error"));

  // Over the whole page.
  const stuck = await page.evaluate(() => [...document.querySelectorAll("news2-widget")]
    .filter((w) => w.shadowRoot?.querySelector(".news2-widget")?.getAttribute("data-state") === "loading").map((w) => w.id));
  check(stuck.length === 0, tag(`no widget is left loading: ${stuck.join(", ")}`));
  check(errors.length === 0, tag(`no page error (no panic, no trap): ${errors.join(" / ")}`));
  check(!urls.some((u) => u.includes(NIN)), tag("the national identity number is in no URL the page requested"));
  check(!hostLog.some((r) => r.url.includes(NIN)), tag("nor in any URL the server saw"));
  if (mode !== "none") {
    const violations = await page.evaluate(() => window.hostile.violations);
    check(violations.length === 0, tag(`no CSP violation (nothing even tried another origin): ${violations.join(", ")}`));
  }
  await page.close();
}

/// Fills the entry form of widget `id` with a normal set and submits it.
async function enterNormalSet(page, id) {
  const root = page.locator(`#${id}`);
  for (const [name, value] of [["respiratoryRate", "16"], ["spo2", "97"], ["systolicBp", "125"],
    ["pulse", "72"], ["temperature", "37,0"]]) {
    await root.locator(`input[name=${name}]`).fill(value);
  }
  await root.locator("input[value=air]").check();
  await root.locator("input[value=A]").check();
  await root.locator(".news2-entry__form button[type=submit]").click();
}

try {
  for (const mode of ["strict", "none"]) {
    foreignLog.length = 0;
    await run(mode);
    check(foreignLog.length === 0, `[${mode === "none" ? "no CSP" : "strict CSP"}] the other origin got no request at all: ${JSON.stringify(foreignLog)}`);
  }
} finally {
  await context.close();
  host.close();
  foreign.close();
}
if (failures.length > 0) {
  console.error(`\n${failures.length} hostile case(s) failed:\n  ${failures.join("\n  ")}`);
  process.exit(1);
}
console.log("\nevery hostile case held, under the strict CSP and without CSP");
