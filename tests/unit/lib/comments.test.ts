import { describe, expect, it } from 'vitest';
import { closedThreadNote, commentCountLabel, commentCountLink, commentDisplayName, threadComments, tombstoneText } from '../../../src/lib/comments';
import { commentAnchor, commentDigits, commentPermalink } from '../../../src/lib/comment-address';
import { postCommentsSchema } from '../../../src/lib/schemas';
import { commentPlainText, htmlToPlainText, sanitizeCommentHtml } from '../../../src/lib/sanitize';
import type { StoredComment } from '../../../src/lib/schemas';

function c(id: string, parentId: string | null, minute: number, extra: Partial<StoredComment> = {}): StoredComment {
  return {
    id,
    parentId,
    published: `2012-05-01T10:${String(minute).padStart(2, '0')}:00-04:00`,
    author: { name: 'Anonymous', role: 'reader', identity: 'anonymous' },
    bodyHtml: '<p>hi</p>',
    status: 'visible',
    source: { system: 'site', file: 'x', id, postRef: 'p' },
    ...extra,
  };
}

describe('comment threading', () => {
  it('nests replies under their parent, in time order', () => {
    const { roots } = threadComments([c('s:3', 's:1', 3), c('s:1', null, 1), c('s:2', null, 2), c('s:4', 's:3', 4)]);
    expect(roots.map((r) => r.comment.id)).toEqual(['s:1', 's:2']);
    expect(roots[0]!.replies[0]!.comment.id).toBe('s:3');
    expect(roots[0]!.replies[0]!.replies[0]!.comment.id).toBe('s:4');
  });

  it('shows a reply to a missing parent at top level and reports it', () => {
    const result = threadComments([c('s:1', null, 1), c('s:2', 's:99', 2)]);
    expect(result.roots.map((r) => r.comment.id)).toEqual(['s:1', 's:2']);
    expect(result.orphans).toEqual(['s:2']);
  });

  it('breaks parent cycles instead of losing the comments', () => {
    const result = threadComments([c('s:1', 's:2', 1), c('s:2', 's:1', 2), c('s:3', 's:3', 3)]);
    const ids = (nodes: ReturnType<typeof threadComments>['roots']): string[] =>
      nodes.flatMap((n) => [n.comment.id, ...ids(n.replies)]);
    expect(ids(result.roots).sort()).toEqual(['s:1', 's:2', 's:3']);
    expect(result.cyclesBroken.length).toBeGreaterThan(0);
  });

  it("uses Blogger's wording", () => {
    expect(commentCountLabel({ count: 0, recovered: true })).toBe('No comments:');
    expect(commentCountLabel({ count: 1, recovered: true })).toBe('1 comment:');
    expect(commentCountLabel({ count: 12, recovered: true })).toBe('12 comments:');
    const removed = c('s:1', null, 1, { status: 'tombstone', bodyHtml: '', author: { name: '', role: 'reader', identity: 'anonymous' }, removedBy: 'administrator' });
    expect(tombstoneText(removed)).toBe('This comment has been removed by a blog administrator.');
    expect(commentDisplayName(c('s:2', null, 1))).toBe('Anonymous');
    expect(commentDisplayName(c('s:3', null, 1, { author: { name: 'Clink', role: 'blog-author', identity: 'registered', authorKey: 'clinkshrink' } }), 'ClinkShrink')).toBe('ClinkShrink');
  });
});

describe('what a thread says about itself', () => {
  it('keeps a removed comment\'s "said..." line: a tombstone with no stored name is "Unknown"', () => {
    const removed = c('s:1', null, 1, { status: 'tombstone', bodyHtml: '', author: { name: '', role: 'reader', identity: 'registered' } });
    expect(commentDisplayName(removed)).toBe('Unknown');
    expect(tombstoneText(removed)).toBe('This comment has been removed by the author.');
  });

  it('says what is true of an empty thread, a whole one, and one that was not recovered', () => {
    expect(closedThreadNote({ count: 0, recovered: true })).toBe('Nobody commented on this post, and the archive is closed to new comments.');
    expect(closedThreadNote({ count: 3, recovered: true })).toMatch(/^This is the archive: the comments above are kept as they were/);
    expect(closedThreadNote({ count: 1, recovered: true })).toMatch(/the comment above is kept as it was/);
    expect(closedThreadNote({ count: 0, recovered: false })).toMatch(/were not recovered/);
    expect(commentCountLabel({ count: 0, recovered: false })).toBe('Comments:');
    expect(commentCountLink({ count: 0, recovered: false })).toBe('Comments not recovered');
    expect(commentCountLink({ count: 0, recovered: true })).toBe('No comments');
  });
});

