/** Hand-built timelines for the escalation tests: events, inputs, a case, and the full report around them. */

import { analyseEscalation } from '../../../src/analysis/escalation/index.js';
import { buildReport } from '../../../src/analysis/index.js';
import type {
  Channel,
  Escalation,
  InputSummary,
  Milestone,
  Report,
  ResolvedCase,
  TimelineEvent,
} from '../../../src/model/index.js';
import { listOf } from '../../../src/timeline/list.js';
import { Zone } from '../../../src/timeline/zone.js';

/** An input file summary; `format` decides whether it is hand-kept (a diary). */
export function input(path: string, format = 'sms-backup-xml', n = 0): InputSummary {
  const hex = [...path]
    .reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7)
    .toString(16)
    .padStart(8, '0');
  return {
    path,
    sha256: hex.repeat(8),
    bytes: 100,
    format,
    records: n,
    events: n,
    kept: n,
    duplicates: 0,
    skipped: 0,
    rejected: 0,
    skippedReasons: {},
    rejectedReasons: {},
    incomplete: false,
  };
}

export interface Ev {
  /** ISO instant, e.g. 2024-01-01T10:00:00Z. */
  at: string;
  channel?: Channel;
  incident?: boolean;
  text?: string;
  /** null: no sender (a diary row). */
  sender?: string | null;
  role?: 'subject' | 'victim' | 'other';
  direction?: 'incoming' | 'outgoing' | 'unknown';
  input?: number;
  locator?: number | string;
  precision?: TimelineEvent['precision'];
  conversation?: string;
  flags?: string[];
  details?: Record<string, string>;
}

let line = 0;

/** One timeline event; incidents from the subject by default. */
export function ev(e: Ev): TimelineEvent {
  const incident = e.incident ?? true;
  const role = e.role ?? (incident ? 'subject' : 'other');
  const sender =
    e.sender === null ? undefined : (e.sender ?? (role === 'subject' ? '+447700900123' : undefined));
  return {
    ms: Date.parse(e.at),
    precision: e.precision ?? 's',
    channel: e.channel ?? 'sms',
    kind: e.channel === 'call' ? 'call' : 'message',
    direction: e.direction ?? (role === 'victim' ? 'outgoing' : 'incoming'),
    sender: sender ? { id: sender } : undefined,
    senderKey: sender ? `phone:${sender}` : undefined,
    role,
    incident,
    text: e.text,
    call: undefined,
    conversation: e.conversation,
    nativeId: undefined,
    flags: e.flags,
    details: e.details,
    input: e.input ?? 0,
    locator: e.locator ?? ++line,
  };
}

/** Events sorted as the timeline sorts them. */
export function timeline(events: TimelineEvent[]): TimelineEvent[] {
  return events.sort((a, b) => a.ms - b.ms || a.input - b.input);
}

/** A resolved case. */
export function kase(over: Partial<ResolvedCase> = {}): ResolvedCase {
  return {
    title: 'Test case',
    timezone: 'UTC',
    timezoneSource: 'option',
    region: 'GB',
    subject: { name: 'Sam', identifiers: ['+447700900123'] },
    victim: { name: 'Alex', identifiers: ['+447700900001'] },
    milestones: [] as Milestone[],
    window: { from: undefined, to: undefined },
    ceasePhrases: undefined,
    lexicon: undefined,
    caseFile: undefined,
    ...over,
  };
}

/** perDay[d] incidents on day d from `from` (YYYY-MM-DD), spread between 10:00 and 23:00 UTC. */
export function daily(from: string, perDay: readonly number[], over: Partial<Ev> = {}): TimelineEvent[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  const out: TimelineEvent[] = [];
  perDay.forEach((n, d) => {
    const step = Math.min(37, Math.floor((13 * 60) / Math.max(1, n)));
    for (let k = 0; k < n; k++) {
      out.push(
        ev({ at: new Date(start + d * 86_400_000 + (10 * 60 + k * step) * 60_000).toISOString(), ...over }),
      );
    }
  });
  return out;
}

/** The escalation analysis of a timeline. */
export function analyse(
  events: TimelineEvent[],
  c: ResolvedCase = kase(),
  inputs: InputSummary[] = [input('case/sms.xml')],
): Escalation {
  return analyseEscalation({ events: listOf(timeline(events)), zone: new Zone(c.timezone), case: c, inputs });
}

/** The whole report of a timeline, with the chronology (as Markdown gets it). */
export function report(
  events: TimelineEvent[],
  c: ResolvedCase = kase(),
  inputs: InputSummary[] = [input('case/sms.xml')],
): Report {
  return buildReport({
    version: 'test',
    generatedAt: '2024-07-01T09:00:00.000Z',
    run: { paths: ['case'], options: {} },
    case: c,
    zone: new Zone(c.timezone),
    tzdata: null,
    inputs,
    ignored: [],
    events: listOf(timeline(events)),
    problems: [],
    problemsOmitted: new Map(),
    problemsOmittedLocations: [],
    withChronology: true,
  });
}

/** Every number in a JSON value, with its path, for the no-NaN/no-Infinity checks. */
export function numbers(value: unknown, path = '$'): { path: string; value: number }[] {
  if (typeof value === 'number') return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => numbers(v, `${path}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => numbers(v, `${path}.${k}`));
  return [];
}
