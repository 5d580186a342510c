/**
 * The "Change over time" section of `--format markdown` (the JSON's `escalation`): findings, then the tables behind
 * them (window and coverage, rate of contact, the latest rate against the first, trend and estimated change points,
 * before and after the milestones with the contacts after an order, requests to stop, months, identifiers, bursts,
 * words in the messages with quoted examples, the S-DASH evidence sheet) and the statistical methods with their
 * limits. The subsections carry the names the HTML report gives the same figures, so a reader holding both finds
 * each under one name; the heading is neutral because contact may rise, fall or stay flat. Numbers are written with
 * the model's helpers, so they read exactly as in the findings; every value from the data is escaped.
 */
import { citedFile } from '../model/cited-file.js';
import type { Comparison, Escalation, EventRef } from '../model/escalation.js';
import {
  atRequestTimeWords,
  beforeCountWords,
  chanceWords,
  changesInsideSentences,
  countsOnly,
  criterionWords,
  dayCount,
  dispersionIndexWords,
  dispersionState,
  hoursApart,
  INCIDENT_SPAN,
  milestoneStart,
  NO_SUBJECT_SWITCHES,
  notCoveredWords,
  notExportedWords,
  periodLength,
  phiWithinWords,
  phiWords,
  senSlopeWords,
  spanWords,
  TREND_COULD_BE_CHANCE,
  trendCouldBeChance,
  trendEstimated,
  underADay,
  victimNotIdentifiedWords,
  wholeCaseDiffers,
  windowIsIncidentSpan,
} from '../model/escalation-words.js';
import {
  busiestDays,
  cap,
  formatCi,
  formatMonth,
  formatP,
  formatRatio,
  formatRatioCi,
  listed,
  sig2,
} from '../model/format.js';
import type { Report } from '../model/index.js';
import { overdispersionWords } from './comparison-words.js';
import { type FileNames, fileNamesOf } from './file-names.js';
import { dayRange, int, localSpan, plural, timeWithFlags } from './format.js';
import { burstinessWords, gapTrendWords, gapWords, monthNote, nightShareWords } from './pattern-words.js';
import { sdashEvidenceWords } from './reader-words.js';
import {
  LINE_BREAK,
  LINE_BREAKS,
  markdownLines,
  markdownName,
  markdownNamedLines,
  markdownEscape as md,
} from './sanitize.js';
import { whyNot, withheldWords } from './withheld.js';

/** What follows φ̂ in the dispersion cell, by `dispersionState`. */
const PHI_NOTE = {
  none: '',
  close: ' (close to 1; intervals widened by √φ̂ all the same)',
  chance: ' (within chance of 1; intervals widened by √φ̂ all the same)',
  over: ' (overdispersed)',
} as const;

/** "2024-03-15" for a period of one day, else "2024-03-15 – 2024-03-20" (`dayRange`, as the summary writes runs). */
function isoRange(from: string, to: string): string {
  return dayRange(from, to, ' – ');
}

