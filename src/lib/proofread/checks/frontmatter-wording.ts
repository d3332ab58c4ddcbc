import { findPersonFirstIssues } from '../person-first';
import type { Issue } from '../types';
import type { Check } from './types';

/** The wording check reads the body; the title and description need the same care. */
export const frontmatterWordingCheck: Check = {
  rule: 'frontmatter-wording',
  needsFrontMatter: true,
  run({ data, doc }) {
    const issues: Issue[] = [];
    for (const field of ['title', 'description'] as const) {
      const text = data[field];
      if (!text) continue;
      for (const issue of findPersonFirstIssues(text)) {
        issues.push({
          severity: 'warning',
          kind: 'wording',
          line: doc.keyLines.get(field),
          message: `In the ${field}: "${issue.found}" can stigmatise. ${issue.why}`,
          fix: `Instead: ${issue.say}.`,
        });
      }
    }
    return issues;
  },
};
