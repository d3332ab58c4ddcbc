import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { matchesGlob } from 'node:path';
import { parse } from 'yaml';
import { z } from 'astro/zod';
import { postSchema } from '../../../src/lib/schemas';
import {
  editorConfig,
  editorConfigYaml,
  editorPostFields,
  DATE_FILLED_ON_SAVE,
  FIELDS_NOT_IN_EDITOR,
  MDX_EXTENSION,
  NEW_LABELS_FIELD,
  PLACEMENT_FIELDS,
  POST_EXTENSION,
  POSTS_FOLDER,
  type EditorConfigInput,
} from '../../../src/lib/editor/config';
import { dateForForm, newLabelProblems, postFromFile, postProblems, postToFile, toDate, withPlacement, type LabelRegistry } from '../../../src/lib/editor/post';
import { parseFrontMatter } from '../../../src/lib/content-files/frontmatter';
import { previewModel } from '../../../src/lib/editor/preview';
import { editorCsp, editorPageHtml, EDITOR_CSP_EXCEPTIONS } from '../../../src/lib/editor/page';
import { editorBackendFromEnv } from '../../../src/lib/editor/backend-env';
import { editorAddressFromOutput, planWrite } from '../../../src/lib/editor/write';

const TZ = 'America/New_York';
const authors = [
  { id: 'dinah', handle: 'Dinah', name: 'Dinah Miller, MD' },
  { id: 'roy', handle: 'Roy', name: 'Steven Roy Daviss, MD' },
];
const input: EditorConfigInput = {
  authors,
  labels: ['psychotherapy', 'jails', 'Shrink Rap News'],
  backend: { repo: 'shrinkrap/shrinkrap', branch: 'main' },
  siteUrl: 'https://www.shrinkrap.net',
  base: '/',
  timeZone: TZ,
};
const registry: LabelRegistry = {
  counts: new Map([
    ['psychotherapy', 12],
    ['jails', 4],
    ['Shrink Rap News', 3],
  ]),
  aliases: new Map([['Psychotherapy', 'psychotherapy']]),
};
const schema = postSchema(z.enum(['dinah', 'roy']));

describe('editor config (config.yml)', () => {
  it('has one editor field for every post field, required exactly when the schema requires it', () => {
    // The post schema is an object piped through a transform (a date-only `published`): its input side has the fields.
    const shape = schema.in.shape;
    const editorFields = new Map(editorPostFields(input).map((f) => [f.name, f]));
    // Editor-only fields: the body, and new labels (folded into `labels` when saved).
    const frontMatter = [...editorFields.keys()].filter((n) => n !== 'body' && n !== NEW_LABELS_FIELD);
    // draft is not a field: the editorial status is the one switch (FIELDS_NOT_IN_EDITOR says why).
    const schemaFields = Object.keys(shape).filter((n) => !(n in FIELDS_NOT_IN_EDITOR));
    expect(frontMatter.sort()).toEqual(schemaFields.sort());
    for (const name of schemaFields) {
      const required = !(shape as Record<string, z.ZodType>)[name]!.safeParse(undefined).success;
      // The date may be left empty in the form: the editor saves it as now.
      if (name === DATE_FILLED_ON_SAVE) continue;
      expect({ name, required: editorFields.get(name)!.required }).toEqual({ name, required });
    }
    expect(editorFields.get('body')!.required).toBe(true);
  });

  it('offers the registry: authors by id, labels to pick from', () => {
    const fields = new Map(editorPostFields(input).map((f) => [f.name, f]));
    expect(fields.get('author')!.options).toEqual([
      { label: 'Dinah', value: 'dinah' },
      { label: 'Roy', value: 'roy' },
    ]);
    expect(fields.get('proofreadBy')!.options).toEqual(fields.get('author')!.options);
    expect(fields.get('labels')!.options).toEqual(['jails', 'psychotherapy', 'Shrink Rap News']);
  });

  it('lists .md and .mdx posts, names new files content/posts/YYYY/MM/slug.md from fields computed before saving, with the editorial workflow', () => {
    const yaml = parse(editorConfigYaml(input));
    expect(yaml.publish_mode).toBe('editorial_workflow');
    expect(yaml.backend).toMatchObject({ name: 'github', repo: 'shrinkrap/shrinkrap', branch: 'main' });
    const [posts, mdx] = yaml.collections;
    expect(posts).toMatchObject({ folder: 'content/posts', extension: 'md', create: true, media_folder: 'images', public_folder: './images' });
    expect(mdx).toMatchObject({ folder: 'content/posts', extension: MDX_EXTENSION, create: false });
    // An MDX post's text is edited as written: no rich-text round trip that could rewrite a component.
    expect(mdx.fields.find((f: { name: string }) => f.name === 'body').modes).toEqual(['raw']);
    expect(posts.path).toBe(`{{${PLACEMENT_FIELDS.year}}}/{{${PLACEMENT_FIELDS.month}}}/{{slug}}`);
    // Decap lower-cases path templates: the placeholders must already be lower case.
    expect(posts.path).toBe(posts.path.toLowerCase());
    expect(posts.summary).toBe('{{title}} · {{byline}}');
    expect(editorConfig({ ...input, base: '/pr-4/' }).local_backend).toEqual({ url: '/pr-4/admin/api/v1' });
    expect(yaml.logo_url).toBe('/favicon.svg');
  });

  it('has no field pattern: refusals come from the checks before saving, in plain words', () => {
    for (const f of editorPostFields(input)) expect(f.pattern, f.name).toBeUndefined();
    expect(editorPostFields(input).find((f) => f.name === 'published')).toMatchObject({ widget: 'string', label: 'Date and time (New York)' });
  });

  it('reads the GitHub backend from the environment, with a clear error', () => {
    expect(editorBackendFromEnv({ EDITOR_REPO: 'dinah/blog', EDITOR_AUTH_URL: 'https://auth.example.org/' })).toEqual({
      repo: 'dinah/blog',
      branch: 'main',
      authBaseUrl: 'https://auth.example.org',
      authEndpoint: undefined,
    });
    expect(() => editorBackendFromEnv({ EDITOR_REPO: 'not a repo' })).toThrow(/EDITOR_REPO must be "owner\/name"/);
  });
});

