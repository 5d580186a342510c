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
 * The original is cut into units: a character with the combining marks that follow it, together with the
 * invisible characters just before it (trailing ones join the last unit). A unit folds on its own, to one or
 * more characters. Invisible characters between a right-to-left and a left-to-right letter or digit are a unit
 * of their own, read as a space: there they separate two words, as direction marks are meant to. A unit whose folded characters all survive the edits in sequence is written back as the
 * original unit; a folded character of a unit that an edit cut through is written folded.
 */

/** Invisible format characters, as the content matcher removes them: soft hyphen, zero-width space, joiners,
 * direction marks and embeddings, word joiner and invisible operators, isolates, byte-order mark. */
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'g');
const MARK = /\p{M}/u;
const WORD = /^[\p{L}\p{N}]/u;
/** Letters of the right-to-left scripts. */
const RTL = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const ASCII = /^[\x00-\x7F]*$/;

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
  /** The folded text with the edits so far. */
  text: string;
  /** Per character of `text`: the index in the folded original it was copied from, or -(k + 1) for edit k's text. */
  private from: Int32Array | undefined;
  /** The folded original's span behind each edit that only set its span aside; undefined for replacements. */
  private readonly restores: ([number, number] | undefined)[] = [];
  /** Per unit: where it starts in the original (one more entry: the original's length). Undefined: one unit a character. */
  private readonly unitStart: number[] | undefined;
  /** Per unit: where its folded characters start (one more entry: the folded length). */
  private readonly unitFolded: number[] | undefined;
  /** Per folded character: its unit. */
  private readonly unitOf: Int32Array | undefined;
  private readonly folded: string;

  constructor(readonly original: string) {
    if (ASCII.test(original) || (original.normalize('NFKC') === original && !INVISIBLE.test(original))) {
      this.folded = original;
    } else {
      const starts: number[] = [];
      const foldedStarts: number[] = [];
      const parts: string[] = [];
      let length = 0;
      let unitAt = 0;
      let previous = '';
      for (let i = 0; i < original.length; ) {
        const first = String.fromCodePoint(original.codePointAt(i)!);
        if (INVISIBLE.test(first)) {
          i += first.length;
          // Between a right-to-left word and a left-to-right one ("שלום\u200FSam") the marks separate words:
          // read as a space there, they keep the name after them a whole word.
          let j = i;
          while (j < original.length && INVISIBLE.test(original[j]!)) j++;
          const next = j < original.length ? String.fromCodePoint(original.codePointAt(j)!) : '';
          if (WORD.test(previous) && WORD.test(next) && RTL.test(previous) !== RTL.test(next)) {
            starts.push(unitAt);
            foldedStarts.push(length);
            parts.push(' ');
            length += 1;
            unitAt = j;
            previous = ' ';
          }
          i = j;
          continue;
        }
        let j = i + first.length;
        while (j < original.length) {
          const c = String.fromCodePoint(original.codePointAt(j)!);
          if (!MARK.test(c)) break;
          j += c.length;
        }
        const piece = original.slice(i, j);
        const f = ASCII.test(piece) ? piece : piece.normalize('NFKC');
        starts.push(unitAt);
        foldedStarts.push(length);
        parts.push(f);
        length += f.length;
        previous = first;
        unitAt = j;
        i = j;
      }
      starts.push(original.length);
      foldedStarts.push(length);
      this.folded = parts.join('');
      this.unitStart = starts;
      this.unitFolded = foldedStarts;
      this.unitOf = new Int32Array(length);
      for (let u = 0; u + 1 < foldedStarts.length; u++)
        this.unitOf.fill(u, foldedStarts[u], foldedStarts[u + 1]);
    }
    this.text = this.folded;
  }

  /**
   * Replaces every match of the global expression `re` in the text by what `edit` returns for it; a match it
   * returns undefined for is left.
   */
  replace(re: RegExp, edit: (m: RegExpExecArray) => Replacement | string | undefined): void {
    const edits: Edit[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(this.text); m !== null; m = re.exec(this.text)) {
      if (m[0] === '') {
        re.lastIndex++;
        continue;
      }
      const r = edit(m);
      if (r === undefined) continue;
      const { text, lead = 0, trail = 0 } = typeof r === 'string' ? { text: r } : r;
      edits.push({ start: m.index + lead, end: m.index + m[0].length - trail, text, restore: false });
    }
    this.apply(edits);
  }

  /** Replaces the spans `spans` ([start, end) of the text, in order, not overlapping) by `text`. */
  replaceSpans(spans: readonly (readonly [number, number])[], text: string): void {
    this.apply(spans.map(([start, end]) => ({ start, end, text, restore: false })));
  }

  /**
   * Hides every match of `re` for which `keep` holds from the later patterns behind `mark`, and writes it back
   * as the original at the end (a date kept as written, whose digits are no phone number).
   */
  setAside(re: RegExp, keep: (m: RegExpExecArray) => boolean, mark: string): void {
    const edits: Edit[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(this.text); m !== null; m = re.exec(this.text)) {
      if (m[0] === '') {
        re.lastIndex++;
        continue;
      }
      const end = m.index + m[0].length;
      if (keep(m) && this.restorable(m.index, end))
        edits.push({ start: m.index, end, text: mark, restore: true });
    }
    this.apply(edits);
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
    const t = this.text;
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
        out.push(t[i]!);
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
    if (this.unitFolded![first] !== lo || this.unitFolded![last + 1] !== hi) return this.folded.slice(lo, hi);
    return this.original.slice(this.unitStart![first], this.unitStart![last + 1]);
  }

  private apply(edits: readonly Edit[]): void {
    if (edits.length === 0) return;
    const t = this.text;
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
      this.restores.push(e.restore ? this.span(from, e.start, e.end) : undefined);
      next.fill(-(id + 1), w, w + e.text.length);
      w += e.text.length;
      at = e.end;
    }
    parts.push(t.slice(at));
    next.set(from.subarray(at), w);
    this.text = parts.join('');
    this.from = next;
  }

  /** The folded original's span behind [start, end) of the text. */
  private span(from: Int32Array, start: number, end: number): [number, number] {
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
