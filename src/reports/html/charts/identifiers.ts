/**
 * Identifier swimlanes: one lane per identifier attributed to the subject (and one for the diary entries that name
 * none, labelled so and not counted as an identifier), a bar from its first to its last use
 * (`report.identifiers` first/last, local time) on the same time axis as the daily chart, with its count and
 * channels written under the bar, and the milestones marked. Shows when numbers or accounts came into and went
 * out of use. Long identifiers are shortened in the chart only; the table beside it has them in full.
 */
import { isPlaceholderIdentifier } from '../../../model/format.js';
import type { Report } from '../../../model/index.js';
import { int, plural } from '../../format.js';
import { placeholderWords } from '../../tallies.js';
import { dayFraction, dayNumber, longDateSpan, timeFlagNote } from '../dates.js';
import { plain, text } from '../escape.js';
import { table } from '../table.js';
import { type Figure, milestoneNote, milestoneRules, n, svg, TimeAxis, WIDTH } from './svg.js';

const ID = 'fig-identifiers';
const LEFT = 210;
const TOP = 30;
const LANE = 38;
const LABEL_CHARS = 30;

function short(s: string): string {
  const chars = [...s];
  return chars.length <= LABEL_CHARS ? s : `${chars.slice(0, LABEL_CHARS - 1).join('')}…`;
}

/** The swimlane chart, or null when no identifier has a first and last use. */
export function identifiersChart(r: Report): Figure | null {
  const i = r.incidents;
  const lanes = r.identifiers
    .filter((row) => row.firstLocal && row.lastLocal)
    .sort((a, b) => (a.firstLocal! < b.firstLocal! ? -1 : a.firstLocal! > b.firstLocal! ? 1 : 0));
  if (lanes.length === 0 || i.daily.length === 0) return null;
  const axis = new TimeAxis(i.daily[0]!.date, i.daily.length, LEFT, WIDTH - 16);
  const bottom = TOP + lanes.length * LANE;
  // Three layers, so no milestone rule runs through the writing: the lanes (background, label, bar), then the
  // milestone rules above the lane backgrounds, then the note under each bar, drawn over the rules with a halo
  // of its lane's colour that breaks the dashed line where the note crosses it.
  const lanesLayer: string[] = [];
  const notesLayer: string[] = [];
  lanes.forEach((row, k) => {
    const y = TOP + k * LANE;
    const x1 = axis.x(dayNumber(row.firstLocal!), dayFraction(row.firstLocal!));
    const x2 = Math.max(x1 + 3, axis.x(dayNumber(row.lastLocal!), dayFraction(row.lastLocal!)));
    const note = `${plural(row.incidents, 'incident')} · ${row.channels.join(', ')} · ${longDateSpan(row.firstLocal!, row.lastLocal!)}`;
    const estimate = note.length * 6.2;
    const anchorEnd = x1 + estimate > WIDTH - 12;
    const shaded = k % 2 === 0;
    lanesLayer.push(
      `<g class="lane"><title>${plain(`${row.identifier}: ${note}`)}</title>`,
      shaded ? `<rect class="lane-bg" x="0" y="${n(y)}" width="${WIDTH}" height="${LANE}"/>` : '',
      `<text class="lane-label" x="${LEFT - 10}" y="${n(y + 16)}" text-anchor="end">${plain(short(row.identifier))}</text>`,
      `<text class="ax" x="${LEFT - 10}" y="${n(y + 30)}" text-anchor="end">${isPlaceholderIdentifier(row.identifier) ? 'no identifier named' : row.role === 'subject' ? 'attributed to the subject' : plain(row.role)}</text>`,
      `<rect class="span" x="${n(x1)}" y="${n(y + 7)}" width="${n(x2 - x1)}" height="12" rx="2"/>`,
      '</g>',
    );
    notesLayer.push(
      `<text class="ax lane-note${shaded ? ' on-shade' : ''}" x="${n(anchorEnd ? x2 : x1)}" y="${n(y + 31)}"${anchorEnd ? ' text-anchor="end"' : ''}>${plain(note)}</text>`,
    );
  });
  const parts = lanesLayer;
  parts.push(`<line class="base" x1="${LEFT}" x2="${WIDTH - 16}" y1="${bottom}" y2="${bottom}"/>`);
  parts.push(axis.months(bottom));
  parts.push(milestoneRules(r, axis, TOP - 4, bottom));
  parts.push(`<g class="lane-notes">${notesLayer.join('')}</g>`);

  // A placeholder row (diary entries that name no number or account) has a lane but is not an identifier.
  const ids = lanes.filter((row) => !isPlaceholderIdentifier(row.identifier));
  const others = lanes.filter((row) => isPlaceholderIdentifier(row.identifier)).map(placeholderWords);
  const caption = `${plural(ids.length, 'identifier')} attributed to the subject${others.map((o) => `, and ${o}`).join('')}, each drawn from its first to its last use (local time, ${r.case.timezone}) over the period of the report; under each bar its number of incidents and channels.${milestoneNote(r, axis)}`;
  return {
    id: ID,
    title: 'Identifiers used, first to last use',
    caption,
    svg: svg(ID, bottom + 24, 'Identifiers used over time', caption, parts.join('')),
    tableLabel: `Data: identifiers (${plural(r.identifiers.length, 'row')})`,
    table: table({
      caption: 'Data of the identifiers used: first and last use of each',
      columns: [
        { label: 'Identifier', cls: 'ident' },
        { label: 'Incidents', num: true },
        { label: 'First used' },
        { label: 'Last used' },
        { label: 'Channels' },
        { label: 'Names shown in the exports' },
      ],
      rows: r.identifiers.map((row) => [
        `<bdi>${text(row.identifier)}</bdi>`,
        int(row.incidents),
        row.firstLocal ? `${row.firstLocal}${timeFlagNote(row.firstTimeFlags)}` : '–',
        row.lastLocal ? `${row.lastLocal}${timeFlagNote(row.lastTimeFlags)}` : '–',
        text(row.channels.join(', ')),
        row.names.length ? row.names.map((x) => `<bdi>${text(x)}</bdi>`).join(', ') : '–',
      ]),
      rowHeaders: true,
      cls: 'data',
    }),
  };
}
