/**
 * The per-incident facts most figures read — channel, local day and hour, the identifier shown for the sender —
 * gathered in ONE pass over the incidents into typed arrays. A million incidents were otherwise walked a dozen
 * times, each figure converting instants to local days and senders to labels again and counting by strings.
 * The figures count by these small integers and turn them into channel names and labels once at the end.
 */
import type { CallStatus, Channel, Kind } from '../model/index.js';
import { CALL_STATUSES, CHANNELS, KINDS } from '../model/vocabulary.js';
import { type EventList, KIND_CALL_SLOTS, kindCallSlot } from '../timeline/list.js';
import type { Who } from '../timeline/store.js';
import type { Zone } from '../timeline/zone.js';
import { senderLabel } from './counts.js';

/** Columns of a time-ordered incident list; element i describes incident i. */
export interface IncidentColumns {
  /** Index into CHANNELS. */
  readonly channel: Uint8Array;
  /** Local day number (days since 1970-01-01 in the case zone). */
  readonly day: Int32Array;
  /** Local hour 0–23, or −1 for a date-only record (it has no hour). */
  readonly hour: Int8Array;
  /** Index into `labels`: the identifier shown for the sender (`senderLabel`); one byte wide while it can be. */
  readonly sender: Uint8Array | Uint16Array | Int32Array;
  /** Sender labels, in order of first appearance. */
  readonly labels: readonly string[];
  /** The names as written (uncleaned) seen with each label. */
  readonly rawNames: readonly ReadonlySet<string>[];
  /** Per label: its incidents, first and last instant, first incident's index, and channels (bits of CHANNELS
   *  indices). */
  readonly perLabel: readonly LabelStats[];
  /** Incidents per CHANNELS index. */
  readonly perChannel: readonly number[];
  /** The conversations and the inputs that hold incidents. */
  readonly conversations: ReadonlySet<string>;
  readonly inputs: ReadonlySet<number>;
  /**
   * Indices of the few incidents with a recorded effect on the victim (`details.effect`) and of those flagged
   * `via-third-party`, for the S-DASH sheet: found here, in the pass that already reads every incident.
   */
  readonly withEffect: readonly number[];
  readonly viaThirdParty: readonly number[];
  /** Incidents per KINDS index. */
  readonly kinds: readonly number[];
  /** Incidents per CALL_STATUSES index (events without a call are not counted). */
  readonly calls: readonly number[];
  /** Incidents of kind `call` whose record gives no outcome (a diary row "phone call"). */
  readonly callsWithoutOutcome: number;
}

/** What the incidents of one sender label add up to. */
export interface LabelStats {
  count: number;
  first: number;
  last: number;
  firstAt: number;
  /** Index of the last incident (the latest in time order). */
  lastAt: number;
  /** Bit c is set when an incident was on channel CHANNELS[c] (fewer than 32 channels). */
  channels: number;
}

const DAY = 86_400_000;
const CALL_KIND = KINDS.indexOf('call');
const HOUR = 3_600_000;

/** Channel indices in the byte order of their names (the order of every sorted channel list). */
export const CHANNELS_SORTED: readonly number[] = CHANNELS.map((_, i) => i).sort((a, b) =>
  CHANNELS[a]! < CHANNELS[b]! ? -1 : 1,
);

/**
 * The columns of time-ordered incidents.
 *
 * Written for single cold passes over a million incidents: V8 optimises a loop while it runs, so a loop of few
 * calls gets there sooner, and a branch first taken after that (a clock change, the first flagged record) throws
 * the optimised code away and starts again. So the list's bulk reads (list.ts) give the channels, counts, sets
 * and the few incidents with flags or details; the loops here read the sender and the instant, with no branch
 * first taken mid-way; and the days with a clock change are corrected afterwards (`fixClockChangeDays`).
 */
