import { describe, expect, it } from 'vitest';
import { legacyPath, oldUrlMap, redirectablePath, redirectRules, redirectsFileText } from '../../../src/lib/redirects';

const input = {
  posts: [
    { id: '2006/03/welcome-to-couch', legacyUrl: 'http://psychiatrist-blog.blogspot.com/2006/03/welcome-to-couch.html', bloggerId: '1143037752240118350', labels: ['week in review'] },
    { id: '2020/01/weird-name', legacyUrl: 'https://example.blogspot.com/a/%E2%98%83/weird.name.html', labels: [] },
    { id: '2025/01/blog-post-1', legacyUrl: 'https://jekyllbot.wordpress.com/2025/01/18/blog-post-1/', labels: [] },
    { id: '2026/05/new-post', labels: [] },
  ],
  pages: [{ id: 'about-us', legacyUrl: 'http://www.shrinkrap.net/p/about-us.html' }],
  labels: ['Q&A', 'week in review'],
  labelSpellings: new Map([['Week In Review', 'week in review']]),
  comments: [{ postId: '2006/03/welcome-to-couch', id: 'blogger:4000000000000000001', published: '2006-03-15T08:00:00.000-05:00' }],
};

describe('old addresses', () => {
  it('redirects only what moved, label feeds and feed aliases; never a path that is a file here', () => {
    const rules = redirectRules(input);
    expect(rules.map((r) => `${r.from} ${r.to}`)).toEqual([
      '/2025/01/18/blog-post-1/ /2025/01/blog-post-1.html',
      '/a/%E2%98%83/weird.name.html /2020/01/weird-name.html',
      '/atom.xml /feeds/posts/default',
      '/feeds/comments/full /feeds/comments/default',
      '/feeds/comments/summary /feeds/comments/default',
      '/feeds/posts/default/-/Q%26A /feeds/labels/Q%26A.xml',
      '/feeds/posts/default/-/Week%20In%20Review /feeds/labels/week%20in%20review.xml',
      '/feeds/posts/default/-/week%20in%20review /feeds/labels/week%20in%20review.xml',
      '/feeds/posts/full /feeds/posts/default',
      '/feeds/posts/summary /feeds/posts/default',
      // an alias spelling's label page leads to the label (a case-only alias has no page of its own)
      '/search/label/Week%20In%20Review /search/label/week%20in%20review',
      // Blogger's per-post comment feed: the same feed as ours, so one file and a rule, last
      '/feeds/1143037752240118350/comments/default /feeds/comments/2006/03/welcome-to-couch.xml',
    ]);
    expect(rules.every((r) => r.status === 301)).toBe(true);
  });

  it('writes a _redirects file both Netlify and Cloudflare read: three fields, no spaces in paths, no query rules', () => {
    const text = redirectsFileText(redirectRules(input), '/pr-42/');
    const lines = text.trim().split('\n').filter((l) => !l.startsWith('#'));
    expect(lines.length).toBe(12);
    for (const l of lines) {
      expect(l.split(' ')).toHaveLength(3);
      expect(l).toMatch(/^\/pr-42\/\S+ \/pr-42\/\S+ 301$/);
      expect(l).not.toContain('?');
      expect(l).not.toContain('=');
    }
    expect(text.endsWith('\n')).toBe(true);
  });

  it('stays within Cloudflare Pages\' 2,000 static rules for a blog of Shrink Rap\'s size', () => {
    const labels = Array.from({ length: 600 }, (_, i) => `label ${i}`);
    const posts = Array.from({ length: 2200 }, (_, i) => ({ id: `2008/01/post-${i}`, legacyUrl: `http://psychiatrist-blog.blogspot.com/2008/01/post-${i}.html`, labels: [] }));
    expect(redirectRules({ posts, pages: [], labels }).length).toBe(600 + 5);
    // Imported posts add one comment-feed rule each, after every other rule, so a host that
    // reads only the first 2,000 still gets the label and feed rules.
    const imported = posts.map((p, i) => ({ ...p, bloggerId: String(9e17 + i) }));
    const rules = redirectRules({ posts: imported, pages: [], labels });
    expect(rules).toHaveLength(600 + 5 + 2200);
    expect(rules.slice(0, 605).every((r) => !r.from.endsWith('/comments/default'))).toBe(true);
    expect(rules.slice(605).every((r) => r.from.endsWith('/comments/default'))).toBe(true);
  });

  it('lists every old address a reader or feed reader may still use', () => {
    const map = oldUrlMap(input);
    const find = (old: string) => map.find((u) => u.old === old)?.to;
    expect(find('/2006/03/welcome-to-couch.html')).toBe('/2006/03/welcome-to-couch.html');
    expect(find('/2006/03/welcome-to-couch.html?m=1')).toBe('/2006/03/welcome-to-couch.html');
    expect(find('/2006/03/welcome-to-couch.html?showComment=1142427600000#c4000000000000000001')).toBe('/2006/03/welcome-to-couch.html#c4000000000000000001');
    expect(find('/p/about-us.html')).toBe('/p/about-us.html');
    expect(find('/2006_03_01_archive.html')).toBe('/2006_03_01_archive.html');
    expect(find('/search/label/week%20in%20review')).toBe('/search/label/week%20in%20review');
    expect(find('/feeds/posts/default/-/Q%26A')).toBe('/feeds/labels/Q%26A.xml');
    expect(find('/feeds/1143037752240118350/comments/default')).toBe('/feeds/comments/2006/03/welcome-to-couch.xml');
    expect(find('/feeds/posts/default')).toBe('/feeds/posts/default');
    expect(find('/feeds/comments/default')).toBe('/feeds/comments/default');
  });

  it('never redirects the home page or an address told apart only by its query (WordPress ?p=)', () => {
    expect(redirectablePath('http://thisisa.test/?p=168')).toBeUndefined();
    expect(redirectablePath('http://localhost/?page_id=2')).toBeUndefined();
    expect(redirectablePath('https://example.org/')).toBeUndefined();
    expect(redirectablePath('https://example.blogspot.com/2020/01/x.html?m=1')).toBe('/2020/01/x.html');
    const rules = redirectRules({ posts: [{ id: '2012/02/with-comments', legacyUrl: 'http://thisisa.test/?p=168', labels: [] }], pages: [], labels: [] });
    expect(rules.some((r) => r.to.includes('with-comments'))).toBe(false);
  });

  it('compares paths the way hosts do (one percent-encoding)', () => {
    expect(legacyPath('https://x.blogspot.com/a/☃/b.html')).toBe('/a/%E2%98%83/b.html');
    expect(legacyPath('https://x.blogspot.com/a/%e2%98%83/b.html?m=1#x')).toBe('/a/%E2%98%83/b.html');
  });
});

