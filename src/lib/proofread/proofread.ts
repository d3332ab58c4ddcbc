import { parsePost } from './document';
import { handleOf, readPostData } from './frontmatter';
import { STRUCTURAL_CHECKS, runCheck, runCheckSync, type PostInput } from './checks';
import { dictionaryChecks, type Engines } from './checks/dictionary';
import type { CheckInput } from './checks/types';
import { readingMinutes } from '../reading-time';
import { bodyWords, formatOf } from '../model/body';
import { SEVERITIES, type Finding, type PostReport, type ProofContext } from './types';

/**
 * One post's proof sheet: every check in the registry (checks/index.ts), findings sorted
 * by severity then line. The dictionary-based checks (spelling, wording) are passed in,
 * so the fast checks can be tested and used on their own.
 */

export interface PostSource extends PostInput {
  text: string;
}

export type { Engines, TextCheck } from './checks/dictionary';

function checkInput(post: PostSource, ctx: ProofContext): CheckInput {
  const doc = parsePost(post.text, formatOf(post.file));
  return { file: post.file, postId: post.postId, text: post.text, doc, data: readPostData(doc), ctx };
}

function reportOf(input: CheckInput, findings: Finding[]): PostReport {
  const { data, doc, ctx } = input;
  const words = bodyWords(doc.body, formatOf(input.file));
  return {
    file: input.file,
    postId: input.postId,
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

export function structuralReport(post: PostSource, ctx: ProofContext): PostReport {
  const input = checkInput(post, ctx);
  return reportOf(input, STRUCTURAL_CHECKS.flatMap((check) => runCheckSync(check, input)));
}

export async function proofreadPost(post: PostSource, ctx: ProofContext, engines: Engines = {}): Promise<PostReport> {
  const input = checkInput(post, ctx);
  const structural = STRUCTURAL_CHECKS.flatMap((check) => runCheckSync(check, input));
  const dictionary = (await Promise.all(dictionaryChecks(engines).map((check) => runCheck(check, input)))).flat();
  // A misspelt label is already reported as a near-duplicate label: say it once.
  const labelWords = new Set(structural.filter((f) => f.rule === 'labels' && f.subject).map((f) => `${f.line}:${f.subject}`));
  const added = dictionary.filter((f) => !(f.rule === 'spelling' && labelWords.has(`${f.line}:${f.subject}`)));
  return reportOf(input, [...structural, ...added]);
}

/** A file that cannot be read as UTF-8: one error, and no other check. */
export function unreadableReport(post: PostInput, message: string, line?: number): PostReport {
  const finding: Finding = {
    rule: 'encoding',
    file: post.file,
    severity: 'error',
    kind: 'encoding',
    line,
    message,
    fix: 'Save the file as UTF-8 (in most editors: "Save with encoding" → UTF-8), then run the proof sheet again.',
  };
  return { file: post.file, postId: post.postId, proofreadBy: [], words: 0, readingMinutes: 0, findings: [finding] };
}

export function sortFindings(findings: Finding[]): Finding[] {
  const rank = (f: Finding) => SEVERITIES.indexOf(f.severity);
  return [...findings].sort((a, b) => rank(a) - rank(b) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

export const hasErrors = (reports: readonly PostReport[]) => reports.some((r) => r.findings.some((f) => f.severity === 'error'));
