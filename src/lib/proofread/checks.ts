import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';
import { bloggerSlug, uniqueSlug } from '../slug';
import { labelKey } from '../labels';
import { labelName } from '../schemas';
import { POST_ID } from '../urls';
import { zonedParts, monthName } from '../dates';
import { editDistance } from './distance';
import { findPersonFirstIssues } from './person-first';
import { anchorsOfTree, isJsx, jsxAttribute, textOf, type JsxElement } from './tree';
import type { ParsedPost } from './document';
import type { PostData } from './frontmatter';
import type { Finding, ProofContext } from './types';

/**
 * The checks that need no dictionary: title, address, description, labels, links,
 * images, leftover notes and proofreading status. Each takes the parsed post and the
 * blog's context and returns findings.
 */

export interface PostInput {
  /** Path relative to the project root, with "/" separators. */
  file: string;
  /** "2018/07/slug", when the file sits at a post address. */
  postId?: string;
}

/** "content/posts/2018/07/slug.mdx" → "2018/07/slug" (undefined when outside postsDir). */
export function postIdFromFile(file: string, postsDir: string): string | undefined {
  const prefix = postsDir.replace(/\/+$/, '') + '/';
  if (!file.startsWith(prefix)) return undefined;
  return file.slice(prefix.length).replace(/\.mdx?$/, '');
}

/* ---------------- title ---------------- */

const PLACEHOLDER_TITLES = /^(untitled|new post|title|title of the post|draft|todo|tbd)$/i;

export function checkTitle(data: PostData, doc: ParsedPost): Finding[] {
  const title = data.title;
  const line = doc.keyLines.get('title');
  if (!title) return []; // missing or empty: the frontmatter check reports it
  const findings: Finding[] = [];
  if (PLACEHOLDER_TITLES.test(title)) {
    findings.push({ severity: 'warning', kind: 'title', line, message: `The title is still a placeholder ("${title}").`, fix: 'Write the real title.' });
  }
  if (title.length > 100) {
    findings.push({
      severity: 'warning',
      kind: 'title',
      line,
      message: `The title is long (${title.length} characters); it will wrap over several lines and be cut short in search results.`,
      fix: 'Aim for under 70 characters; move the detail into the first paragraph.',
    });
  }
  const letters = title.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 6 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) {
    findings.push({
      severity: 'warning',
      kind: 'title',
      line,
      message: 'The title is in capital letters, which reads as shouting.',
      fix: `Use Title Case, e.g. "${titleCase(title)}".`,
    });
  }
  if (title !== title.trim() || /\s{2,}/.test(title)) {
    findings.push({ severity: 'hint', kind: 'title', line, message: 'The title has extra spaces.', fix: 'Remove them.' });
  }
  return findings;
}

const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'vs', 'with']);

