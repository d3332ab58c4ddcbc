import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  ContentFileError,
  formatCommentsFile,
  listContentFiles,
  listFiles,
  parseFrontMatter,
  readAuthorFile,
  readCommentsFile,
  readLabelsFile,
  readPageFile,
  readPostFile,
  readTextFile,
  scanContentFolder,
  splitFrontMatter,
  writeFrontMatter,
} from '../../../src/lib/content-files';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

/** A content folder with the given files (text or bytes). */
function folder(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'content-files-'));
  roots.push(root);
  for (const [rel, data] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), data);
  }
  return root;
}

const POST = writeFrontMatter(
  { title: 'Ground Rules', published: '2008-11-29T06:47:00-05:00', author: 'dinah', labels: ['psychotherapy', 'Q&A'] },
  'Body with é.\n',
);
const COMMENTS = {
  schemaVersion: 1,
  post: '2008/11/ground-rules',
  comments: [
    {
      id: 'blogger:1',
      parentId: null,
      published: '2008-11-29T08:00:00-05:00',
      author: { name: 'Reader', role: 'reader', identity: 'guest' },
      bodyHtml: '<p>Hi</p>',
      status: 'visible',
      source: { system: 'blogger-classic', file: 'x.xml', id: '1', postRef: '2' },
    },
  ],
};

describe('front matter', () => {
  it('writes what it reads back, with strings quoted and labels inline', () => {
    expect(POST).toBe(
      '---\ntitle: "Ground Rules"\npublished: "2008-11-29T06:47:00-05:00"\nauthor: "dinah"\nlabels: ["psychotherapy", "Q&A"]\n---\n\nBody with é.\n',
    );
    const parsed = parseFrontMatter(POST);
    expect(parsed.data.labels).toEqual(['psychotherapy', 'Q&A']);
    expect(parsed.keyLines.get('author')).toBe(4);
    expect(parsed.body).toBe('\nBody with é.\n');
    expect(parsed.bodyLineOffset).toBe(6);
    expect(POST.slice(parsed.bodyOffset)).toBe(parsed.body);
  });

  it('keeps a commented-out line at the end of the front matter', () => {
    const text = writeFrontMatter({ title: 'T' }, '', { trailingComment: 'description: "…"' });
    expect(text).toBe('---\ntitle: "T"\n# description: "…"\n---\n\n');
    expect(parseFrontMatter(text).data).toEqual({ title: 'T' });
  });

  it('leaves chosen values unquoted only when they read back as the same string', () => {
    const text = writeFrontMatter({ author: 'roy', other: 'true' }, '', { plainKeys: ['author', 'other'] });
    expect(text).toBe('---\nauthor: roy\nother: "true"\n---\n\n');
  });

  it('finds the fences line by line: CRLF, a BOM, trailing spaces, none at all', () => {
    expect(splitFrontMatter('---\r\na: 1\r\n--- \r\nbody')).toMatchObject({ yaml: 'a: 1', body: 'body', bodyLineOffset: 3 });
    expect(splitFrontMatter('\uFEFF---\na: 1\n---\nbody')).toMatchObject({ yaml: 'a: 1', body: 'body', bodyOffset: 14 });
    expect(splitFrontMatter('no front matter\n---\n')).toBeUndefined();
    expect(splitFrontMatter('---\na: 1\nnever closed\n')).toBeUndefined();
    expect(parseFrontMatter('just text').present).toBe(false);
  });

  it('reports a YAML problem with its line in the file instead of throwing', () => {
    const parsed = parseFrontMatter('---\ntitle: "ok"\nlabels: [a\n---\nbody\n');
    expect(parsed.error?.line).toBeGreaterThanOrEqual(3);
    expect(parsed.data).toEqual({});
  });
});

describe('strict UTF-8', () => {
  const latin1 = Uint8Array.from([...Buffer.from('---\ntitle: "Caf'), 0xe9, ...Buffer.from('"\n---\n')]);
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('---\ntitle: "x"\n---\n', 'utf16le')]);
  const utf16NoBom = Buffer.from('---\ntitle: "x"\n---\n', 'utf16le');

  it('refuses Latin-1 with the file and line named', () => {
    const dir = folder({ 'posts/2008/11/cafe.md': latin1 });
    const read = () => readTextFile(join(dir, 'posts/2008/11/cafe.md'), 'posts/2008/11/cafe.md');
    expect(read).toThrow(ContentFileError);
    expect(read).toThrow(/^posts\/2008\/11\/cafe\.md:2: the file is not UTF-8/);
  });

  it('refuses UTF-16, with or without a byte-order mark', () => {
    const dir = folder({ 'a.md': utf16, 'b.md': utf16NoBom });
    expect(() => readTextFile(join(dir, 'a.md'), 'a.md')).toThrow(/a\.md: the file is saved as UTF-16/);
    expect(() => readTextFile(join(dir, 'b.md'), 'b.md')).toThrow(/b\.md: the file looks like UTF-16/);
  });

  it('drops a UTF-8 byte-order mark and keeps everything else', () => {
    const dir = folder({ 'a.md': '\uFEFFcafé' });
    expect(readTextFile(join(dir, 'a.md'))).toBe('café');
  });
});

