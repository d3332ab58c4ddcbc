import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { getContainerRenderer as mdxRenderer } from '@astrojs/mdx/container-renderer';
import { render } from 'astro:content';
import { mdxComponents } from './mdx-components';
import { absolute } from '../data/paths';
import { absolutizeHtml } from '../lib/feed-xml';
import { once, oncePerKey } from '../lib/site/once';
import type { Post } from '../data/content';

/**
 * A post's full HTML for the full-content feeds (the main Atom feed and RSS), rendered
 * with the MDX components. Beside the components, not in src/data/ (which never imports
 * them): only routes that show whole posts depend on the components, so a component
 * change re-renders them and not the summary feeds (incremental build).
 */

const origin = new URL(absolute('/')).origin;
const container = once(async () => AstroContainer.create({ renderers: await loadRenderers([mdxRenderer()]) }));

const htmlById = oncePerKey(async (post: Post) => {
  const [c, { Content }] = await Promise.all([container(), render(post.entry)]);
  return absolutizeHtml(await c.renderToString(Content, { props: { components: mdxComponents } }), origin);
});

/** Rendered once per build however many feeds include it. */
export const postHtml = (post: Post): Promise<string> => htmlById(post);
