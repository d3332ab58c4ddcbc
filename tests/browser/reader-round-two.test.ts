import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, pageErrors, useSiteAndBrowser } from './browser';

/**
 * What a reader sees, round two (issue 20), in real Chromium at 1280 px and 375 px:
 * the reading measure, one level of replies with "@Name", Blogger's archive arrows, the
 * pager with its neighbours' titles, one rule above list pagers, the author's comment as
 * one box, "Back to top", the farewell duck in the dark, and /share/mastodon/ on its own.
 */

const SEED = '2008/11/should-psychiatrists-see-patients-for.html';
const HEATED = '2015/03/involuntary-treatment-who-decides.html';
const GOODBYE = '2018/08/goodbye-shrink-rap.html';

describe.skipIf(!hasChromium)('reader, round two, in Chromium', () => {
  const env = useSiteAndBrowser();

  async function open(path: string, width: number, options: { dark?: boolean; height?: number } = {}): Promise<Page> {
    const page = await env.browser.page();
    await page.setViewportSize({ width, height: options.height ?? 800 });
    if (options.dark) await page.emulateMedia({ colorScheme: 'dark' });
    const response = await page.goto(`${env.site.url}${path}`);
    expect(response?.status(), path).toBe(200);
    await page.evaluate(() => document.fonts.ready);
    return page;
  }

  /** Characters on each full line (the last line of a paragraph is left out) of `selector`'s paragraphs. */
  function charactersPerLine(page: Page, selector: string): Promise<number[]> {
    return page.evaluate((sel) => {
      const lines: number[] = [];
      for (const p of document.querySelectorAll(sel)) {
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        const range = document.createRange();
        let top: number | undefined;
        let count = 0;
        const counts: number[] = [];
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          for (let i = 0; i < node.length; i++) {
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const box = range.getClientRects()[0];
            if (!box) continue;
            if (top === undefined || Math.abs(box.top - top) < 3) {
              top ??= box.top;
              count++;
            } else {
              counts.push(count);
              top = box.top;
              count = 1;
            }
          }
        }
        lines.push(...counts); // full lines only
      }
      return lines;
    }, selector);
  }

  it('reads 60–75 characters a line on a desktop, in posts and comments', async () => {
    for (const [path, selector] of [
      [SEED, '.post-body p'],
      [HEATED, '.post-body p'],
      [HEATED, '.comment-thread > li.comment > .comment-body'],
    ] as const) {
      const page = await open(path, 1280);
      const lines = (await charactersPerLine(page, selector)).sort((a, b) => a - b);
      expect(lines.length, `${path} ${selector}`).toBeGreaterThan(5);
      const median = lines[Math.floor(lines.length / 2)]!;
      expect(median, `${path} ${selector}: median characters a line`).toBeGreaterThanOrEqual(60);
      expect(median, `${path} ${selector}: median characters a line`).toBeLessThanOrEqual(75);
      await page.close();
    }
  });

  it('threads have one level of replies, and "@Name" leads to the comment answered', async () => {
    for (const width of [1280, 375]) {
      const page = await open(HEATED, width);
      const depth = await page.evaluate(() => Math.max(...[...document.querySelectorAll('li.comment')].map((li) => { let d = 0; for (let p = li.parentElement; p; p = p.parentElement) if (p.matches('.comment-replies')) d++; return d; })));
      expect(depth, `${width} px`).toBe(1);
      const replyTo = page.locator('.comment-reply-to a').first();
      const target = (await replyTo.getAttribute('href'))!;
      const name = (await page.locator(`${target} > .comment-author`).innerText()).replace(/ \(blog author\)/, '').replace(/ said\.\.\.$/, '');
      expect(await replyTo.innerText()).toBe(`@${name}`);
      await replyTo.click();
      await page.waitForFunction((id) => location.hash === id, target);
      const box = await page.locator(target).boundingBox();
      expect(box!.y, 'the answered comment is scrolled into view').toBeLessThan(width === 375 ? 812 : 800);
      await page.close();
    }
  });

  it("draws the archive tree with Blogger's ► and ▼, collapsed months aligned with the open one", async () => {
    const page = await open(SEED, 1280);
    const tree = await page.evaluate(() => {
      const marker = (el: Element) => getComputedStyle(el, '::before').content;
      const openYear = document.querySelector('.archive-tree details[open]')!;
      const openMonth = openYear.querySelector(':scope details[open] > summary')!;
      const collapsed = [...openYear.querySelectorAll('.archive-month')];
      const closedYear = document.querySelector('.archive-tree details:not([open]) > summary')!;
      return {
        openYear: marker(openYear.querySelector('summary')!),
        openMonth: marker(openMonth),
        closedYear: marker(closedYear),
        collapsed: collapsed.map((m) => ({ marker: marker(m), text: (m as HTMLElement).innerText, left: m.getBoundingClientRect().left })),
        openMonthLeft: openMonth.getBoundingClientRect().left,
      };
    });
    expect(tree.openYear).toMatch(/^"▼"/);
    expect(tree.openMonth).toMatch(/^"▼"/);
    expect(tree.closedYear).toMatch(/^"►"/);
    expect(tree.collapsed.length).toBeGreaterThan(0);
    for (const m of tree.collapsed) {
      expect(m.marker).toMatch(/^"►"/);
      expect(m.text).toMatch(/^[A-Z][a-z]+ \(\d+\)$/);
      expect(m.left).toBe(tree.openMonthLeft);
    }
    await page.close();
  });

  it('shows the neighbours’ titles under "Newer Post" and "Older Post", at 1280 px and 375 px', async () => {
    for (const width of [1280, 375]) {
      const page = await open(HEATED, width);
      for (const side of ['newer', 'older']) {
        const link = page.locator(`a.pager-${side}`);
        expect(await link.locator('.pager-dir').innerText()).toMatch(side === 'newer' ? /^newer post$/i : /^older post$/i);
        const title = await link.locator('.pager-title').innerText();
        expect(title.length).toBeGreaterThan(5);
        expect(await link.locator('.pager-title').isVisible()).toBe(true);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.close();
    }
  });

  it('list pages draw one rule above the pager, not two', async () => {
    for (const path of ['', 'page/2/', '2008/']) {
      const page = await open(path, 1280);
      const rules = await page.evaluate(() => {
        const pager = document.querySelector('.post-list + .pager')!;
        const posts = [...document.querySelectorAll('.post-list .post')];
        const last = posts.at(-1)!;
        const lastText = [...last.querySelectorAll('.post-footer')].at(-1)!.getBoundingClientRect().bottom;
        const pagerText = pager.querySelector('a')!.getBoundingClientRect().top;
        // Every horizontal border drawn between the last post's footer and the pager's links.
        let count = 0;
        for (const el of [last, pager]) {
          const style = getComputedStyle(el);
          const box = el.getBoundingClientRect();
          if (parseFloat(style.borderBottomWidth) > 0 && box.bottom >= lastText && box.bottom <= pagerText) count++;
          if (parseFloat(style.borderTopWidth) > 0 && box.top >= lastText && box.top <= pagerText) count++;
        }
        return count;
      });
      expect(rules, `/${path}`).toBe(1);
      await page.close();
    }
  });

  it("an author's comment is one box: name bar, body and time on one ground, no gap", async () => {
    for (const dark of [false, true]) {
      const page = await open(HEATED, 1280, { dark });
      const parts = await page.evaluate(() => {
        const li = document.querySelector('li.comment--blog-author')!;
        // Name bar, "@Name" when it answers a reply, body and time: every part but the replies.
        return [...li.children].filter((el) => el.tagName !== 'OL').map((el) => {
          const box = el.getBoundingClientRect();
          return { top: box.top, bottom: box.bottom, left: box.left, background: getComputedStyle(el).backgroundColor };
        });
      });
      expect(parts.length).toBeGreaterThanOrEqual(3);
      expect(new Set(parts.map((p) => p.background)).size).toBe(1);
      expect(parts[0]!.background).not.toBe('rgba(0, 0, 0, 0)');
      for (let i = 1; i < parts.length; i++) expect(Math.abs(parts[i]!.top - parts[i - 1]!.bottom)).toBeLessThan(1);
      expect(new Set(parts.map((p) => p.left)).size).toBe(1);
      await page.close();
    }
  });

  it('"Back to top" at the foot of a long page goes back up, with no JavaScript on the page', async () => {
    const page = await open(HEATED, 375, { height: 812 });
    expect(await page.locator('script').count()).toBe(0);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeGreaterThan(3 * 812);
    await page.locator('.back-to-top a').scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
    await page.locator('.back-to-top a').click();
    await page.waitForFunction(() => window.scrollY === 0);
    expect(await page.locator('.site-title').isVisible()).toBe(true);
    await page.close();
  });

  it("the farewell duck's picture has no cream block in dark mode", async () => {
    const page = await open(GOODBYE, 1280, { dark: true });
    const src = (await page.locator('.post-body img').first().getAttribute('src'))!;
    expect(src).toMatch(/duck-farewell.*\.svg$/);
    const paper = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.goto(new URL(src, env.site.url).href);
    const sky = await page.evaluate(() => getComputedStyle(document.querySelector('.sky')!).fill);
    expect(sky).toBe(paper);
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.sky')!).fill)).toBe('rgb(253, 246, 227)');
    await page.close();
  });

  it('/share/mastodon/ opened directly explains itself instead of "You are sharing:" and nothing', async () => {
    for (const width of [1280, 375]) {
      const page = await open('share/mastodon/', width);
      expect(await page.locator('#mastodon-share').isVisible()).toBe(false);
      const text = await page.locator('main').innerText();
      expect(text).not.toContain('You are sharing');
      expect(text).toMatch(/nothing to share yet/i);
      expect(await page.locator('#mastodon-share-fallback a[href="/"]').isVisible()).toBe(true);
      expect(pageErrors(page)).toEqual([]);
      await page.close();
    }
    const page = await open('share/mastodon/?text=A%20post%20https%3A%2F%2Fwww.shrinkrap.net%2F', 1280);
    expect(await page.locator('#mastodon-share').isVisible()).toBe(true);
    expect(await page.locator('#mastodon-share-fallback').isVisible()).toBe(false);
    await page.close();
  });
});