function titleCase(title: string): string {
  return title
    .toLowerCase()
    .split(/(\s+)/)
    .map((w, i) => (i > 0 && SMALL_WORDS.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join('');
}

/* ---------------- address (folder and slug) ---------------- */

const BLOGGER_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:_\d+)?$/;

export function checkAddress(input: PostInput, data: PostData, doc: ParsedPost, ctx: ProofContext): Finding[] {
  const findings: Finding[] = [];
  const id = input.postId;
  if (id === undefined) {
    findings.push({
      severity: 'hint',
      kind: 'address',
      message: `This file is not under ${ctx.postsDir}/YYYY/MM/, so it has no web address yet; the address checks were skipped.`,
      fix: `Create posts with \`npm run new\`, which puts them in the right folder.`,
    });
    return findings;
  }
  const m = POST_ID.exec(id);
  if (!m) {
    const parts = id.split('/');
    const slug = parts.at(-1) ?? id;
    const suggestion = data.title ? bloggerSlug(data.title) : bloggerSlug(slug.replace(/[_\s]+/g, ' '));
    findings.push({
      severity: 'error',
      kind: 'address',
      message: `The file's place, ${ctx.postsDir}/${id}, is not a post address: posts live at ${ctx.postsDir}/YYYY/MM/slug.mdx, with a four-digit year, a two-digit month and a lowercase slug.`,
      fix: `Move it to ${ctx.postsDir}/${folderFor(data, ctx) ?? 'YYYY/MM'}/${suggestion}.mdx.`,
    });
    return findings;
  }
  const [, year, month, slug] = m as unknown as [string, string, string, string];
  const draft = data.draft === true;
  // A published address is permanent: only drafts get advice to rename.
  const settled = !draft;

  if (!BLOGGER_SLUG.test(slug)) {
    findings.push({
      severity: settled ? 'hint' : 'warning',
      kind: 'address',
      message: `The slug "${slug}" is not Blogger-style (lowercase words joined by hyphens).`,
      fix: settled
        ? 'Leave it if the post is already published: changing it would break links to it.'
        : `Rename the file to ${suggestSlug(data, year, month, ctx, id)}.mdx while it is still a draft.`,
    });
  }
  const base = slug.replace(/_\d+$/, '');
  if (base.length > 40) {
    findings.push({
      severity: settled ? 'hint' : 'warning',
      kind: 'address',
      message: `The slug is long (${base.length} characters); Blogger kept them to about 40.`,
      fix: settled ? 'Leave it if the post is already published.' : `Rename the file to ${suggestSlug(data, year, month, ctx, id)}.mdx.`,
    });
  }
  if (draft && data.title && BLOGGER_SLUG.test(slug) && base !== bloggerSlug(data.title)) {
    findings.push({
      severity: 'hint',
      kind: 'address',
      message: `The address (${slug}) was made from a different title than "${data.title}".`,
      fix: `While it is a draft you may rename the file to ${suggestSlug(data, year, month, ctx, id)}.mdx; once published, never change it.`,
    });
  }
  if (data.published) {
    const p = zonedParts(data.published, ctx.timeZone);
    if (p.year !== Number(year) || p.month !== Number(month)) {
      // Old Blogger posts sometimes sit in another month's folder: keep those as they are.
      if (!data.legacyUrl) {
        findings.push({
          // Published posts may sit in another month's folder on purpose (Blogger did that).
          severity: draft ? 'warning' : 'hint',
          kind: 'address',
          line: doc.keyLines.get('published'),
          message: `The file is in the ${monthName(Number(month))} ${year} folder, but the date says ${monthName(p.month)} ${p.year}.`,
          fix: draft
            ? `Move the file to ${ctx.postsDir}/${p.year}/${String(p.month).padStart(2, '0')}/ (the folder is part of the address), or change the date.`
            : 'If the post is already published, leave the file where it is; otherwise move it to the folder of its month.',
        });
      }
    }
  }
  return findings;
}

function folderFor(data: PostData, ctx: ProofContext): string | undefined {
  if (!data.published) return undefined;
  const p = zonedParts(data.published, ctx.timeZone);
  return `${p.year}/${String(p.month).padStart(2, '0')}`;
}

function suggestSlug(data: PostData, year: string, month: string, ctx: ProofContext, selfId: string): string {
  const wanted = bloggerSlug(data.title ?? 'post');
  return uniqueSlug(wanted, (s) => `${year}/${month}/${s}` !== selfId && ctx.posts.has(`${year}/${month}/${s}`));
}

/* ---------------- description ---------------- */

export function checkDescription(data: PostData, doc: ParsedPost): Finding[] {
  const d = data.description?.trim();
  const line = doc.keyLines.get('description');
  if (!d) {
    if (doc.frontmatter && 'description' in doc.frontmatter) return []; // empty: the schema check reports it
    return [
      {
        severity: 'warning',
        kind: 'description',
        message: 'The post has no description. Search engines, feeds and link previews will show its first lines instead.',
        fix: 'Add a line to the top block: description: "One or two sentences that say what the post is about."',
      },
    ];
  }
  if (d.length < 50) {
    return [{ severity: 'hint', kind: 'description', line, message: `The description is short (${d.length} characters).`, fix: 'One or two full sentences work best in search results.' }];
  }
  if (d.length > 160 && d.length <= 300) {
    return [{ severity: 'hint', kind: 'description', line, message: `The description is ${d.length} characters; search results show about 155.`, fix: 'Put the important part first.' }];
  }
  return [];
}

/* ---------------- labels ---------------- */

/** How far a spelling may be from a label and still look like a slip of the keyboard. */
const nearLimit = (key: string) => (key.length <= 4 ? 0 : key.length <= 8 ? 1 : 2);

export function checkLabels(data: PostData, doc: ParsedPost, ctx: ProofContext): Finding[] {
  const findings: Finding[] = [];
  const line = doc.keyLines.get('labels');
  if (data.labels.length === 0) {
    findings.push({
      severity: 'hint',
      kind: 'labels',
      line,
      message: 'The post has no labels, so it will not appear on any label page.',
      fix: `Add one to three, e.g. labels: [${mostUsed(ctx, 3).join(', ')}].`,
    });
    return findings;
  }
  const existing = [...new Set([...ctx.labels.keys(), ...ctx.labelAliases.values()])];
  const byKey = new Map<string, string>();
  for (const label of new Set(data.labels)) {
    if (!labelName.safeParse(label).success) continue; // the schema check reports it
    const key = labelKey(label);
    const twin = byKey.get(key);
    if (twin !== undefined && twin !== label) {
      findings.push({
        severity: 'error',
        kind: 'labels',
        line,
        message: `The labels "${twin}" and "${label}" differ only in capitals, accents or punctuation, so they would share one address.`,
        fix: 'Keep one of them.',
      });
      continue;
    }
    byKey.set(key, label);
    if (ctx.labels.has(label) || ctx.labelAliases.has(label)) continue;

    const sameKey = existing.find((l) => labelKey(l) === key);
    if (sameKey) {
      findings.push({
        severity: 'error',
        kind: 'labels',
        line,
        message: `The label "${label}" is spelled differently from the existing label "${sameKey}" (only capitals, accents or punctuation differ). The site cannot build two label pages at one address.`,
        fix: `Write "${sameKey}".`,
      });
      continue;
    }
    const best = similarLabel(label, existing, ctx.labels);
    if (best) {
      const count = ctx.labels.get(best) ?? 0;
      findings.push({
        severity: 'warning',
        kind: 'labels',
        line,
        message: `The label "${label}" looks like the existing label "${best}"${count ? ` (on ${count} post${count === 1 ? '' : 's'})` : ''}.`,
        fix: `Use "${best}" so readers find these posts together, unless you really mean a new label.`,
      });
    } else {
      findings.push({
        severity: 'hint',
        kind: 'labels',
        line,
        message: `"${label}" is a new label: no other post uses it yet.`,
        fix: 'Fine for a new topic. If an existing label means the same, use that instead (`npm run new -- --list-labels` shows them all).',
      });
    }
  }
  return findings;
}

/**
 * The existing label a new one most likely meant ("psychotheraphy" → "psychotherapy",
 * "jail" → "jails"), or undefined. Ties go to the label more posts use.
 */
export function similarLabel(label: string, existing: readonly string[], counts: ReadonlyMap<string, number> = new Map()): string | undefined {
  const key = labelKey(label);
  const near = existing
    .map((l) => ({ l, k: labelKey(l) }))
    .map(({ l, k }) => ({ l, k, d: editDistance(key, k) }))
    .filter(({ k, d }) => (d > 0 && d <= Math.max(nearLimit(key), nearLimit(k))) || isPluralPair(key, k))
    .sort((a, b) => a.d - b.d || (counts.get(b.l) ?? 0) - (counts.get(a.l) ?? 0));
  return near[0]?.l;
}

const isPluralPair = (a: string, b: string) => a !== b && (a === `${b}s` || b === `${a}s` || a === `${b}es` || b === `${a}es`);

function mostUsed(ctx: ProofContext, n: number): string[] {
  return [...ctx.labels].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n).map(([l]) => l);
}

