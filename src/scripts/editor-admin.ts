/**
 * The site's additions to Decap CMS at /admin/, loaded right before decap-cms.js (same
 * origin, bundled by src/pages/admin/editor.js.ts with the registries inlined):
 *  - the post file formats, `.md` and `.mdx` (front matter edited in place through
 *    content-files, the body kept byte for byte unless edited, no `draft` key);
 *  - the checks before saving (title, author, date, picture descriptions, new labels), in
 *    words an author reads, which also give a new post its New York month and Blogger slug;
 *  - the preview, drawn like a post page with the site's own stylesheet and fonts.
 * The logic lives in src/lib/editor/ and is unit-tested there.
 */
import { BYLINE_FIELD, MDX_EXTENSION, MDX_POSTS_COLLECTION, POSTS_COLLECTION, MDX_POST_FORMAT, ORIGINAL_FIELD, POST_EXTENSION, POST_FORMAT } from '../lib/editor/config';
import { nowForForm, postFromFile, postProblems, postToFile, withPlacement, type LabelRegistry } from '../lib/editor/post';
import { previewModel } from '../lib/editor/preview';

interface EditorRegistry {
  timeZone: string;
  authors: Array<{ id: string; handle: string; name: string }>;
  labelCounts: Array<[string, number]>;
  aliases: Array<[string, string]>;
}
declare const EDITOR_REGISTRY: EditorRegistry;

/** The small part of Immutable.js maps that Decap hands to handlers and previews. */
interface ImmutableMap {
  get(key: string): unknown;
  set(key: string, value: unknown): ImmutableMap;
  delete(key: string): ImmutableMap;
  getIn(path: string[]): unknown;
  toJS(): Record<string, unknown>;
}
type H = (type: string, props?: Record<string, unknown> | null, ...children: unknown[]) => unknown;
interface DecapGlobal {
  registerCustomFormat(name: string, extension: string, formatter: { fromFile(text: string): unknown; toFile(data: Record<string, unknown>): string }): void;
  registerEventListener(listener: { name: string; handler: (event: { entry: ImmutableMap }) => unknown }): void;
  registerPreviewStyle(href: string): void;
  registerPreviewTemplate(collection: string, component: (props: PreviewProps) => unknown): void;
  init(options: { config: Record<string, unknown> }): void;
}
interface PreviewProps {
  entry: ImmutableMap;
  widgetFor(name: string): unknown;
}

const registryData = EDITOR_REGISTRY;
const registry: LabelRegistry = { counts: new Map(registryData.labelCounts), aliases: new Map(registryData.aliases) };
const authorIds = registryData.authors.map((a) => a.id);
const tz = registryData.timeZone;
const w = window as unknown as { CMS: DecapGlobal; h: H; CMS_MANUAL_INIT?: boolean };

// Loaded before decap-cms.js: Decap starts when we say, with the registrations in place and
// the local backend at this same origin (Decap needs its address absolute).
w.CMS_MANUAL_INIT = true;
const adminUrl = new URL('./', (document.currentScript as HTMLScriptElement).src);
document.addEventListener('DOMContentLoaded', () => {
  const CMS = w.CMS;

  const handle = (id: unknown) => registryData.authors.find((a) => a.id === id)?.handle ?? '';
  const format = {
    fromFile: (text: string) => {
      const data = postFromFile(text, registry, tz);
      return { ...data, [BYLINE_FIELD]: handle(data.author) };
    },
    toFile: (data: Record<string, unknown>) => postToFile(data, tz, registry),
  };
  CMS.registerCustomFormat(POST_FORMAT, POST_EXTENSION, format);
  CMS.registerCustomFormat(MDX_POST_FORMAT, MDX_EXTENSION, format);

  CMS.registerEventListener({
    name: 'preSave',
    handler: ({ entry }) => {
      // A new post (or a duplicate of one) is written from scratch, never over another file's original.
      const isNew = entry.get('newRecord') === true || !(entry.get('data') as ImmutableMap).get(ORIGINAL_FIELD);
      const original = (isNew ? (entry.get('data') as ImmutableMap).delete(ORIGINAL_FIELD) : entry.get('data')) as ImmutableMap;
      const data = original.toJS();
      if (!String(data.published ?? '').trim()) data.published = nowForForm(tz);
      const problems = postProblems(data, registry, authorIds, tz);
      // Decap shows the message and saves nothing.
      if (problems.length) throw new Error(problems.join(' '));
      // A new post gets its New York month and slug (they name the file, never written into it).
      const placed: Record<string, unknown> = { ...(isNew ? withPlacement(data, tz) : {}), published: data.published, [BYLINE_FIELD]: handle(data.author) };
      let next = original;
      for (const [key, value] of Object.entries(placed)) if (typeof value === 'string' && value !== original.get(key)) next = next.set(key, value);
      return next;
    },
  });

  CMS.registerPreviewStyle(new URL('preview.css', adminUrl).pathname);

  const preview = ({ entry, widgetFor }: PreviewProps) => {
    const h = w.h;
    const m = previewModel((entry.get('data') as ImmutableMap).toJS(), registryData.authors, registry.aliases, tz);
    return h(
      'article',
      { className: 'post' },
      m.dateHeader ? h('p', { className: 'date-header' }, h('time', { dateTime: m.iso }, m.dateHeader)) : null,
      h('h1', { className: 'post-title' }, m.title),
      h('div', { className: 'post-body' }, widgetFor('body')),
      h(
        'footer',
        { className: 'post-footer' },
        h('p', { className: 'post-byline' }, `Posted by ${m.author} at `, h('time', { dateTime: m.iso }, m.time ?? '')),
        m.labels.length ? h('p', { className: 'post-labels' }, `Labels: ${m.labels.join(', ')}`) : null,
        m.proofreadBy.length ? h('p', { className: 'post-proofread' }, `Proofread by ${m.proofreadBy.join(' and ')}`) : null,
      ),
    );
  };
  CMS.registerPreviewTemplate(POSTS_COLLECTION, preview);
  CMS.registerPreviewTemplate(MDX_POSTS_COLLECTION, preview);
  CMS.init({ config: { local_backend: { url: new URL('api/v1', adminUrl).href } } });
});
