/** Small locale-independent formatting helpers shared by the human-readable outputs. */

import { busiestDays, plural, thousands } from '../model/format.js';
import type { DuplicateAt, DuplicatesAt, Report, SkippedAt } from '../model/index.js';
import { timeFlagText } from '../model/time-flags.js';

/**
 * The busiest day as the text and Markdown reports give it: "2024-03-20 (14 incidents)", or with the days that tie
 * with it, "2023-01-04 and 157 other days (1 incident each)". '–' when there is none.
 */
export function busiestDayText(
  d: { readonly date: string; readonly count: number; readonly ties?: number | undefined } | null,
): string {
  return d ? `${busiestDays(d)} (${plural(d.count, 'incident')}${d.ties ? ' each' : ''})` : '–';
}

/** Integer with thin grouping: 12408 → "12,408" (fixed separator, never the machine locale). */
export function int(n: number): string {
  return thousands(Math.trunc(n));
}

/**
 * The report's title: the case file's, or "Contact report" when it gives none or leaves it blank (a template's
 * `"title": ""`), the same in every report, so no heading or HTML <title> is empty.
 */
export function reportTitle(r: Report): string {
  return r.case.title?.trim() ? r.case.title : 'Contact report';
}

/** The books of an input or of the whole run, in the order every accounting table shows them. */
export function bookCells(b: {
  readonly records: number;
  readonly kept: number;
  readonly duplicates: number;
  readonly skipped: number;
  readonly rejected: number;
}): string[] {
  return [int(b.records), int(b.kept), int(b.duplicates), int(b.skipped), int(b.rejected)];
}

/**
 * What the records read became, in the README's terms, the same in every output that says it in words (stderr's
 * summary line, the accounting line of each report): "1,975 events (1,737 kept, 238 duplicates), 3 skipped,
 * 0 rejected". Records read = events + skipped + rejected, and events = kept + duplicates: "events" always
 * counts the duplicates too, and the events in the timeline are the ones "kept". `rejected` styles the rejected
 * figure (stderr colours it when there are any).
 */
export function bookWords(
  b: {
    readonly events: number;
    readonly kept: number;
    readonly duplicates: number;
    readonly skipped: number;
    readonly rejected: number;
  },
  rejected: (s: string) => string = (s) => s,
): string {
  return `${plural(b.events, 'event')} (${int(b.kept)} kept, ${plural(b.duplicates, 'duplicate')}), ${int(b.skipped)} skipped, ${rejected(`${int(b.rejected)} rejected`)}`;
}

/**
 * The accounting in one sentence, as the Markdown and HTML reports give it: "1,978 records read from 6 files:
 * 1,975 events (1,737 kept, 238 duplicates), 3 skipped, 0 rejected; 690 incidents among the events kept."
 */
export function accountingWords(a: {
  readonly files: number;
  readonly records: number;
  readonly events: number;
  readonly kept: number;
  readonly duplicates: number;
  readonly skipped: number;
  readonly rejected: number;
  readonly incidents: number;
}): string {
  return `${plural(a.records, 'record')} read from ${plural(a.files, 'file')}: ${bookWords(a)}; ${plural(a.incidents, 'incident')} among the events kept.`;
}

/**
 * A local time with how to read it when its record says, as the chronology writes it: "2024-02-10 14:00 (time
 * approximate, time given as a range)". Every time a report quotes goes through here or its HTML twin
 * (`html/dates.ts`), so a headline never looks more exact than the record it comes from. `esc` escapes the
 * time and the words (Markdown), not the parentheses around the words.
 */
export function timeWithFlags(
  local: string,
  flags: readonly string[] | undefined,
  esc: (s: string) => string = (s) => s,
): string {
  return flags?.length ? `${esc(local)} (${esc(timeFlagText(flags))})` : esc(local);
}

/** How every inputs table marks a file not read whole, beside its name, and what that means for its row. */
export interface InputMark {
  readonly mark: string;
  readonly means: string;
  /** What happened to such a file, said of one and of several ("could be read only in part"). */
  readonly one: string;
  readonly many: string;
}