export function incidentColumns(incidents: EventList, zone: Zone): IncidentColumns {
  const n = incidents.length;
  const channel = new Uint8Array(n);
  const perChannel = new Int32Array(CHANNELS.length);
  const perKindCall = new Int32Array(KIND_CALL_SLOTS);
  incidents.tally(channel, perChannel, perKindCall);
  const perKind = KINDS.map((_, k) => {
    let n = 0;
    for (let c = -1; c < CALL_STATUSES.length; c++) n += perKindCall[kindCallSlot(k, c)]!;
    return n;
  });
  const perCall = CALL_STATUSES.map((_, c) => {
    let n = 0;
    for (let k = 0; k < KINDS.length; k++) n += perKindCall[kindCallSlot(k, c)]!;
    return n;
  });
  const { sender, labels, rawNames, perLabel } = senderColumn(incidents, channel);
  const { day, hour } = localDaysAndHours(incidents, zone);
  const withEffect: number[] = [];
  const viaThirdParty: number[] = [];
  for (const i of incidents.withFlagsOrDetails()) {
    if ((incidents.details(i)?.['effect'] ?? '').trim() !== '') withEffect.push(i);
    if (incidents.flags(i)?.includes('via-third-party')) viaThirdParty.push(i);
  }
  return {
    channel,
    day,
    hour,
    sender,
    labels,
    rawNames,
    perLabel,
    perChannel: Array.from(perChannel),
    conversations: incidents.conversationSet(),
    inputs: incidents.inputSet(),
    withEffect,
    viaThirdParty,
    kinds: perKind,
    calls: perCall,
    callsWithoutOutcome: perKindCall[kindCallSlot(CALL_KIND, -1)]!,
  };
}

/**
 * The sender label of each incident, the labels, the names seen with each, and what each label adds up to.
 * Incidents come in runs from one sender: each run is found by reading only the sender, and added to its label's
 * figures at its end (incidents are in time order, so its first and last incidents hold its first and last
 * instants).
 */
function senderColumn(
  incidents: EventList,
  channel: Uint8Array,
): Pick<IncidentColumns, 'sender' | 'labels' | 'rawNames' | 'perLabel'> {
  const n = incidents.length;
  // One slot more than incidents: label 0 is written there (a fresh array already reads 0), so that a case with
  // one identifier, the usual one, never writes (and the operating system never supplies) the column's memory.
  let sender: Uint8Array | Uint16Array | Int32Array = new Uint8Array(n + 1);
  const labels: string[] = [];
  const rawNames: Set<string>[] = [];
  const labelIds = new Map<string, number>();
  const perLabel: LabelStats[] = [];
  // The label depends only on the sender and its resolved key. A stored timeline shares one sender object per
  // distinct sender (`who`), so a run of incidents from one sender is recognised by identity; other senders are
  // looked up by their party object, then key.
  const bySender = new Map<object | undefined, { key: string | undefined; id: number }[]>();
  const labelOf = (who: Who, i: number): number => {
    const s = who.sender;
    const key = who.key;
    let seen = bySender.get(s);
    if (seen === undefined) {
      seen = [];
      bySender.set(s, seen);
    }
    let found = seen.find((x) => x.key === key);
    if (found === undefined) {
      const label = senderLabel({ sender: s, senderKey: key });
      let id = labelIds.get(label);
      if (id === undefined) {
        id = labels.length;
        if (id === 0x100 || id === 0x10000) sender = widened(sender, id === 0x100 ? Uint16Array : Int32Array);
        labelIds.set(label, id);
        labels.push(label);
        rawNames.push(new Set());
        const ms = incidents.ms(i);
        perLabel.push({ count: 0, first: ms, last: ms, firstAt: i, lastAt: i, channels: 0 });
      }
      if (s?.name !== undefined) rawNames[id]!.add(s.name);
      found = { key, id };
      seen.push(found);
    }
    return found.id;
  };
  /** Adds incidents [from, to), all of label `id`, to its figures. */
  const addRun = (id: number, from: number, to: number): void => {
    const stats = perLabel[id]!;
    stats.count += to - from;
    const first = incidents.ms(from);
    const last = incidents.ms(to - 1);
    if (first < stats.first) stats.first = first;
    if (last >= stats.last) {
      stats.last = last;
      stats.lastAt = to - 1;
    }
    let bits = 0;
    for (let i = from; i < to; i++) bits |= 1 << channel[i]!;
    stats.channels |= bits;
  };
  let runStart = 0;
  let lastWho: Who | undefined;
  let lastId = -1;
  for (let i = 0; i < n; i++) {
    const who = incidents.who(i);
    if (who !== lastWho) {
      if (i > 0) addRun(lastId, runStart, i);
      lastWho = who;
      lastId = labelOf(who, i);
      runStart = i;
    }
    sender[lastId === 0 ? n : i] = lastId;
  }
  if (n > 0) addRun(lastId, runStart, n);
  return { sender: sender.subarray(0, n), labels, rawNames, perLabel };
}

