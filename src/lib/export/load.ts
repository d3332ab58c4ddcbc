import { compareComments } from '../comments';
import { readBlog, siteView } from '../model';
import { exportPosts, type ExportInput, type ExportSite } from './input';

/**
 * The export input from a content folder, for the CLI, through the blog's model
 * (src/lib/model/): the same visible posts, pages and comments as the site's
 * /exports/ endpoints (no drafts, nothing scheduled after `now`).
 */
export function loadExportInput(contentDir: string, options: { site: ExportSite; now: Date; timeZone: string; includeDrafts?: boolean }): ExportInput {
  const view = siteView(readBlog(contentDir), { cutoff: options.now, includeDrafts: options.includeDrafts === true, timeZone: options.timeZone });
  const posts = exportPosts(
    view.posts.map((p) => ({ id: p.source.id, title: p.source.data.title, published: p.source.data.published })),
    view.pages.map((p) => ({ id: p.id, title: p.data.title })),
    options.timeZone,
  );
  const comments = view.commentFiles.flatMap((f) => f.read().comments.map((comment) => ({ postId: f.post, comment })));
  return { site: options.site, posts, comments: comments.sort((a, b) => compareComments(a.comment, b.comment)) };
}
