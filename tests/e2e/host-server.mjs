// The EHR-like host page of tests/e2e/host/ behind its own server: the strict CSP on every
// answer, the widget's distribution under /widget/, /fhir proxied to the FHIR test server (as an
// EHR's own server would: the CSP's connect-src is 'self'), and two patients seeded there, one
// found by reference and one by national identity number. Used by host.mjs (Chromium, in depth)
// and host-engines.mjs (the same page in every engine).

import { createServer, request as httpRequest } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { CSP } from "./csp.mjs";

/// Starts the host page for the distribution in `widgetDir` against the FHIR test server on
/// `fhirPort`, with fresh patients: { origin, fhirPort, run (this run's random number),
/// patientA, patientB, nationalId, token, MARKUP, close() }.
export async function startHost(widgetDir, fhirPort) {
  const hostDir = resolve("tests/e2e/host");
  const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8", ".json": "application/json", ".wasm": "application/wasm" };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, `http://${req.headers.host}`);
    if (url.pathname.startsWith("/fhir") || url.pathname.startsWith("/__")) {
      // The EHR's reverse proxy to the FHIR server, Host kept so its links point back here.
      const upstream = httpRequest({ host: "127.0.0.1", port: fhirPort, path: req.url, method: req.method,
        headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode, answer.headers);
        answer.pipe(res);
      });
      upstream.on("error", () => { res.writeHead(502); res.end(); });
      req.pipe(upstream);
      return;
    }
    if (url.pathname === "/test-config.json") {
      res.writeHead(200, { "content-type": "application/json", "content-security-policy": CSP });
      res.end(JSON.stringify(testConfig));
      return;
    }
    if (url.pathname === "/favicon.ico") {
      res.writeHead(204);
      res.end();
      return;
    }
    const [dir, path] = url.pathname.startsWith("/widget/")
      ? [widgetDir, url.pathname.slice("/widget/".length)]
      : [hostDir, url.pathname === "/" ? "index.html" : url.pathname.slice(1)];
    try {
      const file = join(dir, normalize(path).replace(/^(\.\.[/\\])+/, ""));
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "content-security-policy": CSP });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-security-policy": CSP });
      res.end("not found");
    }
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const origin = `http://127.0.0.1:${server.address().port}`;

  // --- Seeding the FHIR server: two patients, one found by reference, one by national id. ----
  const fhir = `http://127.0.0.1:${fhirPort}/fhir`;
  async function call(method, url, body) {
    const answer = await fetch(url, { method, headers: { "content-type": "application/fhir+json" },
      body: body && JSON.stringify(body) });
    return answer.json();
  }
  const run = Math.floor(Math.random() * 1e9);
  const patientA = `host-a-${run}`;
  const patientB = `host-b-${run}`;
  // Synthetic: 11 digits that are no one's fødselsnummer (month 13 does not exist).
  const nationalId = `0113${String(run).padStart(9, "0").slice(0, 7)}`;
  const token = `tok${run}`;
  const testConfig = { a: patientA, nin: nationalId, token };
  const MARKUP = `Ola <img src=x onerror="window.news2Injected=1"> Nordmann`;

  function vitals(patient, time, values, performer) {
    const q = (code, value, unit, system = "http://loinc.org") => ({ resourceType: "Observation",
      status: "final", code: { coding: [{ system, code }] }, subject: { reference: `Patient/${patient}` },
      effectiveDateTime: time, valueQuantity: { value, system: "http://unitsofmeasure.org", code: unit },
      ...(performer ? { performer: [{ display: performer }] } : {}) });
    const coded = (code, value) => ({ resourceType: "Observation", status: "final",
      code: { coding: [{ system: "http://snomed.info/sct", code }] }, subject: { reference: `Patient/${patient}` },
      effectiveDateTime: time, ...(value ? { valueCodeableConcept: { coding: [{ system: "http://snomed.info/sct", code: value }] } } : {}) });
    return [q("9279-1", values.rr, "/min"), q("2708-6", values.spo2, "%"), coded("722742002"),
      q("8480-6", values.sbp, "mm[Hg]"), q("8867-4", values.pulse, "/min"),
      coded("1104441000000107", "248234008"), q("8310-5", values.temp, "Cel")];
  }
  async function seed(patient, identifier, sets) {
    await call("PUT", `${fhir}/Patient/${patient}`, { resourceType: "Patient", id: patient,
      ...(identifier ? { identifier: [{ system: "urn:oid:2.16.578.1.12.4.1.4.1", value: identifier }] } : {}) });
    const entry = sets.flatMap(([time, values, performer]) => vitals(patient, time, values, performer))
      .map((resource) => ({ resource, request: { method: "POST", url: "Observation" } }));
    await call("POST", `${fhir}/`, { resourceType: "Bundle", type: "transaction", entry });
  }
  const now = new Date();
  const ago = (hours) => new Date(now.getTime() - hours * 3_600_000).toISOString();
  await seed(patientA, null, [
    [ago(5), { rr: 16, spo2: 97, sbp: 124, pulse: 72, temp: 37.0 }],
    [ago(1), { rr: 26, spo2: 96, sbp: 118, pulse: 96, temp: 37.4 }, MARKUP],
  ]);
  await seed(patientB, nationalId, [[ago(2), { rr: 15, spo2: 98, sbp: 130, pulse: 70, temp: 36.8 }]]);

  return {
    origin, fhirPort, run, patientA, patientB, nationalId, token, MARKUP,
    close: () => server.close(),
  };
}
