/**
 * Reads every input into one timeline: detect → parse (hashing as it reads) → resolve each event at once →
 * de-duplicate across inputs → sort. Keeps the books: for every input, records = events + skipped + rejected,
 * and events = kept + duplicates.
 */
import { isHandKept } from '../model/hand-kept.js';
import type {
  ArchiveSummary,
  DuplicateAt,
  DuplicatesAt,
  InputSummary,
  ParsedEvent,
  Problem,
  SkippedAt,
} from '../model/index.js';
import { SKIPPED_AT_FIRST } from '../model/skipped-at.js';
import { STAMPED_TIMES, type TimeRange } from '../model/time-range.js';
import { detect, HEAD_BYTES, makeProbe } from '../sources/detect.js';
import type { Source, SourceContext, SourceInput, SourceOptions } from '../sources/index.js';
import { ContainerFailure, FailureAtEnd, SourceFailure } from '../sources/index.js';
import type { BuiltDst, TimelineBuilder } from '../timeline/build.js';
import { markDuplicates, senderCompared } from '../timeline/dedupe.js';
import type { KeptPair, LocatedDuplicates } from '../timeline/dedupe-trace.js';
import { DuplicateCopies } from '../timeline/duplicate-copies.js';
import { FutureRecords } from '../timeline/future.js';
import { locatorText } from '../timeline/ids.js';
import { type EventList, StoreList } from '../timeline/list.js';
import { sortTimeline, storeOrder } from '../timeline/order.js';
import type { Utf8Span } from '../timeline/pages.js';
import type { ProblemLog } from '../timeline/problems.js';
import { shiftedCopyProblem, WallClockTexts } from '../timeline/shifted-copies.js';
import type { EventStore } from '../timeline/store.js';
import { CopyWarnings } from './copies.js';
import { type ParseOutcome, parseHashed, readHead, wholeDigest } from './hashing.js';
import { type Rejection, stoppedAt, stopsInside, toldOnce } from './one-fault.js';
import { errnoCode, readErrorWords, readStoppedAt, unreadableProblem } from './read-errors.js';
import { type InputSpans, inputSpans, storeSpans } from './spans.js';

export interface IngestOptions {
  readonly source: SourceOptions;
  /** The forced format id for a path (`--format-of`), if any. */
  readonly forcedFormat: (path: string) => string | undefined;
  readonly onProgress?: (p: { path: string; bytesRead: number; bytes: number }) => void;
  /** Where a source may run instead of this thread (`ParseElsewhere`). */
  readonly elsewhere?: ParseElsewhere | undefined;
  /** The report's generation time, when the builder flags records after it (timeline/future.ts). */
  readonly generatedAt?: string;
  /** Find the copy kept of every duplicate (`Ingested.duplicates`: `timeline --with-duplicates`). */
  readonly everyDuplicate?: boolean;
}

/**
 * Runs `source` over `input` somewhere else (another thread, cli/parse-host.ts), making the same calls on `ctx`
 * as it would here and in the same order; undefined when it will not, and the input is read here.
 */
export type ParseElsewhere = (
  input: SourceInput,
  source: Source,
  ctx: SourceContext,
) => Promise<ParseOutcome> | undefined;

export interface Ingested {
  readonly inputs: InputSummary[];
  readonly ignored: { path: string; reason: string }[];
  /** Kept events in the one total order. */
  readonly events: EventList;
  /**
   * Per input (same index as `inputs`), the instants of its first and last event, duplicates included: what
   * the file holds, not only what was kept. `undefined` for an input without events.
   */
  readonly spans: InputSpans;
  /**
   * The people the inputs name outside their records (`SourceContext.people`: a Messenger thread's participants,
   * a Telegram chat's or a Discord DM's other person), in the order first named. Read only by `anonymise`, to
   * redact them in texts.
   */
  readonly people: ReadonlySet<string>;
  /**
   * Asked for with `everyDuplicate` only, and absent when nothing could be a duplicate (one input): every duplicate,
   * by the copy kept in its place.
   */
  readonly duplicates?: DuplicateCopies;
}

type Tally = Omit<InputSummary, 'sha256'> & { sha256: string };

