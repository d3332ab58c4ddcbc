import { describe, expect, it } from 'vitest';
import { commentsWxr, wxrDates } from '../../../src/lib/export/wxr';
import { parseExportText } from '../../../src/lib/import/detect';
import { child, childText, childrenOf, isWpNamespace, parseXml, type XmlElement } from '../../../src/lib/import/xml';
import { importedSite } from './helpers';

const { input } = importedSite();
const xml = commentsWxr(input);
const items: XmlElement[] = [];
parseXml(xml, { file: 'comments.wxr.xml', isRecord: (el, a) => a.length === 2 && el.local === 'item', onRecord: (el) => items.push(el) });

describe('WXR 1.2 comment export', () => {
  it('is well-formed WXR 1.2 with one item per post that has comments', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8" ?>')).toBe(true);
    expect(xml).toContain('<wp:wxr_version>1.2</wp:wxr_version>');
    const posts = new Set([...input.comments].map((c) => c.postId));
    expect(items).toHaveLength(posts.size);
    for (const item of items) {
      expect(childText(item, 'post_type', 'wp')).toMatch(/^(post|page)$/);
      expect(childText(item, 'status', 'wp')).toBe('publish');
      expect(childText(item, 'post_date_gmt', 'wp')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      expect(childText(item, 'link')).toMatch(/^https:\/\/www\.shrinkrap\.net\/.*\.html$/);
      expect(childText(item, 'thread_identifier', 'http://www.disqus.com/')).not.toBe('');
    }
  });

  it('carries each comment body once: the stored JSON leaves it to comment_content', () => {
    const all = items.flatMap((i) => childrenOf(i, 'comment', 'wp'));
    const stored = all.map((c) => JSON.parse(childText(childrenOf(c, 'commentmeta', 'wp')[0], 'meta_value', 'wp')) as { status: string });
    const visible = stored.filter((c) => c.status === 'visible');
    expect(visible.length).toBeGreaterThan(5);
    for (const c of visible) expect(c).not.toHaveProperty('bodyHtml');
    for (const { comment } of input.comments) {
      if (comment.status === 'visible' && comment.bodyHtml.length > 20) expect(xml.split(comment.bodyHtml).length - 1).toBeLessThanOrEqual(1);
    }
  });

  it('threads with comment_parent, parents before their replies, with unique comment ids', () => {
    const all = items.flatMap((i) => childrenOf(i, 'comment', 'wp'));
    expect(all).toHaveLength(22);
    const ids = all.map((c) => childText(c, 'comment_id', 'wp'));
    expect(new Set(ids).size).toBe(ids.length);
    const seen = new Set<string>();
    for (const c of all) {
      const parent = childText(c, 'comment_parent', 'wp');
      if (parent !== '0') expect(seen.has(parent)).toBe(true);
      seen.add(childText(c, 'comment_id', 'wp'));
      expect(childText(c, 'comment_approved', 'wp')).toBe('1');
    }
  });

  it('has empty e-mail and IP elements, and never an address', () => {
    const all = items.flatMap((i) => childrenOf(i, 'comment', 'wp'));
    for (const c of all) {
      expect(childText(c, 'comment_author_email', 'wp')).toBe('');
      expect(childText(c, 'comment_author_IP', 'wp')).toBe('');
    }
    expect(xml).not.toMatch(/@example\.com|noreply@|\b203\.0\.113\.\d+/);
  });

  it('writes comment dates in local time and GMT', () => {
    expect(wxrDates('2006-03-15T08:00:00.000-05:00')).toEqual({ local: '2006-03-15 08:00:00', gmt: '2006-03-15 13:00:00' });
    const c = items.flatMap((i) => childrenOf(i, 'comment', 'wp')).find((x) => childText(x, 'comment_content', 'wp') === 'First!')!;
    expect(childText(c, 'comment_date', 'wp')).toBe('2006-03-15 08:00:00');
    expect(childText(c, 'comment_date_gmt', 'wp')).toBe('2006-03-15 13:00:00');
  });

  it('keeps "]]>" inside a comment intact across CDATA sections', () => {
    const tricky = {
      ...input,
      comments: [{ ...input.comments[0]!, comment: { ...input.comments[0]!.comment, bodyHtml: 'a ]]> b' } }],
    };
    const out = commentsWxr(tricky);
    const found: XmlElement[] = [];
    parseXml(out, { file: 't.xml', isRecord: (el, a) => a.length === 2 && el.local === 'item', onRecord: (el) => found.push(el) });
    expect(childText(child(found[0], 'comment', 'wp'), 'comment_content', 'wp')).toBe('a ]]> b');
  });

  it('is read by our importer as a WordPress file, in the WXR 1.2 namespace', () => {
    expect(parseExportText('comments.wxr.xml', xml).format).toBe('wxr');
    expect(items.every((i) => i.children.some((c) => c.local === 'post_id' && isWpNamespace(c.ns) && c.ns.endsWith('/1.2/')))).toBe(true);
  });
});
