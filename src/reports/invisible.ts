/**
 * Characters that take up no space on screen, found in data written by the person being reported. Two display
 * names that read "Sam" and "Sa<U+200B>m", or a threat split by zero-width spaces that no search finds, must not
 * look alike in a report, and a name copied from it must not carry hidden characters into another system. So the
 * text, Markdown, HTML and CSV outputs show each of these as a `<U+200B>` marker (JSON keeps the exact text).
 *
 * The set: C0/C1 controls (but tab and line breaks) and the bidi embeddings, overrides and isolates, as before;
 * and Unicode's Default_Ignorable_Code_Point characters — soft hyphen U+00AD, combining grapheme joiner U+034F,
 * the Hangul fillers U+115F, U+1160, U+3164, U+FFA0, Khmer U+17B4–U+17B5, Mongolian U+180B–U+180F, U+200B–U+200D,
 * word joiner and invisible operators U+2060–U+2064 (with reserved U+2065 and the deprecated U+206A–U+206F),
 * variation selectors, U+FEFF, U+FFF0–U+FFF8, shorthand U+1BCA0–U+1BCA3, musical U+1D173–U+1D17A and the
 * plane-14 tags — plus the interlinear annotation characters U+FFF9–U+FFFB (format characters that can hide
 * text between them). Not in it: the left-to-right, right-to-left and Arabic letter marks U+200E, U+200F,
 * U+061C, which carry no content and cannot reorder other text (the text outputs drop them, CSV keeps them);
 * format characters that print a visible sign (Arabic number signs U+0600–U+0605 and the like); and the Egyptian
 * hieroglyph format controls U+13430–U+1343F, which lay out hieroglyphs.
 *
 * Exceptions, where a character is part of how ordinary text is drawn (each shown anywhere else):
 * - a zero-width joiner inside an emoji sequence (👨‍👩‍👧, 🏳️‍🌈, ❤️‍🔥): after an emoji, a skin tone or VS16 and before
 *   another emoji;
 * - a zero-width joiner or non-joiner after a letter or mark of a script whose letters they join or keep apart
 *   (Persian می‌خواهم, Sinhala ශ්‍රී, Devanagari half forms): Arabic-type cursive scripts and the Brahmic scripts.
 *   Between Latin, Greek, Cyrillic, CJK or other letters they change nothing on screen, so a lone joiner in
 *   "Sa‍m" is shown: there it can only hide a difference;
 * - a variation selector after a character it can change (❤️, ☎︎, 1️⃣, 葛󠄀): after an emoji, in a keycap, or after
 *   another non-ASCII letter, number, symbol or punctuation mark outside the Latin, Greek and Cyrillic scripts,
 *   which have no variants drawn this way; so "Sa︀m", "é️" and a stray selector on a digit are shown;
 * - tags that form an emoji tag sequence (🏴 + tags + cancel tag, the flags of England, Scotland, Wales).
 */

/** The characters shown (or, for the exceptions, checked in context), as inclusive code point ranges. */
export const INVISIBLE_RANGES: readonly (readonly [number, number])[] = [
  [0x0000, 0x0008], // C0 controls but tab and line feed
  [0x000b, 0x000c],
  [0x000e, 0x001f], // C0 controls but carriage return
  [0x007f, 0x009f], // DEL and C1 controls
  [0x00ad, 0x00ad], // soft hyphen
  [0x034f, 0x034f], // combining grapheme joiner
  [0x115f, 0x1160], // Hangul choseong and jungseong fillers
  [0x17b4, 0x17b5], // Khmer inherent vowels
  [0x180b, 0x180f], // Mongolian free variation selectors, vowel separator
  [0x200b, 0x200d], // zero-width space, non-joiner, joiner
  [0x202a, 0x202e], // bidi embeddings and overrides
  [0x2060, 0x206f], // word joiner, invisible operators, bidi isolates, deprecated format characters
  [0x3164, 0x3164], // Hangul filler
  [0xfe00, 0xfe0f], // variation selectors
  [0xfeff, 0xfeff], // zero-width no-break space (byte-order mark)
  [0xffa0, 0xffa0], // halfwidth Hangul filler
  [0xfff0, 0xfffb], // unassigned default-ignorables, interlinear annotation
  [0x1bca0, 0x1bca3], // shorthand format controls
  [0x1d173, 0x1d17a], // musical symbol format controls
  [0xe0000, 0xe0fff], // tags, variation selectors supplement, unassigned default-ignorables
];

