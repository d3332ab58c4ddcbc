import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commentsJsonFeedPages, jsonFeedText } from '../../../src/lib/export/jsonfeed';
import { commentsWxr } from '../../../src/lib/export/wxr';
import type { PostComments } from '../../../src/lib/schemas';
import { htmlToPlainText } from '../../../src/lib/sanitize';
import { importInto, snapshot } from '../import/helpers';
import { importedSite } from './helpers';

/**
 * Round trip: export the comments, remove them, import the export: the comment
 * files come back byte for byte.
 */

function commentFiles(content: string) {
  return new Map([...snapshot(join(content, 'comments'))]);
}

const words = (html: string) => htmlToPlainText(html).replace(/\s+/g, ' ').trim();

function withoutComments(content: string) {
  rmSync(join(content, 'comments'), { recursive: true, force: true });
  mkdirSync(join(content, 'comments'));
}

describe('round trip', () => {
  it('WXR export -> import gives the same comment files', () => {
    const { root, content, input } = importedSite();
    const before = commentFiles(content);
    const file = join(root, 'comments.wxr.xml');
    writeFileSync(file, commentsWxr(input));
    withoutComments(content);
    const r = importInto(content, [file]);
    expect(r.report.counts.posts).toEqual({ live: 0, draft: 0 });
    expect(commentFiles(content)).toEqual(before);
  });

  it('JSON Feed export (all pages) -> import gives the same comment files', () => {
    const { root, content, input } = importedSite();
    const before = commentFiles(content);
    const pages = commentsJsonFeedPages(input, { pageUrl: (n) => `https://www.shrinkrap.net/exports/comments-${n}.json`, pageSize: 8 });
    const files = pages.map((p, i) => {
      const f = join(root, `comments-${i + 1}.json`);
      writeFileSync(f, jsonFeedText(p));
      return f;
    });
    withoutComments(content);
    importInto(content, files);
    expect(commentFiles(content)).toEqual(before);
  });

  it('importing the export over the comments it came from changes nothing', () => {
    const { root, content, input } = importedSite();
    const before = snapshot(content);
    const file = join(root, 'comments.wxr.xml');
    writeFileSync(file, commentsWxr(input));
    const r = importInto(content, [file]);
    expect(r.report.writes.written).toEqual([]);
    expect(snapshot(content)).toEqual(before);
  });

  it('without our commentmeta (as another tool would write it), WordPress fields alone keep text, time, author and threads', () => {
    const { root, content, input } = importedSite();
    const before = new Map([...commentFiles(content)].map(([k, v]) => [k, (JSON.parse(v) as PostComments).comments]));
    const plain = commentsWxr(input).replace(/\s*<wp:commentmeta>[\s\S]*?<\/wp:commentmeta>/g, '');
    const file = join(root, 'plain.wxr.xml');
    writeFileSync(file, plain);
    withoutComments(content);
    importInto(content, [file]);
    for (const [rel, text] of commentFiles(content)) {
      const after = (JSON.parse(text) as PostComments).comments;
      const orig = before.get(rel)!;
      expect(after).toHaveLength(orig.length);
      const idMap = new Map(after.map((c, i) => [c.id, orig[i]!.id]));
      after.forEach((c, i) => {
        const o = orig[i]!;
        expect(Date.parse(c.published)).toBe(Date.parse(o.published));
        if (o.status === 'visible') {
          expect(c.author.name).toBe(o.author.name);
          expect(words(c.bodyHtml)).toBe(words(o.bodyHtml));
        }
        expect(c.parentId ? idMap.get(c.parentId) : null).toBe(o.parentId);
      });
    }
    expect(readFileSync(file, 'utf8')).not.toContain('_shrinkrap_comment');
  });
});
