import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The Nu HTML Checker's JSON report (`vnu --format json`) in plain words: which pages have
 * which errors, and one summary line that says what was checked even when nothing was wrong.
 */

export interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  message: string;
  lastLine?: number;
}

export interface HtmlCheckSummary {
  /** "page.html:12 message", one per error, in the checker's order. */
  errors: string[];
  /** What was checked and what was found, e.g. "Nu HTML Checker: 94 HTML files in dist, no errors". */
  line: string;
}

/** Reads the checker's JSON (it writes it on stderr) for `pages` HTML files under `folder`. */
export function summarizeVnuReport(json: string, pages: number, folder: string): HtmlCheckSummary {
  const report = JSON.parse(json) as { messages?: VnuMessage[] };
  const messages = report.messages ?? [];
  const errors = messages
    .filter((m) => m.type === 'error' || m.type === 'non-document-error')
    .map((m) => `${pageOf(m.url, folder)}${m.lastLine ? `:${m.lastLine}` : ''} ${m.message}`);
  const files = new Set(messages.filter((m) => m.type === 'error').map((m) => m.url)).size;
  const what = `Nu HTML Checker: ${pages} HTML ${pages === 1 ? 'file' : 'files'} in ${folder}`;
  const found = errors.length === 0 ? 'no errors' : `${errors.length} ${errors.length === 1 ? 'error' : 'errors'} in ${files} ${files === 1 ? 'file' : 'files'}`;
  return { errors, line: `${what}, ${found}` };
}

/** The page's path inside the folder, from the checker's file: URL. */
function pageOf(url: string | undefined, folder: string): string {
  if (!url) return folder;
  const page = relative(resolve(folder), fileURLToPath(url));
  return page.startsWith('..') ? url : page;
}