/** A file read only in part (`incomplete`: a truncated XML or JSON, a damaged member, a reading that stopped). */
const READ_IN_PART: InputMark = {
  mark: 'not read to the end',
  means: 'the counts cover what could be read',
  one: 'could be read only in part',
  many: 'could be read only in part',
};
/** A file read to its end whose records could not all be used (`readToEnd`: its day/month order). */
const RECORDS_UNUSABLE: InputMark = {
  mark: 'read to the end, some records unusable',
  means: 'the counts cover the whole file; its rejected records say why',
  one: 'was read whole, but not every record in it could be used',
  many: 'were read whole, but not every record in them could be used',
};

/** A file read to its end whose bytes fail a check of the whole file (`damaged`: a zip member's CRC-32). */
const DAMAGED: InputMark = {
  mark: 'read to the end, checksum failed',
  means: 'the counts cover the whole file; any record may be garbled',
  one: 'was read whole, but its bytes fail the archive’s checksum',
  many: 'were read whole, but their bytes fail the archive’s checksum',
};

type Marked = Pick<Report['inputs'][number], 'incomplete' | 'readToEnd' | 'damaged'>;

/** The mark an inputs table gives an input, or undefined for a file read whole. */
export function inputMark(input: Marked): InputMark | undefined {
  if (!input.incomplete) return undefined;
  if (input.damaged) return DAMAGED;
  return input.readToEnd ? RECORDS_UNUSABLE : READ_IN_PART;
}

/** `shown(mark)` for an input not read whole, '' for one read whole: the mark beside a file's name. */
export function marked(input: Marked, shown: (mark: string) => string): string {
  const m = inputMark(input);
  return m === undefined ? '' : shown(m.mark);
}

/** The marks `inputs` carry, each with how many carry it, read in part first: for a table's legend. */
export function inputMarks(inputs: readonly Marked[]): (InputMark & { count: number })[] {
  return [READ_IN_PART, RECORDS_UNUSABLE, DAMAGED]
    .map((m) => ({ ...m, count: inputs.filter((i) => inputMark(i) === m).length }))
    .filter((m) => m.count > 0);
}

/**
 * Reason codes with their counts, sorted by code: "block-notice 1, system-notice 2" ('' when none). With `at` (an
 * input's `skippedAt`), each reason it locates says where: "system-notice 12 (lines 1, 4, 9, 15, 22 … 877)".
 * `esc` escapes the codes and the places (Markdown), not the parentheses around the places.
 */
export function reasonCounts(
  reasons: Readonly<Record<string, number>>,
  at?: Readonly<Record<string, SkippedAt>>,
  esc: (s: string) => string = (s) => s,
): string {
  return Object.entries(reasons)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => {
      const where = at?.[k];
      return `${esc(k)} ${int(v)}${where ? ` (${esc(skippedPlaces(where, v))})` : ''}`;
    })
    .join(', ');
}

/**
 * Where `count` records skipped for one reason are, from its `skippedAt` entry: the first ones, then the last after
 * "…" when records between them are not named (after a comma when it is the next one). Line locators are
 * written as one list ("lines 1, 4 … 877"); element and JSON paths as given ("messages[3], messages[9]").
 */
export function skippedPlaces(at: SkippedAt, count: number): string {
  const places = [...at.first];
  const shown = places.length;
  if (count > shown) places.push(at.last);
  const lines = places.map((p) => LINE.exec(p)?.[1]);
  const numbered = lines.every((n) => n !== undefined);
  const named = numbered ? (lines as string[]) : places;
  const gap = count > shown + 1 ? ' … ' : ', ';
  const list =
    count > shown ? `${named.slice(0, -1).join(', ')}${gap}${named[named.length - 1]}` : named.join(', ');
  return numbered ? `${places.length === 1 ? 'line' : 'lines'} ${list}` : list;
}

/**
 * Where an input's `count` duplicates are, from its `duplicatesAt`, each with the copy kept in its place, the file
 * kept in named once for each run of duplicates kept in the same file: "copies kept in backup-a.xml: sms[0] (line
 * 5) → sms[287] (line 292); sms[1] (line 6) → sms[288] (line 293); in backup-b.xml: …". The first ones, then the
 * last after "…" when duplicates between them are not named (after "; " when it is the next one); a deletion
 * placeholder paired with the message kept is marked "(deleted here)". `file` cites a
 * file as the report does elsewhere (markup made), `esc` escapes a locator.
 */
