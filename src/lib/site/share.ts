/**
 * The share row and the edit link: plain addresses built from a post's absolute
 * address and title. Nothing here is fetched or loaded; a reader's click is the first
 * request any of these services sees.
 */

export interface ShareLink {
  /** Short name, also the link's class. */
  id: 'email' | 'facebook' | 'x' | 'bluesky' | 'mastodon';
  /** What the link says. */
  label: string;
  href: string;
}

const q = encodeURIComponent;

/** The text a share starts with: the title, then the address. */
export const shareText = (title: string, url: string) => `${title} ${url}`;

/** `mastodonPage` is this site's own page that asks for the reader's server (root-relative, with base). */
export function shareLinks(url: string, title: string, mastodonPage: string): ShareLink[] {
  const text = shareText(title, url);
  return [
    { id: 'email', label: 'E-mail', href: `mailto:?subject=${q(title)}&body=${q(url)}` },
    { id: 'facebook', label: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${q(url)}` },
    { id: 'x', label: 'X', href: `https://x.com/intent/post?text=${q(title)}&url=${q(url)}` },
    { id: 'bluesky', label: 'Bluesky', href: `https://bsky.app/intent/compose?text=${q(text)}` },
    { id: 'mastodon', label: 'Mastodon', href: `${mastodonPage}?text=${q(text)}` },
  ];
}

/**
 * A Mastodon server as a reader types it ("mastodon.social", "@me@mastodon.example",
 * "https://mastodon.social/@me") reduced to its host name; undefined when it is not one.
 */
export function mastodonHost(input: string): string | undefined {
  let s = input.trim().toLowerCase();
  if (!s) return undefined;
  const handle = /^@?[\w.-]+@([^@\s/:]+)$/.exec(s);
  if (handle) s = handle[1]!;
  if (!/^https?:\/\//.test(s)) s = `https://${s}`;
  let host: string;
  try {
    const u = new URL(s);
    if (u.username || u.password || u.port) return undefined;
    host = u.hostname;
  } catch {
    return undefined;
  }
  // A public host name: labels of letters, digits and hyphens, at least one dot.
  return /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/.test(host) && !host.endsWith('-') ? host : undefined;
}

/** Mastodon's own share page on the reader's server. */
export function mastodonShareUrl(server: string, text: string): string | undefined {
  const host = mastodonHost(server);
  return host ? `https://${host}/share?text=${q(text)}` : undefined;
}

/**
 * The web editor's address for a file of the repository: `editUrl` is the editor of the
 * default branch ("https://github.com/OWNER/REPO/edit/main/"), `file` a path from the
 * repository root. Undefined when either is missing or the file lies outside the repository.
 */
export function editLink(editUrl: string | undefined, file: string | undefined): string | undefined {
  if (!editUrl || !file) return undefined;
  const path = file.replace(/\\/g, '/').replace(/^\.\//, '');
  if (path.startsWith('/') || /^[a-z]:/i.test(path) || path.split('/').includes('..')) return undefined;
  return editUrl + path.split('/').map(q).join('/');
}
