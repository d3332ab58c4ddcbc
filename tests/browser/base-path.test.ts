import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureSite } from '../fixture-site';
import { hasChromium, launch, pageErrors, recordTransfers, serve, waitForResults, type Browser, type Site } from './browser';

/**
 * A pull-request preview lives under a sub-path. Build the sample site a second time with
 * BASE_PATH=/pr-42/ into its own folder, and search it in Chromium: links, the index and
 * the header form must all stay under /pr-42/.
 */
const BASE = '/pr-42/';
const SEED = '/2008/11/should-psychiatrists-see-patients-for.html';

describe.skipIf(!hasChromium)(`site and search under ${BASE}`, () => {
  let work: string;
  let outDir: string;
  let site: Site;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'shrinkrap-base-path-'));
    outDir = join(work, 'dist');
    const result = buildFixtureSite({ base: BASE, outDir, cacheDir: join(work, 'cache'), inherit: true });
    if (result.status !== 0) throw new Error(`The sample site did not build with BASE_PATH=${BASE} (see the output above).`);
    [site, browser] = await Promise.all([serve(outDir, BASE), launch()]);
    page = await browser.page();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('builds the index inside the build, at the root of the output folder', () => {
    expect(existsSync(join(outDir, 'pagefind', 'pagefind.js'))).toBe(true);
    expect(existsSync(join(outDir, 'search', 'index.html'))).toBe(true);
  });

  it('goes from the plain header form on a post to results, every address under the base', async () => {
    const transfers = await recordTransfers(page, site.origin, async () => {
      await page.goto(`${site.origin}${BASE}${SEED.slice(1)}`);
      expect(await page.locator('form.header-search').getAttribute('action')).toBe(`${BASE}search/`);
      await page.locator('#header-q').fill('bartender');
      await page.locator('#header-q').press('Enter');
      await page.waitForURL(`**${BASE}search/?q=bartender`);
      await waitForResults(page, 'q=bartender');
    });
    expect(transfers.length).toBeGreaterThan(0);
    for (const t of transfers) expect(t.path.startsWith(BASE), t.path).toBe(true);
    expect(transfers.some((t) => t.path.startsWith(`${BASE}pagefind/`))).toBe(true);

    const hrefs = await page.locator('#search-results h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain(`${BASE}${SEED.slice(1)}`);
    for (const h of hrefs) expect(h!.startsWith(BASE), h!).toBe(true);
    await page.locator(`#search-results a[href="${BASE}${SEED.slice(1)}"]`).click();
    await page.waitForURL(`**${BASE}${SEED.slice(1)}`);
    expect(await page.locator('h1').textContent()).toMatch(/Psychotherapy/);
    expect(pageErrors(page)).toEqual([]);
  });

  it('links comment hits to their anchor under the base', async () => {
    // "excavation" is in one sample post and one of its comments.
    await page.goto(`${site.url}search/?q=excavation&comments=1`);
    await waitForResults(page, 'q=excavation&comments=1');
    const link = page.locator('.search-result__comments a').first();
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(new RegExp(`^${BASE}2009/01/in-defense-of-fifteen-minute-med\\.html#c\\d+$`));
    await link.click();
    await page.waitForURL(`**${href}`);
    expect(await page.locator(`[id="${href.split('#')[1]}"]`).count()).toBe(1);
  });
});
