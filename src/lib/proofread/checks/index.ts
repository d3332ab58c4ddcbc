import type { Finding, Issue } from '../types';
import { addressCheck } from './address';
import { authorsCheck } from './authors';
import { componentsCheck } from './components';
import { descriptionCheck } from './description';
import { frontmatterCheck } from './frontmatter';
import { frontmatterWordingCheck } from './frontmatter-wording';
import { imagesCheck } from './images';
import { importsCheck } from './imports';
import { labelsCheck } from './labels';
import { leftoversCheck } from './leftovers';
import { linksCheck } from './links';
import { mdxSyntaxCheck } from './mdx-syntax';
import { proofreadingCheck } from './proofreading';
import { titleCheck } from './title';
import type { Check, CheckInput } from './types';

/**
 * The registry of checks that need no dictionary, in the order the proof sheet lists
 * findings of equal severity and line. Spelling and wording (dictionary.ts) are added
 * by the runner when their engines are available.
 */
export const STRUCTURAL_CHECKS: readonly Check[] = [
  frontmatterCheck,
  authorsCheck,
  mdxSyntaxCheck,
  linksCheck,
  imagesCheck,
  importsCheck,
  componentsCheck,
  leftoversCheck,
  titleCheck,
  frontmatterWordingCheck,
  addressCheck,
  descriptionCheck,
  labelsCheck,
  proofreadingCheck,
];

/** At most this many findings per check; the rest are counted ("… and 118,000 more"). */
export const MAX_FINDINGS_PER_CHECK = 50;

/** One check on one post: its findings named with the rule and the file, capped. */
export async function runCheck(check: Check, input: CheckInput): Promise<Finding[]> {
  if (check.needsFrontMatter && input.doc.frontmatter === undefined) return [];
  const issues = await check.run(input);
  return capFindings(issues.map((issue) => ({ rule: check.rule, file: input.file, ...issue })));
}

/** The same, for checks known to be synchronous (the structural ones). */
export function runCheckSync(check: Check, input: CheckInput): Finding[] {
  if (check.needsFrontMatter && input.doc.frontmatter === undefined) return [];
  const issues = check.run(input);
  if (issues instanceof Promise) throw new Error(`The check "${check.rule}" is asynchronous: run it with runCheck.`);
  return capFindings(issues.map((issue) => ({ rule: check.rule, file: input.file, ...issue })));
}

/** The first findings of one check, in file order, then one line counting the rest. */
export function capFindings(findings: Finding[], max = MAX_FINDINGS_PER_CHECK): Finding[] {
  if (findings.length <= max) return findings;
  const kept = [...findings].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)).slice(0, max);
  const first = kept[0]!;
  const rest = findings.length - max;
  const worst = findings.some((f) => f.severity === 'error') ? 'error' : findings.some((f) => f.severity === 'warning') ? 'warning' : 'hint';
  const more: Finding = {
    rule: first.rule,
    file: first.file,
    kind: first.kind,
    severity: worst,
    message: `… and ${rest.toLocaleString('en-US')} more (${first.rule}).`,
    fix: `Only the first ${max} are listed; fix those and run the proof sheet again.`,
  };
  return [...kept, more];
}

export type { Check, CheckInput, PostInput } from './types';
export type { Issue };
export { similarLabel } from './labels';
export { postIdFromFile } from './post-id';
