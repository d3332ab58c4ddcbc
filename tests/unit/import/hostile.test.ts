import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planNewPost } from '../../../src/lib/new-post';
import { importInto, scratch } from './helpers';
import { writeTakeout } from './feed';

/** Exports that would break the site or lose a post (issue 10): each stops cleanly or lands safely. */

describe('a post whose old address is one of the site\'s own files', () => {
  it('gets another address, with a redirect from the old one, reported', () => {
    const { root, content } = scratch();
    const file = writeTakeout(root, [{ id: '11', path: '/2009/02/index.html', title: 'Index' }]);
    const result = importInto(content, [file]);
    expect(existsSync(join(content, 'posts/2009/02/index.md'))).toBe(false);
    expect(existsSync(join(content, 'posts/2009/02/index_1.md'))).toBe(true);
    expect(result.report.redirects).toEqual([{ from: '/2009/02/index.html', to: '/2009/02/index_1.html' }]);
    expect(result.text).toContain("/2009/02/index.html -> /2009/02/index_1.html (the old address is one of the site's own files");
  });

  it('npm run new -- "Index" does not take the month archive\'s name either', () => {
    const plan = planNewPost({
      title: 'Index', author: 'dinah', published: new Date('2009-02-10T15:00:00Z'), timeZone: 'America/New_York',
      authors: [{ id: 'dinah', handle: 'Dinah' }], existingIds: new Set(), postsDir: 'content/posts',
    });
    expect(plan.id).toBe('2009/02/index_1');
  });
});

describe('an old address that is a route of the site', () => {
  it('makes no redirect from it, and says so', () => {
    const { root, content } = scratch();
    const file = writeTakeout(root, [{ id: '12', path: '/search/index.html', title: 'Search' }, { id: '13', path: '/feeds/posts/default', title: 'Feed' }]);
    const result = importInto(content, [file]);
    expect(result.report.redirects).toEqual([]);
    expect(result.report.warnings.filter((w) => w.includes("one of this site's own routes"))).toHaveLength(2);
  });
});

describe('a slug longer than a file name may be', () => {
  it('is shortened at a word (no ENAMETOOLONG), with a redirect from the old address', () => {
    const { root, content } = scratch();
    const slug = Array.from({ length: 60 }, (_, i) => `word${i}`).join('-');
    const file = writeTakeout(root, [{ id: '14', path: `/2009/02/${slug}.html`, title: 'Long' }]);
    const result = importInto(content, [file]);
    const [written] = readdirSync(join(content, 'posts/2009/02'));
    expect(written!.length).toBeLessThanOrEqual(255);
    expect(slug.startsWith(written!.replace(/\.md$/, ''))).toBe(true);
    expect(result.report.redirects).toEqual([{ from: `/2009/02/${slug}.html`, to: `/2009/02/${written!.replace(/\.md$/, '')}.html` }]);
  });
});
