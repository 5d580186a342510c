/**
 * The method section: every figure's method named, with its caveats (statistics.md §3), including the choices
 * made for this report (window, coverage, minimum sizes) so that the report explains itself.
 */
import type { Comparison, Escalation } from '../../model/escalation.js';
import {
  dayCount,
  INCIDENT_SPAN,
  NO_SUBJECT_SWITCHES,
  notExportedWords,
  PHI_WITHIN_TRIGGER,
  phiWords,
  windowIsIncidentSpan,
} from '../../model/escalation-words.js';
import { andList, formatDate, formatP, plural } from '../../model/format.js';
import { DEFAULT_CEASE_PHRASES } from './cease.js';
import { MIN } from './context.js';
import { EPISODE_MINUTES } from './episodes.js';
import { HEADLINE_DAYS } from './rates.js';
import { LIMITING_SHARE } from './window.js';

type Body = Omit<Escalation, 'findings' | 'methods'>;
type Method = Escalation['methods'][number];

function coverageCaveats(b: Body): string[] {
  const out: string[] = [];
  for (const c of b.coverage.channels) {
    if (c.handKept) {
      out.push(
        `${c.channel}: recorded by hand (a diary); a diary has no export period, so it does not limit the fully covered days.`,
      );
      continue;
    }
    const spans = c.spans.map((s) => `${s.from} to ${s.to}`).join(', ');
    out.push(
      `${c.channel}: records cover ${spans} (${c.files.length} file${c.files.length === 1 ? '' : 's'})${c.limits ? '' : `; fewer than ${LIMITING_SHARE * 100}% of the incidents, so it does not limit the fully covered days`}.`,
    );
  }
  const f = b.coverage.fullyCovered;
  if (f && b.coverage.partialDays > 0) {
    out.push(
      `${b.coverage.partialDays} window day${b.coverage.partialDays === 1 ? '' : 's'} fall outside the fully covered days ${f.from} to ${f.to}: rows touching them are flagged "partial coverage", and the trend, change points and comparisons leave them out. A fall in contact there may only be a fall in what was exported.`,
    );
  }
  return out;
}

/** Said when incidents fall outside the window: the timeline and chronology give their categories too. */
function outsideNote(outside: number): string {
  if (outside === 0) return '';
  return ` (${plural(outside, 'incident')} outside the window ${outside === 1 ? 'is' : 'are'} listed so too, but not counted)`;
}

/** The p-values the report states, each with the question it answers (statistics.md §1.8). */
function testsGiven(b: Body): string[] {
  const out: string[] = [];
  if (b.headline.rateNowVsStart.status === 'ok') out.push('the latest rate against the first');
  for (const m of b.milestones) {
    if (m.status === 'ok') out.push(`the milestone “${m.label}”`);
    // The reports print the whole-window comparison's p beside the milestone's own: another test, unless its
    // sides are the milestone's own (no other boundary inside the window), when it is the same p shown twice.
    const w = m.wholeWindow;
    if (w?.status === 'ok' && !(m.status === 'ok' && sameSides(w, m)))
      out.push(`the milestone “${m.label}” over the whole window`);
  }
  if (b.ceaseRequest.afterFirst?.comparison.status === 'ok') out.push('the first request to stop');
  if (b.trend.poisson.status === 'ok') out.push('the Poisson trend', 'the Mann–Kendall test');
  if (b.gaps.trend.status === 'ok') out.push('the trend in the gaps');
  return out;
}

/** Whether two comparisons set the same periods side by side (so give the same test). */
function sameSides(
  a: Pick<Comparison, 'before' | 'after'>,
  b: Pick<Comparison, 'before' | 'after'>,
): boolean {
  const same = (x: Comparison['before'], y: Comparison['before']) =>
    x.from === y.from && x.to === y.to && x.days === y.days && x.count === y.count;
  return same(a.before, b.before) && same(a.after, b.after);
}

/**
 * Several p-values in one report: each answers its own, fixed question, but the more there are, the likelier one
 * of them is small by chance alone. Said once, with the bound that holds whatever their dependence (Bonferroni).
 */
