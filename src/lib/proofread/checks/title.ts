import type { Issue } from '../types';
import type { Check } from './types';

/** The title: a placeholder left in, too long, shouting, extra spaces. */

const PLACEHOLDER_TITLES = /^(untitled|new post|title|title of the post|draft|todo|tbd)$/i;
const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'vs', 'with']);

function titleCase(title: string): string {
  return title
    .toLowerCase()
    .split(/(\s+)/)
    .map((w, i) => (i > 0 && SMALL_WORDS.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join('');
}

export const titleCheck: Check = {
  rule: 'title',
  needsFrontMatter: true,
  run({ data, doc }) {
    const title = data.title;
    const line = doc.keyLines.get('title');
    if (!title) return []; // missing or empty: the front-matter check reports it
    const issues: Issue[] = [];
    const add = (severity: Issue['severity'], message: string, fix: string) => issues.push({ severity, kind: 'title', line, message, fix });
    if (PLACEHOLDER_TITLES.test(title)) add('warning', `The title is still a placeholder ("${title}").`, 'Write the real title.');
    if (title.length > 100) {
      add(
        'warning',
        `The title is long (${title.length} characters); it will wrap over several lines and be cut short in search results.`,
        'Aim for under 70 characters; move the detail into the first paragraph.',
      );
    }
    const letters = title.replace(/[^\p{L}]/gu, '');
    if (letters.length >= 6 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) {
      add('warning', 'The title is in capital letters, which reads as shouting.', `Use Title Case, e.g. "${titleCase(title)}".`);
    }
    if (title !== title.trim() || /\s{2,}/.test(title)) add('hint', 'The title has extra spaces.', 'Remove them.');
    return issues;
  },
};