export function duplicatesCited(
  at: DuplicatesAt,
  count: number,
  file: (path: string) => string,
  esc: (s: string) => string,
): string {
  const shown: DuplicateAt[] = count > at.first.length ? [...at.first, at.last] : [...at.first];
  // The last is shown after a gap when duplicates between it and the first few are not named.
  const gapBefore = count > at.first.length + 1 ? at.first.length : -1;
  let out = '';
  let inFile: string | undefined;
  shown.forEach((d, j) => {
    if (j > 0) out += j === gapBefore ? ' … ' : '; ';
    if (d.kept.file !== inFile) out += `${j === 0 ? 'copies kept in' : 'in'} ${file(d.kept.file)}: `;
    inFile = d.kept.file;
    out += `${esc(d.locator)} → ${esc(d.kept.locator)}`;
    // A deletion placeholder stands for the message the copy kept still holds (dedupe.ts `pairPlaceholders`).
    if (d.reason === 'deleted-placeholder') out += ' (deleted here)';
  });
  return out;
}

/** A locator as `locatorText` writes a line number (timeline/ids.ts). */
const LINE = /^line (\d+)$/;

/**
 * A run of days, "2024-01-21 → 2024-01-22" with the given separator, or the one date when it is one day:
 * "2024-02-14 → 2024-02-14" says nothing more and reads like a typo.
 */
export function dayRange(from: string, to: string, sep: string): string {
  return from === to ? from : `${from}${sep}${to}`;
}

/**
 * Two local times of the report ("2024-04-07 19:01", "2024-04-07 19:47") as a span, the end without its date when
 * both fall on one day: "2024-04-07 19:01 – 19:47", as the findings say it ("from 7 April 2024 at 19:01 … to
 * 19:47"); across midnight both in full, and one time when they are the same. `full` writes a time with its date
 * (the HTML's "7 April 2024, 19:01"); the end alone is its clock time as written.
 */
export function localSpan(
  from: string,
  to: string,
  sep: string,
  full: (local: string) => string = (s) => s,
): string {
  if (from === to) return full(from);
  return `${full(from)}${sep}${from.slice(0, 10) === to.slice(0, 10) ? to.slice(11) : full(to)}`;
}

/** "149 of the 174 days", or "1 of 1 day" (not "of the 1 day"): the days with contact among the days counted. */
export function daysOf(withContact: number, days: number): string {
  return `${int(withContact)} of ${days === 1 ? '1 day' : `the ${plural(days, 'day')}`}`;
}

