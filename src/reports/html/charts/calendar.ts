/**
 * Calendar heatmap of contact days: one column per ISO week (Monday first), one row per weekday, each day shaded
 * by its number of incidents on a single-hue scale that keeps its order in greyscale. Days with no incidents are
 * white with an outline; days outside the report's period (period-weeks.ts, the days Figure 1 draws) are left out; milestone days have a heavy black outline. Long
 * periods wrap into blocks of a year of weeks.
 */
import type { Report } from '../../../model/index.js';
import { int, plural } from '../../format.js';
import { periodDays } from '../../period-weeks.js';
import { milestoneWhen } from '../../tallies.js';
import { dayNumber, isoDate, longDate, monthLabel, WEEKDAYS, weekday } from '../dates.js';
import { plain } from '../escape.js';
import { HEAT, heatBounds, heatLabels, heatLevel } from '../palette.js';
import { table } from '../table.js';
import { type Figure, milestoneKey, n, svg, WIDTH } from './svg.js';

const ID = 'fig-calendar';
const CELL = 14;
const PITCH = 17;
const LEFT = 40;
const BLOCK_WEEKS = 52;
const BLOCK_HEIGHT = 22 + 7 * PITCH + 12;

/**
 * Month names above the week columns in which a month begins; the block's first column is labelled with its
 * month (and year) unless a new month begins within the next two columns, where the labels would collide.
 */
function monthLabels(
  firstWeek: number,
  lastWeek: number,
  gridStart: number,
  start: number,
  end: number,
  y0: number,
): string {
  const starts: { w: number; day: number }[] = [];
  for (let w = firstWeek; w <= lastWeek; w++) {
    for (let wd = 0; wd < 7; wd++) {
      const day = gridStart + w * 7 + wd;
      if (day >= start && day <= end && isoDate(day).slice(8, 10) === '01') starts.push({ w, day });
    }
  }
  const firstDay = Math.max(start, gridStart + firstWeek * 7);
  if (!starts.some((s) => s.w - firstWeek <= 2)) starts.unshift({ w: firstWeek, day: firstDay });
  return starts
    .map(
      (s, k) =>
        `<text class="ax" x="${n(LEFT + (s.w - firstWeek) * PITCH)}" y="${n(y0 + 14)}">${monthLabel(s.day, k === 0)}</text>`,
    )
    .join('');
}

