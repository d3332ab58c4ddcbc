import { z } from 'astro/zod';
import { storedCommentSchema, type StoredComment } from '../schemas';
import type { ParsedExport, SourceComment } from './parsed';
import { emptyExport } from './parsed';
import { ExportFileError } from './xml';

/**
 * Our own JSON Feed comment export (src/lib/export/jsonfeed.ts), read back. The
 * `_comment` extension carries everything the store holds except the body and
 * author, which are the item's own fields, so the round trip is exact.
 */

const commentExtension = z.object({
  id: z.string(),
  parent_id: z.string().nullable(),
  post: z.object({ id: z.string(), url: z.string().optional(), title: z.string().optional() }),
  status: z.enum(['visible', 'tombstone']),
  removed_by: z.enum(['author', 'administrator']).optional(),
  role: z.enum(['blog-author', 'reader']),
  identity: z.enum(['registered', 'guest', 'anonymous']),
  author_key: z.string().optional(),
  source: z.record(z.string(), z.unknown()),
});

const item = z.object({
  id: z.string(),
  content_html: z.string().optional(),
  content_text: z.string().optional(),
  date_published: z.string(),
  date_modified: z.string().optional(),
  authors: z.array(z.object({ name: z.string().optional(), url: z.string().optional() })).optional(),
  _comment: commentExtension,
});

const feed = z.object({
  version: z.literal('https://jsonfeed.org/version/1.1'),
  _comments_export: z.object({ schema: z.literal(1) }),
  items: z.array(z.unknown()),
});

/** Is this JSON our comments export? (JSON Feed 1.1 with the `_comments_export` marker.) */
export function isCommentsJsonFeed(text: string): boolean {
  try {
    const data = JSON.parse(text) as Record<string, unknown>;
    return data?.version === 'https://jsonfeed.org/version/1.1' && typeof data._comments_export === 'object';
  } catch {
    return false;
  }
}

export function parseJsonFeed(file: string, text: string): ParsedExport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ExportFileError(file, undefined, undefined, `not valid JSON: ${(e as Error).message}`);
  }
  const top = feed.safeParse(data);
  if (!top.success) {
    const i = top.error.issues[0]!;
    throw new ExportFileError(file, undefined, undefined, `not a Shrink Rap comments JSON Feed: ${i.path.join('.') || '(top)'}: ${i.message}`);
  }
  const out: ParsedExport = emptyExport(file, 'jsonfeed');
  top.data.items.forEach((raw, index) => {
    const parsed = item.safeParse(raw);
    const where = `items[${index}]`;
    if (!parsed.success) {
      const i = parsed.error.issues[0]!;
      throw new ExportFileError(file, undefined, undefined, `${where}.${i.path.join('.')}: ${i.message}`);
    }
    const it = parsed.data;
    const x = it._comment;
    const author = it.authors?.[0];
    const candidate = {
      id: x.id,
      parentId: x.parent_id,
      published: it.date_published,
      ...(it.date_modified ? { updated: it.date_modified } : {}),
      author: {
        name: x.status === 'tombstone' ? '' : (author?.name ?? ''),
        ...(author?.url ? { url: author.url } : {}),
        role: x.role,
        identity: x.identity,
        ...(x.author_key ? { authorKey: x.author_key } : {}),
      },
      bodyHtml: x.status === 'tombstone' ? '' : (it.content_html ?? ''),
      status: x.status,
      ...(x.removed_by ? { removedBy: x.removed_by } : {}),
      source: x.source,
    };
    const stored = storedCommentSchema.safeParse(candidate);
    if (!stored.success) {
      const i = stored.error.issues[0]!;
      throw new ExportFileError(file, undefined, undefined, `${where}: ${i.path.join('.')}: ${i.message}`);
    }
    const c: SourceComment = {
      system: stored.data.source.system,
      file,
      id: stored.data.id,
      rawId: stored.data.source.id,
      parentId: stored.data.parentId ?? undefined,
      post: { ref: x.post.id, siteId: x.post.id, urls: x.post.url ? [x.post.url] : [] },
      published: stored.data.published,
      author: { name: stored.data.author.name, identity: stored.data.author.identity },
      html: stored.data.bodyHtml,
      state: 'visible',
      restored: stored.data as StoredComment,
    };
    out.comments.push(c);
  });
  return out;
}
