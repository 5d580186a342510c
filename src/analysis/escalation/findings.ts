/**
 * Findings: short, neutral, plain-language sentences with the numbers (statistics.md §3). They say "rose" or
 * "fell" only where the 95% interval excludes no change (a rate ratio of 1), and otherwise give the two rates and say
 * the data cannot tell them apart from no change; they say "changed around", never "because"; they name the test
 * beside every p-value and how many contacts a comparison of few rests on; below the minimum data sizes they give
 * counts only and say why. Every number is written with the shared helpers of the model, so the sentences match the
 * tables of every report format.
 */

import { unscaledOnlyDates } from '../../model/change-points.js';
import type { Comparison, Escalation, MilestoneAnalysis } from '../../model/escalation.js';
import {
  apartWords,
  atRequestTimeWords,
  changesInsideSentences,
  clearlyOverdispersed,
  couldBeChance,
  countsOnly,
  gapDirection,
  gapTrendMeaning,
  hoursApart,
  milestoneStart,
  milestoneTimeNote,
  notCoveredWords,
  notExportedWords,
  overdispersedBeyondChance,
  periodLength,
  persistenceUndecided,
  phiAboveOne,
  sameOrNextDayWords,
  senSlopeWords,
  TREND_COULD_BE_CHANCE,
  trendCouldBeChance,
  trendEstimated,
  UNDECIDED_BY_DATES,
  undatedWords,
  victimNotIdentifiedWords,
  wholeCaseDiffers,
} from '../../model/escalation-words.js';
import {
  andList,
  busiestDays,
  formatCi,
  formatDate,
  formatDateRange,
  formatMonth,
  formatP,
  formatRatio,
  formatRatioCi,
  formatShare,
  fromTo,
  fromToDates,
  sig2,
  thousands,
} from '../../model/format.js';
import type { ResolvedCase } from '../../model/index.js';
import { subjectIsEveryoneElse } from '../../model/subject.js';
import { MAX_LISTED } from './cease.js';
import { MIN } from './context.js';
import {
  boundNote,
  cap,
  channelList,
  cite,
  comparisonStats,
  lower,
  perDay,
  plural,
  when,
  whenRef,
  whenRefInner,
} from './wording.js';

type Body = Omit<Escalation, 'findings' | 'methods'>;

function coverageSentence(b: Body): string | null {
  if (!b.rateFullyCovered || !b.window.from || !b.window.to) return null;
  const notes: string[] = [];
  for (const c of b.coverage.channels) {
    if (!c.limits || c.spans.length === 0) continue;
    const first = c.spans[0]!;
    const last = c.spans[c.spans.length - 1]!;
    if (first.from > b.window.from) notes.push(`${c.channel} records start on ${formatDate(first.from)}`);
    if (last.to < b.window.to) notes.push(`${c.channel} records end on ${formatDate(last.to)}`);
    for (let i = 1; i < c.spans.length; i++)
      notes.push(`${c.channel} records have a gap before ${formatDate(c.spans[i]!.from)}`);
  }
  const r = b.rateFullyCovered;
  return `Not every export covers the whole window (${notes.join('; ') || 'coverage differs by channel'}), so the trend, the change points and the comparisons below use the ${plural(r.days, 'day')} that every export covers, ${formatDateRange(r.from!, r.to!)}: ${plural(r.count, 'contact')}, ${perDay(r.perDay)} (${formatCi(r.ci95)}).`;
}

/** Whether the window has no day that every export (of a channel with at least 5% of the contacts) covers. */
function noFullCoverage(b: Body): boolean {
  return b.coverage.fullyCovered === null && b.coverage.channels.some((c) => c.limits);
}

/**
 * With no fully covered day, what each limiting export covers: the rate above counts what the exports hold, and
 * the tests that compare days are not made (a rise could be an export starting).
 */
function noCoverageSentence(b: Body): string | null {
  if (!noFullCoverage(b)) return null;
  const notes = b.coverage.channels
    .filter((c) => c.limits)
    .map(
      (c) =>
        `${c.channel} records cover ${c.spans.length ? c.spans.map((x) => formatDateRange(x.from, x.to)).join(' and ') : 'no day'}`,
    );
  return `No day of the window is covered by every export (${notes.join('; ')}), so no trend, change point or rate comparison is made: the counts above are what the exports hold, and a rate across days an export misses would compare what was exported, not what happened.`;
}

