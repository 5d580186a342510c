/**
 * Phrases of the escalation section that the findings sentences and the text, Markdown and HTML reports share,
 * so every output words a figure the same way (statistics.md §3). Plain functions, no schemas: they are loaded
 * on every run.
 */
import type { Comparison, Escalation, MilestoneAnalysis } from './escalation.js';
import {
  andList,
  formatCi,
  formatDate,
  formatDateRange,
  formatRatio,
  formatRatioCiApart,
  P_CUT,
  plural,
  sig2,
  thousands,
} from './format.js';
import { caseFileString, quoted, shownAsIs } from './shell-quote.js';
import { timeFlagText } from './time-flags.js';

type MannKendall = Escalation['trend']['mannKendall'];

/**
 * Where a milestone's "after" side starts, as the case file gave it: the local date, with the time of day only
 * when the milestone has one (`2024-03-10 14:30`), since two milestones can fall on one date.
 */
export function milestoneStart(m: Pick<MilestoneAnalysis, 'date' | 'startsAtLocal'>): string {
  return m.date.length > 10 ? m.startsAtLocal : m.startsAtLocal.slice(0, 10);
}

/** How a clock change read a milestone's time, in words in brackets (" (the written time did not exist, …)"); ''. */
export function milestoneTimeNote(m: Pick<MilestoneAnalysis, 'startsAtTimeFlags'>): string {
  return m.startsAtTimeFlags ? ` (${timeFlagText(m.startsAtTimeFlags)})` : '';
}

/**
 * The contacts recorded at the first cease request's own time, which the count after it leaves out, in words:
 * "3 contacts recorded in the same minute as the request are counted before it, as their time cannot show which
 * came first". The unit is the request's precision (its local time: a date, a minute, a second). Null when there
 * are none, or in a report made before the count was added.
 */
export function atRequestTimeWords(
  c: Pick<Escalation['ceaseRequest'], 'first' | 'afterFirst'>,
): string | null {
  const n = c.afterFirst?.atRequestTime;
  if (!n || !c.first) return null;
  const length = c.first.event.local.length;
  const unit = length <= 10 ? 'day' : length <= 16 ? 'minute' : length <= 19 ? 'second' : 'millisecond';
  return `${plural(n, 'contact')} recorded in the same ${unit} as the request ${n === 1 ? 'is' : 'are'} counted before it, as ${n === 1 ? 'its' : 'their'} time cannot show which came first`;
}

/**
 * Whether the window came from the records (no case file window, no --from/--to) and is the incidents' own span:
 * no record falls on a day before the first incident or after the last, as in any input that is only a diary,
 * whose every record is an incident. The window is then exactly what statistics.md §1.2 warns against, a window
 * that starts at the first incident, and the reports say so instead of describing it as the span of the records.
 */
export function windowIsIncidentSpan(e: Pick<Escalation, 'window' | 'persistence'>): boolean {
  const { first, last } = e.persistence;
  return (
    e.window.source === 'events' &&
    first !== null &&
    last !== null &&
    first.local.slice(0, 10) === e.window.from &&
    last.local.slice(0, 10) === e.window.to
  );
}

/** Why a window that is the incidents' own span matters, and what to do (`windowIsIncidentSpan`). */
export const INCIDENT_SPAN =
  "no record falls on a day before the first incident or after the last, so the window is the incidents' own span: the rate may be inflated and trend tests biased upward; give the period covered with --from/--to or the case file's window";

/** Whether the trend is estimated: when it is not, Mann–Kendall and Sen's slope support no conclusion. */
export function trendEstimated(e: Pick<Escalation, 'trend'>): boolean {
  return e.trend.poisson.status === 'ok';
}

/**
 * Sen's slope with its unit in words: "a change of 0.12 in contacts a day, per day (95% CI 0.05–0.20)". When
 * the slope is 0 only because more than half the pairs of days (or weeks) have equal counts, says so instead:
 * a zero with a zero-width interval there reflects the tied counts, not the absence of a trend. A 0 whose interval
 * is 0–0 with fewer ties is said to come of them too (the tied pairs hold the middle ranks of the pair slopes). Days
 * or weeks without contact are named only when there are some (`zeroCounts`): 7 or 8 contacts every week tie as
 * well as empty weeks do. The analysis's reason for the series used (too few complete weeks for the weekly one)
 * follows, so a reader sees it beside the figure. When every pair is tied, every day (or week) has the same count,
 * and that is said as it is: "0 only because 100% of the pairs … cannot show a trend here" undersold a steady rate.
 * Null when there is no slope.
 */
export function senSlopeWords(mk: MannKendall, noun = 'contacts'): string | null {
  if (mk.senSlope === null) return null;
  const unit = mk.series === 'daily' ? 'day' : 'week';
  const ties = mk.shareZeroPairSlopes;
  const zero = mk.zeroCounts;
  const empty =
    zero !== undefined && zero > 0 && mk.n !== null
      ? ` (${zero} of the ${plural(mk.n, unit)} ${zero === 1 ? 'has' : 'have'} no contact)`
      : '';
  const pairs =
    ties !== null ? `${Math.round(ties * 100)}% of the pairs of ${unit}s have equal counts${empty}` : '';
  const reason = mk.reason ? `; ${mk.reason}` : '';
  if (mk.senSlope === 0 && ties === 1) {
    const none = zero !== undefined && zero === mk.n ? ` (no ${unit} has contact)` : '';
    return `0: the counts are the same every ${unit}${none}${reason}`;
  }
  if (mk.senSlope === 0 && ties !== null && ties > 0.5) {
    return `0 only because ${pairs}, so it cannot show a trend here${reason}`;
  }
  if (mk.senSlope === 0 && mk.senCi95[0] === 0 && mk.senCi95[1] === 0 && ties !== null && ties > 0) {
    return `0 (${formatCi(mk.senCi95)}), which cannot show a trend here: ${pairs}, enough to make the slope and both ends of its interval 0${reason}`;
  }
  return `a change of ${sig2(mk.senSlope)} in ${noun} a ${unit}, per ${unit} (${formatCi(mk.senCi95)})${reason}`;
}

