/**
 * Redaction reads a text folded (invisible characters removed, NFKC forms) and writes its placeholders over the
 * whole original span each match came from (a QA finding: "S\u200Bamantha" and "０７７００９００１２３" stayed in
 * clear). Everything no placeholder covers is kept exactly as written.
 */
import { describe, expect, it } from 'vitest';
import { FoldedText } from '../../src/timeline/anonymise/folded.js';
import { Redactor } from '../../src/timeline/anonymise/index.js';

const SAM = '[NAME:p2601]';
const terms = ['Samantha Quill', 'Samantha', 'Quill'].map((term) => ({ term, placeholder: SAM }));

function redactor(shiftedDates = false): Redactor {
  return new Redactor(terms, 'GB', { shiftedDates, nameToken: () => '[NAME:p0ff1]' });
}

/** Every invisible character the fold removes, by name. */
const INVISIBLES: Record<string, string> = {
  'zero-width space': '\u200B',
  'zero-width non-joiner': '\u200C',
  'zero-width joiner': '\u200D',
  'soft hyphen': '\u00AD',
  'left-to-right mark': '\u200E',
  'right-to-left mark': '\u200F',
  'right-to-left override': '\u202E',
  'word joiner': '\u2060',
  'first strong isolate': '\u2068',
  'byte-order mark': '\uFEFF',
  // Shown as markers by the reports (reports/invisible.ts) since they too hide inside a word: read past here.
  'variation selector-1': '\uFE00',
  'variation selector-16': '\uFE0F',
  'combining grapheme joiner': '\u034F',
  'Hangul filler': '\u3164',
  'tag latin small letter a': '\u{E0061}',
  'variation selector-17': '\u{E0100}',
};

describe('anonymise: names and numbers behind invisible characters', () => {
  for (const [what, c] of Object.entries(INVISIBLES)) {
    it(`finds a name and a phone number with a ${what} inside, and replaces the whole original span`, () => {
      const r = redactor();
      expect(r.redact(`Tell S${c}amantha Q${c}u${c}ill: ring 07700${c}900${c}123 now`)).toBe(
        `Tell ${SAM}: ring [PHONE] now`,
      );
      expect(r.redact(`${c}Samantha${c}`)).toBe(SAM);
      expect(r.counts).toMatchObject({ name: 2, phone: 1 });
    });
  }

  it('finds a phone number written in keycap emoji (digit, VS16, U+20E3) and keeps other keycaps and emoji', () => {
    const r = redactor();
    const keycaps = (s: string) => s.replace(/[0-9]/g, (d) => `${d}\uFE0F\u20E3`);
    expect(r.redact(`new number ${keycaps('07700 900123')}`)).toBe('new number [PHONE]');
    expect(r.redact(`ring ${keycaps('07700900123')} ❤️ tonight`)).toBe('ring [PHONE] ❤️ tonight');
    expect(r.redact(`${keycaps('1')} #️⃣ ❤️ 👨‍👩‍👧 Samantha`)).toBe(`${keycaps('1')} #️⃣ ❤️ 👨‍👩‍👧 ${SAM}`);
    expect(r.counts).toMatchObject({ phone: 2, name: 1 });
  });

  it('finds a name glued by a direction mark to a word in a right-to-left script', () => {
    const r = redactor();
    expect(r.redact('שלום\u200FSamantha')).toBe(`שלום\u200F${SAM}`);
    expect(r.redact('Samantha\u200F\u200Fשלום')).toBe(`${SAM}\u200F\u200Fשלום`);
  });

  it('keeps invisible characters outside the names as written', () => {
    const r = redactor();
    expect(r.redact('\u202Eevil\u200B and a\u00ADnother')).toBe('\u202Eevil\u200B and a\u00ADnother');
    expect(r.redact('hi Samantha\u200B!')).toBe(`hi ${SAM}\u200B!`);
  });
});

describe('anonymise: names and numbers in other Unicode forms', () => {
  it('finds full-width digits, letters and signs (phone, name, e-mail, handle)', () => {
    const r = redactor();
    expect(r.redact('call me on ０７７００９００１２３ or 07700 ９００ １２３')).toBe(
      'call me on [PHONE] or [PHONE]',
    );
    expect(r.redact('ＳＡＭＡＮＴＨＡ ＱＵＩＬＬ and Ｑｕｉｌｌ')).toBe(`${SAM} and ${SAM}`);
    expect(r.redact('mail ｓａｍ．ｑ＠ｅｘａｍｐｌｅ．ｃｏｍ or ＠ｓａｍｑｕｉｌｌ')).toBe(
      'mail [EMAIL] or [HANDLE]',
    );
    expect(r.counts).toMatchObject({ phone: 2, name: 2, email: 1, handle: 1 });
  });

  it('keeps the text around a placeholder exactly as written: composed and decomposed letters, ligatures, emoji', () => {
    const r = redactor();
    const around = 'cafe\u0301 ﬁne\u00A0😀👍🏽 Ｘ';
    expect(r.redact(`${around} Samantha ${around}`)).toBe(`${around} ${SAM} ${around}`);
  });

  it('keeps a date written in full-width digits as written when dates are not shifted, and takes none of it for a phone', () => {
    expect(redactor().redact('on ２２/０４/２０２４ at ０７:３０')).toBe(
      'on ２２/０４/２０２４ at ０７:３０',
    );
    expect(redactor(true).redact('on ２２/０４/２０２４ at ０７:３０')).toBe('on [DATE] at ０７:３０');
  });

  it('keeps the marker of a date of birth and the title before a name as written', () => {
    const r = redactor();
    expect(r.redact('ＤＯＢ： ０３/０４/１９９０')).toBe('ＤＯＢ： [DATE]');
    expect(r.redact('ＰＣ Hu\u200Bghes’s car')).toBe('ＰＣ [NAME:p0ff1]’s car');
  });

  it('finds a name given in another form (a contact name in full-width letters) in plain text', () => {
    const r = new Redactor([{ term: 'Ｒｏｓａｌｉｎｄ\u200B', placeholder: '[NAME:p9999]' }], 'GB');
    expect(r.redact('Rosalind says hi')).toBe('[NAME:p9999] says hi');
  });
});

