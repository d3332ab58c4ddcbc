import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import { parseFrontMatter, splitFrontMatter } from '../content-files/frontmatter';
import type { Root } from 'mdast';
import { visit, SKIP } from 'unist-util-visit';

/**
 * A post file split into its frontmatter (YAML) and its body (MDX), with line numbers
 * that always refer to the file as the author sees it.
 */
export interface ParsedPost {
  text: string;
  /** The YAML between the --- lines, or undefined when the file has none. */
  frontmatterSource?: string;
  /** The data, when the YAML could be read. */
  frontmatter?: Record<string, unknown>;
  /** A YAML syntax problem, with its line in the file. */
  yamlError?: { line: number; message: string };
  /** 1-based file line of each top-level frontmatter key. */
  keyLines: Map<string, number>;
  /** The body with the frontmatter replaced by as many empty lines, so lines are file lines. */
  body: string;
  /** Add to a body offset to get the file offset. */
  bodyDelta: number;
  /** The body as a Markdown tree (MDX when it parses, plain Markdown otherwise). */
  tree: Root;
  /** Why the body is not valid MDX (the site would not build), with its place. */
  mdxError?: { line?: number; column?: number; message: string };
}

/** A post file as the proof sheet sees it: `.md` is parsed as Markdown, `.mdx` as MDX, like the build. */
export function parsePost(text: string, format: 'md' | 'mdx' = 'mdx'): ParsedPost {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const fm = parseFrontMatter(clean);
  if (!fm.present) return { text: clean, keyLines: fm.keyLines, body: clean, bodyDelta: 0, ...parseBody(clean, format) };
  // Keep the line count, drop the text: the body's positions stay file positions.
  const body = '\n'.repeat(fm.bodyLineOffset) + fm.body;
  const bodyDelta = fm.bodyOffset - fm.bodyLineOffset;
  const frontmatterSource = splitFrontMatter(clean)?.yaml;
  const frontmatter = fm.error ? undefined : fm.data;
  return { text: clean, frontmatterSource, frontmatter, yamlError: fm.error, keyLines: fm.keyLines, body, bodyDelta, ...parseBody(body, format) };
}

function parseBody(body: string, format: 'md' | 'mdx'): { tree: Root; mdxError?: ParsedPost['mdxError'] } {
  if (format === 'md') return { tree: unified().use(remarkParse).use(remarkGfm).parse(body) as Root };
  try {
    return { tree: unified().use(remarkParse).use(remarkMdx).use(remarkGfm).parse(body) as Root };
  } catch (err) {
    const e = err as { message?: string; reason?: string; line?: number; column?: number; place?: { line?: number; column?: number; start?: { line: number; column: number } } };
    const place = e.place && 'start' in e.place && e.place.start ? e.place.start : (e.place as { line?: number; column?: number } | undefined);
    const mdxError = {
      line: e.line ?? place?.line,
      column: e.column ?? place?.column,
      message: (e.reason ?? e.message ?? String(err)).split('\n')[0]!,
    };
    // Carry on with plain Markdown so the other checks still run.
    return { tree: unified().use(remarkParse).use(remarkGfm).parse(body) as Root, mdxError };
  }
}

/** 1-based line of a character offset. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * The post with MDX-only code (imports, exports, {expressions} and MDX comments)
 * blanked out, for tools that read plain Markdown. Lines and columns stay the same.
 */
export function maskMdxCode(doc: ParsedPost): string {
  if (doc.mdxError) return doc.text;
  let out = doc.text;
  visit(doc.tree, (node) => {
    const t = node.type as string;
    if (t !== 'mdxjsEsm' && t !== 'mdxFlowExpression' && t !== 'mdxTextExpression') return undefined;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start !== undefined && end !== undefined) {
      const a = start + doc.bodyDelta;
      const b = end + doc.bodyDelta;
      out = out.slice(0, a) + out.slice(a, b).replace(/[^\n]/g, ' ') + out.slice(b);
    }
    return SKIP;
  });
  return out;
}
