/**
 * The contract between the pipeline and one export format. A source detects its format from the first bytes
 * and parses a whole file, reporting every record as exactly one of: emitted event, skip (with a reason) or
 * reject (with a code and locator). It never throws for one bad record; it throws `SourceFailure` only when the
 * rest of the file cannot be read (truncated XML, invalid JSON), and the pipeline keeps what was emitted.
 */
import type { Readable } from 'node:stream';
import type { ParsedEvent } from '../model/index.js';
import type { TimeRange } from '../model/time-range.js';

/** What detection may look at: the file name and the first 64 KiB. */
export interface Probe {
  /** Base name, e.g. `WhatsApp Chat with Sam.txt`. */
  readonly name: string;
  /** Display path, e.g. `exports/chat.txt` or `archive.zip!/_chat.txt`. */
  readonly path: string;
  /** First bytes of the file (up to 64 KiB). */
  readonly head: Uint8Array;
  /** `head` decoded as text (UTF-8, or UTF-16 when a BOM says so), leading BOM removed; may end mid-line. */
  readonly text: string;
}

/** One file to read, from disk or from inside an archive. */
export interface SourceInput {
  readonly path: string;
  readonly name: string;
  readonly bytes: number;
  /** A fresh byte stream of the whole file. May be called more than once (e.g. for a two-pass parse). */
  open(): Readable;
  /** A byte range [start, end) — for archives that need random access. Absent for members of archives. */
  readRange?(start: number, end: number): Readable;
  /**
   * The whole file again, as chunks that are good only until the next one is asked for: the reader copies what
   * it keeps. Reading into the same memory again spares fresh pages for every chunk (on the benchmark machine a
   * 64 MB file read through `open()` the first time costs about 0.2 s more). Absent for members of archives;
   * read through `transientChunks` (sources/text.ts), which falls back to `open()`. `size`: the chunk size the
   * reader would like (a reader that decodes chunks to strings wants them small, one that reads bytes large).
   */
  chunks?(size?: number): AsyncIterable<Buffer>;
}

export type DateOrder = 'dmy' | 'mdy' | 'ymd';

/** Run-wide settings a source may need. */
export interface SourceOptions {
  /** Forced day/month order for formats that write ambiguous dates (`--date-order`). */
  readonly dateOrder?: DateOrder;
  /** The case zone (IANA), for formats that must convert a local time themselves. */
  readonly timezone: string;
  /** ISO 3166 alpha-2 region for national phone numbers. */
  readonly region?: string;
}

export interface SourceContext {
  readonly options: SourceOptions;
  /** One record became an event. */
  emit(event: ParsedEvent): void;
  /**
   * One record became an event whose text is the UTF-8 `bytes[start, end)` (well-formed), not `event.text`
   * (left undefined): a source that reads bytes hands its texts over without decoding them, and the timeline
   * stores them as UTF-8 anyway. The bytes, and the event itself, are good only during the call: the source may
   * fill the same event object again for its next record. Optional: a source given a context without it decodes
   * the text and calls `emit`.
   */
  emitUtf8?(event: ParsedEvent, bytes: Uint8Array, start: number, end: number): void;
  /** One record is deliberately not a contact (system notice, draft, SMIL part…). `reason` is a stable code. */
  skip(reason: string, locator: number | string): void;
  /** One record could not be used. The message names the bad value; the hint says what to do. */
  reject(code: string, locator: number | string, message: string, hint?: string): void;
  /**
   * An assumption or oddity that does not change the record count (inferred date order, repaired mojibake).
   * `copy`, for a warning about one record's content (a WhatsApp block notice), says which record: the same
   * record is in every overlapping export of the chat, and warnings with the same code and `copy` from two
   * inputs are told once, naming where the other copies are, as duplicate events count once (timeline/dedupe.ts).
   */
  warn(
    code: string,
    locator: number | string | undefined,
    message: string,
    hint?: string,
    copy?: string,
  ): void;
  /** Bytes consumed so far, for the progress bar. Cheap; call it per chunk. */
  progress(bytesRead: number): void;
  /**
   * Forgets everything reported for this input so far (events, skips, rejects, warnings): the source reads it
   * again from the start, as when a guess it read with (the WhatsApp date order, from the first megabyte) proves
   * wrong at the end. Optional: a source given a context without it reads without guessing.
   */
  restart?(): void;
  /**
   * The people the file names outside its records (a Messenger thread's `participants`, the other person of a
   * Telegram one-to-one chat or a Discord DM): someone who never sends or reacts is in no event, yet a text may
   * name them ("Zoë Example told me"). Only `anonymise` reads them, to redact them in texts, so no report or
   * timeline changes. Called once per file, not per record.
   * Optional: a context that does not anonymise may leave it out, and a source calls it as `ctx.people?.(…)`.
   */
  people?(names: readonly string[]): void;
}