/** Exposure in days: "1 day", "6 days", "6.5 days" (one decimal when a milestone has a time of day). */
export function dayCount(days: number): string {
  return `${dayAmount(days)} ${days === 1 ? 'day' : 'days'}`;
}

/**
 * A side's length in words: days as `dayCount` writes them, or hours and minutes when shorter than a day ("2 hours",
 * "14 hours 30 minutes"): "0.1 days" hides how short a side between two milestones of one day is.
 */
export function periodLength(days: number): string {
  if (!underADay(days)) return dayCount(days);
  const minutes = Math.max(1, Math.round(days * 1440));
  const h = Math.floor(minutes / 60);
  const min = minutes % 60;
  return [h > 0 ? plural(h, 'hour') : '', min > 0 ? plural(min, 'minute') : ''].filter(Boolean).join(' ');
}

/**
 * A φ̂ above 1 to two significant digits, or with as many decimals as show it above 1: "φ̂ = 1.0" beside "the model
 * intervals were widened" read as a contradiction for φ̂ = 1.02.
 */
export function phiAboveOne(phi: number): string {
  const s = sig2(phi);
  if (Number(s) > 1) return s;
  for (let d = 2; d <= 6; d++) if (Number(phi.toFixed(d)) > 1) return phi.toFixed(d);
  return phi.toPrecision(10);
}

/**
 * The within-segment φ̂ above which the change-point search scales its penalty: given to the search
 * (analysis/escalation/changepoints.ts; the statistics library's own default is the same) and named by the methods.
 */
export const PHI_WITHIN_TRIGGER = 1.5;

/**
 * The within-segment φ̂ of the change-point search as the reports print it beside "scaled … only when φ̂_w > 1.5": two
 * significant digits, or as many more as show which side of 1.5 it is on (1.53 read "1.5", 1.46 read "1.5" too).
 */
export function phiWithinWords(phi: number | null): string {
  const s = sig2(phi);
  if (phi === null || !Number.isFinite(phi) || phi === PHI_WITHIN_TRIGGER) return s;
  const above = phi > PHI_WITHIN_TRIGGER;
  const sideOf = (shown: number) => shown !== PHI_WITHIN_TRIGGER && shown > PHI_WITHIN_TRIGGER === above;
  if (sideOf(Number(s.replaceAll(',', '')))) return s;
  for (let d = 3; d <= 17; d++) if (sideOf(Number(phi.toPrecision(d)))) return phi.toPrecision(d);
  return String(phi);
}

/**
 * The variance/mean index of the daily counts as the Markdown and HTML reports print it beside φ̂: above 1, as φ̂ is
 * (`phiAboveOne`); below 1, with as many decimals as keep it below 1 (`formatRatio`); "–" when null. "Index 1.0" for
 * 1.009 stood beside "the counts vary more than … allows".
 */
export function dispersionIndexWords(index: number | null): string {
  if (index === null || !Number.isFinite(index)) return sig2(index);
  return index > 1 ? phiAboveOne(index) : formatRatio(index);
}

/**
 * Whether φ̂ is clearly above 1: above 1 (the test the trend analysis uses to widen its intervals, φ̂ > 1) and still
 * above it to two significant digits. A φ̂ of 1.02, which two significant digits give as "1.0", widens the
 * intervals by 1%: without the Pearson χ² test (reports made before 0.9.1) the sentences then say the counts vary
 * about as much as independent contacts would, not that they vary more or that the exact intervals are too narrow.
 */
export function clearlyOverdispersed(phi: number | null): boolean {
  return phi !== null && phi > 1 && Number(sig2(phi)) > 1;
}

/**
 * Whether a φ̂ above 1 is more than chance: the Pearson χ² test of the trend model (`pPearson`) below 0.05. For
 * Poisson counts φ̂ is above 1 about half the time, and by 5% or more about a third of the time over 60–180 days,
 * so "the counts vary more than a steady trend with independent contacts allows" needs the test. The test decides
 * on its own: over a long series (2,000 days and more) a φ̂ of 1.04, which two significant digits give as "1.0", can
 * be beyond chance, and "close to 1" beside p < 0.05 read as a contradiction; every report then prints φ̂ with as
 * many decimals as show it above 1 (`phiWords`, `phiAboveOne`). A report without `pPearson` (before 0.9.1), or with
 * it null, is read as it was written: beyond chance when φ̂ is clearly above 1 (`clearlyOverdispersed`).
 */
export function overdispersedBeyondChance(d: Pick<Escalation['dispersion'], 'phi' | 'pPearson'>): boolean {
  if (d.phi === null || !(d.phi > 1)) return false;
  return d.pPearson === undefined || d.pPearson === null ? clearlyOverdispersed(d.phi) : d.pPearson < P_CUT;
}

/**
 * A time between two contacts, given in hours (an identifier's first use after another's last): "1.4 hours", or
 * in minutes below an hour ("45 minutes", where "0.75 hours" made the reader work it out).
 */
export function hoursApart(hours: number): string {
  return hours < 1 ? plural(Math.max(1, Math.round(hours * 60)), 'minute') : `${sig2(hours)} hours`;
}

/**
 * Whether a side is shorter than a day but not empty: its length is said in hours and minutes and it has no rate a
 * day in any report a person reads (2 contacts in 2 hours are not "24 a day"); the JSON keeps `ratePerDay`.
 */
