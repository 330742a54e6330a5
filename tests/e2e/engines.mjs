// The three browser engines behind one small interface, for the checks that run in all of them
// (tests/e2e/layout.mjs): Chromium through playwright-core (Debian's /usr/bin/chromium),
// Firefox ESR through puppeteer-core over WebDriver BiDi, and WebKitGTK's MiniBrowser through
// WebKitWebDriver (classic WebDriver, with selenium-webdriver) under a virtual display
// (xvfb-run), as Debian packages them. scripts/setup.sh installs all three.
//
// A page offers: goto(url), size(width, height), evaluate(fn, arg) (fn runs in the page, may be
// async, gets one JSON argument and returns JSON), screenshot(path) and close(). Checks are
// written in page JavaScript, so every engine runs the same code.

import { spawn } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { launch as launchChromium } from "./browser.mjs";

export const ENGINES = ["chromium", "firefox", "webkit"];

/// Runs `fn(arg)` in the page, as the source of an async function: every engine can take it.
const call = (fn, arg) => `return (async () => (${fn.toString()})(${JSON.stringify(arg ?? null)}))()`;

async function chromium() {
  const context = await launchChromium();
  return {
    version: context.browser()?.version() ?? "chromium",
    async page() {
      const page = await context.newPage();
      return {
        goto: (url) => page.goto(url),
        size: (width, height) => page.setViewportSize({ width, height }),
        evaluate: (fn, arg) => page.evaluate(new Function(call(fn, arg))),
        screenshot: (path) => page.screenshot({ path }),
        close: () => page.close(),
      };
    },
    close: () => context.close(),
  };
}

async function firefox() {
  const { default: puppeteer } = await import("puppeteer-core");
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: "/usr/bin/firefox-esr",
    protocol: "webDriverBiDi",
    headless: true,
    extraPrefsFirefox: { "intl.accept_languages": "nb-NO" },
  });
  return {
    version: await browser.version(),
    async page() {
      const page = await browser.newPage();
      return {
        goto: (url) => page.goto(url),
        size: (width, height) => page.setViewport({ width, height }),
        evaluate: (fn, arg) => page.evaluate(new Function(call(fn, arg))),
        screenshot: (path) => page.screenshot({ path }),
        close: () => page.close(),
      };
    },
    close: () => browser.close(),
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

const MINIBROWSER = ["/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
  "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.0/MiniBrowser", "/usr/libexec/webkit2gtk-4.1/MiniBrowser"];

async function webkit() {
  const { Builder } = await import("selenium-webdriver");
  const binary = MINIBROWSER.find((p) => existsSync(p));
  if (!binary) throw new Error("no MiniBrowser: run scripts/setup.sh (webkit2gtk-driver)");
  const port = await freePort();
  // WebKitGTK draws into an X display even when nothing is shown: a virtual one.
  const driver = spawn("xvfb-run", ["-a", "WebKitWebDriver", `--port=${port}`], {
    stdio: "ignore",
    detached: true,
  });
  const stopDriver = () => {
    try {
      process.kill(-driver.pid, "SIGTERM");
    } catch {
      // Already gone.
    }
  };
  process.on("exit", stopDriver);
  const server = `http://127.0.0.1:${port}`;
  // The driver is up when it answers its status (asked every 100 ms for at most 30 s, as
  // scripts/test.sh waits for the FHIR server's port: a server starting, not a check waiting).
  let ready = false;
  for (let attempt = 0; attempt < 300 && !ready; attempt++) {
    ready = await fetch(`${server}/status`).then((r) => r.ok, () => false);
    if (!ready) await new Promise((r) => setTimeout(r, 100));
  }
  if (!ready) throw new Error("WebKitWebDriver did not start");
  const sessions = [];
  const session = async () => {
    const web = await new Builder()
      .usingServer(server)
      .withCapabilities({
        browserName: "MiniBrowser",
        "webkitgtk:browserOptions": { binary, args: ["--automation"] },
      })
      .build();
    sessions.push(web);
    return web;
  };
  const first = await session();
  const version = (await first.getCapabilities()).get("browserVersion") ?? "webkitgtk";
  await first.quit();
  sessions.length = 0;
  return {
    version: `WebKitGTK ${version}`,
    async page() {
      // One session per page: MiniBrowser has one window per session.
      const web = await session();
      await web.manage().setTimeouts({ script: 120_000, pageLoad: 60_000 });
      return {
        goto: (url) => web.get(url),
        size: (width, height) => web.manage().window().setRect({ width, height }),
        evaluate: (fn, arg) => web.executeAsyncScript(
          `const done = arguments[arguments.length - 1];
           (async () => { ${call(fn, arg)} })().then(
             (value) => done({ value }), (error) => done({ error: String(error) }));`,
        ).then((r) => {
          if (r?.error) throw new Error(r.error);
          return r?.value;
        }),
        screenshot: async (path) => writeFileSync(path, Buffer.from(await web.takeScreenshot(), "base64")),
        close: () => web.quit(),
      };
    },
    async close() {
      // A session whose browser has gone may never answer: the driver is stopped regardless.
      const quits = sessions.map((web) => web.quit().catch(() => {}));
      await Promise.race([Promise.all(quits), new Promise((r) => setTimeout(r, 10_000))]);
      stopDriver();
    },
  };
}

/// Starts `engine` ("chromium", "firefox" or "webkit").
export async function start(engine) {
  switch (engine) {
    case "chromium": return chromium();
    case "firefox": return firefox();
    case "webkit": return webkit();
    default: throw new Error(`unknown engine ${engine}`);
  }
}