/** Reads all inputs. `inputs` are sorted by path here so command-line order never changes the result. */
export async function ingest(
  given: readonly SourceInput[],
  builder: TimelineBuilder,
  problems: ProblemLog,
  opts: IngestOptions,
): Promise<Ingested> {
  const inputs: Tally[] = [];
  const ignored: Ingested['ignored'] = [];
  // Events a source reported and then took back by reading its input again (`restart`), as [from, to) ranges of
  // event numbers: they stay in the store (it only appends) but are never kept.
  const voided: [number, number][] = [];
  const sorted = [...given].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // A warning about a record another input holds too is told once (copies.ts).
  const copies = new CopyWarnings();
  const people = new Set<string>();
  // Messages of wall-clock inputs, to find a chat exported twice on phones set to different zones.
  const wallTexts = new WallClockTexts();

  /**
   * `alone`: the run's only input (a member: its archive's only member, the archive being the only input).
   * `archive`: for a member, the archive it is in, hashed as a whole (`archiveOf`).
   */
  async function visit(input: SourceInput, alone: boolean, archive?: ArchiveHash): Promise<void> {
    let head: Buffer;
    try {
      head = await readHead(input, HEAD_BYTES);
    } catch (err) {
      // A file that exists but cannot be opened is evidence lost: an error, not just a file passed over.
      if (err instanceof SourceFailure) {
        // A damaged archive member whose first bytes already cannot be inflated.
        problems.add({
          code: err.code,
          severity: 'error',
          file: input.path,
          message: err.message,
          ...(err.hint ? { hint: err.hint } : {}),
        });
        ignored.push({ path: input.path, reason: `could not be read (${err.code})` });
        return;
      }
      problems.add(unreadableProblem(input.path, 'file', err));
      ignored.push({ path: input.path, reason: `could not be read: ${readErrorWords(err)}` });
      return;
    }
    const probe = makeProbe(input.name, input.path, head);
    const found = detect(probe, opts.forcedFormat(input.path));
    if (found.kind === 'none') {
      ignored.push({ path: input.path, reason: found.reason });
      return;
    }
    if (found.kind === 'source') {
      // One input, one source: no duplicates will be told apart by their texts, so only the texts an analysis
      // reads need keeping (timeline/text-marks.ts).
      if (alone) builder.store.textMarks?.dropUnread();
      await parseOne(input, found.source, alone, archive, found.source.timesOf?.(probe));
      return;
    }
    const members: SourceInput[] = [];
    try {
      for await (const member of found.container.members(input, {
        ignore: (path, reason) => ignored.push({ path: `${input.path}!/${path}`, reason }),
        warn: (code, message, hint) =>
          problems.add({ code, severity: 'warning', file: input.path, message, ...(hint ? { hint } : {}) }),
        notOpened: (reason) => ignored.push({ path: input.path, reason }),
      })) {
        members.push(member);
      }
    } catch (err) {
      const failure = err instanceof SourceFailure ? err : undefined;
      problems.add({
        code: failure?.code ?? 'INPUT_ARCHIVE_FAILED',
        severity: 'error',
        file: input.path,
        message: failure?.message ?? `the archive could not be read: ${(err as Error).message}`,
        ...(failure?.hint ? { hint: failure.hint } : {}),
      });
      ignored.push({
        path: input.path,
        reason: `${failure instanceof ContainerFailure ? failure.notRead : 'archive not read'} (${failure?.code ?? 'INPUT_ARCHIVE_FAILED'})`,
      });
    }
    members.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const whole = archiveOf(input);
    for (const m of members) await visit(m, alone && members.length === 1, whole);
  }

  /**
   * `alone` as `visit`'s; `fileTimes`: the times this file's records may carry, when its first bytes say
   * (`Source.timesOf`).
   */
  async function parseOne(
    input: SourceInput,
    source: Source,
    alone: boolean,
    archive?: ArchiveHash,
    fileTimes?: TimeRange,
  ): Promise<void> {
    const index = inputs.length;
    const tally: Tally = {
      path: input.path,
      sha256: '',
      bytes: input.bytes,
      format: source.id,
      records: 0,
      events: 0,
      kept: 0,
      duplicates: 0,
      skipped: 0,
      rejected: 0,
      skippedReasons: {},
      rejectedReasons: {},
      incomplete: false,
    };
    inputs.push(tally);
    const file = input.path;
    const times = fileTimes ?? source.times ?? STAMPED_TIMES;
    // A diary's times are its writer's, never a phone's setting: it is no shifted copy (shifted-copies.ts).
    // Nor is the run's only input, which has no other to be a copy of: its messages are not hashed at all.
    const compareWall = !alone && !isHandKept(tally);
    // The locator of the record counted last, for where a read that fails part-way got to.
    let last: number | string | undefined;
    // The records rejected for the file stopping inside them: the one a failure of the source's stops at.
    const stoppedInside: Rejection[] = [];
    const reject = (code: string, locator: number | string, message: string, hint?: string) => {
      last = locator;
      tally.records++;
      tally.rejected++;
      tally.rejectedReasons[code] = (tally.rejectedReasons[code] ?? 0) + 1;
      const problem: Problem = {
        code,
        severity: 'error',
        file,
        locator: locatorText(locator),
        message,
        ...(hint ? { hint } : {}),
      };
      problems.add(problem);
      if (stopsInside(code)) stoppedInside.push({ code, problem });
    };
    const future = new FutureRecords();
    let attemptStart = builder.store.length;
    const problemsMark = problems.mark();
    const sendersMark = builder.mark();
    // The sender of a stored event as de-duplication compares it (the case party it resolved to).
    const comparedSender = (built: number): string => {
      const { key, role } = builder.store.who(built);
      return senderCompared({ senderKey: key, role }, builder.subjectAssumed);
    };
    const emitted = (e: ParsedEvent, text: Utf8Span | undefined): void => {
      const built = builder.build(e, index, times, text);
      if (typeof built !== 'number') {
        reject(built.code, e.locator, built.message, built.hint);
        return;
      }
      last = e.locator;
      tally.records++;
      tally.events++;
      if (builder.future) future.add(e.locator, builder.store.ms(built));
      if (compareWall && builder.wall !== undefined && e.kind === 'message')
        wallTexts.add(index, built, e.channel, e.kind, comparedSender(built), builder.wall, text ?? e.text);
      const dst = builder.dst;
      if (dst) {
        // Told once for a record that overlapping exports both hold, as its event counts once (copies.ts).
        const p = dstProblem(dst, e, file, opts.source.timezone);
        if (copies.add(p, dstCopy(e, builder.store.ms(built), comparedSender(built), text))) problems.add(p);
      }
    };
    // Where each reason's skipped records are: the first few in reading order and the last, so memory stays
    // bounded by the number of reasons however many records are skipped. Locators become text once, at the end.
    const skippedAt = new Map<string, { first: (number | string)[]; last: number | string }>();
    // Filled in place for each event a source hands over with its text as UTF-8: no object per event.
    const utf8: Utf8Span = { bytes: new Uint8Array(0), start: 0, end: 0 };
    // The file's people join the run's once the read is over; a read taken back (`restart`) takes them back too.
    const named: string[] = [];
    const ctx: SourceContext = {
      options: opts.source,
      restart() {
        if (builder.store.length > attemptStart) voided.push([attemptStart, builder.store.length]);
        attemptStart = builder.store.length;
        problems.rollback(problemsMark);
        copies.restart();
        wallTexts.drop(index);
        future.clear();
        last = undefined;
        stoppedInside.length = 0;
        builder.rollback(sendersMark);
        tally.records = tally.events = tally.skipped = tally.rejected = 0;
        tally.skippedReasons = {};
        tally.rejectedReasons = {};
        skippedAt.clear();
        named.length = 0;
      },
      people(names) {
        named.push(...names);
      },
      emit(e: ParsedEvent) {
        emitted(e, undefined);
      },
      emitUtf8(e: ParsedEvent, bytes: Uint8Array, start: number, end: number) {
        utf8.bytes = bytes;
        utf8.start = start;
        utf8.end = end;
        emitted(e, utf8);
      },
      skip(reason, locator) {
        last = locator;
        tally.records++;
        tally.skipped++;
        tally.skippedReasons[reason] = (tally.skippedReasons[reason] ?? 0) + 1;
        const at = skippedAt.get(reason);
        if (at === undefined) skippedAt.set(reason, { first: [locator], last: locator });
        else {
          if (at.first.length < SKIPPED_AT_FIRST) at.first.push(locator);
          at.last = locator;
        }
      },
      reject,
      warn(code, locator, message, hint, copy) {
        const p: Problem = {
          code,
          severity: 'warning',
          file,
          ...(locator !== undefined ? { locator: locatorText(locator) } : {}),
          message,
          ...(hint ? { hint } : {}),
        };
        if (copy === undefined || copies.add(p, copy)) problems.add(p);
      },
      progress(bytesRead) {
        opts.onProgress?.({ path: file, bytesRead, bytes: input.bytes });
      },
    };
    // The archive is hashed while its member is read (the first member starts it; the others share it).
    const archived = archive?.();
    const outcome = await (opts.elsewhere?.(input, source, ctx) ?? parseHashed(input, source, ctx));
    const whole = await archived;
    if (whole !== undefined) tally.archive = whole;
    // In the order of skippedReasons (the order the reasons were first met), as the counts are.
    if (skippedAt.size > 0) {
      const located: Record<string, SkippedAt> = {};
      for (const [reason, at] of skippedAt)
        located[reason] = { first: at.first.map(locatorText), last: locatorText(at.last) };
      tally.skippedAt = located;
    }
    copies.close();
    for (const name of named) people.add(name);
    const late = opts.generatedAt === undefined ? undefined : future.problem(file, opts.generatedAt);
    if (late) problems.add(late);
    tally.sha256 = outcome.digest;
    // A failure of the input's own stream (a damaged archive member, a disk error) is the cause, whatever the
    // source made of it; one found only while hashing, after the source stopped early, counts too.
    const stream = outcome.stream;
    const failure = stream instanceof SourceFailure ? stream : (outcome.thrown ?? stream);
    if (failure === undefined) return;
    tally.incomplete = true;
    // The file was read to the end and every record counted, some rejected for a reason that holds for the whole
    // file: the counts cover it all (unless the stream itself failed, which is then the failure reported).
    if (failure instanceof SourceFailure && failure.readToEnd) tally.readToEnd = true;
    if (failure instanceof FailureAtEnd) {
      // Every byte was delivered before the fault was found (a zip member whose CRC-32 fails). When the source
      // read them all, the counts cover the whole file, which is marked damaged; when it stopped at a fault of its
      // own (garbled bytes), that fault is reported too, and the file was not read to its end.
      const own = outcome.thrown;
      if (own === undefined || (own instanceof SourceFailure && own.readToEnd)) {
        tally.readToEnd = true;
        tally.damaged = true;
      }
      // Its own error, of the whole file (a day/month order it cannot tell) or where it stopped, is listed too.
      if (own instanceof SourceFailure && own !== failure) addOwnFailure(own);
    }
    if (failure instanceof SourceFailure) {
      if (failure === outcome.thrown) addOwnFailure(failure);
      else addFailure(failure, file);
    } else {
      const message = failure instanceof Error ? failure.message : String(failure);
      const errno = errnoCode(failure) !== undefined;
      problems.add({
        code: 'INPUT_READ_FAILED',
        severity: 'error',
        file,
        // A disk error says how far the read got, so the reader knows what the counts cover.
        message: errno
          ? `reading stopped${readStoppedAt(outcome.readBytes, input.bytes, last)}: ${readErrorWords(failure)}`
          : `reading stopped: ${message}`,
        hint: errno
          ? 'The events read before this point are kept. Copy the file somewhere else (or export it again) and re-run.'
          : 'The events read before this point are kept. If the file is intact, this is a bug in chronolog: please report it.',
      });
    }

    /**
     * Lists the source's own failure, told once with the record it stopped inside (one-fault.ts): that record's
     * rejection is taken back from the problem list and counted under the failure's code.
     */
    function addOwnFailure(own: SourceFailure): void {
      const told = stoppedAt(own, stoppedInside);
      const message = told === undefined ? undefined : toldOnce(own, told);
      if (told === undefined || message === undefined || !problems.withdraw(told.problem)) {
        addFailure(own, file);
        return;
      }
      const n = tally.rejectedReasons[told.code]! - 1;
      if (n === 0) delete tally.rejectedReasons[told.code];
      else tally.rejectedReasons[told.code] = n;
      tally.rejectedReasons[own.code] = (tally.rejectedReasons[own.code] ?? 0) + 1;
      addFailure(new SourceFailure(own.code, message, own.locator, own.hint, own.readToEnd), file);
    }
  }

  for (const input of sorted) await visit(input, sorted.length === 1);
  for (const copy of wallTexts.find()) {
    const where = (k: number) => locatorText(builder.store.locator(k));
    const [a, b] = copy.example;
    problems.add(shiftedCopyProblem(copy, inputs[copy.a]!.path, where(a), inputs[copy.b]!.path, where(b)));
  }

  /** Lists a source's failure as the error of input `file`. */
  function addFailure(failure: SourceFailure, file: string): void {
    problems.add({
      code: failure.code,
      severity: 'error',
      file,
      ...(failure.locator !== undefined ? { locator: locatorText(failure.locator) } : {}),
      message: failure.message,
      ...(failure.hint ? { hint: failure.hint } : {}),
    });
  }

  const store = builder.store;
  const count = store.length;
  const whole = voided.length === 0;
  // Read at the ends of the store's ordered stretches when every event is live, else event by event (`live`).
  const spansOf = (live: Uint32Array) =>
    (whole ? storeSpans(store, inputs.length) : undefined) ?? inputSpans(store, live, inputs.length);
  // Every event live and all of one input (the usual large case: one export): nothing to compare for
  // duplicates, and the events are put in order around the store's few steps back in time (order.ts).
  if (whole && count > 0 && store.input(0) === store.input(count - 1)) {
    inputs[store.input(0)]!.kept += count;
    const order = storeOrder(store);
    return { inputs, ignored, events: new StoreList(store, order), spans: spansOf(order), people };
  }
  let duplicates: DuplicateCopies | undefined;
  const live = liveEvents(count, voided);
  const spans = spansOf(live);
  const kept = live;
  let n = kept.length;
  // Events are stored grouped by input: when the first and the last come from one input, all do, and there is
  // nothing to compare (this saves a million-event case three more lists of its size).
  if (n > 0 && store.input(kept[0]!) === store.input(kept[n - 1]!)) inputs[store.input(kept[0]!)]!.kept += n;
  else {
    // markDuplicates reads the live events through `kept` before that array is overwritten below with the events
    // kept. Of a record both an intact input and a damaged or partly read one hold, the intact input's copy is
    // kept (dedupe.ts). A diary's texts are its writer's own, a call's too, and are compared where an app's
    // wording is not.
    const { dup, located, placeholders, keptOf } = markDuplicates(
      new StoreList(store, kept),
      (k) => inputs[k]!.incomplete,
      (k) => isHandKept(inputs[k]),
      SKIPPED_AT_FIRST,
      builder.subjectAssumed,
      opts.everyDuplicate === true,
    );
    // Where the duplicates are and the copies kept, read while `kept` still numbers the list marked.
    for (const [input, at] of located)
      inputs[input]!.duplicatesAt = duplicatesAt(at, kept, store, inputs, placeholders);
    if (keptOf !== undefined) duplicates = DuplicateCopies.of(store, kept, dup, keptOf, placeholders);
    n = 0;
    for (let i = 0; i < kept.length; i++) {
      const k = kept[i]!;
      const t = inputs[store.input(k)]!;
      if (dup[i]) t.duplicates++;
      else {
        t.kept++;
        kept[n++] = k;
      }
    }
  }
  const order = n === kept.length ? kept : kept.slice(0, n);
  return {
    inputs,
    ignored,
    events: new StoreList(store, sortTimeline(store, order)),
    spans,
    people,
    ...(duplicates ? { duplicates } : {}),
  };
}

