import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { preview } from 'astro';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/**
 * Real Chromium (Debian's, through playwright-core) against the built site served by
 * `astro preview`. Without Chromium the browser tests are skipped with instructions,
 * except in CI, where a missing browser is a failure.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  const message = `Chromium not found at ${CHROMIUM_PATH}. Install it with: sudo apt-get install -y chromium (or set CHROMIUM_PATH).`;
  if (process.env.CI === 'true' || process.env.CI === '1') throw new Error(`${message} CI must run the browser tests.`);
  console.warn(`[browser tests skipped] ${message}`);
  return false;
}

/** Use as `describe.skipIf(!hasChromium)(…)`. */
export const hasChromium = chromiumAvailable();

/** The built sample site (tests/global-build.ts); BROWSER_TEST_DIST points elsewhere while iterating. */
export const SITE_DIST = resolve(process.env.BROWSER_TEST_DIST ?? 'dist');

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port'))));
    });
  });
}

export interface Site {
  /** Origin plus base, ending in "/": `http://127.0.0.1:PORT/` or `…/pr-42/`. */
  url: string;
  origin: string;
  stop(): Promise<void>;
}

/** Serve a built site with `astro preview` on a free port. */
export async function serve(outDir = SITE_DIST, base = '/'): Promise<Site> {
  const port = await freePort();
  const server = await preview({
    root: process.cwd(),
    outDir,
    base,
    logLevel: 'warn',
    server: { host: '127.0.0.1', port },
  });
  const origin = `http://127.0.0.1:${port}`;
  return { url: `${origin}${base}`, origin, stop: () => server.stop() };
}

export interface Browser {
  context: BrowserContext;
  page(): Promise<Page>;
  close(): Promise<void>;
}

export async function launch(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'shrinkrap-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    page: async () => {
      const page = await context.newPage();
      // A page error is a test failure, wherever it happens.
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      (page as Page & { errors: string[] }).errors = errors;
      return page;
    },
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Console errors and uncaught exceptions the page produced so far. */
export const pageErrors = (page: Page): string[] => (page as Page & { errors?: string[] }).errors ?? [];

export interface Transfer {
  path: string;
  /** Bytes on the wire: encoded body plus response headers. */
  bytes: number;
}

/**
 * Record every response (the page's and its workers') while `action` runs. Sizes are as
 * sent by `astro preview`, which compresses text; Pagefind's index files are already gzip.
 */
export async function recordTransfers(page: Page, origin: string, action: () => Promise<void>): Promise<Transfer[]> {
  const seen: Promise<Transfer>[] = [];
  const listener = (request: import('playwright-core').Request) => {
    seen.push(request.sizes().then((s) => ({ path: request.url().replace(origin, ''), bytes: s.responseBodySize + s.responseHeadersSize })));
  };
  page.on('requestfinished', listener);
  try {
    await action();
    await page.waitForLoadState('networkidle');
  } finally {
    page.off('requestfinished', listener);
  }
  return Promise.all(seen);
}

export const totalBytes = (transfers: readonly Transfer[]) => transfers.reduce((sum, t) => sum + t.bytes, 0);

/** Wait until the search page shows the results for query string `state` (canonical form). */
export async function waitForResults(page: Page, state: string): Promise<void> {
  await page.waitForFunction(
    (want) => {
      const list = document.getElementById('search-results');
      return list?.dataset.state === want && list.getAttribute('aria-busy') === 'false';
    },
    state,
    { timeout: 20_000 },
  );
}

/** Poll `url` until it answers (a dev server starting); `log` supplies output for the error. */
export async function waitForServer(url: string, log: () => string, timeoutMs = 90_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s. Server output:\n${log()}`);
}
