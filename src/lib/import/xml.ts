import { SaxesParser, type SaxesTagNS } from 'saxes';

/**
 * A small namespace-aware XML reader for export files, on saxes (streaming, with
 * line numbers). No DTD and no entity expansion beyond XML's five predefined
 * entities and character references: export files are untrusted.
 *
 * Records (Atom entries, Disqus threads/posts, WXR items) are handed over one at a
 * time, so a 100 MB export never becomes one huge tree.
 */

export const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  app: 'http://purl.org/atom/app#',
  gd: 'http://schemas.google.com/g/2005',
  thr: 'http://purl.org/syndication/thread/1.0',
  blogger: 'http://schemas.google.com/blogger/2018',
  media: 'http://search.yahoo.com/mrss/',
  georss: 'http://www.georss.org/georss',
  openSearch: 'http://a9.com/-/spec/opensearchrss/1.0/',
  disqus: 'http://disqus.com',
  dsq: 'http://disqus.com/disqus-internals',
  content: 'http://purl.org/rss/1.0/modules/content/',
  excerpt: 'http://wordpress.org/export/1.2/excerpt/',
  dc: 'http://purl.org/dc/elements/1.1/',
  wfw: 'http://wellformedweb.org/CommentAPI/',
} as const;

/** WordPress WXR 1.0, 1.1 and 1.2 use different namespace URIs for the same elements. */
export const isWpNamespace = (uri: string) => /^http:\/\/wordpress\.org\/export\/1\.\d\/$/.test(uri);

/** Prefixes real exporters use without declaring them (pelican's Blogger export uses app:). */
const WELL_KNOWN_PREFIXES: Record<string, string> = {
  app: NS.app,
  gd: NS.gd,
  thr: NS.thr,
  blogger: NS.blogger,
  media: NS.media,
  georss: NS.georss,
  openSearch: NS.openSearch,
  dsq: NS.dsq,
  content: NS.content,
  dc: NS.dc,
  wfw: NS.wfw,
  wp: 'http://wordpress.org/export/1.2/',
};

export interface XmlElement {
  /** Namespace URI ('' when none). */
  ns: string;
  local: string;
  /** Attributes by local name (first one wins) and by `{ns}local`. */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Text and CDATA directly inside this element, in order. */
  text: string;
  line: number;
}

export class ExportFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly column: number | undefined,
    message: string,
  ) {
    super(`${file}${line ? `:${line}${column ? `:${column}` : ''}` : ''}: ${message}`);
    this.name = 'ExportFileError';
  }
}

export interface ParsedXml {
  root: XmlElement;
  /** Known exporter defects we repaired before parsing, in words for the report. */
  recovered: string[];
}

export interface ParseXmlOptions {
  file: string;
  /**
   * Should this element be handed to `onRecord` (and dropped from the tree) when it
   * closes? Called with the element and its ancestors' local names (root first).
   */
  isRecord?: (el: XmlElement, ancestors: readonly XmlElement[]) => boolean;
  onRecord?: (el: XmlElement, ancestors: readonly XmlElement[]) => void;
}

/**
 * Parse `text`. Well-formedness errors stop with file:line:column. Three defects
 * that real exporters are known to produce are repaired and listed in `recovered`:
 * stray text before the XML declaration, unquoted attribute values, and well-known
 * namespace prefixes used without a declaration.
 */
