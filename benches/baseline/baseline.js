// The plain-JavaScript baseline of benches/views.mjs: what a page without the widget would do to
// show the same chart from the same Bundle. Fetch it, JSON.parse it, map the UK Core
// Observations to sets, score every set by RCP NEWS2 2017, and draw the widget's eight-panel
// chart with the same ECharts build. Nothing else: no grouping rules, copies, conflicts,
// units other than the Bundle's, banner or table. So the widget's time beyond this is the cost
// of all that it does besides (and of WebAssembly); the benchmark asserts the two charts have
// the same panels, series, points, labels and bands, so the baseline takes no shortcut there.
//
// The functions are exported so that benches/views.mjs can check `score` in Node against RCP's
// boundary vectors before timing anything; `run` is the page's (index.html).

// --- NEWS2 (RCP 2017, Chart 1; ../shared/news2/README.md, sections 1 and 2) -----------------

/** Half-up to `places` decimals, on the shortest decimal JavaScript prints (38.05 → 38.1, as
 *  the widget does with exact decimals; 38.05 * 10 is 380.49999… in binary). */
function charted(value, places) {
  const scale = 10 ** places;
  return Math.round(Number((value * scale).toPrecision(12))) / scale;
}

const chart1 = {
  respiratoryRate: (v) => (v <= 8 ? 3 : v <= 11 ? 1 : v <= 20 ? 0 : v <= 24 ? 2 : 3),
  spo2Scale1: (v) => (v <= 91 ? 3 : v <= 93 ? 2 : v <= 95 ? 1 : 0),
  // Scale 2: 88–92 % scores 0, and so does 93 % or more on air; on oxygen it rises again.
  spo2Scale2: (v, onOxygen) => {
    if (v <= 83) return 3;
    if (v <= 85) return 2;
    if (v <= 87) return 1;
    if (v <= 92 || !onOxygen) return 0;
    return v <= 94 ? 1 : v <= 96 ? 2 : 3;
  },
  airOrOxygen: (onOxygen) => (onOxygen ? 2 : 0),
  systolicBp: (v) => (v <= 90 ? 3 : v <= 100 ? 2 : v <= 110 ? 1 : v <= 219 ? 0 : 3),
  pulse: (v) => (v <= 40 ? 3 : v <= 50 ? 1 : v <= 90 ? 0 : v <= 110 ? 1 : v <= 130 ? 2 : 3),
  consciousness: (letter) => (letter === "A" ? 0 : 3),
  temperature: (v) => (v <= 35 ? 3 : v <= 36 ? 1 : v <= 38 ? 0 : v <= 39 ? 1 : 2),
};

const FIELDS = ["respiratoryRate", "spo2", "onOxygen", "systolicBp", "pulse", "consciousness", "temperature"];

/**
 * NEWS2 of one set, in the shape of the widget's JavaScript API `score(input)` (README.md):
 * { total, complete, missing, subScores, risk, monitoring }. A missing value makes the set
 * incomplete: no total, no risk (a partial sum is never a NEWS2).
 */
