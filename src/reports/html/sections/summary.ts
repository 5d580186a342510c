/**
 * Section 1, the summary page: the period, the figures that show a course of conduct (incidents, days with
 * contact, channels, identifiers, busiest day, longest run, night-time share), factual sentences, the milestones
 * and the accounting line. Every number is a field of the Report; nothing is calculated here beyond a share of
 * two report fields.
 */

import type { Comparison } from '../../../model/escalation.js';
import {
  chanceWords,
  changePointsInside,
  countsOnly,
  wholeCaseDiffers,
} from '../../../model/escalation-words.js';
import {
  andList,
  busiestDays,
  formatDate,
  formatDateRange,
  formatP,
  formatRatio,
  formatRatioCi,
  isPlaceholderIdentifier,
  sig2,
} from '../../../model/format.js';
import type { Report } from '../../../model/index.js';
import { overdispersionClause } from '../../comparison-words.js';
import { fileNamesOf } from '../../file-names.js';
import { accountingWords, int, pct, plural } from '../../format.js';
import {
  analysedMilestone,
  callPlaces,
  callTally,
  GAP_COVERED,
  gapNotCovered,
  identifierTally,
  milestoneWhen,
  NOT_A_FINDING,
  OUTCOME_NOT_RECORDED,
  placeholderClause,
  subjectAssumed,
  subjectNotFound,
  withheldSentence,
} from '../../tallies.js';
import { whyNot } from '../../withheld.js';
import { milestoneKey } from '../charts/svg.js';
import { longDate, longDateSpan, longDateTime, timeFlagNote } from '../dates.js';
import { bdi, fileName, fileNameLines, text } from '../escape.js';
import { table } from '../table.js';
import type { Section } from './section.js';

function figure(label: string, value: string, note = ''): string {
  return `<div class="fig"><dt>${label}</dt><dd><span class="big">${value}</span>${note ? `<span class="note">${note}</span>` : ''}</dd></div>`;
}

function counts(
  record: Partial<Record<string, number>>,
  names: Record<string, [string, string]> = {},
): string[] {
  return (Object.entries(record) as [string, number][])
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([k, v]) => {
      const [one, many] = names[k] ?? [k, k];
      return `${int(v)} ${text(v === 1 ? one : many)}`;
    });
}

/**
 * The longest gap between contact days. It counts only days every export covers: where that leaves out days
 * without contact, the note says so and how many, and a gap of none is "–", never "no day without contact".
 */
function gapFigure(r: Report): string {
  const g = r.incidents.longestGap;
  const left = gapNotCovered(r);
  const run = g.from ? `${g.days === 1 ? 'day' : 'days'}, ${longDateSpan(g.from, g.to!)}` : '';
  if (!left) return figure('Longest gap without contact', int(g.days), run || 'no day without contact');
  return figure(
    'Longest gap without contact',
    g.days === 0 ? '–' : int(g.days),
    `${g.days === 0 ? 'none' : `${run},`} ${GAP_COVERED}; ${left}`,
  );
}

const KIND_NAMES: Record<string, [string, string]> = {
  message: ['message', 'messages'],
  media: ['media message', 'media messages'],
  deleted: ['deleted message', 'deleted messages'],
  call: ['call', 'calls'],
  visit: ['visit', 'visits'],
  delivery: ['delivery', 'deliveries'],
  other: ['other contact', 'other contacts'],
};

/**
 * Factual sentences: the escalation analysis's findings when the report has them (they open with the period and
 * totals), otherwise sentences from the incident figures. The kinds of contact, the call outcomes and the calls with
 * no number shown are apart (`tallySentences`): in the list they made the HTML's findings 26 where the Markdown and
 * text reports count 23.
 */
function findings(r: Report): string[] {
  const i = r.incidents;
  const out: string[] = [];
  const days = i.daily.length;
  const escalation = r.escalation?.findings ?? [];
  // A finding or the withheld calls' sentence cites files by the ends of their paths: named as every place names them.
  const names = fileNamesOf(r);
  if (escalation.length === 0) {
    out.push(
      `${plural(i.total, 'incident')} on ${plural(i.daysWithContact, 'separate day')} between ${longDate(i.firstLocal!)} and ${longDate(i.lastLocal!)}, a period of ${plural(days, 'day')}; contact on ${pct(i.daysWithContact / days)} of those days.`,
    );
  } else {
    // A finding that quotes a message (the first request to stop) keeps its line breaks.
    out.push(...escalation.map((s) => fileNameLines(s, names)));
  }
  if (escalation.length === 0) out.push(...incidentSentences(r));
  return out;
}

