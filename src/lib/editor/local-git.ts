import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, posix } from 'node:path';
import { POSTS_FOLDER } from './config';
import { ContentLockedError, withContentLock } from '../content-files/lock';

/**
 * The editor's local backend for `npm run write`: Decap CMS's local API (`/api/v1`,
 * the protocol decap-server speaks) answered from this clone's git objects.
 *
 * Unlike decap-server, it never checks out a branch and never runs `git add .`: a
 * draft's commit is built from a private index holding the post's files and pictures
 * only, so an untracked notes file (or anything else in the folder) can never go along.
 * The editorial status (Draft, In review, Ready) is a trailer on the branch's newest
 * commit, `Editorial-Status: pending_review`, so it travels with `git push`.
 * Publishing makes one commit on the default branch with the draft's files (a squash,
 * as the GitHub backend is configured) and, when that branch is the one checked out,
 * writes exactly those files into the folder, after checking that none of them has
 * unsaved changes there.
 */

export const STATUS_TRAILER = 'Editorial-Status';
const CMS_PREFIX = 'cms/';

export class LocalGitError extends Error {
  constructor(
    message: string,
    readonly status = 422,
  ) {
    super(message);
  }
}

interface Run {
  stdout: Buffer;
  text: string;
}

export interface LocalGitOptions {
  repoDir: string;
  /** Files the editor may write: paths under this folder only. */
  writableFolder?: string;
}

type Params = Record<string, unknown>;
interface DataFile {
  path: string;
  slug: string;
  raw: string;
  newPath?: string;
}
interface Asset {
  path: string;
  content: string;
  encoding: BufferEncoding;
}

