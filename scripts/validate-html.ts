/**
 * `npm run validate:html -- [folder]`: the Nu HTML Checker (vnu-jar, which needs Java 11 or
 * later) on every HTML file of a built site, saying what it checked and what it found.
 * Exit 0 with no errors, 1 with errors (or no Java), 2 for wrong use.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { EXIT, exitWithUsageError, parseCliOrExit, type CliSpec } from '../src/lib/tools/cli';
import { summarizeVnuReport } from '../src/lib/tools/html-check';

export const VALIDATE_HTML_CLI: CliSpec = {
  command: 'npm run validate:html --',
  synopsis: '[folder] [options]',
  summary: 'Checks every HTML file of a built site (default folder: dist) with the Nu HTML Checker, which needs Java 11 or later. Exit 1 when a page has errors.',
  allowPositionals: true,
  options: {},
};

const { positionals } = parseCliOrExit(VALIDATE_HTML_CLI);
if (positionals.length > 1) exitWithUsageError(VALIDATE_HTML_CLI, `one folder at most (got ${positionals.join(', ')})`);
const folder = positionals[0] ?? 'dist';
if (!existsSync(folder) || !statSync(folder).isDirectory()) {
  exitWithUsageError(VALIDATE_HTML_CLI, `the folder "${folder}" does not exist${folder === 'dist' ? ' (build the site first: npm run build)' : ''}`);
}
const pages = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;

// vnu-jar's main module is the path of its jar.
const jar = String(createRequire(import.meta.url)('vnu-jar'));
const run = spawnSync('java', ['-jar', jar, '--skip-non-html', '--errors-only', '--format', 'json', folder], {
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
if (run.error) {
  console.error(`validate:html: the Nu HTML Checker needs Java 11 or later, and "java" was not found (${run.error.message}). Install it: sudo apt-get install -y default-jre-headless`);
  process.exit(EXIT.failure);
}
let summary;
try {
  summary = summarizeVnuReport(run.stderr || run.stdout, pages, folder);
} catch {
  console.error(`validate:html: the checker did not report (exit ${run.status}):\n${run.stderr || run.stdout}`);
  process.exit(EXIT.failure);
}
for (const e of summary.errors) console.log(e);
console.log(summary.line);
process.exitCode = summary.errors.length ? EXIT.failure : EXIT.ok;
