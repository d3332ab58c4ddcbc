import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WriteError } from '../../src/lib/import/writer';
import { importInto, ours, scratch, snapshot } from '../unit/import/helpers';

/**
 * The commit survives being killed at any step: content/ is either as it was or,
 * after the next run, exactly what an uninterrupted import gives; no `.md` beside its
 * `.mdx`, no comments without their post, no staging folder left behind.
 */

const FILES = [ours('nightowl-classic.xml'), ours('nightowl-disqus.xml')];
const MAP = 'fallback: dinah\nauthors:\n  dinah:\n    names: [Dinah]\n  clinkshrink:\n    names: [ClinkShrink]\n    bloggerProfileUris: [https://www.blogger.com/profile/22222222222222222222]\n';
const STEPS = ['after-staging', 'after-journal', 'after-move-1', 'after-moves', 'after-removes', 'after-state'];

/** A site imported once as .mdx: the CLI's import then rewrites every file and removes the .mdx ones. */
function imported() {
  const { root, content } = scratch();
  writeFileSync(join(root, 'map.yaml'), MAP);
  importInto(content, FILES, { bodyFormat: 'mdx' });
  return { root, content };
}

function cli(root: string, content: string, killAt?: string) {
  const env = { ...process.env, SHRINKRAP_IMPORT_KILL_AT: killAt ?? '' };
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...FILES, '--content', content, '--author-map', join(root, 'map.yaml')], { encoding: 'utf8', env });
}

/** Everything the import owns: content/ and import/state.json (reports differ by design). */
function owned(root: string) {
  const all = snapshot(root);
  for (const k of [...all.keys()]) if (k.startsWith(join('import', 'reports')) || k === 'map.yaml') all.delete(k);
  return all;
}

const stagingIn = (content: string) => readdirSync(content).filter((n) => n.startsWith('.import-staging-'));

describe('an import killed while writing', () => {
  const reference = (() => {
    const { root, content } = imported();
    expect(cli(root, content).status).toBe(0);
    return owned(root);
  })();

  it('the uninterrupted run switched every post to .md and removed the .mdx (so each step below has work to do)', () => {
    expect([...reference.keys()].filter((k) => k.endsWith('.mdx'))).toEqual([]);
    expect([...reference.keys()].filter((k) => k.endsWith('.md'))).toHaveLength(3);
  });

  for (const step of STEPS) {
    it(`is completed by the next run when killed ${step.replace('-', ' ')}`, () => {
      const { root, content } = imported();
      const before = owned(root);
      const killed = cli(root, content, step);
      expect(killed.signal).toBe('SIGKILL');
      expect(stagingIn(content)).toHaveLength(1);
      if (step === 'after-staging') {
        const now = owned(root);
        for (const k of [...now.keys()]) if (k.includes('.import-staging-')) now.delete(k);
        expect(now).toEqual(before);
      }
      const again = cli(root, content);
      expect(again.status, again.stderr).toBe(0);
      expect(again.stdout).toMatch(step === 'after-staging' ? /removed \.import-staging-\d+, left by an import stopped before it wrote anything/ : /completed an interrupted import/);
      expect(owned(root)).toEqual(reference);
      expect(stagingIn(content)).toEqual([]);
    }, 120_000);
  }

  it('staging folders are git-ignored', () => {
    const r = spawnSync('git', ['check-ignore', '-q', 'content/.import-staging-123/posts/2006/11/x.md'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
  });
});

describe('an import that cannot write', () => {
  it('stops before moving anything when a file is in the way of a folder, naming it', () => {
    const { root, content } = scratch();
    mkdirSync(join(content, 'posts'), { recursive: true });
    writeFileSync(join(content, 'posts', '2006'), 'in the way');
    const before = snapshot(root);
    expect(() => importInto(content, FILES)).toThrow(WriteError);
    expect(() => importInto(content, FILES)).toThrow(/posts\/2006 is a file, but posts\/2006\/11\/first-light\.md needs a folder there/);
    expect(snapshot(root)).toEqual(before);
    expect(stagingIn(content)).toEqual([]);
  });
});
