/**
 * Records inside records, and "&" read as itself (fixtures/sms-backup-xml-nested-records). A hand edit pasted a
 * text between an MMS's parts and its addresses. Since the reader took up records left open, the MMS was ended at
 * the text inside it: its <addrs> became a record of the root (skipped), it lost its sender (SMS_MMS_NO_SENDER),
 * and SMS_RECORD_NOT_CLOSED said no </mms> closes it. Now the records around the one inside are kept open and
 * taken up again after it, each ending at its own end tag (or the one that closes it), and the warning says what
 * happened. An "&" starts a reference only when an XML name (or #digits, #xhex) follows it up to ";": a link's
 * "&y=2;" is read as written, not rejected. Every "&" read as itself is told in one warning for the file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { smsBackupXml } from '../../src/sources/sms-backup-xml/index.js';
import { runSource } from '../helpers/run-source.js';
import { expectSameInPieces, readSmsIn } from '../helpers/sms-pieces.js';

const DIR = 'fixtures/sms-backup-xml-nested-records';
const SMS = join(DIR, 'sms-20240319215000.xml');

const DECL = "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>";
/** One `<sms>` line: message `n` with `body`, its start tag ended by `end`. */
const sms = (n: number, body: string, end = ' />') =>
  `  <sms address="+447700900123" date="${1710880867000 + n * 60_000}" type="1" body="${body}"${end}\n`;
const backup = (records: string, root = '<smses>') => Buffer.from(`${DECL}\n${root}\n${records}</smses>\n`);
const MMS_START =
  '  <mms date="1710882902000" msg_box="1" address="+447700900123~+447700900456" m_type="132">\n';
const PARTS = '    <parts><part seq="0" ct="text/plain" text="Look" /></parts>\n';
const ADDRS = '    <addrs><addr address="+447700900123" type="137" /></addrs>\n';

/** What each outcome says, in short, the same in pieces of any size, on the fast path and through saxes alone. */
async function outcome(bytes: Uint8Array) {
  const r = await readSmsIn(bytes, bytes.length);
  for (const size of [1, 3, 7]) {
    expect(await readSmsIn(bytes, size), `${size}-byte pieces`).toEqual(r);
    expect(await readSmsIn(bytes, size, false), `${size}-byte pieces, saxes alone`).toEqual(r);
  }
  return {
    events: r.events.map((e) => [e.locator, e.text, e.sender && 'id' in e.sender ? e.sender.id : undefined]),
    skipped: r.skipped.map((s) => [s.reason, s.locator]),
    rejected: r.rejected.map((x) => [x.code, x.locator]),
    warnings: r.warnings.map((w) => [w.code, w.locator]),
    failure: r.failure?.code,
  };
}