function multipleTesting(b: Body): Method[] {
  const tests = testsGiven(b);
  if (tests.length < 2) return [];
  const k = tests.length;
  const list = andList(tests);
  return [
    {
      name: 'Several tests in one report',
      description: `This report gives ${k} p-values: ${list}. Each answers its own question, fixed in advance (not chosen by searching the data for the largest change); none is adjusted for the others.`,
      caveats: [
        `Even if nothing changed, the chance that at least one of ${k} tests gives p below 0.05 can be up to ${Math.min(100, 5 * k)}%; a single p-value near 0.05 among them is weak evidence on its own.`,
        'The Mann–Kendall test and the trend in the gaps restate the Poisson trend in other ways: agreement between them is not separate evidence.',
      ],
    },
  ];
}

/** Change points within the minimum side length of either end of the analysed days: the rate on the short side
 *  rests on a few days, which cannot tell a lasting change from a short burst. */
function edgeChangeCaveats(b: Body): string[] {
  const segs = b.segments;
  if (segs.length < 2) return [];
  const out: string[] = [];
  const first = segs[0]!;
  const last = segs[segs.length - 1]!;
  if (first.days < MIN.sideDays)
    out.push(
      `The change around ${formatDate(segs[1]!.from)} comes ${dayCount(first.days)} after the start of the analysed days: the earlier rate rests on those days only.`,
    );
  if (last.days < MIN.sideDays)
    out.push(
      `The change around ${formatDate(last.from)} comes ${dayCount(last.days)} before the end of the analysed days: the new rate rests on those days only, too few to tell a lasting change from a short burst.`,
    );
  return out;
}

/**
 * " Not applied in this report: <why>." for a method whose figures were withheld (below the minimum data sizes, or
 * not computable), so the method section never describes as done what was not (statistics.md §3); "" when applied.
 */
function notApplied(m: { readonly status: string; readonly reason: string | null }): string {
  return m.status === 'ok' ? '' : ` Not applied in this report: ${m.reason ?? 'not computable'}.`;
}

/**
 * Where the window came from, in the methods' words. A window taken from the records is said to be the first to the
 * last day of any record, not of the incidents, except where the two are the same (`windowIsIncidentSpan`): a diary
 * alone has no record but its incidents, and "not of the incidents" then described a window that was theirs.
 */
function windowSource(b: Body): string {
  if (b.window.source === 'given') return 'given by the case file or --from/--to';
  if (b.window.source === 'none') return 'none: no records';
  return windowIsIncidentSpan(b)
    ? `the first to the last day of any record in the inputs; here ${INCIDENT_SPAN}`
    : 'the first to the last day of any record in the inputs, not of the incidents';
}