function milestoneSentences(b: Body): string[] {
  // The reasons read "the date is outside …"; the sentence names the milestone, so it says where the date falls.
  const where = (reason: string | null | undefined) =>
    reason?.startsWith('the date is ')
      ? `falls ${reason.slice('the date is '.length).replace(/; see.*$/, '')}`
      : `is not comparable${reason ? ` (${reason.replace(/; see.*$/, '')})` : ''}`;
  const out: string[] = [];
  for (const m of b.milestones) {
    // The label is the case file's own words, quoted as written: "the reported to police" or "the sam arrested"
    // came of putting "the" before a lower-cased label. A milestone given a time of day is named with it, since
    // two milestones can fall on one date ("the arrest on 10 March 2024 at 14:30").
    const name = `the milestone “${m.label}” on ${when(milestoneStart(m))}${milestoneTimeNote(m)}`;
    if (m.status === 'ok') {
      // "Rose" or "fell" only where the interval excludes 1: 1 contact before and 5 after "rose" with p = 0.22. Equal
      // rates are not "stayed the same" either: their interval includes halving and doubling alike (chanceWords).
      const dir = couldBeChance(m)
        ? 'was'
        : `${shownChangeWord(m.after.ratePerDay ?? 0, m.before.ratePerDay ?? 0)}:`;
      out.push(
        `After ${name} the rate ${dir} ${perDay(m.after.ratePerDay)} ${fromTo(m.after.from!, m.after.to!)}, against ${sig2(m.before.ratePerDay)} a day ${fromTo(m.before.from!, m.before.to!)} ${comparisonStats(m, fewContacts(m))}.${boundNote(m)}`,
      );
    } else if (m.status === 'below-minimum') {
      out.push(`After ${name} ${belowMinimumSides(b, m)}; no rate ratio is given: ${m.reason}.`);
    } else if (m.wholeWindow) {
      // Counts only, and which exports miss the days: a rate across them would compare what was exported.
      const uncovered = notCoveredWords(m);
      // A date outside the window has no window days on one side: that side is said as such, not "0 contacts in
      // 0 days".
      const side = (s: { count: number; days: number }, word: string) =>
        s.days > 0 ? `${plural(s.count, 'contact')} in ${periodLength(s.days)} ${word} it` : undefined;
      const { before, after } = m.wholeWindow;
      const counts = [side(before, 'before'), side(after, 'after')]
        .filter((x) => x !== undefined)
        .join(' and ');
      const none = before.days === 0 ? 'before' : after.days === 0 ? 'after' : undefined;
      out.push(
        `${cap(name)} ${where(m.reason)}${uncovered ? ` (${uncovered})` : ''}: over the whole window there were ${counts || 'no days to count'}${none && counts ? `, and no day of the window is ${none} it` : ''} (counts only).`,
      );
    }
    const a = m.incidentsAfter;
    // The counts from the milestone on are of every incident of the case: where the window leaves some out, said so,
    // with the count before it over the same span, as the first request's sentence gives them ("over the whole
    // window there were 114 contacts before it" beside "483 contacts followed" read as one span).
    const whole = wholeCaseDiffers(b);
    const span = whole ? ' in the whole case' : '';
    const before =
      whole && a.countBefore !== undefined
        ? ` ${a.countBefore === 0 ? 'None' : thousands(a.countBefore)} came before it.`
        : '';
    if (a.breachWindow) {
      out.push(
        a.count === 0
          ? `No contact is recorded from ${name} onwards${span}.${before}`
          : `From ${name} onwards there ${a.count === 1 ? 'is' : 'are'} ${plural(a.count, 'contact')}${span} (${channelList(a.byChannel)}), the first on ${whenRef(a.first!, cite(a.first!))} and the last on ${whenRef(a.last!, cite(a.last!))}; each is a possible breach for an officer to assess.${m.afterUncovered && m.afterUncovered.count > 0 ? ` ${m.afterUncovered.count} of them fall on ${formatDateRange(m.afterUncovered.from, m.afterUncovered.to)}, days not every export covers, and are left out of the rate comparison.` : ''}${outsideWindowNote(b, m)}${before}`,
      );
    } else if (a.count > 0) {
      out.push(
        `In all, ${plural(a.count, 'contact')} followed ${name}${span}, the last on ${whenRef(a.last!, cite(a.last!))}.${before}`,
      );
    } else if (before) out.push(`No contact followed ${name}${span}.${before}`);
    const undated = a.sameDayDateOnly ?? 0;
    if (undated > 0) {
      out.push(
        `${undated === 1 ? 'One incident' : `${plural(undated, 'incident')}`} recorded with a date but no time ${undated === 1 ? 'falls' : 'fall'} on ${formatDate(milestoneStart(m).slice(0, 10))}, the day of ${name}: ${undated === 1 ? 'it' : 'they'} may have been before or after it, and ${undated === 1 ? 'is' : 'are'} not counted after it.`,
      );
    }
  }
  return out;
}

type Side = Comparison['before'];

/**
 * The milestone next after (`dir` 1) or before (`dir` −1) `m` in time, at another instant: where a side that a
 * milestone bounds ends or starts.
 */
function neighbour(b: Body, m: MilestoneAnalysis, dir: 1 | -1): MilestoneAnalysis | undefined {
  let best: MilestoneAnalysis | undefined;
  for (const x of b.milestones) {
    const d = (x.startsAt < m.startsAt ? -1 : x.startsAt > m.startsAt ? 1 : 0) * dir;
    if (d <= 0) continue;
    if (!best || (dir === 1 ? x.startsAt < best.startsAt : x.startsAt > best.startsAt)) best = x;
  }
  return best;
}

/** A milestone with a time of day, or undefined: a side it bounds is named by that instant. */
function timed(m: MilestoneAnalysis | undefined): MilestoneAnalysis | undefined {
  return m !== undefined && m.date.length > 10 ? m : undefined;
}