/**
 * An input's `duplicatesAt`: each duplicate's locator, with the file and locator of the copy kept. `numbers` maps
 * the positions of `at` (and of `placeholders`, the deletion placeholders paired with a message kept) to events of
 * `store`.
 */
function duplicatesAt(
  at: LocatedDuplicates,
  numbers: Uint32Array,
  store: EventStore,
  inputs: readonly Tally[],
  placeholders: ReadonlyMap<number, number>,
): DuplicatesAt {
  const entry = ([dropped, kept]: KeptPair): DuplicateAt => {
    const k = numbers[kept]!;
    return {
      locator: locatorText(store.locator(numbers[dropped]!)),
      kept: { file: inputs[store.input(k)]!.path, locator: locatorText(store.locator(k)) },
      ...(placeholders.has(dropped) ? { reason: 'deleted-placeholder' as const } : {}),
    };
  };
  return { first: at.first.map(entry), last: entry(at.last) };
}

/** The SHA-256 of an archive, read once when a file inside it is first read (a zip of media only is never hashed). */
type ArchiveHash = () => Promise<ArchiveSummary | undefined>;

/**
 * The archive `input` as a whole, hashed at most once and only when asked. An archive that cannot be read to the
 * end gives none: its members fail to read too, and those failures are reported where they are met.
 */
