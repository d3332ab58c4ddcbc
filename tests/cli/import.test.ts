import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ours, scratch } from '../unit/import/helpers';
import { writeTakeout } from '../unit/import/feed';

/** npm run import behaves like every other tool: --help, one-line errors, progress and the report's place on stderr. */

const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...args], { encoding: 'utf8' });

describe('npm run import: the command line', () => {
  it('--help prints the usage and exits 0; it promises the report a dry run really writes', () => {
    const r = run(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: npm run import -- <export files or folders…> \[options\]/);
    expect(r.stdout).toContain('--dry-run');
    expect(r.stdout).toContain('plan and save the report');
  }, 60_000);

  it('an unknown option is one line of error and the usage, exit 2', () => {
    const r = run(['--bogus', 'x.xml']);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toMatch(/^npm run import: Unknown option '--bogus'/);
    expect(r.stderr).toContain('Usage: npm run import --');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('a big import shows its progress on stderr and says where the report is', () => {
    const { root, content } = scratch();
    writeFileSync(join(root, 'map.yaml'), 'fallback: dinah\nauthors:\n  dinah:\n    names: [Dinah]\n');
    const posts = Array.from({ length: 240 }, (_, i) => ({ id: String(100 + i), path: `/2009/02/post-${i}.html`, title: `Post ${i}` }));
    const feed = writeTakeout(root, posts);
    const r = run([feed, '--dry-run', '--content', content, '--author-map', join(root, 'map.yaml')]);
    expect(r.status, r.stderr).toBe(0);
    const report = join(root, 'import', 'reports', 'feed.atom.dry-run.report.json');
    expect(r.stderr).toContain(`The full report will be saved as ${report}`);
    expect(r.stderr).toContain(`Reading ${feed}`);
    expect(r.stderr).toMatch(/Planning 240 posts and pages, 0 comments\n\s+converted 100 of 240\n\s+converted 200 of 240\n\s+converted 240 of 240/);
    expect(r.stdout).toContain(`Full report: ${report}`);
    expect(existsSync(report)).toBe(true);
    expect(existsSync(join(content, 'posts'))).toBe(false);
  }, 60_000);
});

describe('npm run import (the CLI)', () => {
  it('prints the report, writes files, and exits 1 with the file and line on a broken export', () => {
    const { root, content } = scratch();
    writeFileSync(join(root, 'map.yaml'), 'fallback: dinah\nauthors:\n  dinah:\n    names: [Dinah]\n');
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...args, '--content', content, '--author-map', join(root, 'map.yaml')], { encoding: 'utf8' });
    const ok = run(ours('blogger-rules.xml'));
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/posts: 5 live, 1 drafts\n\s+pages: 1 live, 0 drafts\n\s+comments: 9 visible, 1 tombstones/);
    expect(existsSync(join(content, 'pages', 'about-us.md'))).toBe(true);
    expect(ok.stdout).toMatch(/formats: 6 plain Markdown \(\.md\), 1 MDX/);
    const bad = run(ours('broken.xml'));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/Import stopped, nothing was written\.\nbroken\.xml:6:\d+: not well-formed XML/);
  }, 60_000);
});
