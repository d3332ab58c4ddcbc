import { parseArgs } from 'node:util';
import { runImport } from '../src/lib/import/index';
import { ExportFileError } from '../src/lib/import/xml';
import { PlanError } from '../src/lib/import/plan';

/**
 * npm run import -- <export file> [more files] [--dry-run] [--force] [--content dir]
 *
 * Detects each file's format (Blogger classic or Takeout, Disqus, WordPress WXR, or
 * our own comments JSON Feed), writes posts, pages and comments into the content
 * folder all-or-nothing, and prints the migration report.
 */
const usage = `Usage: npm run import -- <export file> [more files] [options]

Options:
  --dry-run            plan and report, write nothing
  --force              overwrite files edited by hand since the last import
  --content <dir>      content folder to write into (default ./content)
  --author-map <file>  author map (default <project>/import/author-map.yaml)
  --host <host>        another host the old blog answered on (repeatable)
  --comments-only      take only comments from WordPress files, never posts
  --help               this text`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'dry-run': { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
    content: { type: 'string', default: './content' },
    'author-map': { type: 'string' },
    host: { type: 'string', multiple: true, default: [] },
    'comments-only': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (values.help || positionals.length === 0) {
  console.log(usage);
  process.exit(values.help ? 0 : 2);
}

try {
  const result = runImport({
    files: positionals,
    contentDir: values.content!,
    authorMap: values['author-map'],
    dryRun: values['dry-run'],
    force: values.force,
    hosts: values.host,
    commentsOnly: values['comments-only'],
  });
  console.log(result.text);
  if (result.reportPath) console.log(`\nFull report: ${result.reportPath}`);
  if (result.report.writes.skippedEditedByHand.length > 0) process.exitCode = 3;
} catch (e) {
  if (e instanceof ExportFileError || e instanceof PlanError) {
    console.error(`Import stopped, nothing was written.\n${e.message}`);
  } else {
    console.error(`Import stopped, nothing was written.\n${(e as Error).message}`);
  }
  process.exit(1);
}