export function score(input) {
  const sub = {};
  const present = (field) => input[field] !== undefined && input[field] !== null;
  if (present("respiratoryRate")) sub.respiratoryRate = chart1.respiratoryRate(charted(input.respiratoryRate, 0));
  if (present("spo2")) {
    const spo2 = charted(input.spo2, 0);
    if (input.spo2Scale === 2) {
      // Above 92 % on Scale 2 the score depends on oxygen: unknown without it.
      sub.spo2 = spo2 <= 92 || present("onOxygen") ? chart1.spo2Scale2(spo2, input.onOxygen) : null;
    } else {
      sub.spo2 = chart1.spo2Scale1(spo2);
    }
  }
  if (present("onOxygen")) sub.airOrOxygen = chart1.airOrOxygen(input.onOxygen);
  if (present("systolicBp")) sub.systolicBp = chart1.systolicBp(charted(input.systolicBp, 0));
  if (present("pulse")) sub.pulse = chart1.pulse(charted(input.pulse, 0));
  if (present("consciousness")) sub.consciousness = chart1.consciousness(input.consciousness);
  if (present("temperature")) sub.temperature = chart1.temperature(charted(input.temperature, 1));
  const missing = FIELDS.filter((f) => !present(f));
  if (missing.length > 0 || sub.spo2 === null) {
    return { total: null, complete: false, missing, subScores: sub, risk: null, monitoring: null };
  }
  const scores = Object.values(sub);
  const total = scores.reduce((a, b) => a + b, 0);
  // Chart 3's precedence, then Chart 4's minimum monitoring.
  const risk = total >= 7 ? "high" : total >= 5 ? "medium" : scores.includes(3) ? "low-medium" : "low";
  const monitoring = risk === "high" ? "continuous"
    : risk !== "low" ? "hourly"
    : total === 0 ? "12-hourly" : "4-6-hourly";
  return { total, complete: true, missing, subScores: sub, risk, monitoring };
}

// --- FHIR: UK Core Observations to sets (docs/fhir-mapping.md) ---------------------------------

const SNOMED = "http://snomed.info/sct";
const LOINC = "http://loinc.org";
const NEWS2_TOTAL = "1104051000000101";
// The vital signs by code, in the systems docs/fhir-mapping.md reads (LOINC 88330-6 is not NEWS2).
const KIND = new Map([
  [`${LOINC}|9279-1`, "rr"], [`${SNOMED}|86290005`, "rr"],
  [`${LOINC}|2708-6`, "spo2"], [`${LOINC}|59408-5`, "spo2"], [`${SNOMED}|431314004`, "spo2"],
  [`${LOINC}|85354-9`, "bp"], [`${SNOMED}|75367002`, "bp"], [`${LOINC}|8480-6`, "sbp"],
  [`${LOINC}|8867-4`, "pulse"], [`${SNOMED}|78564009`, "pulse"],
  [`${LOINC}|8310-5`, "temp"], [`${SNOMED}|276885007`, "temp"],
  [`${SNOMED}|1104441000000107`, "acvpu"],
  [`${SNOMED}|371825009`, "oxygen"], [`${SNOMED}|722742002`, "air"],
]);
// ACVPU by UK Core's SNOMED values and DIPS's own codes.
const ACVPU = {
  248234008: "A", 130987000: "C", 300202002: "V", 450847001: "P", 422768004: "U",
  D0005: "A", D0012: "C", D0006: "V", D0007: "P", D0008: "U",
};

function kindOf(observation) {
  for (const c of observation.code?.coding ?? []) {
    const kind = KIND.get(`${c.system}|${c.code}`);
    if (kind) return kind;
  }
  return null;
}

/** A quantity in the unit the chart uses, or undefined (a value without its unit is not used). */
function quantity(q, kind) {
  if (typeof q?.value !== "number") return undefined;
  if (kind === "temp") return q.code === "Cel" ? q.value : q.code === "[degF]" ? ((q.value - 32) * 5) / 9 : undefined;
  if (kind === "spo2") return q.code === "%" ? q.value : q.code === "1" ? q.value * 100 : undefined;
  if (kind === "sbp") return q.code === "mm[Hg]" ? q.value : undefined;
  return q.code === "/min" ? q.value : undefined;
}

