/**
 * The escalation section of `--format text`: the key figures on a few lines, each with its method in brackets,
 * then the findings sentences wrapped to the terminal. The full tables, examples, S-DASH sheet and method
 * caveats are in the Markdown, HTML and JSON reports. Every string from the data is sanitised.
 */
import type { Comparison, Escalation } from '../model/escalation.js';
import {
  atRequestTimeWords,
  beforeCountWords,
  chanceWords,
  changePointsInside,
  comparisonSides,
  countsOnly,
  dayAmount,
  INCIDENT_SPAN,
  milestoneStart,
  milestoneTimeNote,
  notCoveredChannels,
  notCoveredWords,
  notExportedWords,
  periodLength,
  phiAboveOne,
  senSlopeWords,
  TREND_COULD_BE_CHANCE,
  trendCouldBeChance,
  trendEstimated,
  underADay,
  victimNotIdentifiedWords,
  wholeCaseDiffers,
  windowIsIncidentSpan,
} from '../model/escalation-words.js';
import {
  cap,
  formatCi,
  formatP,
  formatRatio,
  formatRatioCi,
  formatShare,
  P_CUT,
  sig2,
} from '../model/format.js';
import type { Report } from '../model/index.js';
import { timeFlagText } from '../model/time-flags.js';
import { reportCommand } from './command-lines.js';
import { overdispersionClause } from './comparison-words.js';
import { fileNamesOf } from './file-names.js';
import { dayRange, int, plural } from './format.js';
import type { ReportContext } from './report.js';
import { terminalSafe as safe, terminalName } from './sanitize.js';
import { whyNot } from './withheld.js';

/**
 * The rate a day over the window and, each with its unit, on the fully covered days: "3.9 a day (…); 4.4 a day on
 * fully covered days (…)", never "fully covered days 4.4", a figure without its unit. A window too short for a rate
 * per week (rates.ts) gives the count it comes from first: "1.0 a day" alone, from one visit on one day, reads as a
 * visit every day.
 */
function rateLine(e: Escalation): string {
  const r = e.rate;
  // Days no export covers are not in the rate: said beside it, and no rate at all when that is every day.
  const none = notExportedWords(
    e.coverage,
    (a, b) => dayRange(a, b, ' → '),
    (d) => d,
  );
  if (none && r.days === 0) return `not given: ${none}`;
  if (none) {
    const full = e.rateFullyCovered
      ? `; ${sig2(e.rateFullyCovered.perDay)} a day on fully covered days (${formatCi(e.rateFullyCovered.ci95)})`
      : '';
    return `${sig2(r.perDay)} a day (${formatCi(r.ci95)}) on the ${plural(r.days, 'day')} an export covers${full}; ${none}  [exact Poisson interval]`;
  }
  const full = e.rateFullyCovered
    ? `; ${sig2(e.rateFullyCovered.perDay)} a day on fully covered days (${formatCi(e.rateFullyCovered.ci95)})`
    : '';
  const short =
    r.perWeek.status === 'below-minimum' ? `${plural(r.count, 'contact')} in ${plural(r.days, 'day')}: ` : '';
  return `${short}${sig2(r.perDay)} a day (${formatCi(r.ci95)})${full}  [exact Poisson interval]`;
}

function trendLines(e: Escalation): string[] {
  const p = e.trend.poisson;
  const mk = e.trend.mannKendall;
  const out: string[] = [];
  // "×1.2 per 30 days" alone read as a rise where the interval includes 1: the line says what the findings say.
  // The interval is the one shown, scaled by √φ̂ when the counts are overdispersed.
  const chance = trendCouldBeChance(p);
  out.push(
    p.status === 'ok'
      ? `×${formatRatio(p.rateRatioPer30Days)} per 30 days (${formatRatioCi(p.ci95)}, ${formatP(p.p)})${chance ? `; ${TREND_COULD_BE_CHANCE}` : ''}  [Poisson regression, ${p.dispersion !== null && p.dispersion > 1 ? `SE scaled by √φ̂, φ̂ = ${phiAboveOne(p.dispersion)}` : `φ̂ = ${sig2(p.dispersion)}`}]`
      : `not estimated: ${whyNot(p)}`,
  );
  // A withheld trend is not half-shown: Mann–Kendall and Sen stay in the JSON and, marked as not used for any
  // conclusion, in the Markdown and HTML tables. A p of 0.05 or more says so, as the Poisson line does.
  if (mk.status === 'ok' && trendEstimated(e)) {
    const unclear = mk.p !== null && mk.p >= P_CUT ? ', so no clear trend' : '';
    out.push(
      `Mann–Kendall (${mk.series}) S = ${mk.S}, ${formatP(mk.p)}${unclear}; Sen's slope ${senSlopeWords(mk)}`,
    );
  }
  return out;
}

