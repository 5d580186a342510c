/**
 * The JSON report contract, `schemaVersion: 1`. Scripts depend on it: fields are only ever added, never renamed
 * or removed. `chronolog schema` prints the JSON Schema made from these schemas (cli/commands/schema.ts).
 */
import { z } from 'zod';
import { EscalationSchema, EventRefSchema } from './escalation.js';
import { ProblemSchema, SeveritySchema } from './problem.js';
import { SKIPPED_AT_FIRST } from './skipped-at.js';
import {
  CallStatusSchema,
  ChannelSchema,
  DirectionSchema,
  KindSchema,
  PrecisionSchema,
  RoleSchema,
} from './vocabulary-schemas.js';

const Count = z.number().int().nonnegative();
const IsoInstant = z.string().describe('ISO 8601 UTC instant, e.g. 2024-03-01T18:04:00.000Z');
const LocalDate = z.string().describe('Local calendar date in the case zone, YYYY-MM-DD');

/**
 * The archive a file was read from inside (a zip read in place), hashed as a whole: what an evidence log records
 * for the download. The input's own `sha256` and `bytes` stay those of the file inside it, as the timeline's.
 */
export const ArchiveSummarySchema = z
  .object({
    path: z.string().describe('The archive as given, e.g. exports/WhatsApp Chat with Sam.zip'),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .describe('SHA-256 of the whole archive file'),
    bytes: Count.describe('Size of the whole archive file'),
  })
  .describe(
    "Present when the input was read from inside an archive: the archive file itself. The input's sha256 and bytes are those of the file inside it.",
  );

/**
 * Where the records skipped for one reason are, bounded whatever their number: a chat can hold 100,000 system
 * notices, and the count stays in `skippedReasons`. Locators are written as the problems list writes them.
 */
export const SkippedAtSchema = z
  .object({
    first: z
      .array(z.string())
      .describe(
        `The first records skipped for this reason, at most ${SKIPPED_AT_FIRST}, in the order the file holds them: "line 4", or an element or JSON path such as "sms[3] (line 12)" or "messages[7]"`,
      ),
    last: z
      .string()
      .describe(
        `The last record skipped for this reason; the last of "first" when there are at most ${SKIPPED_AT_FIRST}`,
      ),
  })
  .describe('Where the records skipped for one reason are');

/** One duplicate (a record another input also holds, dropped from this one) and the copy kept in its place. */
export const DuplicateAtSchema = z
  .object({
    locator: z
      .string()
      .describe(
        'The duplicate in this file, located as the problems list locates a record: "line 4", "sms[3] (line 12)"',
      ),
    kept: z
      .object({
        file: z.string().describe("The input holding the copy kept, as that input's path"),
        locator: z.string().describe('The copy kept, in that file'),
      })
      .describe('The copy kept in its place, which the timeline holds'),
    reason: z
      .enum(['deleted-placeholder'])
      .optional()
      .describe(
        'Why it is a duplicate, when not by its own fingerprint: "deleted-placeholder" for a deletion placeholder ("This message was deleted") in this file whose message the copy kept, in an overlapping export of the same chat made before the deletion, still holds (same sender, minute and direction). Absent for every other duplicate, and in reports made before it was added.',
      ),
  })
  .describe('A duplicate and the copy kept in its place');

/**
 * Where an input's duplicates are, bounded whatever their number, as `skippedAt` bounds the skipped records: two
 * overlapping backups can share 100,000 messages, and the count stays in `duplicates`.
 */
export const DuplicatesAtSchema = z
  .object({
    first: z
      .array(DuplicateAtSchema)
      .describe(
        `The first duplicates, at most ${SKIPPED_AT_FIRST}, in the order the file holds them, each with the copy kept`,
      ),
    last: DuplicateAtSchema.describe(
      `The last duplicate; the last of "first" when there are at most ${SKIPPED_AT_FIRST}`,
    ),
  })
  .describe("Where an input's duplicates are, and the copies kept in their place");

