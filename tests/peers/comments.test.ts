import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { PostComments, StoredComment } from '../../src/lib/schemas';
import { importInto, peer, scratch, seedPost, snapshot } from '../unit/import/helpers';
import { compilePost, renderedText } from '../unit/import/mdx';

/**
 * Disqus and WordPress files other projects test with (../shared/fixtures/peers/),
 * and what they assert, where it applies to us. Disqus threads are matched to
 * posts by URL, so each test first puts posts at those URLs.
 */

const comments = (content: string, post: string) =>
  (JSON.parse(readFileSync(join(content, 'comments', `${post}.json`), 'utf8')) as PostComments).comments;
const frontmatter = (text: string) => parseYaml(/^---\n([\s\S]*?)\n---/.exec(text)![1]!) as Record<string, unknown>;
const allText = (content: string) => [...snapshot(content).values()].join('\n');
const NO_PII = /@(bar\.com|email\.foo|gmail\.com|example\.org|posativ\.org|mail\.test)|\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b|::ffff/;

describe('isso-disqus.xml (isso test_migration)', () => {
  const { content } = scratch();
  seedPost(content, '2013/01/hello', 'http://example.org/');
  seedPost(content, '2013/02/redacted', 'http://localhost:4000/blog/2013/02/12/redacted/index.html');
  const result = importInto(content, [peer('isso-disqus.xml')]);

  it('keeps 5 comments: the orphan is dropped, the deleted one stays as an empty tombstone because it has a reply', () => {
    expect(result.report.counts.comments).toEqual({ visible: 4, tombstone: 1 });
    expect(result.report.counts.dropped).toEqual({ orphan: 1 });
    expect(result.report.dropped[0]!.id).toBe('disqus:6');
    const hello = comments(content, '2013/01/hello');
    // Sorted by time, then id: posts 4 and 9 share a timestamp (as upstream numbers them 1-4).
    expect(hello.map((c) => c.id)).toEqual(['disqus:4', 'disqus:9', 'disqus:5', 'disqus:11']);
    const byId = new Map(hello.map((c) => [c.id, c]));
    expect(byId.get('disqus:9')).toMatchObject({ status: 'tombstone', bodyHtml: '', author: { name: '' } });
    expect(byId.get('disqus:11')!.parentId).toBe('disqus:9');
    expect(byId.get('disqus:5')!.parentId).toBe('disqus:4');
    expect(byId.get('disqus:4')!.author.name).toBe('peter');
    expect(comments(content, '2013/02/redacted').map((c) => c.id)).toEqual(['disqus:8']);
  });

  it('stores no e-mail and no IP address', () => {
    expect(allText(content)).not.toMatch(NO_PII);
  });
});

