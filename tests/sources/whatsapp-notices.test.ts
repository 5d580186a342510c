/**
 * The WhatsApp source decodes a message's first line to classify it only when `maybeSpecial` says its UTF-8
 * bytes could be a placeholder or notice. That filter must never turn away a line `classify` finds special.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ATTACHED_FIRST_BYTES,
  MarkerStarts,
  maybeSpecial,
  patternStarts,
  RecentSpecials,
  START_PAIRS,
  START_PREFIXES,
} from '../../src/sources/whatsapp-txt/notice-bytes.js';
import {
  ATTACHED_PATTERNS,
  classify,
  firstCharTable,
  Special,
  START_PATTERNS,
} from '../../src/sources/whatsapp-txt/notices.js';

const utf8 = (s: string) => Buffer.from(s, 'utf8');

/** Would the source classify this text as `classify` does? */
function agrees(s: string): boolean {
  const b = utf8(`x${s}\n`); // inside a buffer, as the text lies in its line
  return classify(s) === Special.None || maybeSpecial(b, 1, b.length - 1, new MarkerStarts());
}

describe('the byte filter in front of classify', () => {
  it('lets through the first two characters of every start pattern, and the first of every file marker', () => {
    expect(START_PATTERNS.length).toBeGreaterThan(20);
    for (const pattern of START_PATTERNS) {
      const pairs = patternStarts(pattern, 2);
      // The first characters agree with the table classify itself filters on.
      const table = firstCharTable([pattern]);
      const firsts = [...table.keys()].filter((c) => table[c] === 1).map((c) => String.fromCharCode(c));
      expect(new Set([...pairs].map((p) => p[0])), pattern).toEqual(new Set(firsts));
      for (const two of pairs) {
        const u = utf8(two);
        expect(START_PAIRS[(u[0]! << 8) | u[1]!], `${pattern} may start with ${two}`).toBe(1);
      }
      // Each way the pattern can start is one of the starts kept (filed under its first four bytes), or begins
      // with one (a start kept shorter where the pattern cannot tell its first 12 characters).
      for (const four of patternStarts(pattern, 4)) {
        const u = utf8(four);
        const quad = ((u[0]! << 24) | (u[1]! << 16) | (u[2]! << 8) | u[3]!) >>> 0;
        expect(START_PREFIXES.get(quad), `${pattern} may start with ${four}`).toBeDefined();
      }
    }
    for (const pattern of ATTACHED_PATTERNS) {
      for (const first of patternStarts(pattern, 1))
        expect(ATTACHED_FIRST_BYTES[utf8(first)[0]!], pattern).toBe(1);
    }
  });

  it('reads the phrase-table syntax, and refuses patterns it cannot read', () => {
    expect(patternStarts('(?:Group )?(?:[Vv]oice|Video) call', 2)).toEqual(new Set(['Gr', 'Vo', 'vo', 'Vi']));
    expect(patternStarts('\\(file attached\\)', 2)).toEqual(new Set(['(f']));
    expect(patternStarts('Llamada (?:de voz )?perdida', 2)).toEqual(new Set(['Ll']));
    expect(() => patternStarts('.* omitted', 2)).toThrow(/cannot tell/);
    expect(() => patternStarts('a?bc', 2)).toThrow(/cannot tell/);
    expect(() => patternStarts('\\sx', 2)).toThrow(/cannot tell/);
    expect(() => patternStarts('[^>]x', 2)).toThrow(/cannot tell/);
    expect(() => patternStarts('(?:ab)*c', 2)).toThrow(/cannot tell/);
    expect(() => patternStarts('(?:a)?', 2)).toThrow(/fewer than 2/);
  });

  it('never turns away a text classify finds special (property, from every pattern)', () => {
    for (const pattern of START_PATTERNS) {
      fc.assert(
        fc.property(
          fc.stringMatching(new RegExp(`^(?:${pattern})`)),
          fc.constantFrom('', '.', ', 3 min', ' x'),
          (s, tail) => agrees(s + tail),
        ),
        { numRuns: 60 },
      );
    }
    const markers = [
      '<attached: 00000001-PHOTO.jpg>',
      'IMG-1.jpg (file attached)',
      'Bild.jpg (Datei angehängt)',
      'foto.jpg (archivo adjunto)',
      '<adjunto: x>',
      '<Anhang: y>',
      'Report • 2 pages document omitted',
      'Bericht • 3 Seiten Dokument weggelassen',
      'Informe documento omitido',
    ];
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constantFrom(...markers), (pre, m) => {
        expect(agrees(pre + m)).toBe(true);
        expect(agrees(m + pre)).toBe(true);
        // A file marker inside a line that ends like a placeholder is one for classify: so for the filter.
        expect(agrees(`${pre}${m} and then I waited`)).toBe(true);
      }),
    );
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => agrees(s)));
  });

  it('turns away ordinary text, empty text and text too long to be a notice', () => {
    const b = (s: string) => {
      const bytes = utf8(`${s}\n`);
      return maybeSpecial(bytes, 0, bytes.length - 1, new MarkerStarts());
    };
    expect(b('hello there')).toBe(false);
    // Starting like a notice for two characters, not for four.
    expect(b("That's 20 messages you have not answered")).toBe(false);
    expect(b('Mine is red')).toBe(false);
    expect(b('You were with Jo again')).toBe(false);
    expect(b('You blocked this contact')).toBe(true);
    expect([b('This message was deleted'), b('You deleted this message')]).toEqual([true, true]);
    expect(b('I waited')).toBe(false);
    expect(b('Where were you?')).toBe(false);
    expect(b('😀 where are you')).toBe(false);
    expect(b('')).toBe(false);
    expect(b('M')).toBe(false);
    expect(b(`Missed voice call ${'x'.repeat(1200)}`)).toBe(false);
    expect(classify(`Missed voice call ${'x'.repeat(1200)}`)).toBe(Special.None);
    expect([
      b('Missed voice call'),
      b('see (this)'),
      b('<Media omitted>'),
      b('x (file attached) ok, I tried'),
    ]).toEqual([true, true, true, true]);
  });
});

