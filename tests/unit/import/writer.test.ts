import { copyFileSync, existsSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlanError } from '../../../src/lib/import/plan';
import { ExportFileError } from '../../../src/lib/import/xml';
import { importInto, ours, scratch, snapshot } from './helpers';

/** Safe and repeatable: all-or-nothing writes, byte-identical re-runs, hand edits respected. */

const RULES = [ours('blogger-rules.xml'), ours('disqus-shrinkrap.xml'), ours('wxr-comments.xml'), ours('takeout-shrinkrap.atom')];

describe('writing content', () => {
  it('re-running the same import gives byte-identical files and no duplicates', () => {
    const { root, content } = scratch();
    const first = importInto(content, RULES);
    const before = snapshot(root);
    const second = importInto(content, RULES);
    expect(snapshot(root)).toEqual(before);
    expect(second.report.writes.written).toEqual([]);
    expect(second.report.writes.unchanged).toBe(first.report.writes.written.length);
    // Files in a different order: the same result.
    importInto(content, [...RULES].reverse());
    expect(snapshot(root)).toEqual(before);
  });

  it('keeps no timestamps in content files and records hashes in import/state.json', () => {
    const { root, content } = scratch();
    importInto(content, [ours('blogger-rules.xml')]);
    const state = JSON.parse(readFileSync(join(root, 'import', 'state.json'), 'utf8')) as { files: Record<string, string> };
    expect(Object.keys(state.files)).toContain('posts/2006/03/welcome-to-couch.mdx');
    const today = new Date().toISOString().slice(0, 10);
    for (const [rel, text] of snapshot(content)) if (!rel.startsWith('authors/')) expect(text, rel).not.toContain(today);
  });

  it('does not overwrite a post edited by hand unless forced', () => {
    const { content } = scratch();
    importInto(content, [ours('blogger-rules.xml')]);
    const post = join(content, 'posts', '2006', '04', 'ground-rules.md');
    const edited = readFileSync(post, 'utf8').replace('A new paragraph.', 'A new paragraph, fixed by hand.');
    writeFileSync(post, edited);
    const again = importInto(content, [ours('blogger-rules.xml')]);
    expect(again.report.writes.skippedEditedByHand).toEqual(['posts/2006/04/ground-rules.md']);
    expect(readFileSync(post, 'utf8')).toBe(edited);
    expect(again.text).toMatch(/1 skipped \(edited by hand since the last import; --force overwrites\)/);
    const forced = importInto(content, [ours('blogger-rules.xml')], { force: true });
    expect(forced.report.writes.written).toEqual(['posts/2006/04/ground-rules.md']);
    expect(readFileSync(post, 'utf8')).not.toContain('fixed by hand');
  });

  it('a comment deleted by hand is not brought back without --force', () => {
    const { content } = scratch();
    importInto(content, [ours('blogger-rules.xml')]);
    const file = join(content, 'comments', '2006', '04', 'ground-rules.json');
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { comments: unknown[] };
    doc.comments = doc.comments.slice(1);
    writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
    const again = importInto(content, [ours('blogger-rules.xml')]);
    expect(again.report.writes.skippedEditedByHand).toEqual(['comments/2006/04/ground-rules.json']);
  });

  it('merges comments from another source into files it did not write, keeping theirs', () => {
    const { content } = scratch();
    importInto(content, [ours('blogger-rules.xml')]);
    const before = JSON.parse(readFileSync(join(content, 'comments/2006/03/welcome-to-couch.json'), 'utf8')) as { comments: { id: string }[] };
    importInto(content, [ours('disqus-shrinkrap.xml')]);
    const after = JSON.parse(readFileSync(join(content, 'comments/2006/03/welcome-to-couch.json'), 'utf8')) as { comments: { id: string }[] };
    expect(after.comments.map((c) => c.id)).toEqual(expect.arrayContaining(before.comments.map((c) => c.id)));
    expect(after.comments.length).toBe(before.comments.length + 4);
  });

  it('--dry-run writes nothing but its report (the terminal report points to it for the full lists)', () => {
    const { root, content } = scratch();
    const before = snapshot(root);
    const r = importInto(content, RULES, { dryRun: true, reportDir: join(root, 'import', 'reports') });
    expect(r.report.writes.written.length).toBeGreaterThan(10);
    expect(r.text).toMatch(/dry run: nothing written/);
    expect(r.reportPath).toBe(join(root, 'import', 'reports', 'blogger-rules.xml+3.dry-run.report.json'));
    const after = snapshot(root);
    after.delete(join('import', 'reports', 'blogger-rules.xml+3.dry-run.report.json'));
    expect(after).toEqual(before);
    expect((JSON.parse(readFileSync(r.reportPath!, 'utf8')) as typeof r.report).writes.written).toEqual(r.report.writes.written);
  });

  it('a malformed file stops the whole run before anything is written', () => {
    const { root, content } = scratch();
    const before = snapshot(root);
    expect(() => importInto(content, [ours('blogger-rules.xml'), ours('broken.xml')])).toThrow(ExportFileError);
    expect(snapshot(root)).toEqual(before);
    expect(readdirSync(content).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('an entry that cannot be placed stops the run with every problem listed, and writes nothing', () => {
    const { root, content } = scratch();
    const before = snapshot(root);
    let error: unknown;
    try {
      importInto(content, [ours('blogger-rules.xml')], { authorMap: { authors: { dinah: { bloggerProfileUris: [], names: ['Dinah'], disqusUsernames: [], wordpressLogins: [] } } } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PlanError);
    const problems = (error as PlanError).problems;
    expect(problems.length).toBe(5);
    expect(problems[0]).toMatch(/^blogger-rules\.xml:\d+ \(post tag:blogger\.com,1999:blog-9876543210987654321\.post-\d+\): nobody in the author map matches "ClinkShrink" <https:\/\/www\.blogger\.com\/profile\/2{20}>\. Add the name or profile URI to import\/author-map\.yaml, or set "fallback"\./);
    expect(snapshot(root)).toEqual(before);
  });

  it('writes the report as JSON next to the content, in import/reports', () => {
    const { root, content } = scratch();
    const r = importInto(content, [ours('blogger-rules.xml')], { reportDir: undefined });
    expect(r.reportPath).toBe(join(root, 'import', 'reports', 'blogger-rules.xml.report.json'));
    const saved = JSON.parse(readFileSync(r.reportPath!, 'utf8')) as typeof r.report;
    expect(saved.counts).toEqual(r.report.counts);
  });
});

describe('.md and .mdx are the same post', () => {
  /** Posts and pages on disk, by id, with their extensions. */
  const docs = (content: string) => {
    const out = new Map<string, string[]>();
    for (const [rel] of snapshot(content)) {
      const m = /^((?:posts|pages)\/.+)\.(mdx?)$/.exec(rel);
      if (m) out.set(m[1]!, [...(out.get(m[1]!) ?? []), m[2]!]);
    }
    return out;
  };
  const state = (root: string) => (JSON.parse(readFileSync(join(root, 'import', 'state.json'), 'utf8')) as { files: Record<string, string> }).files;

  it('a re-import moves posts first imported as .mdx to .md (and back), leaving one file each, reported', () => {
    const fresh = scratch();
    importInto(fresh.content, RULES);
    const { root, content } = scratch();
    importInto(content, RULES, { bodyFormat: 'mdx' });
    const allMdx = snapshot(root);
    const ids = docs(content);
    expect([...ids.values()].every((ext) => ext.join() === 'mdx')).toBe(true);

    const switched = importInto(content, RULES);
    const plain = [...docs(fresh.content)].filter(([, ext]) => ext.join() === 'md').map(([id]) => id);
    expect(plain.length).toBeGreaterThan(5);
    expect(switched.report.writes.switchedFormat).toEqual(plain.map((id) => ({ from: `${id}.mdx`, to: `${id}.md` })));
    expect(switched.text).toContain(`switched between .md and .mdx (old file removed): ${plain.length}`);
    // One file per post, and exactly what a first import would have written, state included.
    expect([...docs(content).values()].every((ext) => ext.length === 1)).toBe(true);
    expect(snapshot(root)).toEqual(snapshot(fresh.root));
    expect(Object.keys(state(root)).filter((rel) => rel.endsWith('.mdx'))).toEqual(['posts/2006/03/welcome-to-couch.mdx']);

    // Idempotent after the switch.
    const again = importInto(content, RULES);
    expect(again.report.writes.written).toEqual([]);
    expect(again.report.writes.switchedFormat).toEqual([]);
    expect(snapshot(root)).toEqual(snapshot(fresh.root));

    // And back: the old format comes back byte for byte.
    const back = importInto(content, RULES, { bodyFormat: 'mdx' });
    expect(back.report.writes.switchedFormat).toEqual(plain.map((id) => ({ from: `${id}.md`, to: `${id}.mdx` })));
    expect(snapshot(root)).toEqual(allMdx);
  });

  it('a dry run reports the switch and changes nothing', () => {
    const { root, content } = scratch();
    importInto(content, [ours('blogger-rules.xml')], { bodyFormat: 'mdx' });
    const before = snapshot(root);
    const r = importInto(content, [ours('blogger-rules.xml')], { dryRun: true });
    expect(r.report.writes.switchedFormat).toContainEqual({ from: 'posts/2006/04/ground-rules.mdx', to: 'posts/2006/04/ground-rules.md' });
    expect(snapshot(root)).toEqual(before);
  });

  it('an .mdx edited by hand is not replaced by .md without --force', () => {
    const { content } = scratch();
    importInto(content, [ours('blogger-rules.xml')], { bodyFormat: 'mdx' });
    const mdx = join(content, 'posts', '2006', '04', 'ground-rules.mdx');
    const md = join(content, 'posts', '2006', '04', 'ground-rules.md');
    const edited = readFileSync(mdx, 'utf8').replace('A new paragraph.', 'A new paragraph, fixed by hand.');
    writeFileSync(mdx, edited);
    const again = importInto(content, [ours('blogger-rules.xml')]);
    expect(again.report.writes.skippedEditedByHand).toEqual(['posts/2006/04/ground-rules.mdx']);
    expect(again.report.writes.switchedFormat).not.toContainEqual(expect.objectContaining({ from: 'posts/2006/04/ground-rules.mdx' }));
    expect(readFileSync(mdx, 'utf8')).toBe(edited);
    expect(existsSync(md)).toBe(false);
    expect(again.report.slugCollisions).toEqual([]);
    const forced = importInto(content, [ours('blogger-rules.xml')], { force: true });
    expect(forced.report.writes.switchedFormat).toEqual([{ from: 'posts/2006/04/ground-rules.mdx', to: 'posts/2006/04/ground-rules.md' }]);
    expect(existsSync(mdx)).toBe(false);
    expect(readFileSync(md, 'utf8')).not.toContain('fixed by hand');
  });

  it('a post renamed to .mdx by hand (to add a component) keeps its address and is left alone', () => {
    const { content } = scratch();
    importInto(content, [ours('blogger-rules.xml')]);
    const md = join(content, 'posts', '2006', '04', 'ground-rules.md');
    const mdx = join(content, 'posts', '2006', '04', 'ground-rules.mdx');
    renameSync(md, mdx);
    const again = importInto(content, [ours('blogger-rules.xml')]);
    expect(again.report.writes.skippedEditedByHand).toEqual(['posts/2006/04/ground-rules.mdx']);
    expect(again.report.writes.written).toEqual([]);
    expect(again.report.slugCollisions).toEqual([]);
    expect(docs(content).get('posts/2006/04/ground-rules')).toEqual(['mdx']);
  });

  it('both files of one post found on disk: a warning, and the one not written by the importer is kept unless forced', () => {
    const { content } = scratch();
    importInto(content, [ours('blogger-rules.xml')]);
    copyFileSync(join(content, 'posts/2006/04/ground-rules.md'), join(content, 'posts/2006/04/ground-rules.mdx'));
    const again = importInto(content, [ours('blogger-rules.xml')]);
    expect(again.report.warnings).toContain(
      'posts/2006/04/ground-rules.md and posts/2006/04/ground-rules.mdx are the same post (2006/04/ground-rules); the site can build only one: re-importing it removes the other, or delete one by hand',
    );
    expect(again.report.writes.skippedEditedByHand).toEqual(['posts/2006/04/ground-rules.mdx']);
    expect(docs(content).get('posts/2006/04/ground-rules')).toEqual(['md', 'mdx']);
    importInto(content, [ours('blogger-rules.xml')], { force: true });
    expect(docs(content).get('posts/2006/04/ground-rules')).toEqual(['md']);
  });
});
