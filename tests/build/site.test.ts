import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { attr, DIST, distFile, page, textOf, walk } from '../helpers';

/** The sample site, built once by tests/global-build.ts in Pacific/Auckland with a fixed clock. */

const SEED = '/2008/11/should-psychiatrists-see-patients-for.html';

describe('the flagship post', () => {
  const p = page(SEED);

  it('shows the Blogger post format, in New York time whatever the build TZ', () => {
    expect(p.text('.date-header')).toBe('Saturday, November 29, 2008');
    expect(p.text('h1.post-title')).toBe('Should Psychiatrists See Patients for Psychotherapy?');
    // Only the date is known: no time of day is shown (the seed's metadata says it is unknown).
    expect(p.text('.post-byline')).toBe('Posted by Dinah · 3 min read');
    expect(p.text('.post-body')).toContain('Roy made me proof read this; my first draft was a disaster.');
  });

  it('shows only what the text tells: no labels line and no proofreader (issue 20)', () => {
    expect(p.all('.post-labels')).toEqual([]);
    expect(p.all('.post-proofread')).toEqual([]);
  });

  it('a post with labels lists them alphabetically, each linking to /search/label/…, and credits its proofreader', () => {
    const labelled = page('/2008/04/what-do-you-call-people-who-see.html');
    const links = labelled.all('.post-labels a');
    expect(labelled.text('.post-labels')).toMatch(/^Labels: /);
    const names = links.map(textOf);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    expect(names).toContain('psychotherapy');
    for (const a of links) expect(attr(a, 'href')).toBe(`/search/label/${encodeURIComponent(textOf(a))}`);
    expect(labelled.text('.post-proofread')).toBe('Proofread by ClinkShrink');
  });

  it('shows comments the Blogger way, threaded, with permalinks and the author marked', () => {
    // Sample comments live on a sample post; the real post's comments were not recovered.
    const path = '/2009/01/in-defense-of-fifteen-minute-med.html';
    const p = page(path);
    const count = p.all('#comments li.comment').length;
    expect(count).toBeGreaterThan(0);
    expect(p.text('#comments-heading')).toBe(count === 1 ? '1 comment:' : `${count} comments:`);
    for (const li of p.all('#comments li.comment')) {
      const id = attr(li, 'id')!;
      expect(id).toMatch(/^c\d+$/);
      const permalink = p.all(`#${id} > .comment-footer a`)[0];
      expect(attr(permalink, 'href')).toBe(`${path}?showComment=${attr(li, 'dataShowComment')}#${id}`);
      expect(textOf(permalink!)).toMatch(/^[A-Z][a-z]+ \d{1,2}, \d{4} at \d{1,2}:\d{2} [AP]M$/);
    }
    expect(p.all('#comments li.comment:not(.comment--removed) > .comment-author').every((el) => / said\.\.\.$/.test(textOf(el)))).toBe(true);
    expect(p.all('li.comment--blog-author').length).toBeGreaterThan(0);
    expect(p.text('li.comment--blog-author > .comment-author')).toMatch(/^(Dinah|ClinkShrink|Roy) \(blog author\) said\.\.\.$/);
  });

  it('shows one level of replies (Blogger added them in 2012) and keeps a removed comment that has replies', () => {
    const heated = page('/2015/03/involuntary-treatment-who-decides.html');
    expect(heated.all('#comments li.comment')).toHaveLength(20);
    expect(heated.text('#comments-heading')).toBe('20 comments:');
    expect(heated.all('.comment-replies > li.comment').length).toBeGreaterThan(0);
    // Blogger's threads had one level: a reply to a reply sits at the reply level (issue 20).
    expect(heated.all('.comment-replies .comment-replies > li.comment')).toEqual([]);
    const removed = heated.all('li.comment--removed');
    expect(removed.length).toBeGreaterThan(0);
    expect(textOf(removed[0]!)).toMatch(/This comment has been removed by (the author|a blog administrator)\./);
    expect(removed.some((li) => li.children.some((c) => c.type === 'element' && c.tagName === 'ol'))).toBe(true);
  });

  it('sanitizes comment HTML again at render and marks commenters\' links ugc', () => {
    const solitary = page('/2013/06/solitary-confinement-and-mentally-ill.html');
    expect(solitary.html).not.toMatch(/<script|onerror|javascript:/i);
    for (const a of [...solitary.all('.comment-body a'), ...solitary.all('.comment-author a')]) {
      expect(attr(a, 'rel')).toBe('nofollow ugc noopener noreferrer');
    }
  });

  it('links Newer Post, Home and Older Post, and its comments feed', () => {
    expect(p.text("nav.pager")).toMatch(/^Newer Post: .+Home\s*Older Post: .+$/);
    expect(attr(p.one('.post-feed a'), 'href')).toBe('/feeds/comments/2008/11/should-psychiatrists-see-patients-for.xml');
  });

  it('is listed under its month and year archives', () => {
    for (const path of ['/2008/11/', '/2008/']) {
      const hrefs = page(path).all('.post-title a').map((a) => attr(a, 'href'));
      expect(hrefs, path).toContain(SEED);
    }
  });

  it('has canonical, Open Graph and feed discovery tags', () => {
    expect(attr(p.one('link[rel=canonical]'), 'href')).toBe(`https://www.shrinkrap.net${SEED}`);
    expect(attr(p.one('meta[property="og:type"]'), 'content')).toBe('article');
    expect(attr(p.one('meta[property="og:title"]'), 'content')).toBe('Should Psychiatrists See Patients for Psychotherapy?');
    const feeds = p.all('link[rel=alternate][type="application/atom+xml"]').map((l) => attr(l, 'href'));
    expect(feeds).toEqual(expect.arrayContaining(['/feeds/posts/default', '/feeds/comments/default', '/feeds/comments/2008/11/should-psychiatrists-see-patients-for.xml']));
  });
});

