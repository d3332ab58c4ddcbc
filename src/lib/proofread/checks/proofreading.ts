import type { Check } from './types';

/** Whether a co-author is credited with proofreading the post. */
export const proofreadingCheck: Check = {
  rule: 'proofreading',
  needsFrontMatter: true,
  run({ data, doc, ctx }) {
    if (data.proofreadBy.some((p) => p !== data.author && ctx.authors.some((a) => a.id === p))) return [];
    const others = ctx.authors.filter((a) => a.id !== data.author).map((a) => a.id);
    return [
      {
        severity: 'hint',
        kind: 'author',
        line: doc.keyLines.get('proofreadBy'),
        message: 'No co-author is credited with proofreading this post yet.',
        fix: `When one has read it, add their name: proofreadBy: [${others[0] ?? 'roy'}]${others.length > 1 ? ` (or ${others.slice(1).join(', ')})` : ''}. The page will then say "Proofread by …".`,
      },
    ];
  },
};
