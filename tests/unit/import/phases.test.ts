import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { AuthorResolver, readSiteAuthors } from '../../../src/lib/import/authors';
import { parseExportText } from '../../../src/lib/import/detect';
import type { ExistingContent } from '../../../src/lib/import/existing';
import { blogHosts } from '../../../src/lib/import/hosts';
import type { ParsedExport, SourceComment, SourceEntry } from '../../../src/lib/import/parsed';
import { SiteHosts } from '../../../src/lib/import/old-urls';
import { emptyReport } from '../../../src/lib/import/report';
import { placeEntries, wantedAddress } from '../../../src/lib/import/phases/addresses';
import { buildComments, commentTarget, planCommentFiles } from '../../../src/lib/import/phases/comments';
import { planDocuments } from '../../../src/lib/import/phases/documents';
import { indexExisting, selectEntries } from '../../../src/lib/import/phases/entries';
import { buildOldUrlMap } from '../../../src/lib/import/phases/old-url-map';
import { ours, TEST_AUTHOR_MAP } from './helpers';

/** Each phase of planImport on its own, fed by hand or by the phase before it. */

const parse = (name: string): ParsedExport => parseExportText(name, readFileSync(ours(name), 'utf8'));
const nothing = (): ExistingContent => ({ posts: new Map(), pages: new Map(), comments: new Map(), warnings: [] });
const authors = () => new AuthorResolver(TEST_AUTHOR_MAP, readSiteAuthors(join(process.cwd(), 'content')));
const site = new SiteHosts(['nightowl-notes.blogspot.com']);

function entry(over: Partial<SourceEntry>): SourceEntry {
  return {
    kind: 'post', system: 'blogger-classic', file: 'x.xml', sourceId: 'id', title: 'T', published: '2009-02-10T10:00:00.000-05:00',
    draft: false, labels: [], author: { name: 'Dinah' }, html: '<p>x</p>', ...over,
  };
}

/** The phases in order, for the later phases' inputs. */
function upTo(parsed: ParsedExport[], existing = nothing()) {
  const report = emptyReport();
  const hosts = blogHosts(parsed);
  const index = indexExisting(existing, hosts.site);
  const selected = selectEntries(parsed, index, hosts.site, report);
  const placed = placeEntries(selected.entries, existing, index, hosts.site, report);
  const urls = buildOldUrlMap(placed, index, selected.commentsOnly, hosts.site);
  return { report, hosts, index, selected, placed, urls, existing };
}

describe('phase 1: entries', () => {
  it('takes a Blogger entry once when two exports carry it, and says so', () => {
    const report = emptyReport();
    const parsed = [parse('nightowl-classic.xml'), parse('nightowl-takeout.atom')];
    const { entries } = selectEntries(parsed, indexExisting(nothing(), site), site, report);
    expect(entries.map((e) => `${e.system} ${e.bloggerId}`)).toEqual([
      'blogger-classic 7000000000000000001', 'blogger-classic 7000000000000000002', 'blogger-classic 7000000000000000003',
    ]);
    expect(report.duplicates).toHaveLength(3);
  });

  it('indexes what the site already holds by Blogger id, old address and own path', () => {
    const existing = nothing();
    existing.posts.set('2006/11/first-light', { id: '2006/11/first-light', rel: 'posts/2006/11/first-light.md', rels: [], bloggerId: '7', legacyUrl: 'http://www.nightowl-notes.blogspot.com/2006/11/first-light.html?m=1' });
    const index = indexExisting(existing, site);
    expect(index.byBloggerId.get('post:7')).toBe('2006/11/first-light');
    expect(index.byUrl.get('site/2006/11/first-light.html')).toBe('2006/11/first-light');
  });
});

describe('phase 2: addresses', () => {
  it('keeps the old Blogger address exactly when it can', () => {
    expect(wantedAddress(entry({ url: 'http://nightowl-notes.blogspot.com/2006/11/first-light.html' }), site)).toMatchObject({ id: '2006/11/first-light', exact: true });
  });

  it('never gives a post the name of the month archive\'s page (index): it gets index_1, a redirect and a report line', () => {
    const e = entry({ url: 'http://nightowl-notes.blogspot.com/2009/02/index.html' });
    const report = emptyReport();
    const placed = placeEntries([e], nothing(), indexExisting(nothing(), site), site, report);
    expect(placed.map((p) => p.id)).toEqual(['2009/02/index_1']);
    expect(report.renamedAddresses).toEqual([{ from: '/2009/02/index.html', to: '/2009/02/index_1.html', reason: "the old address is one of the site's own files (the month archive's page)" }]);
    expect(report.slugCollisions[0]).toMatchObject({ wanted: '2009/02/index', assigned: '2009/02/index_1' });
  });

  it('shortens a slug too long for a file name at a word, with a redirect from the old address', () => {
    const slug = Array.from({ length: 40 }, (_, i) => `word${i}`).join('-');
    const e = entry({ url: `http://nightowl-notes.blogspot.com/2009/02/${slug}.html` });
    const report = emptyReport();
    const [p] = placeEntries([e], nothing(), indexExisting(nothing(), site), site, report);
    const short = p!.id.split('/').pop()!;
    expect(short.length).toBeLessThanOrEqual(240);
    expect(slug.startsWith(`${short}-`)).toBe(true);
    expect(report.renamedAddresses[0]).toMatchObject({ from: `/2009/02/${slug}.html`, to: `/${p!.id}.html` });
  });

  it('gives the second entry with one address the next free name', () => {
    const a = entry({ sourceId: 'a', url: '/2009/02/same.html', system: 'blogger-takeout' });
    const b = entry({ sourceId: 'b', title: 'Same', system: 'wxr', url: 'http://wp.example/same/', slug: 'same' });
    const placed = placeEntries([a, b], nothing(), indexExisting(nothing(), site), site, emptyReport());
    expect(placed.map((p) => p.id)).toEqual(['2009/02/same', '2009/02/same_1']);
  });
});