describe('the file of fixtures/sms-backup-xml-nested-records', () => {
  it('matches its golden', async () => {
    const result = await runSource(smsBackupXml, SMS);
    const path = join(DIR, 'sms-20240319215000.expected.json');
    if (process.env['UPDATE_GOLDEN']) writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
    expect(JSON.parse(JSON.stringify(result))).toEqual(JSON.parse(readFileSync(path, 'utf8')));
  });

  it('says the same at any chunk size, on the fast path and through saxes alone', async () => {
    await expectSameInPieces(SMS, [1, 2, 7, 64, 4096]);
  });

  it('reads the MMS with its own addresses after the text inside it, from the subject, and the text too', async () => {
    const r = await runSource(smsBackupXml, SMS);
    expect(r.failure).toBeUndefined();
    expect(r.accounting).toEqual({ records: 5, events: 5, skipped: 0, rejected: 0 });
    expect(
      r.events.map((e) => [e.locator, e.text, e.sender && 'id' in e.sender ? e.sender.id : 'victim']),
    ).toEqual([
      ['sms[0] (line 3)', 'Answer your phone', '+447700900123'],
      ['sms[1] (line 6)', 'Why are you ignoring me', '+447700900123'],
      ['mms[0] (line 4)', 'Look at this', '+447700900123'],
      ['sms[2] (line 9)', 'Saw you at a.example/?x=1&y=2;z=3', '+447700900123'],
      ['sms[3] (line 10)', 'Leave me alone & stop', 'victim'],
    ]);
    expect(r.warnings).toEqual([
      {
        code: 'SMS_UNESCAPED_AMPERSAND',
        locator: 'sms[2] (line 9)',
        message:
          'an "&" not written as &amp; in body= (line 9, column 106), as XML requires, was read as the character "&" ' +
          'itself; the text around it is read as written (and 1 more like it; 2 in 2 records: sms[2] (line 9), ' +
          'sms[3] (line 10))',
      },
      {
        code: 'SMS_RECORD_INSIDE_RECORD',
        locator: 'mms[0] (line 4)',
        message:
          'sms[1] (line 6) lies inside this record, before its end tag </mms>, where SMS Backup & Restore writes ' +
          'records one after another; it was read as a record of its own, and this record as usual, with all of ' +
          'its own parts and addresses, those after it too',
      },
    ]);
    expect(readFileSync(SMS, 'utf8').split('\n')[8]!.indexOf('&y') + 1).toBe(106);
  });
});

describe('a record inside another', () => {
  it('reads an MMS left open with its parts and addresses around the records inside it, closed by the root', async () => {
    expect(await outcome(backup(MMS_START + PARTS + sms(0, 'a') + ADDRS + sms(1, 'b')))).toEqual({
      events: [
        ['sms[0] (line 5)', 'a', '+447700900123'],
        ['sms[1] (line 7)', 'b', '+447700900123'],
        ['mms[0] (line 3)', 'Look', '+447700900123'],
      ],
      skipped: [],
      rejected: [],
      warnings: [['SMS_RECORD_NOT_CLOSED', 'mms[0] (line 3)']],
      failure: undefined,
    });
  });

  it('names the first record left open in the file, not the last the root closes', async () => {
    const r = await readSmsIn(backup(sms(0, 'a', '>') + sms(1, 'b', '>') + sms(2, 'c', '>')), 65536);
    expect(r.warnings.map((w) => [w.code, w.locator])).toEqual([
      ['SMS_RECORD_NOT_CLOSED', 'sms[0] (line 3)'],
    ]);
    expect(r.warnings[0]!.message).toMatch(
      /records after it lie inside it.* \(and 2 more records left open like it\)$/,
    );
  });

  it('rejects the record a cut falls in, and reads the MMS around it, whose own children are all closed', async () => {
    const cut = Buffer.from(`${DECL}\n<smses>\n${MMS_START}${PARTS}${sms(0, 'a').slice(0, 40)}`);
    expect(await outcome(cut)).toEqual({
      events: [['mms[0] (line 3)', 'Look', undefined]],
      skipped: [],
      rejected: [['SMS_RECORD_CUT_SHORT', 'sms[0] (line 5)']],
      warnings: [
        ['SMS_MMS_NO_SENDER', 'mms[0] (line 3)'],
        ['SMS_RECORD_NOT_CLOSED', 'mms[0] (line 3)'],
      ],
      failure: 'SMS_TRUNCATED_XML',
    });
  });

  it('still rejects an MMS around the cut record when one of its own elements is open', async () => {
    const cut = Buffer.from(`${DECL}\n<smses>\n${MMS_START}    <parts>\n${sms(0, 'a').slice(0, 40)}`);
    const r = await outcome(cut);
    expect(r.events).toEqual([]);
    expect(r.rejected).toEqual([
      ['SMS_RECORD_CUT_SHORT', 'sms[0] (line 5)'],
      ['SMS_RECORD_CUT_SHORT', 'mms[0] (line 3)'],
    ]);
  });

  it('still fails at an end tag that closes nothing open inside an MMS, rejecting the MMS', async () => {
    const bad = backup(
      `${MMS_START}    <parts><part seq="0" ct="text/plain" text="Look" /></part>\n  </mms>\n`,
    );
    const r = await outcome(bad);
    expect(r.rejected).toEqual([['SMS_RECORD_MALFORMED', 'mms[0] (line 3)']]);
    expect(r.failure).toBe('SMS_MALFORMED_XML');
  });
});

