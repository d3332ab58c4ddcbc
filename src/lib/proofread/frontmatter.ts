import { z } from 'astro/zod';
import { postSchema } from '../schemas';
import { editDistance } from './distance';
import type { ParsedPost } from './document';
import type { ProofContext } from './types';

/**
 * Reading a post's front matter for the checks: the same schema the build uses (so
 * "passes here" means "builds"), with zod's messages turned into plain words.
 */

export interface PostData {
  title?: string;
  published?: Date;
  author?: string;
  labels: string[];
  draft?: boolean;
  description?: string;
  proofreadBy: string[];
  legacyUrl?: string;
}

const FIELD_EXAMPLES: Record<string, string> = {
  title: 'title: "Should Psychiatrists See Patients for Psychotherapy?"',
  published: 'published: "2018-07-20T22:10:00-04:00" (date, time and time-zone offset, in quotes)',
  updated: 'updated: "2018-07-21T09:00:00-04:00" (date, time and time-zone offset, in quotes)',
  author: 'author: dinah (or clinkshrink, or roy)',
  labels: 'labels: [psychotherapy, jails]',
  draft: 'draft: true (or false when it is ready to publish)',
  description: 'description: "One or two sentences about the post, in quotes."',
  proofreadBy: 'proofreadBy: [roy]',
  legacy: 'legacy is only written by the importer; leave it as it was',
};

/** Fields people reach for from other blog tools, and what this blog calls them. */
const SYNONYMS: Record<string, string> = {
  tags: 'labels',
  tag: 'labels',
  categories: 'labels',
  category: 'labels',
  label: 'labels',
  date: 'published',
  pubDate: 'published',
  publishDate: 'published',
  authors: 'author',
  summary: 'description',
  excerpt: 'description',
  proofreader: 'proofreadBy',
  proofreaders: 'proofreadBy',
  proofread_by: 'proofreadBy',
  proofreadby: 'proofreadBy',
  reviewedBy: 'proofreadBy',
  slug: '',
  permalink: '',
};

const KNOWN_FIELDS = ['title', 'published', 'updated', 'author', 'labels', 'draft', 'description', 'legacy', 'proofreadBy', 'series'];

export const frontmatterSchema = postSchema(z.string({ error: 'author must be one name, e.g. author: dinah' }));

/** What can be read from the front matter, even when other fields are wrong, so every check can run. */
export function readPostData(doc: ParsedPost): PostData {
  const data: PostData = { labels: [], proofreadBy: [] };
  const raw = doc.frontmatter;
  if (!raw) return data;
  if (typeof raw.title === 'string') data.title = raw.title.trim();
  if (typeof raw.author === 'string') data.author = raw.author;
  if (Array.isArray(raw.labels)) data.labels = raw.labels.filter((l): l is string => typeof l === 'string');
  if (typeof raw.draft === 'boolean') data.draft = raw.draft;
  if (typeof raw.description === 'string') data.description = raw.description;
  if (Array.isArray(raw.proofreadBy)) data.proofreadBy = raw.proofreadBy.filter((l): l is string => typeof l === 'string');
  const legacy = raw.legacy as { url?: unknown } | undefined;
  if (legacy && typeof legacy.url === 'string') data.legacyUrl = legacy.url;
  const parsed = frontmatterSchema.safeParse(raw);
  if (parsed.success) {
    data.published = parsed.data.published;
    data.draft = parsed.data.draft;
  } else if (!parsed.error.issues.some((i) => i.path[0] === 'published')) {
    const p = raw.published;
    const d = p instanceof Date ? p : typeof p === 'string' ? new Date(p) : undefined;
    if (d && !Number.isNaN(d.getTime())) data.published = d;
  }
  return data;
}

function fieldName(path: readonly PropertyKey[]): string {
  const [head, index] = path;
  if (typeof head !== 'string') return 'the top block';
  if (typeof index === 'number') return `${head} (item ${index + 1})`;
  return head;
}

