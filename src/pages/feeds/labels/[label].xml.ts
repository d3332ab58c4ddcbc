import type { APIRoute, GetStaticPaths } from 'astro';
import { getLabelIndex, getPostsByLabel, type Post } from '../../../data/content';
import { postsFeed } from '../../../data/feeds';
import { labelFeedPath, labelPath } from '../../../lib/urls';
import { siteConfig } from '../../../site.config';

export const getStaticPaths = (async () => {
  const [index, byLabel] = await Promise.all([getLabelIndex(), getPostsByLabel()]);
  return index.labels.map((l) => ({ params: { label: l.label }, props: { posts: byLabel.get(l.label) ?? [] } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, props }) =>
  postsFeed({
    posts: props.posts as Post[],
    title: `${siteConfig.title}: ${params.label}`,
    selfPath: labelFeedPath(params.label!),
    alternatePath: labelPath(params.label!),
  });
