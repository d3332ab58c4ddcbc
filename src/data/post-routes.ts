import { getComments, getPages, getPosts, type Post } from './content';
import { getPostPageExtras, type PostPageExtras } from './post-extras';
import { withCacheKeys } from './cache-keys';
import { pageThreadId, parsePostId } from '../lib/urls';
import { pad2 } from '../lib/dates';
import type { StoredComment } from '../lib/schemas';
import { postLink, type PostLink } from '../lib/site/archive';

/**
 * Everything a post page or static page shows, as props from `getStaticPaths()`:
 * other branches add related posts, series, reading time… here, and the page's cache
 * key follows (src/data/cache-keys.ts). Neighbours are reduced to what the pager shows.
 */

// A type, not an interface: Astro's props type needs an index signature.
export type PostPageProps = {
  post: Post;
  newer?: PostLink;
  older?: PostLink;
  comments: StoredComment[];
  /** Related posts, series and the edit link (src/data/post-extras.ts). */
  extras: PostPageExtras;
};

const link = (p: Post | undefined): PostLink | undefined => (p ? postLink(p) : undefined);

export async function postPagePaths() {
  const [posts, extras] = await Promise.all([getPosts(), getPostPageExtras()]);
  const paths = await Promise.all(
    posts.map(async (post, i) => {
      const { year, month, slug } = parsePostId(post.id);
      const props: PostPageProps = {
        post,
        newer: link(posts[i - 1]),
        older: link(posts[i + 1]),
        comments: await getComments(post.id),
        extras: extras.get(post.id)!,
      };
      return { params: { year: String(year), month: pad2(month), slug }, props };
    }),
  );
  return withCacheKeys(paths, { sidebar: true });
}

export async function staticPagePaths() {
  const pages = await getPages();
  const paths = await Promise.all(
    pages.map(async (page) => ({ params: { slug: page.id }, props: { page, comments: await getComments(pageThreadId(page.id)) } })),
  );
  return withCacheKeys(paths, { sidebar: true });
}
