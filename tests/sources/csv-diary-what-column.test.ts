/**
 * A diary whose header has a column "What" and no description column: read as the description (the events' text)
 * when half of its filled cells or more have 6 words or more, with one warning naming the column and why, each
 * such long cell's row channel `other` as in a diary with no type column (the channel is never guessed from the
 * account's words) and each shorter cell read as a type of contact; read as the type of contact, as before, when
 * its cells are mostly short types. Beside another type-of-contact column it is the description, in either
 * order. Fixtures in fixtures/csv-diary-what-column.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvDiary } from '../../src/sources/csv-diary/index.js';
import {
  addWhatCell,
  readsAsAccount,
  type WhatCells,
  wordCount,
} from '../../src/sources/csv-diary/what-column.js';
import { caseGolden, expectGolden } from '../helpers/case-golden.js';
import { runSource } from '../helpers/run-source.js';

const DIR = 'fixtures/csv-diary-what-column';
const tmp = mkdtempSync(join(tmpdir(), 'csv-diary-what-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function runText(text: string) {
  const file = join(tmp, `t${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(file, text);
  return runSource(csvDiary, file);
}

describe('a What column holding what happened', () => {
  it('is read as the description, every row channel other, with one warning (golden)', async () => {
    // Before: no event had a text, each account was kept as an unwarned contact_type, line 2 counted as a visit
    // only and line 6 flagged as contact through a third party ("tagged my sister").
    const got = await caseGolden([`${DIR}/when-what-where.csv`]);
    expectGolden(got, `${DIR}/when-what-where.expected.json`);
    expect(got.inputs[0]).toMatchObject({ records: 5, events: 5, skipped: 0, rejected: 0 });
    expect(got.problems.filter((p) => p.file !== undefined)).toEqual([
      {
        code: 'DIARY_WHAT_READ_AS_DESCRIPTION',
        severity: 'warning',
        file: `${DIR}/when-what-where.csv`,
        message:
          'The column "What" was read as the description (what happened) where a cell has 6 words or more, as an account of what happened does: the diary has no description column, and 4 of its 5 filled cells are that long (first on line 2: "He sent 14 texts then waited outside the gym"). With no type of contact, those 4 entries are counted as channel "other"; the cell with fewer words is read as the type of contact, as in a "Type of contact" column',
        hint: 'Check a few rows: if the column holds the type of contact, rename it "Type of contact"; if it holds what happened, rename it "What happened" and add a "Type of contact" column (text, call, WhatsApp, e-mail, letter, in person…) to count the entries by channel; then re-run',
      },
    ]);
    expect(got.timeline.map((e) => [e.locator, e.channel, e.kind, e.text, e.flags])).toEqual([
      [2, 'other', 'other', 'He sent 14 texts then waited outside the gym', undefined],
      [3, 'other', 'other', 'Rang my phone six times before I left for work', undefined],
      [4, 'other', 'other', 'Left a bunch of flowers and a card on the doorstep', undefined],
      // A short cell is a type of contact, read as a type cell is: no text, kept as contact_type.
      [5, 'sms', 'message', undefined, undefined],
      [6, 'other', 'other', 'Posted about me on Facebook and tagged my sister in it', undefined],
    ]);
    // The account is the text, not a detail as well; the short cell is the detail.
    expect(
      got.timeline.filter((e) => e.details && 'contact_type' in e.details).map((e) => e.locator),
    ).toEqual([5]);
    expect(got.timeline[3]?.details).toEqual({ contact_type: 'Texted', location: 'Home' });
  });

  it('reads its short cells as types of contact, mapped or listed as unmapped, its long ones as accounts', async () => {
    // Before: every row was channel other, the short types ("Text", "Call") included.
    const run = await runText(
      'Date,Time,What,Where\n2024-05-14,21:40,Missed call from a withheld number,Home\n2024-05-15,08:10,Text message from his new number,Home\n2024-05-16,19:00,Text,Home\n2024-05-17,07:30,Call,Home\n2024-05-18,09:00,Scratched car,Home\n2024-05-19,10:00,He sent 14 texts then waited outside,Gym\n',
    );
    expect(
      run.events.map((e) => [e.locator, e.channel, e.kind, e.text, e.details?.['contact_type'], e.flags]),
    ).toEqual([
      [2, 'other', 'other', 'Missed call from a withheld number', undefined, undefined],
      [3, 'other', 'other', 'Text message from his new number', undefined, undefined],
      [4, 'sms', 'message', undefined, 'Text', undefined],
      [5, 'call', 'call', undefined, 'Call', undefined],
      [6, 'other', 'other', undefined, 'Scratched car', ['contact-type-unmapped']],
      [7, 'other', 'other', 'He sent 14 texts then waited outside', undefined, undefined],
    ]);
    expect(run.warnings.map((w) => w.code)).toEqual([
      'DIARY_WHAT_READ_AS_DESCRIPTION',
      'DIARY_UNMAPPED_CONTACT_TYPE',
    ]);
    expect(run.warnings[0]?.message).toContain(
      'With no type of contact, those 3 entries are counted as channel "other"; the 3 cells with fewer words are read as the type of contact, as in a "Type of contact" column',
    );
  });

  it('skips its header repeated further down as repeated-header, as any other', async () => {
    const run = await runText(
      'When,What,Where\n14/05/2024 21:40,He sent 14 texts then waited outside,Gym\nWhen,What,Where\n15/05/2024 08:10,Rang my phone six times before work,Home\n',
    );
    expect(run.skipped).toEqual([{ reason: 'repeated-header', locator: 3 }]);
    expect(run.events.map((e) => e.text)).toEqual([
      'He sent 14 texts then waited outside',
      'Rang my phone six times before work',
    ]);
    expect(run.warnings.map((w) => w.code)).toEqual(['DIARY_WHAT_READ_AS_DESCRIPTION']);
  });

  it('never takes a channel from the words of an account: they name calls and visits the subject did not make', async () => {
    const run = await runText(
      'Date,What\n2024-05-14,I called the police after he turned up again\n2024-05-15,He said he would ring my boss tomorrow\n',
    );
    expect(run.events.map((e) => [e.channel, e.kind, e.text])).toEqual([
      ['other', 'other', 'I called the police after he turned up again'],
      ['other', 'other', 'He said he would ring my boss tomorrow'],
    ]);
    expect(run.warnings.map((w) => w.code)).toEqual(['DIARY_WHAT_READ_AS_DESCRIPTION']);
  });
});

describe('a What column holding types of contact', () => {
  it('is read as the type of contact, as before (golden)', async () => {
    const got = await caseGolden([`${DIR}/what-types.csv`]);
    expectGolden(got, `${DIR}/what-types.expected.json`);
    expect(got.inputs[0]).toMatchObject({ records: 6, events: 6, skipped: 0, rejected: 0 });
    expect(got.problems.map((p) => p.code)).toEqual(['DIARY_UNMAPPED_CONTACT_TYPE', 'CASE_SUBJECT_ASSUMED']);
    expect(got.timeline.map((e) => [e.locator, e.channel, e.details?.['contact_type'], e.text])).toEqual([
      [2, 'sms', 'Text', undefined],
      [3, 'call', 'Call', undefined],
      [4, 'in-person', 'Turned up at my house', undefined],
      [5, 'post', 'Letter through the door', undefined],
      [6, 'in-person', 'Sat outside in his car for an hour', undefined],
      [7, 'other', 'Graffiti', undefined],
    ]);
  });

  it('is the type of contact whenever the diary has a description column too', async () => {
    const run = await runText(
      'Date,What,Description\n2024-05-14,Turned up at the house and waited for an hour,Parked opposite\n',
    );
    expect(run.events.map((e) => [e.channel, e.text, e.details?.['contact_type']])).toEqual([
      ['in-person', 'Parked opposite', 'Turned up at the house and waited for an hour'],
    ]);
    expect(run.warnings).toEqual([]);
  });
});

describe('the rule', () => {
  const cells = (...values: string[]): WhatCells => {
    const what: WhatCells = { column: 1, header: 'What', filled: 0, long: 0 };
    values.forEach((v, i) => void addWhatCell(what, v, i + 2));
    return what;
  };

  it('counts words as runs holding a letter or a digit', () => {
    expect(wordCount('Turned up at my house')).toBe(5);
    expect(wordCount("He sent 14 texts - can't sleep")).toBe(6);
    expect(wordCount('  ')).toBe(0);
  });

  it('reads the column as accounts when half of its filled cells or more have 6 words or more', () => {
    expect(readsAsAccount(cells('Text', 'He sent 14 texts then waited outside'))).toBe(true);
    expect(readsAsAccount(cells('Text', 'Call', 'He sent 14 texts then waited outside'))).toBe(false);
    // Empty cells are not counted either way.
    expect(readsAsAccount(cells('', '', 'Call', 'He sent 14 texts then waited outside'))).toBe(true);
    expect(readsAsAccount(cells('', ''))).toBe(false);
  });
});

describe('a What column beside a type-of-contact column', () => {
  // Before: "What" took the type role, "Type of contact" was kept as an uninterpreted detail, every row was
  // channel other and the warning said the diary had no type-of-contact column.
  it.each([
    ['What first', 'Date,Time,What,Type of contact,Where', (what: string, type: string) => `${what},${type}`],
    ['What last', 'Date,Time,Type of contact,What,Where', (what: string, type: string) => `${type},${what}`],
  ])(
    'reads What as the description and the other column as the type, with no warning (%s)',
    async (_, header, cells) => {
      const run = await runText(
        `${header}\n2024-05-14,21:40,${cells('He sent 14 texts then waited outside the gym', 'Text')},Gym\n2024-05-15,08:10,${cells('Rang', 'Call')},Home\n`,
      );
      expect(run.events.map((e) => [e.locator, e.channel, e.text, e.details])).toEqual([
        [2, 'sms', 'He sent 14 texts then waited outside the gym', { contact_type: 'Text', location: 'Gym' }],
        [3, 'call', 'Rang', { contact_type: 'Call', location: 'Home' }],
      ]);
      expect(run.warnings).toEqual([]);
    },
  );

  it('keeps What as a detail when the diary has a description column as well', async () => {
    const run = await runText(
      'Date,What,Type of contact,What happened\n2024-05-14,Evening,Text,He sent 14 texts\n',
    );
    expect(run.events.map((e) => [e.channel, e.text, e.details])).toEqual([
      ['sms', 'He sent 14 texts', { what: 'Evening', contact_type: 'Text' }],
    ]);
  });
});
