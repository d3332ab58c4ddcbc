import { compareComments } from '../../comments';
import { formatCommentsFile } from '../../content-files';
import { postCommentsSchema, type PostComments, type StoredComment } from '../../schemas';
import { sanitizeCommentHtml } from '../../sanitize';
import type { AuthorResolver } from '../authors';
import type { ExistingContent } from '../existing';
import type { ParsedExport, SourceComment } from '../parsed';
import { parseOldUrl, type SiteHosts } from '../old-urls';
import { addDropped, type MigrationReport } from '../report';
import { autop } from '../text';
import type { OldUrlMap } from './old-url-map';
import { byText, pathOfTarget, type PlannedFile, type Placed, type Problems } from './types';

/**
 * Phase 5, comments: each comment matched to its post (entry, Blogger id, our own
 * site id, Disqus identifier, then its thread's URL), grouped per post, statuses
 * applied, merged with the comments already in that post's file, and checked
 * against the site's schema. A comment whose post cannot be found is dropped and
 * reported; when its thread's path is an entry's address on a host not known as the
 * blog's, the report says which `--host` would have matched it.
 */

export interface CommentInputs {
  parsed: readonly ParsedExport[];
  placed: readonly Placed[];
  existing: ExistingContent;
  urls: OldUrlMap;
  site: SiteHosts;
  authors: AuthorResolver;
  report: MigrationReport;
  problems: Problems;
}

export function planCommentFiles(inputs: CommentInputs): PlannedFile[] {
  const { report, existing } = inputs;
  const groups = groupByTarget(inputs);
  const files: PlannedFile[] = [];
  for (const target of [...groups.keys()].sort(byText)) {
    const incoming = buildComments(groups.get(target)!, target, inputs.authors, report);
    const before = existing.comments.get(target);
    const incomingIds = new Set(incoming.comments.map((c) => c.id));
    const replacedSources = new Set(incoming.comments.map((c) => `${c.source.system}|${c.source.file}`));
    // A source imported again replaces what it brought last time; other sources' comments stay.
    const keptExisting = (before?.comments ?? []).filter(
      (c) => !incomingIds.has(c.id) && !(replacedSources.has(`${c.source.system}|${c.source.file}`) && c.source.system !== 'site'),
    );
    const doc = {
      schemaVersion: 1 as const,
      post: target,
      postSourceIds: [...new Set([...(before?.postSourceIds ?? []), ...incoming.sourceIds])].sort(byText),
      comments: [...keptExisting, ...incoming.comments].sort(compareComments),
    };
    const checked = postCommentsSchema.safeParse(doc);
    if (!checked.success) {
      const i = checked.error.issues[0]!;
      inputs.problems.push(`comments for ${target}: ${i.path.join('.')}: ${i.message}`);
      continue;
    }
    files.push({ rel: `comments/${target}.json`, text: formatCommentsFile(checked.data as PostComments), kind: 'comments' });
  }
  return files;
}

/** The post (or page) a comment belongs to, or undefined. */
export function commentTarget(c: SourceComment, urls: OldUrlMap, knownTargets: ReadonlySet<string>): string | undefined {
  return (
    (c.post.entryKey && urls.byEntryKey.get(c.post.entryKey)) ||
    (c.post.bloggerId && urls.byBloggerId.get(c.post.bloggerId)) ||
    (c.post.siteId && knownTargets.has(c.post.siteId) ? c.post.siteId : undefined) ||
    (c.post.identifier && (/^\d{1,19}$/.test(c.post.identifier) ? urls.byBloggerId.get(c.post.identifier) : urls.lookup(c.post.identifier))) ||
    c.post.urls?.map((u) => urls.lookup(u)).find(Boolean) ||
    undefined
  );
}

function groupByTarget(inputs: CommentInputs): Map<string, SourceComment[]> {
  const { placed, existing, report } = inputs;
  const knownTargets = new Set<string>([...placed.map((p) => p.target), ...existing.posts.keys(), ...[...existing.pages.keys()].map((k) => `p/${k}`)]);
  const hostHint = otherHostHint(inputs);
  const groups = new Map<string, SourceComment[]>();
  for (const c of inputs.parsed.flatMap((p) => p.comments)) {
    const where = `${c.file}${c.line ? `:${c.line}` : ''}`;
    if (c.state === 'malformed') {
      addDropped(report, 'comment', c.id, 'malformed', `${c.file}: ${c.problem}`);
      continue;
    }
    const target = commentTarget(c, inputs.urls, knownTargets);
    if (target) {
      const list = groups.get(target) ?? [];
      list.push(c);
      groups.set(target, list);
      continue;
    }
    const hint = hostHint(c);
    addDropped(report, 'comment', c.id, 'orphan', `${where}: no post for ${c.post.ref}${c.post.urls?.length ? ` (${c.post.urls.join(', ')})` : ''}${hint ? `; ${hint}` : ''}`);
  }
  return groups;
}

/**
 * For a comment with no post: its thread's address has the path of one of ours on a
 * host the import does not know as the blog's? Then say so, and count it in the report.
 */
