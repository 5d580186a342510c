/**
 * The problem log keeps the first 50 problems of each code in full and, for the rest, only where they are: every
 * problem must still be found from the report, in memory that stays small for a file with millions of bad lines.
 */
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/model/index.js';
import { ProblemLog } from '../../src/timeline/problems.js';

const bad = (line: number, file = 'chat.txt', code = 'WHATSAPP_BAD_TIMESTAMP'): Problem => ({
  code,
  severity: 'error',
  file,
  locator: `line ${line}`,
  message: `Impossible time on line ${line}.`,
});

/** A problem of chat.txt at another kind of locator, or at none. */
const at = (locator?: string): Problem => ({
  code: 'WHATSAPP_BAD_TIMESTAMP',
  severity: 'error',
  file: 'chat.txt',
  ...(locator === undefined ? {} : { locator }),
  message: 'Impossible time.',
});

describe('problems beyond the per-code cap', () => {
  it('keep the first entries in full and the line of every other one, consecutive lines as one run', () => {
    const log = new ProblemLog(3);
    for (let line = 10; line <= 20; line++) log.add(bad(line));
    for (const line of [25, 26, 30]) log.add(bad(line));
    expect(log.list.map((p) => p.locator)).toEqual(['line 10', 'line 11', 'line 12']);
    expect(log.omitted).toEqual(new Map([['WHATSAPP_BAD_TIMESTAMP', 11]]));
    expect(log.omittedLocations()).toEqual([
      {
        code: 'WHATSAPP_BAD_TIMESTAMP',
        severity: 'error',
        file: 'chat.txt',
        count: 11,
        lines: [
          [13, 20],
          [25, 26],
          [30, 30],
        ],
        locators: [],
      },
    ]);
  });

  it('group by code, severity and file, joining the runs another group interrupted', () => {
    const log = new ProblemLog(1);
    log.add(bad(1, 'a.txt'));
    log.add(bad(1, 'a.txt', 'TIMELINE_BAD_TIME'));
    // a.txt 2, b.txt 7, a.txt 3 4, a TIMELINE 5, a.txt 5: a.txt's lines 2–5 are one run in the report.
    log.add(bad(2, 'a.txt'));
    log.add(bad(7, 'b.txt'));
    log.add(bad(3, 'a.txt'));
    log.add(bad(4, 'a.txt'));
    log.add(bad(5, 'a.txt', 'TIMELINE_BAD_TIME'));
    log.add(bad(5, 'a.txt'));
    log.add({ ...bad(6, 'a.txt'), severity: 'warning' });
    expect(log.omittedLocations()).toEqual([
      {
        code: 'TIMELINE_BAD_TIME',
        severity: 'error',
        file: 'a.txt',
        count: 1,
        lines: [[5, 5]],
        locators: [],
      },
      {
        code: 'WHATSAPP_BAD_TIMESTAMP',
        severity: 'error',
        file: 'a.txt',
        count: 4,
        lines: [[2, 5]],
        locators: [],
      },
      {
        code: 'WHATSAPP_BAD_TIMESTAMP',
        severity: 'warning',
        file: 'a.txt',
        count: 1,
        lines: [[6, 6]],
        locators: [],
      },
      {
        code: 'WHATSAPP_BAD_TIMESTAMP',
        severity: 'error',
        file: 'b.txt',
        count: 1,
        lines: [[7, 7]],
        locators: [],
      },
    ]);
  });

  it('keep locators that are not lines as written, and count problems that have none', () => {
    const log = new ProblemLog(1);
    const el = (locator: string | undefined, file: string | null = 'result.json'): Problem => ({
      code: 'TELEGRAM_UNKNOWN_TYPE',
      severity: 'error',
      ...(file === null ? {} : { file }),
      ...(locator === undefined ? {} : { locator }),
      message: 'Unknown type.',
    });
    log.add(el('messages[0]'));
    log.add(el('messages[1]'));
    log.add(el('line 0'));
    log.add(el('line 2 of 3'));
    log.add(el(undefined));
    log.add(el(undefined));
    log.add(el('messages[2]'));
    log.add(el(undefined, null));
    // The same line twice is two problems, not one.
    log.add(el('line 9'));
    log.add(el('line 9'));
    expect(log.omittedLocations()).toEqual([
      { code: 'TELEGRAM_UNKNOWN_TYPE', severity: 'error', file: null, count: 1, lines: [], locators: [] },
      {
        code: 'TELEGRAM_UNKNOWN_TYPE',
        severity: 'error',
        file: 'result.json',
        count: 8,
        lines: [
          [9, 9],
          [9, 9],
        ],
        locators: ['messages[1]', 'line 0', 'line 2 of 3', 'messages[2]'],
      },
    ]);
  });

  it('are forgotten by a rollback, a run extended since the mark cut back to where it was', () => {
    const log = new ProblemLog(1);
    log.add(bad(1));
    log.add(bad(2));
    log.add(bad(3));
    log.add(at('messages[4]'));
    log.add(at());
    log.add(bad(6));
    const mark = log.mark();
    log.add(bad(7));
    log.add(bad(8));
    log.add(at('messages[9]'));
    log.add(bad(1, 'other.txt'));
    log.add(bad(2, 'other.txt', 'TIMELINE_BAD_TIME'));
    log.rollback(mark);
    const before = [
      {
        code: 'WHATSAPP_BAD_TIMESTAMP',
        severity: 'error',
        file: 'chat.txt',
        count: 5,
        lines: [
          [2, 3],
          [6, 6],
        ],
        locators: ['messages[4]'],
      },
    ];
    expect(log.omittedLocations()).toEqual(before);
    expect(log.omitted).toEqual(new Map([['WHATSAPP_BAD_TIMESTAMP', 5]]));
    expect(log.list).toHaveLength(1);
    // Read again: the same problems come back once, not twice.
    log.add(bad(7));
    log.add(bad(8));
    expect(log.omittedLocations()).toEqual([
      {
        ...before[0],
        count: 7,
        lines: [
          [2, 3],
          [6, 8],
        ],
      },
    ]);
  });

  it('hold a million rejected lines in a handful of runs', () => {
    const log = new ProblemLog();
    for (let line = 1; line <= 1_000_000; line++) if (line % 250_000 !== 0) log.add(bad(line));
    const [where] = log.omittedLocations();
    expect(where!.count).toBe(1_000_000 - 4 - 50);
    expect(where!.lines).toEqual([
      [51, 249_999],
      [250_001, 499_999],
      [500_001, 749_999],
      [750_001, 999_999],
    ]);
  });
});
