import { NS, child, childText, type XmlElement } from './xml';
import type { ParsedExport, SourceComment } from './parsed';
import { emptyExport } from './parsed';
import { cleanName } from './text';

/**
 * Disqus export (export-formats.md §4): a flat list of threads (pages) and posts
 * (comments). Posts point to threads by dsq:id; threads are matched to our posts
 * by identifier or normalised link later, in the planner.
 */

const dsqId = (el: XmlElement | undefined) => el?.attrs[`{${NS.dsq}}id`]?.trim() || undefined;

interface Thread {
  dsqId: string;
  identifier?: string;
  link?: string;
  title?: string;
  deleted: boolean;
}

const bool = (s: string): boolean | undefined => {
  const t = s.trim().toLowerCase();
  return t === 'true' ? true : t === 'false' || t === '' ? false : undefined;
};

/** Disqus writes UTC with Z; its own documentation's example omits the zone, which means UTC too. */
function disqusDate(s: string): { iso: string; tzAssumed: boolean } | undefined {
  const t = s.trim();
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:\d{2})?$/.exec(t);
  if (!m) return undefined;
  const iso = m[2] ? t : `${m[1]}Z`;
  return Number.isNaN(Date.parse(iso)) ? undefined : { iso, tzAssumed: !m[2] };
}

export function parseDisqusRecords(file: string, records: XmlElement[]): ParsedExport {
  const out: ParsedExport = emptyExport(file, 'disqus');
  const threads = new Map<string, Thread>();
  for (const r of records) {
    if (r.local === 'thread') {
      const id = dsqId(r);
      if (!id) {
        out.warnings.push(`line ${r.line}: a thread without dsq:id is ignored`);
        continue;
      }
      threads.set(id, {
        dsqId: id,
        identifier: childText(r, 'id').trim() || undefined,
        link: childText(r, 'link').trim() || undefined,
        title: cleanName(childText(r, 'title')) || undefined,
        deleted: bool(childText(r, 'isDeleted')) === true,
      });
    } else if (r.local === 'category') {
      out.skipped.category = (out.skipped.category ?? 0) + 1;
    }
  }
  for (const r of records) {
    if (r.local !== 'post') continue;
    const rawId = dsqId(r) ?? (childText(r, 'id').trim() || undefined);
    const threadId = dsqId(child(r, 'thread'));
    const thread = threadId ? threads.get(threadId) : undefined;
    const author = child(r, 'author');
    const name = cleanName(childText(author, 'name'));
    const username = childText(author, 'username').trim() || undefined;
    const anonymous = bool(childText(author, 'isAnonymous'));
    const date = disqusDate(childText(r, 'createdAt'));
    const deleted = bool(childText(r, 'isDeleted'));
    const spam = bool(childText(r, 'isSpam'));
    const parent = dsqId(child(r, 'parent'));
    const c: SourceComment = {
      system: 'disqus',
      file,
      line: r.line,
      id: `disqus:${rawId ?? `line-${r.line}`}`,
      rawId: rawId ?? '',
      parentId: parent ? `disqus:${parent}` : undefined,
      parentRef: parent,
      post: {
        ref: threadId ? `thread ${threadId}${thread ? '' : ' (not in the file)'}` : 'no thread',
        identifier: thread?.identifier,
        urls: thread?.link ? [thread.link] : [],
        title: thread?.title,
      },
      published: date?.iso ?? childText(r, 'createdAt').trim(),
      tzAssumed: date?.tzAssumed || undefined,
      author: {
        name: name || 'Anonymous',
        identity: !name ? 'anonymous' : anonymous === false && username ? 'registered' : 'guest',
        disqusUsername: anonymous === false ? username : undefined,
      },
      html: childText(r, 'message').trim(),
      state: thread?.deleted ? 'deleted-thread' : deleted ? 'removed' : spam ? 'spam' : 'visible',
      rawStatus: `isDeleted=${childText(r, 'isDeleted').trim() || 'false'},isSpam=${childText(r, 'isSpam').trim() || 'false'}`,
    };
    if (!rawId || !/^[A-Za-z0-9_.-]+$/.test(rawId)) {
      c.state = 'malformed';
      c.problem = `line ${r.line}: no usable id (dsq:id or <id>)`;
    } else if (!date) {
      c.state = 'malformed';
      c.problem = `line ${r.line}: createdAt "${childText(r, 'createdAt').trim()}" is not a date`;
    } else if (deleted === undefined || spam === undefined) {
      c.state = 'malformed';
      c.problem = `line ${r.line}: isDeleted/isSpam must be true or false`;
    }
    out.comments.push(c);
  }
  if (!records.some((r) => r.local === 'post')) {
    out.warnings.push('the Disqus export has no posts (comments)');
  }
  return out;
}
