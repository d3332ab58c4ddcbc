import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import type { Page } from 'playwright-core';
import { postSchema } from '../../src/lib/schemas';
import { parseFrontMatter } from '../../src/lib/content-files/frontmatter';
import { listContentFiles } from '../../src/lib/content-files/walk';
import { childEnv } from '../child-env';
import { freePort, hasChromium, launch, pageErrors, serve, SITE_DIST, type Browser } from './browser';

/**
 * The browser editor at /admin/ (issues 12 and 19), in real Chromium:
 *  - in the built site: no request to another origin, no CSP violation, noindex, the blog's
 *    name and duck on the sign-in page;
 *  - with `npm run write` on a scratch clone (its port taken, an untracked notes file lying
 *    around): every sample post opens; a title edit changes one line; a new post goes from
 *    draft to published, its commits hold only the post and its picture, and the built site
 *    shows it; refusals are in plain words.
 * Screenshots for docs/WRITING.md: EDITOR_SCREENSHOTS=docs/images npx vitest run --project browser tests/browser/editor.test.ts
 */
const ROOT = process.cwd();
const SHOTS = process.env.EDITOR_SCREENSHOTS ? join(ROOT, process.env.EDITOR_SCREENSHOTS) : undefined;

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `editor-${name}.png`) });
}

/** Collects CSP violations reported in the page (and console messages about them). */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const console_: string[] = [];
  page.on('console', (m) => /Content Security Policy/i.test(m.text()) && console_.push(m.text()));
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return async () => [...console_, ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations))];
}

describe.skipIf(!hasChromium)('/admin/ in the built site', () => {
  it('is kept out of the sitemap and search, has noindex, and loads only from its own origin with no CSP violation', async () => {
    const html = readFileSync(join(SITE_DIST, 'admin', 'index.html'), 'utf8');
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(html).not.toContain('data-pagefind-body');
    for (const map of ['sitemap-0.xml', 'rss.xml']) {
      if (existsSync(join(SITE_DIST, map))) expect(readFileSync(join(SITE_DIST, map), 'utf8')).not.toContain('/admin');
    }
    // Decap's chunks were copied beside it, and the generated config is there.
    expect(existsSync(join(SITE_DIST, 'admin', 'decap-cms.js'))).toBe(true);
    expect(readFileSync(join(SITE_DIST, 'admin', 'config.yml'), 'utf8')).toContain('publish_mode: editorial_workflow');

    const site = await serve();
    const browser = await launch();
    try {
      const page = await browser.page();
      const violations = await watchCsp(page);
      const foreign: string[] = [];
      page.on('request', (r) => !r.url().startsWith(site.origin) && !r.url().startsWith('data:') && foreign.push(r.url()));
      await page.goto(`${site.url}admin/`);
      // Production mode: no local backend here, so Decap offers GitHub sign-in, under the blog's duck.
      await page.getByRole('button', { name: 'Login with GitHub' }).waitFor({ timeout: 30_000 });
      expect(await page.locator('img[src="/favicon.svg"]').count()).toBe(1);
      expect(await page.locator('[class*="-CustomIconWrapper"]').evaluate((e) => getComputedStyle(e, '::after').content)).toBe('"Shrink Rap"');
      expect(await page.locator('[class*="-NetlifyCreditIcon"]').isVisible()).toBe(false);
      expect(await page.title()).toBe('Write · Shrink Rap');
      await page.waitForLoadState('networkidle');
      await shot(page, 'sign-in');
      expect(foreign).toEqual([]);
      expect(await violations()).toEqual([]);
    } finally {
      await browser.close();
      await site.stop();
    }
  });
});

