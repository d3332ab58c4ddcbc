import { foldInvisible } from './fold';

/**
 * Blogger-style slugs, made once when a post is created and never again: lowercase
 * ASCII words joined by hyphens, "the" (and a few other small words) dropped, cut at
 * about 40 characters on a word boundary.
 */
const DROPPED = new Set(['the', 'a', 'an']);

export function bloggerSlug(title: string, maxLength = 40): string {
  // Invisible characters fold away first: "ca\u200dfe" is "cafe", not "ca-fe".
  const words = foldInvisible(title)
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

/**
 * Post slugs that would be one of the site's own files: `/2009/02/index.html` is the
 * month archive's page, so a post there would be overwritten by it. Such a post gets
 * the next free name (`index_1`) instead.
 */
export const RESERVED_POST_SLUGS: ReadonlySet<string> = new Set(['index']);

/**
 * Names Windows keeps for devices, in any case and with any extension (`con.mdx`,
 * `Aux.json`): a clone on Windows cannot create or open such a file. Neither a post, a
 * page nor its comments file may be called that.
 */
const WINDOWS_DEVICE_NAME = /^(con|prn|aux|nul|com[1-9¹²³]|lpt[1-9¹²³])(\..*)?$/i;

export const isWindowsReservedName = (name: string) => WINDOWS_DEVICE_NAME.test(name.trim());

export const WINDOWS_RESERVED_REASON = 'the name is one Windows keeps for a device (CON, PRN, AUX, NUL, COM1-9, LPT1-9): no file can have it there';

export const isReservedPostSlug = (slug: string) => RESERVED_POST_SLUGS.has(slug.toLowerCase()) || isWindowsReservedName(slug);

/** uniqueSlug for posts: reserved names count as taken. */
export function uniquePostSlug(slug: string, taken: (candidate: string) => boolean): string {
  return uniqueSlug(slug, (s) => isReservedPostSlug(s) || taken(s));
}

/** uniqueSlug for pages (`/p/slug.html`): device names count as taken. */
export function uniquePageSlug(slug: string, taken: (candidate: string) => boolean): string {
  return uniqueSlug(slug, (s) => isWindowsReservedName(s) || taken(s));
}

/**
 * The longest slug a file name can carry: 255 bytes (ext4, APFS, NTFS) less the
 * longest extension written beside it (`.json`, `.mdx`) and room for a `_99` suffix.
 */
export const MAX_SLUG_LENGTH = 240;

/**
 * A slug cut to `max` characters the way Blogger cut long titles: at the last word
 * boundary (hyphen) that fits, or hard at `max` when the first word is already longer.
 * Slugs here are ASCII (a-z 0-9 - _), so characters are bytes.
 */
export function shortenSlug(slug: string, max = MAX_SLUG_LENGTH): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const boundary = cut.lastIndexOf('-');
  return (boundary > 0 ? cut.slice(0, boundary) : slug.slice(0, max)).replace(/[-_]+$/, '');
}