export class LocalGitBackend {
  private readonly dir: string;
  private readonly writable: string;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: LocalGitOptions) {
    this.dir = options.repoDir;
    this.writable = `${(options.writableFolder ?? POSTS_FOLDER).replace(/\/$/, '')}/`;
  }

  /** One request at a time: each action reads and moves refs. */
  handle(action: string, params: Params): Promise<unknown> {
    const next = this.queue.then(() => this.run(action, params));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private git(args: string[], options: { input?: Buffer | string; env?: Record<string, string>; allowFail?: boolean } = {}): Run {
    const r = spawnSync('git', args, {
      cwd: this.dir,
      input: options.input,
      env: { ...process.env, ...options.env },
      maxBuffer: 512 * 1024 * 1024,
    });
    if (r.status !== 0 && !options.allowFail) throw new Error(`git ${args.join(' ')}: ${r.stderr.toString().trim()}`);
    return { stdout: r.stdout, text: r.status === 0 ? r.stdout.toString('utf8').trim() : '' };
  }

  private refExists(branch: string): boolean {
    return Boolean(this.git(['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`], { allowFail: true }).text);
  }

  private tip(branch: string): string {
    const sha = this.git(['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`], { allowFail: true }).text;
    if (!sha) throw new LocalGitError(`The branch "${branch}" does not exist in this clone.`, 404);
    return sha;
  }

  /** Files under `folder` on `branch`: path → blob id. */
  private list(branch: string, folder: string): Map<string, string> {
    const out = this.git(['ls-tree', '-r', '-z', this.tip(branch), '--', folder.replace(/\/$/, '')]).stdout.toString('utf8');
    const files = new Map<string, string>();
    for (const line of out.split('\0')) {
      const tab = line.indexOf('\t');
      if (tab > 0) files.set(line.slice(tab + 1), line.slice(0, tab).split(' ')[2]!);
    }
    return files;
  }

  /** Blob contents, many at once (`git cat-file --batch`). */
  private blobs(ids: readonly string[]): Buffer[] {
    if (!ids.length) return [];
    const out = this.git(['cat-file', '--batch'], { input: `${ids.join('\n')}\n` }).stdout;
    const result: Buffer[] = [];
    let at = 0;
    for (let i = 0; i < ids.length; i++) {
      const eol = out.indexOf(10, at);
      const size = Number(out.subarray(at, eol).toString().split(' ')[2]);
      result.push(out.subarray(eol + 1, eol + 1 + size));
      at = eol + 1 + size + 1;
    }
    return result;
  }

  private readFiles(branch: string, paths: readonly string[]) {
    const ids = paths.map((p) => this.git(['rev-parse', '--verify', '--quiet', `${this.tip(branch)}:${p}`], { allowFail: true }).text);
    const found = this.blobs(ids.filter(Boolean));
    let k = 0;
    return paths.map((path, i) => {
      const id = ids[i]!;
      return id ? { path, id, content: found[k++]! } : { path, id: null, content: null };
    });
  }

  private media(branch: string, path: string) {
    const [file] = this.readFiles(branch, [path]);
    if (!file?.content) throw new LocalGitError(`No picture at ${path}.`, 404);
    return { id: file.id, content: file.content.toString('base64'), encoding: 'base64', path, name: basename(path) };
  }

  /** Refuses any path outside the posts folder, or one that climbs out of it. */
  private checkWritable(path: string): string {
    const clean = posix.normalize(path);
    if (clean !== path || posix.isAbsolute(clean) || !clean.startsWith(this.writable) || clean.split('/').includes('..')) {
      throw new LocalGitError(`The editor only writes posts and their pictures under ${this.writable}; it refused "${path}".`);
    }
    return clean;
  }

  /**
   * A commit on `branch` (created from `base` when missing) with `writes` and `removes`
   * applied to its tree, built in a private index: nothing else in the folder is read.
   */
  private commitFiles(branch: string, base: string, change: { writes: Map<string, Buffer>; removes: string[] }, message: string): string {
    const parent = this.refExists(branch) ? this.tip(branch) : this.tip(base);
    const indexDir = mkdtempSync(join(tmpdir(), 'shrinkrap-editor-index-'));
    const env = { GIT_INDEX_FILE: join(indexDir, 'index') };
    try {
      this.git(['read-tree', parent], { env });
      for (const path of change.removes) this.git(['update-index', '--force-remove', '--', this.checkWritable(path)], { env });
      for (const [path, content] of change.writes) {
        const blob = this.git(['hash-object', '-w', '--stdin'], { input: content }).text;
        this.git(['update-index', '--add', '--cacheinfo', `100644,${blob},${this.checkWritable(path)}`], { env });
      }
      const tree = this.git(['write-tree'], { env }).text;
      const commit = this.git(['commit-tree', tree, '-p', parent, '-F', '-'], { input: message }).text;
      this.git(['update-ref', `refs/heads/${branch}`, commit, this.refExists(branch) ? parent : '']);
      return commit;
    } finally {
      rmSync(indexDir, { recursive: true, force: true });
    }
  }

  private status(cmsBranch: string): string {
    return this.git(['log', '-1', `--format=%(trailers:key=${STATUS_TRAILER},valueonly,separator=%x2C)`, this.tip(cmsBranch)]).text.split(',').pop()!.trim();
  }

  private withStatus(message: string, status: string): string {
    return `${message.trim()}\n\n${STATUS_TRAILER}: ${status}\n`;
  }

  /** Files the draft changes against the default branch (from where they parted). */
  private diffs(base: string, cmsBranch: string) {
    const out = this.git(['diff', '--name-status', '-z', '--no-renames', `${this.tip(base)}...${this.tip(cmsBranch)}`]).stdout.toString('utf8');
    const parts = out.split('\0').filter(Boolean);
    const diffs: Array<{ path: string; id: string; newFile: boolean; deleted: boolean; status: string; oldPath: string; newPath: string; binary: boolean }> = [];
    for (let i = 0; i + 1 < parts.length; i += 2) {
      const [code, path] = [parts[i]!, parts[i + 1]!];
      const status = code === 'A' ? 'added' : code === 'D' ? 'deleted' : 'modified';
      diffs.push({ path, id: path, newFile: code === 'A', deleted: code === 'D', status, oldPath: path, newPath: path, binary: !/\.mdx?$/.test(path) });
    }
    return diffs;
  }

  /** The branch checked out in the folder, or "" (detached). */
  private checkedOut(): string {
    return this.git(['symbolic-ref', '--quiet', '--short', 'HEAD'], { allowFail: true }).text;
  }

  /**
   * Moves `branch` to `commit`; when `branch` is checked out, writes the changed files
   * into the folder (and its index) too, after making sure none has unsaved changes.
   */
  private advance(branch: string, build: () => string, paths: { written: string[]; removed: string[] }): void {
    const live = this.checkedOut() === branch;
    const all = [...paths.written, ...paths.removed];
    if (live && all.length) {
      const dirty = this.git(['status', '--porcelain', '--', ...all]).text;
      if (dirty) {
        throw new LocalGitError(
          `Not published: these files have changes in your folder that are not committed: ${dirty
            .split('\n')
            .map((l) => l.slice(3))
            .join(', ')}. Commit or undo them first (git stash), then publish again.`,
          409,
        );
      }
    }
    if (!live) {
      build();
      return;
    }
    // The folder is written (Publish): one writer at a time with `npm run import` and `npm run new`.
    try {
      withContentLock(join(this.dir, 'content'), { command: 'npm run write', waitMs: 0 }, () => {
        build();
        if (paths.written.length) this.git(['checkout', 'HEAD', '--', ...paths.written]);
        if (paths.removed.length) this.git(['rm', '-q', '-f', '--ignore-unmatch', '--', ...paths.removed]);
      });
    } catch (e) {
      if (e instanceof ContentLockedError) throw new LocalGitError(`Not published: ${e.message}`, 409);
      throw e;
    }
  }

  private persistEntry(branch: string, p: Params) {
    const entry = p.entry as DataFile | undefined;
    const dataFiles = (p.dataFiles as DataFile[] | undefined) ?? (entry ? [entry] : []);
    const assets = (p.assets as Asset[] | undefined) ?? [];
    const options = (p.options ?? {}) as { commitMessage?: string; useWorkflow?: boolean; status?: string; collectionName?: string };
    const writes = new Map<string, Buffer>();
    const removes: string[] = [];
    for (const f of dataFiles) {
      writes.set(f.newPath ?? f.path, Buffer.from(f.raw, 'utf8'));
      if (f.newPath && f.newPath !== f.path) removes.push(f.path);
    }
    for (const a of assets) writes.set(a.path, Buffer.from(a.content, a.encoding ?? 'base64'));
    const message = options.commitMessage ?? 'Edit post';
    if (!options.useWorkflow) {
      this.advance(branch, () => this.commitFiles(branch, branch, { writes, removes }, message), { written: [...writes.keys()], removed: removes });
      return { message: 'entry persisted' };
    }
    const cmsBranch = `${CMS_PREFIX}${options.collectionName}/${dataFiles[0]!.slug}`;
    const status = this.refExists(cmsBranch) ? this.status(cmsBranch) || 'draft' : options.status || 'draft';
    this.commitFiles(cmsBranch, branch, { writes, removes }, this.withStatus(message, status));
    return { message: 'entry persisted' };
  }

  private publish(branch: string, cmsBranch: string) {
    const diffs = this.diffs(branch, cmsBranch);
    const written = diffs.filter((d) => !d.deleted).map((d) => d.path);
    const removed = diffs.filter((d) => d.deleted).map((d) => d.path);
    const files = this.readFiles(cmsBranch, written);
    const writes = new Map(files.map((f) => [f.path, f.content!]));
    const subject = this.git(['log', '-1', '--format=%s', this.tip(cmsBranch)]).text;
    const message = `Publish ${cmsBranch.slice(CMS_PREFIX.length)}\n\n${subject}\n`;
    this.advance(branch, () => this.commitFiles(branch, branch, { writes, removes: removed }, message), { written, removed });
    this.git(['update-ref', '-d', `refs/heads/${cmsBranch}`]);
    return { message: `${cmsBranch} published to ${branch}` };
  }

  private cmsBranchOf(p: Params): string {
    let { collection, slug } = p as { collection?: string; slug?: string };
    // unpublishedEntry may name the draft by its key ("posts/2026/11/slug"); the file actions pass
    // collection and slug, and an `id` that is the file's.
    if (!(collection && slug) && typeof p.id === 'string') {
      const at = p.id.indexOf('/');
      [collection, slug] = [p.id.slice(0, at), p.id.slice(at + 1)];
    }
    return `${CMS_PREFIX}${collection}/${slug}`;
  }

  private unpublishedEntry(branch: string, p: Params) {
    const cmsBranch = this.cmsBranchOf(p);
    if (!this.refExists(cmsBranch)) throw new LocalGitError('Not Found', 404);
    const key = cmsBranch.slice(CMS_PREFIX.length);
    const at = key.indexOf('/');
    return {
      collection: key.slice(0, at),
      slug: key.slice(at + 1),
      status: this.status(cmsBranch) || 'draft',
      diffs: this.diffs(branch, cmsBranch).filter((d) => !d.deleted),
      updatedAt: new Date(Number(this.git(['log', '-1', '--format=%ct', this.tip(cmsBranch)]).text) * 1000).toISOString(),
    };
  }

  private entries(branch: string, paths: ReadonlyArray<{ path: string; label?: string }>) {
    return this.readFiles(
      branch,
      paths.map((f) => f.path),
    ).map((f, i) => ({ data: f.content?.toString('utf8') ?? null, file: { path: f.path, label: paths[i]!.label, id: f.id } }));
  }

  private run(action: string, p: Params): unknown {
    if (action === 'info') return { repo: basename(this.dir), publish_modes: ['simple', 'editorial_workflow'], type: 'local_git' };
    const branch = String(p.branch ?? '');
    if (!this.refExists(branch)) throw new LocalGitError(`The branch "${branch}" does not exist in this clone: start npm run write on your main branch.`);
    const cmsBranch = () => this.cmsBranchOf(p);
    switch (action) {
      case 'entriesByFolder': {
        const folder = String(p.folder).replace(/\/$/, '');
        const depth = Number(p.depth ?? 1);
        const extension = `.${String(p.extension).replace(/^\./, '')}`;
        const paths = [...this.list(branch, folder).keys()].filter((f) => f.endsWith(extension) && f.slice(folder.length + 1).split('/').length <= depth);
        return this.entries(branch, paths.map((path) => ({ path })));
      }
      case 'entriesByFiles':
        return this.entries(branch, p.files as Array<{ path: string; label?: string }>);
      case 'getEntry':
        return this.entries(branch, [{ path: String(p.path) }])[0];
      case 'unpublishedEntries':
        return this.git(['for-each-ref', '--format=%(refname:short)', `refs/heads/${CMS_PREFIX}`]).text.split('\n').filter(Boolean).map((b) => b.slice(CMS_PREFIX.length));
      case 'unpublishedEntry':
        return this.unpublishedEntry(branch, p);
      case 'unpublishedEntryDataFile':
        return { data: this.entries(cmsBranch(), [{ path: String(p.path) }])[0]!.data };
      case 'unpublishedEntryMediaFile':
        return this.media(cmsBranch(), String(p.path));
      case 'deleteUnpublishedEntry':
        if (this.checkedOut() === cmsBranch()) throw new LocalGitError(`Your folder has ${cmsBranch()} checked out: switch back (git switch ${branch}) first.`, 409);
        this.git(['update-ref', '-d', `refs/heads/${cmsBranch()}`]);
        return { message: `deleted ${cmsBranch()}` };
      case 'persistEntry':
        return this.persistEntry(branch, p);
      case 'updateUnpublishedEntryStatus': {
        const name = cmsBranch();
        const tree = this.git(['rev-parse', `${this.tip(name)}^{tree}`]).text;
        const commit = this.git(['commit-tree', tree, '-p', this.tip(name), '-F', '-'], { input: this.withStatus(`Status: ${String(p.newStatus)}`, String(p.newStatus)) }).text;
        this.git(['update-ref', `refs/heads/${name}`, commit, this.tip(name)]);
        return { message: `${name} is now ${String(p.newStatus)}` };
      }
      case 'publishUnpublishedEntry':
        return this.publish(branch, cmsBranch());
      case 'getMedia': {
        const folder = String(p.mediaFolder).replace(/\/$/, '');
        const files = [...this.list(branch, folder).keys()].filter((f) => !f.slice(folder.length + 1).includes('/'));
        return files.map((f) => this.media(branch, f));
      }
      case 'getMediaFile':
        return this.media(branch, String(p.path));
      case 'persistMedia': {
        const asset = p.asset as Asset;
        const message = (p.options as { commitMessage?: string } | undefined)?.commitMessage ?? `Picture: ${asset.path}`;
        const writes = new Map([[asset.path, Buffer.from(asset.content, asset.encoding ?? 'base64')]]);
        this.advance(branch, () => this.commitFiles(branch, branch, { writes, removes: [] }, message), { written: [asset.path], removed: [] });
        return this.media(branch, asset.path);
      }
      case 'deleteFile':
      case 'deleteFiles': {
        const removes = action === 'deleteFile' ? [String(p.path)] : (p.paths as string[]);
        const message = (p.options as { commitMessage?: string } | undefined)?.commitMessage ?? `Delete ${removes.join(', ')}`;
        this.advance(branch, () => this.commitFiles(branch, branch, { writes: new Map(), removes }, message), { written: [], removed: removes });
        return { message: `deleted ${removes.join(', ')}` };
      }
      case 'getDeployPreview':
        return null;
      default:
        throw new LocalGitError(`Unknown action ${action}`);
    }
  }
}