function archiveOf(input: SourceInput): ArchiveHash {
  let done: Promise<ArchiveSummary | undefined> | undefined;
  return () =>
    (done ??= wholeDigest(input).then(
      (d) => ({ path: input.path, ...d }),
      () => undefined,
    ));
}

/** Event numbers 0 … count − 1, less the voided ranges (which are in order and do not overlap). */
function liveEvents(count: number, voided: readonly [number, number][]): Uint32Array {
  let dead = 0;
  for (const [from, to] of voided) dead += to - from;
  const live = new Uint32Array(count - dead);
  let n = 0;
  let k = 0;
  for (const [from, to] of [...voided, [count, count] as const]) {
    for (; k < from; k++) live[n++] = k;
    k = to;
  }
  return live;
}

/**
 * What tells one record read across a clock change from another, for its warning's copies (copies.ts): the time
 * as written and the instant it was read as (two exports may read a repeated hour differently, and then keep two
 * events, each with its warning), who, and what. `who` is the sender as de-duplication compares it
 * (dedupe.ts `senderCompared`): a contact renamed between two exports of one chat ("Sam", then "Sam Carter", both
 * the subject's in the case) sent one record, which counts once and is warned about once.
 */
function dstCopy(e: ParsedEvent, ms: number, who: string, text: Utf8Span | undefined): string {
  const written = e.time.type === 'local' ? e.time.local : '';
  const words =
    text === undefined ? (e.text ?? '') : Buffer.from(text.bytes.subarray(text.start, text.end)).toString();
  return `${written}\u0000${ms}\u0000${e.channel}\u0000${e.kind}\u0000${who}\u0000${words}`;
}

