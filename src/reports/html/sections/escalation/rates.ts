/**
 * Escalation, part 1: the window and what each export covers, the rate over the window, the rate now against the
 * start, and the trend with its estimated change points (chart and table).
 */

import { unscaledOnlyDates } from '../../../../model/change-points.js';
import {
  countsOnly,
  criterionWords,
  dispersionIndexWords,
  dispersionState,
  INCIDENT_SPAN,
  notExportedWords,
  phiWords,
  senSlopeWords,
  spanWords,
  TREND_COULD_BE_CHANCE,
  trendCouldBeChance,
  trendEstimated,
  windowIsIncidentSpan,
} from '../../../../model/escalation-words.js';
import {
  cap,
  formatCi,
  formatDate,
  formatP,
  formatRatio,
  formatRatioCi,
  sig2,
} from '../../../../model/format.js';
import type { Escalation, Report } from '../../../../model/index.js';
import { int, plural } from '../../../format.js';
import { HAND_KEPT } from '../../../markdown-escalation.js';
import { whyNot, withheldWords } from '../../../withheld.js';
import { segmentsChart } from '../../charts/segments.js';
import { fileName, text } from '../../escape.js';
import { table } from '../../table.js';
import { figureHtml } from '../charts.js';
import type { HtmlContext } from '../section.js';
import { comparison, countsOnlyComparison, range, ref, withheld } from './common.js';

/** What the dispersion sentence says of φ̂, by `dispersionState`. */
const PHI_NOTE = {
  none: 'no overdispersion',
  close: 'close to the 1 of independent contacts; model intervals are widened by √φ̂ all the same',
  chance: 'within what chance gives independent contacts; model intervals are widened by √φ̂ all the same',
  over: 'the counts vary more than a steady trend with independent contacts allows (clusters, or steps in the rate), so model intervals are widened',
} as const;

/**
 * The window's days outside the fully covered days, `coverage.partialDays`: the days the charts hatch (charts/
 * coverage.ts), in the same number. Not "covered by some exports only": such a day may be covered by none, or, cut
 * off from the fully covered days by a gap in one channel's exports, by every export.
 */
function leftOut(e: Escalation): string {
  const p = e.coverage.partialDays;
  if (p === 0) return '';
  // With incidents in the window there is a chart of incidents per day, drawn over the whole window.
  const charts = e.rate.count > 0 ? ` and ${p === 1 ? 'is' : 'are'} hatched in the charts` : '';
  return ` The other ${plural(p, 'day')} of the window ${p === 1 ? 'lies' : 'lie'} outside them${charts}.`;
}

export function coverage(e: Escalation, ctx: HtmlContext): string {
  const w = e.window;
  const source =
    w.source === 'given'
      ? 'set in the case file or on the command line'
      : 'the first to the last day of any record';
  const rows = e.coverage.channels.map((c) => [
    text(c.channel),
    c.handKept ? HAND_KEPT : c.spans.map((s) => text(range(s.from, s.to))).join('; ') || '–',
    c.files.map((f) => ctx.inputKeys.get(f) ?? `<bdi>${fileName(f, ctx.names)}</bdi>`).join(', ') || '–',
    int(c.incidents),
    c.limits ? 'yes' : 'no',
  ]);
  const full = e.coverage.fullyCovered;
  return [
    `<p>The window is ${text(range(w.from, w.to))} (${plural(w.days, 'day')}, ${source})${w.incidentsOutside ? `; ${plural(w.incidentsOutside, 'incident')} ${w.incidentsOutside === 1 ? 'falls outside it and is' : 'fall outside it and are'} not analysed here` : ''}.${windowIsIncidentSpan(e) ? ` ${text(cap(INCIDENT_SPAN))}.` : ''} The unit of count is one record: a message, a call attempt, a visit or a letter each count 1.</p>`,
    `<p>${full ? `Every export covers ${text(range(full.from, full.to))} (${plural(full.days, 'day')}, the fully covered days): the trend, the change points and the comparisons use only these days, because a day outside an export’s coverage would look like a day without contact.${leftOut(e)}` : 'No stretch of days is covered by every export, so the trend, change points and comparisons are not computed.'}${notExportedWords(e.coverage, range) ? ` ${text(cap(notExportedWords(e.coverage, range)))}: those days are in no rate or statistic.` : ''}</p>`,
    `<div class="scroll">${table({
      caption:
        'Coverage of each channel: dates its records cover, files, incidents and whether it limits the fully covered days',
      columns: [
        { label: 'Channel' },
        { label: 'Records cover' },
        { label: 'Files' },
        { label: 'Incidents', num: true },
        { label: 'Limits the fully covered days' },
      ],
      rows,
      rowHeaders: true,
      cls: 'data',
    })}</div>`,
  ].join('');
}