export function underADay(days: number): boolean {
  return days > 0 && days < 1;
}

/**
 * A number of days as the reports write it: whole, or to one decimal; to two where one decimal would show a whole
 * number it is not, so that 13.97 days (a milestone at 23:15) never reads "14.0 days" beside "at least 14 days
 * are needed".
 */
export function dayAmount(days: number): string {
  if (Number.isInteger(days)) return thousands(days);
  const one = days.toFixed(1);
  return one.endsWith('.0') ? days.toFixed(2) : one;
}

/**
 * Which exports miss days of each side of a comparison that could not be computed for that reason:
 * "before: whatsapp export starts on 15 February 2024 and ends on 31 March 2024; after: whatsapp export ends on
 * 31 March 2024, sms export ends on 5 April 2024". Empty when none.
 */
export function notCoveredWords(m: { readonly notCovered?: MilestoneAnalysis['notCovered'] }): string {
  return bySide(
    m.notCovered,
    (side) => `${side}:`,
    (x) => x.text,
  );
}

/**
 * The channels whose exports miss days of each side, without dates: "before it: call, sms; after it: whatsapp"
 * ('' for none). One entry per side and channel (analysis/escalation/milestones.ts, `sidesNotCovered`).
 */
export function notCoveredChannels(list: MilestoneAnalysis['notCovered'] | undefined): string {
  return bySide(
    list,
    (side) => `${side} it:`,
    (x) => x.channel,
  );
}

/** "before: a, b; after: c" of the entries of each side, each written by `item`, after the side's `label`. */
function bySide(
  list: MilestoneAnalysis['notCovered'] | undefined,
  label: (side: 'before' | 'after') => string,
  item: (x: NonNullable<MilestoneAnalysis['notCovered']>[number]) => string,
): string {
  return (['before', 'after'] as const)
    .map((side) => {
      const items = (list ?? []).filter((x) => x.side === side).map(item);
      return items.length ? `${label(side)} ${items.join(', ')}` : '';
    })
    .filter(Boolean)
    .join('; ');
}

/**
 * Whether the sides of a comparison are to be shown as counts and days only: it is not computable because not
 * every export covers its days (or its date is outside the window), and a rate there would compare what was
 * exported, not what happened.
 */
export function countsOnly(c: Pick<Comparison, 'status'>): boolean {
  return c.status === 'not-computable';
}

/**
 * What a gap trend found by the test (p < 0.05, `shrinking` true or false) is, beside it: the rate's change seen
 * another way, not separate evidence. Null when the test found no trend: there is then no change to see.
 */
export function gapTrendMeaning(shrinking: boolean | null): string | null {
  if (shrinking === null) return null;
  return `this is a ${shrinking ? 'rising' : 'falling'} rate seen another way, not separate evidence`;
}

/**
 * The direction of the gap trend in words: "shrinking" or "lengthening" only where the analysis says so (p < 0.05;
 * `shrinking` true or false), otherwise "no clear monotone trend", never "not shrinking".
 */
export function gapDirection(shrinking: boolean | null): string {
  return shrinking === true ? 'shrinking' : shrinking === false ? 'lengthening' : 'no clear monotone trend';
}

/**
 * True when a comparison's 95% interval (or, with overdispersion, the wider one) includes a rate ratio of 1:
 * "rose" or "fell" then describes the two rates, and every report must say the data cannot tell it from chance.
 * With no contacts before, the ratio is infinite and the interval has a lower bound only (its upper bound, null,
 * is ∞): it includes 1 when that bound is at most 1 (0 before and 5 after in a month each: at least 0.89). Equal
 * rates (a ratio of exactly 1) are no exception: 20 contacts in 19 days on each side give a ratio of 1 with an
 * interval of 0.51–2.0, which the data cannot tell from a halving or a doubling; `chanceWords` says so in words
 * that claim no difference.
 */
export function couldBeChance(c: Pick<Comparison, 'rateRatio' | 'ci95' | 'overdispersed'>): boolean {
  const spans = (ci: readonly (number | null)[]) =>
    ci[0] !== null &&
    ci[0] !== undefined &&
    ci[0] <= 1 &&
    (ci[1] === null || (ci[1] !== undefined && ci[1] >= 1));
  return (
    spans(c.ci95) ||
    (c.overdispersed !== null && c.overdispersed !== undefined && spans(c.overdispersed.ci95))
  );
}

/**
 * What the findings and every report add to a difference `couldBeChance` finds: "the interval includes 1, …". It
 * says what the interval shows, not that no change was found: "no change, so this difference could be chance" read
 * as a finding of no change.
 */
export const COULD_BE_CHANCE =
  'the interval includes 1, so the data cannot tell this difference from no change';

/**
 * COULD_BE_CHANCE for two equal rates (a ratio of exactly 1): there is no difference to call chance, but the interval
 * includes changes either way, so "the rate stayed the same" would claim more than the data shows.
 */
export const EQUAL_RATES_CHANCE = 'the interval includes 1, so the data cannot tell whether the rate changed';

/**
 * What every report adds when the exact test's p is below 0.05 but its 95% interval includes 1. The two-sided p
 * (R's rule, which sums the outcomes no likelier than the one seen) and the Clopper–Pearson-based interval (2.5% in
 * each tail) are not the same test, so near the cut they can disagree: 1 contact in 31 days before and 7 in 28 after
 * give p = 0.031 with 95% CI 0.996–349, as R's `poisson.test` does. "p = 0.031" beside "the data cannot tell this
 * difference from no change" read as a contradiction.
 */