describe('a file cut right after a record left open', () => {
  it('reads an <sms … > whose start tag is whole, as all it holds is there; an MMS there is still cut short', async () => {
    const open = Buffer.from(`${DECL}\n<smses count="2">\n${sms(0, 'a')}${sms(1, 'b', ' >')}`);
    const r = await readSmsIn(open, 65536);
    expect(r.events.map((e) => e.text)).toEqual(['a', 'b']);
    expect(r.rejected).toEqual([]);
    expect(r.warnings.map((w) => [w.code, w.locator, w.message])).toEqual([
      [
        'SMS_RECORD_NOT_CLOSED',
        'sms[1] (line 4)',
        'the start tag of this record ends in ">" where SMS Backup & Restore writes "/>", and the file ends after it; the record was read as usual, as all it holds is in its start tag',
      ],
    ]);
    expect(r.failure?.message).toBe(
      "the file ends at line 5, column 0 before the backup's closing tag: the backup was cut short; the file declares 2 records; 2 were read before the cut",
    );
    const mms = Buffer.from(`${DECL}\n<smses>\n${MMS_START}`);
    expect((await outcome(mms)).rejected).toEqual([['SMS_RECORD_CUT_SHORT', 'mms[0] (line 3)']]);
  });
});

describe('an "&"', () => {
  it('starts a reference only when an XML name or #digits / #xhex follows it up to ";"', async () => {
    const r = await outcome(
      backup(
        sms(0, 'a.example/?x=1&y=2;z=3') +
          sms(1, 'x &; y') +
          sms(2, '&1x; &a.b-c; &#65; &#x42; &#12a;') +
          sms(3, 'q&A, then &nbsp;'),
      ),
    );
    expect(r.events).toEqual([
      ['sms[0] (line 3)', 'a.example/?x=1&y=2;z=3', '+447700900123'],
      ['sms[1] (line 4)', 'x &; y', '+447700900123'],
    ]);
    // "&a.b-c;" is a name, so an entity never declared (rejected as before), as is "&nbsp;".
    expect(r.rejected).toEqual([
      ['SMS_UNDEFINED_ENTITY', 'sms[2] (line 5)'],
      ['SMS_UNDEFINED_ENTITY', 'sms[3] (line 6)'],
    ]);
    expect(r.warnings).toEqual([['SMS_UNESCAPED_AMPERSAND', 'sms[0] (line 3)']]);
    const refs = await outcome(backup(sms(0, '&1x; &#65;&#x42; &#12a; &a,b;')));
    expect(refs.events).toEqual([['sms[0] (line 3)', '&1x; AB &#12a; &a,b;', '+447700900123']]);
  });

  it('is told once for a file that never escapes it, with the count and where the first ones are', async () => {
    const records = Array.from({ length: 3000 }, (_, i) =>
      sms(i, `Tom & Jerry ${i}${i % 3 === 0 ? ' & co' : ''}`),
    );
    const r = await readSmsIn(backup(records.join('')), 65536);
    expect(r.events).toHaveLength(3000);
    expect(r.warnings.map((w) => [w.code, w.locator])).toEqual([
      ['SMS_UNESCAPED_AMPERSAND', 'sms[0] (line 3)'],
    ]);
    expect(r.warnings[0]!.message).toMatch(
      /^an "&" not written as &amp; in body= \(line 3, column 72\), .* \(and 3999 more like it; 4000 in 3000 records: sms\[0\] \(line 3\), sms\[1\] \(line 4\), sms\[2\] \(line 5\), …\)$/,
    );
  });

  it('in the root start tag is read as itself too, not as a file cut short before its root', async () => {
    expect(await outcome(backup(sms(0, 'a'), '<smses count="1" note="Tom & Jerry">'))).toEqual({
      events: [['sms[0] (line 3)', 'a', '+447700900123']],
      skipped: [],
      rejected: [],
      warnings: [['SMS_UNESCAPED_AMPERSAND', 'line 2']],
      failure: undefined,
    });
  });
});

