import { unified, type Processor } from 'unified';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkStringify, { type Options as StringifyOptions } from 'remark-stringify';
import { visit, SKIP, EXIT } from 'unist-util-visit';
import type { Element, ElementContent, Root as HastRoot, RootContent, Text } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import type { State } from 'hast-util-to-mdast';
import type { VFile } from 'vfile';
import { autop } from './text';

/**
 * Blogger (and WordPress) post HTML -> clean Markdown or MDX, with the unified
 * tools: rehype-parse -> (clean-up below) -> rehype-remark gives one Markdown tree.
 * A tree with no JSX or expression in it (most posts) is written as plain `.md`
 * with remark-gfm + remark-stringify, which escape `<` wherever CommonMark could
 * read a tag; stray tags never become raw HTML. A tree that needs JSX (a YouTube
 * or Vimeo player as the site's click-to-load <VideoEmbed>, <sup>, a line break in
 * a table cell) is written as `.mdx` with
 * remark-mdx, whose serializer escapes what MDX would read as code (`{`, `<`), and
 * two extra rules escape `import`/`export` at the start of a paragraph.
 * Why two formats: an `.mdx` post is recompiled by Vite on every build, a `.md`
 * post stays in the content-layer cache (docs/PERFORMANCE.md, ".md or .mdx").
 * Inline styles, scripts, classes and stray tags go; paragraphs, quotes, lists,
 * tables, links, images (with alt) and known video embeds stay.
 */

export type BodyFormat = 'md' | 'mdx';

export interface ConvertOptions {
  /** Blogger's BLOG_CONVERT_LINE_BREAKS: a newline in the stored HTML was shown as a line break. */
  convertLineBreaks?: boolean;
  /** WordPress bodies: blank lines are paragraphs (wpautop). */
  autop?: boolean;
  /**
   * Rewrite a link: return the new href, `undefined` to keep it, or `null` when it
   * points at the old blog but at nothing we know (kept, and reported).
   */
  rewriteHref?: (href: string) => string | null | undefined;
  /** 'auto' (default): `.md` unless the body needs JSX. 'mdx': always MDX (the format before the benchmark). */
  format?: 'auto' | 'mdx';
}

export interface ConvertReport {
  images: { src: string; alt: string }[];
  rewrittenLinks: { from: string; to: string }[];
  unresolvedLinks: string[];
  embeds: { src: string; kept: boolean }[];
  /** Elements removed with their content (script, style, form…), by tag name. */
  removed: string[];
}

export interface ConvertResult extends ConvertReport {
  /** 'md' when the body is plain Markdown, 'mdx' when it needs JSX. */
  format: BodyFormat;
  /** The body text, in that format (no frontmatter). */
  body: string;
}

const DROP_WITH_CONTENT = new Set([
  'script', 'style', 'noscript', 'template', 'form', 'input', 'button', 'select', 'textarea', 'link', 'meta', 'base', 'head', 'title', 'svg', 'math', 'map', 'area', 'applet', 'frameset', 'frame',
]);
const INLINE = new Set(['a', 'b', 'strong', 'i', 'em', 'span', 'font', 'u', 's', 'strike', 'del', 'ins', 'sup', 'sub', 'small', 'big', 'code', 'tt', 'abbr', 'cite', 'q', 'mark', 'label']);
/** Containers whose children are flow content (where a blank line can start a paragraph). */
const FLOW_CONTAINERS = new Set(['root', 'div', 'blockquote', 'li', 'center', 'section', 'article', 'body', 'dd', 'figure', 'main', 'aside', 'header', 'footer', 'details']);
const PHRASING_BLOCK_BREAKERS = new Set([
  'p', 'div', 'ul', 'ol', 'table', 'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'center', 'dl', 'figure', 'section', 'article', 'iframe', 'address', 'aside', 'details', 'header', 'footer', 'main',
]);

const isBr = (n: RootContent | ElementContent): n is Element => n.type === 'element' && n.tagName === 'br';
const isBlank = (n: RootContent | ElementContent) => n.type === 'comment' || (n.type === 'text' && n.value.trim() === '');
const el = (tagName: string, children: ElementContent[], properties: Element['properties'] = {}): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});

