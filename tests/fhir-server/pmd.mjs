// A PMD-like service for the widget's tests, under /pmd on the test server: what is known of
// NHN's Pasientens måledata (/work/shared/news2/pmd.md) enforced, so the widget is tested
// against its rules, not a lenient server's. Its own store, in memory; /__reset leaves it alone
// (tests run in parallel and each uses its own national identity numbers).
// - every request needs `Authorization: DPoP <token>` and a JWT-shaped `DPoP` header (else 401,
//   issue code `login`, naming what is missing);
// - read: `POST /pmd/Observation/_search` with a form body only (any GET is 405, another content
//   type 415), the patient by `patient.identifier` (`urn:oid:2.16.578.1.12.4.1.4.1|<11 digits>`,
//   or `…4.2` for a D-number) only; `code`, `date`, `_count`, `_sort`, `_id` and the paging token
//   `_getpages` are taken, anything else (`_include`, `subject`, `patient`) is 400, and so is a
//   search parameter in the URL (only `_getpages` may be there); answers in PMD's R5 shape
//   (`effectiveInstant`, the patient as `subject.identifier` only), newest first, paged with
//   opaque next links (`_getpages=<uuid>`) whose page is asked for by POST too (token in the
//   query or in the form); an unknown token is 410;
// - write: `POST /pmd/` (or `/pmd`) with a `collection` Bundle tagged with a four-digit
//   municipality number, a UUID Bundle identifier under NHN's system, a timestamp with a zone,
//   and only Observations that name the patient by identifier and carry an identifier of their
//   own; refused whole (400) otherwise; answered with a batch-response, `201 Created` per new
//   Observation; an Observation whose identifier is already stored for the patient, or a Bundle
//   identifier already accepted, creates nothing (`200 OK`: a resend after a lost answer);
//   `urn:uuid:` references in `derivedFrom` / `hasMember` are dropped (PMD does not resolve them);
// - faults `echo-next` (the search echoed in the next link) and `foreign-next` (a next link to
//   127.0.0.2) as on /fhir; the other faults are the server's;
// - test controls: `POST /__pmd/seed` ({ nationalId, resources } or { nationalId, bundle }) and
//   `GET /__pmd/observations?nationalId=…` (what is stored, to count writes).
import { randomUUID } from 'node:crypto';

const NATIONAL_ID_SYSTEMS = ['urn:oid:2.16.578.1.12.4.1.4.1', 'urn:oid:2.16.578.1.12.4.1.4.2'];
const MUNICIPALITY = 'https://register.geonorge.no/sosi-kodelister/inndelinger/inndelingsbase/kommunenummer';
const BUNDLE_IDENTIFIER = 'https://www.nhn.no/komlink/bundle-identifier';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;
const SEARCH_PARAMETERS = new Set(['patient.identifier', 'code', 'date', '_count', '_sort', '_id', '_getpages']);
const PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 500;

const patients = new Map(); // national id → Map(id → Observation)
const answers = new Map(); // accepted Bundle identifier → its batch-response entries
const pages = new Map(); // paging token → { query, offset }

function outcome(code, diagnostics) {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics }] };
}

function store(nationalId) {
  if (!patients.has(nationalId)) patients.set(nationalId, new Map());
  return patients.get(nationalId);
}

function isNationalId(identifier) {
  return NATIONAL_ID_SYSTEMS.includes(identifier?.system) && /^\d{11}$/.test(identifier?.value ?? '');
}

/** A D-number has 4–7 as its first digit. */
function subjectOf(nationalId) {
  const system = /^[4-7]/.test(nationalId) ? NATIONAL_ID_SYSTEMS[1] : NATIONAL_ID_SYSTEMS[0];
  return { identifier: { system, value: nationalId } };
}

/** The effective time as an R5 instant (a date alone is midnight UTC). */
function toInstant(dateTime) {
  if (INSTANT.test(dateTime)) return dateTime;
  const t = Date.parse(dateTime);
  return Number.isNaN(t) ? dateTime : new Date(t).toISOString();
}

function effectiveMs(o) {
  return Date.parse(o.effectiveInstant ?? o.effectivePeriod?.start ?? '');
}

/** As PMD returns it: R5 time, the patient by identifier only. */
function asPmd(o, nationalId) {
  const { effectiveDateTime, subject: _, ...rest } = o;
  return { ...rest, subject: subjectOf(nationalId), ...(effectiveDateTime ? { effectiveInstant: toInstant(effectiveDateTime) } : {}) };
}