/** A copy of the project committed as `main` in a temp folder, with node_modules linked. */
function scratchClone(): string {
  const dir = mkdtempSync(join(tmpdir(), 'shrinkrap-editor-'));
  const skip = new Set(['node_modules', '.git', 'dist', '.astro', 'import']);
  cpSync(ROOT, dir, { recursive: true, filter: (src) => !skip.has(relative(ROOT, src).split(/[\\/]/)[0]!) && !/^dist-/.test(relative(ROOT, src)) });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const git = (...args: string[]) => {
    const r = spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
    return r.stdout.trim();
  };
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Editor test');
  git('config', 'user.email', ''); // no e-mail address in the repository; git accepts an empty one
  git('config', 'commit.gpgsign', 'false');
  writeFileSync(join(dir, '.git', 'info', 'exclude'), 'node_modules\n');
  git('add', '.');
  git('commit', '-q', '-m', 'Scratch copy of the blog');
  // An author's notes, never committed: the editor must not pick them up.
  writeFileSync(join(dir, 'notes.txt'), 'Ideas for next week.\n');
  writeFileSync(join(dir, 'content', 'posts', '2006', '11', 'ideas.txt'), 'A sequel to the duck post?\n');
  return dir;
}

/** A port that something else is already listening on (npm run write must move, and say where). */
async function takenPort(): Promise<{ port: number; close(): Promise<void> }> {
  const server = createServer((_, res) => res.end('someone else'));
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  return { port: typeof address === 'object' && address ? address.port : 0, close: () => new Promise((ok) => server.close(() => ok())) };
}

const TITLE = 'The Duck Goes to Court';
/** Typed in New York time, whatever the computer's zone (the browser runs in London). */
const NEW_YORK_TIME = '2026-11-30 22:30';
const POST_FILE = 'content/posts/2026/11/duck-goes-to-court.md';
const PICTURE_FILE = 'content/posts/2026/11/images/duck.png';
const BRANCH = 'cms/posts/2026/11/duck-goes-to-court';
const OLDER_POST = '/2006/11/emotional-support-duck.html';
const MDX_POST = 'content/posts/2012/05/video-what-happens-when-psychiatrist.mdx';
const MDX_BRANCH = 'cms/mdx-posts/2012/05/video-what-happens-when-psychiatrist';
const UNTRACKED = ['content/posts/2006/11/ideas.txt', 'notes.txt'];

