import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/lib/import/index';
import { oldUrlMap, type OldUrl } from '../../src/lib/redirects';
import type { PostComments } from '../../src/lib/schemas';
import { importAndBuild, removeSite, resolveOld, served, siteInput, type ImportedSite } from '../import-build';
import { TEST_AUTHOR_MAP, ours } from '../unit/import/helpers';

/**
 * Our own Blogger classic export plus our own Disqus export, imported into a scratch folder and
 * built: every old address (posts, pages, comments, labels, feeds, archives) resolves to a file,
 * directly or through dist/_redirects, and the comment archive round-trips. Runs on a lone clone;
 * the same walk over a peer project's export is in tests/peers/.
 */

let site: ImportedSite;

beforeAll(() => {
  site = importAndBuild('import-ours', [ours('blogger-rules.xml'), ours('disqus-shrinkrap.xml')], TEST_AUTHOR_MAP);
}, 600_000);

afterAll(() => removeSite(site));

describe('our Blogger + Disqus exports, imported and built', () => {
  it('builds', () => {
    expect(site.build.status, `${site.build.stdout}\n${site.build.stderr}`).toBe(0);
    expect(served(site.out, '/')).toBeDefined();
  });

  it('shows the posts and the page at their old addresses, the draft nowhere', () => {
    for (const path of ['/2006/03/welcome-to-couch.html', '/2006/04/ground-rules.html', '/2006/04/ground-rules_1.html', '/2008/04/collaterol-damage.html', '/p/about-us.html']) {
      expect(served(site.out, path), path).toBeDefined();
    }
    expect(served(site.out, '/2006/04/ground-rules_2.html'), 'the draft is not published').toBeUndefined();
  });

  it('shows every imported comment at its anchor', () => {
    const rel = join(site.content, 'comments', '2006', '03', 'welcome-to-couch.json');
    const doc = JSON.parse(readFileSync(rel, 'utf8')) as PostComments;
    expect(doc.comments.length).toBeGreaterThan(5);
    const html = readFileSync(served(site.out, '/2006/03/welcome-to-couch.html')!, 'utf8');
    for (const c of doc.comments) expect(html, c.id).toMatch(new RegExp(`id="c[^"]*${c.id.replace(/^[a-z]+:/, '')}"`));
    expect(html).not.toContain('alert(1)');
  });

  it('every old address resolves to a file, directly or through _redirects', () => {
    const urls: OldUrl[] = oldUrlMap(siteInput(site));
    expect(urls.length).toBeGreaterThan(20);
    const kinds = new Set(urls.map((u) => u.kind));
    for (const k of ['post', 'page', 'post-mobile', 'comment', 'label', 'label-feed', 'month-archive', 'feed']) expect(kinds.has(k as OldUrl['kind']), k).toBe(true);
    const failures: string[] = [];
    for (const u of urls) {
      const r = resolveOld(site.out, u.old);
      if (!r.file) {
        failures.push(`${u.old} (${u.kind}) -> nothing${r.via ? ` (rule to ${r.via})` : ''}`);
        continue;
      }
      const expected = served(site.out, new URL(u.to, 'https://x').pathname);
      if (r.file !== expected) failures.push(`${u.old} -> ${r.file}, expected ${expected}`);
      if (r.fragment && !readFileSync(r.file, 'utf8').includes(`id="${r.fragment}"`)) failures.push(`${u.old}: no #${r.fragment} on the page`);
    }
    expect(failures).toEqual([]);
  });

  it('publishes the comment archive as WXR, and importing it back changes nothing', () => {
    const count = site.imported.report.counts.comments.visible;
    expect(count).toBeGreaterThan(10);
    const wxr = join(site.root, 'comments.wxr.xml');
    writeFileSync(wxr, readFileSync(join(site.out, 'exports', 'comments.wxr.xml')));
    const again = runImport({ files: [wxr], contentDir: site.content, authorMap: { authors: {} }, reportDir: false, dryRun: true });
    expect(again.report.counts.comments.visible).toBe(count);
    expect(again.report.writes.written).toEqual([]);
  });
});
