/** `--milestone DATE=LABEL`: read, or refused in words that say what to write instead. */
import { UsageError } from '../model/errors.js';
import type { Milestone } from '../model/index.js';
import { quoted } from '../model/shell-quote.js';
import { dateProblem, readDate } from './date-advice.js';

/**
 * A `--milestone DATE=LABEL`. A date written otherwise is shown rewritten YYYY-MM-DD with the label as given when
 * there is only one way to read it; a missing label, or date and label the wrong way round, have their own words.
 */
export function parseMilestoneFlag(s: string): Milestone {
  const eq = s.indexOf('=');
  const date = (eq < 0 ? s : s.slice(0, eq)).trim();
  const label = eq < 0 ? '' : s.slice(eq + 1).trim();
  const reading = readDate(date, true);
  if (reading.kind === 'ok' && label !== '') return { date, label };
  const bad = (message: string, hint: string) =>
    new UsageError('USAGE_BAD_MILESTONE', `--milestone "${s}"${message}`, hint);
  const write = (d: string, l: string) => `--milestone ${quoted(`${d}=${l}`)}`;
  if (reading.kind !== 'ok' && label !== '' && readDate(label, true).kind === 'ok')
    throw bad(': the date comes first, then "=" and the label', `Write ${write(label, date)}.`);
  if (date === '' || (label === '' && eq < 0 && !/\d/.test(s))) {
    const given = eq < 0 ? date : label;
    throw bad(
      eq >= 0 ? ' has no date before "="' : given === '' ? ' is empty' : ' has no date',
      `Write the date year-month-day, "=" and what happened: ${write('YYYY-MM-DD', given || 'Police warning')}.`,
    );
  }
  const problem = reading.kind === 'ok' ? undefined : dateProblem(date, reading);
  const fixed = reading.kind === 'ok' ? date : (problem?.fix ?? 'YYYY-MM-DD');
  if (label === '') {
    throw bad(
      ` has no label: a label saying what happened is needed after the date and "="${problem ? `, and ${date} ${problem.words}` : ''}`,
      `Add "=" and what happened${problem && !problem.fix ? ', and write the date year-month-day' : ''}, e.g. ${write(fixed, 'Police warning')}.`,
    );
  }
  if (problem?.fix) throw bad(`: ${date} ${problem.words}`, `Write ${write(problem.fix, label)}.`);
  const timed = reading.kind === 'not-real' && /[T ]\d/.test(date);
  throw bad(
    `: ${date} ${problem!.words}`,
    reading.kind === 'other-form'
      ? `Write the date${reading.either ? ' meant' : ''} year-month-day: ${write('YYYY-MM-DD', label)}.`
      : `Write a real ${timed ? 'date and time' : 'date'}, year-month-day: ${write(timed ? 'YYYY-MM-DDTHH:MM+HH:MM' : 'YYYY-MM-DD', label)}.`,
  );
}
