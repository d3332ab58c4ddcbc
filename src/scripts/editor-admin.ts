/**
 * The site's additions to Decap CMS at /admin/, loaded right after decap-cms.js (same
 * origin, bundled by src/pages/admin/editor.js.ts with the registries inlined):
 *  - the post file format (front matter as `npm run new` writes it, labels folded together);
 *  - the checks before saving (title, author, picture descriptions, new labels), which also
 *    give a new post its New York month and Blogger slug;
 *  - the preview, drawn like a post page with the site's own stylesheet.
 * The logic lives in src/lib/editor-*.ts and is unit-tested there.
 */
import { POST_EXTENSION, POST_FORMAT } from '../lib/editor/config';
import { postFromFile, postProblems, postToFile, withPlacement, type LabelRegistry } from '../lib/editor/post';
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

  CMS.registerCustomFormat(POST_FORMAT, POST_EXTENSION, {
    fromFile: (text) => postFromFile(text, registry),
    toFile: (data) => postToFile(data, tz),
  });

  CMS.registerEventListener({
    name: 'preSave',
    handler: ({ entry }) => {
      if (entry.get('collection') !== 'posts') return undefined;
      const data = (entry.get('data') as ImmutableMap).toJS();
      const problems = postProblems(data, registry, authorIds);
      // Decap shows the message and saves nothing.
      if (problems.length) throw new Error(problems.join(' '));
      const placed = withPlacement(data, tz);
      let next = entry.get('data') as ImmutableMap;
      for (const [key, value] of Object.entries(placed)) if (!(key in data)) next = next.set(key, value);
      return next;
    },
  });

  CMS.registerPreviewStyle(new URL('preview.css', adminUrl).pathname);

  CMS.registerPreviewTemplate('posts', ({ entry, widgetFor }) => {
    const h = w.h;
    const m = previewModel((entry.get('data') as ImmutableMap).toJS(), registryData.authors, registry.aliases, tz);
    return h(
      'article',
      { className: 'post' },
      m.dateHeader ? h('p', { className: 'date-header' }, h('time', { dateTime: m.iso }, m.dateHeader)) : null,
      m.draft ? h('p', { className: 'unpublished-tag' }, 'Draft') : null,
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
  });
  CMS.init({ config: { local_backend: { url: new URL('api/v1', adminUrl).href } } });
});
