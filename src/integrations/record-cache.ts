import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { RecordMemo } from '../lib/search/make-records';
import type { CommentThreadRecord } from '../lib/search/records';

/**
 * Where records made by one build wait for the next (make-records.ts, RecordMemo): one
 * JSON file in the search cache folder per version of the record code. That version is
 * computed, not listed: esbuild follows the imports of make-records.ts and source.ts (the
 * modules that make and read every record's input) and the digest covers every project file it reaches, plus
 * package-lock.json for the dependencies. Any change to any of them starts an empty memo.
 */

/**
 * The modules whose imports, followed to the end, are all the code that makes a record:
 * the records themselves, and the model that reads the files they are made from.
 */
const RECORD_ENTRIES = ['src/lib/search/make-records.ts', 'src/lib/search/source.ts'];

/** Hex SHA-256 of the record code: every project file imported from RECORD_ENTRIES, and the lock file. */
export async function recordCodeDigest(projectRoot: string): Promise<string> {
  const result = await build({
    absWorkingDir: projectRoot,
    entryPoints: RECORD_ENTRIES,
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outdir: 'unused',
    logLevel: 'silent',
  });
  const hash = createHash('sha256');
  const files = [...Object.keys(result.metafile.inputs).sort(), 'package-lock.json'];
  for (const file of files) {
    const path = join(projectRoot, file);
    const bytes = existsSync(path) ? readFileSync(path) : Buffer.alloc(0);
    hash.update(`${file}\n${bytes.length}\n`).update(bytes);
  }
  return hash.digest('hex');
}

const memoName = (codeDigest: string) => `records-${codeDigest.slice(0, 32)}.json`;

type Kept = CommentThreadRecord;

/** A memo backed by `folder`: what was kept for this code, and what this build used. */
export class KeptRecords implements RecordMemo {
  private readonly used = new Map<string, Kept>();
  hits = 0;
  misses = 0;

  private constructor(
    private readonly folder: string,
    private readonly codeDigest: string,
    private readonly kept: Map<string, Kept>,
  ) {}

  /** The memo of `codeDigest` in `folder`, empty when there is none or it cannot be read. */
  static async open(folder: string, codeDigest: string): Promise<KeptRecords> {
    let kept = new Map<string, Kept>();
    try {
      kept = new Map(Object.entries(JSON.parse(await readFile(join(folder, memoName(codeDigest)), 'utf8')) as Record<string, Kept>));
    } catch {
      // none yet, or cut short: make the records again
    }
    return new KeptRecords(folder, codeDigest, kept);
  }

  get(key: string): Kept | undefined {
    const record = this.kept.get(key);
    if (record) {
      this.hits++;
      this.used.set(key, record);
    }
    return record;
  }

  set(key: string, record: Kept): void {
    this.misses++;
    this.used.set(key, record);
  }

  /** Keep what this build used (nothing else), written beside and renamed; drop other code versions' memos. */
  async save(): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    const name = memoName(this.codeDigest);
    const partial = join(this.folder, `${name}.partial-${process.pid}`);
    await writeFile(partial, JSON.stringify(Object.fromEntries(this.used)));
    await rename(partial, join(this.folder, name));
    const others = (await readdir(this.folder)).filter((f) => f.startsWith('records-') && f !== name);
    await Promise.all(others.map((f) => rm(join(this.folder, f), { force: true })));
  }
}
