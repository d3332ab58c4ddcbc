import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getAuthor, getPosts } from '../data/content';
import { postHtml } from '../components/post-html';
import { absolute } from '../data/paths';
import { postPath } from '../lib/urls';
import { siteConfig } from '../site.config';

/** RSS 2.0 for readers that prefer it; the Atom feed at /feeds/posts/default is the main one. */
export const GET: APIRoute = async () => {
  const posts = (await getPosts()).slice(0, siteConfig.feedSize);
  return rss({
    title: siteConfig.title,
    description: siteConfig.description,
    site: absolute('/'),
    items: await Promise.all(
      posts.map(async (p) => ({
        title: p.title,
        link: absolute(postPath(p.id)),
        pubDate: p.published,
        description: p.description,
        author: (await getAuthor(p.authorId)).data.handle,
        categories: p.labels,
        content: await postHtml(p),
      })),
    ),
  });
};
