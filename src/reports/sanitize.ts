/**
 * Message text and file names are written by the person being reported, so they are hostile input. These
 * helpers make them inert for each kind of output.
 */
import type { FileNames } from './file-names.js';
import { markInvisible } from './invisible.js';

/** Left-to-right, right-to-left and Arabic letter marks: dropped from text shown to a reader. */
export const DIRECTION_MARKS = /[\u061C\u200E\u200F]/g;

/**
 * Text safe to print on a terminal: newlines and tabs shown as spaces, and controls (ESC starts terminal escape
 * sequences), bidi overrides and invisible characters shown as `<U+001B>`, `<U+200B>` markers as in CSV and HTML
 * (`showControls`), so nothing reaches the terminal raw and a name still reads as what the file holds; the plain
 * left-to-right, right-to-left and Arabic letter marks (U+200E, U+200F, U+061C) carry no content and cannot
 * reorder other text, so they are dropped, as in HTML.
 */
export function terminalSafe(s: string): string {
  return showControls(s.replace(/[\t\n\r\u2028\u2029]+/g, ' ').replace(DIRECTION_MARKS, ''));
}

/**
 * Text that may name a file, safe to print on a terminal as `terminalSafe` makes it, but with the characters that
 * tell apart two file names reading alike (file-names.ts) shown as `<U+200F>` markers wherever the text holds one
 * of them: in the name itself and in a sentence citing it.
 */
export function terminalName(s: string, names: FileNames): string {
  return terminalSafe(names.show(s));
}

/** Text that may name a file, for Markdown, escaped as `markdownEscape` escapes it, names as `terminalName` shows them. */
export function markdownName(s: string, names: FileNames): string {
  return markdownEscape(names.show(s));
}

/** Text of several lines that may name a file (a finding), as `markdownLines` writes it, names as `markdownName`. */
export function markdownNamedLines(s: string, names: FileNames): string {
  return markdownLines(names.show(s));
}

/**
 * Text of several lines safe to print on a terminal: each line as `terminalSafe` makes it, the line feeds between
 * them kept. For the tool's own multi-line messages (a list of files under a heading, a hint with an example on
 * its own line); a carriage return, tab or Unicode line separator still becomes a space.
 */
export function terminalSafeLines(s: string): string {
  return s.split(/\r?\n/).map(terminalSafe).join('\n');
}

/**
 * Makes invisible characters visible as `<U+001B>`, `<U+200B>` for data files that may be printed on a terminal
 * (CSV to stdout): ESC, other C0/C1 controls except tab and line breaks, bidi overrides, and zero-width and other
 * invisible format characters, except where they are part of ordinary text (emoji sequences, joiners in Arabic or
 * Indic script, variation selectors): see `invisible.ts`. The JSON outputs keep the exact text instead, escaped
 * as JSON `\u` sequences.
 */
export function showControls(s: string): string {
  return markInvisible(s, (code) => `<${code}>`);
}

/** JSON text with every control and bidi-override character written as a `\u` escape (same data, inert). */
export function jsonInert(json: string): string {
  return json.replace(
    /[\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Escapes text for HTML element content and attribute values. */
export function htmlEscape(s: string): string {
  return s.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Neutralises spreadsheet formulas (OWASP "CSV injection"): a cell starting with = + - @, tab or carriage
 * return, or with the fullwidth ＝ ＋ － ＠ (Apple Numbers reads those as formulas too), gets one leading
 * apostrophe so spreadsheet programs show it as text. So does a cell that already starts with an apostrophe:
 * then every apostrophe at the start of a cell is one added here, and a script gets the value as sent by
 * dropping exactly one ("'=x" was "=x", "''=x" was "'=x"). Identifiers are cells like any other: +447700900123
 * is written '+447700900123 (JSON Lines is never changed).
 */
export function csvSafe(s: string): string {
  return /^['=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(s) ? `'${s}` : s;
}

/**
 * Escapes text for Markdown table cells and paragraphs (no HTML, no links, no emphasis from data). GitHub-flavoured
 * renderers (GitHub, GitLab, Pandoc's gfm, remark, markdown-it with linkify) also turn a bare `https://…`,
 * `www.…` or `name@host` into a link: a message's web address would be one click from a reader's browser, telling
 * its owner who opened it, where the HTML report shows it as text. Escaping the colon before `//`, the dot after
 * `www` and the `@` breaks those autolinks; each still shows as written. GitHub also sets text between two dollar
 * signs as mathematics (a message's "$x^2$" as x squared): `$` is escaped too.
 */
export function markdownEscape(s: string): string {
  return terminalSafe(s)
    .replace(/[\\`*_{}[\]()#+!|<>~@$]/g, (c) => `\\${c}`)
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/&/g, '&amp;');
}

/** What stands for a line break in a Markdown table cell or list item: a row is one line, so the break needs a mark. */
export const LINE_BREAK = '↵';
/** A line break in message text: CR LF, LF, CR, U+2028 or U+2029. */
export const LINE_BREAKS = /\r\n|[\n\r\u2028\u2029]/;

/**
 * Text for a Markdown table cell or list item, escaped as `markdownEscape` escapes it, with each line break in it
 * shown as " ↵ ": a message of several lines would otherwise read as one sentence (the HTML report keeps the
 * breaks). The mark is plain text, no Markdown or HTML, and each line is escaped alone, so a line that begins with
 * "#", ">" or "-" is as inert as any other text. A blank line between two paragraphs is two marks. Used for the
 * chronology and for every quoted message in the escalation section (requests to stop, lexicon examples, the
 * findings that quote them), so a message reads alike in each.
 */
export function markdownLines(s: string): string {
  return s.split(LINE_BREAKS).map(markdownEscape).join(` ${LINE_BREAK} `);
}