describe('remark42 Disqus files (remark42 disqus_test.go)', () => {
  function run(file: string) {
    const { content } = scratch();
    seedPost(content, '2011/03/229-8880', 'http://radio-t.umputun.com/2011/03/229_8880.html');
    seedPost(content, '2011/03/podcast-229', 'https://radio-t.com/p/2011/03/05/podcast-229/');
    const result = importInto(content, [peer(file)]);
    const all = [...comments(content, '2011/03/229-8880'), ...comments(content, '2011/03/podcast-229')].sort(
      (a, b) => Date.parse(a.published) - Date.parse(b.published),
    );
    return { content, result, all };
  }

  it('disqus.xml: 4 comments, spam and the broken post left out, 2 on the page found by <link>', () => {
    const { content, result, all } = run('remark42-disqus.xml');
    expect(all).toHaveLength(4);
    expect(result.report.counts.dropped).toEqual({ malformed: 1, spam: 1 });
    expect(comments(content, '2011/03/podcast-229')).toHaveLength(2);
    const oldest = all[0]!;
    expect(oldest).toMatchObject({ id: 'disqus:299619020', parentId: null, published: '2011-08-31T15:16:29Z', author: { name: 'Alexander Blah' } });
    expect(oldest.bodyHtml).toMatch(/^<p>The quick brown fox jumps over the lazy dog\.<\/p><p><a href="https:\/\/https:\/\/radio-t\.com" rel="nofollow ugc noopener noreferrer">some link<\/a><\/p>$/);
    // The post without dsq:id falls back to its <id>.
    expect(all.map((c) => c.id)).toContain('disqus:12345678890');
    expect(allText(content)).not.toMatch(NO_PII);
    expect(result.report.files[0]!.recovered).toHaveLength(2);
  });

  it('disqus-deleted-post.xml: 3 comments, the oldest by mikhail', () => {
    const { all } = run('remark42-disqus-deleted-post.xml');
    expect(all).toHaveLength(3);
    expect(all[0]).toMatchObject({ id: 'disqus:299744309', author: { name: 'mikhail' } });
    expect(all[0]!.bodyHtml.startsWith('<p>Microsoft ')).toBe(true);
  });

  it('disqus-deleted-thread.xml: 2 comments, every post of the deleted thread dropped', () => {
    const { content, result, all } = run('remark42-disqus-deleted-thread.xml');
    expect(all).toHaveLength(2);
    expect(result.report.counts.dropped['deleted-thread']).toBe(3);
    expect(all[0]).toMatchObject({ id: 'disqus:299986072', author: { name: 'No Username' } });
    expect(all[0]!.bodyHtml.startsWith('<p>Google App Engine ')).toBe(true);
    expect(comments(content, '2011/03/229-8880').map((c) => c.id)).toContain('disqus:299986072');
  });
});

describe('isso-wordpress.xml (isso test_wordpress)', () => {
  const { content } = scratch();
  seedPost(content, '2014/01/p-4', 'http://example.tld/?p=4', '...');
  const result = importInto(content, [peer('isso-wordpress.xml')]);

  it('imports the post with its 7 comments, and the comment of ?p=4 (the query is part of the address)', () => {
    expect(result.report.counts.posts).toEqual({ live: 1, draft: 0 });
    expect(result.report.counts.comments).toEqual({ visible: 8, tombstone: 0 });
    const post = comments(content, '2014/01/test');
    expect(post).toHaveLength(7);
    expect(comments(content, '2014/01/p-4')).toHaveLength(1);
    expect(frontmatter(readFileSync(join(content, 'posts/2014/01/test.md'), 'utf8')).title).toBe('Hello, World…');
  });

  it('keeps the nesting (7 under 6, 8 and 9 under 7) and the text', () => {
    const post = comments(content, '2014/01/test');
    const byRaw = new Map(post.map((c) => [c.source.id, c]));
    expect(byRaw.get('2')).toMatchObject({ author: { name: 'Ohai' }, bodyHtml: '<p>Erster!1</p>', parentId: null });
    expect(byRaw.get('6')).toMatchObject({ author: { name: 'Tester' }, bodyHtml: '<p>Zweiter.</p>' });
    expect(byRaw.get('7')!.parentId).toBe('wxr:6');
    expect(byRaw.get('8')!.parentId).toBe('wxr:7');
    expect(byRaw.get('9')!.parentId).toBe('wxr:7');
    expect(byRaw.get('10')!.bodyHtml).toBe('<p>When you have a comment with multiple lines:<br>\nWordPress exports it like this.</p>');
    expect(byRaw.get('11')).toMatchObject({ author: { name: 'Letzter :/' }, parentId: null });
    // Comment 7 has only comment_date_gmt; comment 10's local time is 10 hours ahead of GMT.
    expect(byRaw.get('7')!.published).toBe('2014-04-29T15:21:35Z');
    expect(byRaw.get('10')!.published).toBe('2022-06-06T12:13:14+10:00');
  });

  it('keeps repeated comment ids apart, and stores no e-mail or IP', () => {
    const ids = [...comments(content, '2014/01/test'), ...comments(content, '2014/01/p-4')].map((c) => c.id);
    expect(new Set(ids).size).toBe(8);
    expect(ids.filter((id) => id.endsWith('-11'))).toHaveLength(2);
    expect(allText(content)).not.toMatch(NO_PII);
  });
});

