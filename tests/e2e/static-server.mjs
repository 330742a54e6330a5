// A static file server for the built demo (dist/), on loopback, for the end-to-end tests.
// It also serves the year-long scenario in pages (/paged/year?page=N, with Bundle next links)
// so that "time to the first banner when the first page arrives" can be measured.

import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/// Sets per page of the paged year: about what a FHIR server gives with _count=500 Observations.
const SETS_PER_PAGE = 60;

export async function startServer(root, { headers = {} } = {}) {
  let yearPages = null;
  const server = createServer(async (request, response) => {
    // The Host header, so next links point back at this server as the browser reached it.
    const url = new URL(request.url, `http://${request.headers.host}`);
    try {
      if (url.pathname === "/paged/year") {
        yearPages ??= await pagesOf(join(root, "public/scenarios/generated/year.json"));
        const page = Number(url.searchParams.get("page") ?? "0");
        const bundle = {
          resourceType: "Bundle",
          type: "searchset",
          entry: yearPages.pages[page] ?? [],
          link: page + 1 < yearPages.pages.length
            ? [{ relation: "next", url: `${url.origin}/paged/year?page=${page + 1}` }]
            : [],
        };
        response.writeHead(200, { "content-type": "application/fhir+json", ...headers });
        response.end(JSON.stringify(bundle));
        return;
      }
      const path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, "");
      const file = join(root, path.endsWith("/") ? `${path}index.html` : path);
      const body = await readFile(file);
      response.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        ...headers,
      });
      response.end(body);
    } catch {
      response.writeHead(404, { "content-type": "text/plain" });
      response.end("not found");
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return { server, origin: `http://127.0.0.1:${port}` };
}

/// The year's entries, newest set first (as a FHIR search sorted by -date), in pages.
async function pagesOf(file) {
  const bundle = JSON.parse(await readFile(file, "utf8"));
  const byTime = new Map();
  for (const entry of bundle.entry) {
    const r = entry.resource;
    const time = r.effectiveDateTime ?? "";
    if (!byTime.has(time)) byTime.set(time, []);
    byTime.get(time).push(entry);
  }
  const times = [...byTime.keys()].sort().reverse();
  const pages = [];
  for (let i = 0; i < times.length; i += SETS_PER_PAGE) {
    pages.push(times.slice(i, i + SETS_PER_PAGE).flatMap((t) => byTime.get(t)));
  }
  return { pages };
}