/**
 * An <mms> with its parts and addresses but no </mms>, followed by records, in a file that is then cut short or
 * breaks off: since records were kept on a stack, the MMS was taken up again after each record inside it and
 * rejected at the cut as the record the file ends in (the failure located at it, lines before the cut). It holds
 * all it has, so it is read with SMS_RECORD_NOT_CLOSED, as before; only the record the stop falls in is rejected.
 */
describe('an MMS left open whose own children are all closed, at a cut or fatal error', () => {
  const MMS_WHOLE = `${MMS_START}${PARTS}${ADDRS}`;

  it('is read when the file is cut short between the records after it; the failure names the line', async () => {
    const cut = Buffer.from(
      `${DECL}\n<smses count="4">\n${MMS_WHOLE}${sms(0, 's1')}${sms(1, 's2')}${sms(2, 's3')}`,
    );
    const r = await outcome(cut);
    expect(r.events.map((e) => e[0])).toEqual([
      'sms[0] (line 6)',
      'sms[1] (line 7)',
      'sms[2] (line 8)',
      'mms[0] (line 3)',
    ]);
    expect(r.rejected).toEqual([]);
    expect(r.warnings).toEqual([['SMS_RECORD_NOT_CLOSED', 'mms[0] (line 3)']]);
    expect(r.failure).toBe('SMS_TRUNCATED_XML');
    const whole = await readSmsIn(cut, cut.length);
    expect(whole.failure?.locator).toBe('line 9');
  });

  it('is read at a fatal error in a later record, which alone is rejected and locates the failure', async () => {
    const bad = Buffer.from(
      `${DECL}\n<smses count="3">\n${MMS_WHOLE}${sms(0, 's1')}${sms(1, 's2', ' / >')}</smses>\n`,
    );
    const r = await outcome(bad);
    expect(r.events.map((e) => e[0])).toEqual(['sms[0] (line 6)', 'mms[0] (line 3)']);
    expect(r.rejected).toEqual([['SMS_RECORD_MALFORMED', 'sms[1] (line 7)']]);
    expect(r.warnings).toEqual([['SMS_RECORD_NOT_CLOSED', 'mms[0] (line 3)']]);
    expect(r.failure).toBe('SMS_MALFORMED_XML');
    expect((await readSmsIn(bad, bad.length)).failure?.locator).toBe('sms[1] (line 7)');
  });

  it('reads each of several MMSs left open one inside the next; the last, which the cut ends, is rejected', async () => {
    const one = (n: number) =>
      `<mms date="${1710880867000 + n * 1000}" msg_box="1" address="+447700900123" m_type="132">` +
      `<parts><part seq="0" ct="text/plain" text="p${n}" /></parts>` +
      '<addrs><addr address="+447700900123" type="137" /></addrs>\n';
    const cut = Buffer.from(`${DECL}\n<smses count="5">\n${[0, 1, 2, 3, 4].map(one).join('')}`);
    const r = await outcome(cut);
    expect(r.events.map((e) => e[1])).toEqual(['p0', 'p1', 'p2', 'p3']);
    expect(r.rejected).toEqual([['SMS_RECORD_CUT_SHORT', 'mms[4] (line 7)']]);
    expect(r.warnings).toEqual([['SMS_RECORD_NOT_CLOSED', 'mms[0] (line 3)']]);
    expect(r.failure).toBe('SMS_TRUNCATED_XML');
  });
});

/**
 * The name of an end tag is taken from saxes as it closes it: read back from the text, it was lost when spaces
 * before the ">" put its "<" more than 512 characters back, and results then depended on where the chunks fell.
 */
