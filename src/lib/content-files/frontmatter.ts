import { Document, LineCounter, Scalar, isScalar, parseDocument } from 'yaml';

/**
 * The one front-matter parser and the one writer. A file starts with a line `---`,
 * then YAML, then a line `---`; the rest is the body. The fences are found line by
 * line and the YAML is read by the `yaml` package, so what is parsed here is what the
 * importer writes.
 */

export interface FrontMatterSplit {
  /** The YAML between the fences. */
  yaml: string;
  /** 1-based file line of the first YAML line. */
  yamlLine: number;
  /** Everything after the closing fence's line. */
  body: string;
  /** Characters before the body (the fences and the YAML). */
  bodyOffset: number;
  /** Lines before the body: add to a 1-based body line to get the file line. */
  bodyLineOffset: number;
}

const isFence = (line: string) => line.replace(/[ \t\r]+$/, '') === '---';

/** The file split at its front-matter fences, or undefined when it has none. */
export function splitFrontMatter(text: string): FrontMatterSplit | undefined {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const skipped = text.length - source.length;
  const firstEnd = source.indexOf('\n');
  if (firstEnd < 0 || !isFence(source.slice(0, firstEnd))) return undefined;
  let start = firstEnd + 1;
  let lines = 1;
  while (start <= source.length) {
    const end = source.indexOf('\n', start);
    const line = source.slice(start, end < 0 ? source.length : end);
    lines++;
    if (isFence(line)) {
      const yaml = source.slice(firstEnd + 1, Math.max(firstEnd + 1, start - 1)).replace(/\r$/, '');
      const bodyStart = end < 0 ? source.length : end + 1;
      return { yaml, yamlLine: 2, body: source.slice(bodyStart), bodyOffset: skipped + bodyStart, bodyLineOffset: end < 0 ? lines - 1 : lines };
    }
    if (end < 0) break;
    start = end + 1;
  }
  return undefined;
}

export interface ParsedFrontMatter {
  /** False when the file has no front matter at all. */
  present: boolean;
  /** The data; {} when absent or unreadable. */
  data: Record<string, unknown>;
  /** A YAML problem, with its file line. */
  error?: { line: number; message: string };
  /** 1-based file line of each top-level key. */
  keyLines: Map<string, number>;
  body: string;
  bodyOffset: number;
  bodyLineOffset: number;
}

/** Front matter read leniently: problems are returned, not thrown (the proof sheet reports them). */
export function parseFrontMatter(text: string): ParsedFrontMatter {
  const split = splitFrontMatter(text);
  const keyLines = new Map<string, number>();
  if (!split) {
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    return { present: false, data: {}, keyLines, body, bodyOffset: text.length - body.length, bodyLineOffset: 0 };
  }
  const base = { present: true, keyLines, body: split.body, bodyOffset: split.bodyOffset, bodyLineOffset: split.bodyLineOffset };
  const lineCounter = new LineCounter();
  const doc = parseDocument(split.yaml, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const fileLine = (pos: number) => split.yamlLine + lineCounter.linePos(pos).line - 1;
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    return { ...base, data: {}, error: { line: fileLine(e.pos[0]), message: e.message.split('\n')[0]! } };
  }
  const value: unknown = doc.toJS();
  const data = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const contents = doc.contents as { items?: Array<{ key?: { value?: unknown; range?: [number, number, number] } }> } | null;
  for (const item of contents?.items ?? []) {
    const key = item.key;
    if (key && typeof key.value === 'string' && key.range) keyLines.set(key.value, fileLine(key.range[0]));
  }
  return { ...base, data };
}

export interface WriteOptions {
  /** Commented-out lines to put at the end of the front matter (without the "# "). */
  trailingComment?: string;
  /** Keys whose lists are written inline, `[a, b]` (default: labels). */
  flowKeys?: readonly string[];
  /** Keys whose string values are written without quotes when YAML reads them back unchanged. */
  plainKeys?: readonly string[];
}

/**
 * The one front-matter writer: strings in double quotes (YAML 1.1 readers cannot
 * mistake them for dates or booleans), plain keys, labels inline, no line wrapping.
 */
export function writeFrontMatter(data: Record<string, unknown>, body: string, options: WriteOptions = {}): string {
  return `---\n${frontMatterYaml(data, options)}---\n\n${body}`;
}

/** Just the YAML between the fences, ending with a newline. */
export function frontMatterYaml(data: Record<string, unknown>, options: WriteOptions = {}): string {
  const doc = new Document(data);
  for (const key of options.flowKeys ?? ['labels']) {
    const node = doc.get(key, true) as { flow?: boolean } | undefined;
    if (node && typeof node === 'object') node.flow = true;
  }
  for (const key of options.plainKeys ?? []) {
    const node = doc.get(key, true);
    if (isScalar(node) && typeof node.value === 'string') node.type = Scalar.PLAIN;
  }
  if (options.trailingComment) (doc.contents as { comment?: string }).comment = ` ${options.trailingComment}`;
  return doc.toString({ defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0, flowCollectionPadding: false });
}

/**
 * Front matter edited in place: `changes` sets keys (new ones at the end) or, with
 * `undefined`, removes them. Only the text of those values changes: every other line
 * (its value, quoting, spacing and comments) stays byte for byte as written. New values
 * are written as `writeFrontMatter` writes them (strings double-quoted, flow keys
 * inline). The editor saves through this, so a title edit changes one line.
 */
export function editFrontMatterYaml(yaml: string, changes: Record<string, unknown>, options: WriteOptions = {}): string {
  const doc = parseDocument(yaml, { uniqueKeys: true });
  if (doc.errors.length) throw new Error(`The front matter cannot be read: ${doc.errors[0]!.message.split('\n')[0]}`);
  type Range = [number, number, number];
  const items = ((doc.contents as { items?: Array<{ key?: { value?: unknown; range?: Range }; value?: { range?: Range } | null }> } | null)?.items ?? []);
  const edits: Array<{ start: number; end: number; text: string }> = [];
  let appended = '';
  for (const [key, value] of Object.entries(changes)) {
    const pair = items.find((p) => p.key?.value === key);
    const keyRange = pair?.key?.range;
    if (!pair || !keyRange) {
      if (value !== undefined) appended += frontMatterYaml({ [key]: value }, options);
      continue;
    }
    const valueEnd = pair.value?.range?.[1] ?? keyRange[1];
    if (value === undefined) {
      // The whole entry, from the start of its line to the end of its last line.
      const start = yaml.lastIndexOf('\n', keyRange[0] - 1) + 1;
      const newline = yaml.indexOf('\n', Math.max(valueEnd - 1, keyRange[1]));
      edits.push({ start, end: newline < 0 ? yaml.length : newline + 1, text: '' });
      continue;
    }
    const line = frontMatterYaml({ [key]: value }, options).replace(/\n$/, '');
    edits.push({ start: keyRange[1], end: valueEnd, text: line.slice(line.indexOf(':')) });
  }
  let out = yaml;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  if (out && !out.endsWith('\n')) out += '\n';
  return out + appended;
}