// The same characters as UTF-16 units (the astral ones by their high surrogate), without the `u` flag: the
// quick check that lets the great majority of texts, which hold none, through at once.
const UNITS = `[${INVISIBLE_RANGES.filter(([a]) => a < 0x10000)
  .map(([a, b]) => `\\u${a.toString(16).padStart(4, '0')}-\\u${b.toString(16).padStart(4, '0')}`)
  .join('')}\\ud82f\\ud834\\udb40-\\udb43]`;
const MAYBE = new RegExp(UNITS);
/** 1 for each UTF-16 unit in `UNITS`, for the loop. */
const UNIT = new Uint8Array(0x10000);
for (const [a, b] of INVISIBLE_RANGES) {
  for (let cp = a; cp <= b; cp++) UNIT[cp < 0x10000 ? cp : 0xd800 + ((cp - 0x10000) >> 10)] = 1;
}

const ZWNJ = 0x200c;
const ZWJ = 0x200d;
const VS16 = 0xfe0f;
const KEYCAP = 0x20e3;
const KEYCAP_BASE = /^[0-9#*]$/;
const EMOJI = /^\p{Emoji}$/u;
const PICTOGRAPH = /^\p{Extended_Pictographic}$/u;
const EMOJI_PART = /^(?:[\p{Extended_Pictographic}\p{Emoji_Modifier}]|\uFE0F)$/u;
const JOINING_SCRIPT =
  /^(?=[\p{L}\p{M}])[\p{scx=Arabic}\p{scx=Syriac}\p{scx=Nko}\p{scx=Mongolian}\p{scx=Adlam}\p{scx=Hanifi_Rohingya}\p{scx=Devanagari}\p{scx=Bengali}\p{scx=Gurmukhi}\p{scx=Gujarati}\p{scx=Oriya}\p{scx=Tamil}\p{scx=Telugu}\p{scx=Kannada}\p{scx=Malayalam}\p{scx=Sinhala}\p{scx=Tibetan}\p{scx=Myanmar}\p{scx=Khmer}\p{scx=Balinese}\p{scx=Javanese}]$/u;
const VARIANT_BASE = /^(?![\p{scx=Latin}\p{scx=Greek}\p{scx=Cyrillic}])[\p{L}\p{N}\p{S}\p{P}]$/u;
const TAG_SEQUENCE = /^[\u{E0020}-\u{E007E}]+\u{E007F}$/u;

/** Code point ending just before UTF-16 index `i`, or -1 at the start. */
function before(s: string, i: number): number {
  if (i <= 0) return -1;
  const lo = s.charCodeAt(i - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && i >= 2) {
    const hi = s.charCodeAt(i - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return (hi - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
  }
  return lo;
}

const IS_EMOJI = 1;
const IS_PICTOGRAPH = 2;
const IS_EMOJI_PART = 4;
const IS_JOINING_SCRIPT = 8;
const IS_VARIANT_BASE = 16;
// Properties of the characters met beside joiners and selectors (emoji, letters), worked out once each: a chat
// of emoji would otherwise test five Unicode properties per joiner. Planes 0 and 1 (every emoji) in a table, the
// rest (ideographs of plane 2 before an ideographic variation selector) in a bounded map.
const KNOWN = 128;
const propertyTable = new Uint8Array(0x20000);
const properties = new Map<number, number>();

function propertiesOf(cp: number): number {
  const c = String.fromCodePoint(cp);
  return (
    KNOWN |
    (EMOJI.test(c) ? IS_EMOJI : 0) |
    (PICTOGRAPH.test(c) ? IS_PICTOGRAPH : 0) |
    (EMOJI_PART.test(c) ? IS_EMOJI_PART : 0) |
    (JOINING_SCRIPT.test(c) ? IS_JOINING_SCRIPT : 0) |
    (VARIANT_BASE.test(c) ? IS_VARIANT_BASE : 0)
  );
}

function is(flag: number, cp: number): boolean {
  if (cp < 0) return false;
  if (cp < 0x20000) {
    let p = propertyTable[cp]!;
    if (p === 0) propertyTable[cp] = p = propertiesOf(cp);
    return (p & flag) !== 0;
  }
  let p = properties.get(cp);
  if (p === undefined) {
    p = propertiesOf(cp);
    if (properties.size < 10_000) properties.set(cp, p);
  }
  return (p & flag) !== 0;
}

function isVariationSelector(cp: number): boolean {
  return (
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xe0100 && cp <= 0xe01ef) ||
    (cp >= 0x180b && cp <= 0x180d) ||
    cp === 0x180f
  );
}

/** True when the character `cp` at index `i` of `s` (`n` UTF-16 units long) is part of ordinary text there. */
function drawn(cp: number, s: string, i: number, n: number): boolean {
  if (cp === ZWJ || cp === ZWNJ) {
    const prev = before(s, i);
    if (cp === ZWJ && is(IS_EMOJI_PART, prev) && is(IS_PICTOGRAPH, s.codePointAt(i + n) ?? -1)) return true;
    return is(IS_JOINING_SCRIPT, prev);
  }
  if (isVariationSelector(cp)) {
    const prev = before(s, i);
    // On ASCII only in a keycap (1️⃣): a stray selector on a digit would hide inside a phone number.
    if (prev >= 0 && prev < 0x80)
      return KEYCAP_BASE.test(String.fromCharCode(prev)) && s.codePointAt(i + n) === KEYCAP;
    return is(IS_EMOJI, prev) || is(IS_VARIANT_BASE, prev);
  }
  return false;
}

/** `U+200B`, `U+E0041`: the code point as Unicode writes it. */
export function codeName(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** True when `cp` is in `INVISIBLE_RANGES`. */
function listed(cp: number): boolean {
  for (const [a, b] of INVISIBLE_RANGES) if (cp >= a && cp <= b) return true;
  return false;
}

/** UTF-16 index just after the run of tag characters starting at `i`. */
function tagRunEnd(s: string, i: number): number {
  let j = i;
  for (let cp = s.codePointAt(j) ?? 0; cp >= 0xe0020 && cp <= 0xe007f; cp = s.codePointAt(j) ?? 0) j += 2;
  return j;
}

/**
 * `s` with every invisible character not drawn as part of ordinary text replaced by `mark(codeName)`; the rest
 * of the text, emoji sequences included, unchanged. A plain loop over the text: a regex replace with a callback
 * costs several times as much on chats full of emoji, whose every ❤️ holds a selector.
 */
export function markInvisible(s: string, mark: (code: string) => string): string {
  if (!MAYBE.test(s)) return s;
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    if (UNIT[s.charCodeAt(i)] === 0) continue;
    const cp = s.codePointAt(i)!;
    const n = cp > 0xffff ? 2 : 1;
    if (cp >= 0xd800 && cp <= 0xdfff) continue; // a lone surrogate: no character at all
    // A BMP unit in the table is listed; a high surrogate stands for 1024 code points, not all of them listed.
    if (n === 2 && !listed(cp)) {
      i += n - 1;
      continue;
    }
    if (cp >= 0xe0020 && cp <= 0xe007f) {
      // A tag run is an emoji tag sequence as a whole, or each of its tags is shown.
      const end = tagRunEnd(s, i);
      const base = before(s, i);
      // The base of a tag sequence is an emoji (🏴), possibly with a skin tone or VS16; never a letter or digit.
      const emojiBase = base === VS16 ? is(IS_PICTOGRAPH, before(s, i - 1)) : is(IS_EMOJI_PART, base);
      if (!emojiBase || !TAG_SEQUENCE.test(s.slice(i, end))) {
        out +=
          s.slice(from, i) + Array.from(s.slice(i, end), (c) => mark(codeName(c.codePointAt(0)!))).join('');
        from = end;
      }
      i = end - 1;
      continue;
    }
    if (!drawn(cp, s, i, n)) {
      out += s.slice(from, i) + mark(codeName(cp));
      from = i + n;
    }
    i += n - 1;
  }
  return from === 0 ? s : out + s.slice(from);
}
