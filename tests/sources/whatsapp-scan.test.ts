/**
 * The WhatsApp header scanner reads UTF-8 bytes: every invisible mark and every space the grammar allows must be
 * recognised as its UTF-8 sequence wherever the grammar allows it, and nothing else that looks like one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Framing, HeaderScanner, markAt, Scan, spaceAt } from '../../src/sources/whatsapp-txt/scan.js';
import { scanHeader } from '../helpers/header-scan.js';

const MARKS = [
  ['BOM', '\ufeff', [0xef, 0xbb, 0xbf]],
  ['LRM', '\u200e', [0xe2, 0x80, 0x8e]],
  ['RLM', '\u200f', [0xe2, 0x80, 0x8f]],
  ['LRE', '\u202a', [0xe2, 0x80, 0xaa]],
  ['RLE', '\u202b', [0xe2, 0x80, 0xab]],
  ['PDF', '\u202c', [0xe2, 0x80, 0xac]],
  ['LRO', '\u202d', [0xe2, 0x80, 0xad]],
  ['RLO', '\u202e', [0xe2, 0x80, 0xae]],
  ['LRI', '\u2066', [0xe2, 0x81, 0xa6]],
  ['RLI', '\u2067', [0xe2, 0x81, 0xa7]],
  ['FSI', '\u2068', [0xe2, 0x81, 0xa8]],
  ['PDI', '\u2069', [0xe2, 0x81, 0xa9]],
] as const;

const SPACES = [
  ['space', ' ', [0x20]],
  ['NBSP', '\u00a0', [0xc2, 0xa0]],
  ['NNBSP', '\u202f', [0xe2, 0x80, 0xaf]],
  ['thin space', '\u2009', [0xe2, 0x80, 0x89]],
] as const;

/** Scans a line given as a string, with a fresh scanner: its fields, stamp and stamp's date, or the outcome. */
const scan = (line: string) => scanHeader(new HeaderScanner(), line, true);

