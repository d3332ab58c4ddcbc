import { z } from 'astro/zod';

/** A post of this blog, by id ("2006/11/emotional-support-duck"): the sidebar links to it. */
const postRef = z.string().regex(/^\d{4}\/(0[1-9]|1[0-2])\/[a-z0-9][a-z0-9_-]*$/, {
  error: 'a post is named by its id, the path under content/posts without extension, e.g. "2006/11/emotional-support-duck"',
});
const link = z.object({ label: z.string().min(1), url: z.url({ protocol: /^https?$/, error: 'links must be http(s) addresses' }) }).strict();

/**
 * What the sidebar shows besides the archive and labels (Blogger gadgets the posts mention:
 * "the podcast feed in the sidebar", the duck). Data, not markup: the Sidebar component
 * only lays it out.
 */
const sidebarSchema = z
  .object({
    /** The mascot, drawn once in public/favicon.svg (the favicon and the header use the same file). */
    duck: z.object({ caption: z.string().min(1), post: postRef }).strict(),
    podcast: z
      .object({
        title: z.string().min(1),
        blurb: z.string().min(1),
        /** The label of the episode posts: their page, and their feed as the podcast feed. */
        label: z.string().min(1),
        /** The podcast's own feed, if known; otherwise the episode label's Atom feed is the feed link. */
        feedUrl: z.url().optional(),
      })
      .strict(),
    books: z
      .array(
        z
          .object({
            title: z.string().min(1),
            year: z.int().min(2006).max(2100),
            /** The post that announced the book. */
            post: postRef,
            /** The publisher's page, if known. */
            url: z.url().optional(),
          })
          .strict(),
      )
      .min(1),
    blogroll: z.object({ title: z.string().min(1), links: z.array(link).min(1) }).strict(),
  })
  .strict();

/**
 * The blog's identity and reading settings. Validated at import time so a bad value
 * (an unknown time zone, a zero page size) stops the build with a clear message.
 */
export const siteConfigSchema = z.object({
  title: z.string().min(1),
  description: z.string().min(1),
  /** IANA zone the authors wrote in; every date on the site is shown in it. */
  timeZone: z.string().refine(
    (tz) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    },
    { error: 'timeZone must be an IANA time zone such as America/New_York' },
  ),
  locale: z.string().default('en-US'),
  /** Blogger's default: 7 full posts a page. */
  postsPerPage: z.int().positive().default(7),
  /** Entries in each Atom feed (Blogger served 25). */
  feedSize: z.int().positive().default(25),
  /** How many labels the sidebar shows before "All labels"; keeps every page light. */
  sidebarLabels: z.int().positive().default(40),
  sidebar: sidebarSchema,
});

export type SiteConfig = z.infer<typeof siteConfigSchema>;
export type SidebarConfig = SiteConfig['sidebar'];

export const siteConfig: SiteConfig = siteConfigSchema.parse({
  title: 'Shrink Rap',
  description:
    'Dinah, ClinkShrink, & Roy produce Shrink Rap: a blog by Psychiatrists for Psychiatrists, interested bystanders are also welcome. A place to talk; no one has to listen.',
  // globalThis.process: this config also reaches the browser (the editor at /admin/ checks dates with the schemas).
  timeZone: globalThis.process?.env.BLOG_TIME_ZONE ?? 'America/New_York',
  locale: 'en-US',
  postsPerPage: 7,
  feedSize: 25,
  sidebarLabels: 40,
  sidebar: {
    duck: { caption: 'The emotional support duck', post: '2006/11/emotional-support-duck' },
    podcast: {
      title: 'My Three Shrinks',
      blurb: 'the Shrink Rap podcast: 70 episodes with Dinah, ClinkShrink and Roy.',
      label: 'podcast',
    },
    books: [
      { title: 'Shrink Rap: Three Psychiatrists Explain Their Work', year: 2011, post: '2011/04/shrink-rap-news-book-has-cover' },
      { title: 'Committed: The Battle Over Involuntary Psychiatric Care', year: 2016, post: '2016/05/shrink-rap-news-committed-is-out' },
    ],
    // The old blogroll's entries were not recovered; these are the professional homes of the
    // three authors' fields, chosen for this site.
    blogroll: {
      title: 'Shrinky Links',
      links: [
        { label: 'American Psychiatric Association', url: 'https://www.psychiatry.org/' },
        { label: 'American Academy of Psychiatry and the Law', url: 'https://www.aapl.org/' },
        { label: 'Academy of Consultation-Liaison Psychiatry', url: 'https://www.clpsychiatry.org/' },
        { label: 'NAMI, the National Alliance on Mental Illness', url: 'https://www.nami.org/' },
      ],
    },
  },
});
