import { getPosts, type Post } from './content';
import { once } from '../lib/site/once';
import { postLink, type PostLink } from '../lib/site/archive';
import { relatedPosts } from '../lib/site/related';
import { buildSeries, type SeriesPlace } from '../lib/site/series';
import { editLink } from '../lib/site/share';
import { settings } from './settings';

/**
 * What a post page shows about its post beyond the post itself, computed once per
 * build for every post and handed to the page as props (so a page's props say all
 * it depends on).
 */

export interface PostPageExtras {
  related: PostLink[];
  series?: SeriesPlace;
  /** "Suggest an edit": the post's file in the repository's web editor, when one is set. */
  editUrl?: string;
}

export const getPostPageExtras = once(async (): Promise<Map<string, PostPageExtras>> => {
  const posts = await getPosts();
  const byId = new Map<string, Post>(posts.map((p) => [p.id, p]));
  const related = relatedPosts(posts);
  const series = buildSeries(posts);
  return new Map(
    posts.map((post) => [
      post.id,
      {
        related: (related.get(post.id) ?? []).map((id) => postLink(byId.get(id)!)),
        series: series.get(post.id),
        editUrl: editLink(settings.editUrl, post.entry.filePath),
      },
    ]),
  );
});
