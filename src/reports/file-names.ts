/**
 * File names that read alike though they differ. A report shows text without the characters that carry no
 * content of their own (the direction marks U+200E, U+200F and U+061C are dropped), and a reader cannot see the
 * difference between a composed "é" (U+00E9) and "e" + U+0301, a no-break space and a space, a tab and a space, or
 * two spaces and one (HTML and Markdown show a run of spaces as one). Two files "WhatsApp Chat with Sam.txt" and
 * the same with a U+200F before ".txt" would then be one name wherever the report names a file: in the table of
 * files read, a citation "[WhatsApp Chat with Sam.txt, line 3]", a duplicate's "copies kept in …", the files not
 * read. So the names of a report are compared once (`fileNamesOf`), and in those that read alike another the
 * characters that hide the difference are shown as `<U+200F>`, `<U+0301>`, `<U+00A0>`, `<U+0020>` markers, by
 * every report and wherever the name is printed, whole or by the end of its path. Other names are shown as all
 * text is, since a marker tells a reader nothing there and reads worse. The JSON keeps every name as it is.
 *
 * Characters shown in such a name: the direction marks; a tab, line feed, carriage return, line or paragraph
 * separator (the text outputs show each as a space); a space other than U+0020 (no-break, thin, ideographic…);
 * a U+0020 after another space, or at the start or end of the name where it stands alone (in a sentence a space
 * beside a name may be the sentence's own, "Sam.txt line 3", so there it is not shown); and in a character
 * written in a form other than Unicode's composed one (NFC), every code point after the first, or all of them
 * when the first also has a composed form of its own (U+212B ANGSTROM SIGN for Å). Controls, bidi overrides and
 * invisible characters are markers in every text already (invisible.ts). Letters of other scripts that look alike
 * (Cyrillic "а" and Latin "a") are not compared: they are different letters, not one written two ways.
 */
import type { Report } from '../model/index.js';
import { codeName } from './invisible.js';
import { terminalSafe } from './sanitize.js';

/** A piece of a text as a report prints it: text as it is, or one character to show as a marker ("U+200F"). */
export type NamePart = string | { readonly code: string };