export const InputSummarySchema = z.object({
  path: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: Count,
  format: z.string(),
  /** records = events + skipped + rejected; events = kept + duplicates. */
  records: Count,
  events: Count,
  kept: Count,
  duplicates: Count,
  skipped: Count,
  rejected: Count,
  skippedReasons: z.record(z.string(), Count),
  skippedAt: z
    .record(z.string(), SkippedAtSchema)
    .optional()
    .describe(
      `For each reason in skippedReasons, where those records are in the file: the first ${SKIPPED_AT_FIRST} and the last (their count is in skippedReasons). Absent when no record was skipped, and in reports made before it was added. The records rejected are located in the problems list.`,
    ),
  duplicatesAt: DuplicatesAtSchema.optional().describe(
    `Where the duplicates counted in duplicates are in the file: the first ${SKIPPED_AT_FIRST} and the last, each with the file and locator of the copy kept in its place (the n-th copy of a record in a file duplicates the n-th copy kept). Absent when the file has no duplicates, and in reports made before it was added.`,
  ),
  rejectedReasons: z.record(z.string(), Count),
  /**
   * Set when the file's records were not all read into events: it could not be read to the end (e.g. truncated
   * XML; counts cover what was read), or, with `readToEnd`, it was, but a fact of the whole file kept some records
   * from being used (its day/month order cannot be told), and those are counted as rejected.
   */
  incomplete: z.boolean(),
  /**
   * Present (true) only with `incomplete`, when the file was read to the end: every record is counted, those that
   * could not be used among the rejected (`rejectedReasons` says which reason, the problems which lines).
   */
  readToEnd: z.literal(true).optional(),
  damaged: z
    .literal(true)
    .optional()
    .describe(
      'Present (true) only with incomplete and readToEnd: the file was read to its end and every record counted, but its bytes fail a check of the whole file (a zip member whose CRC-32 differs from the one the archive records), so any record read from it may be garbled; its error says which check. Absent in reports made before it was added.',
    ),
  archive: ArchiveSummarySchema.optional(),
});
export type ArchiveSummary = z.infer<typeof ArchiveSummarySchema>;
export type SkippedAt = z.infer<typeof SkippedAtSchema>;
export type DuplicateAt = z.infer<typeof DuplicateAtSchema>;
export type DuplicatesAt = z.infer<typeof DuplicatesAtSchema>;
export type InputSummary = z.infer<typeof InputSummarySchema>;

export const IgnoredFileSchema = z.object({ path: z.string(), reason: z.string() });

/** The first and last incident of an identifier, or of the whole case. */
const FirstAndLast = {
  first: IsoInstant.nullable(),
  last: IsoInstant.nullable(),
  /**
   * The first and last as wall-clock time in the case zone, as `EventRef.local` cites them: `YYYY-MM-DD HH:mm:ss`
   * when that record has seconds (an SMS backup, an e-mail), `YYYY-MM-DD HH:mm` when it has minutes (an Android
   * WhatsApp export), or `YYYY-MM-DD` when it gives only a date (no time is made up).
   */
  firstLocal: z.string().nullable(),
  lastLocal: z.string().nullable(),
  /**
   * How to read the time of the first and last, only when that record says (`time-approximate`, `time-range`,
   * …, as `EventRef.timeFlags`): the reports write them in words beside the time.
   */
  firstTimeFlags: z.array(z.string()).optional(),
  lastTimeFlags: z.array(z.string()).optional(),
  /**
   * The first and last incident cited as the escalation analysis cites one (`EventRef`: id as in the chronology,
   * file and locator), so the period and each identifier's first and last use trace to a line of an export. Null
   * when there is no incident; absent in reports made before they were added.
   */
  firstRef: EventRefSchema.nullable().optional(),
  lastRef: EventRefSchema.nullable().optional(),
};

/**
 * Incoming calls whose number the phone did not get: attributed to nobody, so never incidents, and counted here
 * apart (formats.md: withheld-number calls are among the most telling in a stalking case, and which of them are
 * the subject's is for the reader to weigh, not for chronolog to assume).
 */
export const WithheldCallsSchema = z
  .object({
    total: Count,
    byCaller: z
      .record(z.string(), Count)
      .describe('By the label the export gives the caller ("Withheld number", "Unknown number", "Payphone")'),
    byCallStatus: z.partialRecord(CallStatusSchema, Count),
    first: EventRefSchema,
    last: EventRefSchema,
    days: Count.describe('Local dates (case zone) with at least one such call'),
    daysWithIncidents: Count.describe('Of those dates, the ones that also have an incident'),
  })
  .describe(
    "Incoming calls whose number the phone did not get (withheld, unknown, payphone), flagged 'withheld' in the timeline: attributed to nobody, never counted as incidents; present only when there is at least one",
  );

