/** Text no field may break: the names, titles and bodies of the hostile-data tests. */
export const HOSTILE = {
  gt: 'Mom > Dad',
  tag: '<script>alert("x")</script> <b>not bold</b>',
  quotes: `"double" and 'single' quotes & ampersands &amp; &lt;`,
  rtl: 'مرحبا بالعالم שלום עולם',
  emoji: 'Duck 🦆 doctor 👩‍⚕️ flag 🏳️‍🌈',
  long: `${'Longname'.repeat(49)}Endword`.slice(0, 400),
};

/** About 1 MB of words, with one word that appears nowhere else. */
export function hugeBody(marker: string): string {
  const sentence = 'The quick brown fox jumps over the lazy dog near the clinic door. ';
  return `${sentence.repeat(Math.ceil(1_000_000 / sentence.length / 2))}${marker} ${sentence.repeat(Math.ceil(1_000_000 / sentence.length / 2))}`;
}
