/**
 * Damage found by mutating real exports (truncations, pasted lines, odd zips): every error names what to do, and
 * a zip member packed with a method chronolog cannot unpack, or a zip whose list of files is damaged, says so in
 * words with the step that helps, never a library's message alone or advice about a failing disk.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chronologJsonl } from '../../src/sources/chronolog-jsonl.js';
import { telegramJson } from '../../src/sources/telegram-json/index.js';
import { reportOf } from '../helpers/report.js';
import { runSource } from '../helpers/run-source.js';
import { makeZip } from '../helpers/zip-writer.js';

const dir = mkdtempSync(path.join(tmpdir(), 'chronolog-damaged-hints-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CHAT = readFileSync('fixtures/whatsapp-txt/android-24h-dmy.txt');
const SMS = readFileSync('fixtures/sms-backup-xml/basic-sms.xml');

describe('every rejected record of a damaged file says what to do', () => {
  it('telegram-json: lines pasted twice leave a string among the messages', async () => {
    const run = await runSource(telegramJson, 'fixtures/telegram-json-pasted-twice/result.json');
    expect(run.rejected.find((r) => r.locator === 'messages[6]')).toEqual({
      code: 'TELEGRAM_NOT_A_MESSAGE',
      locator: 'messages[6]',
      message: 'Expected a message object, found "height".',
      hint: 'The file has been altered or damaged; check this entry by hand.',
    });
    for (const r of run.rejected) expect(r.hint, r.code).toBeTruthy();
    const a = run.accounting;
    expect(a.records).toBe(a.events + a.skipped + a.rejected);
  });

  it('chronolog-jsonl: a byte changed in an anonymised row', async () => {
    const run = await runSource(chronologJsonl, 'fixtures/chronolog-jsonl-damaged-line/input-001.jsonl');
    expect(run.rejected).toHaveLength(1);
    expect(run.rejected[0]).toMatchObject({ code: 'CHRONOLOG_JSONL_BAD_JSON', locator: 9 });
    expect(run.rejected[0]!.hint).toBe(
      'The file was edited or damaged: run `chronolog anonymise` on the original inputs again.',
    );
  });
});

describe('zip archives chronolog cannot fully unpack', () => {
  it('names a Deflate64 member as such, with how to unzip it, and still reads the other members', async () => {
    const file = path.join(dir, 'exports.zip');
    writeFileSync(
      file,
      makeZip([
        { name: 'exports/sms-20240305211409.xml', data: SMS },
        // Windows Explorer packs large files with Deflate64; the bytes need not be real Deflate64 for the test.
        { name: 'exports/WhatsApp Chat with Sam Carter.txt', data: CHAT, method: 9 },
      ]),
    );
    const report = await reportOf([file], { subject: ['+447700900123'] });
    const member = `${file}!/exports/WhatsApp Chat with Sam Carter.txt`;
    expect(report.problems).toContainEqual({
      code: 'ZIP_MEMBER_METHOD_UNSUPPORTED',
      severity: 'error',
      file: member,
      message:
        'this file inside the archive is compressed with Deflate64 (zip compression method 9), which chronolog cannot unpack; it was not read',
      hint: "Unzip the archive with your computer's own unzip tool or 7-Zip, then give chronolog the unzipped folder.",
    });
    expect(report.ignoredFiles).toContainEqual({
      path: member,
      reason: 'could not be read (ZIP_MEMBER_METHOD_UNSUPPORTED)',
    });
    expect(report.inputs.map((i) => [i.path, i.records])).toEqual([
      [`${file}!/exports/sms-20240305211409.xml`, 15],
    ]);
  });

  it('says what to do when the list of files at the end of the archive is damaged', async () => {
    const bytes = makeZip([{ name: '_chat.txt', data: CHAT }]);
    // The end record claims three members where the central directory holds one (a damaged or patched copy).
    const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    bytes.writeUInt16LE(3, end + 8);
    bytes.writeUInt16LE(3, end + 10);
    const file = path.join(dir, 'WhatsApp Chat with Sam Carter.zip');
    writeFileSync(file, bytes);
    const sms = path.join(dir, 'sms-20240305211409.xml');
    writeFileSync(sms, SMS);
    const report = await reportOf([file, sms], { subject: ['+447700900123'] });
    const problem = report.problems.find((p) => p.file === file);
    expect(problem).toMatchObject({
      code: 'ZIP_UNREADABLE',
      severity: 'error',
      hint: 'Download or copy the export again; if the phone or app made it, export it again from there. Then re-run with the new zip file.',
    });
    // Plain words first; the zip library's own words only after them, as details.
    expect(problem!.message).toMatch(
      /^.+\.zip: the zip file is damaged or was cut short: its list of files could not be read \(details: .+\)$/,
    );
    expect(report.ignoredFiles).toContainEqual({
      path: file,
      reason:
        'the zip file is damaged or was cut short: its list of files could not be read (ZIP_UNREADABLE)',
    });
  });
});