describe('phase 3: the old-URL map', () => {
  const { urls } = upTo([parse('nightowl-classic.xml')]);
  it('rewrites links to the old blog, keeps the rest, and flags old posts it does not have', () => {
    expect(urls.rewriteHref('https://nightowl-notes.blogspot.com/2006/11/first-light.html?m=1#c1')).toBe('/2006/11/first-light.html#c1');
    expect(urls.rewriteHref('http://nightowl-notes.blogspot.com/search/label/owls')).toBe('/search/label/owls');
    expect(urls.rewriteHref('http://nightowl-notes.blogspot.com/2001/01/never.html')).toBeNull();
    expect(urls.rewriteHref('https://elsewhere.example/2006/11/first-light.html')).toBeUndefined();
  });
  it('finds a target by any spelling of its old address, and by Blogger id', () => {
    expect(urls.lookup('http://www.nightowl-notes.blogspot.co.uk/p/about.html/')).toBe('p/about');
    expect(urls.byBloggerId.get('7000000000000000002')).toBe('2006/11/owls-at-dusk');
  });
});

describe('phase 4: documents', () => {
  it('writes each post as a file whose frontmatter passes the site schema, and stops on an unknown author', () => {
    const s = upTo([parse('nightowl-classic.xml')]);
    const problems: string[] = [];
    const files = planDocuments(s.placed, {
      parsed: [], existing: s.existing, authors: authors(), site: s.hosts.site, legacyUrl: s.hosts.legacyUrl,
      rewriteHref: s.urls.rewriteHref, report: s.report, problems,
    });
    expect(files.map((f) => f.rel).sort()).toEqual(['pages/about.md', 'posts/2006/11/first-light.md', 'posts/2006/11/owls-at-dusk.md']);
    const text = files.find((f) => f.rel === 'posts/2006/11/first-light.md')!.text;
    expect(parseYaml(/^---\n([\s\S]*?)\n---/.exec(text)![1]!)).toMatchObject({ title: 'First Light', author: 'clinkshrink', labels: ['owls', 'mornings'] });
    expect(problems).toEqual([]);

    const strict = new AuthorResolver({ ...TEST_AUTHOR_MAP, fallback: undefined, authors: { dinah: TEST_AUTHOR_MAP.authors.dinah! } }, new Map());
    planDocuments(s.placed.slice(0, 1), { ...{ parsed: [], existing: s.existing, site: s.hosts.site, legacyUrl: s.hosts.legacyUrl, rewriteHref: s.urls.rewriteHref, report: s.report }, authors: strict, problems });
    expect(problems[0]).toContain('nobody in the author map matches "ClinkShrink"');
  });
});

describe('phase 5: comments', () => {
  it('matches a comment to its post by thread URL on any of the blog\'s hosts', () => {
    const { urls } = upTo([parse('nightowl-classic.xml')]);
    const c = { post: { ref: 'thread 1', urls: ['https://www.nightowl-notes.blogspot.com/2006/11/owls-at-dusk.html?m=1'] } } as SourceComment;
    expect(commentTarget(c, urls, new Set())).toBe('2006/11/owls-at-dusk');
  });

  it('keeps a removed comment as a tombstone only above a kept reply', () => {
    const base = { system: 'disqus', file: 'd.xml', rawId: '', post: { ref: 'x' }, published: '2012-01-01T00:00:00Z', author: { name: 'A', identity: 'guest' }, html: '<p>x</p>' } as const;
    const list: SourceComment[] = [
      { ...base, id: 'disqus:1', state: 'removed' },
      { ...base, id: 'disqus:2', parentId: 'disqus:1', state: 'visible', published: '2012-01-02T00:00:00Z' },
      { ...base, id: 'disqus:3', state: 'removed' },
    ] as SourceComment[];
    const report = emptyReport();
    const { comments } = buildComments(list, '2006/11/x', authors(), report);
    expect(comments.map((c) => [c.id, c.status, c.parentId])).toEqual([['disqus:1', 'tombstone', null], ['disqus:2', 'visible', 'disqus:1']]);
    expect(report.dropped).toMatchObject([{ id: 'disqus:3', reason: 'deleted' }]);
  });

  it('writes one sorted, valid file per post', () => {
    const parsed = [parse('nightowl-classic.xml'), parse('nightowl-disqus.xml')];
    const s = upTo(parsed);
    const problems: string[] = [];
    const files = planCommentFiles({ parsed, placed: s.placed, existing: s.existing, urls: s.urls, site: s.hosts.site, authors: authors(), report: s.report, problems });
    expect(files.map((f) => f.rel)).toEqual(['comments/2006/11/first-light.json', 'comments/2006/11/owls-at-dusk.json']);
    const first = JSON.parse(files[0]!.text) as { comments: { id: string }[] };
    expect(first.comments.map((c) => c.id)).toEqual(['blogger:7100000000000000001', 'blogger:7100000000000000002', 'disqus:401', 'disqus:402']);
    expect(problems).toEqual([]);
  });
});
