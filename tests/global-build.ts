import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { childEnv } from './child-env';

/**
 * Build the sample site once per `npm test` run, in a time zone far from the blog's
 * (dates must not depend on the machine's TZ) and with a fixed clock (so the
 * scheduled sample post stays scheduled). Every build/browser test reads dist/.
 *
 * Set SHRINKRAP_REUSE_DIST=1 to skip the build while iterating on tests.
 */
export const TEST_NOW = '2026-06-01T12:00:00Z';
export const TEST_TZ = 'Pacific/Auckland';
/** "Suggest an edit" is on in the test build (a draft preview build checks it off). */
export const TEST_EDIT_URL = 'https://github.com/example/shrinkrap/edit/main/';

export default function setup(): void {
  const root = process.cwd();
  const stamp = join(root, 'dist', '.test-build');
  const runId = String(process.ppid) + ':' + String(process.pid);
  if (process.env.SHRINKRAP_REUSE_DIST === '1' && existsSync(join(root, 'dist', 'index.html'))) return;
  // Several test projects share this setup; build only once per run.
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === runId) return;
  const started = Date.now();
  const result = spawnSync('npx', ['astro', 'build', '--silent'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: childEnv({ TZ: TEST_TZ, SHRINKRAP_NOW: TEST_NOW, SHRINKRAP_DRAFTS: '', BASE_PATH: '/', OUT_DIR: './dist', REPOSITORY_EDIT_URL: TEST_EDIT_URL }),
  });
  if (result.status !== 0) throw new Error('The sample site did not build (see the output above).');
  writeFileSync(stamp, runId);
  console.log(`[global-build] sample site built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
