import { describe, expect, it } from 'vitest';
import { PROOF_SHEET_MARKER, escapeMarkdown, renderMarkdown, renderText } from '../../../src/lib/proofread/report';
import { hasErrors } from '../../../src/lib/proofread/proofread';
import type { PostReport } from '../../../src/lib/proofread/types';

const o = { now: new Date('2026-11-27T12:00:00Z'), timeZone: 'America/New_York' };

const base: PostReport = {
  file: 'content/posts/2026/12/my-post.mdx',
  postId: '2026/12/my-post',
  title: 'My Post',
  authorHandle: 'Roy',
  draft: false,
  published: new Date('2026-12-01T14:30:00Z'),
  proofreadBy: ['Dinah'],
  words: 460,
  readingMinutes: 2,
  findings: [
    { rule: 'links', file: 'content/posts/2018/07/x.mdx', severity: 'error', kind: 'links', line: 12, message: 'The link goes nowhere.', fix: 'Fix the address.' },
    { rule: 'spelling', file: 'content/posts/2018/07/x.mdx', severity: 'warning', kind: 'spelling', line: 3, message: '"recieve" is not in the dictionary.', fix: 'Did you mean "receive"?' },
    { rule: 'wording', file: 'content/posts/2018/07/x.mdx', severity: 'hint', kind: 'style', line: 8, message: '"was seen" is passive.' },
  ],
};

describe('the text sheet', () => {
  const text = renderText([base], o);

  it('starts with the facts: address, author, status, length, proofreader', () => {
    expect(text).toContain('━━━ My Post ━━━');
    expect(text).toContain('Address: /2026/12/my-post.html');
    expect(text).toContain('Author: Roy');
    // A future date on a non-draft: scheduled, in New York time.
    expect(text).toContain('Scheduled: appears at the first build after Tuesday, December 01, 2026 at 9:30 AM');
    expect(text).toContain('460 words, about 2 minutes to read');
    expect(text).toContain('Proofread by: Dinah');
    expect(text).toContain('Result: 1 error, 1 warning, 1 hint.');
  });

  it('groups findings by severity, each with where, what and the fix', () => {
    const errors = text.indexOf('Errors — must fix (1)');
    const warnings = text.indexOf('Warnings — should fix (1)');
    const hints = text.indexOf('Hints — consider (1)');
    expect(errors).toBeGreaterThan(0);
    expect(warnings).toBeGreaterThan(errors);
    expect(hints).toBeGreaterThan(warnings);
    expect(text).toContain('  • Line 12: The link goes nowhere.\n      → Fix the address.');
  });

  it('says so when there is nothing to fix, or nothing to check', () => {
    expect(renderText([{ ...base, findings: [], draft: true }], o)).toContain('Result: Nothing to fix.');
    expect(renderText([{ ...base, draft: true }], o)).toContain('Status: Draft: not on the site until you set draft: false');
    expect(renderText([], o)).toMatch(/^No posts to proofread/);
  });
});

describe('the Markdown sheet for a pull request', () => {
  const md = renderMarkdown([base, { ...base, file: 'b.mdx', title: 'Clean', findings: [] }], o);

  it('starts with the hidden marker the workflow looks for', () => {
    expect(md.split('\n')[0]).toBe(PROOF_SHEET_MARKER);
    expect(PROOF_SHEET_MARKER).toBe('<!-- shrinkrap-proof-sheet -->');
  });

  it('summarises, then lists errors and warnings, with hints folded away', () => {
    expect(md).toContain('**1 error to fix before merging.**');
    expect(md).toContain('| My Post | 1 | 1 | 1 |');
    expect(md).toContain('### ❌ My Post');
    expect(md).toContain('### ✅ Clean');
    expect(md).toContain('#### Errors — must fix (1)');
    expect(md).toContain('- **Line 12:** The link goes nowhere.<br>→ Fix the address.');
    expect(md).toMatch(/<details>\n<summary>Hints — consider \(1\)<\/summary>\n\n- \*\*Line 8:\*\* "was seen" is passive\.\n\n<\/details>/);
  });

  it('shows text from a post as text: no HTML, no links, no mentions', () => {
    const evil = renderMarkdown([{ ...base, title: '<img src=x onerror=alert(1)> [click](javascript:x) @roy' }], o);
    expect(evil).not.toMatch(/(?<!\\)<img/);
    expect(evil).toContain('\\<img src=x onerror=alert(1)\\>');
    expect(evil).toContain('\\[click\\](javascript:x)');
    expect(evil).not.toMatch(/@roy/);
    expect(escapeMarkdown('a_b*c')).toBe('a\\_b\\*c');
  });

  it('says when no post changed', () => {
    expect(renderMarkdown([], o)).toContain('No posts under `content/posts` changed');
  });
});

describe('exit status', () => {
  it('fails only for errors, not for warnings or hints', () => {
    expect(hasErrors([base])).toBe(true);
    expect(hasErrors([{ ...base, findings: base.findings.filter((f) => f.severity !== 'error') }])).toBe(false);
    expect(hasErrors([])).toBe(false);
  });
});