describe('an end tag with many spaces before its ">"', () => {
  const spaces = ' '.repeat(40_000);
  const file = (tail: string) =>
    Buffer.from(
      `${DECL}\n<smses count="2">\n${MMS_START}    <parts><part seq="0" ct="text/plain" text="Look" /></parts${tail}`,
    );

  it('after </parts reads the same in pieces of any size', async () => {
    const bytes = file(`${spaces}>\n${ADDRS}  </mms>\n${sms(1, 'b')}</smses>\n`);
    const whole = await readSmsIn(bytes, bytes.length);
    expect(whole.events.map((e) => e.locator)).toEqual(['mms[0] (line 3)', 'sms[0] (line 7)']);
    expect(whole.warnings).toEqual([]);
    for (const size of [1, 64, 32_768]) {
      expect(await readSmsIn(bytes, size), `${size}-byte pieces`).toEqual(whole);
      expect(await readSmsIn(bytes, size, false), `${size}-byte pieces, saxes alone`).toEqual(whole);
    }
  });

  it('after </mms reads the same in pieces of any size', async () => {
    const bytes = file(`>\n${ADDRS}  </mms${spaces}>\n${sms(1, 'b')}</smses>\n`);
    const whole = await readSmsIn(bytes, bytes.length);
    expect(whole.events.map((e) => e.locator)).toEqual(['mms[0] (line 3)', 'sms[0] (line 7)']);
    expect(whole.warnings).toEqual([]);
    for (const size of [1, 64, 32_768]) {
      expect(await readSmsIn(bytes, size), `${size}-byte pieces`).toEqual(whole);
      expect(await readSmsIn(bytes, size, false), `${size}-byte pieces, saxes alone`).toEqual(whole);
    }
  });
});

/**
 * One end tag that closes thousands of records left open (`<sms … >`), below thousands of other open elements:
 * whether its name is open is looked up once per end tag, from the top of saxes' stack, not once per element it
 * pops from the bottom (which took 24 s for 80,000). A moderate size here; it completes in well under a second.
 */
describe('an end tag that closes many records left open', () => {
  it('reads every record', async () => {
    const n = 5_000;
    const body =
      `${MMS_START}${'<x>'.repeat(n)}<y>` +
      Array.from(
        { length: n },
        (_, i) => `<sms address="1" date="${1710880000000 + i}" type="1" body="b">`,
      ).join('') +
      `</y>${'</x>'.repeat(n)}</mms>\n`;
    const bytes = Buffer.from(`${DECL}\n<smses>\n${body}</smses>\n`);
    const r = await readSmsIn(bytes, 65_536);
    expect(r.events.filter((e) => String(e.locator).startsWith('sms[')).length).toBe(n);
    expect(r.failure).toBeUndefined();
    expect(await readSmsIn(bytes, 4096, false)).toEqual(r);
  });
});

/** An element inside a record left without its end tag is read, but flagged once per file: a hand edit. */
describe('an element left open inside a record', () => {
  it('is read, and named once with the first record that holds one', async () => {
    const open = `${MMS_START}    <parts><part seq="0" ct="text/plain" text="Look" />\n${ADDRS}  </mms>\n`;
    const r = await outcome(backup(open + open));
    expect(r.events.map((e) => e[0])).toEqual(['mms[0] (line 3)', 'mms[1] (line 7)']);
    expect(r.rejected).toEqual([]);
    expect(r.warnings).toEqual([['SMS_ELEMENT_NOT_CLOSED', 'mms[0] (line 3)']]);
    const whole = await readSmsIn(backup(open + open), 65_536);
    expect(whole.warnings[0]?.message).toBe(
      '<parts> in this record has no end tag </parts> (SMS Backup & Restore closes every element): a later end ' +
        'tag closes it, and what it holds was read as usual (and 1 more element left open like it)',
    );
  });
});
