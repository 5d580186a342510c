/**
 * Incidents per day stacked by channel, with the milestones marked. Periods longer than a year are drawn per ISO
 * week instead (bars of a day would be thinner than a pixel), each week's bar being the sum of its days from
 * `incidents.daily`; partial weeks are drawn lighter and named in the table. Days that not every export covers
 * (a channel that limits the fully covered days, `escalation.coverage`, has no export for them) are shaded
 * behind the bars and named in the legend and the caption: a low bar there may only mean that an export ends.
 */
import type { Channel, Report } from '../../../model/index.js';
import { int, plural } from '../../format.js';
import { dayNumber, isoDate, longDate, longDateSpan } from '../dates.js';
import { plain } from '../escape.js';
import { type ChannelStyle, channelStyles, patternDefs, patterned } from '../palette.js';
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

const ID = 'fig-daily';
const LEFT = 44;
const TOP = 48;
const BOTTOM = 222;
const HEIGHT = 248;
/** Longest period drawn day by day. */
const MAX_DAILY_BARS = 370;

interface Bin {
  readonly date: string;
  readonly days: number;
  readonly count: number;
  /** Undefined when the report has no per-channel daily counts. */
  readonly byChannel: Partial<Record<Channel, number>> | undefined;
  readonly partial: boolean;
}

function bins(r: Report): Bin[] {
  const daily = r.incidents.daily;
  const days = daily.map((d) => ({
    date: d.date,
    days: 1,
    count: d.count,
    byChannel: d.byChannel,
    partial: false,
  }));
  if (daily.length <= MAX_DAILY_BARS) return days;
  let offset = 0;
  return r.incidents.weekly.map((w) => {
    const slice = days.slice(offset, offset + w.days);
    offset += w.days;
    const byChannel: Partial<Record<Channel, number>> = {};
    for (const d of slice) {
      for (const [c, v] of Object.entries(d.byChannel ?? {}) as [Channel, number][])
        byChannel[c] = (byChannel[c] ?? 0) + v;
    }
    return {
      date: w.weekStart,
      days: w.days,
      count: w.count,
      byChannel: slice.every((d) => d.byChannel) ? byChannel : undefined,
      partial: w.partial,
    };
  });
}

/** Text of the legend entry for the shaded days. */
const UNCOVERED_KEY = 'not every export covers these days';

/** The grey hatch of days not every export covers, as in the change-point chart (reads in black-and-white too). */
const UNCOVERED_FILL = `<pattern id="${ID}-uncov" width="6" height="6" patternUnits="userSpaceOnUse"><path d="M0 6L6 0" stroke="#9a9a9a" stroke-width="0.8"/></pattern>`;

/** Height of one legend line; the legend's first line is at y = 6. */
const LEGEND_LINE = 18;

/**
 * The legend: one swatch and label per channel, then the shading's key, wrapped onto as many lines as they need
 * within the chart's width (an entry past the right edge would be cut off by the SVG, and that channel would have
 * no key). `lines` says how many lines it took, so the plot can move down to make room.
 */
function legend(styles: readonly ChannelStyle[], uncovered: boolean): { svg: string; lines: number } {
  const right = WIDTH - 12;
  let x = LEFT;
  let line = 0;
  /** The position of an entry `width` wide: on the current line when it fits, else at the start of the next. */
  const place = (width: number): [number, number] => {
    if (x > LEFT && x + width > right) {
      x = LEFT;
      line++;
    }
    const at: [number, number] = [x, 6 + line * LEGEND_LINE];
    x += width;
    return at;
  };
  const items = styles.map((s) => {
    const label = `${s.channel} ${int(s.count)}`;
    const [sx, sy] = place(20 + label.length * 6.6);
    x += 14;
    const swatch = `<rect x="${n(sx)}" y="${sy}" width="14" height="14"/>`;
    return `${patterned(ID, 'key', s, swatch, { x: Math.floor(sx), y: sy, width: 15, height: 14 })}<rect class="swatch" x="${n(sx)}" y="${sy}" width="14" height="14" fill="none"/><text x="${n(sx + 20)}" y="${sy + 11}">${plain(label)}</text>`;
  });
  if (uncovered) {
    const [kx, ky] = place(20 + UNCOVERED_KEY.length * 6.6);
    items.push(
      `<rect class="swatch" x="${n(kx)}" y="${ky}" width="14" height="14" fill="url(#${ID}-uncov)"/><text x="${n(kx + 20)}" y="${ky + 11}">${plain(UNCOVERED_KEY)}</text>`,
    );
  }
  return { svg: items.join(''), lines: items.length ? line + 1 : 0 };
}