/** The kinds of contact, calls by outcome and the calls with no number shown, as sentences. */
function tallySentences(r: Report): string[] {
  const i = r.incidents;
  const out: string[] = [];
  const names = fileNamesOf(r);
  const kinds = counts(i.byKind, KIND_NAMES);
  if (kinds.length) out.push(`By kind of contact: ${andList(kinds)}.`);
  const calls = callTally(i);
  if (calls) {
    // Every part adds up to the calls: a call whose record gives no outcome is counted as such.
    const outcomes = calls.outcomes.map(([k, v]) =>
      k === OUTCOME_NOT_RECORDED ? `${int(v)} with no outcome recorded` : `${int(v)} ${text(k)}`,
    );
    const where = callPlaces(calls);
    out.push(`Calls by outcome: ${andList(outcomes)}${where ? ` (${where})` : ''}.`);
  }
  const withheld = withheldSentence(r, longDateTime);
  if (withheld !== null) out.push(fileName(withheld, names));
  return out;
}

/** Without the escalation analysis: the identifiers by first use and the night-time share. */
function incidentSentences(r: Report): string[] {
  const i = r.incidents;
  const out: string[] = [];
  const ids = [...r.identifiers]
    .filter((x) => x.firstLocal && !isPlaceholderIdentifier(x.identifier))
    .sort((a, b) => (a.firstLocal! < b.firstLocal! ? -1 : 1))
    .map((x) => `${bdi(x.identifier)} from ${longDate(x.firstLocal!)} (${plural(x.incidents, 'incident')})`);
  const t = identifierTally(r);
  if (ids.length)
    out.push(
      `${plural(ids.length, 'identifier')} ${subjectAssumed(r) ? 'of senders other than the victim (no subject was named)' : 'attributed to the subject'}, by first use: ${andList(ids)}${text(placeholderClause(t))}.`,
    );
  else if (t.placeholders.length)
    out.push(`No identifier attributed to the subject${text(placeholderClause(t))}.`);
  if (i.night.eligible > 0)
    out.push(
      `${int(i.night.count)} of ${plural(i.night.eligible, 'incident')} with a time of day (${pct(i.night.share)}) were between 00:00 and 05:59.`,
    );

  return out;
}

/**
 * The rate ratio of the latest rate against the first as the text summary and the findings give it: with the exact
 * test's p, the interval allowing for overdispersion when the counts are overdispersed, and, when an interval
 * includes 1, that the difference could be chance. A bare "rate ratio 2.0 (95% CI 0.54–9.1)" on the summary page
 * read as a doubling where the text report gave p = 0.39 and the findings said it could be chance.
 */
function ratioWords(h: Comparison): string {
  if (h.status !== 'ok') return `no rate ratio: ${text(whyNot(h))}`;
  const ratio = h.rateRatio === null ? 'infinite' : formatRatio(h.rateRatio);
  const od = overdispersionClause(h);
  return text(
    `rate ratio ${ratio} (${formatRatioCi(h.ci95)}, exact test ${formatP(h.p)}${od})${chanceWords(h) ? `; ${chanceWords(h)}` : ''}`,
  );
}

/**
 * The estimated change points inside one of the two periods: the rate there is a mix of two rates, so the period's
 * rate is not the rate at its end (the demo case's last 28 days run at 6.7 a day, but the rate is estimated to have
 * fallen to 2.3 a day around 22 May, inside them).
 */
function changesInside(r: Report, p: Comparison['before'], which: string): string[] {
  if (!r.escalation) return [];
  return changePointsInside(r.escalation, p).map(
    (c) =>
      `the rate is estimated to have changed around ${formatDate(c.date)}, inside the ${which}, from about ${sig2(c.rateBefore)} to ${sig2(c.rateAfter)} a day (PELT change point)`,
  );
}

