import { z } from 'astro/zod';
import { commentAnchor } from './comment-address';
import { zonedNoon } from './dates';
import { siteConfig } from '../site.config';

/**
 * Content schemas, kept free of `astro:content` so the importer, the proofreader and
 * unit tests validate with exactly the rules the build uses. Messages say what is
 * expected, because authors (not engineers) read them.
 */

export const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A date-time with an explicit offset. YAML turns unquoted timestamps into Dates, which we accept. */
export const dateTimeWithOffset = (field: string) => {
  const expected = `${field} must be a date-time with a time-zone offset, in quotes, e.g. "2008-11-29T06:47:00-05:00"`;
  return z
    .union([z.date(), z.string()], { error: expected })
    .superRefine((v, ctx) => {
      if (typeof v === 'string' && !ISO_WITH_OFFSET.test(v)) ctx.addIssue({ code: 'custom', message: `${expected}; got "${v}"` });
    })
    .transform((v) => (v instanceof Date ? v : new Date(v)))
    .refine((d) => !Number.isNaN(d.getTime()), { error: `${field} is not a real date` });
};

export const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A post's `published`: a date-time with its offset, or, when the time of day is not
 * known (a post restored from its date alone), the date only, in quotes ("2008-11-29").
 * A date-only post stands at noon in the blog's zone and shows no time of day.
 */
export const publishedDate = () => {
  const expected =
    'published must be a date-time with a time-zone offset, in quotes, e.g. "2008-11-29T06:47:00-05:00", ' +
    'or, when the time of day is unknown, the date alone in quotes, e.g. "2008-11-29"';
  return z
    .union([z.date(), z.string()], { error: expected })
    .superRefine((v, ctx) => {
      if (typeof v === 'string' && !ISO_WITH_OFFSET.test(v) && !DATE_ONLY.test(v)) ctx.addIssue({ code: 'custom', message: `${expected}; got "${v}"` });
    })
    .transform((v) => ({
      date: v instanceof Date ? v : DATE_ONLY.test(v) ? zonedNoon(v, siteConfig.timeZone) : new Date(v),
      timeOfDayKnown: !(typeof v === 'string' && DATE_ONLY.test(v)),
    }))
    .refine((p) => !Number.isNaN(p.date.getTime()), { error: 'published is not a real date' });
};

/** Blogger ids are 63-bit numbers: as JS numbers they lose digits, so strings only. */
export const bloggerId = z
  .string({ error: 'Blogger ids must be strings in quotes (numbers lose digits), e.g. "1143037752240118350"' })
  .regex(/^\d{1,19}$/, { error: 'a Blogger id is 1 to 19 digits, in quotes' });

/** Labels are used in URLs: /search/label/{label}. Blogger forbade the same characters. */
export const labelName = z
  .string()
  .trim()
  .min(1, { error: 'labels cannot be empty' })
  .max(100, { error: 'labels are at most 100 characters' })
  .refine((l) => !/[/\\?#%<>,]/.test(l), {
    error: 'labels cannot contain / \\ ? # % < > or , (they would break the label address)',
  });

/** A series is its name: every post with the same name is one part, in order of publication. */
export const seriesName = z
  .string({ error: 'series is the name of the series in quotes, e.g. series: "A Day in the Jail Clinic"' })
  .trim()
  .min(1, { error: 'series cannot be empty: remove the line, or name the series' })
  .max(100, { error: 'a series name is at most 100 characters' });

export const legacySchema = z
  .object({
    bloggerId: bloggerId.optional(),
    /** The address the post had on the old blog, e.g. http://psychiatrist-blog.blogspot.com/2008/11/x.html */
    url: z.url().optional(),
    wordpressId: z.string().optional(),
    /** false: the post was restored without its comments, so the page must not say "No comments". */
    commentsRecovered: z.boolean({ error: 'legacy.commentsRecovered must be true or false' }).optional(),
  })
  .strict();

export function postSchema<A extends z.ZodType>(authorRef: A) {
  return z
    .object({
      title: z
        .string({ error: 'title is required: the post title as readers see it, in quotes' })
        .trim()
        .min(1, { error: 'title cannot be empty' }),
      published: publishedDate(),
      updated: dateTimeWithOffset('updated').optional(),
      author: authorRef,
      labels: z.array(labelName, { error: 'labels must be a list, e.g. [psychotherapy, jails]' }).default([]),
      draft: z.boolean({ error: 'draft must be true or false' }).default(false),
      description: z.string().trim().min(1).max(300, { error: 'description is at most 300 characters' }).optional(),
      legacy: legacySchema.optional(),
      proofreadBy: z.array(authorRef).default([]),
      series: seriesName.optional(),
    })
    .strict()
    .transform(({ published, ...rest }) => ({ ...rest, published: published.date, timeOfDayKnown: published.timeOfDayKnown }));
}