/** "day of the window" or "day that every export covers", as what bounds a side. */
function dayKind(s: Side): string {
  return s.boundedBy === 'coverage' ? 'day that every export covers' : 'day of the window';
}

/**
 * The two sides of a milestone below the minimum sizes, counts first: a side shorter than a day is given in hours
 * with no rate a day (2 contacts in 2 hours are not "24 contacts a day"), and a side a timed milestone bounds is
 * named by it ("in the 2 hours up to the milestone “Arrest” on 15 March 2024 at 20:00").
 */
function belowMinimumSides(b: Body, m: MilestoneAnalysis): string {
  const { before, after } = m;
  const next = after.boundedBy === 'milestone' ? timed(neighbour(b, m, 1)) : undefined;
  const earlier = neighbour(b, m, -1);
  const prev = before.boundedBy === 'milestone' && (before.days < 1 || timed(earlier)) ? earlier : undefined;
  const cover = after.boundedBy === 'coverage' ? ' that every export covers' : '';
  let head: string;
  if (after.days === 0) head = `no ${dayKind(after)} is after it`;
  else {
    const end = next
      ? ` up to the milestone “${next.label}” on ${when(milestoneStart(next))}`
      : after.to
        ? ` to ${formatDate(after.to)}`
        : '';
    const period =
      after.days === 1 && after.to && !next
        ? `on ${formatDate(after.to)}`
        : `in the ${periodLength(after.days)}${end}`;
    const rate = after.days >= 1 ? ` (${perDay(after.ratePerDay)})` : '';
    head = `there ${after.count === 1 ? 'was' : 'were'} ${plural(after.count, 'contact')} ${period}${cover}${rate}`;
  }
  // No day before it: the comparison's reason says so.
  if (before.days === 0) return head;
  const where = prev
    ? `from the milestone “${prev.label}” on ${when(milestoneStart(prev))}`
    : before.from
      ? formatDateRange(before.from, before.to!)
      : '';
  const paren = [where, before.days >= 1 ? `${sig2(before.ratePerDay)} a day` : '']
    .filter(Boolean)
    .join(', ');
  const period = before.days === 1 && !prev ? 'on the day' : `in the ${periodLength(before.days)}`;
  return `${head}, against ${plural(before.count, 'contact')} ${period} before it${paren ? ` (${paren})` : ''}`;
}

/**
 * How many of the contacts from a milestone onwards fall outside the window (they are possible breaches, but in
 * no rate): the whole-window comparison counts those inside it.
 */
function outsideWindowNote(b: Body, m: MilestoneAnalysis): string {
  const inside = m.wholeWindow && m.wholeWindow.after.days > 0 ? m.wholeWindow.after.count : 0;
  const outside = m.incidentsAfter.count - inside;
  if (outside <= 0 || !b.window.from || !b.window.to) return '';
  return ` ${outside === m.incidentsAfter.count ? (outside === 1 ? 'It falls' : 'All of them fall') : `${outside} of them ${outside === 1 ? 'falls' : 'fall'}`} outside the window (${formatDateRange(b.window.from, b.window.to)}) and ${outside === 1 ? 'is' : 'are'} in none of its rates.`;
}

/** "12 January 2024, 13 January 2024 (twice) and 20 February 2024". */
function listDates(locals: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const l of locals) counts.set(l.slice(0, 10), (counts.get(l.slice(0, 10)) ?? 0) + 1);
  const parts = [...counts].map(
    ([d, n]) => `${formatDate(d)}${n === 2 ? ' (twice)' : n > 2 ? ` (${n} times)` : ''}`,
  );
  return andList(parts);
}

