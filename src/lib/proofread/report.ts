import { formatDateHeader, formatTime } from '../dates';
import { POST_ID } from '../urls';
import type { Finding, PostReport, Severity } from './types';

/**
 * The proof sheet as text (terminal) or GitHub Markdown (pull-request comment). Same
 * content, same order: a header with the facts, then errors, warnings and hints.
 */

export const PROOF_SHEET_MARKER = '<!-- shrinkrap-proof-sheet -->';

export interface RenderOptions {
  now: Date;
  timeZone: string;
}

const HEADINGS: Record<Severity, string> = {
  error: 'Errors — must fix',
  warning: 'Warnings — should fix',
  hint: 'Hints — consider',
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function counts(report: PostReport): Record<Severity, number> {
  const c = { error: 0, warning: 0, hint: 0 };
  for (const f of report.findings) c[f.severity]++;
  return c;
}

function status(report: PostReport, o: RenderOptions): string {
  if (report.draft) return 'Draft: not on the site until you set draft: false';
  if (report.published && report.published > o.now) {
    return `Scheduled: appears at the first build after ${formatDateHeader(report.published, o.timeZone)} at ${formatTime(report.published, o.timeZone)} (New York time)`;
  }
  if (report.published) return 'Published (draft: false, date in the past)';
  return 'Status unknown (the date could not be read)';
}

function facts(report: PostReport, o: RenderOptions): string[] {
  return [
    `Address: ${report.postId && POST_ID.test(report.postId) ? `/${report.postId}.html` : 'none yet (see the errors below)'}`,
    `Author: ${report.authorHandle ?? 'not given'}`,
    `Status: ${status(report, o)}`,
    report.words ? `Length: ${plural(report.words, 'word')}, about ${plural(report.readingMinutes, 'minute')} to read` : 'Length: nothing written yet',
    `Proofread by: ${report.proofreadBy.length ? report.proofreadBy.join(', ') : 'nobody yet'}`,
  ];
}

function summary(c: Record<Severity, number>): string {
  if (c.error + c.warning + c.hint === 0) return 'Nothing to fix.';
  return `${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${plural(c.hint, 'hint')}.`;
}

const where = (f: Finding) => (f.line ? `Line ${f.line}` : 'Whole post');

/* ---------------- text ---------------- */

export function renderText(reports: readonly PostReport[], o: RenderOptions): string {
  if (!reports.length) return 'No posts to proofread: nothing under content/posts has changed. Name files to check them anyway.\n';
  const out: string[] = [];
  for (const r of reports) {
    const c = counts(r);
    const title = r.title || '(no title)';
    out.push(`━━━ ${title} ━━━`, r.file, ...facts(r, o).map((l) => `  ${l}`), `  Result: ${summary(c)}`, '');
    for (const sev of ['error', 'warning', 'hint'] as const) {
      const list = r.findings.filter((f) => f.severity === sev);
      if (!list.length) continue;
      out.push(`${HEADINGS[sev]} (${list.length})`);
      for (const f of list) {
        out.push(`  • ${where(f)}: ${f.message}`);
        if (f.fix) out.push(`      → ${f.fix}`);
      }
      out.push('');
    }
  }
  if (reports.length > 1) {
    const total = reports.reduce((t, r) => t + counts(r).error, 0);
    out.push(`${plural(reports.length, 'post')} checked; ${total ? `${plural(total, 'error')} to fix before merging.` : 'no errors.'}`);
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/* ---------------- Markdown (GitHub) ---------------- */

/** Text from a post goes into the comment as text: no HTML, no links, no @mentions. */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/[\\`*_[\]<>|~#]/g, (ch) => `\\${ch}`)
    .replace(/&/g, '&amp;')
    .replace(/@(?=\w)/g, '@\u200b');
}

export function renderMarkdown(reports: readonly PostReport[], o: RenderOptions): string {
  const out: string[] = [PROOF_SHEET_MARKER, '## Proof sheet', ''];
  if (!reports.length) {
    out.push('No posts under `content/posts` changed in this pull request, so there is nothing to proofread.');
    return `${out.join('\n')}\n`;
  }
  const totals = reports.map(counts);
  const errors = totals.reduce((t, c) => t + c.error, 0);
  out.push(
    errors
      ? `**${plural(errors, 'error')} to fix before merging.** Warnings and hints are advice.`
      : 'No errors. Warnings and hints below are advice.',
    '',
  );
  if (reports.length > 1) {
    out.push('| Post | Errors | Warnings | Hints |', '|---|---:|---:|---:|');
    reports.forEach((r, i) => {
      const c = totals[i]!;
      out.push(`| ${escapeMarkdown(r.title || r.file)} | ${c.error} | ${c.warning} | ${c.hint} |`);
    });
    out.push('');
  }
  reports.forEach((r, i) => {
    const c = totals[i]!;
    const icon = c.error ? '❌' : c.warning ? '⚠️' : '✅';
    out.push(`### ${icon} ${escapeMarkdown(r.title || '(no title)')}`, '', `\`${r.file.replace(/`/g, '')}\``, '');
    for (const line of facts(r, o)) out.push(`- ${escapeMarkdown(line)}`);
    out.push(`- **Result:** ${summary(c)}`, '');
    for (const sev of ['error', 'warning'] as const) {
      const list = r.findings.filter((f) => f.severity === sev);
      if (!list.length) continue;
      out.push(`#### ${HEADINGS[sev]} (${list.length})`, '');
      for (const f of list) out.push(markdownItem(f));
      out.push('');
    }
    const hints = r.findings.filter((f) => f.severity === 'hint');
    if (hints.length) {
      out.push('<details>', `<summary>${HEADINGS.hint} (${hints.length})</summary>`, '');
      for (const f of hints) out.push(markdownItem(f));
      out.push('', '</details>', '');
    }
  });
  out.push('<sub>Made by `npm run proofread`. Run it on your computer to see the same sheet; see docs/WRITING.md.</sub>');
  return `${out.join('\n')}\n`;
}

const markdownItem = (f: Finding) =>
  `- **${where(f)}:** ${escapeMarkdown(f.message)}${f.fix ? `<br>→ ${escapeMarkdown(f.fix)}` : ''}`;
