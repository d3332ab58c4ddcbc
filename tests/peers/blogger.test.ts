import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { PostComments } from '../../src/lib/schemas';
import { importInto, peer, scratch, snapshot } from '../unit/import/helpers';
import { compileBoth, compileMarkdown, compilePost, renderedText, renderedWords } from '../unit/import/mdx';

/**
 * The Blogger files other importers test with, and what those projects assert
 * (../shared/fixtures/peers/README.md), where it applies to us.
 */

const frontmatter = (text: string) => parseYaml(/^---\n([\s\S]*?)\n---/.exec(text)![1]!) as Record<string, unknown>;
const body = (text: string) => text.replace(/^---\n[\s\S]*?\n---\n\n?/, '');

function imported(file: string, options = {}) {
  const { root, content } = scratch();
  const result = importInto(content, [peer(file)], options);
  const files = snapshot(content);
  return { root, content, result, files, read: (rel: string) => readFileSync(join(content, rel), 'utf8') };
}

describe('pelican-bloggerexport.xml (pelican TestBloggerXmlImporter)', () => {
  const { result, files, read } = imported('pelican-bloggerexport.xml');
  const c = result.report.counts;

  it('imports posts, pages and the comment; templates and settings are not content', () => {
    expect(c.posts).toEqual({ live: 1, draft: 1 });
    expect(c.pages).toEqual({ live: 1, draft: 1 });
    expect(c.comments).toEqual({ visible: 1, tombstone: 0 });
    expect(result.report.files[0]!.skipped).toEqual({ template: 1, settings: 58 });
  });

  it('keeps the titles and the draft status', () => {
    const posts = [...files.keys()].filter((f) => f.startsWith('posts/'));
    const pages = [...files.keys()].filter((f) => f.startsWith('pages/'));
    expect(posts.map((f) => frontmatter(files.get(f)!).title).sort()).toEqual(["Black as Egypt's Night", 'The Steel Windpipe']);
    expect(pages.map((f) => frontmatter(files.get(f)!).title).sort()).toEqual(['Test page', 'Test page 2']);
    expect(posts.map((f) => frontmatter(files.get(f)!).draft ?? false).sort()).toEqual([false, true]);
  });

  it('names published entries from their link, drafts from their title', () => {
    expect([...files.keys()].filter((f) => !f.startsWith('authors/')).sort()).toEqual([
      'comments/2010/11/the-steel-windpipe.json',
      'pages/test-page-2.md',
      'pages/test-page.md',
      'posts/2010/11/black-as-egypts-night.md',
      'posts/2010/11/the-steel-windpipe.md',
    ]);
    expect(frontmatter(read('posts/2010/11/black-as-egypts-night.md')).labels).toEqual(['Interesting cases', 'amputations']);
  });

  it('attaches the comment to its post and never stores the generated comment title', () => {
    const comments = JSON.parse(read('comments/2010/11/the-steel-windpipe.json')) as PostComments;
    expect(comments.post).toBe('2010/11/the-steel-windpipe');
    expect(comments.comments.map((x) => [x.id, x.author.name])).toEqual([['blogger:5590533389087749201', 'Thomas Isidore Noël Sankara']]);
    expect(read('comments/2010/11/the-steel-windpipe.json')).not.toContain('Mishka, always a pleasure to read your adventures!...');
    // The localised display time is never used: the stored time is <published>.
    expect(comments.comments[0]!.published).toMatch(/^2010-11-29T/);
  });
});