describe('saving a post from the editor', () => {
  const form = {
    title: 'The Duck Goes to Court',
    published: '2026-11-30 22:30',
    author: 'roy',
    labels: ['jails', 'psychotherapy'],
    [NEW_LABELS_FIELD]: ['court visits'],
    description: '  Roy takes\nthe duck to court. ',
    proofreadBy: [],
    body: 'See [the duck](/2006/11/emotional-support-duck.html).\n\n![A yellow duck](./images/duck.png)\n\n',
  };

  it('reads dates in New York time, whatever the computer says', () => {
    expect(toDate('2026-11-30 22:30', TZ)!.toISOString()).toBe('2026-12-01T03:30:00.000Z');
    expect(toDate('2026-07-04 09:15', TZ)!.toISOString()).toBe('2026-07-04T13:15:00.000Z');
    expect(dateForForm('2012-05-09T12:20:00-04:00', TZ)).toBe('2012-05-09 12:20');
    expect(dateForForm('2008-11-29', TZ)).toBe('2008-11-29');
    expect(toDate('2026-13-01 10:00', TZ)).toBeUndefined();
  });

  it('places a new post in its New York month with the Blogger slug', () => {
    const placed = withPlacement(form, TZ);
    expect([placed[PLACEMENT_FIELDS.year], placed[PLACEMENT_FIELDS.month], placed[PLACEMENT_FIELDS.slug]]).toEqual(['2026', '11', 'duck-goes-to-court']);
  });

  it('writes a new post with front matter the schema accepts, in New York time, without draft or the editor-only fields', () => {
    const text = postToFile(withPlacement(form, TZ), TZ);
    const front = parseFrontMatter(text).data;
    expect(front).toEqual({
      title: 'The Duck Goes to Court',
      published: '2026-11-30T22:30:00-05:00',
      author: 'roy',
      labels: ['jails', 'psychotherapy', 'court visits'],
      description: 'Roy takes the duck to court.',
      proofreadBy: [],
    });
    expect(schema.parse(front).draft).toBe(false);
    expect(text.endsWith('![A yellow duck](./images/duck.png)\n')).toBe(true);
  });

  it('reads a file back into the form: registry labels picked, aliases resolved, others new; saving it unchanged gives the same bytes', () => {
    const text = postToFile({ ...form, labels: ['Psychotherapy', 'jails'], [NEW_LABELS_FIELD]: ['court visits'] }, TZ);
    const data = postFromFile(text, registry, TZ);
    expect(data.labels).toEqual(['psychotherapy', 'jails']);
    expect(data[NEW_LABELS_FIELD]).toEqual(['court visits']);
    expect(data.published).toBe('2026-11-30 22:30');
    expect(postToFile(data, TZ, registry)).toBe(text);
  });

  it('keeps the legacy block of an imported post', () => {
    const text = postToFile({ ...form, legacy: { bloggerId: '1143037752240118350' } }, TZ);
    const imported = text.replace('---\n\n', 'legacy:\n  bloggerId: "1143037752240118350"\n  url: "http://x.blogspot.com/2008/11/a.html"\n---\n\n');
    const saved = postToFile({ ...postFromFile(imported, registry, TZ), title: 'A new title' }, TZ, registry);
    expect(schema.parse(parseFrontMatter(saved).data).legacy).toEqual({ bloggerId: '1143037752240118350', url: 'http://x.blogspot.com/2008/11/a.html' });
  });

  it('refuses a post without title or author, or with a picture without a description, in plain words', () => {
    expect(postProblems({ ...form, title: ' ', author: '' }, registry, ['dinah', 'roy'], TZ)).toEqual(['The post needs a title.', 'Choose the author.']);
    expect(postProblems({ ...form, body: 'x ![](./images/a.png)' }, registry, ['dinah', 'roy'], TZ)).toEqual([
      'A picture has no description. Describe each picture for readers who cannot see it: click the picture and fill in "Alt text".',
    ]);
    expect(postProblems({ ...form, published: 'tomorrow' }, registry, ['dinah', 'roy'], TZ)[0]).toMatch(/like 2026-11-30 22:30 \(New York time\)/);
    expect(postProblems(form, registry, ['dinah', 'roy'], TZ)).toEqual([]);
  });

  it('checks new labels against the registry for collisions and near-misses', () => {
    const check = (...newLabels: string[]) => newLabelProblems({ labels: ['jails'], [NEW_LABELS_FIELD]: newLabels }, registry);
    expect(check('court visits')).toEqual([]);
    expect(check('Jails')).toEqual(['The new label "Jails" is the existing label "jails": pick it from the Labels list instead.']);
    expect(check('shrink-rap news')).toEqual(['The new label "shrink-rap news" is the existing label "Shrink Rap News": pick it from the Labels list instead.']);
    expect(check('psychoterapy')).toEqual([
      'The new label "psychoterapy" looks like the existing label "psychotherapy": pick that from the Labels list, or choose a clearly different name.',
    ]);
    expect(check('a/b')[0]).toMatch(/^The new label "a\/b" cannot be used: labels cannot contain/);
    expect(check('sleep', 'Sleep')).toEqual(['The labels "sleep" and "Sleep" would share one address: keep one.']);
  });
});