export const BORDERLINE_LOW_P =
  'the exact test gives p below 0.05, but its 95% interval just includes 1: a borderline result, which the data cannot clearly tell from no change';

/** BORDERLINE_LOW_P the other way round: the exact interval excludes 1, but the exact p is not below 0.05. */
export const BORDERLINE_HIGH_P =
  'the exact 95% interval just excludes 1, but the exact test gives p of 0.05 or more: a borderline result, which the data cannot clearly tell from no change';

/**
 * Whether the exact test's p and its own 95% interval disagree about chance (`low-p`: p < 0.05 with an interval that
 * includes 1; `high-p`: p ≥ 0.05 with one that excludes it), null when they agree or either is missing. The one
 * place that decides it, for every format and the findings (`chanceWords`).
 */
export function exactDisagreement(c: Pick<Comparison, 'ci95' | 'p'>): 'low-p' | 'high-p' | null {
  if (c.p === null || c.p === undefined || c.ci95[0] === null) return null;
  const spans = couldBeChance({ rateRatio: null, ci95: c.ci95, overdispersed: null });
  if (spans && c.p < P_CUT) return 'low-p';
  if (!spans && c.p >= P_CUT) return 'high-p';
  return null;
}

/**
 * What every report adds about chance: BORDERLINE_LOW_P when the exact p is below 0.05 but its interval includes 1;
 * otherwise, for a comparison whose interval includes 1 (`couldBeChance`, the interval allowing for overdispersion
 * too), COULD_BE_CHANCE, or EQUAL_RATES_CHANCE when the two rates are equal; BORDERLINE_HIGH_P when every interval
 * excludes 1 but the exact p is 0.05 or more (`exactDisagreement`). Null when the interval excludes 1 and p < 0.05.
 */
export function chanceWords(
  c: Pick<Comparison, 'rateRatio' | 'ci95' | 'p' | 'overdispersed'>,
): string | null {
  const split = exactDisagreement(c);
  if (split === 'low-p') return BORDERLINE_LOW_P;
  if (couldBeChance(c)) return c.rateRatio === 1 ? EQUAL_RATES_CHANCE : COULD_BE_CHANCE;
  return split === 'high-p' ? BORDERLINE_HIGH_P : null;
}

/**
 * The figures every report gives "allowing for overdispersion" beside an exact rate-ratio interval, from the
 * quasi-Poisson step model (`overdispersed`). That model's interval is a Wald interval: beside the exact
 * (Clopper–Pearson-based) one it can be narrower when its φ̂ is close to 1 (exact 1.73–3.19 against quasi-Poisson
 * 1.73–3.14 with φ̂ 1.01), and a reader takes "allowing for overdispersion" to mean wider. So:
 * - `quasi`: the quasi-Poisson interval reaches at least as far as the exact one at both ends: given as it is;
 * - `hull`: it reaches further at one end only: the wider limit of the two intervals at each end, said to be so;
 * - `inside`: it reaches no further at either end: no figures, only that it is no wider than the exact interval
 *   (a Wald interval inside an exact one that excludes 1 excludes it too, so nothing is hidden).
 * - `not-computable`: the step model has no finite estimate, as its whole days on one side have no contacts
 *   (separation: both limits null); every format says so in the same words, with no φ̂ and no figures: `NOT_COMPUTABLE`
 *   when one side of the comparison has no contacts, `NOT_COMPUTABLE_WHOLE_DAYS` when both have some but those on
 *   one side all fall on a day that a time cuts, which the step model leaves out (`cause`).
 * `quasi` keeps the model's own p, as it is labelled the model's; `hull`, whose interval is neither model's, gives the
 * larger p of the two and says so. A null upper limit is unbounded. Null when the counts were not overdispersed. The
 * JSON gives the kind as `overdispersed.shownAs` (model/escalation.ts).
 */
export type OverdispersionFigures =
  | {
      readonly kind: 'quasi' | 'hull';
      readonly phi: number | null;
      readonly ci95: Ci;
      readonly p: number | null;
    }
  | { readonly kind: 'inside'; readonly phi: number | null }
  | { readonly kind: 'not-computable'; readonly cause: 'no-contacts' | 'whole-days' };

/**
 * What every format says allowing for overdispersion when one side has no contacts (`not-computable`): the text,
 * Markdown and HTML reports and the findings had said nothing, "95% CI not computable, p not computable" or "φ̂ = –".
 */
export const NOT_COMPUTABLE = 'not computable, as one side has no contacts';

/**
 * What every format says instead of NOT_COMPUTABLE when both sides have contacts but the step model's whole days on
 * one side have none: the model leaves out a day that a time cuts (a milestone at 14:30), so the contacts earlier
 * that day are in the exact test's counts ("based on 6 contacts before") but not in the model. "As one side has no
 * contacts" beside those counts was untrue.
 */
export const NOT_COMPUTABLE_WHOLE_DAYS =
  'not computable, as the step model leaves out a day that a time cuts and its whole days on one side have no contacts';

/** The words for a `not-computable` figure by its cause: NOT_COMPUTABLE or NOT_COMPUTABLE_WHOLE_DAYS. */
export function notComputableWords(cause: 'no-contacts' | 'whole-days'): string {
  return cause === 'no-contacts' ? NOT_COMPUTABLE : NOT_COMPUTABLE_WHOLE_DAYS;
}

type Ci = readonly [number | null, number | null];

