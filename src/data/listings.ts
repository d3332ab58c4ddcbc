import { getArchive, getAuthors, getLabelIndex, getPosts, getPostsByAuthor, getPostsByLabel, type Post } from './content';
import { siteConfig } from '../site.config';
import { chainListings, paginate, type Page } from '../lib/site/pagination';
import { monthName } from '../lib/dates';
import { withCacheKeys } from './cache-keys';
import { authorFeedPath, authorPath, labelFeedPath, labelPath, monthPath, yearPath } from '../lib/urls';

/**
 * Every paginated list of posts (home, year, month, label, author) described once,
 * so each route file only picks its kind and whether it is page 1 or a later page.
 */
export interface Listing {
  kind: 'home' | 'year' | 'month' | 'label' | 'author';
  /** Visible page heading. */
  heading: string;
  title: string;
  description: string;
  feed?: { title: string; path: string };
  archiveMonth?: { year: number; month: number };
  /** Label pages: the label, for "Showing posts with label X". */
  label?: string;
  labelDescription?: string;
  authorId?: string;
  /** Author pages: how many posts the author wrote (the profile says so). */
  authorPostCount?: number;
  page: Page<Post>;
}

const per = () => siteConfig.postsPerPage;

async function homeListings(): Promise<Listing[]> {
  return paginate(await getPosts(), per(), '/').map((page) => ({
    kind: 'home',
    heading: page.number === 1 ? 'Latest posts' : `Older posts, page ${page.number}`,
    title: page.number === 1 ? siteConfig.title : `Page ${page.number}`,
    description: siteConfig.description,
    page,
  }));
}

async function yearListings(): Promise<Listing[]> {
  const archive = await getArchive();
  const byId = new Map((await getPosts()).map((p) => [p.id, p]));
  return archive.flatMap((y) => {
    const posts = y.months.flatMap((m) => m.posts.map((p) => byId.get(p.id)!));
    return paginate(posts, per(), yearPath(y.year)).map((page) => ({
      kind: 'year' as const,
      heading: `Posts from ${y.year}`,
      title: `${y.year}${page.number > 1 ? `, page ${page.number}` : ''}`,
      description: `${y.count} posts on Shrink Rap in ${y.year}.`,
      archiveMonth: { year: y.year, month: y.months[0]!.month },
      page,
    }));
  });
}

async function monthListings(): Promise<Listing[]> {
  const archive = await getArchive();
  const byId = new Map((await getPosts()).map((p) => [p.id, p]));
  const months = archive.flatMap((y) => y.months);
  // Blogger's month archives page on into the neighbouring months (Newer/Older Posts).
  const pages = chainListings(months.map((m) => paginate(m.posts.map((p) => byId.get(p.id)!), per(), monthPath(m.year, m.month))));
  return months.flatMap((m, i) =>
    pages[i]!.map((page) => ({
      kind: 'month' as const,
      heading: `Posts from ${monthName(m.month)} ${m.year}`,
      title: `${monthName(m.month)} ${m.year}${page.number > 1 ? `, page ${page.number}` : ''}`,
      description: `${m.count} posts on Shrink Rap in ${monthName(m.month)} ${m.year}.`,
      archiveMonth: { year: m.year, month: m.month },
      page,
    })),
  );
}

async function labelListings(): Promise<Listing[]> {
  const [index, byLabel] = await Promise.all([getLabelIndex(), getPostsByLabel()]);
  return index.labels.flatMap((l) =>
    paginate(byLabel.get(l.label) ?? [], per(), labelPath(l.label)).map((page) => ({
      kind: 'label' as const,
      heading: `Showing posts with label ${l.label}`,
      title: `${l.label}${page.number > 1 ? `, page ${page.number}` : ''}`,
      description: l.description ?? `${l.count} posts labelled “${l.label}” on Shrink Rap.`,
      feed: { title: `Posts labelled ${l.label}`, path: labelFeedPath(l.label) },
      label: l.label,
      labelDescription: l.description,
      page,
    })),
  );
}

async function authorListings(): Promise<Listing[]> {
  const [authors, byAuthor] = await Promise.all([getAuthors(), getPostsByAuthor()]);
  return [...authors.values()].flatMap((a) =>
    paginate(byAuthor.get(a.id) ?? [], per(), authorPath(a.id)).map((page) => ({
      kind: 'author' as const,
      heading: `Posts by ${a.data.handle}`,
      title: `${a.data.handle}${page.number > 1 ? `, page ${page.number}` : ''}`,
      description: `${a.data.handle} (${a.data.name}): ${a.data.bio}`,
      feed: { title: `Posts by ${a.data.handle}`, path: authorFeedPath(a.id) },
      authorId: a.id,
      authorPostCount: byAuthor.get(a.id)?.length ?? 0,
      page,
    })),
  );
}

const loaders = { home: homeListings, year: yearListings, month: monthListings, label: labelListings, author: authorListings };

/**
 * Static paths for one kind of listing: `first` = page 1 routes, otherwise pages 2…n.
 * Each with its cache key: the listing (its posts, headings, pager) and the sidebar.
 */
export async function listingPaths<P>(
  kind: Listing['kind'],
  which: 'first' | 'rest',
  params: (l: Listing) => P,
): Promise<{ params: P & { page?: string }; props: { listing: Listing }; cacheKey: string }[]> {
  const listings = await loaders[kind]();
  const paths = listings
    .filter((l) => (which === 'first' ? l.page.number === 1 : l.page.number > 1))
    .map((listing) => ({
      params: { ...params(listing), ...(which === 'rest' ? { page: String(listing.page.number) } : {}) },
      props: { listing },
    }));
  return withCacheKeys(paths, { sidebar: true });
}

/**
 * Pages for label aliases from labels.yaml (old spellings), pointing to the label.
 * An alias that differs only in case gets no page: it would be the same folder on a
 * case-insensitive disk. Hosts handle those through _redirects.
 */
export async function labelAliasPaths() {
  const index = await getLabelIndex();
  const folders = new Set(index.labels.map((l) => l.label.toLowerCase()));
  const paths = index.labels.flatMap((l) =>
    l.aliases
      .filter((alias) => !folders.has(alias.toLowerCase()))
      .map((alias) => ({
        params: { label: alias },
        props: { aliasOf: { to: labelPath(l.label), title: `The label “${alias}”` } },
      })),
  );
  return withCacheKeys(paths, { sidebar: false });
}
