import { z } from 'astro/zod';
import { markdownToMdast, mdxToJs } from 'satteri';
import { parseFrontMatter, writeFrontMatter } from '../../content-files';
import { labelName, pageSchema, postSchema } from '../../schemas';
import type { AuthorResolver } from '../authors';
import type { ExistingContent } from '../existing';
import { convertHtml, type BodyFormat, type ConvertResult } from '../html-to-mdx';
import type { ParsedExport, SourceEntry } from '../parsed';
import { BLOGGER_POST_PATH, parseOldUrl, type SiteHosts } from '../old-urls';
import type { MigrationReport } from '../report';
import { localYearMonth } from '../text';
import { byText, decodeSafe, entryWhere, pathOfTarget, type PlannedFile, type Placed, type Problems } from './types';

/**
 * Phase 4, documents: each placed post and page as the file it becomes. The body is
 * converted (internal links rewritten through the old-URL map) and must build; the
 * frontmatter must pass the site's own schema. What fails is a problem, and the run
 * stops before writing anything.
 */

export interface DocumentInputs {
  parsed: readonly ParsedExport[];
  existing: ExistingContent;
  authors: AuthorResolver;
  site: SiteHosts;
  legacyUrl: (e: SourceEntry) => string | undefined;
  rewriteHref: (href: string) => string | null | undefined;
  bodyFormat?: 'auto' | 'mdx';
  report: MigrationReport;
  problems: Problems;
  /** Called after each document (progress on big imports). */
  onDocument?: (done: number, total: number) => void;
}

type UnknownAuthors = Map<string, { name: string; uri?: string; posts: number; assignedTo?: string }>;

export function planDocuments(placed: readonly Placed[], inputs: DocumentInputs): PlannedFile[] {
  const ids = inputs.authors.authorIds;
  const authorRef = ids.length ? z.enum(ids as [string, ...string[]], { error: `author must be one of ${ids.join(', ')}` }) : z.string();
  const schemas = { post: postSchema(authorRef), page: pageSchema() };
  const files: PlannedFile[] = [];
  const unknown: UnknownAuthors = new Map();
  const labelsSeen = new Set<string>();
  placed.forEach((p, i) => {
    const file = planDocument(p, inputs, schemas, unknown, labelsSeen);
    if (file) files.push(file);
    inputs.onDocument?.(i + 1, placed.length);
  });
  inputs.report.counts.labels = labelsSeen.size;
  inputs.report.unknownAuthors = [...unknown.values()].sort((a, b) => b.posts - a.posts || byText(a.name, b.name));
  return files;
}

function planDocument(
  p: Placed,
  inputs: DocumentInputs,
  schemas: { post: z.ZodType; page: z.ZodType },
  unknown: UnknownAuthors,
  labelsSeen: Set<string>,
): PlannedFile | undefined {
  const { report, problems } = inputs;
  const e = p.entry;
  const converted = convertHtml(e.html, {
    convertLineBreaks: e.system === 'blogger-classic' && settingsOf(inputs.parsed, e.file).BLOG_CONVERT_LINE_BREAKS === 'true',
    autop: e.autop,
    rewriteHref: inputs.rewriteHref,
    format: inputs.bodyFormat ?? 'auto',
  });
  collectConversion(report, p, converted);
  const data = e.kind === 'post' ? postData(p, inputs, unknown, labelsSeen) : pageData(p, inputs);
  if (!data) return undefined;
  const text = writeFrontMatter(data, converted.body);
  // Checked as the build will read it back: the text through the one front-matter parser.
  const check = schemas[e.kind].safeParse(parseFrontMatter(text).data);
  if (!check.success) {
    const i = check.error.issues[0]!;
    problems.push(`${entryWhere(e)}: frontmatter ${i.path.join('.')}: ${i.message}`);
    return undefined;
  }
  const invalid = bodyProblem(converted.body, converted.format);
  if (invalid) {
    problems.push(`${entryWhere(e)}: ${invalid}. Please report this post; its HTML needs a conversion rule.`);
    return undefined;
  }
  const rel = `${e.kind === 'post' ? 'posts' : 'pages'}/${p.id}.${converted.format}`;
  // The same post under the other extension (imported before the format changed, or renamed).
  const already = (e.kind === 'post' ? inputs.existing.posts : inputs.existing.pages).get(p.id);
  const replaces = (already?.rels ?? []).filter((r) => r !== rel);
  report.counts.formats[converted.format]++;
  const labels = Array.isArray(data.labels) ? { labels: { where: entryWhere(e), labels: data.labels as string[] } } : {};
  return { rel, text, kind: e.kind, frontMatter: data, ...(replaces.length ? { replaces } : {}), ...labels };
}

