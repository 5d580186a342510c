/**
 * The S-DASH evidence sheet (domain.md §4.1): for each of the 11 stalking screening questions, the question's
 * sense quoted unchanged from the reference, and the computed facts an assessor can use, each linked to the
 * incidents it rests on. chronolog never answers or scores these questions; where nothing in the files can
 * speak to one, it says so.
 */
import type { Escalation, EventRef } from '../../model/escalation.js';
import { isPlaceholderIdentifier, plural, shownOf } from '../../model/format.js';
import type { TimelineEvent } from '../../model/index.js';
import { subjectIsEveryoneElse } from '../../model/subject.js';
import { CHANNELS } from '../../model/vocabulary.js';
import type { EventList } from '../../timeline/list.js';
import { refOf } from '../cite.js';
import { dateOf, isoWeekday } from '../stats/index.js';
import { type Ctx, lowerBound } from './context.js';
import { inSpans } from './window.js';
import { noted } from './wording.js';

/** Incidents linked per fact. */
const LINKS = 20;

/**
 * The questions' sense and the reference's "backed by computed facts?" column, verbatim from domain.md §4.1. The
 * sheet gives the column as the reference has it only where the files read are of the kind it rests on: see
 * `backedBy`.
 */
export const SDASH_QUESTIONS: readonly { number: number; question: string; backedByData: string }[] = [
  { number: 1, question: 'Is the victim very frightened?', backedByData: 'No (self-report)' },
  {
    number: 2,
    question: 'Harassment on previous occasions (of this or other victims)?',
    backedByData: 'Partly',
  },
  { number: 3, question: 'Destroyed or vandalised property?', backedByData: 'Diary only' },
  {
    number: 4,
    question: 'Visits the victim at work, home etc. more than 3 times a week?',
    backedByData: 'Yes (diary)',
  },
  { number: 5, question: 'Loitered around home, workplace etc.?', backedByData: 'Diary' },
  {
    number: 6,
    question: 'Threats of physical or sexual violence in current incidents?',
    backedByData: 'Partly',
  },
  { number: 7, question: 'Harassed any third party since the harassment began?', backedByData: 'Yes' },
  { number: 8, question: 'Acted violently towards people in current incidents?', backedByData: 'Diary' },
  {
    number: 9,
    question: 'Persuaded other people to help (wittingly or unwittingly)?',
    backedByData: 'Partly',
  },
  { number: 10, question: 'Abusing drugs/alcohol?', backedByData: 'No' },
  { number: 11, question: 'Violent in the past?', backedByData: 'No' },
];

type Fact = Escalation['sdash'][number]['facts'][number];

/** A fact citing its first LINKS incidents and counting the rest, or citing all LINKS + 1 (never LINKS and "1 more"). */
function fact(ctx: Ctx, text: string, events: EventList | readonly TimelineEvent[]): Fact {
  const shown = shownOf(events.length, LINKS);
  return {
    text,
    events: events.slice(0, shown).map((e) => refOf(ctx, e)),
    more: events.length - shown,
  };
}

const IN_PERSON = CHANNELS.indexOf('in-person');

/** The windowed incidents among incidents at the given indices (ascending). */
function windowedAt(ctx: Ctx, indices: readonly number[]): EventList {
  const from = ctx.windowStart;
  const to = from + ctx.windowed.length;
  const inside = new Set(indices.filter((k) => k >= from && k < to).map((k) => k - from));
  return inside.size === 0 ? ctx.windowed.slice(0, 0) : ctx.windowed.where((i) => inside.has(i));
}

/** The questions whose reference answer rests on a diary (hand-kept records): "Diary only", "Yes (diary)", "Diary". */
const DIARY_QUESTIONS: ReadonlySet<number> = new Set([3, 4, 5, 8]);

/**
 * What the sheet says to "can the files inform it?": the reference's answer, unless it rests on a diary and no
 * diary was read (and, for the visit questions, no in-person incident came from another source). "Yes (diary)"
 * above "Cannot be answered from these files" read as a contradiction for a WhatsApp chat alone.
 */
function backedBy(q: (typeof SDASH_QUESTIONS)[number], hasDiary: boolean, visits: number): string {
  if (!DIARY_QUESTIONS.has(q.number) || hasDiary) return q.backedByData;
  if ((q.number === 4 || q.number === 5) && visits > 0) return q.backedByData;
  return 'No (no diary among the files read)';
}

/**
 * The Q9 fact when no incident carries an identifier of its sender (a diary names the subject without a number or
 * account): says so, not "from 0 identifiers …: ." with an empty list.
 */
function noIdentifierText(identifiers: Escalation['identifiers']): string {
  const why: string[] = [];
  if (identifiers.some((r) => r.identifier === '(subject, as recorded)'))
    why.push('diary entries name the subject without one');
  if (identifiers.some((r) => r.identifier === '(unknown sender)')) why.push('other records name no sender');
  return `No incident in the window records a phone number, account or other identifier of its sender${why.length ? ` (${why.join('; ')})` : ''}, so these files cannot show which numbers or accounts were used.`;
}

