/**
 * The hour that happens twice when clocks go back: a chat in local time writes 01:50 (BST), then 01:10 and 01:20
 * (GMT, an hour later in real time). Read each alone, both 01:10s are ambiguous; the file's order settles it,
 * because the record before is already past the first reading. Run under a fixed TZ (the test script's), with the
 * case zone Europe/London.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { timelineOf } from '../helpers/timeline.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/whatsapp-txt');

async function read(file: string) {
  const { t, events } = await timelineOf([path.join(FIXTURES, file)], (c) => ({
    ...c,
    timezone: 'Europe/London',
    subject: { name: undefined, identifiers: ['Sam Carter'] },
  }));
  return { t, events };
}

describe('a time that occurs twice as the clocks go back', () => {
  it('is read as the second occurrence when the record before it is already past the first, in file order', async () => {
    const { t, events } = await read('uk-dst-fallback-order.txt');
    // Lines 1-6: 00:55, 01:05, 01:50 BST, then 01:10 and 01:20 GMT, then 02:05 GMT.
    expect(events.map((e) => [e.locator, new Date(e.ms).toISOString().slice(11, 16)])).toEqual([
      [1, '23:55'],
      [2, '00:05'],
      [3, '00:50'],
      [4, '01:10'],
      [5, '01:20'],
      [6, '02:05'],
    ]);
    expect(events.map((e) => e.flags ?? [])).toEqual([
      [],
      ['dst-ambiguous'],
      ['dst-ambiguous'],
      ['dst-ambiguous-later'],
      ['dst-ambiguous-later'],
      [],
    ]);
    const warnings = t.problems.list.filter((p) => p.code === 'TIMELINE_DST_AMBIGUOUS');
    expect(warnings.map((p) => p.locator)).toEqual(['line 2', 'line 3', 'line 4', 'line 5']);
    expect(warnings[2]!.message).toBe(
      'local time 2024-10-27T01:10 occurs twice in Europe/London (clocks went back); the later instant was used, as the record before it in the file is already past the earlier',
    );
    expect(warnings[0]!.message).toContain('the earlier instant was used');
  });

  it('keeps the earlier reading when nothing in the file tells the two apart', async () => {
    // The same minute twice (it may be one minute or two an hour apart), then 02:05.
    const { events } = await read('uk-dst-crossing.txt');
    const autumn = events.filter((e) => e.flags?.some((f) => f.startsWith('dst-ambiguous')));
    expect(autumn.map((e) => [new Date(e.ms).toISOString().slice(11, 16), e.flags])).toEqual([
      ['00:30', ['dst-ambiguous']],
      ['00:30', ['dst-ambiguous']],
    ]);
  });
});
