import { createLinter, loadTextlintrc } from 'textlint';
import { PERSON_FIRST_RULE, personFirstRule, wordListRule } from './person-first';
import { findSlurs, SLURS_RULE, slurMessage } from './slurs';
import { maskMdxCode, parsePost, type ParsedPost } from './document';
import type { Issue } from './types';

/**
 * Wording through textlint's Node API: the project's .textlintrc.json (write-good for
 * wordiness and passive voice, terminology for the blog's
 * house style) plus the blog's own lists: person-first.ts and slurs.ts. textlint's messages are
 * rewritten in plain words and given the proof sheet's severities.
 */

export interface WordingOptions {
  /** Absolute path of .textlintrc.json. */
  configFile: string;
  /** The post already parsed (the proof sheet parses each post once). */
  doc?: ParsedPost;
}

type Linter = ReturnType<typeof createLinter>;
const linters = new Map<string, Promise<Linter>>();

async function makeLinter(configFile: string): Promise<Linter> {
  const descriptor = await loadTextlintrc({ configFilePath: configFile });
  // loadTextlintrc falls back to "no rules" silently when a rule cannot be loaded.
  if (descriptor.rule.descriptors.length === 0) {
    throw new Error(`The wording checker found no rules in ${configFile}: is the file there, and are its textlint rules installed (npm install)?`);
  }
  const kernel = descriptor.toKernelOptions();
  const merged = descriptor.shallowMerge({
    rules: [
      ...(kernel.rules ?? []),
      { ruleId: PERSON_FIRST_RULE, rule: personFirstRule as never, options: true },
      { ruleId: SLURS_RULE, rule: wordListRule(findSlurs, slurMessage) as never, options: true },
    ],
  });
  return createLinter({ descriptor: merged });
}

export async function checkWording(text: string, absolutePath: string, options: WordingOptions): Promise<Issue[]> {
  let linter = linters.get(options.configFile);
  if (!linter) {
    linter = makeLinter(options.configFile);
    linters.set(options.configFile, linter);
    linter.catch(() => linters.delete(options.configFile));
  }
  // textlint picks its Markdown reader by extension (.mdx is registered in .textlintrc.json)
  // and reads MDX as Markdown, so MDX code would be checked as prose: blank it out.
  const prose = absolutePath.endsWith('.mdx') ? maskMdxCode(options.doc ?? parsePost(text, 'mdx')) : text;
  const result = await (await linter).lintText(prose, absolutePath);
  const findings: Issue[] = [];
  // At one place, the blog's own person-first rule speaks before the slur list.
  const messages = [...result.messages].sort(
    (a, b) =>
      a.loc.start.line - b.loc.start.line ||
      a.loc.start.column - b.loc.start.column ||
      Number(b.ruleId === PERSON_FIRST_RULE) - Number(a.ruleId === PERSON_FIRST_RULE),
  );
  for (const m of messages) {
    const f = plainWording(m.ruleId, m.message);
    if (f) findings.push({ ...f, line: m.loc.start.line, column: m.loc.start.column });
  }
  return dropOverlaps(findings);
}

/** textlint's message → a finding in plain words (undefined to drop it). */
export function plainWording(ruleId: string, message: string): Omit<Issue, 'line' | 'column'> | undefined {
  if (ruleId === PERSON_FIRST_RULE) {
    const [what, fix] = message.split('\n');
    return { severity: 'warning', kind: 'wording', message: what!, fix };
  }
  if (ruleId === SLURS_RULE) {
    const [what, fix] = message.split('\n');
    return { severity: 'warning', kind: 'wording', message: what!, fix };
  }
  if (ruleId === 'terminology') {
    // "Incorrect term: “Clinkshrink”, use “ClinkShrink” instead"
    const m = /Incorrect term: “(.+)”, use “(.+)” instead/.exec(message);
    return m
      ? { severity: 'hint', kind: 'style', message: `House style: "${m[2]}", not "${m[1]}".`, fix: `Write "${m[2]}".` }
      : { severity: 'hint', kind: 'style', message };
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
