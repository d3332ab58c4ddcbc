/**
 * The blog's house style: names and terms it always writes one way. Each entry is a pattern
 * (a regular expression, matched as whole words, any case) and what to write instead ($1 and
 * so on refer to the pattern's groups). A match already written the house way is not reported.
 */
export const HOUSE_STYLE_TERMS: ReadonlyArray<readonly [pattern: string, write: string]> = [
  ['Clink ?shrink', 'ClinkShrink'],
  ['Clink-shrink', 'ClinkShrink'],
  ['Shrinkrap', 'Shrink Rap'],
  ['Shrink-rap', 'Shrink Rap'],
  ['My 3 Shrinks', 'My Three Shrinks'],
  ["Tourette'?s syndrome", 'Tourette syndrome'],
  ['e-mail(s?)', 'email$1'],
  ['electro-?shock therapy', 'electroconvulsive therapy (ECT)'],
  ['shock treatment(s?)', 'electroconvulsive therapy (ECT)'],
];

export interface HouseStyleMatch {
  index: number;
  found: string;
  write: string;
}

/** Punctuation that may follow a term (so "Shrinkrap's" and "shrinkrap.net" are left alone). */
const AFTER = String.raw`[.,;:!?'"’”)]`;

/**
 * A whole-word pattern: not inside a hyphenated word or after a dot (file names, hosts), and
 * followed by a space, the end, or punctuation that ends a phrase.
 */
function wholeWord(pattern: string): RegExp {
  return new RegExp(String.raw`(?<=^|[^-\w])(?<!\.)\b(?:${pattern})\b(?= |${AFTER} |${AFTER}${AFTER}|${AFTER}$|$)`, 'gim');
}

const RULES = HOUSE_STYLE_TERMS.map(([pattern, write]) => ({ find: wholeWord(pattern), one: new RegExp(pattern, 'i'), write }));

/** House-style slips in one run of prose text. */
export function findHouseStyleIssues(text: string): HouseStyleMatch[] {
  const found: HouseStyleMatch[] = [];
  for (const rule of RULES) {
    for (const m of text.matchAll(rule.find)) {
      let write = m[0].replace(rule.one, rule.write);
      // A capital at the start of a sentence stays a capital.
      const atSentenceStart = m.index === 0 || /\w+[!.?]\)? $/.test(text.slice(0, m.index));
      if (atSentenceStart && m[0][0] === m[0][0]!.toUpperCase()) write = write.charAt(0).toUpperCase() + write.slice(1);
      if (m[0] !== write) found.push({ index: m.index, found: m[0], write });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}
