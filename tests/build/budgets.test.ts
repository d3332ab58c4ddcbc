import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from '../../scripts/check-links';
import { attr, DIST, page } from '../helpers';

/**
 * Page-weight budgets (sizes, not times) and privacy: every page is checked, so a new
 * page type cannot slip past. Limits from the scale issue: a post page with about 20
 * comments ≤ 60 KB of HTML and no JavaScript; all the site's CSS ≤ 20 KB.
 */

const POST_HTML_LIMIT = 60_000;
const SITE_CSS_LIMIT = 20_000;
const files = listFiles(DIST);
const htmlFiles = files.filter((f) => f.endsWith('.html'));
const postFiles = htmlFiles.filter((f) => /^\d{4}\/\d{2}\/[^/]+\.html$/.test(f));

describe('post pages', () => {
  const posts = postFiles.map((f) => {
    const p = page(`/${f}`);
    return { file: f, bytes: Buffer.byteLength(p.html), comments: p.all('li.comment').length, scripts: p.all('script'), p };
  });

  it('a post page with about 20 comments is at most 60 KB of HTML', () => {
    const typical = posts.filter((p) => p.comments >= 15 && p.comments <= 25);
    expect(typical.length, 'the sample site needs a post with 15–25 comments to measure').toBeGreaterThan(0);
    for (const p of typical) expect(p.bytes, `${p.file} (${p.comments} comments)`).toBeLessThanOrEqual(POST_HTML_LIMIT);
  });

  it('no post page loads or inlines JavaScript', () => {
    expect(posts.length).toBeGreaterThan(10);
    for (const p of posts) {
      expect(p.scripts.map((s) => attr(s, 'src') ?? 'inline script'), p.file).toEqual([]);
      expect(p.p.all('link[rel~=modulepreload]'), p.file).toEqual([]);
      const handlers = p.p.all('*').flatMap((el) => Object.keys(el.properties).filter((k) => /^on[A-Z]/.test(k)));
      expect(handlers, `${p.file}: inline event handlers`).toEqual([]);
    }
  });
});

describe('CSS', () => {
  it('all the CSS any page uses, linked and inline, is at most 20 KB', () => {
    const linked = new Set<string>();
    const inline = new Set<string>();
    for (const f of htmlFiles) {
      const p = page(`/${f}`);
      for (const l of p.all('link[rel~=stylesheet]')) linked.add(attr(l, 'href')!);
      for (const s of p.all('style')) inline.add(s.children.map((c) => ('value' in c ? c.value : '')).join(''));
    }
    const linkedBytes = [...linked].reduce((n, href) => n + readFileSync(join(DIST, decodeURIComponent(href).replace(/^\//, ''))).length, 0);
    const inlineBytes = [...inline].reduce((n, css) => n + Buffer.byteLength(css), 0);
    expect(linked.size).toBeGreaterThan(0);
    expect(linkedBytes + inlineBytes, `linked: ${[...linked].join(', ')}`).toBeLessThanOrEqual(SITE_CSS_LIMIT);
  });
});

describe('images', () => {
  it('every <img> on every page has width and height (no layout shift)', () => {
    let images = 0;
    for (const f of htmlFiles) {
      for (const img of page(`/${f}`).all('img')) {
        images++;
        expect(attr(img, 'width'), `${f}: ${attr(img, 'src')}`).toMatch(/^\d+$/);
        expect(attr(img, 'height'), `${f}: ${attr(img, 'src')}`).toMatch(/^\d+$/);
      }
    }
    expect(images, 'the sample site has images to check').toBeGreaterThan(0);
  });
});

describe('no third-party requests', () => {
  const isThirdParty = (url: string | undefined) => !!url && (/^[a-z][a-z0-9+.-]*:\/\//i.test(url) || url.startsWith('//')) && !url.startsWith('data:');
  const resourceSelectors: [string, string[]][] = [
    ['script', ['src']],
    ['link[rel~=stylesheet], link[rel~=preload], link[rel~=modulepreload], link[rel~=icon], link[rel~=manifest], link[rel~=prefetch]', ['href']],
    ['img', ['src', 'srcSet']],
    ['iframe', ['src']],
    ['video', ['src', 'poster']],
    ['audio', ['src']],
    ['source', ['src', 'srcSet']],
    ['embed', ['src']],
    ['object', ['data']],
  ];

  it('no page loads a script, stylesheet, font, icon, image, frame or media from another origin', () => {
    const offenders: string[] = [];
    for (const f of htmlFiles) {
      const p = page(`/${f}`);
      for (const [selector, attributes] of resourceSelectors) {
        for (const el of p.all(selector)) {
          for (const a of attributes) {
            const value = attr(el, a);
            const urls = a === 'srcSet' ? (value ?? '').split(',').map((s) => s.trim().split(/\s+/)[0]) : [value];
            for (const u of urls) if (isThirdParty(u)) offenders.push(`${f}: <${el.tagName} ${a}="${u}">`);
          }
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('no stylesheet imports or loads anything from another origin', () => {
    for (const f of files.filter((x) => x.endsWith('.css'))) {
      const css = readFileSync(join(DIST, f), 'utf8');
      expect(css, f).not.toMatch(/@import\s+(url\()?\s*["']?(https?:)?\/\//i);
      expect(css, f).not.toMatch(/url\(\s*["']?(https?:)?\/\//i);
    }
  });

  it("the privacy check would catch a third-party resource", () => {
    expect(isThirdParty('https://www.youtube.com/embed/x')).toBe(true);
    expect(isThirdParty('//fonts.googleapis.com/css')).toBe(true);
    expect(isThirdParty('/_astro/site.css')).toBe(false);
  });
});
