/**
 * Incidents per day stacked by channel, with the milestones marked. Periods longer than a year are drawn per ISO
 * week instead (bars of a day would be thinner than a pixel), each week's bar being the sum of its days from
 * `incidents.daily`; partial weeks are drawn lighter and named in the table. The days drawn are the report's period
 * (period-weeks.ts): the first to the last incident, widened to the escalation analysis's window when it reaches
 * further (a window set in the case file, or one that starts with the victim's own first message), so that every
 * day the analysis left out can be shown, and the weeks are those the text and Markdown reports count. Those days (outside the fully covered days, `escalation.daily[].covered`: coverage.ts) are shaded behind
 * the bars and named in the legend and the caption: a low bar there may only mean that an export ends.
 */

import { notExportedWords } from '../../../model/escalation-words.js';
import { busiestDays } from '../../../model/format.js';
import type { Channel, Report } from '../../../model/index.js';
import { int, plural } from '../../format.js';
import { periodDays, periodWeeks } from '../../period-weeks.js';
import { dayNumber, isoDate, longDate, longDateSpan } from '../dates.js';
import { plain } from '../escape.js';
import { type ChannelStyle, channelStyles, patternDefs, patterned } from '../palette.js';
import { table } from '../table.js';
import { type Hatching, hatching, runTitle } from './coverage.js';
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

/**
 * The bars: one a day over the axis (days without a row in `incidents.daily` are zero), or one an ISO week of the
 * report's period (`periodWeeks`, the weeks the text and Markdown reports count too).
 */
