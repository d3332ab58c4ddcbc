import type { Issue } from '../types';
import type { Check, CheckInput } from './types';

/**
 * Spelling (cspell) and wording (write-good and the blog's lists) as checks. Their engines are slow to start
 * and need the project's configuration, so they are passed in (tests use stand-ins).
 */
export type TextCheck = (text: string, post: CheckInput) => Promise<Issue[]>;

export interface Engines {
  spelling?: TextCheck;
  wording?: TextCheck;
}

export function dictionaryChecks(engines: Engines): Check[] {
  const checks: Check[] = [];
  if (engines.spelling) {
    const spelling = engines.spelling;
    checks.push({ rule: 'spelling', run: (input) => spelling(input.text, input) });
  }
  if (engines.wording) {
    const wording = engines.wording;
    checks.push({ rule: 'wording', run: (input) => wording(input.text, input) });
  }
  return checks;
}
