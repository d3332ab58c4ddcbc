import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ContentLockedError, LOCK_FILE, acquireContentLock, currentLockOwner, withContentLock } from '../../src/lib/content-files/lock';
import { childEnv } from '../child-env';

/** The content folder's write lock (src/lib/content-files/lock.ts), with real processes where it matters. */

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
function folder() {
  const d = mkdtempSync(join(tmpdir(), 'shrinkrap-lock-'));
  made.push(d);
  return d;
}

/** A process id that is certainly not running: a child that has already exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

const LOCK_MODULE = resolve('src/lib/content-files/lock.ts');

/** A child that takes the lock, says so, and then holds it until it is stopped. */
function holder(dir: string) {
  const script = join(dir, '..', `holder-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(
    script,
    `import { acquireContentLock } from ${JSON.stringify(LOCK_MODULE)};\nacquireContentLock(${JSON.stringify(dir)}, { command: 'npm run new' });\nconsole.log('held');\nsetInterval(() => {}, 1000);\n`,
  );
  made.push(script);
  const child = spawn(process.execPath, ['--import', 'tsx', script], { env: childEnv() });
  const ready = new Promise<void>((done) => child.stdout.on('data', (d) => String(d).includes('held') && done()));
  const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  return { child, ready, exited };
}

describe('the content write lock', () => {
  it('is exclusive: a second taker is refused in one line naming the holder, and gets it once released', () => {
    const dir = folder();
    const first = acquireContentLock(dir, { command: 'npm run import' });
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
    let error: unknown;
    try {
      acquireContentLock(dir, { command: 'npm run new' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ContentLockedError);
    expect((error as Error).message).not.toContain('\n');
    expect((error as Error).message).toMatch(new RegExp(`is being written by \`npm run import\` \\(process ${process.pid} on `));
    first.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    withContentLock(dir, { command: 'npm run new' }, () => expect(currentLockOwner(dir)?.command).toBe('npm run new'));
    expect(currentLockOwner(dir)).toBeUndefined();
  });

  it('is released when the work throws', () => {
    const dir = folder();
    expect(() => withContentLock(dir, { command: 'npm run new' }, () => { throw new Error('boom'); })).toThrow('boom');
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('recovers a stale lock (its process is gone, same host) with a message', () => {
    const dir = folder();
    const pid = deadPid();
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid, host: hostname(), command: 'npm run import', since: '2026-12-01T09:00:00.000Z', token: 'dead' }));
    const notes: string[] = [];
    const lock = acquireContentLock(dir, { command: 'npm run new', onNote: (l) => notes.push(l) });
    expect(notes).toEqual([expect.stringMatching(new RegExp(`Recovered a stale lock on .*: \`npm run import\` \\(process ${pid} on .*\\) is no longer running\\.`))]);
    expect(JSON.parse(readFileSync(lock.path, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('never takes over a lock from another host, whose processes it cannot see', () => {
    const dir = folder();
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid(), host: 'build-server.example.org', command: 'npm run import', since: '2026-12-01T09:00:00.000Z', token: 'far' }));
    expect(() => acquireContentLock(dir, { command: 'npm run new' })).toThrow(/on build-server\.example\.org/);
  });

  it('waits (bounded) for a live holder, and is released by SIGTERM and SIGINT', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const dir = folder();
      const h = holder(dir);
      await h.ready;
      const started = Date.now();
      expect(() => acquireContentLock(dir, { command: 'npm run import', waitMs: 300 })).toThrow(/ \(waited 0\.3 s\): nothing was written/);
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
      h.child.kill(signal);
      expect(await h.exited).toBe(128 + (signal === 'SIGTERM' ? 15 : 2));
      expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    }
  }, 60_000);

  it('left by a killed holder (SIGKILL) is recovered by the next taker', async () => {
    const dir = folder();
    const h = holder(dir);
    await h.ready;
    h.child.kill('SIGKILL');
    await h.exited;
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
    const notes: string[] = [];
    withContentLock(dir, { command: 'npm run import', onNote: (l) => notes.push(l) }, () => {});
    expect(notes.join('\n')).toMatch(/Recovered a stale lock .*`npm run new`.* is no longer running/);
  }, 60_000);

  it('is git-ignored', () => {
    expect(spawnSync('git', ['check-ignore', '-q', `content/${LOCK_FILE}`]).status).toBe(0);
  });
});
