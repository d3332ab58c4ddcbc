import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, pageErrors, useSiteAndBrowser } from './browser';

/**
 * What a reader of the old blog notices (issue 11), in real Chromium: the phone header,
 * words as rendered, digits, the click-to-load video and nested replies on a small screen.
 */

const VIDEO_POST = '2012/05/video-what-happens-when-psychiatrist.html';
const HEATED = '2015/03/involuntary-treatment-who-decides.html';
const PLAYER_HOSTS = /youtube|ytimg|googlevideo|vimeo/;

describe.skipIf(!hasChromium)('reader details in Chromium', () => {
  const env = useSiteAndBrowser();

  async function open(path: string, width: number, height = 800): Promise<Page> {
    const page = await env.browser.page();
    await page.setViewportSize({ width, height });
    const response = await page.goto(`${env.site.url}${path}`);
    expect(response?.status(), path).toBe(200);
    await page.evaluate(() => document.fonts.ready);
    return page;
  }

  // Home, its later pages, archives and posts. Label and author pages put Blogger's "Showing
  // posts with label …" bar or the author's profile first, by design.
  it.each(['', 'page/2/', '2008/11/', '2008/', '2008/11/should-psychiatrists-see-patients-for.html'])('at 375 px the first post title starts within 200 px (/%s)', async (path) => {
    const page = await open(path, 375);
    const top = await page.locator('.post-title').first().evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    expect(top).toBeLessThan(200);
    // The search box folds into a link on phones, and the form comes back on wider screens.
    expect(await page.locator('.header-search-link').isVisible()).toBe(true);
    expect(await page.locator('.header-search').isVisible()).toBe(false);
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await page.locator('.header-search').isVisible()).toBe(true);
    expect(await page.locator('.header-search-link').isVisible()).toBe(false);
    await page.close();
  });

  it('the rendered footer and post footers read as separate words', async () => {
    const page = await open('', 1280);
    expect((await page.locator('.site-footer').innerText()).replace(/\s+/g, ' ').trim()).toBe(
      "Shrink Rap, 2006–2018. The posts are the authors'; the comments are their writers'. About · Archive · Labels · Posts (Atom)",
    );
    const footers = await page.locator('.post-footer').allInnerTexts();
    for (const f of footers) expect(f).not.toMatch(/comments?Labels|[a-z]Proofread|\S·|·\S/);
    await page.close();
  });

  it('the 404 page has one search box', async () => {
    for (const width of [375, 1280]) {
      const page = await open('404.html', width);
      const visibleBoxes = await page.locator('input[type=search]').evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length);
      expect(visibleBoxes, `${width} px`).toBe(1);
      await page.close();
    }
  });

  it('years read as plain digits: digits are drawn by a font without a slashed zero', async () => {
    const page = await open('2008/11/should-psychiatrists-see-patients-for.html', 1280);
    const cdp = await env.browser.context.newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '.date-header time' });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    // "Saturday, November 29, 2008": letters in Atkinson Hyperlegible, the six digits in another face.
    const atkinson = fonts.filter((f) => /Atkinson/i.test(f.familyName));
    const digits = fonts.filter((f) => !/Atkinson/i.test(f.familyName));
    expect(atkinson.length).toBeGreaterThan(0);
    expect(digits.reduce((n, f) => n + f.glyphCount, 0)).toBe(6);
    await cdp.detach();
    await page.close();
  });

  it('the video starts in place after the click, and nothing is fetched from the video host before it', async () => {
    const page = await env.browser.page();
    await page.setViewportSize({ width: 1280, height: 900 });
    const thirdParty: string[] = [];
    // The sandbox has no internet: answer the player's address with a stand-in page.
    await page.context().route(PLAYER_HOSTS, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>player</title><p id="player">playing</p>' }));
    page.on('request', (r) => PLAYER_HOSTS.test(new URL(r.url()).hostname) && thirdParty.push(r.url()));
    await page.goto(`${env.site.url}${VIDEO_POST}`);
    await page.waitForLoadState('networkidle');
    const frame = page.frameLocator('iframe.video-frame');
    await frame.locator('a.play').waitFor();
    expect(thirdParty, 'requests to the video host before the click').toEqual([]);
    expect(await frame.locator('a.play').getAttribute('aria-label')).toMatch(/^Play video: /);

    await frame.locator('a.play').click();
    await frame.locator('#player').waitFor();
    expect(thirdParty).toEqual(['https://www.youtube-nocookie.com/embed/qY3nV7tRk2M?autoplay=1']);
    expect(page.url(), 'the reader stays on the post').toBe(`${env.site.url}${VIDEO_POST}`);
    expect(await page.locator('iframe.video-frame').getAttribute('allow')).toContain('autoplay');
    expect(pageErrors(page)).toEqual([]);
    await page.context().unroute(PLAYER_HOSTS);
    await page.close();
  });

  it('replies stay one level deep and readable at 320 px', async () => {
    const page = await open(HEATED, 320);
    const layout = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      narrowest: Math.min(...[...document.querySelectorAll('.comment-body')].map((b) => b.getBoundingClientRect().width)),
      deepest: Math.max(...[...document.querySelectorAll('li.comment')].map((li) => { let d = 0; for (let p = li.parentElement; p; p = p.parentElement) if (p.matches('.comment-replies')) d++; return d; })),
    }));
    // Blogger's threads had one level of replies (issue 20).
    expect(layout.deepest).toBe(1);
    expect(layout.scroll).toBeLessThanOrEqual(320);
    // 320 px less the page padding is 288 px; no reply loses more than a fifth of it.
    expect(layout.narrowest).toBeGreaterThanOrEqual(230);
    await page.close();
  });

  it('serves a label page at its one address, /search/label/{label}', async () => {
    const page = await open('search/label/forensic%20psychiatry', 1280);
    expect(await page.locator('link[rel=canonical]').getAttribute('href')).toBe('https://www.shrinkrap.net/search/label/forensic%20psychiatry');
    expect(await page.locator('.status-msg h1').innerText()).toBe('Showing posts with label forensic psychiatry.');
    await page.close();
  });
});
