/**
 * Shared pieces of the hand-written SVG charts: the figure frame (title, visible caption, data table), a
 * day-based time axis with month ticks, value ticks, and the milestone rules. All coordinates are rounded to
 * one decimal so the bytes are the same on every run and every machine.
 */
import type { Report } from '../../../model/index.js';
import { milestoneWhen } from '../../tallies.js';
import { dayFraction, dayNumber, isoDate, longDateTime, monthLabel } from '../dates.js';
import { plain } from '../escape.js';

export const WIDTH = 960;

/**
 * Widths allowed for a month label on a time axis (`.ax`, 10.5 px): its three-letter name and the year after it
 * (" 2025"), a little more than either takes in DejaVu Sans, the widest of the fonts the page names ("May" 21.7 px,
 * "Sep 2024" 49.7 px), so that labels estimated not to collide do not.
 */
const AXIS_MONTH_PX = 23;
const AXIS_YEAR_PX = 30;

/** A number as SVG coordinate text: at most one decimal, no "-0". */
export function n(v: number): string {
  const r = Math.round(v * 10) / 10;
  return String(r === 0 ? 0 : r);
}

export interface Figure {
  /** Stable element id, e.g. `fig-daily`. */
  readonly id: string;
  /** Plain text (escaped where it is placed). */
  readonly title: string;
  /** Plain text: one or two sentences saying what the chart shows, the caption and the SVG's description. */
  readonly caption: string;
  /** Markup. */
  readonly svg: string;
  /** Plain text: the summary line of the `<details>` holding the data table. */
  readonly tableLabel: string;
  /** Markup. */
  readonly table: string;
}

/**
 * The `<svg>` element with its accessible name and description. `body` is already escaped markup. Charts
 * narrower than the page (`width` < WIDTH) keep their natural size, times `scale`, instead of being stretched.
 */
export function svg(
  id: string,
  height: number,
  title: string,
  desc: string,
  body: string,
  width = WIDTH,
  scale = 1,
): string {
  const natural = width < WIDTH;
  const size = natural ? ` width="${n(width * scale)}" height="${n(height * scale)}"` : '';
  return `<svg class="chart-svg${natural ? ' natural' : ''}" viewBox="0 0 ${n(width)} ${n(height)}"${size} role="img" aria-labelledby="${id}-t ${id}-d" focusable="false"><title id="${id}-t">${plain(title)}</title><desc id="${id}-d">${plain(desc)}</desc>${body}</svg>`;
}

/** Ticks at 1, 2 or 5 × 10^k covering 0…max with about `target` steps. */
export function valueTicks(max: number, target = 4): { top: number; ticks: number[] } {
  if (max <= 0) return { top: 1, ticks: [0, 1] };
  const raw = max / target;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const unit = Math.max(1, step);
  const top = Math.ceil(max / unit) * unit;
  const ticks: number[] = [];
  for (let v = 0; v <= top; v += unit) ticks.push(v);
  return { top, ticks };
}

/** Maps local days to x over the plot area. */
export class TimeAxis {
  readonly start: number;
  readonly days: number;
  constructor(
    first: string,
    days: number,
    readonly left: number,
    readonly right: number,
  ) {
    this.start = dayNumber(first);
    this.days = Math.max(1, days);
  }

  get width(): number {
    return this.right - this.left;
  }

  /** x of the start of day `day` (a day number), plus a fraction of the day. */
  x(day: number, fraction = 0): number {
    return this.left + ((day - this.start + fraction) / this.days) * this.width;
  }

  /** Width of one day. */
  get step(): number {
    return this.width / this.days;
  }

  contains(day: number): boolean {
    return day >= this.start && day < this.start + this.days;
  }

