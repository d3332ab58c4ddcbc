import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { formatCommentsFile, writeFrontMatter } from '../../../src/lib/content-files';
import { loadExportInput } from '../../../src/lib/export/load';
import type { ExportInput } from '../../../src/lib/export/input';
import { importInto, ours, scratch } from '../import/helpers';

export const SITE = { title: 'Shrink Rap', description: 'Three psychiatrists.', language: 'en-US', homeUrl: 'https://www.shrinkrap.net/' };
export const NOW = new Date('2026-06-01T00:00:00Z');

/** A content folder filled by importing our own fixtures, and the export input read from it. */
export function importedSite(): { root: string; content: string; input: ExportInput } {
  const { root, content } = scratch();
  importInto(content, [ours('blogger-rules.xml'), ours('disqus-shrinkrap.xml'), ours('wxr-comments.xml'), ours('takeout-shrinkrap.atom')]);
  return { root, content, input: loadExportInput(content, { site: SITE, now: NOW, timeZone: 'America/New_York' }) };
}

const HOSTILE = [
  '<p>Good point <svg onload="alert(1)"><circle/></svg>',
  '<a href="javascript:alert(2)">click me</a>',
  '<b onclick="alert(3)">bold</b> and <a href="https://example.org/ok">a fine link</a></p>',
].join(' ');

/** A content folder with one post whose comment was edited by hand into live HTML. */
export function hostileSite(): string {
  const content = mkdtempSync(join(tmpdir(), 'export-hostile-'));
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

export const expectSafe = (text: string) => {
  expect(text).not.toMatch(/onload|onclick|javascript:|<svg/i);
  expect(text).toContain('a fine link');
  expect(text).toContain('click me');
};