function ceaseSentences(b: Body, victim: string): string[] {
  const c = b.ceaseRequest;
  // No message could be told to be the victim's: say so, and how to name them, not nothing (which read as "no
  // request was made").
  const unidentified = victimNotIdentifiedWords(c);
  if (unidentified) return [`${cap(unidentified)}.`];
  if (!c.first) {
    return c.searched > 0
      ? [
          `None of the ${plural(c.searched, 'message')} the victim sent to the subject contains a request to stop (the phrases searched for are listed in the method section).`,
        ]
      : [];
  }
  const f = c.first;
  const others = c.requests.length - 1;
  // The JSON lists the first MAX_LISTED requests only: a full list is a lower bound, and its dates are summed up as
  // a range rather than a hundred dates.
  const full = c.requests.length >= MAX_LISTED;
  const later = c.requests.slice(1).map((r) => r.event.local);
  const more = full
    ? `; at least ${plural(others, 'later message')} also contain a request to stop, those ${others} ${fromTo(later[0]!.slice(0, 10), later.at(-1)!.slice(0, 10))} (the report lists the first ${MAX_LISTED} requests only)`
    : others > 0
      ? `; ${others === 1 ? 'one later message also contains' : `${plural(others, 'later message')} also contain`} a request to stop, on ${listDates(later)}`
      : '';
  const out = [
    `${victim} first asked for contact to stop on ${whenRef(f.event, `${f.event.channel}: “${f.text}”, ${cite(f.event)}`)}${more}.`,
  ];
  const a = c.afterFirst!;
  // The count after the first request is of every incident of the case; where the window leaves some out, it says
  // so and gives the count before the request over the same span, apart from the window's own two sides.
  const whole = wholeCaseDiffers(b);
  const before =
    whole && a.countBefore !== undefined
      ? `; ${a.countBefore === 0 ? 'none' : thousands(a.countBefore)} came before it`
      : '';
  const cmp = a.comparison;
  const rate =
    cmp.status === 'ok'
      ? ` The rate was ${perDay(cmp.after.ratePerDay)} ${fromTo(cmp.after.from!, cmp.after.to!)}, against ${sig2(cmp.before.ratePerDay)} a day ${fromTo(cmp.before.from!, cmp.before.to!)} ${comparisonStats(cmp, fewContacts(cmp))}.${boundNote(cmp)}`
      : ` ${ceaseSides(b, cmp)}; no rate ratio is given: ${cmp.reason}${notCoveredWords(cmp) ? ` (${notCoveredWords(cmp)})` : ''}.`;
  if (a.count > 0) {
    out.push(
      `After the first request there ${a.count === 1 ? 'was' : 'were'} ${plural(a.count, 'contact')}${whole ? ' in the whole case' : ''} (${channelList(a.byChannel)}), the last on ${whenRef(a.last!, cite(a.last!))}${before}.${rate}`,
    );
  } else
    out.push(`No contact is recorded after the first request${whole ? ' in the whole case' : ''}${before}.`);
  const same = atRequestTimeWords(c);
  if (same) out.push(`${same}.`);
  return out;
}

/**
 * The two sides of the first request's comparison when it gives no rate ratio, each with its days and dates, both
 * within the window: "Within the window (1 February to 30 April 2024), no day is before it, and 398 contacts fall in
 * the 90 days after it". A side may stop at a milestone or change point, so it is never "before it" for the whole case.
 */
function ceaseSides(b: Body, cmp: Comparison): string {
  const full = (s: Side) => s.from === b.window.from && s.to === b.window.to;
  const side = (s: Side, word: string) =>
    s.days > 0
      ? `${plural(s.count, 'contact')} ${s.count === 1 ? 'falls' : 'fall'} in the ${periodLength(s.days)} ${word} it${s.from && s.to && !full(s) ? ` (${formatDateRange(s.from, s.to)})` : ''}`
      : `no day is ${word} it`;
  const range = b.window.from && b.window.to ? ` (${formatDateRange(b.window.from, b.window.to)})` : '';
  return `Within the window${range}, ${side(cmp.before, 'before')}, and ${side(cmp.after, 'after')}`;
}

/**
 * The days a channel's first use is counted after: the window's days to the end of the first month with contact,
 * named as they are. "The first month" read as a month where it was 7 days (a window from 25 March): "the first 7
 * days of the window (25–31 March 2024)", and "the window's first month (March 2024)" only for a whole month.
 */
function firstPeriodWords(b: Body): string {
  const month = b.channelsOverTime[0]?.month;
  if (!month || !b.window.from || !b.window.to) return 'the first month';
  const [y, m] = month.split('-').map(Number) as [number, number];
  const monthEnd = `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
  const from = b.window.from.slice(0, 10);
  const to = monthEnd < b.window.to.slice(0, 10) ? monthEnd : b.window.to.slice(0, 10);
  if (from === `${month}-01` && to === monthEnd) return `the window's first month (${formatMonth(month)})`;
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
  return `the first ${plural(days, 'day')} of the window (${formatDateRange(from, to)})`;
}

