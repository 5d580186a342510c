/**
 * The text report's "not read" lines, one per reason: a chat export kept with the few photos and the PDF the
 * victim saved beside it names every one of them, so the reader can tell which files were passed over; a folder
 * of many photos stays one line, naming the first ones and counting the rest (the JSON's ignoredFiles lists all).
 */
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, NOW, ROOT, STACK } from '../helpers/cli.js';
import { scratch } from '../helpers/robustness.js';

const s = scratch('chronolog-not-read-line-');
afterAll(() => s.cleanup());

const CHAT = 'WhatsApp Chat with Sam.txt';
const CASE = JSON.stringify({
  timezone: 'Europe/London',
  region: 'GB',
  victim: { name: 'Alex', identifiers: ['Alex'] },
  subject: { name: 'Sam', identifiers: ['Sam'] },
});
/** The first bytes of an iPhone photo (HEIF), a PNG screenshot and a PDF: enough for each to be told apart. */
const HEIC = Buffer.from('\0\0\0\x18ftypheic\0\0\0\0mif1heic\xff\xfe', 'latin1');
const PNG = Buffer.from('\x89PNG\r\n\x1a\n\0\0\0\rIHDR', 'latin1');
const PDF = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1');

/** FOLDER with the chat, its case file, `photos` iPhone photos, a screenshot and a letter as PDF. */
function caseFolder(folder: string, photos: number): string {
  s.file(`${folder}/case.json`, CASE);
  copyFileSync(path.join(ROOT, 'fixtures/cease-same-minute', CHAT), path.join(s.dir, folder, CHAT));
  for (let i = 1; i <= photos; i++) s.file(`${folder}/IMG_${String(i).padStart(4, '0')}.HEIC`, HEIC);
  s.file(`${folder}/Screenshot_20240316.png`, PNG);
  s.file(`${folder}/Police letter.pdf`, PDF);
  return folder;
}

const report = (folder: string, format = 'text') => {
  const r = cli(['report', folder, '--format', format, '--now', NOW], {}, s.dir);
  expect(r.stderr).not.toMatch(STACK);
  expect(r.code).toBe(0);
  return r.stdout;
};
const notRead = (out: string) => out.split('\n').filter((l) => l.startsWith('  not read: '));

describe('text report: files not read', () => {
  it('names every file when a reason has only a few, as the JSON lists them', () => {
    const out = report(caseFolder('few', 3));
    expect(notRead(out)).toEqual([
      '  not read: few/IMG_0001.HEIC, few/IMG_0002.HEIC, few/IMG_0003.HEIC, few/Screenshot_20240316.png — a picture or screenshot, not a message export',
      '  not read: few/Police letter.pdf — a PDF document, not a message export',
    ]);
    const json = JSON.parse(report('few', 'json')) as { ignoredFiles: { path: string }[] };
    expect(json.ignoredFiles.map((f) => f.path).sort()).toEqual(
      [
        'few/IMG_0001.HEIC',
        'few/IMG_0002.HEIC',
        'few/IMG_0003.HEIC',
        'few/Police letter.pdf',
        'few/Screenshot_20240316.png',
      ].sort(),
    );
  });

  it('names five files of one reason, all of them', () => {
    const [photos] = notRead(report(caseFolder('five', 4)));
    expect(photos).toBe(
      '  not read: five/IMG_0001.HEIC, five/IMG_0002.HEIC, five/IMG_0003.HEIC, five/IMG_0004.HEIC, five/Screenshot_20240316.png — a picture or screenshot, not a message export',
    );
  });

  it('keeps a folder of many photos to one line: the first four named, the rest counted', () => {
    const lines = notRead(report(caseFolder('many', 11)));
    expect(lines).toEqual([
      '  not read: many/IMG_0001.HEIC, many/IMG_0002.HEIC, many/IMG_0003.HEIC, many/IMG_0004.HEIC and 8 more — a picture or screenshot, not a message export',
      '  not read: many/Police letter.pdf — a PDF document, not a message export',
    ]);
  });

  it('never leaves a single file unnamed: six files are four named and 2 more', () => {
    const [photos] = notRead(report(caseFolder('six', 5)));
    expect(photos).toMatch(
      /^ {2}not read: six\/IMG_0001\.HEIC, .*six\/IMG_0004\.HEIC and 2 more — a picture or screenshot/,
    );
  });
});
