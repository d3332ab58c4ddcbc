import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSearchIndex, type SearchIndexOptions } from '../../../src/integrations/pagefind';
import { CACHE_FOLDER } from '../../../src/lib/search/comment-index';
import { recordCodeDigest } from '../../../src/integrations/record-cache';

/** The indexing hook on a tiny content folder, with the real Pagefind binary. */

let root: string;
let options: SearchIndexOptions;
const messages: string[] = [];
const logger = { info: (m: string) => void messages.push(m) };

function write(path: string, text: string): void {
  mkdirSync(dirname(join(root, 'content', path)), { recursive: true });
  writeFileSync(join(root, 'content', path), text);
}

const postFile = (title: string, body: string, extra = '') =>
  `---\ntitle: ${JSON.stringify(title)}\npublished: "2013-04-02T08:00:00-04:00"\nauthor: roy\nlabels: [jails]\n${extra}---\n\n${body}\n`;

function commentsFile(post: string, bodies: string[]): string {
  return JSON.stringify({
    schemaVersion: 1,
    post,
    comments: bodies.map((bodyHtml, i) => ({
      id: `blogger:${100 + i}`,
      parentId: null,
      published: `2013-04-0${3 + i}T09:00:00-04:00`,
      author: { name: `Reader ${i} > others`, role: 'reader', identity: 'guest' },
      bodyHtml,
      status: 'visible',
      source: { system: 'blogger-classic', file: 'x.xml', id: `c${i}`, postRef: 'p' },
    })),
  });
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'shrinkrap-index-'));
  write('authors/roy.yaml', 'handle: Roy\nname: Roy\nrole: Psychiatrist\nsetting: Hospital\nbio: Writes.\n');
  write('posts/2013/04/jail.md', postFile('Jail', 'Post text about jail.'));
  write('posts/2013/04/prison.mdx', postFile('Prison', "import X from './x';\n\nPost text about prison."));
  write('posts/2013/04/draft.md', postFile('Draft', 'Secret draft text.', 'draft: true\n'));
  write('comments/2013/04/jail.json', commentsFile('2013/04/jail', ['First comment.', '<p>Second <b>comment</b>.</p>']));
  write('comments/2013/04/draft.json', commentsFile('2013/04/draft', ['On a draft.']));
  options = {
    siteDir: join(root, 'dist'),
    contentDir: join(root, 'content'),
    cacheDir: join(root, 'cache'),
    timeZone: 'America/New_York',
    cutoff: new Date('2026-01-01T00:00:00Z'),
    includeDrafts: false,
    pagefindVersion: '1.6.0',
    recordCode: 'code-1',
  };
  mkdirSync(options.siteDir);
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  messages.length = 0;
});

const fragments = (bundle: string) => readdirSync(join(options.siteDir, bundle, 'fragment'));
const kept = (kind = 'comments') => readdirSync(join(options.cacheDir, CACHE_FOLDER)).filter((f) => f.startsWith(`${kind}-`));
const memoFile = () => join(options.cacheDir, CACHE_FOLDER, readdirSync(join(options.cacheDir, CACHE_FOLDER)).find((f) => f.startsWith('records-'))!);

