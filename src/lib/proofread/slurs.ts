import type { PersonFirstMatch } from './person-first';

/**
 * Slurs about disability, ethnicity, sexuality and gender identity, with what to say instead:
 * the blog's own short list (it replaced a general inclusive-language package that brought in
 * hundreds of dependencies for these few words). Psychiatric wording is person-first.ts's.
 */

interface Slur {
  pattern: RegExp;
  say: string;
}

const SLURS: Slur[] = [
  { pattern: /\bgimps?\b/gi, say: '"person with a limp"' },
  { pattern: /\bmongoloids?\b/gi, say: '"person with Down syndrome"' },
  { pattern: /\bspaz(?:zes)?\b|\bspastics?\b/gi, say: '"person with cerebral palsy", "twitch" or "flinch"' },
  { pattern: /\bdeaf[- ]?mutes?\b|\bdeaf and dumb\b/gi, say: '"deaf"' },
  { pattern: /\bstutterers?\b/gi, say: '"person who stutters"' },
  { pattern: /\bmidgets?\b|\bdwarfs?\b|\bdwarves\b/gi, say: '"person with dwarfism", "little person" or "person of short stature"' },
  { pattern: /\bhare[- ]?lip(?:s|ped)?\b/gi, say: '"cleft lip" or "person with a cleft lip"' },
  { pattern: /\bcretins?\b/gi, say: '"fool", or "person with congenital hypothyroidism" if that is what you mean' },
  { pattern: /\bstroke victims?\b/gi, say: '"person who has had a stroke"' },
  { pattern: /\baids victims?\b/gi, say: '"person with AIDS"' },
  { pattern: /\b(?:multiple sclerosis|ms) victims?\b/gi, say: '"person with multiple sclerosis"' },
  { pattern: /\bvictims? of polio\b|\bpolio victims?\b/gi, say: '"person who had polio"' },
  { pattern: /\blearning[- ]disabled\b/gi, say: '"person with a learning disability"' },
  { pattern: /\bintellectually[- ]disabled\b/gi, say: '"person with an intellectual disability"' },
  { pattern: /\bbirth defects?\b/gi, say: '"congenital disability" or "congenital condition"' },
  { pattern: /\bspecial olympians?\b/gi, say: '"athletes"' },
  { pattern: /\btrann(?:y|ies)\b/gi, say: '"transgender person"' },
  { pattern: /\bfag(?:s|got|gots)?\b/gi, say: '"gay man"' },
  { pattern: /\btransgendered\b/gi, say: '"transgender"' },
  { pattern: /\btransgenders\b/gi, say: '"transgender people"' },
  { pattern: /\bsex[- ]change(?: operations?| surgery)?\b/gi, say: '"transition" or "gender-affirming surgery"' },
  { pattern: /\bhe-?shes?\b|\bshe-?males?\b/gi, say: '"transgender person"' },
  { pattern: /\borientals?\b(?!\s+(?:rugs?|carpets?|medicine))/gi, say: '"Asian" (or the person\'s nationality)' },
  { pattern: /\beskimos?\b/gi, say: '"Inuit" or "Yupik"' },
  { pattern: /\bredskins?\b/gi, say: '"Native American"' },
  { pattern: /\bjaps\b/gi, say: '"Japanese people"' },
  { pattern: /\btowel[- ]?heads?\b/gi, say: '"Arab people" (or the person\'s nationality)' },
  { pattern: /\bhymies?\b/gi, say: '"Jewish person"' },
  { pattern: /\bgyp(?:s|ped|ping)?\b/gi, say: '"cheat" or "swindle"' },
  { pattern: /\bwife[- ]?beaters?\b(?=\s+(?:shirt|top|vest|undershirt)|\s*$|[.,;])/gi, say: '"tank top" or "sleeveless undershirt"' },
];

/** Every slur in a piece of prose, in order. */
export function findSlurs(text: string): PersonFirstMatch[] {
  const found: PersonFirstMatch[] = [];
  for (const { pattern, say } of SLURS) {
    pattern.lastIndex = 0;
    for (const m of text.matchAll(pattern)) {
      found.push({ index: m.index, length: m[0].length, found: m[0], say, why: '' });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** The rule id the wording check reports under. */
export const SLURS_RULE = 'slurs';

/** The message for one slur: "what" and "fix" on two lines, as person-first.ts writes them. */
export const slurMessage = (s: PersonFirstMatch) => `"${s.found}" can be hurtful to the people it describes.\nConsider ${s.say}.`;
