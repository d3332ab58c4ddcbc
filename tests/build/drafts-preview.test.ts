import { describe, expect, it, beforeAll } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFixtureSite } from '../fixture-site';
import { attr, page } from '../helpers';

/** `npm run preview:drafts` builds drafts and scheduled posts, marked and kept out of search engines. */
describe('draft preview build', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'shrinkrap-drafts-')), 'dist');
  const DRAFT = '/2018/07/things-i-will-miss-about-blogging.html';
  const SCHEDULED = '/2030/01/archive-is-still-here.html';

  beforeAll(() => {
    const r = buildFixtureSite({ drafts: true, outDir: out, cacheDir: `${out}-cache`, editUrl: '' });
    if (r.status !== 0) throw new Error(`draft preview build failed:\n${r.stdout}\n${r.stderr}`);
  });

  it('includes the draft and the scheduled post, each with a banner', () => {
    expect(page(DRAFT, out).text('.unpublished-banner')).toMatch(/^Draft: not published/);
    expect(page(SCHEDULED, out).text('.unpublished-banner')).toMatch(/^Scheduled: not yet published/);
  });

  it('has no "Suggest an edit" link when the repository address is unset', () => {
    const p = page('/2008/11/should-psychiatrists-see-patients-for.html', out);
    expect(p.all('.edit-link')).toEqual([]);
    expect(p.text()).not.toContain('Suggest an edit');
    expect(p.all('.share-row a').length, 'the rest of the footer is there').toBe(5);
  });

  it('marks every page noindex and disallows robots', () => {
    for (const path of ['/', DRAFT, '/2008/11/should-psychiatrists-see-patients-for.html']) {
      expect(attr(page(path, out).one('meta[name=robots]'), 'content'), path).toBe('noindex, nofollow');
    }
    expect(readFileSync(join(out, 'robots.txt'), 'utf8')).toContain('Disallow: /\n');
  });

  it('shows drafts in lists with a tag', () => {
    const home = page('/', out);
    expect(home.all('.post-title a').map((a) => attr(a, 'href'))).toContain(SCHEDULED);
    expect(home.text('.unpublished-tag')).toBe('Scheduled');
    expect(existsSync(join(out, 'authors/roy/index.html'))).toBe(true);
  });
});
