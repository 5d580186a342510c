/**
 * The text the redactor searches, and the way its edits reach the original. A name or a number can hide from a
 * pattern behind characters a reader never sees or reads past: a zero-width space inside a name
 * ("S\u200Bamantha"), a soft hyphen, a direction mark, a byte-order mark, or digits and letters in another
 * Unicode form ("０７７００９００１２３", "Ｓａｍ"). So the patterns run on a folded copy, with those invisible
 * characters removed and every character in its NFKC form (the folds the content analysis reads texts by,
 * escalation/matcher.ts, without its lower-casing: capitals mark names here), and each edit replaces the whole
 * span of the original that the folded match came from, invisible characters inside it included. Everything
 * no edit touches is written back exactly as it was.
 *
 * Folding must not hide what the text as written shows: a word boundary of the original is kept. So the
 * patterns read two copies and every match of either is replaced (the first, then the longest, where they
 * overlap): the folded copy, and the same copy with a boundary (a private-use character, no letter, digit or
 * space) where the fold took one away. That is where invisible characters between two letters or digits were
 * removed ("Sam\u200Bwill": both "Samwill" and "Sam|will" are read), and around a character that is no letter
 * or digit but folds to some ("Sam™" reads "SamTM" and "Sam|TM|"). A combining mark is folded on its own, never
 * composed with the letter before it, so it stays a boundary as written ("Sam\u0301"); the redactor matches a
 * name in its composed and its decomposed form.
 *
 * The original is cut into units: a character, together with the invisible characters just before it (trailing
 * ones join the last unit), or, for a run that starts with a variation selector, keycap mark, tag or combining
 * grapheme joiner and is no boundary (below), just after it, as they modify the character before them. A unit
 * folds on its own, to one or more characters. Invisible characters between two letters or digits are a unit of
 * their own: a boundary, or a space between a right-to-left and a left-to-right letter or digit, where they
 * separate two words, as direction marks are meant to. A unit whose folded characters all survive the edits in
 * sequence is written back as the original unit; a folded character of a unit that an edit cut through is written
 * folded (a boundary as nothing).
 */

/**
 * Characters the patterns read past: Unicode's default-ignorable characters, the invisible ones the reports mark
 * (reports/invisible.ts: soft hyphen, combining grapheme joiner, Hangul fillers, zero-width space, joiners,
 * direction marks and embeddings, word joiner and invisible operators, isolates, variation selectors, byte-order
 * mark, tags), and the keycap mark U+20E3, so a number written in keycap emoji ("0️⃣7️⃣7️⃣…", a digit, VS16 and
 * U+20E3 each) reads as its digits. Any of them can sit inside a number or a name without changing how it reads.
 */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}|\u20E3/u;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'gu');
/** Of those, the ones that modify the character before them: variation selectors, the keycap mark, tags, CGJ. */
const MODIFIER = /^(?:\p{Variation_Selector}|\u034F|\u20E3|[\u{E0020}-\u{E007F}])/u;
/** A character the name patterns count as part of a word (their boundary is `[^\p{L}\p{N}_]`). */
const WORD = /^[\p{L}\p{N}_]/u;
const HAS_WORD = /[\p{L}\p{N}_]/u;
/** Letters of the right-to-left scripts. */
const RTL = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const ASCII = /^[\x00-\x7F]*$/;
/** What stands for a boundary the fold took away, in the second copy the patterns read. */
const BOUNDARY = '\uE001';

/** One character of the original folded: no letter or digit turned into one without a boundary around it. */
function foldChar(c: string): string {
  if (c.charCodeAt(0) < 0x80) return c;
  const f = c.normalize('NFKC');
  return f !== c && !WORD.test(c) && HAS_WORD.test(f) ? BOUNDARY + f + BOUNDARY : f;
}

/** A copy of the text that the patterns read: its characters, and where each is in the text (undefined: the same). */
interface Reading {
  readonly text: string;
  readonly at: Int32Array | undefined;
}

/** A match in one reading: its span in the text, and the edit it makes if taken. */
interface Found {
  readonly start: number;
  readonly end: number;
  readonly take: () => Edit | undefined;
}

