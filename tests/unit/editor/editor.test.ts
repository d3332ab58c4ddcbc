import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { matchesGlob } from 'node:path';
import { parse } from 'yaml';
import { z } from 'astro/zod';
import { postSchema } from '../../../src/lib/schemas';
import {
  editorBackendFromEnv,
  editorConfig,
  editorConfigYaml,
  editorPostFields,
  FIELDS_NOT_IN_EDITOR,
  IMAGE_WITHOUT_ALT,
  NEW_LABELS_FIELD,
  PLACEMENT_FIELDS,
  POST_EXTENSION,
  POSTS_FOLDER,
  type EditorConfigInput,
} from '../../../src/lib/editor/config';
import { newLabelProblems, postFromFile, postProblems, postToFile, withPlacement, type LabelRegistry } from '../../../src/lib/editor/post';
import { previewModel } from '../../../src/lib/editor/preview';
import { editorCsp, editorPageHtml, EDITOR_CSP_EXCEPTIONS } from '../../../src/lib/editor/page';
import { planWrite } from '../../../src/lib/editor/write';

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
    const schemaFields = Object.keys(shape).filter((n) => !(n in FIELDS_NOT_IN_EDITOR));
    expect(frontMatter.sort()).toEqual(schemaFields.sort());
    for (const name of schemaFields) {
      const required = !(shape as Record<string, z.ZodType>)[name]!.safeParse(undefined).success;
      expect({ name, required: editorFields.get(name)!.required }).toEqual({ name, required });
    }
    expect(editorFields.get('body')!.required).toBe(true);
  });

  it('offers the registry: authors by id, labels to pick from', () => {
    const fields = new Map(editorPostFields(input).map((f) => [f.name, f]));
    expect(fields.get('author')!.options).toEqual([
      { label: 'Dinah (Dinah Miller, MD)', value: 'dinah' },
      { label: 'Roy (Steven Roy Daviss, MD)', value: 'roy' },
    ]);
    expect(fields.get('proofreadBy')!.options).toEqual(fields.get('author')!.options);
    expect(fields.get('labels')!.options).toEqual(['jails', 'psychotherapy', 'Shrink Rap News']);
  });

  it('names files content/posts/YYYY/MM/slug.md from fields computed before saving, with the editorial workflow', () => {
    const yaml = parse(editorConfigYaml(input));
    expect(yaml.publish_mode).toBe('editorial_workflow');
    expect(yaml.backend).toMatchObject({ name: 'github', repo: 'shrinkrap/shrinkrap', branch: 'main' });
    const posts = yaml.collections[0];
    expect(posts).toMatchObject({ folder: 'content/posts', extension: 'md', media_folder: 'images', public_folder: './images' });
    expect(posts.path).toBe(`{{${PLACEMENT_FIELDS.year}}}/{{${PLACEMENT_FIELDS.month}}}/{{slug}}`);
    // Decap lower-cases path templates: the placeholders must already be lower case.
    expect(posts.path).toBe(posts.path.toLowerCase());
    expect(editorConfig({ ...input, base: '/pr-4/' }).local_backend).toEqual({ url: '/pr-4/admin/api/v1' });
  });

  it('refuses a picture without a description in the body field', () => {
    const body = editorPostFields(input).find((f) => f.name === 'body')!;
    const [pattern] = body.pattern as [string, string];
    expect(new RegExp(pattern).test('Text ![](./images/a.png)')).toBe(false);
    expect(new RegExp(pattern).test('Text ![ ](./images/a.png)')).toBe(false);
    expect(new RegExp(pattern).test('Text ![A duck](./images/a.png) and [a link](/2008/11/x.html)')).toBe(true);
    expect(IMAGE_WITHOUT_ALT.test('![](x.png)')).toBe(true);
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
    published: '2026-12-01T03:30:00+00:00',
    author: 'roy',
    labels: ['jails', 'psychotherapy'],
    [NEW_LABELS_FIELD]: ['court visits'],
    draft: true,
    description: '  Roy takes\nthe duck to court. ',
    proofreadBy: [],
    body: 'See [the duck](/2006/11/emotional-support-duck.html).\n\n![A yellow duck](./images/duck.png)\n\n',
  };

  it('places a new post in its New York month with the Blogger slug', () => {
    const placed = withPlacement(form, TZ);
    expect([placed[PLACEMENT_FIELDS.year], placed[PLACEMENT_FIELDS.month], placed[PLACEMENT_FIELDS.slug]]).toEqual(['2026', '11', 'duck-goes-to-court']);
  });

  it('writes front matter the schema accepts, in New York time, without the editor-only fields', () => {
    const text = postToFile(withPlacement(form, TZ), TZ);
    const front = parse(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!);
    expect(front).toEqual({
      title: 'The Duck Goes to Court',
      published: '2026-11-30T22:30:00-05:00',
      author: 'roy',
      labels: ['jails', 'psychotherapy', 'court visits'],
      draft: true,
      description: 'Roy takes the duck to court.',
      proofreadBy: [],
    });
    expect(schema.safeParse(front).success).toBe(true);
    expect(text.endsWith('![A yellow duck](./images/duck.png)\n')).toBe(true);
  });

  it('reads a file back into the form: registry labels picked, aliases resolved, others new', () => {
    const text = postToFile({ ...form, labels: ['Psychotherapy', 'jails'], [NEW_LABELS_FIELD]: ['court visits'] }, TZ);
    const data = postFromFile(text, registry);
    expect(data.labels).toEqual(['psychotherapy', 'jails']);
    expect(data[NEW_LABELS_FIELD]).toEqual(['court visits']);
    expect(data.published).toBe('2026-12-01T03:30:00.000Z');
    expect(postToFile(data, TZ)).toBe(postToFile({ ...form, labels: ['psychotherapy', 'jails'] }, TZ));
  });

  it('keeps the legacy block of an imported post', () => {
    const text = postToFile({ ...form, legacy: { bloggerId: '1143037752240118350', url: 'http://x.blogspot.com/2008/11/a.html' } }, TZ);
    expect(schema.parse(parse(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!)).legacy).toEqual({
      bloggerId: '1143037752240118350',
      url: 'http://x.blogspot.com/2008/11/a.html',
    });
  });

  it('refuses a post without title or author, or with a picture without a description', () => {
    expect(postProblems({ ...form, title: ' ', author: '' }, registry, ['dinah', 'roy'])).toEqual([
      'The post needs a title.',
      'Choose the author: one of dinah, roy.',
    ]);
    expect(postProblems({ ...form, body: 'x ![](./images/a.png)' }, registry, ['dinah', 'roy'])).toEqual([
      'Every picture needs a description: write it between the square brackets, ![like this](…).',
    ]);
    expect(postProblems(form, registry, ['dinah', 'roy'])).toEqual([]);
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
      { title: 'A', published: '2026-12-01T03:30:00Z', author: 'roy', labels: ['Psychotherapy', 'jails'], [NEW_LABELS_FIELD]: ['Court'], proofreadBy: ['dinah'] },
      authors,
      registry.aliases,
      TZ,
    );
    expect(m).toMatchObject({ dateHeader: 'Monday, November 30, 2026', time: '10:30 PM', author: 'Roy', labels: ['Court', 'jails', 'psychotherapy'], proofreadBy: ['Dinah'], draft: true });
  });
});

