/**
 * What a row of batch's tables must not hide (fixtures/batch-case-provenance): a figure that was never computed
 * (change points not searched for) is an empty cell, never a false 0; the problems each case's report lists are
 * counted in cases.csv (errors, warnings, files not read) and by code in problems.csv, so a case whose subject was
 * never found is no silent row of zeros; and the zone each case was read in is a column, given by --tz for the
 * cases whose case file names none, and --resume runs a case again when that zone would now be another.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { batchCommand } from '../../src/cli/commands/batch.js';
import { mergeCommand } from '../../src/cli/commands/merge.js';
import { reportCommand } from '../../src/cli/commands/report.js';
import type { Report } from '../../src/model/index.js';
import { env, NOW, scratch } from './env.js';

const FIXTURE = 'fixtures/batch-case-provenance';
const rows = (dir: string, f: string) =>
  parse(readFileSync(path.join(dir, f), 'utf8'), { columns: true }) as Record<string, string>[];
const row = (dir: string, name: string) => rows(dir, 'cases.csv').find((r) => r['case'] === name)!;
const text = (dir: string, f: string) => readFileSync(path.join(dir, f), 'utf8');

/** The environment of a machine set to `zone`. */
const onMachine = (zone: string) => ({ ...env, systemZone: zone });

async function report(dir: string, tmp: string): Promise<Report> {
  const file = path.join(tmp, `${path.basename(dir)}.json`);
  await reportCommand([dir], { format: 'json', out: file, now: NOW, quiet: true } as never, env);
  return JSON.parse(readFileSync(file, 'utf8')) as Report;
}

describe('batch: what each case row was made from', () => {
  const tmp = scratch();
  const cases = path.join(tmp, 'cases');
  const out = path.join(tmp, 'out');
  const reports = new Map<string, Report>();

  beforeAll(async () => {
    cpSync(FIXTURE, cases, { recursive: true });
    for (const n of ['few-texts', 'subject-typo', 'no-zone'])
      reports.set(n, await report(path.join(cases, n), tmp));
    expect(await batchCommand(cases, { out, jobs: '2', quiet: true }, env)).toBe(0);
  });

  it('leaves change_points empty when the search was not run, as the report does not run it', () => {
    const rep = reports.get('few-texts')!;
    expect(rep.escalation?.changePointMethod.status).toBe('below-minimum');
    expect(rep.escalation?.changePoints).toEqual([]);
    const r = row(out, 'few-texts');
    expect(r['incidents']).toBe('4');
    expect(r['change_points']).toBe('');
    // As trend_rate_ratio already was, for the same reason.
    expect(r['trend_rate_ratio']).toBe('');
  });

  it('keeps the columns it had in their order, and adds the new ones at the end', () => {
    expect(Object.keys(rows(out, 'cases.csv')[0]!)).toEqual([
      'case',
      'incidents',
      'first',
      'last',
      'days_with_contact',
      'channels',
      'identifiers',
      'rate_per_day',
      'trend_rate_ratio',
      'change_points',
      'threats',
      'rejected',
      'timezone',
      'timezone_source',
      'errors',
      'warnings',
      'files_not_read',
    ]);
    expect(text(out, 'problems.csv').split('\n')[0]).toBe('case,severity,code,count');
  });

  it('counts the warning of a subject never found, so the row of zeros can be told from a quiet case', () => {
    const rep = reports.get('subject-typo')!;
    expect(rep.problems.map((p) => p.code)).toContain('CASE_SUBJECT_NOT_FOUND');
    const r = row(out, 'subject-typo');
    expect(r['incidents']).toBe('0');
    // And the near number saved as "Sam Carter", the case's name for the subject, is not counted as theirs.
    expect(r['warnings']).toBe('2');
    expect(r['errors']).toBe('0');
    expect(rows(out, 'problems.csv').filter((p) => p['case'] === 'subject-typo')).toEqual([
      { case: 'subject-typo', severity: 'warning', code: 'CASE_NAMED_BUT_NOT_LISTED', count: '1' },
      { case: 'subject-typo', severity: 'warning', code: 'CASE_SUBJECT_NOT_FOUND', count: '1' },
    ]);
  });

  it("gives each case's problems as its report counts them, and the files it did not read", () => {
    for (const [name, rep] of reports) {
      const r = row(out, name);
      const bySeverity = (s: string) => rep.problems.filter((p) => p.severity === s).length;
      expect(Number(r['errors']), name).toBe(bySeverity('error'));
      expect(Number(r['warnings']), name).toBe(bySeverity('warning'));
      expect(Number(r['files_not_read']), name).toBe(rep.ignoredFiles.length);
      const listed = rows(out, 'problems.csv')
        .filter((p) => p['case'] === name)
        .reduce((s, p) => s + Number(p['count']), 0);
      expect(listed, name).toBe(rep.problems.length);
    }
    // notes.txt beside the texts is no export.
    expect(row(out, 'few-texts')['files_not_read']).toBe('1');
    expect(row(out, 'no-zone')['files_not_read']).toBe('0');
  });

  it('names the zone of each case and where it came from', () => {
    expect(row(out, 'few-texts')).toMatchObject({ timezone: 'Europe/London', timezone_source: 'case-file' });
    expect(row(out, 'no-zone')).toMatchObject({ timezone: 'UTC', timezone_source: 'system' });
  });

  it('still knows a results folder an earlier version wrote, with the columns it had then', async () => {
    const earlier = path.join(tmp, 'with-earlier');
    cpSync(FIXTURE, earlier, { recursive: true });
    const old = path.join(earlier, 'results-2024');
    cpSync(out, old, { recursive: true });
    rmSync(path.join(old, 'problems.csv'));
    const lines = text(old, 'cases.csv').split('\n');
    writeFileSync(
      path.join(old, 'cases.csv'),
      lines.map((l) => l.split(',').slice(0, 12).join(',')).join('\n'),
    );
    expect(text(old, 'cases.csv')).toMatch(/^case,incidents,.*,threats,rejected\n/);
    const o = path.join(tmp, 'out-earlier');
    expect(await batchCommand(earlier, { out: o, jobs: '1', quiet: true }, env)).toBe(0);
    expect(rows(o, 'errors.csv').map((r) => [r['case'], r['reason']!.split(':')[0]])).toEqual([
      ['no-export', 'INPUT_NOTHING_RECOGNISED'],
      ['results-2024', 'BATCH_EARLIER_OUTPUT'],
    ]);
    // And as --out inside DIR, it is replaced as batch's own.
    expect(await batchCommand(earlier, { out: old, jobs: '1', quiet: true }, env)).toBe(0);
    expect(text(old, 'cases.csv')).toBe(text(out, 'cases.csv'));
  });

  it('merges the new tables as one run writes them', async () => {
    const merged = path.join(tmp, 'merged');
    expect(await mergeCommand([out], { out: merged, quiet: true }, env)).toBe(0);
    for (const t of ['cases.csv', 'problems.csv', 'errors.csv'])
      expect(text(merged, t), t).toBe(text(out, t));
  });
});

