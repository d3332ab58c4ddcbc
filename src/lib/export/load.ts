import { listContentFiles, readCommentsFile, readPageFile, readPostFile } from '../content-files';
import { isVisible } from '../publishing';
import { isoInZone } from '../dates';
import { pageThreadId } from '../urls';
import type { ExportInput, ExportPost } from './model';
import type { ExportSite } from './model';

/**
 * The export input read straight from a content folder, for the CLI (the site's
 * endpoints get the same data from Astro's collections). Same visibility rule as
 * the site: no drafts, nothing scheduled after `now`.
 */
export function loadExportInput(contentDir: string, options: { site: ExportSite; now: Date; timeZone: string; includeDrafts?: boolean }): ExportInput {
  const posts = new Map<string, ExportPost>();
  const comments: ExportInput['comments'][number][] = [];
  const visibility = { cutoff: options.now, includeDrafts: options.includeDrafts === true };
  for (const f of listContentFiles(contentDir, ['post', 'page', 'comments'])) {
    if (f.kind === 'post') {
      const { data } = readPostFile(f.file, f.rel);
      if (isVisible(data, visibility)) posts.set(f.id, { id: f.id, title: data.title, published: isoInZone(data.published, options.timeZone) });
    } else if (f.kind === 'page') {
      const { data } = readPageFile(f.file, f.rel);
      const id = pageThreadId(f.id);
      if (!data.draft || options.includeDrafts) posts.set(id, { id, title: data.title });
    } else {
      const data = readCommentsFile(f.file, f.rel);
      for (const comment of data.comments) comments.push({ postId: data.post, comment });
    }
  }
  return { site: options.site, posts, comments };
}
