/**
 * Reading time from a word count. The count itself is `bodyWords` in
 * src/lib/model/body.ts: the proof sheet's "Length" and the site's "4 min read" both
 * come from it.
 */

const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

export const countWords = (text: string) => (text.match(WORD) ?? []).length;

/** Words a minute for reading time; a common figure for adults reading on screen. */
export const WORDS_PER_MINUTE = 230;

/** Whole minutes, at least one for any text at all. */
export const readingMinutes = (words: number) => (words === 0 ? 0 : Math.max(1, Math.round(words / WORDS_PER_MINUTE)));

/** "4 min read"; nothing for an empty body. */
export const readingTimeLabel = (minutes: number): string | undefined => (minutes > 0 ? `${minutes} min read` : undefined);
