/**
 * The report of an anonymised copy locates each input's duplicates as the original's does (`duplicatesAt`: the
 * first five in the order the file holds them, and the last), and the person who made the copy, checking it
 * against the original, should find the same records at those places. The copy held its duplicates in time order,
 * so this held only for a file in time order, and then not for its last (an SMS backup lists its MMS after every
 * SMS). A Messenger export lists its newest message first: the copy's first five were the oldest of the overlap
 * where the original's were the newest, and its last the newest where the original's was the oldest. The copy now
 * holds its duplicates in the order the original input holds them (its kept rows stay in time order).
 *
 * fixtures/anonymise-duplicates-newest-first: two Messenger exports of one thread, taken on 2 and 16 March 2024,
 * each newest message first; the second holds the first's ten messages and five newer ones.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { anonymiseCommand } from '../../src/cli/commands/anonymise.js';
import type { Report } from '../../src/model/index.js';
import { reportOf } from '../helpers/report.js';
import { env, KEY_A, keyFile, scratch } from './env.js';

const DIR = 'fixtures/anonymise-duplicates-newest-first';
const THREAD = 'messages/inbox/samsample_1029384756/message_1.json';
const [EARLY, LATE] = [`${DIR}/facebook-2024-03-02/${THREAD}`, `${DIR}/facebook-2024-03-16/${THREAD}`];

/** The instant of a record: an export's message by its index, a copy's row by its line. */
const message = (file: string, locator: string) =>
  (JSON.parse(readFileSync(file, 'utf8')) as { messages: { timestamp_ms: number }[] }).messages[
    Number(/^messages\[(\d+)\]$/.exec(locator)![1])
  ]!.timestamp_ms;
const row = (file: string, locator: string) =>
  Date.parse(
    JSON.parse(readFileSync(file, 'utf8').split('\n')[Number(/^line (\d+)$/.exec(locator)![1]) - 1]!).utc,
  );

let original: Report;
let copy: Report;
let out: string;
beforeAll(async () => {
  original = await reportOf([DIR]);
  const tmp = scratch();
  out = path.join(tmp, 'copy');
  expect(
    await anonymiseCommand([DIR], { keyFile: keyFile(tmp, KEY_A), out, quiet: true } as never, env),
  ).toBe(0);
  copy = await reportOf([out]);
});

describe('anonymise: duplicates of an export written newest first', () => {
  it('has the books of the original', () => {
    expect(original.inputs.map((i) => [i.path, i.records, i.kept, i.duplicates])).toEqual([
      [EARLY, 10, 10, 0],
      [LATE, 15, 5, 10],
    ]);
    expect(copy.inputs.map((i) => [i.records, i.kept, i.duplicates])).toEqual([
      [10, 10, 0],
      [15, 5, 10],
    ]);
  });

  it("locates the copy's duplicates one to one with the original's: the same records, dropped and kept", () => {
    const mine = original.inputs[1]!.duplicatesAt!;
    const theirs = copy.inputs[1]!.duplicatesAt!;
    // The original's: the newest message of the overlap first (messages[5], 1 March), the oldest last.
    expect([...mine.first, mine.last].map((d) => [d.locator, d.kept.file, d.kept.locator])).toEqual([
      ['messages[5]', EARLY, 'messages[0]'],
      ['messages[6]', EARLY, 'messages[1]'],
      ['messages[7]', EARLY, 'messages[2]'],
      ['messages[8]', EARLY, 'messages[3]'],
      ['messages[9]', EARLY, 'messages[4]'],
      ['messages[14]', EARLY, 'messages[9]'],
    ]);
    const [copyEarly, copyLate] = copy.inputs.map((i) => i.path);
    // The copy's: the same records in the same places of the sample, each kept in the copy of the same file.
    const pairs = (d: Report['inputs'][number]['duplicatesAt']) => [...d!.first, d!.last];
    expect(
      pairs(theirs).map((d) => [row(copyLate!, d.locator), d.kept.file, row(d.kept.file, d.kept.locator)]),
    ).toEqual(
      pairs(mine).map((d) => [message(LATE, d.locator), copyEarly, message(d.kept.file, d.kept.locator)]),
    );
    expect(new Date(row(copyLate!, theirs.first[0]!.locator)).toISOString()).toBe('2024-03-01T08:20:00.000Z');
  });

  it("keeps the copy's kept rows in time order", () => {
    const times = readFileSync(path.join(out, 'input-002.jsonl'), 'utf8')
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { utc?: string })
      .slice(10)
      .map((r) => r.utc!);
    expect(times).toEqual([...times].sort());
    expect(times).toHaveLength(5);
  });
});