describe('pelican-wordpressexport.xml (pelican TestWordpressXmlImporter; comment rules are ours)', () => {
  const { content } = scratch();
  const result = importInto(content, [peer('pelican-wordpressexport.xml')]);
  const files = snapshot(content);

  it('imports 7 published and 4 draft posts and the 2 pages; attachments and custom types are not content', () => {
    expect(result.report.counts.posts).toEqual({ live: 7, draft: 4 });
    expect(result.report.counts.pages).toEqual({ live: 2, draft: 0 });
    expect(result.report.files[0]!.skipped).toEqual({ attachment: 4, custom1: 2, custom2: 1 });
    const pages = [...files].filter(([f]) => f.startsWith('pages/')).map(([f, t]) => [frontmatter(t).title, f]);
    expect(pages.sort()).toEqual([
      ['Empty Page', 'pages/empty.md'],
      ['Page', 'pages/contact.md'],
    ]);
  });

  it('gives no post an empty title and decodes the entity title', () => {
    const titles = [...files].filter(([f]) => /\.mdx?$/.test(f)).map(([, t]) => frontmatter(t).title as string);
    expect(titles.every((t) => t.trim() !== '')).toBe(true);
    expect(titles).toContain("A normal post with some <html> entities in the title. You can't miss them.");
  });

  it('keeps the 3 approved comments, drops the trashed pingback, and lifts the reply whose parent is missing', () => {
    const c = comments(content, '2012/02/with-comments'.replace('2012/02', monthOf(files, 'with-comments')));
    expect(c.map((x) => [x.source.id, x.parentId])).toEqual([
      ['116', null],
      ['117', 'wxr:116'],
      ['122', null],
    ]);
    expect(result.report.counts.dropped).toEqual({ pingback: 1 });
    expect(result.report.reparentedComments.map((r) => [r.id, r.missingParent, r.newParent])).toEqual([['wxr:122', 'wxr:121', null]]);
  });

  it('every converted post compiles: .md with Sätteri, .mdx with both MDX compilers', () => {
    const docs = [...files].filter(([f]) => /^(posts|pages)\//.test(f));
    expect(docs).toHaveLength(13);
    // The one body with raw markup Markdown cannot say stays MDX.
    expect(docs.filter(([f]) => f.endsWith('.mdx')).map(([f]) => f)).toEqual(['posts/2012/02/post-with-raw-data.mdx']);
    for (const [f, t] of docs) compilePost(f, t);
  });
});

function monthOf(files: Map<string, string>, slug: string): string {
  const f = [...files.keys()].find((k) => /\.mdx?$/.test(k) && k.includes(`/${slug}.`) && k.startsWith('posts/'))!;
  return f.slice('posts/'.length, 'posts/'.length + 7);
}

describe('ghost-importer-example.wxr (Ghost-Importer WordpressImport_spec)', () => {
  it('imports the 3 posts and the page (5 items with the attachment), and the 2 comments', () => {
    const { content } = scratch();
    const result = importInto(content, [peer('ghost-importer-example.wxr')]);
    expect(result.report.counts.posts).toEqual({ live: 3, draft: 0 });
    expect(result.report.counts.pages).toEqual({ live: 1, draft: 0 });
    expect(result.report.files[0]!.skipped).toEqual({ attachment: 1 });
    expect(result.report.counts.comments).toEqual({ visible: 2, tombstone: 0 });
    const files = [...snapshot(content).keys()].filter((f) => f.startsWith('comments/'));
    expect(files).toHaveLength(2);
  });
});

describe('jekyll-import sitetitle WXR 1.2 (jekyll-import test_wordpressdotcom_importer)', () => {
  const { content } = scratch();
  const result = importInto(content, [peer('jekyll-import-sitetitle.wordpress.2025-01-19.000.xml')]);
  const files = snapshot(content);

  it('imports 7 posts of 2025-01-18 and the about page; no comments; non-content types skipped', () => {
    expect([...files.keys()].filter((f) => f.startsWith('posts/')).sort()).toEqual(
      ['adaptive-advantage', 'beyond-the-obstacle', 'blog-post-1', 'collaboration-magic', 'growth-unlocked', 'teamwork-triumphs', 'the-art-of-connection'].map(
        (s) => `posts/2025/01/${s}.md`,
      ),
    );
    expect([...files.keys()].filter((f) => f.startsWith('pages/'))).toEqual(['pages/about.md']);
    expect(result.report.counts.comments).toEqual({ visible: 0, tombstone: 0 });
    expect(result.report.files[0]!.skipped).toEqual({ attachment: 6, wp_global_styles: 1, wp_navigation: 1 });
    for (const [f, t] of files) if (f.startsWith('posts/')) expect(String(frontmatter(t).published)).toMatch(/^2025-01-18T/);
  });

  it('Blog Post 1 keeps its category and tags as labels, and its old address', () => {
    const fm = frontmatter(files.get('posts/2025/01/blog-post-1.md')!);
    expect([...(fm.labels as string[])].sort()).toEqual(['Foo', 'code', 'ruby', 'ship', 'stars']);
    expect((fm.legacy as { url: string }).url).toBe('https://jekyllbot.wordpress.com/2025/01/18/blog-post-1/');
    expect(result.report.redirects).toContainEqual({ from: '/2025/01/18/blog-post-1/', to: '/2025/01/blog-post-1.html' });
  });
});

describe('wordpress-importer small-export.xml (WordPress importer test_small_import)', () => {
  const { content } = scratch();
  const result = importInto(content, [peer('wordpress-importer-small-export.xml')]);
  const files = snapshot(content);

  it('imports 5 published and 1 private post (a draft here), 4 published and 1 draft page, exactly 1 comment', () => {
    expect(result.report.counts.posts).toEqual({ live: 5, draft: 1 });
    expect(result.report.counts.pages).toEqual({ live: 4, draft: 1 });
    expect(result.report.counts.comments).toEqual({ visible: 1, tombstone: 0 });
    const c = [...files].filter(([f]) => f.startsWith('comments/'));
    expect(c).toHaveLength(1);
    expect((JSON.parse(c[0]![1]) as PostComments).comments[0]!.author.name).toBe('Mr WordPress');
  });

  it('"Many Categories" keeps all 27 categories as labels', () => {
    const many = [...files].find(([f, t]) => f.startsWith('posts/') && frontmatter(t).title === 'Many Categories')!;
    expect((frontmatter(many[1]).labels as string[]).length).toBe(27);
    expect(frontmatter(many[1]).labels).toContain('远征手记');
  });
});

describe('wordpress-importer slashes.xml (test_slashes_should_not_be_stripped)', () => {
  const { content } = scratch();
  const result = importInto(content, [peer('wordpress-importer-slashes.xml')]);
  const files = snapshot(content);

  it('keeps every backslash in the comment and the post', () => {
    const c = [...files].find(([f]) => f.startsWith('comments/'))!;
    const stored: StoredComment = (JSON.parse(c[1]) as PostComments).comments[0]!;
    expect(stored.bodyHtml).toBe('<p>\\o/ ¯\\_(ツ)_/¯</p>');
    const post = [...files].find(([f]) => f.startsWith('posts/'))!;
    expect(post[0]).toMatch(/\.md$/);
    compilePost(post[0], post[1]);
    expect(renderedText(post[1].replace(/^---\n[\s\S]*?\n---\n/, ''), 'md')).toContain('Slashes aren\\\'t \\"cool\\"');
  });

  it('renames labels a label address cannot hold, and says so', () => {
    // (The tag foo\'bar is declared in the file but used by no post.)
    expect(result.report.labelsRenamed).toEqual([{ from: 'a \\"great\\" category', to: 'a "great" category' }]);
  });
});
