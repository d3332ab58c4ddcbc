import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtUrl, sitemapExclusions } from '../../../src/lib/site/sitemap';

describe('sitemap helpers', () => {
  const root = mkdtempSync(join(tmpdir(), 'sitemap-'));
  mkdirSync(join(root, 'content'), { recursive: true });
  writeFileSync(join(root, 'content/labels.yaml'), 'involuntary treatment:\n  aliases: [involuntary commitment]\n');
  mkdirSync(join(root, 'dist/2008/11'), { recursive: true });
  writeFileSync(join(root, 'dist/2008/11/slug.html'), '');

  it('restores .html for post files and a slash for folders, under any base', () => {
    expect(builtUrl('https://x.org/2008/11/slug', join(root, 'dist'), '/')).toBe('https://x.org/2008/11/slug.html');
    expect(builtUrl('https://x.org/2008/11', join(root, 'dist'), '/')).toBe('https://x.org/2008/11/');
    expect(builtUrl('https://x.org/pr-42/2008/11/slug', join(root, 'dist'), '/pr-42/')).toBe('https://x.org/pr-42/2008/11/slug.html');
    expect(builtUrl('https://x.org/feeds/posts/default.xml', join(root, 'dist'), '/')).toBe('https://x.org/feeds/posts/default.xml');
  });

  it('leaves out redirect pages, label aliases, 404 and search', () => {
    const excluded = sitemapExclusions(join(root, 'content'));
    expect(excluded('/2008_11_01_archive')).toBe(true);
    expect(excluded('/share/mastodon/'), 'the Mastodon share page is noindex').toBe(true);
    expect(excluded('/search/label/involuntary%20commitment')).toBe(true);
    expect(excluded('/search/label/involuntary%20treatment')).toBe(false);
    expect(excluded('/404')).toBe(true);
    expect(excluded('/search/')).toBe(true);
    expect(excluded('/2008/11/slug')).toBe(false);
  });

  it('reads the addresses under a base path too', () => {
    const excluded = sitemapExclusions(join(root, 'content'), '/pr-42/');
    expect(excluded('/pr-42/2008_11_01_archive')).toBe(true);
    expect(excluded('/pr-42/search/label/involuntary%20commitment')).toBe(true);
    expect(excluded('/pr-42/search')).toBe(true);
    expect(excluded('/pr-42/2008/11/slug')).toBe(false);
  });
});
