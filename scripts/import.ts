import { existsSync } from 'node:fs';
import { runImport } from '../src/lib/import/index';
import { EXIT, exitWithUsageError, parseCliOrExit, type CliSpec } from '../src/lib/tools/cli';

/**
 * npm run import -- <export files or folders…> [options]
 *
 * Detects each file's format (Blogger classic or Takeout, Disqus, WordPress WXR, or
 * our own comments JSON Feed), writes posts, pages and comments into the content
 * folder all-or-nothing, and prints the migration report (the full one is saved as
 * JSON in import/reports/, dry runs included). Exit 0 when everything was imported, 1 when
 * the import stopped or left files edited by hand alone, 2 for wrong use.
 */
const spec: CliSpec = {
  command: 'npm run import --',
  synopsis: '<export files or folders…> [options]',
  summary:
    'Bring in a Blogger (classic or Takeout), Disqus or WordPress export. Writes content/ all-or-nothing, prints the migration report and saves it in full as import/reports/<file>.report.json.',
  allowPositionals: true,
  options: {
    'dry-run': { type: 'boolean', default: false, help: 'plan and save the report (…dry-run.report.json); content/ is not touched' },
    force: { type: 'boolean', default: false, help: 'overwrite files edited by hand since the last import' },
    content: { type: 'string', default: './content', value: 'dir', help: 'content folder to write into (default ./content)' },
    'author-map': { type: 'string', value: 'file', help: 'author map (default <project>/import/author-map.yaml)' },
    host: { type: 'string', multiple: true, default: [], value: 'host', help: "another host the old blog answered on (repeatable; the report names the ones it inferred)" },
    'comments-only': { type: 'boolean', default: false, help: 'take only comments from WordPress files, never posts' },
  },
  epilogue: ['Example: npm run import -- legacy/blog-11-30-2026.xml legacy/disqus.xml --dry-run'],
};

const { values, positionals } = parseCliOrExit(spec);
if (positionals.length === 0) exitWithUsageError(spec, 'name at least one export file (or an unpacked Takeout folder)');
const missing = positionals.filter((file) => !existsSync(file));
if (missing.length > 0) exitWithUsageError(spec, `no such file or folder: ${missing.join(', ')} (nothing was read or written)`);

try {
  const result = runImport({
    files: positionals,
    contentDir: values.content as string,
    authorMap: values['author-map'] as string | undefined,
    dryRun: values['dry-run'] === true,
    force: values.force === true,
    hosts: values.host as string[],
    commentsOnly: values['comments-only'] === true,
    onProgress: (line) => process.stderr.write(`${line}\n`),
  });
  console.log(result.text);
  if (result.reportPath) console.log(`\nFull report: ${result.reportPath}`);
  const skipped = result.report.writes.skippedEditedByHand.length;
  if (skipped > 0) {
    // Not everything asked for was written: a failure for scripts, with the way out said.
    console.error(`\n${skipped} file(s) edited by hand since the last import were left as they are (listed above); --force overwrites them.`);
    process.exitCode = EXIT.failure;
  }
} catch (e) {
  // Parse errors, plan problems and write failures alike: the commit is all-or-nothing.
  console.error(`Import stopped, nothing was written.\n${(e as Error).message}`);
  process.exit(EXIT.failure);
}