function keep(nationalId, resource, meta = {}) {
  const id = resource.id ?? randomUUID();
  const o = asPmd({ ...resource, id }, nationalId);
  o.meta = { ...(o.meta ?? {}), versionId: '1', lastUpdated: new Date().toISOString(), ...meta };
  store(nationalId).set(id, o);
  return o;
}

/** Test control: Observations stored as PMD would return them, ids kept (per patient). */
export function seed({ nationalId, resources, bundle }) {
  if (!/^\d{11}$/.test(nationalId ?? '')) return [400, outcome('invalid', 'seed: nationalId must be 11 digits')];
  const list = bundle ? (bundle.entry ?? []).map((e) => e.resource) : resources ?? [];
  if (!Array.isArray(list) || list.some((r) => r?.resourceType !== 'Observation')) {
    return [400, outcome('invalid', 'seed: only Observations (resources: [...] or bundle.entry[].resource)')];
  }
  // A seeded versionId / lastUpdated is kept; the server's otherwise.
  for (const r of list) keep(nationalId, r, { ...(r.meta?.versionId ? { versionId: r.meta.versionId } : {}), ...(r.meta?.lastUpdated ? { lastUpdated: r.meta.lastUpdated } : {}) });
  return [200, { stored: list.length }];
}

/** Test control: what is stored for a patient. */
export function stored(nationalId) {
  return [...(patients.get(nationalId)?.values() ?? [])];
}

/** Why the request is refused (401), or null. */
function unauthorised(headers) {
  const missing = [];
  const parts = (headers.dpop ?? '').split('.');
  if (!(parts.length === 3 && parts.every((p) => /^[A-Za-z0-9_-]+$/.test(p)))) missing.push('a DPoP proof (a JWT-shaped DPoP header)');
  if (!/^DPoP +\S+/i.test(headers.authorization ?? '')) missing.push('Authorization: DPoP <token>');
  return missing.length ? `${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} required` : null;
}

