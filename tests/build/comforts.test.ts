import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { attr, DIST, page, textOf, walk } from '../helpers';
import { readingMinutes } from '../../src/lib/reading-time';
import { bodyWords, formatOf } from '../../src/lib/model';
import { TEST_EDIT_URL } from '../fixture-site';

/**
 * Issue 14 on the built sample site: reading time, series, related posts, the share row,
 * "Suggest an edit" and link previews. (No script on post pages: budgets.test.ts; dark
 * scheme and third-party requests: tests/browser/comforts.test.ts.)
 */

const SITE = 'https://www.shrinkrap.net';
const PART_2 = '/2013/04/day-in-jail-clinic-part-2-sick-call.html';
const SEED = '/2008/11/should-psychiatrists-see-patients-for.html';
const CONTENT = join(process.cwd(), 'content/posts');

/** Every public post in dist with its source file. */
const built = new Set(walk(DIST));
const builtPosts = walk(CONTENT)
  .filter((f) => /\.mdx?$/.test(f))
  .map((f) => ({ file: `content/posts/${f}`, path: `/${f.replace(/\.mdx?$/, '.html')}`, source: readFileSync(join(CONTENT, f), 'utf8') }))
  .filter((p) => built.has(p.path.slice(1)));

const bodyOf = (source: string) => source.replace(/^---\n[\s\S]*?\n---\n/, '');

describe('reading time', () => {
  it('is on every post page, from the proof sheet\'s word count', () => {
    expect(builtPosts.length).toBeGreaterThan(10);
    for (const post of builtPosts) {
      const minutes = readingMinutes(bodyWords(bodyOf(post.source), formatOf(post.file)));
      const shown = page(post.path).all('h1 ~ footer .reading-time, .post-footer .reading-time').map(textOf);
      expect(shown, post.path).toEqual(minutes ? [`· ${minutes} min read`] : []);
    }
  });

  it('ends the byline in words ("3 min read"), and is in list pages\' post footers', () => {
    expect(page(SEED).text('.post-byline')).toMatch(/^Posted by Dinah · \d+ min read$/);
    const home = page('/');
    const articles = home.all('article.post');
    expect(articles.length).toBe(7);
    for (const a of articles) expect(textOf(a)).toMatch(/Posted by \w+ at \d{1,2}:\d{2} [AP]M · \d+ min read · (No comments|1 comment|\d+ comments)/);
  });
});

describe('series', () => {
  it('shows "Part 2 of 3" with a link to every other part, in order', () => {
    const p = page(PART_2);
    expect(p.text('.series-nav__title')).toBe('Part 2 of 3 in the series A Day in the Jail Clinic');
    const items = p.all('.series-nav__parts li');
    expect(items.map(textOf)).toEqual([
      'A Day in the Jail Clinic, Part 1: Intake',
      'A Day in the Jail Clinic, Part 2: Sick Call',
      'A Day in the Jail Clinic, Part 3: The Medication Line',
    ]);
    expect(p.all('.series-nav__parts a').map((a) => attr(a, 'href'))).toEqual([
      '/2013/04/day-in-jail-clinic-part-1-intake.html',
      '/2013/04/day-in-jail-clinic-part-3-medication.html',
    ]);
    expect(textOf(p.one('.series-nav [aria-current=page]')!)).toBe('A Day in the Jail Clinic, Part 2: Sick Call');
  });

  it('numbers podcast episodes by date, and leaves posts outside a series alone', () => {
    expect(page('/2012/03/my-three-shrinks-podcast-53-sleep.html').text('.series-nav__title')).toBe('Part 2 of 2 in the series My Three Shrinks Podcast');
    expect(page('/2012/02/my-three-shrinks-podcast-52-generic.html').text('.series-nav__title')).toMatch(/^Part 1 of 2 /);
    expect(page(SEED).all('.series-nav')).toEqual([]);
  });
});

