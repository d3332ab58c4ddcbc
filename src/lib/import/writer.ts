import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { PlannedFile } from './plan';
import type { MigrationReport } from './report';

/**
 * Applies a plan all-or-nothing (see applyWrites). A file changed by
 * hand since the importer last wrote it (its hash differs from import/state.json)
 * is left alone unless `force` is set. `slug.md` and `slug.mdx` are the same post:
 * when a post changes format, the old file is removed (if it is still the
 * importer's own) and its state entry goes with it.
 */

export interface ImportState {
  version: 1;
  /** content-relative path -> sha256 of the text the importer last wrote there. */
  files: Record<string, string>;
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function readState(path: string): ImportState {
  if (!existsSync(path)) return { version: 1, files: {} };
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as ImportState;
    if (data.version !== 1 || typeof data.files !== 'object') throw new Error('unexpected shape');
    return data;
  } catch (e) {
    throw new Error(`${path}: not a valid import state (${(e as Error).message}). Delete it to start afresh (hand edits will then count as conflicts).`);
  }
}

export function stateText(state: ImportState): string {
  const files = Object.fromEntries(Object.entries(state.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify({ version: 1, files }, null, 2)}\n`;
}

export interface WriteDecision {
  write: PlannedFile[];
  unchanged: PlannedFile[];
  /** Planned files left unwritten because a file they would overwrite or replace was edited by hand. */
  editedByHand: { planned: PlannedFile; edited: string[] }[];
  /** The same post under the other extension (`.md` vs `.mdx`): removed once its replacement is in place. */
  remove: { rel: string; replacedBy: string }[];
}

/**
 * Which planned files would be written, which are already identical, which were
 * edited by hand, and which old files of the same post (other extension) go.
 */
export function decideWrites(files: PlannedFile[], contentDir: string, state: ImportState, force: boolean): WriteDecision {
  const d: WriteDecision = { write: [], unchanged: [], editedByHand: [], remove: [] };
  const read = (rel: string) => {
    const path = join(contentDir, rel);
    return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  };
  // A file is the importer's own when its hash is the one it recorded. Comment files merge
  // whatever they already hold, so one the importer never wrote is safe to update.
  const ours = (rel: string, text: string, kind: PlannedFile['kind']) => {
    const known = state.files[rel];
    return known !== undefined ? sha256(text) === known : kind === 'comments';
  };
  for (const f of files) {
    const current = read(f.rel);
    const stale = (f.replaces ?? []).flatMap((rel) => {
      const text = read(rel);
      return text === undefined ? [] : [{ rel, text }];
    });
    if (current === f.text && stale.length === 0) {
      d.unchanged.push(f);
      continue;
    }
    const edited = [
      ...(current !== undefined && current !== f.text && !ours(f.rel, current, f.kind) ? [f.rel] : []),
      ...stale.filter((s) => !ours(s.rel, s.text, f.kind)).map((s) => s.rel),
    ];
    if (edited.length && !force) {
      d.editedByHand.push({ planned: f, edited });
      continue;
    }
    (current === f.text ? d.unchanged : d.write).push(f);
    for (const s of stale) d.remove.push({ rel: s.rel, replacedBy: f.rel });
  }
  return d;
}

/**
 * The commit, all-or-nothing even when interrupted. 1. Every file is written to a
 * staging folder inside content/ (same file system), with the next state. 2. A
 * journal listing the moves is written there, atomically (write, then rename): from
 * this moment the import counts as done. 3. Each file is moved into place; a file it
 * replaces is first moved into the staging folder, so a failure rolls everything
 * back. 4. The old `.md`/`.mdx` of a post that changed format goes the same way.
 * 5. The state file, then the staging folder goes. A run killed before the journal
 * leaves content/ untouched (the next run removes the stale staging folder); one
 * killed after it is completed by the next run (`recoverInterrupted`).
 */

export const STAGING_PREFIX = '.import-staging-';

interface Journal {
  version: 1;
  /** Content-relative files to move in, posts and pages before comments. */
  writes: string[];
  /** Content-relative files to take away (the other extension of a post that changed format). */
  removes: string[];
  statePath: string;
}

export class WriteError extends Error {
  override name = 'WriteError';
}

/** A test hook: SHRINKRAP_IMPORT_KILL_AT=<step> kills the process right after that step (tests/unit/import/interrupt.test.ts). */
function checkpoint(step: string) {
  if (process.env.SHRINKRAP_IMPORT_KILL_AT === step) process.kill(process.pid, 'SIGKILL');
}

export function applyWrites(contentDir: string, statePath: string, decision: WriteDecision, state: ImportState): void {
  checkWay(contentDir, decision.write.map((f) => f.rel));
  const staging = join(contentDir, `${STAGING_PREFIX}${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  const journal: Journal = {
    version: 1,
    writes: decision.write.map((f) => f.rel).sort((a, b) => Number(a.startsWith('comments/')) - Number(b.startsWith('comments/'))),
    removes: decision.remove.map((r) => r.rel),
    statePath: resolve(statePath),
  };
  try {
    for (const f of decision.write) writeFileIn(join(staging, 'new', f.rel), f.text);
    writeFileIn(join(staging, 'state.json'), stateText(nextState(state, decision)));
    checkpoint('after-staging');
    writeFileIn(join(staging, 'journal.json.tmp'), JSON.stringify(journal));
    renameSync(join(staging, 'journal.json.tmp'), join(staging, 'journal.json'));
    checkpoint('after-journal');
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  }
  try {
    commit(contentDir, staging, journal, checkpoint);
  } catch (e) {
    rollBack(contentDir, staging, journal);
    rmSync(staging, { recursive: true, force: true });
    throw new WriteError(`Writing into ${contentDir} failed (${(e as Error).message}); every file was put back as it was.`);
  }
  rmSync(staging, { recursive: true, force: true });
}

function nextState(state: ImportState, decision: WriteDecision): ImportState {
  const next: ImportState = { version: 1, files: { ...state.files } };
  for (const f of [...decision.write, ...decision.unchanged]) {
    next.files[f.rel] = sha256(f.text);
    for (const old of f.replaces ?? []) delete next.files[old];
  }
  return next;
}

function writeFileIn(path: string, text: string) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** Before anything moves: a file where a folder must go, or a folder where a file must go, stops the run. */
function checkWay(contentDir: string, rels: readonly string[]) {
  const problems = new Set<string>();
  for (const rel of rels) {
    const parts = rel.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const path = join(contentDir, ...parts.slice(0, i));
      if (!existsSync(path)) break;
      const isDir = statSync(path).isDirectory();
      if (i < parts.length && !isDir) problems.add(`${path} is a file, but ${rel} needs a folder there: move the file away`);
      if (i === parts.length && isDir) problems.add(`${path} is a folder, but the import writes a file there: move the folder away`);
    }
  }
  if (problems.size) throw new WriteError([...problems].join('\n'));
}

/** Steps 3 to 5. Safe to run again after an interruption: what is done is skipped. */
function commit(contentDir: string, staging: string, j: Journal, step: (name: string) => void) {
  j.writes.forEach((rel, i) => {
    const fresh = join(staging, 'new', rel);
    if (!existsSync(fresh)) return;
    const target = join(contentDir, rel);
    const old = join(staging, 'old', rel);
    if (existsSync(target) && !existsSync(old)) moveTo(target, old);
    moveTo(fresh, target);
    if (i === 0) step('after-move-1');
  });
  step('after-moves');
  for (const rel of j.removes) {
    const target = join(contentDir, rel);
    if (existsSync(target)) moveTo(target, join(staging, 'old', rel));
  }
  step('after-removes');
  const staged = join(staging, 'state.json');
  if (existsSync(staged)) {
    // import/ may be on another file system than content/: copy, then rename beside the target.
    writeFileIn(`${j.statePath}.tmp`, readFileSync(staged, 'utf8'));
    renameSync(`${j.statePath}.tmp`, j.statePath);
    rmSync(staged);
  }
  step('after-state');
}

function moveTo(from: string, to: string) {
  mkdirSync(dirname(to), { recursive: true });
  renameSync(from, to);
}

/** Undo what commit() did, from what is left in the staging folder. */
function rollBack(contentDir: string, staging: string, j: Journal) {
  for (const rel of [...j.writes, ...j.removes].reverse()) {
    const target = join(contentDir, rel);
    const old = join(staging, 'old', rel);
    const moved = j.writes.includes(rel) && !existsSync(join(staging, 'new', rel));
    if (existsSync(old)) moveTo(old, target);
    else if (moved) rmSync(target, { force: true });
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Finish or clean up an import that was interrupted: a staging folder with a journal
 * is completed, one without is removed (nothing of it had reached content/). Returns
 * what it did, for the report. With `dryRun`, only says what a real run would do.
 */
export function recoverInterrupted(contentDir: string, dryRun = false): string[] {
  if (!existsSync(contentDir)) return [];
  const notes: string[] = [];
  for (const name of readdirSync(contentDir)) {
    if (!name.startsWith(STAGING_PREFIX)) continue;
    const staging = join(contentDir, name);
    const pid = Number(name.slice(STAGING_PREFIX.length));
    if (pid !== process.pid && Number.isInteger(pid) && pidAlive(pid)) {
      throw new WriteError(`Another import (process ${pid}) is writing into ${contentDir}. Wait for it to finish; if no import is running, delete ${staging}.`);
    }
    const journalPath = join(staging, 'journal.json');
    if (!existsSync(journalPath)) {
      notes.push(`${dryRun ? 'a real run removes' : 'removed'} ${name}, left by an import stopped before it wrote anything`);
      if (!dryRun) rmSync(staging, { recursive: true, force: true });
      continue;
    }
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as Journal;
    notes.push(`${dryRun ? 'a real run first completes' : 'completed'} an interrupted import (${journal.writes.length} files, ${journal.removes.length} removed)`);
    if (dryRun) continue;
    commit(contentDir, staging, journal, () => {});
    rmSync(staging, { recursive: true, force: true });
  }
  return notes;
}

export function recordWrites(report: MigrationReport, d: WriteDecision) {
  report.writes.written = d.write.map((f) => f.rel);
  report.writes.unchanged = d.unchanged.length;
  report.writes.skippedEditedByHand = d.editedByHand.flatMap((e) => e.edited);
  report.writes.switchedFormat = d.remove.map((r) => ({ from: r.rel, to: r.replacedBy }));
}
