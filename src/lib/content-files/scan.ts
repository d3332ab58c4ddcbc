import { readFileSync } from 'node:fs';
import { listContentFiles, type ContentFile } from './walk';
import { decodeUtf8, utf8Problem } from './text';

/**
 * What the build refuses before its content layer reads anything: files that are not
 * UTF-8 (they would be published with U+FFFD in place of "é") and a `slug.md` beside a
 * `slug.mdx` (one address, two files, an undefined winner).
 */

export interface ContentProblem {
  /** Content-relative files concerned. */
  files: string[];
  line?: number;
  message: string;
}

export interface ContentScan {
  problems: ContentProblem[];
  /** The text of every post and page that is UTF-8, by content-relative path (each file read once). */
  documents: Map<string, string>;
}

/** Every file read once: what the build refuses, and the posts' and pages' text for further checks. */
export function scanContent(contentDir: string): ContentScan {
  const problems: ContentProblem[] = [];
  const documents = new Map<string, string>();
  const files = listContentFiles(contentDir);
  for (const f of files) {
    const bytes = readFileSync(f.file);
    const problem = utf8Problem(bytes);
    if (problem) problems.push({ files: [f.rel], line: problem.line, message: `${f.rel}${problem.line ? `:${problem.line}` : ''}: ${problem.detail}` });
    else if (f.kind === 'post' || f.kind === 'page') documents.set(f.rel, decodeUtf8(bytes, f.rel));
  }
  problems.push(...twinProblems(files));
  return { problems, documents };
}

export const scanContentFolder = (contentDir: string): ContentProblem[] => scanContent(contentDir).problems;

/** `slug.md` and `slug.mdx` of the same post or page. */
export function twinProblems(files: readonly ContentFile[]): ContentProblem[] {
  const byId = new Map<string, ContentFile[]>();
  for (const f of files) {
    if (f.kind !== 'post' && f.kind !== 'page') continue;
    const key = `${f.kind}:${f.id}`;
    byId.set(key, [...(byId.get(key) ?? []), f]);
  }
  const problems: ContentProblem[] = [];
  for (const twins of byId.values()) {
    if (twins.length < 2) continue;
    const rels = twins.map((t) => t.rel);
    problems.push({
      files: rels,
      message: `${rels.join(' and ')} are the same ${twins[0]!.kind} (${twins[0]!.id}): one address cannot have two files. Keep one and delete the other.`,
    });
  }
  return problems;
}

/** The problems as one error message, or undefined when there are none. */
export function describeContentProblems(problems: readonly ContentProblem[], contentDir: string): string | undefined {
  if (!problems.length) return undefined;
  return [`The content folder ${contentDir} has ${problems.length} problem${problems.length === 1 ? '' : 's'} the site cannot build with:`, ...problems.map((p) => `  ${p.message}`)].join('\n');
}