/**
 * "1.7 (95% CI 1.4–2.1, p < 0.001; quasi 95% CI 1.1–2.5, p = 0.0096)": the exact test, then the quasi-Poisson
 * interval and p when the counts are overdispersed, as the Markdown and HTML reports give them (their φ̂ is in
 * those reports). The latest rate against the first and each milestone are written alike.
 */
function ratioWithTests(c: Comparison): string {
  // Only an interval that widens the exact one is given as such (comparison-words.ts): "quasi" for the
  // quasi-Poisson figures, the wider limits said as such, or that it is no wider.
  const od = overdispersionClause(c, 'quasi');
  // An interval that includes 1 is said to, as the findings and the other reports say it.
  return `${c.rateRatio === null ? '∞' : formatRatio(c.rateRatio)} (${formatRatioCi(c.ci95)}, ${formatP(c.p)}${od})${chanceWords(c) ? `; ${chanceWords(c)}` : ''}`;
}

/**
 * The method of every rate ratio on the screen (the latest rate against the first, each milestone), in brackets as
 * each line names its method. On a milestone it follows the ratio it belongs to, before the count of contacts from
 * then on, which no test gives; a milestone without a ratio has no method to name.
 */
const COMPARISON_METHOD = '[exact conditional Poisson test]';

/**
 * "; the rate is estimated to have changed inside the last 28 days, around 2024-05-22 (see Changes)": a change point
 * inside the first or last days makes that side's rate a mix of two rates, so it is not the rate at the side's end
 * (the demo case's last 28 days run at 6.7 a day, but the rate is estimated to have fallen to 2.3 a day around 22
 * May, inside them), as the HTML summary says beside the same figure. Empty when none falls inside.
 */
function changesInside(e: Escalation, period: string): string {
  return comparisonSides(e.headline.rateNowVsStart)
    .map(([which, p]) => {
      const dates = changePointsInside(e, p).map((c) => c.date);
      return dates.length
        ? `; the rate is estimated to have changed inside the ${which} ${period}, around ${dates.join(' and ')} (see Changes)`
        : '';
    })
    .join('');
}

function changeLine(e: Escalation): string {
  const m = e.changePointMethod;
  if (m.status !== 'ok') return `not searched: ${whyNot(m)}`;
  if (e.changePoints.length === 0) return 'none found  [PELT, MBIC]';
  const list = e.changePoints
    .map((c) => `around ${c.date}: ${sig2(c.rateBefore)} → ${sig2(c.rateAfter)} a day`)
    .join('; ');
  return `${list}  [PELT, MBIC${m.scaled ? ' × φ̂_w' : ''}; dates estimated]`;
}

/**
 * Exposure in days, short: "24 d", "6.5 d" (decimals only when a milestone has a time of day), the number as the
 * findings write it (`dayAmount`): 13.97 days is "13.97 d", never "14.0 d" beside "at least 14 days are needed".
 */
function d(days: number): string {
  return `${dayAmount(days)} d`;
}

/** Longest list of exports and their dates the one-screen report gives in full (about two lines); beyond it, by channel. */
const NOT_COVERED_IN_FULL = 240;

/**
 * Which exports miss a counts-only milestone's days. When that is short, in full, as the other reports give them
 * ("after: whatsapp export ends on 31 March 2024"); when longer, by channel for each side ("exports that miss days
 * before it: call, discord, email; after it: call, whatsapp"), pointing to the reports that give the dates: with nine
 * channels the full words took 14 lines of the one-screen summary for each milestone (fixtures/mixed-case).
 */
function notCoveredShort(m: Escalation['milestones'][number]): string {
  const full = notCoveredWords(m);
  if (full.length <= NOT_COVERED_IN_FULL) return full;
  return `exports that miss days ${notCoveredChannels(m.notCovered)}; dates in the Markdown or HTML report`;
}

/** "401 in 48 d, 36 in 12 d": the counts and days the two rates a day of a milestone come from. */
function sideCounts(m: Escalation['milestones'][number]): string {
  return `${int(m.before.count)} in ${d(m.before.days)}, ${int(m.after.count)} in ${d(m.after.days)}`;
}

