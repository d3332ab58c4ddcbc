// @ts-check
/**
 * Keeps ONE proof-sheet comment on a pull request: creates it the first time, then edits
 * it on every push (and removes any stray duplicates). Plain JavaScript so the workflow's
 * actions/github-script step can import it without a build:
 *
 *   const { upsertProofSheetComment } = await import(`${process.env.GITHUB_WORKSPACE}/scripts/pr-comment.mjs`);
 *   await upsertProofSheetComment({ github, owner, repo, issueNumber, body });
 *
 * `github` is github-script's Octokit; tests pass a fake with the same four methods.
 */

/** Must match PROOF_SHEET_MARKER in src/lib/proofread/report.ts (a unit test checks). */
export const PROOF_SHEET_MARKER = '<!-- shrinkrap-proof-sheet -->';

/** GitHub refuses comments longer than this. */
export const MAX_COMMENT_LENGTH = 65536;

/**
 * @typedef {{ id: number, body?: string | null, user?: { login?: string, type?: string } | null }} IssueComment
 * @typedef {{
 *   rest: { issues: {
 *     listComments: (params: object) => Promise<{ data: IssueComment[] }>,
 *     createComment: (params: { owner: string, repo: string, issue_number: number, body: string }) => Promise<{ data: IssueComment }>,
 *     updateComment: (params: { owner: string, repo: string, comment_id: number, body: string }) => Promise<{ data: IssueComment }>,
 *     deleteComment: (params: { owner: string, repo: string, comment_id: number }) => Promise<unknown>,
 *   } },
 *   paginate: (method: any, params: object) => Promise<IssueComment[]>,
 * }} GitHubLike
 */

/**
 * Cut a sheet that is too long for one comment, keeping whole lines and closing an open
 * <details>, and say where the whole sheet is.
 * @param {string} body
 * @param {number} [limit]
 */
export function fitComment(body, limit = MAX_COMMENT_LENGTH) {
  if (body.length <= limit) return body;
  const note = '\n\n**The proof sheet is too long for one comment.** The whole sheet is in the workflow run\'s summary, or run `npm run proofread` on your computer.\n';
  let cut = body.slice(0, limit - note.length - 20);
  cut = cut.slice(0, Math.max(cut.lastIndexOf('\n'), 0));
  const open = (cut.match(/<details>/g) ?? []).length - (cut.match(/<\/details>/g) ?? []).length;
  return `${cut}${open > 0 ? '\n\n</details>' : ''}${note}`;
}

/**
 * A comment is ours when a bot wrote it and it starts with the marker: a person quoting
 * the sheet in a reply must never be overwritten.
 * @param {IssueComment} comment
 */
export const isProofSheetComment = (comment) =>
  comment.user?.type === 'Bot' && typeof comment.body === 'string' && comment.body.trimStart().startsWith(PROOF_SHEET_MARKER);

/**
 * @param {{ github: GitHubLike, owner: string, repo: string, issueNumber: number, body: string }} args
 * @returns {Promise<{ action: 'created' | 'updated' | 'unchanged', id: number, removed: number[] }>}
 */
export async function upsertProofSheetComment({ github, owner, repo, issueNumber, body }) {
  const text = fitComment(body.trimStart().startsWith(PROOF_SHEET_MARKER) ? body : `${PROOF_SHEET_MARKER}\n${body}`);
  const comments = await github.paginate(github.rest.issues.listComments, { owner, repo, issue_number: issueNumber, per_page: 100 });
  const [keep, ...extra] = comments.filter(isProofSheetComment);
  if (!keep) {
    const { data } = await github.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body: text });
    return { action: 'created', id: data.id, removed: [] };
  }
  const removed = [];
  for (const c of extra) {
    await github.rest.issues.deleteComment({ owner, repo, comment_id: c.id });
    removed.push(c.id);
  }
  if (keep.body === text) return { action: 'unchanged', id: keep.id, removed };
  await github.rest.issues.updateComment({ owner, repo, comment_id: keep.id, body: text });
  return { action: 'updated', id: keep.id, removed };
}