export const IdentifierSummarySchema = z.object({
  identifier: z.string(),
  role: RoleSchema,
  incidents: Count,
  ...FirstAndLast,
  channels: z.array(ChannelSchema),
  names: z.array(z.string()),
});

export const DayCountSchema = z.object({ date: LocalDate, count: Count });
export const RunSchema = z.object({ days: Count, from: LocalDate.nullable(), to: LocalDate.nullable() });

export const IncidentsSchema = z.object({
  total: Count,
  byChannel: z.partialRecord(ChannelSchema, Count),
  byKind: z.partialRecord(KindSchema, Count),
  byCallStatus: z.partialRecord(CallStatusSchema, Count),
  // Its description is in the JSON Schema too, for scripts that add up the outcomes.
  callsWithoutOutcome: Count.optional().describe(
    "Calls (byKind.call) whose record gives no outcome, such as a diary row 'phone call'; absent when there are none (and in reports made before it was added, where it is byKind.call less the sum of byCallStatus). byCallStatus counts the outcomes recorded ('unknown' where the export says it does not know), so byCallStatus and this add up to byKind.call; the text, Markdown and HTML reports count this and byCallStatus.unknown together as 'outcome not recorded'",
  ),
  byIdentifier: z.record(z.string(), Count),
  ...FirstAndLast,
  /** Every local date from the first to the last incident, zeros included. */
  daily: z.array(DayCountSchema.extend({ byChannel: z.partialRecord(ChannelSchema, Count) })),
  daysWithContact: Count,
  maxPerDay: DayCountSchema.extend({
    ties: Count.optional().describe(
      'How many other days had as many incidents as date, the earliest of them; 0 when no other did. Absent in reports made before it was recorded',
    ),
  }).nullable(),
  /** Incidents 00:00–05:59 local; `eligible` leaves out day-precision records, which have no hour. */
  night: z.object({ count: Count, eligible: Count, share: z.number().nullable() }),
  longestStreak: RunSchema,
  // Its description is in the JSON Schema too (`chronolog schema`), for scripts that read the field.
  longestGap: RunSchema.describe(
    'Longest run of days without contact between two contact days, on days every export that limits the fully covered days covers (escalation.coverage); a day outside that coverage ends the run, so days: 0 can stand beside days without contact in daily',
  ),
  /** ISO weeks (Monday start) over the daily series; `days` < 7 marks a partial week. */
  weekly: z.array(z.object({ weekStart: LocalDate, days: Count, count: Count, partial: z.boolean() })),
  /** Incidents by local weekday (row 0 = Monday … 6 = Sunday) and hour (0–23); day-precision records left out. */
  hourByWeekday: z.array(z.array(Count).length(24)).length(7),
});

/** A call's length, shared by the timeline rows and the chronology so both say it alike. */
const CallDurationSec = z
  .number()
  .nonnegative()
  .nullable()
  .describe(
    'How long the call lasted, in seconds, as the export records it (0 for a call that was not answered); null (an empty cell in CSV) for an event that is no call, and for a call whose export gives no length or one no call can have',
  );

/**
 * The lexicon categories an incident's text matches, in the timeline rows and the chronology: what makes each
 * count of escalation.content traceable to its incidents.
 */
const lexiconIds = (more: string) =>
  z
    .array(z.string())
    .describe(
      `The ids of the content lexicon's categories (escalation.content.categories[].id) whose terms the incident's text matches, in the lexicon's order, found as the report finds them; empty when none matches or there is no text${more}. The incidents inside the report's analysis window (escalation.window) whose list names a category are the ones counted in that category's incidents`,
    );

/** One incident in the chronology annex (HTML, Markdown, or JSON with --chronology). */
export const ChronologyRowSchema = z.object({
  id: z.string(),
  utc: IsoInstant,
  local: z.string(),
  channel: ChannelSchema,
  kind: KindSchema,
  callStatus: CallStatusSchema.nullable(),
  callDurationSec: CallDurationSec,
  sender: z.string(),
  senderName: z.string().nullable(),
  text: z.string().nullable(),
  file: z.string(),
  locator: z.string(),
  flags: z.array(z.string()),
  /** What the export records beside the text: a diary's location, witnesses, police reference; an e-mail's subject. */
  details: z.record(z.string(), z.string()).nullable(),
  // Added after the first release: last, after the fields of earlier versions.
  lexicon: lexiconIds(''),
});
export type ChronologyRow = z.infer<typeof ChronologyRowSchema>;

