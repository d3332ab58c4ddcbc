import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalGitBackend, STATUS_TRAILER } from '../../src/lib/editor/local-git';
import { acquireContentLock } from '../../src/lib/content-files/lock';

/** The editor's local backend on a scratch repository: what it commits, where, and what it never touches. */
let dir = '';
let backend: LocalGitBackend;
const git = (...args: string[]) => {
  const r = spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
};
const POST = 'content/posts/2026/11/duck-goes-to-court.md';
const PICTURE = 'content/posts/2026/11/images/duck.png';
const EXISTING = 'content/posts/2006/11/emotional-support-duck.mdx';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shrinkrap-local-git-'));
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Editor test');
  git('config', 'user.email', '');
  git('config', 'commit.gpgsign', 'false');
  mkdirSync(join(dir, 'content/posts/2006/11'), { recursive: true });
  writeFileSync(join(dir, EXISTING), '---\ntitle: "Duck"\n---\n\nText.\n');
  git('add', '.');
  git('commit', '-q', '-m', 'start');
  // What an author has lying around: never to be committed by the editor.
  writeFileSync(join(dir, 'notes.txt'), 'private notes\n');
  writeFileSync(join(dir, 'content/posts/2006/11/todo.md'), 'not a post yet\n');
  backend = new LocalGitBackend({ repoDir: dir });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const save = (raw: string, status = 'draft') =>
  backend.handle('persistEntry', {
    branch: 'main',
    dataFiles: [{ path: POST, slug: '2026/11/duck-goes-to-court', raw }],
    assets: [{ path: PICTURE, content: Buffer.from('png bytes').toString('base64'), encoding: 'base64' }],
    options: { commitMessage: 'New post: duck-goes-to-court', useWorkflow: true, status, collectionName: 'posts' },
  });
const BRANCH = 'cms/posts/2026/11/duck-goes-to-court';