function milestoneLines(e: Escalation): string[] {
  // Where the window leaves incidents out, the counts from then on (every incident of the case) are said to be of
  // the whole case, with the count before the milestone over the same span, and counts over the window's days to be
  // of the window: "398 contacts in 90 days before" beside "82 from then on" read as the count before the order.
  const whole = wholeCaseDiffers(e);
  return e.milestones.map((m) => {
    // A side with no day (the date outside the window) has no count to give: "no window day after", never "0 in 0
    // days after".
    const counts = `${m.before.days > 0 ? `${plural(m.before.count, 'contact')} in ${periodLength(m.before.days)} before` : 'no window day before'}, ${m.after.days > 0 ? `${m.before.days > 0 ? int(m.after.count) : plural(m.after.count, 'contact')} in ${periodLength(m.after.days)} after` : 'no window day after'}`;
    // Days as "24 d", "6.5 d": the unit reads the same for one day or many, and the line stays short.
    // Not every export covers the sides: counts and days only, and which exports miss them. A rate there would
    // compare what was exported, not what happened.
    const uncovered = notCoveredShort(m);
    // A side shorter than a day (two milestones hours apart) has no rate a day: 2 contacts in 2 hours are not "24
    // a day". Both sides are then counts, in hours for the short one, as the findings give them.
    const sides = countsOnly(m)
      ? `${counts}; counts only: ${whyNot(m)}${uncovered ? ` (${uncovered})` : ''}`
      : underADay(m.before.days) || underADay(m.after.days)
        ? `${counts}; no rate ratio: ${whyNot(m)}`
        : m.status === 'ok'
          ? `${sig2(m.before.ratePerDay)} → ${sig2(m.after.ratePerDay)} a day (${sideCounts(m)}); RR ${ratioWithTests(m)}  ${COMPARISON_METHOD}`
          : // Untested, the two rates are each named by its side, not joined by the arrow that reads as a measured
            // change ("8.4 → 3.0 a day") just before the line says it cannot compare them.
            `${sig2(m.before.ratePerDay)} a day before, ${sig2(m.after.ratePerDay)} a day after (${sideCounts(m)}); no rate ratio: ${whyNot(m)}`;
    const before = whole ? beforeCountWords(m.incidentsAfter) : undefined;
    const after = `${before ? `whole case: ${before}, ` : ''}${plural(m.incidentsAfter.count, 'contact')} from then on${m.incidentsAfter.breachWindow ? ' (possible breaches, for an officer to assess)' : ''}`;
    // A milestone with a time of day starts its "after" side at that time: show it, as the other formats do.
    // The sides are the window's whichever way they are given (rates, counts, under a day): labelled so beside the
    // whole case's counts.
    return `${milestoneStart(m)}${milestoneTimeNote(m)} ${safe(m.label)}: ${whole ? 'window: ' : ''}${sides}; ${after}`;
  });
}

/**
 * “stop messaging me”: a phrase or message text between curly quotes, as the findings quote a request to stop, so it
 * cannot run into the words around it ("phrase: stop messaging me); 7 requests"). Made terminal-safe inside the
 * quotes: controls, escape characters and line breaks never reach the screen raw.
 */
function quote(s: string): string {
  return `“${safe(s)}”`;
}