/**
 * Locators that differ only in a record's index, and in its line when they name one: `locator` is the template
 * ("messages[{n}]", "sms[{n}] (line {line})"), `runs` the indices as inclusive [first, last] runs, in the order
 * read; with {line}, a run is [first index, last index, first line, last line] and the lines of its records are
 * evenly spaced: record first + k is on line firstLine + k × (lastLine − firstLine) / (last − first).
 */
export const OmittedIndexedSchema = z.object({
  locator: z
    .string()
    .describe('The locator with {n} for the index and, when it names a line, {line} for the line'),
  runs: z
    .array(z.union([z.tuple([Count, Count]), z.tuple([Count, Count, Count, Count])]))
    .describe(
      '[first, last] index runs: [[51, 1000000]] is messages[51] to messages[1000000]; with {line}, [first, last, first line, last line], lines evenly spaced',
    ),
});
export type OmittedIndexed = z.infer<typeof OmittedIndexedSchema>;

/**
 * Where the problems beyond the per-code cap are: `problems` keeps the first 50 of each code in full, and the
 * rest keep their code, severity, file and locator here, one entry per code, severity and file (sorted by code,
 * then file), so a script can find every rejected record without the report growing by a message per bad record.
 * Each problem is one position in `lines`, `indexed`, `positions` or `locators`: two problems of one code on one line give
 * that line twice ([[52, 52], [52, 52]]), as they are two problems.
 */
export const OmittedLocationsSchema = z.object({
  code: z.string(),
  severity: SeveritySchema,
  /** As in `problems`; null for problems that name no file. */
  file: z.string().nullable(),
  /** How many problems this entry stands for: those in `lines`, `indexed`, `positions` and `locators`, plus any with no locator. */
  count: Count,
  lines: z
    .array(z.tuple([Count, Count]))
    .describe(
      'Line numbers as inclusive [first, last] runs, in the order read: [[52, 3001]] is lines 52 to 3001; a line with two problems of this code is given twice',
    ),
  indexed: z
    .array(OmittedIndexedSchema)
    .describe('Locators that differ only in an index (and line), as runs: messages[51] to messages[1000000]'),
  /** Locators that are neither a line number nor indexed (a JSON path without an index…), in the order read. */
  locators: z.array(z.string()),
  positions: z
    .array(z.union([z.tuple([Count, Count]), z.tuple([Count, Count, Count, Count, Count])]))
    .optional()
    .describe(
      'Locators "line L, column C" (where a Messenger HTML message block starts) as runs, in the order read: [line, column] for one, [first line, first column, last line, last column, count] for count positions evenly spaced: [[1, 2411, 1, 2651, 3]] is line 1, columns 2411, 2531 and 2651; absent when there is none',
    ),
});
export type OmittedLocations = z.infer<typeof OmittedLocationsSchema>;

export const ReportSchema = z.object({
  schemaVersion: z.literal(1),
  generator: z.object({ name: z.literal('chronolog'), version: z.string() }),
  generatedAt: IsoInstant,
  /** How the report was made: the paths given and the options that change results. */
  run: z.object({
    paths: z.array(z.string()),
    options: z.record(z.string(), z.union([z.string(), z.boolean(), z.array(z.string())])),
  }),
  case: z.object({
    title: z.string().nullable(),
    timezone: z.string(),
    timezoneSource: z.enum(['option', 'case-file', 'system']),
    tzdata: z.string().nullable(),
    region: z.string().nullable(),
    caseFile: z.object({ path: z.string(), sha256: z.string() }).nullable(),
    subject: z.object({ name: z.string().nullable(), identifiers: z.array(z.string()) }),
    victim: z.object({ name: z.string().nullable(), identifiers: z.array(z.string()) }),
    milestones: z.array(z.object({ date: z.string(), label: z.string(), type: z.string().nullable() })),
  }),
  inputs: z.array(InputSummarySchema),
  ignoredFiles: z.array(IgnoredFileSchema),
  accounting: z.object({
    files: Count,
    records: Count,
    events: Count,
    kept: Count,
    duplicates: Count,
    skipped: Count,
    rejected: Count,
    incidents: Count,
  }),
  identifiers: z.array(IdentifierSummarySchema),
  incidents: IncidentsSchema,
  withheldCalls: WithheldCallsSchema.optional(),
  /** Added by the escalation analysis; see docs/report.md. */
  escalation: EscalationSchema.optional(),
  /** Every incident, in order. Present in HTML and Markdown reports, and in JSON with --chronology. */
  chronology: z.array(ChronologyRowSchema).optional(),
  problems: z.array(ProblemSchema),
  /** Problems beyond the per-code cap (50), counted by code; `problemsOmittedLocations` says where each one is. */
  problemsOmitted: z.record(z.string(), Count),
  /** The file and locator of every problem counted in `problemsOmitted`. */
  problemsOmittedLocations: z
    .array(OmittedLocationsSchema)
    .describe('The file and locator of every problem counted in problemsOmitted, by code, severity and file'),
});
export type Report = z.infer<typeof ReportSchema>;

