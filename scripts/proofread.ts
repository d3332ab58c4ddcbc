/**
 * The proof sheet: `npm run proofread -- [files…] [--format text|markdown] [--base main]`.
 * All the work is in src/lib/proofread; this file only connects it to the terminal.
 */
import { runProofread } from '../src/lib/proofread/cli';
import { siteConfig } from '../src/site.config';

const code = await runProofread(process.argv.slice(2), {
  root: process.cwd(),
  contentDir: process.env.CONTENT_DIR ?? 'content',
  timeZone: siteConfig.timeZone,
  now: process.env.SHRINKRAP_NOW ? new Date(process.env.SHRINKRAP_NOW) : new Date(),
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
});
process.exitCode = code;
