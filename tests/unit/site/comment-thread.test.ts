import { describe, expect, it } from 'vitest';
import { bloggerThread, threadPages } from '../../../src/lib/site/comment-thread';
import type { StoredComment } from '../../../src/lib/schemas';

let n = 0;
function comment(id: string, parentId: string | null, minute: number): StoredComment {
  n++;
  return {
    id: `site:${id}`,
    parentId: parentId && `site:${parentId}`,
    published: `2015-03-03T10:${String(minute).padStart(2, '0')}:00-05:00`,
    author: { name: `Reader ${id}`, role: 'reader', identity: 'guest' },
    bodyHtml: '<p>x</p>',
    status: 'visible',
    source: { system: 'site', file: 'x.json', id: String(n), postRef: 'p' },
  } as StoredComment;
}

describe("Blogger's one level of replies", () => {
  it('puts every reply, however deep it was stored, at the reply level in time order, naming the reply it answers', () => {
    const comments = [
      comment('1', null, 0),
      comment('2', '1', 1),
      comment('3', '2', 2),
      comment('4', '1', 3),
      comment('5', '3', 4),
      comment('6', null, 5),
    ];
    const thread = bloggerThread(comments);
    expect(thread.map((e) => e.comment.id)).toEqual(['site:1', 'site:6']);
    expect(thread[0]!.replies.map((r) => [r.comment.id, r.inReplyTo?.id])).toEqual([
      ['site:2', undefined],
      ['site:3', 'site:2'],
      ['site:4', undefined],
      ['site:5', 'site:3'],
    ]);
    expect(thread[1]!.replies).toEqual([]);
    // The stored comments keep their parents.
    expect(comments.find((c) => c.id === 'site:5')!.parentId).toBe('site:3');
  });

  it('keeps orphans and cycles at the top level, as threadComments does', () => {
    const thread = bloggerThread([comment('a', 'missing', 0), comment('b', 'c', 1), comment('c', 'b', 2)]);
    expect(thread.map((e) => e.comment.id)).toContain('site:a');
    const all = thread.flatMap((e) => [e.comment.id, ...e.replies.map((r) => r.comment.id)]);
    expect(all.sort()).toEqual(['site:a', 'site:b', 'site:c']);
  });
});

describe('a later page of a long thread', () => {
  it('keeps replies continued from the page before at the top level, naming and marking what they answer', () => {
    const comments = [comment('1', null, 0), comment('2', '1', 1), comment('3', '2', 2), comment('4', '1', 3), comment('5', null, 4), comment('6', '5', 5)];
    const thread = bloggerThread(comments);
    // The reading order 1 2 3 4 5 6 cut after 2: page 2 begins among the replies to 1.
    const first = comments.filter((c) => ['site:1', 'site:2'].includes(c.id));
    const page = comments.filter((c) => ['site:3', 'site:4', 'site:5', 'site:6'].includes(c.id));
    const [one, entries] = threadPages(thread, [first, page]) as [ReturnType<typeof threadPages>[0], ReturnType<typeof threadPages>[0]];
    expect(one.map((e) => [e.comment.id, e.replies.map((r) => r.comment.id)])).toEqual([['site:1', ['site:2']]]);
    expect(entries.map((e) => [e.comment.id, e.inReplyTo?.id, e.answersElsewhere, e.replies.map((r) => r.comment.id)])).toEqual([
      ['site:3', 'site:2', true, []],
      ['site:4', 'site:1', true, []],
      ['site:5', undefined, undefined, ['site:6']],
    ]);
    // Every comment of the page is drawn once.
    expect(entries.flatMap((e) => [e.comment.id, ...e.replies.map((r) => r.comment.id)]).sort()).toEqual(page.map((c) => c.id).sort());
  });
});