/** The rate over the last fully covered days against the first, when the escalation analysis gives it. */
function rateNow(r: Report): string {
  const h = r.escalation?.headline.rateNowVsStart;
  // A one-day range has no first and last days: "– → –" over "0 days" would read as missing data. The escalation
  // section says why they are not compared.
  if (!h || h.days === 0) return '';
  const period = h.days === 1 ? 'day' : plural(h.days, 'day');
  // Each number named by its period and dates, in the order the figure gives them (first → last). "Every export
  // covers" only where some days of the window are not (as the findings say "fully covered").
  const scope = !countsOnly(h) && r.escalation?.rateFullyCovered ? 'every export covers' : 'of the window';
  const dated = (p: Comparison['before']) =>
    p.from && p.to ? ` (${text(formatDateRange(p.from, p.to))})` : '';
  const sides = `first ${period} ${scope}${dated(h.before)} against the last ${period}${dated(h.after)}`;
  // No day every export covers: the first and last days are covered by different exports, so the figure is the
  // two counts, never two rates a day set side by side.
  if (countsOnly(h))
    return figure(
      `Contacts, first → last ${plural(h.days, 'day')}`,
      `${int(h.before.count)} → ${int(h.after.count)}`,
      `${sides}; counts only: ${text(whyNot(h))}`,
    );
  // A comparison withheld (too few days at each end) is no headline: the big type says it is withheld, and the two
  // rates stay in the note with why, as the Markdown gives them. "4.0 → 0" in large type read as a collapse.
  if (h.status !== 'ok')
    return figure(
      `Contacts a day, first → last ${plural(h.days, 'day')}`,
      'withheld',
      `${text(`${h.status === 'below-minimum' ? 'not compared' : 'not computable'}: ${whyNot(h)}.`)} ${sides.charAt(0).toUpperCase()}${sides.slice(1)}${text(`: ${sig2(h.before.ratePerDay)} a day in the first, ${sig2(h.after.ratePerDay)} in the last (${int(h.before.count)} and ${plural(h.after.count, 'contact')}).`)}`,
    );
  const inside = [
    ...changesInside(r, h.before, `first ${period}`),
    ...changesInside(r, h.after, `last ${period}`),
  ].map((s) => `; ${text(s)}`);
  return figure(
    `Contacts a day, first → last ${plural(h.days, 'day')}`,
    `${text(sig2(h.before.ratePerDay))} → ${text(sig2(h.after.ratePerDay))}`,
    `${sides}; ${ratioWords(h)}${inside.join('')}`,
  );
}

/** The kinds of contact and calls under their own heading, as the Markdown gives them apart from the findings. */
function tallyList(r: Report): string[] {
  const items = tallySentences(r);
  if (items.length === 0) return [];
  return [
    '<h3>Kinds of contact and calls</h3>',
    `<ul class="findings">${items.map((s) => `<li>${s}</li>`).join('')}</ul>`,
  ];
}

/** The accounting in one line. */
export function accountingLine(r: Report): string {
  return text(accountingWords(r.accounting));
}

