import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bodyWords, parseBody, postFacts, postFromEntry, postReadingMinutes, readBlog, siteView, visiblePosts, type PostSource } from '../../../src/lib/model';
import { readSiteAuthors } from '../../../src/lib/import/authors';
import { readExistingContent } from '../../../src/lib/import/existing';
import { loadWorkspace } from '../../../src/lib/proofread/workspace';
import { readSearchSource } from '../../../src/lib/search/source';
import { loadExportInput } from '../../../src/lib/export/load';
import { writeFrontMatter } from '../../../src/lib/content-files';

/**
 * The blog's model without a build: the repository's own content read once, the rules the
 * site's data layer applies to Astro's entries applied to the files, and every reader of the
 * blog (search, export, importer, proof sheet) seeing the same posts.
 */

const CONTENT = join(process.cwd(), 'content');
const TZ = 'America/New_York';
const CUTOFF = new Date('2026-06-01T12:00:00Z');
const view = siteView(readBlog(CONTENT), { cutoff: CUTOFF, includeDrafts: false, timeZone: TZ });

const temp: string[] = [];
afterAll(() => temp.forEach((d) => rmSync(d, { recursive: true, force: true })));
function scratch(): string {
  const root = mkdtempSync(join(tmpdir(), 'model-'));
  temp.push(root);
  cpSync(CONTENT, join(root, 'content'), { recursive: true });
  return join(root, 'content');
}

