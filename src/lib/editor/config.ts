import { z } from 'astro/zod';
import { stringify } from 'yaml';

/**
 * The browser editor's configuration (Decap CMS `config.yml`), generated at build time
 * from the same registries the build reads: the authors, the labels and their aliases,
 * the post layout and the blog's time zone. Pure: the /admin/config.yml route passes
 * the data in. tests/unit/editor/editor-config.test.ts fails when a field of
 * `postSchema` has no editor field (or the other way round).
 */

/** Where posts live and how a new one is named: content/posts/YYYY/MM/slug.md. */
export const POSTS_FOLDER = 'content/posts';
export const POST_EXTENSION = 'md';
/** The custom file format registered by the editor script (src/scripts/editor-admin.ts). */
export const POST_FORMAT = 'shrinkrap-post';

/**
 * Values the editor script computes just before saving (New York month, Blogger slug) and
 * that name the file. They are never written into the front matter.
 */
export const PLACEMENT_FIELDS = { year: 'postyear', month: 'postmonth', slug: 'postslug' } as const;

/** Post fields the editor does not offer, and why: the drift test checks this list too. */
export const FIELDS_NOT_IN_EDITOR: Readonly<Record<string, string>> = {
  legacy: 'written by the importer for posts from the old blog; kept as is when such a post is edited',
};

/** Editor-only fields that the file format folds into `labels` (new labels are checked before saving). */
export const NEW_LABELS_FIELD = 'newLabels';

