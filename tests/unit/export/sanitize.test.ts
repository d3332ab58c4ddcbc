import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commentsAtomFeed } from '../../../src/lib/export/atom';
import { commentsJsonFeedPages, jsonFeedText } from '../../../src/lib/export/jsonfeed';
import { loadExportInput } from '../../../src/lib/export/load';
import { commentsWxr } from '../../../src/lib/export/wxr';
import { renderAtom } from '../../../src/lib/feed-xml';
import { formatCommentsFile, writeFrontMatter } from '../../../src/lib/content-files';
import { NOW, SITE } from './helpers';

/**
 * A comment file edited by hand can carry live HTML; every export goes through the
 * site's one sanitizer, like pages and feeds (issue 10, item 5).
 */

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

const HOSTILE = [
  '<p>Good point <svg onload="alert(1)"><circle/></svg>',
  '<a href="javascript:alert(2)">click me</a>',
  '<b onclick="alert(3)">bold</b> and <a href="https://example.org/ok">a fine link</a></p>',
].join(' ');

function hostileSite(): string {
  const content = mkdtempSync(join(tmpdir(), 'export-hostile-'));
  roots.push(content);
  mkdirSync(join(content, 'posts/2008/11'), { recursive: true });
  mkdirSync(join(content, 'comments/2008/11'), { recursive: true });
  writeFileSync(
    join(content, 'posts/2008/11/ground-rules.md'),
    writeFrontMatter({ title: 'Ground Rules', published: '2008-11-29T06:47:00-05:00', author: 'dinah' }, 'Body.\n'),
  );
  const comment = {
    id: 'blogger:1',
    parentId: null,
    published: '2008-11-29T08:00:00-05:00',
    author: { name: 'Mallory', role: 'reader', identity: 'guest' },
    bodyHtml: HOSTILE,
    status: 'visible',
    source: { system: 'blogger-classic', file: 'export.xml', id: '1', postRef: '2' },
  };
  writeFileSync(join(content, 'comments/2008/11/ground-rules.json'), formatCommentsFile({ schemaVersion: 1, post: '2008/11/ground-rules', postSourceIds: [], comments: [comment] } as never));
  return content;
}

const expectSafe = (text: string) => {
  expect(text).not.toMatch(/onload|onclick|javascript:|<svg/i);
  expect(text).toContain('a fine link');
  expect(text).toContain('click me');
};

describe('comment exports sanitize comment HTML', () => {
  const content = hostileSite();
  const input = loadExportInput(content, { site: SITE, now: NOW, timeZone: 'America/New_York' });

  it('in every format: JSON Feed, WXR and Atom', () => {
    expect(input.comments[0]!.comment.bodyHtml).toContain('onload'); // stored as edited
    expectSafe(jsonFeedText(commentsJsonFeedPages(input, { pageUrl: () => 'https://www.shrinkrap.net/exports/comments.json' })[0]!));
    expectSafe(commentsWxr(input));
    expectSafe(renderAtom(commentsAtomFeed(input, { authority: 'www.shrinkrap.net', title: 'c', selfUrl: 'https://www.shrinkrap.net/feeds/comments/default', alternateUrl: 'https://www.shrinkrap.net/' })));
  });

  it('from npm run export:comments', { timeout: 60_000 }, () => {
    const r = spawnSync('npx', ['tsx', 'scripts/export-comments.ts', '--format', 'wxr', '--content', content], {
      encoding: 'utf8',
      env: { ...process.env, SHRINKRAP_NOW: NOW.toISOString() },
    });
    expect(r.status, r.stderr).toBe(0);
    expectSafe(r.stdout);
  });
});
