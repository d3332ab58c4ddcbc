import type { APIRoute, GetStaticPaths } from 'astro';
import { getLabelIndex, getPages, getPosts } from '../data/content';
import { withCacheKeys } from '../data/cache-keys';
import { redirectRules, redirectsFileText, type RedirectInput } from '../lib/redirects';
import { settings } from '../data/settings';

/**
 * dist/_redirects: old Blogger addresses that moved (renamed slugs, label feeds,
 * feed aliases, Blogger's per-post comment feeds), for Netlify and Cloudflare Pages.
 * A route file named `_redirects.ts` would be ignored by Astro (underscore files are
 * private), so the name comes from a parameter.
 */
export const getStaticPaths = (async () => {
  const [posts, pages, labels] = await Promise.all([getPosts(), getPages(), getLabelIndex()]);
  const input: RedirectInput = {
    posts: posts.map((p) => ({ id: p.id, legacyUrl: p.entry.data.legacy?.url, bloggerId: p.bloggerId, labels: p.labels })),
    pages: pages.map((p) => ({ id: p.id, legacyUrl: p.data.legacy?.url })),
    labels: labels.labels.map((l) => l.label),
    labelSpellings: labels.canonical,
  };
  return withCacheKeys([{ params: { redirects: '_redirects' }, props: { input } }], { sidebar: false });
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(redirectsFileText(redirectRules(props.input as RedirectInput), settings.base), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