/**
 * The local day number and hour (−1 for a date-only record) of each incident. Incidents come in time order, many
 * to a UTC day: the zone is asked once per day for its offset at the day's start, and the days whose offset
 * changes are corrected afterwards.
 */
function localDaysAndHours(incidents: EventList, zone: Zone): { day: Int32Array; hour: Int8Array } {
  const n = incidents.length;
  const day = new Int32Array(n);
  const hour = new Int8Array(n);
  let lastUtcDay = Number.NaN;
  let steady = 0;
  for (let i = 0; i < n; i++) {
    const ms = incidents.ms(i);
    const utcDay = Math.floor(ms / DAY);
    if (utcDay !== lastUtcDay) {
      lastUtcDay = utcDay;
      steady = zone.offsetAt(utcDay * DAY) * 60_000;
    }
    const local = ms + steady;
    const d = Math.floor(local / DAY);
    day[i] = d;
    hour[i] = incidents.precision(i) === 'day' ? -1 : Math.floor((local - d * DAY) / HOUR);
  }
  fixClockChangeDays(incidents, zone, day, hour);
  return { day, hour };
}

/**
 * Local days and hours of the incidents on UTC days when the zone's offset changes, which `incidentColumns` wrote
 * with the offset at the day's start: each is asked of the zone instant by instant. A day has one offset when its
 * offsets at its start and at the next day's start agree (no zone changes its offset and back within a day,
 * zone.ts).
 */
function fixClockChangeDays(incidents: EventList, zone: Zone, day: Int32Array, hour: Int8Array): void {
  const n = incidents.length;
  if (n === 0) return;
  const last = Math.floor(incidents.ms(n - 1) / DAY);
  let i = 0;
  for (let d = Math.floor(incidents.ms(0) / DAY); d <= last; d++) {
    if (zone.offsetAt(d * DAY) === zone.offsetAt((d + 1) * DAY)) continue;
    // The incidents of UTC day d, found by binary search from where the last search ended.
    let lo = i;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (incidents.ms(mid) < d * DAY) lo = mid + 1;
      else hi = mid;
    }
    for (i = lo; i < n && incidents.ms(i) < (d + 1) * DAY; i++) {
      const p = zone.dayHour(incidents.ms(i));
      day[i] = p.day;
      if (hour[i] !== -1) hour[i] = p.hour;
    }
  }
}

function widened(
  col: Uint8Array | Uint16Array | Int32Array,
  to: typeof Uint16Array | typeof Int32Array,
): Uint16Array | Int32Array {
  const wide = new to(col.length);
  wide.set(col);
  return wide;
}

/** Incidents per CHANNELS index among `channel[from…]` (a column of CHANNELS indices). */
export function countPerChannel(channel: ArrayLike<number>, from = 0): number[] {
  const counts = new Array<number>(CHANNELS.length).fill(0);
  for (let i = from; i < channel.length; i++) counts[channel[i]!]!++;
  return counts;
}

/**
 * Counts per name as a plain object with keys in byte order (`order`: the names' indices in that order), leaving out
 * zeros.
 */
export function countRecord<K extends string>(
  names: readonly K[],
  counts: ArrayLike<number>,
  order: readonly number[] = names.map((_, i) => i).sort((a, b) => (names[a]! < names[b]! ? -1 : 1)),
): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  for (const i of order) if (counts[i]! > 0) out[names[i]!] = counts[i]!;
  return out;
}

/**
 * Incidents per channel, kind, call outcome and identifier (keys sorted), and the calls without an outcome, which
 * byCallStatus cannot hold (its keys are outcomes): with them the outcomes add up to the calls (byKind.call).
 */
export function breakdowns(cols: IncidentColumns): {
  byChannel: Partial<Record<Channel, number>>;
  byKind: Partial<Record<Kind, number>>;
  byCallStatus: Partial<Record<CallStatus, number>>;
  callsWithoutOutcome?: number;
  byIdentifier: Record<string, number>;
} {
  return {
    byChannel: countRecord(CHANNELS, cols.perChannel, CHANNELS_SORTED),
    byKind: countRecord(KINDS, cols.kinds),
    byCallStatus: countRecord(CALL_STATUSES, cols.calls),
    // Left out when there are none, as the counts beside it leave out zeros.
    ...(cols.callsWithoutOutcome > 0 ? { callsWithoutOutcome: cols.callsWithoutOutcome } : {}),
    byIdentifier: countRecord(
      cols.labels,
      cols.perLabel.map((s) => s.count),
    ) as Record<string, number>,
  };
}