/** The figures allowing for overdispersion of a comparison by the rule above (`OverdispersionFigures`). */
export function allowingForOverdispersion(
  c: Pick<Comparison, 'before' | 'after' | 'ci95' | 'p' | 'overdispersed'>,
): OverdispersionFigures | null {
  const q = c.overdispersed;
  if (!q) return null;
  const [elo, ehi] = c.ci95;
  const [qlo, qhi] = q.ci95;
  if (qlo === null && qhi === null) {
    const none = c.before.count === 0 || c.after.count === 0;
    return { kind: 'not-computable', cause: none ? 'no-contacts' : 'whole-days' };
  }
  if (qlo === null || elo === null) return { kind: 'quasi', phi: q.phi, ci95: q.ci95, p: q.p };
  const up = (x: number | null) => (x === null ? Number.POSITIVE_INFINITY : x);
  const lo = Math.min(elo, qlo);
  const hi = up(ehi) >= up(qhi) ? ehi : qhi;
  const p = c.p === null || q.p === null ? q.p : Math.max(c.p, q.p);
  if (lo === qlo && hi === qhi) return { kind: 'quasi', phi: q.phi, ci95: q.ci95, p: q.p };
  if (lo === elo && hi === ehi) return { kind: 'inside', phi: q.phi };
  return { kind: 'hull', phi: q.phi, ci95: [lo, hi], p };
}

/**
 * The interval allowing for overdispersion (`quasi` or `hull`) as every format writes it beside the exact interval
 * `exact`: "95% CI 1.7–3.9"; where, to the digits the reports give, it would read as the exact interval does, with
 * more digits and the exact interval to as many (`formatRatioCiApart`): "95% CI 1.58–3.63 against the exact
 * 1.60–3.63 to as many digits". Printed "95% CI 1.6–3.6" beside the exact "95% CI 1.6–3.6", it read as if nothing
 * had been allowed for.
 */
export function overdispersionCiWords(ci: Ci, exact: Ci): string {
  const { shown, other } = formatRatioCiApart(ci, exact);
  return other === null ? shown : `${shown} against the exact ${other} to as many digits`;
}

/**
 * Pearson φ̂ of the trend model as the Markdown and HTML reports print it: two significant digits, as the text
 * report gives it, except that counts the analysis found overdispersed (φ̂ > 1, `dispersion.overdispersed`) show as
 * many decimals as keep φ̂ above 1, as the findings do: "φ̂ 1.0 (overdispersed)" for 1.02 read as a contradiction.
 */
export function phiWords(d: Pick<Escalation['dispersion'], 'phi' | 'overdispersed'>): string {
  return d.overdispersed && d.phi !== null ? phiAboveOne(d.phi) : sig2(d.phi);
}

/**
 * What the dispersion of the daily counts says, for the Markdown and HTML labels that each word it their own way:
 * 'none' when the analysis did not widen its intervals (φ̂ ≤ 1); 'over' when the counts vary more than a steady
 * trend with independent contacts allows (`overdispersedBeyondChance`: the Pearson χ² test gives p < 0.05, however
 * close to 1 φ̂ is); otherwise 'close' for a φ̂ just above 1 that two significant digits give as 1.0
 * (`clearlyOverdispersed`), 'chance' for one above that. So "close to 1" is never said beside p < 0.05.
 */
export function dispersionState(
  d: Pick<Escalation['dispersion'], 'phi' | 'pPearson' | 'overdispersed'>,
): 'none' | 'close' | 'chance' | 'over' {
  if (!d.overdispersed) return 'none';
  if (overdispersedBeyondChance(d)) return 'over';
  return clearlyOverdispersed(d.phi) ? 'chance' : 'close';
}

/**
 * The estimated change points inside one side of the latest-against-first comparison (after its first day, up to
 * its last): that side's rate is then a mix of two rates, not the rate at its end (the demo case's last 28 days run
 * at 6.7 a day, but the rate is estimated to have fallen to 2.3 a day around 22 May, inside them). Every format
 * says so beside the figure.
 */
export function changePointsInside(
  e: Pick<Escalation, 'changePoints'>,
  side: Pick<Comparison['before'], 'from' | 'to'>,
): Escalation['changePoints'] {
  const { from, to } = side;
  if (!from || !to) return [];
  return e.changePoints.filter((c) => c.date > from && c.date <= to);
}

/** The two sides of the latest-against-first comparison, named as the reports name them: first, then last. */
export function comparisonSides(
  h: Pick<Comparison, 'before' | 'after'>,
): readonly (readonly ['first' | 'last', Comparison['before']])[] {
  return [
    ['first', h.before],
    ['last', h.after],
  ];
}

/**
 * The findings' and the Markdown's sentence on `changePointsInside` for each side of the latest-against-first
 * comparison: "The rate is estimated (PELT change point) to have changed inside the last 28 days, around 22 May 2024
 * (from about 7.2 to 2.3 a day), so the rate of those days is a mix of two rates, not the rate at their end." Empty
 * when none.
 */
export function changesInsideSentences(
  e: Pick<Escalation, 'changePoints' | 'headline'>,
  date: (d: string) => string = formatDate,
): string[] {
  const h = e.headline.rateNowVsStart;
  const days = h.days === 1 ? 'day' : `${h.days} days`;
  return comparisonSides(h).flatMap(([which, side]) => {
    const inside = changePointsInside(e, side);
    if (inside.length === 0) return [];
    const around = andList(
      inside.map((c) => `${date(c.date)} (from about ${sig2(c.rateBefore)} to ${sig2(c.rateAfter)} a day)`),
    );
    return [
      // The method's name in brackets at the end, as every finding gives it: the sentence reads plainly without it.
      `The rate is estimated to have changed inside the ${which} ${days}, around ${around}, so the rate of those ${h.days === 1 ? 'day' : 'days'} is a mix of ${inside.length === 1 ? 'two rates' : 'several rates'}, not the rate at ${which === 'last' ? 'their end' : 'their start'} (PELT change ${inside.length === 1 ? 'point' : 'points'}).`,
    ];
  });
}

