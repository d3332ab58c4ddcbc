import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { z } from 'astro/zod';
import { postCommentsSchema, postSchema, type PostComments, type StoredComment } from '../../../src/lib/schemas';
import { importInto, ours, scratch, snapshot } from './helpers';
import { compileBoth, compilePost, renderedText } from './mdx';

/** Our own fixtures, one rule each (tests/fixtures/import/README.md). */

const { content } = scratch();
const result = importInto(content, [ours('blogger-rules.xml'), ours('disqus-shrinkrap.xml'), ours('wxr-comments.xml'), ours('takeout-shrinkrap.atom')]);
const files = snapshot(content);
const read = (rel: string) => files.get(rel) ?? (() => { throw new Error(`${rel} was not written; have: ${[...files.keys()].join(', ')}`); })();
const frontmatter = (rel: string) => parseYaml(/^---\n([\s\S]*?)\n---/.exec(read(rel))![1]!) as Record<string, unknown>;
const body = (rel: string) => read(rel).replace(/^---\n[\s\S]*?\n---\n\n?/, '');
const commentsOf = (post: string) => (JSON.parse(read(`comments/${post}.json`)) as PostComments).comments;
const byId = (post: string) => new Map(commentsOf(post).map((c) => [c.id, c] as [string, StoredComment]));
const COUCH = '2006/03/welcome-to-couch';