/** The evidence sheet, from the analysis already made. */
export function sdashSheet(
  ctx: Ctx,
  parts: Pick<Escalation, 'content' | 'identifiers'>,
): Escalation['sdash'] {
  const inc = ctx.windowed;
  const hasDiary = ctx.handKept.some(Boolean);
  // The rarer kinds of incident are looked for only where they can be: most cases have none, and a million
  // incidents are not walked to find that out.
  const hand =
    [...ctx.columns.inputs].some((k) => ctx.handKept[k]) && inc.some((e) => ctx.handKept[e.input] === true);
  const none = inc.slice(0, 0);
  const visits =
    ctx.columns.perChannel[IN_PERSON]! > 0 ? inc.where((i) => ctx.channels[i] === IN_PERSON) : none;
  const effects = windowedAt(ctx, ctx.columns.withEffect);
  const proxied = windowedAt(ctx, ctx.columns.viaThirdParty);
  const byCategory = (id: string) => parts.content.categories.find((c) => c.id === id);
  const lexFact = (id: string, what: string): Fact | null => {
    const c = byCategory(id);
    if (!c) return null;
    return {
      text:
        parts.content.textsSearched === 0
          ? `No incident has text to search for the ${what} terms of the lexicon (the records hold none, or it was dropped).`
          : c.incidents === 0
            ? `No incident text matches the ${what} terms of the lexicon.`
            : `${plural(c.incidents, 'incident')} ${c.incidents === 1 ? 'has' : 'have'} text matching the ${what} terms of the lexicon (for a person to read in context; examples are linked).`,
      events: c.examples.map((x) => x.event),
      more: Math.max(0, c.incidents - c.examples.length),
    };
  };
  const items: Escalation['sdash'] = [];
  for (const q of SDASH_QUESTIONS) {
    const facts: Fact[] = [];
    let answerable = true;
    let note: string | null = null;
    switch (q.number) {
      case 1: {
        if (effects.length)
          facts.push(
            fact(
              ctx,
              `The victim recorded the effect on them in ${plural(effects.length, 'diary entry', 'diary entries')} (their own words).`,
              effects,
            ),
          );
        else answerable = false;
        note = 'Self-report: ask the victim. The files do not measure fear.';
        break;
      }
      case 2: {
        const { breaks: gaps, uncovered } = longBreaks(ctx, 14);
        // The earliest and latest in the files, not in the window: an incident before the window is exactly the
        // earlier harassment this question asks about, and "the latest" must not skip one after the window.
        const all = ctx.incidents;
        const first = all.length ? all.at(0) : undefined;
        const last = all.length ? all.at(all.length - 1) : undefined;
        if (first && last) {
          const [a, z] = [refOf(ctx, first), refOf(ctx, last)];
          const outside = all.length - inc.length;
          const window = `the window analysed runs from ${dateOf(ctx.window.from)} to ${dateOf(ctx.window.to)}${outside > 0 ? `, and ${plural(outside, 'incident')} ${outside === 1 ? 'falls' : 'fall'} outside it` : ''}`;
          facts.push(
            fact(
              ctx,
              `The earliest incident in these files is on ${noted(a.local, a)}; the latest on ${noted(z.local, z)}; ${window}.`,
              first === last ? [first] : [first, last],
            ),
          );
        }
        // Stretches without contact on days not every export covers are told apart: not breaks, but not hidden.
        const span = (g: Stretch) => `${g.from} to ${g.to} (${plural(g.days, 'day')})`;
        const one = uncovered.length === 1;
        const notCounted =
          uncovered.length > 0
            ? ` Not counted as ${one ? 'a break' : 'breaks'}, as not every export covers ${one ? 'its' : 'their'} days (the exports may simply not hold them): ${uncovered.map(span).join('; ')}.`
            : '';
        facts.push({
          text: gaps.length
            ? `Contact resumed after ${plural(gaps.length, 'break')} of 14 days or more: ${gaps.map(span).join('; ')}.${notCounted}`
            : `There is no break of 14 days or more between contact days in the window${uncovered.length > 0 ? ' on days every export covers' : ''}.${notCounted}`,
          events: gaps.map((g) => g.resumed),
          more: 0,
        });
        // The note must not presume the conduct the question asks about ("harassment of other victims").
        note = 'Conduct towards other people, or before the earliest record, is not in these files.';
        break;
      }
      case 3:
      case 8: {
        const f = lexFact(
          q.number === 3 ? 'property-damage' : 'violence',
          q.number === 3 ? 'damage-to-property' : 'physical-violence',
        );
        if (f && hand) facts.push(f);
        else answerable = false;
        note = hasDiary
          ? 'Only hand-kept records (a diary) can show this; the diary entries themselves are under questions 4, 5 and 7.'
          : 'Only a diary or police records can show this; no diary was given.';
        break;
      }
      case 4: {
        if (!visits.length) {
          answerable = false;
          note = 'No in-person incidents are recorded.';
          break;
        }
        const weeks = new Map<number, TimelineEvent[]>();
        for (const e of visits) {
          const d = ctx.zone.localDayNumber(e.ms);
          const monday = d - (isoWeekday(d) - 1);
          weeks.set(monday, [...(weeks.get(monday) ?? []), e]);
        }
        const busy = [...weeks].filter(([, list]) => list.length > 3);
        facts.push(
          fact(
            ctx,
            `${plural(visits.length, 'in-person incident')} in ${plural(weeks.size, 'ISO week')}; at most ${Math.max(...[...weeks.values()].map((l) => l.length))} in one week.`,
            visits,
          ),
        );
        facts.push(
          fact(
            ctx,
            busy.length
              ? `Weeks with more than 3 in-person incidents: ${busy.map(([d, l]) => `week of ${dateOf(d)} (${l.length})`).join('; ')}.`
              : 'No week has more than 3 in-person incidents.',
            busy.flatMap(([, l]) => l),
          ),
        );
        note = 'Where each visit happened is in the entry text (and Location column when kept).';
        break;
      }
      case 5: {
        if (!visits.length) {
          answerable = false;
          note = 'No in-person incidents are recorded.';
          break;
        }
        const places = new Map<string, number>();
        for (const e of visits) {
          const where = (e.details?.['location'] ?? '').trim();
          if (where) places.set(where, (places.get(where) ?? 0) + 1);
        }
        const placeText = places.size
          ? ` By recorded location: ${[...places]
              .sort((a, b) => b[1] - a[1])
              .map(([p, n]) => `${p} ${n}`)
              .join(', ')}.`
          : '';
        facts.push(
          fact(
            ctx,
            `${plural(visits.length, 'in-person incident')} (visits, following, waiting, driving past) recorded by hand.${placeText}`,
            visits,
          ),
        );
        note = 'Whether an incident is loitering is for the assessor to judge from the entry text.';
        break;
      }
      case 6: {
        for (const f of [
          lexFact('threats', 'threats-to-kill-or-harm'),
          lexFact('intimidation', 'intimidation-and-veiled-threat'),
          lexFact('sexual', 'sexual-content'),
        ])
          if (f) facts.push(f);
        note = 'Lexicon matches are flagged for human review, never interpreted.';
        break;
      }
      case 7: {
        facts.push(
          fact(
            ctx,
            proxied.length
              ? `${plural(proxied.length, 'incident')} recorded as contact through a third party.`
              : 'No incident is recorded as contact through a third party.',
            proxied,
          ),
        );
        const f = lexFact('third-parties', 'family, friends or workplace');
        if (f) facts.push(f);
        break;
      }
      case 9: {
        const ids = parts.identifiers.filter((r) => !isPlaceholderIdentifier(r.identifier));
        facts.push({
          text: ids.length
            ? `The incidents come from ${
                subjectIsEveryoneElse(ctx.case)
                  ? `${plural(ids.length, 'sender')} other than the victim, all counted because no subject was named`
                  : `${plural(ids.length, 'identifier')} attributed to the subject by the identifiers given for them (case file or --subject)`
              }: ${ids.map((r) => `${r.identifier} (${r.incidents})`).join(', ')}.`
            : noIdentifierText(parts.identifiers),
          events: ids.map((r) => r.first),
          more: 0,
        });
        note =
          'Whether other people helped, knowingly or not, is not in these files; proxy contacts are under question 7.';
        break;
      }
      default:
        answerable = false;
        note = 'Not in these files: external information.';
    }
    items.push({ ...q, backedByData: backedBy(q, hasDiary, visits.length), answerable, facts, note });
  }
  return items;
}

