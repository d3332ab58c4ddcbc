import { bloggerSlug } from '../slug';
import { isoInZone, pad2, zonedParts } from '../dates';
import { labelKey } from '../labels';
import { labelNameProblem } from '../label-name';
import { similarLabel } from '../proofread/similar-label';
import { editFrontMatterYaml, parseFrontMatter, splitFrontMatter, writeFrontMatter } from '../content-files/frontmatter';
import { NEW_LABELS_FIELD, ORIGINAL_FIELD, PLACEMENT_FIELDS } from './config';

/**
 * What the browser editor does with a post between its form and the file: where a new
 * post goes, how its front matter is read and written (through content-files, edited in
 * place so an untouched value stays byte for byte as it was), and which new labels are
 * refused. Pure, so it is unit-tested here and bundled into the editor script
 * (src/scripts/editor-admin.ts) unchanged.
 *
 * Dates are shown and typed in the blog's own zone ("2026-11-30 22:30", New York), the
 * zone every page shows, whatever the author's computer says.
 */

/** The editor's form data: front-matter fields, `body`, and the editor-only fields. */
export type EditorPostData = Record<string, unknown> & { body?: string };

/** The file as it was read: kept in the form data (never shown) so a save changes only what was edited. */
export interface OriginalFile {
  /** Everything before the body: fences and YAML, verbatim. */
  head: string;
  yaml: string;
  body: string;
}

export interface LabelRegistry {
  /** Canonical labels with how many posts use them. */
  counts: ReadonlyMap<string, number>;
  /** Alias → canonical label (content/labels.yaml). */
  aliases: ReadonlyMap<string, string>;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})$/;

/** The instant a wall-clock time in `timeZone` names (the later one in a DST fold). */
function zonedInstant(y: number, m: number, d: number, h: number, min: number, timeZone: string): Date {
  const wanted = Date.UTC(y, m - 1, d, h, min);
  let guess = wanted;
  for (let i = 0; i < 2; i++) {
    const p = zonedParts(new Date(guess), timeZone);
    guess += wanted - Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  }
  return new Date(guess);
}

/**
 * The instant a form or file date means: "2026-11-30 22:30" in the blog's zone, a date
 * alone ("2008-11-29", noon there), an ISO string with its offset, or a Date.
 */
export function toDate(value: unknown, timeZone = 'America/New_York'): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const text = value.trim();
  const local = LOCAL_DATE_TIME.exec(text) ?? (DATE_ONLY.test(text) ? [...DATE_ONLY.exec(text)!, '12', '00'] : undefined);
  if (local) {
    const [y, m, d, h, min] = local.slice(1, 6).map(Number) as [number, number, number, number, number];
    if (m < 1 || m > 12 || d < 1 || d > 31 || h > 23 || min > 59) return undefined;
    return zonedInstant(y, m, d, h, min, timeZone);
  }
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** A file date as the form shows it: "2012-05-09 12:20" in the blog's zone; a date alone stays one. */
export function dateForForm(value: unknown, timeZone: string): string {
  if (typeof value === 'string' && DATE_ONLY.test(value.trim())) return value.trim();
  const d = toDate(value, timeZone);
  if (!d) return typeof value === 'string' ? value : '';
  const p = zonedParts(d, timeZone);
  return `${p.year}-${pad2(p.month)}-${pad2(p.day)} ${pad2(p.hour)}:${pad2(p.minute)}`;
}

/** Now, as the form's date field shows it. */
export const nowForForm = (timeZone: string, now = new Date()) => dateForForm(now.toISOString(), timeZone);