describe('anonymise: folding keeps every word boundary the text as written has', () => {
  const P1 = '[NAME:P1]';
  const P2 = '[NAME:P2]';
  const names = new Redactor(
    [
      { term: 'Samantha', placeholder: P1 },
      { term: 'Sam', placeholder: P1 },
      { term: 'Dan Smith', placeholder: P2 },
      { term: 'José', placeholder: '[NAME:P3]' },
    ],
    'GB',
    { shiftedDates: true },
  );

  it('finds a name before a sign that folds to letters (™, ℠), and keeps the sign as written', () => {
    expect(names.redact('Sam™ said hi')).toBe(`${P1}™ said hi`);
    expect(names.redact('Dan Smith™')).toBe(`${P2}™`);
    expect(names.redact('Sam℠')).toBe(`${P1}℠`);
    // Letters in such a form are still read as letters.
    expect(names.redact('Ⓢⓐⓜ x')).toBe(`${P1} x`);
  });

  it('finds a name before an invisible character that separates it from the next word', () => {
    expect(names.redact('Sam\u200Bwill come')).toBe(`${P1}\u200Bwill come`);
    expect(names.redact('Sam\u2060said')).toBe(`${P1}\u2060said`);
    // Inside a name the invisible character still hides nothing.
    expect(names.redact('S\u200Bamantha, Sam\u00ADwill')).toBe(`${P1}, ${P1}\u00ADwill`);
  });

  it('finds a name before a combining mark, and a name with its accents as combining marks', () => {
    expect(names.redact('Sam\u0301 x')).toBe(`${P1}\u0301 x`);
    expect(names.redact('Jose\u0301 and José')).toBe('[NAME:P3] and [NAME:P3]');
    expect(names.redact('Mrs Zoe\u0308 Patel called')).toBe('Mrs [NAME] called');
  });

  it('keeps the boundaries of the other patterns too (an ID, a postcode before an invisible character)', () => {
    expect(names.redact('QQ123456C\u200Bx and SW1A 1AA\u200Bx')).toBe('[ID]\u200Bx and [POSTCODE]\u200Bx');
  });

  it('redacts a name wherever the plain rule (the text as written, word boundaries) finds it (random texts)', () => {
    let seed = 46;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x80000000;
    };
    const neighbours = [
      '™',
      '℠',
      '①',
      '\u200B',
      '\u2060',
      '\u00AD',
      '\u200F',
      '\u0301',
      '\u0308',
      'Ｘ',
      'ｙ',
    ];
    neighbours.push('x', 'Q', '7', ' ', '\u00A0', '.', ',', '!', '-', '_', '’', '(', 'ש', '😀');
    const text = (n: number) =>
      Array.from({ length: n }, () => neighbours[Math.floor(random() * neighbours.length)]).join('');
    const plain = /(?<![\p{L}\p{N}_])(?:Samantha|Sam|Dan\s+Smith)(?![\p{L}\p{N}_])/giu;
    let found = 0;
    for (let i = 0; i < 3000; i++) {
      const name = ['Sam', 'Samantha', 'Dan Smith', 'sam'][i % 4]!;
      const t = `${text(Math.floor(random() * 4))}${name}${text(Math.floor(random() * 4))}`;
      if (!t.match(plain)?.some((m) => m.toLowerCase() === name.toLowerCase())) continue;
      found++;
      const out = names.redact(t);
      expect(out.normalize('NFKC').toLowerCase(), JSON.stringify(t)).not.toContain(name.toLowerCase());
    }
    expect(found).toBeGreaterThan(1000);
  });
});

describe('FoldedText', () => {
  it('writes back every unit no edit touched as the original, and a unit an edit cut through as folded', () => {
    const t = new FoldedText('ﬁx ﬁ\u200Bx');
    expect(t.text).toBe('fix fix');
    t.replace(/f/g, () => '[F]');
    // The zero-width space belongs to the "x" after it, which no edit touched.
    expect(t.toString()).toBe('[F]ix [F]i\u200Bx');
    const whole = new FoldedText('ﬁx ﬁ\u200Bx');
    whole.replace(/fix/g, (m) => (m.index === 0 ? '[A]' : undefined));
    expect(whole.toString()).toBe('[A] ﬁ\u200Bx');
  });

  it('keeps the lead and trail of a match as written', () => {
    const t = new FoldedText('ＰＣ Ｈｕｇｈｅｓ！');
    t.replace(/PC Hughes!/g, () => ({ text: '[N]', lead: 3, trail: 1 }));
    expect(t.toString()).toBe('ＰＣ [N]！');
  });

  it('writes a span set aside back as the original, hidden from the later patterns', () => {
    const t = new FoldedText('on ２２/０４ ring ０７７００９００１２３');
    t.setAside(/\d\d\/\d\d/g, () => true, '\uE000');
    expect(t.text).toBe('on \uE000 ring 07700900123');
    t.replace(/\d+/g, () => '[PHONE]');
    expect(t.toString()).toBe('on ２２/０４ ring [PHONE]');
  });

  it('returns the text unchanged when nothing matches, whatever it holds', () => {
    for (const s of ['', '\u200B', 'plain', 'ﬁ\u200B😀']) {
      const t = new FoldedText(s);
      t.replace(/nothing/g, () => '[X]');
      expect(t.toString()).toBe(s);
    }
  });
});
