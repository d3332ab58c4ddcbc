import { defineCollection, reference } from 'astro:content';
import { glob, file } from 'astro/loaders';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  authorSchema,
  labelInfoSchema,
  pageSchema,
  postCommentsSchema,
  postSchema,
} from './lib/schemas';
import { settings } from './data/settings';

const dir = settings.contentDir;
/** The id is the path without extension, never slugified: it *is* the post's address. */
const pathId = ({ entry }: { entry: string }) => entry.replace(/\.(mdx?|json|ya?ml)$/, '');

const authors = defineCollection({
  loader: glob({ pattern: '*.{yaml,yml}', base: join(dir, 'authors'), generateId: pathId }),
  schema: authorSchema,
});

const posts = defineCollection({
  loader: glob({ pattern: '**/*.{md,mdx}', base: join(dir, 'posts'), generateId: pathId }),
  schema: postSchema(reference('authors')),
});

const pages = defineCollection({
  loader: glob({ pattern: '**/*.{md,mdx}', base: join(dir, 'pages'), generateId: pathId }),
  schema: pageSchema(),
});

const comments = defineCollection({
  loader: glob({ pattern: '**/*.json', base: join(dir, 'comments'), generateId: pathId }),
  schema: postCommentsSchema,
});

const labelsFile = join(dir, 'labels.yaml');
const labels = defineCollection({
  // Optional file: label -> { description, aliases }. Absent means no descriptions.
  loader: existsSync(labelsFile) ? file(labelsFile) : async () => [],
  schema: labelInfoSchema,
});

export const collections = { authors, posts, pages, comments, labels };
