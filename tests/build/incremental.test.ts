import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureSite } from '../fixture-site';
import { listFiles } from '../../scripts/check-links';
import { page } from '../helpers';

/**
 * Issue 9, incremental pages: the sample content copied to a scratch folder and built
 * again after each edit with Astro's incremental cache kept. What was rendered is read
 * from Astro's build log: a skipped page is logged "(restored)" (copied back from the
 * cache); a rendered one with its render time. The last incremental build must equal a
 * cold build of the same content, byte for byte.
 */

const EDITED = '2012/02/my-three-shrinks-podcast-52-generic';
const RETITLED = '2012/05/video-what-happens-when-psychiatrist';
const DELETED = '2006/07/why-i-still-take-notes-by-hand';

let root: string;
let content: string;
const out = join(process.cwd(), 'dist-incremental');
const coldOut = join(process.cwd(), 'dist-incremental-cold');

function build(outDir: string, cacheDir: string): { rendered: Set<string>; skipped: Set<string> } {
  const r = buildFixtureSite({ contentDir: content, outDir, cacheDir, now: '2026-06-01T00:00:00Z', silent: false, env: { SITE_URL: 'https://www.shrinkrap.net' } });
  if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
  return routeLog(r.stdout);
}

/** Astro's per-route lines ("├─ /2008/11/x.html (+3ms)" or "… (restored)"), by output file. */
function routeLog(log: string) {
  const rendered = new Set<string>();
  const skipped = new Set<string>();
  for (const line of log.split('\n')) {
    const at = line.indexOf('├─ ');
    if (at < 0) continue;
    const rest = line.slice(at + 3).trim();
    const open = rest.lastIndexOf(' (');
    if (open < 0) continue;
    const [file, how] = [rest.slice(0, open), rest.slice(open + 2, -1)];
    (how === 'restored' || how === 'cached' ? skipped : rendered).add(file);
  }
  return { rendered, skipped };
}

const postFile = (id: string) => join(content, 'posts', `${id}.mdx`);
const postHtml = (id: string) => `/${id}.html`;
const allPostPages = () => listFiles(out).filter((f) => /^\d{4}\/\d{2}\/[^/]+\.html$/.test(f) && !f.endsWith('/index.html')).map((f) => `/${f}`);

let cold: ReturnType<typeof build>;
let afterBody: ReturnType<typeof build>;
let afterTitle: ReturnType<typeof build>;
let postPagesAfterBody: string[] = [];
let editedBodyText = '';
let neighboursOfRetitled: string[] = [];
let sidebarPagesBeforeTitle: string[] = [];

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'shrinkrap-incremental-'));
  content = join(root, 'content');
  cpSync(join(process.cwd(), 'content'), content, { recursive: true });
  for (const dir of [out, coldOut]) rmSync(dir, { recursive: true, force: true });
  const cache = join(root, 'cache');
  cold = build(out, cache);

  appendFileSync(postFile(EDITED), '\nA sentence added after the first build.\n');
  afterBody = build(out, cache);
  postPagesAfterBody = allPostPages();
  editedBodyText = page(postHtml(EDITED), out).text('.post-body');

  const retitled = page(postHtml(RETITLED), out);
  neighboursOfRetitled = ['a.pager-newer', 'a.pager-older'].map((s) => String(retitled.one(s)!.properties.href));
  sidebarPagesBeforeTitle = listFiles(out)
    .filter((f) => f.endsWith('.html'))
    .filter((f) => page(`/${f}`, out).one('aside.sidebar'))
    .map((f) => `/${f}`);
  const source = readFileSync(postFile(RETITLED), 'utf8');
  writeFileSync(postFile(RETITLED), source.replace(/^title: .*$/m, 'title: "A title changed between builds"'));
  afterTitle = build(out, cache);

  // A deleted post and a renamed one: their old files must not survive in dist/.
  rmSync(postFile(DELETED));
  rmSync(join(content, 'comments', `${DELETED}.json`), { force: true });
  renameSync(postFile(EDITED), postFile(`${EDITED}-renamed`));
  const comments = join(content, 'comments', `${EDITED}.json`);
  if (existsSync(comments)) {
    writeFileSync(join(content, 'comments', `${EDITED}-renamed.json`), readFileSync(comments, 'utf8').replace(`"${EDITED}"`, `"${EDITED}-renamed"`));
    rmSync(comments);
  }
  build(out, cache);
  build(coldOut, join(root, 'cold-cache'));
}, 600_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  for (const dir of [out, coldOut]) rmSync(dir, { recursive: true, force: true });
});

describe('incremental builds', () => {
  it('renders everything on the first build', () => {
    expect(cold.skipped.size).toBe(0);
    expect(cold.rendered.has(postHtml(EDITED))).toBe(true);
  });

  it('after a body edit renders that post and the pages and feeds that show it, not the other posts', () => {
    const { rendered, skipped } = afterBody;
    for (const file of [postHtml(EDITED), '/2012/02/index.html', '/2012/index.html', '/search/label/podcast.html', '/feeds/labels/podcast.xml', '/feeds/labels/medications.xml', '/feeds/authors/roy.xml']) {
      expect(rendered.has(file), file).toBe(true);
    }
    const others = postPagesAfterBody.filter((p) => p !== postHtml(EDITED));
    expect(others.length).toBeGreaterThan(20);
    for (const p of others) expect(skipped.has(p), `${p} should come from the cache`).toBe(true);
    for (const file of ['/2010/index.html', '/search/label/jails.html', '/feeds/labels/jails.xml', '/feeds/authors/dinah.xml', '/exports/comments.json']) {
      expect(skipped.has(file), file).toBe(true);
    }
    expect(editedBodyText).toContain('A sentence added after the first build.');
  });

  it("after a title change renders its neighbours and every page with the sidebar", () => {
    expect(neighboursOfRetitled).toHaveLength(2);
    for (const href of neighboursOfRetitled) expect(afterTitle.rendered.has(href), href).toBe(true);
    expect(sidebarPagesBeforeTitle.length).toBeGreaterThan(50);
    for (const p of sidebarPagesBeforeTitle) expect(afterTitle.rendered.has(p), p).toBe(true);
    expect(afterTitle.rendered.has(`/feeds/comments/${RETITLED}.xml`)).toBe(true);
    // Files without the sidebar and without the post stay cached.
    expect(afterTitle.skipped.has('/feeds/labels/jails.xml')).toBe(true);
  });

  it('ends byte-identical to a cold build of the same content, without stale files', () => {
    const incremental = listFiles(out).sort();
    expect(incremental).toEqual(listFiles(coldOut).sort());
    expect(existsSync(join(out, `${DELETED}.html`))).toBe(false);
    expect(existsSync(join(out, `${EDITED}.html`))).toBe(false);
    expect(existsSync(join(out, `${EDITED}-renamed.html`))).toBe(true);
    const differ = incremental.filter((f) => !readFileSync(join(out, f)).equals(readFileSync(join(coldOut, f))));
    expect(differ).toEqual([]);
  });
});
