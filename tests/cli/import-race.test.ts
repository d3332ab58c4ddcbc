import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { childEnv } from '../child-env';
import { scratch, seedPost } from '../unit/import/helpers';

/**
 * Two `npm run import` runs started together on one content folder, each with a Disqus
 * export of different comments for the same post (issue 23): both sets end up in the
 * comments file, or a run that could not get the folder says so and exits non-zero.
 * Never exit 0 with its comments lost.
 */

const POST = '2010/05/racing';
const URL = 'http://nightowl-notes.blogspot.com/2010/05/racing.html';
const MAP = 'fallback: dinah\nauthors:\n  dinah:\n    names: [Dinah]\n';
const PER_FILE = 150;

function disqusExport(thread: string, firstId: number): string {
  const posts = Array.from({ length: PER_FILE }, (_, i) => {
    const id = firstId + i;
    const minute = String(i % 60).padStart(2, '0');
    return `<post dsq:id="${id}"><message><![CDATA[<p>Comment ${id}.</p>]]></message><createdAt>2012-05-01T${String(10 + Math.floor(i / 60)).padStart(2, '0')}:${minute}:00Z</createdAt><isDeleted>false</isDeleted><isSpam>false</isSpam><author><name>Reader ${id}</name><isAnonymous>true</isAnonymous></author><thread dsq:id="${thread}"/></post>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">\n<thread dsq:id="${thread}"><id/><link>${URL}</link><title>Racing</title><isDeleted>false</isDeleted></thread>\n${posts.join('\n')}\n</disqus>\n`;
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function importRun(root: string, content: string, file: string, wait: string): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/import.ts', file, '--content', content, '--author-map', join(root, 'map.yaml'), '--wait', wait], { env: childEnv() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

function commentIds(content: string): Set<string> {
  const path = join(content, 'comments', `${POST}.json`);
  if (!existsSync(path)) return new Set();
  return new Set((JSON.parse(readFileSync(path, 'utf8')) as { comments: { id: string }[] }).comments.map((c) => c.id));
}

const idsOf = (first: number) => Array.from({ length: PER_FILE }, (_, i) => `disqus:${first + i}`);

async function race(wait: string) {
  const { root, content } = scratch();
  writeFileSync(join(root, 'map.yaml'), MAP);
  seedPost(content, POST, URL, 'Racing');
  const a = join(root, 'a.xml');
  const b = join(root, 'b.xml');
  writeFileSync(a, disqusExport('9001', 100_000));
  writeFileSync(b, disqusExport('9002', 200_000));
  const runs = await Promise.all([importRun(root, content, a, wait), importRun(root, content, b, wait)]);
  return { content, runs, ids: commentIds(content) };
}

describe('two imports racing for one post', () => {
  it('keeps both sets of comments when the second waits for the first (three rounds)', async () => {
    for (let round = 0; round < 3; round++) {
      const { content, runs, ids } = await race('60');
      for (const r of runs) expect(r.status, r.stderr).toBe(0);
      for (const id of [...idsOf(100_000), ...idsOf(200_000)]) expect(ids.has(id), `round ${round}: ${id}`).toBe(true);
      expect(existsSync(join(content, '.write.lock'))).toBe(false);
    }
  }, 120_000);

  it('with --wait 0, a run that finds the folder busy refuses in one line and exits non-zero; one that exits 0 kept its comments', async () => {
    for (let round = 0; round < 2; round++) {
      const { runs, ids } = await race('0');
      runs.forEach((r, i) => {
        const own = idsOf(i === 0 ? 100_000 : 200_000);
        if (r.status === 0) {
          for (const id of own) expect(ids.has(id), `round ${round}, run ${i}: ${id}`).toBe(true);
        } else {
          expect(r.status).toBe(1);
          const lines = r.stderr.trim().split('\n');
          expect(lines.at(-1)).toMatch(/is being written by `npm run import` \(process \d+ on .+, since .+\): nothing was written; run this again when it has finished/);
          for (const id of own) expect(ids.has(id)).toBe(false);
        }
      });
    }
    // Whether a round collides depends on the machine's load; the refusal itself is checked below.
  }, 120_000);

  it('a run that finds the folder held refuses in one line, exit 1, and writes nothing', async () => {
    const { root, content } = scratch();
    writeFileSync(join(root, 'map.yaml'), MAP);
    seedPost(content, POST, URL, 'Racing');
    const a = join(root, 'a.xml');
    writeFileSync(a, disqusExport('9001', 100_000));
    // Held by this test's own process: alive, on this host, so not stale.
    writeFileSync(join(content, '.write.lock'), JSON.stringify({ pid: process.pid, host: hostname(), command: 'npm run import', since: '2026-12-07T09:00:00.000Z', token: 'held' }));
    const r = await importRun(root, content, a, '0');
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`is being written by \`npm run import\` \\(process ${process.pid} on .+\\): nothing was written; run this again when it has finished`))]);
    expect(commentIds(content).size).toBe(0);
  }, 60_000);
});