function legacyOf(e: SourceEntry, inputs: DocumentInputs): Record<string, string> {
  const legacy: Record<string, string> = {};
  if (e.bloggerId) legacy.bloggerId = e.bloggerId;
  const oldUrl = inputs.legacyUrl(e);
  if (oldUrl) legacy.url = oldUrl;
  if (e.wordpressId) legacy.wordpressId = e.wordpressId;
  return legacy;
}

function postData(p: Placed, inputs: DocumentInputs, unknown: UnknownAuthors, labelsSeen: Set<string>): Record<string, unknown> | undefined {
  const { report, problems } = inputs;
  const e = p.entry;
  const match = inputs.authors.postAuthor(e.author);
  if (!match || match.by === 'fallback') {
    const key = `${e.author.name ?? ''}|${e.author.uri ?? e.author.login ?? ''}`;
    const u = unknown.get(key) ?? { name: e.author.name ?? '', uri: e.author.uri, posts: 0, assignedTo: match?.id };
    u.posts++;
    unknown.set(key, u);
  }
  if (!match) {
    problems.push(
      `${entryWhere(e)}: nobody in the author map matches "${e.author.name ?? '(no author)'}"${e.author.uri ? ` <${e.author.uri}>` : ''}. Add the name or profile URI to import/author-map.yaml, or set "fallback".`,
    );
    return undefined;
  }
  report.authorMatches[match.by] = (report.authorMatches[match.by] ?? 0) + 1;
  const labels = cleanLabels(e.labels, report);
  for (const l of labels) labelsSeen.add(l);
  const legacy = legacyOf(e, inputs);
  report.counts.posts[e.draft ? 'draft' : 'live']++;
  if (e.url && !e.draft) {
    const m = BLOGGER_POST_PATH.exec(parseOldUrl(e.url, inputs.site)?.path ?? '');
    const { year, month } = localYearMonth(e.published);
    if (m && (Number(m[1]) !== year || Number(m[2]) !== month)) {
      report.urlMonthMismatches.push({ post: pathOfTarget(p.target), url: e.url, published: e.published });
    }
  }
  return {
    title: e.title || untitled(e, p, report),
    published: e.published,
    author: match.id,
    ...(labels.length ? { labels } : {}),
    ...(e.draft ? { draft: true } : {}),
    ...(e.description ? { description: e.description.slice(0, 300) } : {}),
    ...(Object.keys(legacy).length ? { legacy } : {}),
  };
}

function pageData(p: Placed, inputs: DocumentInputs): Record<string, unknown> {
  const e = p.entry;
  const legacy = legacyOf(e, inputs);
  inputs.report.counts.pages[e.draft ? 'draft' : 'live']++;
  return {
    title: e.title || untitled(e, p, inputs.report),
    ...(e.draft ? { draft: true } : {}),
    ...(e.description ? { description: e.description.slice(0, 300) } : {}),
    ...(Object.keys(legacy).length ? { legacy } : {}),
  };
}

function settingsOf(parsed: readonly ParsedExport[], file: string): Record<string, string> {
  return parsed.find((p) => p.file === file)?.settings ?? {};
}

function untitled(e: SourceEntry, p: Placed, report: MigrationReport): string {
  const fromUrl = e.url ? decodeSafe(e.url.split('?')[0]!.split('/').pop()!.replace(/\.html?$/, '')) : '';
  const title = fromUrl || (e.draft ? 'Untitled draft' : p.id.split('/').pop()!);
  report.untitled.push({ id: p.target, title });
  return title;
}

/** Labels as written, once each; a character a label address cannot hold is fixed and reported. */
export function cleanLabels(labels: readonly string[], report: MigrationReport): string[] {
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