/** How a name reads once shown: marks dropped, invisible characters as markers, NFC, every space one U+0020. */
export function readAs(name: string): string {
  return terminalSafe(name)
    .normalize('NFC')
    .replace(/\p{Zs}+/gu, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Characters always shown in a name that reads alike another: direction marks, line breaks, tabs, other spaces. */
const HIDDEN = /^[\t\n\r\u061C\u200E\u200F\u2028\u2029]$|^(?! )\p{Zs}$/u;
/** The spaces of a name that a reader cannot count: at its start or end, or after another. */
const EXTRA_SPACES = /^ +| +$|(?<= ) +/g;
/** The same inside a text that holds the name: a space before or after it may be the text's own. */
const INNER_SPACES = /(?<= ) +/g;
// Made on first use: building a segmenter loads ICU's break rules, 20–30 ms of every run's start, and only names
// that read alike another (rare) are split by it.
let graphemes: Intl.Segmenter | undefined;

function codeOf(c: string): { code: string } {
  return { code: codeName(c.codePointAt(0)!) };
}

/**
 * `name` as parts, with the characters that make it differ from a name that reads alike as markers; its spaces at
 * the start and end only when `whole` (the text is the name alone).
 */
function shownParts(name: string, whole: boolean): NamePart[] {
  const spaces = new Set<number>();
  for (const m of name.matchAll(whole ? EXTRA_SPACES : INNER_SPACES))
    for (let k = 0; k < m[0].length; k++) spaces.add(m.index + k);
  const out: NamePart[] = [];
  let plain = '';
  const hide = (c: string) => {
    if (plain) out.push(plain);
    plain = '';
    out.push(codeOf(c));
  };
  graphemes ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  for (const { segment, index } of graphemes.segment(name)) {
    // Almost every character is its own composed form: the code points of those that are not are shown.
    const decomposed =
      segment.length > 1 || segment > '\u007f' ? segment.normalize('NFC') !== segment : false;
    let at = index;
    let first = true;
    for (const c of segment) {
      if (HIDDEN.test(c) || (c === ' ' && spaces.has(at))) hide(c);
      else if (decomposed && (!first || c.normalize('NFC') !== c)) hide(c);
      else plain += c;
      at += c.length;
      first = false;
    }
  }
  if (plain) out.push(plain);
  return out;
}

/** Each `/`-separated ending of `path`, the file name first and the whole path last. */
function endings(path: string): string[] {
  const parts = path.split('/');
  return parts.map((_, k) => parts.slice(parts.length - 1 - k).join('/'));
}

/**
 * The file names of one report, compared once: those whose path, or an ending of it as a citation gives it
 * ("Sam/_chat.txt"), reads as another's does though the two differ. `parts` and `show` print any text with the
 * hidden characters of those names shown wherever the text holds one (the name itself, a sentence citing it).
 */
export class FileNames {
  /** Endings of the names that read alike another, as a text printing one alone holds them. */
  private readonly whole: ReadonlySet<string>;
  /**
   * The same without spaces at their ends, the longest first, as a sentence may hold them: there a space after a
   * name ("Sam.txt line 3") is the sentence's, so a name's own space at an end is shown only where it stands alone.
   */
  private readonly forms: string[];
  /** `show`'s answers so far: a report prints the same few names on many rows. */
  private readonly shown = new Map<string, string>();

  constructor(paths: Iterable<string>) {
    const all = [...new Set(paths)];
    const behind = new Map<string, Set<string>>();
    for (const p of all) {
      for (const e of endings(p)) {
        const key = readAs(e);
        behind.set(key, (behind.get(key) ?? new Set()).add(e));
      }
    }
    const forms = new Set<string>();
    for (const p of all) {
      const ends = endings(p);
      // From the shortest ending that reads as another's: a longer one holds it, and a citation may give either.
      const from = ends.findIndex((e) => behind.get(readAs(e))!.size > 1);
      if (from >= 0) for (const e of ends.slice(from)) forms.add(e);
    }
    this.whole = forms;
    this.forms = [...new Set([...forms].map((f) => f.trim()))]
      .filter((f) => f !== '')
      .sort((a, b) => b.length - a.length);
  }

  /** True when no name reads as another does: every text is printed as it is. */
  get none(): boolean {
    return this.forms.length === 0;
  }

  /**
   * `s` in parts: the text as it is, and within each name (or ending of one) that reads alike another, each
   * character that hides the difference as a part of its own, to be shown as a marker.
   */
  parts(s: string): NamePart[] {
    if (this.forms.length === 0 || s === '') return [s];
    if (this.whole.has(s)) return shownParts(s, true);
    const spans: [number, number][] = [];
    for (const f of this.forms) {
      for (let i = s.indexOf(f); i >= 0; i = s.indexOf(f, i + 1)) spans.push([i, i + f.length]);
    }
    if (spans.length === 0) return [s];
    spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    const out: NamePart[] = [];
    let from = 0;
    for (const [a, b] of spans) {
      if (b <= from) continue;
      const start = Math.max(a, from);
      if (start > from) out.push(s.slice(from, start));
      out.push(...shownParts(s.slice(start, b), false));
      from = b;
    }
    if (from < s.length) out.push(s.slice(from));
    return out;
  }

  /** `s` with the hidden characters of the names in it written as `mark(code)`: `<U+200F>` for the text outputs. */
  show(s: string, mark?: (code: string) => string): string {
    if (this.forms.length === 0) return s;
    const known = mark === undefined ? this.shown.get(s) : undefined;
    if (known !== undefined) return known;
    const out = this.parts(s)
      .map((p) => (typeof p === 'string' ? p : mark === undefined ? `<${p.code}>` : mark(p.code)))
      .join('');
    if (mark === undefined) this.shown.set(s, out);
    return out;
  }
}

const ofReport = new WeakMap<Report, FileNames>();

/**
 * The file names of `r` compared once, however many places print one: the inputs, the archives they were read
 * from, the files not read, the files problems name and the case file.
 */
export function fileNamesOf(r: Report): FileNames {
  let names = ofReport.get(r);
  if (!names) {
    names = new FileNames([
      ...r.inputs.flatMap((x) => (x.archive ? [x.path, x.archive.path] : [x.path])),
      ...r.ignoredFiles.map((f) => f.path),
      ...r.problems.flatMap((p) => (p.file ? [p.file] : [])),
      ...r.problemsOmittedLocations.flatMap((o) => (o.file ? [o.file] : [])),
      ...(r.case.caseFile ? [r.case.caseFile.path] : []),
    ]);
    ofReport.set(r, names);
  }
  return names;
}