/**
 * Runs of day numbers inside the axis that not every limiting channel's export covers, and the caption's words
 * for them ("the whatsapp export covers 15 February 2024 – 31 March 2024"); none when the report has no escalation section
 * or every limiting channel covers every day.
 */
function uncoveredDays(r: Report, axis: TimeAxis): { runs: { from: number; to: number }[]; words: string } {
  const limiting = (r.escalation?.coverage.channels ?? []).filter((c) => c.limits && c.spans.length > 0);
  const spans = limiting.map((c) => c.spans.map((s) => ({ from: dayNumber(s.from), to: dayNumber(s.to) })));
  const runs: { from: number; to: number }[] = [];
  for (let d = axis.start; d < axis.start + axis.days; d++) {
    if (spans.every((list) => list.some((s) => d >= s.from && d <= s.to))) continue;
    const last = runs[runs.length - 1];
    if (last && last.to === d - 1) last.to = d;
    else runs.push({ from: d, to: d });
  }
  const words = limiting
    .filter((_, k) => runs.some((run) => !spans[k]!.some((s) => s.from <= run.from && s.to >= run.to)))
    .map(
      (c) =>
        `the ${c.channel} ${c.files.length === 1 ? 'export covers' : 'exports cover'} ${c.spans.map((s) => longDateSpan(s.from, s.to)).join(' and ')}`,
    )
    .join('; ');
  return { runs, words };
}

