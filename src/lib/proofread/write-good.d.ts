/** write-good 1.x ships no types: the one function the wording check calls. */
declare module 'write-good' {
  interface Suggestion {
    index: number;
    offset: number;
    reason: string;
  }
  type Check = 'passive' | 'illusion' | 'so' | 'thereIs' | 'weasel' | 'adverb' | 'tooWordy' | 'cliches' | 'eprime';
  export default function writeGood(text: string, options?: Partial<Record<Check, boolean>> & { whitelist?: string[] }): Suggestion[];
}
