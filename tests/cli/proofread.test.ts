import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { FIXTURE_CONTENT, ROOT } from '../unit/proofread/helpers';

/** `npm run proofread` as a real command (its options and exit codes are tested in tests/unit/proofread/cli.test.ts). */

const WRONG = `${FIXTURE_CONTENT}/posts/2018/07/everything-wrong.mdx`;

describe('npm run proofread', () => {
  it('runs as a real command through tsx (spelling and wording off for speed)', () => {
    const r = spawnSync('npx', ['tsx', 'scripts/proofread.ts', WRONG, '--no-spelling', '--no-wording'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, CONTENT_DIR: FIXTURE_CONTENT },
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('The author "bob" is not one of the blog\'s authors.');
  }, 60_000);
});
