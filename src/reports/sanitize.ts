/**
 * Message text and file names are written by the person being reported, so they are hostile input. These
 * helpers make them inert for each kind of output.
 */

// C0/C1 controls (ESC starts terminal escape sequences), DEL, and bidi overrides/isolates that can make text
// display in a different order than it is stored ("Trojan Source").
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Text safe to print on a terminal: controls and bidi overrides removed, newlines and tabs shown as spaces. */
export function terminalSafe(s: string): string {
  return s.replace(/[\t\n\r\u2028\u2029]+/g, ' ').replace(TERMINAL_UNSAFE, '');
}

/** Escapes text for HTML element content and attribute values. */
export function htmlEscape(s: string): string {
  return s.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Neutralises spreadsheet formulas (OWASP "CSV injection"): a cell starting with = + - @, tab or carriage
 * return gets a leading apostrophe so spreadsheet programs show it as text.
 */
export function csvSafe(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** Escapes text for Markdown table cells and paragraphs (no HTML, no links, no emphasis from data). */
export function markdownEscape(s: string): string {
  return terminalSafe(s)
    .replace(/[\\`*_{}[\]()#+!|<>~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;');
}
