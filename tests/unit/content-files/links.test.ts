import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LinkOutsideError, listContentFiles, outsideLinks, scanContentFolder } from '../../../src/lib/content-files';
import { runImport } from '../../../src/lib/import/index';
import { loadWorkspace } from '../../../src/lib/proofread/workspace';
import { runProofread } from '../../../src/lib/proofread/cli';
import { contentBuildProblems } from '../../../src/lib/tools/content-check';
import { TEST_AUTHOR_MAP } from '../import/helpers';

/**
 * Content stays inside the repository (issue 23): a symbolic link in content/ or public/
 * that leads outside it is refused by name before anything is read, by the build's
 * content check, the walker, the importer and the proof sheet; a linked folder inside
 * the repository is walked and checked like any other.
 */

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

const POST = '---\ntitle: "A post"\npublished: "2008-11-29T06:47:00-05:00"\nauthor: dinah\n---\n\nBody.\n';

/** A project (repository) with content/ and public/, and a folder outside it. */
function project() {
  const root = mkdtempSync(join(tmpdir(), 'shrinkrap-links-'));
  const outside = mkdtempSync(join(tmpdir(), 'shrinkrap-elsewhere-'));
  made.push(root, outside);
  const content = join(root, 'content');
  cpSync(join(process.cwd(), 'content', 'authors'), join(content, 'authors'), { recursive: true });
  mkdirSync(join(content, 'posts', '2008', '11'), { recursive: true });
  writeFileSync(join(content, 'posts', '2008', '11', 'real.md'), POST);
  mkdirSync(join(root, 'public'));
  writeFileSync(join(outside, 'secret.md'), POST);
  writeFileSync(join(outside, 'photo.png'), 'not really a picture');
  mkdirSync(join(outside, 'posts'));
  writeFileSync(join(outside, 'posts', 'other.md'), POST);
  return { root, content, outside };
}

describe('symbolic links leading out of the repository', () => {
  it('a linked post file, folder and picture are each named, before any file is read', () => {
    const { root, content, outside } = project();
    symlinkSync(join(outside, 'secret.md'), join(content, 'posts', '2008', '11', 'linked.md'));
    symlinkSync(join(outside, 'posts'), join(content, 'posts', '2008', '12'));
    mkdirSync(join(content, 'posts', '2008', '11', 'images'));
    symlinkSync(join(outside, 'photo.png'), join(content, 'posts', '2008', '11', 'images', 'photo.png'));
    const links = outsideLinks(content, root).map((l) => l.link.slice(content.length + 1));
    expect(links).toEqual(['posts/2008/11/images/photo.png', 'posts/2008/11/linked.md', 'posts/2008/12']);
    const problems = scanContentFolder(content).map((p) => p.message);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^content\/posts\/2008\/11\/images\/photo\.png is a symbolic link to .*photo\.png, outside the repository \(.*\): content must be inside it\. Copy the file or folder in instead of linking it\.$/);
    expect(() => listContentFiles(content)).toThrow(LinkOutsideError);
    expect(() => listContentFiles(content)).toThrow(/content\/posts\/2008\/12 is a symbolic link to .*, outside the repository|posts\/2008\/12 is a symbolic link/);
  });

  it('a broken link is named too', () => {
    const { root, content } = project();
    symlinkSync(join(root, 'nowhere.md'), join(content, 'posts', '2008', '11', 'gone.md'));
    expect(scanContentFolder(content).map((p) => p.message)).toEqual([expect.stringMatching(/^content\/posts\/2008\/11\/gone\.md is a symbolic link to nothing/)]);
  });

  it('public/ is checked by the build too', () => {
    const { root, content, outside } = project();
    symlinkSync(join(outside, 'photo.png'), join(root, 'public', 'photo.png'));
    expect(contentBuildProblems(content, join(root, 'public')).map((p) => p.files)).toEqual([['public/photo.png']]);
  });

  it('the importer and the proof sheet refuse the folder, naming the link', async () => {
    const { root, content, outside } = project();
    symlinkSync(join(outside, 'posts'), join(content, 'posts', '2009'));
    const feed = join(root, 'feed.atom');
    writeFileSync(feed, "<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom' xmlns:blogger='http://schemas.google.com/blogger/2018'><id>x</id></feed>");
    expect(() => runImport({ files: [feed], contentDir: content, authorMap: TEST_AUTHOR_MAP, reportDir: false })).toThrow(/posts\/2009 is a symbolic link to .*outside the repository/);
    expect(() => loadWorkspace(root)).toThrow(/posts\/2009 is a symbolic link/);
    const err: string[] = [];
    const code = await runProofread(['--all'], { root, contentDir: 'content', timeZone: 'America/New_York', now: new Date('2026-01-01'), stdout: () => {}, stderr: (s) => err.push(s) });
    expect(code).toBe(1);
    expect(err.join('')).toMatch(/posts\/2009 is a symbolic link to .*outside the repository/);
  });
});

describe('symbolic links inside the repository', () => {
  it('are followed, and a linked folder\'s files are checked like any other (a Latin-1 post behind one is refused)', () => {
    const { root, content } = project();
    const shared = join(root, 'drafts-shared');
    mkdirSync(shared);
    writeFileSync(join(shared, 'ok.md'), POST);
    writeFileSync(join(shared, 'latin.md'), Buffer.concat([Buffer.from(POST.replace('Body.', 'A caf')), Buffer.from([0xe9]), Buffer.from('.\n')]));
    symlinkSync(shared, join(content, 'posts', '2008', '12'));
    // A link back up is walked once, not in a loop.
    symlinkSync(join(content, 'posts'), join(shared, 'loop'));
    expect(listContentFiles(content, ['post']).map((f) => f.rel)).toEqual([
      'posts/2008/11/real.md',
      'posts/2008/12/latin.md',
      'posts/2008/12/ok.md',
    ]);
    expect(scanContentFolder(content).map((p) => p.message)).toEqual([expect.stringMatching(/^posts\/2008\/12\/latin\.md:8: the file is not UTF-8 text/)]);
  });
});
