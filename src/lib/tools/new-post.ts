import { bloggerSlug, uniquePostSlug } from '../slug';
import { isoInZone, pad2, zonedParts } from '../dates';
import { writeFrontMatter } from '../content-files/frontmatter';
import { labelName, ISO_WITH_OFFSET } from '../schemas';

/**
 * Planning a new post (`npm run new`): where the file goes and what its frontmatter says.
 * Pure: the caller passes the clock, the authors and the posts that exist, and writes
 * the file. The folder is the post's month in the blog's time zone, the slug is made
 * once, Blogger-style, and never clashes with a post in that month.
 */

export interface NewPostRequest {
  title: string;
  /** An author id or handle, any case: "dinah", "ClinkShrink". */
  author: string;
  labels?: readonly string[];
  /** When the post is dated: now, or the --date given. */
  published: Date;
  timeZone: string;
  authors: ReadonlyArray<{ id: string; handle: string }>;
  /** Ids of every existing post ("2018/07/slug"). */
  existingIds: ReadonlySet<string>;
  /** Where posts live, relative to the project root ("content/posts"). */
  postsDir: string;
}

export interface NewPostPlan {
  id: string;
  /** Path relative to the project root. */
  file: string;
  /** The address on the site, e.g. /2018/07/slug.html. */
  path: string;
  authorId: string;
  text: string;
}

export class NewPostError extends Error {
  override name = 'NewPostError';
}

export function planNewPost(req: NewPostRequest): NewPostPlan {
  const title = req.title.replace(/\s+/g, ' ').trim();
  if (!title) throw new NewPostError('Give the post a title, in quotes: npm run new -- --author dinah "Title of the post"');

  const wanted = req.author.trim().toLowerCase();
  const author = req.authors.find((a) => a.id.toLowerCase() === wanted || a.handle.toLowerCase() === wanted);
  if (!author) {
    const known = req.authors.map((a) => `${a.id} (${a.handle})`).join(', ');
    throw new NewPostError(
      req.author.trim()
        ? `"${req.author}" is not one of the blog's authors. Use --author with one of: ${known}.`
        : `Say who is writing: --author with one of: ${known}.`,
    );
  }

  const labels = [...new Set((req.labels ?? []).map((l) => l.trim()).filter(Boolean))];
  for (const label of labels) {
    const check = labelName.safeParse(label);
    if (!check.success) throw new NewPostError(`The label "${label}" cannot be used: ${check.error.issues[0]?.message}.`);
  }

  if (Number.isNaN(req.published.getTime())) throw new NewPostError('The date is not a real date.');
  const p = zonedParts(req.published, req.timeZone);
  const folder = `${p.year}/${pad2(p.month)}`;
  const slug = uniquePostSlug(bloggerSlug(title), (s) => req.existingIds.has(`${folder}/${s}`));
  const id = `${folder}/${slug}`;
  const path = `/${id}.html`;

  const note = [
    `{/* Write the post below this note, then delete the note. It is a draft: only a preview shows it.`,
    `    See it with \`npm run dev\` at http://localhost:4321${path}`,
    `    Before asking a co-author to proofread: \`npm run proofread\`. Guide: docs/WRITING.md */}`,
  ].join('\n');
  const text = writeFrontMatter(
    { title, published: isoInZone(req.published, req.timeZone), author: author.id, labels, draft: true, proofreadBy: [] },
    `${note}\n\n`,
    { plainKeys: ['author'], trailingComment: 'description: "One or two sentences for search results and link previews." (remove the # to use it)' },
  );

  return { id, file: `${req.postsDir}/${id}.mdx`, path, authorId: author.id, text };
}

/**
 * --date: a full ISO date-time with offset, or a local date/time in the blog's zone
 * ("2026-12-01", "2026-12-01T09:30"), which authors find easier.
 */
export function parsePostDate(value: string, timeZone: string): Date {
  const v = value.trim();
  if (ISO_WITH_OFFSET.test(v)) return new Date(v);
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?$/.exec(v);
  if (!m) {
    throw new NewPostError(`--date "${value}" is not a date. Use 2026-12-01, 2026-12-01T09:30 (New York time) or 2026-12-01T09:30:00-05:00.`);
  }
  const [, y, mo, d, h = '09', mi = '00'] = m;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi));
  // Find the instant whose wall-clock time in the zone is the one asked for (twice, for DST edges).
  let guess = wall;
  for (let i = 0; i < 2; i++) {
    const z = zonedParts(new Date(guess), timeZone);
    const shown = Date.UTC(z.year, z.month - 1, z.day, z.hour, z.minute);
    guess += wall - shown;
  }
  const date = new Date(guess);
  const check = zonedParts(date, timeZone);
  if (check.year !== Number(y) || check.month !== Number(mo) || check.day !== Number(d)) {
    throw new NewPostError(`--date "${value}" is not a real date.`);
  }
  return date;
}

/** Labels in use, most used first (ties alphabetical), for choosing from. */
export function labelsByUse(counts: ReadonlyMap<string, number>): Array<{ label: string; count: number }> {
  return [...counts]
    .map(([label, count]) => ({ label, count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'en', { sensitivity: 'base' }));
}
