import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runProofread } from '../../../src/lib/proofread/cli';
import { structuralReport } from '../../../src/lib/proofread/proofread';
import { renderText } from '../../../src/lib/proofread/report';
import { FIXTURE_CONTENT, NOW, ROOT, TZ } from './helpers';
import { FRONT, context } from './checks/input';

/** What an author's slip or a strange file does to the proof sheet (issue 10, items 6, 8 and 10). */

const temp: string[] = [];
afterAll(() => temp.forEach((d) => rmSync(d, { recursive: true, force: true })));

const FILE = 'content/posts/2018/07/what-akathisia-feels-like.mdx';
const POST_ID = '2018/07/what-akathisia-feels-like';

describe('the proof sheet on hostile or mistaken posts', () => {
  it('refuses a post that is not UTF-8, naming the file and line, and fails', async () => {
    const root = mkdtempSync(join(tmpdir(), 'proofread-latin1-'));
    temp.push(root);
    cpSync(join(ROOT, FIXTURE_CONTENT), join(root, 'content'), { recursive: true });
    mkdirSync(join(root, 'content/posts/2018/07'), { recursive: true });
    const latin1 = Buffer.concat([Buffer.from(FRONT), Buffer.from('\nA caf'), Buffer.from([0xe9]), Buffer.from(' in Baltimore.\n')]);
    writeFileSync(join(root, 'content/posts/2018/07/cafe.mdx'), latin1);
    let stdout = '';
    const code = await runProofread(['content/posts/2018/07/cafe.mdx'], {
      root,
      contentDir: 'content',
      timeZone: TZ,
      now: NOW,
      stdout: (s) => (stdout += s),
      stderr: () => {},
      engines: {},
    });
    expect(code).toBe(1);
    expect(stdout).toContain('content/posts/2018/07/cafe.mdx:11: the file is not UTF-8 text');
    expect(stdout).toContain('Save the file as UTF-8');
  });

  it('reports a component used without an import against the post, with its line', () => {
    const text = `${FRONT}\nIntro.\n\n<DosingChart drug="haloperidol" />\n`;
    const report = structuralReport({ file: FILE, postId: POST_ID, text }, context());
    const f = report.findings.filter((x) => x.rule === 'components');
    expect(f).toMatchObject([{ file: FILE, line: 13, severity: 'error', message: '<DosingChart> is used but never imported, so the site will not build.' }]);
  });

  // 1,200 links parsed, checked and rendered: about 4 s on a busy 2-core machine, over Vitest's default 5 s limit under load.
  it('caps what one check reports on a huge post and counts the rest', { timeout: 30_000 }, () => {
    const broken = 1_200;
    let body = '';
    for (let i = 0; i < broken; i++) body += `Paragraph ${i} links to [a post that is gone](/2008/11/gone-${i}.html).\n\n`;
    const text = `${FRONT}\n${body}`;
    const report = structuralReport({ file: FILE, postId: POST_ID, text }, context());
    const links = report.findings.filter((x) => x.rule === 'links');
    expect(links).toHaveLength(51);
    expect(links.filter((x) => x.message === '… and 1,150 more (links).')).toHaveLength(1);
    // The printed sheet stays short whatever the size of the post.
    const sheet = renderText([report], { now: NOW, timeZone: TZ });
    expect(sheet.split('\n').length).toBeLessThan(300);
    expect(sheet).toContain('… and 1,150 more (links).');
  });
});

describe('the proof sheet on a broken content folder', () => {
  it('names a broken labels.yaml instead of crashing', async () => {
    const root = mkdtempSync(join(tmpdir(), 'proofread-labels-'));
    temp.push(root);
    cpSync(join(ROOT, FIXTURE_CONTENT), join(root, 'content'), { recursive: true });
    writeFileSync(join(root, 'content/labels.yaml'), 'jails:\n  aliases: ["a/b"]\n');
    let stderr = '';
    const code = await runProofread(['--all'], { root, contentDir: 'content', timeZone: TZ, now: NOW, stdout: () => {}, stderr: (s) => (stderr += s), engines: {} });
    expect(code).toBe(1);
    expect(stderr).toContain('content/labels.yaml: jails.aliases.0: labels cannot contain');
  });
});
