/**
 * A WhatsApp export cut short at every byte from its second line on (fixtures/whatsapp-txt: an Android chat with
 * multi-line messages, notices, media and a blank line inside a message; an iOS chat with CRLF, LRMs and
 * seconds). Wherever it is cut, every record begun and recognised is counted once (records = events + skipped +
 * rejected, no line counted twice), and where the file ends inside the fixed part of a message header (its date,
 * time and framing, before the sender), the message that header begins is rejected at its line
 * (WHATSAPP_RECORD_CUT_SHORT) beside the WHATSAPP_TRUNCATED failure, and never emitted.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { whatsappTxt } from '../../src/sources/whatsapp-txt/index.js';
import { inPieces, runInput } from '../helpers/run-source.js';

/** Per file: the header pattern (the date, the time, then the framing up to the sender). */
const FILES = [
  ['fixtures/whatsapp-txt/android-24h-dmy.txt', /^(\d\d\/\d\d\/\d{4})(, \d\d:\d\d)( - )/],
  [
    'fixtures/whatsapp-txt/ios-en-gb-seconds-crlf.txt',
    /^(\u200e?\[\d\d\/\d\d\/\d{4})(, \d\d:\d\d:\d\d)(\] )/,
  ],
] as const;

interface HeaderLine {
  /** 1-based line number. */
  readonly line: number;
  /** Byte offsets in the file: the line's start, the end of its date, of its time, and of its framing. */
  readonly start: number;
  readonly date: number;
  readonly time: number;
  readonly fixed: number;
}

/** The message header lines of `bytes`, with where their parts end. */
function headers(bytes: Buffer, pattern: RegExp): HeaderLine[] {
  const out: HeaderLine[] = [];
  let start = 0;
  let line = 1;
  while (start < bytes.length) {
    let end = bytes.indexOf(10, start);
    if (end < 0) end = bytes.length;
    const m = pattern.exec(bytes.toString('utf8', start, end));
    if (m) {
      const len = (s: string) => Buffer.byteLength(s);
      const date = start + len(m[1]!);
      const time = date + len(m[2]!);
      out.push({ line, start, date, time, fixed: time + len(m[3]!) });
    }
    start = end + 1;
    line++;
  }
  return out;
}

describe.each(FILES)('%s cut at every byte', (file, pattern) => {
  const whole = readFileSync(file);
  const heads = headers(whole, pattern);

  it('has message headers on most lines', () => {
    expect(heads.length).toBeGreaterThan(10);
    expect(heads[0]!.line).toBe(1);
  });

  it('counts every record begun once, and rejects the one whose header the file ends inside', async () => {
    // From the second header on: a file cut inside its first header has no header to tell its layout by.
    for (let cut = heads[1]!.start; cut <= whole.length; cut++) {
      const at = `cut after ${cut} bytes`;
      // The order given: the first days of both chats are no later than the 12th, so a file cut early cannot
      // tell it (WHATSAPP_DATE_ORDER_AMBIGUOUS, which rejects every message; not what is tested here).
      const r = await runInput(whatsappTxt, inPieces(whole.subarray(0, cut), 64, 'chat.txt'), {
        dateOrder: 'dmy',
      });
      const locators = [...r.events, ...r.skipped, ...r.rejected].map((x) => x.locator);
      // No line is counted twice, and only message header lines are counted.
      expect(new Set(locators).size, at).toBe(locators.length);
      const lines = new Set(heads.map((h) => h.line));
      for (const l of locators) expect(lines.has(l as number), `${at}: line ${l}`).toBe(true);
      // Every header wholly read is counted (one whose line break was read, or which the cut does not end in).
      const within = heads.filter((h) => h.start < cut);
      expect(locators.length, at).toBeGreaterThanOrEqual(within.length - 1);
      const last = within.at(-1)!;
      for (const h of within.slice(0, -1)) expect(locators, `${at}: line ${h.line}`).toContain(h.line);
      // A cut after the date and before the sender is a cut inside the header, the message it begins rejected at
      // its line; but not where a whole time ends (with or without seconds), as a message's text may end so.
      const afterDate = whole.toString('latin1', last.date, cut);
      const inHeader = cut > last.date && cut <= last.fixed && !/^, \d\d:\d\d(?::\d\d)?$/.test(afterDate);
      // The reader may take more as a header cut short (direction marks after the framing), never less.
      if (inHeader) expect(r.failure?.code, at).toBe('WHATSAPP_TRUNCATED');
      if (r.failure?.code === 'WHATSAPP_TRUNCATED') {
        expect(cut, at).toBeGreaterThan(last.date);
        expect(whole.subarray(last.start, cut).includes(10), at).toBe(false);
        expect(r.failure.locator, at).toBe(last.line);
        expect(r.rejected, at).toEqual([
          {
            code: 'WHATSAPP_RECORD_CUT_SHORT',
            locator: last.line,
            message: expect.stringMatching(
              new RegExp(`^the file ends inside this record \\(line ${last.line}, after "`),
            ),
            hint: 'Only the start of this record is in the file. A whole copy of the export may hold it.',
          },
        ]);
        expect(
          r.events.map((e) => e.locator),
          at,
        ).not.toContain(last.line);
        expect(
          r.skipped.map((x) => x.locator),
          at,
        ).not.toContain(last.line);
        expect(locators.length, at).toBe(within.length);
      } else {
        expect(r.failure, at).toBeUndefined();
        expect(
          r.rejected.filter((x) => x.code === 'WHATSAPP_RECORD_CUT_SHORT'),
          at,
        ).toEqual([]);
      }
    }
  });
});
