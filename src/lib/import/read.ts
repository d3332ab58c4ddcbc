import { readFileSync, statSync } from 'node:fs';
import { listFiles, utf8Problem } from '../content-files';
import { ExportFileError } from './xml';

/**
 * Reading the export files the importer is given, strictly: one that is not UTF-8
 * (re-saved as Latin-1 by an editor) is refused with its name and the line of the
 * first bad byte, never read with "\uFFFD" in place of "é". UTF-16 with a byte-order
 * mark is read as what it says it is (XML allows it). Content files are read through
 * content-files, which refuses anything but UTF-8.
 */

/** An export file's text: UTF-16 with a byte-order mark as such, anything else strictly UTF-8 (content-files' rule). */
export function decodeText(file: string, bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const problem = utf8Problem(bytes);
  if (problem) throw new ExportFileError(file, problem.line, undefined, problem.detail);
  return new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
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
