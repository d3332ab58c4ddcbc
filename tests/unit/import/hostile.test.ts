import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlanError } from '../../../src/lib/import/plan';
import { planNewPost } from '../../../src/lib/tools/new-post';
import { importInto, scratch, snapshot } from './helpers';
import { takeoutFeed, writeTakeout } from './feed';

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

describe('labels the build would refuse', () => {
  it('stop the import before anything is written, naming the labels and the entries', () => {
    const { root, content } = scratch();
    const file = writeTakeout(root, [
      { id: '21', path: '/2009/02/one.html', labels: ['Jails'] },
      { id: '22', path: '/2009/02/two.html', labels: ['JAILS'] },
      { id: '23', path: '/2009/02/three.html', labels: ['Café'] },
    ]);
    mkdirSync(join(content, 'posts/2008/01'), { recursive: true });
    writeFileSync(join(content, 'posts/2008/01/old.md'), '---\ntitle: "Old"\npublished: "2008-01-01T10:00:00-05:00"\nauthor: dinah\nlabels: [cafe]\n---\n\nOld.\n');
    const before = snapshot(root);
    let error: unknown;
    try {
      importInto(content, [file]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PlanError);
    const message = (error as PlanError).message;
    expect(message).toContain('"JAILS" (in feed.atom:');
    expect(message).toContain('"Jails" (in feed.atom:');
    expect(message).toMatch(/"Café" \(in feed\.atom:\d+ \(post tag:blogger\.com,1999:blog-1\.post-23\)\) vs "cafe" \(in content\/posts\/2008\/01\/old\.md\)/);
    expect(message).toContain('aliases in content/labels.yaml');
    expect(message).toContain('content/labels.yaml could say:\n  "Café":\n    aliases: ["cafe"]');
    expect(snapshot(root)).toEqual(before);
  });

  it('are imported once labels.yaml names one the alias of the other', () => {
    const { root, content } = scratch();
    const file = writeTakeout(root, [{ id: '21', path: '/2009/02/one.html', labels: ['Jails'] }, { id: '22', path: '/2009/02/two.html', labels: ['JAILS'] }]);
    writeFileSync(join(content, 'labels.yaml'), 'Jails:\n  aliases: [JAILS]\n');
    expect(importInto(content, [file]).report.writes.written).toEqual(['posts/2009/02/one.md', 'posts/2009/02/two.md']);
  });
});

describe('files that are not UTF-8', () => {
  it('a post in the content folder saved as Latin-1 stops the import, naming the file', () => {
    const { root, content } = scratch();
    mkdirSync(join(content, 'posts/2008/01'), { recursive: true });
    writeFileSync(join(content, 'posts/2008/01/latin.md'), Buffer.from('---\ntitle: "Caf\xe9"\npublished: "2008-01-01T10:00:00-05:00"\nauthor: dinah\n---\n\nCaf\xe9.\n', 'latin1'));
    const file = writeTakeout(root, [{ id: '31', path: '/2009/02/one.html' }]);
    expect(() => importInto(content, [file])).toThrow(/posts\/2008\/01\/latin\.md:2: the file is not UTF-8 text/);
  });

  it('an export saved as Latin-1 stops the import, naming the file and line', () => {
    const { root, content } = scratch();
    const file = join(root, 'latin.atom');
    writeFileSync(file, Buffer.from(takeoutFeed([{ id: '32', path: '/2009/02/cafe.html', title: 'Caf\xe9' }]), 'latin1'));
    expect(() => importInto(content, [file])).toThrow(/latin\.atom:8: the file is not UTF-8 text/);
  });

  it('a folder of exports (an unpacked Takeout) is read file by file, and a bad one is named', () => {
    const { root, content } = scratch();
    const blog = join(root, 'Takeout', 'Blogger', 'Blogs', 'Night Owl');
    mkdirSync(blog, { recursive: true });
    writeTakeout(blog, [{ id: '33', path: '/2009/02/one.html' }]);
    expect(importInto(content, [join(root, 'Takeout')]).report.writes.written).toEqual(['posts/2009/02/one.md']);
    writeFileSync(join(blog, 'feed.atom'), Buffer.from(takeoutFeed([{ id: '34', path: '/2009/02/two.html', title: 'Caf\xe9' }]), 'latin1'));
    expect(() => importInto(content, [join(root, 'Takeout')])).toThrow(/Night Owl\/feed\.atom:8: the file is not UTF-8/);
  });
});
