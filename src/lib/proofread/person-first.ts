/**
 * Wording that stigmatises people with mental illness, with what to say instead.
 *
 * General inclusive-language tools get psychiatry wrong: they flag "mental
 * health", "psychopathology", "delirious", "manic", "OCD" and "the insanity defense",
 * and suggest "rude" for "crazy". This list is the blog's own: person-first wording
 * for people, clinical words left alone, legal terms (insanity, criminally insane,
 * Alcoholics Anonymous) excepted. Each entry says why, because the authors will want
 * to decide for themselves, and a quotation or a discussion of the word itself is fine.
 */

export interface PersonFirstMatch {
  /** Offset of the match in the text. */
  index: number;
  length: number;
  /** The words as written. */
  found: string;
  /** What to write instead (or how to choose). */
  say: string;
  /** Why, in one short sentence. */
  why: string;
}

interface Term {
  pattern: RegExp;
  say: (m: RegExpExecArray) => string;
  why: string;
}

const PEOPLE =
  'patients?|people|persons?|m[ae]n|wom[ae]n|inmates?|prisoners?|offenders?|individuals?|adults?|children|kids|teens?|teenagers?|defendants?|clients?|mothers?|fathers?|parents?|sons?|daughters?|brothers?|sisters?|veterans?|students?|residents?';

const CASUAL_WHY = 'Casual words for mental illness turn it into a joke or a threat, and readers include patients.';

const CASUAL: Record<string, string> = {
  crazy: 'say what you mean: "chaotic", "absurd", "unbelievable", "wild" or "frightening"',
  crazier: 'say what you mean: "more chaotic", "more absurd"',
  craziest: 'say what you mean: "most absurd", "wildest"',
  craziness: 'say what you mean: "chaos", "absurdity"',
  nuts: 'say what you mean: "absurd", "unreasonable", "furious"',
  nutty: 'say what you mean: "odd", "absurd"',
  nutcase: 'describe the person or the behaviour instead',
  'nut job': 'describe the person or the behaviour instead',
  loony: 'say "absurd", or "person with a mental illness" if that is what you mean',
  looney: 'say "absurd", or "person with a mental illness" if that is what you mean',
  loonies: 'describe the people or the behaviour instead',
  'loony bin': '"psychiatric hospital"',
  madhouse: '"psychiatric hospital", or "chaos" if you mean a scene',
  wacko: 'describe the person or the behaviour instead',
  whacko: 'describe the person or the behaviour instead',
  bonkers: 'say what you mean: "absurd", "furious"',
  batshit: 'say what you mean: "absurd", "furious"',
  psycho: 'describe the behaviour ("violent", "frightening"), or say "person with psychosis" if that is what you mean',
  psychos: 'describe the behaviour, or say "people with psychosis" if that is what you mean',
  lunatic: 'describe the behaviour, or say "person with a mental illness" if that is what you mean',
  lunatics: 'describe the behaviour, or say "people with mental illness" if that is what you mean',
  lunacy: '"folly" or "absurdity"',
  madman: 'describe the behaviour ("a violent man", "a frightening man")',
  madmen: 'describe the behaviour instead',
  insane: '"unreasonable", "absurd" or "extreme"; keep "insane" for its legal sense',
  insanely: '"extremely" or "absurdly"',
  schizo: '"person with schizophrenia"',
  schizos: '"people with schizophrenia"',
  retard: '"person with an intellectual disability" (or "fool" if you mean an insult: better not at all)',
  retards: '"people with intellectual disabilities"',
  retarded: '"with an intellectual disability" (or "foolish" if you mean it as an insult: better not at all)',
  junkie: '"person who uses drugs" or "person with an opioid use disorder"',
  junkies: '"people who use drugs" or "people with a substance use disorder"',
};

const SUFFER: Record<string, string> = { suffer: 'have', suffers: 'has', suffered: 'had', suffering: 'living with' };
const COMMIT: Record<string, string> = {
  commit: 'die by suicide',
  commits: 'dies by suicide',
  committed: 'died by suicide',
  committing: 'dying by suicide',
};

const lower = (s: string) => s.toLowerCase();
const q = (s: string) => `"${s}"`;

