import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { AuthorResolver, parseAuthorMap, readSiteAuthors, type AuthorMap } from './authors';
import { parseExportText } from './detect';
import { readExistingContent } from './existing';
import type { ParsedExport } from './model';
import { planImport, type ImportPlan } from './plan';
import { formatReport, type MigrationReport } from './report';
import { plannedPosts, suggestSeries } from './series';
import { applyWrites, decideWrites, readState, recordWrites, type WriteDecision } from './writer';

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
  /** Where the JSON report goes (default: <content>/../import/reports). Set false to skip. */
  reportDir?: string | false;
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
  const contentDir = resolve(options.contentDir);
  const project = projectDirOf(contentDir);
  const statePath = options.statePath ?? join(project, 'import', 'state.json');

  const map: AuthorMap =
    typeof options.authorMap === 'object'
      ? options.authorMap
      : loadAuthorMapFile(options.authorMap ?? join(project, DEFAULT_AUTHOR_MAP));
  const authors = new AuthorResolver(map, readSiteAuthors(contentDir));

  const parsed: ParsedExport[] = options.files.map((f) => {
    if (!existsSync(f)) throw new Error(`${f}: no such file`);
    return parseExportText(f, readFileSync(f, 'utf8'));
  });
  const existing = readExistingContent(contentDir);
  const plan = planImport(parsed, existing, authors, { hosts: options.hosts, commentsOnly: options.commentsOnly, bodyFormat: options.bodyFormat });
  plan.report.seriesSuggestions = suggestSeries(plannedPosts(plan.files));
  const state = readState(statePath);
  const decision = decideWrites(plan.files, contentDir, state, options.force === true);
  recordWrites(plan.report, decision);
  if (!options.dryRun) applyWrites(contentDir, statePath, decision, state);

  let reportPath: string | undefined;
  if (!options.dryRun && options.reportDir !== false) {
    const dir = options.reportDir ?? join(project, 'import', 'reports');
    mkdirSync(dir, { recursive: true });
    const name = basename(options.files[0]!) + (options.files.length > 1 ? `+${options.files.length - 1}` : '');
    reportPath = join(dir, `${name}.report.json`);
    writeFileSync(reportPath, `${JSON.stringify(plan.report, null, 2)}\n`);
  }
  return { report: plan.report, plan, decision, reportPath, text: formatReport(plan.report, { dryRun: options.dryRun }) };
}

function loadAuthorMapFile(path: string): AuthorMap {
  if (!existsSync(path)) {
    throw new Error(`${path}: the author map is missing. It says which old-blog authors are dinah, clinkshrink and roy (see import/author-map.yaml in the repository).`);
  }
  return parseAuthorMap(readFileSync(path, 'utf8'), path);
}
