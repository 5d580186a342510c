/**
 * A clock change of the original dates must not survive a date shift. A diary kept at 01:30 every night of 2023
 * in Europe/London has one entry the clocks skipped (26 March: flagged `dst-gap`, shown at 02:30) and one they
 * repeated (29 October: `dst-ambiguous`). The shifted copy kept both flags on the shifted days, ordinary Sundays in
 * May and December, and the skipped one at 02:30 among nights at 01:30: since clocks change only on a few known
 * days a year, either gave the secret shift away. The copy is now the case as if each time had been written that
 * many weeks later: every entry at 01:30 local, read by the timeline's rule on the shifted date, so the flags fall
 * on the clock-change days of the shifted year and nowhere else.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { anonymiseCommand } from '../../src/cli/commands/anonymise.js';
import { env, KEY_A, keyFile, londonTime, scratch } from './env.js';

const FIXTURE = 'fixtures/anonymise-clock-changes';
const DAY_MS = 86_400_000;

interface Row {
  utc: string;
  flags: string[];
}

async function rows(shiftDates: boolean): Promise<Row[]> {
  const tmp = scratch();
  const out = path.join(tmp, 'out');
  const flags = { keyFile: keyFile(tmp, KEY_A), out, quiet: true, shiftDates };
  expect(await anonymiseCommand([FIXTURE], flags as never, env)).toBe(0);
  return readFileSync(path.join(out, 'input-001.jsonl'), 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Row);
}

/** `YYYY-MM-DD HH:mm` in London of a UTC instant. */
const local = (ms: number): string => londonTime(ms).slice(0, 16);

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** How London's clocks treat 01:30 on `date`: skipped, repeated or neither (found from the zone, not assumed). */
function halfPastOne(date: string): 'gap' | 'overlap' | undefined {
  const wall = `${date} 01:30`;
  // 01:30 London time is 01:30 UTC (GMT) or 00:30 UTC (BST): whichever of them London shows as 01:30.
  const at = [0, 1].filter((h) => local(Date.parse(`${date}T01:30:00Z`) - h * 3_600_000) === wall);
  return at.length === 0 ? 'gap' : at.length === 2 ? 'overlap' : undefined;
}

describe('anonymise --shift-dates: clock changes of the original dates', () => {
  it('keeps the clock-change flags where the dates are kept', async () => {
    const copy = await rows(false);
    expect(copy).toHaveLength(365);
    const flagged = copy.filter((r) => r.flags.length > 0).map((r) => [local(Date.parse(r.utc)), r.flags]);
    expect(flagged).toEqual([
      ['2023-03-26 02:30', ['dst-gap']],
      ['2023-10-29 01:30', ['dst-ambiguous']],
    ]);
  });

  it('flags the clock changes of the shifted dates only, and shows every night at 01:30 as written', async () => {
    const copy = await rows(true);
    expect(copy).toHaveLength(365);
    const first = local(Date.parse(copy[0]!.utc));
    const days =
      (Date.parse(`${first.slice(0, 10)}T00:00:00Z`) - Date.parse('2023-01-01T00:00:00Z')) / DAY_MS;
    expect(days).not.toBe(0);
    expect(Math.abs(days % 7)).toBe(0);
    // Row k is the night of 2023-01-01 + k, moved by the shift; the original's clock-change days are not the copy's.
    expect(['2023-03-26', '2023-10-29'].map((d) => halfPastOne(addDays(d, days)))).toEqual([
      undefined,
      undefined,
    ]);
    const expected = copy.map((_, k) => {
      const date = addDays('2023-01-01', k + days);
      const change = halfPastOne(date);
      // A time the clocks skip is read with the offset before the change: shown an hour later, as in the original.
      const shown = `${date} ${change === 'gap' ? '02:30' : '01:30'}`;
      return [shown, change === 'gap' ? ['dst-gap'] : change === 'overlap' ? ['dst-ambiguous'] : []];
    });
    expect(copy.map((r) => [local(Date.parse(r.utc)), r.flags])).toEqual(expected);
    // A year of nights, shifted, still meets a clock change of each kind.
    const flags = new Set(copy.flatMap((r) => r.flags));
    expect([...flags].sort()).toEqual(['dst-ambiguous', 'dst-gap']);
  });
});
