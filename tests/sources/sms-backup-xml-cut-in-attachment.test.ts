/**
 * A backup cut short inside a record (fixtures/sms-backup-xml-cut-in-attachment: the messages end inside an MMS
 * photo's base64 `data`, the call log inside a `<call>`): the record the file ends in was begun, so it is counted,
 * rejected (SMS_RECORD_CUT_SHORT) at the line where it starts and never emitted with what was read of it, beside
 * the file's SMS_TRUNCATED_XML failure. records = events + skipped + rejected wherever the file is cut.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { smsBackupXml } from '../../src/sources/sms-backup-xml/index.js';
import { runSource } from '../helpers/run-source.js';
import { expectSameInPieces, readSmsIn } from '../helpers/sms-pieces.js';

const DIR = 'fixtures/sms-backup-xml-cut-in-attachment';
const SMS = join(DIR, 'sms-20240320071500.xml');
const CALLS = join(DIR, 'calls-20240320071500.xml');

const CUT_HINT =
  'Only the start of this record is in the file. A whole copy of the backup (from the phone or cloud) may hold it.';

describe('the files of fixtures/sms-backup-xml-cut-in-attachment', () => {
  for (const [file, golden] of [
    [SMS, 'sms-20240320071500.expected.json'],
    [CALLS, 'calls-20240320071500.expected.json'],
  ] as const) {
    it(`${file} matches its golden`, async () => {
      const result = await runSource(smsBackupXml, file);
      const path = join(DIR, golden);
      if (process.env['UPDATE_GOLDEN']) writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
      expect(JSON.parse(JSON.stringify(result))).toEqual(JSON.parse(readFileSync(path, 'utf8')));
    });
  }

  it('counts the MMS the file ends inside (in its photo) as rejected at its first line, beside the failure', async () => {
    const r = await runSource(smsBackupXml, SMS);
    expect(r.accounting).toEqual({ records: 4, events: 2, skipped: 1, rejected: 1 });
    expect(r.events.map((e) => [e.locator, e.direction, e.text])).toEqual([
      ['sms[0] (line 5)', 'incoming', 'You blocked me on WhatsApp. Real mature.'],
      ['sms[1] (line 6)', 'outgoing', 'I have asked you to stop. I am keeping a record of every message.'],
    ]);
    expect(r.skipped).toEqual([{ reason: 'draft', locator: 'sms[2] (line 7)' }]);
    expect(r.rejected).toEqual([
      {
        code: 'SMS_RECORD_CUT_SHORT',
        locator: 'mms[0] (line 8)',
        message:
          'the file ends inside this record, before its end tag (line 12, column 2255); the part of it read is not used, as the rest is missing',
        hint: CUT_HINT,
      },
    ]);
    expect(r.warnings).toEqual([]);
    expect(r.failure).toEqual({
      code: 'SMS_TRUNCATED_XML',
      locator: 'mms[0] (line 8)',
      message:
        'the file ends inside mms[0] (line 8), before its end tag (line 12, column 2255): the backup was cut short; the file declares 6 records; 3 were read whole before the cut',
    });
    // Line 8 is where the MMS starts; line 12 is the photo's part, the last line of the file.
    const lines = readFileSync(SMS, 'utf8').split('\n');
    expect(lines[7]).toMatch(/^ {2}<mms date="1710888000000" /);
    expect(lines).toHaveLength(12);
    expect(lines[11]).toMatch(/^ {6}<part seq="0" ct="image\/jpeg" .* data="[A-Za-z0-9+/]+$/);
  });

  it('never emits the caption read before the cut, nor any of the photo', async () => {
    const r = await runSource(smsBackupXml, SMS);
    const said = JSON.stringify(r);
    expect(readFileSync(SMS, 'utf8')).toContain('Thought you&apos;d want this back');
    expect(said).not.toContain('want this back');
    expect(said).not.toContain('IMG_20240319_223811');
    const data = /data="([^"]+)$/.exec(readFileSync(SMS, 'utf8'))![1]!;
    expect(said).not.toContain(data.slice(0, 40));
  });

  it('counts the call the file ends inside as rejected at its line, beside the failure', async () => {
    const r = await runSource(smsBackupXml, CALLS);
    expect(r.accounting).toEqual({ records: 3, events: 2, skipped: 0, rejected: 1 });
    expect(r.events.map((e) => [e.locator, e.call?.status])).toEqual([
      ['call[0] (line 5)', 'missed'],
      ['call[1] (line 6)', 'rejected'],
    ]);
    expect(r.rejected).toEqual([
      {
        code: 'SMS_RECORD_CUT_SHORT',
        locator: 'call[2] (line 7)',
        message:
          'the file ends inside this record, before its end tag (line 7, column 120); the part of it read is not used, as the rest is missing',
        hint: CUT_HINT,
      },
    ]);
    expect(r.failure).toEqual({
      code: 'SMS_TRUNCATED_XML',
      locator: 'call[2] (line 7)',
      message:
        'the file ends inside call[2] (line 7), before its end tag (line 7, column 120): the backup was cut short; the file declares 5 records; 2 were read whole before the cut',
    });
  });

  it('counts the sms a file ends inside too (fixtures/sms-backup-xml/truncated-mid-sms.xml)', async () => {
    const r = await runSource(smsBackupXml, 'fixtures/sms-backup-xml/truncated-mid-sms.xml');
    expect(r.accounting).toEqual({ records: 4, events: 3, skipped: 0, rejected: 1 });
    expect(r.rejected.map((x) => [x.code, x.locator])).toEqual([['SMS_RECORD_CUT_SHORT', 'sms[3] (line 6)']]);
    expect(r.failure).toMatchObject({ code: 'SMS_TRUNCATED_XML', locator: 'sms[3] (line 6)' });
  });

  it('says the same at any chunk size, on the fast path and through saxes alone', async () => {
    for (const file of [SMS, CALLS]) {
      const whole = await expectSameInPieces(file, [1, 3, 7, 64, 1000]);
      expect(whole.rejected).toHaveLength(1);
    }
  });
});

describe('a backup cut anywhere', () => {
  // A whole backup of texts, an MMS with a photo and a draft, cut at every point from its first record on.
  const whole = readFileSync('fixtures/sms-backup-xml-blank-before-declaration/sms-20240318194500.xml');
  const first = whole.indexOf('  <sms ');
  /** Where the root's end tag ends: a file cut there or later is whole. */
  const end = whole.indexOf('</smses>') + '</smses>'.length;

  /** The records begun in `text`: a child of the root whose name saxes has read to its end. */
  const begun = (text: string) => (text.match(/\n {2}<(sms|mms)[\s/>]/g) ?? []).length;

  it('counts every record begun as exactly one outcome, and rejects only the one it was cut in', async () => {
    for (let cut = first; cut < end; cut++) {
      const bytes = whole.subarray(0, cut);
      const r = await readSmsIn(bytes, 65536);
      const outcomes = r.events.length + r.skipped.length + r.rejected.length;
      const at = `cut after ${cut} bytes`;
      expect(outcomes, at).toBe(begun(bytes.toString('utf8')));
      expect(r.failure?.code, at).toBe('SMS_TRUNCATED_XML');
      expect(r.rejected.length, at).toBeLessThanOrEqual(1);
      for (const x of r.rejected) {
        expect(x.code, at).toBe('SMS_RECORD_CUT_SHORT');
        expect(r.failure?.locator, at).toBe(x.locator);
      }
    }
  });
});
