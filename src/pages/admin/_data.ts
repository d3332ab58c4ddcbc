import { getAuthors, getLabelIndex, getLabelInfo } from '../../data/content';
import { settings } from '../../data/settings';
import { siteConfig } from '../../site.config';
import { editorBackendFromEnv, type EditorConfigInput } from '../../lib/editor/config';

/** The registries the editor is generated from: authors, labels in use and labels.yaml. */
export async function editorRegistry() {
  const [authors, labelInfo, index] = await Promise.all([getAuthors(), getLabelInfo(), getLabelIndex()]);
  const counts = new Map(index.labels.map((l) => [l.label, l.count]));
  for (const l of labelInfo) if (!counts.has(l.id)) counts.set(l.id, 0);
  const aliases = new Map(labelInfo.flatMap((l) => l.data.aliases.map((a) => [a, l.id] as const)));
  return {
    timeZone: siteConfig.timeZone,
    authors: [...authors.values()].map((a) => ({ id: a.id, handle: a.data.handle, name: a.data.name })),
    labelCounts: [...counts],
    aliases: [...aliases],
  };
}

export async function editorConfigInput(): Promise<EditorConfigInput> {
  const registry = await editorRegistry();
  return {
    authors: registry.authors,
    labels: registry.labelCounts.map(([l]) => l),
    backend: editorBackendFromEnv(process.env),
    siteUrl: settings.site,
    base: settings.base,
    timeZone: registry.timeZone,
  };
}
