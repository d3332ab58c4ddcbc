import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, removeSite, scratchSite } from '../import-build';
import { hasChromium, launch, pageErrors, serve, type Browser, type Site } from './browser';

/**
 * A thread longer than a page (issue 23), in Chromium: an old Blogger permalink to a
 * comment on page 2 lands on the post page's line for page 2, which says so, and its
 * link leads to the comment itself; the comment's own permalink there comes back the same way.
 */

const COMMENTS = 450;
const id19 = (n: number) => `1143037752240${String(n).padStart(6, '0')}`;
const at = (i: number) => new Date(Date.UTC(2010, 4, 2) + i * 60_000).toISOString().replace('.000Z', 'Z');

describe.skipIf(!hasChromium)('comment pages in Chromium', () => {
  let folders: ReturnType<typeof scratchSite> | undefined;
  let site: Site;
  let browser: Browser;

  beforeAll(async () => {
    folders = scratchSite('comment-pages');
    const { content } = folders;
    mkdirSync(join(content, 'posts/2010/05'), { recursive: true });
    mkdirSync(join(content, 'comments/2010/05'), { recursive: true });
    writeFileSync(join(content, 'posts/2010/05/crowded.md'), '---\ntitle: "Crowded"\npublished: "2010-05-01T10:00:00-04:00"\nauthor: dinah\n---\n\nA popular post.\n');
    const comments = Array.from({ length: COMMENTS }, (_, i) => ({
      id: `blogger:${id19(i)}`,
      parentId: null,
      published: at(i),
      author: { name: `Reader ${i}`, role: 'reader', identity: 'guest' },
      bodyHtml: `<p>Comment number ${i}.</p>`,
      status: 'visible',
      source: { system: 'blogger-classic', file: 'blog.xml', id: id19(i), postRef: 'x' },
    }));
    writeFileSync(join(content, 'comments/2010/05/crowded.json'), JSON.stringify({ schemaVersion: 1, post: '2010/05/crowded', postSourceIds: [], comments }));
    const build = buildSite(folders);
    expect(build.status, String(build.stderr).slice(-2000)).toBe(0);
    site = await serve(folders.out);
    browser = await launch();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
    if (folders) removeSite({ ...folders, imported: undefined as never, build: undefined as never });
  });

  it("an old ?showComment=…#c… permalink to comment 301 lands on page 2's line, highlighted, and leads to the comment", async () => {
    const page = await browser.page();
    const anchor = `c${id19(300)}`;
    await page.goto(`${site.url}2010/05/crowded.html?showComment=${Date.parse(at(300))}#${anchor}`);
    const line = page.locator(`li:has(> #${anchor})`);
    const section = await page.locator('#comments').innerHTML();
    expect(await line.count(), section.slice(section.indexOf('comment-pages') - 200, section.indexOf('comment-pages') + 600)).toBe(1);
    expect(await line.locator('a').first().getAttribute('href')).toBe('/2010/05/crowded/comments/2.html');
    expect(await line.locator('.comment-pages-here').isVisible()).toBe(true);
    // Only the line holding the target says so.
    expect(await page.locator('.comment-pages-here:visible').count()).toBe(1);
    expect(await page.locator('h2#comments-heading').innerText()).toMatch(/450 comments/);
    await line.locator('a').first().click();
    await page.waitForURL(/\/comments\/2\.html$/);
    const comment = page.locator(`li#${anchor}`);
    expect(await comment.innerText()).toContain('Comment number 300.');
    // Its permalink is Blogger's form on the post page, which leads back to the same line.
    const permalink = await comment.locator('a.comment-permalink').getAttribute('href');
    expect(permalink).toBe(`/2010/05/crowded.html?showComment=${Date.parse(at(300))}#${anchor}`);
    expect(pageErrors(page)).toEqual([]);
  });
});
