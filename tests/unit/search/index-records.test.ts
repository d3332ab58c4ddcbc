import { describe, expect, it } from 'vitest';
import { assertIndexable, commentThreadRecord, isPostFile, matchesPostGlob, unusedFiles } from '../../../src/lib/search/index-records';

const meta =
  '<span data-pagefind-meta="title">Jails &amp; Prisons</span><span data-pagefind-filter="author">ClinkShrink</span>' +
  '<span data-pagefind-filter="year:2013"></span><span data-pagefind-filter="label">jails</span>' +
  '<span data-pagefind-sort="date:2013-04-02T08:00:00-04:00"></span><span data-pagefind-meta="date:2013-04-02T08:00:00-04:00"></span>';

const comment = (id: string, name: string, body: string, replies = '') =>
  `<li class="comment" id="${id}" data-show-comment="1" data-pagefind-title="${name}"><p class="comment-author" data-pagefind-ignore><span>${name}</span> said...</p>` +
  `<div class="comment-body">${body}</div><p class="comment-footer" data-pagefind-ignore><a href="#${id}">April 2</a></p>${replies}</li>`;

const postPage = (comments: string, opts: { meta?: string | null; lang?: string } = {}) =>
  `<!DOCTYPE html><html lang="${opts.lang ?? 'en'}"><head><title>x</title></head><body><header data-pagefind-ignore>…</header><main>` +
  `<article class="post" data-pagefind-body><h1>Jails &amp; Prisons</h1><div class="post-body"><p>Body</p></div>` +
  `<footer>${opts.meta === null ? '' : `<div hidden data-search-meta data-pagefind-ignore>${opts.meta ?? meta}</div>`}<span hidden data-pagefind-filter="type:post"></span></footer></article>` +
  `<section class="comments" id="comments" aria-labelledby="comments-heading" data-pagefind-ignore><h2 id="comments-heading" data-pagefind-ignore>2 comments:</h2>` +
  `${comments ? `<ol class="comment-thread">${comments}</ol>` : ''}<p class="comments-closed" data-pagefind-ignore>Closed.</p></section></main></body></html>`;

describe('which files are posts', () => {
  it('takes YYYY/MM/slug.html and nothing else', () => {
    expect(isPostFile('2008/11/should-psychiatrists-see-patients-for.html')).toBe(true);
    expect(isPostFile('2008\\11\\x.html')).toBe(true);
    for (const f of ['2008/11/index.html', '2008/index.html', '2008/11/page/2/index.html', 'p/about.html', '2008_11_01_archive.html', 'search/index.html', '404.html']) {
      expect(isPostFile(f), f).toBe(false);
    }
    expect(matchesPostGlob('2008/11/index.html')).toBe(true); // read by Pagefind, skipped for lack of a body
  });

  it('requires exactly one data-pagefind-body on a post page', () => {
    expect(() => assertIndexable('2013/04/x.html', postPage(''))).not.toThrow();
    expect(() => assertIndexable('2013/04/x.html', '<html><body><article>…</article></body></html>')).toThrow(/2013\/04\/x\.html: 0 elements with data-pagefind-body/);
    expect(() => assertIndexable('2013/04/x.html', postPage('').replace('<main>', '<main data-pagefind-body>'))).toThrow(/2 elements/);
  });
});

describe('comment-thread records', () => {
  it('make one record per post, with the post facets, type "comment" and every comment as an anchor', () => {
    const html = postPage(comment('c111', 'Anonymous', 'The jail clinic &lt;3', comment('c222', 'ClinkShrink', 'Reply')) + comment('c-disqus-9', 'Jenny', 'More'));
    const r = commentThreadRecord('2013/04/day-in-jail.html', html)!;
    expect(r.url).toBe('/2013/04/day-in-jail.html#comments');
    expect(r.comments).toBe(3);
    expect(r.html).toMatch(/^<!doctype html><html lang="en">/);
    expect(r.html).toContain(`<div hidden data-pagefind-ignore>${meta}<span data-pagefind-filter="type:comment"></span><span data-pagefind-meta="comments:3"></span></div>`);
    expect(r.html).not.toContain('type:post');
    expect(r.html).not.toContain('<article');
    expect(r.html.match(/data-pagefind-body/g)).toHaveLength(1);
    for (const id of ['c111', 'c222', 'c-disqus-9']) expect(r.html).toContain(`id="${id}"`);
    expect(r.html).toContain('The jail clinic &lt;3');
  });

  it('keep the page language', () => {
    expect(commentThreadRecord('2013/04/x.html', postPage(comment('c1', 'A', 'b'), { lang: 'en-GB' }))!.html).toContain('<html lang="en-GB">');
  });

  it('are not made for posts without comments', () => {
    expect(commentThreadRecord('2013/04/x.html', postPage(''))).toBeUndefined();
  });

  it('fail clearly when the page lacks what the index relies on', () => {
    expect(() => commentThreadRecord('2013/04/x.html', '<html><body><article data-pagefind-body></article></body></html>')).toThrow(
      /2013\/04\/x\.html: no <section id="comments">/,
    );
    expect(() => commentThreadRecord('2013/04/x.html', postPage(comment('c1', 'A', 'b'), { meta: null }))).toThrow(/no <div data-search-meta>/);
    expect(() => commentThreadRecord('2013/04/x.html', postPage(comment('c1', 'A', 'b'), { meta: `${meta}<div>nested</div>` }))).toThrow(
      /only <span> elements/,
    );
    const untitled = postPage(comment('c1', 'A', 'b').replace(' data-pagefind-title="A"', ''));
    expect(() => commentThreadRecord('2013/04/x.html', untitled)).toThrow(/1 comment\(s\) without an id or data-pagefind-title/);
  });
});

describe('bundle clean-up', () => {
  it('drops the UIs, and the stemmer-less WASM only when no language needs it', () => {
    const en = JSON.stringify({ version: '1.6.0', languages: { en: { hash: 'en_1', wasm: 'en', page_count: 3 } } });
    const mixed = JSON.stringify({ languages: { en: { wasm: 'en' }, xx: { wasm: null } } });
    expect(unusedFiles(en)).toContain('pagefind-component-ui.js');
    expect(unusedFiles(en)).toContain('wasm.unknown.pagefind');
    expect(unusedFiles(mixed)).not.toContain('wasm.unknown.pagefind');
    expect(unusedFiles(en)).not.toContain('pagefind.js');
    expect(unusedFiles(en)).not.toContain('pagefind-worker.js');
  });
});
