/**
 * One rule for what is public, used by every page, feed, sitemap and the search
 * index: not a draft, and published at or before the build's cutoff.
 */
export interface Publishable {
  draft: boolean;
  published: Date;
}

export type Visibility = 'public' | 'draft' | 'scheduled';

export function visibility(post: Publishable, cutoff: Date): Visibility {
  if (post.draft) return 'draft';
  return post.published.getTime() > cutoff.getTime() ? 'scheduled' : 'public';
}

export function isVisible(post: Publishable, opts: { cutoff: Date; includeDrafts: boolean }): boolean {
  return opts.includeDrafts || visibility(post, opts.cutoff) === 'public';
}
