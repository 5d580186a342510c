/**
 * Backups edited by hand (fixtures/sms-backup-xml-hand-edited): a record left open, `<sms … >` for `<sms … />`, so
 * that in the XML the records after it lie inside it, and an `&` not written `&amp;` (`Tom & Jerry`). Before, the
 * records inside the open one were in no count (neither events nor rejected) and the file failed at the root's end
 * tag; the `&` made saxes read on to the next `;` for a reference's name, so a file without one read as cut short
 * (SMS_RECORD_CUT_SHORT and SMS_TRUNCATED_XML at one locator). Now every record is read as the record it is, the
 * open one is named in one SMS_RECORD_NOT_CLOSED warning, and the `&` is read as itself with an
 * SMS_UNESCAPED_AMPERSAND warning at its line and column, like the other XML errors a record survives.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { smsBackupXml } from '../../src/sources/sms-backup-xml/index.js';
import { reportOf } from '../helpers/report.js';
import { runSource } from '../helpers/run-source.js';
import { expectSameInPieces, readSmsIn } from '../helpers/sms-pieces.js';

const DIR = 'fixtures/sms-backup-xml-hand-edited';
const SMS = join(DIR, 'sms-20240319215000.xml');
const CALLS = join(DIR, 'calls-20240319215000.xml');

const DECL = "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>";
/** One `<sms>` line: message `n` with `body`, its start tag ended by `end`. */
const sms = (n: number, body: string, end = ' />') =>
  `  <sms address="+447700900123" date="${1710880867000 + n * 60_000}" type="1" body="${body}"${end}\n`;
const backup = (records: string) => Buffer.from(`${DECL}\n<smses>\n${records}</smses>\n`);
const MMS =
  '  <mms date="1710882902000" msg_box="1" address="+447700900123"><parts><part seq="0" ct="text/plain" text="Look" /></parts>' +
  '<addrs><addr address="+447700900123" type="137" /></addrs></mms>\n';

/** What each outcome says, in short. */
async function outcome(bytes: Uint8Array) {
  const r = await readSmsIn(bytes, bytes.length);
  return {
    events: r.events.map((e) => [e.locator, e.text]),
    rejected: r.rejected.map((x) => [x.code, x.locator]),
    warnings: r.warnings.map((w) => [w.code, w.locator]),
    failure: r.failure?.code,
  };
}