describe('reader pages', () => {
  it('home shows 7 full posts, newest first, and pages with Older/Newer Posts', () => {
    const home = page('/');
    expect(home.all('article.post')).toHaveLength(7);
    expect(home.all('article.post .post-body').length).toBe(7);
    expect(attr(home.one('a.pager-older'), 'href')).toBe('/page/2/');
    expect(home.one('a.pager-newer')).toBeUndefined();
    const two = page('/page/2/');
    expect(attr(two.one('a.pager-newer'), 'href')).toBe('/');
    const times = [...home.all('article.post .post-byline time'), ...two.all('article.post .post-byline time')].map((t) => Date.parse(attr(t, 'dateTime')!));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('gives posts of the same day one date header on list pages', () => {
    for (const file of walk(DIST).filter((f) => /^(\d{4}\/(\d{2}\/)?|page\/\d+\/)?index\.html$/.test(f))) {
      const headers = page(`/${file.replace(/index\.html$/, '')}`).all('h2.date-header').map(textOf);
      expect(new Set(headers).size, file).toBe(headers.length);
    }
    const shared = walk(DIST)
      .filter((f) => /^(\d{4}\/(\d{2}\/)?)?index\.html$/.test(f))
      .some((f) => page(`/${f.replace(/index\.html$/, '')}`).all('section.day').some((s) => s.children.filter((c) => c.type === 'element' && c.tagName === 'article').length > 1));
    expect(shared, 'the sample has two posts on one day').toBe(true);
  });

  it('label pages say "Showing posts with label X. Show all posts" and paginate', () => {
    const labels = page('/labels/');
    const entries = labels.all('.labels-index li');
    expect(entries.length).toBeGreaterThan(5);
    const counts = entries.map((li) => Number(/\((\d+)\)/.exec(textOf(li))![1]));
    const biggest = entries[counts.indexOf(Math.max(...counts))]!;
    const href = attr(biggest.children.find((c) => c.type === 'element' && c.tagName === 'a') as never, 'href')!;
    const label = page(href); // Blogger's form, no trailing slash: the one address of a label page
    expect(label.text('.status-msg')).toMatch(/^Showing posts with label .+\. Show all posts/);
    expect(Math.max(...counts)).toBeGreaterThan(7);
    expect(attr(label.one('a.pager-older'), 'href')).toBe(`${href}/page/2/`);
    expect(page(`${href}/page/2/`).all('article.post').length).toBe(Math.max(...counts) - 7);
  });

  it('has author pages with a profile and their posts', () => {
    const clink = page('/authors/clinkshrink/');
    expect(clink.text('.author-profile')).toContain('ClinkShrink');
    const bylines = clink.all('.post-byline').map(textOf);
    expect(bylines.length).toBeGreaterThan(0);
    expect(bylines.every((b) => b.startsWith('Posted by ClinkShrink at'))).toBe(true);
  });

  it('has About, a labels index, an archive index and a helpful 404', () => {
    expect(page('/p/about.html').text('h1')).toMatch(/About/);
    expect(page('/archive/').all('a[href$=".html"]').length).toBeGreaterThan(12);
    const notFound = page('/404.html');
    expect(notFound.one('form[role=search]')).toBeDefined();
    expect(notFound.all('a[href="/archive/"]').length).toBeGreaterThan(0);
  });

  it('keeps the old /YYYY_MM_01_archive.html month address', () => {
    const old = distFile('/2008_11_01_archive.html');
    expect(old).toContain('href="/2008/11/"');
  });

  it('puts the sidebar on every page: contributors, archive tree, labels, subscribe', () => {
    for (const path of ['/', SEED, '/2008/', '/labels/', '/404.html']) {
      const p = page(path);
      expect(p.text('#sb-contributors + ul'), path).toBe('ClinkShrink Dinah Roy');
      expect(p.all('.archive-tree details').length, path).toBeGreaterThan(0);
      // /labels/ lists every label itself; its sidebar does not repeat them.
      expect(p.all('#sb-labels ~ ul a').length, path)[path === '/labels/' ? 'toBe' : 'toBeGreaterThan'](0);
      expect(p.all('#sb-subscribe ~ ul a').map((a) => attr(a, 'href')), path).toEqual(['/feeds/posts/default', '/feeds/comments/default']);
    }
  });

  it('opens the archive tree at the page’s own month, listing its titles', () => {
    const p = page(SEED);
    const open = p.all('.archive-tree details[open] details[open] .archive-titles a');
    expect(open.map((a) => attr(a, 'href'))).toContain(SEED);
    expect(attr(p.all('.archive-tree a[aria-current=page]')[0], 'href')).toBe(SEED);
  });

  it('ships no JavaScript on post, list and archive pages', () => {
    for (const path of ['/', SEED, '/2008/', '/2008/11/', '/labels/', '/authors/dinah/', '/p/about.html']) {
      const p = page(path);
      expect(p.all('script').filter((s) => attr(s, 'type') !== 'application/ld+json'), path).toHaveLength(0);
    }
  });

  it('has a skip link, one h1 and a lang on every page', () => {
    // admin/: the browser editor's own shell, not a reader page (tests/browser/editor.test.ts).
    for (const file of walk(DIST).filter((f) => f.endsWith('.html') && !/_archive\.html$/.test(f) && !f.startsWith('pagefind') && !f.startsWith('admin/'))) {
      const p = page('/' + file);
      expect(attr(p.one('html'), 'lang'), file).toBe('en');
      if (p.one('meta[http-equiv=refresh]')) continue; // a page that only sends readers on
      expect(attr(p.one('a.skip-link'), 'href'), file).toBe('#main');
      expect(p.all('h1').length, file).toBe(1);
    }
  });
});

describe('drafts and scheduled posts', () => {
  const draftsAndScheduled = walk(join(process.cwd(), 'content/posts'))
    .filter((f) => /\.mdx?$/.test(f))
    .map((f) => ({ f, text: readFileSync(join(process.cwd(), 'content/posts', f), 'utf8') }))
    .filter(({ text }) => /^draft: true$/m.test(text) || /^published: "20(2[7-9]|[3-9]\d)/m.test(text))
    .map(({ f, text }) => ({ path: `/${f.replace(/\.mdx?$/, '.html')}`, title: /^title: "?(.*?)"?$/m.exec(text)![1]! }));

  it('the sample has a draft and a scheduled post', () => {
    expect(draftsAndScheduled.length).toBeGreaterThanOrEqual(2);
  });

  it('are absent from the production build: pages, lists, archive, labels, feeds, sitemap', () => {
    const everything = walk(DIST)
      .filter((f) => /\.(html|xml)$|\/default$/.test(f))
      .map((f) => readFileSync(join(DIST, f), 'utf8'))
      .join('\n');
    for (const { path, title } of draftsAndScheduled) {
      expect(existsSync(join(DIST, path)), path).toBe(false);
      expect(everything.includes(path), path).toBe(false);
      expect(everything.includes(title), title).toBe(false);
    }
  });
});
