import { Document, parse as parseYaml } from 'yaml';
import { z } from 'astro/zod';
import { markdownToMdast, mdxToJs } from 'satteri';
import { labelName, pageSchema, postCommentsSchema, postSchema, type PostComments, type StoredComment } from '../schemas';
import { sanitizeCommentHtml } from '../sanitize';
import { bloggerSlug, uniqueSlug } from '../slug';
import { postPath, pagePath } from '../urls';
import { redirectablePath } from '../redirects';
import type { AuthorResolver } from './authors';
import type { ExistingContent } from './existing';
import { convertHtml, type BodyFormat, type ConvertResult } from './html-to-mdx';
import { entryKey, type ParsedExport, type SourceComment, type SourceEntry } from './model';
import { BLOGGER_PAGE_PATH, BLOGGER_POST_PATH, DEFAULT_SITE_HOSTS, SiteHosts, parseOldUrl, safeSlug, urlKey } from './old-urls';
import { addDropped, emptyReport, type MigrationReport } from './report';
import { autop, localYearMonth } from './text';

/**
 * The whole import, decided in memory: where every post, page and comment goes,
 * what each file will contain, and the report. Nothing here touches the disk;
 * the writer applies a plan only when every file in it is valid.
 */

export interface PlanOptions {
  /** Extra hosts of the old blog (besides Shrink Rap's and those the export names). */
  hosts?: string[];
  /** Never create posts from WXR items: take their comments only. */
  commentsOnly?: boolean;
  /** 'auto' (default): `.md` for bodies without JSX, `.mdx` for the rest. 'mdx': every body as `.mdx`. */
  bodyFormat?: 'auto' | 'mdx';
}

export interface PlannedFile {
  /** Path relative to the content folder, with forward slashes. */
  rel: string;
  text: string;
  kind: 'post' | 'page' | 'comments';
  /**
   * Files of the same post or page under the other extension (`slug.md` vs `slug.mdx`),
   * already in the content folder: the writer removes them when it writes this one.
   */
  replaces?: string[];
}

export interface ImportPlan {
  files: PlannedFile[];
  report: MigrationReport;
}