/** The method list for the report. */
export function methods(b: Body): Method[] {
  const phi = b.dispersion.phi;
  return [
    {
      name: 'Unit of count and window',
      description: `One record (message, call attempt, visit, letter) counts as one contact. Days are local calendar days in the case zone. The window runs from ${b.window.from ?? '–'} to ${b.window.to ?? '–'} (${windowSource(b)}); ${
        b.coverage.notExported?.length
          ? `every day in it that some export covers counts, zero days included; ${notExportedWords(
              b.coverage,
              (x, y) => `${x} to ${y}`,
              (d) => d,
            )}, so those days are in no rate`
          : 'every day in it counts, zero days included'
      }.`,
      caveats: [
        'A window that started at the first incident would inflate the rate and bias trend tests upward.',
        'Split messages inflate record counts; contact episodes (gaps, bursts) and days with contact are harder to dispute.',
      ],
    },
    {
      name: 'Coverage per channel',
      description: `Each exported file is taken to cover the days from its first to its last record of any kind (anyone's, those another file also holds included, though counted once; records set aside as not contact, such as system notices, do not count), for every channel it holds; a channel covers the union of its files. Channels with at least ${LIMITING_SHARE * 100}% of the incidents must all cover a day for it to count as fully covered; the longest such run is analysed.`,
      caveats: coverageCaveats(b),
    },
    {
      name: 'Rates with exact intervals',
      description:
        'Rate = contacts / days, per day, per 7 and per 30 days, with the exact (Garwood) 95% interval of R poisson.test. A rate per 7 or per 30 days is given only when the days it is taken over are at least 7 or 30: from fewer it would be an extrapolation. ISO weeks start on Monday; partial weeks and months are flagged and compared as rates, not counts.',
      caveats: [
        'The interval assumes independent contacts; bursty contact makes it too narrow. Days with contact is robust to bursts.',
      ],
    },
    {
      name: 'Dispersion',
      description: `Index of dispersion s²/x̄ of the daily counts, and Pearson φ̂ of the Poisson trend model, with the Pearson χ² test of it (n − 2 degrees of freedom): the model intervals are widened by √φ̂ whenever φ̂ > 1, but only when the test gives p < 0.05 do the reports say that the counts depart from a steady trend with independent contacts, as φ̂ is above 1 by chance about half the time. ${phi === null ? 'Not computed.' : `φ̂ = ${phiWords(b.dispersion)}${b.dispersion.pPearson != null ? `, ${formatP(b.dispersion.pPearson)}` : ''}.`}`,
      caveats: [
        'The index is inflated by any trend or step, so φ̂ of the trend model decides; a step in the rate (at a warning) still inflates φ̂ and fails the test as clustered contacts do, so a φ̂ beyond chance is said to mean either. It is a model check, not a headline.',
      ],
    },
    {
      name: 'Poisson regression on time',
      description: `log E[count on day t] = β₀ + β₁t over the fully covered days, reported as the rate ratio per 30 days exp(30β₁) with a Wald 95% interval and p whose standard error is scaled by √max(1, φ̂) (quasi-Poisson).${notApplied(b.trend.poisson)}`,
      caveats: [
        'A log-linear trend is a model: a single step also shows up as a "trend".',
        `Needs at least ${MIN.trendDays} days and ${MIN.trendEvents} contacts, and a span of ${MIN.rateRatioSpanDays} days for the ratio per 30 days (shorter spans extrapolate absurdly).`,
      ],
    },
    {
      name: 'Mann–Kendall test and Sen’s slope',
      description: `Two-sided Mann–Kendall test with the tie correction and continuity-corrected Z, and Sen's slope with Gilbert's interval (R trend 1.1.6), on the daily counts — or on complete ISO weeks when the daily counts tie too often (Sen's slope 0 or more than half the pair slopes 0) and there are at least ${MIN.weeklyWeeks} such weeks. ${b.trend.mannKendall.status === 'ok' ? `This report used the ${b.trend.mannKendall.series} series${b.trend.mannKendall.reason ? ` (${b.trend.mannKendall.reason})` : ''}.` : notApplied(b.trend.mannKendall).trim()} Sen's slope is the change in contacts a ${b.trend.mannKendall.series === 'daily' ? 'day, per day' : 'week, per week'}.`,
      caveats: [
        'Bursty days are autocorrelated, which makes p too small; read it beside the quasi-Poisson trend.',
        'A monotone test misses up-then-down patterns; the change points show those.',
        'When most pairs of days (or weeks) have equal counts, because many have no contact or many have the same count, Sen’s slope is 0 whatever the trend; the report says so instead of giving 0, with how many days (or weeks) had no contact when some had none, and says that the counts are the same every day (or week) when they are.',
        // "Given for completeness" only when they are given: below the minimums neither the test nor the slope is.
        ...(b.trend.poisson.status === 'ok' || b.trend.mannKendall.status !== 'ok'
          ? []
          : [
              `The trend is not estimated in this report (${b.trend.poisson.reason}), so the test and the slope are given for completeness only; no conclusion is drawn from them.`,
            ]),
      ],
    },
    {
      name: 'Change points (PELT)',
      description: `PELT with the Poisson cost and the MBIC penalty (R changepoint 2.3, minimum segment 2 days) on the daily counts of the fully covered days; when the counts within the segments are overdispersed (φ̂_w > ${PHI_WITHIN_TRIGGER}) the penalty is multiplied by φ̂_w and PELT rerun until the change points are stable.${b.changePointMethod.scaled ? ' The penalty was scaled in this report.' : ''} Segment rates have exact 95% intervals.${notApplied(b.changePointMethod)}`,
      caveats: [
        'The dates are estimates ("around"), without an interval; no p-value is attached to a date the algorithm chose.',
        'A gradual rise becomes a staircase of changes; a change point is not an event that happened on that date.',
        ...edgeChangeCaveats(b),
      ],
    },
    {
      name: 'Before and after a milestone or the first request to stop',
      description: `Exact conditional Poisson rate-ratio test (R poisson.test): the rate ratio after ÷ before with its Clopper–Pearson-based 95% interval and two-sided exact p. The p (R's rule, summing the outcomes no likelier than the one seen) and the interval (2.5% in each tail) are not the same test, so near 0.05 they can disagree: a p below 0.05 beside an interval that just includes 1, or the other way round, is said to be a borderline result, which the data cannot clearly tell from no change. Each side runs from the date to the nearest milestone, estimated change point at least ${MIN.sideDays} days away, or edge of the fully covered days. A date-only milestone starts at 00:00 local time on that date, one with a time at that time; the first request to stop's after side starts when the minute (second, day) it was recorded in ends. Neighbouring milestones share one boundary: the after side of one ends exactly where the before side of the next starts (at the very instant when either has a time), so each contact between them is counted once, and a day that a time splits counts on each side as the share of it there (8 days and 14 h 30 min is 8.6 days of exposure). When the daily counts of the days compared are overdispersed (the step model's φ̂ > 1), the quasi-Poisson step model, fitted to the whole days of the two sides (a day that a time cuts is left out of it), is shown beside the test as the interval allowing for overdispersion, but only where it widens the exact interval: its interval is a Wald interval, which beside an exact one can be narrower when φ̂ is close to 1. Where it is narrower at one end, the wider limit of the two intervals at each end is given, with the larger of the two p-values; where it lies inside the exact interval, it is said to be no wider and no figures are given; where its whole days on one side have no contacts, it has no estimate and is said to be not computable. Given as it is, it keeps the model's own p; the step adjusted for a linear trend is in the JSON as a sensitivity check. Where the interval allowing for overdispersion would read, to the digits the reports give, as the exact interval does, it is written with more digits, beside the exact interval to as many (1.58–3.63 against the exact 1.60–3.63, both 1.6–3.6 to two digits). A milestone's comparison is also given over the whole window, with no boundary but the window's, for comparison only: as counts and days alone when not every export covers the window's days. Needs ${MIN.sideDays} days each side and ${MIN.comparisonEvents} contacts in all; below that, counts only.`,
      caveats: [
        'Overdispersion makes the exact test anti-conservative; read the interval allowing for overdispersion then.',
        'When a side ends at an estimated change point, that boundary came from the data, so the p-value is approximate.',
        'A rate that rose before the date can make a jump appear; warnings often follow peaks (regression to the mean); contact may react with a delay. The comparison shows what changed, not why.',
      ],
    },
    {
      name: 'Latest rate against the first',
      description: `The last ${HEADLINE_DAYS} fully covered days against the first ${HEADLINE_DAYS} (half the days each when fewer than ${2 * HEADLINE_DAYS}), by the same exact test. A fixed, pre-specified comparison, not a search for the largest change. "Latest" means the last days every export covers, which may end before the exports do. When no day is covered by every export, the first and the last days of the window are given as counts only, with no ratio: different exports cover them, and a ratio would compare what was exported.`,
      caveats: ['Two short windows: a single busy week at either end moves it.'],
    },
    ...multipleTesting(b),
    {
      name: 'Requests to stop',
      description: `Outgoing messages from the victim, in conversations where the subject also wrote, that contain one of ${b.ceaseRequest.phrases.length} phrases (${b.ceaseRequest.phrasesSource === 'case-file' ? 'from the case file' : 'built in'}): ${b.ceaseRequest.phrases.map((p) => `"${p}"`).join(', ')}. Case-insensitive whole-word matching; typographic apostrophes fold to '. Contact after a request is contact recorded at or after the end of the minute it was recorded in (its second or millisecond when the export gives one, the next midnight for a date alone): for a request timed 21:04, from 21:05:00. The count after the first request, each request's count and the before/after comparison all start at that instant.`,
      caveats: [
        'A contact in the same minute as the request counts before it, even when the export lists it after the request: its time cannot show which came first, the order of an export is its app’s own (not always the order of sending), and records of two exports in one minute have no order. The contact after a request is at least the count given.',
        'Other wordings are missed: add them as ceasePhrases in the case file. Calls and conversations in person are not searched.',
        b.ceaseRequest.phrasesSource === 'case-file'
          ? `The built-in list (${DEFAULT_CEASE_PHRASES.length} phrases) was replaced.`
          : 'Read each request in context: a phrase may be quoted or conditional.',
      ],
    },
    {
      name: 'Gaps and bursts',
      description: `Timed incidents are merged into contact episodes while the gap to the previous one is under ${EPISODE_MINUTES} minutes (across channels). Median gap per month; Mann–Kendall and Sen's slope on the gap sequence of the fully covered days; the most contacts within any 60 minutes and on one day; burstiness B (Goh–Barabási) and A_n (Kim–Jo) of the gaps.`,
      caveats: [
        'Gaps are autocorrelated (p optimistic) and carry the same information as the rate trend: not independent corroboration.',
        'A change of rate alone makes a series look bursty. Date-only records have no time and are left out.',
      ],
    },
    {
      name: 'Night-time share',
      description: `Share of timed contacts between 00:00 and 05:59 local time, per month, with Clopper–Pearson 95% intervals. ${b.night.count} of ${b.night.eligible} timed contacts overall.`,
      caveats: ['Times are as the exports give them (sent or logged); date-only records are left out.'],
    },
    {
      name: 'Identifiers',
      description:
        'When each identifier was first and last used inside the window, and how often (an incident outside the window is not counted here, as in every other figure). A new identifier "began as another fell quiet" when the older one was used at least twice in the 7 days before its first use and less than a quarter as often in the 7 days from then. The two may be on different channels (a number, then an app account); the channels of both are given. The older identifier’s use cited is its last before the new one’s first use, not its last use: any use after that is counted and its last one cited.',
      caveats: [
        'Which identifiers belong to the subject is taken from the case file; the analysis does not attribute them.',
        'It states timing only, not that one identifier replaced the other.',
        'An older identifier is judged only where the exports that recorded it cover all 7 days after, and where no use in those days could fall after the window, uncounted: silence after an export ends, or after a window that leaves later incidents out, cannot be told from the identifier falling quiet.',
        // Said only where the window leaves incidents out, as the tables' "in the window".
        ...(b.window.incidentsOutside > 0
          ? [
              'An identifier used before the window is not said to have begun inside it, and the older identifier’s uses in the 7 days before a first use are counted on days before the window too (an identifier used then is looked at even if not used inside the window before that first use); its uses after, and each identifier’s contacts, first and last use, are counted inside the window.',
            ]
          : []),
        ...(b.identifierSwitchesSought === false ? [NO_SUBJECT_SWITCHES] : []),
      ],
    },
    {
      name: 'Content lexicon',
      description: `Incident texts are matched against a published list of English phrases per category (${b.content.lexiconSource}); ${b.content.normalisation}. Per category: matches per month, the first, and up to 5 quoted examples with their file and locator. Every incident counted is listed with the categories its text matches: by their ids in the lexicon column of the timeline (chronolog timeline) and in the JSON chronology (--chronology), by their labels in the chronology of the HTML and Markdown reports. The incidents inside the window whose list names a category are the ones counted for it${outsideNote(b.window.incidentsOutside)}.${idiomsNote(b.content.categories)}`,
      caveats: [
        'A match is text for a person to read, not a finding: negations ("I would never hurt you"), quotations and jokes match too, and other wordings are missed.',
        'Nobody is scored; diary rows are the victim’s own account of what happened.',
      ],
    },
    {
      name: 'S-DASH evidence sheet',
      description:
        'For each of the 11 S-DASH screening questions, its sense as quoted in the project reference (paraphrased, not the licensed wording) and the computed facts bearing on it, linked to the incidents.',
      caveats: [
        'chronolog never answers or scores these questions; the assessor does, with the victim.',
        b.window.from ? `Facts cover the window from ${formatDate(b.window.from)}.` : 'No window.',
      ],
    },
  ];
}

/**
 * " The terms of “Threats to kill or harm” are not counted inside 21 stock idioms …": the categories whose terms
 * are set aside inside idioms that threaten no one (lexicon.ts `NOT_THREATS`), two of them quoted; '' when none is.
 */
function idiomsNote(categories: Escalation['content']['categories']): string {
  return categories
    .map((c) => {
      const idioms = c.idioms ?? [];
      if (idioms.length === 0) return '';
      const quoted = idioms.slice(0, 2).map((x) => `“${x}”`);
      return ` The terms of “${c.label}” are not counted inside ${idioms.length} stock idioms that use their words but threaten no one (${quoted.join(', ')}, …; listed as the category's idioms in the JSON): a match wholly inside an idiom is not counted, while a term elsewhere in the same text, one that runs past the idiom (“dressed to kill you”) and a term that holds a whole idiom still count.`;
    })
    .join('');
}
