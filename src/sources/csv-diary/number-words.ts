/**
 * Clock times written in words: "ten to nine pm", "half past eight in the evening", "eleven at night", "nine".
 * Numbers written as words, one to twelve, twenty and twenty-five, are read as the digits are, when the cell
 * cannot be read as written (times.ts); other number words ("thirteen", "twenty one") are not, and words that are
 * still no time ("one of the neighbours saw") keep only the date.
 */

// Number words, one list: those a clock time is said with are read as digits ("ten to nine pm", "half past eight
// in the evening", "twenty-five to three pm", "eleven at night"): one to twelve, twenty and twenty-five. The others
// ("thirteen", "forty") are here only so that two joined words ("twenty-one", "ten forty") are seen as one number
// or a time these words do not spell (JOINED_NUMBER_WORDS), never read half as digits.
const NUMBER_VALUES = new Map<string, number>(
  [
    'one two three four five six seven eight nine ten eleven twelve',
    'thirteen fourteen fifteen sixteen seventeen eighteen nineteen',
  ]
    .join(' ')
    .split(' ')
    .map((w, i) => [w, i + 1] as const)
    .concat([
      ['twenty', 20],
      ['thirty', 30],
      ['forty', 40],
      ['fifty', 50],
    ]),
);
const SAID_IN_CLOCK = (n: number): boolean => n <= 12 || n === 20;
const TWENTY_FIVE = 'twenty[- ]?five';
// Whole words only ("often" holds no "ten").
const NUMBER_WORD = new RegExp(
  `\\b(?:${TWENTY_FIVE}|${[...NUMBER_VALUES].flatMap(([w, n]) => (SAID_IN_CLOCK(n) ? [w] : [])).join('|')})\\b`,
  'g',
);
const ANY_NUMBER_WORD = [...NUMBER_VALUES.keys()].join('|');
// Two number words joined by a hyphen or a space, but for "twenty-five" (one of the words read).
const JOINED_NUMBER_WORDS = new RegExp(
  `\\b(?!${TWENTY_FIVE}\\b)(?:${ANY_NUMBER_WORD})[- ](?:${ANY_NUMBER_WORD})\\b`,
);
/** The value of a word NUMBER_WORD matched. */
function numberValue(w: string): number {
  return NUMBER_VALUES.get(w) ?? 25;
}

/**
 * `t` (lower-cased) with the number words a clock time is said with written as digits ("ten to nine pm" → "10 to
 * 9 pm"), or undefined when it has none, or has number words joined to each other ("twenty-one", "ten-twenty
 * pm", "ten twenty"): those are one number or a clock time these words do not spell, and as digits they would
 * read as a range ("20-1", "10-20 pm"), so they stay words.
 */
export function numberWordsAsDigits(t: string): string | undefined {
  if (JOINED_NUMBER_WORDS.test(t)) return undefined;
  const digits = t.replace(NUMBER_WORD, (w) => String(numberValue(w)));
  return digits === t ? undefined : digits;
}
