import type { Check } from './types';

/** The description: missing, too short, longer than search results show. */
export const descriptionCheck: Check = {
  rule: 'description',
  needsFrontMatter: true,
  run({ data, doc }) {
    const d = data.description?.trim();
    const line = doc.keyLines.get('description');
    if (!d) {
      if (doc.frontmatter && 'description' in doc.frontmatter) return []; // empty: the schema check reports it
      return [
        {
          severity: 'warning',
          kind: 'description',
          message: 'The post has no description. Search engines, feeds and link previews will show its first lines instead.',
          fix: 'Add a line to the top block: description: "One or two sentences that say what the post is about."',
        },
      ];
    }
    if (d.length < 50) {
      return [{ severity: 'hint', kind: 'description', line, message: `The description is short (${d.length} characters).`, fix: 'One or two full sentences work best in search results.' }];
    }
    if (d.length > 160 && d.length <= 300) {
      return [{ severity: 'hint', kind: 'description', line, message: `The description is ${d.length} characters; search results show about 155.`, fix: 'Put the important part first.' }];
    }
    return [];
  },
};
