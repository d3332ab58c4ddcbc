import { loadExportInput } from '../../../src/lib/export/load';
import type { ExportInput } from '../../../src/lib/export/model';
import { importInto, ours, scratch } from '../import/helpers';

export const SITE = { title: 'Shrink Rap', description: 'Three psychiatrists.', language: 'en-US', homeUrl: 'https://www.shrinkrap.net/' };
export const NOW = new Date('2026-06-01T00:00:00Z');

/** A content folder filled by importing our own fixtures, and the export input read from it. */
export function importedSite(): { root: string; content: string; input: ExportInput } {
  const { root, content } = scratch();
  importInto(content, [ours('blogger-rules.xml'), ours('disqus-shrinkrap.xml'), ours('wxr-comments.xml'), ours('takeout-shrinkrap.atom')]);
  return { root, content, input: loadExportInput(content, { site: SITE, now: NOW, timeZone: 'America/New_York' }) };
}
