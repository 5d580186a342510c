/**
 * Section 2, the charts: each a hand-drawn SVG with a heading, a visible caption that is also its text
 * alternative, and its data as a table in a `<details>` beside it. Charts whose data the report lacks are left
 * out rather than drawn empty.
 */
import type { Report } from '../../../model/index.js';
import { calendarChart } from '../charts/calendar.js';
import { cumulativeChart } from '../charts/cumulative.js';
import { dailyChart } from '../charts/daily.js';
import { hoursChart } from '../charts/hours.js';
import { identifiersChart } from '../charts/identifiers.js';
import type { Figure } from '../charts/svg.js';
import { text } from '../escape.js';
import type { HtmlContext, Section } from './section.js';

/** A chart with its heading, caption and data table. */
export function figureHtml(f: Figure, k: number): string {
  return `<section class="chart" id="${f.id}" aria-labelledby="${f.id}-h"><h3 id="${f.id}-h">Figure ${k}. ${text(f.title)}</h3><figure>${f.svg}<figcaption>${text(f.caption)}</figcaption></figure><details class="data-table"><summary>${text(f.tableLabel)}</summary><div class="scroll">${f.table}</div></details></section>`;
}

/** The charts section, or null when there is nothing to draw. */
export function chartsSection(r: Report, ctx: HtmlContext): Section | null {
  const figures = [
    dailyChart(r),
    calendarChart(r),
    hoursChart(r),
    identifiersChart(r),
    cumulativeChart(r),
  ].filter((f): f is Figure => f !== null);
  if (figures.length === 0) return null;
  const intro =
    '<p>Each chart is drawn from the figures of this report and has its data in a table under it. Channels are told apart by pattern as well as colour, so the charts can be read in black-and-white print.</p>';
  return {
    id: 'charts',
    title: 'Charts',
    body: intro + figures.map((f) => figureHtml(f, ctx.nextFigure())).join(''),
  };
}