function youtubeEmbed(src: string): string | undefined {
  try {
    const u = new URL(src, 'https://www.youtube.com');
    if (!/(^|\.)youtube(-nocookie)?\.com$/i.test(u.hostname)) return undefined;
    const m = /^\/(?:v|embed)\/([\w-]{6,})/.exec(u.pathname);
    return m ? `https://www.youtube.com/embed/${m[1]}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A YouTube or Vimeo player address -> what VideoEmbed needs. Other players become
 * links: pages make no third-party request until a reader clicks.
 */
export function videoOf(src: string): { provider: 'youtube' | 'vimeo'; id: string } | undefined {
  const yt = youtubeEmbed(src);
  const ytId = yt ? /\/embed\/([\w-]+)/.exec(yt)?.[1] : undefined;
  if (ytId && /^[A-Za-z0-9_-]{11}$/.test(ytId)) return { provider: 'youtube', id: ytId };
  try {
    const u = new URL(src);
    const vimeo = /^(player\.)?vimeo\.com$/i.test(u.hostname) ? /^\/(?:video\/)?(\d+)/.exec(u.pathname)?.[1] : undefined;
    if (vimeo) return { provider: 'vimeo', id: vimeo };
  } catch {
    return undefined;
  }
  return undefined;
}

function absoluteHttp(src: string): string | undefined {
  const t = src.trim().startsWith('//') ? `https:${src.trim()}` : src.trim();
  try {
    const u = new URL(t);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

interface Context {
  options: ConvertOptions;
  report: ConvertReport;
}

/** The clean-up passes, on the HTML tree before it becomes Markdown. */
function cleanTree(tree: HastRoot, ctx: Context) {
  dropComments(tree);
  replaceEmbeds(tree, ctx);
  // Lists hold list items only: a <br> between items is noise.
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === 'ul' || node.tagName === 'ol') node.children = node.children.filter((c) => !isBr(c));
  });
  unwrapCaptionTables(tree);
  fixLinks(tree, ctx);
  keepStylesAndRecordImages(tree, ctx);
  // Newlines that Blogger turned into line breaks.
  if (ctx.options.convertLineBreaks) newlinesToBreaks(tree);
  // Line breaks at the edge of bold/italic/links move outside them.
  hoistEdgeBreaks(tree);
  // Blank lines made with <br><br> become paragraphs.
  splitBreakRuns(tree);
}

/** HTML comments (WordPress block markers, Blogger's <!--more-->) would be raw HTML in MDX. */
function dropComments(tree: HastRoot) {
  visit(tree, 'comment', (_node, index, parent) => {
    if (!parent || index === undefined) return;
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
}

/** Drop dangerous or meaningless elements with their content; old video players become iframes, other embeds links. */
function replaceEmbeds(tree: HastRoot, ctx: Context) {
  visit(tree, 'element', (node: Element, index, parent) => {
    if (!parent || index === undefined) return;
    const tag = node.tagName;
    if (DROP_WITH_CONTENT.has(tag)) {
      ctx.report.removed.push(tag);
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    if (tag === 'object' || tag === 'embed') {
      const src = objectSource(node);
      const yt = videoOf(src)?.provider === 'youtube' ? youtubeEmbed(src) : undefined;
      const replacement = yt ? el('iframe', [], { src: yt, title: 'Embedded video' }) : embedLink(src, ctx);
      parent.children.splice(index, 1, ...(replacement ? [replacement] : []));
      if (yt) ctx.report.embeds.push({ src: yt, kept: true });
      return [SKIP, index + (replacement ? 1 : 0)];
    }
    if (tag === 'iframe') {
      const src = absoluteHttp(String(node.properties.src ?? ''));
      const video = src ? videoOf(src) : undefined;
      if (src && video) {
        ctx.report.embeds.push({ src, kept: true });
        node.properties = { src: youtubeEmbed(src) ?? src, title: String(node.properties.title ?? '') || 'Embedded video' };
        node.children = [];
        return SKIP;
      }
      const replacement = embedLink(String(node.properties.src ?? ''), ctx);
      parent.children.splice(index, 1, ...(replacement ? [replacement] : []));
      return [SKIP, index + (replacement ? 1 : 0)];
    }
    return undefined;
  });
}

/** The address an <object> or <embed> plays. */
function objectSource(node: Element): string {
  return String(
    node.properties.data ??
      node.properties.src ??
      node.children.flatMap((c) =>
        c.type === 'element' && (c.tagName === 'embed' || (c.tagName === 'param' && /^(movie|src)$/i.test(String(c.properties.name))))
          ? [String(c.properties.src ?? c.properties.value ?? '')]
          : [],
      )[0] ??
      '',
  );
}

/** Blogger's image-with-caption tables become image + caption paragraphs. */
function unwrapCaptionTables(tree: HastRoot) {
  visit(tree, 'element', (node: Element, index, parent) => {
    if (!parent || index === undefined || node.tagName !== 'table') return;
    const cls = ([] as unknown[]).concat(node.properties.className ?? []).map(String);
    if (!cls.includes('tr-caption-container')) return;
    const cells: Element[] = [];
    visit(node, 'element', (c: Element) => {
      if (c.tagName === 'td' || c.tagName === 'th') {
        cells.push(el('p', c.children));
        return SKIP;
      }
    });
    parent.children.splice(index, 1, ...cells);
    return [SKIP, index + cells.length];
  });
}

/** Links: unwrap anchors without a usable href; rewrite links to the old blog. */
function fixLinks(tree: HastRoot, ctx: Context) {
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'a' || !parent || index === undefined) return;
    const raw = node.properties.href;
    const href = typeof raw === 'string' ? raw.trim() : '';
    const usable = href !== '' && !/^(javascript|vbscript|data):/i.test(href.replace(/[\s\u0000-\u001f]/g, ''));
    if (!usable) {
      parent.children.splice(index, 1, ...node.children);
      return [SKIP, index];
    }
    const next = ctx.options.rewriteHref?.(href);
    if (next === null) ctx.report.unresolvedLinks.push(href);
    else if (next !== undefined && next !== href) {
      ctx.report.rewrittenLinks.push({ from: href, to: next });
      node.properties.href = next;
    }
    return undefined;
  });
}

/** Styled spans that meant bold or italic keep their meaning; images keep src and alt only, and are recorded. */
function keepStylesAndRecordImages(tree: HastRoot, ctx: Context) {
  visit(tree, 'element', (node: Element) => {
    const style = String(node.properties.style ?? '');
    if (node.tagName === 'span' && style) {
      if (/font-weight\s*:\s*(bold|[6-9]00)/i.test(style)) node.children = [el('strong', node.children)];
      if (/font-style\s*:\s*italic/i.test(style)) node.children = [el('em', node.children)];
    }
    if (node.tagName === 'img') {
      const src = String(node.properties.src ?? '');
      const alt = String(node.properties.alt ?? node.properties.title ?? '').replace(/\s+/g, ' ').trim();
      node.properties = { src: absoluteHttp(src) ?? src, alt };
      ctx.report.images.push({ src: String(node.properties.src), alt });
    }
  });
}

function embedLink(src: string, ctx: Context): Element | undefined {
  const url = absoluteHttp(src);
  if (!url) return undefined;
  ctx.report.embeds.push({ src: url, kept: false });
  return el('p', [el('a', [{ type: 'text', value: 'Embedded content' }], { href: url })]);
}

function newlinesToBreaks(tree: HastRoot) {
  visit(tree, 'text', (node: Text, index, parent) => {
    if (!parent || index === undefined) return;
    if (parent.type === 'element' && /^(pre|code|table|thead|tbody|tfoot|tr|ul|ol|dl)$/.test(parent.tagName)) return;
    if (!node.value.includes('\n') || node.value.trim() === '') return;
    const parts = node.value.split('\n');
    const out: ElementContent[] = [];
    parts.forEach((p, i) => {
      if (i > 0) out.push(el('br', []));
      if (p !== '') out.push({ type: 'text', value: p });
    });
    parent.children.splice(index, 1, ...out);
    return [SKIP, index + out.length];
  });
}

function hoistEdgeBreaks(tree: HastRoot) {
  // Bottom-up, so breaks bubble out of nested inline elements too.
  const walk = (node: HastRoot | Element) => {
    for (const c of node.children) if (c.type === 'element') walk(c);
    for (let i = 0; i < node.children.length; i++) {
      const c = node.children[i]!;
      if (c.type !== 'element' || !INLINE.has(c.tagName)) continue;
      const before: ElementContent[] = [];
      const after: ElementContent[] = [];
      while (c.children.length && (isBr(c.children[0]!) || isBlank(c.children[0]!))) before.push(c.children.shift()!);
      while (c.children.length && (isBr(c.children[c.children.length - 1]!) || isBlank(c.children[c.children.length - 1]!))) {
        after.unshift(c.children.pop()!);
      }
      // Spaces at the edges of bold/italic text would be written as &#x20; (flanking rules).
      const first = c.children[0];
      if (first?.type === 'text' && /^\s/.test(first.value)) {
        before.push({ type: 'text', value: ' ' });
        c.children[0] = { ...first, value: first.value.trimStart() };
      }
      const last = c.children[c.children.length - 1];
      if (last?.type === 'text' && /\s$/.test(last.value)) {
        after.unshift({ type: 'text', value: ' ' });
        c.children[c.children.length - 1] = { ...last, value: last.value.trimEnd() };
      }
      if (before.length === 0 && after.length === 0) continue;
      const keep = c.children.length > 0 || c.tagName === 'a' ? [c] : [];
      const spaced = (nodes: ElementContent[]) => nodes.map((n) => (n.type === 'text' ? { ...n, value: ' ' } : n));
      (node.children as ElementContent[]).splice(i, 1, ...spaced(before), ...keep, ...spaced(after));
      i += before.length + keep.length + after.length - 1;
    }
  };
  walk(tree);
}

function splitBreakRuns(tree: HastRoot) {
  const walk = (node: HastRoot | Element) => {
    for (const c of node.children) if (c.type === 'element') walk(c);
    const name = node.type === 'root' ? 'root' : node.tagName;
    if (FLOW_CONTAINERS.has(name)) node.children = splitFlow(node.children as ElementContent[]) as typeof node.children;
    // A <p> with a blank line inside becomes several paragraphs.
    const next: (RootContent | ElementContent)[] = [];
    let changed = false;
    for (const c of node.children) {
      if (c.type === 'element' && c.tagName === 'p' && c.children.some(isBr)) {
        const segments = segmentsOf(c.children);
        if (segments.length !== 1 || segments[0]!.length !== c.children.length) changed = true;
        for (const s of segments) next.push(el('p', s));
      } else next.push(c);
    }
    if (changed) node.children = next as typeof node.children;
  };
  walk(tree);
}

/** Split runs of phrasing content at blank lines (two or more <br>) into paragraphs. */
function splitFlow(children: ElementContent[]): ElementContent[] {
  const out: ElementContent[] = [];
  let run: ElementContent[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const segments = segmentsOf(run);
    const hasBreakRun = segments.length > 1 || segments.some((s) => s.length !== run.length);
    if (!hasBreakRun) out.push(...run);
    else for (const s of segments) out.push(el('p', s));
    run = [];
  };
  for (const c of children) {
    if (c.type === 'element' && PHRASING_BLOCK_BREAKERS.has(c.tagName)) {
      flush();
      out.push(c);
    } else run.push(c);
  }
  flush();
  return out;
}

/** Phrasing content -> segments separated by two or more <br>, without edge breaks or blanks. */
function segmentsOf(nodes: ElementContent[]): ElementContent[][] {
  const segments: ElementContent[][] = [];
  let current: ElementContent[] = [];
  let i = 0;
  while (i < nodes.length) {
    const n = nodes[i]!;
    if (isBr(n)) {
      // Count this run of breaks (blank text between them does not interrupt it).
      let j = i;
      let brs = 0;
      while (j < nodes.length && (isBr(nodes[j]!) || isBlank(nodes[j]!))) {
        if (isBr(nodes[j]!)) brs++;
        j++;
      }
      if (brs >= 2 || j === nodes.length) {
        segments.push(current);
        current = [];
        i = j;
        continue;
      }
    }
    current.push(n);
    i++;
  }
  segments.push(current);
  return segments
    .map((s) => {
      while (s.length && (isBr(s[0]!) || isBlank(s[0]!))) s.shift();
      while (s.length && (isBr(s[s.length - 1]!) || isBlank(s[s.length - 1]!))) s.pop();
      return s;
    })
    .filter((s) => s.length > 0);
}

/* ---------- hast -> mdast handlers for what Markdown cannot say ---------- */

const jsxAttribute = (name: string, value: string | null) => ({ type: 'mdxJsxAttribute' as const, name, value });

const handlers = {
  iframe(state: State, node: Element) {
    // Only YouTube and Vimeo players get here (cleanTree): the site's click-to-load player,
    // available to every post without an import.
    const video = videoOf(String(node.properties.src))!;
    const attributes = [
      jsxAttribute('provider', video.provider),
      jsxAttribute('id', video.id),
      jsxAttribute('title', String(node.properties.title ?? 'Embedded video')),
    ];
    const result = { type: 'mdxJsxFlowElement', name: 'VideoEmbed', attributes, children: [] };
    state.patch(node, result as never);
    return result as never;
  },
  br(state: State, node: Element) {
    // GFM table cells cannot hold a Markdown line break; JSX <br /> can.
    const result = state.inTable
      ? { type: 'mdxJsxTextElement', name: 'br', attributes: [], children: [] }
      : { type: 'break' };
    state.patch(node, result as never);
    return result as never;
  },
  sup: (state: State, node: Element) => ({ type: 'mdxJsxTextElement', name: 'sup', attributes: [], children: state.all(node) }) as never,
  sub: (state: State, node: Element) => ({ type: 'mdxJsxTextElement', name: 'sub', attributes: [], children: state.all(node) }) as never,
};

/** mdast node types only MDX can hold: a tree with any of them must be written as `.mdx`. */
export const MDX_NODE_TYPES = new Set(['mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression']);

/** True when the Markdown tree has no JSX, ESM or expression node, so plain `.md` can say it all. */
export function isPlainMarkdown(tree: MdastRoot): boolean {
  let plain = true;
  visit(tree, (node) => {
    if (MDX_NODE_TYPES.has(node.type)) {
      plain = false;
      return EXIT;
    }
    return undefined;
  });
  return plain;
}

const STRINGIFY: StringifyOptions = {
  bullet: '-',
  emphasis: '*',
  strong: '*',
  rule: '-',
  fences: true,
  listItemIndent: 'one',
  // Always [text](url): <https://…> autolinks are JSX to MDX, and one style keeps re-runs stable.
  resourceLink: true,
};

let toMdast: Processor | undefined;
let mdxWriter: Processor | undefined;
let mdWriter: Processor | undefined;

/** HTML -> cleaned hast -> mdast (the Markdown tree both writers start from). */
function getToMdast(): Processor {
  toMdast ??= unified()
    .use(rehypeParse, { fragment: true })
    .use(() => (tree: HastRoot, file: VFile) => cleanTree(tree, file.data.convert as Context))
    .use(rehypeRemark, { handlers })
    .freeze() as unknown as Processor;
  return toMdast;
}

function getMdxWriter(): Processor {
  mdxWriter ??= unified()
    .use(remarkGfm, { tablePipeAlign: false })
    .use(remarkMdx)
    .use(remarkStringify, {
      ...STRINGIFY,
      unsafe: [
        // MDX reads `import`/`export` at the start of a paragraph as JavaScript.
        { atBreak: true, character: 'i', after: 'mport\\b' },
        { atBreak: true, character: 'e', after: 'xport\\b' },
      ],
    } as never)
    .freeze() as unknown as Processor;
  return mdxWriter;
}

/** CommonMark + GFM, the way Astro's default processor (Sätteri) reads `.md`. */
function getMdWriter(): Processor {
  mdWriter ??= unified()
    .use(remarkGfm, { tablePipeAlign: false })
    .use(remarkStringify, STRINGIFY as never)
    .freeze() as unknown as Processor;
  return mdWriter;
}

/** Raw HTML has no place in a plain post: any `html` node left is written as text (escaped). */
function htmlNodesToText(tree: MdastRoot) {
  visit(tree, 'html', (node, index, parent) => {
    if (!parent || index === undefined) return;
    parent.children.splice(index, 1, { type: 'text', value: node.value } as never);
    return [SKIP, index + 1];
  });
}

declare module 'vfile' {
  interface DataMap {
    convert: unknown;
  }
}

export function convertHtml(html: string, options: ConvertOptions = {}): ConvertResult {
  const report: ConvertReport = { images: [], rewrittenLinks: [], unresolvedLinks: [], embeds: [], removed: [] };
  const source = options.autop ? autop(html) : html;
  const processor = getToMdast();
  // The clean-up pass reads its options and fills the report through the file's data.
  const tree = processor.runSync(processor.parse(source), { value: source, data: { convert: { options, report } } }) as unknown as MdastRoot;
  const format: BodyFormat = options.format === 'mdx' || !isPlainMarkdown(tree) ? 'mdx' : 'md';
  if (format === 'md') htmlNodesToText(tree);
  const text = (format === 'mdx' ? getMdxWriter() : getMdWriter()).stringify(tree as never) as unknown as string;
  const body = String(text).replace(/\n{3,}/g, '\n\n').trim();
  return { format, body: body ? `${body}\n` : '', ...report };
}