describe('the header scanner on UTF-8 bytes', () => {
  it('knows the UTF-8 sequence of every mark and space, and nothing next to them', () => {
    for (const [name, ch, bytes] of MARKS) {
      expect(Buffer.from(ch, 'utf8'), name).toEqual(Buffer.from(bytes));
      expect(markAt(Buffer.from(`x${ch}\n`), 1), name).toBe(3);
      expect(spaceAt(Buffer.from(`x${ch}\n`), 1), name).toBe(0);
    }
    for (const [name, ch, bytes] of SPACES) {
      expect(Buffer.from(ch, 'utf8'), name).toEqual(Buffer.from(bytes));
      expect(spaceAt(Buffer.from(`x${ch}\n`), 1), name).toBe(bytes.length);
      expect(markAt(Buffer.from(`x${ch}\n`), 1), name).toBe(0);
    }
    // Neighbours of the marks and spaces: ZWJ U+200D, U+2010, U+2029, U+206A, U+2008, U+200A, U+FEFE, U+00A1.
    for (const ch of [
      '\u200d',
      '\u2010',
      '\u2029',
      '\u206a',
      '\u2065',
      '\u2008',
      '\u200a',
      '\ufefe',
      '\u00a1',
    ]) {
      const b = Buffer.from(`${ch}\n`);
      expect([markAt(b, 0), spaceAt(b, 0)], `U+${ch.codePointAt(0)!.toString(16)}`).toEqual([0, 0]);
    }
    // A sequence cut by the line break is no mark, and nothing is read past the break.
    expect(markAt(Buffer.from([0xe2, 0x80, 0x0a]), 0)).toBe(0);
    expect(markAt(Buffer.from([0xef, 0x0a]), 0)).toBe(0);
    expect(spaceAt(Buffer.from([0xc2, 0x0a]), 0)).toBe(0);
  });

  it.each(MARKS)(
    'skips %s at the line start, inside the bracket, between digits and before the name',
    (_, m) => {
      expect(scan(`${m}[${m}2${m}0.0${m}6.${m}19, 1${m}5:5${m}8:5${m}3${m}] ${m}Sam: hi`)).toEqual({
        date: [20, 6, 19],
        time: [15, 58, 53],
        ampm: 0,
        framing: Framing.Bracket,
        stamp: `2${m}0.0${m}6.${m}19, 1${m}5:5${m}8:5${m}3${m}`,
        stampDate: `2${m}0.0${m}6.${m}19`,
        rest: 'Sam: hi',
      });
      expect(scan(`${m}12/07/2017,${m} 22:35 ${m}- Sam: hi`)).toMatchObject({
        date: [12, 7, 2017],
        framing: Framing.Dash,
        rest: 'Sam: hi',
      });
    },
  );

  it.each(SPACES)('takes %s wherever the grammar allows a space', (_, sp) => {
    expect(scan(`13.${sp}6.${sp}2018.${sp}klo${sp}21.25${sp}-${sp}Sam: hi`)).toMatchObject({
      date: [13, 6, 2018],
      time: [21, 25, -1],
      framing: Framing.Dash,
      rest: 'Sam: hi',
    });
    expect(scan(`3/6/18,${sp}1:55${sp}p.${sp}m.${sp}–${sp}Sam: hi`)).toMatchObject({
      time: [1, 55, -1],
      ampm: 2,
      framing: Framing.Dash,
      rest: 'Sam: hi',
    });
    expect(scan(`13. 6. 2018. 21:25:15${sp}Sam: hi`)).toMatchObject({
      framing: Framing.Bare,
      rest: 'Sam: hi',
    });
  });

  it('reads the en dash as Android framing only when a space follows it', () => {
    expect(scan('12/07/2017, 22:35 – Sam: hi')).toMatchObject({ framing: Framing.Dash, rest: 'Sam: hi' });
    expect(scan('12/07/2017, 22:35 –Sam: hi')).toBe(Scan.DateLike);
    // An em dash (E2 80 94) is no framing: it is the text of a header without one.
    expect(scan('12/07/2017, 22:35 — hi')).toMatchObject({ framing: Framing.Bare, rest: '— hi' });
  });

  it('stops at bytes that are no mark: a U+FFFD, emoji, or bytes that are not UTF-8', () => {
    expect(scan('\ufffd12/07/2017, 22:35 - Sam: hi')).toBe(Scan.NotDate);
    expect(scan('12/0\ufffd7/2017, 22:35 - Sam: hi')).toBe(Scan.NotDate);
    expect(scan('12/07/2017,😀 22:35 - Sam: hi')).toBe(Scan.DateLike);
    const sc = new HeaderScanner();
    const bad = Buffer.from([
      ...Buffer.from('12/07/2017, 22'),
      0xe2,
      0x80,
      ...Buffer.from(':35 - Sam: hi\n'),
    ]);
    expect(sc.scan(bad, 0, bad.length - 1)).toBe(Scan.DateLike);
  });

  it('reads each line as a fresh scanner would, whatever lines it read before (property)', () => {
    // Lines that share the start of a header, and differ just before, at or after where its time starts.
    const lines = [
      '12/07/2017, 22:35 - Sam: hi',
      '12/07/2017, 22:36 - Sam: hi',
      '12/07/2017, 2:36 PM - Sam: hi',
      '12/07/2017,  22:37 - Sam: hi',
      '12/07/2017, \u200e22:38 - Sam: hi',
      '12/07/2017, \u202f22:38 - Sam: hi',
      '12/07/2017, x22:38 - Sam: hi',
      '12/07/2017, 22',
      '12/07/2017, 2',
      '12/07/2017, ',
      '12/07/2017, 22:35:07 - Sam: hi',
      '12/07/2017,22:35 - Sam: hi',
      '12/07/2017 22:35 - Sam: hi',
      '12/07/20171, 22:35 - Sam: hi',
      '[12/07/2017, 22:35:00] Sam: hi',
      '[12/07/2017, 22:35:00 Sam: hi',
      '13.6.2018 klo 21.25 - Sam: hi',
      '13.6.2018 klo 9.25 - Sam: hi',
      '13.6.2018 kl 21.25 - Sam: hi',
      '\u200e12/07/2017, 22:35 - Sam: hi',
      'just text',
      '',
    ];
    const outcome = (sc: HeaderScanner, b: Buffer) => {
      const r = sc.scan(b, 0, b.length - 1);
      return r === Scan.Header
        ? [
            r,
            sc.p0,
            sc.p1,
            sc.p2,
            sc.w0,
            sc.w1,
            sc.w2,
            sc.sep,
            sc.hour,
            sc.minute,
            sc.second,
            sc.ampm,
          ].concat([sc.framing, sc.stampStart, sc.dateEnd, sc.stampEnd, sc.restStart])
        : [r];
    };
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...lines), { maxLength: 30 }), (sequence) => {
        const shared = new HeaderScanner();
        for (const line of sequence) {
          const b = Buffer.from(`${line}\n`, 'utf8');
          expect(outcome(shared, b), line).toEqual(outcome(new HeaderScanner(), b));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reads a line in the middle of a buffer, stopping at its line break', () => {
    const b = Buffer.from('x\r12/07/2017, 22:35 -\r\n13/07/2017, 22:36 - Sam: hi\n', 'utf8');
    const sc = new HeaderScanner();
    expect(sc.scan(b, 2, 21)).toBe(Scan.Header); // a dash at the end of the line, nothing after it
    expect([sc.framing, sc.restStart]).toEqual([Framing.Dash, 21]);
    expect(sc.scan(b, 0, 1)).toBe(Scan.NotDate);
    const start = b.indexOf('13/');
    expect(sc.scan(b, start, b.length - 1)).toBe(Scan.Header);
    expect(b.toString('utf8', sc.restStart, b.length - 1)).toBe('Sam: hi');
  });
});