/** Duration facts used in research on persistence; read defensively, the field is new in the contract. */
function persistence(e: Escalation, ctx: HtmlContext): string {
  const p = e.persistence as Escalation['persistence'] | undefined;
  if (!p?.first || !p.last) return '';
  // One incident has no time between a first and a last ("0 minutes" read as a measurement); a date-only one can
  // leave a criterion undecided, which is said, not answered "no".
  const single = p.first.id === p.last.id;
  const incidents = single
    ? `<dt>The only incident</dt><dd>${ref(p.first, ctx)}</dd>`
    : `<dt>First and last incident</dt><dd>${ref(p.first, ctx)} – ${ref(p.last, ctx)}</dd>`;
  const span = single
    ? 'one incident only'
    : `${text(spanWords({ ...p, first: p.first, last: p.last }))}, with contact on ${plural(p.daysWithContact, 'day')}`;
  return `<dl class="kv"><div>${incidents}</div><div><dt>Span</dt><dd>${span}</dd></div><div><dt>Contact beyond two weeks</dt><dd>${text(criterionWords(p.beyondTwoWeeks, p.beyondTwoWeeksDecided))} <span class="muted">(Purcell, Pathé &amp; Mullen 2004)</span></dd></div><div><dt>At least 10 contacts over at least 4 weeks</dt><dd>${text(criterionWords(p.tenOverFourWeeks, p.tenOverFourWeeksDecided))} <span class="muted">(Roberts 2005; a threshold used in stalking research, not a legal test)</span></dd></div></dl>`;
}

/**
 * A rate per week or per 30 days with its interval, or why it is withheld: from fewer days than the period has it
 * would be an extrapolation (analysis rates.ts).
 */
function periodRate(x: Escalation['rate']['perWeek']): string {
  if (x.status !== undefined && x.status !== 'ok')
    return `<span class="muted">${text(withheldWords({ status: x.status, reason: x.reason ?? null }))}</span>`;
  return `${text(sig2(x.rate))} <span class="muted">(${text(formatCi(x.ci95))})</span>`;
}

export function rates(e: Escalation, ctx: HtmlContext): string {
  const rate = (label: string, x: Escalation['rate']) => [
    label,
    text(range(x.from, x.to)),
    int(x.days),
    int(x.count),
    `${text(sig2(x.perDay))} <span class="muted">(${text(formatCi(x.ci95))})</span>`,
    periodRate(x.perWeek),
    periodRate(x.per30Days),
  ];
  const rows = [rate('Whole window', e.rate)];
  if (e.rateFullyCovered) rows.push(rate('Fully covered days', e.rateFullyCovered));
  return `<div class="scroll">${table({
    caption: 'Rate of contact in each period: dates, days, contacts, per day and per week',
    columns: [
      { label: 'Period' },
      { label: 'Dates' },
      { label: 'Days', num: true },
      { label: 'Contacts', num: true },
      { label: 'Per day' },
      { label: 'Per week' },
      { label: 'Per 30 days' },
    ],
    rows,
    rowHeaders: true,
    cls: 'data',
  })}</div><p class="muted">Rates are contacts divided by days, with exact Poisson 95% intervals (Garwood). A rate per week or per 30 days is given only from at least 7 or 30 days.</p>${persistence(e, ctx)}`;
}

