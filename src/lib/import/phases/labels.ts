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
    problems.push(`labels the site would refuse. ${e.message}`);
  }
}

const idOf = (rel: string) => rel.replace(/^posts\//, '').replace(/\.mdx?$/, '');
