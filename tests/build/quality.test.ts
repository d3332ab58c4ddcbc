import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseFeed } from '@rowanmanning/feed-parser';
import { checkLinks, listFiles, resolveSitePath } from '../../scripts/check-links';
import { attr, DIST, page } from '../helpers';

/**
 * Quality gates over the whole built sample site: the Nu HTML Checker on every page, an
 * internal link and anchor check, and every feed through a real feed parser.
 */

const SITE = 'https://www.shrinkrap.net';
const files = listFiles(DIST);

describe('the Nu HTML Checker (vnu-jar)', () => {
  it('finds no errors on any built page', () => {
    const pages = files.filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(50);
    const r = spawnSync(
      'java',
      ['-jar', 'node_modules/vnu-jar/build/dist/vnu.jar', '--skip-non-html', '--errors-only', '--format', 'json', DIST],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    expect(r.error, 'java must be installed (apt-get install -y default-jre-headless)').toBeUndefined();
    const report = JSON.parse(r.stderr || r.stdout) as { messages: { type: string; url?: string; message: string; lastLine?: number }[] };
    const errors = report.messages
      .filter((m) => m.type === 'error' || m.type === 'non-document-error')
      .map((m) => `${(m.url ?? '').replace(/^file:.*?\/dist\//, '')}:${m.lastLine ?? ''} ${m.message}`);
    expect(errors).toEqual([]);
    expect(r.status).toBe(0);
  });
});

describe('internal links and anchors', () => {
  it('every link, image, script and stylesheet inside the site resolves, and every #anchor exists', () => {
    const report = checkLinks(DIST, { origin: SITE });
    expect(report.pages).toBeGreaterThan(50);
    expect(report.links).toBeGreaterThan(report.pages * 10);
    expect(report.broken.map((b) => `${b.page}: ${b.attribute} ${b.url} — ${b.reason}`)).toEqual([]);
  });

  it('the checker itself catches a broken link and a missing anchor', () => {
    // Guard against a checker that passes everything: resolve known-bad addresses directly.
    expect(resolveSitePath(DIST, '/2008/11/no-such-post.html')).toBeUndefined();
    expect(resolveSitePath(DIST, '/2008/11/should-psychiatrists-see-patients-for.html')).toBeDefined();
    expect(resolveSitePath(DIST, '/search/label/forensic psychiatry')).toBe('search/label/forensic psychiatry.html');
    expect(resolveSitePath(DIST, '/2008/11/')).toBe('2008/11/index.html');
  });
});

describe("commenters' links", () => {
  it('carry rel="nofollow ugc noopener" on every page that shows comments', () => {
    let links = 0;
    for (const f of files.filter((x) => /^(\d{4}\/\d{2}\/[^/]+|p\/[^/]+)\.html$/.test(x) && !x.endsWith('index.html'))) {
      for (const a of page(`/${f}`).all('li.comment .comment-author a, li.comment .comment-body a')) {
        links++;
        const rel = (attr(a, 'rel') ?? '').split(/\s+/);
        expect(rel, `${f}: ${attr(a, 'href')}`).toEqual(expect.arrayContaining(['nofollow', 'ugc', 'noopener']));
      }
    }
    expect(links, 'the sample comments have links to check').toBeGreaterThan(0);
  });
});

/* ---------- feeds ---------- */

const feedFiles = files.filter((f) => f.startsWith('feeds/'));
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', textNodeName: '#text', isArray: (name) => name === 'entry' || name === 'link' || name === 'category' });
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

interface AtomEntryXml {
  id: string;
  title: unknown;
  published?: string;
  updated: string;
  link?: { href: string; rel?: string }[];
  content?: { type?: string; '#text'?: string } | string;
}

function loadFeed(file: string) {
  const text = readFileSync(join(DIST, file), 'utf8');
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new Error(`${file} is not well-formed XML: ${JSON.stringify(valid.err)}`);
  return { text, parsed: parseFeed(text), raw: xml.parse(text) as { feed: { id: string; updated: string; entry?: AtomEntryXml[] } } };
}

describe('feeds', () => {
  it('there are feeds to check: site, comments, labels, authors and per post', () => {
    expect(feedFiles).toContain('feeds/posts/default');
    expect(feedFiles).toContain('feeds/comments/default');
    expect(feedFiles.some((f) => f.startsWith('feeds/labels/'))).toBe(true);
    expect(feedFiles.some((f) => f.startsWith('feeds/authors/'))).toBe(true);
    expect(feedFiles.filter((f) => /^feeds\/comments\/\d{4}\//.test(f)).length).toBeGreaterThan(5);
  });

  it('every feed is well-formed Atom that a real feed parser reads', () => {
    for (const file of feedFiles) {
      const { parsed } = loadFeed(file);
      expect(parsed.meta.type, file).toBe('atom');
      expect(parsed.title, file).toBeTruthy();
      for (const item of parsed.items) {
        expect(item.id, file).toBeTruthy();
        expect(item.url, file).toMatch(/^https:\/\/www\.shrinkrap\.net\//);
      }
    }
  });

  it('ids are unique tag: URIs, dates are valid RFC 3339, and the feed is as new as its newest entry', () => {
    for (const file of feedFiles) {
      const { raw } = loadFeed(file);
      const entries = raw.feed.entry ?? [];
      expect(raw.feed.id, file).toMatch(/^tag:www\.shrinkrap\.net,2006:feed:/);
      expect(raw.feed.updated, file).toMatch(RFC3339);
      const ids = entries.map((e) => e.id);
      expect(new Set(ids).size, `${file}: duplicate entry ids`).toBe(ids.length);
      for (const e of entries) {
        expect(e.id, file).toMatch(/^tag:www\.shrinkrap\.net,2006:(post|comment):[\w/:.-]+$/);
        for (const d of [e.updated, e.published].filter(Boolean) as string[]) {
          expect(d, `${file} ${e.id}`).toMatch(RFC3339);
          expect(Number.isNaN(Date.parse(d)), `${file} ${e.id}`).toBe(false);
        }
        if (e.published) expect(Date.parse(e.updated) >= Date.parse(e.published), `${file} ${e.id}: updated before published`).toBe(true);
      }
      if (entries.length) {
        const newest = Math.max(...entries.map((e) => Date.parse(e.updated)));
        expect(Date.parse(raw.feed.updated), file).toBe(newest);
      }
    }
  });

  it('HTML content is escaped text, never raw elements, and has no scripts or inline handlers', () => {
    let checked = 0;
    for (const file of feedFiles) {
      const { raw } = loadFeed(file);
      for (const e of raw.feed.entry ?? []) {
        if (e.content === undefined) continue;
        // Escaped HTML parses as one text node; raw markup would become child elements.
        expect(typeof e.content, `${file} ${e.id}`).toBe('object');
        const content = e.content as { type?: string; '#text'?: string };
        expect(content.type, `${file} ${e.id}`).toBe('html');
        expect(Object.keys(content).filter((k) => k !== 'type' && k !== '#text'), `${file} ${e.id}`).toEqual([]);
        const html = content['#text'] ?? '';
        expect(html, `${file} ${e.id}`).not.toMatch(/<script|\son[a-z]+=|javascript:/i);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it("every entry's link and the feed's alternate link point at pages that were built", () => {
    for (const file of feedFiles) {
      const { raw } = loadFeed(file);
      const links = [...(raw.feed as { link?: { href: string; rel?: string }[] }).link ?? [], ...(raw.feed.entry ?? []).flatMap((e) => e.link ?? [])];
      for (const l of links) {
        if (!l.href.startsWith(SITE)) continue;
        const url = new URL(l.href);
        expect(resolveSitePath(DIST, decodeURIComponent(url.pathname)), `${file}: ${l.href}`).toBeDefined();
      }
    }
  });
});