describe("Blogger's comment anchors and permalinks", () => {
  it('keeps the number of Blogger, site, Disqus and WordPress comments', () => {
    expect(commentAnchor({ id: 'blogger:1143037752240118350' })).toBe('c1143037752240118350');
    expect(commentAnchor({ id: 'site:20032' })).toBe('c20032');
    expect(commentAnchor({ id: 'disqus:820011937' })).toBe('c820011937');
  });

  it('gives any other id stable digits, different per id', () => {
    const a = commentDigits('wxr:2008/11/slug-7');
    expect(a).toMatch(/^\d+$/);
    expect(commentDigits('wxr:2008/11/slug-7')).toBe(a);
    expect(commentDigits('wxr:2008/11/slug-8')).not.toBe(a);
    expect(commentDigits('disqus:line-12')).toMatch(/^\d+$/);
  });

  it("writes Blogger's ?showComment={epoch ms}#c{digits} form", () => {
    const x = c('blogger:2409575649221715206', null, 14);
    expect(commentPermalink('/2012/05/x.html', x)).toBe(`/2012/05/x.html?showComment=${Date.parse('2012-05-01T10:14:00-04:00')}#c2409575649221715206`);
  });

  it('refuses a comment file where two comments would share an anchor', () => {
    const file = { schemaVersion: 1, post: '2012/05/x', comments: [c('site:7', null, 1), c('wxr:7', null, 2)] };
    const parsed = postCommentsSchema.safeParse(file);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.message).toMatch(/"site:7" and "wxr:7" would share the anchor #c7/);
  });
});

describe('comment sanitizer', () => {
  it('keeps the allowed tags and adds rel to links', () => {
    expect(sanitizeCommentHtml('<b>bold</b> <i>it</i><br /><a href="https://example.org/x">link</a>')).toBe(
      '<b>bold</b> <i>it</i><br><a href="https://example.org/x" rel="nofollow ugc noopener noreferrer">link</a>',
    );
  });

  it('removes scripts, handlers, styles and unsafe schemes', () => {
    const out = sanitizeCommentHtml(
      '<script>alert(1)</script><img src=x onerror="alert(2)"><p style="color:red" onclick="x()">ok</p>' +
        '<a href="javascript:alert(3)">js</a><a href="jAva&#x09;script:alert(4)">js2</a><a href="data:text/html,x">d</a>' +
        '<iframe src="https://evil.example"></iframe><svg><script>alert(5)</script></svg>',
    );
    expect(out).not.toMatch(/script|onerror|onclick|style|javascript|data:|iframe|svg|<img/i);
    expect(out).toContain('<p>ok</p>');
    expect(out).toContain('js2');
  });

  it('never republishes an e-mail address a reader typed', () => {
    expect(sanitizeCommentHtml('<p>write me at jane.doe+blog@example.com or <a href="https://x.org">here</a></p>')).toBe(
      '<p>write me at [e-mail removed] or <a href="https://x.org" rel="nofollow ugc noopener noreferrer">here</a></p>',
    );
  });

  it('drops ids and classes (no DOM clobbering)', () => {
    expect(sanitizeCommentHtml('<p id="comments" class="x" name="y">t</p>')).toBe('<p>t</p>');
  });
});

describe('comment text for search', () => {
  it('is the text of the sanitized comment, in one parse', () => {
    for (const html of [
      '<p>I said <b>hi</b> &amp; "bye"</p><script>alert(1)</script><p>next</p>',
      '<p>write me at jane.doe+blog@example.com</p>',
      'Mom &gt; Dad<br>line two<br><br><br><br>after',
      '<a href="javascript:alert(1)">kept text</a> مرحبا 🦆',
    ]) {
      expect(commentPlainText(html), html).toBe(htmlToPlainText(sanitizeCommentHtml(html)));
    }
    expect(commentPlainText('<p>mail jane@example.com</p><script>x()</script>')).not.toMatch(/jane@|x\(\)/);
  });
});

describe('comment anchors', () => {
  it('come from one function, by comment', () => {
    expect(commentAnchor({ id: 'blogger:1143037752240118350' })).toBe('c1143037752240118350');
    expect(commentAnchor({ id: 'disqus:820011937' })).toBe('c820011937');
  });
});
