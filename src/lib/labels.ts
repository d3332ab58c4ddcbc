import { foldInvisible, foldKey } from './fold';
import type { LabelInfo } from './schemas';

/**
 * Labels keep the spelling their authors gave them. Two spellings that a host or a
 * case-insensitive disk would treat as one address ("Jails" and "jails", "café" and
 * "cafe") must not both exist: the build refuses them unless labels.yaml names one
 * the alias of the other.
 */

/**
 * The collision key: what makes two label addresses "the same" on some host. The one
 * folding rule (src/lib/fold.ts), which series names share (`seriesKey`).
 */
export const labelKey = foldKey;

/**
 * The label as its address carries it (`/search/label/{label}`, the page's file): the
 * visible text only, so a zero-width character or a decomposed accent never makes a
 * second page that looks the same.
 */
export const labelAddress = foldInvisible;

export interface LabelUse {
  label: string;
  /** Files where this spelling is used, for the error report. */
  files: string[];
}

export interface LabelIndexEntry {
  label: string;
  count: number;
  description?: string;
  aliases: string[];
}

export interface LabelIndex {
  /** Canonical labels, alphabetical. */
  labels: LabelIndexEntry[];
  /** Canonical spelling of any spelling in use (a label maps to itself). */
  canonical: Map<string, string>;
}

export class LabelCollisionError extends Error {
  constructor(public readonly groups: LabelUse[][]) {
    super(
      [
        'Some labels would share one address. Pick one spelling, or list the others as aliases in content/labels.yaml:',
        ...groups.map(
          (g) =>
            '  - ' +
            g.map((u) => `"${u.label}" (in ${u.files.slice(0, 3).join(', ')}${u.files.length > 3 ? ', …' : ''})`).join(' vs '),
        ),
        'Example labels.yaml entry:\n  psychotherapy:\n    aliases: [Psychotherapy]',
      ].join('\n'),
    );
    this.name = 'LabelCollisionError';
  }
}

// One collator for every comparison: localeCompare with options builds a new one per call,
// which made sorting labels for the sidebar 13% of a whole build (docs/PERFORMANCE.md).
const labelCollator = new Intl.Collator('en', { sensitivity: 'base' });

export const compareLabels = (a: string, b: string) => labelCollator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

/**
 * Build the label index from posts' labels and the optional labels.yaml.
 * `posts` gives each post's labels and its file (for messages).
 */
export function buildLabelIndex(
  posts: ReadonlyArray<{ file: string; labels: readonly string[] }>,
  info: ReadonlyMap<string, LabelInfo> = new Map(),
): LabelIndex {
  const aliasOf = new Map<string, string>();
  for (const [label, data] of info) {
    for (const alias of data.aliases) {
      const prior = aliasOf.get(alias);
      if (prior && prior !== label) {
        throw new Error(`content/labels.yaml: "${alias}" is listed as an alias of both "${prior}" and "${label}"; keep one.`);
      }
      aliasOf.set(alias, label);
    }
  }
  const twins = invisibleTwins(posts.flatMap((p) => p.labels), aliasOf);
  const resolve = (l: string) => aliasOf.get(l) ?? twins.get(l) ?? l;

  const uses = new Map<string, LabelUse>();
  const counts = new Map<string, number>();
  for (const post of posts) {
    const canon = new Set(post.labels.map(resolve));
    for (const raw of post.labels) {
      const use = uses.get(raw) ?? { label: raw, files: [] };
      if (!use.files.includes(post.file)) use.files.push(post.file);
      uses.set(raw, use);
    }
    for (const c of canon) counts.set(c, (counts.get(c) ?? 0) + 1);
  }

  // Collisions among the canonical labels (aliases are allowed to collide with their target).
  const byKey = new Map<string, string[]>();
  for (const c of counts.keys()) {
    const k = labelKey(c);
    byKey.set(k, [...(byKey.get(k) ?? []), c]);
  }
  const groups = [...byKey.values()]
    .filter((g) => g.length > 1)
    .map((g) => g.sort(compareLabels).map((l) => uses.get(l) ?? { label: l, files: [] }));
  if (groups.length) throw new LabelCollisionError(groups);

  const canonical = new Map<string, string>();
  for (const raw of uses.keys()) canonical.set(raw, resolve(raw));

  const labels = [...counts]
    .map(([label, count]) => ({
      label,
      count,
      description: info.get(label)?.description,
      aliases: info.get(label)?.aliases ?? [],
    }))
    .sort((a, b) => compareLabels(a.label, b.label));
  return { labels, canonical };
}

/**
 * Spellings that look the same (they differ only in invisible characters, NFC/NFD or
 * inner spaces) are one label: each maps to the spelling shown, the one without
 * invisible characters if there is one, else the most used.
 */
function invisibleTwins(labels: readonly string[], aliasOf: ReadonlyMap<string, string>): Map<string, string> {
  const counts = new Map<string, number>();
  for (const l of labels) if (!aliasOf.has(l)) counts.set(l, (counts.get(l) ?? 0) + 1);
  const groups = new Map<string, string[]>();
  for (const l of counts.keys()) {
    const key = labelAddress(l);
    groups.set(key, [...(groups.get(key) ?? []), l]);
  }
  const twins = new Map<string, string>();
  for (const [visible, group] of groups) {
    if (group.length < 2) continue;
    const shown = group.includes(visible)
      ? visible
      : [...group].sort((a, b) => counts.get(b)! - counts.get(a)! || (a < b ? -1 : 1))[0]!;
    for (const l of group) if (l !== shown) twins.set(l, shown);
  }
  return twins;
}

/** The labels shown under a post: canonical spellings, alphabetical, no repeats. */
export function postLabels(labels: readonly string[], canonical: ReadonlyMap<string, string>): string[] {
  return [...new Set(labels.map((l) => canonical.get(l) ?? l))].sort(compareLabels);
}

/** The most used labels (for the sidebar), shown alphabetically. */
export function topLabels(index: LabelIndex, limit: number): LabelIndexEntry[] {
  return [...index.labels]
    .sort((a, b) => b.count - a.count || compareLabels(a.label, b.label))
    .slice(0, limit)
    .sort((a, b) => compareLabels(a.label, b.label));
}
