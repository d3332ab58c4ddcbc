import type { AuthorResolver } from './authors';
import type { ExistingContent } from './existing';
import { blogHosts, reportHosts } from './hosts';
import type { ParsedExport } from './parsed';
import { addDropped, emptyReport, type MigrationReport } from './report';
import { placeEntries } from './phases/addresses';
import { planCommentFiles } from './phases/comments';
import { planDocuments } from './phases/documents';
import { indexExisting, selectEntries } from './phases/entries';
import { checkLabels } from './phases/labels';
import { buildOldUrlMap, reportAddresses } from './phases/old-url-map';
import { byText, type PlannedFile, type Problems } from './phases/types';

export type { PlannedFile } from './phases/types';
export { bodyProblem } from './phases/documents';

/**
 * The whole import, decided in memory: where every post, page and comment goes,
 * what each file will contain, and the report. Nothing here touches the disk; the
 * writer applies a plan only when every file in it is valid. Each phase is a module
 * of its own under phases/ and reads what the ones before it returned.
 */

export interface PlanOptions {
  /** Extra hosts of the old blog (besides Shrink Rap's, those the export names and those inferred). */
  hosts?: string[];
  /** Never create posts from WXR items: take their comments only. */
  commentsOnly?: boolean;
  /** 'auto' (default): `.md` for bodies without JSX, `.mdx` for the rest. 'mdx': every body as `.mdx`. */
  bodyFormat?: 'auto' | 'mdx';
  /** Progress of the slow phase (converting bodies), for big imports. */
  onDocument?: (done: number, total: number) => void;
}

export interface ImportPlan {
  files: PlannedFile[];
  report: MigrationReport;
}

export class PlanError extends Error {
  constructor(readonly problems: string[]) {
    super(`The import stopped before writing anything:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PlanError';
  }
}

export function planImport(parsed: ParsedExport[], existing: ExistingContent, authors: AuthorResolver, options: PlanOptions = {}): ImportPlan {
  const report = emptyReport();
  const problems: Problems = [];
  noteFiles(parsed, existing, report);

  // 0. The blog's own hosts: given, named by the exports, or inferred from them.
  const hosts = blogHosts(parsed, options.hosts);
  reportHosts(hosts, report);
  const { site } = hosts;
  // 1. Entries: what the site has, and what of the exports becomes posts and pages.
  const index = indexExisting(existing, site);
  const selected = selectEntries(parsed, index, site, report, options);
  // 2. Addresses, 3. the old-URL map (links, redirects, comment matching).
  const placed = placeEntries(selected.entries, existing, index, site, report);
  const urls = buildOldUrlMap(placed, index, selected.commentsOnly, site);
  reportAddresses(placed, urls, site, hosts.legacyUrl, report);
  // 4. Documents, checked by the build's schema and label rules; 5. comment files.
  const ordered = [...placed].sort((a, b) => byText(a.target, b.target));
  const documents = planDocuments(ordered, {
    parsed, existing, authors, site, report, problems,
    legacyUrl: hosts.legacyUrl,
    rewriteHref: urls.rewriteHref,
    bodyFormat: options.bodyFormat,
    onDocument: options.onDocument,
  });
  checkLabels(documents, existing, problems);
  const comments = planCommentFiles({ parsed, placed: ordered, existing, urls, site, authors, report, problems });

  if (problems.length) throw new PlanError(problems);
  report.redirects.sort((a, b) => byText(a.from, b.from));
  report.addresses.sort((a, b) => byText(a.from, b.from));
  return { files: [...documents, ...comments].sort((a, b) => byText(a.rel, b.rel)), report };
}

/** Each file's format, what its parser skipped, dropped or repaired, and its warnings. */
function noteFiles(parsed: readonly ParsedExport[], existing: ExistingContent, report: MigrationReport) {
  report.warnings.push(...existing.warnings);
  for (const p of parsed) {
    report.files.push({ file: p.file, format: p.format, recovered: p.recovered, skipped: p.skipped });
    for (const d of p.dropped) addDropped(report, d.kind, d.id, d.reason, d.detail);
    report.warnings.push(...p.warnings.map((w) => `${p.file}: ${w}`));
  }
}
