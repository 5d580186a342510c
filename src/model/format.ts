/**
 * How every output writes numbers and dates (statistics.md §3): the findings sentences and the text, Markdown and
 * HTML reports all go through these, so every output shows the same figures. Plain functions, no schemas: they
 * are loaded on every run.
 */

/**
 * The day with the most incidents, as every report names it, with how many other days had as many (`ties`): "2023-01-04",
 * or "2023-01-04 and 157 other days" (the earliest is the one named). `show` writes the date ("4 January 2023").
 * Naming only the earliest of tied days read as if that day stood out.
 */
export function busiestDays(
  day: { readonly date: string; readonly ties?: number | undefined },
  show: (date: string) => string = (d) => d,
): string {
  return day.ties ? `${show(day.date)} and ${plural(day.ties, 'other day')}` : show(day.date);
}

/** English month names, January first (reports never use the machine's locale). */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A whole number with thousands separators: 1234567 as "1,234,567" (decimals kept as written). */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A rate or ratio to 2 significant digits ("1.4", "0.42", "25"); "–" when null. */
export function sig2(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return '–';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 10) return thousands(Math.round(x));
  return x.toPrecision(2);
}

/**
 * A ratio (a rate ratio, a factor per 30 days, a bound of its interval): as `sig2` writes it, except from 0.9 to 1.1,
 * where it gets two decimals, or as many more as it takes not to read as 1. `sig2` wrote 1.042 as "1.0" in "rose by
 * a factor of 1.0 (95% CI 1.0–1.1)", a sentence that contradicts itself, while 0.96 kept its two decimals. Exactly 1
 * is "1.0"; "–" when null.
 */
export function formatRatio(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return '–';
  if (x === 1 || x < 0.9 || x >= 1.1) return sig2(x);
  for (let d = 2; d < 6; d++) {
    const s = x.toFixed(d);
    if (Number(s) !== 1) return s;
  }
  return x.toFixed(6);
}

/**
 * Two bounds as a range: "1.5–1.9", or "-0.063 to -0.042" when either is negative. An en dash beside a minus sign
 * ("-0.063–-0.042", "-0.33–1.0") reads as a subtraction or a double sign; "to" does not.
 */
function range(lo: number, hi: number, write: (x: number) => string): string {
  return lo < 0 || hi < 0 ? `${write(lo)} to ${write(hi)}` : `${write(lo)}–${write(hi)}`;
}

/** `formatCi` for the interval of a ratio, its bounds written by `formatRatio`: "95% CI 1.02–1.07". */
export function formatRatioCi(ci: readonly [number | null, number | null]): string {
  const [lo, hi] = ci;
  if (lo === null && hi === null) return '95% CI not computable';
  if (hi === null) return `95% CI at least ${formatRatio(lo)}`;
  return `95% CI ${range(lo ?? 0, hi, formatRatio)}`;
}

/** The most decimals `formatRatioCiApart` adds to tell two intervals apart. */
const MORE_DIGITS = 6;

/**
 * A ratio interval to be printed beside another one, written so that the two never read alike when they differ
 * (the interval allowing for overdispersion beside the exact one): `shown` is `formatRatioCi(ci)` when that reads
 * differently from `formatRatioCi(other)`, and `other` is null. Otherwise both are written with as many more decimals
 * at each end, the same at that end for both, as it takes for them to read differently, and `other` is the other
 * interval so written, without "95% CI": exact 1.601–3.630 and 1.577–3.630 both read "1.6–3.6", which said that
 * allowing for overdispersion had changed nothing; they read "1.58–3.63" and "1.60–3.63". As `formatP` adds digits
 * where two would hide which side of 0.05 a p is on. Read alike means the same numbers, not the same characters:
 * "1.10" and "1.1" read alike. Intervals that MORE_DIGITS more decimals cannot tell apart are the same to any
 * reader's purpose, as are ends no digits can write (infinite): `shown` alone then, as for intervals apart.
 */