function signSentences(b: Body): string[] {
  const out: string[] = [];
  // The older identifier's uses after are counted over the window (the identifiers are the window's): where it
  // leaves incidents out, said so ("was not used again" when it was used 19 times after the window's end).
  const inWindow = wholeCaseDiffers(b) ? ' in the window' : '';
  for (const r of b.identifiers) {
    const q = r.appearedAfterQuiet;
    if (!q) continue;
    // Facts about timing, with the channels of both: the two may be a phone number and an app account. The older
    // one's contact cited is its last before the new one's first use ("before then"), not its last: it may have been
    // used again after, which the sentence goes on to count.
    const older = q.channels ?? b.identifiers.find((x) => x.identifier === q.identifier)?.channels ?? [];
    out.push(
      `${r.identifier} (${andList(r.channels)}) was first used on ${whenRef(r.first, cite(r.first))}, ${hoursApart(q.hoursBetween)} after the last contact from ${q.identifier}${older.length ? ` (${andList(older)})` : ''} before then, on ${whenRef(q.lastUseBefore, cite(q.lastUseBefore))}; ${q.identifier} was ${q.usesAfter === 0 ? `not used again${inWindow}` : `used ${q.usesAfter === 1 ? 'once' : `${q.usesAfter} times`} after that${inWindow}, the last time on ${whenRef(q.lastUse, cite(q.lastUse))}`}.`,
    );
  }
  // A channel is "first used" in a later month only if its records could have shown it earlier: a diary, or an
  // export covering a window day before that month. One whose export starts that month (a phone backup whose
  // first record is in March) is only first seen there: earlier use cannot be told.
  const added: string[] = [];
  const unseen: string[] = [];
  for (const m of b.channelsOverTime.slice(1)) {
    for (const c of m.newChannels) {
      const cov = b.coverage.channels.find((x) => x.channel === c);
      const before = `${m.month}-01`;
      const couldShow =
        !cov || cov.handKept || cov.spans.some((s) => s.from < before && s.to >= (b.window.from ?? s.to));
      // A channel only a diary records has no export to have started: it is said to be the diary's.
      const diary = cov?.handKept ? '; in the diary only, which has no export period' : '';
      (couldShow ? added : unseen).push(`${c} (from ${formatMonth(m.month)}${diary})`);
    }
  }
  const first = firstPeriodWords(b);
  if (added.length) out.push(`Channels first used after ${first}: ${added.join(', ')}.`);
  if (unseen.length)
    out.push(
      `First seen after ${first}, but no export of ${unseen.length === 1 ? 'that channel' : 'those channels'} covers an earlier day of the window, so earlier use cannot be told from these files: ${unseen.join(', ')}.`,
    );
  const covered = <T extends { partialCoverage: boolean }>(rows: readonly T[], ok: (r: T) => boolean) =>
    rows.filter((r) => !r.partialCoverage && ok(r));
  const night = covered(b.night.byMonth, (m) => m.eligible >= 10);
  if (night.length >= 2) {
    const [x, y] = [night[0]!, night[night.length - 1]!];
    out.push(
      `The share of timed contacts between 00:00 and 05:59 was ${formatShare(x.share)} in ${formatMonth(x.month)} (${x.count} of ${x.eligible}) and ${formatShare(y.share)} in ${formatMonth(y.month)} (${y.count} of ${y.eligible}).`,
    );
  }
  const gaps = covered(b.gaps.byMonth, (m) => m.gaps >= 5);
  if (gaps.length >= 2) {
    const [x, y] = [gaps[0]!, gaps[gaps.length - 1]!];
    const t = b.gaps.trend;
    // What the test says in words, then the test in brackets at the end.
    const said =
      t.shrinking === null
        ? `the gaps show ${gapDirection(null)}`
        : `the gaps ${t.shrinking ? 'shrank' : 'lengthened'} over time${gapTrendMeaning(t.shrinking) ? `: ${gapTrendMeaning(t.shrinking)}` : ''}`;
    const test =
      t.status === 'ok'
        ? `; ${said} (Mann–Kendall test on the sequence of gaps: S = ${t.S}, ${formatP(t.p)})`
        : '';
    out.push(
      `The median gap between contact episodes was ${sig2(x.medianHours)} hours in ${formatMonth(x.month)} and ${sig2(y.medianHours)} hours in ${formatMonth(y.month)}${test}.`,
    );
  }
  const h = b.bursts.maxInOneHour;
  const d = b.bursts.maxInOneDay;
  if (h && d) {
    // The end is given with its date when the hour runs past midnight ("23:59 to 20 February 2024 at 00:00"), and
    // the first contact is cited with how to read its time: a wall-clock time in a clock change's gap is moved
    // forward, and can land in the same hour as the contacts after it.
    const end = h.to.slice(0, 10) === h.from.slice(0, 10) ? h.to.slice(11) : when(h.to);
    const first = h.first ? whenRef(h.first, cite(h.first)) : when(h.from);
    out.push(
      h.count === 1
        ? `No two timed contacts fall within one hour of each other; the most on one day: ${d.count} (${busiestDays(d, formatDate)}).`
        : `The most contacts within one hour: ${h.count}, from ${first} to ${end}; the most on one day: ${d.count} (${busiestDays(d, formatDate)}).`,
    );
  }
  return out;
}

function contentSentence(b: Body): string | null {
  const hits = b.content.categories.filter((c) => c.incidents > 0);
  if (!hits.length) return null;
  return `Incident texts match the lexicon for: ${hits.map((c) => `${lower(c.label)} (${c.incidents}, first on ${formatDate(c.first!.local)} [${cite(c.first!)}])`).join('; ')}. The examples are quoted with their source for a person to read in context; a match is not a finding.`;
}

/**
 * "based on 1 contact before and 5 after" when either side of a comparison has fewer than `MIN.eventStats` contacts
 * (a rate ratio of 5.0 from 1 and 5 contacts reads differently from one from 100 and 500); '' otherwise. The first
 * and last days of a range (`days`) are named as such, not as before and after.
 */
function fewContacts(c: Pick<Comparison, 'before' | 'after'>, days?: number): string {
  const { before, after } = c;
  if (Math.min(before.count, after.count) >= MIN.eventStats) return '';
  return days === undefined
    ? `based on ${plural(before.count, 'contact')} before and ${thousands(after.count)} after`
    : `based on ${plural(before.count, 'contact')} in the first ${plural(days, 'day')} and ${thousands(after.count)} in the last ${days}`;
}

/**
 * The dispersion sentence, when φ̂ > 1 widened the model intervals (the trend analysis's test). Only a φ̂ above 1
 * beyond chance (`overdispersedBeyondChance`: the Pearson χ² test, however close to 1 φ̂ is) is said to mean counts
 * that vary more than independent contacts would and exact intervals too narrow; one within chance is said to be so,
 * and one within chance that two significant digits give as 1.0 to be close to 1, each with how little it widened
 * them.
 */