describe('the site as readers see it', () => {
  it('leaves out drafts and scheduled posts, as the build does', () => {
    const all = readBlog(CONTENT).posts;
    const hidden = all.filter((p) => !view.posts.some((v) => v.source.id === p.id));
    expect(view.posts.length).toBeGreaterThan(10);
    expect(hidden.map((p) => p.id).sort()).toEqual(['2018/07/things-i-will-miss-about-blogging', '2030/01/archive-is-still-here']);
    expect(siteView(readBlog(CONTENT), { cutoff: CUTOFF, includeDrafts: true, timeZone: TZ }).posts).toHaveLength(all.length);
  });

  it('gives each post its facts: address, handle, year and date in the blog zone, canonical labels', () => {
    const seed = view.posts.find((p) => p.source.id === '2008/11/should-psychiatrists-see-patients-for')!;
    expect(seed.facts).toMatchObject({ url: '/2008/11/should-psychiatrists-see-patients-for.html', author: 'Dinah', year: '2008' });
    expect(seed.facts.date).toMatch(/^2008-11-\d\dT\d\d:\d\d:00-05:00$/);
    expect(seed.facts.labels).toEqual([...seed.facts.labels].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    for (const p of view.posts) expect(p.facts.labels.every((l) => view.labels.canonical.get(l) === l)).toBe(true);
  });

  it('applies to a collection entry exactly as to the file: the same reading time and facts', () => {
    for (const { source } of view.posts) {
      // What Astro's glob loader hands the data layer: a reference for the author, the path from the project.
      const entry = postFromEntry({ id: source.id, filePath: `content/${source.file}`, body: source.body, data: { ...source.data, author: { id: source.data.author } } });
      expect(postReadingMinutes(entry)).toBe(postReadingMinutes(source));
      expect(postFacts(entry, view.handles, view.labels.canonical, TZ)).toEqual(postFacts(source, view.handles, view.labels.canonical, TZ));
    }
  });

  it('keeps the comment files of visible posts and pages only', () => {
    const threads = new Set([...view.posts.map((p) => p.source.id), ...view.pages.map((p) => `p/${p.id}`)]);
    expect(view.commentFiles.length).toBeGreaterThan(0);
    expect(view.commentFiles.every((f) => threads.has(f.post))).toBe(true);
    const file = view.commentFiles[0]!;
    expect(file.read().comments).toHaveLength(file.count);
  });
});

describe('every reader sees the same blog', () => {
  it('search records, the comment export and the proof sheet list the same posts', () => {
    const search = readSearchSource({ contentDir: CONTENT, cutoff: CUTOFF, includeDrafts: false, timeZone: TZ });
    const ids = view.posts.map((p) => p.source.id);
    expect(search.postRecords.map((r) => r.url)).toEqual(view.posts.map((p) => p.facts.url));
    const exported = loadExportInput(CONTENT, { site: { title: 't', homeUrl: 'https://www.example.org/' }, now: CUTOFF, timeZone: TZ });
    expect([...exported.posts.keys()].filter((k) => !k.startsWith('p/')).sort()).toEqual([...ids].sort());
    const ws = loadWorkspace(process.cwd());
    expect([...ws.posts.keys()].sort()).toEqual(readBlog(CONTENT).posts.map((p) => p.id).sort());
    expect(ws.authors.map((a) => a.handle).sort()).toEqual(Object.values(view.handles).sort());
  });

  it("the importer's view: the site's posts by id, with their Blogger ids and labels as written", () => {
    const existing = readExistingContent(CONTENT);
    expect([...existing.posts.keys()].sort()).toEqual(readBlog(CONTENT).posts.map((p) => p.id).sort());
    for (const p of readBlog(CONTENT).posts) expect(existing.posts.get(p.id)!.labels).toEqual(p.data.labels);
    expect(existing.warnings).toEqual([]);
  });
});

describe('reading a content folder', () => {
  it('refuses an author file the schema refuses, naming the file and field (the importer never guesses a profile)', () => {
    const content = scratch();
    writeFileSync(join(content, 'authors/roy.yaml'), 'name: Roy\n');
    expect(() => readSiteAuthors(content)).toThrow(/authors\/roy\.yaml: handle/);
  });

  it('refuses an author file that is not UTF-8, naming it', () => {
    const content = scratch();
    writeFileSync(join(content, 'authors/roy.yaml'), Buffer.from('name: "Ro\xe9"\nhandle: Roy\n', 'latin1'));
    expect(() => readSiteAuthors(content)).toThrow(/authors\/roy\.yaml:1: the file is not UTF-8/);
  });

  it('leniently, keeps a post the schema refuses with its front matter as written', () => {
    const content = scratch();
    writeFileSync(join(content, 'posts/2008/11/broken.md'), writeFrontMatter({ title: 'Broken', author: 'dinah', legacy: { bloggerId: '123' } }, 'Body.\n'));
    expect(() => readBlog(content)).toThrow(/posts\/2008\/11\/broken\.md: published/);
    const blog = readBlog(content, { lenient: true });
    expect(blog.invalidDocuments).toMatchObject([{ kind: 'post', id: '2008/11/broken', readable: true, frontMatter: { title: 'Broken' } }]);
    const existing = readExistingContent(content);
    expect(existing.posts.get('2008/11/broken')?.bloggerId).toBe('123');
    expect(existing.warnings.join('\n')).toMatch(/broken\.md: published/);
  });

  it('refuses a Blogger id written as a number (it would lose digits), naming the file and field', () => {
    const content = scratch();
    writeFileSync(join(content, 'posts/2008/11/id.md'), `---\ntitle: "Id"\npublished: "2008-11-02T10:00:00-05:00"\nauthor: dinah\nlegacy:\n  bloggerId: 1143037752240118350\n---\n\nBody.\n`);
    expect(() => readBlog(content)).toThrow(/posts\/2008\/11\/id\.md:\d+: legacy\.bloggerId: Blogger ids must be strings in quotes/);
  });

  it('refuses a post file that is not at YYYY/MM/slug, as the build does', () => {
    const content = scratch();
    writeFileSync(join(content, 'posts/2008/my-post.md'), writeFrontMatter({ title: 'M', published: '2008-11-02T10:00:00-05:00', author: 'dinah' }, 'Body.\n'));
    expect(() => siteView(readBlog(content), { cutoff: CUTOFF, includeDrafts: false, timeZone: TZ })).toThrow('"2008/my-post" is not at content/posts/YYYY/MM/slug.mdx');
  });

  it('fails on a post by an author the blog does not have, naming the file', () => {
    const content = scratch();
    writeFileSync(join(content, 'posts/2008/11/stranger.md'), writeFrontMatter({ title: 'S', published: '2008-11-02T10:00:00-05:00', author: 'freud' }, 'Body.\n'));
    expect(() => readSearchSource({ contentDir: content, cutoff: CUTOFF, includeDrafts: false, timeZone: TZ })).toThrow(/posts\/2008\/11\/stranger\.md: author: unknown author "freud"/);
  });
});

describe('one parse of a body', () => {
  it('counts prose words from the same tree the search record is made of', () => {
    const body = "Two words, and it's five.\n\n```js\nconst notCounted = 1;\n```\n\n- one\n- two";
    expect(bodyWords(body, 'md')).toBe(7);
    expect(parseBody(body, 'md').children.some((n) => n.type === 'element' && n.tagName === 'pre')).toBe(true);
  });

  it('reads .md as Markdown, as the build does: braces are text there', () => {
    expect(bodyWords('A {b} c', 'md')).toBe(3);
    expect(bodyWords('A {b} c', 'mdx')).toBe(2);
  });

  it('visiblePosts refuses a file that is not at a post address', () => {
    const misplaced = { id: '2008/13/x', data: view.posts[0]!.source.data } as Pick<PostSource, 'id' | 'data'>;
    expect(() => visiblePosts([misplaced], { cutoff: CUTOFF, includeDrafts: false })).toThrow(/2008\/13\/x/);
  });
});
