import { pathToFileURL } from 'node:url';
import { spellCheckDocument } from 'cspell-lib';
import { lineIndex, maskMdxCode, parsePost, type ParsedPost } from './document';
import type { Issue } from './types';

/**
 * Spelling through cspell's library API with the project's cspell.config.yaml (medical
 * dictionary + dictionaries/psychiatry.txt), so the proof sheet and `npx cspell` agree.
 * One finding per misspelt word, with every line it is on.
 */

export interface SpellingOptions {
  /** Absolute path of cspell.config.yaml. */
  configFile: string;
  /** The post already parsed (the proof sheet parses each post once). */
  doc?: ParsedPost;
}

export async function checkSpelling(source: string, absolutePath: string, options: SpellingOptions): Promise<Issue[]> {
  // Notes to self in {/* … */} and code are not published: only prose and attribute text are.
  const text = absolutePath.endsWith('.mdx') ? maskMdxCode(options.doc ?? parsePost(source, 'mdx')) : source;
  const result = await spellCheckDocument(
    { uri: pathToFileURL(absolutePath).href, text, languageId: absolutePath.endsWith('.md') ? 'markdown' : 'mdx' },
    { configFile: options.configFile, noConfigSearch: true, generateSuggestions: true, numSuggestions: 3, forceCheck: true },
    {},
  );
  const problems = [...(result.errors ?? []), ...(result.configErrors ?? []).map((e) => e.error)];
  if (problems.length) {
    throw new Error(`The spelling checker could not start (${options.configFile}): ${problems.map((e) => e.message).join('; ')}`);
  }
  const lineAt = lineIndex(text);
  const byWord = new Map<string, { word: string; lines: number[]; column: number; suggestions: string[] }>();
  for (const issue of result.issues) {
    const key = issue.text.toLowerCase();
    const line = lineAt(issue.offset);
    const entry = byWord.get(key);
    if (entry) {
      if (entry.lines.at(-1) !== line) entry.lines.push(line); // issues come in file order
      continue;
    }
    const preferred = (issue.suggestionsEx ?? []).filter((s) => s.isPreferred).map((s) => s.wordAdjustedToMatchCase ?? s.word);
    const others = (issue.suggestionsEx ?? []).map((s) => s.wordAdjustedToMatchCase ?? s.word);
    const suggestions = [...new Set([...preferred, ...others, ...(issue.suggestions ?? [])])].slice(0, 3);
    byWord.set(key, { word: issue.text, lines: [line], column: issue.offset - text.lastIndexOf('\n', issue.offset - 1), suggestions });
  }
  return [...byWord.values()].map(({ word, lines, column, suggestions }) => ({
    severity: 'warning',
    kind: 'spelling',
    subject: word,
    line: lines[0],
    column,
    message: `"${word}" is not in the dictionary${lines.length > 1 ? ` (also on line${lines.length > 2 ? 's' : ''} ${alsoOn(lines.slice(1))})` : ''}.`,
    fix: suggestions.length
      ? `Did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}? If "${word}" is right (a name, a drug), add it to dictionaries/psychiatry.txt.`
      : `If "${word}" is right (a name, a drug), add it to dictionaries/psychiatry.txt.`,
  }));
}

/** "4, 9, 12" — or the first ten and how many more, for a word repeated all through a long post. */
function alsoOn(lines: number[]): string {
  const shown = lines.slice(0, 10).join(', ');
  return lines.length > 10 ? `${shown} and ${(lines.length - 10).toLocaleString('en-US')} more` : shown;
}
