// Shared by the /exports/ endpoints (files starting with _ are not routes).
import { getAllComments, getPages, getPosts } from '../../data/content';
import { absolute } from '../../data/paths';
import { siteConfig } from '../../site.config';
import { isoInZone } from '../../lib/dates';
import type { ExportInput, ExportPost } from '../../lib/export/model';

let cached: Promise<ExportInput> | undefined;

/** Public posts and pages with their comments, as the export functions take them. */
export function exportInput(): Promise<ExportInput> {
  cached ??= (async () => {
    const [posts, pages, comments] = await Promise.all([getPosts(), getPages(), getAllComments()]);
    const byId = new Map<string, ExportPost>();
    for (const p of posts) byId.set(p.id, { id: p.id, title: p.title, published: isoInZone(p.published, siteConfig.timeZone) });
    for (const p of pages) byId.set(`p/${p.id}`, { id: `p/${p.id}`, title: p.data.title });
    return {
      site: { title: siteConfig.title, description: siteConfig.description, language: siteConfig.locale, homeUrl: absolute('/') },
      posts: byId,
      comments: comments.map((c) => ({ postId: c.postId, comment: c.comment })),
    };
  })();
  return cached;
}

export const jsonFeedPageUrl = (page: number) => absolute(page <= 1 ? '/exports/comments.json' : `/exports/comments-${page}.json`);
