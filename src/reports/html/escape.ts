/**
 * Every string that comes from the data (message text, names, identifiers, file names, labels from the case file,
 * problem messages) is hostile: it may hold markup, control characters, or bidi overrides that make text display
 * in a different order than it is stored ("Trojan Source"). These helpers make such text inert for each place it
 * goes in the page. Controls and overrides are not deleted but shown as `<U+202E>` markers (the convention of the
 * CSV output), so the page still shows what the file holds; the plain left-to-right and right-to-left marks
 * (U+200E, U+200F) carry no content and cannot reorder other text, so they are dropped as in the terminal output.
 */
import { htmlEscape } from '../sanitize.js';

// C0/C1 controls except tab and line breaks, DEL, and the bidi embeddings, overrides and isolates.
const SHOWN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
const DROPPED = /[\u200E\u200F]/g;

function code(c: string): string {
  return `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Escaped text for element content; controls and bidi overrides appear as visible, styled markers. */
export function text(s: string): string {
  return htmlEscape(s.replace(DROPPED, '')).replace(
    SHOWN,
    (c) => `<span class="cc">&#60;${code(c)}&#62;</span>`,
  );
}

/**
 * Escaped text for attribute values and SVG `<text>`/`<title>` content, where markup is not allowed: the same
 * markers, as plain escaped text.
 */
export function plain(s: string): string {
  return htmlEscape(s.replace(DROPPED, '').replace(SHOWN, (c) => `<${code(c)}>`));
}

/** Data inside running prose: isolated, so a right-to-left name cannot reorder the sentence around it. */
export function bdi(s: string): string {
  return `<bdi>${text(s)}</bdi>`;
}

/** A value safe as an `id` or `data-` token: only [a-z0-9-], anything else hex-encoded. */
export function token(s: string): string {
  return s.replace(/[^a-z0-9-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`);
}
