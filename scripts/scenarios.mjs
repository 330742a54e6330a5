// The demo page's scenarios: FHIR R4 searchset Bundles of made-up patients, written into
// public/scenarios/ (or the directory after --out), with index.json listing them.
//
//   node scripts/scenarios.mjs [--out <dir>]
//
// Node 20, no npm packages. The output is the same on every run (fixed times, a seeded
// pseudo-random generator, no clock or locale read), so the committed files can be checked
// against a fresh run (tests/scenarios.rs). generated/year.json is several MB and is not
// committed (.gitignore): the demo needs this script run before it can offer that scenario.
//
// Codes and shapes as in ../shared/news2/README.md, section 5, and tests/data/fhir/. No patient
// identifier appears anywhere: every patient is a literal `Patient/<id>` of a made-up id, and no
// Patient resource is included (the reader reports any entry that is not an Observation or an
// escalation response, a Communication).

import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SNOMED = 'http://snomed.info/sct';
const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';
const CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
const BASE = 'https://fhir.kommune.example/fhir';
// DIPS sends ACVPU in its own code system, whose URL varies between installations (the reader
// matches the codes alone); this one is made up.
const DIPS_ACVPU = 'https://dips.example/fhir/CodeSystem/acvpu';
const UK_CORE = 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-Observation-';
const HOUR = 3600_000;
const MINUTE = 60_000;

// ---------------------------------------------------------------------------------------------
// NEWS2 (RCP 2017, Chart 1), to write the sub-scores a source states and to check that each
// scenario shows what it is meant to. The widget's own engine is checked against these files in
// tests/scenarios.rs, not the other way round. Values here are already at chart resolution.

const scorers = {
  rr: (v) => (v <= 8 ? 3 : v <= 11 ? 1 : v <= 20 ? 0 : v <= 24 ? 2 : 3),
  spo2: (v, set) => {
    if (!set.scale2) return v <= 91 ? 3 : v <= 93 ? 2 : v <= 95 ? 1 : 0;
    if (v <= 83) return 3;
    if (v <= 85) return 2;
    if (v <= 87) return 1;
    if (v <= 92 || !set.o2) return 0;
    return v <= 94 ? 1 : v <= 96 ? 2 : 3;
  },
  o2: (v) => (v ? 2 : 0),
  sbp: (v) => (v <= 90 ? 3 : v <= 100 ? 2 : v <= 110 ? 1 : v <= 219 ? 0 : 3),
  pulse: (v) => (v <= 40 ? 3 : v <= 50 ? 1 : v <= 90 ? 0 : v <= 110 ? 1 : v <= 130 ? 2 : 3),
  acvpu: (v) => (v === 'A' ? 0 : 3),
  temp: (v) => (v <= 35 ? 3 : v <= 36 ? 1 : v <= 38 ? 0 : v <= 39 ? 1 : 2),
};
const PARAMETERS = Object.keys(scorers);

/** The sub-scores of the parameters a set has (`o2` is 0 for room air, else the flow). */
function subScores(set) {
  const scores = {};
  for (const p of PARAMETERS) if (set[p] !== undefined) scores[p] = scorers[p](set[p], set);
  return scores;
}

function total(set) {
  return Object.values(subScores(set)).reduce((a, b) => a + b, 0);
}

/** The escalation level the engine decides for a complete latest set, by its public name. */
function levelOf(set) {
  const scores = Object.values(subScores(set));
  const sum = scores.reduce((a, b) => a + b, 0);
  if (sum >= 7) return 'high';
  if (sum >= 5) return 'medium';
  if (scores.includes(3)) return 'low-medium';
  return sum === 0 ? 'none' : 'information';
}

function check(condition, message) {
  if (!condition) throw new Error(`scenario check failed: ${message}`);
}

// ---------------------------------------------------------------------------------------------
// Time: sets are placed in UTC and written with the Norwegian offset of the moment, as a
// Norwegian server writes them (+01:00, +02:00 in summer time: from the last Sunday of March to
// the last Sunday of October, 01:00 UTC).

function lastSundayUtc(year, month) {
  const last = new Date(Date.UTC(year, month + 1, 0, 1));
  return last.getTime() - last.getUTCDay() * 24 * HOUR;
}

function osloOffsetHours(ms) {
  const year = new Date(ms).getUTCFullYear();
  return ms >= lastSundayUtc(year, 2) && ms < lastSundayUtc(year, 9) ? 2 : 1;
}

function fhirTime(ms) {
  const offset = osloOffsetHours(ms);
  const local = new Date(ms + offset * HOUR).toISOString().slice(0, 19);
  return `${local}+0${offset}:00`;
}