export function formatRatioCiApart(
  ci: readonly [number | null, number | null],
  other: readonly [number | null, number | null],
): { shown: string; other: string | null } {
  const shown = formatRatioCi(ci);
  const [lo, hi] = ci;
  if (lo === null && hi === null) return { shown, other: null };
  if (![lo, hi, other[0], other[1]].every((x) => x === null || Number.isFinite(x)))
    return { shown, other: null };
  // Each end as the reader reads it: the number `formatRatio` writes (null stays null: "at least").
  const read = (x: number | null) => (x === null ? null : Number(formatRatio(x).replaceAll(',', '')));
  if (read(lo) !== read(other[0]) || read(hi) !== read(other[1])) return { shown, other: null };
  // The most decimals `formatRatio` gave each end in either interval ("1.10" beside "1.1": two).
  const decimals = (x: number | null) => (x === null ? 0 : (formatRatio(x).split('.')[1]?.length ?? 0));
  const dlo = Math.max(decimals(lo), decimals(other[0]));
  const dhi = Math.max(decimals(hi), decimals(other[1]));
  const fixed = (x: number, d: number) => {
    const [whole, frac] = x.toFixed(d).split('.');
    return frac === undefined ? thousands(Number(whole)) : `${thousands(Number(whole))}.${frac}`;
  };
  const write = (c: readonly [number | null, number | null], k: number) =>
    c[1] === null
      ? `at least ${fixed(c[0] ?? 0, dlo + k)}`
      : `${fixed(c[0] ?? 0, dlo + k)}–${fixed(c[1], dhi + k)}`;
  for (let k = 1; k <= MORE_DIGITS; k++) {
    if (write(ci, k) !== write(other, k)) return { shown: `95% CI ${write(ci, k)}`, other: write(other, k) };
  }
  return { shown, other: null };
}

/**
 * The cut the reports' words use for a p-value (statistics.md §3): below it a test's result is said to be more than
 * chance (the Pearson χ² test of φ̂, the gaps' trend), at or above it not.
 */
export const P_CUT = 0.05;

/**
 * "p < 0.001" or "p = 0.087" (two significant digits); never "p = 0". Two digits that would put a p on the other
 * side of 0.05, or on it, get as many more as it takes to show which side it is on: 0.0496 and 0.0504 both read
 * "p = 0.050" beside words that called one beyond chance and the other not, so they read "p = 0.0496" and
 * "p = 0.0504" (a p of exactly 0.05 stays "p = 0.050"). One formatter for every output, as the words are. A p that is
 * no probability (missing, NaN, infinite or negative) is "p not computable", never "p = NaN", "p < 0.001" or a throw.
 */
export function formatP(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p) || p < 0) return 'p not computable';
  if (p < 0.001) return 'p < 0.001';
  const below = p < P_CUT;
  // 17 significant digits give back any double, so the loop always ends with a p on its own side.
  for (let d = 2; d <= 17; d++) {
    const shown = Number(p.toPrecision(d));
    if (p === P_CUT || (shown !== P_CUT && shown < P_CUT === below)) return `p = ${p.toPrecision(d)}`;
  }
  return `p = ${p}`;
}

/**
 * "95% CI 1.5–1.9", "95% CI -0.063 to -0.042" when a bound is negative (a slope), or "95% CI at least 2.8" with an
 * unbounded upper limit.
 */
export function formatCi(ci: readonly [number | null, number | null]): string {
  const [lo, hi] = ci;
  if (lo === null && hi === null) return '95% CI not computable';
  if (hi === null) return `95% CI at least ${sig2(lo)}`;
  return `95% CI ${range(lo ?? 0, hi, sig2)}`;
}

/**
 * An instant as a UTC date and time for a message, without the zone's name (the caller writes "UTC"):
 * `2024-03-01 17:08`, seconds shown when not 0 (always with `seconds: 'always'`), milliseconds when not 0 (never
 * with `millis: false`); years past 9999 as `+010000`. For times within the calendar (±8.64e15 ms).
 */