describe('posts', () => {
  it('lives at the address of its old link, with the Blogger id as a 19-digit string', () => {
    const rel = `posts/${COUCH}.mdx`;
    const raw = read(rel);
    expect(raw).toContain('bloggerId: "1143037752240118350"');
    expect(raw).toContain('published: "2006-03-14T22:40:00.000-05:00"');
    expect(frontmatter(rel).legacy).toEqual({ bloggerId: '1143037752240118350', url: 'http://psychiatrist-blog.blogspot.com/2006/03/welcome-to-couch.html' });
  });

  it('validates with the site schema', () => {
    const schema = postSchema(z.enum(['dinah', 'clinkshrink', 'roy']));
    for (const [rel] of files) if (rel.startsWith('posts/')) expect(schema.safeParse(frontmatter(rel)).success, rel).toBe(true);
  });

  it('decodes the title once and keeps labels as written (duplicates once)', () => {
    expect(frontmatter(`posts/${COUCH}.mdx`).title).toBe('Q&A: Tom &amp; Jerry <3');
    expect(frontmatter(`posts/${COUCH}.mdx`).labels).toEqual(['psychotherapy', 'Q&A', 'week in review']);
    expect(result.report.counts.labels).toBe(5);
  });

  it('keeps the real _1 slug and gives a clashing draft the next one, reported', () => {
    expect(frontmatter('posts/2006/04/ground-rules.md').title).toBe('Ground Rules');
    expect(frontmatter('posts/2006/04/ground-rules_1.md').legacy).toMatchObject({ url: 'http://psychiatrist-blog.blogspot.com/2006/04/ground-rules_1.html' });
    expect(frontmatter('posts/2006/04/ground-rules_2.md')).toMatchObject({ draft: true, title: 'Ground Rules' });
    expect(result.report.slugCollisions).toEqual([
      {
        id: 'tag:blogger.com,1999:blog-9876543210987654321.post-2000000000000000003',
        wanted: '2006/04/ground-rules',
        assigned: '2006/04/ground-rules_2',
        reason: 'another entry in the export has this address',
      },
    ]);
  });

  it('follows the URL month, not the date, and reports the difference', () => {
    expect(frontmatter('posts/2008/04/collaterol-damage.md').published).toBe('2007-04-30T23:30:00.000-04:00');
    expect(result.report.urlMonthMismatches).toEqual([
      { post: '/2008/04/collaterol-damage.html', url: 'http://psychiatrist-blog.blogspot.com/2008/04/collaterol-damage.html', published: '2007-04-30T23:30:00.000-04:00' },
    ]);
  });

  it('maps authors by profile URI or name; an unknown author goes to the fallback and the report', () => {
    expect(frontmatter(`posts/${COUCH}.mdx`).author).toBe('dinah');
    expect(frontmatter('posts/2006/04/ground-rules.md').author).toBe('clinkshrink');
    expect(frontmatter('posts/2008/04/collaterol-damage.md').author).toBe('roy');
    expect(frontmatter('posts/2008/01/guest-post.md').author).toBe('dinah');
    expect(result.report.unknownAuthors).toEqual([
      { name: 'Guest Blogger', uri: 'https://www.blogger.com/profile/44444444444444444444', posts: 1, assignedTo: 'dinah' },
    ]);
  });

  it('converts the body to MDX that compiles, rewriting links to the old blog', () => {
    const b = body(`posts/${COUCH}.mdx`);
    compileBoth(read(`posts/${COUCH}.mdx`));
    // www.shrinkrap.net + ?m=1 + #anchor -> the new address, anchor kept.
    expect(b).toContain('[the rules](/2006/04/ground-rules.html#c5551112223334445556)');
    // A post the export does not have: left as it was, and reported.
    expect(b).toContain('[a post we never had](https://psychiatrist-blog.blogspot.com/2005/01/missing-post.html)');
    expect(result.report.links.unresolved).toEqual([{ post: `/${COUCH}.html`, href: 'https://psychiatrist-blog.blogspot.com/2005/01/missing-post.html' }]);
    // blogspot.ca is the same blog; label pages keep their address here.
    expect(b).toContain('[the label](/search/label/psychotherapy)');
    const text = renderedText(read(`posts/${COUCH}.mdx`));
    expect(text).toContain('import this thought: {braces} and I <3 you');
    expect(text).not.toContain('alert(1)');
    expect(b).toContain('<VideoEmbed provider="youtube" id="dQw4w9WgXcQ" title="Embedded video" />');
    expect(b).toContain('[![The duck](http://1.bp.blogspot.com/x/s320/duck.jpg)](http://1.bp.blogspot.com/x/s1600/duck.jpg)');
  });

  it('writes plain posts and pages as .md, the post with a YouTube player as .mdx; each compiles as what it is', () => {
    const docs = [...files.keys()].filter((f) => /^(posts|pages)\//.test(f));
    expect(docs.filter((f) => f.endsWith('.mdx'))).toEqual([`posts/${COUCH}.mdx`]);
    expect(body(`posts/${COUCH}.mdx`)).toMatch(/^<VideoEmbed provider="youtube" id="dQw4w9WgXcQ"/m);
    const plain = docs.filter((f) => f.endsWith('.md'));
    expect(plain.length).toBe(docs.length - 1);
    expect(result.report.counts.formats).toEqual({ md: plain.length, mdx: 1 });
    expect(result.text).toContain(`formats: ${plain.length} plain Markdown (.md), 1 MDX with components (.mdx)`);
    for (const f of docs) {
      try {
        compilePost(f, read(f));
      } catch (e) {
        throw new Error(`${f}: ${(e as Error).message}`);
      }
    }
  });

  it('turns newlines into line breaks when the blog did (BLOG_CONVERT_LINE_BREAKS)', () => {
    expect(body('posts/2006/04/ground-rules.md')).toBe('First line\\\nSecond line\n\nA new paragraph.\n');
  });

  it('imports pages to content/pages, and Takeout posts with labels and description', () => {
    expect(frontmatter('pages/about-us.md')).toEqual({ title: 'About Us', legacy: { bloggerId: '3000000000000000001', url: 'http://psychiatrist-blog.blogspot.com/p/about-us.html' } });
    expect(frontmatter('posts/2009/05/jail-prison-psychiatry.md')).toMatchObject({
      title: 'Jail & Prison Psychiatry',
      labels: ['forensics', 'jails'],
      description: 'What forensic psychiatry in a jail is like.',
      author: 'clinkshrink',
    });
    expect(frontmatter('posts/2009/06/half-thought.md').draft).toBe(true);
    expect([...files.keys()].filter((f) => f.includes('thrown-away'))).toEqual([]);
  });
});

describe('comments', () => {
  it('every comment file validates, is sorted by time then id, and is 2-space JSON ending in a newline', () => {
    for (const [rel, text] of files) {
      if (!rel.startsWith('comments/')) continue;
      const parsed = postCommentsSchema.parse(JSON.parse(text));
      expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
      const times = parsed.comments.map((c) => [Date.parse(c.published), c.id] as const);
      expect([...times].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1))).toEqual(times);
    }
  });

  it('sanitizes an XSS attempt to the allowlist', () => {
    const xss = byId(COUCH).get('blogger:4000000000000000002')!;
    expect(xss.bodyHtml).toBe('<b>bold</b> click  <a href="http://example.com/" rel="nofollow ugc noopener noreferrer">ok</a> I &#x3C;3 you');
    expect(read(`comments/${COUCH}.json`)).not.toMatch(/script|onerror|onclick|javascript:|<svg|<iframe|style=|clobber/i);
  });

  it('recognises an author by profile URI, never by name', () => {
    const c = byId(COUCH);
    expect(c.get('blogger:4000000000000000003')!.author).toMatchObject({ role: 'blog-author', authorKey: 'dinah', identity: 'registered' });
    expect(c.get('blogger:4000000000000000004')!.author).toEqual({ name: 'Dinah', role: 'reader', identity: 'guest' });
    // Roy's URI (learned from his post) matches with http and a trailing slash.
    expect(byId('2006/04/ground-rules').get('blogger:4000000000000000012')!.author).toMatchObject({ role: 'blog-author', authorKey: 'roy' });
    // Disqus: by configured username only; a guest calling himself Roy is a reader.
    expect(c.get('disqus:202')!.author).toMatchObject({ role: 'blog-author', authorKey: 'roy' });
    expect(byId('2006/04/ground-rules').get('disqus:209')!.author).toEqual({ name: 'Roy', role: 'reader', identity: 'guest' });
    // WordPress: by login.
    expect(c.get('wxr:305')!.author).toMatchObject({ role: 'blog-author', authorKey: 'clinkshrink' });
  });

  it('keeps anonymous readers anonymous, and registered readers registered', () => {
    const c = byId(COUCH);
    expect(c.get('blogger:4000000000000000001')!.author).toEqual({ name: 'Anonymous', role: 'reader', identity: 'anonymous' });
    expect(byId('2006/04/ground-rules').get('blogger:4000000000000000011')!.author).toEqual({
      name: 'Reader Rita',
      url: 'https://plus.google.com/123456789',
      role: 'reader',
      identity: 'registered',
    });
  });

  it('threads replies, and lifts a reply whose parent is missing to the top level', () => {
    const c = byId(COUCH);
    expect(c.get('blogger:4000000000000000003')!.parentId).toBe('blogger:4000000000000000001');
    expect(c.get('blogger:4000000000000000008')!.parentId).toBeNull();
    expect(result.report.reparentedComments).toEqual([
      { id: 'blogger:4000000000000000008', post: COUCH, missingParent: 'blogger:4999999999999999999', newParent: null },
    ]);
  });

  it('keeps a removed comment with replies as a tombstone and drops one without', () => {
    const c = byId(COUCH);
    expect(c.get('blogger:4000000000000000005')).toMatchObject({ status: 'tombstone', bodyHtml: '', removedBy: 'administrator', author: { name: '' } });
    expect(c.get('blogger:4000000000000000006')!.parentId).toBe('blogger:4000000000000000005');
    expect(c.has('blogger:4000000000000000007')).toBe(false);
    expect(c.get('disqus:203')).toMatchObject({ status: 'tombstone', removedBy: 'author' });
    expect(byId('2009/05/jail-prison-psychiatry').get('blogger:6000000000000000013')).toMatchObject({ status: 'tombstone' });
    expect(result.report.counts.comments).toEqual({ visible: 19, tombstone: 3 });
  });

  it('drops what is not public and says why', () => {
    expect(result.report.counts.dropped).toEqual({ deleted: 1, 'deleted-thread': 1, orphan: 2, pending: 1, pingback: 1, spam: 2, trashed: 2 });
    expect(result.report.dropped.filter((d) => d.reason === 'orphan').map((d) => d.id)).toEqual(['blogger:4000000000000000009', 'disqus:207']);
  });

  it('attaches a page comment whose reference says post- to the page', () => {
    expect(JSON.parse(read('comments/p/about-us.json'))).toMatchObject({ post: 'p/about-us', comments: [{ id: 'blogger:4000000000000000010' }] });
  });

  it('matches Disqus threads by normalised URL or identifier, and WordPress items by URL, into the same files', () => {
    const ids = commentsOf(COUCH).map((c) => c.id);
    expect(ids.filter((id) => id.startsWith('disqus:'))).toEqual(['disqus:201', 'disqus:202', 'disqus:203', 'disqus:204']);
    expect(ids.filter((id) => id.startsWith('wxr:'))).toEqual(['wxr:301', 'wxr:305']);
    expect(commentsOf('2006/04/ground-rules_1').map((c) => c.id)).toEqual(['disqus:208']);
    // The WordPress copy of an imported post adds its comments, not a second post.
    expect([...files.keys()].filter((f) => f.includes('welcome-to-couch'))).toEqual([`comments/${COUCH}.json`, `posts/${COUCH}.mdx`]);
  });

  it('keeps offsets: WordPress local time with its offset, Disqus without a zone as UTC (flagged)', () => {
    expect(byId(COUCH).get('wxr:301')!.published).toBe('2013-01-01T10:00:00-05:00');
    expect(byId('2006/04/ground-rules_1').get('disqus:208')).toMatchObject({ published: '2012-05-02T11:00:00Z', source: { tzAssumed: true } });
  });

  it('stores no e-mail and no IP address anywhere', () => {
    const all = [...files.values()].join('\n');
    expect(all).not.toMatch(/@example\.com|noreply@blogger|\b(203\.0\.113|198\.51\.100)\.\d+/);
  });

  it('keeps the 19-digit comment ids exactly', () => {
    expect(read(`comments/${COUCH}.json`)).toContain('"id": "blogger:4000000000000000001"');
    expect(String(Number('4000000000000000001'))).not.toBe('4000000000000000001');
  });
});

