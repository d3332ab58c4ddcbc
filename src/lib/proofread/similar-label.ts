import { labelKey } from '../labels';
import { editDistance } from './distance';

/**
 * The near-miss rule for labels, shared by the proof sheet (checks/labels.ts) and the
 * browser editor. It imports no schema, so the editor's bundle stays free of zod.
 */

/** How far a spelling may be from a label and still look like a slip of the keyboard. */
const nearLimit = (key: string) => (key.length <= 4 ? 0 : key.length <= 8 ? 1 : 2);
const isPluralPair = (a: string, b: string) => a !== b && (a === `${b}s` || b === `${a}s` || a === `${b}es` || b === `${a}es`);

/**
 * The existing label a new one most likely meant ("psychotheraphy" → "psychotherapy",
 * "jail" → "jails"), or undefined. Ties go to the label more posts use.
 */
export function similarLabel(label: string, existing: readonly string[], counts: ReadonlyMap<string, number> = new Map()): string | undefined {
  const key = labelKey(label);
  const near = existing
    .map((l) => ({ l, k: labelKey(l) }))
    .map(({ l, k }) => ({ l, k, d: editDistance(key, k) }))
    .filter(({ k, d }) => (d > 0 && d <= Math.max(nearLimit(key), nearLimit(k))) || isPluralPair(key, k))
    .sort((a, b) => a.d - b.d || (counts.get(b.l) ?? 0) - (counts.get(a.l) ?? 0));
  return near[0]?.l;
}
