/**
 * With `--shift-dates` every written date must go, since one unshifted date beside a shifted record gives the
 * secret shift away. Some forms stayed, whole or in part: a day, month and year joined by dashes or written
 * together (`14-Mar-2024` became `14-Mar-[YEAR]`), the German, French, Spanish and Portuguese months chronolog's
 * exports are written in (`am 14. März 2024` became `am 14. März [YEAR]`; `el 14 de marzo` stayed), a day written
 * as a word (`the fourteenth of March`), a German day and one-digit month (`am 14.3.`), a month alone after a
 * word of time (`since February`), a two-digit year (`back in '23`) and a season (`the 2023/24 season` became
 * `the [YEAR]/24 season`). Each is now `[DATE]` or `[YEAR]`; times, decimals, counts and verbs stay, and so do
 * English words that look like the foreign forms ("no mayo", "3 Mars bars", "rose by 2.5.", "I am 5.9.") and a
 * given name after "from" ("a text from May").
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { anonymiseCommand } from '../../src/cli/commands/anonymise.js';
import { Redactor } from '../../src/timeline/anonymise/index.js';
import { env, KEY_A, keyFile, scratch } from './env.js';

const shifted = () => new Redactor([], 'GB', { shiftedDates: true });

describe('anonymise --shift-dates: dates written in other forms and languages', () => {
  it('replaces them in a diary anonymised with --shift-dates', async () => {
    const tmp = scratch();
    const dir = path.join(tmp, 'in');
    mkdirSync(dir, { recursive: true });
    cpSync('fixtures/anonymise-written-dates', dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'case.json'),
      JSON.stringify({
        timezone: 'Europe/London',
        region: 'GB',
        victim: { name: 'Alex Morgan', identifiers: ['Alex Morgan'] },
        subject: { name: 'Sam Sample', identifiers: ['Sam Sample'] },
      }),
    );
    const out = path.join(tmp, 'out');
    const flags = { keyFile: keyFile(tmp, KEY_A), out, quiet: true, shiftDates: true };
    expect(await anonymiseCommand([dir], flags as never, env)).toBe(0);
    const texts = readFileSync(path.join(out, 'input-001.jsonl'), 'utf8')
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { text: string }).text);
    expect(texts).toEqual([
      'He said the order runs out on [DATE] and he will wait',
      'Er schrieb: am [DATE] hast du mich blockiert, seit [DATE] rede ich mit niemandem',
      'Il dit que le [DATE] était le début, el [DATE] también',
      'Back in [YEAR] you promised, since [DATE] nothing, the [YEAR] season was ours',
      'He wrote the [DATE], am [DATE] again, and rang at 21:07',
    ]);
  });

  it.each([
    ['on 14-Mar-2024', 'on [DATE]'],
    ['on 14Mar2024', 'on [DATE]'],
    ['on 14/Mar/24 and 3-Apr', 'on [DATE] and [DATE]'],
    ['the fourteenth of March, 2024', 'the [DATE]'],
    ['March the fourteenth', '[DATE]'],
    ['on the twenty-first of June', 'on the [DATE]'],
    ['am 14. März 2024', 'am [DATE]'],
    ['on 14 März', 'on [DATE]'],
    ['le 14 mars 2024, le 1er mai', 'le [DATE], le [DATE]'],
    ['el 14 de marzo', 'el [DATE]'],
    ['14 de março de 2024', '[DATE]'],
    ['im Dezember 2023, Marzo de 2024', 'im [DATE], [DATE]'],
    ['am 14.3. war er da', 'am [DATE] war er da'],
    ['since February', 'since [DATE]'],
    ['since last Feb', 'since last [DATE]'],
    ['in May we moved, by the end of March', 'in [DATE] we moved, by the end of [DATE]'],
    ['seit März, depuis mars, desde febrero', 'seit [DATE], depuis [DATE], desde [DATE]'],
    ["back in '23", 'back in [YEAR]'],
    ["the '90s were fun", 'the [YEAR] were fun'],
    ['the 2023/24 season', 'the [YEAR] season'],
    ['from 2023/2024', 'from [YEAR]/[YEAR]'],
    ['from May to July, from June onwards', 'from [DATE] to [DATE], from [DATE] onwards'],
    ['a text from May 3rd, a call from March', 'a text from [DATE], a call from [DATE]'],
    ['le 14 Mars, 14 mars, 14 Mars 2024', 'le [DATE], [DATE], [DATE]'],
    ['en mars, en mayo, até março', 'en [DATE], en [DATE], até [DATE]'],
    ['ich bin am 1.5. weg, until 14.3.', 'ich bin am [DATE] weg, until [DATE]'],
  ])('%s', (text, expected) => {
    expect(shifted().redact(text)).toBe(expected);
  });

  it.each([
    'I may come, you may the first time',
    'we march in line',
    'it was 14.3. degrees',
    "he said '23 times'",
    'at 21:07, then 14.5 km',
    'since Mai left',
    // English words before a foreign month or a dotted day and month, and a foreign month that is an English word.
    'I want no mayo on it and no Mars bars',
    'He ate Mars bars',
    'He is 3 Mars bars down',
    'prices rose by 2.5. Then fell',
    'I am 5.9. Not tall',
    // April, May and June after "from" alone are as often a person.
    'Got a text from May and a call from April',
  ])('keeps %s', (text) => {
    expect(shifted().redact(text)).toBe(text);
  });

  it('keeps them without --shift-dates', () => {
    const r = new Redactor([], 'GB');
    for (const text of [
      'on 14-Mar-2024',
      'am 14. März 2024',
      'since February',
      "back in '23",
      'the 2023/24 season',
    ])
      expect(r.redact(text)).toBe(text);
  });
});
