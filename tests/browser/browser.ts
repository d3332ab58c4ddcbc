import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { preview } from 'astro';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

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

/** `timezoneId`: the browser's own clock zone (the editor shows times in it). */
export async function launch(options: { timezoneId?: string } = {}): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'shrinkrap-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
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

/**
 * The environment for an `astro` child process. Vitest puts Vite's own variables into
 * process.env (BASE_URL=/, MODE, DEV, PROD, SSR, NODE_ENV=test, VITEST…); passed on, they
 * override the child's settings (BASE_URL=/ silently undoes BASE_PATH=/pr-42/).
 */
export { childEnv } from '../child-env';

const STATIC_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.xml': 'application/xml',
};

/** A plain static server that adds `headers` to every response (e.g. a CSP header). */
export async function serveStatic(dir: string, headers: Record<string, string>): Promise<Site> {
  const { createServer } = await import('node:http');
  const { readFile, stat } = await import('node:fs/promises');
  const { extname, join: joinPath, normalize } = await import('node:path');
  const server = createServer(async (req, res) => {
    let path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!));
    if (path.endsWith('/')) path += 'index.html';
    const file = joinPath(dir, path);
    const found = file.startsWith(dir) && (await stat(file).catch(() => undefined))?.isFile();
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    if (!found) {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    res.setHeader('Content-Type', STATIC_TYPES[extname(file)] ?? 'application/octet-stream');
    res.end(await readFile(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return { url: `${origin}/`, origin, stop: () => new Promise((ok) => server.close(() => ok())) };
}

/**
 * The built sample site served and Chromium launched for the enclosing describe block, both
 * stopped after it. Read `.site` and `.browser` inside tests (they are set in beforeAll).
 */
export function useSiteAndBrowser(): { site: Site; browser: Browser } {
  const ctx = {} as { site: Site; browser: Browser };
  beforeAll(async () => {
    [ctx.site, ctx.browser] = await Promise.all([serve(), launch()]);
  });
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.site?.stop();
  });
  return ctx;
}
