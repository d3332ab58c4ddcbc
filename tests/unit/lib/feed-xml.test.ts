import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { absolutizeHtml, feedUpdated, renderAtom, textSummary } from '../../../src/lib/feed-xml';

describe('Atom feeds', () => {
  const xml = renderAtom({
    id: 'tag:example.org,2006:feed',
    title: 'Shrink Rap & friends',
    updated: '2008-11-29T11:47:00.000Z',
    selfUrl: 'https://example.org/feeds/posts/default',
    alternateUrl: 'https://example.org/',
    entries: [
      {
        id: 'tag:example.org,2006:post:2008/11/x',
        title: 'Psychotherapy <and> "meds"',
        url: 'https://example.org/2008/11/x.html',
        published: '2008-11-29T11:47:00.000Z',
        updated: '2008-11-29T11:47:00.000Z',
        author: { name: 'Dinah' },
        categories: [{ term: 'Q&A' }],
        contentHtml: '<p>One &amp; two <script>x</script></p>',
        inReplyTo: { ref: 'tag:example.org,2006:post:1', href: 'https://example.org/1' },
      },
    ],
  });

  it('escapes text, attributes and HTML content so it parses back exactly', () => {
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    const entry = parsed.feed.entry;
    expect(parsed.feed.title['#text']).toBe('Shrink Rap & friends');
    expect(entry.title['#text']).toBe('Psychotherapy <and> "meds"');
    expect(entry.category.term).toBe('Q&A');
    expect(entry.content['#text']).toBe('<p>One &amp; two <script>x</script></p>');
    expect(entry['thr:in-reply-to'].ref).toBe('tag:example.org,2006:post:1');
    expect(xml).not.toContain('<script>');
  });

  it("takes its updated time from the newest entry, never the clock", () => {
    expect(feedUpdated([{ updated: '2008-01-01T00:00:00Z' }, { updated: '2009-01-01T00:00:00-05:00' }])).toBe('2009-01-01T00:00:00-05:00');
    expect(feedUpdated([])).toBe('1970-01-01T00:00:00Z');
  });

  it('makes root-relative links and images absolute', () => {
    expect(absolutizeHtml('<a href="/2008/11/x.html">x</a><img src="/_astro/d.svg" alt=""><a href="//cdn/x">y</a>', 'https://example.org')).toBe(
      '<a href="https://example.org/2008/11/x.html">x</a><img src="https://example.org/_astro/d.svg" alt=""><a href="//cdn/x">y</a>',
    );
  });
});

describe("Blogger's per-entry comment count (RFC 4685)", () => {
  const base = {
    id: 'tag:example.org,2006:feed',
    title: 'T',
    updated: '2008-11-29T17:00:00.000Z',
    selfUrl: 'https://example.org/feeds/posts/default',
    alternateUrl: 'https://example.org/',
  };
  const entry = (replies?: { feedUrl: string; total?: number }) => ({
    id: 'tag:example.org,2006:post:2008/11/x',
    title: 'x',
    url: 'https://example.org/2008/11/x.html',
    published: '2008-11-29T17:00:00.000Z',
    updated: '2008-11-29T17:00:00.000Z',
    author: { name: 'Dinah' },
    replies,
  });
  const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml).feed.entry;

  it('writes thr:total, zero included, and a replies link to the comment feed', () => {
    for (const total of [0, 12]) {
      const e = parse(renderAtom({ ...base, entries: [entry({ feedUrl: 'https://example.org/feeds/comments/2008/11/x.xml', total })] }));
      expect(e['thr:total']).toBe(total);
      expect(e.link.find((l: { rel: string }) => l.rel === 'replies')).toMatchObject({ href: 'https://example.org/feeds/comments/2008/11/x.xml', 'thr:count': String(total) });
    }
  });

  it('leaves the count out when it is unknown', () => {
    const xml = renderAtom({ ...base, entries: [entry({ feedUrl: 'https://example.org/feeds/comments/2008/11/x.xml' })] });
    expect(xml).not.toContain('thr:total');
    expect(xml).not.toContain('thr:count');
  });

  it("dates an empty comment feed by its post, not 1970", () => {
    expect(feedUpdated([], '2008-11-29T17:00:00.000Z')).toBe('2008-11-29T17:00:00.000Z');
  });
});

describe('textSummary', () => {
  it('takes the text of the first paragraphs, without markup, HTML or MDX', () => {
    const md = '# Heading\n\nFirst *para* with [a link](/x) and `code`.\n\n<VideoEmbed id="x" />\n\n- a list\n\nSecond <b>one</b> & more.';
    expect(textSummary(md)).toBe('First para with a link and code. Second one & more.');
  });

  it('cuts at a word with an ellipsis', () => {
    const s = textSummary(`${'word '.repeat(200)}end`, 40);
    expect(s.length).toBeLessThanOrEqual(40);
    expect(s.endsWith('word…')).toBe(true);
  });
});
