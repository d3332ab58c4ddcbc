import type { Finding, PostReport } from './types';

/**
 * The proof sheet for an author who wrote in the browser editor (/admin/): the same
 * findings, but the "what to do" speaks of the editor's fields ("pick it from the Labels
 * list") instead of the file's top block or terminal commands, and a finding about a
 * field names the field instead of a line number the editor does not show. Used for pull
 * requests from the editor's `cms/…` branches (`npm run proofread -- --for editor`).
 */

export type Audience = 'terminal' | 'editor';

/** Front-matter keys and the editor's names for them (src/lib/editor/config.ts). */
export const EDITOR_FIELD_NAMES: Readonly<Record<string, string>> = {
  title: 'Title',
  published: 'Date and time',
  updated: 'Updated',
  author: 'Author',
  labels: 'Labels',
  description: 'Description',
  proofreadBy: 'Proofread by',
  series: 'Series',
};

type Rewrite = (f: Finding) => string | undefined;

const field = (key: string) => `"${EDITOR_FIELD_NAMES[key] ?? key}"`;

/** Per check (its rule): what an editor author is told to do instead, or undefined to keep the advice. */
const EDITOR_FIXES: Readonly<Record<string, Rewrite>> = {
  labels: (f) => {
    if (f.severity === 'hint' && /no labels/.test(f.message)) return `Pick one to three from the ${field('labels')} list.`;
    if (f.severity === 'hint') return `Fine for a new topic. If an existing label means the same, pick it from the ${field('labels')} list instead.`;
    return f.subject ? `Pick the existing label from the ${field('labels')} list and take "${f.subject}" out of "New labels".` : undefined;
  },
  description: (f) => (f.severity === 'warning' ? `Fill in ${field('description')}: one or two sentences that say what the post is about.` : undefined),
  proofreading: () => `When a co-author has read it, they choose their name under ${field('proofreadBy')} and save. The page will then say "Proofread by …".`,
  authors: (f) => (/proofread/i.test(f.message) ? `Change ${field('proofreadBy')}.` : `Choose the author under ${field('author')}.`),
  address: (f) =>
    f.fix && /rename|move it|npm run new/i.test(f.fix)
      ? 'The address is made from the title when the post is first saved. To change it while the post is a draft, ask whoever runs the repository; never after it is published.'
      : undefined,
  frontmatter: (f) => {
    const key = Object.keys(EDITOR_FIELD_NAMES).find((k) => f.message.includes(`"${k}"`) || f.message.startsWith(`${k} `) || f.message.includes(`${k}:`));
    if (key === 'published' && /9 AM/.test(f.fix ?? '')) return `Give ${field('published')} a time, e.g. 2026-11-30 09:00 (New York time), unless the time is really unknown.`;
    return key ? `Correct ${field(key)} in the editor.` : undefined;
  },
  images: (f) => (f.severity === 'error' && /alt text/.test(f.message) ? 'Click the picture and describe what it shows under "Alt text".' : undefined),
};

/** Kinds of finding about a field of the form rather than a line of the text. */
const FIELD_KINDS: ReadonlySet<Finding['kind']> = new Set(['frontmatter', 'title', 'description', 'labels', 'author', 'address', 'status']);

/** One finding as an editor author reads it. */
export function forEditor(f: Finding): Finding {
  const out: Finding = { ...f };
  const fix = EDITOR_FIXES[f.rule]?.(f);
  if (fix) out.fix = fix;
  // The editor shows fields, not the file's line numbers.
  if (FIELD_KINDS.has(f.kind)) delete out.line;
  return out;
}

/** A report for its audience: unchanged for the terminal, reworded for the editor. */
export function forAudience(reports: readonly PostReport[], audience: Audience): PostReport[] {
  if (audience === 'terminal') return [...reports];
  return reports.map((r) => ({ ...r, findings: r.findings.map(forEditor) }));
}