export function utcText(ms: number, shown: { seconds?: 'always'; millis?: false } = {}): string {
  let t = new Date(ms).toISOString().replace('T', ' ').slice(0, -1);
  if (shown.millis === false || t.endsWith('.000')) t = t.slice(0, -4);
  // Without its milliseconds the text ends in its seconds.
  return shown.seconds !== 'always' && t.endsWith(':00') ? t.slice(0, -3) : t;
}

/** "11 March 2024" from YYYY-MM-DD (or the date part of a longer local time). */
export function formatDate(date: string): string {
  const y = date.slice(0, 4);
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return `${d} ${MONTH_NAMES[m - 1] ?? '?'} ${y}`;
}

/** "2 April to 19 May 2024", "1–30 June 2024", "8 January 2024 to 3 March 2025"; one date when equal. */
export function formatDateRange(from: string, to: string): string {
  if (from.slice(0, 10) === to.slice(0, 10)) return formatDate(from);
  const [a, b] = [formatDate(from), formatDate(to)];
  if (from.slice(0, 7) === to.slice(0, 7)) return `${Number(from.slice(8, 10))}–${b}`;
  if (from.slice(0, 4) === to.slice(0, 4)) return `${a.slice(0, -5)} to ${b}`;
  return `${a} to ${b}`;
}

/**
 * A span of dates inside a sentence, with both ends said: "on 14 February 2024", "from 14 to 15 February 2024",
 * "from 2 April to 19 May 2024", "from 8 January 2024 to 3 March 2025". "from 14–15 February 2024" mixes two ways
 * of giving a range (a word and a dash), and "from 14 February 2024" reads as a start with no end.
 */
export function fromTo(from: string, to: string): string {
  if (from.slice(0, 10) === to.slice(0, 10)) return `on ${formatDate(from)}`;
  const [a, b] = [formatDate(from), formatDate(to)];
  if (from.slice(0, 7) === to.slice(0, 7)) return `from ${Number(from.slice(8, 10))} to ${b}`;
  if (from.slice(0, 4) === to.slice(0, 4)) return `from ${a.slice(0, -5)} to ${b}`;
  return `from ${a} to ${b}`;
}

/** `fromTo` opening a sentence: "On 14 February 2024", "From 14 to 15 February 2024". */
export function fromToDates(from: string, to: string): string {
  return cap(fromTo(from, to));
}

/** "March 2024" from YYYY-MM. */
export function formatMonth(month: string): string {
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1] ?? '?'} ${month.slice(0, 4)}`;
}

/** A share as a whole percentage ("22%"), "–" when null. */
export function formatShare(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)}%`;
}

/**
 * Whether an identifier row stands for no identifier at all: "(subject, as recorded)" (diary rows, which name
 * the subject without a number or account) or "(unknown sender)". Such rows are listed, but not counted as
 * identifiers the subject used.
 */
export function isPlaceholderIdentifier(identifier: string): boolean {
  return identifier.startsWith('(');
}

/** "1 day", "1,234 days": the count with thousands separators (decimals kept as written), then the word. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${thousands(n)} ${n === 1 ? one : many}`;
}

/** "a, b and c"; "a and b"; "a"; "" for none. */
export function andList(items: readonly string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : (items[0] ?? '');
}

/** "a, b or c"; "a or b"; "a"; "" for none. */
export function orList(items: readonly string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} or ${items.at(-1)}` : (items[0] ?? '');
}

/**
 * How many of `n` items a list that shows at most `max` shows: all of them when only one would be left over, as
 * "and 1 more" takes the place of the item it hides and says less.
 */
export function shownOf(n: number, max: number): number {
  return n === max + 1 ? n : Math.min(n, max);
}

/** The first items a list that shows at most `max` shows (as `shownOf` counts them), and how many it leaves out. */
export function listed<T>(items: readonly T[], max: number): { shown: T[]; more: number } {
  const shown = items.slice(0, shownOf(items.length, max));
  return { shown, more: items.length - shown.length };
}

/** First letter upper case: a phrase made to be read mid-sentence, opening one. */
export function cap(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}
