/**
 * Shared pieces of the escalation and S-DASH sections: incident references that link to the annex, the
 * before/after comparison block, and number wording. Numbers go through the contract's helpers (`sig2`,
 * `formatCi`, `formatRatio`, `formatP`, statistics reference §3) so the page shows exactly what the findings
 * sentences say.
 */

import { chanceWords, dayAmount, periodLength, underADay } from '../../../../model/escalation-words.js';
import { cap, formatP, formatRatio, formatRatioCi, sig2 } from '../../../../model/format.js';
import type { Comparison, EventRef, MilestoneAnalysis } from '../../../../model/index.js';
import { overdispersionWords } from '../../../comparison-words.js';
import { int } from '../../../format.js';
import { boundWords } from '../../../reader-words.js';
import { whyNot, withheldWords } from '../../../withheld.js';
import { longDateSpan, longDateTime, timeFlagNote } from '../../dates.js';
import { fileName, plainName, text } from '../../escape.js';
import { table } from '../../table.js';
import { type HtmlContext, rowId } from '../section.js';

/**
 * Exposure in days as the findings write it (`dayAmount`: 2.97, never "3.0" beside "only 2.97 days before"); a
 * side shorter than a day in hours and minutes ("2 hours"), as the findings give it, since "0.1" hides how short
 * it is.
 */
export function days(d: number): string {
  if (underADay(d)) return text(periodLength(d));
  return dayAmount(d);
}

/** A side's rate a day; none for a side shorter than a day (2 contacts in 2 hours are not "24 a day"). */
function perDay(p: Comparison['before']): string {
  return underADay(p.days) ? '– (under a day)' : text(sig2(p.ratePerDay));
}

/**
 * "20 May 2024, 21:28" linked to its annex row, then how to read that time when the record says (in the
 * chronology's words: "(time approximate)"), then channel and source: "(sms; F5 sms[696] (line 701))".
 *
 * A record with no row on the page (a message the victim sent, which is not an incident, or any record of a page
 * without the annex) is not linked, since a link that opens nothing reads as a missing row; its citation adds the
 * id the annex would have shown ("…; id 08e26b52feff5db3)"), made from the file's SHA-256 and the place in it, by
 * which the JSON report names the record too.
 */
export function ref(e: EventRef, ctx: HtmlContext): string {
  const when = text(longDateTime(e.local));
  const row = ctx.annexRows.has(e.id);
  const link = row ? `<a href="#${rowId(e.id)}">${when}</a>` : when;
  const note = timeFlagNote(e.timeFlags);
  const key = ctx.inputKeys.get(e.file);
  const file = key
    ? `<span title="${plainName(e.file, ctx.names)}">${key}</span>`
    : `<bdi>${fileName(e.file, ctx.names)}</bdi>`;
  const id = row ? '' : `; id ${text(e.id)}`;
  return `${link}${note} <span class="muted">(${text(e.channel)}; ${file} ${text(e.locator)}${id})</span>`;
}

/** A date range "8 January 2024 – 4 February 2024", one date for a range of one day, or "–". */
export function range(from: string | null, to: string | null): string {
  return from && to ? longDateSpan(from, to) : '–';
}

/**
 * What a rate ratio divides, named beside it: "after ÷ before" around a milestone or a request; "last ÷ first" for
 * the latest rate against the first, whose sides are not before and after anything. `none` says why the ratio has
 * no upper bound (no contacts on the dividing side).
 */
export interface RatioName {
  readonly of: string;
  readonly none: string;
}

const AFTER_BEFORE: RatioName = { of: 'after ÷ before', none: 'no contacts before' };

/**
 * "Rate ratio, after ÷ before, 4.7 (95% CI 3.3–6.8; exact conditional Poisson test, p < 0.001)", with the
 * overdispersion check; an infinite ratio with its lower bound and the test's p, as the other formats give it.
 */
function ratioText(c: Comparison, name: RatioName): string {
  if (c.status !== 'ok') return `No rate ratio is given: ${text(whyNot(c))}.`;
  const ratio =
    c.rateRatio === null
      ? `Rate ratio, ${text(name.of)}, not bounded above (${text(name.none)}): ${text(formatRatioCi(c.ci95))} (exact conditional Poisson test, ${text(formatP(c.p))})`
      : `Rate ratio, ${text(name.of)}, <strong>${text(formatRatio(c.rateRatio))}</strong> (${text(formatRatioCi(c.ci95))}; exact conditional Poisson test, ${text(formatP(c.p))})`;
  const parts = [`${ratio}.`];
  const od = overdispersionWords(c);
  if (od)
    parts.push(
      `Allowing for overdispersion${od.method ? ` (${text(od.method)})` : ''}: ${text(od.figures)}.`,
    );
  // As the findings and the other reports say it: an interval that includes 1 cannot tell the difference from chance.
  const chance = chanceWords(c);
  if (chance) parts.push(`${text(cap(chance))}.`);
  // The step adjusted for a linear trend is left to the JSON, as the methods every format shares say ("in the JSON
  // as a sensitivity check"): given here alone, the HTML showed a third rate ratio the other reports did not.
  return parts.join(' ');
}

