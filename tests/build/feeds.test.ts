import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseFeed } from '@rowanmanning/feed-parser';
import { DIST, distFile, page, attr, walk } from '../helpers';

const SEED = '2008/11/should-psychiatrists-see-patients-for';
const atom = (path: string) => {
  const xml = distFile(path);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`${path} is not well-formed XML: ${JSON.stringify(valid.err)}`);
  return { xml, feed: parseFeed(xml), raw: new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) };
};
const entries = (raw: { feed: { entry?: unknown } }) => [raw.feed.entry ?? []].flat() as Record<string, any>[];

describe('feeds', () => {
  it("serves the posts feed at Blogger's /feeds/posts/default with full content, newest first", () => {
    const { feed, raw } = atom('/feeds/posts/default');
    expect(feed.meta.type).toBe('atom');
    expect(feed.title).toBe('Shrink Rap');
    const home = page('/').all('article .post-title a').map((a) => `https://www.shrinkrap.net${attr(a, 'href')}`);
    expect(feed.items.slice(0, home.length).map((i) => i.url)).toEqual(home);
    const seed = entries(raw).find((e) => e.id.endsWith(`post:${SEED}`));
    expect(seed, 'the flagship post is in the newest 25').toBeDefined();
    expect(seed!.content.type).toBe('html');
    expect(seed!.content['#text']).toContain('Roy made me proof read this');
    expect(seed!.author.name).toBe('Dinah');
    // Its time of day is unknown: it stands at noon in New York, never at an invented time.
    expect(seed!.published).toBe('2008-11-29T17:00:00.000Z');
  });

  it('keeps entry ids stable tag: URIs and dates valid', () => {
    for (const path of ['/feeds/posts/default', '/feeds/comments/default']) {
      for (const e of entries(atom(path).raw)) {
        expect(e.id).toMatch(/^tag:www\.shrinkrap\.net,2006:(post|comment):/);
        expect(Number.isNaN(Date.parse(e.published))).toBe(false);
        expect(Number.isNaN(Date.parse(e.updated))).toBe(false);
      }
    }
  });

  it('has a feed per label and per author with only their posts', () => {
    const { feed } = atom('/feeds/authors/roy.xml');
    expect(feed.items.length).toBeGreaterThan(0);
    expect(feed.items.every((i) => i.authors[0]?.name === 'Roy')).toBe(true);
    const label = atom('/feeds/labels/psychotherapy.xml').feed;
    expect(label.items.map((i) => i.url)).toContain('https://www.shrinkrap.net/2008/04/what-do-you-call-people-who-see.html');
    expect(label.items.every((i) => i.categories.some((c) => c.term === 'psychotherapy'))).toBe(true);
  });

  it('has comment feeds site-wide and per post, threaded with RFC 4685', () => {
    const post = atom(`/feeds/comments/${SEED}.xml`);
    const onPage = page(`/${SEED}.html`).all('li.comment').length;
    expect(post.feed.items).toHaveLength(onPage);
    for (const e of entries(post.raw)) {
      expect(e['thr:in-reply-to'].ref).toMatch(/^tag:www\.shrinkrap\.net,2006:(post|comment):/);
      expect(e.link.href).toMatch(new RegExp(`^https://www\\.shrinkrap\\.net/${SEED}\\.html#c`));
    }
    const site = atom('/feeds/comments/default');
    expect(site.feed.items.length).toBeGreaterThan(onPage);
  });

  it("sends Blogger's per-post comment feed address to the post's own comments feed", () => {
    // One file per feed: the old address is a rule in _redirects, not a second copy.
    expect(walk(join(DIST, 'feeds')).filter((f) => /^\d+\/comments\/default$/.test(f))).toEqual([]);
    const rules = readFileSync(join(DIST, '_redirects'), 'utf8')
      .split('\n')
      .map((l) => l.split(' '))
      .filter(([from]) => from && /^\/feeds\/\d+\/comments\/default$/.test(from));
    expect(rules.length).toBeGreaterThan(0);
    for (const [, to, status] of rules) {
      expect(to).toMatch(/^\/feeds\/comments\/\d{4}\/\d{2}\/[^/]+\.xml$/);
      expect(status).toBe('301');
      expect(atom(to!).feed.meta.type).toBe('atom');
    }
  });

  it('gives label and author feeds summaries, and the posts feed full content', () => {
    for (const path of ['/feeds/labels/psychotherapy.xml', '/feeds/authors/dinah.xml']) {
      const list = entries(atom(path).raw);
      expect(list.length, path).toBeGreaterThan(0);
      for (const e of list) {
        expect(e.content, `${path}: ${e.id}`).toBeUndefined();
        expect(String(e.summary['#text']).length, `${path}: ${e.id}`).toBeGreaterThan(20);
      }
    }
    const labelled = entries(atom('/feeds/labels/psychotherapy.xml').raw).find((e) => e.id.endsWith('post:2008/04/what-do-you-call-people-who-see'))!;
    expect(labelled.summary.type).toBe('text');
  });

  it('never leaks e-mail addresses or scripts into any feed', () => {
    for (const f of walk(join(DIST, 'feeds'))) {
      const xml = readFileSync(join(DIST, 'feeds', f), 'utf8');
      expect(xml, f).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
      expect(xml, f).not.toMatch(/<script/i);
    }
  });

  it('publishes sitemap and robots.txt', () => {
    const robots = distFile('/robots.txt');
    expect(robots).toContain('Sitemap: https://www.shrinkrap.net/sitemap-index.xml');
    const sitemap = distFile('/sitemap-0.xml');
    expect(sitemap).toContain(`https://www.shrinkrap.net/${SEED}.html`);
    expect(sitemap).not.toContain('404');
  });
});