/** The daily (or weekly) chart, or null when there are no incidents. */
export function dailyChart(r: Report): Figure | null {
  const i = r.incidents;
  if (i.total === 0 || i.daily.length === 0) return null;
  const data = bins(r);
  const weekly = data.length !== i.daily.length;
  const byChannel = data.every((b) => b.byChannel !== undefined);
  const styles = channelStyles(i.byChannel);
  const axis = new TimeAxis(i.daily[0]!.date, i.daily.length, LEFT, WIDTH - 12);
  const { top, ticks } = valueTicks(Math.max(...data.map((b) => b.count)));
  const y = (v: number) => BOTTOM - (v / top) * (BOTTOM - TOP);
  const unit = weekly ? 'week' : 'day';
  const uncovered = uncoveredDays(r, axis);
  const shade = uncovered.runs
    .map(
      (u) =>
        `<rect x="${n(axis.x(u.from))}" y="${TOP}" width="${n((u.to - u.from + 1) * axis.step)}" height="${BOTTOM - TOP}"><title>${plain(`not every export covers ${isoDate(u.from)}${u.to > u.from ? ` to ${isoDate(u.to)}` : ''}`)}</title></rect>`,
    )
    .join('');

  // Each channel's segments are collected and painted together (see `patterned`); a transparent rectangle per
  // bar carries its tooltip, and a white veil lightens partial weeks.
  const shapes = new Map<ChannelStyle | undefined, string[]>();
  const hits: string[] = [];
  for (const b of data) {
    if (b.count === 0) continue;
    const x0 = axis.x(dayNumber(b.date));
    const w = b.days * axis.step;
    const width = n(w > 3 ? w - 1 : w);
    const parts = byChannel
      ? styles.map((s) => ({ s, v: b.byChannel?.[s.channel] ?? 0 })).filter((p) => p.v > 0)
      : [{ s: undefined, v: b.count }];
    let acc = 0;
    for (const { s, v } of parts) {
      const y1 = y(acc + v);
      const rect = `<rect x="${n(x0)}" y="${n(y1)}" width="${width}" height="${n(y(acc) - y1)}"/>`;
      acc += v;
      shapes.set(s, [...(shapes.get(s) ?? []), rect]);
    }
    const detail = byChannel ? ` (${parts.map((p) => `${p.s!.channel} ${p.v}`).join(', ')})` : '';
    const when = weekly
      ? `week of ${b.date}${b.partial ? `, partial: ${plural(b.days, 'day')}` : ''}`
      : b.date;
    hits.push(
      `<rect class="${b.partial ? 'hit veil' : 'hit'}" x="${n(x0)}" y="${n(y(b.count))}" width="${width}" height="${n(BOTTOM - y(b.count))}"><title>${plain(`${when}: ${plural(b.count, 'incident')}${detail}`)}</title></rect>`,
    );
  }
  const box = { x: LEFT, y: TOP, width: WIDTH - 12 - LEFT, height: BOTTOM - TOP };
  const bars = [
    ...styles.map((s) => patterned(ID, 'bars', s, (shapes.get(s) ?? []).join(''), box)),
    shapes.has(undefined) ? `<g fill="#0072B2">${shapes.get(undefined)!.join('')}</g>` : '',
    hits.join(''),
  ].join('');

  const key = byChannel || shade ? legend(byChannel ? styles : [], shade !== '') : { svg: '', lines: 0 };
  // The plot moves down by whatever the legend needs beyond its first line, clear of the milestone keys above it
  // (their boxes start 20 px above the plot).
  const drop = Math.max(0, key.lines * LEGEND_LINE - 24);
  const plot = [
    shade ? `<g class="uncovered" fill="url(#${ID}-uncov)">${shade}</g>` : '',
    valueGrid(ticks, y, LEFT),
    axis.months(BOTTOM),
    bars,
    `<line class="base" x1="${LEFT}" x2="${WIDTH - 12}" y1="${BOTTOM}" y2="${BOTTOM}"/>`,
    milestoneRules(r, axis, TOP - 4, BOTTOM),
  ].join('');
  const body = [
    `<defs>${patternDefs(ID, styles)}${shade ? UNCOVERED_FILL : ''}</defs>`,
    key.svg ? `<g class="legend">${key.svg}</g>` : '',
    drop ? `<g transform="translate(0 ${drop})">${plot}</g>` : plot,
  ].join('');

  const first = i.daily[0]!.date;
  const last = i.daily[i.daily.length - 1]!.date;
  const caption = `Incidents per ${unit} from ${longDate(first)} to ${longDate(last)} (${plural(i.daily.length, 'day')})${byChannel ? ', stacked by channel; each channel has its own colour and pattern' : ''}. Contact on ${plural(i.daysWithContact, 'day')}; the busiest day was ${i.maxPerDay ? `${longDate(i.maxPerDay.date)} with ${plural(i.maxPerDay.count, 'incident')}` : '–'}.${weekly ? ' Lighter bars are partial weeks at the ends of the period.' : ''}${
    uncovered.runs.length
      ? ` Hatched days (${plural(
          uncovered.runs.reduce((k, u) => k + u.to - u.from + 1, 0),
          'day',
        )}) are not covered by every export (${uncovered.words}): fewer incidents there may only mean that an export ends, and the trend, change points and comparisons leave them out.`
      : ''
  }${milestoneNote(r, axis)}`;

  const cols = byChannel ? styles.map((s) => s.channel) : [];
  const rows = data.map((b) => [
    b.date + (b.partial ? ` (${plural(b.days, 'day')})` : ''),
    ...cols.map((c) => int(b.byChannel?.[c] ?? 0)),
    int(b.count),
  ]);
  return {
    id: ID,
    title: `Incidents per ${unit}${byChannel ? ', by channel' : ''}`,
    caption,
    svg: svg(ID, HEIGHT + drop, `Incidents per ${unit}`, caption, body),
    tableLabel: `Data: incidents per ${unit} (${plural(data.length, 'row')})`,
    table: table({
      caption: `Data of the incidents per ${unit}${byChannel ? ', by channel' : ''}`,
      columns: [
        { label: weekly ? 'Week starting' : 'Date' },
        ...cols.map((c) => ({ label: plain(c), num: true })),
        { label: 'Total', num: true },
      ],
      rows,
      rowHeaders: true,
      foot: ['Total', ...cols.map((c) => int(i.byChannel[c as Channel] ?? 0)), int(i.total)],
      cls: 'data',
    }),
  };
}