/** Puts one vital-sign Observation's value into `set`. */
function read(observation, set) {
  const kind = kindOf(observation);
  switch (kind) {
    case "rr": set.respiratoryRate = quantity(observation.valueQuantity, "rr"); break;
    case "spo2": set.spo2 = quantity(observation.valueQuantity, "spo2"); break;
    case "pulse": set.pulse = quantity(observation.valueQuantity, "pulse"); break;
    case "temp": set.temperature = quantity(observation.valueQuantity, "temp"); break;
    case "sbp": set.systolicBp = quantity(observation.valueQuantity, "sbp"); break;
    case "bp":
      for (const c of observation.component ?? []) {
        const code = c.code?.coding?.find((x) => x.system === LOINC)?.code;
        if (code === "8480-6") set.systolicBp = quantity(c.valueQuantity, "sbp");
        if (code === "8462-4") set.diastolicBp = quantity(c.valueQuantity, "sbp");
      }
      break;
    case "acvpu":
      set.consciousness = ACVPU[observation.valueCodeableConcept?.coding?.find((c) => ACVPU[c.code])?.code];
      break;
    case "oxygen":
      set.onOxygen = true;
      set.flow = observation.valueQuantity?.code === "L/min" ? observation.valueQuantity.value : undefined;
      break;
    case "air": set.onOxygen = false; break;
    default: break;
  }
}

const usable = (o) => o?.resourceType === "Observation" && o.status !== "entered-in-error" && o.status !== "cancelled";
const timeOf = (o) => Date.parse(o.effectiveDateTime ?? o.effectiveInstant ?? "");

/**
 * The Bundle's sets, oldest first: each NEWS2 total (SNOMED 1104051000000101) with the
 * Observations its `derivedFrom` names, timed by the total, scored on SpO2 Scale 1. Sets dated
 * more than 5 minutes after `now` are left out, as the widget leaves them off its chart.
 */
export function setsOf(bundle, now) {
  const byReference = new Map();
  const totals = [];
  for (const entry of bundle.entry ?? []) {
    const o = entry.resource;
    if (!usable(o)) continue;
    byReference.set(`Observation/${o.id}`, o);
    if (entry.fullUrl) byReference.set(entry.fullUrl, o);
    if (o.code?.coding?.some((c) => c.system === SNOMED && c.code === NEWS2_TOTAL)) totals.push(o);
  }
  const sets = [];
  for (const total of totals) {
    const at = timeOf(total);
    if (!(at <= now + 5 * 60_000)) continue;
    const set = { at, by: total.performer?.find((p) => p.display)?.display };
    for (const ref of total.derivedFrom ?? []) {
      const o = byReference.get(ref.reference);
      if (o) read(o, set);
    }
    set.score = score({ ...set, spo2Scale: 1 });
    sets.push(set);
  }
  return sets.sort((a, b) => a.at - b.at);
}

// --- The chart: the widget's option (src/chart_option/), panel by panel ------------------------

const INK = "#1b1b1f";
const DENSE_INK = "#8a8a96";
const TEXT_PX = 12;
const [TOP, TITLE, GAP, BOTTOM, LEFT, RIGHT] = [8, 22, 6, 104, 64, 24];
const BAND_COLOUR = { 1: "rgba(255, 228, 92, 0.55)", 2: "rgba(245, 158, 66, 0.55)", 3: "rgba(200, 16, 46, 0.40)" };
const SHAPE = ["circle", "rect", "diamond", "triangle"];
const RISK_RANK = { low: 0, "low-medium": 1, medium: 2, high: 3 };
const RISK_WORD = { low: "lav", "low-medium": "lav–middels", medium: "middels", high: "høy" };
const LEVEL = { A: "Våken", C: "Nyoppstått forvirring", V: "Reagerer på tiltale", P: "Reagerer på smerte", U: "Reagerer ikke" };

// Measured rows: field, title, unit, decimals, default axis range, Chart 1 row.
const MEASURED = {
  respiratoryRate: { title: "Respirasjonsfrekvens", unit: "/min", places: 0, range: [0, 40], score: chart1.respiratoryRate },
  spo2: { title: "SpO₂ Skala 1", unit: "%", places: 0, range: [70, 100], score: chart1.spo2Scale1 },
  systolicBp: { title: "Systolisk blodtrykk", unit: "mmHg", places: 0, range: [60, 240], score: chart1.systolicBp },
  pulse: { title: "Puls", unit: "/min", places: 0, range: [30, 170], score: chart1.pulse },
  temperature: { title: "Temperatur", unit: "°C", places: 1, range: [34, 41], score: chart1.temperature },
};
const PANELS = ["respiratoryRate", "spo2", "onOxygen", "systolicBp", "pulse", "consciousness", "temperature", "total"];

