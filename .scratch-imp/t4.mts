import { readFileSync, readdirSync } from 'node:fs';
import { parseExportText } from '../src/lib/import/detect';
const dir = '/work/shared/fixtures/peers/';
for (const f of readdirSync(dir).filter((f) => !f.endsWith('.md'))) {
  try {
    const p = parseExportText(dir + f, readFileSync(dir + f, 'utf8'));
    const cs: Record<string, number> = {};
    for (const c of p.comments) cs[c.state] = (cs[c.state] ?? 0) + 1;
    console.log(f, p.format, 'entries', p.entries.map((e) => `${e.kind}${e.draft ? '(d)' : ''}:${e.title.slice(0,20)}|${e.url ?? e.slug}`).join('; '), 'comments', JSON.stringify(cs), 'skipped', JSON.stringify(p.skipped), 'dropped', JSON.stringify(p.dropped), 'recovered', p.recovered, 'hosts', p.hosts);
  } catch (e) { console.log(f, 'ERROR', (e as Error).message); }
}
