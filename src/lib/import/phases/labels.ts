import { buildLabelIndex, LabelCollisionError } from '../../labels';
import type { ExistingContent } from '../existing';
import type { PlannedFile, Problems } from './types';

/**
 * Between documents and writing: the build's own label check (src/lib/labels.ts) on
 * the labels the site will have after the import, the posts already there included.
 * Spellings the build would refuse ("Jails" and "JAILS", "Café" and "cafe") stop
 * the import with the labels and the entries named, before anything is written;
 * the fix is an alias in content/labels.yaml, which this check then honours.
 */
export function checkLabels(documents: readonly PlannedFile[], existing: ExistingContent, problems: Problems) {
  const incoming = new Map<string, { file: string; labels: readonly string[] }>();
  for (const f of documents) if (f.kind === 'post') incoming.set(idOf(f.rel), { file: f.labels?.where ?? f.rel, labels: f.labels?.labels ?? [] });
  const already = [...existing.posts.values()]
    .filter((d) => !incoming.has(d.id))
    .map((d) => ({ file: `content/${d.rel}`, labels: d.labels ?? [] }));
  try {
    buildLabelIndex([...already, ...incoming.values()], existing.labelInfo);
  } catch (e) {
    if (!(e instanceof LabelCollisionError)) throw e;
    problems.push(`labels the site would refuse. ${e.message}\nFor this import, content/labels.yaml could say:\n${aliasSuggestion(e.groups)}`);
  }
}

/** A labels.yaml entry per colliding group: the spelling most entries use, the others as its aliases. */
function aliasSuggestion(groups: LabelCollisionError['groups']): string {
  return groups
    .map((g) => {
      const [main, ...others] = [...g].sort((a, b) => b.files.length - a.files.length);
      return `  ${JSON.stringify(main!.label)}:\n    aliases: [${others.map((o) => JSON.stringify(o.label)).join(', ')}]`;
    })
    .join('\n');
}

const idOf = (rel: string) => rel.replace(/^posts\//, '').replace(/\.mdx?$/, '');
