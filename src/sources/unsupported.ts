/**
 * Exports chronolog recognises but does not read. Such a file was told only "not a supported export format", as
 * any JSON is, which leaves the reader guessing whether it was recognised at all; it is named instead, with what
 * to do meanwhile. Each check is cheap and looks at the file's first bytes only, like a source's `detect`.
 */
import type { Probe } from './source.js';

export interface Unsupported {
  /** What the export is, and how chronolog knows it (`chronolog formats` lists them). */
  readonly label: string;
  readonly recognisedBy: string;
  /** True when the file's first bytes have this export's shape. */
  readonly looksLike: (probe: Probe) => boolean;
  /** Why it is not read, as the list of files not read gives it. */
  readonly reason: string;
}

/**
 * Google Chat in Google Takeout (Google Chat/Groups/…/messages.json): {"messages":[{"creator":{"name","email"…},
 * "created_date":"Monday, 1 January 2024 at 10:00:00 UTC","text"…}]}. The three keys together are Google Chat's.
 */
const GOOGLE_CHAT_START = /^\s*\{\s*"messages"\s*:\s*\[\s*\{/;
const GOOGLE_CHAT_CREATOR = /"creator"\s*:\s*\{/;
const GOOGLE_CHAT_DATE = /"created_date"\s*:\s*"/;

export const UNSUPPORTED: readonly Unsupported[] = [
  {
    label: 'Google Chat (Google Takeout messages.json)',
    recognisedBy: 'a JSON object whose "messages" hold "creator" and "created_date" members',
    looksLike: (probe) =>
      GOOGLE_CHAT_START.test(probe.text) &&
      GOOGLE_CHAT_CREATOR.test(probe.text) &&
      GOOGLE_CHAT_DATE.test(probe.text),
    reason:
      'a Google Chat export (Google Takeout), which chronolog does not read yet; keep the file as it is, and meanwhile record the messages in an incident diary (CSV) or keep screenshots of them',
  },
];

/** Why the file is not read, when it is an export chronolog recognises but does not read; undefined otherwise. */
export function unsupportedReason(probe: Probe): string | undefined {
  return UNSUPPORTED.find((u) => u.looksLike(probe))?.reason;
}

/** True when a reason a file is not read is that it is a recognised export chronolog does not read. */
export function isUnsupportedReason(reason: string): boolean {
  return UNSUPPORTED.some((u) => u.reason === reason);
}