export function pageSchema() {
  return z
    .object({
      title: z.string({ error: 'title is required' }).trim().min(1),
      description: z.string().trim().min(1).max(300).optional(),
      updated: dateTimeWithOffset('updated').optional(),
      draft: z.boolean().default(false),
      legacy: legacySchema.optional(),
    })
    .strict();
}

export const authorSchema = z
  .object({
    handle: z.string().min(1),
    name: z.string().min(1),
    role: z.string().min(1),
    setting: z.string().min(1),
    bio: z.string().min(1),
    avatar: z.string().optional(),
    /** Blogger/Google profile URIs: how the importer recognises an author's comments. */
    profileUris: z.array(z.url()).default([]),
    links: z.array(z.object({ label: z.string().min(1), url: z.url() })).default([]),
    /** GitHub user for proofreading requests (CODEOWNERS); optional. */
    github: z.string().optional(),
  })
  .strict();

export const labelInfoSchema = z
  .object({
    description: z.string().optional(),
    /** Other spellings that mean this label; their addresses redirect here. */
    aliases: z.array(labelName).default([]),
  })
  .strict();

/* ---------- comments (one file per post: docs/ARCHITECTURE.md, "Content model") ---------- */

export const sourceSystems = ['blogger-classic', 'blogger-takeout', 'disqus', 'wxr', 'site'] as const;

export const commentIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]*:[A-Za-z0-9_.-]+$/, {
    error: 'comment ids are namespaced strings such as "blogger:1143037752240118350"',
  });

export const storedCommentSchema = z
  .object({
    id: commentIdSchema,
    parentId: commentIdSchema.nullable(),
    published: z.string().regex(ISO_WITH_OFFSET, { error: 'published must be RFC 3339 with an offset' }),
    updated: z.string().regex(ISO_WITH_OFFSET).optional(),
    author: z
      .object({
        name: z.string(),
        url: z
          .url({ protocol: /^https?$/, error: 'author.url must be an http(s) address' })
          .optional(),
        role: z.enum(['blog-author', 'reader']),
        identity: z.enum(['registered', 'guest', 'anonymous']),
        authorKey: z.string().optional(),
      })
      .strict(),
    bodyHtml: z.string(),
    status: z.enum(['visible', 'tombstone']),
    /** Why a tombstone was removed, for Blogger's wording. */
    removedBy: z.enum(['author', 'administrator']).optional(),
    source: z
      .object({
        system: z.enum(sourceSystems),
        file: z.string(),
        id: z.string(),
        postRef: z.string(),
        parentRef: z.string().optional(),
        permalink: z.string().optional(),
        rawStatus: z.string().optional(),
        tzAssumed: z.boolean().optional(),
      })
      .strict(),
  })
  .strict()
  .refine((c) => c.status === 'visible' || (c.bodyHtml === '' && c.author.name === ''), {
    error: 'a tombstone keeps no author name and no body',
  })
  .refine((c) => c.author.role === 'reader' || !!c.author.authorKey, {
    error: 'a blog-author comment needs author.authorKey (dinah, clinkshrink or roy)',
  });

export const postCommentsSchema = z
  .object({
    schemaVersion: z.literal(1),
    /** The post's id: its path under content/posts without extension, e.g. 2008/11/slug; pages are p/slug. */
    post: z.string().min(1),
    postSourceIds: z.array(z.string()).default([]),
    comments: z.array(storedCommentSchema),
  })
  .strict()
  .superRefine((file, ctx) => {
    // Every comment's page anchor (#c{digits}) must be unique on its post page.
    const seen = new Map<string, string>();
    file.comments.forEach((c, i) => {
      const anchor = commentAnchor(c);
      const other = seen.get(anchor);
      if (other) {
        ctx.addIssue({
          code: 'custom',
          path: ['comments', i, 'id'],
          message: `comments "${other}" and "${c.id}" would share the anchor #${anchor}; give one of them another number`,
        });
      } else seen.set(anchor, c.id);
    });
  });

export type StoredComment = z.infer<typeof storedCommentSchema>;
export type PostComments = z.infer<typeof postCommentsSchema>;
export type AuthorData = z.infer<typeof authorSchema>;
export type LabelInfo = z.infer<typeof labelInfoSchema>;