function table(head: string[], rows: string[][], align: ('l' | 'r')[] = []): string[] {
  const sep = head.map((_, i) => (align[i] === 'r' ? '---:' : '---'));
  return [
    `| ${head.join(' | ')} |`,
    `| ${sep.join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
  ];
}

/**
 * An incident's local time, then how to read it when its record says, as the chronology writes it:
 * "2024-03-02 20:00 (time approximate)". Markdown, escaped.
 */
function at(r: EventRef): string {
  return timeWithFlags(r.local, r.timeFlags, md);
}

/** An incident's time and source, its file named as every place names it (file-names.ts). */
function ref(r: EventRef, names: FileNames): string {
  return `${at(r)} ${markdownName(`· ${r.file} ${r.locator}`, names)}`;
}

/** A rate-ratio cell: "1.7 (95% CI 1.4–2.1)", or "no rate ratio: …" when it is not given. */
function ratio(c: Pick<Comparison, 'rateRatio' | 'ci95' | 'status' | 'reason'>): string {
  if (c.status !== 'ok') return md(`no rate ratio: ${whyNot(c)}`);
  return `${c.rateRatio === null ? '∞' : formatRatio(c.rateRatio)} (${formatRatioCi(c.ci95)})`;
}

/**
 * The rate ratio in a sentence: "rate ratio 1.7 (95% CI 1.4–2.1)", or "no rate ratio: …" (never both); with `of`,
 * what it divides, as the HTML labels it: "rate ratio, last ÷ first, 0.10 (…)".
 */
function ratioPhrase(c: Pick<Comparison, 'rateRatio' | 'ci95' | 'status' | 'reason'>, of?: string): string {
  return c.status === 'ok' ? `rate ratio${of ? `, ${of},` : ''} ${ratio(c)}` : ratio(c);
}

/**
 * The figures allowing for overdispersion with how they were made and the φ̂ of the days compared
 * (comparison-words.ts), as the HTML and text reports give them (with no method when the step model's whole days
 * on one side have no contacts); '–' when the counts were not overdispersed.
 */
function quasi(c: Pick<Comparison, 'before' | 'after' | 'ci95' | 'p' | 'overdispersed'>): string {
  const o = overdispersionWords(c);
  return o ? `${o.figures}${o.method ? ` (${o.method})` : ''}` : '–';
}

/**
 * The exact test and, when the counts are overdispersed, the quasi-Poisson check, in a sentence: "rate ratio 1.7
 * (95% CI 1.4–2.1), p < 0.001; allowing for overdispersion 95% CI 1.1–2.5, p = 0.0096 (…)". Every comparison
 * the HTML gives with its check (latest against first, milestones, the whole window, the cease request) is
 * written with it here.
 */
function tested(
  c: Pick<
    Comparison,
    'before' | 'after' | 'rateRatio' | 'ci95' | 'p' | 'overdispersed' | 'status' | 'reason'
  >,
  of?: string,
): string {
  if (c.status !== 'ok') return ratioPhrase(c);
  return `${ratioPhrase(c, of)}, ${formatP(c.p)}${c.overdispersed ? `; allowing for overdispersion ${quasi(c)}` : ''}${chanceWords(c) ? `; ${chanceWords(c)}` : ''}`;
}

/**
 * A side with its rate a day; a side shorter than a day in hours and minutes with no rate ("2 in 2 hours", not
 * "2 in 0.1 days (24/day)"), as the findings say it.
 */
function side(p: Comparison['before']): string {
  if (underADay(p.days)) return sideCounts(p);
  return `${int(p.count)} in ${dayCount(p.days)} (${sig2(p.ratePerDay)}/day)${p.from ? ` ${isoRange(p.from, p.to!)}` : ''}`;
}

/** A side as counts and days only, where not every export covers it (a rate would compare the exports). */
function sideCounts(p: Comparison['before']): string {
  // A side with no day (a date outside the window) has nothing to count: "no window day", never "0 in 0 days".
  if (p.days === 0) return 'no window day';
  return `${int(p.count)} in ${periodLength(p.days)}${p.from ? ` ${isoRange(p.from, p.to!)}` : ''}`;
}

/**
 * A rate per week or per 30 days with its interval, or why it is withheld ("withheld: only 3 days; a rate per week
 * needs at least 7"): from fewer days than the period has it would be an extrapolation (analysis rates.ts).
 */
function periodRate(x: Escalation['rate']['perWeek']): string {
  if (x.status !== undefined && x.status !== 'ok')
    return md(withheldWords({ status: x.status, reason: x.reason ?? null }));
  return `${sig2(x.rate)} (${formatCi(x.ci95)})`;
}

function overview(e: Escalation, names: FileNames): string[] {
  const rows = [e.rate, ...(e.rateFullyCovered ? [e.rateFullyCovered] : [])].map((r, i) => [
    i === 0 ? 'Whole window' : 'Fully covered days',
    r.from && r.to ? isoRange(r.from, r.to) : '–',
    int(r.days),
    int(r.count),
    int(r.daysWithContact),
    `${sig2(r.perDay)} (${formatCi(r.ci95)})`,
    periodRate(r.perWeek),
    periodRate(r.per30Days),
  ]);
  return [
    '### Rate of contact',
    '',
    'Exact (Garwood) 95% intervals; one record = one contact. A rate per week or per 30 days is given only from at least 7 or 30 days.',
    '',
    ...table(
      ['Period', 'Dates', 'Days', 'Contacts', 'Days with contact', 'Per day', 'Per week', 'Per 30 days'],
      rows,
      ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
    `**Persistence:** ${persistenceLine(e.persistence, names)}`,
    '',
  ];
}

/**
 * The persistence line after its label: the first and the last incident, the time between them (`spanWords`), and
 * the two criteria, each "yes", "no" or undecided by the dates alone (a date-only first or last incident).
 */
function persistenceLine(p: Escalation['persistence'], names: FileNames): string {
  if (!p.first || !p.last) return 'no incidents.';
  const single = p.first.id === p.last.id;
  const span = single
    ? `one incident only (${ref(p.first, names)})`
    : `first incident ${ref(p.first, names)}; last ${ref(p.last, names)}; ${spanWords({ ...p, first: p.first, last: p.last })}, contact on ${plural(p.daysWithContact, 'day')}`;
  return `${span}; beyond two weeks (Purcell, Pathé & Mullen 2004): ${criterionWords(p.beyondTwoWeeks, p.beyondTwoWeeksDecided)}; at least 10 contacts over at least 4 weeks (a threshold used in stalking research, not a legal test): ${criterionWords(p.tenOverFourWeeks, p.tenOverFourWeeksDecided)}.`;
}

/** The latest rate against the first, under its own heading as in the HTML report; its ratio is last ÷ first. */
function latestSection(e: Escalation): string[] {
  const h = e.headline.rateNowVsStart;
  return [
    '### Latest rate against the first',
    '',
    h.days === 0
      ? `Not compared: ${md(whyNot(h))}.`
      : countsOnly(h)
        ? // No day every export covers: counts and days only, no rate and no ratio (rates.ts), and why.
          `${h.days === 1 ? 'Last against first day' : `Last ${int(h.days)} against first ${int(h.days)} days`} of the window: first ${sideCounts(h.before)}; last ${sideCounts(h.after)}; ${md(`counts only: ${whyNot(h)}${notCoveredWords(h) ? ` (${notCoveredWords(h)})` : ''}`)}.`
        : [
            `${h.days === 1 ? 'Last against first' : `Last ${int(h.days)} against first ${int(h.days)}`} ${e.rateFullyCovered ? 'fully covered ' : ''}${h.days === 1 ? 'day' : 'days'}, exact conditional Poisson test: first ${side(h.before)}; last ${side(h.after)}; ${tested(h, 'last ÷ first')}.`,
            ...changesInsideSentences(e).map(md),
          ].join(' '),
    '',
  ];
}

/** A channel kept by hand in the coverage tables of the Markdown and HTML, in the methods' words. */
export const HAND_KEPT = 'hand-kept record (a diary): no export period';

/**
 * The window, the days every export covers and each channel's coverage, in the HTML's words: a heading "Window and
 * coverage" over the coverage table alone would leave the window unsaid.
 */
function coverageTable(e: Escalation, names: FileNames): string[] {
  const w = e.window;
  const full = e.coverage.fullyCovered;
  const source =
    w.source === 'given'
      ? 'set in the case file or on the command line'
      : 'the first to the last day of any record';
  return [
    '### Window and coverage',
    '',
    `The window is ${w.from && w.to ? isoRange(w.from, w.to) : '–'} (${plural(w.days, 'day')}, ${source})${w.incidentsOutside ? `; ${plural(w.incidentsOutside, 'incident')} ${w.incidentsOutside === 1 ? 'falls outside it and is' : 'fall outside it and are'} not analysed here` : ''}.${windowIsIncidentSpan(e) ? ` ${md(cap(INCIDENT_SPAN))}.` : ''} ${full ? `Every export covers ${isoRange(full.from, full.to)} (${plural(full.days, 'day')}, the fully covered days): the trend, the change points and the comparisons use only these days.` : 'No stretch of days is covered by every export, so the trend, change points and comparisons are not computed.'}${notExportedWords(e.coverage, isoRange, (d) => d) ? ` ${md(cap(notExportedWords(e.coverage, isoRange, (d) => d)))}: those days are in no rate or statistic.` : ''}`,
    '',
    ...table(
      ['Channel', 'Records cover', 'Files', 'Incidents', 'Limits the fully covered days'],
      e.coverage.channels.map((c) => [
        c.channel,
        c.handKept ? HAND_KEPT : c.spans.map((s) => isoRange(s.from, s.to)).join(', '),
        c.files.map((f) => markdownName(f, names)).join(', '),
        int(c.incidents),
        c.limits ? 'yes' : 'no',
      ]),
      ['l', 'l', 'l', 'r', 'l'],
    ),
  ];
}

/** The trend and the estimated change points under one heading, as the HTML report has them. */
function trendSection(e: Escalation): string[] {
  const p = e.trend.poisson;
  const mk = e.trend.mannKendall;
  const d = e.dispersion;
  const status = (s: { status: string; reason: string | null }) => md(withheldWords(s));
  // The trend is withheld: these figures are shown for completeness, and said to support no conclusion.
  const notUsed = trendEstimated(e) ? '' : '*not used for conclusions: the trend is not estimated* — ';
  // The analysis scales the trend's SE by √φ̂ only when the counts are overdispersed (φ̂ > 1, trend.ts); the
  // dispersion's flag says whether it did, so the method is not said to be scaled when it was not.
  const scaling = d.overdispersed
    ? ', SE scaled by √φ̂ for overdispersion'
    : d.phi !== null
      ? ', SE not scaled (no overdispersion)'
      : '';
  return [
    '### Trend and estimated change points',
    '',
    '#### Trend',
    '',
    ...table(
      ['Figure', 'Value', 'Method'],
      [
        [
          'Dispersion',
          d.status === 'ok'
            ? `index ${dispersionIndexWords(d.index)}; φ̂ ${phiWords(d)}${PHI_NOTE[dispersionState(d)]}`
            : status(d),
          's²/x̄ of daily counts; Pearson φ̂ of the trend model',
        ],
        [
          'Rate ratio per 30 days',
          p.status === 'ok'
            ? `${formatRatio(p.rateRatioPer30Days)} (${formatRatioCi(p.ci95)}), ${formatP(p.p)}${trendCouldBeChance(p) ? `; ${TREND_COULD_BE_CHANCE}` : ''}`
            : status(p),
          `Poisson regression on time${scaling}`,
        ],
        [
          `Mann–Kendall (${mk.series})`,
          mk.status === 'ok' || mk.S !== null
            ? `${notUsed}S = ${mk.S}, ${formatP(mk.p)} (n = ${int(mk.n)})`
            : status(mk),
          'two-sided, tie-corrected, continuity-corrected',
        ],
        [
          "Sen's slope",
          mk.senSlope === null ? '–' : `${notUsed}${md(senSlopeWords(mk) ?? '')}`,
          "median pair slope, Gilbert's interval",
        ],
      ],
    ),
  ];
}

function changeSection(e: Escalation): string[] {
  const m = e.changePointMethod;
  const out = ['#### Estimated change points', ''];
  if (m.status !== 'ok') return [...out, md(`Not searched: ${whyNot(m)}.`), ''];
  out.push(
    `PELT, Poisson cost, ${md(m.penalty ?? '')} (penalty ${sig2(m.penaltyValue)}${m.phiWithin !== null ? `, within-segment φ̂ ${phiWithinWords(m.phiWithin)}` : ''}). The dates are estimates; no p-value is attached to them.${m.scaled && m.unscaledDates.length ? ` The unscaled MBIC pass found: ${m.unscaledDates.join(', ')}.` : ''}`,
    '',
    ...table(
      ['Segment', 'Days', 'Contacts', 'Per day (95% CI)'],
      e.segments.map((s) => [
        isoRange(s.from, s.to),
        int(s.days),
        int(s.count),
        `${sig2(s.ratePerDay)} (${formatCi(s.ci95)})`,
      ]),
      ['l', 'r', 'r', 'r'],
    ),
  );
  return out;
}

function milestoneSection(e: Escalation, names: FileNames): string[] {
  if (!e.milestones.length) return [];
  const out = [
    '### Before and after the milestones',
    '',
    'Exact conditional Poisson rate-ratio test (R poisson.test); each side runs to the nearest milestone, estimated change point or edge of the fully covered days. Allowing for overdispersion: the quasi-Poisson step interval when the counts are overdispersed, or the wider limit of it and the exact interval at each end where it is narrower at one (see Methods).',
    '',
    ...table(
      [
        'Date',
        'Milestone',
        'Before',
        'After',
        'Rate ratio (95% CI)',
        'p',
        'Allowing for overdispersion',
        'Whole window (for comparison only)',
      ],
      e.milestones.map((m) => {
        // Not every export covers the sides: counts and days only, the exports that miss them, and no
        // whole-window ratio (it would cross the same uncovered days).
        if (countsOnly(m)) {
          const uncovered = notCoveredWords(m);
          return [
            timeWithFlags(milestoneStart(m), m.startsAtTimeFlags, md),
            md(m.label),
            sideCounts(m.before),
            sideCounts(m.after),
            md(`counts only: ${whyNot(m)}${uncovered ? ` (${uncovered})` : ''}`),
            '–',
            '–',
            '–',
          ];
        }
        return [
          timeWithFlags(milestoneStart(m), m.startsAtTimeFlags, md),
          md(m.label),
          side(m.before),
          side(m.after),
          ratio(m),
          m.status === 'ok' ? formatP(m.p) : '–',
          quasi(m),
          m.wholeWindow ? tested(m.wholeWindow) : '–',
        ];
      }),
    ),
  ];
  // Where the window leaves incidents out, the counts from a milestone on are of the whole case (the table's sides
  // are of the window): said so, with the count before it over the same span.
  const whole = wholeCaseDiffers(e);
  for (const m of e.milestones) {
    const a = m.incidentsAfter;
    const before = whole ? beforeCountWords(a) : undefined;
    // After an order each contact is a possible breach: said in the words the HTML report uses, as a question for
    // an officer, not as a finding of breach.
    const head = a.breachWindow
      ? `**Contacts after the order “${md(m.label)}” (possible breaches, for an officer to assess)** (from ${timeWithFlags(milestoneStart(m), m.startsAtTimeFlags, md)})`
      : `After ${md(m.label)} (from ${timeWithFlags(milestoneStart(m), m.startsAtTimeFlags, md)})`;
    out.push(
      `${head}${before ? ', in the whole case' : ''}: ${plural(a.count, 'contact')}${a.count ? ` — ${a.byChannel.map((c) => `${c.channel} ${int(c.count)}`).join(', ')}; first ${ref(a.first!, names)}; last ${ref(a.last!, names)}` : ''}${before ? `; ${before}` : ''}.${m.afterUncovered ? ` ${int(m.afterUncovered.count)} of them on ${isoRange(m.afterUncovered.from, m.afterUncovered.to)}, days not every export covers.` : ''}`,
      '',
    );
  }
  return out;
}

/** A comparison's two sides and its ratio; counts and days only where not every export covers the sides. */
function cmpText(
  c: Comparison & { readonly notCovered?: Escalation['milestones'][number]['notCovered'] },
  inside = false,
): string {
  // After "Within the window: " the sides read on in lower case.
  const head = inside ? 'before' : 'Before';
  if (countsOnly(c)) {
    const uncovered = notCoveredWords(c);
    return `${head} ${sideCounts(c.before)}; after ${sideCounts(c.after)}; ${md(`counts only: ${whyNot(c)}${uncovered ? ` (${uncovered})` : ''}`)}`;
  }
  return `${head} ${side(c.before)}; after ${side(c.after)}; ${tested(c)}`;
}

function ceaseSection(e: Escalation, names: FileNames): string[] {
  const c = e.ceaseRequest;
  const out = ['### Requests to stop', ''];
  out.push(
    `Outgoing messages from the victim to the subject searched: ${int(c.searched)}; phrases (${c.phrasesSource === 'case-file' ? 'from the case file' : 'built-in'}): ${c.phrases.map((p) => `"${md(p)}"`).join(', ')}.`,
    '',
  );
  // No message could be told to be the victim's: nothing was searched, which is not "no request" (with how to name them).
  const unidentified = victimNotIdentifiedWords(c);
  if (unidentified) return [...out, `${md(cap(unidentified))}.`, ''];
  if (!c.requests.length)
    return [
      ...out,
      c.searched === 0
        ? 'No message from the victim to the subject to search.'
        : 'No message contains a request to stop.',
      '',
    ];
  out.push(
    ...table(
      ['Sent', 'Channel', 'Text', 'Phrase', 'Source', 'Contacts after'],
      c.requests.map((r) => [
        at(r.event),
        r.event.channel,
        markdownLines(r.text),
        md(r.phrase),
        markdownName(`${r.event.file} ${r.event.locator}`, names),
        int(r.incidentsAfter),
      ]),
      ['l', 'l', 'l', 'l', 'l', 'r'],
    ),
  );
  const a = c.afterFirst;
  if (a) {
    const atRequestTime = atRequestTimeWords(c);
    // The count after the request is of the whole case, its comparison of the window: where the window leaves
    // incidents out, each says so, and the count before the request is given over the whole case too.
    const before = wholeCaseDiffers(e) ? beforeCountWords(a) : undefined;
    out.push(
      `After the first request${before ? ', in the whole case' : ''}: ${plural(a.count, 'contact')}${a.count ? ` (${a.byChannel.map((x) => `${x.channel} ${int(x.count)}`).join(', ')}); last ${ref(a.last!, names)}` : ''}${before ? `; ${before}` : ''}.${atRequestTime ? ` ${atRequestTime}.` : ''} ${before ? 'Within the window: ' : ''}${cmpText(a.comparison, before !== undefined)}.`,
      '',
    );
  }
  return out;
}

function monthSection(e: Escalation): string[] {
  const night = new Map(e.night.byMonth.map((m) => [m.month, m]));
  const gaps = new Map(e.gaps.byMonth.map((m) => [m.month, m]));
  const chans = new Map(e.channelsOverTime.map((m) => [m.month, m]));
  return [
    '### Month by month',
    '',
    `Night = 00:00–05:59 local (share of timed contacts, Clopper–Pearson 95% CI). Gaps between contact episodes (contacts less than ${e.gaps.episodeMinutes} minutes apart merged).`,
    '',
    ...table(
      ['Month', 'Days', 'Contacts', 'Per day', 'Night', 'Median gap (h)', 'Channels', 'New channels', 'Note'],
      e.monthly.map((m) => {
        const n = night.get(m.month);
        const g = gaps.get(m.month);
        const ch = chans.get(m.month);
        return [
          formatMonth(m.month),
          int(m.days),
          int(m.count),
          sig2(m.ratePerDay),
          n ? nightShareWords(n) : '–',
          g ? sig2(g.medianHours) : '–',
          ch ? ch.byChannel.map((x) => `${x.channel} ${int(x.count)}`).join(', ') : '–',
          ch?.newChannels.join(', ') || '–',
          monthNote(m),
        ];
      }),
      ['l', 'r', 'r', 'r', 'r', 'r', 'l', 'l', 'l'],
    ),
    // The gaps over the window below the months, where the HTML report gives them.
    `${md(cap(gapWords(e.gaps)))}. ${md(gapTrendWords(e.gaps.trend))}.`,
    '',
    '#### Weeks',
    '',
    ...table(
      ['Week from', 'Days', 'Contacts', 'Per day', 'Note'],
      e.weekly.map((w) => [
        w.weekStart,
        int(w.days),
        int(w.count),
        sig2(w.ratePerDay),
        [w.partial ? 'partial week' : '', w.partialCoverage ? 'partial coverage' : '']
          .filter(Boolean)
          .join('; '),
      ]),
      ['l', 'r', 'r', 'r', 'l'],
    ),
  ];
}

/** The identifiers and when each was used, under the HTML's heading (none shown when there are none, as there). */
function identifiersSection(e: Escalation, names: FileNames): string[] {
  if (e.identifiers.length === 0) return [];
  // Counted over the window, as the rest of the analysis: where it leaves incidents out, said so, since the table of
  // identifiers used (## Identifiers used) counts every incident of the case.
  const inWindow = wholeCaseDiffers(e) ? ' in the window' : '';
  const span =
    inWindow && e.window.from && e.window.to
      ? [
          md(
            `Counted over the window (${isoRange(e.window.from, e.window.to)}): incidents outside it are not counted here, unlike the table of identifiers used, which counts the whole case.`,
          ),
          '',
        ]
      : [];
  return [
    '### Identifiers over time',
    '',
    ...span,
    ...table(
      [
        'Identifier',
        `Contacts${inWindow}`,
        'Channels',
        `First used${inWindow}`,
        `Last used${inWindow}`,
        'Began as another fell quiet',
      ],
      e.identifiers.map((r) => {
        const q = r.appearedAfterQuiet;
        // Timing only, with the older identifier's channels: it may be on another channel than this one.
        const older = q
          ? (q.channels ?? e.identifiers.find((x) => x.identifier === q.identifier)?.channels)
          : [];
        return [
          md(r.identifier),
          int(r.incidents),
          r.channels.join(', '),
          ref(r.first, names),
          at(r.last),
          q
            ? `${md(`${q.identifier}${older?.length ? ` (${older.join(', ')})` : ''} last used before then`)} ${at(q.lastUseBefore)} ${md(`(${hoursApart(q.hoursBetween)} before); ${plural(q.usesAfter, 'use')} after${inWindow}`)}`
            : '–',
        ];
      }),
      ['l', 'r', 'l', 'l', 'l', 'l'],
    ),
    ...(e.identifierSwitchesSought === false ? [md(NO_SUBJECT_SWITCHES), ''] : []),
  ];
}

function burstsSection(e: Escalation): string[] {
  const b = e.bursts;
  return [
    '### Bursts',
    '',
    `Most contacts within one hour: ${b.maxInOneHour ? `${int(b.maxInOneHour.count)} (${localSpan(b.maxInOneHour.from, b.maxInOneHour.to, ' – ')})` : '–'}; most on one day: ${b.maxInOneDay ? `${int(b.maxInOneDay.count)} (${busiestDays(b.maxInOneDay)})` : '–'}; burstiness ${md(burstinessWords(b.burstiness))}.`,
    '',
  ];
}

/** Said instead of the lexicon's counts when no incident had text: zero matches there would be a false zero. */
export const NO_TEXT_TO_SEARCH =
  'No incident text to search: none of the incidents has message text (calls or visits only, or text removed when the case was anonymised), so the lexicon was not applied. This says nothing about what was said.';

function contentSection(e: Escalation, names: FileNames): string[] {
  if (e.content.textsSearched === 0) return ['### Words in the messages', '', NO_TEXT_TO_SEARCH, ''];
  const out = [
    '### Words in the messages',
    '',
    `Lexicon matches in incident texts (${e.content.lexiconSource === 'built-in' ? 'built-in' : 'built-in, with terms from the case file'}; ${md(e.content.normalisation)}). For a person to read in context: a match is not a finding, and nobody is scored.`,
    '',
    ...table(
      ['Category', 'Incidents', 'By month', 'First'],
      e.content.categories.map((c) => [
        md(c.label),
        int(c.incidents),
        c.byMonth.map((m) => `${m.month} ${int(m.count)}`).join(', ') || '–',
        c.first ? ref(c.first, names) : '–',
      ]),
      ['l', 'r', 'l', 'l'],
    ),
  ];
  for (const c of e.content.categories) {
    if (!c.examples.length) continue;
    out.push(`**${md(c.label)}**`, '');
    // The citation in italics, written after the escaping: a message cannot imitate it (its `*` and `_` are
    // escaped), so a text holding "” — 2024-03-13 09:00 · chat.txt line 1 (term: …)" reads as the sender's words.
    for (const x of c.examples)
      out.push(`- “${markdownLines(x.text)}” — *${ref(x.event, names)} (term: ${md(x.term)})*`);
    out.push('');
  }
  return out;
}

function sdashSection(e: Escalation, names: FileNames): string[] {
  const out = [
    '### S-DASH evidence sheet',
    '',
    'Facts an assessor can use beside each screening question (the question’s sense, paraphrased). chronolog does not answer or score these questions.',
    '',
  ];
  for (const q of e.sdash) {
    out.push(
      // What the files hold for it, worded as such: "— can these files inform it? Yes (diary)" read as the answer.
      `**${q.number}. ${md(q.question)}**`,
      '',
      `${md(sdashEvidenceWords(q.backedByData))}${q.answerable || q.backedByData.startsWith('No') ? '' : ' — *cannot be answered from these files*'}`,
      '',
    );
    for (const f of q.facts) {
      // The chronology annex has no id column: cite each incident by its time and source line. Six at most,
      // never six and "and 1 more" (`listed`); `f.more` counts those the analysis itself left out.
      const { shown: cited, more: notCited } = listed(f.events, 6);
      const shown = cited.map((x) => `${at(x)} ${markdownName(`(${citedFile(x)} ${x.locator})`, names)}`);
      const more = notCited + f.more;
      out.push(
        `- ${markdownName(f.text, names)}${shown.length ? ` Incidents: ${shown.join('; ')}${more ? ` and ${more} more` : ''}.` : ''}`,
      );
    }
    if (q.note) out.push(`- *${md(q.note)}*`);
    out.push('');
  }
  return out;
}

function methodsSection(e: Escalation): string[] {
  const out = ['### Statistical methods and their limits', ''];
  for (const m of e.methods) {
    out.push(`**${md(m.name)}.** ${md(m.description)}`, '');
    for (const c of m.caveats) out.push(`- ${md(c)}`);
    out.push('');
  }
  return out;
}

/** The Markdown "Change over time" section (the JSON's `escalation`); empty when the report has none. */
export function escalationSection(r: Report): string[] {
  const e = r.escalation;
  if (!e) return [];
  // A finding, a citation or the coverage's files name files as every place of the report names them.
  const names = fileNamesOf(r);
  // A finding that quotes a message (the first request to stop) shows its line breaks as the chronology does.
  const out = [
    '## Change over time',
    '',
    '### Findings',
    '',
    ...e.findings.map((f) => `- ${markdownNamedLines(f, names)}`),
    '',
  ];
  const quoted = [
    ...e.findings,
    ...e.ceaseRequest.requests.map((q) => q.text),
    ...e.content.categories.flatMap((k) => k.examples.map((x) => x.text)),
  ];
  // Said only when a mark is shown, as in the chronology.
  if (quoted.some((t) => LINE_BREAKS.test(t)))
    out.push(`A line break inside a quoted message is shown as ${LINE_BREAK}.`, '');
  if (e.window.from === null || e.rate.count === 0) return [...out, ...methodsSection(e)];
  return [
    ...out,
    // In the order of the HTML report's subsections.
    ...coverageTable(e, names),
    ...overview(e, names),
    ...latestSection(e),
    ...trendSection(e),
    ...changeSection(e),
    ...milestoneSection(e, names),
    ...ceaseSection(e, names),
    ...monthSection(e),
    ...identifiersSection(e, names),
    ...burstsSection(e),
    ...contentSection(e, names),
    ...sdashSection(e, names),
    ...methodsSection(e),
  ];
}
