import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listContentFiles } from '../../../src/lib/content-files/walk';
import { parseFrontMatter } from '../../../src/lib/content-files/frontmatter';
import { NEW_LABELS_FIELD } from '../../../src/lib/editor/config';
import { postFromFile, postToFile, type LabelRegistry } from '../../../src/lib/editor/post';

/**
 * Opening a post in the editor and saving it changes only what was edited: every sample
 * post, `.md` and `.mdx`, components and imports included.
 */
const TZ = 'America/New_York';
const CONTENT = join(process.cwd(), 'content');
const posts = listContentFiles(CONTENT, ['post']).map((f) => ({ id: f.rel, path: f.file }));
const allLabels = new Set(posts.flatMap((f) => (parseFrontMatter(readFileSync(f.path, 'utf8')).data.labels as string[] | undefined) ?? []));
const registry: LabelRegistry = { counts: new Map([...allLabels].map((l) => [l, 1])), aliases: new Map() };

/** The lines of two texts that differ (same line count expected). */
function changedLines(a: string, b: string): string[] {
  const [x, y] = [a.split('\n'), b.split('\n')];
  expect(y.length).toBe(x.length);
  return x.flatMap((line, i) => (line === y[i] ? [] : [`${line} → ${y[i]}`]));
}

const MD_POST = `---
# Imported from the old blog.
title: "Tarasoff, again"
published: "2008-06-02T07:15:00-04:00"
author: clinkshrink
labels: [Tarasoff, forensic psychiatry]
legacy: { bloggerId: "1143037752240118350" }
---

A *plain* Markdown post, as the importer writes it: <span>inline HTML</span>, a table,

| a | b |
|---|---|
| 1 | 2 |

and a line with two trailing spaces  
and no newline at the end.`;

const MDX_POST = `---
title: 'Video: a component and an import'
published: 2012-05-09
author: roy
labels: [video]
draft: false
proofreadBy: [dinah]
---
import Note from '../../components/Note.astro';

{/* A note for the author. */}

Before the video.

<VideoEmbed provider="youtube" id="qY3nV7tRk2M" title="What a consultation psychiatrist does" duration="4:12" />

<Note>Text with {'{braces}'} in a component.</Note>
`;

describe('editing a title in the editor', () => {
  it('finds the sample posts', () => expect(posts.length).toBeGreaterThan(20));

  for (const post of posts) {
    it(`changes one line of ${post.id} and keeps its body byte for byte`, () => {
      const file = readFileSync(post.path, 'utf8');
      const form = postFromFile(file, registry, TZ);
      // A draft started with npm run new loses its `draft: true` line at the first save (the status takes over).
      const text = parseFrontMatter(file).data.draft === true ? file.replace('\ndraft: true\n', '\n') : file;
      // Saved as opened: the same bytes.
      expect(postToFile(form, TZ, registry)).toBe(text);
      const saved = postToFile({ ...form, title: 'A New Title' }, TZ, registry);
      const [before, after] = [parseFrontMatter(text), parseFrontMatter(saved)];
      expect(after.body).toBe(before.body);
      expect(after.data).toEqual({ ...before.data, title: 'A New Title' });
      expect(changedLines(text, saved)).toHaveLength(1);
    });
  }

  it('keeps a .md post (comments, inline lists, no final newline) except its title line', () => {
    const form = postFromFile(MD_POST, registry, TZ);
    expect(postToFile(form, TZ, registry)).toBe(MD_POST);
    const saved = postToFile({ ...form, title: 'Tarasoff, once more' }, TZ, registry);
    expect(changedLines(MD_POST, saved)).toEqual(['title: "Tarasoff, again" → title: "Tarasoff, once more"']);
  });

  it('keeps an .mdx post with an import, a comment and components verbatim, and shows them in the form', () => {
    const form = postFromFile(MDX_POST, registry, TZ);
    expect(form.body).toContain("import Note from '../../components/Note.astro';");
    expect(form.body).toContain('<VideoEmbed provider="youtube"');
    expect(form.published).toBe('2012-05-09');
    const saved = postToFile({ ...form, title: 'Video: renamed' }, TZ, registry);
    // The new title is written as the one writer writes strings; the date-only `published` stays a date.
    expect(changedLines(MDX_POST, saved)).toEqual([`title: 'Video: a component and an import' → title: "Video: renamed"`]);
  });

  it('writes an edited body and leaves the front matter alone', () => {
    const form = postFromFile(MDX_POST, registry, TZ);
    const saved = postToFile({ ...form, body: `${form.body}\nOne more line.\n` }, TZ, registry);
    expect(saved.startsWith(MDX_POST.slice(0, MDX_POST.indexOf('import')))).toBe(true);
    expect(saved.endsWith('One more line.\n')).toBe(true);
  });

  it('never writes draft: true; a published post without the key stays without it', () => {
    const live = postToFile({ ...postFromFile(MD_POST, registry, TZ), title: 'x' }, TZ, registry);
    expect(parseFrontMatter(live).data).not.toHaveProperty('draft');
    // A draft started with npm run new: the editorial status takes over at the first save.
    const started = MDX_POST.replace('draft: false', 'draft: true');
    const saved = postToFile(postFromFile(started, registry, TZ), TZ, registry);
    expect(parseFrontMatter(saved).data).not.toHaveProperty('draft');
    expect(changedLines(started.replace('draft: true\n', ''), saved.replace(/\n$/, '\n'))).toEqual([]);
  });

  it('changes only the keys that were edited: labels, a new label, a cleared description', () => {
    const form = postFromFile(MD_POST, registry, TZ);
    const saved = postToFile({ ...form, labels: ['Tarasoff'], [NEW_LABELS_FIELD]: ['duty to warn'], description: 'New words.' }, TZ, registry);
    expect(parseFrontMatter(saved).data).toMatchObject({ labels: ['Tarasoff', 'duty to warn'], description: 'New words.', legacy: { bloggerId: '1143037752240118350' } });
    expect(saved).toContain('# Imported from the old blog.');
    const cleared = postToFile({ ...postFromFile(saved, registry, TZ), description: '' }, TZ, registry);
    expect(parseFrontMatter(cleared).data).not.toHaveProperty('description');
  });
});
