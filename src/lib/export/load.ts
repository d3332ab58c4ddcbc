import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { listFiles } from '../files';
import { z } from 'astro/zod';
import { frontmatterOf } from '../import/existing';
import { pageSchema, postCommentsSchema, postSchema } from '../schemas';
import { isVisible } from '../publishing';
import { isoInZone } from '../dates';
import type { ExportInput, ExportPost, ExportSite } from './model';

/**
 * The export input read straight from a content folder, for the CLI (the site's
 * endpoints get the same data from Astro's collections). Same visibility rule as
 * the site: no drafts, nothing scheduled after `now`.
 */


const idOf = (base: string, file: string) => relative(base, file).split(sep).join('/').replace(/\.(mdx?|json)$/, '');

export function loadExportInput(contentDir: string, options: { site: ExportSite; now: Date; timeZone: string; includeDrafts?: boolean }): ExportInput {
  const posts = new Map<string, ExportPost>();
  const postRules = postSchema(z.string());
  const postsDir = join(contentDir, 'posts');
  for (const f of listFiles(postsDir, /\.mdx?$/)) {
    const parsed = postRules.safeParse(frontmatterOf(readFileSync(f, 'utf8')) ?? {});
    if (!parsed.success) {
      const i = parsed.error.issues[0]!;
      throw new Error(`${relative(contentDir, f)}: ${i.path.join('.')}: ${i.message}`);
    }
    if (!isVisible(parsed.data, { cutoff: options.now, includeDrafts: options.includeDrafts === true })) continue;
    const id = idOf(postsDir, f);
    posts.set(id, { id, title: parsed.data.title, published: isoInZone(parsed.data.published, options.timeZone) });
  }
  const pagesDir = join(contentDir, 'pages');
  for (const f of listFiles(pagesDir, /\.mdx?$/)) {
    const parsed = pageSchema().safeParse(frontmatterOf(readFileSync(f, 'utf8')) ?? {});
    if (!parsed.success) {
      const i = parsed.error.issues[0]!;
      throw new Error(`${relative(contentDir, f)}: ${i.path.join('.')}: ${i.message}`);
    }
    if (parsed.data.draft && !options.includeDrafts) continue;
    const id = `p/${idOf(pagesDir, f)}`;
    posts.set(id, { id, title: parsed.data.title });
  }
  const comments: ExportInput['comments'][number][] = [];
  for (const f of listFiles(join(contentDir, 'comments'), /\.json$/)) {
    const parsed = postCommentsSchema.safeParse(JSON.parse(readFileSync(f, 'utf8')));
    if (!parsed.success) {
      const i = parsed.error.issues[0]!;
      throw new Error(`${relative(contentDir, f)}: ${i.path.join('.')}: ${i.message}`);
    }
    for (const comment of parsed.data.comments) comments.push({ postId: parsed.data.post, comment });
  }
  return { site: options.site, posts, comments };
}
