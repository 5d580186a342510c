/**
 * Cumulative incidents: the running total of `incidents.daily` as a step line over the report's period
 * (period-weeks.ts, the days Figure 1 draws), so a steeper stretch is a period of more frequent contact; milestones
 * are marked. Its table gives the running total at the end of each ISO week of that period, with the days the text
 * and Markdown reports give the week.
 */
import type { Report } from '../../../model/index.js';
import { int, plural } from '../../format.js';
import { periodDays, periodWeeks } from '../../period-weeks.js';
import { longDate } from '../dates.js';
import { table } from '../table.js';
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

const ID = 'fig-cumulative';
const LEFT = 52;
const TOP = 30;
const BOTTOM = 212;

/** The cumulative chart, or null when there are no incidents. */
export function cumulativeChart(r: Report): Figure | null {
  const i = r.incidents;
  if (i.total === 0 || i.daily.length === 0) return null;
  const days = periodDays(r);
  const axis = new TimeAxis(days[0]!.date, days.length, LEFT, WIDTH - 40);
  const running: number[] = [];
  for (const d of days) running.push((running[running.length - 1] ?? 0) + d.count);
  const end = running[running.length - 1]!;
  const { top, ticks } = valueTicks(end);
  const y = (v: number) => BOTTOM - (v / top) * (BOTTOM - TOP);
  let line = `M${n(axis.left)} ${n(y(0))}`;
  running.forEach((v, k) => {
    line += `V${n(y(v))}H${n(axis.x(axis.start + k + 1))}`;
  });
  const area = `${line}V${n(y(0))}Z`;
  const body = [
    valueGrid(ticks, y, LEFT),
    axis.months(BOTTOM),
    `<path class="cum-area" d="${area}"/>`,
    `<path class="cum-line" d="${line}"/>`,
    `<text class="end-label" x="${n(axis.right + 4)}" y="${n(y(end) + 4)}">${int(end)}</text>`,
    `<line class="base" x1="${LEFT}" x2="${n(axis.right)}" y1="${BOTTOM}" y2="${BOTTOM}"/>`,
    milestoneRules(r, axis, TOP - 4 + 14, BOTTOM),
  ].join('');

  let total = 0;
  const weeks = periodWeeks(r);
  const rows = weeks.map((w) => {
    total += w.count;
    return [w.weekStart, w.partial ? `${w.days} (partial)` : String(w.days), int(w.count), int(total)];
  });
  const caption = `Running total of incidents from ${longDate(days[0]!.date)} (${int(running[0]!)}) to ${longDate(days[days.length - 1]!.date)} (${int(end)}); a steeper line means more incidents per day.${milestoneNote(r, axis)}`;
  return {
    id: ID,
    title: 'Cumulative incidents',
    caption,
    svg: svg(ID, BOTTOM + 24, 'Cumulative incidents', caption, body),
    tableLabel: `Data: incidents per week and running total (${plural(weeks.length, 'week')})`,
    table: table({
      caption: 'Data of the cumulative incidents: incidents per week and running total',
      columns: [
        { label: 'Week starting' },
        { label: 'Days', num: true },
        { label: 'Incidents', num: true },
        { label: 'Running total', num: true },
      ],
      rows,
      rowHeaders: true,
      cls: 'data',
    }),
  };
}
