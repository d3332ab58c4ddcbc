import { getCollection } from 'astro:content';
import { getAllComments, getPages, getPosts } from './content';
import { pageCacheKey } from './cache-keys';
import { absolute } from './paths';
import { siteConfig } from '../site.config';
import { once } from '../lib/site/once';
import { exportPosts, type ExportInput } from '../lib/export/input';

/** The comment archive's exports (/exports/): their input, and one keyed path per format. */

const postsOfExport = once(async () => {
  const [posts, pages] = await Promise.all([getPosts(), getPages()]);
  return exportPosts(posts, pages.map((p) => ({ id: p.id, title: p.data.title })), siteConfig.timeZone);
});

/** Public posts and pages with their comments, as the export functions take them. */
export const exportInput = once(async (): Promise<ExportInput> => {
  const [posts, comments] = await Promise.all([postsOfExport(), getAllComments()]);
  return {
    site: { title: siteConfig.title, description: siteConfig.description, language: siteConfig.locale, homeUrl: absolute('/') },
    posts,
    comments: comments.map((c) => ({ postId: c.postId, comment: c.comment })),
  };
});

export const EXPORT_FILES = { json: 'comments.json', wxr: 'comments.wxr.xml' } as const;

/**
 * One path per format. The key is a digest of the posts' titles and dates and of the
 * comment files' digests (not of 75,000 comments): an export is written again only when
 * a comment, or the title of a post with comments, changes.
 */
export async function exportPaths() {
  const [posts, commentFiles] = await Promise.all([postsOfExport(), getCollection('comments')]);
  const cacheKey = await pageCacheKey({ posts, commentFiles }, { sidebar: false });
  return Object.values(EXPORT_FILES).map((file) => ({ params: { file }, cacheKey }));
}