export function headline(e: Escalation): string {
  const h = e.headline.rateNowVsStart;
  // A one-day range has no sides to show: a table of "First 0 days" and "Last 0 days" would read as missing days.
  if (h.days === 0) return `<p>The first and last days are not compared: ${text(whyNot(h))}.</p>`;
  const side = h.days === 1 ? 'day' : `${h.days} days`;
  // No day every export covers: counts and days only, with the exports that miss each side's days (rates.ts).
  if (countsOnly(h))
    return `<p>The last ${plural(h.days, 'day')} of the window against the first ${plural(h.days, 'day')}.</p>${countsOnlyComparison(h, `the first and the last ${side} of the window`, [`First ${side}`, `Last ${side}`])}`;
  // The sides are the first and last days, not before and after anything: the ratio is named last ÷ first.
  return `<p>The last ${plural(h.days, 'day')} that every export covers against the first ${plural(h.days, 'day')}.</p>${comparison(h, `the first and the last ${side} that every export covers`, [`First ${side}`, `Last ${side}`], { of: 'last ÷ first', none: `no contacts in the first ${side}` })}`;
}

/** Changes only the unscaled penalty places (they do not stand out from the day-to-day variation). */
function unscaled(e: Escalation): string {
  const dates = unscaledOnlyDates(e);
  if (!dates.length) return '';
  const one = dates.length === 1;
  return ` Without scaling the penalty for overdispersion, the method would also place ${one ? 'a change' : 'changes'} around ${dates.map((d) => text(formatDate(d))).join(', ')}; ${one ? 'it does' : 'they do'} not stand out from the day-to-day variation.`;
}

export function trend(r: Report, e: Escalation, ctx: HtmlContext): string {
  const t = e.trend;
  const p = t.poisson;
  const mk = t.mannKendall;
  const d = e.dispersion;
  const cpm = e.changePointMethod;
  // The analysis scales the standard error by √φ̂ only when the counts are overdispersed (φ̂ > 1, trend.ts): the
  // dispersion's flag says whether it did. φ̂ of the trend model is the dispersion's, printed as there.
  const phi = text(phiWords(d));
  const scaling = d.overdispersed
    ? `standard error scaled for overdispersion, φ̂ = ${phi}`
    : `φ̂ = ${phi}, no overdispersion, so the standard error is not scaled`;
  const rows: [string, string][] = [
    [
      'Poisson regression on time',
      p.status === 'ok'
        ? `Rate ratio per 30 days ${text(formatRatio(p.rateRatioPer30Days))} (${text(formatRatioCi(p.ci95))}, ${text(formatP(p.p))}; ${scaling}).${trendCouldBeChance(p) ? ` ${text(cap(TREND_COULD_BE_CHANCE))}.` : ''}`
        : withheld(p),
    ],
    [
      'Mann–Kendall test with Sen’s slope',
      mk.status === 'ok'
        ? `${trendEstimated(e) ? '' : `<strong>Not used for conclusions:</strong> the trend is not estimated (${text(whyNot(p))}); shown for completeness. `}On ${mk.series} counts (n = ${int(mk.n)}): S = ${text(String(mk.S))}, ${text(formatP(mk.p))}; Sen’s slope ${text(senSlopeWords(mk) ?? '–')}.`
        : withheld(mk),
    ],
    [
      'Dispersion',
      d.status === 'ok'
        ? `Variance/mean of the daily counts ${text(dispersionIndexWords(d.index))}; Pearson φ̂ ${phi}: ${PHI_NOTE[dispersionState(d)]}.`
        : withheld(d),
    ],
    [
      'Change points (PELT)',
      cpm.status === 'ok'
        ? `${e.changePoints.length ? e.changePoints.map((c) => `around ${text(formatDate(c.date))} from ${text(sig2(c.rateBefore))} to ${text(sig2(c.rateAfter))} a day`).join('; ') : 'no change point found'} (penalty: ${text(cpm.penalty ?? '–')}). The dates are estimates; no p-value is attached to a date the method chose.${unscaled(e)}`
        : withheld(cpm),
    ],
  ];
  const chart = segmentsChart(r, e);
  return `<p>Over ${text(range(t.from, t.to))}.</p><dl class="kv">${rows.map(([k, v]) => `<div><dt>${k}</dt><dd>${v}</dd></div>`).join('')}</dl>${chart ? figureHtml(chart, ctx.nextFigure()) : ''}`;
}