describe.skipIf(!hasChromium)('writing at /admin/ with npm run write', () => {
  let repo = '';
  let cacheDir = '';
  let writer: ChildProcess | undefined;
  let busy: Awaited<ReturnType<typeof takenPort>> | undefined;
  let output = '';
  let browser: Browser;
  let page: Page;
  let origin = '';
  let cspViolations: () => Promise<string[]>;
  const git = (...args: string[]) => spawnSync('git', args, { cwd: repo, encoding: 'utf8' }).stdout.trim();
  const branches = () => git('branch', '--list', 'cms/*').split('\n').map((b) => b.replace(/^[*+ ]+/, '')).filter(Boolean);
  const untracked = () => git('status', '--porcelain', '--untracked-files=all').split('\n').filter(Boolean).sort();

  beforeAll(async () => {
    repo = scratchClone();
    cacheDir = mkdtempSync(join(tmpdir(), 'shrinkrap-editor-cache-'));
    busy = await takenPort();
    writer = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/write.ts', '--port', String(busy.port)], {
      cwd: repo,
      env: childEnv({ ASTRO_CACHE_DIR: cacheDir, OUT_DIR: join(repo, 'dist') }),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    writer.stdout!.on('data', (d) => (output += d));
    writer.stderr!.on('data', (d) => (output += d));
    const until = Date.now() + 120_000;
    while (!/Write at (http:\S+)/.test(output)) {
      if (Date.now() > until || writer.exitCode !== null) throw new Error(`npm run write did not start:\n${output}`);
      await new Promise((ok) => setTimeout(ok, 200));
    }
    const editorUrl = /Write at (http:\S+)/.exec(output)![1]!;
    // The port asked for was taken: the printed address is the one the editor really answers at.
    expect(editorUrl).not.toBe(`http://127.0.0.1:${busy.port}/admin/`);
    expect(await (await fetch(editorUrl)).text()).toContain('<title>Write · Shrink Rap</title>');
    origin = new URL(editorUrl).origin;
    browser = await launch({ timezoneId: 'Europe/London' });
    page = await browser.page();
    cspViolations = await watchCsp(page);
    // Leaving a refused post or publishing: yes; the editor's offer to restore a backup: no.
    page.on('dialog', (d) => void (/backup/i.test(d.message()) ? d.dismiss() : d.accept()));
    await page.setViewportSize({ width: 1100, height: 760 });
    await page.goto(editorUrl);
    await page.getByRole('button', { name: 'Login' }).click({ timeout: 60_000 });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    if (writer?.pid && writer.exitCode === null) process.kill(-writer.pid, 'SIGTERM');
    await busy?.close();
    await new Promise((ok) => setTimeout(ok, 500));
    for (const dir of [repo, cacheDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function newPost(): Promise<void> {
    await page.goto(`${origin}/admin/#/collections/posts`);
    await page.getByText('Sort by').waitFor();
    await page.goto(`${origin}/admin/#/collections/posts/new`);
    // A fresh page: in these runs Decap's "new" form could keep the fields of the post saved just before.
    await page.reload();
    await page.getByText('Writing in Posts collection').waitFor({ timeout: 60_000 });
    // The new, empty form (not the post edited before).
    await expect.poll(() => titleField().inputValue(), { timeout: 30_000 }).toBe('');
    await page.locator('[data-slate-editor]').first().waitFor();
  }
  const save = () => page.getByRole('button', { name: 'Save', exact: true }).click();
  const titleField = () => page.locator('input[id^="title-field"]');

  it('opens every sample post, MDX components and all, in the editor', async () => {
    const posts = listContentFiles(join(repo, 'content'), ['post']).map((f) => f.rel.replace(/^posts\//, ''));
    expect(posts.length).toBeGreaterThan(20);
    let components = 0;
    for (const file of posts) {
      const text = readFileSync(join(repo, 'content', 'posts', file), 'utf8');
      const collection = file.endsWith('.mdx') ? 'mdx-posts' : 'posts';
      // Through the list, so the editor opens afresh for each post.
      await page.goto(`${origin}/admin/#/collections/${collection}`);
      await page.getByText('Sort by').waitFor();
      await page.goto(`${origin}/admin/#/collections/${collection}/entries/${file.replace(/\.mdx?$/, '')}`);
      const { data, body } = parseFrontMatter(text);
      await expect.poll(() => titleField().inputValue(), { timeout: 30_000, message: file }).toBe(data.title);
      // The text is shown as written: its first line, a component's tag included.
      const first = body.split('\n').find((l) => l.trim())!.trim();
      await expect.poll(() => page.locator('[data-slate-editor]').first().innerText(), { message: file, timeout: 30_000 }).toContain(first.slice(0, 40));
      // A component (the video player) is shown as written, not dropped or turned into text.
      const component = body.split('\n').find((l) => l.startsWith('<'));
      if (component) expect(await page.locator('[data-slate-editor]').first().innerText(), file).toContain(component.trim());
      if (component) components++;
    }
    expect(components).toBeGreaterThan(0);
  }, 600_000);

  it('edits the title of an MDX post with a component: one line changes, the body is byte for byte the same', async () => {
    await page.goto(`${origin}/admin/#/collections/mdx-posts`);
    await page.getByText('Sort by').waitFor();
    await page.goto(`${origin}/admin/#/collections/mdx-posts/entries/2012/05/video-what-happens-when-psychiatrist`);
    await expect.poll(() => titleField().inputValue(), { timeout: 30_000 }).toContain('Video: What Happens');
    await titleField().fill('Video: What a Psychiatrist Does on a Medical Floor');
    await save();
    await expect.poll(() => branches(), { timeout: 30_000 }).toContain(MDX_BRANCH);
    expect(git('diff', '--name-only', `main...${MDX_BRANCH}`)).toBe(MDX_POST);
    const diff = git('diff', '--unified=0', `main...${MDX_BRANCH}`).split('\n').filter((l) => /^[-+][^-+]/.test(l));
    expect(diff).toEqual([
      '-title: "Video: What Happens When a Psychiatrist Is Called to a Medical Floor"',
      '+title: "Video: What a Psychiatrist Does on a Medical Floor"',
    ]);
    const [before, after] = [git('show', `main:${MDX_POST}`), git('show', `${MDX_BRANCH}:${MDX_POST}`)];
    expect(parseFrontMatter(after).body).toBe(parseFrontMatter(before).body);
    expect(untracked()).toEqual(UNTRACKED.map((f) => `?? ${f}`));
  }, 120_000);

  it('refuses a post without a title or an author', async () => {
    await newPost();
    await page.locator('textarea[id^="description-field"]').fill('A post with no title and no author.');
    await save();
    await expect.poll(() => page.getByText(/missed a required field/i).count()).toBeGreaterThan(0);
    expect(await page.getByText('Title is required.').count()).toBe(1);
    expect(await page.getByText('Author is required.').count()).toBe(1);
    await page.getByLabel('Title').scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    await shot(page, 'refused');
    expect(branches()).toEqual([MDX_BRANCH]);
  });

  it('refuses a new label that is an existing one in other capitals, or a near-miss of one', async () => {
    await newPost();
    await page.getByLabel('Title').fill('Labels that collide');
    await page.locator('input[id^="author-field"]').fill('Dinah');
    await page.keyboard.press('Enter');
    await page.locator('input[id^="newLabels-field"]').fill('Jails, psychoterapy');
    await page.locator('[data-slate-editor]').first().click();
    await page.keyboard.type('Two labels that should not be new.');
    await save();
    await expect.poll(() => page.getByText(/"Jails" is the existing label "jails"/).count()).toBeGreaterThan(0);
    expect(await page.getByText(/"psychoterapy" looks like the existing label "psychotherapy"/).count()).toBeGreaterThan(0);
    expect(branches()).toEqual([MDX_BRANCH]);
  });

  it('takes a new post from draft to published: only the post and its picture are committed, and the built site shows it', async () => {
    await newPost();
    await page.getByLabel('Title').fill(TITLE);
    await page.locator('input[id^="published-field"]').fill(NEW_YORK_TIME);
    await page.locator('input[id^="author-field"]').fill('Roy');
    await page.keyboard.press('Enter');
    for (const label of ['jails', 'duck']) {
      await page.locator('input[id^="labels-field"]').fill(label);
      await page.keyboard.press('Enter');
    }
    await page.locator('input[id^="newLabels-field"]').fill('court visits');

    // The picture, uploaded through the media library into the post's own folder.
    await page.getByRole('button', { name: 'Add Component' }).click();
    await page.getByRole('menuitem', { name: 'Image' }).click();
    await page.getByRole('button', { name: 'Choose an image' }).click();
    await page.locator('input[type=file]').setInputFiles({ name: 'duck.png', mimeType: 'image/png', buffer: tinyPng() });
    await page.getByRole('button', { name: 'Choose selected' }).click();

    // The text, in the Markdown view: a link to an older post, then the picture WITHOUT a description.
    await page.getByText('Rich Text', { exact: true }).locator('..').getByRole('switch').click();
    const markdown = page.locator('[data-slate-editor]').last();
    await expect.poll(() => markdown.innerText()).toContain('duck.png');
    const picture = /!\[[^\]]*\]\(([^)]+)\)/.exec(await markdown.innerText())?.[1];
    expect(picture).toMatch(/^(\.\/)?images\/duck\.png$/);
    const write = async (alt: string) => {
      await markdown.click();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('Delete');
      await page.keyboard.type(`The duck came with Roy to court today. We wrote about [the emotional support duck](${OLDER_POST}) years ago.`);
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await page.keyboard.type(`![${alt}](${picture})`);
    };
    await write('');
    await shot(page, 'new-post');
    await save();
    await expect.poll(() => page.getByText(/A picture has no description\. Describe each picture/).count()).toBeGreaterThan(0);
    expect(await page.getByText(/didn't match the pattern/i).count()).toBe(0);
    expect(branches().filter((b) => b !== MDX_BRANCH)).toEqual([]);

    await write('A yellow rubber duck on a courtroom bench');
    // The preview: the site's stylesheet and font, the time in New York as typed.
    const preview = page.frameLocator('iframe').first();
    await expect.poll(() => preview.locator('.post-byline').innerText()).toBe('Posted by Roy at 10:30 PM');
    expect(await preview.locator('.post-title').evaluate((e) => getComputedStyle(e).fontFamily)).toContain('Atkinson Hyperlegible');
    await save();
    await expect.poll(() => branches().filter((b) => b !== MDX_BRANCH), { timeout: 30_000 }).toEqual([BRANCH]);
    await shot(page, 'draft-saved');

    // The draft's branch holds the post and its picture, nothing else; the folder is untouched.
    expect(git('diff', '--name-only', `main...${BRANCH}`).split('\n').sort()).toEqual([POST_FILE, PICTURE_FILE]);
    expect(untracked()).toEqual(UNTRACKED.map((f) => `?? ${f}`));
    const front = parseFrontMatter(git('show', `${BRANCH}:${POST_FILE}`)).data;
    const data = postSchema(z.enum(['dinah', 'clinkshrink', 'roy'])).parse(front);
    expect(data).toMatchObject({ title: TITLE, author: 'roy', labels: ['jails', 'duck', 'court visits'], proofreadBy: [] });
    expect(front).not.toHaveProperty('draft');
    expect(front.published).toBe('2026-11-30T22:30:00-05:00');

    // The workflow board: a card with the title and the author's name, not the raw Markdown.
    await page.goto(`${origin}/admin/#/workflow`);
    await page.reload();
    await expect.poll(() => page.locator('[class*="-CardTitle"]').allInnerTexts(), { timeout: 30_000 }).toContain(`${TITLE} · Roy`);
    expect(await page.getByText(/The duck came with Roy to court today/).isVisible()).toBe(false);
    await shot(page, 'workflow');
    await page.goto(`${origin}/admin/#/collections/posts/entries/2026/11/duck-goes-to-court`);
    await page.reload();
    await page.getByRole('button', { name: /^Status:/ }).waitFor({ timeout: 60_000 });

    // In review, Ready, then Publish: one status control, no draft switch to forget.
    for (const status of ['In review', 'Ready']) {
      await page.getByRole('button', { name: /^Status:/ }).click();
      await page.getByRole('menuitem', { name: status }).click();
      await expect.poll(() => git('log', '-1', '--format=%B', BRANCH), { timeout: 30_000 }).toContain(status === 'Ready' ? 'Editorial-Status: pending_publish' : 'Editorial-Status: pending_review');
    }
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Publish now' }).click();
    await expect.poll(() => branches().filter((b) => b !== MDX_BRANCH), { timeout: 30_000 }).toEqual([]);
    expect(git('show', '--name-only', '--format=', 'main').split('\n').sort()).toEqual([POST_FILE, PICTURE_FILE]);
    expect(readFileSync(join(repo, POST_FILE), 'utf8')).toBe(git('show', `main:${POST_FILE}`) + '\n');
    expect(untracked()).toEqual(UNTRACKED.map((f) => `?? ${f}`));
    expect(await cspViolations()).toEqual([]);

    // The proof sheet finds no error, and a production build (no drafts) has the post.
    const proof = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/proofread.ts', POST_FILE], { cwd: repo, encoding: 'utf8', env: childEnv() });
    expect(proof.status, proof.stdout + proof.stderr).toBe(0);
    const build = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--silent'], {
      cwd: repo,
      encoding: 'utf8',
      env: childEnv({ SHRINKRAP_DRAFTS: '', OUT_DIR: join(repo, 'dist'), ASTRO_CACHE_DIR: cacheDir }),
    });
    expect(build.status, build.stdout + build.stderr).toBe(0);
    const built = readFileSync(join(repo, 'dist', '2026', '11', 'duck-goes-to-court.html'), 'utf8');
    expect(built).toContain(`href="${OLDER_POST}"`);
    expect(built).toContain('alt="A yellow rubber duck on a courtroom bench"');
    expect(readFileSync(join(repo, 'dist', 'feeds', 'posts', 'default'), 'utf8')).toContain(TITLE);
  }, 400_000);
});

/** A small yellow PNG, made here so the test needs no fixture file. */
function tinyPng(width = 40, height = 30): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, Buffer.from([250, 210, 40]))]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
