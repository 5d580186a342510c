/**
 * A milestone written with an offset names an instant. The shifted copy moved its date and kept its offset, so an
 * order served at `2024-06-01T14:30+01:00` became `…T14:30+01:00` on a winter date: 13:30 local, an hour earlier
 * against the diary entries (shifted by local time), which moved the texts of 13:30 to 14:30 to the other side of
 * it, and a summer offset on a winter date told in which half of the year the original was. The copy now moves it
 * by local wall-clock time like the records and writes the offset in force on the shifted date (`Z` stays `Z`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { anonymiseCommand } from '../../src/cli/commands/anonymise.js';
import { reportCommand } from '../../src/cli/commands/report.js';
import type { Report } from '../../src/model/index.js';
import { env, KEY_A, keyFile, londonTime, NOW, scratch } from './env.js';

const FIXTURE = 'fixtures/anonymise-milestone-offsets';
const DAY_MS = 86_400_000;

/** `YYYY-MM-DD HH:mm:ss` in London of a UTC instant. */
const local = londonTime;

/** London's offset at `ms`, written `+01:00`. */
function offset(ms: number): string {
  const minutes = (Date.parse(`${local(ms).replace(' ', 'T')}Z`) - Math.floor(ms / 1000) * 1000) / 60_000;
  return `${minutes < 0 ? '-' : '+'}${String(Math.abs(minutes) / 60).padStart(2, '0')}:00`;
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

async function jsonReport(input: string, out: string): Promise<Report> {
  await reportCommand([input], { format: 'json', out, now: NOW, quiet: true } as never, env);
  return JSON.parse(readFileSync(out, 'utf8')) as Report;
}

/** Each milestone's date, start in local time and the incidents at or after it. */
const sides = (r: Report, days: number) =>
  r.escalation!.milestones.map((m) => ({
    startsAtLocal: `${addDays(m.startsAtLocal!.slice(0, 10), -days)}${m.startsAtLocal!.slice(10)}`,
    after: m.incidentsAfter!.count,
    first: m.incidentsAfter!.first && local(Date.parse(m.incidentsAfter!.first.utc)).slice(11),
  }));

describe('anonymise --shift-dates: milestones written with an offset', () => {
  const tmp = scratch();
  const key = keyFile(tmp, KEY_A);

  it('moves them by local time, with the offset of the shifted date, and keeps each side of them', async () => {
    const original = await jsonReport(FIXTURE, path.join(tmp, 'original.json'));
    expect(sides(original, 0)).toEqual([
      { startsAtLocal: '2024-06-01 14:30', after: 32, first: '14:50:00' },
      { startsAtLocal: '2024-06-15 09:00', after: 16, first: '09:10:00' },
    ]);
    const offsets = new Set<string>();
    // Several case ids, so that some shifts land the June dates in winter (GMT) and some in summer (BST).
    for (const id of ['case-a', 'case-b', 'case-c', 'case-d', 'case-e', 'case-f']) {
      const out = path.join(tmp, id);
      const flags = { keyFile: key, out, quiet: true, shiftDates: true, caseId: id };
      expect(await anonymiseCommand([FIXTURE], flags as never, env)).toBe(0);
      const kase = JSON.parse(readFileSync(path.join(out, 'case.json'), 'utf8'));
      const [order, warning] = kase.milestones as { date: string }[];
      const orderMs = Date.parse(order!.date);
      const days =
        (Date.parse(`${local(orderMs).slice(0, 10)}T00:00:00Z`) - Date.parse('2024-06-01T00:00:00Z')) /
        DAY_MS;
      expect(Math.abs(days % 7)).toBe(0);
      // The order: 14:30 local on the shifted date, with that date's offset, at the precision written.
      expect(order!.date).toBe(`${addDays('2024-06-01', days)}T14:30${offset(orderMs)}`);
      offsets.add(offset(orderMs));
      // The warning, written in UTC (08:00Z, 09:00 local): 09:00 local on the shifted date, still in UTC.
      const warningMs = Date.parse(warning!.date);
      expect(warning!.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00Z$/);
      expect(local(warningMs)).toBe(`${addDays('2024-06-15', days)} 09:00:00`);
      // The copy's report puts every text on the same side of each milestone as the original's.
      const copy = await jsonReport(out, path.join(tmp, `${id}.json`));
      expect(sides(copy, days)).toEqual(sides(original, 0));
    }
    expect([...offsets].sort()).toEqual(['+00:00', '+01:00']);
  });
});
