import { editDistance } from '../distance';
import { handleOf } from '../frontmatter';
import type { Issue, KnownAuthor, ProofContext } from '../types';
import type { Check } from './types';

/** The author and the proofreaders: blog authors, not the author proofreading their own post, nobody twice. */

/** "Roy", "ClinkShrink", or a slip like "ray": the author most likely meant. */
function likelyAuthor(ctx: ProofContext, name: string): KnownAuthor | undefined {
  const n = name.toLowerCase();
  return (
    ctx.authors.find((a) => a.id === n || a.handle.toLowerCase() === n) ??
    ctx.authors.find((a) => editDistance(a.id, n) <= 1 || editDistance(a.handle.toLowerCase(), n) <= 1)
  );
}

export const authorsCheck: Check = {
  rule: 'authors',
  needsFrontMatter: true,
  run({ data, doc, ctx }) {
    const issues: Issue[] = [];
    const list = ctx.authors.map((a) => `${a.id} (${a.handle})`).join(', ');
    if (data.author !== undefined && !ctx.authors.some((a) => a.id === data.author)) {
      const near = likelyAuthor(ctx, data.author);
      issues.push({
        severity: 'error',
        kind: 'author',
        line: doc.keyLines.get('author'),
        message: `The author "${data.author}" is not one of the blog's authors.`,
        fix: near ? `Did you mean ${near.id}? Write author: ${near.id}` : `Use one of: ${list}.`,
      });
    }
    const seen = new Set<string>();
    const line = doc.keyLines.get('proofreadBy');
    for (const name of data.proofreadBy) {
      if (!ctx.authors.some((a) => a.id === name)) {
        const near = likelyAuthor(ctx, name);
        issues.push({
          severity: 'error',
          kind: 'author',
          line,
          message: `The proofreader "${name}" is not one of the blog's authors, so the page cannot credit them.`,
          fix: near ? `Did you mean ${near.id}? Write ${near.id} instead of ${name}.` : `Use one of: ${list}.`,
        });
      } else if (name === data.author) {
        issues.push({
          severity: 'warning',
          kind: 'author',
          line,
          message: `${handleOf(ctx, name)} is listed as proofreading their own post.`,
          fix: 'Ask a co-author to proofread it, and put their name in proofreadBy instead.',
        });
      }
      if (seen.has(name)) issues.push({ severity: 'hint', kind: 'author', line, message: `"${name}" is listed twice in proofreadBy.`, fix: 'Keep one.' });
      seen.add(name);
    }
    return issues;
  },
};
