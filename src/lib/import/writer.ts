import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PlannedFile } from './plan';
import type { MigrationReport } from './report';

/**
 * Applies a plan all-or-nothing: every file is first written to a staging folder
 * inside content/ (same file system), then moved into place. A file changed by
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

export function applyWrites(contentDir: string, statePath: string, decision: WriteDecision, state: ImportState): void {
  const staging = join(contentDir, `.import-staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const f of decision.write) {
      const p = join(staging, f.rel);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, f.text);
    }
    const next: ImportState = { version: 1, files: { ...state.files } };
    for (const f of [...decision.write, ...decision.unchanged]) {
      next.files[f.rel] = sha256(f.text);
      for (const old of f.replaces ?? []) delete next.files[old];
    }
    const stagedState = join(staging, '.state.json');
    mkdirSync(staging, { recursive: true });
    writeFileSync(stagedState, stateText(next));
    // Everything is on disk; now move it into place.
    for (const f of decision.write) {
      const target = join(contentDir, f.rel);
      mkdirSync(dirname(target), { recursive: true });
      renameSync(join(staging, f.rel), target);
    }
    // Only now that its replacement is in place: slug.mdx goes when slug.md arrives (and back).
    for (const r of decision.remove) rmSync(join(contentDir, r.rel), { force: true });
    mkdirSync(dirname(statePath), { recursive: true });
    try {
      renameSync(stagedState, statePath);
    } catch {
      // import/ may be on another file system than content/: copy instead.
      writeFileSync(statePath, readFileSync(stagedState));
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

export function recordWrites(report: MigrationReport, d: WriteDecision) {
  report.writes.written = d.write.map((f) => f.rel);
  report.writes.unchanged = d.unchanged.length;
  report.writes.skippedEditedByHand = d.editedByHand.flatMap((e) => e.edited);
  report.writes.switchedFormat = d.remove.map((r) => ({ from: r.rel, to: r.replacedBy }));
}