const two = (n) => String(n).padStart(2, "0");
/** "10.02.2025 06:06" in the browser's time zone, as the widget writes a set's time. */
function when(ms) {
  const d = new Date(ms);
  return `${two(d.getDate())}.${two(d.getMonth() + 1)}.${d.getFullYear()} ${two(d.getHours())}:${two(d.getMinutes())}`;
}
const decimal = (v) => String(v).replace(".", ",");

/** Runs of one non-zero sub-score over the axis's charted values, edges half a step outside. */
function bands(lowest, highest, places, scoreOf) {
  const scale = 10 ** places;
  const edge = (v) => (2 * v - 1) / (2 * scale);
  const found = [];
  for (let start = lowest; start <= highest;) {
    const s = scoreOf(start / scale);
    let end = start;
    while (end < highest && scoreOf((end + 1) / scale) === s) end += 1;
    if (s !== 0) found.push([s, Math.max(edge(start), lowest / scale), Math.min(edge(end + 1), highest / scale)]);
    start = end + 1;
  }
  return found;
}

/** The ECharts option of the widget's chart for `sets` at `now`, `widthPx` wide, in bokmål. */
export function chartOption(sets, { now, widthPx }) {
  const plot = Math.max(widthPx - LEFT - RIGHT, 80);
  const rowHeight = Math.min(Math.max(Math.floor(plot / 7), 64), 96);
  const timeLabels = Math.min(Math.max(Math.floor(plot / 110), 2), 10);
  // The widget opens on the last 72 hours; the axis spans every set.
  const zoomStart = now - 72 * 3_600_000;
  const axisStart = Math.min(sets[0]?.at ?? zoomStart, zoomStart);
  const axisEnd = Math.max(sets.at(-1)?.at ?? now, now);
  const inView = sets.filter((s) => s.at >= zoomStart).length;
  const perSet = plot / Math.max(inView, 1);
  const density = perSet >= 14 ? "roomy" : perSet >= 5 ? "crowded" : "dense";
  const nowIso = new Date(now).toISOString().replace(".000Z", "Z");

  /** A data item: value, tooltip text, symbol by score, and a label only where there is room
   *  or the point must never be missed (a 3, a medium or high total). */
  const item = (at, value, text, rank, label, always) => {
    const point = { value: [at, value], name: text, symbol: SHAPE[rank],
      label: label && (always || density === "roomy") ? { show: true, formatter: label } : { show: false } };
    if (!always && density !== "roomy") point.symbolSize = density === "crowded" ? 5 : 2;
    if (!always && density === "dense") point.itemStyle = { color: DENSE_INK };
    return point;
  };
  const tail = (set) => `\nRegistrert av: ${set.by ?? "Kilde ukjent"}`;
  const subItem = (set, field, value, said) => {
    const s = set.score.subScores[field];
    return item(set.at, value, `${when(set.at)}\n${said}\nDelskår: ${s}${tail(set)}`, s, s ? String(s) : null, s >= 3);
  };

  const option = {
    animation: false,
    title: { text: "NEWS2 © Royal College of Physicians 2017", right: RIGHT, bottom: 2, textStyle: { fontSize: TEXT_PX, color: "#555" } },
    tooltip: { trigger: "item", formatter: "{b}", renderMode: "richText" },
    grid: [], xAxis: [], yAxis: [], series: [],
    aria: { enabled: true, label: { enabled: true, description: `NEWS2-observasjonskurve med ${sets.length} målesett: én rad per parameter og totalskåren over tid. Tabellen over målinger viser de samme verdiene.` } },
  };
  let top = TOP;
  PANELS.forEach((panel, index) => {
    const height = panel === "onOxygen" ? 36 : panel === "consciousness" ? 76 : rowHeight;
    top += TITLE;
    option.grid.push({ left: LEFT, right: RIGHT, top, height });
    top += height + GAP;
    const last = index === PANELS.length - 1;
    option.xAxis.push({
      type: "time", gridIndex: index, min: axisStart, max: axisEnd, splitNumber: timeLabels,
      axisLabel: { show: last, fontSize: TEXT_PX, formatter: "{dd}.{MM}.\n{HH}:{mm}", lineHeight: 15, hideOverlap: true },
      axisTick: { show: last }, axisLine: { onZero: false },
      splitLine: { show: true, lineStyle: { color: "#e4e4e7" } },
    });
    const titled = (axis, name) => ({ ...axis, gridIndex: index, name, nameLocation: "end", nameGap: 6,
      nameTextStyle: { color: INK, fontSize: TEXT_PX, align: "left" } });
    const valueAxis = (min, max) => ({ type: "value", gridIndex: index, min, max, splitNumber: 4,
      axisLabel: { fontSize: TEXT_PX }, splitLine: { show: true, lineStyle: { color: "#e4e4e7" } } });
    const yIndex = option.yAxis.length;
    let name;
    let data;
    let areas = [];
    if (panel === "onOxygen" || panel === "consciousness") {
      // A hidden value axis with category i at i, so a band covers whole rows, and a category
      // axis beside it for the rows' names (as the widget does).
      const labels = panel === "onOxygen" ? ["Romluft", "O₂"] : ["A", "C", "V", "P", "U"];
      name = panel === "onOxygen" ? "Romluft eller oksygen" : "Bevissthetsnivå";
      option.yAxis.push({ ...valueAxis(-0.5, labels.length - 0.5), show: false });
      option.yAxis.push(titled({ type: "category", position: "left", data: labels, boundaryGap: true,
        axisTick: { show: false }, axisLine: { show: false }, axisLabel: { fontSize: TEXT_PX } }, name));
      areas = [[panel === "onOxygen" ? 2 : 3, 0.5, labels.length - 0.5]];
      data = sets.map((set) => {
        if (panel === "onOxygen") {
          if (set.onOxygen === undefined) return [set.at, null];
          const said = set.onOxygen ? `Oksygen${set.flow !== undefined ? `, ${decimal(set.flow)} l/min` : ""}` : "Romluft";
          return subItem(set, "airOrOxygen", set.onOxygen ? 1 : 0, `${name}: ${said}`);
        }
        if (set.consciousness === undefined) return [set.at, null];
        const letter = set.consciousness;
        return subItem(set, "consciousness", labels.indexOf(letter), `${name}: ${letter} (${LEVEL[letter]})`);
      });
    } else if (panel === "total") {
      name = "NEWS2 totalskår";
      option.yAxis.push(titled({ ...valueAxis(0, 20), interval: 5 }, name));
      data = sets.map((set) => {
        const { total, risk } = set.score;
        if (total === null) return [set.at, null];
        return item(set.at, total, `${when(set.at)}\nNEWS2: ${total}\nKlinisk risiko: ${RISK_WORD[risk]}${tail(set)}`,
          RISK_RANK[risk], total > 0 ? String(total) : null, RISK_RANK[risk] >= 2);
      });
    } else {
      const row = MEASURED[panel];
      const scale = 10 ** row.places;
      // The default range, widened to every charted value; the bands from Chart 1 over it.
      let [lowest, highest] = row.range.map((v) => Math.round(v * scale));
      for (const set of sets) {
        if (set[panel] === undefined) continue;
        const v = Math.round(charted(set[panel], row.places) * scale);
        lowest = Math.min(lowest, v);
        highest = Math.max(highest, v);
      }
      name = `${row.title} (${row.unit})`;
      option.yAxis.push(titled(valueAxis(lowest / scale, highest / scale), name));
      areas = bands(lowest, highest, row.places, row.score);
      data = sets.map((set) => {
        const raw = set[panel];
        if (raw === undefined) return [set.at, null];
        const value = charted(raw, row.places);
        const rounded = value !== raw ? ` (avrundet til ${decimal(value)} ${row.unit})` : "";
        return subItem(set, panel, value, `${row.title}: ${decimal(raw)} ${row.unit}${rounded}`);
      });
    }
    const lines = [{ xAxis: nowIso, label: index === 0 ? { show: true, formatter: "nå" } : { show: false } }];
    if (panel === "total") for (const t of [5, 7]) lines.push({ yAxis: t, label: { show: true, formatter: String(t) } });
    option.series.push({
      type: "line", name, xAxisIndex: index, yAxisIndex: yIndex, connectNulls: false, showSymbol: true,
      symbolSize: 9, itemStyle: { color: INK }, data,
      lineStyle: density === "dense" ? { color: DENSE_INK, width: 0.75 } : { color: INK, width: 1.5 },
      label: { position: "top", color: INK, fontSize: TEXT_PX },
      markArea: {
        silent: true, label: { show: true, position: "insideLeft", color: INK, fontSize: TEXT_PX },
        data: areas.map(([s, from, to]) => [{ name: String(s), yAxis: from, itemStyle: { color: BAND_COLOUR[s] } }, { yAxis: to }]),
      },
      markLine: { silent: true, symbol: ["none", "none"], lineStyle: { color: INK, type: "dashed" }, data: lines },
    });
  });
  const zoom = { xAxisIndex: PANELS.map((_, i) => i), startValue: zoomStart, endValue: now, filterMode: "none" };
  option.dataZoom = [
    { type: "inside", ...zoom },
    { type: "slider", ...zoom, bottom: 22, left: LEFT, right: RIGHT, height: 32, brushSelect: false,
      handleIcon: "path://M0,0H24V32H0Z", handleSize: "100%", textStyle: { fontSize: TEXT_PX } },
  ];
  return option;
}