describe('old addresses that would shadow the site or leave it', () => {
  const hostile = [
    '/search/', '/search', '/feeds/posts/default', '/feeds/comments/default', '/rss.xml', '/robots.txt', '/2008/11/', '/2008/',
    '/2008_11_01_archive.html', '/search/label/psychotherapy', '/labels/', '/archive/', '/authors/dinah/', '/page/2/', '/',
  ];
  const posts = hostile.map((path, i) => ({ id: `2009/01/post-${i}`, legacyUrl: `http://psychiatrist-blog.blogspot.com${path}`, labels: [] }));
  const offSite = [
    { id: '2009/02/evil', legacyUrl: 'http://psychiatrist-blog.blogspot.com//evil.example.com/2009/02/evil.html', labels: [] },
    { id: '2009/02/evil-2', legacyUrl: 'http://psychiatrist-blog.blogspot.com/\\evil.example.com/x.html', labels: [] },
  ];
  const rules = redirectRules({ posts: [...posts, ...offSite, { id: '2009/02/index_1', legacyUrl: 'http://x.blogspot.com/2009/02/index.html', labels: [] }], pages: [], labels: [] });

  it('never makes a rule whose source is a route of the site', () => {
    const sources = new Set(rules.map((r) => r.from));
    for (const path of hostile) expect(sources.has(path), path).toBe(false);
    expect(rules.filter((r) => r.to.startsWith('/2009/01/'))).toEqual([]);
  });

  it('never makes a rule that starts or ends off the site', () => {
    for (const r of rules) {
      expect(r.from, r.from).toMatch(/^\/(?![/\\])/);
      expect(r.to, r.to).toMatch(/^\/(?![/\\])/);
    }
    expect(rules.some((r) => r.from.includes('evil.example.com'))).toBe(false);
  });

  it('still redirects a post that moved off a reserved name (/2009/02/index.html is not the archive\'s address)', () => {
    expect(rules).toContainEqual({ from: '/2009/02/index.html', to: '/2009/02/index_1.html', status: 301 });
  });
});
