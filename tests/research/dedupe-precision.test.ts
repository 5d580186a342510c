/**
 * De-duplication at the precision every copy shares (timeline/dedupe.ts): the same words sent to two Messenger
 * threads within one minute, each timed to the millisecond, are two messages, while a second download's copies of
 * one thread are still duplicates; and the anonymised copy of the case, read back, drops exactly the same copies.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { anonymiseCommand } from '../../src/cli/commands/anonymise.js';
import { reportCommand } from '../../src/cli/commands/report.js';
import type { Report } from '../../src/model/index.js';
import { env, KEY_A, keyFile, NOW, scratch } from './env.js';

const CASE = 'fixtures/messenger-same-words-two-threads';

async function jsonReport(input: string, out: string): Promise<Report> {
  await reportCommand([input], { format: 'json', out, now: NOW, quiet: true } as never, env);
  return JSON.parse(readFileSync(out, 'utf8')) as Report;
}

/** The JSON report of the anonymised copy of `input`, made with the key KEY_A in `tmp`. */
async function anonymisedReport(input: string, tmp: string): Promise<Report> {
  const out = path.join(tmp, 'anonymised');
  const code = await anonymiseCommand(
    [input],
    { keyFile: keyFile(tmp, KEY_A), out, quiet: true } as never,
    env,
  );
  expect(code).toBe(0);
  return jsonReport(out, path.join(tmp, 'copy.json'));
}

/** Each input's books: records, events, kept and duplicates. */
const books = (r: Report) =>
  r.inputs.map((i) => ({ records: i.records, events: i.events, duplicates: i.duplicates }));

describe('copies to the millisecond in two Messenger downloads', () => {
  const tmp = scratch();
  let original: Report;
  beforeAll(async () => {
    original = await jsonReport(CASE, path.join(tmp, 'original.json'));
  });

  it('keeps the group messages sent in the same minute as the direct ones, and drops the second download', () => {
    // Inputs in path order: the direct thread, the group (first download), the direct thread again (second).
    expect(original.inputs.map((i) => i.path.split('/').at(-2))).toEqual([
      'samjones_7310000000000001',
      'sundaywalkers_7310000000000002',
      'samjones_7310000000000001',
    ]);
    expect(books(original)).toEqual([
      { records: 3, events: 3, duplicates: 0 },
      { records: 3, events: 3, duplicates: 0 },
      // Its three messages the first download held are duplicates; the one a week later is new.
      { records: 4, events: 4, duplicates: 3 },
    ]);
    // Sam's two messages in each thread, and the one a week later.
    expect(original.incidents.total).toBe(5);
    expect(original.accounting.duplicates).toBe(3);
  });

  it('gives the same books when its anonymised copy is read back', async () => {
    const copy = await anonymisedReport(CASE, tmp);
    expect(books(copy)).toEqual(books(original));
    expect(copy.incidents.total).toBe(original.incidents.total);
  });
});

describe('an anonymised copy of a DiscordChatExporter JSON beside its CSV', () => {
  // The JSON's messages carry ids, the CSV's do not: de-duplication matches them by content, and the copy, read back
  // by its class numbers alone, must join the same pairs (it gave each side its own number, and kept both).
  const DISCORD = 'fixtures/discord-same-channel';
  const tmp = scratch();

  it('drops the same copies when read back', async () => {
    const original = await jsonReport(DISCORD, path.join(tmp, 'original.json'));
    expect(original.accounting.duplicates).toBeGreaterThan(0);
    const copy = await anonymisedReport(DISCORD, tmp);
    expect(books(copy)).toEqual(books(original));
    expect(copy.incidents.total).toBe(original.incidents.total);
  });
});