/** The chart's height for a width: 8 panels with their titles and gaps, and the bottom axis. */
function heightFor(widthPx) {
  const plot = Math.max(widthPx - LEFT - RIGHT, 80);
  const row = Math.min(Math.max(Math.floor(plot / 7), 64), 96);
  return TOP + 8 * TITLE + 6 * row + 36 + 76 + 7 * GAP + BOTTOM;
}

// --- The page ---------------------------------------------------------------------------------

/**
 * Draws the chart of the Bundle at `src` into a new element `width` px wide. The marks are the
 * benchmark's: `bench:request` (its time origin, as for the widget), then the data in hand, the
 * sets scored and the chart drawn.
 */
export async function run({ src, now, echartsUrl, width }) {
  const container = document.createElement("div");
  // Laid out for whole steps of 16 px, as the widget lays out its chart.
  const widthPx = Math.floor(width / 16) * 16;
  container.style.width = `${width}px`;
  container.style.height = `${heightFor(widthPx)}px`;
  document.body.append(container);
  performance.mark("bench:request");
  // ECharts is fetched alongside the data (the widget imports it once the data is in).
  const [text, echarts] = await Promise.all([
    fetch(src).then(async (r) => {
      if (!r.ok) throw new Error(`${src}: HTTP ${r.status}`);
      const body = await r.text();
      performance.mark("baseline:data-in-hand");
      return body;
    }),
    import(echartsUrl),
  ]);
  const sets = setsOf(JSON.parse(text), now);
  performance.mark("baseline:scored");
  const chart = echarts.init(container, null, { renderer: "canvas" });
  chart.setOption(chartOption(sets, { now, widthPx }), { notMerge: true });
  performance.mark("baseline:chart-drawn");
  // For benches/views.mjs's comparison of the two charts (after the timing).
  window.benchCharts = [chart];
}
