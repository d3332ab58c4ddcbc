import { readFileSync } from 'node:fs';
import { parseExportText } from '../src/lib/import/detect';
for (const f of ['ghost-importer-blogger.xml','pelican-bloggerexport.xml']) {
const p = parseExportText(f, readFileSync('/work/shared/fixtures/peers/'+f, 'utf8'));
console.log(f, p.settings.BLOG_CONVERT_LINE_BREAKS);
for (const e of p.entries) console.log('----', e.title, e.author, e.labels, e.published, '\n', JSON.stringify(e.html.slice(0, 1500)));
for (const c of p.comments.slice(0,3)) console.log(c);
}
