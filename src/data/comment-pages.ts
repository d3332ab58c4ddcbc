import { getAuthors, getComments, getPosts } from './content';
import { withCacheKeys } from './cache-keys';
import { commentPages, commentPaging, type CommentPaging } from '../lib/site/comment-pages';
import { parsePostId } from '../lib/urls';
import type { StoredComment } from '../lib/schemas';
import { bloggerThread, threadPages, type ThreadEntry } from '../lib/site/comment-thread';

/**
 * A post's comments cut into pages (src/lib/site/comment-pages.ts): the post page gets
 * page 1 and the paging lines (post-routes.ts), the route
 * `[year]/[month]/[slug]/comments/[page].astro` pages 2…; all as props, so cache keys follow.
 */

/** What the post page shows of its thread. */
export interface PostThread {
  comments: StoredComment[];
  paging: CommentPaging;
}

export async function postThread(postId: string): Promise<PostThread> {
  const pages = commentPages(await getComments(postId));
  return { comments: pages[0] ?? [], paging: commentPaging(pages) };
}

// A type, not an interface: Astro's props type needs an index signature.
export type CommentPageProps = {
  post: { id: string; title: string };
  page: number;
  pageCount: number;
  /** Position of the page's first comment in the thread (1-based), and the thread's size. */
  first: number;
  total: number;
  /** How many comments the page holds. */
  count: number;
  /** The page's comments as drawn: one level of replies, continued from the page before. */
  entries: ThreadEntry[];
  /** The blog authors' handles, to name their comments. */
  handles: Record<string, string>;
};

/** Pages 2… of every post whose thread does not fit on its page. */
export async function commentPagePaths() {
  const [posts, authors] = await Promise.all([getPosts(), getAuthors()]);
  const handles = Object.fromEntries([...authors].map(([id, a]) => [id, a.data.handle]));
  const paths = [];
  for (const post of posts) {
    const all = await getComments(post.id);
    const pages = commentPages(all);
    if (pages.length < 2) continue;
    const drawn = threadPages(bloggerThread(all), pages);
    const { year, month, slug } = parsePostId(post.id);
    const total = pages.reduce((n, p) => n + p.length, 0);
    let first = pages[0]!.length + 1;
    for (let i = 1; i < pages.length; i++) {
      const props: CommentPageProps = { post: { id: post.id, title: post.title }, page: i + 1, pageCount: pages.length, first, total, count: pages[i]!.length, entries: drawn[i]!, handles };
      paths.push({ params: { year: String(year), month: String(month).padStart(2, '0'), slug, page: String(i + 1) }, props });
      first += pages[i]!.length;
    }
  }
  return withCacheKeys(paths, { sidebar: true });
}