/** `text` folded as the redactor reads it (for the terms it searches for). */
export function fold(text: string): string {
  return ASCII.test(text) ? text : text.normalize('NFKC').replace(INVISIBLE_ALL, '');
}

/** What replaces a match: a placeholder, or (with `lead`/`trail`) only the middle of the match. */
export interface Replacement {
  readonly text: string;
  /** How many characters at the start of the match stay as they are. */
  readonly lead?: number;
  /** How many characters at the end of the match stay as they are. */
  readonly trail?: number;
}

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The span is only set aside: written back as the original at the end. */
  readonly restore: boolean;
}

/** A text under redaction: the folded text as the edits so far left it, and where each character came from. */
export class FoldedText {
  /** The folded text with the edits so far, boundaries included. */
  private current: string;
  /** Per character of `current`: the index in the folded original it was copied from, or -(k + 1) for edit k's text. */
  private from: Int32Array | undefined;
  /** The folded original's span behind each edit that only set its span aside; undefined for replacements. */
  private readonly restores: ([number, number] | undefined)[] = [];
  /** Per unit: where it starts in the original (one more entry: the original's length). Undefined: one unit a character. */
  private readonly unitStart: number[] | undefined;
  /** Per unit: where its folded characters start (one more entry: the folded length). */
  private readonly unitFolded: number[] | undefined;
  /** Per folded character: its unit. */
  private readonly unitOf: Int32Array | undefined;
  /** Per folded character: 1 where it is a boundary the fold took away (read only by the second copy). */
  private readonly boundary: Uint8Array | undefined;
  private readonly folded: string;
  /** The copies the patterns read, until the next edit. */
  private read: Reading[] | undefined;

  constructor(readonly original: string) {
    if (ASCII.test(original) || (original.normalize('NFKC') === original && !INVISIBLE.test(original))) {
      this.folded = original;
    } else {
      const starts: number[] = [];
      const foldedStarts: number[] = [];
      const parts: string[] = [];
      let length = 0;
      let unitAt = 0;
      /** The last folded character so far, a boundary as ''. */
      let previous = '';
      const unit = (f: string) => {
        starts.push(unitAt);
        foldedStarts.push(length);
        parts.push(f);
        length += f.length;
      };
      for (let i = 0; i < original.length; ) {
        const first = String.fromCodePoint(original.codePointAt(i)!);
        if (INVISIBLE.test(first)) {
          // Between two letters or digits the invisible characters are a unit of their own: a boundary the
          // second copy reads, since they separate two words as written ("Sam\u200Bwill"); between a
          // right-to-left word and a left-to-right one ("שלום\u200FSam") a space, as direction marks are meant.
          let j = i + first.length;
          while (j < original.length) {
            const c = String.fromCodePoint(original.codePointAt(j)!);
            if (!INVISIBLE.test(c)) break;
            j += c.length;
          }
          const next = j < original.length ? foldChar(String.fromCodePoint(original.codePointAt(j)!)) : '';
          if (WORD.test(previous) && WORD.test(next)) {
            unit(RTL.test(previous) !== RTL.test(next) ? ' ' : BOUNDARY);
            unitAt = j;
            previous = '';
          } else if (previous !== '' && MODIFIER.test(first)) {
            // A selector or keycap mark belongs to the character before it (the 3 of a keycap 3️⃣), so a
            // placeholder over that character takes it too, instead of leaving "[PHONE]️⃣".
            unitAt = j;
          }
          i = j;
          continue;
        }
        const f = foldChar(first);
        unit(f);
        previous = f.endsWith(BOUNDARY) ? '' : f.slice(-1);
        i += first.length;
        unitAt = i;
      }
      starts.push(original.length);
      foldedStarts.push(length);
      this.folded = parts.join('');
      this.unitStart = starts;
      this.unitFolded = foldedStarts;
      this.unitOf = new Int32Array(length);
      for (let u = 0; u + 1 < foldedStarts.length; u++)
        this.unitOf.fill(u, foldedStarts[u], foldedStarts[u + 1]);
      // A boundary character is one a unit's fold holds only as a boundary (the original may hold U+E001 itself).
      if (this.folded.includes(BOUNDARY)) {
        this.boundary = new Uint8Array(length);
        for (let u = 0; u + 1 < foldedStarts.length; u++) {
          const [lo, hi] = [foldedStarts[u]!, foldedStarts[u + 1]!];
          if (original.slice(starts[u], starts[u + 1]).includes(BOUNDARY)) continue;
          for (let k = lo; k < hi; k++) if (this.folded[k] === BOUNDARY) this.boundary[k] = 1;
        }
      }
    }
    this.current = this.folded;
  }

