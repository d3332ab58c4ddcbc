/**
 * The migration report: what came in, what was dropped and why, and everything an
 * author should look at by hand. Printed after every run and written as JSON to
 * import/reports/<file>.report.json (git-ignored: it may name commenters).
 */

export interface MigrationReport {
  files: { file: string; format: string; recovered: string[]; skipped: Record<string, number> }[];
  /** The blog's own hosts: known (Shrink Rap's, --host, the export's), inferred from links and threads, and hosts of dropped comments' threads that might be the blog's. */
  hosts: {
    known: string[];
    inferred: { host: string; origin: string; links: number; threads: number }[];
    notInferred: { host: string; comments: number; example: string; post: string }[];
  };
  counts: {
    posts: { live: number; draft: number };
    pages: { live: number; draft: number };
    comments: { visible: number; tombstone: number };
    labels: number;
    /** Posts and pages by body format: plain Markdown (.md) or MDX with components (.mdx). */
    formats: { md: number; mdx: number };
    /** Dropped items by reason: spam, deleted, orphan, trashed, pending, pingback, malformed, deleted-thread… */
    dropped: Record<string, number>;
  };
  dropped: { kind: string; id: string; reason: string; detail?: string }[];
  slugCollisions: { id: string; wanted: string; assigned: string; reason: string }[];
  urlMonthMismatches: { post: string; url: string; published: string }[];
  renamedAddresses: { from: string; to: string; reason: string }[];
  untitled: { id: string; title: string }[];
  externalImages: { total: number; withoutAlt: number; byHost: Record<string, number> };
  unknownAuthors: { name: string; uri?: string; posts: number; assignedTo?: string }[];
  authorMatches: Record<string, number>;
  reparentedComments: { id: string; post: string; missingParent: string; newParent: string | null }[];
  links: { rewritten: number; unresolved: { post: string; href: string }[] };
  embeds: { kept: number; replacedByLink: string[] };
  removedElements: Record<string, number>;
  labelsRenamed: { from: string; to: string }[];
  duplicates: string[];
  /** Old address -> new address, for every imported post and page that had one. */
  addresses: { from: string; to: string }[];
  /** Old paths that now differ (renamed slugs, non-Blogger addresses): the host redirects these. */
  redirects: { from: string; to: string }[];
  writes: {
    written: string[];
    unchanged: number;
    skippedEditedByHand: string[];
    /** Posts and pages whose file changed between .md and .mdx: the old file was removed. */
    switchedFormat: { from: string; to: string }[];
  };
  warnings: string[];
  /** Series seen in titles (src/lib/import/series.ts), offered to the authors, never applied. */
  seriesSuggestions: { name: string; posts: string[] }[];
}

export function emptyReport(): MigrationReport {
  return {
    files: [],
    hosts: { known: [], inferred: [], notInferred: [] },
    counts: { posts: { live: 0, draft: 0 }, pages: { live: 0, draft: 0 }, comments: { visible: 0, tombstone: 0 }, labels: 0, formats: { md: 0, mdx: 0 }, dropped: {} },
    dropped: [],
    slugCollisions: [],
    urlMonthMismatches: [],
    renamedAddresses: [],
    untitled: [],
    externalImages: { total: 0, withoutAlt: 0, byHost: {} },
    unknownAuthors: [],
    authorMatches: {},
    reparentedComments: [],
    links: { rewritten: 0, unresolved: [] },
    embeds: { kept: 0, replacedByLink: [] },
    removedElements: {},
    labelsRenamed: [],
    duplicates: [],
    addresses: [],
    redirects: [],
    writes: { written: [], unchanged: 0, skippedEditedByHand: [], switchedFormat: [] },
    warnings: [],
    seriesSuggestions: [],
  };
}

export function addDropped(r: MigrationReport, kind: string, id: string, reason: string, detail?: string) {
  r.dropped.push({ kind, id, reason, ...(detail ? { detail } : {}) });
  r.counts.dropped[reason] = (r.counts.dropped[reason] ?? 0) + 1;
}

const list = <T>(items: T[], show: (t: T) => string, max = 10) =>
  items.length === 0
    ? ''
    : `\n${items
        .slice(0, max)
        .map((i) => `    - ${show(i)}`)
        .join('\n')}${items.length > max ? `\n    … and ${items.length - max} more (see the JSON report)` : ''}`;