describe('editor page and npm run write', () => {
  it("has its own CSP: 'self' plus the listed exceptions, nothing inline for scripts", () => {
    const csp = editorCsp();
    expect(csp).toContain("script-src 'self' 'unsafe-eval';");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).toContain("object-src 'none'");
    for (const e of EDITOR_CSP_EXCEPTIONS) expect(csp).toMatch(new RegExp(`${e.directive} [^;]*${e.value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    const html = editorPageHtml({ base: '/pr-4/', siteTitle: 'Shrink Rap' });
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(html.indexOf('/pr-4/admin/editor.js')).toBeLessThan(html.indexOf('/pr-4/admin/decap-cms.js'));
  });

  it('plans decap-server in git mode on this clone and the dev server forwarding to it', () => {
    const plan = planWrite({ port: '4321', 'backend-port': '8081', host: '127.0.0.1' }, '/home/dinah/shrinkrap', 'main');
    expect(plan.editorUrl).toBe('http://127.0.0.1:4321/admin/');
    expect(plan.backend.env).toMatchObject({ MODE: 'git', GIT_REPO_DIRECTORY: '/home/dinah/shrinkrap', PORT: '8081' });
    expect(plan.site.env).toEqual({ DECAP_SERVER_PORT: '8081', EDITOR_BRANCH: 'main' });
    expect(() => planWrite({ port: 'x', 'backend-port': '8081', host: 'h' }, '/r', 'main')).toThrow('--port must be a port number');
    expect(() => planWrite({ port: '1', 'backend-port': '8081', host: 'h' }, '/r', '')).toThrow(/not on a git branch/);
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
