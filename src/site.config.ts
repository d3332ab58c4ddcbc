import { z } from 'astro/zod';

/**
 * The blog's identity and reading settings. Validated at import time so a bad value
 * (an unknown time zone, a zero page size) stops the build with a clear message.
 */
const siteConfigSchema = z.object({
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
});

export type SiteConfig = z.infer<typeof siteConfigSchema>;

export const siteConfig: SiteConfig = siteConfigSchema.parse({
  title: 'Shrink Rap',
  description:
    'Dinah, ClinkShrink, & Roy produce Shrink Rap: a blog by Psychiatrists for Psychiatrists, interested bystanders are also welcome. A place to talk; no one has to listen.',
  timeZone: process.env.BLOG_TIME_ZONE ?? 'America/New_York',
  locale: 'en-US',
  postsPerPage: 7,
  feedSize: 25,
  sidebarLabels: 40,
});