/** The calendar chart, or null when there are no incidents. */
export function calendarChart(r: Report): Figure | null {
  const i = r.incidents;
  if (i.total === 0 || i.daily.length === 0) return null;
  // The report's period, as Figure 1 draws it: a window that ends after the last incident ends the calendar too.
  const days = periodDays(r);
  const start = dayNumber(days[0]!.date);
  const end = start + days.length - 1;
  const gridStart = start - weekday(start);
  const weeks = Math.floor((end - gridStart) / 7) + 1;
  const bounds = heatBounds(i.maxPerDay?.count ?? 0);
  const counts = new Map(days.map((d) => [dayNumber(d.date), d.count]));
  const milestoneDays = new Map<number, string[]>();
  r.case.milestones.forEach((m, k) => {
    // The day the case zone's clock puts it on, as the squares are the case zone's days.
    const d = dayNumber(milestoneWhen(r, m).local);
    milestoneDays.set(d, [...(milestoneDays.get(d) ?? []), milestoneKey(k)]);
  });

  const blocks = Math.ceil(weeks / BLOCK_WEEKS);
  const parts: string[] = [];
  for (let b = 0; b < blocks; b++) {
    const y0 = b * BLOCK_HEIGHT;
    const firstWeek = b * BLOCK_WEEKS;
    const lastWeek = Math.min(weeks, firstWeek + BLOCK_WEEKS) - 1;
    for (const [row, name] of [
      [0, 'Mon'],
      [2, 'Wed'],
      [4, 'Fri'],
      [6, 'Sun'],
    ] as const) {
      parts.push(
        `<text class="ax" x="${LEFT - 6}" y="${n(y0 + 22 + row * PITCH + 11)}" text-anchor="end">${name}</text>`,
      );
    }
    parts.push(monthLabels(firstWeek, lastWeek, gridStart, start, end, y0));
    for (let w = firstWeek; w <= lastWeek; w++) {
      const x = LEFT + (w - firstWeek) * PITCH;
      for (let wd = 0; wd < 7; wd++) {
        const day = gridStart + w * 7 + wd;
        if (day < start || day > end) continue;
        const count = counts.get(day) ?? 0;
        const level = heatLevel(count, bounds);
        const keys = milestoneDays.get(day);
        const cls = `cal l${level}${keys ? ' ms' : ''}`;
        const label = `${isoDate(day)} (${WEEKDAYS[wd]}): ${plural(count, 'incident')}${keys ? `; milestone ${keys.join(', ')}` : ''}`;
        parts.push(
          `<rect class="${cls}" x="${n(x)}" y="${n(y0 + 22 + wd * PITCH)}" width="${CELL}" height="${CELL}" fill="${HEAT[level]}"><title>${plain(label)}</title></rect>`,
        );
      }
    }
  }
  const legendY = blocks * BLOCK_HEIGHT + 4;
  const labels = heatLabels(bounds);
  let lx = LEFT;
  const legend = labels.map((label, level) => {
    const g = `<rect class="cal l${level}" x="${n(lx)}" y="${n(legendY)}" width="${CELL}" height="${CELL}" fill="${HEAT[level]}"/><text x="${n(lx + CELL + 5)}" y="${n(legendY + 11)}">${label}</text>`;
    lx += CELL + 14 + label.length * 6.6;
    return g;
  });
  if (milestoneDays.size > 0) {
    const mx = lx + 16;
    lx = mx + CELL + 5 + 'milestone day'.length * 6.6;
    legend.push(
      `<rect class="cal l0 ms" x="${n(mx)}" y="${n(legendY)}" width="${CELL}" height="${CELL}" fill="#ffffff"/><text x="${n(mx + CELL + 5)}" y="${n(legendY + 11)}">milestone day</text>`,
    );
  }
  // Wide enough for the legend too: over a few weeks the grid is narrower than the legend, whose last entry the
  // SVG would otherwise cut off (`lx` is where the legend ends).
  const width = Math.min(WIDTH, Math.max(LEFT + Math.min(weeks, BLOCK_WEEKS) * PITCH, lx) + 8);
  const height = legendY + CELL + 6;

  const caption = `Each square is a day from ${longDate(days[0]!.date)} to ${longDate(days[days.length - 1]!.date)}, in columns of weeks starting on Monday; darker squares had more incidents (scale, in incidents a day: ${labels.join(', ')}). Contact on ${plural(i.daysWithContact, 'day')} of ${int(days.length)}; white squares are days with no incidents recorded.${milestoneDays.size ? ' Squares with a heavy outline are milestone days.' : ''}`;

  const rows: string[][] = [];
  for (let w = 0; w < weeks; w++) {
    const monday = gridStart + w * 7;
    const cells = [0, 1, 2, 3, 4, 5, 6].map((wd) => {
      const day = monday + wd;
      return day < start || day > end ? '' : int(counts.get(day) ?? 0);
    });
    rows.push([isoDate(monday), ...cells]);
  }
  return {
    id: ID,
    title: 'Days with contact',
    caption,
    svg: svg(
      ID,
      height,
      'Calendar of days with contact',
      caption,
      parts.join('') + legend.join(''),
      width,
      weeks <= 30 ? 1.3 : 1,
    ),
    tableLabel: `Data: incidents per day, one row per week (${plural(weeks, 'week')})`,
    table: table({
      caption: 'Data of the days with contact: incidents per day, one row per week',
      columns: [{ label: 'Week starting' }, ...WEEKDAYS.map((d) => ({ label: d.slice(0, 3), num: true }))],
      rows,
      rowHeaders: true,
      cls: 'data',
    }),
  };
}
