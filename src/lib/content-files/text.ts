import { readFileSync } from 'node:fs';

/**
 * Strict text reading for content files. A post saved as Latin-1 or UTF-16 would
 * otherwise be published with U+FFFD in place of "é"; here it is refused with the
 * file named and the way to fix it.
 */

export class ContentFileError extends Error {
  override name = 'ContentFileError';
  constructor(
    /** The file as the author knows it (content-relative or project-relative). */
    readonly file: string,
    readonly detail: string,
    /** 1-based line, when the problem has one. */
    readonly line?: number,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${detail}`);
  }
}

const SAVE_AS_UTF8 = 'Save it as UTF-8 (in most editors: "Save with encoding" → UTF-8) and run again.';

/** Why `bytes` are not UTF-8 text, or undefined when they are. */
export function utf8Problem(bytes: Uint8Array): { detail: string; line?: number } | undefined {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { detail: `the file is saved as UTF-16, not UTF-8. ${SAVE_AS_UTF8}` };
  }
  // UTF-16 without a byte-order mark: every other byte of ASCII text is zero.
  const head = bytes.subarray(0, 512);
  if (head.length >= 2 && head.filter((b) => b === 0).length * 4 >= head.length) {
    return { detail: `the file looks like UTF-16 (it is full of zero bytes), not UTF-8. ${SAVE_AS_UTF8}` };
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return undefined;
  } catch {
    // Locate the first bad byte for the author: the lossy decoding marks it with U+FFFD.
    const lossy = new TextDecoder('utf-8').decode(bytes);
    const at = lossy.indexOf('\uFFFD');
    const line = at < 0 ? undefined : lossy.slice(0, at).split('\n').length;
    return { detail: `the file is not UTF-8 text (probably Latin-1 or Windows-1252). ${SAVE_AS_UTF8}`, line };
  }
}

/** Bytes as text, refusing anything but UTF-8; a UTF-8 byte-order mark is dropped. */
export function decodeUtf8(bytes: Uint8Array, name: string): string {
  const problem = utf8Problem(bytes);
  if (problem) throw new ContentFileError(name, problem.detail, problem.line);
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  return text;
}

/** A content file's text. `name` is how errors call the file (defaults to its path). */
export function readTextFile(path: string, name: string = path): string {
  return decodeUtf8(readFileSync(path), name);
}