/* ---------------- links and images ---------------- */

/** Addresses of this blog, old and new: links to them are checked like relative links. */
const OWN_HOSTS = new Set(['www.shrinkrap.net', 'shrinkrap.net', 'psychiatrist-blog.blogspot.com']);

const FIXED_PAGES = new Set(['/', '/labels/', '/archive/', '/search/', '/rss.xml', '/feeds/posts/default', '/feeds/comments/default']);

interface LinkRef {
  url: string;
  line?: number;
  column?: number;
  /** What the reader clicks, for the message. */
  text: string;
}

interface ImageRef {
  src: string;
  alt: string | undefined | true;
  line?: number;
  column?: number;
  /** How it was written: Markdown ![…](…), or an HTML/JSX tag (where alt="" means decorative). */
  form: 'markdown' | 'tag';
}

export function collectLinksAndImages(tree: Root): { links: LinkRef[]; images: ImageRef[]; undefinedRefs: LinkRef[] } {
  const links: LinkRef[] = [];
  const images: ImageRef[] = [];
  const undefinedRefs: LinkRef[] = [];
  const definitions = new Map<string, string>();
  visit(tree, 'definition', (node) => {
    definitions.set(node.identifier.toLowerCase(), node.url);
  });
  const pos = (node: { position?: { start: { line: number; column: number } } }) => ({
    line: node.position?.start.line,
    column: node.position?.start.column,
  });
  visit(tree, (node) => {
    switch (node.type) {
      case 'link':
        links.push({ url: node.url, text: textOf(node), ...pos(node) });
        break;
      case 'linkReference':
      case 'imageReference': {
        const url = definitions.get(node.identifier.toLowerCase());
        const text = node.type === 'imageReference' ? node.alt ?? '' : textOf(node);
        if (url === undefined) undefinedRefs.push({ url: `[${node.label ?? node.identifier}]`, text, ...pos(node) });
        else if (node.type === 'linkReference') links.push({ url, text, ...pos(node) });
        else images.push({ src: url, alt: node.alt ?? '', form: 'markdown', ...pos(node) });
        break;
      }
      case 'image':
        images.push({ src: node.url, alt: node.alt ?? '', form: 'markdown', ...pos(node) });
        break;
      case 'html':
        for (const m of node.value.matchAll(/<a\s[^>]*href\s*=\s*["']([^"']*)["']/gi)) links.push({ url: m[1]!, text: '', ...pos(node) });
        for (const m of node.value.matchAll(/<img\b[^>]*>/gi)) {
          const src = /\ssrc\s*=\s*["']([^"']*)["']/i.exec(m[0])?.[1] ?? '';
          const alt = /\salt\s*=\s*["']([^"']*)["']/i.exec(m[0])?.[1];
          images.push({ src, alt, form: 'tag', ...pos(node) });
        }
        break;
      default:
        if (isJsx(node)) collectJsx(node, links, images, pos(node));
    }
  });
  return { links, images, undefinedRefs };
}