describe('ghost-importer-blogger.xml (Ghost-Importer BloggerImport_spec)', () => {
  it('imports the 4 posts, the page, and all 13 comments on the page (whose ref says post-)', () => {
    const { result, files, read } = imported('ghost-importer-blogger.xml');
    expect(result.report.counts.posts).toEqual({ live: 4, draft: 0 });
    expect(result.report.counts.pages).toEqual({ live: 1, draft: 0 });
    expect(result.report.counts.dropped).toEqual({});
    const comments = JSON.parse(read('comments/p/feedback.json')) as PostComments;
    expect(comments.post).toBe('p/feedback');
    expect(comments.comments).toHaveLength(13);
    expect(comments.comments.filter((x) => x.author.identity === 'anonymous')).toHaveLength(8);
    expect(comments.comments.filter((x) => x.author.name === 'Jacob Gable')).toHaveLength(5);
    expect([...files.keys()].filter((f) => f.startsWith('posts/')).sort()).toEqual([
      'posts/2010/10/mo-words-for-win-phone-7.md',
      'posts/2010/10/mo-words-is-live.md',
      'posts/2010/10/update-13-released-on-marketplace.md',
      'posts/2010/10/version-10-submitted-to-marketplace.md',
    ]);
    expect(frontmatter(read('posts/2010/10/mo-words-is-live.md')).labels).toEqual(['v1.0']);
    // An unknown author is reported, and his comments stay a reader's.
    expect(result.report.unknownAuthors).toEqual([
      { name: 'Jacob Gable', uri: 'http://www.blogger.com/profile/06143537581139815312', posts: 4, assignedTo: 'dinah' },
    ]);
    expect(comments.comments.every((x) => x.author.role === 'reader')).toBe(true);
    // Entities in comment bodies are decoded once: "I&#39;ve" becomes "I've", never "&amp;#39;".
    const text = read('comments/p/feedback.json');
    expect(text).toContain("I've seen alphajax.");
    expect(text).not.toMatch(/&(amp;)?#39;/);
  });

  it("recognises the blog author's comments by profile URI once his posts are mapped", () => {
    const { read } = imported('ghost-importer-blogger.xml', {
      authorMap: { authors: { roy: { bloggerProfileUris: [], names: ['Jacob Gable'], disqusUsernames: [], wordpressLogins: [] } } },
    });
    const comments = (JSON.parse(read('comments/p/feedback.json')) as PostComments).comments;
    const byAuthor = comments.filter((x) => x.author.role === 'blog-author');
    expect(byAuthor).toHaveLength(5);
    expect(byAuthor.every((x) => x.author.authorKey === 'roy')).toBe(true);
    expect(frontmatter(read('posts/2010/10/mo-words-is-live.md')).author).toBe('roy');
  });
});

describe('blot-export.atom (Takeout, blot importer tests)', () => {
  const { result, read, files } = imported('blot-export.atom', { hosts: ['koalanguage.blogspot.com'] });

  it('imports the live post, page and untitled post, keeps the draft a draft, drops the trashed post', () => {
    expect(result.report.counts.posts).toEqual({ live: 2, draft: 1 });
    expect(result.report.counts.pages).toEqual({ live: 1, draft: 0 });
    expect(result.report.dropped.filter((d) => d.kind === 'post')).toEqual([
      { kind: 'post', id: 'tag:blogger.com,1999:blog-1.post-trashed', reason: 'trashed', detail: 'trashed 2015-02-01T00:00:00Z' },
    ]);
    expect([...files.keys()].filter((f) => f.includes('trashed'))).toEqual([]);
  });

  it('places entries at their filename and keeps the date', () => {
    const fm = frontmatter(read('posts/2014/07/kinship-terms.md'));
    expect(fm.published).toBe('2014-07-28T03:35:00Z');
    expect(fm.title).toBe('Kinship terms');
    expect(files.has('pages/about.md')).toBe(true);
    expect(frontmatter(read('posts/2021/11/kion-fari.md')).title).toBe('kion-fari');
    expect(result.report.untitled).toEqual([{ id: '2021/11/kion-fari', title: 'kion-fari' }]);
  });

  it('writes the Markdown blot expects', () => {
    const b = body(read('posts/2014/07/kinship-terms.md'));
    expect(b).toContain('Hello **world** and *friends*.');
    expect(b).toContain('**1.1.2 Particle Categories**');
    expect(b).toContain('| Term | Meaning |');
    expect(b).toContain('| ama | mother |');
    expect(compileMarkdown(b)).toContain('<td>ama</td>');
    expect(renderedText(b, 'md')).toContain('ama');
  });

  it('rewrites same-site links and leaves other blogs alone', () => {
    const b = body(read('posts/2014/07/kinship-terms.md'));
    expect(b).toContain('[post](/2021/11/kion-fari.html)');
    expect(b).toContain('[elsewhere](https://seadilanguage.blogspot.com/other.html)');
  });

  it('attaches the comment to its post by blogger:parent', () => {
    const comments = JSON.parse(read('comments/2014/07/kinship-terms.json')) as PostComments;
    expect(comments.comments.map((x) => x.id)).toEqual(['blogger:1']);
  });
});

describe('blot-export.xml (classic, blot importer tests)', () => {
  const { result, read, files } = imported('blot-export.xml', { hosts: ['example.blogspot.com'] });

  it('imports the 4 posts and the page; the dateless draft and the empty comment are reported', () => {
    expect(result.report.counts.posts).toEqual({ live: 4, draft: 0 });
    expect(result.report.counts.pages).toEqual({ live: 1, draft: 0 });
    expect(result.report.dropped.map((d) => [d.kind, d.id, d.reason])).toEqual([
      ['post', 'draft', 'malformed'],
      ['comment', 'blogger:comment', 'malformed'],
    ]);
  });

  it('post-1: labels, date, address, and the images (linked full size, data: kept)', () => {
    const text = read('posts/2020/01/shared.md');
    const fm = frontmatter(text);
    expect(fm.labels).toEqual(['News', 'Two Words']);
    expect(fm.published).toBe('2020-01-02T03:04:05Z');
    expect((fm.legacy as { url: string }).url).toBe('https://example.blogspot.com/2020/01/shared.html');
    expect(text).toContain('[![](https://blogger.googleusercontent.com/img/b/ABC/s320/IMG_4534.jpg)](https://blogger.googleusercontent.com/img/b/ABC/s3093/IMG_4534.jpg)');
    expect(text).toContain('![embedded](data:image/png;base64,AAAA)');
  });

  it('post-2 shares post-1 address: kept distinct with Blogger\'s _1 suffix, and reported', () => {
    expect(frontmatter(read('posts/2020/01/shared_1.md')).title).toBe('shared');
    expect(result.report.slugCollisions).toEqual([
      { id: 'post-2', wanted: '2020/01/shared', assigned: '2020/01/shared_1', reason: 'another entry in the export has this address' },
    ]);
  });

  it('post-3 had no Blogger-shaped address: it gets a safe one and a redirect', () => {
    expect(files.has('posts/2020/01/weird-name.md')).toBe(true);
    expect(result.report.redirects).toEqual([{ from: '/a/%E2%98%83/weird.name.html', to: '/2020/01/weird-name.html' }]);
  });

  it('post-4 is titled from its filename; internal links are rewritten, others kept', () => {
    expect(frontmatter(read('posts/2020/01/hello-world.md')).title).toBe('hello-world');
    const text = read('posts/2020/01/shared.md');
    expect(text).toContain('[other post](/2020/01/hello-world.html)');
    expect(text).toContain('[elsewhere](https://other.example/page)');
    expect(files.has('pages/about.md')).toBe(true);
  });
});

describe('every post converted from every Blogger fixture compiles, and .md renders what .mdx would have', () => {
  const hosts = ['example.blogspot.com', 'koalanguage.blogspot.com'];
  const docsOf = (files: Map<string, string>) => [...files].filter(([f]) => /^(posts|pages)\//.test(f));
  const idOf = (rel: string) => rel.replace(/\.mdx?$/, '');
  for (const file of ['pelican-bloggerexport.xml', 'ghost-importer-blogger.xml', 'blot-export.atom', 'blot-export.xml']) {
    it(file, () => {
      const { files } = imported(file, { hosts });
      const docs = docsOf(files);
      expect(docs.length).toBeGreaterThan(0);
      // These exports hold no video player and no superscript: every body is plain Markdown.
      expect(docs.filter(([f]) => !f.endsWith('.md'))).toEqual([]);
      // The same export written the old way, every body as .mdx.
      const asMdx = new Map(docsOf(imported(file, { hosts, bodyFormat: 'mdx' }).files).map(([f, text]) => [idOf(f), { f, text }]));
      expect([...asMdx.keys()].sort()).toEqual(docs.map(([f]) => idOf(f)).sort());
      for (const [name, text] of docs) {
        const twin = asMdx.get(idOf(name))!;
        expect(twin.f).toBe(`${idOf(name)}.mdx`);
        try {
          compilePost(name, text);
          compileBoth(twin.text);
        } catch (e) {
          throw new Error(`${file} -> ${name}: ${(e as Error).message}`);
        }
        // Same frontmatter, and the same words on the page.
        expect(frontmatter(text), name).toEqual(frontmatter(twin.text));
        expect(renderedWords(text, 'md'), name).toBe(renderedWords(twin.text, 'mdx'));
      }
      // Real text was compared, not two empty pages.
      expect(docs.map(([, text]) => renderedWords(text, 'md')).join(' ').length).toBeGreaterThan(50);
    });
  }
});