/** The warning for a record whose written time fell in a clock change (`TimelineBuilder.dst`). */
function dstProblem(dst: NonNullable<BuiltDst>, e: ParsedEvent, file: string, zone: string): Problem {
  const written = e.time.type === 'local' ? e.time.local : '';
  const common = { severity: 'warning' as const, file, locator: locatorText(e.locator) };
  if (dst === 'gap') {
    return {
      code: 'TIMELINE_DST_GAP',
      ...common,
      message: `local time ${written} does not exist in ${zone} (clocks went forward); read with the offset before the change`,
      hint: 'Nothing to fix unless the exact time matters: the report shows it after the clock change (one hour later than written, for a one-hour change). If it matters, check the time in the original export.',
    };
  }
  if (dst === 'overlap') {
    return {
      code: 'TIMELINE_DST_AMBIGUOUS',
      ...common,
      message: `local time ${written} occurs twice in ${zone} (clocks went back); the earlier instant was used`,
      hint: 'Nothing to fix unless the exact time matters: the report takes the first of the two times the clock showed it (before the change). If it matters, check the time in the original export.',
    };
  }
  return {
    code: 'TIMELINE_DST_AMBIGUOUS',
    ...common,
    message: `local time ${written} occurs twice in ${zone} (clocks went back); the later instant was used, as the record before it in the file is already past the earlier`,
    hint: 'Nothing to fix unless the exact time matters: the file keeps its records in the order written, so the report takes the second of the two times the clock showed it (after the change). If it matters, check the time in the original export.',
  };
}
