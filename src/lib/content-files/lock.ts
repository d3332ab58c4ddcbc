import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The content folder's write lock: one writer at a time for every command that writes
 * `content/` (`npm run import`, `npm run new`, the editor's local server). It is taken
 * before the command reads what it will plan from, and released after its last write,
 * on exit, on an error and on Ctrl-C / SIGTERM / SIGHUP. A lock left by a process that
 * died (same host, process gone: a SIGKILL, a power cut) is recovered with a message.
 *
 * The lock is the file `<content>/.write.lock` (hidden: no walker lists it; git-ignored),
 * created atomically with link(2), so two processes can never both believe they hold it.
 * It says who holds it: process, host, command, when, and a random token (process ids
 * are reused). A second writer waits up to `waitMs` for it, then refuses in one line.
 */

export const LOCK_FILE = '.write.lock';

export interface LockOwner {
  pid: number;
  host: string;
  command: string;
  /** ISO time the lock was taken. */
  since: string;
  token: string;
}

export interface LockOptions {
  /** What is writing, as the user typed it: "npm run import". */
  command: string;
  /** How long to wait for another writer to finish (default 0: refuse at once). */
  waitMs?: number;
  /** A line for the user: waiting, or a stale lock recovered. */
  onNote?: (line: string) => void;
}

export class ContentLockedError extends Error {
  override name = 'ContentLockedError';
  constructor(
    message: string,
    public readonly owner: LockOwner | undefined,
  ) {
    super(message);
  }
}

export interface ContentLock {
  readonly path: string;
  readonly owner: LockOwner;
  /** Gives the lock back (idempotent; only ever removes this process's own lock). */
  release(): void;
}

export const lockPath = (contentDir: string) => join(resolve(contentDir), LOCK_FILE);

function readOwner(path: string): LockOwner | undefined {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as LockOwner;
    return typeof data.pid === 'number' && typeof data.token === 'string' ? data : undefined;
  } catch {
    return undefined;
  }
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A lock is stale when its process is gone: only knowable on the host that took it. */
export function isStale(owner: LockOwner | undefined, path: string, host = hostname()): boolean {
  if (!owner) {
    // Unreadable: a writer killed between creating and filling it would leave it empty, but the
    // link(2) below makes that impossible for ours; give a foreign or torn file a minute.
    try {
      return Date.now() - statSync(path).mtimeMs > 60_000;
    } catch {
      return false;
    }
  }
  return owner.host === host && !processAlive(owner.pid);
}

export const describeOwner = (o: LockOwner | undefined) =>
  o ? `\`${o.command}\` (process ${o.pid} on ${o.host}, since ${o.since})` : 'another command';

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** One attempt: link a filled temporary file to the lock's name; fails if the name exists. */
function tryCreate(path: string, owner: LockOwner): boolean {
  const tmp = `${path}.${owner.pid}.${owner.token}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(owner)}\n`);
  try {
    linkSync(tmp, path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    rmSync(tmp, { force: true });
  }
}

/**
 * Removes a stale lock, if it is still the one judged stale. Two waiters may judge it
 * stale together: the rename moves it aside for exactly one of them, and a lock that
 * turns out to be a live one (taken in between) is put back.
 */
function removeStale(path: string, stale: LockOwner | undefined): boolean {
  const aside = `${path}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    renameSync(path, aside);
  } catch {
    return false;
  }
  const moved = readOwner(aside);
  if (moved && stale && moved.token !== stale.token) {
    try {
      linkSync(aside, path);
    } catch {
      /* someone else holds it now; the live owner's file is the one at `path` */
    }
    rmSync(aside, { force: true });
    return false;
  }
  rmSync(aside, { force: true });
  return true;
}

const held = new Set<ContentLock>();
let handlersInstalled = false;

/** Every lock this process holds goes on exit, on an uncaught error and on the usual signals. */
function installHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', () => {
    for (const lock of [...held]) lock.release();
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      for (const lock of [...held]) lock.release();
      // The conventional exit status of a process stopped by that signal.
      process.exit(128 + ({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const)[signal]);
    });
  }
}

/**
 * Takes the content folder's write lock, waiting up to `waitMs` for another writer.
 * Throws ContentLockedError (one line naming the holder and what to do) when it cannot.
 */
export function acquireContentLock(contentDir: string, options: LockOptions): ContentLock {
  const dir = resolve(contentDir);
  mkdirSync(dir, { recursive: true });
  const path = lockPath(dir);
  const owner: LockOwner = { pid: process.pid, host: hostname(), command: options.command, since: new Date().toISOString(), token: randomBytes(8).toString('hex') };
  const deadline = Date.now() + (options.waitMs ?? 0);
  let said = false;
  for (;;) {
    if (tryCreate(path, owner)) break;
    const current = readOwner(path);
    if (isStale(current, path)) {
      if (removeStale(path, current)) options.onNote?.(`Recovered a stale lock on ${dir}: ${describeOwner(current)} is no longer running.`);
      continue;
    }
    if (Date.now() >= deadline) {
      const waited = options.waitMs ? ` (waited ${+(options.waitMs / 1000).toFixed(1)} s)` : '';
      throw new ContentLockedError(
        `${dir} is being written by ${describeOwner(current)}${waited}: nothing was written; run this again when it has finished (if nothing is running, delete ${path}).`,
        current,
      );
    }
    if (!said) options.onNote?.(`Waiting for ${describeOwner(current)} to finish writing ${dir}…`);
    said = true;
    sleep(Math.min(100, Math.max(1, deadline - Date.now())));
  }
  installHandlers();
  const lock: ContentLock = {
    path,
    owner,
    release() {
      if (!held.delete(lock)) return;
      if (readOwner(path)?.token === owner.token) rmSync(path, { force: true });
    },
  };
  held.add(lock);
  return lock;
}

/** Runs `work` holding the lock; the lock goes whatever happens. */
export function withContentLock<T>(contentDir: string, options: LockOptions, work: () => T): T {
  const lock = acquireContentLock(contentDir, options);
  try {
    return work();
  } finally {
    lock.release();
  }
}

/** For long-running writers (the editor's server): whether the folder is free right now, without taking it. */
export function currentLockOwner(contentDir: string): LockOwner | undefined {
  const path = lockPath(contentDir);
  if (!existsSync(path)) return undefined;
  const owner = readOwner(path);
  return isStale(owner, path) ? undefined : owner;
}