function collectJsx(node: JsxElement, links: LinkRef[], images: ImageRef[], at: { line?: number; column?: number }) {
  if (node.name === 'a') {
    const href = jsxAttribute(node, 'href');
    if (typeof href === 'string') links.push({ url: href, text: textOf(node as never), ...at });
  }
  if (node.name === 'img' || node.name === 'Image' || node.name === 'Picture') {
    const src = jsxAttribute(node, 'src');
    images.push({ src: typeof src === 'string' ? src : '', alt: jsxAttribute(node, 'alt'), form: 'tag', ...at });
  }
}

export function checkLinks(input: PostInput, data: PostData, doc: ParsedPost, ctx: ProofContext): Finding[] {
  const findings: Finding[] = [];
  const { links, undefinedRefs } = collectLinksAndImages(doc.tree);
  const ownAnchors = new Set([...anchorsOfTree(doc.tree), ...ctx.layoutAnchors]);
  const ownHeadings = [...anchorsOfTree(doc.tree), 'comments'];
  const here = input.postId && POST_ID.test(input.postId) ? `/${input.postId}.html` : '/draft.html';

  // "[text][name]" without a "[name]: address" line is not a link at all to Markdown:
  // readers see the brackets. Find it in the text.
  visit(doc.tree, 'text', (node) => {
    for (const m of node.value.matchAll(/\[([^\]\n]+)\]\[([^\]\n]*)\]/g)) {
      undefinedRefs.push({ url: `[${m[2] || m[1]}]`, text: m[1]!, line: node.position?.start.line, column: node.position?.start.column });
    }
  });
  for (const ref of undefinedRefs) {
    findings.push({
      severity: 'error',
      kind: 'links',
      line: ref.line,
      column: ref.column,
      message: `The link ${ref.url} has no address: there is no line "${ref.url}: https://…" for it.`,
      fix: 'Add the address, or write the link as [text](address).',
    });
  }
  for (const link of links) {
    const problem = checkOneLink(link.url, here, { anchors: ownAnchors, suggest: ownHeadings }, data, ctx);
    if (problem) findings.push({ kind: 'links', line: link.line, column: link.column, ...problem, message: `${linkName(link)} ${problem.message}` });
  }
  return findings;
}

