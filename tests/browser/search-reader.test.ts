import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseSearchState, serializeSearchState } from '../../src/lib/search/state';
import { hasChromium, pageErrors, recordTransfers, useSiteAndBrowser, waitForResults } from './browser';

/**
 * Search as a reader meets it, round two (issue 20), in real Chromium: the results first on
 * a phone with the filters behind "Filters (n)", one search box, excerpts that do not repeat
 * the title, highlights on words only, "…" for a thread count not yet known, and
 * "Did you mean psychotherapy?" from the blog's own words.
 */

describe.skipIf(!hasChromium)('search for readers, round two, in Chromium', () => {
  const env = useSiteAndBrowser();

  async function open(query: string, width: number, height = 812): Promise<Page> {
    const page = await env.browser.page();
    await page.setViewportSize({ width, height });
    await page.goto(`${env.site.url}search/${query ? `?${query}` : ''}`);
    await waitForResults(page, serializeSearchState(parseSearchState(query)));
    return page;
  }

  it('at 375 × 812 the first result is on the first screen; the filters wait behind "Filters (n)"', async () => {
    const page = await open('q=jail', 375, 812);
    const first = page.locator('#search-results > li').first();
    const box = (await first.locator('h3').boundingBox())!;
    expect(box.y + box.height, 'the first result title ends within the first screen').toBeLessThanOrEqual(812);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const toggle = page.locator('#search-filters-toggle');
    expect(await toggle.isVisible()).toBe(true);
    expect(await toggle.innerText()).toBe('Filters');
    expect(await page.locator('#search-facets').isVisible()).toBe(false);

    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('#search-facets').isVisible()).toBe(true);
    await page.locator('#facet-author input').first().check();
    await page.waitForFunction(() => /author=/.test(location.search) && document.getElementById('search-results')?.getAttribute('aria-busy') === 'false');
    // On screen "Filters (1)"; screen readers hear "Filters, 1 applied".
    expect(await toggle.textContent()).toBe('Filters (1), 1 applied');
    expect(await page.locator('#search-filters-count [aria-hidden]').isVisible()).toBe(true);

    // A shared address with filters opens with them counted on the button.
    const shared = await open('q=jail&author=ClinkShrink&year=2013', 375, 812);
    expect(await shared.locator('#search-filters-toggle').textContent()).toBe('Filters (2), 2 applied');
    expect(pageErrors(page)).toEqual([]);
    await Promise.all([page.close(), shared.close()]);
  });

  it('on a desktop the filters stay beside the results, with no Filters button', async () => {
    const page = await open('q=jail', 1280, 900);
    expect(await page.locator('#search-filters-toggle').isVisible()).toBe(false);
    expect(await page.locator('#search-facets').isVisible()).toBe(true);
    await page.close();
  });

  it('/search/ has one search box, at 375 px and 1280 px', async () => {
    for (const width of [375, 1280]) {
      const page = await open('', width);
      const visible = await page.locator('input[type=search]').evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.id));
      expect(visible, `${width} px`).toEqual(['search-q']);
      expect(await page.locator('.header-search, .header-search-link').count()).toBe(0);
      await page.close();
    }
  });

  it('excerpts do not begin with the title, and highlights hold words, not punctuation', async () => {
    const page = await open('q=jail', 1280, 900);
    const results = await page.locator('#search-results > li.search-result--post').evaluateAll((items) =>
      items.map((li) => ({
        title: li.querySelector('h3')!.textContent!,
        excerpt: li.querySelector('.search-result__excerpt')?.textContent ?? '',
        marks: [...li.querySelectorAll('mark')].map((m) => m.textContent!),
      })),
    );
    expect(results.length).toBeGreaterThan(3);
    const titled = results.find((r) => r.title === 'What Has Changed in the Jails');
    expect(titled, 'the sample post from the issue').toBeDefined();
    for (const r of results) {
      const words = r.title.split(/\s+/);
      for (let k = 1; k <= words.length; k++) {
        const tail = words.slice(-k).join(' ');
        expect(r.excerpt.startsWith(`${tail}. `) || r.excerpt.startsWith(`${tail} `) && k === words.length, `${r.title}: “${r.excerpt}”`).toBe(false);
      }
    }
    const marks = results.flatMap((r) => r.marks);
    expect(marks.length).toBeGreaterThan(3);
    for (const m of marks) expect(m, `highlight “${m}”`).toMatch(/^[\p{L}\p{N}](.*[\p{L}\p{N}])?$/u);
    await page.close();
  });

  it('shows "…" beside "Include archived comments" until the comment index has counted, without moving anything', async () => {
    const page = await env.browser.page();
    await page.setViewportSize({ width: 1280, height: 900 });
    const held: Route[] = [];
    let hold = true;
    await page.route('**/pagefind-comments/**', (route) => (hold ? held.push(route) : route.continue()));
    // The empty search shows the build's count of every thread.
    await page.goto(`${env.site.url}search/`);
    await waitForResults(page, '');
    const count = page.locator('#search-comments-count > [aria-hidden]');
    expect(await count.innerText()).toMatch(/^\(\d+\)$/);
    const before = await page.locator('#search-results').boundingBox();

    await page.locator('#search-q').fill('jail');
    await page.locator('#search-q').press('Enter');
    await waitForResults(page, 'q=jail');
    await page.waitForFunction(() => document.querySelector('#search-comments-count > [aria-hidden]')?.textContent === '(…)');
    expect(await page.locator('#search-comments-count .visually-hidden').textContent()).toBe(', still counting');
    const pendingWidth = (await count.boundingBox())!.width;
    const during = await page.locator('#search-results').boundingBox();

    hold = false;
    for (const route of held.splice(0)) await route.continue();
    await page.waitForFunction(() => /^\(\d+\)$/.test(document.querySelector('#search-comments-count > [aria-hidden]')?.textContent ?? ''));
    const after = await page.locator('#search-results').boundingBox();
    expect(during!.y).toBe(before!.y);
    expect(after!.y).toBe(during!.y);
    expect((await count.boundingBox())!.width).toBe(pendingWidth);
    await page.unroute('**/pagefind-comments/**');
    await page.close();
  });

  it('suggests "Did you mean psychotherapy?" for "psychotheraphy", from the word list alone', async () => {
    const page = await env.browser.page();
    await page.setViewportSize({ width: 375, height: 812 });
    const transfers = await recordTransfers(page, env.site.origin, async () => {
      await page.goto(`${env.site.url}search/?q=psychotheraphy`);
      await waitForResults(page, 'q=psychotheraphy');
    });
    expect(await page.locator('#search-status').innerText()).toBe('No results for “psychotheraphy”.');
    const suggestion = page.locator('#search-suggestion');
    expect(await suggestion.isVisible()).toBe(true);
    expect((await suggestion.innerText()).trim()).toBe('Did you mean psychotherapy?');
    // Nothing but the page, Pagefind's own files and the small word list.
    const other = transfers.map((t) => t.path.split('?')[0]!).filter((p) => !/^\/(pagefind|pagefind-comments|_astro)\//.test(p) && !/\.(woff2|svg)$/.test(p));
    expect(other.sort()).toEqual(['/search/', '/search/words.txt']);

    await page.locator('#search-suggestion a').click();
    await waitForResults(page, 'q=psychotherapy');
    expect(new URL(page.url()).search).toBe('?q=psychotherapy');
    expect(await page.locator('#search-q').inputValue()).toBe('psychotherapy');
    expect(await page.locator('#search-results > li').count()).toBeGreaterThan(0);
    expect(await suggestion.isVisible()).toBe(false);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('fetches no word list when a search finds something, and suggests nothing it cannot mend', async () => {
    const page = await env.browser.page();
    const transfers = await recordTransfers(page, env.site.origin, async () => {
      await page.goto(`${env.site.url}search/?q=jail`);
      await waitForResults(page, 'q=jail');
    });
    expect(transfers.some((t) => t.path.startsWith('/search/words.txt'))).toBe(false);
    expect(await page.locator('#search-suggestion').isVisible()).toBe(false);
    await page.goto(`${env.site.url}search/?q=zzqxv`);
    await waitForResults(page, 'q=zzqxv');
    expect(await page.locator('#search-status').innerText()).toBe('No results for “zzqxv”.');
    expect(await page.locator('#search-suggestion').isVisible()).toBe(false);
    await page.close();
  });
});