describe('report', () => {
  it('lists the files, their formats and what was skipped', () => {
    expect(result.report.files.map((f) => [f.file, f.format, f.skipped])).toEqual([
      ['blogger-rules.xml', 'blogger-classic', { template: 1, settings: 1 }],
      ['disqus-shrinkrap.xml', 'disqus', { category: 1 }],
      ['wxr-comments.xml', 'wxr', {}],
      ['takeout-shrinkrap.atom', 'blogger-takeout', {}],
    ]);
    expect(result.text).toMatch(/posts: 6 live, 2 drafts/);
    expect(result.text).toMatch(/comments: 19 visible, 3 tombstones/);
    expect(result.text).toMatch(/unknown authors: 1\n\s+- Guest Blogger/);
  });

  it('lists every old address and the new one', () => {
    expect(result.report.addresses).toContainEqual({ from: 'http://psychiatrist-blog.blogspot.com/2006/04/ground-rules_1.html', to: '/2006/04/ground-rules_1.html' });
    expect(result.report.addresses).toContainEqual({ from: 'https://psychiatrist-blog.blogspot.com/2009/05/jail-prison-psychiatry.html', to: '/2009/05/jail-prison-psychiatry.html' });
    expect(result.report.redirects).toEqual([]);
  });

  it('reads the content it wrote with the right files only', () => {
    expect(readFileSync(join(content, 'posts', `${COUCH}.mdx`), 'utf8')).toBe(read(`posts/${COUCH}.mdx`));
  });
});
