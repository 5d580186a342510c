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
        indexed: [],
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
        indexed: [],
        locators: [],
      },
      {
        code: 'WHATSAPP_BAD_TIMESTAMP',
        severity: 'error',
        file: 'a.txt',
        count: 4,
        lines: [[2, 5]],
        indexed: [],
        locators: [],
      },
      {
        code: 'WHATSAPP_BAD_TIMESTAMP',
        severity: 'warning',
        file: 'a.txt',
        count: 1,
        lines: [[6, 6]],
        indexed: [],
        locators: [],
      },
      {
        code: 'WHATSAPP_BAD_TIMESTAMP',
        severity: 'error',
        file: 'b.txt',
        count: 1,
        lines: [[7, 7]],
        indexed: [],
        locators: [],
      },
    ]);
  });

  it('keep locators that are neither lines nor indexed as written, and count problems that have none', () => {
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
      {
        code: 'TELEGRAM_UNKNOWN_TYPE',
        severity: 'error',
        file: null,
        count: 1,
        lines: [],
        indexed: [],
        locators: [],
      },
      {
        code: 'TELEGRAM_UNKNOWN_TYPE',
        severity: 'error',
        file: 'result.json',
        count: 8,
        lines: [
          [9, 9],
          [9, 9],
        ],
        // messages[1] and messages[2], which other problems came between, are one run.
        indexed: [{ locator: 'messages[{n}]', runs: [[1, 2]] }],
        locators: ['line 0', 'line 2 of 3'],
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
        indexed: [{ locator: 'messages[{n}]', runs: [[4, 4]] }],
        locators: [],
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

/** A problem of `file` at `locator`, for the indexed locators of JSON and XML exports and mailboxes. */
const where = (locator: string, file = 'result.json', code = 'TELEGRAM_BAD_DATE'): Problem => ({
  code,
  severity: 'error',
  file,
  locator,
  message: 'Impossible date.',
});

describe('indexed locators of problems beyond the per-code cap', () => {
  it('are kept as runs of their index, one template per shape, in the order read', () => {
    const log = new ProblemLog(1);
    for (const k of [0, 1, 2, 3, 7, 8]) log.add(where(`messages[${k}]`));
    for (const k of [3, 4]) log.add(where(`chats.list[2].messages[${k}]`));
    log.add(where('messages[9]'));
    // Not a whole index, or with braces of its own (the report's placeholders): kept as written.
    log.add(where('messages[07]'));
    log.add(where('messages[-1]'));
    log.add(where('a{n}[3]'));
    expect(log.omittedLocations()).toEqual([
      {
        code: 'TELEGRAM_BAD_DATE',
        severity: 'error',
        file: 'result.json',
        count: 11,
        lines: [],
        indexed: [
          {
            locator: 'messages[{n}]',
            runs: [
              [1, 3],
              [7, 9],
            ],
          },
          { locator: 'chats.list[2].messages[{n}]', runs: [[3, 4]] },
        ],
        locators: ['messages[07]', 'messages[-1]', 'a{n}[3]'],
      },
    ]);
  });

  it('with a line: runs whose lines keep one step, or each record its own run when they do not', () => {
    const log = new ProblemLog(1);
    const sms = (k: number, line: number) => where(`sms[${k}] (line ${line})`, 'sms.xml', 'SMS_BAD_DATE');
    log.add(sms(0, 3));
    // One record a line; then an mms between; then all on one line (a backup written without line breaks).
    for (let k = 1; k <= 5; k++) log.add(sms(k, k + 3));
    log.add(where('mms[0] (line 9)', 'sms.xml', 'SMS_BAD_DATE'));
    for (let k = 6; k <= 8; k++) log.add(sms(k, 20));
    // A mailbox: messages of different lengths (any two make a step; a third must keep it).
    const mbox = (k: number, line: number) =>
      where(`message[${k}] (line ${line})`, 'inbox.mbox', 'EMAIL_NO_DATE');
    log.add(mbox(0, 1));
    for (const [k, line] of [
      [1, 12],
      [2, 25],
      [3, 43],
      [4, 61],
      [5, 70],
    ] as const)
      log.add(mbox(k, line));
    expect(log.omittedLocations()).toEqual([
      {
        code: 'EMAIL_NO_DATE',
        severity: 'error',
        file: 'inbox.mbox',
        count: 5,
        lines: [],
        indexed: [
          {
            locator: 'message[{n}] (line {line})',
            runs: [
              [1, 2, 12, 25],
              [3, 4, 43, 61],
              [5, 5, 70, 70],
            ],
          },
        ],
        locators: [],
      },
      {
        code: 'SMS_BAD_DATE',
        severity: 'error',
        file: 'sms.xml',
        count: 9,
        lines: [],
        indexed: [
          {
            locator: 'sms[{n}] (line {line})',
            runs: [
              [1, 5, 4, 8],
              [6, 8, 20, 20],
            ],
          },
          { locator: 'mms[{n}] (line {line})', runs: [[0, 0, 9, 9]] },
        ],
        locators: [],
      },
    ]);
  });

  it('join the runs another group interrupted only when index and line step carry on', () => {
    const log = new ProblemLog(1);
    const sms = (k: number, line: number) => where(`sms[${k}] (line ${line})`, 'sms.xml', 'SMS_BAD_DATE');
    const other = () => where('line 1', 'other.txt', 'SMS_BAD_DATE');
    log.add(sms(0, 1));
    // Lines 2 to 5, then 9 to 11: two runs, whichever problems of other groups come between.
    for (const [k, line] of [
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 5],
      [5, 9],
      [6, 10],
      [7, 11],
    ] as const) {
      log.add(sms(k, line));
      log.add(other());
    }
    const [, sms1] = log.omittedLocations();
    expect(sms1!.indexed).toEqual([
      {
        locator: 'sms[{n}] (line {line})',
        runs: [
          [1, 4, 2, 5],
          [5, 7, 9, 11],
        ],
      },
    ]);
  });

  it('give an index twice when it has two problems of one code, as lines do', () => {
    const log = new ProblemLog(1);
    for (const k of [4, 5, 5, 6]) log.add(where(`messages[${k}]`));
    expect(log.omittedLocations()[0]!.indexed).toEqual([
      {
        locator: 'messages[{n}]',
        runs: [
          [5, 5],
          [5, 6],
        ],
      },
    ]);
  });

  it('are forgotten by a rollback, a line step taken afresh when a run is cut back to one record', () => {
    const log = new ProblemLog(1);
    const sms = (k: number, line: number) => where(`sms[${k}] (line ${line})`, 'sms.xml', 'SMS_BAD_DATE');
    log.add(sms(0, 2));
    log.add(sms(1, 3));
    const mark = log.mark();
    // The first reading: one record a line.
    for (let k = 2; k <= 6; k++) log.add(sms(k, k + 2));
    log.rollback(mark);
    expect(log.omittedLocations()[0]!.indexed).toEqual([
      { locator: 'sms[{n}] (line {line})', runs: [[1, 1, 3, 3]] },
    ]);
    // Read again (say as a single line): the run takes the step of what is read now.
    for (let k = 2; k <= 6; k++) log.add(sms(k, 3));
    expect(log.omittedLocations()[0]!).toMatchObject({
      count: 6,
      indexed: [{ locator: 'sms[{n}] (line {line})', runs: [[1, 6, 3, 3]] }],
    });
  });

  it('hold a million rejected records in one run, also when read again from the start', () => {
    const log = new ProblemLog();
    const mark = log.mark();
    // The first reading stops part-way; the second reads every record, so each is located once.
    for (let k = 1; k <= 600_000; k++) log.add(where(`messages[${k}]`));
    log.rollback(mark);
    for (let k = 1; k <= 1_000_000; k++) log.add(where(`messages[${k}]`));
    const withLine = new ProblemLog();
    for (let k = 0; k < 1_000_000; k++)
      withLine.add(where(`sms[${k}] (line ${k + 3})`, 'sms.xml', 'SMS_BAD_DATE'));
    expect([...log.omittedLocations(), ...withLine.omittedLocations()]).toEqual(
      [
        {
          code: 'SMS_BAD_DATE',
          severity: 'error',
          file: 'sms.xml',
          count: 999_950,
          lines: [],
          indexed: [{ locator: 'sms[{n}] (line {line})', runs: [[50, 999_999, 53, 1_000_002]] }],
          locators: [],
        },
        {
          code: 'TELEGRAM_BAD_DATE',
          severity: 'error',
          file: 'result.json',
          count: 999_950,
          lines: [],
          indexed: [{ locator: 'messages[{n}]', runs: [[51, 1_000_000]] }],
          locators: [],
        },
      ].reverse(),
    );
  });
});

describe('Messenger HTML positions of problems beyond the per-code cap', () => {
  const block = (line: number, column: number, file = 'message_1.html') =>
    where(`line ${line}, column ${column}`, file, 'MESSENGER_HTML_BAD_TIMESTAMP');

  it('are kept as numbers: evenly spaced positions as one run, one left alone as [line, column]', () => {
    const log = new ProblemLog(1);
    log.add(block(1, 100));
    // Meta's page of one line: three blocks of one size, then blocks of other sizes (any two make a run).
    for (const column of [2411, 2531, 2651, 2800, 3001, 3100, 3200]) log.add(block(1, column));
    // A re-saved page: one block a line at one indent, then two blocks on one line, then one on a line further.
    for (const line of [9, 14, 19]) log.add(block(line, 5));
    log.add(block(23, 11));
    log.add(block(23, 90));
    log.add(block(31, 1));
    expect(log.omittedLocations()).toEqual([
      {
        code: 'MESSENGER_HTML_BAD_TIMESTAMP',
        severity: 'error',
        file: 'message_1.html',
        count: 13,
        lines: [],
        indexed: [],
        locators: [],
        positions: [
          [1, 2411, 1, 2651, 3],
          [1, 2800, 1, 3001, 2],
          [1, 3100, 1, 3200, 2],
          [9, 5, 19, 5, 3],
          [23, 11, 23, 90, 2],
          [31, 1],
        ],
      },
    ]);
  });

  it('join the runs another group interrupted only when the step carries on, and give a position twice', () => {
    const log = new ProblemLog(1);
    const other = () => where('line 1', 'other.txt', 'MESSENGER_HTML_BAD_TIMESTAMP');
    log.add(block(1, 1));
    for (const column of [100, 200, 300, 400, 450, 500]) {
      log.add(block(1, column));
      log.add(other());
    }
    log.add(block(2, 7));
    log.add(block(2, 7));
    const [page] = log.omittedLocations();
    expect(page!.positions).toEqual([
      [1, 100, 1, 400, 4],
      [1, 450, 1, 500, 2],
      [2, 7, 2, 7, 2],
    ]);
    expect(page!.count).toBe(8);
  });

  it('are forgotten by a rollback, a step taken afresh when a run is cut back to one position', () => {
    const log = new ProblemLog(1);
    log.add(block(1, 1));
    log.add(block(1, 10));
    const mark = log.mark();
    for (let k = 1; k <= 5; k++) log.add(block(1, 10 + 20 * k));
    log.rollback(mark);
    expect(log.omittedLocations()[0]!.positions).toEqual([[1, 10]]);
    for (let k = 1; k <= 5; k++) log.add(block(1, 10 + 30 * k));
    expect(log.omittedLocations()[0]).toMatchObject({ count: 6, positions: [[1, 10, 1, 160, 6]] });
  });

  it('hold 200,000 rejected blocks of one size in one run, and of any sizes in two numbers each', () => {
    const even = new ProblemLog();
    const uneven = new ProblemLog();
    let column = 100;
    for (let k = 0; k < 200_000; k++) {
      even.add(block(1, 100 + 320 * k));
      uneven.add(block(1, column));
      column += 300 + (k % 7) * (k % 3);
    }
    expect(even.omittedLocations()[0]).toMatchObject({
      count: 199_950,
      positions: [[1, 100 + 320 * 50, 1, 100 + 320 * 199_999, 199_950]],
      locators: [],
    });
    const [u] = uneven.omittedLocations();
    expect(u!.count).toBe(199_950);
    expect(u!.locators).toEqual([]);
    // Every position is there, in the order read.
    const expanded = u!.positions!.flatMap(([line, col, lastLine = line, lastCol = col, n = 1]) =>
      Array.from({ length: n }, (_, i) => [
        line + (n > 1 ? (i * (lastLine - line)) / (n - 1) : 0),
        col + (n > 1 ? (i * (lastCol - col)) / (n - 1) : 0),
      ]),
    );
    expect(expanded).toHaveLength(199_950);
    expect(JSON.stringify(u!.positions).length).toBeLessThan(16 * 199_950);
  });
});
