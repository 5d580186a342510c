/**
 * Section 5, the chronology annex: every incident in time order, with its local date and time, channel, kind (for a
 * call, how it ended and how long it lasted: labels.ts), sender identifier (and the name the export shows), the
 * message text with its line breaks, the lexicon categories it matches, and where it is in which input file.
 * Shown only when the report carries `report.chronology`. A text filter, a channel filter and a lexicon category
 * filter (the inline script) narrow the rows on screen; the print stylesheet shows every row whatever the filter
 * state, and without the script the controls stay hidden and every row shows.
 *
 * Each row carries what the filters match exactly: its channel (`data-ch`), the ids of the lexicon categories its
 * text matches (`data-lex`, space-separated `token`s, so "Threats" never matches a row labelled "Intimidation and
 * veiled threats"), and `data-window="outside"` when it falls outside the escalation analysis's window, so the
 * filter can say how many of the rows it shows are the ones "Words in the messages" counts.
 */
import type { ChronologyRow, Report } from '../../../model/index.js';
import { isTimeFlag } from '../../../model/time-flags.js';
import { int, plural } from '../../format.js';
import {
  detailPairs,
  dstWrittenTimes,
  flagLabel,
  kindWithOutcome,
  lexiconLabels,
  lexiconNote,
  timeNotes,
} from '../../labels.js';
import { longDateSpan } from '../dates.js';
import { bdi, fileName, plain, plainName, text, token } from '../escape.js';
import type { HtmlContext, Section } from './section.js';

/** The analysis window as local dates (`YYYY-MM-DD`), when incidents fall outside it; null otherwise. */
type DayRange = { readonly from: string; readonly to: string } | null;

function analysisWindow(r: Report): DayRange {
  const w = r.escalation?.window;
  return w?.from && w.to && w.incidentsOutside > 0 ? { from: w.from, to: w.to } : null;
}

/**
 * Whether a row is outside the window, by the local date it shows: the analysis buckets incidents by the same local
 * calendar day (timeline/zone.ts), so the rows marked are the ones its `incidentsOutside` counts, and a reader can
 * check each against the dates of the window. A time the row cannot be read from is left unmarked.
 */
function outside(e: ChronologyRow, w: DayRange): boolean {
  if (!w) return false;
  const day = /^\d{4}-\d{2}-\d{2}/.exec(e.local)?.[0];
  return day !== undefined && (day < w.from || day > w.to);
}

function row(
  e: ChronologyRow,
  k: number,
  ctx: HtmlContext,
  written: ReadonlyMap<string, string>,
  labels: ReadonlyMap<string, string>,
  w: DayRange,
): string {
  const key = ctx.inputKeys.get(e.file);
  const source = key
    ? `<a href="#${key.toLowerCase()}" title="${plainName(e.file, ctx.names)}">${key}</a>`
    : `<bdi>${fileName(e.file, ctx.names)}</bdi>`;
  // Escaped all the same: an imported timeline is read back through its schema, but the page trusts no data.
  const kind = text(kindWithOutcome(e));
  const name =
    e.senderName && e.senderName !== e.sender ? `<span class="sub">${bdi(e.senderName)}</span>` : '';
  // Time flags in words; a dst-gap row also says the time as written, so it can be found in the export.
  const flagList = Array.isArray(e.flags) ? e.flags : [];
  const times = timeNotes({ ...e, flags: flagList }, written);
  const flags = [
    ...flagList.filter(isTimeFlag).map((f, j) => [f, times[j]!] as const),
    ...flagList.filter((f) => !isTimeFlag(f)).map((f) => [f, flagLabel(f)] as const),
  ]
    .map(([f, words]) => `<span class="flag" title="${plain(f)}">${text(words)}</span>`)
    .join(' ');
  // A diary row's location, witnesses and police reference, an e-mail's subject: evidence beside the text. Each
  // name in an element of its own (in italics), so a value written by the person reported (a subject reading
  // "hi; Witnesses: none") cannot pass for another detail, as it can in plain text.
  const details = detailPairs(e.details ?? null)
    .map(([k, v]) => `<span class="detail-name">${text(k)}:</span> <bdi>${text(v)}</bdi>`)
    .join('; ');
  // The lexicon categories the text matches: the incidents the section "Words in the messages" counts.
  const lexicon = lexiconNote(e, labels);
  // A space before each line under the text: the page shows none (each is a block), but the cell's text, which the
  // annex filter searches and a copy takes, keeps the message's last word apart from "Lexicon:" or a detail.
  const body =
    (e.text === null || e.text === '' ? '<span class="muted">(no text)</span>' : text(e.text)) +
    (details ? ` <span class="sub">${details}</span>` : '') +
    (lexicon ? ` <span class="sub lexicon">${text(lexicon)}</span>` : '');
  const ids = Array.isArray(e.lexicon) ? e.lexicon : [];
  const lex = ids.length ? ` data-lex="${ids.map(token).join(' ')}"` : '';
  const out = outside(e, w);
  const when = out ? `${text(e.local)} <span class="sub">outside the analysis window</span>` : text(e.local);
  return `<tr id="e-${token(e.id)}" data-ch="${token(e.channel)}"${lex}${out ? ' data-window="outside"' : ''}><td class="num">${k + 1}</td><td class="when">${when}</td><td>${text(e.channel)}</td><td>${kind}</td><td class="ident"><bdi>${text(e.sender)}</bdi>${name}</td><td class="msg" dir="auto">${body}${flags ? ` <span class="flags">${flags}</span>` : ''}</td><td class="src">${source} <span class="loc">${text(e.locator)}</span> <span class="eid">${text(e.id)}</span></td></tr>`;
}

