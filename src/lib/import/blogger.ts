import { NS, child, childText, childrenOf, textOf, type XmlElement } from './xml';
import type { CommentState, ParsedExport, SourceComment, SourceEntry } from './parsed';
import { entryKey, emptyExport } from './parsed';
import { cleanName, cleanText, escapeHtml, htmlText, httpUrl, isAnonymousName, isIsoWithOffset } from './text';

/**
 * Blogger exports, both shapes (export-formats.md §1 and §2): the classic
 * `blog-MM-DD-YYYY.xml` (kind categories) and the Takeout `feed.atom`
 * (blogger:type / blogger:status). What an entry is comes from its kind, never
 * from its id: comment ids also say "post-".
 */

const KIND = /kind#(post|page|comment|settings|template)$/;
const LABEL_SCHEME = 'http://www.blogger.com/atom/ns#';
const KIND_SCHEME = 'http://schemas.google.com/g/2005#kind';

/** The number after `.post-`, `.page-` or `.comment-` in an Atom id ("tag:blogger.com,1999:blog-1.post-123"). */
export function bloggerLocalId(atomId: string): string | undefined {
  const m = /(?:^|[.:])(?:post|page|comment)-([A-Za-z0-9_]+)$/.exec(atomId.trim());
  return m?.[1];
}
const digits = (s: string | undefined) => (s && /^\d{1,19}$/.test(s) ? s : undefined);

export function parseBloggerRecords(file: string, feed: XmlElement, entries: XmlElement[]): ParsedExport {
  const takeout = entries.some((e) => child(e, 'type', NS.blogger));
  const out: ParsedExport = emptyExport(file, takeout ? 'blogger-takeout' : 'blogger-classic');
  const blogUrl = childrenOf(feed, 'link', NS.atom).find((l) => l.attrs.rel === 'alternate')?.attrs.href;
  const host = blogUrl ? safeHost(blogUrl) : undefined;
  if (host) out.hosts.push(host);

  for (const e of entries) {
    if (takeout && child(e, 'type', NS.blogger)) readTakeoutEntry(e, out);
    else readClassicEntry(e, out);
  }
  return out;
}

function safeHost(url: string): string | undefined {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return undefined;
  }
}

function skip(out: ParsedExport, kind: string) {
  out.skipped[kind] = (out.skipped[kind] ?? 0) + 1;
}

function titleOf(e: XmlElement): string {
  const t = child(e, 'title', NS.atom);
  if (!t) return '';
  // type="text" is plain text: the XML parser decoded it once, and that is all.
  return t.attrs.type === 'html' || t.attrs.type === 'xhtml' ? htmlText(textOf(t)) : cleanName(textOf(t));
}

function contentOf(e: XmlElement): string {
  const c = child(e, 'content', NS.atom);
  if (!c) return '';
  const raw = textOf(c);
  return c.attrs.type === 'text' ? escapeHtml(raw).replace(/\n/g, '<br>\n') : raw;
}

function linkHref(e: XmlElement, rel: string, type?: string): string | undefined {
  return childrenOf(e, 'link', NS.atom).find((l) => l.attrs.rel === rel && (type === undefined || l.attrs.type === type))?.attrs.href;
}

function authorOf(e: XmlElement) {
  const a = child(e, 'author', NS.atom);
  return {
    name: cleanName(childText(a, 'name', NS.atom)),
    uri: childText(a, 'uri', NS.atom).trim() || undefined,
    bloggerType: childText(a, 'type', NS.blogger).trim().toUpperCase() || undefined,
  };
}

const PROFILE_HOSTS = /(^|\.)(blogger\.com|plus\.google\.com|profiles\.google\.com|google\.com)$/i;

function commentAuthor(a: { name: string; uri?: string; bloggerType?: string }): SourceComment['author'] {
  const url = httpUrl(a.uri);
  if (a.bloggerType === 'ANONYMOUS' || (!url && isAnonymousName(a.name))) {
    return { name: a.name || 'Anonymous', identity: 'anonymous' };
  }
  const host = url ? safeHost(url) : undefined;
  if (a.bloggerType === 'BLOGGER' || (host && PROFILE_HOSTS.test(host))) {
    return { name: a.name, uri: url, identity: 'registered' };
  }
  return { name: a.name, uri: url, identity: 'guest' };
}

function extendedProperty(e: XmlElement, name: string): string | undefined {
  return childrenOf(e, 'extendedProperty', NS.gd).find((p) => p.attrs.name === name)?.attrs.value;
}

function published(e: XmlElement): string {
  return childText(e, 'published', NS.atom).trim();
}

/* ---------- classic ---------- */