const linkName = (l: LinkRef) => (l.text.trim() ? `The link "${truncate(l.text.trim(), 40)}" (${l.url})` : `The link ${l.url}`);

const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

type Problem = Pick<Finding, 'severity' | 'message' | 'fix'>;

interface OwnAnchors {
  anchors: ReadonlySet<string>;
  /** The ones worth suggesting: headings, and the comments. */
  suggest: readonly string[];
}

function checkOneLink(url: string, here: string, own: OwnAnchors, data: PostData, ctx: ProofContext): Problem | undefined {
  const raw = url.trim();
  if (!raw) return { severity: 'error', message: 'has no address.', fix: 'Put the address between the round brackets.' };
  if (/^(mailto|tel):/i.test(raw)) return undefined;
  let target: URL;
  let viaOldAddress = false;
  if (/^[a-z][a-z0-9+.-]*:/i.test(raw) || raw.startsWith('//')) {
    let parsed: URL;
    try {
      parsed = new URL(raw.startsWith('//') ? `https:${raw}` : raw);
    } catch {
      return { severity: 'error', message: 'is not a valid address.', fix: 'Copy the address again from the browser.' };
    }
    if (!OWN_HOSTS.has(parsed.hostname)) return undefined; // other sites are not checked (no network here)
    target = parsed;
    viaOldAddress = true;
  } else {
    target = new URL(raw, `https://blog.invalid${here}`);
  }
  let path: string;
  try {
    path = decodeURIComponent(target.pathname);
  } catch {
    path = target.pathname;
  }
  const anchor = target.hash ? decodeURIComponent(target.hash.slice(1)) : '';
  const sameAddress = !viaOldAddress && (raw.startsWith('#') || path === here);

  const problem = sameAddress ? checkAnchor(anchor, own.anchors, 'this post', own.suggest) : checkPath(path, anchor, data, ctx);
  if (problem) return problem;
  if (viaOldAddress) {
    return {
      severity: 'hint',
      message: `points at the blog's full address.`,
      fix: `Write it as ${target.pathname}${target.hash} so it also works in previews.`,
    };
  }
  return undefined;
}

function checkAnchor(anchor: string, anchors: ReadonlySet<string>, where: string, suggest: readonly string[]): Problem | undefined {
  if (!anchor || anchors.has(anchor)) return undefined;
  const options = [...new Set(suggest)];
  const near = options.find((a) => editDistance(a, anchor.toLowerCase()) <= 2);
  return {
    severity: 'error',
    message: `points to a place (#${anchor}) that does not exist on ${where}.`,
    fix: near
      ? `Did you mean #${near}?`
      : options.length
        ? `Places you can link to: ${options.slice(0, 6).map((a) => `#${a}`).join(', ')}. A heading's place is its text in lowercase with hyphens.`
        : 'Link to a heading: its place is its text in lowercase with hyphens.',
  };
}

