/**
 * The one folding rule for names readers see and addresses are made of (labels, series
 * names, titles turned into slugs). Two spellings a reader cannot tell apart must not
 * become two things: characters that render as nothing (zero-width space, joiner and
 * non-joiner, the byte-order mark, soft hyphen: Unicode's Default_Ignorable_Code_Point),
 * composed versus decomposed accents (NFC/NFD), and runs of spaces.
 */

const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;
const EDGE_JUNK = /^[\s\p{Default_Ignorable_Code_Point}]+|[\s\p{Default_Ignorable_Code_Point}]+$/gu;

/** What the author wrote, minus invisible characters and spaces at either end (what is shown). */
export const trimInvisible = (text: string): string => text.replace(EDGE_JUNK, '');

/** The visible text: NFC, no invisible characters, one space for each run of spaces, trimmed (what addresses are made of). */
export const foldInvisible = (text: string): string => text.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim();

/**
 * The collision key: what makes two names "the same" to a reader or on some host. The
 * visible text, without accents or case, punctuation runs as one space: "Café",
 * "cafe", "ca\u200dfe" and "CAFE " share one key.
 */
export function foldKey(name: string): string {
  return foldInvisible(name)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
