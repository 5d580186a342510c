/**
 * Invisible characters in data (zero-width spaces, word joiners, soft hyphens, Hangul fillers, stray tags and
 * variation selectors) are shown as `<U+200B>` markers by every text-like output, while the invisible characters
 * that are part of ordinary text — joiners in emoji and in Arabic or Indic script, variation selectors on emoji,
 * emoji tag sequences — are kept, so emoji and words still draw as written.
 */
import { describe, expect, it } from 'vitest';
import { plain, text } from '../../src/reports/html/escape.js';
import { INVISIBLE_RANGES, markInvisible } from '../../src/reports/invisible.js';
import { jsonInert, markdownEscape, showControls, terminalSafe } from '../../src/reports/sanitize.js';

const FAMILY = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}'; // 👨‍👩‍👧
const HEART = '\u2764\uFE0F'; // ❤️
const RAINBOW_FLAG = '\u{1F3F3}\uFE0F\u200D\u{1F308}'; // 🏳️‍🌈
const HEART_ON_FIRE = '\u2764\uFE0F\u200D\u{1F525}'; // ❤️‍🔥
const TECHNOLOGIST = '\u{1F9D1}\u{1F3FD}\u200D\u{1F4BB}'; // 🧑🏽‍💻
const EYE_BUBBLE = '\u{1F441}\uFE0F\u200D\u{1F5E8}\uFE0F'; // 👁️‍🗨️
const KEYCAP_ONE = '1\uFE0F\u20E3'; // 1️⃣
const SCOTLAND = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}'; // 🏴󠁧󠁢󠁳󠁣󠁴󠁿
const PERSIAN = '\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645'; // می‌خواهم (ZWNJ after ی)
const SINHALA = '\u0DC1\u0DCA\u200D\u0DBB\u0DD3'; // ශ්‍රී (ZWJ after the virama)
const HINDI = '\u0915\u094D\u200D\u0937'; // क्‍ष (half form)
const IDEOGRAPH_VARIANT = '\u845B\u{E0100}'; // 葛󠄀 (ideographic variation sequence)

const ORDINARY = [FAMILY, HEART, RAINBOW_FLAG, HEART_ON_FIRE, TECHNOLOGIST, EYE_BUBBLE, KEYCAP_ONE, SCOTLAND];
const SCRIPT = [PERSIAN, SINHALA, HINDI, IDEOGRAPH_VARIANT];

