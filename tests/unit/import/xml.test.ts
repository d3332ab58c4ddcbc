import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseExportText } from '../../../src/lib/import/detect';
import { ExportFileError, parseXml } from '../../../src/lib/import/xml';
import { ours } from './helpers';

const parseFile = (path: string) => parseExportText(path, readFileSync(path, 'utf8'));

describe('reading export files', () => {
  it('stops at a broken file with its name, line and what went wrong', () => {
    let error: unknown;
    try {
      parseFile(ours('broken.xml'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExportFileError);
    const e = error as ExportFileError;
    expect(e.file).toBe('broken.xml');
    expect(e.line).toBe(6);
    expect(e.message).toMatch(/^broken\.xml:6:\d+: not well-formed XML: .*tag/);
  });

  it('refuses a DTD instead of expanding its entities', () => {
    expect(() => parseFile(ours('doctype.xml'))).toThrow(/doctype\.xml:2:\d+: the file has a DOCTYPE.*refused/);
  });

  it('says which formats it expected when the file is something else', () => {
    expect(() => parseFile(ours('plain-rss.xml'))).toThrow(/plain-rss\.xml:2: an RSS feed without WordPress wp: elements.*Expected a Blogger export/);
    expect(() => parseExportText('notes.xml', '<?xml version="1.0"?><html><body/></html>')).toThrow(/notes\.xml:1: unexpected root element <html>/);
    expect(() => parseExportText('x.json', '{"version":"https://jsonfeed.org/version/1.1","items":[]}')).toThrow(/not a Shrink Rap comments export/);
  });

  it('fails loudly on an empty export (Blogger has served empty files)', () => {
    expect(() => parseFile(ours('empty-feed.xml'))).toThrow(/an Atom feed with no entries: the export is empty/);
    expect(() => parseExportText('blank.xml', '  \n')).toThrow(/blank\.xml: the file is empty/);
  });

  it('repairs the defects real exporters are known for, and says so', () => {
    // Blogger exports from some tools use app: without declaring it.
    const undeclared = parseFile(ours('blogger-undeclared-prefix.xml'));
    expect(undeclared.recovered).toEqual(['declared the namespace prefix app that the file uses without declaring']);
    expect(undeclared.entries.map((e) => [e.title, e.draft])).toEqual([
      ['A post with &lt;html&gt; entities in the title. You can&#039;t miss them.', false],
      ['Still a draft', true],
    ]);
    // Some Disqus files start with a backtick and have an unquoted attribute.
    const r = parseFile(ours('disqus-glitches.xml'));
    expect(r.recovered).toHaveLength(2);
    expect(r.recovered[0]).toMatch(/removed "`" before the XML declaration/);
    expect(r.recovered[1]).toBe('quoted 1 unquoted attribute value');
    expect(r.comments).toHaveLength(1);
    // A well-formed file needs no repair.
    expect(parseFile(ours('disqus-shrinkrap.xml')).recovered).toEqual([]);
  });

  it('does not repair anything else: an unknown prefix is still an error', () => {
    expect(() => parseXml('<a><zz:b/></a>', { file: 'p.xml' })).toThrow(/p\.xml:1:\d+: not well-formed XML: unbound namespace prefix: "zz"/);
  });

  it('keeps 19-digit ids as strings (as numbers they lose digits)', () => {
    const parsed = parseFile(ours('blogger-rules.xml'));
    const post = parsed.entries.find((e) => e.bloggerId === '1143037752240118350');
    expect(post).toBeDefined();
    expect(Number('1143037752240118350').toString()).not.toBe('1143037752240118350');
    const comment = parsed.comments.find((c) => c.id === 'blogger:4000000000000000001');
    expect(comment?.post.bloggerId).toBe('1143037752240118350');
  });

  it('decodes entities exactly once in titles', () => {
    const parsed = parseFile(ours('blogger-rules.xml'));
    expect(parsed.entries.find((e) => e.bloggerId === '1143037752240118350')?.title).toBe('Q&A: Tom &amp; Jerry <3');
    // WXR titles are decoded once too.
    expect(parseFile(ours('wxr-comments.xml')).entries[0]!.title).toBe('Q&A: Tom &amp; Jerry <3');
  });

  it('detects each format from the content, not the file name', () => {
    const formats = Object.fromEntries(
      ['blogger-rules.xml', 'blogger-undeclared-prefix.xml', 'takeout-shrinkrap.atom', 'disqus-shrinkrap.xml', 'disqus-glitches.xml', 'wxr-comments.xml'].map((f) => [
        f,
        parseFile(ours(f)).format,
      ]),
    );
    expect(formats).toEqual({
      'blogger-rules.xml': 'blogger-classic',
      'blogger-undeclared-prefix.xml': 'blogger-classic',
      'takeout-shrinkrap.atom': 'blogger-takeout',
      'disqus-shrinkrap.xml': 'disqus',
      'disqus-glitches.xml': 'disqus',
      'wxr-comments.xml': 'wxr',
    });
  });
});