/** The report as people read it in a terminal. */
export function formatReport(r: MigrationReport, options: { dryRun?: boolean } = {}): string {
  const c = r.counts;
  const dropped = Object.entries(c.dropped)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const lines = [
    `Migration report${options.dryRun ? ' (dry run: nothing written)' : ''}`,
    ...r.files.map(
      (f) =>
        `  ${f.file}: ${f.format}${Object.keys(f.skipped).length ? `; skipped ${Object.entries(f.skipped).map(([k, v]) => `${v} ${k}`).join(', ')}` : ''}${
          f.recovered.length ? `\n    recovered: ${f.recovered.join('; ')}` : ''
        }`,
    ),
    ...hostLines(r),
    `  posts: ${c.posts.live} live, ${c.posts.draft} drafts`,
    `  pages: ${c.pages.live} live, ${c.pages.draft} drafts`,
    `  comments: ${c.comments.visible} visible, ${c.comments.tombstone} tombstones (removed, kept for their replies)`,
    `  labels: ${c.labels}`,
    `  formats: ${c.formats.md} plain Markdown (.md), ${c.formats.mdx} MDX with components (.mdx)`,
    `  dropped: ${dropped || 'nothing'}${list(r.dropped, (d) => `${d.reason}: ${d.kind} ${d.id}${d.detail ? ` (${d.detail})` : ''}`)}`,
    `  slug collisions: ${r.slugCollisions.length}${list(r.slugCollisions, (s) => `${s.wanted} -> ${s.assigned} (${s.reason})`)}`,
    `  URL month differs from the date: ${r.urlMonthMismatches.length}${list(r.urlMonthMismatches, (m) => `${m.post} published ${m.published}`)}`,
    `  addresses changed (redirected): ${r.renamedAddresses.length}${list(r.renamedAddresses, (m) => `${m.from} -> ${m.to} (${m.reason})`)}`,
    `  untitled: ${r.untitled.length}${list(r.untitled, (u) => `${u.id} titled "${u.title}"`)}`,
    `  external images: ${r.externalImages.total} (${r.externalImages.withoutAlt} without alt text)${list(
      Object.entries(r.externalImages.byHost).sort(([, a], [, b]) => b - a),
      ([h, n]) => `${h}: ${n}`,
      5,
    )}`,
    `  unknown authors: ${r.unknownAuthors.length}${list(r.unknownAuthors, (a) => `${a.name || '(no name)'}${a.uri ? ` <${a.uri}>` : ''}: ${a.posts} posts -> ${a.assignedTo ?? 'none'}`)}`,
    `  comment replies re-attached: ${r.reparentedComments.length}${list(r.reparentedComments, (p) => `${p.id} on ${p.post}: parent ${p.missingParent} missing -> ${p.newParent ?? 'top level'}`)}`,
    `  internal links rewritten: ${r.links.rewritten}; old-blog links left as they were: ${r.links.unresolved.length}${list(r.links.unresolved, (l) => `${l.post}: ${l.href}`)}`,
    `  embeds: ${r.embeds.kept} kept, ${r.embeds.replacedByLink.length} replaced by a link`,
  ];
  if (Object.keys(r.removedElements).length) {
    lines.push(`  removed from posts: ${Object.entries(r.removedElements).map(([k, v]) => `${v} <${k}>`).join(', ')}`);
  }
  if (r.labelsRenamed.length) lines.push(`  labels renamed: ${r.labelsRenamed.map((l) => `"${l.from}" -> "${l.to}"`).join(', ')}`);
  if (r.duplicates.length) lines.push(`  duplicates ignored: ${r.duplicates.length}${list(r.duplicates, (d) => d)}`);
  lines.push(
    `  files: ${r.writes.written.length} ${options.dryRun ? 'to write' : 'written'}, ${r.writes.unchanged} unchanged, ${r.writes.skippedEditedByHand.length} skipped (edited by hand since the last import; --force overwrites)${list(
      r.writes.skippedEditedByHand,
      (f) => f,
    )}`,
  );
  if (r.writes.switchedFormat.length) {
    lines.push(
      `  switched between .md and .mdx (old file removed): ${r.writes.switchedFormat.length}${list(r.writes.switchedFormat, (s) => `${s.from} -> ${s.to}`)}`,
    );
  }
  if (r.seriesSuggestions.length) {
    lines.push(
      `  series seen in titles (not applied: to use one, add series: "<name>" to its posts): ${r.seriesSuggestions.length}${list(r.seriesSuggestions, (s) => `"${s.name}": ${s.posts.length} posts (${s.posts.slice(0, 3).join(', ')}${s.posts.length > 3 ? ', …' : ''})`)}`,
    );
  }
  if (r.warnings.length) lines.push(`  warnings: ${r.warnings.length}${list(r.warnings, (w) => w)}`);
  return lines.join('\n');
}

const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/** The blog's hosts the import inferred, and the --host that would have kept dropped comments. */
function hostLines(r: MigrationReport): string[] {
  const lines = r.hosts.inferred.length
    ? [
        `  the blog's own hosts, inferred: ${r.hosts.inferred
          .map((h) => `${h.host} (${[h.links ? plural(h.links, 'linked post') : '', h.threads ? plural(h.threads, 'Disqus thread') : ''].filter(Boolean).join(', ')})`)
          .join('; ')}`,
      ]
    : [];
  for (const h of r.hosts.notInferred) {
    lines.push(
      `  ${h.comments} comment${h.comments === 1 ? '' : 's'} dropped on threads at ${h.host}, whose paths are posts here (e.g. ${h.example} is ${h.post}). If ${h.host} was the blog's address, import again with: --host ${h.host}`,
    );
  }
  return lines;
}