/**
 * The category list: every category some row names, in the lexicon's order (the order of "Words in the messages"),
 * each by its label; a value is the category id as the rows' `data-lex` holds it. Empty when no row names one.
 */
function categoryControl(rows: readonly ChronologyRow[], labels: ReadonlyMap<string, string>): string {
  const named = new Set<string>();
  for (const e of rows) if (Array.isArray(e.lexicon)) for (const id of e.lexicon) named.add(id);
  if (named.size === 0) return '';
  // A row's id the report's categories do not list (a chronology read back from elsewhere) comes last, by its id.
  const ids = [
    ...[...labels.keys()].filter((id) => named.has(id)),
    ...[...named].filter((id) => !labels.has(id)),
  ];
  const options = ids
    .map((id) => `<option value="${token(id)}">${text(labels.get(id) ?? id)}</option>`)
    .join('');
  return `<span class="ctl"><label for="annex-lex">Lexicon category</label><select id="annex-lex"><option value="">All incidents</option>${options}</select></span>`;
}

/** The count as the page first shows it, before any filter: the script writes the same words. */
function initialCount(rows: readonly ChronologyRow[], outsideRows: number): string {
  const all = `Showing all ${plural(rows.length, 'incident')}`;
  return outsideRows === 0
    ? all
    : `${all}: ${int(rows.length - outsideRows)} in the analysis window and ${int(outsideRows)} outside it`;
}

function controls(
  rows: readonly ChronologyRow[],
  labels: ReadonlyMap<string, string>,
  outsideRows: number,
): string {
  const perChannel = new Map<string, number>();
  for (const e of rows) perChannel.set(e.channel, (perChannel.get(e.channel) ?? 0) + 1);
  const options = [...perChannel]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([c, count]) => `<option value="${token(c)}">${text(c)} (${int(count)})</option>`)
    .join('');
  return `<div class="filter" id="annex-filter" role="search" hidden><span class="ctl"><label for="annex-q">Search text</label><input type="search" id="annex-q" autocomplete="off" spellcheck="false"></span><span class="ctl"><label for="annex-ch">Channel</label><select id="annex-ch"><option value="">All channels</option>${options}</select></span>${categoryControl(rows, labels)}<p id="annex-count" aria-live="polite">${initialCount(rows, outsideRows)}</p></div>`;
}

/** Said only when a row names lexicon categories, so a chronology without any reads as before. */
function lexiconIntro(rows: readonly ChronologyRow[]): string {
  return rows.some((e) => Array.isArray(e.lexicon) && e.lexicon.length > 0)
    ? ' A text that matches terms of the content lexicon is followed by the categories it matches (“Lexicon: …”); those inside the analysis window are the incidents counted in “Words in the messages”.'
    : '';
}

/** Said only when some rows fall outside the analysis window, which their date cell then says. */
function windowIntro(w: DayRange, outsideRows: number): string {
  return w && outsideRows > 0
    ? ` The analysis window is ${text(longDateSpan(w.from, w.to))}: the ${plural(outsideRows, 'row')} outside it ${outsideRows === 1 ? 'is' : 'are'} marked “outside the analysis window” under ${outsideRows === 1 ? 'its' : 'their'} date and ${outsideRows === 1 ? 'is' : 'are'} not analysed in section “Change over time”.`
    : '';
}

export function chronologySection(r: Report, ctx: HtmlContext): Section | null {
  const rows = r.chronology;
  if (!Array.isArray(rows)) return null;
  const w = analysisWindow(r);
  const outsideRows = rows.filter((e) => outside(e, w)).length;
  const intro = `<p>Every incident attributed to the subject, in time order (${plural(rows.length, 'row')}). Times are local to ${text(r.case.timezone)}, shown to the precision the export gives. <em>Source</em> names the input file by its key in section “Evidence and method” (F1, F2, …) and the line or element inside it; the last item is the incident’s stable id, which the JSON and timeline outputs also use. Message text is reproduced as written; control characters and invisible characters such as zero-width spaces are shown as <span class="cc">&#60;U+…&#62;</span> markers.${lexiconIntro(rows)}${windowIntro(w, outsideRows)}</p>`;
  const head =
    '<thead><tr><th scope="col" class="num">#</th><th scope="col">Date and time</th><th scope="col">Channel</th><th scope="col">Kind</th><th scope="col">Sender</th><th scope="col">Text</th><th scope="col">Source</th></tr></thead>';
  const written = dstWrittenTimes(r.problems);
  const labels = lexiconLabels(r);
  const body = rows.map((e, k) => row(e, k, ctx, written, labels, w)).join('');
  return {
    id: 'chronology',
    title: 'Chronology of incidents',
    body: `${intro}${controls(rows, labels, outsideRows)}<div class="scroll"><table class="annex" id="annex-table"><caption class="vh">Chronology of incidents, one row each</caption>${head}<tbody>${body}</tbody></table></div>`,
  };
}