function checkPath(path: string, anchor: string, data: PostData, ctx: ProofContext): Problem | undefined {
  const post = /^\/(\d{4}\/\d{2}\/[^/]+)\.html$/.exec(path);
  if (post) {
    const id = post[1]!;
    const target = ctx.posts.get(id);
    if (!target) {
      const near = nearestPost(id, ctx);
      return {
        severity: 'error',
        message: 'goes to a post that does not exist.',
        fix: near ? `Did you mean /${near}.html?` : 'Open the post on the site and copy its address.',
      };
    }
    if (target.draft) {
      return { severity: 'warning', message: 'goes to a post that is still a draft, so readers would find nothing there.', fix: 'Publish that post first, or remove the link.' };
    }
    if (target.published && target.published > ctx.now && (!data.published || data.published < target.published)) {
      return { severity: 'hint', message: 'goes to a post scheduled to appear later than this one.', fix: 'Check it will be out by the time readers click.' };
    }
    const targetAnchors = ctx.anchorsOf(id) ?? new Set<string>();
    const anchors = new Set([...targetAnchors, ...ctx.layoutAnchors]);
    const headings = [...targetAnchors].filter((a) => !/^c(\d+|-)/.test(a));
    return checkAnchor(anchor, anchors, 'that post', [...headings, 'comments']);
  }
  const page = /^\/p\/([^/]+)\.html$/.exec(path);
  if (page) {
    return ctx.pages.has(page[1]!) ? undefined : { severity: 'error', message: 'goes to a page that does not exist.', fix: `Pages: ${[...ctx.pages].map((p) => `/p/${p}.html`).join(', ')}.` };
  }
  const label = /^\/search\/label\/([^/]+)\/?$/.exec(path);
  if (label) {
    const name = label[1]!;
    if (ctx.labels.has(name) || ctx.labelAliases.has(name) || data.labels.includes(name)) return undefined;
    const near = [...ctx.labels.keys()].find((l) => labelKey(l) === labelKey(name) || editDistance(labelKey(l), labelKey(name)) <= 2);
    return {
      severity: 'error',
      message: `goes to the label "${name}", which no post has.`,
      fix: near ? `Did you mean /search/label/${encodeURIComponent(near)}?` : 'Check the spelling against the Labels page.',
    };
  }
  const archive = /^\/(\d{4})\/(?:(\d{2})\/)?(?:index\.html)?$/.exec(path) ?? /^\/(\d{4})_(\d{2})_01_archive\.html$/.exec(path);
  if (archive) {
    const prefix = archive[2] ? `${archive[1]}/${archive[2]}/` : `${archive[1]}/`;
    const any = [...ctx.posts.values()].some((p) => p.id.startsWith(prefix) && !p.draft);
    return any ? undefined : { severity: 'error', message: 'goes to an archive with no posts in it.', fix: 'Check the year and month.' };
  }
  const author = /^\/authors\/([^/]+)\/?$/.exec(path);
  if (author) {
    return ctx.authors.some((a) => a.id === author[1]) ? undefined : { severity: 'error', message: 'goes to an author page that does not exist.', fix: `Authors: ${ctx.authors.map((a) => `/authors/${a.id}/`).join(', ')}.` };
  }
  if (FIXED_PAGES.has(path) || path.startsWith('/feeds/') || path.startsWith('/pagefind/')) return undefined;
  if (ctx.fileExists(`public${path}`)) return undefined;
  return { severity: 'error', message: 'goes to an address on this blog that does not exist.', fix: 'Open the page on the site and copy its address.' };
}

function nearestPost(id: string, ctx: ProofContext): string | undefined {
  const [y, m, slug] = id.split('/');
  let best: { id: string; d: number } | undefined;
  for (const p of ctx.posts.values()) {
    const [py, pm, ps] = p.id.split('/');
    const d = editDistance(ps ?? '', slug ?? '') + (py === y ? 0 : 2) + (pm === m ? 0 : 1);
    if (!best || d < best.d) best = { id: p.id, d };
  }
  return best && best.d <= 4 ? best.id : undefined;
}

const FILE_NAME_ALT = /(\.(png|jpe?g|gif|svg|webp|avif)$)|^(img|dsc|image|photo|picture|screenshot|screen shot)[\s_-]*\d*$/i;

export function checkImages(input: PostInput, doc: ParsedPost, ctx: ProofContext): Finding[] {
  const findings: Finding[] = [];
  const { images } = collectLinksAndImages(doc.tree);
  const dir = input.file.includes('/') ? input.file.slice(0, input.file.lastIndexOf('/')) : '.';
  for (const img of images) {
    const at = { line: img.line, column: img.column };
    const name = img.src ? `The image ${img.src}` : 'An image';
    if (img.alt === undefined || (img.alt === '' && img.form === 'markdown')) {
      findings.push({
        severity: 'error',
        kind: 'images',
        ...at,
        message: `${name} has no description (alt text), so readers who use screen readers, and anyone whose image does not load, get nothing.`,
        fix:
          img.form === 'markdown'
            ? 'Describe what the picture shows between the square brackets: ![A yellow rubber duck wearing a name badge](…).'
            : 'Add alt="what the picture shows" to the tag (or alt="" if it is only decoration).',
      });
    } else if (img.alt === '' && img.form === 'tag') {
      findings.push({ severity: 'hint', kind: 'images', ...at, message: `${name} is marked as decoration (alt="").`, fix: 'If it carries meaning, describe it in alt="…".' });
    } else if (typeof img.alt === 'string' && FILE_NAME_ALT.test(img.alt.trim())) {
      findings.push({
        severity: 'warning',
        kind: 'images',
        ...at,
        message: `${name} is described only as "${img.alt}".`,
        fix: 'Describe what the picture shows, in a short sentence.',
      });
    }
    const src = img.src.trim();
    if (!src) {
      findings.push({ severity: 'error', kind: 'images', ...at, message: 'An image has no file or address.', fix: 'Put the file name between the round brackets, e.g. (./images/duck.jpg).' });
      continue;
    }
    if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(src)) continue; // another site: not checked
    const path = src.startsWith('/') ? `public${src.split(/[?#]/)[0]}` : normalise(`${dir}/${src.split(/[?#]/)[0]}`);
    if (!ctx.fileExists(path)) {
      findings.push({
        severity: 'error',
        kind: 'images',
        ...at,
        message: `${name} cannot be found (looked for ${path}).`,
        fix: src.startsWith('/') ? 'Put the file in public/ or fix the name.' : `Put the file next to the post (e.g. ${dir}/images/) and write ./images/its-name.`,
      });
    }
  }
  return findings;
}

