import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { batchCommand, shardOf } from '../../src/cli/commands/batch.js';
import { mergeCommand } from '../../src/cli/commands/merge.js';
import { reportCommand } from '../../src/cli/commands/report.js';
import { readInputs } from '../../src/cli/read.js';
import type { Report } from '../../src/model/index.js';
import { keyValue } from '../../src/timeline/identities.js';
import { cli } from '../helpers/cli.js';
import { makeCases } from './cases.js';
import { env, NOW, scratch } from './env.js';

const TABLES = ['cases.csv', 'channels.csv', 'daily.csv', 'problems.csv', 'errors.csv', 'events.parquet'];
const read = (dir: string, f: string) =>
  readFileSync(path.join(dir, f), f.endsWith('.parquet') ? 'base64' : 'utf8');
const rows = (dir: string, f: string) => parse(read(dir, f), { columns: true }) as Record<string, string>[];

describe('chronolog batch and merge', () => {
  const tmp = scratch();
  const cases = path.join(tmp, 'cases');
  const names = makeCases(cases);
  const out = path.join(tmp, 'out');
  const expected = new Map<string, Report>();

  beforeAll(async () => {
    for (const n of names.filter((x) => x !== 'zz-broken')) {
      const file = path.join(tmp, `${n}.json`);
      await reportCommand(
        [path.join(cases, n)],
        { format: 'json', out: file, now: NOW, quiet: true } as never,
        env,
      );
      expected.set(n, JSON.parse(readFileSync(file, 'utf8')));
    }
    expect(await batchCommand(cases, { out, jobs: '3', quiet: true }, env)).toBe(0);
  });

  it('writes one row per case with the same totals as each case report, sorted by case', () => {
    const c = rows(out, 'cases.csv');
    expect(c.map((r) => r['case'])).toEqual(names.filter((n) => n !== 'zz-broken'));
    for (const r of c) {
      const rep = expected.get(r['case']!)!;
      expect(Number(r['incidents'])).toBe(rep.incidents.total);
      expect(Number(r['days_with_contact'])).toBe(rep.incidents.daysWithContact);
      expect(Number(r['rejected'])).toBe(rep.accounting.rejected);
      expect(r['first']).toBe(rep.incidents.firstLocal?.slice(0, 10));
      // "(subject, as recorded)" is a row of the identifiers table but no identifier (README, reports).
      const ids = rep.identifiers.filter((x) => x.role === 'subject' && x.incidents > 0);
      expect(Number(r['identifiers'])).toBe(ids.filter((x) => !x.identifier.startsWith('(')).length);
    }
    // The diary's entries that name no number count in the reports' words, not as an identifier.
    const full = c.find((r) => r['case'] === 'alpha-full')!;
    expect(expected.get('alpha-full')!.identifiers.map((x) => x.identifier)).toContain(
      '(subject, as recorded)',
    );
    expect(full['identifiers']).toBe('3');
    expect(Number(c[0]!['incidents'])).toBeGreaterThan(Number(c[1]!['incidents']));
    expect(Object.keys(c[0]!)).toEqual([
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
  });

  it('gives change points only where the report searched for them, never a false 0', () => {
    const c = rows(out, 'cases.csv');
    const status = new Set<string>();
    for (const r of c) {
      const esc = expected.get(r['case']!)!.escalation!;
      status.add(esc.changePointMethod.status);
      expect(r['change_points'], r['case']).toBe(
        esc.changePointMethod.status === 'ok' ? String(esc.changePoints.length) : '',
      );
    }
    // These cases are long enough to search (a case too short to search: batch-provenance.test.ts).
    expect(status.has('ok')).toBe(true);
  });

  it('channels.csv and daily.csv add up to the case totals', () => {
    const sum = (rs: Record<string, string>[], n: string) =>
      rs.filter((r) => r['case'] === n).reduce((s, r) => s + Number(r['incidents']), 0);
    for (const [n, rep] of expected) {
      expect(sum(rows(out, 'channels.csv'), n)).toBe(rep.incidents.total);
      expect(sum(rows(out, 'daily.csv'), n)).toBe(rep.incidents.total);
    }
    for (const r of rows(out, 'channels.csv')) {
      expect(Number(r['incidents'])).toBe(
        expected.get(r['case']!)!.incidents.byChannel[r['channel'] as 'sms'],
      );
    }
  });

  it('records a broken case in errors.csv without stopping the others', () => {
    const e = rows(out, 'errors.csv');
    expect(e.map((r) => r['case'])).toEqual(['zz-broken']);
    expect(e[0]!['reason']).toMatch(/INPUT_NOTHING_RECOGNISED/);
    // Each file's reason apart from the next, not run together.
    expect(e[0]!['reason']).toMatch(
      /^INPUT_NOTHING_RECOGNISED: none of the 2 files is a supported export: \S*zz-broken\/empty\.txt: empty file \(0 bytes\); \S*zz-broken\/notes\.bin: [^;]+$/,
    );
  });

  it('is deterministic whatever the number of jobs', async () => {
    const one = path.join(tmp, 'one');
    await batchCommand(cases, { out: one, jobs: '1', quiet: true }, env);
    for (const f of TABLES) expect(read(one, f)).toBe(read(out, f));
  });

  it('runs cases in worker threads from the built package, with the same outputs', () => {
    const threads = path.join(tmp, 'threads');
    const r = cli(['batch', cases, '--out', threads, '--jobs', '2', '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const f of TABLES) expect(read(threads, f)).toBe(read(out, f));
    // Each case's events live in its own Parquet part beside a small state, not in the state itself.
    const state = JSON.parse(read(path.join(threads, 'cases'), 'alpha-full.json'));
    expect(state.events).toBeUndefined();
    expect(state.partFile).toBeUndefined();
    expect(state.parquet.rows).toBeGreaterThan(1000);
    expect(existsSync(path.join(threads, 'cases', 'alpha-full.parquet'))).toBe(true);
  });

  it('still reads a case state from before parts (events held in the state)', async () => {
    const old = path.join(tmp, 'old');
    await batchCommand(cases, { out: old, quiet: true }, env);
    const { timeline } = await readInputs([path.join(cases, 'bravo-sms')], { quiet: true }, env);
    const events = [...timeline.events].map((e) => [
      e.ms,
      timeline.zone.localText(e.ms, 'day').slice(0, 10),
      e.channel,
      e.kind,
      e.direction,
      e.call?.status ?? null,
      e.role ?? null,
      e.incident,
      e.senderKey === undefined ? null : keyValue(e.senderKey),
    ]);
    const file = path.join(old, 'cases', 'bravo-sms.json');
    const { parquet: _, ...state } = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...state, events }));
    rmSync(path.join(old, 'cases', 'bravo-sms.parquet'));
    const merged = path.join(tmp, 'from-old');
    await mergeCommand([old], { out: merged, quiet: true }, env);
    for (const f of TABLES) expect(read(merged, f)).toBe(read(out, f));
  });

  it('shards and merges back to the unsharded result', async () => {
    const shards = [1, 2, 3].map((i) => path.join(tmp, `shard-${i}`));
    const seen: string[] = [];
    for (const [k, d] of shards.entries()) {
      await batchCommand(cases, { out: d, shard: `${k + 1}/3`, quiet: true }, env);
      const mine = names.filter((n) => shardOf(n, 3) === k + 1);
      seen.push(...mine);
      expect(rows(d, 'cases.csv').length + rows(d, 'errors.csv').length).toBe(mine.length);
    }
    expect(seen.sort()).toEqual(names);
    const merged = path.join(tmp, 'merged');
    await mergeCommand(shards, { out: merged, quiet: true }, env);
    for (const f of TABLES) expect(read(merged, f)).toBe(read(out, f));
  });

  it('--resume skips unchanged cases and redoes changed ones', async () => {
    const state = path.join(out, 'cases', 'bravo-sms.json');
    const before = JSON.parse(read(path.join(out, 'cases'), 'bravo-sms.json'));
    writeFileSync(state, JSON.stringify({ ...before, row: ['bravo-sms', 999] }));
    await batchCommand(cases, { out, resume: true, quiet: true }, env);
    expect(read(out, 'cases.csv')).toContain('bravo-sms,999');
    writeFileSync(path.join(cases, 'bravo-sms', 'extra.txt'), 'not an export\n');
    await batchCommand(cases, { out, resume: true, quiet: true }, env);
    expect(read(out, 'cases.csv')).not.toContain('bravo-sms,999');
    expect(rows(out, 'cases.csv').find((r) => r['case'] === 'bravo-sms')!['incidents']).toBe(
      String(expected.get('bravo-sms')!.incidents.total),
    );
  });

  it('rejects a bad --shard or --jobs as a usage error', async () => {
    await expect(batchCommand(cases, { out, shard: '4/3' }, env)).rejects.toMatchObject({
      code: 'USAGE_BAD_SHARD',
    });
    await expect(batchCommand(cases, { out, jobs: '0' }, env)).rejects.toMatchObject({
      code: 'USAGE_BAD_JOBS',
    });
  });
});
