import { labelKey } from '../../labels';
import { labelName } from '../../schemas';
import type { Issue, ProofContext } from '../types';
import type { Check } from './types';
import { similarLabel } from '../similar-label';

export { similarLabel };

/**
 * Labels: none at all, two that would share an address, a spelling that differs from
 * an existing label, one that looks like an existing label, and new ones.
 */

function mostUsed(ctx: ProofContext, n: number): string[] {
  return [...ctx.labels].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n).map(([l]) => l);
}

/** What to say about one label that is not in use yet. */
function newLabelIssue(label: string, existing: readonly string[], ctx: ProofContext): Omit<Issue, 'line'> {
  const key = labelKey(label);
  const sameKey = existing.find((l) => labelKey(l) === key);
  if (sameKey) {
    return {
      severity: 'error',
      kind: 'labels',
      subject: label,
      message: `The label "${label}" is spelled differently from the existing label "${sameKey}" (only capitals, accents or punctuation differ). The site cannot build two label pages at one address.`,
      fix: `Write "${sameKey}".`,
    };
  }
  const best = similarLabel(label, existing, ctx.labels);
  if (best) {
    const count = ctx.labels.get(best) ?? 0;
    return {
      severity: 'warning',
      kind: 'labels',
      subject: label,
      message: `The label "${label}" looks like the existing label "${best}"${count ? ` (on ${count} post${count === 1 ? '' : 's'})` : ''}.`,
      fix: `Use "${best}" so readers find these posts together, unless you really mean a new label.`,
    };
  }
  return {
    severity: 'hint',
    kind: 'labels',
    subject: label,
    message: `"${label}" is a new label: no other post uses it yet.`,
    fix: 'Fine for a new topic. If an existing label means the same, use that instead (`npm run new -- --list-labels` shows them all).',
  };
}

export const labelsCheck: Check = {
  rule: 'labels',
  needsFrontMatter: true,
  run({ data, doc, ctx }) {
    const line = doc.keyLines.get('labels');
    if (data.labels.length === 0) {
      return [{ severity: 'hint', kind: 'labels', line, message: 'The post has no labels, so it will not appear on any label page.', fix: `Add one to three, e.g. labels: [${mostUsed(ctx, 3).join(', ')}].` }];
    }
    const issues: Issue[] = [];
    const existing = [...new Set([...ctx.labels.keys(), ...ctx.labelAliases.values()])];
    const byKey = new Map<string, string>();
    for (const label of new Set(data.labels)) {
      if (!labelName.safeParse(label).success) continue; // the schema check reports it
      const key = labelKey(label);
      const twin = byKey.get(key);
      if (twin !== undefined && twin !== label) {
        issues.push({
          severity: 'error',
          kind: 'labels',
          line,
          subject: twin,
          message: `The labels "${twin}" and "${label}" differ only in capitals, accents or punctuation, so they would share one address.`,
          fix: 'Keep one of them.',
        });
        continue;
      }
      byKey.set(key, label);
      if (!ctx.labels.has(label) && !ctx.labelAliases.has(label)) issues.push({ line, ...newLabelIssue(label, existing, ctx) });
    }
    return issues;
  },
};
