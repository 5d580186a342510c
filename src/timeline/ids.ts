/**
 * Stable event ids: the first 16 hex digits of SHA-256(file SHA-256, locator). Computed only when an output
 * lists events, so a million-event report does not pay for a million hashes it never prints.
 */
import { createHash } from 'node:crypto';

export function eventId(fileSha256: string, locator: number | string): string {
  return createHash('sha256')
    .update(`${fileSha256}\u0000${String(locator)}`)
    .digest('hex')
    .slice(0, 16);
}

/** Locators as text: a bare number is a line. */
export function locatorText(locator: number | string): string {
  return typeof locator === 'number' ? `line ${locator}` : locator;
}
