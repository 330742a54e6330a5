// Debian's Chromium through playwright-core (its own browser download does not work here), with
// the flags headless Chromium needs when run as root (../shared/toolchain.md).

import { chromium } from "playwright-core";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { existsSync, rmSync } from "node:fs";

export async function launch() {
  const executablePath = ["/usr/bin/chromium", "/usr/bin/google-chrome", "/usr/bin/chromium-browser"]
    .find((p) => existsSync(p));
  if (!executablePath) throw new Error("no Chromium found: run scripts/setup.sh");
  const userDataDir = await mkdtemp(join(tmpdir(), "news2-e2e-"));
  // The profile goes with the browser, and with the process if a check failed before closing.
  const removeProfile = () => rmSync(userDataDir, { recursive: true, force: true });
  process.on("exit", removeProfile);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    viewport: { width: 1400, height: 1000 },
    locale: "nb-NO",
    timezoneId: "Europe/Oslo",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--enable-precise-memory-info",
    ],
  });
  const close = context.close.bind(context);
  context.close = async (...args) => {
    await close(...args);
    removeProfile();
  };
  return context;
}

/// Waits until the widget in `page` (the first <news2-widget>) has drawn `state`.
export async function widgetState(page, state, timeout = 60_000) {
  await page.locator(`news2-widget .news2-widget[data-state="${state}"]`).first()
    .waitFor({ state: "attached", timeout });
}