export interface Source {
  /** Stable kebab-case id: the `--format-of` value, the fixtures folder name and the JSON `format`. */
  readonly id: string;
  /** Human name, e.g. `WhatsApp chat export (.txt)`. */
  readonly label: string;
  /** What it reads, one line. */
  readonly reads: string;
  /** How detection recognises it, one line. */
  readonly recognisedBy: string;
  /** How a person exports it from the app, one line. */
  readonly howToExport: string;
  /** Usual file extensions (hints only; detection reads the content). */
  readonly extensions: readonly string[];
  /** Format-specific reference tables shown by `chronolog formats` (e.g. a diary's column synonyms). */
  readonly tables?: readonly SourceTable[];
  /**
   * The times its records may carry (model/time-range.ts); the timeline rejects a record outside them. Absent for
   * exports whose times a phone, app or server stamped (`STAMPED_TIMES`); a diary declares `HAND_KEPT_TIMES`.
   */
  readonly times?: TimeRange;
  /**
   * The times one file's records may carry, when its first bytes say more than `times` does (an anonymised copy
   * whose header says its dates were not shifted); undefined to keep `times`. Cheap and total, like `detect`.
   */
  timesOf?(probe: Probe): TimeRange | undefined;
  /**
   * True when its reader decodes UTF-16 without a byte-order mark (text.ts `sniffEncoding`); detection offers such a
   * file only to sources that say so, and names the encoding for one no source reads.
   */
  readonly readsUtf16WithoutBom?: true;
  /** Cheap and total: never throws, looks only at the probe. */
  detect(probe: Probe): boolean;
  /**
   * For a file no source detected: why, when it is plainly meant as one of this format's (its name says so)
   * while its content is in a variant not read, or is a file that goes with this format's and holds no records
   * (the manifest beside anonymised inputs); undefined otherwise. Cheap and total, like `detect`.
   */
  notRead?(probe: Probe): string | undefined;
  parse(input: SourceInput, ctx: SourceContext): Promise<void>;
}

/** A small documented table, e.g. which diary words map to which channel. */
export interface SourceTable {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** A container (zip archive) yields the files inside it; each is then detected like a file on disk. */
export interface Container {
  readonly id: string;
  readonly label: string;
  readonly recognisedBy: string;
  detect(probe: Probe): boolean;
  members(input: SourceInput, ctx: ContainerContext): AsyncIterable<SourceInput>;
}

export interface ContainerContext {
  /** A member was left out (`__MACOSX`, path escaping the archive, limit hit). */
  ignore(memberPath: string, reason: string): void;
  warn(code: string, message: string, hint?: string): void;
  /** The archive itself is not opened (a zip inside a zip): it is listed as not read, with `reason`. */
  notOpened(reason: string): void;
}

/**
 * The rest of the file cannot be read. What was emitted before stays, and the input is marked incomplete.
 * With `readToEnd`, thrown once the whole file was read: every record was reported (as an event, skip or reject),
 * but some could not be used for a reason that holds for the whole file (its day/month order cannot be told),
 * so the input is still marked incomplete, though its counts cover the whole file.
 */
export class SourceFailure extends Error {
  override readonly name = 'SourceFailure';
  constructor(
    readonly code: string,
    message: string,
    readonly locator?: number | string,
    readonly hint?: string,
    readonly readToEnd = false,
  ) {
    super(message);
  }
}

/**
 * An archive that cannot be opened at all (damaged, or cut short): `notRead` is what the list of files not read
 * says of it, in a few plain words, before its code.
 */
export class ContainerFailure extends SourceFailure {
  constructor(
    code: string,
    message: string,
    hint: string,
    readonly notRead: string,
  ) {
    super(code, message, undefined, hint);
  }
}

/**
 * A fault an input's stream finds only once it has delivered every byte: a zip member whose CRC-32 does not match
 * the archive's. The stream still fails with it, so whoever reads the bytes alone is told (`verify-hashes`); the
 * pipeline's reader of an input (pipeline/hashing.ts) ends the read normally instead, so the source reads and
 * counts every record, and reports the fault as the input's error afterwards, the input listed as incomplete.
 */
export class FailureAtEnd extends SourceFailure {}