/** Folder (the month in the blog's zone) and Blogger slug of a new post. */
export function placeNewPost(data: EditorPostData, timeZone: string): { year: string; month: string; slug: string } {
  const published = toDate(data.published, timeZone);
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
const oneLine = (v: unknown) => String(v ?? '').replace(/\s+/g, ' ').trim();

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
    const invalid = labelNameProblem(label);
    if (invalid) {
      problems.push(`The new label "${label}" cannot be used: ${invalid}.`);
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

/** How many Markdown pictures have an empty description, `![](…)`. */
function picturesWithoutDescription(body: string): number {
  let count = 0;
  for (let i = body.indexOf('!['); i >= 0; i = body.indexOf('![', i + 2)) {
    const close = body.indexOf(']', i + 2);
    if (close > 0 && body[close + 1] === '(' && !body.slice(i + 2, close).trim()) count++;
  }
  return count;
}

/** Every reason the editor refuses to save this post, in words an author reads (checked before the file is written). */
export function postProblems(data: EditorPostData, registry: LabelRegistry, authorIds: readonly string[], timeZone = 'America/New_York'): string[] {
  const problems: string[] = [];
  if (!oneLine(data.title)) problems.push('The post needs a title.');
  if (!authorIds.includes(String(data.author ?? ''))) problems.push('Choose the author.');
  if (!toDate(data.published, timeZone)) problems.push('Give the post a date and time, written like 2026-11-30 22:30 (New York time).');
  if (data.updated && !toDate(data.updated, timeZone)) problems.push('Write "Updated" like 2026-11-30 22:30 (New York time), or leave it empty.');
  const missing = picturesWithoutDescription(String(data.body ?? ''));
  if (missing) {
    problems.push(
      `${missing === 1 ? 'A picture has' : `${missing} pictures have`} no description. Describe each picture for readers who cannot see it: click the picture and fill in "Alt text".`,
    );
  }
  return [...problems, ...newLabelProblems(data, registry)];
}

/** The front-matter values the form holds, as the file writes them; undefined = no such key. */
function formValues(data: EditorPostData, timeZone: string): Record<string, unknown> {
  const date = (v: unknown) => {
    if (typeof v === 'string' && DATE_ONLY.test(v.trim())) return v.trim();
    const d = toDate(v, timeZone);
    return d ? isoInZone(d, timeZone) : undefined;
  };
  const published = date(data.published);
  if (!published) throw new Error('Give the post a date and time, written like 2026-11-30 22:30 (New York time).');
  const optional = (v: string) => v || undefined;
  return {
    title: oneLine(data.title),
    published,
    updated: date(data.updated),
    author: String(data.author ?? ''),
    labels: [...new Set([...asStrings(data.labels), ...asStrings(data[NEW_LABELS_FIELD])])],
    description: optional(oneLine(data.description)),
    proofreadBy: asStrings(data.proofreadBy),
    series: optional(oneLine(data.series)),
  };
}

/** Two front-matter values mean the same (dates: the same instant; lists: the same items). */
function sameValue(key: string, was: unknown, now: unknown, registry: LabelRegistry | undefined, timeZone: string): boolean {
  if (key === 'published' || key === 'updated') {
    if (was === undefined || now === undefined) return was === now;
    if (typeof was === 'string' && DATE_ONLY.test(was) !== DATE_ONLY.test(String(now))) return false;
    return toDate(was, timeZone)?.getTime() === toDate(now, timeZone)?.getTime();
  }
  if (Array.isArray(now)) {
    const canonical = (l: string) => (key === 'labels' ? (registry?.aliases.get(l) ?? l) : l);
    const before = new Set(asStrings(was ?? []).map(canonical));
    // Labels and proofreaders are sets: the order the form lists them in is not an edit.
    return before.size === new Set(now).size && now.every((v) => before.has(v));
  }
  if (typeof was === 'string' && typeof now === 'string') return oneLine(was) === now;
  return was === now;
}

/**
 * The file the editor saves. An edited post keeps its file: only the keys whose meaning
 * changed are rewritten, in place; the body is kept byte for byte unless it was edited.
 * A new post is written as `npm run new` writes one. No `draft` key is ever written:
 * the editorial status (Draft, In review, Ready, Published) is the only switch, and a
 * `draft: true` left from `npm run new` is removed on the first save from the editor.
 */
export function postToFile(data: EditorPostData, timeZone: string, registry?: LabelRegistry): string {
  const values = formValues(data, timeZone);
  const body = String(data.body ?? '');
  const original = data[ORIGINAL_FIELD] as OriginalFile | undefined;
  if (!original) {
    const fresh = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
    return writeFrontMatter(fresh, `${body.replace(/\s+$/, '')}\n`);
  }
  const before = parseFrontMatter(`---\n${original.yaml}\n---\n`).data;
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const absentAndEmpty = before[key] === undefined && (value === undefined || (Array.isArray(value) && !value.length));
    if (!absentAndEmpty && !sameValue(key, before[key], value, registry, timeZone)) changes[key] = value;
  }
  if (before.draft === true) changes.draft = undefined;
  const head = Object.keys(changes).length ? `---\n${editFrontMatterYaml(original.yaml, changes)}---\n` : original.head;
  const keepBody = body.replace(/\s+$/, '') === original.body.replace(/^\r?\n/, '').replace(/\s+$/, '');
  const lead = /^\r?\n/.exec(original.body)?.[0] ?? '\n';
  return head + (keepBody ? original.body : `${lead}${body.replace(/\s+$/, '')}\n`);
}

/** Read a post file into the editor's form: labels in the registry stay picked, others are "new". */
export function postFromFile(text: string, registry: LabelRegistry, timeZone = 'America/New_York'): EditorPostData {
  const parsed = parseFrontMatter(text);
  if (parsed.error) throw new Error(`The block at the top of this post cannot be read (line ${parsed.error.line}): ${parsed.error.message}`);
  const original: OriginalFile = {
    head: text.slice(0, parsed.bodyOffset),
    yaml: splitFrontMatter(text)?.yaml ?? '',
    body: parsed.body,
  };
  const data: EditorPostData = { ...parsed.data, body: parsed.body.replace(/^\r?\n/, ''), [ORIGINAL_FIELD]: original };
  for (const key of ['published', 'updated'] as const) {
    if (data[key] !== undefined) data[key] = dateForForm(data[key], timeZone);
  }
  const labels = asStrings(data.labels).map((l) => registry.aliases.get(l) ?? l);
  data.labels = labels.filter((l) => registry.counts.has(l));
  data[NEW_LABELS_FIELD] = labels.filter((l) => !registry.counts.has(l));
  return data;
}