  /** The folded text with the edits so far (the first copy the patterns read: without boundaries). */
  get text(): string {
    return this.readings()[0]!.text;
  }

  /**
   * Replaces every match of the global expression `re` in either copy of the text by what `edit` returns for it
   * (`text`: the copy it was found in, whose coordinates `m.index` is in); a match it returns undefined for is
   * left.
   */
  replace(re: RegExp, edit: (m: RegExpExecArray, text: string) => Replacement | string | undefined): void {
    this.apply(
      this.choose(
        this.matches(re, (m, r, start, end) => () => {
          const x = edit(m, r.text);
          if (x === undefined) return undefined;
          const { text, lead = 0, trail = 0 } = typeof x === 'string' ? { text: x } : x;
          const [s, e] = this.span(r, m.index + lead, m.index + m[0].length - trail);
          return { start: lead ? s : start, end: trail ? e : end, text, restore: false };
        }),
      ),
    );
  }

  /**
   * Replaces by `text` every span that `find` returns for either copy of the text ([start, end) of the copy it
   * is given); returns how many it replaced.
   */
  replaceFound(find: (text: string) => readonly (readonly [number, number])[], text: string): number {
    const found: Found[] = [];
    for (const r of this.readings())
      for (const [s, e] of find(r.text)) {
        if (e <= s) continue;
        const [start, end] = this.span(r, s, e);
        found.push({ start, end, take: () => ({ start, end, text, restore: false }) });
      }
    const edits = this.choose(found);
    this.apply(edits);
    return edits.length;
  }

  /**
   * Hides every match of `re` for which `keep` holds from the later patterns behind `mark`, and writes it back
   * as the original at the end (a date kept as written, whose digits are no phone number).
   */
  setAside(re: RegExp, keep: (m: RegExpExecArray) => boolean, mark: string): void {
    this.apply(
      this.choose(
        this.matches(
          re,
          (m, _r, start, end) => () =>
            keep(m) && this.restorable(start, end) ? { start, end, text: mark, restore: true } : undefined,
        ),
      ),
    );
  }

  /** The matches of `re` in each copy, with their span in the text and what taking them does. */
  private matches(
    re: RegExp,
    take: (m: RegExpExecArray, r: Reading, start: number, end: number) => () => Edit | undefined,
  ): Found[] {
    const found: Found[] = [];
    for (const r of this.readings()) {
      re.lastIndex = 0;
      for (let m = re.exec(r.text); m !== null; m = re.exec(r.text)) {
        if (m[0] === '') {
          re.lastIndex++;
          continue;
        }
        const [start, end] = this.span(r, m.index, m.index + m[0].length);
        found.push({ start, end, take: take(m, r, start, end) });
      }
    }
    return found;
  }

  /** The edits of the matches taken: in order, the first then the longest where they overlap. */
  private choose(found: Found[]): Edit[] {
    // Stable: of two equal spans, the one of the first copy.
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    const edits: Edit[] = [];
    let end = 0;
    for (const f of found) {
      if (f.start < end) continue;
      const e = f.take();
      if (e === undefined) continue;
      edits.push(e);
      end = f.end;
    }
    return edits;
  }

  /** The copies the patterns read: the text without its boundaries and, when it has some, the text itself. */
  private readings(): Reading[] {
    // Read by every pattern: built again only after an edit (each build walks the whole text).
    this.read ??= this.build();
    return this.read;
  }

  private build(): Reading[] {
    const t = this.current;
    const boundary = this.boundary;
    if (!boundary) return [{ text: t, at: undefined }];
    const from = this.from;
    const at: number[] = [];
    const kept: string[] = [];
    for (let i = 0; i < t.length; i++) {
      const k = from ? from[i]! : i;
      if (k >= 0 && boundary[k] === 1) continue;
      at.push(i);
      kept.push(t[i]!);
    }
    if (at.length === t.length) return [{ text: t, at: undefined }];
    return [
      { text: kept.join(''), at: Int32Array.from(at) },
      { text: t, at: undefined },
    ];
  }

