import writeGood from 'write-good';
import type { Node, Parent } from 'unist';
import { findHouseStyleIssues } from './house-style';
import { findPersonFirstIssues, PERSON_FIRST_RULE } from './person-first';
import { findSlurs, SLURS_RULE, slurMessage } from './slurs';
import { maskMdxCode, parsePost, type ParsedPost } from './document';
import type { Issue } from './types';

/**
 * Wording: write-good (wordiness, passive voice, clichés) and the blog's own lists (the
 * person-first list in person-first.ts, the slur list in slurs.ts, the house style in
 * house-style.ts), run on each run of prose text in the post's Markdown tree. Quotations are
 * left alone (quoting a newspaper is not endorsing it), and so are code, HTML and MDX code.
 * Messages are given in plain words with the proof sheet's severities.
 */

export interface WordingOptions {
  /** The post already parsed (the proof sheet parses each post once). */
  doc?: ParsedPost;
}

/** write-good's checks the blog uses: not adverbs ("really" is the blog's voice) nor E-Prime. */
const WRITE_GOOD_CHECKS = { passive: true, illusion: true, so: true, thereIs: true, weasel: true, tooWordy: true, cliches: true, adverb: false, eprime: false };

interface Found {
  rule: string;
  message: string;
  index: number;
}

/** What each list finds in one run of text, as "rule, message, offset". */
function findingsIn(source: string, inParagraph: boolean): Found[] {
  const found: Found[] = [
    ...findPersonFirstIssues(source).map((i) => ({ rule: PERSON_FIRST_RULE, index: i.index, message: `"${i.found}" can stigmatise. ${i.why}\nInstead: ${i.say}.` })),
    ...findSlurs(source).map((i) => ({ rule: SLURS_RULE, index: i.index, message: slurMessage(i) })),
    ...findHouseStyleIssues(source).map((i) => ({ rule: 'house-style', index: i.index, message: `${i.found}\n${i.write}` })),
  ];
  // Style hints on sentences only: a heading, a link's words or a table cell are not prose to tighten.
  if (inParagraph) for (const s of writeGood(source, WRITE_GOOD_CHECKS)) found.push({ rule: 'write-good', index: s.index, message: s.reason });
  return found;
}

/** Each text node outside quotations, with the source it was written as and whether its parent is a paragraph. */
function proseRuns(node: Node, visitor: (text: Node, inParagraph: boolean) => void, parent?: Parent) {
  if (node.type === 'blockquote') return;
  if (node.type === 'text') return visitor(node, parent?.type === 'paragraph');
  for (const child of (node as Parent).children ?? []) proseRuns(child, visitor, node as Parent);
}

export async function checkWording(text: string, absolutePath: string, options: WordingOptions = {}): Promise<Issue[]> {
  // MDX code (imports, {expressions}) is blanked out, keeping lines and columns, and the rest read as Markdown.
  const prose = absolutePath.endsWith('.mdx') ? maskMdxCode(options.doc ?? parsePost(text, 'mdx')) : text;
  const doc = parsePost(prose, 'md');
  const findings: Array<Issue & { rule: string }> = [];
  proseRuns(doc.tree, (node, inParagraph) => {
    const start = node.position!.start;
    const source = doc.body.slice(start.offset, node.position!.end.offset);
    for (const f of findingsIn(source, inParagraph)) {
      const before = source.slice(0, f.index);
      const newlines = before.split('\n').length - 1;
      const line = start.line + newlines;
      const column = newlines ? f.index - before.lastIndexOf('\n') - 1 : start.column - 1 + f.index;
      const plain = plainWording(f.rule, f.message);
      if (plain) findings.push({ ...plain, line, column, rule: f.rule });
    }
  });
  // At one place, the blog's own person-first rule speaks before the slur list.
  findings.sort((a, b) => a.line! - b.line! || a.column! - b.column! || Number(b.rule === PERSON_FIRST_RULE) - Number(a.rule === PERSON_FIRST_RULE));
  return dropOverlaps(findings.map(({ rule: _rule, ...issue }) => issue));
}

/** A rule's message → a finding in plain words (undefined to drop it). */
export function plainWording(ruleId: string, message: string): Omit<Issue, 'line' | 'column'> | undefined {
  if (ruleId === PERSON_FIRST_RULE) {
    const [what, fix] = message.split('\n');
    return { severity: 'warning', kind: 'wording', message: what!, fix };
  }
  if (ruleId === SLURS_RULE) {
    const [what, fix] = message.split('\n');
    return { severity: 'warning', kind: 'wording', message: what!, fix };
  }
  if (ruleId === 'house-style') {
    const [found, write] = message.split('\n');
    return { severity: 'hint', kind: 'style', message: `House style: "${write}", not "${found}".`, fix: `Write "${write}".` };
  }
  if (ruleId === 'write-good') return plainWriteGood(message);
  return { severity: 'hint', kind: 'style', message };
}

function plainWriteGood(message: string): Omit<Issue, 'line' | 'column'> {
  const quoted = /^"([^"]+)"/.exec(message)?.[1] ?? '';
  if (/is repeated/.test(message)) {
    return { severity: 'warning', kind: 'style', message: `"${quoted}" is written twice in a row.`, fix: 'Delete one.' };
  }
  if (/passive voice/.test(message)) {
    return {
      severity: 'hint',
      kind: 'style',
      message: `"${quoted}" is passive.`,
      fix: 'Saying who did it is often clearer ("the resident saw him" rather than "he was seen").',
    };
  }
  if (/weasel word|weaken meaning/.test(message)) {
    return { severity: 'hint', kind: 'style', message: `"${quoted}" may weaken the sentence.`, fix: 'Try the sentence without it.' };
  }
  if (/wordy|unneeded|unnecessary verbiage/.test(message)) {
    return { severity: 'hint', kind: 'style', message: `"${quoted}" is wordy.`, fix: 'Try a shorter way to say it.' };
  }
  if (/cliche/.test(message)) {
    return { severity: 'hint', kind: 'style', message: `"${quoted}" is a cliché.`, fix: 'Say it in your own words.' };
  }
  if (/adds no meaning/.test(message)) {
    return { severity: 'hint', kind: 'style', message: `"${quoted}" at the start of a sentence adds nothing.`, fix: 'Start with the next word.' };
  }
  return { severity: 'hint', kind: 'style', message };
}

/** Two rules on the same words: keep the first (person-first runs before the slur list). */
function dropOverlaps(findings: Issue[]): Issue[] {
  const seen = new Set<string>();
  const stigma = findings.filter((f) => f.kind === 'wording');
  return findings.filter((f) => {
    if (f.kind === 'wording') {
      const key = `${f.line}:${f.column}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }
    // A style hint on words already flagged as stigmatising adds nothing.
    return !stigma.some((s) => s.line === f.line && s.column === f.column);
  });
}