/** Resolve "a/b/../c" and "./" without touching the disk. */
export function normalise(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

/* ---------------- imports of components ---------------- */

export function checkImports(input: PostInput, doc: ParsedPost, ctx: ProofContext): Finding[] {
  const findings: Finding[] = [];
  const dir = input.file.includes('/') ? input.file.slice(0, input.file.lastIndexOf('/')) : '.';
  visit(doc.tree, (node) => {
    if ((node.type as string) !== 'mdxjsEsm') return;
    const value = (node as { value: string }).value;
    for (const m of value.matchAll(/\bfrom\s+['"]([^'"]+)['"]/g)) {
      const spec = m[1]!;
      if (!spec.startsWith('.')) continue;
      const path = normalise(`${dir}/${spec}`);
      if (!ctx.fileExists(path)) {
        findings.push({
          severity: 'error',
          kind: 'mdx',
          line: node.position?.start.line,
          message: `The import "${spec}" points to a file that does not exist (${path}); the site will not build.`,
          fix: 'Copy the import line from another post that uses the same component (count the ../ parts).',
        });
      }
    }
  });
  return findings;
}

/* ---------------- leftovers and proofreading ---------------- */

const LEFTOVER = /\b(TODO|TK|FIXME|XXX)\b/;

export function checkLeftovers(doc: ParsedPost): Finding[] {
  const findings: Finding[] = [];
  visit(doc.tree, 'text', (node) => {
    const m = LEFTOVER.exec(node.value);
    if (m) {
      findings.push({
        severity: 'warning',
        kind: 'style',
        line: node.position?.start.line,
        message: `A note to yourself is still in the text: "${truncate(node.value.slice(m.index).trim(), 60)}".`,
        fix: 'Finish that part or delete the note before publishing.',
      });
    }
  });
  return findings;
}

export function checkProofreading(data: PostData, doc: ParsedPost, ctx: ProofContext): Finding[] {
  if (data.proofreadBy.some((p) => p !== data.author && ctx.authors.some((a) => a.id === p))) return [];
  const others = ctx.authors.filter((a) => a.id !== data.author).map((a) => a.id);
  return [
    {
      severity: 'hint',
      kind: 'author',
      line: doc.keyLines.get('proofreadBy'),
      message: 'No co-author is credited with proofreading this post yet.',
      fix: `When one has read it, add their name: proofreadBy: [${others[0] ?? 'roy'}]${others.length > 1 ? ` (or ${others.slice(1).join(', ')})` : ''}. The page will then say "Proofread by …".`,
    },
  ];
}

/* ---------------- title and description wording ---------------- */

/** The wording check reads the body; the title and description need the same care. */
export function checkFrontmatterWording(data: PostData, doc: ParsedPost): Finding[] {
  const findings: Finding[] = [];
  for (const field of ['title', 'description'] as const) {
    const text = data[field];
    if (!text) continue;
    for (const issue of findPersonFirstIssues(text)) {
      findings.push({
        severity: 'warning',
        kind: 'wording',
        line: doc.keyLines.get(field),
        message: `In the ${field}: "${issue.found}" can stigmatise. ${issue.why}`,
        fix: `Instead: ${issue.say}.`,
      });
    }
  }
  return findings;
}