describe('related posts', () => {
  it('lists up to five posts sharing the most labels, nearest in time first', () => {
    const p = page(PART_2);
    expect(p.text('#related-posts-title')).toBe('Related posts');
    const links = p.all('.related-posts a');
    expect(links).toHaveLength(5);
    // Part 1 shares all three labels and is a week away; part 3 shares all three too, a week later: ties by id then.
    expect(links.slice(0, 2).map((a) => attr(a, 'href')).sort()).toEqual([
      '/2013/04/day-in-jail-clinic-part-1-intake.html',
      '/2013/04/day-in-jail-clinic-part-3-medication.html',
    ]);
    expect(links.map((a) => attr(a, 'href'))).not.toContain(PART_2);
  });

  it('only ever relates posts that share a label', () => {
    const labelsOf = new Map(builtPosts.map((post) => [post.path, new Set(page(post.path).all('.post-labels a').map(textOf))]));
    for (const post of builtPosts) {
      const p = page(post.path);
      const labels = labelsOf.get(post.path)!;
      for (const a of p.all('.related-posts a')) {
        const other = labelsOf.get(attr(a, 'href')!)!;
        expect([...other].some((l) => labels.has(l)), `${post.path} -> ${attr(a, 'href')}`).toBe(true);
      }
      if (labels.size === 0) expect(p.all('.related-posts'), post.path).toEqual([]);
    }
  });
});

describe('share row and edit link', () => {
  const p = page(PART_2);
  const title = 'A Day in the Jail Clinic, Part 2: Sick Call';
  const url = `${SITE}${PART_2}`;

  it('offers e-mail, Facebook, X, Bluesky and Mastodon as plain links with the address and title', () => {
    expect(p.text('.share-row')).toBe('Share: E-mail · Facebook · X · Bluesky · Mastodon');
    const hrefs = Object.fromEntries(p.all('.share-row a').map((a) => [textOf(a), new URL(attr(a, 'href')!, SITE)]));
    expect(hrefs['E-mail']!.href).toBe(`mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(url)}`);
    expect(hrefs.Facebook!.searchParams.get('u')).toBe(url);
    expect(hrefs.X!.searchParams.get('url')).toBe(url);
    expect(hrefs.X!.searchParams.get('text')).toBe(title);
    expect(hrefs.Bluesky!.searchParams.get('text')).toBe(`${title} ${url}`);
    expect(hrefs.Mastodon!.pathname).toBe('/share/mastodon/');
    expect(hrefs.Mastodon!.searchParams.get('text')).toBe(`${title} ${url}`);
  });

  it("links co-authors to the post's file in the repository's web editor", () => {
    expect(p.text('.edit-link')).toMatch(/^Suggest an edit /);
    expect(attr(p.one('.edit-link a'), 'href')).toBe(`${TEST_EDIT_URL}content/posts/2013/04/day-in-jail-clinic-part-2-sick-call.mdx`);
  });

  it('has a Mastodon page that asks for the reader\'s server, kept out of search engines', () => {
    const share = page('/share/mastodon/');
    expect(share.text('h1')).toBe('Share on Mastodon');
    expect(share.text('label[for=mastodon-share-server]')).toBe('Your Mastodon server');
    expect(attr(share.one('meta[name=robots]'), 'content')).toBe('noindex, nofollow');
    expect(share.all('script[type=module]').length, 'a small script sends the reader on').toBe(1);
  });
});

describe('link previews', () => {
  it("carry the site's card with each post's own title and description", () => {
    const p = page(PART_2);
    const meta = (key: string) => attr(p.one(`meta[property="${key}"], meta[name="${key}"]`), 'content');
    expect(meta('og:title')).toBe('A Day in the Jail Clinic, Part 2: Sick Call');
    expect(meta('og:description')).toMatch(/^Part 2 of ClinkShrink's jail series/);
    expect(meta('og:type')).toBe('article');
    expect(meta('og:image')).toBe(`${SITE}/social-card.png`);
    expect([meta('og:image:width'), meta('og:image:height')]).toEqual(['1200', '630']);
    expect(meta('og:image:alt')).toMatch(/duck/);
    expect(meta('twitter:card')).toBe('summary_large_image');
    expect(meta('twitter:title')).toBe(meta('og:title'));
    expect(meta('twitter:description')).toBe(meta('og:description'));
    expect(meta('twitter:image')).toBe(meta('og:image'));
  });

  it('the card is a 1200×630 PNG', () => {
    const png = readFileSync(join(DIST, 'social-card.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });
});
