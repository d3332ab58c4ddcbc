/**
 * Blogger-style slugs, made once when a post is created and never again: lowercase
 * ASCII words joined by hyphens, "the" (and a few other small words) dropped, cut at
 * about 40 characters on a word boundary.
 */
const DROPPED = new Set(['the', 'a', 'an']);

export function bloggerSlug(title: string, maxLength = 40): string {
  const words = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !DROPPED.has(w));
  let slug = '';
  for (const w of words) {
    const next = slug ? `${slug}-${w}` : w;
    if (next.length > maxLength) {
      if (!slug) slug = w.slice(0, maxLength);
      break;
    }
    slug = next;
  }
  return slug || 'post';
}

/** Blogger's clash suffix: slug, slug_1, slug_2, … */
export function uniqueSlug(slug: string, taken: (candidate: string) => boolean): string {
  if (!taken(slug)) return slug;
  for (let i = 1; ; i++) {
    const candidate = `${slug}_${i}`;
    if (!taken(candidate)) return candidate;
  }
}
