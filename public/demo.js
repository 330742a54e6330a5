// The demo page's host: what an EHR would do around <news2-widget>. It sets attributes and
// listens to the widget's events; it never writes markup from data (textContent only), so it
// also runs under a strict Content-Security-Policy.
//
// The page can be opened on a fixed state for screenshots and tests:
//   ?scenario=deteriorating&lang=en&mode=entry&variant=compact

const widget = document.getElementById("widget");
const scenarioSelect = document.getElementById("scenario");
const description = document.getElementById("scenario-description");
const languageSelect = document.getElementById("language");
const modeSelect = document.getElementById("mode");
const variantSelect = document.getElementById("variant");
const log = document.getElementById("event-log");

const EVENTS = [
  "news2-loaded",
  "news2-escalation",
  "news2-entry",
  "news2-saved",
  "news2-save-failed",
  "news2-acknowledged",
  "news2-error",
  "news2-open",
];

for (const name of EVENTS) {
  widget.addEventListener(name, (event) => {
    const item = document.createElement("li");
    const title = document.createElement("strong");
    title.textContent = `${new Date().toLocaleTimeString("nb-NO")} ${name}`;
    const detail = document.createElement("pre");
    // The FHIR Bundle of an entry is long: the log shows that it came, not all of it.
    const shown = { ...event.detail };
    if (shown.bundle) shown.bundle = `Bundle (${shown.bundle.entry?.length ?? 0} entries)`;
    detail.textContent = JSON.stringify(shown, null, 2);
    item.append(title, detail);
    log.prepend(item);
  });
}

const params = new URLSearchParams(location.search);
let scenarios = [];

function language() {
  return languageSelect.value;
}

function showScenario(id) {
  const scenario = scenarios.find((s) => s.id === id) ?? scenarios[0];
  if (!scenario) return;
  scenarioSelect.value = scenario.id;
  description.textContent = scenario.description[language()] ?? scenario.description.nb;
  widget.removeAttribute("fhir-base");
  widget.removeAttribute("patient");
  widget.removeAttribute("source-kind");
  widget.nationalId = null;
  // A scenario's fixed clock: honoured only because this page says it is a demo, and the
  // widget shows that it is fixed.
  widget.setAttribute("demo", "");
  widget.setAttribute("now", scenario.now);
  // A patient on SpO2 Scale 2 by a documented decision: who decided and when.
  if (scenario.scale2) {
    // Who and when first: `spo2-scale="2"` without them is refused (news2-error).
    widget.setAttribute("spo2-scale-by", scenario.scale2.by);
    widget.setAttribute("spo2-scale-at", scenario.scale2.at);
    widget.setAttribute("spo2-scale", "2");
  } else {
    for (const name of ["spo2-scale", "spo2-scale-by", "spo2-scale-at"]) widget.removeAttribute(name);
  }
  widget.setAttribute("src", scenario.file);
}

function fillScenarios() {
  const selected = scenarioSelect.value;
  scenarioSelect.replaceChildren(
    ...scenarios.map((s) => {
      const option = document.createElement("option");
      option.value = s.id;
      option.textContent = s.title[language()] ?? s.title.nb;
      return option;
    }),
  );
  if (selected) scenarioSelect.value = selected;
}

languageSelect.addEventListener("change", () => {
  widget.setAttribute("lang", language());
  document.documentElement.lang = language();
  fillScenarios();
  showScenario(scenarioSelect.value);
});
modeSelect.addEventListener("change", () => widget.setAttribute("mode", modeSelect.value));
variantSelect.addEventListener("change", () => widget.setAttribute("variant", variantSelect.value));
// What a host does when the nurse asks the compact view for more: here, the full view in place.
widget.addEventListener("news2-open", () => {
  variantSelect.value = "full";
  widget.setAttribute("variant", "full");
});
scenarioSelect.addEventListener("change", () => showScenario(scenarioSelect.value));
document.getElementById("demo-panel").addEventListener("submit", (event) => {
  event.preventDefault();
  const base = document.getElementById("fhir-base").value.trim();
  const patient = document.getElementById("patient").value.trim();
  const kind = document.getElementById("source-kind").value;
  const service = document.getElementById("author-service");
  if (!base || !patient) return;
  widget.removeAttribute("src");
  widget.removeAttribute("now");
  widget.removeAttribute("demo");
  // Who writes entries: what an EHR knows of its logged-in user and unit (made up here).
  widget.author = {
    municipality: "4601",
    municipalityName: "Bergen",
    organisation: `Demo: ${service.selectedOptions[0].textContent}`,
    service: service.value,
    performer: "Demo Sykepleier",
    role: "Sykepleier",
  };
  if (kind === "pmd") {
    // The project's PMD-like test server wants a DPoP-shaped proof; a real host gets one from
    // HelseID for every request (docs/embedding.md). The number goes in a property, never an
    // attribute.
    widget.authHeaders = () => ({ Authorization: "DPoP demo-token", DPoP: "eyJkZW1v.eyJkZW1v.ZGVtbw" });
    widget.removeAttribute("patient");
    widget.setAttribute("source-kind", "pmd");
    widget.setAttribute("fhir-base", base);
    widget.nationalId = patient;
  } else {
    widget.authHeaders = null;
    widget.nationalId = null;
    widget.removeAttribute("source-kind");
    widget.setAttribute("fhir-base", base);
    widget.setAttribute("patient", patient);
  }
});

languageSelect.value = ["nb", "nn", "en"].includes(params.get("lang")) ? params.get("lang") : "nb";
modeSelect.value = params.get("mode") === "entry" ? "entry" : "view";
variantSelect.value = params.get("variant") === "compact" ? "compact" : "full";
widget.setAttribute("lang", language());
widget.setAttribute("mode", modeSelect.value);
widget.setAttribute("variant", variantSelect.value);
document.documentElement.lang = language();

const response = await fetch("public/scenarios/index.json");
scenarios = await response.json();
fillScenarios();
showScenario(params.get("scenario") ?? scenarios[0]?.id);