function utcTime(ms) {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** Milliseconds of a local Norwegian wall-clock time given in winter (+01:00). */
function winter(text) {
  return Date.parse(`${text}+01:00`);
}

// ---------------------------------------------------------------------------------------------
// Seeded pseudo-random numbers (mulberry32) and name-based identifiers.

function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function between(next, low, high) {
  return low + Math.floor(next() * (high - low + 1));
}

/** A name-based UUID (version 5 layout over SHA-1), the same for the same name on every run. */
function uuid(name) {
  const h = createHash('sha1').update(`news2-widget scenarios/${name}`).digest('hex');
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

// ---------------------------------------------------------------------------------------------
// Observations.

function quantity(value, unit, code) {
  return { value, unit, system: UCUM, code };
}

function score(value) {
  return quantity(value, 'ScoreOf', '{ScoreOf}');
}

function coding(system, code, display) {
  return { system, code, display };
}

const ACVPU_SNOMED = {
  A: coding(SNOMED, '248234008', 'Mentally alert'),
  C: coding(SNOMED, '130987000', 'Acute confusion'),
  V: coding(SNOMED, '300202002', 'Responds to voice'),
  P: coding(SNOMED, '450847001', 'Responds to pain'),
  U: coding(SNOMED, '422768004', 'Unresponsive'),
};
const ACVPU_DIPS = {
  A: coding(DIPS_ACVPU, 'D0005', 'Våken'),
  C: coding(DIPS_ACVPU, 'D0012', 'Nyoppstått forvirring'),
  V: coding(DIPS_ACVPU, 'D0006', 'Reagerer på tiltale'),
  P: coding(DIPS_ACVPU, 'D0007', 'Reagerer på smerte'),
  U: coding(DIPS_ACVPU, 'D0008', 'Reagerer ikke'),
};

// Sub-score codes, with the band text a Norwegian source writes. Their long SNOMED displays are
// left out, as the components-only example does, to keep the files small.
const SUB_SCORE = {
  rr: ['1104301000000104', 'Respirasjonsfrekvens'],
  spo2: ['1104311000000102', 'SpO₂ Skala 1'],
  spo2Scale2: ['1104321000000108', 'SpO₂ Skala 2'],
  o2: ['1104331000000105', 'Romluft eller oksygen'],
  sbp: ['1104341000000101', 'Systolisk blodtrykk'],
  pulse: ['1104351000000103', 'Puls'],
  acvpu: ['1104361000000100', 'Bevissthetsnivå'],
  temp: ['1104371000000107', 'Temperatur'],
};

/**
 * The vital-sign Observations of one set. `style` is 'ukCore'
 * (SNOMED and LOINC codes, UK Core profiles, all at the set's time) or 'norwegian' (LOINC codes
 * as NHN's Pasientens måledata stores them, DIPS's ACVPU codes, each entered a minute or two
 * after the one before, as a nurse types them in at the bedside).
 */
function vitalSigns(scenario, set, style) {
  const uk = style === 'ukCore';
  const stamp = fhirTime(set.at).slice(0, 16).replace(/[-:]/g, '');
  const made = [];
  const add = (kind, profile, minutes, codings, value) => {
    const id = `${kind}-${stamp}`;
    made.push({
      resourceType: 'Observation',
      id,
      ...(uk ? { meta: { profile: [UK_CORE + profile] } } : {}),
      identifier: [{ system: 'urn:ietf:rfc:3986', value: `urn:uuid:${uuid(`${scenario.id}/${id}`)}` }],
      status: 'final',
      category: [
        {
          coding: [
            kind === 'acvpu'
              ? coding(CATEGORY, 'survey', 'Survey')
              : coding(CATEGORY, 'vital-signs', 'Vital Signs'),
          ],
        },
      ],
      code: { coding: codings },
      subject: { reference: `Patient/${scenario.patient}` },
      effectiveDateTime: fhirTime(set.at + (uk ? 0 : minutes) * MINUTE),
      performer: performer(set.by),
      ...value,
    });
  };
  const snomed = (...codings) => (uk ? codings : []);
  if (set.rr !== undefined) {
    add('resp', 'VitalSigns-RespirationRate', 0, [...snomed(coding(SNOMED, '86290005', 'Respiratory rate')), coding(LOINC, '9279-1', 'Respiratory rate')], {
      valueQuantity: quantity(set.rr, 'per minute', '/min'),
    });
  }
  if (set.spo2 !== undefined) {
    add(
      'spo2',
      'VitalSigns-OxygenSaturation',
      1,
      [
        uk ? coding(SNOMED, '431314004', 'Peripheral oxygen saturation') : coding(LOINC, '59408-5', 'Oxygen saturation in Arterial blood by Pulse oximetry'),
        coding(LOINC, '2708-6', 'Oxygen saturation in Arterial blood'),
      ],
      { valueQuantity: quantity(set.spo2, 'percent', '%') },
    );
  }
  if (set.o2 !== undefined) {
    if (set.o2) {
      add('o2', 'InspiredOxygen', 1, [coding(SNOMED, '371825009', 'Patient on oxygen')], {
        valueQuantity: quantity(set.o2, 'litre per minute', 'L/min'),
      });
    } else {
      add('o2', 'InspiredOxygen', 1, [coding(SNOMED, '722742002', 'Breathing room air')], {});
    }
  }
  if (set.sbp !== undefined) {
    const pressure = (code, display, value) => ({
      code: { coding: [coding(LOINC, code, display)] },
      valueQuantity: quantity(value, 'millimeter of mercury', 'mm[Hg]'),
    });
    add('bp', 'VitalSigns-BloodPressure', 2, [...snomed(coding(SNOMED, '75367002', 'Blood pressure')), coding(LOINC, '85354-9', 'Blood pressure panel with all children optional')], {
      component: [pressure('8480-6', 'Systolic blood pressure', set.sbp), pressure('8462-4', 'Diastolic blood pressure', set.dbp)],
    });
  }
  if (set.pulse !== undefined) {
    add('pulse', 'VitalSigns-HeartRate', 2, [...snomed(coding(SNOMED, '78564009', 'Pulse rate')), coding(LOINC, '8867-4', 'Heart rate')], {
      valueQuantity: quantity(set.pulse, 'per minute', '/min'),
    });
  }
  if (set.acvpu !== undefined) {
    add('acvpu', 'ACVPU', 3, [coding(SNOMED, '1104441000000107', 'ACVPU (Alert Confusion Voice Pain Unresponsive) scale score')], {
      valueCodeableConcept: { coding: [(scenario.dipsAcvpu ? ACVPU_DIPS : ACVPU_SNOMED)[set.acvpu]] },
    });
  }
  if (set.temp !== undefined) {
    add('temp', 'VitalSigns-BodyTemperature', 3, [coding(LOINC, '8310-5', 'Body temperature')], {
      valueQuantity: quantity(set.temp, 'degree Celsius', 'Cel'),
    });
  }
  return made;
}

function performer(name) {
  return [{ reference: `Practitioner/${uuid(`practitioner/${name}`)}`, display: name }];
}

/**
 * A NEWS2 total with sub-score components. `stated` overrides the computed sub-scores (a source
 * that scores wrongly) and `statedTotal` the sum; `derivedFrom` is given in the UK Core shape
 * only. `minutes` after the set's first value is when it was saved.
 */
function news2Total(scenario, set, { derivedFrom, stated = {}, statedTotal, minutes = 0, bandText }) {
  const scores = { ...subScores(set), ...stated };
  const sum = statedTotal ?? Object.values(scores).reduce((a, b) => a + b, 0);
  const id = `news2-${fhirTime(set.at).slice(0, 16).replace(/[-:]/g, '')}`;
  return {
    resourceType: 'Observation',
    id,
    ...(derivedFrom ? { meta: { profile: [`${UK_CORE}EarlyWarningTotalScore`] } } : {}),
    identifier: [{ system: 'urn:ietf:rfc:3986', value: `urn:uuid:${uuid(`${scenario.id}/${id}`)}` }],
    status: 'final',
    category: [{ coding: [coding(CATEGORY, 'survey', 'Survey')] }],
    code: { coding: [coding(SNOMED, '1104051000000101', 'Royal College of Physicians NEWS2 (National Early Warning Score 2) total score')] },
    subject: { reference: `Patient/${scenario.patient}` },
    effectiveDateTime: fhirTime(set.at + minutes * MINUTE),
    performer: performer(set.by),
    valueQuantity: score(sum),
    ...(derivedFrom ? { derivedFrom: derivedFrom.map((r) => ({ reference: `Observation/${r.id}` })) } : {}),
    component: PARAMETERS.filter((p) => scores[p] !== undefined).map((p) => {
      const [code, norsk] = SUB_SCORE[p === 'spo2' && set.scale2 ? 'spo2Scale2' : p];
      return {
        code: { coding: [{ system: SNOMED, code }] },
        valueQuantity: score(scores[p]),
        ...(bandText ? { interpretation: [{ text: `${norsk}: ${scores[p]}` }] } : {}),
      };
    }),
  };
}

function entry(resource, mode) {
  return { fullUrl: `${BASE}/Observation/${resource.id}`, resource, search: { mode } };
}

/** A searchset as a server answers the widget's search (newest first). */
function bundle(scenario, entries, now, include) {
  const codes = include ? `${SNOMED}%7C1104051000000101&_include=Observation:derived-from` : 'vital-signs';
  const search = include ? `code=${codes}` : `category=${codes}`;
  return {
    resourceType: 'Bundle',
    id: `scenario-${scenario.id}`,
    meta: { lastUpdated: fhirTime(now) },
    type: 'searchset',
    total: entries.filter((e) => e.search.mode === 'match').length,
    link: [{ relation: 'self', url: `${BASE}/Observation?subject=Patient/${scenario.patient}&${search}&_sort=-date` }],
    entry: entries,
  };
}

/** UK Core: each set a total with components and derivedFrom, its vital signs included. */
function ukCoreBundle(scenario, sets, now) {
  const entries = [];
  for (const set of [...sets].reverse()) {
    const vitals = vitalSigns(scenario, set, 'ukCore');
    entries.push(entry(news2Total(scenario, set, { derivedFrom: vitals }), 'match'));
    for (const v of vitals) entries.push(entry(v, 'include'));
  }
  return bundle(scenario, entries, now, true);
}

// ---------------------------------------------------------------------------------------------
// The scenarios. A set is { at, by, rr, spo2, o2, sbp, dbp, pulse, acvpu, temp, scale2 }; a
// parameter left out was not measured.

const NURSES = ['Kari Nordmann', 'Ola Nordmann', 'Nina Eksempel', 'Per Testesen'];

/** Four days of sets morning, afternoon and evening in a nursing home, NEWS2 0–1. */
function stable() {
  const scenario = { id: 'stable', patient: 'demo-stabil' };
  const next = random(1);
  const sets = [];
  for (let day = 0; day < 4; day++) {
    for (const [i, hour] of [8, 14, 20].entries()) {
      sets.push({
        at: winter(`2026-02-0${6 + day}T${String(hour).padStart(2, '0')}:00:00`) + between(next, 0, 12) * MINUTE,
        by: NURSES[(day + i) % NURSES.length],
        rr: between(next, 14, 18),
        spo2: between(next, 95, 98),
        o2: 0,
        sbp: between(next, 118, 142),
        dbp: between(next, 68, 84),
        pulse: between(next, 62, 88),
        acvpu: 'A',
        temp: between(next, 364, 376) / 10,
      });
    }
  }
  check(sets.every((s) => total(s) <= 1), 'stable totals 0–1');
  const now = sets.at(-1).at + 30 * MINUTE;
  return { scenario, bundle: ukCoreBundle(scenario, sets, now), now, expect: levelOf(sets.at(-1)) };
}

/**
 * Sepsis over 48 hours, raw vital signs as Pasientens måledata stores them: 0 at the start, a
 * red respiration rate at 28 h, medium from 29 h, high from 44 h, new confusion at the end. Sets
 * come more often as the score rises, as Chart 4 asks.
 */
function deteriorating() {
  const scenario = { id: 'deteriorating', patient: 'demo-forverring' };
  const start = winter('2026-02-08T08:00:00');
  // hours, RR, SpO2, O2 L/min, SBP/DBP, pulse, ACVPU, temperature
  const table = [
    [0, 16, 97, 0, 132, 78, 78, 'A', 37.1],
    [6, 16, 97, 0, 130, 78, 80, 'A', 37.2],
    [12, 17, 96, 0, 128, 76, 84, 'A', 37.5],
    [20, 18, 96, 0, 126, 74, 88, 'A', 37.9],
    [24, 20, 95, 0, 124, 72, 92, 'A', 38.2],
    [28, 25, 96, 0, 122, 70, 90, 'A', 38.0],
    [29, 22, 95, 0, 120, 70, 94, 'A', 38.3],
    [30, 22, 95, 0, 118, 68, 96, 'A', 38.2],
    [32, 22, 94, 0, 116, 66, 100, 'A', 38.4],
    [34, 22, 94, 0, 114, 64, 102, 'A', 38.6],
    [36, 23, 94, 0, 112, 62, 104, 'A', 38.7],
    [38, 23, 94, 0, 110, 60, 106, 'A', 38.8],
    [40, 23, 94, 0, 108, 58, 108, 'A', 38.9],
    [42, 24, 94, 0, 106, 58, 110, 'A', 39.0],
    [44, 24, 94, 0, 104, 56, 112, 'A', 39.1],
    [46, 24, 93, 0, 102, 56, 114, 'A', 39.1],
    [47, 24, 95, 2, 100, 54, 116, 'A', 39.0],
    [48, 25, 94, 2, 98, 52, 118, 'C', 38.9],
  ];
  const sets = table.map(([h, rr, spo2, o2, sbp, dbp, pulse, acvpu, temp], i) => ({
    at: start + h * HOUR + (i % 3) * 2 * MINUTE,
    by: NURSES[Math.floor(h / 8) % NURSES.length],
    rr, spo2, o2, sbp, dbp, pulse, acvpu, temp,
  }));
  const totals = sets.map(total);
  check(totals[0] <= 1 && totals.at(-1) >= 7, 'deteriorating from 0–1 to high');
  check(sets.some((s) => Object.values(subScores(s)).includes(3) && total(s) <= 4), 'a red score on the way');
  const entries = [];
  for (const set of [...sets].reverse()) {
    for (const r of vitalSigns(scenario, set, 'norwegian')) entries.push(entry(r, 'match'));
  }
  // Who was told, as two services recorded it (issue 16): home care calls the legevakt when the
  // score first turns high (written as this widget writes it), and the legevakt's doctor calls
  // AMK after the last set (another system's Communication: no codes of ours, names only).
  const firstHigh = sets.find((s) => total(s) >= 7);
  check(firstHigh === sets[14], 'high from 44 h');
  const about = (set) => vitalSigns(scenario, set, 'norwegian').map((r) => ({ reference: `Observation/${r.id}` }));
  const responses = [
    {
      resourceType: 'Communication',
      id: 'response-hjemmetjenesten',
      contained: [{ resourceType: 'PractitionerRole', id: 'recipient', code: [{ coding: [{ system: 'urn:news2-widget:recipient', code: 'out-of-hours' }], text: 'Legevakten i Nordby' }] }],
      identifier: [{ system: 'urn:news2-widget:response', value: uuid(`${scenario.id}/response/home-care`) }],
      status: 'completed',
      category: [{ coding: [{ system: 'urn:news2-widget:communication-category', code: 'news2-escalation-response' }] }],
      medium: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationMode', code: 'PHONE', display: 'telephone' }] }],
      subject: { reference: `Patient/${scenario.patient}` },
      about: about(firstHigh),
      sent: fhirTime(firstHigh.at + 12 * MINUTE),
      sender: { display: `${firstHigh.by}, sykepleier, Hjemmetjenesten Nordby` },
      recipient: [{ reference: '#recipient', display: 'Legevakten i Nordby' }],
      reasonCode: [{ coding: [{ system: 'urn:news2-widget:risk', code: 'high' }] }],
      note: [{ text: 'Legevakten sender lege; ny måling om 30 min.' }],
    },
    {
      resourceType: 'Communication',
      id: 'legevakt-melding-118',
      status: 'completed',
      medium: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationMode', code: 'PHONE' }] }],
      subject: { reference: `Patient/${scenario.patient}` },
      about: about(sets.at(-1)),
      sent: fhirTime(sets.at(-1).at + 14 * MINUTE),
      sender: { display: 'Lege Anne Vik, Legevakten i Nordby' },
      recipient: [{ display: 'AMK Nordby' }],
      note: [{ text: 'Ambulanse bestilt, hastegrad akutt.' }],
    },
  ];
  for (const r of responses) entries.push({ fullUrl: `${BASE}/Communication/${r.id}`, resource: r, search: { mode: 'include' } });
  const now = sets.at(-1).at + 30 * MINUTE;
  return { scenario, bundle: bundle(scenario, entries, now, false), now, expect: levelOf(sets.at(-1)) };
}

/**
 * COPD with hypercapnic respiratory failure on oxygen, target 88–92 %: the source scores SpO2 on
 * Scale 2 and says so with the Scale 2 sub-score code. On Scale 1 each set at 88–92 % would be
 * at least medium (a 3 for SpO2 and 2 for oxygen).
 */
function copdScale2() {
  const scenario = { id: 'copd-scale2', patient: 'demo-kols' };
  const start = winter('2026-02-08T06:00:00');
  // hours, RR, SpO2, O2 L/min, SBP/DBP, pulse, temperature; at 6 h SpO2 93 on 2 L scores 1 and
  // the oxygen is turned down to 1 L.
  const table = [
    [0, 20, 90, 2, 136, 78, 88, 37.0],
    [6, 20, 93, 2, 132, 80, 90, 37.3],
    [12, 19, 91, 1, 130, 76, 86, 37.2],
    [18, 20, 89, 1, 128, 74, 84, 36.9],
    [24, 20, 88, 1, 134, 80, 92, 37.4],
    [30, 18, 90, 1, 130, 78, 82, 37.1],
    [36, 20, 91, 1, 126, 72, 86, 37.0],
    [42, 19, 90, 1, 132, 76, 80, 36.8],
  ];
  const sets = table.map(([h, rr, spo2, o2, sbp, dbp, pulse, temp], i) => ({
    at: start + h * HOUR + (i % 4) * 3 * MINUTE,
    by: NURSES[(i + 1) % NURSES.length],
    rr, spo2, o2, sbp, dbp, pulse, acvpu: 'A', temp,
    scale2: true,
  }));
  check(sets.every((s) => s.o2 > 0 && s.spo2 >= 88 && s.spo2 <= 93), 'on oxygen at 88–93 %');
  check(sets.every((s) => total(s) <= 4), 'low risk on Scale 2');
  check(
    sets.filter((s) => s.spo2 <= 92).every((s) => total({ ...s, scale2: false }) >= 5),
    'medium risk on Scale 1',
  );
  const now = sets.at(-1).at + 30 * MINUTE;
  // The documented decision the host passes to the widget, so that sets entered in the demo
  // are scored on Scale 2 too (the source's own Scale 2 scores only cover its sets).
  scenario.scale2 = { by: 'Lege Kari Lunde', at: utcTime(start - 2 * 24 * HOUR) };
  return { scenario, bundle: ukCoreBundle(scenario, sets, now), now, expect: levelOf(sets.at(-1)) };
}

/**
 * A Norwegian source (DIPS-like: totals with components and band text, no derivedFrom; raw vital
 * signs alongside, DIPS's ACVPU codes). One set lacks blood pressure and the source sends no
 * total for it; one total scores SpO2 95 as 3 (the error in a public DIPS example), so its total
 * is 4 where the values give 2; the latest set has no temperature, its respiration rate of 26
 * (a 3) was stated as 2, and whoever saved it has markup in their name, to be shown as text.
 */
function incompleteDisagreeing() {
  const scenario = { id: 'incomplete-disagreeing', patient: 'demo-ufullstendig', dipsAcvpu: true };
  const at = (text) => winter(`2026-02-${text}:00`);
  const markup = 'Ola <img src=x onerror=alert(1)> Nordmann';
  const sets = [
    { at: at('09T08:02'), by: 'Kari Nordmann', rr: 18, spo2: 96, o2: 0, sbp: 138, dbp: 82, pulse: 92, acvpu: 'A', temp: 37.2 },
    { at: at('09T14:05'), by: 'Nina Eksempel', rr: 19, spo2: 95, o2: 0, sbp: 134, dbp: 80, pulse: 92, acvpu: 'A', temp: 37.6 },
    { at: at('09T20:10'), by: 'Per Testesen', rr: 20, spo2: 96, o2: 0, pulse: 94, acvpu: 'A', temp: 37.9 },
    { at: at('10T08:04'), by: 'Kari Nordmann', rr: 20, spo2: 95, o2: 0, sbp: 128, dbp: 76, pulse: 96, acvpu: 'A', temp: 37.8 },
    { at: at('10T11:00'), by: markup, rr: 26, spo2: 96, o2: 0, sbp: 124, dbp: 74, pulse: 88, acvpu: 'A' },
  ];
  const totals = [
    {},
    { stated: { spo2: 3 } },
    null,
    {},
    { stated: { rr: 2 } },
  ];
  check(total(sets[1]) === 2, 'the disagreeing total is 2 from the values');
  check(subScores(sets[4]).rr === 3 && total(sets[4]) === 3, 'the latest set: a known 3, nothing else');
  const entries = [];
  for (const [i, set] of [...sets.entries()].reverse()) {
    if (totals[i]) entries.push(entry(news2Total(scenario, set, { ...totals[i], minutes: 4, bandText: true }), 'match'));
    for (const r of vitalSigns(scenario, set, 'norwegian')) entries.push(entry(r, 'match'));
  }
  const now = sets.at(-1).at + 30 * MINUTE;
  // The latest set is incomplete with a known 3: the engine's "incomplete, at least low–medium".
  return { scenario, bundle: bundle(scenario, entries, now, false), now, expect: 'incomplete-minimum' };
}

/**
 * A year in a nursing home, 4-hourly (2,190 sets), UK Core shape: small day-to-day variation
 * around a stable baseline and four infection episodes of four days each. `days` other than a
 * year is for benches/ (the same patient over a day or five years, the episodes again each year);
 * the first sets of any length are the year's own.
 */
function year(days = 365) {
  const scenario = { id: 'year', patient: 'demo-langtid' };
  const next = random(2025);
  const start = Date.parse('2025-02-10T05:00:00Z');
  const episodes = [310, 905, 1480, 1930];
  const sets = [];
  for (let i = 0; i < days * 6; i++) {
    const into = episodes.map((e) => (i % 2190) - e).find((d) => d >= 0 && d < 24);
    // 0 outside an episode, rising to 1 at its middle and back.
    const s = into === undefined ? 0 : 1 - Math.abs(into - 12) / 12;
    const spo2 = Math.round(between(next, 94, 98) - 5 * s);
    sets.push({
      at: start + i * 4 * HOUR + between(next, 0, 9) * MINUTE,
      by: NURSES[Math.floor(i / 3) % NURSES.length],
      rr: Math.round(between(next, 14, 18) + 8 * s),
      spo2,
      o2: spo2 < 92 ? 2 : 0,
      sbp: Math.round(between(next, 118, 146) - 22 * s),
      dbp: Math.round(between(next, 66, 86) - 12 * s),
      pulse: Math.round(between(next, 62, 86) + 30 * s),
      acvpu: 'A',
      temp: Math.round(between(next, 363, 375) + 20 * s) / 10,
    });
  }
  const now = sets.at(-1).at + 30 * MINUTE;
  return { scenario, bundle: ukCoreBundle(scenario, sets, now), now, expect: levelOf(sets.at(-1)) };
}

// The demo's texts: bokmål, nynorsk, English.
// Where a set came from, as a service writes it: typed performer references (person, role,
// organisation with its organisation number), the kind of service as a tag in the widget's own
// code system, and the recording system as meta.source. Organisation numbers are made up.
const SERVICE_KIND = 'urn:news2-widget:service-kind';
const ORGANISATION_NUMBER = 'urn:oid:2.16.578.1.12.4.1.4.101';
const SERVICES = {
  homeCare: { kind: 'home-care', organisation: 'Bergen kommune, hjemmesykepleien Årstad', number: '900000001', system: 'urn:example:gerica', person: 'Kari Nordmann', role: 'Sykepleier' },
  nursingHome: { kind: 'nursing-home', organisation: 'Årstad helsehus, korttidsavdeling', number: '900000002', system: 'urn:example:cosdoc', person: 'Ola Nordmann', role: 'Sykepleier' },
  outOfHours: { kind: 'out-of-hours', organisation: 'Bergen legevakt', number: '900000003', system: 'urn:example:infodoc', person: 'Nina Eksempel', role: 'Sykepleier' },
  gp: { kind: 'general-practice', organisation: 'Fjellsiden legekontor', number: '900000004', system: 'urn:example:cgm', person: 'Lise Berg', role: 'Fastlege' },
};

function signed(resource, service) {
  return {
    ...resource,
    meta: { ...(resource.meta ?? {}), source: service.system, tag: [{ system: SERVICE_KIND, code: service.kind }] },
    performer: [
      { reference: `Practitioner/${uuid(`practitioner/${service.person}`)}`, type: 'Practitioner', display: service.person },
      { type: 'PractitionerRole', display: service.role },
      { type: 'Organization', identifier: { system: ORGANISATION_NUMBER, value: service.number }, display: service.organisation },
    ],
  };
}

/**
 * PMD's R5 shape: the time as effectiveInstant, status registered, the patient by identifier
 * only. The identifier is a synthetic test number (month + 80, failing the checksum): never a
 * real person's.
 */
function pmdShaped(resource) {
  const { effectiveDateTime, subject: _, ...rest } = resource;
  return {
    ...rest,
    status: 'registered',
    subject: { identifier: { system: 'urn:oid:2.16.578.1.12.4.1.4.1', value: '13896900000' } },
    effectiveInstant: effectiveDateTime,
  };
}

/**
 * Shared across services: one patient over three days, measured by home care, a nursing home's
 * short-term ward, the legevakt and the GP, each from its own system. One home-care round is
 * also copied by the nursing home's record under its own ids (shown once, both sources named);
 * the legevakt's sets are in PMD's R5 shape.
 */
function sharedServices() {
  const scenario = { id: 'shared-services', patient: 'demo-delt' };
  const start = winter('2026-03-02T08:00:00');
  // hours, service, RR, SpO2, O2 L/min, SBP/DBP, pulse, ACVPU, temperature
  const table = [
    [0, 'homeCare', 16, 97, 0, 134, 80, 76, 'A', 37.0],
    [10, 'homeCare', 17, 96, 0, 130, 78, 82, 'A', 37.4],
    [24, 'nursingHome', 18, 96, 0, 126, 76, 88, 'A', 37.9],
    [30, 'nursingHome', 20, 95, 0, 122, 74, 94, 'A', 38.3],
    [36, 'outOfHours', 22, 95, 0, 116, 70, 102, 'A', 38.6],
    [38, 'outOfHours', 22, 94, 0, 112, 68, 106, 'A', 38.8],
    [50, 'gp', 21, 95, 0, 118, 70, 98, 'A', 38.2],
    [58, 'homeCare', 23, 94, 0, 108, 66, 108, 'A', 38.9],
  ];
  const sets = table.map(([h, service, rr, spo2, o2, sbp, dbp, pulse, acvpu, temp]) => ({
    at: start + h * HOUR,
    by: SERVICES[service].person,
    service,
    rr, spo2, o2, sbp, dbp, pulse, acvpu, temp,
  }));
  const entries = [];
  for (const set of [...sets].reverse()) {
    const service = SERVICES[set.service];
    if (set.service === 'homeCare') {
      // Home care's system writes UK Core: a total linking its seven values.
      const vitals = vitalSigns(scenario, set, 'ukCore').map((r) => signed(r, service));
      entries.push(entry(signed(news2Total(scenario, set, { derivedFrom: vitals }), service), 'match'));
      for (const v of vitals) entries.push(entry(v, 'include'));
    } else {
      for (const r of vitalSigns(scenario, set, 'norwegian')) {
        const made = signed(r, service);
        entries.push(entry(set.service === 'outOfHours' ? pmdShaped(made) : made, 'match'));
      }
    }
  }
  // The second home-care round, copied by the nursing home's record under its own ids: the same
  // values at the same moment, raw.
  const copied = sets[1];
  for (const r of vitalSigns({ ...scenario, id: 'shared-services-copy' }, copied, 'ukCore')) {
    const copy = signed({ ...r, id: `copy-${r.id}` }, SERVICES.nursingHome);
    entries.push(entry(copy, 'match'));
  }
  const totals = sets.map(total);
  check(totals[0] <= 1 && totals.at(-1) >= 5, 'shared-services rises from 0–1 to medium');
  check(new Set(sets.map((s) => s.service)).size === 4, 'four services');
  const now = sets.at(-1).at + 20 * MINUTE;
  return { scenario, bundle: bundle(scenario, entries, now, true), now, expect: levelOf(sets.at(-1)) };
}

const TEXTS = {
  stable: {
    title: { nb: 'Stabil pasient', nn: 'Stabil pasient', en: 'Stable patient' },
    description: {
      nb: 'Fire døgn på sykehjem med målinger morgen, ettermiddag og kveld, NEWS2 0–1. UK Core-format: totalskår med delskårer og de sju målingene den bygger på.',
      nn: 'Fire døgn på sjukeheim med målingar morgon, ettermiddag og kveld, NEWS2 0–1. UK Core-format: totalskår med delskårar og dei sju målingane han byggjer på.',
      en: 'Four days in a nursing home with sets morning, afternoon and evening, NEWS2 0–1. UK Core shape: total score with sub-scores and the seven measurements it is derived from.',
    },
  },
  deteriorating: {
    title: { nb: 'Pasient i forverring', nn: 'Pasient i forverring', en: 'Deteriorating patient' },
    description: {
      nb: 'Sepsislignende forløp over 48 timer: respirasjonsfrekvens og puls stiger, SpO₂ og blodtrykk faller, feberen øker, og til slutt kommer nyoppstått forvirring. NEWS2 går fra 0 til høy klinisk risiko, med skår 3 i én parameter underveis. Rå målinger slik Pasientens måledata (NHN) lagrer dem.',
      nn: 'Sepsisliknande forløp over 48 timar: respirasjonsfrekvens og puls stig, SpO₂ og blodtrykk fell, feberen aukar, og til slutt kjem nyoppstått forvirring. NEWS2 går frå 0 til høg klinisk risiko, med skår 3 i éin parameter undervegs. Rå målingar slik Pasientens måledata (NHN) lagrar dei.',
      en: 'A sepsis-like course over 48 hours: respiration rate and pulse rise, SpO₂ and blood pressure fall, the fever climbs, and at last new confusion. NEWS2 goes from 0 to high clinical risk, with a 3 in one parameter on the way. Raw measurements as NHN’s Pasientens måledata stores them.',
    },
  },
  'copd-scale2': {
    title: { nb: 'KOLS, SpO₂ Skala 2', nn: 'KOLS, SpO₂ Skala 2', en: 'COPD, SpO₂ Scale 2' },
    description: {
      nb: 'Pasient med hyperkapnisk respirasjonssvikt og forskrevet målmetning 88–92 %, med oksygentilførsel. Kilden skårer SpO₂ på Skala 2 og sier det med delskårkoden for Skala 2, så en metning på 88–92 % gir 0 poeng. På Skala 1 ville 88–92 % med oksygen alene gitt 5 poeng: middels klinisk risiko.',
      nn: 'Pasient med hyperkapnisk respirasjonssvikt og forskriven målmetting 88–92 %, med oksygentilførsel. Kjelda skårar SpO₂ på Skala 2 og seier det med delskårkoden for Skala 2, så ei metting på 88–92 % gir 0 poeng. På Skala 1 ville 88–92 % med oksygen åleine ha gitt 5 poeng: middels klinisk risiko.',
      en: 'A patient with hypercapnic respiratory failure and a prescribed target saturation of 88–92 %, on oxygen. The source scores SpO₂ on Scale 2 and says so with the Scale 2 sub-score code, so a saturation of 88–92 % scores 0. On Scale 1, 88–92 % on oxygen alone would score 5: medium clinical risk.',
    },
  },
  'incomplete-disagreeing': {
    title: {
      nb: 'Ufullstendige målinger og avvikende kildeskår',
      nn: 'Ufullstendige målingar og avvikande kjeldeskår',
      en: 'Incomplete sets and a disagreeing source',
    },
    description: {
      nb: 'Norsk kilde med totalskår og delskårer uten koblinger til målingene, og rå målinger ved siden av. Én måling mangler blodtrykk. I en annen har kilden gitt SpO₂ 95 % 3 poeng, så kildens NEWS2 er 4 der målingene gir 2. Den siste mangler temperatur, men respirasjonsfrekvens 26 gir allerede 3 poeng, der kilden har ført opp 2. Navnet på den som registrerte, inneholder HTML-kode, som skal vises som tekst.',
      nn: 'Norsk kjelde med totalskår og delskårar utan koplingar til målingane, og rå målingar ved sida av. Éi måling manglar blodtrykk. I ei anna har kjelda gitt SpO₂ 95 % 3 poeng, så NEWS2 frå kjelda er 4 der målingane gir 2. Den siste manglar temperatur, men respirasjonsfrekvens 26 gir alt 3 poeng, der kjelda har ført opp 2. Namnet på den som registrerte, inneheld HTML-kode, som skal visast som tekst.',
      en: 'A Norwegian source with totals and sub-scores that do not link to the measurements, and raw measurements alongside. One set lacks blood pressure. In another the source scored SpO₂ 95 % as 3, so its NEWS2 is 4 where the values give 2. The latest set has no temperature, but a respiration rate of 26 already scores 3, which the source wrote down as 2. The name of whoever recorded it contains HTML markup, to be shown as text.',
    },
  },
  'shared-services': {
    title: { nb: 'Delt mellom tjenester', nn: 'Delt mellom tenester', en: 'Shared across services' },
    description: {
      nb: 'Tre døgn der hjemmesykepleien, et helsehus (korttidsopphold), legevakten og fastlegen måler samme pasient, hver i sitt system. Hver måling viser hvem som målte og hvor. Én måling fra hjemmesykepleien er også kopiert inn av helsehusets journal med egne id-er: den vises én gang, med begge kildene. Legevaktens målinger er i formatet til Pasientens måledata (FHIR R5). NEWS2 stiger til middels klinisk risiko.',
      nn: 'Tre døgn der heimesjukepleia, eit helsehus (korttidsopphald), legevakta og fastlegen måler same pasient, kvar i sitt system. Kvar måling viser kven som målte og kvar. Éi måling frå heimesjukepleia er òg kopiert inn av journalen til helsehuset med eigne id-ar: ho blir vist éin gong, med begge kjeldene. Målingane frå legevakta er i formatet til Pasientens måledata (FHIR R5). NEWS2 stig til middels klinisk risiko.',
      en: 'Three days in which home care, a health centre (short-term stay), the legevakt and the GP measure the same patient, each in its own system. Each set shows who measured it and where. One home-care set is also copied in by the health centre’s record under its own ids: it is shown once, with both sources. The legevakt’s sets are in Pasientens måledata’s shape (FHIR R5). NEWS2 rises to medium clinical risk.',
    },
  },
  year: {
    title: { nb: 'Langtidsopphold: ett år', nn: 'Langtidsopphald: eitt år', en: 'Long stay: one year' },
    description: {
      nb: '2\u00a0190 målinger hver fjerde time gjennom et år på sykehjem, med fire infeksjonsepisoder. Lages av scripts/scenarios.mjs og sjekkes ikke inn.',
      nn: '2\u00a0190 målingar kvar fjerde time gjennom eitt år på sjukeheim, med fire infeksjonsepisodar. Blir laga av scripts/scenarios.mjs og blir ikkje sjekka inn.',
      en: '2,190 sets, 4-hourly through a year in a nursing home, with four infection episodes. Made by scripts/scenarios.mjs and not committed.',
    },
  },
};

// ---------------------------------------------------------------------------------------------

function outDir() {
  const args = process.argv.slice(2);
  const at = args.indexOf('--out');
  if (at >= 0) {
    if (!args[at + 1]) throw new Error('--out needs a directory');
    return resolve(args[at + 1]);
  }
  return resolve(dirname(fileURLToPath(import.meta.url)), '../public/scenarios');
}

const LEAN_OMITS = new Set(['display', 'unit', 'identifier', 'meta', 'category', 'performer']);

function lean(key, value) {
  return LEAN_OMITS.has(key) ? undefined : value;
}

/**
 * The year scenario over `days` days of 4-hourly sets, written as generated/year.json is, with
 * its clock: for the benchmarks (benches/views.mjs), which need the same Bundle at other sizes.
 */
export function yearScenario(days = 365) {
  const { bundle: b, now } = year(days);
  return { text: `${JSON.stringify(b, lean)}\n`, now: utcTime(now) };
}

// Run as a script, it writes the files; imported (by benches/), it only lends yearScenario.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) writeAll();

function writeAll() {
  const out = outDir();
  const made = [
    [stable(), 'stable.json'],
    [deteriorating(), 'deteriorating.json'],
    [copdScale2(), 'copd-scale2.json'],
    [incompleteDisagreeing(), 'incomplete-disagreeing.json'],
    [sharedServices(), 'shared-services.json'],
    [year(), 'generated/year.json'],
  ];
  const index = [];
  for (const [{ scenario, bundle: b, now, expect }, file] of made) {
    const path = join(out, file);
    mkdirSync(dirname(path), { recursive: true });
    // The committed files are indented to be read and diffed. The year is written compact and
    // without what only a reader of the file needs (displays, unit texts, identifiers, profiles,
    // categories, performers), so that it stays well under the reader's 16 MB page limit.
    const text = file.startsWith('generated/') ? JSON.stringify(b, lean) : JSON.stringify(b, null, 1);
    writeFileSync(path, `${text}\n`);
    index.push({
      id: scenario.id,
      file: `public/scenarios/${file}`,
      now: utcTime(now),
      ...TEXTS[scenario.id],
      expect,
      ...(scenario.scale2 ? { scale2: scenario.scale2 } : {}),
    });
  }
  writeFileSync(join(out, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
}