function bins(r: Report, axis: TimeAxis): Bin[] {
  const daily = periodDays(r);
  if (axis.days <= MAX_DAILY_BARS) {
    const rows = new Map(daily.map((d) => [d.date, d]));
    return Array.from({ length: axis.days }, (_, k) => {
      const date = isoDate(axis.start + k);
      const d = rows.get(date);
      return { date, days: 1, count: d?.count ?? 0, byChannel: d ? d.byChannel : {}, partial: false };
    });
  }
  let offset = 0;
  return periodWeeks(r).map((w) => {
    const slice = daily.slice(offset, offset + w.days);
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

/**
 * The days drawn: the report's period (`periodDays`: the first to the last incident, widened to the escalation
 * window where it reaches further), so that the hatched days are every day the analysis left out (coverage.ts),
 * none cut off at an edge.
 */
function axisOf(r: Report): TimeAxis {
  const days = periodDays(r);
  return new TimeAxis(days[0]!.date, days.length, LEFT, WIDTH - 12);
}

/** Text of the legend entry for the shaded days. */
const UNCOVERED_KEY = 'not every export covers these days';
/** The same when some of them every export covers, apart from the fully covered days (coverage.ts). */
const LEFT_OUT_KEY = 'outside the fully covered days';

/** The grey hatch of days not every export covers, as in the change-point chart (reads in black-and-white too). */
const UNCOVERED_FILL = `<pattern id="${ID}-uncov" width="6" height="6" patternUnits="userSpaceOnUse"><path d="M0 6L6 0" stroke="#9a9a9a" stroke-width="0.8"/></pattern>`;

/** Height of one legend line; the legend's first line is at y = 6. */
const LEGEND_LINE = 18;

/**
 * The legend: one swatch and label per channel, then the shading's key, wrapped onto as many lines as they need
 * within the chart's width (an entry past the right edge would be cut off by the SVG, and that channel would have
 * no key). `lines` says how many lines it took, so the plot can move down to make room.
 */
function legend(styles: readonly ChannelStyle[], shadeKey: string | null): { svg: string; lines: number } {
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
  if (shadeKey) {
    const [kx, ky] = place(20 + shadeKey.length * 6.6);
    items.push(
      `<rect class="swatch" x="${n(kx)}" y="${ky}" width="14" height="14" fill="url(#${ID}-uncov)"/><text x="${n(kx + 20)}" y="${ky + 11}">${plain(shadeKey)}</text>`,
    );
  }
  return { svg: items.join(''), lines: items.length ? line + 1 : 0 };
}

/**
 * The caption's sentence on the hatched days, naming the exports that miss them ("the whatsapp export covers
 * 15 February 2024 – 31 March 2024"); '' when none is hatched. Its count is `escalation.coverage.partialDays`.
 */
function hatchedWords(r: Report, h: Hatching): string {
  if (h.runs.length === 0) return '';
  const words = [
    ...h.missing.map(
      (c) =>
        `the ${c.channel} ${c.files.length === 1 ? 'export covers' : 'exports cover'} ${c.spans.map((s) => longDateSpan(s.from, s.to)).join(' and ')}`,
    ),
    notExportedWords(r.escalation!.coverage, longDateSpan),
  ]
    .filter((x) => x)
    .join('; ');
  if (h.apartDays === 0)
    return ` Hatched days (${plural(h.days, 'day')}) are not covered by every export (${words}): fewer incidents there may only mean that an export ends, and the trend, change points and comparisons leave them out.`;
  // Days every export covers apart from the longest run of them: left out too, but not "not covered". There is
  // then a fully covered run, and at least one day not every export covers between it and them.
  const full = r.escalation!.coverage.fullyCovered!;
  const uncovered = h.days - h.apartDays;
  return ` Hatched days (${plural(h.days, 'day')}) are left out of the trend, change points and comparisons, which use the longest run of days every export covers (${longDateSpan(full.from, full.to)}): ${plural(uncovered, 'day')} not covered by every export (${words}), where fewer incidents may only mean that an export ends, and ${plural(h.apartDays, 'day')} that every export covers but that are cut off from that run.`;
}

/** A sentence on incidents drawn outside the analysis window (a window set in the case file); '' when none. */
function outsideWords(r: Report): string {
  const w = r.escalation?.window;
  if (!w?.from || !w.to || w.incidentsOutside === 0) return '';
  return ` The analysis window is ${longDateSpan(w.from, w.to)}: ${plural(w.incidentsOutside, 'incident')} outside it ${w.incidentsOutside === 1 ? 'is' : 'are'} drawn but not analysed.`;
}

/** The daily (or weekly) chart, or null when there are no incidents. */
export function dailyChart(r: Report): Figure | null {
  const i = r.incidents;
  if (i.total === 0 || i.daily.length === 0) return null;
  const axis = axisOf(r);
  const data = bins(r, axis);
  const weekly = axis.days > MAX_DAILY_BARS;
  const byChannel = data.every((b) => b.byChannel !== undefined);
  const styles = channelStyles(i.byChannel);
  const { top, ticks } = valueTicks(Math.max(...data.map((b) => b.count)));
  const y = (v: number) => BOTTOM - (v / top) * (BOTTOM - TOP);
  const unit = weekly ? 'week' : 'day';
  const hatched = hatching(r.escalation);
  const shade = hatched.runs
    .map(
      (u) =>
        `<rect x="${n(axis.x(u.from))}" y="${TOP}" width="${n((u.to - u.from + 1) * axis.step)}" height="${BOTTOM - TOP}"><title>${plain(runTitle(u))}</title></rect>`,
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

  const shadeKey = shade === '' ? null : hatched.apartDays > 0 ? LEFT_OUT_KEY : UNCOVERED_KEY;
  const key = byChannel || shade ? legend(byChannel ? styles : [], shadeKey) : { svg: '', lines: 0 };
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

  const first = isoDate(axis.start);
  const last = isoDate(axis.start + axis.days - 1);
  const caption = `Incidents per ${unit} from ${longDate(first)} to ${longDate(last)} (${plural(axis.days, 'day')})${byChannel ? ', stacked by channel; each channel has its own colour and pattern' : ''}. Contact on ${plural(i.daysWithContact, 'day')}; ${i.maxPerDay ? (i.maxPerDay.ties ? `the busiest days, with ${plural(i.maxPerDay.count, 'incident')} each, were ${busiestDays(i.maxPerDay, longDate)}` : `the busiest day was ${longDate(i.maxPerDay.date)} with ${plural(i.maxPerDay.count, 'incident')}`) : 'the busiest day was –'}.${weekly ? ' Lighter bars are partial weeks at the ends of the period.' : ''}${hatchedWords(r, hatched)}${outsideWords(r)}${milestoneNote(r, axis)}`;

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
