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
/** Posts written in MDX (every post `npm run new` starts): a collection of their own, edited as written. */
export const MDX_EXTENSION = 'mdx';
/** The custom file formats registered by the editor script (src/scripts/editor-admin.ts), one per extension. */
export const POST_FORMAT = 'shrinkrap-post';
export const MDX_POST_FORMAT = 'shrinkrap-mdx-post';
/** The collections: plain Markdown posts (new posts go here), and MDX posts. */
export const POSTS_COLLECTION = 'posts';
export const MDX_POSTS_COLLECTION = 'mdx-posts';

/** Form data that is never a field: the file as read (so a save rewrites only what changed), and the author's name for cards. */
export const ORIGINAL_FIELD = 'originalFile';
export const BYLINE_FIELD = 'byline';

/**
 * Values the editor script computes just before saving (New York month, Blogger slug) and
 * that name the file. They are never written into the front matter.
 */
export const PLACEMENT_FIELDS = { year: 'postyear', month: 'postmonth', slug: 'postslug' } as const;

/** Post fields the editor does not offer, and why: the drift test checks this list too. */
export const FIELDS_NOT_IN_EDITOR: Readonly<Record<string, string>> = {
  legacy: 'written by the importer for posts from the old blog; kept as is when such a post is edited',
  draft: 'the editorial status (Draft, In review, Ready, Published) is the one switch: a post is on the site once published; a draft: true left by npm run new is removed when the post is first saved in the editor',
};

/** Required by the schema, but may be left empty in the form: the editor fills in now when it saves. */
export const DATE_FILLED_ON_SAVE = 'published';

/** Editor-only fields that the file format folds into `labels` (new labels are checked before saving). */
export const NEW_LABELS_FIELD = 'newLabels';

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

export function editorPostFields(input: Pick<EditorConfigInput, 'authors' | 'labels' | 'timeZone'>, body: 'markdown' | 'mdx' = 'markdown'): Field[] {
  const authorOptions = input.authors.map((a) => ({ label: a.handle, value: a.id }));
  const labels = [...input.labels].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
  const zone = input.timeZone === 'America/New_York' ? 'New York' : input.timeZone;
  const dateHint = `${zone} time, as the blog shows it: 2026-11-30 22:30.`;
  return [
    { name: 'title', label: 'Title', widget: 'string', required: true, hint: 'As readers see it. The address is made from it once, Blogger-style.' },
    {
      name: 'published',
      label: `Date and time (${zone})`,
      widget: 'string',
      // Left empty, it is filled with now when the post is saved (DATE_FILLED_ON_SAVE).
      required: false,
      hint: `${dateHint} Left empty: now, when you save. A time in the future schedules the post: it appears at the first build after that time.`,
    },
    { name: 'updated', label: `Updated (${zone})`, widget: 'string', required: false, hint: dateHint },
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
    {
      name: 'description',
      label: 'Description',
      widget: 'text',
      required: false,
      hint: 'One or two sentences for search results and link previews (at most 300 characters).',
    },
    { name: 'proofreadBy', label: 'Proofread by', widget: 'select', multiple: true, required: false, default: [], options: authorOptions },
    {
      name: 'series',
      label: 'Series',
      widget: 'string',
      required: false,
      hint: 'Only for a post that is one part of several: the series name, written the same way on every part ("A Day in the Jail Clinic"). Parts are numbered by date.',
    },
    body === 'mdx'
      ? {
          name: 'body',
          label: 'Post',
          widget: 'markdown',
          required: true,
          // As written: components (<VideoEmbed … />), imports and {/* notes */} are kept exactly, and stay visible.
          modes: ['raw'],
          hint: 'This post is MDX: its text is shown exactly as written, and lines such as <VideoEmbed … /> or import … are kept as they are.',
        }
      : { name: 'body', label: 'Post', widget: 'markdown', required: true },
  ];
}

export function editorConfig(input: EditorConfigInput): Record<string, unknown> {
  const base = input.base.replace(/\/$/, '');
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
    // `npm run write`: the dev server answers at this same-origin address (src/lib/editor/local-git.ts).
    local_backend: { url: `${base}/admin/api/v1` },
    logo_url: `${base}/favicon.svg`,
    publish_mode: 'editorial_workflow',
    site_url: input.siteUrl,
    display_url: input.siteUrl,
    locale: 'en',
    // Collections put pictures beside each post; this is only the media library's default.
    media_folder: `${POSTS_FOLDER}/images`,
    public_folder: './images',
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: [postsCollection(input, 'markdown'), postsCollection(input, 'mdx')],
  };
}

/** One collection per file extension (Decap lists a folder by one extension). */
function postsCollection(input: EditorConfigInput, body: 'markdown' | 'mdx'): Record<string, unknown> {
  const { year, month, slug } = PLACEMENT_FIELDS;
  const mdx = body === 'mdx';
  return {
    name: mdx ? MDX_POSTS_COLLECTION : POSTS_COLLECTION,
    label: mdx ? 'Posts in MDX' : 'Posts',
    label_singular: 'Post',
    description: mdx
      ? 'Posts started with npm run new, or with a video: their text is shown and kept exactly as written.'
      : 'New posts are written here, in plain Markdown, as the importer writes the old blog\'s posts.',
    folder: POSTS_FOLDER,
    extension: mdx ? MDX_EXTENSION : POST_EXTENSION,
    format: mdx ? MDX_POST_FORMAT : POST_FORMAT,
    create: !mdx,
    delete: false,
    // The month in the blog's zone and the Blogger slug are computed before saving
    // (src/lib/editor/post.ts): Decap's own {{year}}/{{month}} would use UTC.
    // (Decap lower-cases the path template and turns "." into "-", so no `fields.` prefix.)
    path: `{{${year}}}/{{${month}}}/{{slug}}`,
    slug: `{{${slug}}}`,
    // Each post's pictures go in an images/ folder beside it, as the importer does.
    media_folder: 'images',
    public_folder: './images',
    // Workflow cards and lists: the title and the author's name.
    summary: `{{title}} · {{${BYLINE_FIELD}}}`,
    sortable_fields: ['published', 'title'],
    preview_path: '{{dirname}}/{{filename}}.html',
    fields: editorPostFields(input, body),
  };
}

export function editorConfigYaml(input: EditorConfigInput): string {
  return `# Generated at build time by src/lib/editor/config.ts: edit that, not this.\n${stringify(editorConfig(input), { lineWidth: 0, aliasDuplicateObjects: false })}`;
}
