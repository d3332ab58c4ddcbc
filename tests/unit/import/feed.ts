import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A small Takeout feed.atom written by a test, for inputs too odd to keep as fixtures. */

export interface TestPost {
  id: string;
  path: string;
  title?: string;
  labels?: string[];
  html?: string;
  published?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&apos;');

export function takeoutFeed(posts: readonly TestPost[]): string {
  const entries = posts.map(
    (p) => `  <entry>
    <id>tag:blogger.com,1999:blog-1.post-${p.id}</id>
    <blogger:type>POST</blogger:type><blogger:status>LIVE</blogger:status>
    <author><name>Dinah</name><blogger:type>BLOGGER</blogger:type></author>
    <title>${esc(p.title ?? 'A post')}</title>
    <content type='html'>${esc(p.html ?? '<p>Text.</p>')}</content>
    <published>${p.published ?? '2009-02-10T10:00:00.000-05:00'}</published>
${(p.labels ?? []).map((l) => `    <category term='${esc(l)}'/>`).join('\n')}
    <blogger:filename>${esc(p.path)}</blogger:filename>
  </entry>`,
  );
  return `<?xml version='1.0' encoding='UTF-8'?>\n<feed xmlns='http://www.w3.org/2005/Atom' xmlns:blogger='http://schemas.google.com/blogger/2018'>\n  <id>tag:blogger.com,1999:blog-1</id>\n${entries.join('\n')}\n</feed>\n`;
}

export function writeTakeout(dir: string, posts: readonly TestPost[], name = 'feed.atom'): string {
  const file = join(dir, name);
  writeFileSync(file, takeoutFeed(posts));
  return file;
}