/** A zod issue in words an author understands, with an example of the right form. */
export function plainIssue(issue: z.core.$ZodIssue, raw: Record<string, unknown>): { message: string; fix?: string } {
  const field = issue.path[0];
  if (issue.code === 'unrecognized_keys') {
    const where = issue.path.length ? ` inside ${fieldName(issue.path)}` : '';
    const keys = issue.keys;
    const advice = keys.map((k) => {
      const synonym = SYNONYMS[k];
      if (synonym === '') return `remove "${k}" (the address comes from the file name)`;
      const near = synonym ?? KNOWN_FIELDS.find((f) => editDistance(f.toLowerCase(), k.toLowerCase()) <= 2);
      return near ? `rename "${k}" to "${near}"` : `remove "${k}"`;
    });
    return {
      message: `The top block has ${keys.length === 1 ? 'a field' : 'fields'} the blog does not use${where}: ${keys.map((k) => `"${k}"`).join(', ')}.`,
      fix: `${capitalise(advice.join('; '))}. The fields are: ${KNOWN_FIELDS.join(', ')}.`,
    };
  }
  const name = fieldName(issue.path);
  const example = typeof field === 'string' ? FIELD_EXAMPLES[field] : undefined;
  const value = typeof field === 'string' ? raw[field] : undefined;
  const missing = issue.code === 'invalid_type' && value === undefined && issue.path.length === 1;

  if (missing) {
    return { message: `"${name}" is missing.`, fix: example ? `Add a line like ${example}.` : undefined };
  }
  if (field === 'published' || field === 'updated') {
    const suggestion = typeof value === 'string' ? withTimeAndZone(value) : undefined;
    return {
      message: `"${name}" must be a date, a time and a time-zone offset, in quotes${typeof value === 'string' ? ` (it is "${value}")` : ''}.`,
      fix: suggestion ? `Write ${field}: "${suggestion}" (9 AM New York time), or another time.` : `Write it like ${example}.`,
    };
  }
  // Our schema's own messages are already plain; zod's defaults start with these words.
  const isDefault = /^(Invalid input|Invalid string|Too small|Too big|Invalid option|Invalid)/.test(issue.message);
  if (!isDefault) return { message: `${capitalise(issue.message)}.`.replace(/\.\.$/, '.'), fix: example ? `Example: ${example}.` : undefined };
  if (issue.code === 'too_small' && issue.origin === 'string') {
    return {
      message: `"${name}" is empty.`,
      fix: field === 'description' ? 'Write one or two sentences, or remove the line.' : example ? `Example: ${example}.` : undefined,
    };
  }
  if (issue.code === 'invalid_type') {
    return {
      message: `"${name}" has the wrong form: expected ${describeType(issue.expected)}.`,
      fix: example ? `Example: ${example}.` : undefined,
    };
  }
  return { message: `"${name}": ${issue.message.replace(/^Invalid input: /, '')}.`, fix: example ? `Example: ${example}.` : undefined };
}

function describeType(t: string): string {
  return t === 'array' ? 'a list in square brackets' : t === 'boolean' ? 'true or false' : t === 'string' ? 'text' : t;
}

/** "2018-07-20" → "2018-07-20T09:00:00-04:00" in New York (the offset depends on the date). */
function withTimeAndZone(value: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2}))?/.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi] = m;
  const hh = (h ?? '09').padStart(2, '0');
  const probe = new Date(`${y}-${mo}-${d}T12:00:00Z`);
  if (Number.isNaN(probe.getTime())) return undefined;
  const offset = zoneOffset(probe, 'America/New_York');
  return `${y}-${mo}-${d}T${hh}:${mi ?? '00'}:00${offset}`;
}

function zoneOffset(date: Date, timeZone: string): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(date)
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = /GMT([+-]\d{2}:\d{2})?/.exec(part ?? '');
  return m?.[1] ?? '+00:00';
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const handleOf = (ctx: ProofContext, id: string) => ctx.authors.find((a) => a.id === id)?.handle ?? id;
