import { NS, childText, childrenOf, textOf, type XmlElement } from './xml';
import type { CommentState, ParsedExport, SourceComment, SourceEntry } from './parsed';
import { entryKey, emptyExport } from './parsed';
import { storedCommentSchema, type StoredComment } from '../schemas';
import { SHRINKRAP_COMMENT_META, SHRINKRAP_POST_META } from '../comments';
import { bloggerSlug } from '../slug';
import { cleanName, httpUrl, isAnonymousName } from './text';
import { pad2 } from '../dates';

/**
 * WordPress WXR 1.0–1.2 (export-formats.md §5): posts and pages when present, and
 * the comments inside each item. Items written by our own WXR export carry the
 * stored comment in commentmeta, so a round trip restores comments exactly.
 */


const PUBLIC_STATUSES = new Set(['publish']);
const DRAFT_STATUSES = new Set(['draft', 'pending', 'future', 'private']);

/** "2014-01-14 17:31:03" local + GMT -> RFC 3339 with the blog's offset on that day. */
export function wpDate(local: string, gmt: string): { iso: string; tzAssumed: boolean } | undefined {
  const parse = (s: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(s.trim());
    if (!m || m[1] === '0000') return undefined;
    return { text: `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}`, ms: Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) };
  };
  const l = parse(local);
  const g = parse(gmt);
  if (l && g) {
    const minutes = Math.round((l.ms - g.ms) / 60000);
    if (Math.abs(minutes) <= 14 * 60) {
      const sign = minutes < 0 ? '-' : '+';
      const abs = Math.abs(minutes);
      return { iso: `${l.text}${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`, tzAssumed: false };
    }
  }
  if (g) return { iso: `${g.text}Z`, tzAssumed: false };
  if (l) return { iso: `${l.text}Z`, tzAssumed: true };
  return undefined;
}

const COMMENT_STATES: Record<string, CommentState> = { '1': 'visible', '0': 'pending', trash: 'trashed', spam: 'spam' };

export function parseWxrRecords(file: string, channel: XmlElement, items: XmlElement[], authors: XmlElement[]): ParsedExport {
  const out: ParsedExport = emptyExport(file, 'wxr');
  const base = childText(channel, 'base_blog_url', 'wp').trim() || childText(channel, 'link').trim();
  try {
    if (base) out.hosts.push(new URL(base).host.toLowerCase());
  } catch {
    /* a channel without a usable link is fine */
  }
  const authorNames = new Map<string, string>();
  const authorIds = new Map<string, string>();
  for (const a of authors) {
    const login = childText(a, 'author_login', 'wp').trim();
    if (!login) continue;
    authorNames.set(login, cleanName(childText(a, 'author_display_name', 'wp')) || login);
    const id = childText(a, 'author_id', 'wp').trim();
    if (id) authorIds.set(id, login);
  }

  // WordPress comment ids are unique per site, but trimmed files repeat them: qualify repeats.
  const idCount = new Map<string, number>();
  for (const item of items) {
    for (const c of childrenOf(item, 'comment', 'wp')) {
      const id = childText(c, 'comment_id', 'wp').trim();
      idCount.set(id, (idCount.get(id) ?? 0) + 1);
    }
  }

  // Trimmed files repeat post ids too; an item's key must still be its own.
  const postIdCount = new Map<string, number>();
  for (const item of items) {
    const id = childText(item, 'post_id', 'wp').trim();
    postIdCount.set(id, (postIdCount.get(id) ?? 0) + 1);
  }

  items.forEach((item, index) => {
    const postId = childText(item, 'post_id', 'wp').trim();
    const type = childText(item, 'post_type', 'wp').trim() || undefined;
    const status = childText(item, 'status', 'wp').trim() || undefined;
    const title = cleanName(childText(item, 'title'));
    const link = childText(item, 'link').trim() || undefined;
    const meta = new Map(
      childrenOf(item, 'postmeta', 'wp').map((m) => [childText(m, 'meta_key', 'wp').trim(), childText(m, 'meta_value', 'wp')]),
    );
    const sitePostId = meta.get(SHRINKRAP_POST_META)?.trim() || undefined;
    const sourceId = postId && postIdCount.get(postId) === 1 ? postId : `${postId || 'item'}-${index + 1}`;
    const date = wpDate(childText(item, 'post_date', 'wp'), childText(item, 'post_date_gmt', 'wp'));

    let isEntry = false;
    if (!sitePostId && (type === 'post' || type === 'page')) {
      if (status === 'trash' || status === 'auto-draft' || status === 'inherit') {
        out.dropped.push({ kind: type, id: sourceId, reason: status === 'trash' ? 'trashed' : 'not-public', detail: `status ${status}` });
      } else if (!date) {
        out.dropped.push({ kind: type, id: sourceId, reason: 'malformed', detail: `line ${item.line}: no usable wp:post_date` });
      } else if (status && !PUBLIC_STATUSES.has(status) && !DRAFT_STATUSES.has(status)) {
        out.dropped.push({ kind: type, id: sourceId, reason: 'not-public', detail: `status ${status}` });
      } else {
        isEntry = true;
        const login = childText(item, 'creator', NS.dc).trim() || undefined;
        const labels = childrenOf(item, 'category')
          .filter((c) => c.attrs.domain === 'category' || c.attrs.domain === 'post_tag' || !c.attrs.domain)
          .map((c) => cleanName(textOf(c)));
        const entry: SourceEntry = {
          kind: type,
          system: 'wxr',
          file,
          line: item.line,
          sourceId,
          wordpressId: postId && postIdCount.get(postId) === 1 ? postId : undefined,
          title,
          published: date.iso,
          draft: !PUBLIC_STATUSES.has(status ?? 'publish'),
          url: link,
          labels: labels.filter(Boolean),
          author: { login, name: login ? authorNames.get(login) ?? login : undefined },
          html: childText(item, 'encoded', NS.content),
          autop: true,
        };
        const slug = childText(item, 'post_name', 'wp').trim();
        entry.slug = slug ? decodeSlug(slug) : bloggerSlug(title || `post-${sourceId}`);
        if (status === 'private') out.warnings.push(`${sourceId} "${title}": a private WordPress ${type} is imported as a draft`);
        out.entries.push(entry);
      }
    } else if (!sitePostId && type) {
      out.skipped[type] = (out.skipped[type] ?? 0) + 1;
    }

    for (const c of childrenOf(item, 'comment', 'wp')) {
      out.comments.push(readComment(c, { file, item, index, postId: sourceId, link, title, isEntry, sitePostId, idCount, authorIds }));
    }
  });
  return out;
}

