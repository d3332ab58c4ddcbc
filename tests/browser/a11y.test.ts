import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launch, pageErrors, serve, type Browser, type Site } from './browser';

/**
 * Accessibility of every page type in real Chromium (axe-core: zero serious or critical
 * violations), no horizontal scrolling on a 320 px wide screen, and the Content-Security-
 * Policy: no page, the search page included, trips it, and search still works under it.
 */

const PAGE_TYPES: Record<string, string> = {
  home: '',
  'post with comments': '2015/03/involuntary-treatment-who-decides.html',
  'post with a video': '2012/05/video-what-happens-when-psychiatrist.html',
  'post in a series': '2013/04/day-in-jail-clinic-part-2-sick-call.html',
  'share on Mastodon': 'share/mastodon/?text=A%20post%20https%3A%2F%2Fwww.shrinkrap.net%2F',
  month: '2008/11/',
  year: '2008/',
  label: 'search/label/forensic%20psychiatry',
  'labels index': 'labels/',
  author: 'authors/clinkshrink/',
  about: 'p/about.html',
  '404': '404.html',
  'archive index': 'archive/',
  search: 'search/',
};

const SCHEMES = ['light', 'dark'] as const;

/** Records CSP violations in the page, before any of its own scripts run. */
const WATCH_CSP = `window.__csp = []; document.addEventListener('securitypolicyviolation', (e) =>
  window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sourceFile || '') + ':' + e.lineNumber));`;
const cspViolations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

describe.skipIf(!hasChromium)('accessibility and CSP in Chromium', () => {
  let site: Site;
  let browser: Browser;

  beforeAll(async () => {
    site = await serve();
    browser = await launch();
    await browser.context.addInitScript(WATCH_CSP);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });

  // In both colour schemes: the site follows the reader's system setting (prefers-color-scheme).
  for (const [name, path] of Object.entries(PAGE_TYPES)) for (const scheme of SCHEMES) {
    it(`${name} (${scheme}): no serious or critical axe violations, no CSP violations, no errors`, async () => {
      const page = await browser.page();
      await page.emulateMedia({ colorScheme: scheme });
      const response = await page.goto(`${site.url}${path}`);
      expect(response?.status(), path).toBe(200);
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
      const bad = result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
      expect(bad, path).toEqual([]);
      expect(result.passes.length, 'axe ran its checks').toBeGreaterThan(10);
      expect(await cspViolations(page), path).toEqual([]);
      expect(pageErrors(page), path).toEqual([]);
      await page.close();
    });
  }

  for (const [name, path] of Object.entries(PAGE_TYPES)) {
    it(`${name}: no horizontal scrolling at 320 px`, async () => {
      const page = await browser.page();
      await page.setViewportSize({ width: 320, height: 640 });
      await page.goto(`${site.url}${path}`);
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
      expect(scrollWidth, `${path} is ${scrollWidth}px wide in a ${innerWidth}px window`).toBeLessThanOrEqual(innerWidth);
      await page.close();
    });
  }

  it('every page carries a CSP with hashes, without unsafe-inline', async () => {
    const page = await browser.page();
    for (const path of Object.values(PAGE_TYPES)) {
      await page.goto(`${site.url}${path}`);
      const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
      expect(csp, path).toMatch(/script-src 'self'/);
      expect(csp, path).toMatch(/default-src 'self'/);
      expect(csp, path).not.toMatch(/unsafe-inline/);
    }
    await page.close();
  });

  it('the policy is enforced: an injected inline script and a third-party image are blocked and seen', async () => {
    const page = await browser.page();
    await page.goto(`${site.url}`);
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__ran = true';
      document.body.append(s);
      const img = document.createElement('img');
      img.src = 'https://third-party.invalid/pixel.png';
      document.body.append(img);
    });
    await page.waitForFunction(() => (window as unknown as { __csp: string[] }).__csp.length >= 2);
    const seen = await cspViolations(page);
    expect(seen.some((v) => v.startsWith('script-src'))).toBe(true);
    expect(seen.some((v) => v.startsWith('img-src'))).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined();
    await page.close();
  });

  it('search works under the CSP: a query shows results and nothing is blocked', async () => {
    const page = await browser.page();
    await page.goto(`${site.url}search/?q=psychotherapy`);
    await page.locator('#search-results > li').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('#search-results > li').count()).toBeGreaterThan(0);
    expect(await cspViolations(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});
