import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { batchCommand } from '../../src/cli/commands/batch.js';
import { makeCases } from './cases.js';
import { env, scratch } from './env.js';

/** The README "beyond one machine" query: channels.csv from events.parquet. */
const CHANNELS_SQL = (file: string) => `
  SELECT "case", channel, count(*) AS incidents
  FROM read_parquet('${file}')
  WHERE incident
  GROUP BY ALL
  ORDER BY "case", channel`;

async function query(sql: string): Promise<Record<string, unknown>[]> {
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  const rows = (await con.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  con.closeSync();
  return rows;
}

describe('events.parquet', () => {
  const tmp = scratch();
  const cases = path.join(tmp, 'cases');
  makeCases(cases);
  const out = path.join(tmp, 'out');
  const file = path.join(out, 'events.parquet');
  const csv = (f: string) =>
    parse(readFileSync(path.join(out, f), 'utf8'), { columns: true }) as Record<string, string>[];

  beforeAll(async () => {
    await batchCommand(cases, { out, jobs: '2', quiet: true }, env);
  });

  it('is read back by DuckDB with the same per-case totals as cases.csv', async () => {
    expect(existsSync(file)).toBe(true);
    const totals = await query(
      `SELECT "case", count(*) FILTER (WHERE incident) AS incidents, count(DISTINCT date) FILTER (WHERE incident) AS days
       FROM read_parquet('${file}') GROUP BY ALL ORDER BY "case"`,
    );
    const fromCsv = csv('cases.csv').map((r) => ({
      case: r['case'],
      incidents: Number(r['incidents']),
      days: Number(r['days_with_contact']),
    }));
    expect(
      totals.map((r) => ({ case: r['case'], incidents: Number(r['incidents']), days: Number(r['days']) })),
    ).toEqual(fromCsv);
  });

  it('reproduces channels.csv with the documented query', async () => {
    const rows = await query(CHANNELS_SQL(file));
    expect(rows.map((r) => [r['case'], r['channel'], String(r['incidents'])])).toEqual(
      csv('channels.csv').map((r) => [r['case'], r['channel'], r['incidents']]),
    );
  });

  it('keeps every event with its instant, role and type columns', async () => {
    const [row] = await query(
      `SELECT typeof(min(utc)) AS t, min(utc)::VARCHAR AS first, count(*) AS n, count(*) FILTER (WHERE role = 'victim') AS victim
       FROM read_parquet('${file}') WHERE "case" = 'bravo-sms'`,
    );
    expect(row!['t']).toMatch(/TIMESTAMP/);
    expect(String(row!['first'])).toBe('2023-12-01 10:38:08.024');
    expect(Number(row!['victim'])).toBeGreaterThan(0);
    expect(Number(row!['n'])).toBeGreaterThan(34);
  });
});