type Side = Comparison['before'];

/**
 * A before/after table: each side's dates, days and contacts (the unit of count the escalation methods define,
 * and the word the findings and the other formats use there), then the columns `extra` adds (their labels and,
 * per side, their cells), and the sentence below the table. `about` names what the sides are of (plain text:
 * "the milestone “Arrest” on 15 March 2024"), so that a screen reader's list of tables tells the comparisons of
 * one page apart: without it every milestone's table was "Before compared with After". `inWindow`: the window leaves
 * incidents out, so the caption says the sides are within it (beside a count of the whole case above the table).
 */
function sidesTable(
  sides: readonly [string, Side][],
  about: string,
  extra: { columns: { label: string; num?: boolean }[]; cells: (p: Side, k: number) => string[] },
  below: string,
  inWindow = false,
): string {
  return `<div class="scroll">${table({
    caption: `${text(cap(about))}: ${sides.map(([label]) => label.toLowerCase()).join(' compared with ')}${inWindow ? ' within the window' : ''}, dates, days and contacts`,
    columns: [
      { label: 'Side' },
      { label: 'Dates' },
      // The caption is for a screen reader: the column heads say the counts are the window's for every reader.
      { label: inWindow ? 'Window days' : 'Days', num: true },
      { label: inWindow ? 'Contacts in the window' : 'Contacts', num: true },
      ...extra.columns,
    ],
    // A side with no day (a date outside the window) has nothing to count: "no window day", never "0 days, 0
    // contacts", which read as no contact before a date that 8 came before.
    rows: sides.map(([label, p], k) =>
      p.days === 0
        ? [label, 'no window day', '–', '–', ...extra.cells(p, k).map(() => '–')]
        : [label, text(range(p.from, p.to)), days(p.days), int(p.count), ...extra.cells(p, k)],
    ),
    rowHeaders: true,
    cls: 'data comparison',
  })}</div><p class="ratio">${below}</p>`;
}

/**
 * The before/after table of a milestone whose sides not every export covers: counts and days only (a rate there
 * would compare what was exported, not what happened), each side with the exports that miss its days, then why
 * no rate ratio is given.
 */
export function countsOnlyComparison(
  c: Pick<Comparison, 'before' | 'after' | 'reason'> & Pick<MilestoneAnalysis, 'notCovered'>,
  about: string,
  labels: [string, string] = ['Before', 'After'],
  inWindow = false,
): string {
  const sides = ['before', 'after'] as const;
  const missing = (side: 'before' | 'after') =>
    (c.notCovered ?? [])
      .filter((x) => x.side === side)
      .map((x) => text(x.text))
      .join('; ') || '–';
  return sidesTable(
    [
      [labels[0], c.before],
      [labels[1], c.after],
    ],
    about,
    { columns: [{ label: 'Not covered by' }], cells: (_, k) => [missing(sides[k]!)] },
    `Counts only, no rates and no rate ratio: ${text(c.reason ?? 'not every export covers these days')}.`,
    inWindow,
  );
}

/**
 * The before/after table of a comparison with its rate-ratio sentence below; `about` as for `sidesTable`, `name`
 * what the ratio divides.
 */
export function comparison(
  c: Comparison,
  about: string,
  labels: [string, string] = ['Before', 'After'],
  name: RatioName = AFTER_BEFORE,
  inWindow = false,
): string {
  return sidesTable(
    [
      [labels[0], c.before],
      [labels[1], c.after],
    ],
    about,
    {
      // What sets each side's far end, in words: `change-point`, `coverage` and `window` were the JSON's codes.
      columns: [{ label: 'Per day', num: true }, { label: 'Bounded by' }],
      cells: (p) => [perDay(p), p.boundedBy ? text(boundWords(p.boundedBy)) : '–'],
    },
    ratioText(c, name),
    inWindow,
  );
}

/** "whatsapp 61, sms 9" from channel counts. */
export function channelCounts(list: readonly { channel: string; count: number }[]): string {
  return list.map((c) => `${text(c.channel)} ${int(c.count)}`).join(', ') || '–';
}

/** A figure withheld or not computable, in words; empty when the figure is fine. */
export function withheld(f: { status: string; reason: string | null }): string {
  if (f.status === 'ok') return '';
  return `<p class="muted">${text(cap(withheldWords(f)))}.</p>`;
}
