import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { expectSafe, hostileSite, NOW } from '../unit/export/helpers';

/** `npm run export:comments` as a real command: what it writes passes the site's sanitizer too. */

const content = hostileSite();
afterAll(() => rmSync(content, { recursive: true, force: true }));

describe('npm run export:comments', () => {
  it('writes sanitized comment HTML', { timeout: 60_000 }, () => {
    const r = spawnSync('npx', ['tsx', 'scripts/export-comments.ts', '--format', 'wxr', '--content', content], {
      encoding: 'utf8',
      env: { ...process.env, SHRINKRAP_NOW: NOW.toISOString() },
    });
    expect(r.status, r.stderr).toBe(0);
    expectSafe(r.stdout);
  });
});
