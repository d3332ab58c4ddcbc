import { formatDateHeader, formatTime, isoInZone } from '../dates';
import { compareLabels } from '../labels';
import { NEW_LABELS_FIELD } from './config';
import { toDate, type EditorPostData } from './post';

/**
 * What the editor's preview shows around the body, in the order and words of a post page
 * (src/components/PostArticle.astro): date header, title, "Posted by … at …", labels,
 * "Proofread by …". Pure; src/scripts/editor-admin.ts draws it with the site's stylesheet.
 */
export interface PreviewModel {
  dateHeader?: string;
  iso?: string;
  time?: string;
  title: string;
  author: string;
  labels: string[];
  proofreadBy: string[];
}

export function previewModel(
  data: EditorPostData,
  authors: ReadonlyArray<{ id: string; handle: string }>,
  aliases: ReadonlyMap<string, string>,
  timeZone: string,
): PreviewModel {
  const handle = (id: unknown) => authors.find((a) => a.id === id)?.handle ?? String(id ?? '');
  const list = (v: unknown) => (Array.isArray(v) ? v.map((x) => String(x ?? '').trim()).filter(Boolean) : []);
  const published = toDate(data.published, timeZone);
  const labels = [...list(data.labels), ...list(data[NEW_LABELS_FIELD])].map((l) => aliases.get(l) ?? l);
  return {
    dateHeader: published && formatDateHeader(published, timeZone),
    iso: published && isoInZone(published, timeZone),
    time: published && formatTime(published, timeZone),
    title: String(data.title ?? '').trim() || 'Untitled',
    author: handle(data.author),
    labels: [...new Set(labels)].sort(compareLabels),
    proofreadBy: list(data.proofreadBy).map(handle),
  };
}
