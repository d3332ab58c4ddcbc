import { SaxesParser } from 'saxes';
function tryParse(xml: string) {
  const p = new SaxesParser({ xmlns: true, position: true });
  const out: string[] = [];
  p.on('opentag', (t) => out.push(`open ${t.uri} ${t.local} line ${p.line}`));
  p.on('doctype', (d) => out.push('doctype ' + d));
  p.on('text', (t) => out.push('text ' + JSON.stringify(t)));
  p.on('error', (e) => { out.push('ERR ' + e.message); });
  try { p.write(xml).close(); } catch (e) { out.push('THROW ' + (e as Error).message); }
  console.log(out.join('\n')); console.log('---');
}
tryParse(`<!DOCTYPE x [<!ENTITY a "bbbb">]><x>&a;</x>`);
tryParse(`<x><app:c>1</app:c></x>`);
tryParse("`<?xml version='1.0'?><x/>");
tryParse(`<x><t dsq:id=123/></x>`);
tryParse(`<x>&amp;lt; &#39; &nbsp;</x>`);
