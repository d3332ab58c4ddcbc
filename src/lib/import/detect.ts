import { basename } from 'node:path';
import { parseBloggerRecords } from './blogger';
import { parseDisqusRecords } from './disqus';
import { isCommentsJsonFeed, parseJsonFeed } from './jsonfeed';
import type { ParsedExport } from './parsed';
import { parseWxrRecords } from './wxr';
import { ExportFileError, NS, child, isWpNamespace, parseXml, type XmlElement } from './xml';

/**
 * Which export is this? Decided from the content, never the file name:
 * Atom feed with Blogger kinds (classic) or blogger:type (Takeout), a Disqus
 * <disqus> document, an RSS document with WordPress's wp: namespace (WXR), or our
 * own JSON Feed comment export.
 */

const EXPECTED =
  'Expected a Blogger export (blog-MM-DD-YYYY.xml or Takeout feed.atom), a Disqus export (<disqus>), ' +
  'a WordPress WXR file (<rss> with wp: elements) or a Shrink Rap comments JSON Feed.';

export function parseExportText(path: string, text: string): ParsedExport {
  const file = basename(path);
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{')) {
    if (!isCommentsJsonFeed(start)) {
      throw new ExportFileError(file, 1, 1, `a JSON file that is not a Shrink Rap comments export (no "_comments_export" with JSON Feed 1.1). ${EXPECTED}`);
    }
    return parseJsonFeed(file, start);
  }


  const records: XmlElement[] = [];
  const isRecord = (el: XmlElement, ancestors: readonly XmlElement[]) => {
    const root = ancestors[0];
    if (!root) return false;
    if (root.local === 'feed') return ancestors.length === 1 && el.local === 'entry';
    if (root.local === 'disqus') return ancestors.length === 1;
    if (root.local === 'rss') {
      return ancestors.length === 2 && ancestors[1]!.local === 'channel' && (el.local === 'item' || (el.local === 'author' && isWpNamespace(el.ns)));
    }
    return false;
  };
  const { root, recovered } = parseXml(text, { file, isRecord, onRecord: (el) => records.push(el) });

  let parsed: ParsedExport;
  if (root.local === 'feed' && root.ns === NS.atom) {
    const looksBlogger = records.some(
      (e) => child(e, 'type', NS.blogger) || e.children.some((c) => c.local === 'category' && /kind#\w+$/.test(c.attrs.term ?? '')),
    );
    if (!looksBlogger) {
      throw new ExportFileError(
        file,
        root.line,
        undefined,
        records.length === 0
          ? 'an Atom feed with no entries: the export is empty (download it again from Blogger)'
          : `an Atom feed, but no entry has a Blogger kind category or blogger:type, so it is not a Blogger export. ${EXPECTED}`,
      );
    }
    parsed = parseBloggerRecords(file, root, records);
  } else if (root.local === 'disqus') {
    parsed = parseDisqusRecords(file, records);
  } else if (root.local === 'rss') {
    const channel = child(root, 'channel');
    const items = records.filter((r) => r.local === 'item');
    const usesWp =
      (channel?.children.some((c) => isWpNamespace(c.ns)) ?? false) || items.some((i) => i.children.some((c) => isWpNamespace(c.ns)));
    if (!channel || !usesWp) {
      throw new ExportFileError(file, root.line, undefined, `an RSS feed without WordPress wp: elements, so not a WXR export. ${EXPECTED}`);
    }
    parsed = parseWxrRecords(
      file,
      channel,
      items,
      records.filter((r) => r.local === 'author'),
    );
  } else {
    throw new ExportFileError(file, root.line, undefined, `unexpected root element <${root.local}>${root.ns ? ` (namespace ${root.ns})` : ''}. ${EXPECTED}`);
  }
  parsed.recovered.push(...recovered);
  return parsed;
}