export function parseXml(text: string, options: ParseXmlOptions): ParsedXml {
  const recovered: string[] = [];
  let source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source.trim() === '') throw new ExportFileError(options.file, undefined, undefined, 'the file is empty (Blogger sometimes serves an empty export: download it again)');

  const first = attempt(source, options, recovered);
  if (!first.error) return { root: first.root!, recovered };

  // Only repair the known defects, then parse again from scratch.
  let repaired = source;
  const lead = /^[^<]+(?=<)/.exec(repaired);
  if (lead && lead[0].trim() !== '') {
    repaired = repaired.slice(lead[0].length);
    recovered.push(`removed ${JSON.stringify(lead[0].trim().slice(0, 20))} before the XML declaration (a known remark42/Disqus fixture defect)`);
  }
  let unquoted = 0;
  repaired = repaired.replace(/<[A-Za-z_][^<>]*>/g, (tag) =>
    tag.replace(/(\s[A-Za-z_][\w.:-]*)=([^\s"'>/][^\s>]*?)(?=\s|\/?>)/g, (_m, name: string, value: string) => {
      unquoted++;
      return `${name}="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;
    }),
  );
  if (unquoted > 0) recovered.push(`quoted ${unquoted} unquoted attribute value${unquoted === 1 ? '' : 's'}`);
  if (repaired === source) throw first.error;
  source = repaired;
  const second = attempt(source, options, recovered);
  if (second.error) throw second.error;
  return { root: second.root!, recovered };
}

interface Attempt {
  root?: XmlElement;
  error?: ExportFileError;
}

function attempt(source: string, options: ParseXmlOptions, recovered: string[]): Attempt {
  const undeclared = new Set<string>();
  const parser = new SaxesParser({
    xmlns: true,
    position: true,
    resolvePrefix: (prefix: string) => {
      const uri = WELL_KNOWN_PREFIXES[prefix];
      if (uri) undeclared.add(prefix);
      return uri;
    },
  });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let error: ExportFileError | undefined;
  const records: { el: XmlElement; ancestors: XmlElement[] }[] = [];

  parser.on('error', (e) => {
    if (error) return;
    const m = /^(?:[^:]*:)?(\d+):(\d+): (.*)$/s.exec(e.message);
    error = m
      ? new ExportFileError(options.file, Number(m[1]), Number(m[2]), `not well-formed XML: ${m[3]}`)
      : new ExportFileError(options.file, parser.line, parser.column, `not well-formed XML: ${e.message}`);
  });
  parser.on('doctype', () => {
    if (!error) {
      error = new ExportFileError(
        options.file,
        parser.line,
        parser.column,
        'the file has a DOCTYPE; export files never do, and DTDs are refused for safety (entity expansion)',
      );
    }
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) {
      if (a.prefix === 'xmlns' || a.name === 'xmlns') continue;
      if (!(a.local in attrs)) attrs[a.local] = a.value;
      attrs[`{${a.uri}}${a.local}`] = a.value;
    }
    const el: XmlElement = { ns: tag.uri, local: tag.local, attrs, children: [], text: '', line: parser.line };
    if (!root) root = el;
    stack.push(el);
  });
  const onText = (t: string) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    const el = stack.pop();
    if (!el) return;
    const parent = stack[stack.length - 1];
    if (!parent) return;
    if (options.isRecord?.(el, stack)) {
      // Hand it over after parsing succeeds, so a broken file reports nothing half-read.
      records.push({ el, ancestors: [...stack] });
    } else {
      parent.children.push(el);
    }
  });

  const CHUNK = 1 << 20;
  try {
    for (let i = 0; i < source.length && !error; i += CHUNK) parser.write(source.slice(i, i + CHUNK));
    if (!error) parser.close();
  } catch (e) {
    if (!error) error = new ExportFileError(options.file, parser.line, parser.column, `not well-formed XML: ${(e as Error).message}`);
  }
  if (!error && !root) error = new ExportFileError(options.file, undefined, undefined, 'no XML element found');
  if (error) return { error };
  if (undeclared.size > 0) {
    recovered.push(`declared the namespace prefix${undeclared.size === 1 ? '' : 'es'} ${[...undeclared].sort().join(', ')} that the file uses without declaring`);
  }
  for (const r of records) options.onRecord?.(r.el, r.ancestors);
  return { root };
}

/* ---------- small helpers over the tree ---------- */

export const child = (el: XmlElement | undefined, local: string, ns?: string) =>
  el?.children.find((c) => c.local === local && (ns === undefined || c.ns === ns || (ns === 'wp' && isWpNamespace(c.ns))));

export const childrenOf = (el: XmlElement | undefined, local: string, ns?: string) =>
  el?.children.filter((c) => c.local === local && (ns === undefined || c.ns === ns || (ns === 'wp' && isWpNamespace(c.ns)))) ?? [];

/** All text inside an element, nested elements included. */
export function textOf(el: XmlElement | undefined): string {
  if (!el) return '';
  return el.children.length === 0 ? el.text : el.text + el.children.map(textOf).join('');
}

export const childText = (el: XmlElement | undefined, local: string, ns?: string) => textOf(child(el, local, ns));