describe('editor preview', () => {
  it('shows the post as a post page does: date header, byline in New York time, sorted canonical labels', () => {
    const m = previewModel(
      { title: 'A', published: '2026-11-30 22:30', author: 'roy', labels: ['Psychotherapy', 'jails'], [NEW_LABELS_FIELD]: ['Court'], proofreadBy: ['dinah'] },
      authors,
      registry.aliases,
      TZ,
    );
    expect(m).toMatchObject({ dateHeader: 'Monday, November 30, 2026', time: '10:30 PM', author: 'Roy', labels: ['Court', 'jails', 'psychotherapy'], proofreadBy: ['Dinah'] });
  });
});

describe('editor page and npm run write', () => {
  it("has its own CSP: 'self' plus the listed exceptions, nothing inline for scripts", () => {
    const csp = editorCsp();
    expect(csp).toMatch(/script-src 'self'[^;]*;/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).toContain("object-src 'none'");
    for (const e of EDITOR_CSP_EXCEPTIONS) expect(csp).toMatch(new RegExp(`${e.directive} [^;]*${e.value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    const html = editorPageHtml({ base: '/pr-4/', siteTitle: 'Shrink Rap' });
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(html.indexOf('/pr-4/admin/editor.js')).toBeLessThan(html.indexOf('/pr-4/admin/decap-cms.js'));
  });

  it('plans the dev server with the local backend on, and prints the address the server really answers at', () => {
    const plan = planWrite({ port: '4321', host: '127.0.0.1' }, 'main');
    expect(plan.site.args).toContain('4321');
    expect(plan.site.env).toEqual({ SHRINKRAP_EDITOR_LOCAL: '1', EDITOR_BRANCH: 'main' });
    expect(() => planWrite({ port: 'x', host: 'h' }, 'main')).toThrow('--port must be a port number');
    expect(() => planWrite({ port: '1', host: 'h' }, '')).toThrow(/not on a git branch/);
    // Astro moved to 4322 because 4321 was taken: that is the address to print.
    const astro = '\u001b[32m astro \u001b[39m v7.4.8 ready in 912 ms\n\n┃ Local    \u001b[36mhttp://127.0.0.1:4322/\u001b[39m\n┃ Network  use --host to expose\n';
    expect(editorAddressFromOutput(astro)).toBe('http://127.0.0.1:4322/admin/');
    expect(editorAddressFromOutput('┃ Local    http://localhost:4321/pr-4/\n')).toBe('http://127.0.0.1:4321/pr-4/admin/');
    expect(editorAddressFromOutput(' astro  v7.4.8 ready in 912 ms\n')).toBeUndefined();
  });
});

describe('the loop: a draft saved in the editor is a pull request the preview workflow checks', () => {
  it('runs the proof sheet and preview on the files the editor writes (post and pictures)', () => {
    const workflow = parse(readFileSync('.github/workflows/pr-preview.yml', 'utf8'));
    const paths: string[] = workflow.on.pull_request.paths;
    for (const file of [`${POSTS_FOLDER}/2026/11/duck-goes-to-court.${POST_EXTENSION}`, `${POSTS_FOLDER}/2026/11/images/duck.png`]) {
      expect(paths.some((glob) => matchesGlob(file, glob)), file).toBe(true);
    }
  });
});