/** Lines of the escalation section; empty when the report has none. */
export function escalationText(r: Report, ctx: ReportContext): string[] {
  const e = r.escalation;
  if (!e) return [];
  // No window at all: say why the statistics are missing rather than leave the section out (the finding says there
  // is nothing to analyse, and why).
  if (e.window.from === null) {
    return e.window.incidentsOutside > 0
      ? ['', `${ctx.chalk.bold('Window')}      ${terminalName(e.findings[0] ?? '', fileNamesOf(r))}`]
      : [];
  }
  const c = ctx.chalk;
  const label = (s: string) => c.bold(s.padEnd(12));
  const pad = ' '.repeat(12);
  // The section's heading is the analysis window, not "Escalation": contact that falls or stays flat is analysed
  // alike, and a heading that named a rise read as a finding above figures that showed none.
  const lines = [
    '',
    c.bold(
      `${'Window'.padEnd(12)}${dayRange(e.window.from, e.window.to!, ' → ')} (${plural(e.window.days, 'day')})${e.coverage.fullyCovered && e.coverage.partialDays > 0 ? `; fully covered ${dayRange(e.coverage.fullyCovered.from, e.coverage.fullyCovered.to, ' → ')}` : ''}`,
    ),
    `${label('Rate')}${rateLine(e)}`,
  ];
  // A window set by the case file or --from/--to can leave incidents out: say so beside the rate it changes.
  if (e.window.incidentsOutside > 0) {
    lines.push(
      `${pad}${plural(e.window.incidentsOutside, 'incident')} ${e.window.incidentsOutside === 1 ? 'falls' : 'fall'} outside the window and ${e.window.incidentsOutside === 1 ? 'is' : 'are'} not counted in these figures`,
    );
  }
  // A window taken from records that are all on the incidents' days is their own span: the rate is read with that.
  if (windowIsIncidentSpan(e)) lines.push(`${pad}${safe(cap(INCIDENT_SPAN))}`);
  const h = e.headline.rateNowVsStart;
  // First, then last, as the milestones and the HTML summary give them (a rate before → after); the rate ratio is
  // the last rate over the first, so it reads along the arrow. Counts in the label's order, each named:
  // "counts only (19 and 1)" read as 19 on the last day when it was the first. A window too short to have two
  // halves has no sides to count: the reason alone says so.
  const sides = h.days > 0 ? ` (first ${int(h.before.count)}, last ${int(h.after.count)})` : '';
  lines.push(
    `${label('First/last')}${h.status === 'ok' ? `${sig2(h.before.ratePerDay)} → ${sig2(h.after.ratePerDay)} a day: RR ${ratioWithTests(h)}  ${COMPARISON_METHOD}` : `counts only${sides}: ${whyNot(h)}`}`,
  );
  // The dates on a line of their own: "last" means the last days every export covers, not today.
  if (h.after.from && h.before.from) {
    const period = h.days === 1 ? 'day' : plural(h.days, 'day');
    lines.push(
      `${pad}first ${period} ${countsOnly(h) ? 'of the window' : 'covered'} ${dayRange(h.before.from, h.before.to!, ' → ')}, last ${dayRange(h.after.from, h.after.to!, ' → ')}${h.status === 'ok' ? changesInside(e, period) : ''}`,
    );
  }
  const [t0, ...trest] = trendLines(e);
  lines.push(`${label('Trend')}${t0}`, ...trest.map((l) => pad + l));
  lines.push(`${label('Changes')}${changeLine(e)}`);
  // Each milestone on a line of its own; text.ts wraps every line to the terminal's width.
  lines.push(...milestoneLines(e).map((m, i) => `${i === 0 ? label('Milestones') : pad}${safe(m)}`));
  const cr = e.ceaseRequest;
  // Its time as cited (seconds when the record has them, as the Markdown and HTML give it); how to read the time
  // goes in the same brackets as the channel, as the chronology writes it beside the time.
  const ceaseNote = cr.first?.event.timeFlags?.length ? `${timeFlagText(cr.first.event.timeFlags)}; ` : '';
  const atRequestTime = atRequestTimeWords(cr);
  // The count after the first request is of the whole case: where the window leaves incidents out, so is the count
  // before it given beside it.
  const ceaseBefore = cr.afterFirst && wholeCaseDiffers(e) ? beforeCountWords(cr.afterFirst) : undefined;
  // Nothing searched because no message is the victim's is said as such, with how to name them: "no request to
  // stop in 0 messages searched" read as if the victim had never asked.
  const unidentified = victimNotIdentifiedWords(cr);
  const none =
    unidentified ??
    (cr.searched === 0
      ? 'no message from the victim to the subject to search'
      : `no request to stop in ${plural(cr.searched, 'message')} searched`);
  lines.push(
    `${label('Stop asked')}${cr.first ? `first ${safe(cr.first.event.local)} (${safe(ceaseNote)}${cr.first.event.channel}, phrase ${quote(cr.first.phrase)}); ${plural(cr.requests.length, 'request')} in all; ${plural(cr.afterFirst?.count ?? 0, 'contact')} after the first${ceaseBefore ? `, ${ceaseBefore} (whole case)` : ''}${atRequestTime ? ` (${atRequestTime})` : ''}` : safe(none)}`,
  );
  // "2024-01", never "24-01", which reads as a day of the month. Its own label: a second "Night" under the
  // overall share (text.ts) read as the same figure given twice.
  const nights = e.night.byMonth.map((m) => `${m.month} ${formatShare(m.share)}`).join(' · ');
  if (nights) lines.push(`${label('Night/month')}${nights}  [00:00–05:59 share by month]`);
  const hits = e.content.categories.filter((k) => k.incidents > 0);
  // By the categories' labels, as the Markdown and HTML name them: a bare "threats 2" read as two threats, where
  // "I would never hurt you" matches a term of that list. No incident with text (calls only, or anonymised with
  // --drop-text): nothing was searched, so no count is shown.
  lines.push(
    e.content.textsSearched === 0
      ? `${label('Words')}no incident text to search  [the word lists were not applied]`
      : hits.length
        ? `${label('Words')}incidents using terms from the word lists: ${hits.map((k) => `${safe(k.label)} ${int(k.incidents)}`).join(' · ')}  [word matches to read in context, not findings]`
        : `${label('Words')}no incident text uses a term from the word lists`,
  );
  // The terminal report stays one screen: every number above is already stated with its method, and the
  // plain-language findings mostly restate them, so they are counted here and printed in the Markdown and HTML
  // reports (with the methods, the S-DASH sheet and the quoted examples).
  lines.push(
    c.dim(
      `${label('Findings')}${e.findings.length} in plain language, each with its method and figures in brackets at its end; what each method means and its limits, the S-DASH (stalking and harassment risk checklist) evidence sheet and quoted examples: ${reportCommand(r, 'markdown', 'report.md')}`,
    ),
  );
  return lines;
}