/** Whether the trend's interval includes 1: the same test as a comparison's, on the interval the report shows. */
export function trendCouldBeChance(p: Escalation['trend']['poisson']): boolean {
  return (
    p.status === 'ok' && couldBeChance({ rateRatio: p.rateRatioPer30Days, ci95: p.ci95, overdispersed: null })
  );
}

/** COULD_BE_CHANCE for the trend's rate ratio per 30 days, in the findings' words for the trend. */
export const TREND_COULD_BE_CHANCE =
  'the interval includes 1, so the data cannot tell this trend from no change';

/**
 * Why no message was searched for a cease phrase when none could be told to be the victim's though others than the
 * subject wrote in the subject's conversations (no `--victim`, and no export marks the exporter's own messages, as a
 * WhatsApp chat exported on its own does not): nothing was searched, which is not "no request". Says how to name
 * the victim with the first of those senders ("--victim Alex"), listing the others when there are several; they are
 * named as senders only, never as the victim. Null when messages were identified, when nobody but the subject wrote
 * (a diary: nothing to search), or in a report made before `victimIdentified` was recorded.
 */
export function victimNotIdentifiedWords(
  c: Pick<Escalation['ceaseRequest'], 'victimIdentified' | 'otherSenders'>,
): string | null {
  const others = c.otherSenders ?? [];
  if (c.victimIdentified !== false || others.length === 0) return null;
  // A name a screen does not show as it is (a soft hyphen, a direction mark) is given as a case file entry, as the
  // CLI's hint gives it: a report is read, not pasted into a shell, and `$'Ma\xc2\xadria'` names nobody to a reader.
  const first = others[0]!;
  const how = shownAsIs(first)
    ? `name the victim, e.g. --victim ${quoted(first)}`
    : `name the victim in the case file, e.g. "victim": {"identifiers": [${caseFileString(first)}]}`;
  const list =
    others.length > 1
      ? ` (the senders other than the subject in the subject's conversations: ${others.join(', ')})`
      : " (the one sender other than the subject in the subject's conversations)";
  return `no message could be identified as the victim's (the victim is not identified in these files), so none was searched for a request to stop; to search them, ${how}${list}`;
}

const DAY_MS = 86_400_000;

/**
 * A cited local time ("2024-03-01", "2024-03-01 23:00", "2024-03-01 23:00:05") as milliseconds of its wall clock,
 * read as UTC. The space is made the ISO "T": only that form is one every engine must parse.
 */
function wallMs(local: string): number {
  return Date.parse(`${local.length === 10 ? `${local}T00:00` : local.replace(' ', 'T')}Z`);
}

/**
 * The least time, in days, that can have passed from the first contact to the last (persistence, domain.md §4.4):
 * the difference of their local wall-clock times, each local day counted as one day as every exposure is
 * (statistics.md §1.4), so four weeks across the autumn clock change are 28 days; or, when both have a time and it
 * is less, of their instants (across the spring change the wall clocks gain an hour that did not pass). A contact
 * with a date but no time is taken at the end of its day when it is the first and at its start when it is the last:
 * two diary entries dated 1 and 15 March are at least 13 days apart, not 14 or "beyond two weeks". `dateOnly` says
 * which of the two has a date alone. The analysis counts every incident on the two dates (rates.ts
 * `persistenceBounds`); this reads the two incidents alone, for a report that did not record `daysApart`.
 */
export function daysApart(
  first: { readonly local: string; readonly utc?: string },
  last: { readonly local: string; readonly utc?: string },
): { days: number; dateOnly: 'first' | 'last' | 'both' | null } {
  const a = first.local.length === 10;
  const z = last.local.length === 10;
  let ms = wallMs(last.local) - (wallMs(first.local) + (a ? DAY_MS : 0));
  // Across the spring clock change the wall clocks gain an hour that did not pass: 10:00 on 17 March to 10:30 on
  // 31 March in London is 13 days and 23.5 hours, not "beyond two weeks". With both times known, the lesser of
  // the two differences is the least time that can have passed.
  if (!a && !z && first.utc !== undefined && last.utc !== undefined) {
    const utc = Date.parse(last.utc) - Date.parse(first.utc);
    if (utc < ms) ms = utc;
  }
  return {
    days: Math.max(0, ms / DAY_MS),
    dateOnly: a && z ? 'both' : a ? 'first' : z ? 'last' : null,
  };
}

/**
 * The greatest time, in days, from the first incident to the last read from these two alone (the analysis counts
 * every incident on their dates, analysis/escalation/rates.ts `persistenceBounds`; this is for a report that did not
 * record `daysApart`): a contact with a date but
 * no time taken at the start of its day when it is the first and at the end of its day when it is the last (two
 * diary entries dated 1 and 15 March are at most 15 days apart), by the local wall clock as `daysApart` counts it.
 * With both times known it is `daysApart`'s time, which the criteria are decided on. The end of a day is a bound
 * never reached: a threshold is within reach only when it is below this figure.
 */
export function mostDaysApart(
  first: { readonly local: string; readonly utc?: string },
  last: { readonly local: string; readonly utc?: string },
): number {
  const a = first.local.length === 10;
  const z = last.local.length === 10;
  if (!a && !z) return daysApart(first, last).days;
  return Math.max(0, (wallMs(last.local) + (z ? DAY_MS : 0) - wallMs(first.local)) / DAY_MS);
}

/** A first or last incident as the persistence words read it: its local time, and its instant when known. */
type Moment = { readonly local: string; readonly utc?: string };

/**
 * What the persistence words read: the first and the last incident, the least and the greatest time between the
 * first and the last contact (`daysApart` of the report, which counts every incident on the first and the last
 * date; worked out from the two incidents alone in a report made before it was recorded), and the criteria.
 */
