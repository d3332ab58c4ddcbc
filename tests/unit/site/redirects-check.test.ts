import { describe, expect, it } from 'vitest';
import { filesServedAt, parseRedirects, shadowedRuleMessage, shadowedRules, withoutRules } from '../../../src/lib/site/redirects-check';

/** `_redirects` rules never start at a file the site built, whatever the spelling (issue 23). */

const BUILT = new Set(['index.html', '2009/02/index.html', '2009/02/post.html', 'p/about.html', 'labels/index.html', 'search/label/jails.html']);
const built = (rel: string) => BUILT.has(rel);

describe('filesServedAt', () => {
  it('covers every spelling of an address', () => {
    expect(filesServedAt('/')).toEqual(['index.html']);
    expect(filesServedAt('/index.html')).toEqual(['index.html']);
    expect(filesServedAt('/2009/02')).toEqual(['2009/02', '2009/02.html', '2009/02/index.html']);
    expect(filesServedAt('/2009/02/')).toEqual(['2009/02/index.html', '2009/02.html']);
    expect(filesServedAt('/2009/02/index.html')).toEqual(['2009/02/index.html', '2009/02.html']);
    expect(filesServedAt('/2009/02/post.html')).toEqual(['2009/02/post.html', '2009/02/post/index.html']);
    expect(filesServedAt('/search/label/caf%C3%A9')).toEqual(['search/label/café', 'search/label/café.html', 'search/label/café/index.html']);
  });
  it('strips the base path, and names no file for a pattern', () => {
    expect(filesServedAt('/pr-42/index.html', '/pr-42/')).toEqual(['index.html']);
    expect(filesServedAt('/pr-42/', '/pr-42/')).toEqual(['index.html']);
    expect(filesServedAt('/old/*', '/')).toBeUndefined();
    expect(filesServedAt('/old/:slug', '/')).toBeUndefined();
  });
});

describe('shadowed rules', () => {
  const text = [
    '# Old Blogger addresses that moved.',
    '/index.html /2009/02/index_1.html 301',
    '/ /2009/02/index_1.html 301',
    '/2009/02 /2009/02/x.html 301',
    '/2009/02/ /2009/02/x.html 301',
    '/2009/02/index.html /2009/02/x.html 301',
    '/labels /search/label/jails 301',
    '/p/about /p/other.html 301',
    '/2009/02/moved.html /2009/02/post.html 301',
    '/feeds/posts/default/-/jails /feeds/labels/jails.xml 301',
    '',
  ].join('\n');

  it('finds every rule whose source is a built file, in any spelling, and keeps the others', () => {
    const shadowed = shadowedRules(parseRedirects(text), built);
    expect(shadowed.map((s) => [s.rule.from, s.file])).toEqual([
      ['/index.html', 'index.html'],
      ['/', 'index.html'],
      ['/2009/02', '2009/02/index.html'],
      ['/2009/02/', '2009/02/index.html'],
      ['/2009/02/index.html', '2009/02/index.html'],
      ['/labels', 'labels/index.html'],
      ['/p/about', 'p/about.html'],
    ]);
    expect(withoutRules(text, shadowed.map((s) => s.rule))).toBe(
      '# Old Blogger addresses that moved.\n/2009/02/moved.html /2009/02/post.html 301\n/feeds/posts/default/-/jails /feeds/labels/jails.xml 301\n',
    );
    expect(shadowedRuleMessage(shadowed[0]!)).toBe('_redirects: dropped "/index.html /2009/02/index_1.html 301" (line 2): the site builds index.html at that address, and its own page wins');
  });
});