export function summarySection(r: Report): Section {
  const i = r.incidents;
  const subject = r.case.subject.name ? `, ${bdi(r.case.subject.name)}` : '';
  // Without subject identifiers every sender but the victim was counted: the headline says so.
  const assumed = subjectAssumed(r);
  const now = rateNow(r);
  const who = assumed
    ? ' counted from every sender other than the victim, as no subject was named'
    : ` attributed to the subject${subject}`;
  const howToName = assumed
    ? ` To count only one person’s contact, name them as the subject (<code>--subject</code>${r.case.caseFile ? ' or the case file' : ''}).`
    : '';
  // Diary entries that name no number or account are not an identifier; the note says how many there are.
  const ids = identifierTally(r);
  const parts: string[] = [];
  const missed = subjectNotFound(r);
  if (i.total === 0 && missed) {
    parts.push(
      `<p class="lede">No incidents were found, but ${NOT_A_FINDING}: ${text(missed.why)}</p>`,
      ...(missed.hint ? [`<p>${text(missed.hint)}</p>`] : []),
    );
  } else if (i.total === 0) {
    parts.push(
      `<p class="lede">No incidents attributed to the subject${subject} were found in the files read.</p>`,
    );
  } else {
    parts.push(
      `<p class="lede"><strong>${plural(i.total, 'incident')}</strong>${who}, from ${longDateTime(i.firstLocal!)}${timeFlagNote(i.firstTimeFlags)} to ${longDateTime(i.lastLocal!)}${timeFlagNote(i.lastTimeFlags)} (${text(r.case.timezone)}).${howToName}</p>`,
      `<dl class="figures${now ? ' n9' : ''}">`,
      figure(
        'Incidents',
        int(i.total),
        `${assumed ? 'from every sender but the victim, ' : ''}over the ${plural(i.daily.length, 'day')} from first to last incident`,
      ),
      figure(
        'Days with contact',
        int(i.daysWithContact),
        `of ${int(i.daily.length)} (${pct(i.daysWithContact / i.daily.length)})`,
      ),
      figure('Channels', int(Object.keys(i.byChannel).length), counts(i.byChannel).join(' · ')),
      figure(
        'Identifiers',
        int(ids.count),
        `${subjectAssumed(r) ? 'of senders other than the victim (no subject named)' : 'attributed to the subject'}${text(placeholderClause(ids))}`,
      ),
      figure(
        'Busiest day',
        i.maxPerDay ? int(i.maxPerDay.count) : '–',
        i.maxPerDay
          ? `${i.maxPerDay.count === 1 ? 'incident' : 'incidents'}${i.maxPerDay.ties ? ' each' : ''} on ${busiestDays(i.maxPerDay, longDate)}`
          : '',
      ),
      figure(
        'Longest run of contact days',
        int(i.longestStreak.days),
        i.longestStreak.from
          ? `${i.longestStreak.days === 1 ? 'day' : 'days'}, ${longDateSpan(i.longestStreak.from, i.longestStreak.to!)}`
          : '',
      ),
      figure(
        'Night-time, 00:00–05:59',
        pct(i.night.share),
        `${int(i.night.count)} of ${plural(i.night.eligible, 'timed incident')}`,
      ),
      gapFigure(r),
      now,
      '</dl>',
      '<h3>Findings</h3>',
      `<ul class="findings">${findings(r)
        .map((s) => `<li>${s}</li>`)
        .join('')}</ul>`,
      ...tallyList(r),
    );
  }
  if (r.case.milestones.length) {
    // With the escalation analysis, each milestone also gets its count of incidents from then on.
    const after = (m: Report['case']['milestones'][number]) => analysedMilestone(r, m)?.incidentsAfter;
    const withCounts = r.escalation !== undefined;
    parts.push(
      '<h3>Milestones</h3>',
      `<div class="scroll">${table({
        caption: 'Milestones from the case file',
        columns: [
          { label: 'Key' },
          { label: 'Date' },
          { label: 'Milestone' },
          { label: 'Type' },
          // Every incident of the case from then on: where the window leaves some out, said so.
          ...(withCounts
            ? [
                {
                  label: `Incidents from then on${r.escalation && wholeCaseDiffers(r.escalation) ? ' (whole case)' : ''}`,
                  num: true,
                },
              ]
            : []),
        ],
        rows: r.case.milestones.map((m, k) => {
          const a = after(m);
          // When it starts in the case zone, written as the summary's other times ("10 March 2024, 14:30").
          const when = milestoneWhen(r, m);
          return [
            `<span class="key">${milestoneKey(k)}</span>`,
            `${text(longDateTime(when.local))}${timeFlagNote(when.flags)}`,
            bdi(m.label),
            m.type ? text(m.type) : '–',
            ...(withCounts
              ? [
                  a
                    ? // After an order: in the words the milestone's own paragraph and the Markdown report use.
                      `${int(a.count)}${a.breachWindow ? ' <span class="muted">(after the order: possible breaches, for an officer to assess)</span>' : ''}`
                    : '–',
                ]
              : []),
          ];
        }),
        cls: 'plain',
      })}</div>`,
    );
  }
  parts.push(`<p class="accounting"><strong>Accounting:</strong> ${accountingLine(r)}</p>`);
  return { id: 'summary', title: 'Summary', body: parts.join('') };
}
