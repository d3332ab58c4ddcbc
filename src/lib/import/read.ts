import { readFileSync, statSync } from 'node:fs';
import { listFiles } from '../files';
import { ExportFileError } from './xml';

/**
 * Reading what the importer is given, strictly: a file that is not UTF-8 (a post
 * saved as Latin-1, an export re-saved by an editor) is refused with its name and the
 * line of the first bad byte, never read with "\uFFFD" in place of "é". UTF-16 with
 * a byte-order mark (what some Windows editors save) is read as what it says it is.
 */

const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export class NotUtf8Error extends ExportFileError {
  constructor(file: string, line: number) {
    super(file, line, undefined, 'not UTF-8 text (a byte on this line is not valid UTF-8; was it saved as Latin-1 or Windows-1252?). Save it as UTF-8 and run the import again.');
    this.name = 'NotUtf8Error';
  }
}

export function decodeText(file: string, bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return fatal.decode(bytes);
  } catch {
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const bad = lenient.indexOf('\uFFFD');
    throw new NotUtf8Error(file, lenient.slice(0, Math.max(0, bad)).split('\n').length);
  }
}

export const readTextStrict = (file: string) => decodeText(file, readFileSync(file));

/** The export files named on the command line; a folder (an unpacked Takeout archive) stands for the exports in it. */
export function exportFilesOf(paths: readonly string[]): string[] {
  return paths.flatMap((p) => {
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      throw new Error(`${p}: no such file`);
    }
    if (!isDir) return [p];
    const found = listFiles(p, /(^feed\.atom|\.xml|\.atom)$/i);
    if (found.length === 0) throw new Error(`${p}: a folder with no export in it (feed.atom, *.xml)`);
    return found;
  });
}
