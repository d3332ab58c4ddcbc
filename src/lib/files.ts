import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Files under `dir` whose name matches, sorted, hidden entries skipped; [] when `dir` is absent. */
export function listFiles(dir: string, match: RegExp): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const visit = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      if (name.startsWith('.')) continue;
      const p = join(d, name);
      if (statSync(p).isDirectory()) visit(p);
      else if (match.test(name)) out.push(p);
    }
  };
  visit(dir);
  return out;
}
