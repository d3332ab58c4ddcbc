import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseExportText } from '../../src/lib/import/detect';
import { importInto, ours, peer, scratch } from '../unit/import/helpers';

/** Peer conformance: the exporter quirks of other projects' real files (../shared/fixtures/peers/). */

const parseFile = (path: string) => parseExportText(path, readFileSync(path, 'utf8'));

describe('reading peer export files', () => {
  it('repairs the defects real exporters are known for, and says so', () => {
    // pelican's Blogger export uses app: without declaring it.
    expect(parseFile(peer('pelican-bloggerexport.xml')).recovered).toEqual(['declared the namespace prefix app that the file uses without declaring']);
    // remark42's Disqus files start with a backtick and have an unquoted attribute.
    const r = parseFile(peer('remark42-disqus.xml')).recovered;
    expect(r).toHaveLength(2);
    expect(r[0]).toMatch(/removed "`" before the XML declaration/);
    expect(r[1]).toBe('quoted 1 unquoted attribute value');
    expect(parseFile(peer('isso-disqus.xml')).recovered).toEqual([]);
  });

  it('decodes entities exactly once in WXR titles', () => {
    const wxr = parseFile(peer('pelican-wordpressexport.xml'));
    const t = wxr.entries.find((e) => e.title.startsWith('A normal post with some'))!.title;
    expect(t).toBe("A normal post with some <html> entities in the title. You can't miss them.");
  });

  it('detects each format from the content, not the file name', () => {
    const files = ['pelican-bloggerexport.xml', 'ghost-importer-blogger.xml', 'blot-export.atom', 'blot-export.xml', 'isso-disqus.xml', 'isso-wordpress.xml', 'ghost-importer-example.wxr'];
    expect(Object.fromEntries(files.map((f) => [f, parseFile(peer(f)).format]))).toEqual({
      'pelican-bloggerexport.xml': 'blogger-classic',
      'ghost-importer-blogger.xml': 'blogger-classic',
      'blot-export.atom': 'blogger-takeout',
      'blot-export.xml': 'blogger-classic',
      'isso-disqus.xml': 'disqus',
      'isso-wordpress.xml': 'wxr',
      'ghost-importer-example.wxr': 'wxr',
    });
  });
});

describe('writing peer imports', () => {
  it('a new post never overwrites a different post at the same address', () => {
    const { content } = scratch();
    importInto(content, [ours('blogger-rules.xml')]);
    importInto(content, [peer('blot-export.xml')], { hosts: ['example.blogspot.com'] });
    const again = importInto(content, [peer('blot-export.xml')], { hosts: ['example.blogspot.com'] });
    expect(again.report.writes.written).toEqual([]);
    expect(again.report.slugCollisions).toEqual([]);
  });

  it('the CLI imports ghost-importer-blogger.xml', () => {
    const { root, content } = scratch();
    writeFileSync(join(root, 'map.yaml'), 'fallback: dinah\nauthors:\n  dinah:\n    names: [Dinah]\n');
    const ok = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import.ts', peer('ghost-importer-blogger.xml'), '--content', content, '--author-map', join(root, 'map.yaml')], { encoding: 'utf8' });
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/posts: 4 live, 0 drafts\n\s+pages: 1 live, 0 drafts\n\s+comments: 13 visible/);
    expect(existsSync(join(content, 'pages', 'feedback.md'))).toBe(true);
    expect(ok.stdout).toMatch(/formats: 5 plain Markdown \(\.md\), 0 MDX/);
  }, 60_000);
});
