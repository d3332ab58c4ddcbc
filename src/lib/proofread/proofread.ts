import { parsePost } from './document';
import { checkFrontmatter, handleOf } from './frontmatter';
import {
  checkAddress,
  checkDescription,
  checkFrontmatterWording,
  checkImages,
  checkImports,
  checkLabels,
  checkLeftovers,
  checkLinks,
  checkProofreading,
  checkTitle,
  type PostInput,
} from './checks';
import { bodyWords, readingMinutes } from '../reading-time';
import { SEVERITIES, type Finding, type PostReport, type ProofContext } from './types';

/**
 * One post's proof sheet: every check, findings sorted by severity then line.
 * The dictionary-based checks (spelling, wording) are passed in, so the fast checks can
 * be tested and used on their own.
 */

export interface PostSource extends PostInput {
  text: string;
}

export type TextCheck = (text: string, post: PostSource) => Promise<Finding[]>;

export interface Engines {
  spelling?: TextCheck;
  wording?: TextCheck;
}

export function structuralReport(post: PostSource, ctx: ProofContext): PostReport {
  const doc = parsePost(post.text);
  const { data, findings } = checkFrontmatter(doc, ctx);
  if (doc.mdxError) {
    findings.push({
      severity: 'error',
      kind: 'mdx',
      line: doc.mdxError.line,
      column: doc.mdxError.column,
      message: `The text cannot be turned into a web page here: ${doc.mdxError.message}.`,
      fix: 'Usual causes: a "<" or "{" in ordinary text (write \\< and \\{ instead), or an HTML tag left open (write <br /> rather than <br>).',
    });
  }
  // Without readable frontmatter the other findings would only repeat "missing".
  const readable = doc.frontmatter !== undefined;
  findings.push(
    ...checkLinks(post, data, doc, ctx),
    ...checkImages(post, doc, ctx),
    ...checkImports(post, doc, ctx),
    ...checkLeftovers(doc),
  );
  if (readable) findings.push(
    ...checkTitle(data, doc),
    ...checkFrontmatterWording(data, doc),
    ...checkAddress(post, data, doc, ctx),
    ...checkDescription(data, doc),
    ...checkLabels(data, doc, ctx),
    ...checkProofreading(data, doc, ctx),
  );
  const words = bodyWords(doc.body);
  return {
    file: post.file,
    postId: post.postId,
    title: data.title,
    authorHandle: data.author ? handleOf(ctx, data.author) : undefined,
    draft: data.draft,
    published: data.published,
    proofreadBy: data.proofreadBy.map((p) => handleOf(ctx, p)),
    words,
    readingMinutes: readingMinutes(words),
    findings: sortFindings(findings),
  };
}

export async function proofreadPost(post: PostSource, ctx: ProofContext, engines: Engines = {}): Promise<PostReport> {
  const report = structuralReport(post, ctx);
  const extra = await Promise.all([engines.spelling?.(post.text, post) ?? [], engines.wording?.(post.text, post) ?? []]);
  // A misspelt label is already reported as a near-duplicate label: say it once.
  const labelWords = new Set(report.findings.filter((f) => f.kind === 'labels').map((f) => `${f.line}:${/"([^"]+)"/.exec(f.message)?.[1]}`));
  const added = extra.flat().filter((f) => !(f.kind === 'spelling' && labelWords.has(`${f.line}:${/"([^"]+)"/.exec(f.message)?.[1]}`)));
  return { ...report, findings: sortFindings([...report.findings, ...added]) };
}

export function sortFindings(findings: Finding[]): Finding[] {
  const rank = (f: Finding) => SEVERITIES.indexOf(f.severity);
  return [...findings].sort((a, b) => rank(a) - rank(b) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

export const hasErrors = (reports: readonly PostReport[]) => reports.some((r) => r.findings.some((f) => f.severity === 'error'));
