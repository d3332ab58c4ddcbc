import { describe, expect, it } from 'vitest';
import {
  MAX_COMMENT_LENGTH,
  PROOF_SHEET_MARKER,
  fitComment,
  upsertProofSheetComment,
} from '../../../scripts/pr-comment.mjs';
import { PROOF_SHEET_MARKER as REPORT_MARKER } from '../../../src/lib/proofread/report';

/**
 * The comment logic the workflow runs in actions/github-script, against a fake GitHub
 * that behaves like Octokit: pages of 100 comments, ids, and a record of every call.
 */

interface Comment {
  id: number;
  body: string;
  user: { login: string; type: 'Bot' | 'User' };
}

function fakeGitHub(initial: Comment[] = []) {
  const comments = [...initial];
  const calls: string[] = [];
  let nextId = 1000;
  const listComments = async ({ page = 1, per_page = 30 }: { page?: number; per_page?: number }) => ({
    data: comments.slice((page - 1) * per_page, page * per_page),
  });
  const github = {
    rest: {
      issues: {
        listComments,
        createComment: async ({ issue_number, body }: { issue_number: number; body: string }) => {
          calls.push(`create #${issue_number}`);
          const c: Comment = { id: nextId++, body, user: { login: 'github-actions[bot]', type: 'Bot' } };
          comments.push(c);
          return { data: c };
        },
        updateComment: async ({ comment_id, body }: { comment_id: number; body: string }) => {
          calls.push(`update ${comment_id}`);
          const c = comments.find((x) => x.id === comment_id)!;
          c.body = body;
          return { data: c };
        },
        deleteComment: async ({ comment_id }: { comment_id: number }) => {
          calls.push(`delete ${comment_id}`);
          comments.splice(comments.findIndex((x) => x.id === comment_id), 1);
          return {};
        },
      },
    },
    // Like Octokit's paginate: keep asking for pages until one comes back short.
    paginate: async (method: typeof listComments, params: { per_page?: number }) => {
      const all: Comment[] = [];
      for (let page = 1; ; page++) {
        const { data } = await method({ ...params, page });
        all.push(...data);
        if (data.length < (params.per_page ?? 30)) return all;
      }
    },
  };
  return { github, comments, calls };
}

const args = (github: unknown, body: string) => ({ github: github as never, owner: 'o', repo: 'r', issueNumber: 7, body });
const sheet = (text: string) => `${PROOF_SHEET_MARKER}\n## Proof sheet\n\n${text}\n`;
const bot = (id: number, body: string): Comment => ({ id, body, user: { login: 'github-actions[bot]', type: 'Bot' } });
const person = (id: number, body: string): Comment => ({ id, body, user: { login: 'roy', type: 'User' } });

describe('one proof-sheet comment per pull request', () => {
  it('uses the same marker as the sheet', () => {
    expect(PROOF_SHEET_MARKER).toBe(REPORT_MARKER);
  });

  it('creates the comment the first time', async () => {
    const { github, comments, calls } = fakeGitHub([person(1, 'Looks good!')]);
    const r = await upsertProofSheetComment(args(github, sheet('No errors.')));
    expect(r.action).toBe('created');
    expect(calls).toEqual(['create #7']);
    expect(comments.map((c) => c.id)).toEqual([1, r.id]);
  });

  it('updates it on the next push instead of adding another', async () => {
    const { github, comments, calls } = fakeGitHub([person(1, 'hi'), bot(2, sheet('1 error.')), person(3, 'fixed it')]);
    const r = await upsertProofSheetComment(args(github, sheet('No errors.')));
    expect(r).toEqual({ action: 'updated', id: 2, removed: [] });
    expect(calls).toEqual(['update 2']);
    expect(comments.find((c) => c.id === 2)!.body).toContain('No errors.');
  });

  it('does nothing when the sheet has not changed', async () => {
    const { github, calls } = fakeGitHub([bot(2, sheet('No errors.'))]);
    const r = await upsertProofSheetComment(args(github, sheet('No errors.')));
    expect(r.action).toBe('unchanged');
    expect(calls).toEqual([]);
  });

  it('never edits a person’s comment, even one that quotes the sheet', async () => {
    const { github, comments, calls } = fakeGitHub([person(1, sheet('quoted by Roy'))]);
    const r = await upsertProofSheetComment(args(github, sheet('No errors.')));
    expect(r.action).toBe('created');
    expect(calls).toEqual(['create #7']);
    expect(comments[0]!.body).toContain('quoted by Roy');
  });

  it('finds its comment beyond the first page, and removes duplicates', async () => {
    const many = Array.from({ length: 150 }, (_, i) => person(i + 1, `comment ${i}`));
    const { github, comments, calls } = fakeGitHub([...many, bot(500, sheet('old')), bot(501, sheet('older duplicate'))]);
    const r = await upsertProofSheetComment(args(github, sheet('new')));
    expect(r).toEqual({ action: 'updated', id: 500, removed: [501] });
    expect(calls).toEqual(['delete 501', 'update 500']);
    expect(comments.filter((c) => c.body.startsWith(PROOF_SHEET_MARKER))).toHaveLength(1);
  });

  it('adds the marker if the body lacks it, so the next run finds the comment', async () => {
    const { github, comments } = fakeGitHub();
    await upsertProofSheetComment(args(github, 'plain text'));
    const second = await upsertProofSheetComment(args(github, 'plain text'));
    expect(second.action).toBe('unchanged');
    expect(comments).toHaveLength(1);
  });
});

describe('a sheet too long for one comment', () => {
  it('is cut on a line, keeps <details> balanced and says where the rest is', () => {
    const long = `${PROOF_SHEET_MARKER}\n<details>\n${'- **Line 1:** "was seen" is passive.\n'.repeat(3000)}</details>\n`;
    expect(long.length).toBeGreaterThan(MAX_COMMENT_LENGTH);
    const fitted = fitComment(long);
    expect(fitted.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
    expect(fitted.startsWith(PROOF_SHEET_MARKER)).toBe(true);
    expect((fitted.match(/<details>/g) ?? []).length).toBe((fitted.match(/<\/details>/g) ?? []).length);
    expect(fitted).toContain('too long for one comment');
    expect(fitted).not.toMatch(/is pass\n/); // no half lines
    expect(fitComment('short')).toBe('short');
  });
});