function dispersionSentence(b: Body): string | null {
  const phi = b.dispersion.phi;
  if (!b.dispersion.overdispersed || phi === null) return null;
  const wider = Math.round((Math.sqrt(phi) - 1) * 100);
  // Plain words first; the statistic, its test and the method's name in brackets at the end, so an officer reads the
  // sentence without them and every number stays in it.
  const test = b.dispersion.pPearson != null ? `, Pearson χ² test ${formatP(b.dispersion.pPearson)}` : '';
  const method = 'quasi-Poisson: model intervals widened by √φ̂';
  if (overdispersedBeyondChance(b.dispersion))
    // The test is of the trend model's fit: a rate that changed in steps (at a warning) fails it as clustered
    // contacts do, so both are named, and the exact intervals "may be" too narrow, not "are".
    return `Daily counts vary more than a steady trend with independent contacts allows: contacts may come in clusters, or the rate may have changed in steps. The intervals of the trend and of the comparisons were widened to allow for this; the exact intervals of plain rates assume independent contacts and may be too narrow here (dispersion φ̂ = ${phiAboveOne(phi)}${test}; ${method}).`;
  const by = `${wider < 1 ? 'less than 1%' : `${wider}%`} wider`;
  if (clearlyOverdispersed(phi) && b.dispersion.pPearson != null)
    return `Daily counts vary a little more than independent contacts would, within what chance gives; the intervals of the trend and of the comparisons were widened all the same, which makes them ${by} (dispersion φ̂ = ${phiAboveOne(phi)}${test}; ${method}).`;
  return `Daily counts vary about as much as independent contacts would; the intervals of the trend and of the comparisons were widened all the same, which makes them ${by} (dispersion φ̂ = ${phiAboveOne(phi)}, close to 1; ${method}).`;
}

/** A change by a factor, as a percentage of the rate: 0.39 is "61%" (a fall), 1.4 "40%" (a rise), from the factor shown. */
export function percentChange(factor: number | null): string {
  const pct = Math.abs(Number(formatRatio(factor)) - 1) * 100;
  // A fall that rounds to 100% would read as contact having stopped, which a factor above 0 never says.
  if (pct < 100 && Math.round(pct) >= 100) return 'more than 99%';
  return `${pct >= 10 ? thousands(Math.round(pct)) : Number(pct.toPrecision(2))}%`;
}

/** Sen's slope as the object of "finds": "a change of 0.036 in contacts a day, per day (…)", "a slope of 0 …". */
function slopeFound(words: string | null): string {
  if (words === null) return 'no slope';
  return words.startsWith('a change of') ? words : `a slope of ${words}`;
}

function trendSentences(b: Body): string[] {
  const out: string[] = [];
  const p = b.trend.poisson;
  const mk = b.trend.mannKendall;
  const dispersion = dispersionSentence(b);
  if (dispersion) out.push(dispersion);
  if (p.status === 'ok') {
    const f = p.rateRatioPer30Days ?? 1;
    const steps =
      b.changePoints.length > 0
        ? ' This average also takes in the changes in steps above (a log-linear trend absorbs them).'
        : '';
    const [lo, hi] = p.ci95;
    // The SE is scaled by √max(1, φ̂): only φ̂ > 1 widens it, so the sentence says so only then; with φ̂ ≤ 1 the
    // interval is the plain Poisson one.
    const scaled = p.dispersion !== null && p.dispersion > 1;
    // The interval and p first, then the method's name: "SE scaled" is said in words.
    const method = `Poisson regression on time${scaled ? ', its standard error scaled for overdispersion' : ''}`;
    const stats = `${formatRatioCi(p.ci95)}, ${formatP(p.p)}`;
    // "Rose" or "fell" only where the interval excludes 1, with the factor as a percentage ("multiplied by 0.39"
    // is a fall of 61%, not of 39%). Otherwise the factor alone, and that the data cannot tell it from no change.
    const chance = trendCouldBeChance(p);
    const clear = f !== 1 && lo !== null && hi !== null && !chance;
    const dir = f > 1 ? 'rise' : 'fall';
    out.push(
      clear
        ? `Over the fully covered days the rate ${f > 1 ? 'rose' : 'fell'}: on average it was multiplied by ${formatRatio(f)} every 30 days, a ${dir} of ${percentChange(f)} per 30 days (${stats}; ${method}).${steps}`
        : `Over the fully covered days the rate was multiplied on average by ${formatRatio(f)} every 30 days (${stats}${chance ? `; ${TREND_COULD_BE_CHANCE}` : ''}; ${method}).${steps}`,
    );
  } else if (p.reason !== null) {
    // Withheld below the minimums, or not computable (a fit that does not converge): either way the findings say
    // that no trend is estimated and why, never nothing at all.
    out.push(`No trend is estimated: ${p.reason}.`);
  }
  // When the trend is withheld, Mann–Kendall and Sen's slope are no finding either (they stay in the JSON).
  if (mk.status === 'ok' && trendEstimated(b)) {
    // In plain words first, with the test's statistic and names in brackets at the end.
    out.push(
      `A second test, which assumes no particular shape of trend, finds ${slopeFound(senSlopeWords(mk))} (Mann–Kendall test on the ${mk.series} counts: S = ${mk.S}, ${formatP(mk.p)}; Sen's slope).`,
    );
  }
  return out;
}

