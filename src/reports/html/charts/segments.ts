/**
 * The escalation chart: daily incidents as grey bars with the rate of each PELT segment drawn over them as a
 * heavy line (its 95% interval as a light band, rate written above), the estimated change points as dotted rules,
 * the milestones as dashed rules, and the days outside the fully covered days hatched (coverage.ts: nearly always
 * days not every export covers) — the figures stop there because missing data would look like a fall. Drawn from
 * `report.escalation` and `incidents.daily` only.
 */

import { formatCi, formatDate, sig2 } from '../../../model/format.js';
import type { Escalation, Report } from '../../../model/index.js';
import { int, plural } from '../../format.js';
import { dayNumber, isoDate } from '../dates.js';
import { plain } from '../escape.js';
import { table } from '../table.js';
import { hatching, runTitle } from './coverage.js';
import {
  type Figure,
  milestoneNote,
  milestoneRules,
  n,
  svg,
  TimeAxis,
  valueGrid,
  valueTicks,
  WIDTH,
} from './svg.js';

const ID = 'fig-segments';
const LEFT = 44;
const TOP = 52;
const BOTTOM = 232;

/** The chart, or null without segments or daily counts. */
export function segmentsChart(r: Report, e: Escalation): Figure | null {
  const daily = r.incidents.daily;
  if (e.segments.length === 0 || daily.length === 0) return null;
  const from = e.window.from ?? daily[0]!.date;
  const to = e.window.to ?? daily[daily.length - 1]!.date;
  const start = dayNumber(from);
  const span = dayNumber(to) - start + 1;
  if (!(span > 0)) return null;
  const axis = new TimeAxis(from, span, LEFT, WIDTH - 12);
  const counts = new Map(daily.map((d) => [d.date, d.count]));
  const max = Math.max(1, ...daily.map((d) => d.count), ...e.segments.map((s) => s.ci95[1] ?? s.ratePerDay));
  const { top, ticks } = valueTicks(max);
  const y = (v: number) => BOTTOM - (Math.min(v, top) / top) * (BOTTOM - TOP);
  const parts: string[] = [
    `<defs><pattern id="${ID}-hatch" width="6" height="6" patternUnits="userSpaceOnUse"><path d="M0 6L6 0" stroke="#9a9a9a" stroke-width="0.8"/></pattern></defs>`,
  ];
  const full = e.coverage.fullyCovered;
  // The same days the daily chart hatches and `coverage.partialDays` counts, with the same tooltips.
  const hatched = hatching(e);
  if (full) {
    for (const u of hatched.runs) {
      const a = Math.max(u.from, start);
      const b = Math.min(u.to + 1, start + span);
      if (b <= a) continue;
      parts.push(
        `<rect class="uncovered" x="${n(axis.x(a))}" y="${TOP}" width="${n(axis.x(b) - axis.x(a))}" height="${BOTTOM - TOP}" fill="url(#${ID}-hatch)"><title>${plain(runTitle(u))}</title></rect>`,
      );
    }
  }
  parts.push(valueGrid(ticks, y, LEFT), axis.months(BOTTOM));
  const step = axis.step;
  for (let d = start; d < start + span; d++) {
    const c = counts.get(isoDate(d)) ?? 0;
    if (c > 0)
      parts.push(
        `<rect class="day" x="${n(axis.x(d))}" y="${n(y(c))}" width="${n(step > 3 ? step - 1 : step)}" height="${n(BOTTOM - y(c))}"/>`,
      );
  }
  for (const s of e.segments) {
    const x1 = axis.x(dayNumber(s.from));
    const x2 = axis.x(dayNumber(s.to) + 1);
    const [lo, hi] = s.ci95;
    if (lo !== null && hi !== null)
      parts.push(
        `<rect class="seg-ci" x="${n(x1)}" y="${n(y(hi))}" width="${n(x2 - x1)}" height="${n(y(lo) - y(hi))}"/>`,
      );
    parts.push(
      `<g><title>${plain(`${s.from} to ${s.to}: ${sig2(s.ratePerDay)} a day (${formatCi(s.ci95)}), ${plural(s.count, 'contact')} in ${plural(s.days, 'day')}`)}</title><line class="seg" x1="${n(x1)}" x2="${n(x2)}" y1="${n(y(s.ratePerDay))}" y2="${n(y(s.ratePerDay))}"/></g>`,
      `<text class="seg-label" x="${n((x1 + x2) / 2)}" y="${n(y(hi ?? s.ratePerDay) - 5)}" text-anchor="middle">${plain(sig2(s.ratePerDay))} a day</text>`,
    );
  }
  for (const c of e.changePoints) {
    const x = n(axis.x(dayNumber(c.date)));
    parts.push(
      `<g class="cp"><title>${plain(`estimated change around ${c.date}`)}</title><line x1="${x}" x2="${x}" y1="${TOP - 14}" y2="${BOTTOM}"/><text x="${x}" y="${TOP - 18}" text-anchor="middle">≈ ${plain(formatDate(c.date))}</text></g>`,
    );
  }
  parts.push(
    `<line class="base" x1="${LEFT}" x2="${n(axis.right)}" y1="${BOTTOM}" y2="${BOTTOM}"/>`,
    milestoneRules(r, axis, TOP + 10, BOTTOM),
  );

  const segText = e.segments
    .map((s) => `${formatDate(s.from)} to ${formatDate(s.to)}: ${sig2(s.ratePerDay)} a day`)
    .join('; ');
  // Without change points there is one period: the figure must not describe lines it does not draw.
  const found = e.changePoints.length > 0;
  const caption = `${
    found
      ? `Incidents per day (grey bars) with the rate of each period between the estimated change points (heavy lines, light band = 95% interval): ${segText}. Dotted lines mark the estimated change points (PELT; the dates are estimates).`
      : `Incidents per day (grey bars) with the rate over the whole period (heavy line, light band = 95% interval): ${segText}. No change point was found (PELT), so the rate is drawn as one period.`
  }${
    !full || hatched.days === 0
      ? ''
      : hatched.apartDays === 0
        ? ` Hatched days are not covered by every export and are left out of the analysis (fully covered: ${formatDate(full.from)} to ${formatDate(full.to)}).`
        : ` Hatched days are left out of the analysis (fully covered: ${formatDate(full.from)} to ${formatDate(full.to)}): not every export covers ${plural(hatched.days - hatched.apartDays, 'day')} of them, and ${plural(hatched.apartDays, 'day')} that every export covers are cut off from the fully covered days.`
  }${milestoneNote(r, axis)}`;
  return {
    id: ID,
    title: found
      ? 'Rate of contact between the estimated change points'
      : 'Rate of contact (no change point found)',
    caption,
    svg: svg(
      ID,
      BOTTOM + 24,
      found ? 'Rate of contact between change points' : 'Rate of contact, one period',
      caption,
      parts.join(''),
    ),
    tableLabel: found
      ? `Data: periods between change points (${plural(e.segments.length, 'row')})`
      : `Data: the one period (${plural(e.segments.length, 'row')})`,
    table: table({
      caption: found
        ? 'Data of the rate between change points: one row per period'
        : 'Data of the rate of contact over the one period',
      columns: [
        { label: 'From' },
        { label: 'To' },
        { label: 'Days', num: true },
        { label: 'Contacts', num: true },
        { label: 'Per day', num: true },
        { label: '95% interval' },
      ],
      rows: e.segments.map((s) => [
        s.from,
        s.to,
        int(s.days),
        int(s.count),
        plain(sig2(s.ratePerDay)),
        plain(formatCi(s.ci95)),
      ]),
      rowHeaders: true,
      cls: 'data',
    }),
  };
}
