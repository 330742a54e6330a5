// The host's script: configures the two widgets through properties and attributes, answers the
// auth callback (counting its calls), and records what the tests check: events and CSP
// violations. The test's patients and token come from the host's server (never in a URL: the
// national identity number must appear in none).

window.news2Test = { authCalls: [], events: [], violations: [], errors: [] };
document.addEventListener("securitypolicyviolation", (e) => {
  window.news2Test.violations.push(`${e.violatedDirective} ${e.blockedURI}`);
});
// For engines whose driver does not report page errors (tests/e2e/host-engines.mjs).
window.addEventListener("error", (e) => window.news2Test.errors.push(String(e.message)));
window.addEventListener("unhandledrejection", (e) => window.news2Test.errors.push(String(e.reason)));

const params = await (await fetch("/test-config.json")).json();
const base = `${location.origin}/fhir`;

let proof = 0;
// HelseID with DPoP: a bound access token and a fresh proof for every request.
async function authHeaders(method, url) {
  proof += 1;
  window.news2Test.authCalls.push({ method, url });
  return { Authorization: `DPoP ${params.token}`, DPoP: `proof-${proof}-${params.token}` };
}

for (const name of ["news2-loaded", "news2-escalation", "news2-entry", "news2-saved",
  "news2-save-failed", "news2-acknowledged", "news2-error", "news2-response"]) {
  document.addEventListener(name, (e) => {
    window.news2Test.events.push({ name, widget: e.target.id, detail: e.detail });
  });
}

const a = document.getElementById("widget-a");
a.authHeaders = authHeaders;
a.setAttribute("fhir-base", base);
a.setAttribute("patient", `Patient/${params.a}`);

const b = document.getElementById("widget-b");
b.authHeaders = authHeaders;
b.nationalId = params.nin;
b.setAttribute("fhir-base", base);