describe('buildSearchIndex', () => {
  it('writes a posts bundle and a comments bundle, visible posts only, without unused UI files', { timeout: 60_000 }, async () => {
    await buildSearchIndex(options, logger);
    expect(messages.join('\n')).toMatch(/^indexed 2 posts in pagefind\/ .*; 1 comment threads \(2 comments\) indexed in pagefind-comments\//);
    for (const bundle of ['pagefind', 'pagefind-comments']) {
      const files = readdirSync(join(options.siteDir, bundle));
      expect(files).toContain('pagefind.js');
      expect(files).toContain('wasm.en.pagefind');
      expect(files.filter((f) => /-ui\.|highlight|wasm\.unknown/.test(f))).toEqual([]);
    }
    expect(fragments('pagefind')).toHaveLength(2);
    expect(fragments('pagefind-comments')).toHaveLength(1);
  });

  it('reuses the comment bundle until a comment changes, whatever happens to post bodies', { timeout: 90_000 }, async () => {
    await buildSearchIndex(options, logger);
    const first = kept();
    const bundle = readFileSync(join(options.siteDir, 'pagefind-comments', 'pagefind-entry.json'), 'utf8');
    expect(first).toHaveLength(1);

    write('posts/2013/04/jail.md', postFile('Jail', 'Post text about jail, edited.'));
    await buildSearchIndex(options, logger);
    expect(messages.at(-1)).toMatch(/1 comment threads \(2 comments\) reused from the cache/);
    expect(kept()).toEqual(first);
    expect(readFileSync(join(options.siteDir, 'pagefind-comments', 'pagefind-entry.json'), 'utf8')).toBe(bundle);

    write('comments/2013/04/jail.json', commentsFile('2013/04/jail', ['First comment.', 'Second comment, edited.', 'A third.']));
    await buildSearchIndex(options, logger);
    expect(messages.at(-1)).toMatch(/1 comment threads \(3 comments\) indexed/);
    expect(kept()).toHaveLength(1);
    expect(kept()).not.toEqual(first);

    // A retitled post changes what its thread's result shows: rebuilt too.
    const second = kept();
    write('posts/2013/04/jail.md', postFile('Jail, retitled', 'Post text about jail, edited.'));
    await buildSearchIndex(options, logger);
    expect(messages.at(-1)).toMatch(/indexed in pagefind-comments/);
    expect(kept()).not.toEqual(second);

    // New record code: every record made again; a bundle whose records came out the same is still valid.
    await buildSearchIndex({ ...options, recordCode: 'code-2' }, logger);
    expect(messages.at(-1)).toMatch(/records .* \(1 made, 0 kept\)/);
    expect(messages.at(-1)).toMatch(/^reused 2 posts.*reused from the cache/);
  });

  it('keys each bundle by its records, so a wrong kept record cannot serve a stale bundle', { timeout: 90_000 }, async () => {
    await buildSearchIndex(options, logger);
    expect(messages.at(-1)).toMatch(/\(1 made, 0 kept\)/);
    await buildSearchIndex(options, logger);
    expect(messages.at(-1)).toMatch(/\(0 made, 1 kept\)/);
    expect(messages.at(-1)).toMatch(/^reused 2 posts.*reused from the cache/);
    // A kept comment record that differs from what the code would make now (as if the code
    // had changed without the memo noticing): the bundle digest differs, so it is indexed.
    const memo = JSON.parse(readFileSync(memoFile(), 'utf8')) as Record<string, { html: string }>;
    for (const record of Object.values(memo)) record.html = record.html.replace('First comment.', 'First comment, as it was.');
    writeFileSync(memoFile(), JSON.stringify(memo));
    await buildSearchIndex(options, logger);
    expect(messages.at(-1)).toMatch(/comment threads \(2 comments\) indexed/);
  });

  it("keys the record code by the files the record module imports, not by a list", { timeout: 60_000 }, async () => {
    const project = join(root, 'project');
    const source = join(process.cwd(), 'src');
    cpSync(source, join(project, 'src'), { recursive: true });
    writeFileSync(join(project, 'package-lock.json'), '{}');
    const before = await recordCodeDigest(project);
    expect(await recordCodeDigest(project)).toBe(before);
    // A module two imports away from the record code (records.ts -> sanitize.ts).
    writeFileSync(join(project, 'src/lib/sanitize.ts'), `${readFileSync(join(project, 'src/lib/sanitize.ts'), 'utf8')}\n// changed\n`);
    const sanitized = await recordCodeDigest(project);
    expect(sanitized).not.toBe(before);
    writeFileSync(join(project, 'package-lock.json'), '{"lockfileVersion":3}');
    expect(await recordCodeDigest(project)).not.toBe(sanitized);
    // A page component is not record code.
    const locked = await recordCodeDigest(project);
    writeFileSync(join(project, 'src/pages/404.astro'), 'changed');
    expect(await recordCodeDigest(project)).toBe(locked);
  });

  it('fails naming the file and the field when a post or comment file is invalid', { timeout: 60_000 }, async () => {
    write('posts/2013/04/bad.md', '---\ntitle: Bad\npublished: yesterday\nauthor: roy\n---\n\nText.\n');
    await expect(buildSearchIndex(options, logger)).rejects.toThrow(/posts\/2013\/04\/bad\.md:3: published: /);
    rmSync(join(root, 'content', 'posts/2013/04/bad.md'));
    write('comments/2013/04/jail.json', commentsFile('2013/04/jail', ['x']).replace('"reader"', '"visitor"'));
    await expect(buildSearchIndex(options, logger)).rejects.toThrow(/comments\/2013\/04\/jail\.json: comments\.0\.author\.role: /);
  });
});