describe('the files of fixtures/sms-backup-xml-hand-edited', () => {
  for (const [file, golden] of [
    [SMS, 'sms-20240319215000.expected.json'],
    [CALLS, 'calls-20240319215000.expected.json'],
  ] as const) {
    it(`${file} matches its golden`, async () => {
      const result = await runSource(smsBackupXml, file);
      const path = join(DIR, golden);
      if (process.env['UPDATE_GOLDEN']) writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
      expect(JSON.parse(JSON.stringify(result))).toEqual(JSON.parse(readFileSync(path, 'utf8')));
    });

    it(`${file} says the same at any chunk size, on the fast path and through saxes alone`, async () => {
      await expectSameInPieces(file, [1, 2, 7, 64, 4096]);
    });
  }

  it('reads every message, those inside the one left open too, so the counts add up', async () => {
    const r = await runSource(smsBackupXml, SMS);
    expect(r.failure).toBeUndefined();
    // count="7": all of them, each an event.
    expect(r.accounting).toEqual({ records: 7, events: 7, skipped: 0, rejected: 0 });
    expect(r.events.map((e) => [e.locator, e.direction, e.kind, e.text])).toEqual([
      ['sms[0] (line 5)', 'incoming', 'message', "Where were you tonight? Don't lie to me"],
      ['sms[1] (line 6)', 'outgoing', 'message', 'Out with Tom & Jerry from work. Please stop texting me.'],
      ['sms[2] (line 7)', 'incoming', 'message', "You think I don't know who Jerry is?"],
      ['sms[3] (line 8)', 'incoming', 'message', "I'm outside your building"],
      ['sms[4] (line 9)', 'incoming', 'message', 'Come down or I come up'],
      ['mms[0] (line 10)', 'incoming', 'media', 'Your light is on. I can see you'],
      ['sms[5] (line 21)', 'outgoing', 'message', "I'm calling the police"],
    ]);
  });

  it('names the record left open, with its line, and the "&" with its line, column and attribute', async () => {
    const r = await runSource(smsBackupXml, SMS);
    expect(r.warnings).toEqual([
      {
        code: 'SMS_UNESCAPED_AMPERSAND',
        locator: 'sms[1] (line 6)',
        message:
          'an "&" not written as &amp; in body= (line 6, column 109), as XML requires, was read as the character "&" itself; the text around it is read as written',
      },
      {
        code: 'SMS_RECORD_NOT_CLOSED',
        locator: 'sms[3] (line 8)',
        message:
          'the start tag of this record ends in ">" where SMS Backup & Restore writes "/>", so in the XML the records after it lie inside it; it and each record after it were read as the separate records they are',
      },
    ]);
    // The column is the "&"'s own.
    expect(readFileSync(SMS, 'utf8').split('\n')[5]!.indexOf(' & ') + 2).toBe(109);
  });

  it('reads every call, the last one closed by the end tag of the call log', async () => {
    const r = await runSource(smsBackupXml, CALLS);
    expect(r.failure).toBeUndefined();
    expect(r.accounting).toEqual({ records: 3, events: 3, skipped: 0, rejected: 0 });
    expect(r.events.map((e) => [e.locator, e.call?.status])).toEqual([
      ['call[0] (line 5)', 'missed'],
      ['call[1] (line 6)', 'rejected'],
      ['call[2] (line 7)', 'missed'],
    ]);
    expect(r.warnings).toEqual([
      {
        code: 'SMS_RECORD_NOT_CLOSED',
        locator: 'call[2] (line 7)',
        message:
          'the start tag of this record ends in ">" where SMS Backup & Restore writes "/>", and the end tag after it is not its own </call>; the record was read as usual',
      },
    ]);
  });

  it('is reported with every record kept and three warnings, no error', async () => {
    const r = await reportOf([DIR]);
    expect(r.inputs.map((i) => [i.path.split('/').pop(), i.events])).toEqual([
      ['calls-20240319215000.xml', 3],
      ['sms-20240319215000.xml', 7],
    ]);
    expect(r.problems.map((p) => [p.severity, p.code])).toEqual([
      ['warning', 'SMS_RECORD_NOT_CLOSED'],
      ['warning', 'SMS_UNESCAPED_AMPERSAND'],
      ['warning', 'SMS_RECORD_NOT_CLOSED'],
    ]);
  });
});

describe('a record left open', () => {
  it('counts the others left open in the one warning', async () => {
    const r = await readSmsIn(backup(sms(0, 'a', ' >') + sms(1, 'b', '>') + sms(2, 'c')), 65536);
    expect(r.events.map((e) => e.locator)).toEqual(['sms[0] (line 3)', 'sms[1] (line 4)', 'sms[2] (line 5)']);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ code: 'SMS_RECORD_NOT_CLOSED', locator: 'sms[0] (line 3)' });
    expect(r.warnings[0]!.message).toMatch(/ \(and 1 more record left open like it\)$/);
  });

  it('reads an MMS whose </mms> is missing (and its </parts>) up to the end tag that closes it, the records inside it too', async () => {
    // The MMS is read at the root's end tag, which closes it: anything of its own after the record inside it
    // (its addresses, say) would be its own.
    // Without </parts> too, the <parts> left open is flagged (SMS_ELEMENT_NOT_CLOSED): its data is read.
    for (const [mms, more] of [
      [MMS.replace('</mms>', ''), []],
      [MMS.replace('</parts>', '').replace('</mms>', ''), [['SMS_ELEMENT_NOT_CLOSED', 'mms[0] (line 3)']]],
    ] as const) {
      expect(await outcome(backup(mms + sms(1, 'b')))).toEqual({
        events: [
          ['sms[0] (line 4)', 'b'],
          ['mms[0] (line 3)', 'Look'],
        ],
        rejected: [],
        warnings: [['SMS_RECORD_NOT_CLOSED', 'mms[0] (line 3)'], ...more],
        failure: undefined,
      });
    }
  });

  it('reads a record inside one closed later by its own end tag, and checks text inside it as text between records', async () => {
    const r = await outcome(backup(`${sms(0, 'a', ' >')}  oops\n${sms(1, 'b')}  </sms>\n${sms(2, 'c')}`));
    expect(r).toEqual({
      events: [
        ['sms[0] (line 3)', 'a'],
        ['sms[1] (line 5)', 'b'],
        ['sms[2] (line 7)', 'c'],
      ],
      rejected: [],
      // Closed by its own end tag: a record inside it, not one never closed.
      warnings: [
        ['SMS_STRAY_TEXT', 'line 4'],
        ['SMS_RECORD_INSIDE_RECORD', 'sms[0] (line 3)'],
      ],
      failure: undefined,
    });
  });

  it('still fails a file cut short after it, and an end tag that closes nothing open', async () => {
    const cut = Buffer.from(`${DECL}\n<smses count="2">\n${sms(0, 'a', ' >')}${sms(1, 'b')}`);
    const r = await readSmsIn(cut, 65536);
    expect(r.events).toHaveLength(2);
    expect(r.warnings.map((w) => w.code)).toEqual(['SMS_RECORD_NOT_CLOSED']);
    expect(r.failure?.message).toBe(
      "the file ends at line 5, column 0 before the backup's closing tag: the backup was cut short; the file declares 2 records; 2 were read before the cut",
    );
    const stray = await outcome(backup(`${sms(0, 'a', ' >')}  </mms>\n`));
    expect(stray.events).toEqual([['sms[0] (line 3)', 'a']]);
    expect(stray.failure).toBe('SMS_MALFORMED_XML');
  });
});

