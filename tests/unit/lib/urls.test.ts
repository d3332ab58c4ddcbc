import { describe, expect, it } from 'vitest';
import {
  absoluteUrl, labelPath, legacyMonthArchivePath, monthPath, pagedPath, parsePostId, postPath, withBase,
} from '../../../src/lib/urls';

describe('addresses', () => {
  it('keeps the Blogger post address from the file path', () => {
    expect(postPath('2008/11/should-psychiatrists-see-patients-for')).toBe('/2008/11/should-psychiatrists-see-patients-for.html');
    expect(postPath('2006/04/ground-rules-what-this-blog-is-about_21')).toBe('/2006/04/ground-rules-what-this-blog-is-about_21.html');
  });

  it('refuses a post file that is not at YYYY/MM/slug, saying how to fix it', () => {
    expect(() => parsePostId('2008/13/x')).toThrow(/content\/posts\/YYYY\/MM\/slug\.mdx/);
    expect(() => parsePostId('my-post')).toThrow(/permanent address/);
    expect(() => parsePostId('2008/11/Upper-Case')).toThrow(/lowercase slug/);
  });

  it("writes label addresses as Blogger did: as written, spaces as %20", () => {
    expect(labelPath('forensic psychiatry')).toBe('/search/label/forensic%20psychiatry');
    expect(labelPath('Q&A')).toBe('/search/label/Q%26A');
    expect(labelPath('café')).toBe('/search/label/caf%C3%A9');
  });

  it('pages listings under /page/N/', () => {
    expect(pagedPath('/', 1)).toBe('/');
    expect(pagedPath('/', 2)).toBe('/page/2/');
    expect(pagedPath('/search/label/jails/', 3)).toBe('/search/label/jails/page/3/');
    expect(pagedPath('/search/label/jails', 2)).toBe('/search/label/jails/page/2/');
  });

  it('keeps the old month archive address and the new one', () => {
    expect(monthPath(2008, 4)).toBe('/2008/04/');
    expect(legacyMonthArchivePath(2008, 4)).toBe('/2008_04_01_archive.html');
  });

  it('respects a deployment sub-path', () => {
    expect(withBase('/', '/2008/')).toBe('/2008/');
    expect(withBase('/pr-42/', '/2008/')).toBe('/pr-42/2008/');
    expect(absoluteUrl('https://example.org/', '/pr-42/', '/feeds/posts/default')).toBe('https://example.org/pr-42/feeds/posts/default');
  });
});