describe('the search for file markers over the lines of a chunk', () => {
  const markers = [
    '<attached: 00000001-PHOTO.jpg>',
    'IMG-1.jpg (file attached)',
    'Bild.jpg (Datei angehängt)',
    'foto.jpg (fichier joint)',
    'Report • 2 pages document omitted',
  ];
  // Lines that end like a placeholder, so that only the search for a marker tells them apart.
  const line = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 30 }).map((s) => `${s} and`),
    fc
      .tuple(
        fc.string({ maxLength: 10 }),
        fc.constantFrom(...markers),
        fc.constantFrom('', ' ok, I tried', ' (no)'),
      )
      .map(([a, m, b]) => a + m + b),
    fc.constantFrom('(', '<', 'x (y) and', 'and', '<3 and', 'we said no'),
  );

  it('answers each line of one buffer, asked in order, as classify does; searching again when refilled', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.array(line, { maxLength: 12 }), (first, second) => {
        const search = new MarkerStarts();
        const buffer = Buffer.alloc(8192);
        for (const lines of [first, second]) {
          // The same memory filled again, as the reader fills its chunk: the search is told (`reset`).
          search.reset();
          buffer.fill(0);
          const spans: [number, number][] = [];
          let at = 0;
          for (const l of lines) {
            const n = buffer.write(l, at, 'utf8');
            spans.push([at, at + n]);
            buffer[at + n] = 0x0a;
            at += n + 1;
          }
          lines.forEach((l, i) => {
            const [s, e] = spans[i]!;
            const special = classify(l) !== Special.None;
            if (special) expect(maybeSpecial(buffer, s, e, search), l).toBe(true);
            else maybeSpecial(buffer, s, e, search);
          });
        }
      }),
    );
  });
});

describe('the first lines classified from memory', () => {
  /** The texts in turn, each written into the same buffer (as the reader fills its one buffer again). */
  function classifyInTurn(texts: readonly string[]): Special[] {
    const recent = new RecentSpecials();
    const buffer = Buffer.alloc(4096);
    return texts.map((t) => {
      const n = buffer.write(`>${t}\n`, 'utf8');
      const text = { bytes: buffer, start: 1, end: n - 1, string: () => buffer.toString('utf8', 1, n - 1) };
      return recent.classify(text);
    });
  }

  it("gives classify's answer for lines met again, lines sharing bytes and lines long forgotten", () => {
    const lines = [
      '<Media omitted>',
      'Missed voice call',
      'This message was deleted',
      'Missed voice call',
      '<Media omitted>',
      '<Media omitted', // a line the remembered one starts with
      'Missed video call',
      'This message was deleted',
      ...Array.from({ length: 10 }, (_, i) => `see (photo ${i})`),
      'Missed voice call',
      `Missed voice call ${'x'.repeat(100)}`, // longer than what is remembered
      `Missed voice call ${'x'.repeat(100)}`,
    ];
    expect(classifyInTurn(lines)).toEqual(lines.map((l) => classify(l)));
    expect(classifyInTurn(lines).slice(0, 3)).toEqual([Special.Media, Special.MissedCall, Special.Deleted]);
  });

  it('agrees with classify on any sequence of lines, repeated or not', () => {
    const pool = [
      '<Media omitted>',
      'Missed voice call',
      'This message was deleted',
      'image omitted',
      'ok)',
      'Mi',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...pool), fc.string({ unit: 'grapheme', maxLength: 30 })), {
          maxLength: 40,
        }),
        (texts) => {
          expect(classifyInTurn(texts)).toEqual(texts.map((t) => classify(t)));
        },
      ),
    );
  });
});