export type PersistenceSpan = Pick<
  Escalation['persistence'],
  'beyondTwoWeeks' | 'beyondTwoWeeksDecided' | 'tenOverFourWeeksDecided' | 'daysApart'
> & { readonly first: Moment; readonly last: Moment };

/** The least and the greatest time between the first and the last contact, in days (see `PersistenceSpan`). */
function boundsOf(p: PersistenceSpan): { least: number; most: number } {
  return p.daysApart ?? { least: daysApart(p.first, p.last).days, most: mostDaysApart(p.first, p.last) };
}

/**
 * The time from the first contact to the last, as the findings give it (`timeApartWords`): "13 days and 2 hours",
 * "at least 13 days" when a date-only record on the first or the last date leaves a range. With `range` (a
 * criterion that the dates alone cannot decide) the greatest time too, rounded up so that it bounds the time: "at
 * least 13 days and at most 15 days", as "between 13 days and 6 hours and 14 days and 6 hours" could be read two
 * ways. "More than 14 days" when the least is exactly 14 days and the contact is known to have gone on beyond two
 * weeks (entries dated 1 and 16 March: the end of 1 March, which the least counts from, is never reached), as "at
 * least 14 days" beside "beyond two weeks" read as a contradiction. The Markdown and HTML persistence lines print it
 * beside their yes/no tests, which are made on it, not on the calendar days the two contacts touch.
 */
export function apartWords(p: PersistenceSpan, range = false): string {
  const { least, most } = boundsOf(p);
  if (least === most) return timeApartWords(least);
  const from =
    p.beyondTwoWeeks && least <= 14 ? `more than ${timeApartWords(14)}` : `at least ${timeApartWords(least)}`;
  return range ? `${from} and at most ${timeApartWords(most, 'up')}` : from;
}

/**
 * "on the same day" or "on consecutive days" when a contact with a date but no time leaves no time known to have
 * passed between the first and the last (the least time is 0): "at least 0 minutes" read as if they were at one
 * moment. Null otherwise, `apartWords` then giving the time.
 */
export function sameOrNextDayWords(p: PersistenceSpan): string | null {
  const { least, most } = boundsOf(p);
  if (least > 0 || least === most) return null;
  const dates = (wallMs(p.last.local.slice(0, 10)) - wallMs(p.first.local.slice(0, 10))) / DAY_MS;
  return dates === 0 ? 'on the same day' : dates === 1 ? 'on consecutive days' : null;
}

/**
 * Which incidents on the first and the last date have no clock time, in words, or '' if none has: "neither has a
 * clock time", "the first has no clock time"; "another incident on 15 March 2024 has no clock time" when a date-only
 * record on the last date sorts before the timed last incident (to 00:00) but could have been later, which the
 * greatest time shows; "another incident on 1 March 2024 has one" when a timed incident on the date-only first
 * incident's date bounds it, which the least time shows. Only the recorded bounds tell these apart, so a report
 * made before they were recorded names the two incidents alone.
 */
export function undatedWords(p: PersistenceSpan): string {
  const a = p.first.local.length === 10;
  const z = p.last.local.length === 10;
  const own = noClockTimeWords(a && z ? 'both' : a ? 'first' : z ? 'last' : null);
  if (!p.daysApart) return own;
  const { least, most } = p.daysApart;
  const utc = p.first.utc !== undefined && p.last.utc !== undefined;
  const instants = utc ? Date.parse(p.last.utc!) - Date.parse(p.first.utc!) : Number.POSITIVE_INFINITY;
  const extra: string[] = [];
  // With a timed last incident, the greatest time from the first (at the start of its date if date-only, whose
  // cited instant is that start) to it; more means a date-only record on the last date could be later.
  // A second's leeway: a cited time to the second drops its milliseconds.
  // Not when the two share their date: a date-only first incident is then on the last date too, and is what
  // lets the last contact be later.
  const sameDate = p.first.local.slice(0, 10) === p.last.local.slice(0, 10);
  if (
    !z &&
    !sameDate &&
    most * DAY_MS > Math.min(wallMs(p.last.local) - wallMs(p.first.local), instants) + 1000
  )
    extra.push(`another incident on ${formatDate(p.last.local.slice(0, 10))} has no clock time`);
  // With a date-only first incident, the least time from the end of its date by the wall clock bounds the least
  // from above; more means a timed incident on that date was the latest the first contact can have been.
  if (a && least * DAY_MS > Math.max(0, wallMs(p.last.local) - (wallMs(p.first.local) + DAY_MS)) + 1000)
    extra.push(`another incident on ${formatDate(p.first.local)} has one`);
  return [own, ...extra].filter(Boolean).join('; ');
}

/** Which of the first and the last contact has no clock time, in words ("neither has a clock time"); '' if both have. */
export function noClockTimeWords(dateOnly: 'first' | 'last' | 'both' | null): string {
  return dateOnly === 'both'
    ? 'neither has a clock time'
    : dateOnly
      ? `the ${dateOnly} has no clock time`
      : '';
}

/**
 * Why a persistence criterion is left open: the time between a date-only first or last incident and the other
 * straddles its threshold (`beyondTwoWeeksDecided`, `tenOverFourWeeksDecided` false).
 */
export const UNDECIDED_BY_DATES =
  'cannot be decided from the dates alone, as an incident with a date but no time could have been at any time of that day';

/** A persistence criterion's answer: "yes", "no", or that the dates alone cannot decide it (absent: decided). */
export function criterionWords(met: boolean, decided: boolean | undefined): string {
  return decided === false ? UNDECIDED_BY_DATES : met ? 'yes' : 'no';
}

