/**
 * A backup that stops early says how much of it is missing (fixtures/sms-backup-xml-cut-short: `count="120"`,
 * cut inside the first message): the failure gives the count the file declares and how many records were read
 * before it stopped, for a file cut short and for one that breaks off in an XML error alike.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { smsBackupXml } from '../../src/sources/sms-backup-xml/index.js';
import { reportOf } from '../helpers/report.js';
import { inPieces, runInput, runSource } from '../helpers/run-source.js';

const DIR = 'fixtures/sms-backup-xml-cut-short';
const FILE = join(DIR, 'sms-20240316081500.xml');

describe('the SMS backup of fixtures/sms-backup-xml-cut-short', () => {
  it('matches its golden', async () => {
    const result = await runSource(smsBackupXml, FILE);
    const golden = join(DIR, 'sms-20240316081500.expected.json');
    if (process.env['UPDATE_GOLDEN']) writeFileSync(golden, `${JSON.stringify(result, null, 2)}\n`);
    expect(JSON.parse(JSON.stringify(result))).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
  });

  it('says it declares 120 records and none was read whole before the cut, which is rejected', async () => {
    const r = await runSource(smsBackupXml, FILE);
    // The message the file ends in was begun: it is counted, rejected, so that nothing read goes uncounted.
    expect(r.accounting).toEqual({ records: 1, events: 0, skipped: 0, rejected: 1 });
    expect(r.rejected).toEqual([
      {
        code: 'SMS_RECORD_CUT_SHORT',
        locator: 'sms[0] (line 5)',
        message:
          'the file ends inside this record, before its end tag (line 5, column 123); the part of it read is not used, as the rest is missing',
        hint: 'Only the start of this record is in the file. A whole copy of the backup (from the phone or cloud) may hold it.',
      },
    ]);
    expect(r.failure).toEqual({
      code: 'SMS_TRUNCATED_XML',
      locator: 'sms[0] (line 5)',
      message:
        'the file ends inside sms[0] (line 5), before its end tag (line 5, column 123): the backup was cut short; the file declares 120 records; 0 were read whole before the cut',
    });
  });

  it('is listed in the report of the case with those figures, beside the whole call log', async () => {
    const r = await reportOf([DIR]);
    expect(r.inputs.map((i) => [i.path.split('/').pop(), i.events])).toEqual([
      ['calls-20240316081500.xml', 2],
      ['sms-20240316081500.xml', 0],
    ]);
    expect(r.problems.filter((p) => p.code === 'SMS_TRUNCATED_XML').map((p) => p.message)).toEqual([
      expect.stringContaining('the file declares 120 records; 0 were read whole before the cut'),
    ]);
  });

  it('says the cut once, and does not claim records before it were kept when none was', async () => {
    const r = await reportOf([DIR]);
    const sms = r.problems.filter((p) => p.code.startsWith('SMS_'));
    // One fault, one error: the file's failure, at the record the file ends inside, names the cut once and says
    // what became of that record (its rejection is not listed beside it: pipeline/one-fault.ts).
    expect(sms.map((p) => p.code)).toEqual(['SMS_TRUNCATED_XML']);
    expect(sms[0]!.message.split('the backup was cut short').length - 1).toBe(1);
    expect(sms[0]!.message).toMatch(/^the file ends inside sms\[0\] \(line \d+\), before its end tag/);
    expect(
      sms[0]!.message.endsWith(
        `; the part of ${sms[0]!.locator} read is not used, as the rest of it is missing`,
      ),
    ).toBe(true);
    expect(sms[0]!.hint).toBe(
      'No record lies whole before the cut, so nothing from this file is on the timeline. Copy the backup from the phone or cloud again; if that copy is cut too, the app was interrupted while writing it.',
    );
  });
});

/** A message backup whose root declares `count` (none when undefined), holding `n` whole messages, then `tail`. */
function backup(count: string | undefined, n: number, tail: string): Uint8Array {
  const sms = Array.from(
    { length: n },
    (_, k) =>
      `  <sms address="+447700900123" date="${1710450130000 + k * 60_000}" type="1" body="message ${k}" />\n`,
  ).join('');
  const root = count === undefined ? '<smses>' : `<smses count="${count}">`;
  return Buffer.from(`<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n${root}\n${sms}${tail}`);
}

const failureOf = async (bytes: Uint8Array) =>
  (await runInput(smsBackupXml, inPieces(bytes, 4096, 'sms.xml'))).failure?.message;

describe('how much of a backup that stops early was read', () => {
  it('counts the records read when the root declares no count', async () => {
    expect(await failureOf(backup(undefined, 3, '  <sms address='))).toBe(
      'the file ends inside sms[3] (line 6), before its end tag (line 6, column 15): the backup was cut short; 3 records were read whole before the cut',
    );
  });

  it('writes one record and one read in the singular', async () => {
    expect(await failureOf(backup('1', 1, ''))).toBe(
      "the file ends at line 4, column 0 before the backup's closing tag: the backup was cut short; the file declares 1 record; 1 was read before the cut",
    );
  });

  it('says so for an XML error too, without the full stop saxes ends its message with', async () => {
    expect(await failureOf(backup('40', 2, '  <sms date=1 />\n</smses>\n'))).toBe(
      'XML error at line 5, column 13 inside sms[2] (line 5): unquoted attribute value; the file declares 40 records; 2 were read whole before this error',
    );
  });

  it('says nothing of records for a file cut before its root element', async () => {
    expect(
      await failureOf(Buffer.from("<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<sms")),
    ).toBe(
      'the file ends at line 2, column 4 before its root element <smses> or <calls>: it is empty or cut short',
    );
  });
});
