/**
 * Escalation, part 2: contact before and after each milestone (the breach schedule for an order) and after the
 * first request to stop. Comparisons use the days every export covers; the counts "from then on" use every day.
 */

import {
  atRequestTimeWords,
  beforeCountWords,
  countsOnly,
  milestoneStart,
  victimNotIdentifiedWords,
  wholeCaseDiffers,
} from '../../../../model/escalation-words.js';
import { cap } from '../../../../model/format.js';
import type { Escalation, Report } from '../../../../model/index.js';
import { int, plural } from '../../../format.js';
import { milestoneIndex } from '../../../tallies.js';
import { milestoneKey } from '../../charts/svg.js';
import { longDateTime, timeFlagNote } from '../../dates.js';
import { bdi, text, textLines } from '../../escape.js';
import { table } from '../../table.js';
import type { HtmlContext } from '../section.js';
import { channelCounts, comparison, countsOnlyComparison, range, ref } from './common.js';

type AfterDate = Escalation['milestones'][number]['incidentsAfter'];

/**
 * The contacts from a date on, of every incident of the case. `whole`: the window leaves incidents out, so they are
 * said to be of the whole case, with the count before the date over the same span (the tables below are the window's).
 */
function after(a: AfterDate, ctx: HtmlContext, what: string, whole: boolean): string {
  const before = whole ? beforeCountWords(a) : undefined;
  const span = before ? ' in the whole case' : '';
  const also = before ? ` ${text(cap(before))}.` : '';
  if (a.count === 0) return `<p>No contacts ${what}${span}.${also}</p>`;
  // After an order each contact is a possible breach: labelled in the words the summary and the Markdown report
  // use, as a question for an officer, not as a finding of breach.
  const items = [
    `${a.breachWindow ? 'Contacts after the order (possible breaches, for an officer to assess): ' : ''}<strong>${plural(a.count, 'contact')}</strong> ${what}${span} (${channelCounts(a.byChannel)}).`,
  ];
  if (a.first) items.push(`First: ${ref(a.first, ctx)}.`);
  if (a.last) items.push(`Last: ${ref(a.last, ctx)}.`);
  if (also) items.push(also.trim());
  return `<p>${items.join(' ')}</p>`;
}

export function milestones(r: Report, e: Escalation, ctx: HtmlContext): string {
  if (e.milestones.length === 0) return '<p>The case file names no milestones.</p>';
  return e.milestones
    .map((m) => {
      const k = milestoneIndex(r, m);
      const key = k >= 0 ? `<span class="key">${milestoneKey(k)}</span> ` : '';
      // The case zone's date, and its time when the milestone has one, as the summary and the findings give it:
      // "2024-04-20T00:30+02:00" is 19 April in London, and two milestones can fall on one date.
      const when = longDateTime(milestoneStart(m));
      const about = `the milestone “${m.label}” on ${when}`;
      const parts = [
        `<h4>${key}${bdi(m.label)}, ${text(when)}${m.type ? ` <span class="muted">(${text(m.type)})</span>` : ''}</h4>`,
        `<p class="muted">The “after” side starts ${text(longDateTime(m.startsAtLocal))} local time${timeFlagNote(m.startsAtTimeFlags)}.</p>`,
        after(m.incidentsAfter, ctx, 'from then on', wholeCaseDiffers(e)),
        // Sides not every export covers are the whole-window sides: one table of counts, not two of rates.
        // Where the window leaves incidents out, the table's sides are said to be the window's, below a count of
        // the whole case.
        countsOnly(m)
          ? countsOnlyComparison(m, about, undefined, wholeCaseDiffers(e))
          : comparison(
              { ...m, before: m.before, after: m.after },
              about,
              undefined,
              undefined,
              wholeCaseDiffers(e),
            ),
      ];
      if (m.afterUncovered)
        parts.push(
          `<p>${plural(m.afterUncovered.count, 'contact')} ${m.afterUncovered.count === 1 ? 'falls' : 'fall'} on ${text(range(m.afterUncovered.from, m.afterUncovered.to))} (${plural(m.afterUncovered.days, 'day')}), when not every export covers the days; ${m.afterUncovered.count === 1 ? 'it is' : 'they are'} counted above but not in the rate comparison.</p>`,
        );
      if (m.wholeWindow && !countsOnly(m))
        parts.push(
          `<details class="data-table aside"><summary>Over the whole window (for comparison only)</summary>${comparison(m.wholeWindow, `${about}, over the whole window`)}</details>`,
        );
      return `<div class="block">${parts.join('')}</div>`;
    })
    .join('');
}

/** What the cease request's before/after table compares around. */
const FIRST_REQUEST = 'the first request to stop';

/**
 * Why a request's time is no link, where every other cited time opens its chronology row: a request is the
 * victim's own message, which the chronology (the subject's contacts) has no row for, and which no count includes.
 */
function sentBy(n: number): string {
  const what =
    n === 1
      ? 'The request is a message from the victim, not an incident: it is not counted among the contacts and has no row in section “Chronology of incidents”. It is cited'
      : 'Each request is a message from the victim, not an incident: none is counted among the contacts or has a row in section “Chronology of incidents”. Each is cited';
  return `<p class="muted">${what} by the key of its file in section “Evidence and method” (where the file’s SHA-256 is given), its place in the file and its id, by which the JSON report names it too.</p>`;
}

export function ceaseRequest(e: Escalation, ctx: HtmlContext): string {
  const c = e.ceaseRequest;
  const intro = `<p>Messages from the victim were searched for phrases asking for contact to stop (${plural(c.searched, 'message')} searched; ${c.phrasesSource === 'case-file' ? 'phrases from the case file' : 'built-in phrases'}).</p>`;
  // No message could be told to be the victim's: nothing was searched, which is not "no request" (with how to name them).
  const unidentified = victimNotIdentifiedWords(c);
  if (unidentified) return `${intro}<p>${text(cap(unidentified))}.</p>`;
  if (!c.first) return `${intro}<p>No such request was found.</p>`;
  const rows = c.requests.map((q) => [
    ref(q.event, ctx),
    `<q dir="auto">${textLines(q.text)}</q>`,
    text(q.phrase),
    q.recipient === 'subject-conversation' ? 'in a conversation with the subject' : 'conversation not named',
    int(q.incidentsAfter),
  ]);
  const atRequestTime = atRequestTimeWords(c);
  return [
    intro,
    `<div class="scroll">${table({
      caption: 'Each request to stop, its phrase and the contacts after it',
      columns: [
        { label: 'Sent' },
        { label: 'Message' },
        { label: 'Phrase' },
        { label: 'Where' },
        { label: 'Contacts after', num: true },
      ],
      rows,
      cls: 'data',
    })}</div>`,
    sentBy(c.requests.length),
    c.afterFirst ? after(c.afterFirst, ctx, 'after the first request', wholeCaseDiffers(e)) : '',
    atRequestTime ? `<p>${text(atRequestTime)}.</p>` : '',
    c.afterFirst
      ? countsOnly(c.afterFirst.comparison)
        ? countsOnlyComparison(c.afterFirst.comparison, FIRST_REQUEST, undefined, wholeCaseDiffers(e))
        : comparison(c.afterFirst.comparison, FIRST_REQUEST, undefined, undefined, wholeCaseDiffers(e))
      : '',
  ].join('');
}
