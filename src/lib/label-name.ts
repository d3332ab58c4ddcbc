/**
 * What makes a string a usable label, as plain functions: `labelName` in schemas.ts
 * applies these rules for the build, and the browser editor checks new labels with them
 * without bundling zod.
 */

export const LABEL_MAX_LENGTH = 100;
/** Characters that would break a label's address (/search/label/…). */
export const LABEL_FORBIDDEN_CHARACTERS = /[/\\?#%<>,]/;

export const LABEL_MESSAGES = {
  empty: 'labels cannot be empty',
  tooLong: `labels are at most ${LABEL_MAX_LENGTH} characters`,
  forbidden: 'labels cannot contain / \\ ? # % < > or , (they would break the label address)',
} as const;

/** Why `label` cannot be a label, or undefined when it can (after trimming, as the schema does). */
export function labelNameProblem(label: string): string | undefined {
  const l = label.trim();
  if (!l) return LABEL_MESSAGES.empty;
  if (l.length > LABEL_MAX_LENGTH) return LABEL_MESSAGES.tooLong;
  if (LABEL_FORBIDDEN_CHARACTERS.test(l)) return LABEL_MESSAGES.forbidden;
  return undefined;
}
