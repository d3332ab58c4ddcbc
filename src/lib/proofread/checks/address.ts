import { bloggerSlug, uniqueSlug } from '../../slug';
import { POST_ID } from '../../urls';
import { monthName, pad2, zonedParts } from '../../dates';
import type { PostData } from '../frontmatter';
import type { Issue, ProofContext } from '../types';
import type { Check, CheckInput } from './types';

/** The address (folder and slug): a post address, Blogger-style, the month of its date. */

const BLOGGER_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:_\d+)?$/;

function folderFor(data: PostData, ctx: ProofContext): string | undefined {
  if (!data.published) return undefined;
  const p = zonedParts(data.published, ctx.timeZone);
  return `${p.year}/${pad2(p.month)}`;
}

function suggestSlug(data: PostData, year: string, month: string, ctx: ProofContext, selfId: string): string {
  const wanted = bloggerSlug(data.title ?? 'post');
  return uniqueSlug(wanted, (s) => `${year}/${month}/${s}` !== selfId && ctx.posts.has(`${year}/${month}/${s}`));
}

function notAnAddress({ postId, data, ctx }: CheckInput): Issue[] {
  if (postId === undefined) {
    return [
      {
        severity: 'hint',
        kind: 'address',
        message: `This file is not under ${ctx.postsDir}/YYYY/MM/, so it has no web address yet; the address checks were skipped.`,
        fix: `Create posts with \`npm run new\`, which puts them in the right folder.`,
      },
    ];
  }
  const slug = postId.split('/').at(-1) ?? postId;
  const suggestion = data.title ? bloggerSlug(data.title) : bloggerSlug(slug.replace(/[_\s]+/g, ' '));
  return [
    {
      severity: 'error',
      kind: 'address',
      message: `The file's place, ${ctx.postsDir}/${postId}, is not a post address: posts live at ${ctx.postsDir}/YYYY/MM/slug.mdx, with a four-digit year, a two-digit month and a lowercase slug.`,
      fix: `Move it to ${ctx.postsDir}/${folderFor(data, ctx) ?? 'YYYY/MM'}/${suggestion}.mdx.`,
    },
  ];
}

function monthMismatch({ data, doc, ctx }: CheckInput, year: string, month: string): Issue[] {
  // Old Blogger posts sometimes sit in another month's folder: keep those as they are.
  if (!data.published || data.legacyUrl) return [];
  const p = zonedParts(data.published, ctx.timeZone);
  if (p.year === Number(year) && p.month === Number(month)) return [];
  const draft = data.draft === true;
  return [
    {
      // Published posts may sit in another month's folder on purpose (Blogger did that).
      severity: draft ? 'warning' : 'hint',
      kind: 'address',
      line: doc.keyLines.get('published'),
      message: `The file is in the ${monthName(Number(month))} ${year} folder, but the date says ${monthName(p.month)} ${p.year}.`,
      fix: draft
        ? `Move the file to ${ctx.postsDir}/${p.year}/${pad2(p.month)}/ (the folder is part of the address), or change the date.`
        : 'If the post is already published, leave the file where it is; otherwise move it to the folder of its month.',
    },
  ];
}

export const addressCheck: Check = {
  rule: 'address',
  needsFrontMatter: true,
  run(input) {
    const { postId, data, ctx } = input;
    const m = postId === undefined ? null : POST_ID.exec(postId);
    if (!m || postId === undefined) return notAnAddress(input);
    const [, year, month, slug] = m as unknown as [string, string, string, string];
    const draft = data.draft === true;
    // A published address is permanent: only drafts get advice to rename.
    const settled = !draft;
    const issues: Issue[] = [];
    const rename = () => `${suggestSlug(data, year, month, ctx, postId)}.mdx`;
    if (!BLOGGER_SLUG.test(slug)) {
      issues.push({
        severity: settled ? 'hint' : 'warning',
        kind: 'address',
        message: `The slug "${slug}" is not Blogger-style (lowercase words joined by hyphens).`,
        fix: settled ? 'Leave it if the post is already published: changing it would break links to it.' : `Rename the file to ${rename()} while it is still a draft.`,
      });
    }
    const base = slug.replace(/_\d+$/, '');
    if (base.length > 40) {
      issues.push({
        severity: settled ? 'hint' : 'warning',
        kind: 'address',
        message: `The slug is long (${base.length} characters); Blogger kept them to about 40.`,
        fix: settled ? 'Leave it if the post is already published.' : `Rename the file to ${rename()}.`,
      });
    }
    if (draft && data.title && BLOGGER_SLUG.test(slug) && base !== bloggerSlug(data.title)) {
      issues.push({
        severity: 'hint',
        kind: 'address',
        message: `The address (${slug}) was made from a different title than "${data.title}".`,
        fix: `While it is a draft you may rename the file to ${rename()}; once published, never change it.`,
      });
    }
    return [...issues, ...monthMismatch(input, year, month)];
  },
};