  /** The span of the text behind [start, end) of reading `r` (empty: where `start` is). */
  private span(r: Reading, start: number, end: number): [number, number] {
    if (!r.at) return [start, Math.max(start, end)];
    const s = start < r.at.length ? r.at[start]! : this.current.length;
    return end > start ? [s, r.at[end - 1]! + 1] : [s, s];
  }

  /** Whether [start, end) of the text can be written back as its original: it holds no placeholder. */
  private restorable(start: number, end: number): boolean {
    const from = this.from;
    if (!from) return true;
    for (let i = start; i < end; i++) if (from[i]! < 0 && !this.restores[-from[i]! - 1]) return false;
    return true;
  }

  /** The original with every edit made: placeholders where the matches were, everything else as it was. */
  toString(): string {
    const from = this.from;
    if (!from) return this.original;
    const t = this.current;
    const out: string[] = [];
    for (let i = 0; i < t.length; ) {
      const k = from[i]!;
      if (k < 0) {
        let j = i + 1;
        while (j < t.length && from[j] === k) j++;
        const span = this.restores[-k - 1];
        out.push(span ? this.originalOf(span[0], span[1]) : t.slice(i, j));
        i = j;
        continue;
      }
      const [fs, fe] = this.unitAround(k);
      let whole = k === fs && i + (fe - fs) <= t.length;
      for (let d = 1; whole && d < fe - fs; d++) whole = from[i + d] === k + d;
      if (whole) {
        out.push(this.originalOf(fs, fe));
        i += fe - fs;
      } else {
        if (this.boundary?.[k] !== 1) out.push(t[i]!);
        i++;
      }
    }
    return out.join('');
  }

  /** The folded span [start, end) of the unit folded character `k` belongs to. */
  private unitAround(k: number): [number, number] {
    if (!this.unitOf) return [k, k + 1];
    const u = this.unitOf[k]!;
    return [this.unitFolded![u]!, this.unitFolded![u + 1]!];
  }

  /** The original behind the folded span [lo, hi): whole units, or the folded text where a unit is cut. */
  private originalOf(lo: number, hi: number): string {
    if (!this.unitOf) return this.original.slice(lo, hi);
    const first = this.unitOf[lo]!;
    const last = this.unitOf[hi - 1]!;
    if (this.unitFolded![first] !== lo || this.unitFolded![last + 1] !== hi) {
      let s = '';
      for (let k = lo; k < hi; k++) if (this.boundary?.[k] !== 1) s += this.folded[k];
      return s;
    }
    return this.original.slice(this.unitStart![first], this.unitStart![last + 1]);
  }

  private apply(edits: readonly Edit[]): void {
    if (edits.length === 0) return;
    const t = this.current;
    const from = this.from ?? identity(t.length);
    const length = edits.reduce((n, e) => n + e.text.length - (e.end - e.start), t.length);
    const next = new Int32Array(length);
    const parts: string[] = [];
    let at = 0;
    let w = 0;
    for (const e of edits) {
      parts.push(t.slice(at, e.start), e.text);
      next.set(from.subarray(at, e.start), w);
      w += e.start - at;
      const id = this.restores.length;
      this.restores.push(e.restore ? this.folds(from, e.start, e.end) : undefined);
      next.fill(-(id + 1), w, w + e.text.length);
      w += e.text.length;
      at = e.end;
    }
    parts.push(t.slice(at));
    next.set(from.subarray(at), w);
    this.current = parts.join('');
    this.from = next;
    this.read = undefined;
  }

  /** The folded original's span behind [start, end) of the text. */
  private folds(from: Int32Array, start: number, end: number): [number, number] {
    const lo = (k: number) => (k >= 0 ? k : this.restores[-k - 1]![0]);
    const hi = (k: number) => (k >= 0 ? k + 1 : this.restores[-k - 1]![1]);
    return [lo(from[start]!), hi(from[end - 1]!)];
  }
}

function identity(n: number): Int32Array {
  const a = new Int32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  return a;
}
