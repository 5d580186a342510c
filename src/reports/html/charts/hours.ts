/**
 * Hour × weekday heatmap from `incidents.hourByWeekday` (row 0 = Monday, local hours 0–23). Every non-empty cell
 * carries its count as text, so the chart reads without colour; the hours the report counts as night
 * (00:00–05:59) are bracketed. Records with only a date have no hour and are not in this chart.
 */
import type { Report } from '../../../model/index.js';
import { int, plural } from '../../format.js';
import { WEEKDAYS } from '../dates.js';
import { plain } from '../escape.js';
import { HEAT, heatBounds, heatInverse, heatLabels, heatLevel } from '../palette.js';
import { table } from '../table.js';
import { type Figure, n, svg } from './svg.js';

const ID = 'fig-hours';
const LEFT = 84;
const TOP = 44;
const CW = 35;
const CH = 24;
const HOURS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));

/** The matrix when the report has a well-formed one (7 rows of 24 counts), else null. */
function matrix(r: Report): number[][] | null {
  const m = (r.incidents as { hourByWeekday?: unknown }).hourByWeekday;
  if (!Array.isArray(m) || m.length !== 7) return null;
  if (
    !m.every(
      (row) => Array.isArray(row) && row.length === 24 && row.every((v) => Number.isInteger(v) && v >= 0),
    )
  )
    return null;
  return m as number[][];
}

/** The heatmap, or null when the report has no timed incidents or no hour × weekday matrix. */
export function hoursChart(r: Report): Figure | null {
  const m = matrix(r);
  if (!m) return null;
  const total = m.reduce((s, row) => s + row.reduce((a, b) => a + b, 0), 0);
  if (total === 0) return null;
  const max = Math.max(...m.flat());
  const bounds = heatBounds(max);
  const parts: string[] = [];
  // Night bracket over hours 0–5.
  const nx2 = LEFT + 6 * CW - 2;
  parts.push(
    `<path class="bracket" d="M${LEFT + 1} ${TOP - 6}V${TOP - 12}H${nx2}V${TOP - 6}"/><text class="ax" x="${LEFT + 3 * CW}" y="${TOP - 16}" text-anchor="middle">night 00:00–05:59</text>`,
  );
  HOURS.forEach((h, k) => {
    parts.push(
      `<text class="ax" x="${n(LEFT + k * CW + CW / 2)}" y="${TOP + 7 * CH + 16}" text-anchor="middle">${h}</text>`,
    );
  });
  m.forEach((row, wd) => {
    const y = TOP + wd * CH;
    parts.push(`<text class="ax" x="${LEFT - 8}" y="${y + 16}" text-anchor="end">${WEEKDAYS[wd]}</text>`);
    row.forEach((v, h) => {
      const level = heatLevel(v, bounds);
      const x = LEFT + h * CW;
      const label = `${WEEKDAYS[wd]} ${HOURS[h]}:00–${HOURS[h]}:59: ${plural(v, 'incident')}`;
      parts.push(
        `<g><title>${plain(label)}</title><rect class="cal l${level}" x="${x}" y="${y}" width="${CW - 2}" height="${CH - 2}" fill="${HEAT[level]}"/>${v > 0 ? `<text class="cell${heatInverse(level) ? ' inv' : ''}" x="${n(x + (CW - 2) / 2)}" y="${y + 15}" text-anchor="middle">${v}</text>` : ''}</g>`,
      );
    });
  });
  const labels = heatLabels(bounds);
  const ly = TOP + 7 * CH + 30;
  let lx = LEFT;
  for (const [level, label] of labels.entries()) {
    parts.push(
      `<rect class="cal l${level}" x="${n(lx)}" y="${ly}" width="14" height="14" fill="${HEAT[level]}"/><text x="${n(lx + 19)}" y="${ly + 11}">${label}</text>`,
    );
    lx += 33 + label.length * 6.6;
  }
  parts.push(`<text class="ax" x="${n(lx + 10)}" y="${ly + 11}">incidents in the hour (local time)</text>`);
  const height = ly + 20;

  const busiest = m
    .flatMap((row, wd) => row.map((v, h) => ({ v, wd, h })))
    .sort((a, b) => b.v - a.v || a.wd - b.wd || a.h - b.h)[0]!;
  const caption = `Incidents by weekday (rows) and hour of the day (columns), local time in ${r.case.timezone}, ${plural(total, 'timed incident')}; each cell shows its count and darker cells had more. The most incidents in one cell were ${int(busiest.v)}, on ${WEEKDAYS[busiest.wd]}s between ${HOURS[busiest.h]}:00 and ${HOURS[busiest.h]}:59. Records with only a date have no hour and are not included.`;

  return {
    id: ID,
    title: 'Time of day and day of the week',
    caption,
    svg: svg(ID, height, 'Incidents by weekday and hour', caption, parts.join('')),
    tableLabel: 'Data: incidents by weekday and hour (7 rows, 24 hours)',
    table: table({
      caption: 'Data of the time of day and day of the week: incidents by weekday and hour',
      columns: [
        { label: 'Weekday' },
        ...HOURS.map((h) => ({ label: h, num: true })),
        { label: 'Total', num: true },
      ],
      rows: m.map((row, wd) => [WEEKDAYS[wd]!, ...row.map(int), int(row.reduce((a, b) => a + b, 0))]),
      rowHeaders: true,
      cls: 'data compact',
    }),
  };
}
