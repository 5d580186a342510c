/**
 * SMS Backup & Restore files a person may well hold, end to end through the built CLI: one with white space before
 * its XML declaration (fixtures/sms-backup-xml-blank-before-declaration) is read whole with a warning and hashed as
 * it is on disk; one cut short inside a record (fixtures/sms-backup-xml-cut-in-attachment) counts that record as
 * rejected, so the report's books add up: records = events + skipped + rejected, per file and in total. A stray
 * word before the declaration fails the file with its line and a hint, never a stack trace. Read on the worker
 * thread, each gives the same report.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/model/index.js';
import { cli, NOW, STACK } from '../helpers/cli.js';
import { tempDirs } from '../helpers/temp-dirs.js';

const BLANK = 'fixtures/sms-backup-xml-blank-before-declaration';
const CUT = 'fixtures/sms-backup-xml-cut-in-attachment';
const REPORT = ['--format', 'json', '--now', NOW];
const tempDir = tempDirs('chronolog-sms-accounting-');

function report(args: readonly string[], env: Record<string, string> = {}) {
  const r = cli(['report', ...args, ...REPORT], env);
  expect(r.stderr).not.toMatch(STACK);
  return { ...r, report: r.stdout === '' ? undefined : ReportSchema.parse(JSON.parse(r.stdout)) };
}

type Report = NonNullable<ReturnType<typeof report>['report']>;

/** The books of every input and of the whole report add up. */
function expectBooksBalance(r: Report): void {
  for (const i of r.inputs) {
    expect(i.records, i.path).toBe(i.events + i.skipped + i.rejected);
    expect(i.events, i.path).toBe(i.kept + i.duplicates);
  }
  const a = r.accounting;
  expect(a.records).toBe(a.events + a.skipped + a.rejected);
  expect(a.records).toBe(r.inputs.reduce((n, i) => n + i.records, 0));
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('a backup with white space before its XML declaration, through the CLI', () => {
  it('is read whole, with one warning per file at the line of the declaration, hashed as it is on disk', () => {
    const r = report([BLANK]);
    expect(r.code, r.stderr).toBe(0);
    const rep = r.report!;
    expectBooksBalance(rep);
    expect(rep.accounting).toMatchObject({ records: 8, events: 8, skipped: 0, rejected: 0 });
    expect(rep.inputs.map((i) => [path.basename(i.path), i.format, i.records, i.incomplete])).toEqual([
      ['calls-20240318194500.xml', 'sms-backup-xml', 3, false],
      ['sms-20240318194500.xml', 'sms-backup-xml', 5, false],
    ]);
    for (const i of rep.inputs) expect(i.sha256, i.path).toBe(sha256(i.path));
    expect(rep.problems.map((p) => [p.code, p.severity, path.basename(p.file ?? ''), p.locator])).toEqual([
      ['SMS_XML_DECLARATION_NOT_FIRST', 'warning', 'calls-20240318194500.xml', 'line 2'],
      ['SMS_XML_DECLARATION_NOT_FIRST', 'warning', 'sms-20240318194500.xml', 'line 3'],
    ]);
    expect(r.stderr).toContain(
      '8 records from 2 files: 8 events (8 kept, 0 duplicates), 0 skipped, 0 rejected',
    );
  });
});

describe('a backup cut short inside a record, through the CLI', () => {
  it('counts the record each file ends inside as rejected, so the books add up', () => {
    const r = report([CUT]);
    expect(r.code, r.stderr).toBe(0);
    const rep = r.report!;
    expectBooksBalance(rep);
    expect(rep.accounting).toMatchObject({ records: 7, events: 4, skipped: 1, rejected: 2 });
    expect(
      rep.inputs.map((i) => [
        path.basename(i.path),
        i.records,
        i.events,
        i.skipped,
        i.rejected,
        i.incomplete,
      ]),
    ).toEqual([
      ['calls-20240320071500.xml', 3, 2, 0, 1, true],
      ['sms-20240320071500.xml', 4, 2, 1, 1, true],
    ]);
    // Each cut is one fault, told once: the file's failure at the record it ends inside, saying what became of that
    // record, which is counted as rejected under the failure's code (pipeline/one-fault.ts).
    expect(rep.inputs.map((i) => i.rejectedReasons)).toEqual([
      { SMS_TRUNCATED_XML: 1 },
      { SMS_TRUNCATED_XML: 1 },
    ]);
    expect(rep.problems.map((p) => [p.code, p.severity, path.basename(p.file ?? ''), p.locator])).toEqual([
      ['SMS_TRUNCATED_XML', 'error', 'calls-20240320071500.xml', 'call[2] (line 7)'],
      ['SMS_TRUNCATED_XML', 'error', 'sms-20240320071500.xml', 'mms[0] (line 8)'],
    ]);
    expect(rep.problems[0]!.message).toMatch(
      /^the file ends inside call\[2\] \(line 7\), before its end tag \(line 7, column \d+\): .*; the part of call\[2\] \(line 7\) read is not used, as the rest of it is missing$/,
    );
    expect(r.stderr).toContain(
      '7 records from 2 files: 4 events (4 kept, 0 duplicates), 1 skipped, 2 rejected',
    );
  });

  it('fails --strict', () => {
    expect(report([CUT, '--strict']).code).toBe(1);
  });
});

describe('the worker thread', () => {
  it.each([BLANK, CUT])('gives the same report of %s as the main thread', (folder) => {
    const here = report([folder], { CHRONOLOG_WORKER_MIN_BYTES: 'off' });
    const worker = report([folder], { CHRONOLOG_WORKER_MIN_BYTES: '0' });
    expect(worker.code).toBe(here.code);
    expect(worker.stderr).toBe(here.stderr);
    expect(worker.stdout).toBe(here.stdout);
  });
});

describe('a stray word before the XML declaration, through the CLI', () => {
  it('fails that file with its line and a hint, beside a whole one, never a stack trace', () => {
    const dir = tempDir();
    // The cut call log made whole: its two calls, closed.
    const whole = readFileSync(path.join(CUT, 'calls-20240320071500.xml'), 'utf8')
      .replace('count="5"', 'count="2"')
      .replace(/\n {2}<call number="" [^\n]*$/, '\n</calls>\n');
    writeFileSync(path.join(dir, 'calls-20240320071500.xml'), whole);
    const sms = readFileSync(path.join(BLANK, 'sms-20240318194500.xml'), 'utf8').replace(/^\uFEFF\n\n/, '');
    const bad = path.join(dir, 'sms-20240318194500.xml');
    writeFileSync(bad, `backup\n${sms}`);
    const r = report([dir, '--subject', '+447700900123']);
    expect(r.code, r.stderr).toBe(0);
    const rep = r.report!;
    expectBooksBalance(rep);
    expect(rep.inputs.map((i) => [path.basename(i.path), i.format, i.records, i.incomplete])).toEqual([
      ['calls-20240320071500.xml', 'sms-backup-xml', 2, false],
      ['sms-20240318194500.xml', 'sms-backup-xml', 0, true],
    ]);
    expect(rep.problems).toEqual([
      {
        code: 'SMS_MALFORMED_XML',
        severity: 'error',
        file: bad,
        locator: 'line 1',
        message: 'XML error at line 1, column 1: text data outside of root node.',
        hint: 'No record was read: the file goes wrong before its root element <smses> or <calls>, where only the XML declaration, comments and white space may stand (text there was typed or pasted in, or another file was joined to the start). Use the backup as the app wrote it: copy it again from the phone or cloud.',
      },
    ]);
  });

  it('alone: exits 1 naming file:line with the hint', () => {
    const dir = tempDir();
    const sms = readFileSync(path.join(BLANK, 'sms-20240318194500.xml'), 'utf8').replace(/^\uFEFF\n\n/, '');
    const bad = path.join(dir, 'sms-20240318194500.xml');
    writeFileSync(bad, `backup\n${sms}`);
    const r = report([bad, '--subject', '+447700900123']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      `${bad}:line 1: XML error at line 1, column 1: text data outside of root node.`,
    );
    expect(r.stderr).toMatch(/^hint: No record was read: the file goes wrong before its root element/m);
  });
});