describe('the content folder', () => {
  const dir = folder({
    'posts/2008/11/ground-rules.md': POST,
    'posts/2008/11/.hidden.md': POST,
    'pages/about.mdx': writeFrontMatter({ title: 'About' }, 'Hello\n'),
    'comments/2008/11/ground-rules.json': formatCommentsFile(COMMENTS as never),
    'authors/dinah.yaml': 'handle: Dinah\nname: Dinah Miller\nrole: psychiatrist\nsetting: private practice\nbio: Writes.\n',
    'labels.yaml': 'psychotherapy:\n  description: Talking.\n  aliases: [Psychotherapy]\n',
  });

  it('lists every file by kind with its collection id, hidden files skipped', () => {
    expect(listContentFiles(dir).map((f) => [f.kind, f.rel, f.id])).toEqual([
      ['post', 'posts/2008/11/ground-rules.md', '2008/11/ground-rules'],
      ['page', 'pages/about.mdx', 'about'],
      ['comments', 'comments/2008/11/ground-rules.json', '2008/11/ground-rules'],
      ['author', 'authors/dinah.yaml', 'dinah'],
      ['labels', 'labels.yaml', 'labels'],
    ]);
    expect(listFiles(join(dir, 'nowhere'), /x/)).toEqual([]);
    expect(listFiles(dir, (name) => name.endsWith('.yaml')).length).toBe(2);
  });

  it('reads each kind validated by the schemas', () => {
    const post = readPostFile(join(dir, 'posts/2008/11/ground-rules.md'));
    expect(post.data.published).toEqual(new Date('2008-11-29T11:47:00Z'));
    expect(post.data.draft).toBe(false);
    expect(readPageFile(join(dir, 'pages/about.mdx')).data.title).toBe('About');
    expect(readCommentsFile(join(dir, 'comments/2008/11/ground-rules.json')).comments).toHaveLength(1);
    expect(readAuthorFile(join(dir, 'authors/dinah.yaml')).handle).toBe('Dinah');
    expect(readLabelsFile(dir).get('psychotherapy')?.aliases).toEqual(['Psychotherapy']);
    expect(readLabelsFile(join(dir, 'nowhere')).size).toBe(0);
  });

  it('names the file, the line and the field when a file breaks a rule', () => {
    const bad = folder({
      'p.md': '---\ntitle: "x"\npublished: 29/11/2008\nauthor: dinah\n---\n',
      'c.json': '{ "schemaVersion": 1,',
      'c2.json': JSON.stringify({ ...COMMENTS, comments: [{ ...COMMENTS.comments[0], id: 'no namespace' }] }),
      'labels.yaml': 'jails:\n  aliases: ["a/b"]\n',
      'nofm.md': 'text only\n',
    });
    expect(() => readPostFile(join(bad, 'p.md'), 'p.md')).toThrow(/^p\.md:3: published: /);
    expect(() => readPostFile(join(bad, 'nofm.md'), 'nofm.md')).toThrow(/nofm\.md: the file has no front matter/);
    expect(() => readCommentsFile(join(bad, 'c.json'), 'c.json')).toThrow(/^c\.json: not valid JSON/);
    expect(() => readCommentsFile(join(bad, 'c2.json'), 'c2.json')).toThrow(/^c2\.json: comments\.0\.id: comment ids are namespaced/);
    expect(() => readLabelsFile(bad)).toThrow(/^labels\.yaml: jails\.aliases\.0: labels cannot contain/);
  });
});

describe('the build-time scan', () => {
  it('finds files that are not UTF-8 and a slug.md beside a slug.mdx', () => {
    const dir = folder({
      'posts/2008/11/a.md': POST,
      'posts/2008/11/a.mdx': POST,
      'posts/2008/11/b.md': Uint8Array.from([...Buffer.from('---\ntitle: "Caf'), 0xe9, ...Buffer.from('"\n---\n')]),
      'pages/about.mdx': 'ok',
    });
    expect(scanContentFolder(dir).map((p) => p.message)).toEqual([
      expect.stringMatching(/^posts\/2008\/11\/b\.md:2: the file is not UTF-8/),
      'posts/2008/11/a.md and posts/2008/11/a.mdx are the same post (2008/11/a): one address cannot have two files. Keep one and delete the other.',
    ]);
  });
});