/** WordPress stores non-ASCII slugs percent-encoded. */
function decodeSlug(slug: string): string {
  try {
    return decodeURIComponent(slug);
  } catch {
    return slug;
  }
}

interface ItemContext {
  file: string;
  item: XmlElement;
  index: number;
  postId: string;
  link?: string;
  title: string;
  isEntry: boolean;
  sitePostId?: string;
  idCount: Map<string, number>;
  authorIds: Map<string, string>;
}

function readComment(c: XmlElement, ctx: ItemContext): SourceComment {
  const rawId = childText(c, 'comment_id', 'wp').trim();
  const qualify = (id: string) => ((ctx.idCount.get(id) ?? 0) > 1 ? `wxr:${ctx.postId}-${id}` : `wxr:${id}`);
  const parentRaw = childText(c, 'comment_parent', 'wp').trim();
  const approved = childText(c, 'comment_approved', 'wp').trim();
  const type = childText(c, 'comment_type', 'wp').trim();
  const date = wpDate(childText(c, 'comment_date', 'wp'), childText(c, 'comment_date_gmt', 'wp'));
  const name = cleanName(childText(c, 'comment_author', 'wp'));
  const url = httpUrl(childText(c, 'comment_author_url', 'wp'));
  const userId = childText(c, 'comment_user_id', 'wp').trim();
  const meta = new Map(
    childrenOf(c, 'commentmeta', 'wp').map((m) => [childText(m, 'meta_key', 'wp').trim(), childText(m, 'meta_value', 'wp')]),
  );
  const sc: SourceComment = {
    system: 'wxr',
    file: ctx.file,
    line: c.line,
    id: qualify(rawId),
    rawId,
    parentId: parentRaw && parentRaw !== '0' ? qualify(parentRaw) : undefined,
    parentRef: parentRaw && parentRaw !== '0' ? parentRaw : undefined,
    post: {
      ref: ctx.postId,
      entryKey: ctx.isEntry ? entryKey('wxr', ctx.postId) : undefined,
      siteId: ctx.sitePostId,
      urls: ctx.link ? [ctx.link] : [],
      title: ctx.title,
    },
    published: date?.iso ?? '',
    tzAssumed: date?.tzAssumed || undefined,
    author: {
      name: name || 'Anonymous',
      uri: url,
      identity: userId && userId !== '0' ? 'registered' : isAnonymousName(name) && !url ? 'anonymous' : 'guest',
      wordpressUserId: userId && userId !== '0' ? userId : undefined,
      wordpressLogin: userId ? ctx.authorIds.get(userId) : undefined,
    },
    html: childText(c, 'comment_content', 'wp'),
    autop: true,
    state: type === 'pingback' || type === 'trackback' ? 'pingback' : (COMMENT_STATES[approved] ?? 'pending'),
    rawStatus: approved || undefined,
  };
  if (type === 'pingback' || type === 'trackback') sc.rawStatus = `${type},${approved}`;
  const stored = meta.get(SHRINKRAP_COMMENT_META);
  if (stored !== undefined) {
    // One of our own exports: the stored comment travels whole, and wins.
    try {
      const parsed = storedCommentSchema.safeParse(JSON.parse(stored));
      if (parsed.success) {
        sc.restored = parsed.data as StoredComment;
        sc.id = parsed.data.id;
        sc.parentId = parsed.data.parentId ?? undefined;
        sc.published = parsed.data.published;
        sc.state = 'visible';
      } else {
        sc.state = 'malformed';
        sc.problem = `line ${c.line}: ${SHRINKRAP_COMMENT_META} does not hold a valid comment (${parsed.error.issues[0]?.message})`;
      }
    } catch {
      sc.state = 'malformed';
      sc.problem = `line ${c.line}: ${SHRINKRAP_COMMENT_META} is not JSON`;
    }
    return sc;
  }
  if (!rawId || !/^[A-Za-z0-9_.-]+$/.test(rawId)) {
    sc.state = 'malformed';
    sc.problem = `line ${c.line}: no usable wp:comment_id`;
  } else if (!date) {
    sc.state = 'malformed';
    sc.problem = `line ${c.line}: no usable comment_date or comment_date_gmt`;
  }
  return sc;
}