/** All findings, in reading order. */
export function findings(b: Body, kase: ResolvedCase): string[] {
  const subject = kase.subject.name ?? 'the subject';
  const victim = kase.victim.name ?? 'The victim';
  const out: string[] = [];
  if (!b.window.from || !b.window.to) {
    const out = b.window.incidentsOutside;
    return [
      out > 0
        ? `No record falls inside the window, so there is nothing to analyse: ${out === 1 ? 'the 1 incident falls' : `all ${plural(out, 'incident')} fall`} outside it. Check the window's dates (--from, --to or "window" in the case file).`
        : 'No events were read, so there is nothing to analyse.',
    ];
  }
  const r = b.rate;
  // The zone is named once, here: every date and time in the findings is local to it.
  // Both ends said ("From 14 to 15 February 2024"), one day as such ("On 14 February 2024", not "From 14 February
  // 2024 (1 day"): "From 14–15 February 2024" read as a start with no end.
  const span = `${fromToDates(b.window.from, b.window.to)} (${b.window.days === 1 ? '' : `${plural(b.window.days, 'day')}; `}dates and times in ${kase.timezone})`;
  // With no subject named, every sender but the victim is counted: the sentence must not say "attributed to".
  const whom = subjectIsEveryoneElse(kase)
    ? 'from senders other than the victim (no subject was named, so all of them are counted)'
    : `attributed to ${subject}`;
  // Days no export covers: never "no contacts" there, and never in the rate (window.ts).
  const none = notExportedWords(b.coverage);
  const check =
    b.window.source === 'given'
      ? ` Check the window's dates (--from, --to or "window" in the case file) if this is not the period meant.`
      : '';
  const byHand = b.coverage.notExported?.reduce((n, x) => n + x.incidents, 0) ?? 0;
  const handWords = byHand
    ? ` ${plural(byHand, 'contact')} recorded by hand on those days ${byHand === 1 ? 'is' : 'are'} not in the rate.`
    : '';
  if (none && r.days === 0) {
    out.push(
      `${cap(none)}, so these files cannot show whether there were contacts ${whom} in the window (${b.window.days === 1 ? '1 day' : plural(b.window.days, 'day')}; dates and times in ${kase.timezone}), and no rate is given.${handWords}${check}`,
    );
  } else if (none) {
    out.push(
      `${span}: ${none}, so ${b.coverage.notExported!.length === 1 ? 'those days are' : 'those runs of days are'} not counted. On the ${plural(r.days, 'day')} an export covers (${formatDateRange(r.from!, r.to!)}) there ${r.count === 1 ? 'was' : 'were'} ${r.count === 0 ? 'no contacts' : plural(r.count, 'contact')} ${whom}, ${perDay(r.perDay)}${r.count === 0 ? '' : ' on average'} (${formatCi(r.ci95)})${r.count === 0 ? '' : `, with contact on ${r.days === 1 ? 'that day' : `${r.daysWithContact} of them`}`}.${handWords}`,
    );
  } else
    out.push(
      r.count === 0
        ? `${span} there were no contacts ${whom} (rate 0 a day, ${formatCi(r.ci95)}).`
        : `${span} there ${r.count === 1 ? 'was' : 'were'} ${plural(r.count, 'contact')} ${whom}, ${perDay(r.perDay)} on average (${formatCi(r.ci95)}), with contact on ${r.days === 1 ? 'that day' : `${r.daysWithContact} of the ${r.days} days`}.`,
    );
  const ps = b.persistence;
  if (ps.first && ps.last && ps.spanDays > 1) {
    // The time between the first and the last contact, which the two criteria are tested on (rates.ts), not the
    // calendar days they touch: 13 days and 2 hours touch 15 dates. A date-only record can leave a criterion open
    // (rates.ts): the time is then given as a range and the criterion said to be undecided, never left out as if it
    // were not met; with no time known to have passed, "on consecutive days", never "at least 0 minutes".
    const between = { ...ps, first: ps.first, last: ps.last };
    const noTime = undatedWords(between);
    const undated = noTime ? `; ${noTime}` : '';
    const apart = sameOrNextDayWords(between) ?? `${apartWords(between, persistenceUndecided(ps))} apart`;
    const roberts =
      'a threshold used in stalking research, at least 10 contacts over at least 4 weeks (Roberts 2005), which is not a legal test';
    const twoWeeks =
      ps.beyondTwoWeeksDecided === false
        ? `; whether the contact persisted beyond two weeks ${UNDECIDED_BY_DATES}`
        : ps.beyondTwoWeeks
          ? '; the contact persisted beyond two weeks'
          : '';
    const tenFour =
      ps.tenOverFourWeeksDecided === false
        ? `; whether the contacts meet ${roberts}, ${UNDECIDED_BY_DATES}`
        : ps.tenOverFourWeeks
          ? `, and the contacts meet ${roberts}`
          : '';
    out.push(
      `The first and last contacts are ${apart} (${whenRefInner(ps.first, cite(ps.first))} to ${whenRefInner(ps.last, cite(ps.last))}${undated}), with contact on ${plural(ps.daysWithContact, 'separate day')}${twoWeeks}${tenFour}.`,
    );
  }
  if (b.window.incidentsOutside > 0)
    out.push(
      `${plural(b.window.incidentsOutside, 'contact')} ${b.window.incidentsOutside === 1 ? 'falls' : 'fall'} outside the window and ${b.window.incidentsOutside === 1 ? 'is' : 'are'} not counted here.`,
    );
  if (r.count === 0) return out;
  const cov = coverageSentence(b) ?? noCoverageSentence(b);
  if (cov) out.push(cov);
  const h = b.headline.rateNowVsStart;
  if (countsOnly(h) && h.days > 0) {
    // As for a milestone (countsOnly): with no day that every export covers, the first and the last days are
    // covered by different exports, and a rate ratio would compare what was exported (rates.ts).
    out.push(
      `The first and the last ${plural(h.days, 'day')} of the window had ${h.before.count} and ${h.after.count} contacts (${formatDateRange(h.before.from!, h.before.to!)}; ${formatDateRange(h.after.from!, h.after.to!)}); no rate ratio is given, as no day is covered by every export.`,
    );
  } else if (h.status === 'ok') {
    out.push(
      `Latest rate against the first: ${perDay(h.after.ratePerDay)} in the last ${h.days} ${b.rateFullyCovered ? 'fully covered ' : ''}days (${formatDateRange(h.after.from!, h.after.to!)}), against ${sig2(h.before.ratePerDay)} a day in the first ${h.days} (${formatDateRange(h.before.from!, h.before.to!)}) ${comparisonStats(h, fewContacts(h, h.days))}.`,
      ...changesInsideSentences(b),
    );
  } else if (h.days > 0) {
    out.push(
      `The first and the last ${h.days === 1 ? 'day' : plural(h.days, 'day')} had ${h.before.count} and ${h.after.count} contacts; no rate ratio is given: ${h.reason}.`,
    );
  }
  if (b.changePointMethod.status === 'ok') {
    if (b.changePoints.length === 0)
      // What the search did not find, not a finding that nothing changed: a comparison beside it can still differ.
      out.push('The change-point search found no date where the daily rate clearly changed (PELT).');
    else {
      const parts = b.changePoints.map((c, i) => {
        const dir = changeWord(c.rateAfter, c.rateBefore);
        return i === 0
          ? `from around ${formatDate(c.date)} the rate ${dir} from ${sig2(c.rateBefore)} to ${perDay(c.rateAfter)}`
          : `from around ${formatDate(c.date)} it ${dir}${dir === changeWord(b.changePoints[i - 1]!.rateAfter, b.changePoints[i - 1]!.rateBefore) ? ' again' : ''}, to ${sig2(c.rateAfter)}`;
      });
      out.push(
        `${cap(parts.join('; '))} (PELT change points: the dates are estimates${b.changePointMethod.scaled ? ', penalty scaled for overdispersion' : ''}).`,
      );
    }
    const extra = unscaledOnlyDates(b);
    if (extra.length) {
      out.push(
        `Were the day-to-day variation not allowed for, the change-point method would also place ${extra.length === 1 ? 'a change' : 'changes'} around ${extra.map(formatDate).join(', ')}; allowing for it, ${extra.length === 1 ? 'that change does' : 'those changes do'} not stand out (PELT without the penalty scaled for overdispersion).`,
      );
    }
  }
  out.push(...milestoneSentences(b));
  out.push(...ceaseSentences(b, victim));
  out.push(...trendSentences(b));
  out.push(...signSentences(b));
  const content = contentSentence(b);
  if (content) out.push(content);
  const can = b.sdash.filter((q) => q.answerable).map((q) => q.number);
  const cannot = b.sdash.filter((q) => !q.answerable).map((q) => q.number);
  out.push(
    `The S-DASH evidence sheet lists facts bearing on question${can.length === 1 ? '' : 's'} ${can.join(', ')}; question${cannot.length === 1 ? '' : 's'} ${cannot.join(', ')} cannot be answered from these files. It is not a score.`,
  );
  return out;
}

/**
 * `changeWord` for two rates the sentence prints beside it: rates that print alike (2.6 against 2.6) are "about
 * the same", not "fell", whatever their further digits.
 */
function shownChangeWord(
  after: number,
  before: number,
): 'rose' | 'fell' | 'stayed the same' | 'was about the same' {
  const moved = changeWord(after, before);
  return moved !== 'stayed the same' && sig2(after) === sig2(before) ? 'was about the same' : moved;
}

/** How a rate moved from `before` to `after`, in the findings' words: equal rates did not rise or fall. */
function changeWord(after: number, before: number): 'rose' | 'fell' | 'stayed the same' {
  return after > before ? 'rose' : after < before ? 'fell' : 'stayed the same';
}
