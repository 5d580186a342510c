/**
 * White space before the XML declaration (fixtures/sms-backup-xml-blank-before-declaration: a byte-order mark and
 * two blank lines before the messages' `<?xml … ?>`, four spaces and a line break before the call log's), which XML
 * forbids and saxes refuses: every record is read as usual, with one SMS_XML_DECLARATION_NOT_FIRST warning per file
 * naming the declaration's line, and the locators are the lines of the file as it is. Anything else before the
 * declaration (a stray word, a comment, a second declaration) still fails the file, with its line and a hint.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeProbe } from '../../src/sources/detect.js';
import { smsBackupXml } from '../../src/sources/sms-backup-xml/index.js';
import { runSource } from '../helpers/run-source.js';
import { expectSameInPieces, readSmsIn } from '../helpers/sms-pieces.js';

const DIR = 'fixtures/sms-backup-xml-blank-before-declaration';
const SMS = join(DIR, 'sms-20240318194500.xml');
const CALLS = join(DIR, 'calls-20240318194500.xml');

const WARNING = (line: number) => ({
  code: 'SMS_XML_DECLARATION_NOT_FIRST',
  locator: `line ${line}`,
  message: `the XML declaration (<?xml … ?>) is on line ${line} after white space, not at the very start of the file where SMS Backup & Restore writes it, so the file is not byte for byte as the app wrote it; its records were read as usual`,
});

const probeOf = (name: string, bytes: Uint8Array) => makeProbe(name, name, bytes.subarray(0, 64 * 1024));

const DECL = "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>";
const ONE_SMS =
  '<smses count="1">\n  <sms protocol="0" address="+447700900123" date="1710709452000" type="1" body="Open the door" contact_name="Sam" />\n</smses>\n';

describe('the files of fixtures/sms-backup-xml-blank-before-declaration', () => {
  for (const [file, golden] of [
    [SMS, 'sms-20240318194500.expected.json'],
    [CALLS, 'calls-20240318194500.expected.json'],
  ] as const) {
    it(`${file} matches its golden`, async () => {
      const result = await runSource(smsBackupXml, file);
      const path = join(DIR, golden);
      if (process.env['UPDATE_GOLDEN']) writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
      expect(JSON.parse(JSON.stringify(result))).toEqual(JSON.parse(readFileSync(path, 'utf8')));
    });
  }

  it('are detected as SMS Backup & Restore files by their content (a BOM, then white space, then <?xml)', () => {
    for (const file of [SMS, CALLS]) {
      expect(smsBackupXml.detect(probeOf(file, readFileSync(file))), file).toBe(true);
    }
    expect(readFileSync(SMS).subarray(0, 5)).toEqual(Buffer.from([0xef, 0xbb, 0xbf, 0x0a, 0x0a]));
  });

  it('reads every message, with one warning naming the line of the declaration', async () => {
    const r = await runSource(smsBackupXml, SMS);
    expect(r.failure).toBeUndefined();
    expect(r.accounting).toEqual({ records: 5, events: 5, skipped: 0, rejected: 0 });
    expect(r.warnings).toEqual([WARNING(3)]);
    expect(r.events.map((e) => [e.locator, e.direction, e.kind, e.text])).toEqual([
      ['sms[0] (line 7)', 'incoming', 'message', "I know you're home, the lights are on"],
      ['sms[1] (line 8)', 'outgoing', 'message', 'Please leave me alone.'],
      ['sms[2] (line 9)', 'incoming', 'message', "I'm not going anywhere"],
      ['mms[0] (line 10)', 'incoming', 'media', 'Parked outside yours. Nice car'],
      ['sms[3] (line 21)', 'incoming', 'message', 'Answer your phone'],
    ]);
  });

  it('reads every call, with one warning naming the line of the declaration', async () => {
    const r = await runSource(smsBackupXml, CALLS);
    expect(r.failure).toBeUndefined();
    expect(r.accounting).toEqual({ records: 3, events: 3, skipped: 0, rejected: 0 });
    expect(r.warnings).toEqual([WARNING(2)]);
    expect(r.events.map((e) => [e.locator, e.call?.status, e.sender?.name])).toEqual([
      ['call[0] (line 6)', 'missed', 'Sam'],
      ['call[1] (line 7)', 'rejected', 'Sam'],
      ['call[2] (line 8)', 'missed', 'Withheld number'],
    ]);
  });

  it("gives locators that are the lines of the file on disk: each names the line holding that record's date", async () => {
    for (const file of [SMS, CALLS]) {
      const lines = readFileSync(file, 'utf8').split('\n');
      const r = await runSource(smsBackupXml, file);
      for (const e of r.events) {
        const [, name, line] = /^(\w+)\[\d+\] \(line (\d+)\)$/.exec(String(e.locator))!;
        const ms = e.time.type === 'instant' ? e.time.ms : Number.NaN;
        expect(lines[Number(line) - 1], `${file} ${e.locator}`).toMatch(
          new RegExp(`^\\s*<${name} .*date="${ms}"`),
        );
      }
      // The warning's line is the declaration's.
      const at = Number(/\d+/.exec(String(r.warnings[0]!.locator))![0]);
      expect(lines[at - 1]).toMatch(/^(\uFEFF)?<\?xml /);
    }
  });

  it('says the same at any chunk size, on the fast path and through saxes alone', async () => {
    for (const file of [SMS, CALLS]) {
      const whole = await expectSameInPieces(file, [1, 2, 3, 7, 64]);
      expect(whole.warnings).toHaveLength(1);
    }
  });
});

describe('what stands before the XML declaration', () => {
  it('reads tabs, CR LF and CR before it alike, naming the line saxes counts', async () => {
    for (const [blank, line] of [
      ['\t \r\n', 2],
      ['\r\r\n\n', 4],
      ['  ', 1],
    ] as const) {
      const r = await readSmsIn(Buffer.from(`${blank}${DECL}\n${ONE_SMS}`), 65536);
      expect(r.failure, JSON.stringify(blank)).toBeUndefined();
      expect(r.events.map((e) => e.locator)).toEqual([`sms[0] (line ${line + 2})`]);
      expect(r.warnings.map((w) => [w.code, w.locator])).toEqual([
        ['SMS_XML_DECLARATION_NOT_FIRST', `line ${line}`],
      ]);
    }
  });

  it('reads UTF-16 with a BOM and white space before the declaration', async () => {
    const text = `\n\n${DECL.replace('UTF-8', 'UTF-16')}\n${ONE_SMS}`;
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(smsBackupXml.detect(probeOf('sms.xml', bytes))).toBe(true);
    for (const size of [1, 3, 65536]) {
      const r = await readSmsIn(bytes, size);
      expect(r.events.map((e) => [e.locator, e.text])).toEqual([['sms[0] (line 5)', 'Open the door']]);
      expect(r.warnings.map((w) => w.locator)).toEqual(['line 3']);
    }
  });

  it('does not warn for a file without a declaration, whose white space XML allows', async () => {
    const r = await readSmsIn(Buffer.from(`\n\n${ONE_SMS}`), 65536);
    expect(r.events).toHaveLength(1);
    expect(r.warnings).toEqual([]);
  });

  it('fails a file with a stray word before the declaration, detected, at its line and with a hint', async () => {
    const bytes = Buffer.from(`backup\n${DECL}\n${ONE_SMS}`);
    expect(smsBackupXml.detect(probeOf('sms-20240318194500.xml', bytes))).toBe(true);
    for (const size of [1, 7, 65536]) {
      for (const fastPath of [true, false]) {
        const r = await readSmsIn(bytes, size, fastPath);
        expect(r.events).toEqual([]);
        expect(r.rejected).toEqual([]);
        expect(r.failure).toEqual({
          code: 'SMS_MALFORMED_XML',
          message: 'XML error at line 1, column 1: text data outside of root node.',
          locator: 'line 1',
          hint: 'No record was read: the file goes wrong before its root element <smses> or <calls>, where only the XML declaration, comments and white space may stand (text there was typed or pasted in, or another file was joined to the start). Use the backup as the app wrote it: copy it again from the phone or cloud.',
        });
      }
    }
    // After blank lines too: the line is the word's.
    const later = await readSmsIn(Buffer.from(`\n\n  backup ${DECL}\n${ONE_SMS}`), 65536);
    expect(later.failure).toMatchObject({ code: 'SMS_MALFORMED_XML', locator: 'line 3' });
    expect(later.failure?.message).toBe('XML error at line 3, column 3: text data outside of root node.');
  });

  it('does not claim a note that is not named .xml and mentions <calls> after a few words', () => {
    const note = Buffer.from('Things to do: export the <calls> log and the <smses> backup from the phone.\n');
    expect(smsBackupXml.detect(probeOf('todo.txt', note))).toBe(false);
    expect(smsBackupXml.detect(probeOf('notes', note))).toBe(false);
    // Named .xml it is taken for a backup with a stray word (and then fails with its line, as above).
    expect(smsBackupXml.detect(probeOf('calls-20240318.XML', note))).toBe(true);
  });

  it('does not claim a text file that merely mentions <smses> far into it', () => {
    const prose = `${'These are my notes about the backup. '.repeat(10)}\n${DECL}\n${ONE_SMS}`;
    expect(smsBackupXml.detect(probeOf('notes.xml', Buffer.from(prose)))).toBe(false);
  });

  it('still fails a declaration after a comment, and a second declaration', async () => {
    const comment = await readSmsIn(Buffer.from(`<!-- saved -->\n${DECL}\n${ONE_SMS}`), 65536);
    expect(comment.events).toEqual([]);
    expect(comment.warnings).toEqual([]);
    expect(comment.failure).toMatchObject({
      code: 'SMS_MALFORMED_XML',
      message: 'XML error at line 2, column 6: an XML declaration must be at the start of the document.',
    });
    const twice = await readSmsIn(Buffer.from(`\n${DECL}\n${DECL}\n${ONE_SMS}`), 65536);
    expect(twice.events).toEqual([]);
    expect(twice.warnings.map((w) => [w.code, w.locator])).toEqual([
      ['SMS_XML_DECLARATION_NOT_FIRST', 'line 2'],
    ]);
    expect(twice.failure).toMatchObject({
      code: 'SMS_MALFORMED_XML',
      message: 'XML error at line 3, column 6: an XML declaration must be at the start of the document.',
    });
  });
});