/** A share as a percentage with no decimals ("22%"), or "–" when undefined. */
export function pct(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)}%`;
}

/** Fixed decimals without locale. */
export function dec(n: number, digits = 1): string {
  return n.toFixed(digits);
}

/** "1 day" / "3 days". */
export { plural } from '../model/format.js';

const BARS = '▁▂▃▄▅▆▇█';

/** A sparkline of counts; zero is a low dot so empty weeks stay visible. */
export function sparkline(values: readonly number[]): string {
  const max = Math.max(0, ...values);
  return values
    .map((v) =>
      v === 0 ? '·' : BARS[Math.min(BARS.length - 1, Math.floor((v / max) * (BARS.length - 1) + 0.5))]!,
    )
    .join('');
}

/**
 * Folds a series into at most `width` buckets of `per` neighbours each, for a line too short for one mark a value.
 * A bucket is the mean of its values, and the buckets end with the last value, so only the first can hold fewer
 * values: summed, a last bucket of one week beside buckets of two drew as a fall in contact at the very end, where
 * a reader looks to see whether it is rising.
 */
export function fold(values: readonly number[], width: number): { values: number[]; per: number } {
  if (values.length <= width) return { values: [...values], per: 1 };
  const per = Math.ceil(values.length / width);
  const out: number[] = [];
  for (let end = values.length; end > 0; end -= per) {
    const bucket = values.slice(Math.max(0, end - per), end);
    out.unshift(bucket.reduce((a, b) => a + b, 0) / bucket.length);
  }
  return { values: out, per };
}

type Week = Report['incidents']['weekly'][number];

/**
 * The weekly sparkline and its legend (text and Markdown reports), folded to `width` marks, over the weeks of the
 * report's period (`periodWeeks`: the first to the last incident, widened to the analysis window), so the first
 * and last weeks can be part weeks, each with the days the Markdown and HTML tables give it. Drawn as counted,
 * a last week of one day with 3 contacts stood at a third of the weeks of 9 before it (fixtures/text-neutral/flat),
 * as if contact had dropped at the very end, where a reader looks to see whether it is rising; drawn at its rate for
 * 7 days it rose instead, as a part week ends (or starts) on a day with a record when the window is the records'
 * own span: a diary of two entries a week whose last week has 3 days drew a last mark more than twice as high as
 * the others (fixtures/diary-two-years). So with at least two full weeks, only full weeks are drawn, and the legend
 * gives the part weeks' days and counts; with fewer, every week is drawn as counted and the legend says which are
 * part weeks, a single week too ("1 week from 2024-02-12, a part week of 6 days": it said "1 week" alone).
 */
export function weeklySparkline(
  weekly: readonly Week[],
  width = Number.POSITIVE_INFINITY,
): { marks: string; legend: string } {
  const part = (w: Week) => w.days < 7;
  const full = weekly.filter((w) => !part(w));
  const drawn = full.length >= 2 ? full : weekly;
  const folded = fold(
    drawn.map((w) => w.count),
    width,
  );
  const first = weekly[0];
  const last = weekly.length > 1 ? weekly.at(-1) : undefined;
  const ends = [
    first && part(first) ? ['first', first] : null,
    last && part(last) ? ['last', last] : null,
  ].filter((x): x is [string, Week] => x !== null);
  const legend =
    drawn === full && ends.length > 0
      ? `${plural(full.length, 'full week')} from ${full[0]!.weekStart}${folded.per > 1 ? `, ${folded.per} weeks a mark` : ''}; part weeks not drawn: ${ends.map(([which, w]) => `${which} ${plural(w.days, 'day')} (${plural(w.count, 'incident')})`).join(', ')}`
      : `${plural(weekly.length, 'week')} from ${first?.weekStart}${folded.per > 1 ? `, ${folded.per} weeks a mark` : ''}${partNote(weekly.length, ends)}`;
  return { marks: sparkline(folded.values), legend };
}

/** Which of the weeks drawn are part weeks: "; the last has 2 days", or ", a part week of 6 days" for one week. */
function partNote(weeks: number, ends: readonly [string, Week][]): string {
  if (ends.length === 0) return '';
  if (weeks === 1) return `, a part week of ${plural(ends[0]![1].days, 'day')}`;
  return `; ${ends.map(([which, w]) => `the ${which} has ${plural(w.days, 'day')}`).join(', ')}`;
}

// Characters a terminal draws two columns wide: emoji shown as emoji, and East Asian wide and full-width ones
// (Hangul, CJK, kana, full-width forms; Unicode's East_Asian_Width W and F, by block).
const EMOJI_WIDE = /\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F/u;
const EAST_ASIAN_WIDE =
  /^[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u;
// Characters drawn over the one before them, or not at all.
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}]+$/u;
const ASCII = /^[\x20-\x7E]*$/;
let graphemes: Intl.Segmenter | undefined;

/**
 * How many terminal columns `s` takes: one a character, two for an emoji or a wide East Asian character, none for
 * a combining mark or an invisible one (which sanitised text shows as a marker anyway), counted by what the reader
 * sees as one character (an emoji family of five code points is one, two columns wide).
 */
export function displayWidth(s: string): number {
  if (ASCII.test(s)) return s.length;
  graphemes ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  let width = 0;
  for (const { segment } of graphemes.segment(s)) {
    if (EMOJI_WIDE.test(segment) || EAST_ASIAN_WIDE.test(segment)) width += 2;
    else if (!ZERO_WIDTH.test(segment)) width += 1;
  }
  return width;
}

/** Pads to a display width (`displayWidth`: a name with emoji or Chinese characters lines up too). */
export function pad(s: string, width: number, right = false): string {
  const n = displayWidth(s);
  if (n >= width) return s;
  return right ? ' '.repeat(width - n) + s : s + ' '.repeat(width - n);
}

/** "sms 210 · whatsapp 120" from a count record, largest first, ties by name. */
export function countList(record: Partial<Record<string, number>>): string {
  const entries = Object.entries(record) as [string, number][];
  if (entries.length === 0) return '–';
  return entries
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([k, v]) => `${k} ${int(v)}`)
    .join(' · ');
}
