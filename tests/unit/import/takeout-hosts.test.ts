import { describe, expect, it } from 'vitest';
import type { PostComments } from '../../../src/lib/schemas';
import { importInto, ours, scratch, snapshot } from './helpers';

/**
 * One blog exported both ways (nightowl-classic.xml and nightowl-takeout.atom), each
 * imported with the same Disqus file. Takeout names no host: the importer infers the
 * blog's hosts from posts linking to each other and from Disqus threads.
 */

const DISQUS = ours('nightowl-disqus.xml');

function importBlog(file: string, hosts: string[] = []) {
  const { content } = scratch();
  const result = importInto(content, [file, DISQUS], { hosts });
  return { result, files: snapshot(content) };
}

/** Files with the fields that only say where a comment came from taken out. */
function withoutSourceFields(files: Map<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [rel, text] of files) {
    if (!rel.startsWith('comments/')) {
      out.set(rel, text);
      continue;
    }
    const doc = JSON.parse(text) as PostComments;
    out.set(rel, JSON.stringify({ ...doc, comments: doc.comments.map(({ source: _source, ...c }) => c) }, null, 2));
  }
  return out;
}

const classic = importBlog(ours('nightowl-classic.xml'));
const takeout = importBlog(ours('nightowl-takeout.atom'));

describe('a Takeout export knows its own blog', () => {
  it('gives the same files as the classic export of the same blog, apart from the source fields', () => {
    expect([...takeout.files.keys()]).toEqual([...classic.files.keys()]);
    expect(Object.fromEntries(withoutSourceFields(takeout.files))).toEqual(Object.fromEntries(withoutSourceFields(classic.files)));
    // The source fields do differ: each file says which export it came from.
    expect(takeout.files.get('comments/2006/11/first-light.json')).toContain('"system": "blogger-takeout"');
    expect(classic.files.get('comments/2006/11/first-light.json')).toContain('"system": "blogger-classic"');
  });

  it('keeps the Disqus comments and rewrites the internal links, as for a classic export', () => {
    for (const { result, files } of [classic, takeout]) {
      expect(result.report.counts.comments.visible).toBe(6);
      expect(result.report.links.rewritten).toBe(2);
      expect(files.get('posts/2006/11/owls-at-dusk.md')).toContain('[my first post](/2006/11/first-light.html) and [its first comment](/2006/11/first-light.html#c7100000000000000001)');
      const dusk = JSON.parse(files.get('comments/2006/11/owls-at-dusk.json')!) as PostComments;
      expect(dusk.comments.map((c) => c.id)).toEqual(['disqus:403', 'disqus:404']);
    }
    expect(takeout.files.get('posts/2006/11/first-light.md')).toContain('url: "http://nightowl-notes.blogspot.com/2006/11/first-light.html"');
  });

  it('names the hosts it inferred, with the evidence', () => {
    expect(takeout.result.report.hosts.inferred).toEqual([
      { host: 'nightowl-notes.blogspot.com', origin: 'http://nightowl-notes.blogspot.com', links: 1, threads: 1 },
      { host: 'nightowlnotes.example', origin: 'https://www.nightowlnotes.example', links: 1, threads: 1 },
    ]);
    expect(takeout.result.text).toContain("the blog's own hosts, inferred: nightowl-notes.blogspot.com (1 linked post, 1 Disqus thread); nightowlnotes.example (1 linked post, 1 Disqus thread)");
    // The classic export names its blogspot host itself; the custom domain is inferred there too.
    expect(classic.result.report.hosts.inferred.map((h) => h.host)).toEqual(['nightowlnotes.example']);
  });

  it('says which --host to pass when a dropped comment\'s thread is a post\'s address on another host', () => {
    for (const { result } of [classic, takeout]) {
      expect(result.report.hosts.notInferred).toEqual([
        { host: 'old-owl.example', comments: 1, example: 'http://old-owl.example/2006/11/owls-at-dusk.html', post: '/2006/11/owls-at-dusk.html' },
      ]);
      expect(result.text).toContain('import again with: --host old-owl.example');
      expect(result.report.dropped.find((d) => d.id === 'disqus:405')?.detail).toContain('--host old-owl.example');
    }
    const told = importBlog(ours('nightowl-takeout.atom'), ['old-owl.example']);
    expect(told.result.report.hosts.notInferred).toEqual([]);
    const dusk = JSON.parse(told.files.get('comments/2006/11/owls-at-dusk.json')!) as PostComments;
    expect(dusk.comments.map((c) => c.id)).toEqual(['disqus:403', 'disqus:404', 'disqus:405']);
  });
});