function readClassicEntry(e: XmlElement, out: ParsedExport) {
  const id = childText(e, 'id', NS.atom).trim();
  const kindTerm = childrenOf(e, 'category', NS.atom)
    .map((c) => c.attrs.term ?? '')
    .find((t) => KIND.test(t));
  const kind = kindTerm ? KIND.exec(kindTerm)![1] : undefined;
  if (!kind) {
    out.dropped.push({ kind: 'entry', id, reason: 'malformed', detail: `line ${e.line}: no Blogger kind category` });
    return;
  }
  if (kind === 'template') return skip(out, 'template');
  if (kind === 'settings') {
    skip(out, 'settings');
    const key = /\.settings\.(\w+)$/.exec(id)?.[1];
    if (key) out.settings[key] = childText(e, 'content', NS.atom).trim();
    return;
  }
  if (kind === 'comment') return readClassicComment(e, id, out);

  const draft = childText(child(e, 'control', NS.app), 'draft', NS.app).trim().toLowerCase() === 'yes';
  const entry = baseEntry(e, out, kind as 'post' | 'page', id, draft, 'blogger-classic');
  if (!entry) return;
  entry.url = draft ? undefined : linkHref(e, 'alternate');
  entry.labels = childrenOf(e, 'category', NS.atom)
    .filter((c) => c.attrs.scheme === LABEL_SCHEME)
    .map((c) => cleanName(c.attrs.term ?? ''))
    .filter(Boolean);
  const total = childText(e, 'total', NS.thr).trim();
  if (/^\d+$/.test(total)) entry.commentTotal = Number(total);
  if (!draft && !entry.url) {
    out.dropped.push({ kind, id, reason: 'malformed', detail: `line ${e.line}: a published ${kind} without its alternate link (permalink)` });
    return;
  }
  out.entries.push(entry);
}

function baseEntry(
  e: XmlElement,
  out: ParsedExport,
  kind: 'post' | 'page',
  id: string,
  draft: boolean,
  system: 'blogger-classic' | 'blogger-takeout',
): SourceEntry | undefined {
  const when = published(e);
  if (!isIsoWithOffset(when)) {
    out.dropped.push({
      kind,
      id,
      reason: 'malformed',
      detail: `line ${e.line}: <published> ${when ? `"${when}" is not an RFC 3339 date with offset` : 'is missing'}`,
    });
    return undefined;
  }
  const local = bloggerLocalId(id);
  const a = authorOf(e);
  return {
    kind,
    system,
    file: out.file,
    line: e.line,
    sourceId: id,
    bloggerId: digits(local),
    title: titleOf(e),
    published: when,
    draft,
    labels: [],
    author: { name: a.name || undefined, uri: a.uri },
    html: contentOf(e),
  };
}

/** What a Blogger comment says the same way in both export formats. */
function bloggerComment(system: 'blogger-classic' | 'blogger-takeout', e: XmlElement, id: string, out: ParsedExport) {
  return {
    system,
    file: out.file,
    line: e.line,
    id: `blogger:${bloggerLocalId(id) ?? id}`,
    rawId: id,
    published: published(e),
    author: commentAuthor(authorOf(e)),
    html: contentOf(e),
  } satisfies Partial<SourceComment>;
}

