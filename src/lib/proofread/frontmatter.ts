import { z } from 'astro/zod';
import { postSchema } from '../schemas';
import { editDistance } from './distance';
import type { ParsedPost } from './document';
import type { Finding, ProofContext } from './types';

/**
 * The frontmatter checks: the same schema the build uses (so "passes here" means "builds"),
 * with zod's messages turned into plain words, plus the author checks the schema cannot
 * make without the author list.
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

const schema = postSchema(z.string({ error: 'author must be one name, e.g. author: dinah' }));

export function checkFrontmatter(doc: ParsedPost, ctx: ProofContext): { data: PostData; findings: Finding[] } {
  const findings: Finding[] = [];
  const data: PostData = { labels: [], proofreadBy: [] };

  if (doc.frontmatterSource === undefined) {
    findings.push({
      severity: 'error',
      kind: 'frontmatter',
      line: 1,
      message: 'The post has no frontmatter (the block between two --- lines at the top with the title, date and author).',
      fix: 'Start a new post with `npm run new -- --author <you> "Title"`, or copy the top block from another post.',
    });
    return { data, findings };
  }
  if (doc.yamlError) {
    findings.push({
      severity: 'error',
      kind: 'frontmatter',
      line: doc.yamlError.line,
      message: `The top block (frontmatter) cannot be read: ${doc.yamlError.message}.`,
      fix: 'Check for a missing quote, bracket or colon on or just before this line. Text with a colon in it must be in "quotes".',
    });
    return { data, findings };
  }
  const raw = doc.frontmatter ?? {};
  const lineOfField = (field: PropertyKey | undefined) =>
    typeof field === 'string' ? doc.keyLines.get(field) : undefined;

  // Take what can be read even when other fields are wrong, so the other checks still run.
  if (typeof raw.title === 'string') data.title = raw.title.trim();
  if (typeof raw.author === 'string') data.author = raw.author;
  if (Array.isArray(raw.labels)) data.labels = raw.labels.filter((l): l is string => typeof l === 'string');
  if (typeof raw.draft === 'boolean') data.draft = raw.draft;
  if (typeof raw.description === 'string') data.description = raw.description;
  if (Array.isArray(raw.proofreadBy)) data.proofreadBy = raw.proofreadBy.filter((l): l is string => typeof l === 'string');
  const legacy = raw.legacy as { url?: unknown } | undefined;
  if (legacy && typeof legacy.url === 'string') data.legacyUrl = legacy.url;

  const parsed = schema.safeParse(raw);
  if (parsed.success) {
    data.published = parsed.data.published;
    data.draft = parsed.data.draft;
  } else {
    const publishedOk = !parsed.error.issues.some((i) => i.path[0] === 'published');
    if (publishedOk) {
      const p = raw.published;
      const d = p instanceof Date ? p : typeof p === 'string' ? new Date(p) : undefined;
      if (d && !Number.isNaN(d.getTime())) data.published = d;
    }
    for (const issue of parsed.error.issues) {
      const field = issue.code === 'unrecognized_keys' && issue.path.length === 0 ? issue.keys[0] : issue.path[0];
      findings.push({ severity: 'error', kind: 'frontmatter', line: lineOfField(field), ...plainIssue(issue, raw) });
    }
  }

  findings.push(...checkAuthors(data, doc, ctx));
  return { data, findings };
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

function checkAuthors(data: PostData, doc: ParsedPost, ctx: ProofContext): Finding[] {
  const findings: Finding[] = [];
  const ids = ctx.authors.map((a) => a.id);
  const list = ctx.authors.map((a) => `${a.id} (${a.handle})`).join(', ');
  // "Roy", "ClinkShrink", or a slip like "ray": the author most likely meant.
  const resolve = (name: string) => {
    const n = name.toLowerCase();
    return (
      ctx.authors.find((a) => a.id === n || a.handle.toLowerCase() === n) ??
      ctx.authors.find((a) => editDistance(a.id, n) <= 1 || editDistance(a.handle.toLowerCase(), n) <= 1)
    );
  };

  if (data.author !== undefined) {
    const known = ctx.authors.find((a) => a.id === data.author);
    if (!known) {
      const near = resolve(data.author);
      findings.push({
        severity: 'error',
        kind: 'author',
        line: doc.keyLines.get('author'),
        message: `The author "${data.author}" is not one of the blog's authors.`,
        fix: near ? `Did you mean ${near.id}? Write author: ${near.id}` : `Use one of: ${list}.`,
      });
    }
  }
  const seen = new Set<string>();
  for (const name of data.proofreadBy) {
    const line = doc.keyLines.get('proofreadBy');
    if (!ids.includes(name)) {
      const near = resolve(name);
      findings.push({
        severity: 'error',
        kind: 'author',
        line,
        message: `The proofreader "${name}" is not one of the blog's authors, so the page cannot credit them.`,
        fix: near ? `Did you mean ${near.id}? Write ${near.id} instead of ${name}.` : `Use one of: ${list}.`,
      });
    } else if (name === data.author) {
      findings.push({
        severity: 'warning',
        kind: 'author',
        line,
        message: `${handleOf(ctx, name)} is listed as proofreading their own post.`,
        fix: 'Ask a co-author to proofread it, and put their name in proofreadBy instead.',
      });
    }
    if (seen.has(name)) {
      findings.push({ severity: 'hint', kind: 'author', line, message: `"${name}" is listed twice in proofreadBy.`, fix: 'Keep one.' });
    }
    seen.add(name);
  }
  return findings;
}

export const handleOf = (ctx: ProofContext, id: string) => ctx.authors.find((a) => a.id === id)?.handle ?? id;