interface Stretch {
  readonly from: string;
  readonly to: string;
  readonly days: number;
}

interface Break extends Stretch {
  readonly resumed: EventRef;
}

/**
 * Breaks of at least `min` days without contact between two contact days, with the incident that resumed each.
 * A break counts only when every export that limits the fully covered days covers each of its days, as for the
 * longest gap (figures.ts): where one does not, its days "without contact" may be days that export does not hold
 * (one backup ending, the next starting), not a pause in the conduct. `uncovered`: the runs of `min` days or more
 * left out for that.
 */
function longBreaks(ctx: Ctx, min: number): { breaks: Break[]; uncovered: Stretch[] } {
  const breaks: Break[] = [];
  const uncovered: Stretch[] = [];
  const covers = (day: number) => ctx.limiting.every((ch) => inSpans(ch.spans, day));
  let lastContact = -1;
  for (let i = 0; i < ctx.counts.length; i++) {
    if (ctx.counts[i]! === 0) continue;
    if (lastContact >= 0 && i - lastContact - 1 >= min) {
      const day = ctx.window.from + i;
      let whole = true;
      for (let d = ctx.window.from + lastContact + 1; d < day && whole; d++) whole = covers(d);
      const stretch = {
        from: dateOf(ctx.window.from + lastContact + 1),
        to: dateOf(day - 1),
        days: i - lastContact - 1,
      };
      if (!whole) uncovered.push(stretch);
      else {
        const e = ctx.windowed.at(lowerBound(ctx.windowed, ctx.zone.startOfLocalDay(day)));
        breaks.push({ ...stretch, resumed: refOf(ctx, e) });
      }
    }
    lastContact = i;
  }
  return { breaks, uncovered };
}
