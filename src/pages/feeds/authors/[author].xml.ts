import type { APIRoute, GetStaticPaths } from 'astro';
import { getAuthors, getPostsByAuthor, type Post } from '../../../data/content';
import { postsFeed } from '../../../data/feeds';
import { authorFeedPath, authorPath } from '../../../lib/urls';
import { siteConfig } from '../../../site.config';

export const getStaticPaths = (async () => {
  const [authors, byAuthor] = await Promise.all([getAuthors(), getPostsByAuthor()]);
  return [...authors.values()].map((a) => ({
    params: { author: a.id },
    props: { handle: a.data.handle, posts: byAuthor.get(a.id) ?? [] },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, props }) =>
  postsFeed({
    posts: props.posts as Post[],
    title: `${siteConfig.title}: posts by ${props.handle as string}`,
    selfPath: authorFeedPath(params.author!),
    alternatePath: authorPath(params.author!),
  });