describe('an "&" not written &amp;', () => {
  it('is read as itself wherever it stands in a value, the file no longer read as cut short', async () => {
    // No ";" anywhere after the "&": saxes read to the end of the file for a reference's name.
    const bytes = backup(
      sms(0, 'Tom & Jerry') + sms(1, 'AT&T') + sms(2, 'a & b & c') + sms(3, 'fish &chips'),
    );
    const r = await readSmsIn(bytes, 65536);
    expect(r.failure).toBeUndefined();
    expect(r.rejected).toEqual([]);
    expect(r.events.map((e) => e.text)).toEqual(['Tom & Jerry', 'AT&T', 'a & b & c', 'fish &chips']);
    // One warning for the file: the first "&" with its line, column and attribute, then the count and where.
    expect(r.warnings.map((w) => [w.locator, w.message.replace(/, as XML requires[^(]*/, ' … ')])).toEqual([
      [
        'sms[0] (line 3)',
        'an "&" not written as &amp; in body= (line 3, column 72) … (and 4 more like it; 5 in 4 records: ' +
          'sms[0] (line 3), sms[1] (line 4), sms[2] (line 5), …)',
      ],
    ]);
    for (const size of [1, 3, 5, 13]) {
      expect(await readSmsIn(bytes, size), `${size}-byte pieces`).toEqual(r);
      expect(await readSmsIn(bytes, size, false), `${size}-byte pieces, saxes alone`).toEqual(r);
    }
  });

  it('is read as itself in an MMS part, and warned about between records beside the stray text', async () => {
    expect(await outcome(backup(MMS.replace('text="Look"', 'text="P & Q"')))).toEqual({
      events: [['mms[0] (line 3)', 'P & Q']],
      rejected: [],
      warnings: [['SMS_UNESCAPED_AMPERSAND', 'mms[0] (line 3)']],
      failure: undefined,
    });
    expect((await outcome(backup(`${sms(0, 'a')}  Tom & Jerry\n${sms(1, 'b')}`))).warnings).toEqual([
      ['SMS_STRAY_TEXT', 'line 4'],
      ['SMS_UNESCAPED_AMPERSAND', 'line 4'],
    ]);
  });

  it('is left alone in a comment; a reference is an XML name (or #digits) up to ";", so "&a,b;" is "&" itself', async () => {
    const r = await outcome(
      backup(
        `${sms(0, 'a')}  <!-- Tom & Jerry -->\n${sms(1, 'x &a,b; y')}${sms(2, '&xxe;')}${sms(3, '&amp; &#10;')}`,
      ),
    );
    expect(r).toEqual({
      events: [
        ['sms[0] (line 3)', 'a'],
        ['sms[1] (line 5)', 'x &a,b; y'],
        ['sms[3] (line 7)', '& \n'],
      ],
      rejected: [['SMS_UNDEFINED_ENTITY', 'sms[2] (line 6)']],
      warnings: [['SMS_UNESCAPED_AMPERSAND', 'sms[1] (line 5)']],
      failure: undefined,
    });
  });
});
