/**
 * A start tag of more attributes than any record SMS Backup & Restore writes (about 30): saxes holds every
 * attribute until the tag ends, so a damaged or made-up tag of millions took 820 MB (3 million) and more than the
 * heap (10 million). Such a record is rejected at its locator (SMS_RECORD_TOO_LARGE) with its attribute count, the
 * records around it are read, and the outcome is the same whatever chunks the file arrives in.
 */
import { describe, expect, it } from 'vitest';
import { smsBackupXml } from '../../src/sources/sms-backup-xml/index.js';
import { MAX_ATTRIBUTES } from '../../src/sources/sms-backup-xml/xml-problems.js';
import { inPieces, runInput } from '../helpers/run-source.js';

const SAM = '+447700900123';
const sms = (date: number, body: string, extra = '') =>
  `  <sms protocol="0" address="${SAM}" date="${date}" type="1" subject="null" body="${body}" read="1" status="-1"${extra} contact_name="Sam" />\n`;
const attrs = (n: number) => Array.from({ length: n }, (_, i) => ` x${i}="1"`).join('');

function backup(middle: string): Buffer {
  return Buffer.from(
    "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count=\"3\">\n" +
      sms(1710450000000, 'Answer me') +
      middle +
      sms(1710450120000, 'After it') +
      '</smses>\n',
    'utf8',
  );
}

const summary = async (file: Buffer, size: number) => {
  const out = await runInput(smsBackupXml, inPieces(file, size, 'sms-2024-03-14.xml'));
  return {
    events: out.events.map((e) => [e.locator, e.text]),
    rejected: out.rejected.map((r) => [r.code, r.locator, r.message]),
    warnings: out.warnings.map((w) => w.code),
    failure: out.failure?.code,
  };
};

describe('a start tag of more attributes than a record may hold', () => {
  it('rejects that record at its locator, counting its attributes, and reads the others, in any chunks', async () => {
    const file = backup(sms(1710450060000, 'Padded', attrs(50_000)));
    const whole = await summary(file, 1 << 20);
    expect(whole).toEqual({
      events: [
        ['sms[0] (line 3)', 'Answer me'],
        ['sms[2] (line 5)', 'After it'],
      ],
      rejected: [
        [
          'SMS_RECORD_TOO_LARGE',
          'sms[1] (line 4)',
          'a start tag of 50,009 attributes, more than the 1,000 a record may hold: SMS Backup & Restore writes about 30, so none of its values are read',
        ],
      ],
      warnings: [],
      failure: undefined,
    });
    // Read in small chunks the list is cut down many times before the tag ends: the same outcome and count.
    for (const size of [4096, 65_536, 9_999])
      expect(await summary(file, size), `chunks of ${size}`).toEqual(whole);
  });

  it('reads a record of exactly the cap, and rejects one more, whether the tag fits in one chunk or not', async () => {
    // Nine attributes of the record's own, and the rest to make up the count.
    const at = backup(sms(1710450060000, 'At the cap', attrs(MAX_ATTRIBUTES - 9)));
    const over = backup(sms(1710450060000, 'Over the cap', attrs(MAX_ATTRIBUTES - 8)));
    // Read whole, in pieces that end inside the tag, and in pieces of one attribute or less.
    for (const size of [1 << 20, 1000, 7]) {
      const a = await summary(at, size);
      expect(a.rejected).toEqual([]);
      expect(a.events.map(([, text]) => text)).toEqual(['Answer me', 'At the cap', 'After it']);
      const b = await summary(over, size);
      expect(b.events.map(([, text]) => text)).toEqual(['Answer me', 'After it']);
      expect(b.rejected.map(([code, locator]) => [code, locator])).toEqual([
        ['SMS_RECORD_TOO_LARGE', 'sms[1] (line 4)'],
      ]);
      expect(b.rejected[0]![2]).toContain(
        `a start tag of ${(MAX_ATTRIBUTES + 1).toLocaleString('en-GB')} attributes`,
      );
    }
  });

  it('rejects an MMS whose part holds too many, keeping the part count of the first such tag', async () => {
    const mms =
      `  <mms date="1710450060000" msg_box="1" address="${SAM}" m_type="132" read="1">\n` +
      `    <parts><part seq="0" ct="text/plain" text="hello"${attrs(3000)} /><part seq="1" ct="text/plain" text="x"${attrs(2000)} /></parts>\n` +
      `    <addrs><addr address="${SAM}" type="137" charset="106" /></addrs>\n  </mms>\n`;
    const file = backup(mms);
    for (const size of [1 << 20, 2048]) {
      const r = await summary(file, size);
      expect(r.events.map(([l]) => l)).toEqual(['sms[0] (line 3)', 'sms[1] (line 8)']);
      expect(r.rejected.map(([code, locator]) => [code, locator])).toEqual([
        ['SMS_RECORD_TOO_LARGE', 'mms[0] (line 4)'],
      ]);
      expect(r.rejected[0]![2]).toContain('a start tag of 3,003 attributes,');
    }
  });

  it('rejects a tag over the cap that names an attribute twice alike, wherever the reads end', async () => {
    // saxes finds a name given twice only among the attributes it still holds at the tag's end: read whole it
    // failed the file, cut down between reads it did not. Over the cap, the record is rejected either way.
    const file = backup(sms(1710450060000, 'Twice', ` x0="1"${attrs(1500)}`));
    const whole = await summary(file, 1 << 20);
    expect(whole.failure).toBeUndefined();
    expect(whole.events.map(([, text]) => text)).toEqual(['Answer me', 'After it']);
    expect(whole.rejected.map(([code, locator]) => [code, locator])).toEqual([
      ['SMS_RECORD_TOO_LARGE', 'sms[1] (line 4)'],
    ]);
    for (const size of [4096, 333, 9]) expect(await summary(file, size), `chunks of ${size}`).toEqual(whole);
    // Under the cap a name given twice still fails the file, as saxes says.
    const under = await summary(backup(sms(1710450060000, 'Twice', ` x0="1"${attrs(10)}`)), 1 << 20);
    expect(under.failure).toBe('SMS_MALFORMED_XML');
  });

  it('fails a file whose root start tag holds more than the cap, at the root, wherever the reads end', async () => {
    const file = Buffer.from(
      `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count="1"\n${attrs(2000)}>\n${sms(1710450000000, 'Answer me')}</smses>\n`,
    );
    for (const size of [1 << 20, 4096, 100]) {
      const out = await runInput(smsBackupXml, inPieces(file, size, 'sms-2024-03-14.xml'));
      expect(out.events, `chunks of ${size}`).toEqual([]);
      expect(out.failure, `chunks of ${size}`).toMatchObject({
        code: 'SMS_MALFORMED_XML',
        locator: 'line 2',
        message:
          'the start tag of the root element (line 2) holds more than 1,000 attributes, where SMS Backup & Restore writes a few',
      });
    }
  });

  it('fails a file whose elements nest deeper than any backup, keeping the records before them', async () => {
    // The XML parser holds every open element: 25 million nested <a> ran Node out of memory.
    const file = Buffer.from(
      `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count="2">\n${sms(1710450000000, 'Answer me')}<a>${'<a>'.repeat(150_000)}\n</smses>\n`,
    );
    const out = await runInput(smsBackupXml, inPieces(file, 65_536, 'sms-2024-03-14.xml'));
    expect(out.events.map((e) => e.text)).toEqual(['Answer me']);
    expect(out.failure?.code).toBe('SMS_MALFORMED_XML');
    expect(out.failure?.message).toContain(
      'elements nested more than 100,000 deep, where SMS Backup & Restore nests 4',
    );
  });
});
