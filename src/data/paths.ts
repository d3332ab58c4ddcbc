import { absoluteUrl, withBase } from '../lib/urls';
import { settings } from './settings';

/** Root-relative path -> link on this deployment (respects a base such as /pr-42/). */
export const href = (path: string) => withBase(import.meta.env.BASE_URL ?? settings.base, path);
/** Root-relative path -> absolute URL for canonical links, feeds and Open Graph. */
export const absolute = (path: string) => absoluteUrl(settings.site, import.meta.env.BASE_URL ?? settings.base, path);
