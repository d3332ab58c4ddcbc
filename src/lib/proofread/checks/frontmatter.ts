import { DATE_ONLY } from '../../schemas';
import { frontmatterSchema, plainIssue } from '../frontmatter';
import type { Issue } from '../types';
import type { Check } from './types';

/** The front matter: present, readable YAML, and valid by the build's own schema. */
export const frontmatterCheck: Check = {
  rule: 'frontmatter',
  run({ doc }) {
    if (doc.frontmatterSource === undefined) {
      return [
        {
          severity: 'error',
          kind: 'frontmatter',
          line: 1,
          message: 'The post has no frontmatter (the block between two --- lines at the top with the title, date and author).',
          fix: 'Start a new post with `npm run new -- --author <you> "Title"`, or copy the top block from another post.',
        },
      ];
    }
    if (doc.yamlError) {
      return [
        {
          severity: 'error',
          kind: 'frontmatter',
          line: doc.yamlError.line,
          message: `The top block (frontmatter) cannot be read: ${doc.yamlError.message}.`,
          fix: 'Check for a missing quote, bracket or colon on or just before this line. Text with a colon in it must be in "quotes".',
        },
      ];
    }
    const raw = doc.frontmatter ?? {};
    const parsed = frontmatterSchema.safeParse(raw);
    const dateOnly = dateOnlyWarning(raw.published, doc.keyLines.get('published'));
    if (parsed.success) return dateOnly;
    const errors = parsed.error.issues.map((issue): Issue => {
      const field = issue.code === 'unrecognized_keys' && issue.path.length === 0 ? issue.keys[0] : issue.path[0];
      return { severity: 'error', kind: 'frontmatter', line: typeof field === 'string' ? doc.keyLines.get(field) : undefined, ...plainIssue(issue, raw) };
    });
    return [...errors, ...dateOnly];
  },
};

/** Valid (a post restored from its date alone), but a new post should say when it went up. */
function dateOnlyWarning(published: unknown, line: number | undefined): Issue[] {
  if (typeof published !== 'string' || !DATE_ONLY.test(published)) return [];
  return [
    {
      severity: 'warning',
      kind: 'frontmatter',
      line,
      message: `"published" has a date but no time of day (it is "${published}"), so the post will say "Posted by …" without "at …".`,
      fix: `Keep it only for a post whose time is unknown; otherwise write published: "${published}T09:00:00-04:00" (9 AM New York time), or another time.`,
    },
  ];
}