describe('the local backend (npm run write)', () => {
  it('lists posts of one extension from the branch, as committed', async () => {
    const entries = (await backend.handle('entriesByFolder', { branch: 'main', folder: 'content/posts', extension: 'mdx', depth: 3 })) as Array<{ data: string; file: { path: string } }>;
    expect(entries.map((e) => e.file.path)).toEqual([EXISTING]);
    expect(entries[0]!.data).toContain('title: "Duck"');
  });

  it("commits a draft's post and picture only, on its own branch, without touching the folder", async () => {
    const head = git('rev-parse', 'HEAD');
    await save('---\ntitle: "The Duck Goes to Court"\n---\n\nText.\n');
    expect(git('diff', '--name-only', `main...${BRANCH}`).split('\n').sort()).toEqual([POST, PICTURE]);
    expect(git('rev-parse', 'HEAD')).toBe(head);
    expect(git('branch', '--show-current')).toBe('main');
    expect(existsSync(join(dir, POST))).toBe(false);
    expect(git('status', '--porcelain')).toBe('?? content/posts/2006/11/todo.md\n?? notes.txt');
    expect(git('log', '-1', '--format=%B', BRANCH)).toContain(`${STATUS_TRAILER}: draft`);
    expect(await backend.handle('unpublishedEntries', { branch: 'main' })).toEqual(['posts/2026/11/duck-goes-to-court']);
  });

  it('keeps the editorial status in the branch (a commit trailer), so it travels with git push', async () => {
    await save('---\ntitle: "A"\n---\n\nText.\n');
    await backend.handle('updateUnpublishedEntryStatus', { branch: 'main', collection: 'posts', slug: '2026/11/duck-goes-to-court', newStatus: 'pending_review' });
    await save('---\ntitle: "B"\n---\n\nText.\n');
    const entry = (await backend.handle('unpublishedEntry', { branch: 'main', id: 'posts/2026/11/duck-goes-to-court' })) as { status: string; diffs: Array<{ path: string }> };
    expect(entry.status).toBe('pending_review');
    expect(entry.diffs.map((d) => d.path).sort()).toEqual([POST, PICTURE]);
    // A clone of the pushed branch reads the same status.
    const copy = mkdtempSync(join(tmpdir(), 'shrinkrap-local-git-copy-'));
    try {
      spawnSync('git', ['clone', '-q', '--no-local', dir, copy]);
      spawnSync('git', ['branch', BRANCH, `origin/${BRANCH}`], { cwd: copy });
      const status = (await new LocalGitBackend({ repoDir: copy }).handle('unpublishedEntry', { branch: 'main', id: 'posts/2026/11/duck-goes-to-court' })) as { status: string };
      expect(status.status).toBe('pending_review');
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('publishes as one commit on main, writes exactly those files into the folder, and removes the branch', async () => {
    await save('---\ntitle: "The Duck Goes to Court"\n---\n\nText.\n');
    await backend.handle('publishUnpublishedEntry', { branch: 'main', collection: 'posts', slug: '2026/11/duck-goes-to-court' });
    expect(git('show', '--name-only', '--format=', 'main').split('\n').sort()).toEqual([POST, PICTURE]);
    expect(readFileSync(join(dir, POST), 'utf8')).toContain('The Duck Goes to Court');
    expect(git('status', '--porcelain')).toBe('?? content/posts/2006/11/todo.md\n?? notes.txt');
    expect(git('branch', '--list', 'cms/*')).toBe('');
  });

  it('refuses to publish over unsaved changes to the same file, and says what to do', async () => {
    await save('---\ntitle: "New"\n---\n\nText.\n');
    mkdirSync(join(dir, 'content/posts/2026/11'), { recursive: true });
    writeFileSync(join(dir, POST), 'my own unsaved version\n');
    await expect(backend.handle('publishUnpublishedEntry', { branch: 'main', collection: 'posts', slug: '2026/11/duck-goes-to-court' })).rejects.toThrow(
      /Not published: these files have changes in your folder that are not committed: content\/posts\/2026\/11\/duck-goes-to-court.md\. Commit or undo them first/,
    );
    expect(readFileSync(join(dir, POST), 'utf8')).toBe('my own unsaved version\n');
    expect(git('branch', '--list', 'cms/*')).not.toBe('');
  });

  it('refuses to publish while another command writes the content folder, and moves nothing', async () => {
    await save('---\ntitle: "New"\n---\n\nText.\n');
    const head = git('rev-parse', 'main');
    const lock = acquireContentLock(join(dir, 'content'), { command: 'npm run import' });
    try {
      await expect(backend.handle('publishUnpublishedEntry', { branch: 'main', collection: 'posts', slug: '2026/11/duck-goes-to-court' })).rejects.toThrow(
        /Not published: .* is being written by .*npm run import/,
      );
    } finally {
      lock.release();
    }
    expect(git('rev-parse', 'main')).toBe(head);
    expect(existsSync(join(dir, POST))).toBe(false);
    expect(git('branch', '--list', 'cms/*')).not.toBe('');
  });

  it('writes nothing outside the posts folder', async () => {
    await expect(
      backend.handle('persistEntry', {
        branch: 'main',
        dataFiles: [{ path: 'package.json', slug: 'x', raw: '{}' }],
        assets: [],
        options: { commitMessage: 'x', useWorkflow: true, collectionName: 'posts' },
      }),
    ).rejects.toThrow(/only writes posts and their pictures under content\/posts\//);
    await expect(
      backend.handle('persistMedia', { branch: 'main', asset: { path: 'content/posts/../../x.png', content: '', encoding: 'base64' }, options: { commitMessage: 'x' } }),
    ).rejects.toThrow(/refused/);
  });
});

describe('reading a draft back', () => {
  it("serves the draft's post and picture by collection and slug, whatever the file id says", async () => {
    await save('---\ntitle: "A"\n---\n\nText.\n');
    const params = { branch: 'main', collection: 'posts', slug: '2026/11/duck-goes-to-court' };
    const picture = (await backend.handle('unpublishedEntryMediaFile', { ...params, path: PICTURE, id: PICTURE })) as { content: string; name: string };
    expect(Buffer.from(picture.content, 'base64').toString()).toBe('png bytes');
    expect(picture.name).toBe('duck.png');
    const post = (await backend.handle('unpublishedEntryDataFile', { ...params, path: POST, id: POST })) as { data: string };
    expect(post.data).toContain('title: "A"');
  });
});
