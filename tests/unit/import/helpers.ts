import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll } from 'vitest';
import type { AuthorMap } from '../../../src/lib/import/authors';
import { runImport, type ImportOptions } from '../../../src/lib/import/index';

/** Shared by the import tests: scratch content folders under the OS temp dir, and fixture paths. */

export const PEERS = join(process.cwd(), '..', 'shared', 'fixtures', 'peers');
export const OURS = join(process.cwd(), 'tests', 'fixtures', 'import');
export const peer = (name: string) => join(PEERS, name);
export const ours = (name: string) => join(OURS, name);

/** The map the tests use: names and accounts of the three authors, a fallback for strangers. */
export const TEST_AUTHOR_MAP: AuthorMap = {
  fallback: 'dinah',
  authors: {
    dinah: { bloggerProfileUris: [], names: ['Dinah'], disqusUsernames: [], wordpressLogins: [] },
    clinkshrink: {
      bloggerProfileUris: ['https://www.blogger.com/profile/22222222222222222222'],
      names: ['ClinkShrink'],
      disqusUsernames: [],
      wordpressLogins: ['clink'],
    },
    roy: { bloggerProfileUris: [], names: ['Roy'], disqusUsernames: ['roy_shrink'], wordpressLogins: [] },
  },
};

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** A project-like scratch folder: <tmp>/content with the repo's authors, and <tmp>/import. */
export function scratch(): { root: string; content: string } {
  const root = mkdtempSync(join(tmpdir(), 'shrinkrap-import-'));
  made.push(root);
  const content = join(root, 'content');
  mkdirSync(content);
  cpSync(join(process.cwd(), 'content', 'authors'), join(content, 'authors'), { recursive: true });
  return { root, content };
}

export function importInto(content: string, files: string[], options: Partial<ImportOptions> = {}) {
  return runImport({ files, contentDir: content, authorMap: TEST_AUTHOR_MAP, reportDir: false, ...options });
}

/** Every file under a folder, relative path -> text (for byte-for-byte comparisons). */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

export const readJson = <T = unknown>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

/** A minimal post already on the site, with the old address comments will be matched by. */
export function seedPost(content: string, id: string, legacyUrl: string, title = 'Seed post'): void {
  const path = join(content, 'posts', `${id}.mdx`);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(
    path,
    `---\ntitle: "${title}"\npublished: "${id.slice(0, 4)}-${id.slice(5, 7)}-01T12:00:00Z"\nauthor: dinah\nlegacy:\n  url: "${legacyUrl}"\n---\n\nSeed.\n`,
  );
}
