/**
 * One file reached twice is read once: named twice, inside a folder also given, by another spelling, through a
 * symbolic link or a hard link. Read twice, every record of it would count as a duplicate, which an officer reads
 * as two exports that overlap. The repeat is listed as not read, "already read as" the name that was read, and
 * which name that is does not depend on the order of the paths.
 */
import { linkSync, mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Report, ReportSchema } from '../../src/model/index.js';
import { cli, NOW, STACK } from '../helpers/cli.js';
import { scratch } from '../helpers/robustness.js';
import { makeZip } from '../helpers/zip-writer.js';

const s = scratch('chronolog-repeated-');
afterAll(() => s.cleanup());

/** Three texts, two of them from Sam. */
const SMS = `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>
<smses count="3">
  <sms protocol="0" address="+447700900456" date="1709312640000" type="1" body="where are you" read="1" contact_name="Sam" />
  <sms protocol="0" address="+447700900777" date="1709312760000" type="1" body="see you at 6" read="1" contact_name="Jo" />
  <sms protocol="0" address="+447700900456" date="1709399160000" type="1" body="I know where you work" read="1" contact_name="Sam" />
</smses>
`;

/** A WhatsApp export as downloaded: four messages from Sam in a zip. */
const CHAT = [
  "12/03/2024, 21:04 - Sam: you can't ignore me",
  '12/03/2024, 21:05 - Sam: answer',
  "13/03/2024, 02:10 - Sam: I'm outside",
  '13/03/2024, 02:11 - Sam: open the door',
  '',
].join('\n');
const ZIP = 'WhatsApp Chat with Sam.zip';

s.file('case/sms-20240302.xml', SMS);
s.file(`case/${ZIP}`, makeZip([{ name: 'WhatsApp Chat with Sam.txt', data: CHAT }]));
// Sam's number is listed too: a number counts as the subject's only when the case lists it, not by the
// contact name saved beside it.
s.file(
  'case/case.json',
  JSON.stringify({ timezone: 'Europe/London', subject: { identifiers: ['Sam', '+447700900456'] } }),
);

const run = (args: string[]) => {
  const r = cli(['report', ...args, '--format', 'json', '--now', NOW, '-q'], {}, s.dir);
  expect(r.stderr).not.toMatch(STACK);
  expect(r.code, r.stderr).toBe(0);
  return ReportSchema.parse(JSON.parse(r.stdout)) as Report;
};

/** The report less what names the command line itself. */
const content = (r: Report) => ({ ...r, run: null });

describe('a file reached twice', () => {
  const once = run(['case']);

  it('reads a zip named beside its own folder once, and lists the repeat as already read', () => {
    const twice = run(['case', `case/${ZIP}`]);
    expect(twice.accounting).toEqual(once.accounting);
    expect(twice.accounting).toMatchObject({ files: 2, records: 7, duplicates: 0 });
    expect(twice.inputs.map((i) => i.path)).toEqual([
      `case/${ZIP}!/WhatsApp Chat with Sam.txt`,
      'case/sms-20240302.xml',
    ]);
    expect(twice.ignoredFiles).toEqual([
      { path: `case/${ZIP}`, reason: 'already read (reached more than once through the paths given)' },
    ]);
    expect(twice.incidents.total).toBe(once.incidents.total);
  });

  it('gives the same report whatever the order of the paths', () => {
    const a = run(['case', `case/${ZIP}`]);
    const b = run([`case/${ZIP}`, 'case']);
    expect(content(b)).toEqual(content(a));
  });

  it('says so on stderr, without a count of duplicates', () => {
    const r = cli(['report', 'case', `case/${ZIP}`, '--format', 'json', '--now', NOW], {}, s.dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /^chronolog: 7 records from 2 files: 7 events \(7 kept, 0 duplicates\), 0 skipped, 0 rejected; 6 incidents\b/m,
    );
  });

  it('reads a file named under two spellings once, named as a file in its folder is', () => {
    const ab = run(['./case/sms-20240302.xml', 'case/sms-20240302.xml', 'case']);
    const ba = run(['case', 'case/sms-20240302.xml', './case/sms-20240302.xml']);
    expect(content(ba)).toEqual(content(ab));
    // "./case/sms-20240302.xml" is named "case/sms-20240302.xml" (inputs.ts `givenName`), and read in that place.
    expect(ab.inputs.map((i) => i.path)).toEqual([
      `case/${ZIP}!/WhatsApp Chat with Sam.txt`,
      'case/sms-20240302.xml',
    ]);
    const again = 'already read (reached more than once through the paths given)';
    expect(ab.ignoredFiles).toEqual([
      { path: 'case/sms-20240302.xml', reason: again },
      { path: 'case/sms-20240302.xml', reason: again },
    ]);
    expect(ab.accounting).toMatchObject({ files: 2, records: 7, duplicates: 0 });
  });

  it('reads a file once when a symbolic link or a hard link to it is also given', () => {
    mkdirSync(path.join(s.dir, 'links'), { recursive: true });
    symlinkSync(path.join(s.dir, 'case', ZIP), path.join(s.dir, 'links', 'chat-link.zip'));
    linkSync(path.join(s.dir, 'case', 'sms-20240302.xml'), path.join(s.dir, 'links', 'sms-copy.xml'));
    const r = run(['links', 'case']);
    expect(r.inputs.map((i) => i.path)).toEqual([
      `case/${ZIP}!/WhatsApp Chat with Sam.txt`,
      'case/sms-20240302.xml',
    ]);
    expect(r.ignoredFiles).toEqual([
      { path: 'links/chat-link.zip', reason: `already read as case/${ZIP}` },
      { path: 'links/sms-copy.xml', reason: 'already read as case/sms-20240302.xml' },
    ]);
    expect(r.accounting).toEqual(once.accounting);
    expect(content(run(['case', 'links']))).toEqual(content(r));
  });

  it('walks a folder given twice once, under its one name however it was spelled', () => {
    const r = run(['case', './case']);
    expect(r.accounting).toEqual(once.accounting);
    expect(r.ignoredFiles).toEqual([
      { path: 'case', reason: 'folder already read (reached more than once through the paths given)' },
    ]);
    expect(content(run(['./case', 'case/']))).toEqual(content(r));
  });
});
