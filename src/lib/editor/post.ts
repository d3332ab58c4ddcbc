import { parse } from 'yaml';
import { bloggerSlug } from '../slug';
import { isoInZone, pad2, zonedParts } from '../dates';
import { labelKey } from '../labels';
import { labelName } from '../schemas';
import { similarLabel } from '../proofread/checks';
import { NEW_LABELS_FIELD, PLACEMENT_FIELDS } from './config';

/**
 * What the browser editor does with a post between its form and the file: where a new
 * post goes, how its front matter is written (the way `npm run new` writes it), and which
 * new labels are refused. Pure, so it is unit-tested here and bundled into the editor
 * script (src/scripts/editor-admin.ts) unchanged.
 */

/** The editor's form data: front-matter fields, `body`, and the editor-only fields. */
export type EditorPostData = Record<string, unknown> & { body?: string };

export interface LabelRegistry {
  /** Canonical labels with how many posts use them. */
  counts: ReadonlyMap<string, number>;
  /** Alias → canonical label (content/labels.yaml). */
  aliases: ReadonlyMap<string, string>;
}

/** The instant a form date means; Decap writes strings with the browser's offset, or Dates. */
export function toDate(value: unknown): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value === 'string' && value.trim()) {
    const d = new Date(value.trim());
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  return undefined;
}

/** Folder (the month in the blog's zone) and Blogger slug of a new post. */
export function placeNewPost(data: EditorPostData, timeZone: string): { year: string; month: string; slug: string } {
  const published = toDate(data.published);
  if (!published) throw new Error('Give the post a date and time.');
  const p = zonedParts(published, timeZone);
  return { year: String(p.year), month: pad2(p.month), slug: bloggerSlug(String(data.title ?? '')) };
}

/** The form data with the placement fields filled in, for the path template. */
export function withPlacement(data: EditorPostData, timeZone: string): EditorPostData {
  const place = placeNewPost(data, timeZone);
  return { ...data, [PLACEMENT_FIELDS.year]: place.year, [PLACEMENT_FIELDS.month]: place.month, [PLACEMENT_FIELDS.slug]: place.slug };
}

const asStrings = (v: unknown): string[] => (Array.isArray(v) ? v.map((x) => String(x ?? '').trim()).filter(Boolean) : []);

/**
 * Why the new labels cannot be saved, one sentence each; empty when they can. A new label
 * must be a valid label, not an existing one or an alias in other capitals/accents (which
 * would share its address), and not a near-miss of an existing one.
 */
export function newLabelProblems(data: EditorPostData, registry: LabelRegistry): string[] {
  const chosen = asStrings(data.labels);
  const existing = [...new Set([...registry.counts.keys(), ...registry.aliases.keys()])];
  const problems: string[] = [];
  const seen = new Map(chosen.map((l) => [labelKey(l), l]));
  for (const label of asStrings(data[NEW_LABELS_FIELD])) {
    const valid = labelName.safeParse(label);
    if (!valid.success) {
      problems.push(`The new label "${label}" cannot be used: ${valid.error.issues[0]?.message}.`);
      continue;
    }
    const key = labelKey(label);
    const same = existing.find((l) => labelKey(l) === key);
    if (same) {
      const canonical = registry.aliases.get(same) ?? same;
      problems.push(`The new label "${label}" is the existing label "${canonical}": pick it from the Labels list instead.`);
      continue;
    }
    const twin = seen.get(key);
    if (twin !== undefined) {
      problems.push(`The labels "${twin}" and "${label}" would share one address: keep one.`);
      continue;
    }
    seen.set(key, label);
    const near = similarLabel(label, existing, registry.counts);
    if (near) {
      problems.push(`The new label "${label}" looks like the existing label "${registry.aliases.get(near) ?? near}": pick that from the Labels list, or choose a clearly different name.`);
    }
  }
  return problems;
}

/** Every reason the editor refuses to save this post (checked before the file is written). */
export function postProblems(data: EditorPostData, registry: LabelRegistry, authorIds: readonly string[]): string[] {
  const problems: string[] = [];
  if (!String(data.title ?? '').trim()) problems.push('The post needs a title.');
  if (!authorIds.includes(String(data.author ?? ''))) problems.push(`Choose the author: one of ${authorIds.join(', ')}.`);
  if (!toDate(data.published)) problems.push('Give the post a date and time.');
  if (/!\[\s*\]\(/.test(String(data.body ?? ''))) {
    problems.push('Every picture needs a description: write it between the square brackets, ![like this](…).');
  }
  return [...problems, ...newLabelProblems(data, registry)];
}

/** A YAML double-quoted string: JSON's escaping is valid YAML. */
const quoted = (s: string) => JSON.stringify(s);
const flowList = (items: readonly string[]) => `[${items.map(quoted).join(', ')}]`;

/** The file the editor saves: front matter as `npm run new` writes it, then the Markdown body. */
export function postToFile(data: EditorPostData, timeZone: string): string {
  const published = toDate(data.published);
  if (!published) throw new Error('Give the post a date and time.');
  const updated = toDate(data.updated);
  const labels = [...new Set([...asStrings(data.labels), ...asStrings(data[NEW_LABELS_FIELD])])];
  const description = String(data.description ?? '').replace(/\s+/g, ' ').trim();
  const series = String(data.series ?? '').replace(/\s+/g, ' ').trim();
  const lines = [
    '---',
    `title: ${quoted(String(data.title ?? '').replace(/\s+/g, ' ').trim())}`,
    `published: ${quoted(isoInZone(published, timeZone))}`,
    ...(updated ? [`updated: ${quoted(isoInZone(updated, timeZone))}`] : []),
    `author: ${String(data.author ?? '')}`,
    `labels: ${flowList(labels)}`,
    `draft: ${data.draft === false ? 'false' : 'true'}`,
    ...(description ? [`description: ${quoted(description)}`] : []),
    `proofreadBy: ${flowList(asStrings(data.proofreadBy))}`,
    ...(series ? [`series: ${quoted(series)}`] : []),
    ...(data.legacy && typeof data.legacy === 'object' ? legacyLines(data.legacy as Record<string, unknown>) : []),
    '---',
    '',
  ];
  const body = String(data.body ?? '').replace(/\s+$/, '');
  return `${lines.join('\n')}${body}\n`;
}

function legacyLines(legacy: Record<string, unknown>): string[] {
  // Strings (ids, the old address) quoted; flags such as commentsRecovered as YAML booleans.
  const entries = Object.entries(legacy).filter(([, v]) => (typeof v === 'string' && v) || typeof v === 'boolean');
  return entries.length ? ['legacy:', ...entries.map(([k, v]) => `  ${k}: ${typeof v === 'boolean' ? String(v) : quoted(String(v))}`)] : [];
}

/** Read a post file into the editor's form: labels in the registry stay picked, others are "new". */
export function postFromFile(text: string, registry: LabelRegistry): EditorPostData {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  const front = (match ? parse(match[1]!) : {}) ?? {};
  const body = match ? match[2]! : text;
  const data: EditorPostData = { ...(front as Record<string, unknown>), body: body.replace(/^\r?\n/, '') };
  for (const key of ['published', 'updated'] as const) {
    const d = toDate(data[key]);
    if (d) data[key] = d.toISOString();
  }
  const labels = asStrings(data.labels).map((l) => registry.aliases.get(l) ?? l);
  data.labels = labels.filter((l) => registry.counts.has(l));
  data[NEW_LABELS_FIELD] = labels.filter((l) => !registry.counts.has(l));
  return data;
}