describe('markInvisible / showControls', () => {
  it('shows zero-width and other invisible format characters as markers', () => {
    expect(showControls('Sa\u200Bm')).toBe('Sa<U+200B>m');
    expect(showControls('I will f\u200Bi\u200Bn\u200Bd you')).toBe('I will f<U+200B>i<U+200B>n<U+200B>d you');
    expect(showControls('Sa\u2060m')).toBe('Sa<U+2060>m');
    expect(showControls('\uFEFFSam\uFEFF')).toBe('<U+FEFF>Sam<U+FEFF>');
    expect(showControls('Sa\u00ADm')).toBe('Sa<U+00AD>m');
    expect(showControls('a\u180Eb')).toBe('a<U+180E>b');
    expect(showControls('x\u2061\u2062\u2063\u2064y')).toBe('x<U+2061><U+2062><U+2063><U+2064>y');
    expect(showControls('S\u034Fam')).toBe('S<U+034F>am');
    expect(showControls('\u3164')).toBe('<U+3164>');
    expect(showControls('\u115F\u1160\uFFA0')).toBe('<U+115F><U+1160><U+FFA0>');
    expect(showControls('a\uFFF9hidden\uFFFAnote\uFFFBb')).toBe('a<U+FFF9>hidden<U+FFFA>note<U+FFFB>b');
  });

  it('keeps the controls and bidi markers it always showed', () => {
    expect(showControls('\u001b[31mred')).toBe('<U+001B>[31mred');
    expect(showControls('abc\u202Eevil\u2066x')).toBe('abc<U+202E>evil<U+2066>x');
    expect(showControls('a\tb\nc\rd')).toBe('a\tb\nc\rd');
  });

  it('keeps emoji sequences and joiners of Arabic and Indic script intact', () => {
    for (const s of [...ORDINARY, ...SCRIPT])
      expect(showControls(`>${s} ${s}<`), JSON.stringify(s)).toBe(`>${s} ${s}<`);
    expect(showControls(`we were a family ${FAMILY} ${HEART}`)).toBe(`we were a family ${FAMILY} ${HEART}`);
  });

  // A joiner between Latin (or Greek, Cyrillic, CJK) letters changes nothing on screen: it can only hide a difference.
  it('shows a joiner or non-joiner outside emoji and joining scripts', () => {
    expect(showControls('Sa\u200Dm')).toBe('Sa<U+200D>m');
    expect(showControls('Sa\u200Cm')).toBe('Sa<U+200C>m');
    expect(showControls('\u0421\u200D\u0430\u043C')).toBe('\u0421<U+200D>\u0430\u043C'); // Cyrillic Сам
    expect(showControls('\u5C71\u200D\u7530')).toBe('\u5C71<U+200D>\u7530'); // 山‍田
    expect(showControls('\u200DSam')).toBe('<U+200D>Sam');
    // A joiner after an emoji but before a letter joins nothing.
    expect(showControls('\u{1F468}\u200DSam')).toBe('\u{1F468}<U+200D>Sam');
    // A non-joiner between emoji is no emoji sequence either.
    expect(showControls('\u{1F468}\u200C\u{1F469}')).toBe('\u{1F468}<U+200C>\u{1F469}');
  });

  it('shows a variation selector that changes nothing', () => {
    expect(showControls('Sa\uFE0Fm')).toBe('Sa<U+FE0F>m');
    expect(showControls('Sa\uFE00m')).toBe('Sa<U+FE00>m');
    expect(showControls('\u00E9\uFE0F')).toBe('\u00E9<U+FE0F>');
    expect(showControls('07700\uFE0F900123')).toBe('07700<U+FE0F>900123');
    expect(showControls('Sam\u{E0100}')).toBe('Sam<U+E0100>');
    expect(showControls(`${HEART}\uFE0F`)).toBe(`${HEART}<U+FE0F>`);
    expect(showControls('\uFE0F')).toBe('<U+FE0F>');
  });

  it('shows tags outside an emoji tag sequence, each as its own marker', () => {
    // Tags can spell hidden ASCII after an ordinary word ("Sam" + tags "hi").
    expect(showControls('Sam\u{E0068}\u{E0069}')).toBe('Sam<U+E0068><U+E0069>');
    expect(showControls('Sam\u{E0068}\u{E0069}\u{E007F}')).toBe('Sam<U+E0068><U+E0069><U+E007F>');
    // A flag's tags without the cancel tag, or after a digit, are no emoji tag sequence.
    expect(showControls('\u{1F3F4}\u{E0067}\u{E0062}')).toBe('\u{1F3F4}<U+E0067><U+E0062>');
    expect(showControls('1\u{E0067}\u{E007F}')).toBe('1<U+E0067><U+E007F>');
    expect(showControls('\u{E0001}')).toBe('<U+E0001>');
  });

  it('shows every Default_Ignorable_Code_Point on its own, but for the direction marks the text outputs drop', () => {
    const directionMarks = new Set([0x061c, 0x200e, 0x200f]);
    const ignorable = /^\p{Default_Ignorable_Code_Point}$/u;
    let checked = 0;
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCodePoint(cp);
      if (!ignorable.test(c) || directionMarks.has(cp)) continue;
      checked++;
      expect(showControls(c), cp.toString(16)).toBe(`<U+${cp.toString(16).toUpperCase().padStart(4, '0')}>`);
    }
    expect(checked).toBeGreaterThan(4000);
    for (const cp of directionMarks) expect(terminalSafe(`a${String.fromCodePoint(cp)}b`)).toBe('ab');
  });

  it('leaves every other character alone, so its table holds nothing but invisible and control characters', () => {
    const shownOrCf = /^[\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}]$/u;
    for (const [a, b] of INVISIBLE_RANGES) {
      for (let cp = a; cp <= b; cp++)
        expect(shownOrCf.test(String.fromCodePoint(cp)), cp.toString(16)).toBe(true);
    }
    const sample = 'Sam Carter — +44 7700 900123, ～Ｓａｍ～, ٣ أيام, 東京, Zoë, e\u0301, \u00A0\u2007\u3000';
    expect(showControls(sample)).toBe(sample);
    // Astral characters that share a high surrogate with listed ones, and a lone surrogate, are left alone too.
    const astral = '\u{1BC9D} \u{1D160} \uD834 x';
    expect(showControls(astral)).toBe(astral);
  });

  it('takes a marker of the caller’s choosing', () => {
    expect(markInvisible('a\u200Bb', (code) => `[${code}]`)).toBe('a[U+200B]b');
  });
});

describe('each output’s escaping', () => {
  it('terminal: markers, emoji kept, direction marks dropped', () => {
    expect(terminalSafe(`Sa\u200Bm\u200E: ${FAMILY}\n${HEART}`)).toBe(`Sa<U+200B>m: ${FAMILY} ${HEART}`);
  });

  it('markdown: markers escaped as literal text, emoji kept', () => {
    expect(markdownEscape(`Sa\u200Bm ${FAMILY} ${HEART}`)).toBe(`Sa\\<U\\+200B\\>m ${FAMILY} ${HEART}`);
  });

  it('html: styled markers in content, plain escaped markers in attributes, emoji kept', () => {
    expect(text(`Sa\u200Bm & ${FAMILY} ${HEART}`)).toBe(
      `Sa<span class="cc">&#60;U+200B&#62;</span>m &#38; ${FAMILY} ${HEART}`,
    );
    expect(plain(`Sa\u2060m ${SCOTLAND}`)).toBe(`Sa&#60;U+2060&#62;m ${SCOTLAND}`);
    expect(text(`#\uFE0F\u20E3 <b>\u200D</b>`)).toBe(
      `#\uFE0F\u20E3 &#60;b&#62;<span class="cc">&#60;U+200D&#62;</span>&#60;/b&#62;`,
    );
  });

  it('json keeps the exact text', () => {
    const s = JSON.stringify({ t: `Sa\u200Bm ${FAMILY}\u2060` });
    expect(JSON.parse(jsonInert(s)).t).toBe(`Sa\u200Bm ${FAMILY}\u2060`);
  });
});
