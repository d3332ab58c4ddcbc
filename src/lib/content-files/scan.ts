import { readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { LARGE_COMMENT_BYTES, largeCommentMessage, utf8Bytes } from '../limits';
import { listContentFiles, outsideLinkMessage, outsideLinks, repositoryOf, toPosix, type ContentFile } from './walk';
import { decodeUtf8, utf8Problem } from './text';

/**
 * What the build refuses before its content layer reads anything: symbolic links out of
 * the repository (checked first, from names alone), files that are not UTF-8 (they would be published with U+FFFD in place of "é") and a `slug.md` beside a
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
  // Links first, from names alone: nothing behind a link that leaves the repository is read.
  const links = linkProblems(contentDir, repositoryOf(contentDir));
  if (links.length) return { problems: links, documents: new Map() };
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

/** Symbolic links under `dir` (content/ or public/) that lead outside `repository`, or nowhere. */
export function linkProblems(dir: string, repository: string): ContentProblem[] {
  return outsideLinks(dir, repository).map((l) => {
    const name = toPosix(relative(repository, l.link));
    return { files: [name], message: outsideLinkMessage({ ...l, link: name }) };
  });
}

/**
 * What the build says but does not refuse: comments over 100 KB (src/lib/limits.ts), by
 * file and comment id. Only comment files bigger than the limit are opened.
 */
export function contentWarnings(contentDir: string): string[] {
  const warnings: string[] = [];
  for (const f of listContentFiles(contentDir, ['comments'])) {
    if (statSync(f.file).size <= LARGE_COMMENT_BYTES) continue;
    try {
      const data = JSON.parse(readFileSync(f.file, 'utf8')) as { comments?: { id?: string; bodyHtml?: string }[] };
      for (const c of data.comments ?? []) {
        const bytes = typeof c.bodyHtml === 'string' ? utf8Bytes(c.bodyHtml) : 0;
        if (bytes > LARGE_COMMENT_BYTES) warnings.push(largeCommentMessage(f.rel, String(c.id), bytes));
      }
    } catch {
      // A broken file is the schema's to report, with its line.
    }
  }
  return warnings;
}

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