describe('batch: the zone of a case without one, on machines set to different zones', () => {
  const tmp = scratch();
  const cases = path.join(tmp, 'cases');
  cpSync(FIXTURE, cases, { recursive: true });
  const run = (o: string, zone: string, flags: { resume?: boolean; tz?: string } = {}) =>
    batchCommand(cases, { out: path.join(tmp, o), jobs: '1', quiet: true, ...flags }, onMachine(zone));

  it('counts the days in the zone the case was read in, and says which', async () => {
    expect(await run('utc', 'UTC')).toBe(0);
    expect(await run('kiritimati', 'Pacific/Kiritimati')).toBe(0);
    // 11:00 UTC is 01:00 the next day at UTC+14.
    expect(row(path.join(tmp, 'utc'), 'no-zone')).toMatchObject({ first: '2024-03-13', timezone: 'UTC' });
    expect(row(path.join(tmp, 'kiritimati'), 'no-zone')).toMatchObject({
      first: '2024-03-14',
      timezone: 'Pacific/Kiritimati',
      timezone_source: 'system',
    });
    // A case file's own zone is the same on both machines.
    expect(row(path.join(tmp, 'kiritimati'), 'few-texts')).toEqual(row(path.join(tmp, 'utc'), 'few-texts'));
  });

  it('--resume on a machine in another zone runs the case again, as a fresh run there would', async () => {
    expect(await run('resumed', 'UTC')).toBe(0);
    expect(await run('resumed', 'Pacific/Kiritimati', { resume: true })).toBe(0);
    for (const t of ['cases.csv', 'daily.csv', 'channels.csv'])
      expect(text(path.join(tmp, 'resumed'), t), t).toBe(text(path.join(tmp, 'kiritimati'), t));
  });

  it('--tz gives the same tables on every machine, and is the zone of cases without one only', async () => {
    expect(await run('tz-a', 'UTC', { tz: 'Pacific/Kiritimati' })).toBe(0);
    expect(await run('tz-b', 'America/Los_Angeles', { tz: 'Pacific/Kiritimati' })).toBe(0);
    for (const t of ['cases.csv', 'daily.csv', 'channels.csv', 'problems.csv', 'errors.csv'])
      expect(text(path.join(tmp, 'tz-b'), t), t).toBe(text(path.join(tmp, 'tz-a'), t));
    expect(row(path.join(tmp, 'tz-a'), 'no-zone')).toMatchObject({
      first: '2024-03-14',
      timezone: 'Pacific/Kiritimati',
      timezone_source: 'option',
    });
    expect(row(path.join(tmp, 'tz-a'), 'few-texts')).toMatchObject({
      timezone: 'Europe/London',
      timezone_source: 'case-file',
    });
    // Resumed with another --tz, the case without a zone is run again; the same --tz leaves it unchanged.
    expect(await run('tz-a', 'UTC', { tz: 'UTC', resume: true })).toBe(0);
    expect(row(path.join(tmp, 'tz-a'), 'no-zone')).toMatchObject({ first: '2024-03-13', timezone: 'UTC' });
    expect(text(path.join(tmp, 'tz-a'), 'daily.csv')).toBe(text(path.join(tmp, 'utc'), 'daily.csv'));
  });

  it('refuses a --tz that is no IANA zone before reading any case', async () => {
    await expect(run('bad-tz', 'UTC', { tz: 'Europe/Londn' })).rejects.toMatchObject({
      code: 'USAGE_BAD_TZ',
    });
  });
});
