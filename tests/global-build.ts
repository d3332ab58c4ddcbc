import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFixtureSite } from './fixture-site';

/**
 * Build the sample site once per `npm test` run (tests/fixture-site.ts: a time zone far from
 * the blog's, so dates must not depend on the machine's TZ, and a fixed clock, so the
 * scheduled sample post stays scheduled). Every build/browser test reads dist/.
 *
 * Set SHRINKRAP_REUSE_DIST=1 to skip the build while iterating on tests.
 */
export default function setup(): void {
  const root = process.cwd();
  const stamp = join(root, 'dist', '.test-build');
  const runId = String(process.ppid) + ':' + String(process.pid);
  if (process.env.SHRINKRAP_REUSE_DIST === '1' && existsSync(join(root, 'dist', 'index.html'))) return;
  // Several test projects share this setup; build only once per run.
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === runId) return;
  const result = buildFixtureSite({ outDir: './dist', inherit: true });
  if (result.status !== 0) throw new Error('The sample site did not build (see the output above).');
  writeFileSync(stamp, runId);
  console.log(`[global-build] sample site built in ${result.seconds.toFixed(1)} s`);
}
