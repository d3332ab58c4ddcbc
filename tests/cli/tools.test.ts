import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Every command-line tool behaves alike:
 * --help prints the usage and exits 0 without doing anything; an unknown option is one
 * line of error and the usage, exit 2 (issue 10, "Command-line tools behave alike").
 */

const ROOT = join(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const run = (script: string, ...args: string[]) =>
  spawnSync(TSX, [join(ROOT, 'scripts', script), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH}` } });

const TOOLS: Array<[script: string, command: string]> = [
  ['proofread.ts', 'npm run proofread --'],
  ['new-post.ts', 'npm run new --'],
  ['export-comments.ts', 'npm run export:comments --'],
  ['check-links.ts', 'npm run check:links --'],
  ['lint-workflows.ts', 'npm run lint:workflows --'],
  ['lighthouse.ts', 'npm run lighthouse --'],
  ['import.ts', 'npm run import --'],
  ['write.ts', 'npm run write --'],
  ['bench/run.ts', 'npm run bench --'],
];

describe('command-line tools', () => {
  for (const [script, command] of TOOLS) {
    it(`${script}: --help prints the usage; --bogus is one line of error and the usage, exit 2`, { timeout: 60_000 }, () => {
      const help = run(script, '--help');
      expect(help.status, help.stderr).toBe(0);
      expect(help.stdout).toContain(`Usage: ${command}`);
      expect(help.stderr).toBe('');
      const bogus = run(script, '--bogus');
      expect(bogus.status).toBe(2);
      expect(bogus.stdout).toBe('');
      const [first, second] = bogus.stderr.split('\n');
      expect(first).toMatch(/--bogus/);
      expect(second).toBe('');
      expect(bogus.stderr).toContain(`Usage: ${command}`);
      expect(bogus.stderr).not.toMatch(/\n\s+at /); // no stack trace
    });
  }

  it('check:links honours its folder argument: a folder that is not there is an error naming it', { timeout: 60_000 }, () => {
    const r = run('check-links.ts', 'nodir');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('the folder "nodir" does not exist');
    expect(r.stdout).not.toContain('0 broken');
  });
});
