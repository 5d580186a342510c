/**
 * A word typed between the XML declaration and the root element (fixtures/sms-backup-xml-stray-word-after-declaration:
 * "evidence copy" on line 2 of the messages). Before, such a file was passed over as no supported format, though a
 * word before the declaration was detected; now it is detected alike (a file named .xml, a little text, then the
 * root <smses> or <calls>) and fails with its line and the hint for text before the root, the call log beside it
 * read whole.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeProbe } from '../../src/sources/detect.js';
import { smsBackupXml } from '../../src/sources/sms-backup-xml/index.js';
import { reportOf } from '../helpers/report.js';
import { expectSameInPieces } from '../helpers/sms-pieces.js';

const DIR = 'fixtures/sms-backup-xml-stray-word-after-declaration';
const SMS = join(DIR, 'sms-20240320081500.xml');

const probeOf = (name: string, bytes: Uint8Array) => makeProbe(name, name, bytes.subarray(0, 64 * 1024));
const DECL = "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>";
const ONE_SMS =
  '<smses count="1">\n  <sms protocol="0" address="+447700900123" date="1710921480000" type="1" body="Good morning" />\n</smses>\n';

describe('a backup with a word between its XML declaration and its root element', () => {
  it('is detected, like one with a word before the declaration', () => {
    expect(smsBackupXml.detect(probeOf(SMS, readFileSync(SMS)))).toBe(true);
    for (const text of [
      `${DECL}\nhello\n${ONE_SMS}`,
      `${DECL}\n<!-- saved -->\nhello\n${ONE_SMS}`,
      `hello\n${DECL}\n${ONE_SMS}`,
      `${DECL}\nhello\n${DECL}\n${ONE_SMS}`,
    ]) {
      expect(smsBackupXml.detect(probeOf('sms-20240320081500.xml', Buffer.from(text))), text).toBe(true);
    }
  });

  it('is not claimed by another name, nor with a long text there', () => {
    const bytes = readFileSync(SMS);
    expect(smsBackupXml.detect(probeOf('sms-20240320081500.txt', bytes))).toBe(false);
    const prose = `${DECL}\n${'These are my notes about the backup. '.repeat(8)}\n${ONE_SMS}`;
    expect(smsBackupXml.detect(probeOf('notes.xml', Buffer.from(prose)))).toBe(false);
  });

  it('fails at the line of the word, with the hint for text before the root, at any chunk size', async () => {
    const r = await expectSameInPieces(SMS, [1, 7, 4096]);
    expect(r.events).toEqual([]);
    expect(r.rejected).toEqual([]);
    expect(r.failure).toEqual({
      code: 'SMS_MALFORMED_XML',
      message: 'XML error at line 2, column 1: text data outside of root node.',
      locator: 'line 2',
      hint: 'No record was read: the file goes wrong before its root element <smses> or <calls>, where only the XML declaration, comments and white space may stand (text there was typed or pasted in, or another file was joined to the start). Use the backup as the app wrote it: copy it again from the phone or cloud.',
    });
  });

  it('is reported as a backup that failed, beside the whole call log, not as a file of no known format', async () => {
    const r = await reportOf([DIR]);
    expect(r.inputs.map((i) => [i.path.split('/').pop(), i.format, i.events])).toEqual([
      ['calls-20240320081500.xml', 'sms-backup-xml', 2],
      ['sms-20240320081500.xml', 'sms-backup-xml', 0],
    ]);
    expect(r.problems.map((p) => [p.severity, p.code, p.locator])).toEqual([
      ['error', 'SMS_MALFORMED_XML', 'line 2'],
    ]);
  });
});