function otherHostHint(inputs: CommentInputs): (c: SourceComment) => string | undefined {
  const paths = new Map<string, string>();
  for (const p of inputs.placed) {
    if (p.oldPath) paths.set(p.oldPath, pathOfTarget(p.target));
    paths.set(pathOfTarget(p.target), pathOfTarget(p.target));
  }
  return (c) => {
    for (const url of [...(c.post.urls ?? []), ...(c.post.identifier ? [c.post.identifier] : [])]) {
      const u = parseOldUrl(url, inputs.site);
      const post = u && u.host !== 'site' ? paths.get(u.path) : undefined;
      if (!u || !post) continue;
      const hints = inputs.report.hosts.notInferred;
      const known = hints.find((h) => h.host === u.host);
      if (known) known.comments++;
      else hints.push({ host: u.host, comments: 1, example: url, post });
      return `its thread has the address of ${post} on ${u.host}, which is not known as the blog's host: if it is, import again with --host ${u.host}`;
    }
    return undefined;
  };
}

/**
 * One post's incoming comments -> stored comments: statuses applied, removed
 * comments kept as tombstones only when a kept reply hangs below them, replies to
 * dropped or missing parents re-attached to the nearest kept ancestor.
 */
export function buildComments(
  list: readonly SourceComment[],
  target: string,
  authors: AuthorResolver,
  report: MigrationReport,
): { comments: StoredComment[]; sourceIds: string[] } {
  // Later duplicates of one id (the same comment in two files) are ignored.
  const byId = new Map<string, SourceComment>();
  for (const c of list) {
    if (byId.has(c.id)) report.duplicates.push(`comment ${c.id} in ${c.file}`);
    else byId.set(c.id, c);
  }
  const all = [...byId.values()];
  const { effective, missing } = effectiveParents(all, byId, target, report);
  const keep = keptComments(all, effective);
  const out: StoredComment[] = [];
  const sourceIds = new Set<string>();
  for (const c of all) {
    if (!keep.has(c.id)) {
      addDropped(report, 'comment', c.id, c.state === 'removed' ? 'deleted' : c.state, `${c.file}${c.line ? `:${c.line}` : ''} on ${target}`);
      continue;
    }
    const parentId = effective.get(c.id) ?? null;
    const originalParent = parentOf(c);
    if (originalParent && originalParent !== parentId) {
      report.reparentedComments.push({ id: c.id, post: target, missingParent: missing.get(c.id) ?? originalParent, newParent: parentId });
    }
    sourceIds.add(c.restored ? c.restored.source.postRef : c.post.ref);
    const stored = c.restored ? { ...c.restored, parentId } : storedComment(c, parentId, authors);
    out.push(stored);
    report.counts.comments[stored.status === 'tombstone' ? 'tombstone' : 'visible']++;
  }
  return { comments: out.sort(compareComments), sourceIds: [...sourceIds] };
}

const candidate = (c: SourceComment) => !!c.restored || c.state === 'visible' || c.state === 'removed';
const parentOf = (c: SourceComment) => (c.restored ? (c.restored.parentId ?? undefined) : c.parentId);

/** Each candidate's parent among candidates: climb through dropped comments; stop at loops. */
function effectiveParents(all: readonly SourceComment[], byId: ReadonlyMap<string, SourceComment>, target: string, report: MigrationReport) {
  const effective = new Map<string, string | null>();
  const missing = new Map<string, string>();
  for (const c of all) {
    if (!candidate(c)) continue;
    const seen = new Set([c.id]);
    let p = parentOf(c);
    let result: string | null = null;
    while (p) {
      if (seen.has(p)) {
        report.warnings.push(`comment ${c.id} on ${target}: its replies form a loop; attached at top level`);
        break;
      }
      seen.add(p);
      const parent = byId.get(p);
      if (!parent) {
        missing.set(c.id, p);
        break;
      }
      if (candidate(parent)) {
        result = p;
        break;
      }
      if (!missing.has(c.id)) missing.set(c.id, p);
      p = parentOf(parent);
    }
    effective.set(c.id, result);
  }
  return { effective, missing };
}

/** Visible comments, and removed ones only as tombstones above a kept reply. */
function keptComments(all: readonly SourceComment[], effective: ReadonlyMap<string, string | null>): Set<string> {
  const keep = new Set<string>();
  for (const c of all) if (candidate(c) && (c.restored || c.state === 'visible')) keep.add(c.id);
  for (const id of [...keep]) {
    let p = effective.get(id) ?? null;
    while (p && !keep.has(p)) {
      keep.add(p);
      p = effective.get(p) ?? null;
    }
  }
  return keep;
}

function storedComment(c: SourceComment, parentId: string | null, authors: AuthorResolver): StoredComment {
  const tombstone = c.state === 'removed';
  const authorKey = tombstone ? undefined : authors.commentAuthor(c.author);
  const url = !tombstone && c.author.identity !== 'anonymous' ? c.author.uri : undefined;
  return {
    id: c.id,
    parentId,
    published: c.published,
    author: {
      name: tombstone ? '' : c.author.name,
      ...(url ? { url } : {}),
      role: authorKey ? 'blog-author' : 'reader',
      identity: c.author.identity,
      ...(authorKey ? { authorKey } : {}),
    },
    bodyHtml: tombstone ? '' : sanitizeCommentHtml(c.autop ? autop(c.html) : c.html),
    status: tombstone ? 'tombstone' : 'visible',
    ...(tombstone ? { removedBy: c.removedBy ?? 'author' } : {}),
    source: {
      system: c.system,
      file: c.file,
      id: c.rawId,
      postRef: c.post.ref,
      ...(c.parentRef ? { parentRef: c.parentRef } : {}),
      ...(c.permalink ? { permalink: c.permalink } : {}),
      ...(c.rawStatus ? { rawStatus: c.rawStatus } : {}),
      ...(c.tzAssumed ? { tzAssumed: true } : {}),
    },
  };
}
