import type { FixtureResult } from '../fixture-site';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport, type ImportResult } from '../../src/lib/import/index';
import { oldUrlMap, type OldUrl } from '../../src/lib/redirects';
import type { PostComments } from '../../src/lib/schemas';
import { buildSite, resolveOld, scratchSite, served as servedBy, siteInput as siteInputOf } from '../import-build';

/**
 * Issue 3, "done when": import ghost-importer-blogger.xml into a scratch content
 * folder under the OS temp dir, build it (into dist-import-ghost/ with its own
 * cache, never dist/ or the default cache), and walk every old address.
 * An old address resolves when the built site has the file, or when a rule in
 * dist/_redirects leads to a file, the way Netlify and Cloudflare Pages serve it
 * (query strings ignored; a #c… anchor must exist on the page).
 */

const FIXTURE = join(process.cwd(), '..', 'shared', 'fixtures', 'peers', 'ghost-importer-blogger.xml');
// Peer conformance (runs when ../shared is there): the same walk on our own fixtures is tests/build/import-build.test.ts.
let root: string;
let out: string;
let content: string;
let imported: ImportResult;
/** The first import, written the way the importer did before `.md` (every body `.mdx`). */
let importedAsMdx: ImportResult;
let build: FixtureResult;

beforeAll(() => {
  ({ root, content, out } = scratchSite('import-ghost'));
  const authorMap = { fallback: 'dinah', authors: { roy: { bloggerProfileUris: [], names: ['Jacob Gable'], disqusUsernames: [], wordpressLogins: [] } } };
  // Imported once as .mdx, then again as today: the build must see one file per post.
  importedAsMdx = runImport({ files: [FIXTURE], contentDir: content, authorMap, bodyFormat: 'mdx' });
  imported = runImport({ files: [FIXTURE], contentDir: content, authorMap });
  build = buildSite({ root, content, out });
}, 600_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  if (out) rmSync(out, { recursive: true, force: true });
});

const served = (path: string) => servedBy(out, path);
const resolve = (old: string) => resolveOld(out, old);
const siteInput = () => siteInputOf({ root, content, out, imported, build });

describe('ghost-importer-blogger.xml, imported and built', () => {
  it('builds', () => {
    expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
  });

  it('imports the plain posts as .md, replacing the .mdx files of the first import', () => {
    const docs = imported.plan.files.filter((f) => f.kind !== 'comments').map((f) => f.rel);
    expect(docs).toHaveLength(5);
    expect(docs.every((rel) => rel.endsWith('.md'))).toBe(true);
    expect(importedAsMdx.plan.files.filter((f) => f.kind !== 'comments').map((f) => f.rel)).toEqual(docs.map((rel) => `${rel}x`));
    expect(imported.report.writes.switchedFormat).toEqual(docs.map((rel) => ({ from: `${rel}x`, to: rel })));
    for (const rel of docs) {
      expect(existsSync(join(content, rel)), rel).toBe(true);
      expect(existsSync(join(content, `${rel}x`)), `${rel}x`).toBe(false);
    }
  });

  it('shows the 4 posts and the page at their old addresses', () => {
    for (const path of [
      '/2010/10/update-13-released-on-marketplace.html',
      '/2010/10/mo-words-is-live.html',
      '/2010/10/version-10-submitted-to-marketplace.html',
      '/2010/10/mo-words-for-win-phone-7.html',
      '/p/feedback.html',
    ]) {
      expect(served(path), path).toBeDefined();
    }
    const live = readFileSync(served('/2010/10/mo-words-is-live.html')!, 'utf8');
    expect(live).toContain('Mo Words is Live!');
    // The .md body rendered: its list and its linked images.
    expect(live).toContain('<li>Added ability to cancel new challenges.</li>');
    expect(live).toMatch(/<img[^>]* src="http:\/\/1\.bp\.blogspot\.com\/[^"]+\/s320\/MarketPlace-Details1\.PNG"/);
  });

  it('shows the 13 comments on the page, each at its Blogger anchor', () => {
    const html = readFileSync(served('/p/feedback.html')!, 'utf8');
    const doc = JSON.parse(readFileSync(join(content, 'comments', 'p', 'feedback.json'), 'utf8')) as PostComments;
    expect(doc.comments).toHaveLength(13);
    for (const c of doc.comments) expect(html).toContain(`id="c${c.id.slice('blogger:'.length)}"`);
    expect(html).toContain('Mo Words');
    // The page body (.md) is on the page too, escapes undone: \* and \@ are plain characters.
    expect(html).toMatch(/\* <strong>Trial Mode Time Limit Removed<\/strong>/);
    expect(html).not.toMatch(/\\[*@]/);
  });

  it('every old address resolves to a file, directly or through _redirects', () => {
    const urls: OldUrl[] = oldUrlMap(siteInput());
    expect(urls.length).toBeGreaterThan(20);
    const kinds = new Set(urls.map((u) => u.kind));
    for (const k of ['post', 'page', 'post-mobile', 'comment', 'label', 'label-feed', 'month-archive', 'feed', 'post-comments-feed']) expect(kinds.has(k as OldUrl['kind']), k).toBe(true);
    const failures: string[] = [];
    for (const u of urls) {
      const r = resolve(u.old);
      if (!r.file) {
        failures.push(`${u.old} (${u.kind}) -> nothing${r.via ? ` (rule to ${r.via})` : ''}`);
        continue;
      }
      const expected = served(new URL(u.to, 'https://x').pathname);
      if (r.file !== expected) failures.push(`${u.old} -> ${r.file}, expected ${expected}`);
      if (r.fragment && !readFileSync(r.file, 'utf8').includes(`id="${r.fragment}"`)) failures.push(`${u.old}: no #${r.fragment} on the page`);
    }
    expect(failures).toEqual([]);
  });

  it('publishes the comment archive as JSON Feed and WXR, and importing the WXR back changes nothing', () => {
    const feed = JSON.parse(readFileSync(join(out, 'exports', 'comments.json'), 'utf8')) as { items: unknown[]; version: string };
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.items).toHaveLength(13);
    const wxr = join(root, 'comments.wxr.xml');
    writeFileSync(wxr, readFileSync(join(out, 'exports', 'comments.wxr.xml')));
    const again = runImport({ files: [wxr], contentDir: content, authorMap: { authors: {} }, reportDir: false, dryRun: true });
    expect(again.report.counts.comments.visible).toBe(13);
    expect(again.report.writes.written).toEqual([]);
  });
});