function readClassicComment(e: XmlElement, id: string, out: ParsedExport) {
  const local = bloggerLocalId(id);
  const inReplyTo = child(e, 'in-reply-to', NS.thr);
  const ref = inReplyTo?.attrs.ref?.trim() ?? '';
  const selfHref = linkHref(e, 'self') ?? linkHref(e, 'edit') ?? '';
  // Post id: from thr:in-reply-to (post- or page-), else from the source or self link.
  const postNumber =
    digits(bloggerLocalId(ref)) ??
    digits(/\/posts\/default\/(\d+)/.exec(inReplyTo?.attrs.source ?? '')?.[1]) ??
    digits(/\/feeds\/\d+\/(\d+)\/comments\//.exec(selfHref)?.[1]);
  const related = linkHref(e, 'related');
  const parentNumber = related ? /comments\/default\/(\d+)/.exec(related)?.[1] : undefined;
  const removed = extendedProperty(e, 'blogger.contentRemoved') === 'true';
  const common = bloggerComment('blogger-classic', e, id, out);
  const { html, published: when } = common;
  const comment: SourceComment = {
    ...common,
    parentId: parentNumber ? `blogger:${parentNumber}` : undefined,
    parentRef: related,
    post: {
      ref,
      entryKey: ref ? entryKey('blogger-classic', ref) : undefined,
      bloggerId: postNumber,
      urls: inReplyTo?.attrs.href ? [inReplyTo.attrs.href] : [],
    },
    state: removed ? 'removed' : 'visible',
    removedBy: removed ? removedBy(html) : undefined,
    permalink: linkHref(e, 'alternate'),
    rawStatus: removed ? 'contentRemoved' : 'LIVE',
  };
  if (!local || !/^[A-Za-z0-9_]+$/.test(local)) malformed(comment, 'its id has no comment number');
  else if (!isIsoWithOffset(when)) malformed(comment, `<published> ${when ? `"${when}" is not a date with offset` : 'is missing'}`);
  else if (!ref && !postNumber) malformed(comment, 'no thr:in-reply-to: the post it belongs to is unknown');
  out.comments.push(comment);
}

function malformed(c: SourceComment, problem: string) {
  c.state = 'malformed';
  c.problem = `line ${c.line}: ${problem}`;
}

function removedBy(placeholder: string): 'author' | 'administrator' {
  return /administrator|admin/i.test(placeholder) ? 'administrator' : 'author';
}

/* ---------- Takeout (blogger/2018) ---------- */

const TAKEOUT_COMMENT_STATES: Record<string, CommentState> = {
  LIVE: 'visible',
  EMPTIED: 'removed',
  DELETED: 'removed',
  REMOVED: 'removed',
  SPAM: 'spam',
  PENDING: 'pending',
  SOFT_TRASHED: 'trashed',
  TRASHED: 'trashed',
};

function readTakeoutEntry(e: XmlElement, out: ParsedExport) {
  const id = childText(e, 'id', NS.atom).trim();
  const type = childText(e, 'type', NS.blogger).trim().toUpperCase();
  const status = childText(e, 'status', NS.blogger).trim().toUpperCase();
  const trashed = childText(e, 'trashed', NS.blogger).trim();
  if (type === 'COMMENT') return readTakeoutComment(e, id, status, trashed, out);
  if (type !== 'POST' && type !== 'PAGE') {
    skip(out, type.toLowerCase() || 'unknown');
    return;
  }
  const kind = type === 'POST' ? 'post' : 'page';
  if (trashed) {
    out.dropped.push({ kind, id, reason: 'trashed', detail: `trashed ${trashed}` });
    return;
  }
  if (status !== 'LIVE' && status !== 'DRAFT' && status !== 'SCHEDULED') {
    out.dropped.push({ kind, id, reason: status === 'SOFT_TRASHED' ? 'trashed' : 'not-public', detail: `status ${status || '(none)'}` });
    return;
  }
  const draft = status !== 'LIVE';
  if (status === 'SCHEDULED') out.warnings.push(`${id}: a scheduled ${kind} that never went live is imported as a draft`);
  const entry = baseEntry(e, out, kind, id, draft, 'blogger-takeout');
  if (!entry) return;
  const filename = childText(e, 'filename', NS.blogger).trim();
  // The filename is a host-less path; drafts may carry one too, which makes them no less a draft.
  if (filename) entry.url = filename;
  entry.labels = childrenOf(e, 'category', NS.atom)
    .filter((c) => c.attrs.scheme !== KIND_SCHEME && (c.attrs.term ?? '').trim() !== '')
    .map((c) => cleanName(c.attrs.term!));
  const meta = cleanName(childText(e, 'metaDescription', NS.blogger));
  if (meta) entry.description = meta;
  if (!draft && !filename) {
    out.dropped.push({ kind, id, reason: 'malformed', detail: `line ${e.line}: a live ${kind} without blogger:filename (its address)` });
    return;
  }
  out.entries.push(entry);
}

function readTakeoutComment(e: XmlElement, id: string, status: string, trashed: string, out: ParsedExport) {
  const local = bloggerLocalId(id);
  const parentPost = childText(e, 'parent', NS.blogger).trim();
  const inReplyTo = childText(e, 'inReplyTo', NS.blogger).trim();
  let state: CommentState = trashed ? 'trashed' : (TAKEOUT_COMMENT_STATES[status] ?? 'pending');
  const common = bloggerComment('blogger-takeout', e, id, out);
  const { html, published: when } = common;
  const comment: SourceComment = {
    ...common,
    parentId: inReplyTo ? `blogger:${bloggerLocalId(inReplyTo) ?? inReplyTo}` : undefined,
    parentRef: inReplyTo || undefined,
    post: {
      ref: parentPost,
      entryKey: parentPost ? entryKey('blogger-takeout', parentPost) : undefined,
      bloggerId: digits(bloggerLocalId(parentPost)),
    },
    state,
    removedBy: state === 'removed' ? removedBy(html) : undefined,
    rawStatus: status || undefined,
  };
  if (!local) malformed(comment, 'its id has no comment number');
  else if (!isIsoWithOffset(when)) malformed(comment, `<published> ${when ? `"${when}" is not a date with offset` : 'is missing'}`);
  else if (!parentPost) malformed(comment, 'no blogger:parent: the post it belongs to is unknown');
  state = comment.state;
  out.comments.push(comment);
}

/** Useful only for messages: what a Blogger body says in its first words. */
export const snippet = (s: string, n = 60) => {
  const t = cleanText(s).replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
};
