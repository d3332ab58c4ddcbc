import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PlannedFile } from './plan';
import type { MigrationReport } from './report';

/**
 * Applies a plan all-or-nothing: every file is first written to a staging folder
 * inside content/ (same file system), then moved into place. A file changed by
 * hand since the importer last wrote it (its hash differs from import/state.json)
 * is left alone unless `force` is set.
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
  editedByHand: PlannedFile[];
}

/** Which planned files would be written, which are already identical, and which were edited by hand. */
export function decideWrites(files: PlannedFile[], contentDir: string, state: ImportState, force: boolean): WriteDecision {
  const d: WriteDecision = { write: [], unchanged: [], editedByHand: [] };
  for (const f of files) {
    const path = join(contentDir, f.rel);
    const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (current === f.text) {
      d.unchanged.push(f);
      continue;
    }
    const known = state.files[f.rel];
    // Comment files merge whatever they already hold, so one the importer never wrote is safe to update.
    const ours = current === undefined || (known !== undefined ? sha256(current) === known : f.kind === 'comments');
    if (!ours && !force) d.editedByHand.push(f);
    else d.write.push(f);
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
    for (const f of [...decision.write, ...decision.unchanged]) next.files[f.rel] = sha256(f.text);
    const stagedState = join(staging, '.state.json');
    mkdirSync(staging, { recursive: true });
    writeFileSync(stagedState, stateText(next));
    // Everything is on disk; now move it into place.
    for (const f of decision.write) {
      const target = join(contentDir, f.rel);
      mkdirSync(dirname(target), { recursive: true });
      renameSync(join(staging, f.rel), target);
    }
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
  report.writes.skippedEditedByHand = d.editedByHand.map((f) => f.rel);
}