/** A FHIR date(Time) search value as the range [start, end) it stands for, in ms; null if invalid. */
function dateRange(value) {
  const m = /^(\d{4})(?:-(\d\d)(?:-(\d\d)(?:T(\d\d):(\d\d)(?::(\d\d)(\.\d+)?)?(Z|[+-]\d\d:\d\d)?)?)?)?$/.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  if (!mo) return [Date.UTC(+y, 0, 1), Date.UTC(+y + 1, 0, 1)];
  if (!d) return [Date.UTC(+y, +mo - 1, 1), Date.UTC(+y, +mo, 1)];
  if (!h) {
    const start = Date.UTC(+y, +mo - 1, +d);
    return Number.isNaN(start) ? null : [start, start + 86400000];
  }
  // A time without a zone is taken as UTC.
  const start = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}${frac ?? ''}${zone ?? 'Z'}`);
  if (Number.isNaN(start)) return null;
  const step = frac ? 1 : s ? 1000 : 60000;
  return [start, start + step];
}

function matchesDate(t, prefix, [start, end]) {
  if (Number.isNaN(t)) return false;
  return { eq: t >= start && t < end, ge: t >= start, le: t < end, gt: t >= end, lt: t < start }[prefix];
}

function matchesCode(o, wanted) {
  return (o.code?.coding ?? []).some((c) => wanted.some((w) => (w.includes('|') ? w === `${c.system ?? ''}|${c.code}` : w === c.code)));
}

/** The search's checks, before anything is looked up: an error answer, or null. */
function refusedSearch(form) {
  for (const name of form.keys()) {
    if (name === 'subject' || name === 'patient' || name.startsWith('subject') || name.startsWith('patient:')) {
      return [400, outcome('not-supported', `PMD: the patient is identified by patient.identifier only (not ${name})`)];
    }
    if (!SEARCH_PARAMETERS.has(name)) return [400, outcome('not-supported', `PMD: parameter ${name} is not supported`)];
  }
  const count = form.get('_count');
  if (count !== null && !/^\d+$/.test(count)) return [400, outcome('invalid', `PMD: _count must be a whole number (0–${MAX_PAGE_SIZE}), not ${count}`)];
  const sort = form.get('_sort');
  if (sort !== null && sort !== '-date' && sort !== 'date') return [400, outcome('not-supported', `PMD: _sort must be -date or date, not ${sort}`)];
  for (const date of form.getAll('date')) {
    const m = /^(ge|le|gt|lt|eq)?(.*)$/.exec(date);
    if (!dateRange(m[2])) return [400, outcome('invalid', `PMD: date ${date} is not a date (prefixes ge, le, gt, lt, eq)`)];
  }
  const identifier = form.get('patient.identifier');
  if (identifier === null) {
    return [400, outcome('required', form.has('_id') ? 'PMD: _id must come with patient.identifier' : 'PMD: the patient is identified by patient.identifier only')];
  }
  const [system, value] = identifier.split('|');
  if (!isNationalId({ system, value })) {
    return [400, outcome('invalid', `PMD: the patient is identified by patient.identifier only, as ${NATIONAL_ID_SYSTEMS[0]}|<11 digits> (or ${NATIONAL_ID_SYSTEMS[1]} for a D-number)`)];
  }
  return null;
}

function find(query) {
  const nationalId = query.get('patient.identifier').split('|')[1];
  let found = stored(nationalId);
  const ids = query.get('_id');
  if (ids) found = found.filter((o) => ids.split(',').includes(o.id));
  for (const codes of query.getAll('code')) {
    if (codes) found = found.filter((o) => matchesCode(o, codes.split(',')));
  }
  for (const date of query.getAll('date')) {
    const m = /^(ge|le|gt|lt|eq)?(.*)$/.exec(date);
    const range = dateRange(m[2]);
    found = found.filter((o) => matchesDate(effectiveMs(o), m[1] ?? 'eq', range));
  }
  // Newest first unless `_sort=date`; undated last; ties by id.
  const direction = query.get('_sort') === 'date' ? 1 : -1;
  const key = (o) => effectiveMs(o);
  return found.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    if (Number.isNaN(x) !== Number.isNaN(y)) return Number.isNaN(x) ? 1 : -1;
    return direction * (x - y) || a.id.localeCompare(b.id);
  });
}

function nextLink(query, offset, base, fault) {
  const token = randomUUID();
  pages.set(token, { query, offset });
  if (fault?.kind === 'echo-next') {
    // As many servers do: the search echoed in the link (the national identity number in a URL).
    const echoed = new URLSearchParams(query);
    echoed.set('_offset', String(offset));
    return `${base}/Observation/_search?${echoed}`;
  }
  const url = new URL(`${base}/Observation/_search?_getpages=${token}`);
  if (fault?.kind === 'foreign-next') url.hostname = '127.0.0.2';
  return url.toString();
}

function search(query, offset, base, fault) {
  const found = find(query);
  const count = Math.min(Number(query.get('_count') ?? PAGE_SIZE), MAX_PAGE_SIZE);
  const bundle = {
    resourceType: 'Bundle',
    type: 'searchset',
    total: found.length,
    entry: found.slice(offset, offset + count).map((o) => ({ fullUrl: `${base}/Observation/${o.id}`, resource: o, search: { mode: 'match' } })),
  };
  if (count > 0 && offset + count < found.length) bundle.link = [{ relation: 'next', url: nextLink(query, offset + count, base, fault) }];
  if (bundle.entry.length === 0) delete bundle.entry;
  return [200, bundle];
}

/** `POST /Observation/_search`: the form, or a page by its token (in the URL or the form). */
function searchRequest(urlQuery, form, base, fault) {
  for (const name of urlQuery.keys()) {
    if (name !== '_getpages') return [400, outcome('not-supported', `PMD: search parameters go in the form body, not in the URL (${name})`)];
  }
  const token = urlQuery.get('_getpages') ?? form.get('_getpages');
  if (token !== null) {
    const page = pages.get(token);
    if (!page) return [410, outcome('not-found', 'PMD: unknown or expired _getpages token')];
    return search(page.query, page.offset, base, fault);
  }
  return refusedSearch(form) ?? search(form, 0, base, fault);
}

/** Why a Bundle is refused (a sentence), or null. */
function refusedBundle(bundle) {
  if (bundle?.resourceType !== 'Bundle') return `the body is not a Bundle (${bundle?.resourceType ?? 'no resourceType'})`;
  // FHIR JSON has no null: a validating server refuses a resource that carries one.
  const nullAt = (value, path) => {
    if (value === null) return path;
    if (typeof value !== 'object') return null;
    for (const [key, inner] of Object.entries(value)) {
      const found = nullAt(inner, `${path}.${key}`);
      if (found) return found;
    }
    return null;
  };
  const hasNull = nullAt(bundle, 'Bundle');
  if (hasNull) return `${hasNull} is null, which FHIR JSON does not allow`;
  if (bundle.type !== 'collection') {
    return bundle.type === 'transaction' ? 'a transaction Bundle is not accepted, only type collection' : `a Bundle of type ${bundle.type ?? '(none)'} is not accepted, only type collection`;
  }
  const tags = [].concat(bundle.meta?.tag ?? []);
  if (!tags.some((t) => t?.system === MUNICIPALITY && /^\d{4}$/.test(t.code ?? ''))) return `meta.tag with the municipality number (system ${MUNICIPALITY}, a four-digit code) is required`;
  if (!bundleId(bundle)) return `an identifier with system ${BUNDLE_IDENTIFIER} and a UUID value is required`;
  if (!INSTANT.test(bundle.timestamp ?? '') || Number.isNaN(Date.parse(bundle.timestamp))) return 'a timestamp (date and time with seconds and a zone) is required';
  for (const [i, e] of [].concat(bundle.entry ?? []).entries()) {
    const r = e?.resource;
    if (r?.resourceType !== 'Observation') return `entry ${i}: only Observations are accepted, not ${r?.resourceType ?? 'an entry without a resource'}`;
    if (!isNationalId(r.subject?.identifier)) return `entry ${i}: the Observation names the patient by subject.identifier (${NATIONAL_ID_SYSTEMS[0]} or ${NATIONAL_ID_SYSTEMS[1]}, 11 digits)`;
    if (![].concat(r.identifier ?? []).some((id) => id?.system && id?.value)) return `entry ${i}: the Observation needs an identifier (system and value)`;
  }
  return null;
}

function bundleId(bundle) {
  return [].concat(bundle.identifier ?? []).find((i) => i?.system === BUNDLE_IDENTIFIER && UUID.test(i.value ?? ''))?.value;
}

/** `urn:uuid:` references dropped (the identifier kept); a reference left empty removed. */
function withoutLocalReferences(observation) {
  const o = structuredClone(observation);
  delete o.id;
  for (const field of ['derivedFrom', 'hasMember']) {
    if (!Array.isArray(o[field])) continue;
    o[field] = o[field]
      .map(({ reference, ...rest }) => (reference?.startsWith('urn:uuid:') ? rest : { ...(reference ? { reference } : {}), ...rest }))
      .filter((ref) => Object.keys(ref).length > 0);
    if (o[field].length === 0) delete o[field];
  }
  return o;
}

function storeOne(r) {
  const nationalId = r.subject.identifier.value;
  const names = [].concat(r.identifier).map((i) => `${i.system}|${i.value}`);
  const existing = stored(nationalId).find((o) => [].concat(o.identifier ?? []).some((i) => names.includes(`${i.system}|${i.value}`)));
  if (existing) return { response: { status: '200 OK', location: `Observation/${existing.id}/_history/${existing.meta.versionId}` } };
  const o = keep(nationalId, withoutLocalReferences(r));
  return { response: { status: '201 Created', location: `Observation/${o.id}/_history/1` } };
}

function write(body) {
  let bundle;
  try {
    bundle = JSON.parse(body);
  } catch {
    return [400, outcome('structure', 'PMD: the body is not JSON; nothing was stored')];
  }
  const refused = refusedBundle(bundle);
  if (refused) return [400, outcome('invalid', `PMD: ${refused}; nothing was stored`)];
  const id = bundleId(bundle);
  // The same Bundle again: the first answer, with nothing created this time.
  if (answers.has(id)) return [200, { resourceType: 'Bundle', type: 'batch-response', entry: answers.get(id).map((e) => ({ response: { ...e.response, status: '200 OK' } })) }];
  const entry = [].concat(bundle.entry ?? []).map((e) => storeOne(e.resource));
  answers.set(id, entry);
  return [200, { resourceType: 'Bundle', type: 'batch-response', entry }];
}

/**
 * Answers a request under /pmd: [status, body, headers]. `path` is after /pmd ('/' for the base),
 * `urlQuery` the URL's URLSearchParams, `body` the request body as text, `base` the /pmd base URL,
 * `fault` the request's fault from the queue, if any.
 */
export function handle(method, path, headers, urlQuery, body, base, fault) {
  const refused = unauthorised(headers);
  if (refused) return [401, outcome('login', `PMD: ${refused}`), { 'WWW-Authenticate': 'DPoP' }];
  if (method === 'GET' || method === 'HEAD') return [405, outcome('not-supported', 'PMD: search by POST only'), { Allow: 'POST' }];
  if (method !== 'POST') return [405, outcome('not-supported', `PMD: ${method} is not accepted (search by POST to Observation/_search, write by POST of a collection Bundle to the base)`), { Allow: 'POST' }];
  if (path === '/Observation/_search') {
    if (!(headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')) {
      return [415, outcome('not-supported', 'PMD: a search is a form (Content-Type application/x-www-form-urlencoded)')];
    }
    return searchRequest(urlQuery, new URLSearchParams(body), base, fault);
  }
  if (path === '/') return write(body);
  return [404, outcome('not-found', `PMD: no POST ${path} (search: POST Observation/_search; write: POST a collection Bundle to the base)`)];
}
