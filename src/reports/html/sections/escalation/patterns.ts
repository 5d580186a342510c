/**
 * Escalation, part 3: month by month (rate, night-time share, gaps between episodes, channels first used), the
 * identifiers and when a new one began as an older one fell quiet (timing only, with the channels of both),
 * bursts, and the content lexicon's matches quoted with their source for a person to read in context.
 */

import { hoursApart, NO_SUBJECT_SWITCHES, wholeCaseDiffers } from '../../../../model/escalation-words.js';
import { busiestDays, cap, formatMonth, formatShare, sig2 } from '../../../../model/format.js';
import type { Escalation } from '../../../../model/index.js';
import { int, localSpan, plural } from '../../../format.js';
import { NO_TEXT_TO_SEARCH } from '../../../markdown-escalation.js';
import {
  burstinessWords,
  gapTrendWords,
  gapWords,
  monthNote,
  nightShareWords,
} from '../../../pattern-words.js';
import { longDate, longDateSpan, longDateTime } from '../../dates.js';
import { bdi, text, textLines } from '../../escape.js';
import { table } from '../../table.js';
import type { HtmlContext } from '../section.js';
import { channelCounts, ref } from './common.js';

export function monthly(e: Escalation): string {
  const night = new Map(e.night.byMonth.map((m) => [m.month, m]));
  const gaps = new Map(e.gaps.byMonth.map((m) => [m.month, m]));
  const channels = new Map(e.channelsOverTime.map((m) => [m.month, m]));
  const rows = e.monthly.map((m) => {
    const nm = night.get(m.month);
    const g = gaps.get(m.month);
    const c = channels.get(m.month);
    const notes = text(monthNote(m));
    return [
      text(formatMonth(m.month)),
      int(m.days),
      int(m.count),
      text(sig2(m.ratePerDay)),
      nm ? text(nightShareWords(nm)) : '–',
      g ? text(sig2(g.medianHours)) : '–',
      c
        ? channelCounts(c.byChannel) +
          (c.newChannels.length ? ` <span class="muted">(new: ${text(c.newChannels.join(', '))})</span>` : '')
        : '–',
      notes ? `<span class="muted">${notes}</span>` : '',
    ];
  });
  return `<div class="scroll">${table({
    caption: 'Contacts per month: days, contacts, rate, night-time share, gaps and channels',
    columns: [
      { label: 'Month' },
      { label: 'Days', num: true },
      { label: 'Contacts', num: true },
      { label: 'Per day', num: true },
      { label: `Night ${text(e.night.hours)}` },
      { label: 'Median gap, hours', num: true },
      { label: 'Channels' },
      { label: 'Note' },
    ],
    rows,
    rowHeaders: true,
    cls: 'data',
  })}</div><p class="muted">Night-time share over the window: ${text(formatShare(e.night.share))} (${int(e.night.count)} of ${plural(e.night.eligible, 'timed incident')}; 95% CI ${text(formatShare(e.night.ci95[0]))}–${text(formatShare(e.night.ci95[1]))}). ${text(cap(gapWords(e.gaps)))}. ${text(gapTrendWords(e.gaps.trend))}.</p>`;
}

