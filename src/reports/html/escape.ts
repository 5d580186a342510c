/**
 * Every string that comes from the data (message text, names, identifiers, file names, labels from the case file,
 * problem messages) is hostile: it may hold markup, control characters, bidi overrides that make text display
 * in a different order than it is stored ("Trojan Source"), or zero-width characters that make two different
 * names look alike. These helpers make such text inert for each place it goes in the page. Controls, overrides
 * and invisible characters are not deleted but shown as `<U+202E>`, `<U+200B>` markers (the convention of the
 * CSV output, `invisible.ts`), so the page still shows what the file holds; the plain left-to-right,
 * right-to-left and Arabic letter marks (U+200E, U+200F, U+061C) carry no content and cannot reorder other text,
 * so they are dropped as in the terminal output.
 */
import type { FileNames, NamePart } from '../file-names.js';
import { markInvisible } from '../invisible.js';
import { DIRECTION_MARKS, htmlEscape, LINE_BREAKS } from '../sanitize.js';

/**
 * Escaped text for element content; controls, bidi overrides and invisible characters appear as visible, styled
 * markers. Escaping first is safe: it only rewrites ASCII punctuation, which decides no character's context. A run
 * of more than LONG_RUN characters without a space (a URL, a hash, an error code, a name typed without spaces) is
 * put in a `<span class="brk">`, which the stylesheet lets break anywhere; ordinary words are not, so a table
 * column is never narrowed until they break ("othe|r"), and a long run cannot make a table wider than the page.
 */
export function text(s: string): string {
  return runs(escaped(s));
}

/**
 * Text that may name a file (a file's path, a sentence citing one), escaped as `text` escapes it, but with the
 * characters that tell apart two file names reading alike (file-names.ts) shown as `<U+200F>` markers wherever the
 * text holds one of them, as the text and Markdown reports show them.
 */
export function fileName(s: string, names: FileNames): string {
  if (names.none) return text(s);
  return runs(names.parts(s).map(part).join(''));
}

/** Text of several lines that may name a file (a finding), as `textLines` writes it, names as `fileName`. */
export function fileNameLines(s: string, names: FileNames): string {
  if (names.none) return textLines(s);
  const lines: NamePart[][] = [[]];
  for (const p of names.parts(s)) {
    if (typeof p !== 'string') lines.at(-1)!.push(p);
    else
      p.split(LINE_BREAKS).forEach((l, k) => {
        if (k > 0) lines.push([]);
        lines.at(-1)!.push(l);
      });
  }
  return lines.map((l) => runs(l.map(part).join(''))).join('<br>');
}

/** Text that may name a file for an attribute value (a key's title), as `plain` writes it, names as `fileName`. */
export function plainName(s: string, names: FileNames): string {
  return plain(names.show(s));
}

const marker = (code: string) => `<span class="cc">&#60;${code}&#62;</span>`;

/** Escaped text with its controls, overrides and invisible characters as markers, direction marks dropped. */
function escaped(s: string): string {
  return markInvisible(htmlEscape(s.replace(DIRECTION_MARKS, '')), marker);
}

function part(p: NamePart): string {
  return typeof p === 'string' ? escaped(p) : marker(p.code);
}

/** Marked output with each run longer than LONG_RUN put in a span that lets it break. */
function runs(marked: string): string {
  return marked.replace(RUN, (run) =>
    shownLength(run) > LONG_RUN ? `<span class="brk">${run}</span>` : run,
  );
}

/** Longest run of characters without a space that is left to break only where the text allows: a long word. */
export const LONG_RUN = 20;

/** A run without a space in `text`'s marked output, where the only markup is the markers and every `<` is one. */
const RUN = /(?:<span class="cc">[^<]*<\/span>|[^\s<])+/g;

/** How many characters a run of marked output shows: a marker as its text, an escaped character as one. */
function shownLength(run: string): number {
  return [...run.replace(/<\/?span[^>]*>/g, '').replace(/&#\d+;/g, '.')].length;
}

/**
 * Escaped text for element content with each line break kept as `<br>`, for a message quoted inside running text or
 * a table cell (a request to stop, a lexicon example, the finding that quotes one), where the line breaks of the
 * text would collapse to spaces; the chronology keeps them with `white-space: pre-wrap` on its own column. Each
 * line is escaped alone, so the only markup is the `<br>` put between them.
 */
export function textLines(s: string): string {
  return s.split(LINE_BREAKS).map(text).join('<br>');
}

/**
 * Escaped text for attribute values and SVG `<text>`/`<title>` content, where markup is not allowed: the same
 * markers, as plain escaped text.
 */
export function plain(s: string): string {
  return htmlEscape(markInvisible(s.replace(DIRECTION_MARKS, ''), (code) => `<${code}>`));
}

/** Data inside running prose: isolated, so a right-to-left name cannot reorder the sentence around it. */
export function bdi(s: string): string {
  return `<bdi>${text(s)}</bdi>`;
}

/** A value safe as an `id` or `data-` token: only [a-z0-9-], anything else hex-encoded. */
export function token(s: string): string {
  return s.replace(/[^a-z0-9-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`);
}