const TERMS: Term[] = [
  {
    pattern: /\b(commit(?:s|ted|ting)?)\s+suicide\b/gi,
    say: (m) => q(COMMIT[lower(m[1]!)]!),
    why: '"Committed" dates from when suicide was a crime.',
  },
  {
    pattern: /\b(?:completed|successful)\s+suicides?\b/gi,
    say: () => '"suicide" or "died by suicide"',
    why: '"Completed" and "successful" make a death sound like an achievement.',
  },
  {
    pattern: /\b(?:failed|unsuccessful)\s+suicide(?:\s+attempts?)?\b/gi,
    say: () => '"suicide attempt" or "survived a suicide attempt"',
    why: '"Failed" makes surviving sound like a failure.',
  },
  { pattern: /\bschizophrenics\b/gi, say: () => '"people with schizophrenia"', why: 'A person is more than a diagnosis.' },
  {
    pattern: new RegExp(`\\bschizophrenic\\s+(${PEOPLE})\\b`, 'gi'),
    say: (m) => q(`${lower(m[1]!)} with schizophrenia`),
    why: 'A person is more than a diagnosis.',
  },
  {
    pattern: /\b(an?|the)\s+schizophrenic\b(?!\s+(?:illness|disorders?|episodes?|symptoms?|process|spectrum|break|relapse|psychosis|patients?|people|persons?|m[ae]n|wom[ae]n))/gi,
    say: (m) => q(`${lower(m[1]!) === 'the' ? 'the' : 'a'} person with schizophrenia`),
    why: 'A person is more than a diagnosis.',
  },
  {
    pattern: /\b(is|am|are|was|were|being)\s+schizophrenic\b/gi,
    say: (m) => q(`${({ is: 'has', am: 'have', are: 'have', was: 'had', were: 'had', being: 'having' } as Record<string, string>)[lower(m[1]!)]} schizophrenia`),
    why: 'A person has an illness; they are not the illness.',
  },
  { pattern: /\bbipolars\b/gi, say: () => '"people with bipolar disorder"', why: 'A person is more than a diagnosis.' },
  {
    pattern: /\b(is|am|are|was|were)\s+(?:so\s+|totally\s+|very\s+)?bipolar\b(?!\s+(?:disorder|illness|depression|affective|type|I\b|II\b|1\b|2\b))/gi,
    say: (m) => q(`${({ is: 'has', am: 'have', are: 'have', was: 'had', were: 'had' } as Record<string, string>)[lower(m[1]!)]} bipolar disorder`),
    why: 'A person has an illness; they are not the illness. As a figure of speech ("the weather is bipolar") it trivialises it.',
  },
  {
    pattern: new RegExp(`\\bmentally\\s+ill\\s+(${PEOPLE}|population)\\b`, 'gi'),
    say: (m) => q(`${lower(m[1]!)} with mental illness`),
    why: 'Person-first: the illness is something people have, not what they are.',
  },
  {
    pattern: new RegExp(`\\bthe\\s+mentally\\s+ill\\b(?!\\s+(?:${PEOPLE}|population))`, 'gi'),
    say: () => '"people with mental illness"',
    why: 'Person-first: "the mentally ill" makes a group out of a diagnosis.',
  },
  {
    pattern: /\b(suffer(?:s|ed|ing)?)\s+from\b/gi,
    say: (m) => q(SUFFER[lower(m[1]!)]!),
    why: 'It assumes a life of suffering; say what the person has. (Fine when it is not about a person and an illness.)',
  },
  {
    pattern: /\bafflicted\s+(?:with|by)\b/gi,
    say: () => '"has" or "lives with"',
    why: 'It casts the person as a victim; say what the person has.',
  },
  {
    pattern: /\b(an?|the)\s+addict\b/gi,
    say: (m) => q(`${lower(m[1]!) === 'the' ? 'the' : 'a'} person with an addiction`),
    why: 'Person-first wording reduces the blame that keeps people from treatment.',
  },
  { pattern: /\baddicts\b/gi, say: () => '"people with addiction" or "people who use drugs"', why: 'Person-first wording reduces the blame that keeps people from treatment.' },
  {
    pattern: /\balcoholics\b(?!\s+Anonymous)/gi,
    say: () => '"people with alcohol use disorder"',
    why: 'Person-first wording reduces the blame that keeps people from treatment.',
  },
  {
    pattern: /\b(an?|the)\s+alcoholic\b(?!\s+(?:beverages?|drinks?|liver|hepatitis|cirrhosis|cardiomyopathy|neuropathy|ketoacidosis|hallucinosis|dementia|parents?|fathers?|mothers?|Anonymous|content|proof))/gi,
    say: (m) => q(`${lower(m[1]!) === 'the' ? 'the' : 'a'} person with alcohol use disorder`),
    why: 'Person-first wording reduces the blame that keeps people from treatment.',
  },
  {
    pattern: /\b(substance|drug|alcohol)\s+abusers?\b/gi,
    say: (m) => (/s$/i.test(m[0]) ? '"people with a substance use disorder"' : '"person with a substance use disorder"'),
    why: '"Abuser" is a label that blames; the diagnosis is substance use disorder.',
  },
  {
    pattern: /\bmental\s+(patients?|cases?)\b/gi,
    say: (m) => (/patient/i.test(m[1]!) ? q(`psychiatric ${lower(m[1]!)}`) : '"person with a mental illness"'),
    why: 'It defines people by the illness.',
  },
  {
    pattern: /\b(?:so|very|totally|a\s+bit|a\s+little|kind\s+of|kinda|super)\s+OCD\b/gi,
    say: () => '"meticulous", "particular" or "a perfectionist"',
    why: 'OCD is a disabling illness, not a personality quirk.',
  },
  { pattern: /\banorexics\b/gi, say: () => '"people with anorexia"', why: 'A person is more than a diagnosis.' },
  { pattern: /\bdepressives\b/gi, say: () => '"people with depression"', why: 'A person is more than a diagnosis.' },
  { pattern: /\bepileptics\b/gi, say: () => '"people with epilepsy"', why: 'A person is more than a diagnosis.' },
  {
    pattern: /\bthe\s+disabled\b(?!\s+(?:list|parking|entrance|access))/gi,
    say: () => '"people with disabilities"',
    why: 'Person-first: the disability is something people have.',
  },
  {
    pattern: /\bthe\s+homeless\b(?!\s+(?:shelters?|population|people|persons?|m[ae]n|wom[ae]n|services?|programs?|outreach|veterans?|clinics?|camps?|count))/gi,
    say: () => '"people who are homeless" or "people experiencing homelessness"',
    why: 'Person-first: homelessness is a situation, not an identity.',
  },
  {
    pattern: /\b(?:wheelchair[- ]bound|confined\s+to\s+a\s+wheelchair)\b/gi,
    say: () => '"uses a wheelchair"',
    why: 'A wheelchair gives freedom; it does not confine.',
  },
  {
    // Legal senses are kept: "criminally insane" (old statutes), "insanity" (the defense).
    pattern: /(?<!\bcriminally\s)\b(crazy|crazier|craziest|craziness|nutty|nutcase|nut job|loony bin|loony|looney|loonies|madhouse|wacko|whacko|bonkers|batshit|psychos?|lunatics?|lunacy|madm[ae]n|insane|insanely|schizos?|retards?|retarded|junkies|junkie)\b/gi,
    say: (m) => CASUAL[lower(m[1]!)] ?? 'describe the behaviour instead',
    why: CASUAL_WHY,
  },
  {
    // "nuts" alone, not "nuts and bolts" or food.
    pattern: /\b(?:go(?:es|ing|ne)?|went|drives?|driving|drove|is|are|was|were|am|be|been|'s|'re)\s+(nuts)\b(?!\s+and\s+bolts)/gi,
    say: () => CASUAL.nuts!,
    why: CASUAL_WHY,
  },
];

/** Every stigmatising phrase in a piece of prose, in order, without overlaps. */
export function findPersonFirstIssues(text: string): PersonFirstMatch[] {
  const found: PersonFirstMatch[] = [];
  for (const term of TERMS) {
    term.pattern.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = term.pattern.exec(text))) {
      // For the "nuts" entry the flagged word is the group, not the verb before it.
      const word = term.pattern.source.includes('(nuts)') ? m[1]! : m[0];
      const index = m.index + m[0].lastIndexOf(word);
      found.push({ index, length: word.length, found: word, say: term.say(m), why: term.why });
    }
  }
  found.sort((a, b) => a.index - b.index || b.length - a.length);
  const kept: PersonFirstMatch[] = [];
  for (const f of found) {
    const last = kept.at(-1);
    if (last && f.index < last.index + last.length) continue; // the longer, earlier match wins
    kept.push(f);
  }
  return kept;
}

/** The rule id the wording check reports under. */
export const PERSON_FIRST_RULE = 'person-first';
