/**
 * A WhatsApp chat in which the subject hides invisible characters (fixtures/invisible-characters): a zero-width
 * space in their display name on some lines and inside a threat, a word joiner, a soft hyphen and a Hangul filler
 * in other messages, beside ordinary emoji drawn with joiners and selectors (👨‍👩‍👧, ❤️, the flag of Scotland). Every
 * report a reader looks at (text, Markdown, HTML) and the timeline CSV show the hidden characters as `<U+200B>`
 * markers and keep the emoji whole; JSON keeps the exact text.
 *
 * The sender "Sa\u200Bm" is counted as the subject "Sam" and shown as "Sam": the identity resolver compares display
 * names without zero-width spaces, joiners, direction marks and U+FEFF (timeline/identities.ts), so this is one
 * person; the name is shown with the joiners of its emoji.
 */
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/model/index.js';
import { cli, NOW, ROOT, STACK } from '../helpers/cli.js';
import { scratch } from '../helpers/robustness.js';

const FIXTURE = path.join(ROOT, 'fixtures/invisible-characters/WhatsApp Chat with Sam.txt');
// WhatsApp names the export after the contact as saved on the phone, hidden characters and all.
const s = scratch('chronolog-invisible-');
afterAll(() => s.cleanup());
const file = path.join(s.dir, 'WhatsApp Chat with Sa\u200Bm.txt');
copyFileSync(FIXTURE, file);

const FAMILY = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
const HEART = '\u2764\uFE0F';
const SCOTLAND = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}';
const THREAT = 'I will f\u200Bi\u200Bn\u200Bd you';

const OPTS = ['--tz', 'Europe/London', '--date-order', 'dmy', '--subject', 'name:Sam'];
const VICTIM = ['--victim', 'Alex Morgan'];
function run(args: string[]): string {
  const r = cli([...args, file, ...OPTS, ...VICTIM]);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).not.toMatch(STACK);
  return r.stdout;
}
const report = (format: string) => run(['report', '--format', format, '--now', NOW]);

/** Every hidden character the chat holds, raw. */
const HIDDEN = /[\u00AD\u200B\u2060\u3164]/u;
/** The emoji with their joiners and selectors taken out: what a report must not show. */
const BROKEN = [
  '\u{1F468}<U+200D>',
  '\u{1F468}\\<U\\+200D',
  '\u2764<U+FE0F>',
  '\u2764\\<U\\+FE0F',
  '<U+E0067>',
  'U\\+E0067',
  'U+E0067&#62;',
];

describe('invisible characters in a realistic chat', () => {
  it('json keeps the exact text, and counts the lines from "Sa\\u200Bm" as the subject Sam', () => {
    const r = ReportSchema.parse(
      JSON.parse(run(['report', '--format', 'json', '--chronology', '--now', NOW])),
    );
    expect(r.accounting.incidents).toBe(5);
    const rows = r.chronology!;
    expect(rows.map((c) => c.text)).toEqual([
      "You can't ignore me forever",
      THREAT,
      `We were a family ${FAMILY} ${HEART}`,
      'Sa\u2060m never forgets\u00AD',
      `${SCOTLAND} see you in Glasgow\u3164`,
    ]);
    // The resolver's fold: one person, shown as the name without the zero-width space.
    expect(new Set(rows.map((c) => c.sender))).toEqual(new Set(['Sam']));
    expect(r.inputs[0]!.path).toBe(file);
  });

  it('markdown shows each hidden character as a marker and keeps the emoji whole', () => {
    const out = report('markdown');
    expect(out).not.toMatch(HIDDEN);
    expect(out).toContain('I will f\\<U\\+200B\\>i\\<U\\+200B\\>n\\<U\\+200B\\>d you');
    expect(out).toContain('Sa\\<U\\+2060\\>m never forgets\\<U\\+00AD\\>');
    expect(out).toContain('see you in Glasgow\\<U\\+3164\\>');
    expect(out).toContain(`We were a family ${FAMILY} ${HEART}`);
    expect(out).toContain(`${SCOTLAND} see you in Glasgow`);
    expect(out).toContain('WhatsApp Chat with Sa\\<U\\+200B\\>m.txt');
    for (const b of BROKEN) expect(out).not.toContain(b);
  });

  it('html shows each hidden character as a styled marker and keeps the emoji whole', () => {
    const out = report('html');
    expect(out).not.toMatch(HIDDEN);
    const mark = (code: string) => `<span class="cc">&#60;U+${code}&#62;</span>`;
    // With its markers the word is a run of 28 characters, which may break anywhere (escape.ts).
    expect(out).toContain(
      `I will <span class="brk">f${mark('200B')}i${mark('200B')}n${mark('200B')}d</span> you`,
    );
    expect(out).toContain(`Sa${mark('2060')}m never forgets${mark('00AD')}`);
    expect(out).toContain(`see you in Glasgow${mark('3164')}`);
    expect(out).toContain(`We were a family ${FAMILY} ${HEART}`);
    expect(out).toContain(`${SCOTLAND} see you in Glasgow`);
    expect(out).toContain(`WhatsApp Chat with Sa${mark('200B')}m.txt`);
    for (const b of BROKEN) expect(out).not.toContain(b);
  });

  it('text shows the hidden character in the file name', () => {
    const out = report('text');
    expect(out).not.toMatch(HIDDEN);
    expect(out).toContain('WhatsApp Chat with Sa<U+200B>m.txt');
  });

  it('the timeline csv shows markers in the cells and keeps the emoji whole', () => {
    const rows: string[][] = parseCsv(run(['timeline', '--format', 'csv']));
    const text = rows.slice(1).map((r) => r[rows[0]!.indexOf('text')]);
    expect(text).toContain('I will f<U+200B>i<U+200B>n<U+200B>d you');
    expect(text).toContain(`We were a family ${FAMILY} ${HEART}`);
    expect(text).toContain(`${SCOTLAND} see you in Glasgow<U+3164>`);
    // The sender column gives each record's sender as written: here the difference shows.
    const sender = rows.slice(1).map((r) => r[rows[0]!.indexOf('sender')]);
    expect(sender).toContain('Sa<U+200B>m');
    expect(sender).toContain('Sam');
  });
});
