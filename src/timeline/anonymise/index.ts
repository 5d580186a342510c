/**
 * Research mode: turns one case's timeline into chronolog's anonymised JSONL (documented in
 * src/sources/chronolog-jsonl.ts, which reads it back). Pure: the CLI reads the key and writes the files.
 * Senders become keyed pseudonyms of their normalised identifier; roles, channels, kinds, directions, calls,
 * precision and flags are kept so a report of the anonymised case shows the same counts and statistics.
 * Dropped on purpose: file names, hashes, locators, native ids and `details` (opaque protocol fields have leaked
 * names before, e.g. MMS `tr_id`), and the case title.
 */
import type { Milestone, ResolvedCase, TimelineEvent } from '../../model/index.js';
import { caseIdentifierKeys, typedKey } from '../identities.js';
import { PSEUDONYM_SCHEME, type Pseudonymiser } from './pseudonym.js';
import { type NameTerm, type RedactionType, Redactor } from './redact.js';

export { MIN_KEY_BYTES, PSEUDONYM_SCHEME, Pseudonymiser } from './pseudonym.js';
export { type RedactionType, Redactor, STREET_WORDS } from './redact.js';

/** The first line of an anonymised timeline; `format` is what the chronolog-jsonl source detects. */
export const ANON_FORMAT = 'chronolog-anonymised-timeline';
export const ANON_VERSION = 1;

export interface AnonymiseOptions {
  readonly shiftDates: boolean;
  readonly dropText: boolean;
  /** Names the case for the date shift (the folder name in batch use). */
  readonly caseId: string;
}

/** One event line of the anonymised JSONL. */
export interface AnonRow {
  readonly utc: string;
  readonly precision: TimelineEvent['precision'];
  readonly channel: TimelineEvent['channel'];
  readonly kind: TimelineEvent['kind'];
  readonly direction: TimelineEvent['direction'];
  readonly sender: string | null;
  readonly role: TimelineEvent['role'] | null;
  readonly call: TimelineEvent['call'] | null;
  readonly conversation: string | null;
  readonly text: string | null;
  readonly textLength: number | null;
  readonly flags: readonly string[];
}

export interface AnonymisedCase {
  readonly header: Record<string, unknown>;
  readonly rows: AnonRow[];
  /** A case file with pseudonymised identifiers (and shifted dates when asked). */
  readonly caseFile: Record<string, unknown>;
  readonly counts: { events: number; senders: number; redactions: Record<RedactionType, number> };
}

const DAY_MS = 86_400_000;

function shiftDate(date: string, days: number): string {
  const d = new Date(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
  return d + date.slice(10);
}

/** Every name and identifier in the case and the timeline, with the placeholder that replaces it in text. */
function nameTerms(events: readonly TimelineEvent[], c: ResolvedCase, p: Pseudonymiser): NameTerm[] {
  const terms: NameTerm[] = [];
  const add = (raw: string, key: string | undefined) => {
    if (!key) return;
    const placeholder = `[NAME:${p.of(key).slice(0, 5)}]`;
    terms.push({ term: raw.trim(), placeholder });
    // Parts of a full name ("Sam" of "Sam Carter") are redacted too; very short parts are not (too many false hits).
    const parts = raw.trim().split(/\s+/);
    if (parts.length > 1)
      for (const part of parts) if (part.length >= 3) terms.push({ term: part, placeholder });
  };
  const seen = new Set<string>();
  for (const e of events) {
    const s = e.sender;
    if (!s) continue;
    const id = `${s.id ?? ''}\u0000${s.name ?? ''}`;
    if (seen.has(id)) continue;
    seen.add(id);
    if (s.id !== undefined) add(s.id, e.senderKey);
    if (s.name !== undefined) add(s.name, typedKey(s.name, 'name', undefined) ?? e.senderKey);
  }
  for (const person of [c.subject, c.victim]) {
    if (person.name) add(person.name, typedKey(person.name, 'name', undefined));
    for (const id of person.identifiers)
      add(id.replace(/^(tel:|mailto:|id:|name:)/i, ''), caseIdentifierKeys(id, c.region)[0]);
  }
  return terms;
}

/** Anonymises one case's timeline. */
export function anonymiseCase(
  events: readonly TimelineEvent[],
  c: ResolvedCase,
  p: Pseudonymiser,
  opts: AnonymiseOptions,
): AnonymisedCase {
  const redactor = new Redactor(nameTerms(events, c, p), c.region);
  const shiftMs = opts.shiftDates ? p.shiftWeeks(opts.caseId) * 7 * DAY_MS : 0;
  const shiftDays = shiftMs / DAY_MS;
  const senders = new Set<string>();
  const rows: AnonRow[] = events.map((e) => {
    const sender = e.senderKey === undefined ? null : p.of(e.senderKey);
    if (sender) senders.add(sender);
    const text = e.text === undefined || opts.dropText ? null : redactor.redact(e.text);
    return {
      utc: new Date(e.ms + shiftMs).toISOString(),
      precision: e.precision,
      channel: e.channel,
      kind: e.kind,
      direction: e.direction,
      sender,
      role: e.role ?? null,
      call: e.call ?? null,
      conversation: e.conversation === undefined ? null : p.of(`conversation:${e.conversation}`),
      text,
      textLength: e.text === undefined ? null : e.text.length,
      flags: e.flags ?? [],
    };
  });
  const person = (x: ResolvedCase['subject']) => ({
    identifiers: [...new Set(x.identifiers.flatMap((id) => p.caseIdentifier(id, c.region)))],
  });
  const milestone = (m: Milestone): Milestone => ({
    ...m,
    date: opts.shiftDates ? shiftDate(m.date, shiftDays) : m.date,
    label: redactor.redact(m.label),
  });
  const window = Object.fromEntries(
    (['from', 'to'] as const)
      .filter((k) => c.window[k] !== undefined)
      .map((k) => [k, opts.shiftDates ? shiftDate(c.window[k]!, shiftDays) : c.window[k]!]),
  );
  const caseFile: Record<string, unknown> = {
    title: 'Anonymised case',
    timezone: c.timezone,
    ...(c.region ? { region: c.region } : {}),
    victim: person(c.victim),
    subject: person(c.subject),
    milestones: c.milestones.map(milestone),
    ...(Object.keys(window).length ? { window } : {}),
  };
  const header = {
    format: ANON_FORMAT,
    version: ANON_VERSION,
    datesShifted: opts.shiftDates,
    textDropped: opts.dropText,
    pseudonyms: PSEUDONYM_SCHEME,
  };
  return {
    header,
    rows,
    caseFile,
    counts: { events: rows.length, senders: senders.size, redactions: redactor.counts },
  };
}