  /**
   * Month tick marks and labels along a baseline at `y`; fewer labels for long periods. Each label is written to
   * the right of its tick and names its year when it is the first label or the year has changed since the last
   * one ("Nov", "Jan 2025"). A label that would run past the chart's right edge ends just inside it instead (over a
   * case that ends on 1 January, "Jan 2025" would otherwise be cut off by the SVG as "Ja"), and a label that would
   * overlap the one before is left out, its tick kept; of two that would overlap, the one naming a new year stays.
   */
  months(y: number, gridTop?: number): string {
    const firsts: number[] = [];
    for (let d = this.start; d < this.start + this.days; d++) {
      const iso = new Date(d * 86_400_000).toISOString();
      if (iso.slice(8, 10) === '01') firsts.push(d);
    }
    const every = [1, 2, 3, 6, 12].find((k) => firsts.length / k <= 14) ?? 12;
    const ticks: string[] = [];
    /** The days to label, each at the x its text starts from. */
    const wanted: { day: number; x: number }[] = [];
    // The first, partial month gets a label at the left edge when there is room before the first tick.
    const firstTick = firsts.length ? this.x(firsts[0]!) : this.right;
    if (every === 1 && firstTick - this.left > 56) wanted.push({ day: this.start, x: this.left + 2 });
    for (const d of firsts) {
      const month = Number(new Date(d * 86_400_000).toISOString().slice(5, 7));
      if ((month - 1) % every !== 0) continue;
      const x = n(this.x(d));
      if (gridTop !== undefined)
        ticks.push(`<line class="grid-v" x1="${x}" x2="${x}" y1="${n(gridTop)}" y2="${n(y)}"/>`);
      ticks.push(`<line class="tick" x1="${x}" x2="${x}" y1="${n(y)}" y2="${n(y + 4)}"/>`);
      wanted.push({ day: d, x: this.x(d) + 2 });
    }
    /** Where labels must end: inside the SVG, whose width is WIDTH for every chart with a time axis. */
    const limit = WIDTH - 4;
    const kept: { day: number; text: string; from: number; to: number; end: boolean }[] = [];
    for (const w of wanted) {
      const last = kept[kept.length - 1];
      const text = monthLabel(w.day, !last || isoDate(last.day).slice(0, 4) !== isoDate(w.day).slice(0, 4));
      const width = AXIS_MONTH_PX + (text.length > 3 ? AXIS_YEAR_PX : 0);
      const end = w.x + width > limit;
      const label = { day: w.day, text, from: end ? limit - width : w.x, to: end ? limit : w.x + width, end };
      if (last && label.from < last.to + 3) {
        // Two labels would overlap: the later one stays only when it names a year the earlier does not.
        if (!(text.length > 3 && last.text.length === 3)) continue;
        kept.pop();
      }
      kept.push(label);
    }
    const labels = kept.map(
      (l) =>
        `<text class="ax" x="${n(l.end ? limit : l.from)}" y="${n(y + 14)}"${l.end ? ' text-anchor="end"' : ''}>${l.text}</text>`,
    );
    return [...ticks, ...labels].join('');
  }
}

/** Letter of the n-th milestone (A, B, … Z, AA, …), the key used in every chart and in the summary. */
export function milestoneKey(i: number): string {
  return i < 26 ? String.fromCharCode(65 + i) : milestoneKey(Math.floor(i / 26) - 1) + milestoneKey(i % 26);
}

/**
 * Dashed vertical rules for the milestones inside the axis range, each with its letter in a box at the top, and
 * a `<title>` with the date and label.
 */
export function milestoneRules(r: Report, axis: TimeAxis, top: number, bottom: number): string {
  return r.case.milestones
    .map((m, i) => {
      // Drawn where the case zone's clock puts it, as the axis's days are the case zone's.
      const { local } = milestoneWhen(r, m);
      const day = dayNumber(local);
      if (Number.isNaN(day) || !axis.contains(day)) return '';
      const x = n(axis.x(day, dayFraction(local)));
      const key = milestoneKey(i);
      return `<g class="milestone"><title>${plain(`${key}: ${longDateTime(local)} ${m.label}`)}</title><line x1="${x}" x2="${x}" y1="${n(top)}" y2="${n(bottom)}"/><rect x="${n(Number(x) - 7)}" y="${n(top - 16)}" width="14" height="14" rx="2"/><text x="${x}" y="${n(top - 5)}" text-anchor="middle">${key}</text></g>`;
    })
    .join('');
}

/** Caption text naming the milestones a chart marks (and the ones outside its range). */
export function milestoneNote(r: Report, axis: TimeAxis): string {
  if (r.case.milestones.length === 0) return '';
  const parts = r.case.milestones.map((m, i) => {
    const { local } = milestoneWhen(r, m);
    const outside = !axis.contains(dayNumber(local));
    return `${milestoneKey(i)} ${longDateTime(local)} ${m.label}${outside ? ' (outside the period shown)' : ''}`;
  });
  return ` Dashed lines mark the milestones: ${parts.join('; ')}.`;
}

/** The horizontal value grid with labels at the left. */
export function valueGrid(ticks: readonly number[], y: (v: number) => number, left: number): string {
  return ticks
    .map(
      (v) =>
        `<line class="grid" x1="${n(left)}" x2="${WIDTH - 12}" y1="${n(y(v))}" y2="${n(y(v))}"/><text class="ax" x="${n(left - 6)}" y="${n(y(v) + 4)}" text-anchor="end">${v}</text>`,
    )
    .join('');
}
