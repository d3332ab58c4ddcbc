import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { AuthorResolver, parseAuthorMap, readSiteAuthors, type AuthorMap } from './authors';
import { parseExportText } from './detect';
import { readExistingContent } from './existing';
import type { ParsedExport } from './parsed';
import { planImport, type ImportPlan } from './plan';
import { formatReport, type MigrationReport } from './report';
import { exportFilesOf, readTextStrict } from './read';
import { plannedPosts, suggestSeries } from './series';
import { applyWrites, decideWrites, readState, recordWrites, recoverInterrupted, type WriteDecision } from './writer';

/**
 * One import run: read and parse every file, plan everything, then write
 * everything or nothing. Used by scripts/import.ts and by the tests.
 */

export interface ImportOptions {
  files: string[];
  /** The content folder to write into (default ./content). */
  contentDir: string;
  /** import/author-map.yaml, or an already-parsed map. */
  authorMap?: string | AuthorMap;
  dryRun?: boolean;
  force?: boolean;
  hosts?: string[];
  commentsOnly?: boolean;
  /** 'auto' (default): `.md` unless a body needs components; 'mdx': every post and page as `.mdx`. */
  bodyFormat?: 'auto' | 'mdx';
  /** Where the import state lives (default: <content>/../import/state.json). */
  statePath?: string;
  /** Where the JSON report goes (default: <content>/../import/reports), dry runs included. Set false to skip. */
  reportDir?: string | false;
  /** Progress lines for big imports (the CLI prints them on stderr). */
  onProgress?: (line: string) => void;
}

export interface ImportResult {
  report: MigrationReport;
  plan: ImportPlan;
  decision: WriteDecision;
  reportPath?: string;
  text: string;
}

export const DEFAULT_AUTHOR_MAP = 'import/author-map.yaml';

export function projectDirOf(contentDir: string) {
  return dirname(resolve(contentDir));
}

export function runImport(options: ImportOptions): ImportResult {
  if (options.files.length === 0) throw new Error('No export file given. Usage: npm run import -- <export file> [more files] [--dry-run]');
  const progress = options.onProgress ?? (() => {});
  const contentDir = resolve(options.contentDir);
  const project = projectDirOf(contentDir);
  const statePath = options.statePath ?? join(project, 'import', 'state.json');
  // An import killed while writing is finished (or cleaned up) before anything else.
  const recovered = recoverInterrupted(contentDir, options.dryRun);
  const reportPath = options.reportDir === false ? undefined : reportPathFor(options, options.reportDir ?? join(project, 'import', 'reports'));
  if (reportPath) progress(`The full report will be saved as ${reportPath}`);

  const map: AuthorMap =
    typeof options.authorMap === 'object'
      ? options.authorMap
      : loadAuthorMapFile(options.authorMap ?? join(project, DEFAULT_AUTHOR_MAP));
  const authors = new AuthorResolver(map, readSiteAuthors(contentDir));

  const parsed: ParsedExport[] = exportFilesOf(options.files).map((f) => {
    progress(`Reading ${f}`);
    return parseExportText(f, readTextStrict(f));
  });
  const existing = readExistingContent(contentDir);
  const entries = parsed.reduce((n, p) => n + p.entries.length, 0);
  progress(`Planning ${entries} posts and pages, ${parsed.reduce((n, p) => n + p.comments.length, 0)} comments`);
  const step = Math.max(100, Math.ceil(entries / 20));
  const onDocument = (done: number, total: number) => {
    if (done % step === 0 || (done === total && total >= step)) progress(`  converted ${done} of ${total}`);
  };
  const plan = planImport(parsed, existing, authors, { hosts: options.hosts, commentsOnly: options.commentsOnly, bodyFormat: options.bodyFormat, onDocument });
  plan.report.warnings.unshift(...recovered);
  plan.report.seriesSuggestions = suggestSeries(plannedPosts(plan.files));
  const state = readState(statePath);
  const decision = decideWrites(plan.files, contentDir, state, options.force === true);
  recordWrites(plan.report, decision);
  if (!options.dryRun) {
    progress(`Writing ${decision.write.length} files into ${contentDir}`);
    applyWrites(contentDir, statePath, decision, state);
  }
  if (reportPath) writeReport(reportPath, plan.report);
  return { report: plan.report, plan, decision, reportPath, text: formatReport(plan.report, { dryRun: options.dryRun }) };
}

/** import/reports/<first file>[+N][.dry-run].report.json (git-ignored: it may name commenters). */
function reportPathFor(options: ImportOptions, dir: string): string {
  const name = basename(options.files[0]!) + (options.files.length > 1 ? `+${options.files.length - 1}` : '') + (options.dryRun ? '.dry-run' : '');
  return join(resolve(dir), `${name}.report.json`);
}

function writeReport(path: string, report: MigrationReport) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
}

function loadAuthorMapFile(path: string): AuthorMap {
  if (!existsSync(path)) {
    throw new Error(`${path}: the author map is missing. It says which old-blog authors are dinah, clinkshrink and roy (see import/author-map.yaml in the repository).`);
  }
  return parseAuthorMap(readTextStrict(path), path);
}