export class PlanError extends Error {
  constructor(readonly problems: string[]) {
    super(`The import stopped before writing anything:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PlanError';
  }
}

interface Placed {
  entry: SourceEntry;
  /** Post id ("2008/11/slug") or page slug. */
  id: string;
  /** Where the old blog served it, root-relative, when it had an address. */
  oldPath?: string;
  /** Target for comments: the post id, or "p/<slug>" for pages. */
  target: string;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function planImport(
  parsed: ParsedExport[],
  existing: ExistingContent,
  authors: AuthorResolver,
  options: PlanOptions = {},
): ImportPlan {
  const report = emptyReport();
  const problems: string[] = [];
  report.warnings.push(...existing.warnings);
  const site = new SiteHosts([...DEFAULT_SITE_HOSTS, ...(options.hosts ?? []), ...parsed.flatMap((p) => p.hosts)]);

  for (const p of parsed) {
    report.files.push({ file: p.file, format: p.format, recovered: p.recovered, skipped: p.skipped });
    for (const d of p.dropped) addDropped(report, d.kind, d.id, d.reason, d.detail);
    report.warnings.push(...p.warnings.map((w) => `${p.file}: ${w}`));
  }

  /* ---------- 1. entries: dedupe, and WXR items that only repeat a post we have ---------- */

  const existingByBloggerId = new Map<string, string>();
  const commentTargetByBloggerId = new Map<string, string>();
  const existingByWordpressId = new Map<string, string>();
  const existingByUrl = new Map<string, string>();
  for (const [kind, docs] of [['post', existing.posts], ['page', existing.pages]] as const) {
    for (const d of docs.values()) {
      const target = kind === 'post' ? d.id : `p/${d.id}`;
      if (d.bloggerId) {
        existingByBloggerId.set(`${kind}:${d.bloggerId}`, target);
        if (!commentTargetByBloggerId.has(d.bloggerId)) commentTargetByBloggerId.set(d.bloggerId, target);
      }
      if (d.wordpressId) existingByWordpressId.set(d.wordpressId, target);
      const k = d.legacyUrl ? urlKey(d.legacyUrl, site) : undefined;
      if (k) existingByUrl.set(k, target);
      existingByUrl.set(`site${kind === 'post' ? postPath(d.id) : pagePath(d.id)}`, target);
    }
  }

  const entries: SourceEntry[] = [];
  const seenIdentity = new Set<string>();
  const bloggerUrlKeys = new Set<string>();
  for (const p of parsed) {
    for (const e of p.entries) {
      // The same Blogger entry can come from two files (classic and Takeout); WordPress items never repeat.
      const identity = e.bloggerId ? `${e.kind}:blogger:${e.bloggerId}` : `${e.file}:${e.line ?? ''}:${e.sourceId}`;
      if (seenIdentity.has(identity)) {
        report.duplicates.push(`${e.kind} ${e.sourceId} in ${e.file} (already in an earlier file)`);
        continue;
      }
      seenIdentity.add(identity);
      if (e.system !== 'wxr' && e.url) {
        const k = urlKey(e.url, site);
        if (k) bloggerUrlKeys.add(k);
      }
      entries.push(e);
    }
  }
  const wxrRepeats = new Map<SourceEntry, string>();
  const kept = entries.filter((e) => {
    if (e.system !== 'wxr') return true;
    const k = e.url ? urlKey(e.url, site) : undefined;
    const already = (e.wordpressId && existingByWordpressId.get(e.wordpressId)) || (k && (existingByUrl.get(k) ?? (bloggerUrlKeys.has(k) ? k : undefined)));
    if (already || options.commentsOnly) {
      wxrRepeats.set(e, already || '');
      report.warnings.push(`${e.file}: ${e.kind} "${e.title || e.sourceId}" ${already ? 'is already on the site' : 'not created (--comments-only)'}: only its comments are imported`);
      return false;
    }
    return true;
  });

  /* ---------- 2. addresses ---------- */

  const takenPosts = new Set(existing.posts.keys());
  const takenPages = new Set(existing.pages.keys());
  const placed: Placed[] = [];
  const reuseId = (e: SourceEntry): string | undefined => {
    const t =
      (e.bloggerId && existingByBloggerId.get(`${e.kind}:${e.bloggerId}`)) ||
      (e.system === 'wxr' && e.wordpressId && existingByWordpressId.get(e.wordpressId)) ||
      undefined;
    if (!t) return undefined;
    const isPage = t.startsWith('p/');
    if (isPage !== (e.kind === 'page')) return undefined;
    return isPage ? t.slice(2) : t;
  };

  interface Want {
    entry: SourceEntry;
    id: string;
    exact: boolean;
    oldPath?: string;
    reason?: string;
  }
  const wants: Want[] = kept.map((e) => wantedAddress(e, site, report));
  const claim = (w: Want, id: string) => {
    (w.entry.kind === 'post' ? takenPosts : takenPages).add(id);
    placed.push({ entry: w.entry, id, oldPath: w.oldPath, target: w.entry.kind === 'post' ? id : `p/${id}` });
  };
  const pending: Want[] = [];
  // Pass 1: entries already imported keep their file. Pass 2: exact Blogger addresses. Pass 3: the rest.
  const reused = new Set<string>();
  for (const w of wants) {
    const again = reuseId(w.entry);
    const key = `${w.entry.kind}:${again}`;
    if (again && !reused.has(key)) {
      reused.add(key);
      claim(w, again);
    } else pending.push(w);
  }
  const later: Want[] = [];
  for (const w of pending) {
    const taken = w.entry.kind === 'post' ? takenPosts : takenPages;
    if (w.exact && !taken.has(w.id)) claim(w, w.id);
    else later.push(w);
  }
  for (const w of later) {
    const taken = w.entry.kind === 'post' ? takenPosts : takenPages;
    const [prefix, slug] = splitId(w.id, w.entry.kind);
    const assigned = `${prefix}${uniqueSlug(slug, (s) => taken.has(`${prefix}${s}`))}`;
    if (assigned !== w.id) {
      report.slugCollisions.push({
        id: w.entry.sourceId,
        wanted: w.id,
        assigned,
        reason: existing.posts.has(w.id) || existing.pages.has(w.id) ? 'a different post already has this address' : 'another entry in the export has this address',
      });
    }
    claim(w, assigned);
    if (w.oldPath && w.reason) {
      report.renamedAddresses.push({ from: w.oldPath, to: w.entry.kind === 'post' ? postPath(assigned) : pagePath(assigned), reason: w.reason });
    }
  }
  /* ---------- 3. the old-URL map (links, redirects, comment matching) ---------- */

  // Built in claim order, so an address two entries share stays with the one that kept it.
  const urlMap = new Map<string, string>(existingByUrl);
  const byBloggerId = new Map<string, string>(commentTargetByBloggerId);
  const byEntryKey = new Map<string, string>();
  for (const p of placed) urlMap.set(`site${pathOfTarget(p.target)}`, p.target);
  for (const p of placed) {
    const k = p.entry.url ? urlKey(p.entry.url, site) : undefined;
    if (k && !urlMap.has(k)) urlMap.set(k, p.target);
    if (p.entry.bloggerId) byBloggerId.set(p.entry.bloggerId, p.target);
    byEntryKey.set(entryKey(p.entry.system, p.entry.sourceId), p.target);
  }
  for (const p of placed) {
    const newPath = pathOfTarget(p.target);
    const k = p.entry.url ? urlKey(p.entry.url, site) : undefined;
    if (!k || !p.oldPath) continue;
    report.addresses.push({ from: legacyUrl(p.entry, site) ?? p.entry.url!, to: newPath });
    const from = redirectablePath(p.entry.url!);
    if (urlMap.get(k) === p.target && from && from !== newPath) report.redirects.push({ from, to: newPath });
  }
  placed.sort((a, b) => byText(a.target, b.target));
  for (const [e, t] of wxrRepeats) if (t) byEntryKey.set(entryKey(e.system, e.sourceId), t.startsWith('site') ? (urlMap.get(t) ?? t) : t);

  const targetPath = (target: string) => pathOfTarget(target);
  const rewriteHref = (href: string): string | null | undefined => {
    const u = parseOldUrl(href, site);
    if (!u || u.host !== 'site') return undefined;
    const key = `site${u.path}${u.query ? `?${u.query}` : ''}`;
    const target = urlMap.get(key) ?? urlMap.get(`site${u.path}`);
    const fragment = u.fragment ? `#${u.fragment}` : '';
    if (target) return `${targetPath(target)}${fragment}`;
    if (BLOGGER_POST_PATH.test(u.path) || BLOGGER_PAGE_PATH.test(u.path)) return null;
    // Archives, labels, feeds, the home page: the same paths still work here.
    return `${u.path}${u.query ? `?${u.query}` : ''}${fragment}`;
  };

  /* ---------- 4. posts and pages ---------- */

  const authorIds = authors.authorIds;
  const authorRef = authorIds.length
    ? z.enum(authorIds as [string, ...string[]], { error: `author must be one of ${authorIds.join(', ')}` })
    : z.string();
  const postFrontmatter = postSchema(authorRef);
  const pageFrontmatter = pageSchema();
  const files: PlannedFile[] = [];
  const unknown = new Map<string, { name: string; uri?: string; posts: number; assignedTo?: string }>();
  const labelsSeen = new Set<string>();

  for (const p of placed) {
    const e = p.entry;
    const where = `${e.file}${e.line ? `:${e.line}` : ''} (${e.kind} ${e.sourceId})`;
    const converted = convertHtml(e.html, {
      convertLineBreaks: e.system === 'blogger-classic' && settingsOf(parsed, e.file).BLOG_CONVERT_LINE_BREAKS === 'true',
      autop: e.autop,
      rewriteHref,
      format: options.bodyFormat ?? 'auto',
    });
    collectConversion(report, p, converted);
    const newPath = e.kind === 'post' ? postPath(p.id) : pagePath(p.id);
    const title = e.title || untitled(e, p, report);
    const legacy: Record<string, string> = {};
    if (e.bloggerId) legacy.bloggerId = e.bloggerId;
    const oldUrl = legacyUrl(e, site);
    if (oldUrl) legacy.url = oldUrl;
    if (e.wordpressId) legacy.wordpressId = e.wordpressId;

    let data: Record<string, unknown>;
    if (e.kind === 'post') {
      const match = authors.postAuthor(e.author);
      if (!match || match.by === 'fallback') {
        const key = `${e.author.name ?? ''}|${e.author.uri ?? e.author.login ?? ''}`;
        const u = unknown.get(key) ?? { name: e.author.name ?? '', uri: e.author.uri, posts: 0, assignedTo: match?.id };
        u.posts++;
        unknown.set(key, u);
      }
      if (!match) {
        problems.push(`${where}: nobody in the author map matches "${e.author.name ?? '(no author)'}"${e.author.uri ? ` <${e.author.uri}>` : ''}. Add the name or profile URI to import/author-map.yaml, or set "fallback".`);
        continue;
      }
      report.authorMatches[match.by] = (report.authorMatches[match.by] ?? 0) + 1;
      const labels = cleanLabels(e.labels, report);
      for (const l of labels) labelsSeen.add(l);
      data = {
        title,
        published: e.published,
        author: match.id,
        ...(labels.length ? { labels } : {}),
        ...(e.draft ? { draft: true } : {}),
        ...(e.description ? { description: e.description.slice(0, 300) } : {}),
        ...(Object.keys(legacy).length ? { legacy } : {}),
      };
      report.counts.posts[e.draft ? 'draft' : 'live']++;
      if (e.url && !e.draft) {
        const m = BLOGGER_POST_PATH.exec(parseOldUrl(e.url, site)?.path ?? '');
        const { year, month } = localYearMonth(e.published);
        if (m && (Number(m[1]) !== year || Number(m[2]) !== month)) {
          report.urlMonthMismatches.push({ post: newPath, url: e.url, published: e.published });
        }
      }
    } else {
      data = {
        title,
        ...(e.draft ? { draft: true } : {}),
        ...(e.description ? { description: e.description.slice(0, 300) } : {}),
        ...(Object.keys(legacy).length ? { legacy } : {}),
      };
      report.counts.pages[e.draft ? 'draft' : 'live']++;
    }
    const yamlText = frontmatterYaml(data);
    const check = (e.kind === 'post' ? postFrontmatter : pageFrontmatter).safeParse(parseYaml(yamlText));
    if (!check.success) {
      const i = check.error.issues[0]!;
      problems.push(`${where}: frontmatter ${i.path.join('.')}: ${i.message}`);
      continue;
    }
    const text = `---\n${yamlText}---\n\n${converted.body}`;
    const invalid = bodyProblem(converted.body, converted.format);
    if (invalid) {
      problems.push(`${where}: ${invalid}. Please report this post; its HTML needs a conversion rule.`);
      continue;
    }
    const folder = e.kind === 'post' ? 'posts' : 'pages';
    const rel = `${folder}/${p.id}.${converted.format}`;
    // The same post under the other extension (imported before the format changed, or renamed).
    const already = (e.kind === 'post' ? existing.posts : existing.pages).get(p.id);
    const replaces = (already?.rels ?? []).filter((r) => r !== rel);
    files.push({ rel, text, kind: e.kind, ...(replaces.length ? { replaces } : {}) });
    report.counts.formats[converted.format]++;
  }
  report.counts.labels = labelsSeen.size;
  report.unknownAuthors = [...unknown.values()].sort((a, b) => b.posts - a.posts || byText(a.name, b.name));

  /* ---------- 5. comments ---------- */

  const knownTargets = new Set<string>([...placed.map((p) => p.target), ...existing.posts.keys(), ...[...existing.pages.keys()].map((k) => `p/${k}`)]);
  const groups = new Map<string, SourceComment[]>();
  const resolve = (c: SourceComment): string | undefined => {
    const t =
      (c.post.entryKey && byEntryKey.get(c.post.entryKey)) ||
      (c.post.bloggerId && byBloggerId.get(c.post.bloggerId)) ||
      (c.post.siteId && knownTargets.has(c.post.siteId) ? c.post.siteId : undefined) ||
      (c.post.identifier && (/^\d{1,19}$/.test(c.post.identifier) ? byBloggerId.get(c.post.identifier) : lookupUrl(c.post.identifier))) ||
      c.post.urls?.map(lookupUrl).find(Boolean) ||
      undefined;
    return t || undefined;
  };
  function lookupUrl(url: string): string | undefined {
    const k = urlKey(url, site);
    if (!k) return undefined;
    return urlMap.get(k) ?? urlMap.get(k.replace(/\/index\.html?$/, '') || k);
  }
  for (const p of parsed) {
    for (const c of p.comments) {
      if (c.state === 'malformed') {
        addDropped(report, 'comment', c.id, 'malformed', `${c.file}: ${c.problem}`);
        continue;
      }
      const target = resolve(c);
      if (!target) {
        addDropped(report, 'comment', c.id, 'orphan', `${c.file}${c.line ? `:${c.line}` : ''}: no post for ${c.post.ref}${c.post.urls?.length ? ` (${c.post.urls.join(', ')})` : ''}`);
        continue;
      }
      const list = groups.get(target) ?? [];
      list.push(c);
      groups.set(target, list);
    }
  }

  const targets = new Set([...groups.keys()]);
  for (const target of [...targets].sort(byText)) {
    const incoming = buildComments(groups.get(target)!, target, authors, report);
    const before = existing.comments.get(target);
    const incomingIds = new Set(incoming.comments.map((c) => c.id));
    const replacedSources = new Set(incoming.comments.map((c) => `${c.source.system}|${c.source.file}`));
    const keptExisting = (before?.comments ?? []).filter(
      (c) => !incomingIds.has(c.id) && !(replacedSources.has(`${c.source.system}|${c.source.file}`) && c.source.system !== 'site'),
    );
    const merged = [...keptExisting, ...incoming.comments].sort(commentOrder);
    const doc = {
      schemaVersion: 1 as const,
      post: target,
      postSourceIds: [...new Set([...(before?.postSourceIds ?? []), ...incoming.sourceIds])].sort(byText),
      comments: merged,
    };
    const checked = postCommentsSchema.safeParse(doc);
    if (!checked.success) {
      const i = checked.error.issues[0]!;
      problems.push(`comments for ${target}: ${i.path.join('.')}: ${i.message}`);
      continue;
    }
    files.push({ rel: `comments/${target}.json`, text: `${JSON.stringify(checked.data as PostComments, null, 2)}\n`, kind: 'comments' });
  }

  if (problems.length) throw new PlanError(problems);
  files.sort((a, b) => byText(a.rel, b.rel));
  report.redirects.sort((a, b) => byText(a.from, b.from));
  report.addresses.sort((a, b) => byText(a.from, b.from));
  return { files, report };
}

/* ---------- helpers ---------- */

function pathOfTarget(target: string): string {
  return target.startsWith('p/') ? pagePath(target.slice(2)) : postPath(target);
}

function splitId(id: string, kind: 'post' | 'page'): [string, string] {
  if (kind === 'page') return ['', id];
  const i = id.lastIndexOf('/');
  return [id.slice(0, i + 1), id.slice(i + 1)];
}

function settingsOf(parsed: ParsedExport[], file: string): Record<string, string> {
  return parsed.find((p) => p.file === file)?.settings ?? {};
}

/** Where an entry wants to live, from its old address (never from the title, unless it had none). */
function wantedAddress(
  e: SourceEntry,
  site: SiteHosts,
  report: MigrationReport,
): { entry: SourceEntry; id: string; exact: boolean; oldPath?: string; reason?: string } {
  const u = e.url ? parseOldUrl(e.url, site) : undefined;
  const oldPath = u && u.host === 'site' ? u.path : u ? u.path : undefined;
  const { year, month } = localYearMonth(e.published);
  const dated = (slug: string) => `${year}/${pad2(month)}/${slug}`;
  const fallbackSlug = () =>
    e.slug ? safeSlug(e.slug) : e.title ? bloggerSlug(e.title) : `untitled-${(e.bloggerId ?? e.wordpressId ?? e.sourceId).replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;

  if (e.kind === 'post') {
    const m = u ? BLOGGER_POST_PATH.exec(u.path) : null;
    if (m && e.system !== 'wxr') {
      const raw = decodeSafe(m[3]!);
      const slug = safeSlug(m[3]!);
      const id = `${m[1]}/${m[2]}/${slug}`;
      if (/^(0[1-9]|1[0-2])$/.test(m[2]!) && slug === raw) return { entry: e, id, exact: true, oldPath };
      return { entry: e, id: /^(0[1-9]|1[0-2])$/.test(m[2]!) ? id : dated(slug), exact: false, oldPath, reason: 'the old slug has characters a file name here cannot' };
    }
    if (u && e.system !== 'wxr') {
      const last = u.path.split('/').pop()?.replace(/\.html?$/, '') ?? '';
      return { entry: e, id: dated(last ? safeSlug(last) : fallbackSlug()), exact: false, oldPath, reason: 'the old address was not /YYYY/MM/slug.html' };
    }
    if (u) return { entry: e, id: dated(fallbackSlug()), exact: false, oldPath, reason: 'WordPress address' };
    return { entry: e, id: dated(fallbackSlug()), exact: false };
  }
  const m = u ? BLOGGER_PAGE_PATH.exec(u.path) : null;
  if (m && e.system !== 'wxr') {
    const slug = safeSlug(m[1]!);
    if (slug === decodeSafe(m[1]!)) return { entry: e, id: slug, exact: true, oldPath };
    return { entry: e, id: slug, exact: false, oldPath, reason: 'the old page slug has characters a file name here cannot' };
  }
  void report;
  return { entry: e, id: fallbackSlug(), exact: false, oldPath, reason: u ? 'the old page address was not /p/slug.html' : undefined };
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function legacyUrl(e: SourceEntry, site: SiteHosts): string | undefined {
  if (!e.url) return undefined;
  if (/^https?:\/\//i.test(e.url)) return e.url;
  // Takeout filenames are host-less: join them to the blog's first host.
  const host = site.list().find((h) => h.endsWith('.blogspot.com')) ?? site.list()[0];
  return host && e.url.startsWith('/') ? `https://${host}${e.url}` : undefined;
}

function untitled(e: SourceEntry, p: Placed, report: MigrationReport): string {
  const fromUrl = e.url ? decodeSafe(e.url.split('?')[0]!.split('/').pop()!.replace(/\.html?$/, '')) : '';
  const title = fromUrl || (e.draft ? 'Untitled draft' : p.id.split('/').pop()!);
  report.untitled.push({ id: p.target, title });
  return title;
}

function cleanLabels(labels: string[], report: MigrationReport): string[] {
  const out: string[] = [];
  for (const raw of labels) {
    let l = raw.trim();
    if (!labelName.safeParse(l).success) {
      // Backslashes (WordPress escaping) go; other forbidden characters become spaces.
      const fixed = l.replace(/\\/g, '').replace(/[/?#%<>,]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 100);
      if (!fixed) continue;
      if (!report.labelsRenamed.some((r) => r.from === l)) report.labelsRenamed.push({ from: l, to: fixed });
      l = fixed;
    }
    if (!out.includes(l)) out.push(l);
  }
  return out;
}

function frontmatterYaml(data: Record<string, unknown>): string {
  const doc = new Document(data);
  const labels = doc.get('labels', true) as { flow?: boolean } | undefined;
  if (labels) labels.flow = true;
  return doc.toString({ defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0, flowCollectionPadding: false });
}

/**
 * Why a converted body would not build, or undefined when it will: an `.mdx` body
 * must compile with Sätteri (what @astrojs/mdx uses); a `.md` body must parse to a
 * tree without raw HTML, which Sätteri would pass to the page verbatim.
 */
export function bodyProblem(body: string, format: BodyFormat): string | undefined {
  if (format === 'mdx') {
    try {
      mdxToJs(body);
      return undefined;
    } catch (err) {
      return `the converted body does not compile as MDX (${(err as Error).message})`;
    }
  }
  const raw: string[] = [];
  const walk = (node: { type: string; value?: string; children?: unknown[] }) => {
    if (node.type === 'html') raw.push(String(node.value));
    for (const c of node.children ?? []) walk(c as never);
  };
  walk(markdownToMdast(body) as never);
  return raw.length ? `the converted Markdown would pass raw HTML to the page (${raw[0]!.slice(0, 60)})` : undefined;
}

function collectConversion(report: MigrationReport, p: Placed, c: ConvertResult) {
  const path = pathOfTarget(p.target);
  report.links.rewritten += c.rewrittenLinks.length;
  for (const href of c.unresolvedLinks) report.links.unresolved.push({ post: path, href });
  for (const e of c.embeds) {
    if (e.kept) report.embeds.kept++;
    else report.embeds.replacedByLink.push(`${path}: ${e.src}`);
  }
  for (const tag of c.removed) report.removedElements[tag] = (report.removedElements[tag] ?? 0) + 1;
  for (const img of c.images) {
    let host = '';
    try {
      host = new URL(img.src).hostname;
    } catch {
      host = img.src.startsWith('data:') ? 'data: (embedded)' : '(relative)';
    }
    report.externalImages.total++;
    if (!img.alt) report.externalImages.withoutAlt++;
    report.externalImages.byHost[host] = (report.externalImages.byHost[host] ?? 0) + 1;
  }
}

const commentOrder = (a: StoredComment, b: StoredComment) => Date.parse(a.published) - Date.parse(b.published) || byText(a.id, b.id);

/**
 * One post's incoming comments -> stored comments: statuses applied, removed
 * comments kept as tombstones only when a kept reply hangs below them, replies to
 * dropped or missing parents re-attached to the nearest kept ancestor.
 */
function buildComments(
  list: SourceComment[],
  target: string,
  authors: AuthorResolver,
  report: MigrationReport,
): { comments: StoredComment[]; sourceIds: string[] } {
  // Later duplicates of one id (the same comment in two files) are ignored.
  const byId = new Map<string, SourceComment>();
  for (const c of list) {
    if (byId.has(c.id)) {
      report.duplicates.push(`comment ${c.id} in ${c.file}`);
      continue;
    }
    byId.set(c.id, c);
  }
  const all = [...byId.values()];
  const candidate = (c: SourceComment) => !!c.restored || c.state === 'visible' || c.state === 'removed';
  const parentOf = (c: SourceComment) => (c.restored ? (c.restored.parentId ?? undefined) : c.parentId);

  // Effective parent among candidates: climb through dropped comments; stop at cycles.
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
  // Removed comments survive only as tombstones above a kept reply.
  const keep = new Set<string>();
  for (const c of all) if (candidate(c) && (c.restored || c.state === 'visible')) keep.add(c.id);
  for (const id of [...keep]) {
    let p = effective.get(id) ?? null;
    while (p && !keep.has(p)) {
      keep.add(p);
      p = effective.get(p) ?? null;
    }
  }

  const out: StoredComment[] = [];
  const sourceIds = new Set<string>();
  for (const c of all) {
    if (!keep.has(c.id)) {
      const reason = c.state === 'removed' ? 'deleted' : c.state;
      addDropped(report, 'comment', c.id, reason, `${c.file}${c.line ? `:${c.line}` : ''} on ${target}`);
      continue;
    }
    const parentId = effective.get(c.id) ?? null;
    const originalParent = parentOf(c);
    if (originalParent && originalParent !== parentId) {
      report.reparentedComments.push({ id: c.id, post: target, missingParent: missing.get(c.id) ?? originalParent, newParent: parentId });
    }
    sourceIds.add(c.restored ? c.restored.source.postRef : c.post.ref);
    if (c.restored) {
      out.push({ ...c.restored, parentId });
      report.counts.comments[c.restored.status === 'tombstone' ? 'tombstone' : 'visible']++;
      continue;
    }
    const tombstone = c.state === 'removed';
    const authorKey = tombstone ? undefined : authors.commentAuthor(c.author);
    const url = !tombstone && c.author.identity !== 'anonymous' ? c.author.uri : undefined;
    const stored: StoredComment = {
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
    out.push(stored);
    report.counts.comments[tombstone ? 'tombstone' : 'visible']++;
  }
  return { comments: out.sort(commentOrder), sourceIds: [...sourceIds] };
}