/** One row of `chronolog timeline` (CSV columns in this order, or one JSON object per line). */
export const TimelineRowSchema = z.object({
  id: z.string(),
  utc: IsoInstant,
  local: z
    .string()
    .describe(
      'Wall-clock time in the case zone, to the precision column: YYYY-MM-DD (day), YYYY-MM-DD HH:mm (min), YYYY-MM-DD HH:mm:ss (s) or YYYY-MM-DD HH:mm:ss.SSS (ms)',
    ),
  precision: PrecisionSchema,
  channel: ChannelSchema,
  kind: KindSchema,
  callStatus: CallStatusSchema.nullable(),
  direction: DirectionSchema,
  sender: z.string().nullable().describe('Sender as written in the export'),
  senderResolved: z.string().nullable().describe('Normalised identifier (E.164, lower-case e-mail, …)'),
  role: RoleSchema.nullable(),
  incident: z.boolean(),
  text: z.string().nullable(),
  file: z.string(),
  sha256: z.string(),
  locator: z.string(),
  flags: z.string(),
  details: z
    .record(z.string(), z.string())
    .nullable()
    .describe(
      "What the export records beside the text (a diary row's location, witnesses, police reference…); a JSON object in CSV",
    ),
  // Appended last, after the columns of earlier versions, so a script reading CSV columns by position still reads.
  callDurationSec: CallDurationSec,
  // Appended after callDurationSec: only incidents are searched, as the report searches them (rows.ts).
  lexicon: lexiconIds(
    "; in CSV joined with ';' (an empty cell for none); empty too for an event that is not an incident, as the report searches only incidents' texts",
  ),
  // Only with `timeline --with-duplicates`, and then in every row: appended after every other column (CSV), so a
  // timeline written without the option is as before (timeline-columns.ts DUPLICATE_COLUMNS).
  duplicate: z
    .boolean()
    .optional()
    .describe(
      "Only with --with-duplicates, then in every row: true (CSV: yes) for a duplicate, a copy of the event in the row above it (the copy kept) found in another file, counted among the accounting's duplicates and nowhere else; false (no) for an event kept. Absent without the option, when the rows hold only events kept",
    ),
  keptFile: z
    .string()
    .nullable()
    .optional()
    .describe(
      "Only with --with-duplicates: for a duplicate, the file of the copy kept in its place (as `file` names it; the report's duplicatesAt[].kept.file); null (CSV: empty) for an event kept",
    ),
  keptLocator: z
    .string()
    .nullable()
    .optional()
    .describe(
      "Only with --with-duplicates: for a duplicate, where the copy kept in its place is in keptFile (as `locator` gives it; the report's duplicatesAt[].kept.locator); null (CSV: empty) for an event kept",
    ),
  duplicateReason: z
    .enum(['deleted-placeholder'])
    .nullable()
    .optional()
    .describe(
      'Only with --with-duplicates: why a duplicate is one where de-duplication gives a reason (the report\'s duplicatesAt[].reason): "deleted-placeholder", a "This message was deleted" placeholder standing for the message another export holds as text; null (CSV: empty) for a copy of the same record, and for an event kept',
    ),
});
export type TimelineRow = z.infer<typeof TimelineRowSchema>;