export function identifiers(e: Escalation, ctx: HtmlContext): string {
  if (e.identifiers.length === 0) return '';
  // Counted over the window, as the rest of the analysis: where it leaves incidents out, said so, since the table of
  // identifiers used counts every incident of the case.
  const inWindow = wholeCaseDiffers(e) ? ' in the window' : '';
  const rows = e.identifiers.map((x) => {
    const q = x.appearedAfterQuiet;
    // Timing only, never "replaced": the older identifier's channels are named, as it may be on another channel.
    const older = q
      ? (q.channels ?? e.identifiers.find((y) => y.identifier === q.identifier)?.channels ?? [])
      : [];
    const note = q
      ? `First used ${text(hoursApart(q.hoursBetween))} after the last contact from <span class="ident">${bdi(q.identifier)}</span>${older.length ? ` (${text(older.join(', '))})` : ''} before then: ${ref(q.lastUseBefore, ctx)}. That identifier was ${q.usesAfter === 0 ? `not used again${inWindow}` : `used ${plural(q.usesAfter, 'more time')} afterwards${inWindow}, the last ${ref(q.lastUse, ctx)}`}.`
      : '';
    return [
      `<bdi class="ident">${text(x.identifier)}</bdi>`,
      int(x.incidents),
      text(x.channels.join(', ')),
      ref(x.first, ctx),
      ref(x.last, ctx),
      note,
    ];
  });
  return `<div class="scroll">${table({
    caption: `Identifiers over time${inWindow && e.window.from && e.window.to ? ` in the window (${text(longDateSpan(e.window.from, e.window.to))}; incidents outside it are not counted here)` : ''}: contacts, channels, first and last use`,
    columns: [
      { label: 'Identifier', cls: 'ident' },
      { label: `Contacts${inWindow}`, num: true },
      { label: 'Channels' },
      { label: `First use${inWindow}` },
      { label: `Last use${inWindow}` },
      { label: 'Began as another fell quiet' },
    ],
    rows,
    rowHeaders: true,
    cls: 'data',
  })}</div>${e.identifierSwitchesSought === false ? `<p class="muted">${text(NO_SUBJECT_SWITCHES)}</p>` : ''}`;
}

export function bursts(e: Escalation, ctx: HtmlContext): string {
  const b = e.bursts;
  const rows: [string, string][] = [];
  if (b.maxInOneHour)
    rows.push([
      'Most contacts within one hour',
      `${int(b.maxInOneHour.count)}, ${b.maxInOneHour.from === b.maxInOneHour.to ? 'at' : 'from'} ${localSpan(b.maxInOneHour.from, b.maxInOneHour.to, ' to ', (t) => text(longDateTime(t)))}; the first: ${ref(b.maxInOneHour.first, ctx)}`,
    ]);
  if (b.maxInOneDay)
    rows.push([
      'Most contacts on one day',
      `${int(b.maxInOneDay.count)}${b.maxInOneDay.ties ? ' each' : ''}, on ${text(busiestDays(b.maxInOneDay, longDate))}`,
    ]);
  rows.push(['Burstiness', text(cap(burstinessWords(b.burstiness)))]);
  return `<dl class="kv">${rows.map(([k, v]) => `<div><dt>${k}</dt><dd>${v}</dd></div>`).join('')}</dl>`;
}

export function content(e: Escalation, ctx: HtmlContext): string {
  const c = e.content;
  // Nothing to search (calls only, or anonymised with --drop-text): zero matches would be a false zero.
  if (c.textsSearched === 0) return `<p>${text(NO_TEXT_TO_SEARCH)}</p>`;
  const matched = c.categories.filter((k) => k.incidents > 0);
  const intro = `<p>Incident texts were searched for the terms of a lexicon (${c.lexiconSource === 'built-in' ? 'built-in' : 'built-in, with terms from the case file'}; ${text(c.normalisation)}). A match is not a finding: each example is quoted with its source for a person to read in context.</p>`;
  if (matched.length === 0) return `${intro}<p>No incident text matches the lexicon.</p>`;
  const rows = matched.map((k) => [
    text(k.label),
    int(k.incidents),
    k.first ? ref(k.first, ctx) : '–',
    `<ul class="quotes">${k.examples.map((x) => `<li><q dir="auto">${textLines(x.text)}</q> <span class="muted">(“${text(x.term)}”; ${ref(x.event, ctx)})</span></li>`).join('')}</ul>`,
  ]);
  return `${intro}<div class="scroll">${table({
    caption: 'Words in the messages: terms of the lexicon matched in incident texts',
    columns: [
      { label: 'Category' },
      { label: 'Incidents', num: true },
      { label: 'First' },
      { label: 'Examples' },
    ],
    rows,
    rowHeaders: true,
    cls: 'data',
  })}</div>`;
}
