import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../../src/integrations/pagefind';

/** The indexing hook on tiny built sites, with the real Pagefind binary. */

const post = (title: string, opts: { body?: boolean; comments?: string } = {}) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><header data-pagefind-ignore>Site header words</header>` +
  `<article${opts.body === false ? '' : ' data-pagefind-body'}><h1>${title}</h1><p>Post text about ${title.toLowerCase()}.</p>` +
  `<div hidden data-search-meta data-pagefind-ignore><span data-pagefind-meta="title">${title}</span><span data-pagefind-filter="author">Roy</span>` +
  `<span data-pagefind-filter="year:2013"></span><span data-pagefind-sort="date:2013-04-02T08:00:00-04:00"></span></div>` +
  `<span hidden data-pagefind-filter="type:post"></span></article>` +
  `<section class="comments" id="comments" data-pagefind-ignore>${opts.comments ?? ''}</section></body></html>`;

let site: string;
const messages: string[] = [];
const logger = { info: (m: string) => void messages.push(m) };

function write(files: Record<string, string>): void {
  site = mkdtempSync(join(tmpdir(), 'shrinkrap-index-'));
  for (const [path, html] of Object.entries(files)) {
    mkdirSync(dirname(join(site, path)), { recursive: true });
    writeFileSync(join(site, path), html);
  }
}

afterEach(() => {
  rmSync(site, { recursive: true, force: true });
  messages.length = 0;
});

describe('buildSearchIndex', () => {
  it('indexes post pages and comment threads, skips other pages and drops unused UI files', { timeout: 60_000 }, async () => {
    write({
      '2013/04/jail.html': post('Jail', {
        comments: '<ol><li class="comment" id="c1" data-pagefind-title="Anonymous"><div class="comment-body">Nice.</div></li></ol>',
      }),
      '2013/04/prison.html': post('Prison'),
      '2013/04/index.html': '<!doctype html><html lang="en"><body><h1>April 2013</h1><p>Jail Prison</p></body></html>',
      'index.html': '<!doctype html><html lang="en"><body><h1>Home</h1></body></html>',
    });
    await buildSearchIndex(site, logger);
    expect(messages.join('\n')).toMatch(/^indexed 2 posts and 1 comment threads \(1 comments\)/);
    const bundle = readdirSync(join(site, 'pagefind'));
    expect(bundle).toContain('pagefind.js');
    expect(bundle).toContain('wasm.en.pagefind');
    expect(bundle.filter((f) => /-ui\.|highlight|wasm\.unknown/.test(f))).toEqual([]);
    // 2 posts + 1 thread; the month and home pages have no body and are not records.
    expect(readdirSync(join(site, 'pagefind', 'fragment'))).toHaveLength(3);
  });

  it('fails, naming the file, when a post page has no data-pagefind-body', { timeout: 60_000 }, async () => {
    write({ '2013/04/jail.html': post('Jail'), '2013/04/broken.html': post('Broken', { body: false }) });
    await expect(buildSearchIndex(site, logger)).rejects.toThrow(/2013\/04\/broken\.html: 0 elements with data-pagefind-body/);
    expect(existsSync(join(site, 'pagefind'))).toBe(false);
  });

  it('fails when a comment cannot be linked', { timeout: 60_000 }, async () => {
    write({ '2013/04/jail.html': post('Jail', { comments: '<ol><li class="comment"><div class="comment-body">x</div></li></ol>' }) });
    await expect(buildSearchIndex(site, logger)).rejects.toThrow(/without an id or data-pagefind-title/);
  });
});
