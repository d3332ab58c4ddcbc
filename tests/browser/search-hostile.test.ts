import type { FixtureResult } from '../fixture-site';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commentDisplayName } from '../../src/lib/comments';
import { commentAnchor } from '../../src/lib/comment-address';
import { runImport } from '../../src/lib/import/index';
import type { PostComments } from '../../src/lib/schemas';
import { parseSearchState, serializeSearchState } from '../../src/lib/search/state';
import { postPath } from '../../src/lib/urls';
import { hugeBody } from '../hostile-text';
import { buildSite, scratchSite } from '../import-build';
import { hasChromium, launch, pageErrors, serve, waitForResults, type Browser, type Site } from './browser';

/**
 * Issue 9: hostile text through import → build → search. Our Blogger export
 * (tests/fixtures/import/blogger-hostile.xml) has comment authors and bodies and a post
 * title with `>`, `<script>`, quotes, `&`, right-to-left text, emoji and a 400-character
 * name; one comment's body is swapped here for ~1 MB of words. It is imported into a
 * scratch content folder, built, and every comment must be found in Chromium by a word of
 * its body, linking to its anchor on the post page.
 */

const FIXTURE = join(process.cwd(), 'tests', 'fixtures', 'import', 'blogger-hostile.xml');
const HUGE_PLACEHOLDER = 'HUGE COMMENT BODY: the test replaces this text with about 1 MB of words.';
const HUGE_MARKER = 'zyzzyvahugeword';
const POST = '2009/05/mom-dad-kids';
/** A word only each comment's body has, by author name (as the fixture writes them). */
const WORDS = ['gtnameword', 'tagnameword', 'quotenameword', 'rtlbodyword', 'emojibodyword', 'longnameword', HUGE_MARKER];

let root = '';
let out = '';
let build: FixtureResult;
let comments: PostComments['comments'] = [];

beforeAll(() => {
  const site = scratchSite('search-hostile');
  ({ root, out } = site);
  const exportFile = join(root, 'blogger-hostile.xml');
  const fixture = readFileSync(FIXTURE, 'utf8');
  expect(fixture).toContain(HUGE_PLACEHOLDER);
  writeFileSync(exportFile, fixture.replace(HUGE_PLACEHOLDER, hugeBody(HUGE_MARKER)));
  const authorMap = { fallback: 'dinah', authors: { dinah: { bloggerProfileUris: [], names: ['Dinah'], disqusUsernames: [], wordpressLogins: [] } } };
  runImport({ files: [exportFile], contentDir: site.content, authorMap, reportDir: false });
  comments = (JSON.parse(readFileSync(join(site.content, 'comments', `${POST}.json`), 'utf8')) as PostComments).comments;
  build = buildSite(site);
}, 600_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  if (out) rmSync(out, { recursive: true, force: true });
});

describe('hostile comments and titles: import, build, search', () => {
  it('imports every hostile comment as written, the large one included', () => {
    expect(comments).toHaveLength(WORDS.length);
    const names = comments.map((c) => commentDisplayName(c));
    expect(names).toEqual(expect.arrayContaining(['Mom > Dad', '<script>alert("name")</script>', 'مرحبا بالعالم', '🦆 Duck 👩‍⚕️']));
    expect(names.some((n) => n.length === 400)).toBe(true);
    expect(Math.max(...comments.map((c) => c.bodyHtml.length))).toBeGreaterThan(900_000);
  });

  it('builds, with the comment bundle beside the posts', () => {
    expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
    expect(readFileSync(join(out, 'pagefind-comments', 'pagefind-entry.json'), 'utf8')).toContain('"en"');
  });

  describe.skipIf(!hasChromium)('in Chromium', () => {
    let site: Site;
    let browser: Browser;
    let page: Page;
    beforeAll(async () => {
      [site, browser] = await Promise.all([serve(out), launch()]);
      page = await browser.page();
    });
    afterAll(async () => {
      await browser?.close();
      await site?.stop();
    });

    async function search(query: string) {
      await page.goto(`${site.url}search/?${query}`);
      await waitForResults(page, serializeSearchState(parseSearchState(query)));
      return page.locator('#search-results > li').evaluateAll((items) =>
        items.map((li) => ({
          title: li.querySelector('h3')!.textContent!,
          href: li.querySelector('h3 a')!.getAttribute('href')!,
          comments: [...li.querySelectorAll('.search-result__comments a')].map((a) => ({ href: a.getAttribute('href')!, name: a.textContent! })),
        })),
      );
    }

    it('finds the post with the hostile title by a word of its body, title intact', async () => {
      const results = await search('q=hostilepostword');
      expect(results.map((r) => [r.href, r.title])).toEqual([[postPath(POST), 'Mom > Dad & "Kids" <3: שלום 🦆']]);
    });

    it('finds each comment by a word of its body, linking to its anchor under its name', async () => {
      for (const word of WORDS) {
        const comment = comments.find((c) => c.bodyHtml.includes(word))!;
        const results = await search(`q=${word}&comments=1`);
        const thread = results.find((r) => r.href === `${postPath(POST)}#comments`);
        expect(thread, word).toBeDefined();
        expect(thread!.comments[0], word).toEqual({ href: `${postPath(POST)}#${commentAnchor(comment)}`, name: commentDisplayName(comment) });
      }
      expect(pageErrors(page)).toEqual([]);
    });

    it('lands on the comment: the anchor is on the post page, with the body', async () => {
      const comment = comments.find((c) => c.bodyHtml.includes('gtnameword'))!;
      await page.goto(`${site.url}${postPath(POST).slice(1)}#${commentAnchor(comment)}`);
      const target = page.locator(`[id="${commentAnchor(comment)}"]`);
      expect(await target.count()).toBe(1);
      expect(await target.locator('.comment-author').first().textContent()).toContain('Mom > Dad');
      expect(await target.locator('.comment-body').first().textContent()).toContain('gtnameword');
    });
  });
});