/** Whether the dates alone leave either persistence criterion open, so the time is given as a range. */
export function persistenceUndecided(
  p: Pick<Escalation['persistence'], 'beyondTwoWeeksDecided' | 'tenOverFourWeeksDecided'>,
): boolean {
  return p.beyondTwoWeeksDecided === false || p.tenOverFourWeeksDecided === false;
}

/**
 * The Markdown and HTML persistence lines' span: "13 days and 2 hours between the first and the last", "on
 * consecutive days (neither has a clock time)", or "one incident only" when the first incident is the last.
 */
export function spanWords(
  p: PersistenceSpan & {
    readonly first: { readonly id: string };
    readonly last: { readonly id: string };
  },
): string {
  if (p.first.id === p.last.id) return 'one incident only';
  const close = sameOrNextDayWords(p);
  if (close) return `${close} (${undatedWords(p)})`;
  // A range says why there is one: the incidents on the first or the last date without a clock time.
  const { least, most } = boundsOf(p);
  const why = least === most ? '' : undatedWords(p);
  return `${apartWords(p, persistenceUndecided(p))} between the first and the last${why ? ` (${why})` : ''}`;
}

/**
 * A time between two contacts in words, rounded down so it never reads as reaching a threshold it misses: "13 days
 * and 2 hours", "14 days and 30 minutes", "28 days"; below a day as `periodLength` gives it ("2 hours 5 minutes").
 * With 'up', for a greatest time ("at most …"), rounded up in the unit shown, so it never reads below the time it
 * bounds: 14 days and 13.5 hours is "14 days and 14 hours", 14 days and 23.5 hours "15 days".
 */
export function timeApartWords(days: number, round: 'down' | 'up' = 'down'): string {
  const up = round === 'up';
  if (up && days > 0 && days < 1) {
    const minutes = Math.ceil(days * 1440 - 1e-6);
    if (minutes < 1440) return periodLength(minutes / 1440);
  }
  if (days < 1 && !up) return days > 0 ? periodLength(days) : '0 minutes';
  if (days <= 0) return '0 minutes';
  // To the second: "14 days" for 14 days and 30 seconds read as not beyond two weeks beside a test that found it so.
  const seconds = up ? Math.ceil(days * 86_400 - 1e-6) : Math.floor(days * 86_400 + 1e-6);
  let whole = Math.floor(seconds / 86_400);
  let h = Math.floor((seconds % 86_400) / 3600);
  let m = Math.floor((seconds % 3600) / 60);
  let sec = seconds % 60;
  // Rounded up, the unit shown after the days takes whatever is below it: 13 hours and 30 minutes is 14 hours.
  if (up && h > 0 && m + sec > 0) [h, m, sec] = [h + 1, 0, 0];
  else if (up && h === 0 && m > 0 && sec > 0) [m, sec] = [m + 1, 0];
  if (m === 60) [h, m] = [1, 0];
  if (h === 24) [whole, h] = [whole + 1, 0];
  const rest = h > 0 ? plural(h, 'hour') : m > 0 ? plural(m, 'minute') : sec > 0 ? plural(sec, 'second') : '';
  return `${plural(whole, 'day')}${rest ? ` and ${rest}` : ''}`;
}

/**
 * Why no identifier is said to have begun as another fell quiet when no subject was named (`--victim` alone): every
 * other sender is counted, but nothing ties two of them to one person (a shop's text after a friend's number fell
 * silent is no switch). Said under the identifiers of every report and in the method's caveats: "a case file", as
 * the words are the same for a run that read none (the JSON's methods do not know the run's case file).
 */
export const NO_SUBJECT_SWITCHES =
  'No subject was named, so the identifiers are all the senders other than the victim, which the case does not tie to one person: no identifier is said to have begun as another fell quiet. Name the subject (--subject ID or a case file) to have their identifiers compared.';

/**
 * Whether the counts before a date and from it on (a milestone's `incidentsAfter`, the first request's `afterFirst`:
 * every incident of the case) are over another span than the window's figures, because the window leaves incidents
 * out. Then each such count says it is of the whole case, beside the window's own before/after sides.
 */
export function wholeCaseDiffers(e: Pick<Escalation, 'window'>): boolean {
  return e.window.incidentsOutside > 0;
}

/**
 * "8 before it": the contacts of the case before a date (`countBefore`), the same span as the count from it on;
 * undefined in a report made before it was recorded.
 */
export function beforeCountWords(a: { readonly countBefore?: number | undefined }): string | undefined {
  if (a.countBefore === undefined) return undefined;
  return a.countBefore === 0 ? 'none before it' : `${thousands(a.countBefore)} before it`;
}

/** A run of days no export covers and the days some export covers, as dates (`coverage.notExported`, `exported`). */
type DateRun = { readonly from: string; readonly to: string };

/**
 * The window days no export covers, in words, each run with where the exports are: "no export covers 1 July to 31
 * December 2024 (the exports end on 29 June 2024)". `range` and `date` write the dates (the findings' words, or
 * ISO dates in the terminal). '' when every window day is covered by some export.
 */
export function notExportedWords(
  coverage: { readonly exported?: DateRun; readonly notExported?: readonly DateRun[] },
  range: (from: string, to: string) => string = formatDateRange,
  date: (d: string) => string = formatDate,
): string {
  const runs = coverage.notExported ?? [];
  const e = coverage.exported;
  if (runs.length === 0 || !e) return '';
  const where = (r: DateRun) =>
    r.from > e.to
      ? `the exports end on ${date(e.to)}`
      : r.to < e.from
        ? `the exports start on ${date(e.from)}`
        : 'a gap between the exports';
  return `no export covers ${andList(runs.map((r) => `${range(r.from, r.to)} (${where(r)})`))}`;
}
