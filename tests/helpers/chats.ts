/**
 * Generated WhatsApp chats for tests that need many messages on given days (a source reading a file again from
 * the start, tests/pipeline/restart.test.ts and copy-warnings.test.ts).
 */

/** A number of a date or time written with two digits. */
export const two = (n: number): string => String(n).padStart(2, '0');

/** `perDay` messages on each of `days` of `month` 2024, dates written in `order`; every 7th from the victim. */
export function chat(month: number, days: number[], perDay: number, order: 'dmy' | 'mdy'): string {
  let out = '';
  for (const d of days) {
    const date = order === 'dmy' ? `${two(d)}/${two(month)}/2024` : `${two(month)}/${two(d)}/2024`;
    for (let k = 0; k < perDay; k++) {
      out += `${date}, ${two(Math.floor(k / 100) % 24)}:${two(k % 60)} - ${k % 7 === 0 ? 'You' : 'Sam'}: message ${k} of the day\n`;
    }
  }
  return out;
}

/** The whole numbers from `from` to `to`, both included. */
export const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, k) => from + k);
