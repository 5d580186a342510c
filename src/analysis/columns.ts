/**
 * The per-incident facts most figures read — channel, local day and hour, the identifier shown for the sender —
 * gathered in ONE pass over the incidents into typed arrays. A million incidents were otherwise walked a dozen
 * times, each figure converting instants to local days and senders to labels again and counting by strings.
 * The figures count by these small integers and turn them into channel names and labels once at the end.
 */
import type { CallStatus, Channel, Kind } from '../model/index.js';
import { CALL_STATUSES, CHANNELS, KINDS } from '../model/vocabulary.js';
import type { EventList } from '../timeline/list.js';
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
const HOUR = 3_600_000;

/** Channel indices in the byte order of their names (the order of every sorted channel list). */
export const CHANNELS_SORTED: readonly number[] = CHANNELS.map((_, i) => i).sort((a, b) =>
  CHANNELS[a]! < CHANNELS[b]! ? -1 : 1,
);

/** The columns of time-ordered incidents. */
export function incidentColumns(incidents: EventList, zone: Zone): IncidentColumns {
  const n = incidents.length;
  const channel = new Uint8Array(n);
  const day = new Int32Array(n);
  const hour = new Int8Array(n);
  let sender: Uint8Array | Uint16Array | Int32Array = new Uint8Array(n);
  const labels: string[] = [];
  const rawNames: Set<string>[] = [];
  const labelIds = new Map<string, number>();
  const kinds = new Array<number>(KINDS.length).fill(0);
  const calls = new Array<number>(CALL_STATUSES.length).fill(0);
  const perLabel: LabelStats[] = [];
  const perChannel = new Array<number>(CHANNELS.length).fill(0);
  const conversations = new Set<string>();
  const inputs = new Set<number>();
  let lastConversation: string | undefined;
  let lastInput = -1;
  let stats: LabelStats | undefined;
  let lastUtcDay = Number.NaN;
  let steady = Number.NaN;
  const withEffect: number[] = [];
  const viaThirdParty: number[] = [];
  // The label depends only on the sender and its resolved key. A stored timeline shares one sender object per
  // distinct sender (`who`), so consecutive incidents from the same sender are recognised by identity; other
  // senders are looked up by their party object, then key. Every other fact is read from the list's columns: a
  // view object per incident and a getter per field cost more than the figures themselves.
  const bySender = new Map<object | undefined, { key: string | undefined; id: number }[]>();
  let lastWho: Who | undefined;
  let lastSender: object | undefined | null = null;
  let lastKey: string | undefined;
  let lastId = -1;
  for (let i = 0; i < n; i++) {
    const who = incidents.who(i);
    const ms = incidents.ms(i);
    if (who !== lastWho) {
      lastWho = who;
      const s = who.sender;
      const key = who.key;
      if (s !== lastSender || key !== lastKey) {
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
            if (id === 0x100 || id === 0x10000)
              sender = widened(sender, id === 0x100 ? Uint16Array : Int32Array);
            labelIds.set(label, id);
            labels.push(label);
            rawNames.push(new Set());
            perLabel.push({ count: 0, first: ms, last: ms, firstAt: i, lastAt: i, channels: 0 });
          }
          if (s?.name !== undefined) rawNames[id]!.add(s.name);
          found = { key, id };
          seen.push(found);
        }
        lastSender = s;
        lastKey = key;
        lastId = found.id;
        stats = perLabel[lastId]!;
      }
    }
    sender[i] = lastId;
    const ch = incidents.channelIndex(i);
    channel[i] = ch;
    perChannel[ch]!++;
    stats!.count++;
    if (ms < stats!.first) stats!.first = ms;
    if (ms >= stats!.last) {
      stats!.last = ms;
      stats!.lastAt = i;
    }
    stats!.channels |= 1 << ch;
    // Incidents come in runs from one conversation and file: only a change is added to the sets.
    const conversation = incidents.conversation(i);
    if (conversation !== lastConversation) {
      if (conversation !== undefined) conversations.add(conversation);
      lastConversation = conversation;
    }
    const input = incidents.input(i);
    if (input !== lastInput) {
      inputs.add(input);
      lastInput = input;
    }
    if ((incidents.details(i)?.['effect'] ?? '').trim() !== '') withEffect.push(i);
    if (incidents.flags(i)?.includes('via-third-party')) viaThirdParty.push(i);
    // Incidents come in time order, many to a UTC day: the zone is asked once per day whether the whole day has
    // one offset (its offsets at the day's start and the next day's start agree; no zone changes its offset and
    // back within a day, zone.ts), and only a day with a change is answered instant by instant.
    const utcDay = Math.floor(ms / DAY);
    if (utcDay !== lastUtcDay) {
      lastUtcDay = utcDay;
      const atStart = zone.offsetAt(utcDay * DAY);
      steady = atStart === zone.offsetAt((utcDay + 1) * DAY) ? atStart * 60_000 : Number.NaN;
    }
    let d: number;
    let h: number;
    if (Number.isNaN(steady)) {
      const p = zone.dayHour(ms);
      d = p.day;
      h = p.hour;
    } else {
      const local = ms + steady;
      d = Math.floor(local / DAY);
      h = Math.floor((local - d * DAY) / HOUR);
    }
    day[i] = d;
    hour[i] = incidents.precision(i) === 'day' ? -1 : h;
    kinds[incidents.kindIndex(i)]!++;
    const call = incidents.callIndex(i);
    if (call >= 0) calls[call]!++;
  }
  return {
    channel,
    day,
    hour,
    sender,
    labels,
    rawNames,
    perLabel,
    perChannel,
    conversations,
    inputs,
    withEffect,
    viaThirdParty,
    kinds,
    calls,
  };
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

/** Incidents per channel, kind, call outcome and identifier (keys sorted). */
export function breakdowns(cols: IncidentColumns): {
  byChannel: Partial<Record<Channel, number>>;
  byKind: Partial<Record<Kind, number>>;
  byCallStatus: Partial<Record<CallStatus, number>>;
  byIdentifier: Record<string, number>;
} {
  return {
    byChannel: countRecord(CHANNELS, cols.perChannel, CHANNELS_SORTED),
    byKind: countRecord(KINDS, cols.kinds),
    byCallStatus: countRecord(CALL_STATUSES, cols.calls),
    byIdentifier: countRecord(
      cols.labels,
      cols.perLabel.map((s) => s.count),
    ) as Record<string, number>,
  };
}