/** Markdown images written with an empty description: `![](…)` or `![ ](…)`. */
export const IMAGE_WITHOUT_ALT = /!\[\s*\]\(/;

export interface EditorAuthor {
  id: string;
  handle: string;
  name: string;
}

export interface EditorBackend {
  /** "owner/name" of the GitHub repository. */
  repo: string;
  branch: string;
  /** Origin of the OAuth endpoint (Netlify, a Cloudflare Worker…); omitted means Netlify's. */
  authBaseUrl?: string;
  authEndpoint?: string;
}

export interface EditorConfigInput {
  authors: readonly EditorAuthor[];
  /** Canonical labels (the registry), any order. */
  labels: readonly string[];
  backend: EditorBackend;
  siteUrl: string;
  /** Site base path, "/" or "/pr-42/". */
  base: string;
  timeZone: string;
}

type Field = Record<string, unknown> & { name: string; widget: string };

export function editorPostFields(input: Pick<EditorConfigInput, 'authors' | 'labels' | 'timeZone'>): Field[] {
  const authorOptions = input.authors.map((a) => ({ label: `${a.handle} (${a.name})`, value: a.id }));
  const labels = [...input.labels].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
  return [
    { name: 'title', label: 'Title', widget: 'string', required: true, hint: 'As readers see it. The address is made from it once, Blogger-style.' },
    {
      name: 'published',
      label: 'Date and time',
      widget: 'datetime',
      required: true,
      format: 'YYYY-MM-DDTHH:mm:ssZ',
      date_format: 'YYYY-MM-DD',
      time_format: 'HH:mm',
      default: '{{now}}',
      hint: `Shown in your computer's time; saved in the blog's (${input.timeZone}). A time in the future schedules the post: it appears at the first build after that time.`,
    },
    { name: 'updated', label: 'Updated', widget: 'datetime', required: false, format: 'YYYY-MM-DDTHH:mm:ssZ' },
    { name: 'author', label: 'Author', widget: 'select', required: true, options: authorOptions },
    { name: 'labels', label: 'Labels', widget: 'select', multiple: true, required: false, default: [], options: labels },
    {
      name: NEW_LABELS_FIELD,
      label: 'New labels (only when none above fits)',
      widget: 'list',
      required: false,
      default: [],
      hint: 'Checked before saving: a label too close to an existing one is refused.',
    },
    { name: 'draft', label: 'Draft (only previews show it)', widget: 'boolean', required: false, default: true },
    {
      name: 'description',
      label: 'Description',
      widget: 'text',
      required: false,
      hint: 'One or two sentences for search results and link previews.',
      pattern: ['^[\\s\\S]{0,300}$', 'At most 300 characters.'],
    },
    { name: 'proofreadBy', label: 'Proofread by', widget: 'select', multiple: true, required: false, default: [], options: authorOptions },
    {
      name: 'series',
      label: 'Series',
      widget: 'string',
      required: false,
      hint: 'Only for a post that is one part of several: the series name, written the same way on every part ("A Day in the Jail Clinic"). Parts are numbered by date.',
    },
    {
      name: 'body',
      label: 'Post',
      widget: 'markdown',
      required: true,
      // The markdown field is saved as written; an image with an empty description is refused here.
      pattern: ['^(?![\\s\\S]*!\\[\\s*\\]\\()', 'Every picture needs a description: write it between the square brackets, ![like this](…).'],
    },
  ];
}

export function editorConfig(input: EditorConfigInput): Record<string, unknown> {
  const base = input.base.replace(/\/$/, '');
  const { year, month, slug } = PLACEMENT_FIELDS;
  return {
    backend: {
      name: 'github',
      repo: input.backend.repo,
      branch: input.backend.branch,
      ...(input.backend.authBaseUrl ? { base_url: input.backend.authBaseUrl } : {}),
      ...(input.backend.authEndpoint ? { auth_endpoint: input.backend.authEndpoint } : {}),
      squash_merges: true,
      commit_messages: { create: 'New post: {{slug}}', update: 'Edit post: {{slug}}', uploadMedia: 'Picture: {{path}}' },
    },
    // `npm run write`: the dev server forwards this same-origin address to decap-server.
    local_backend: { url: `${base}/admin/api/v1` },
    publish_mode: 'editorial_workflow',
    site_url: input.siteUrl,
    display_url: input.siteUrl,
    locale: 'en',
    // Collections put pictures beside each post; this is only the media library's default.
    media_folder: `${POSTS_FOLDER}/images`,
    public_folder: './images',
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: [
      {
        name: 'posts',
        label: 'Posts',
        label_singular: 'Post',
        folder: POSTS_FOLDER,
        extension: POST_EXTENSION,
        format: POST_FORMAT,
        create: true,
        delete: false,
        // The month in the blog's zone and the Blogger slug are computed before saving
        // (src/lib/editor/post.ts): Decap's own {{year}}/{{month}} would use UTC.
        // (Decap lower-cases the path template and turns "." into "-", so no `fields.` prefix.)
        path: `{{${year}}}/{{${month}}}/{{slug}}`,
        slug: `{{${slug}}}`,
        // Each post's pictures go in an images/ folder beside it, as the importer does.
        media_folder: 'images',
        public_folder: './images',
        summary: '{{title}} ({{author}})',
        sortable_fields: ['published', 'title'],
        view_filters: [{ label: 'Drafts', field: 'draft', pattern: true }],
        preview_path: '{{dirname}}/{{filename}}.html',
        fields: editorPostFields(input),
      },
    ],
  };
}

export function editorConfigYaml(input: EditorConfigInput): string {
  return `# Generated at build time by src/lib/editor/config.ts: edit that, not this.\n${stringify(editorConfig(input), { lineWidth: 0, aliasDuplicateObjects: false })}`;
}

const backendEnv = z.object({
  EDITOR_REPO: z
    .string()
    .regex(/^[\w.-]+\/[\w.-]+$/, { error: 'EDITOR_REPO must be "owner/name" of the GitHub repository, e.g. shrinkrap/shrinkrap' })
    .default('shrinkrap/shrinkrap'),
  EDITOR_BRANCH: z.string().min(1).default('main'),
  EDITOR_AUTH_URL: z.url({ error: 'EDITOR_AUTH_URL must be the https address of the sign-in endpoint' }).optional(),
  EDITOR_AUTH_ENDPOINT: z.string().min(1).optional(),
});

/** The GitHub backend from the environment (docs/WRITING.md, "Signing in with GitHub"). */
export function editorBackendFromEnv(env: Record<string, string | undefined>): EditorBackend {
  const parsed = backendEnv.safeParse(Object.fromEntries(Object.entries(env).filter(([k, v]) => k in backendEnv.shape && v)));
  if (!parsed.success) {
    throw new Error(`Invalid editor settings in the environment:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  const e = parsed.data;
  return { repo: e.EDITOR_REPO, branch: e.EDITOR_BRANCH, authBaseUrl: e.EDITOR_AUTH_URL?.replace(/\/$/, ''), authEndpoint: e.EDITOR_AUTH_ENDPOINT };
}
