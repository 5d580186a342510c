/**
 * Shared helpers for the statistics tests: reading the fixture series and goldens in fixtures/stats/, and
 * comparisons with the tolerances of statistics.md §7.4 (relative; absolute only when the reference is 0).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { MannKendall, SenSlope } from '../../../src/analysis/stats/index.js';

/** Golden JSON as parsed: its fields are checked one by one against the computed values. */
// biome-ignore lint/suspicious/noExplicitAny: the goldens' shape is ref_stats.R's, asserted field by field
export type Golden = any;

export const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'stats');

/** One entry of fixtures/stats/manifest.json. */
export interface SeriesSpec {
  name: string;
  split?: string;
  minseglen?: number;
  events?: boolean;
  tz?: string;
  night?: string;
  what: string;
}

export function readJson<T = Golden>(file: string): T {
  return JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as T;
}

export const manifest = readJson<{ series: SeriesSpec[] }>('manifest.json').series;

/** A daily CSV as a dense series: dates missing inside the range count as 0 (as ref_stats.R does). */
export function readDaily(name: string): { first: string; counts: number[]; filled: number } {
  const rows = readFileSync(join(FIXTURES, `${name}.csv`), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  const parsed = rows.map((r) => {
    const [date, count] = r.split(',');
    return { day: Date.parse(`${date}T00:00:00Z`) / 86_400_000, count: Number(count) };
  });
  const first = Math.min(...parsed.map((p) => p.day));
  const last = Math.max(...parsed.map((p) => p.day));
  const counts = new Array<number>(last - first + 1).fill(0);
  for (const p of parsed) counts[p.day - first] = p.count;
  return {
    first: new Date(first * 86_400_000).toISOString().slice(0, 10),
    counts,
    filled: counts.length - rows.length,
  };
}

/** Event instants (ms) of NAME.events.csv, in file order. */
export function readEvents(name: string): number[] {
  const rows = readFileSync(join(FIXTURES, `${name}.events.csv`), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  return rows.map((r) => Date.parse(r));
}

/**
 * |got − want| ≤ tol·|want| (absolute tol when want = 0); null wants null. `noise` is an absolute floor for a
 * quantity whose true value is 0 but which R's iterative fit returns as rounding residue (β = 2.9e-17 for a
 * series with no trend at all): the relative error against residue means nothing.
 */
export function close(
  got: number | null | undefined,
  want: number | null,
  tol: number,
  label = '',
  noise = 0,
): void {
  if (want === null) {
    expect(got ?? null, `${label}: expected null`).toBeNull();
    return;
  }
  expect(got, `${label}: expected a number near ${want}`).toBeTypeOf('number');
  const g = got as number;
  const bound = Math.max(noise, want === 0 ? tol : tol * Math.abs(want));
  if (!(Math.abs(g - want) <= bound)) {
    expect.fail(
      `${label}: got ${g}, want ${want} (relative error ${Math.abs(g - want) / Math.abs(want)}, tol ${tol})`,
    );
  }
}

/** p-values: relative tolerance, but below 1e-300 any value below 1e-300 passes (statistics.md §7.4). */
export function closeP(got: number | null | undefined, want: number | null, tol: number, label = ''): void {
  if (want !== null && want < 1e-300) {
    expect(got, label).toBeTypeOf('number');
    expect(got as number, label).toBeLessThan(1e-300);
    return;
  }
  close(got, want, tol, label);
}

/** Element-wise {@link close} over two arrays of equal length. */
export function closeAll(
  got: readonly (number | null)[],
  want: readonly (number | null)[],
  tol: number,
  label = '',
): void {
  expect(got.length, `${label}: length`).toBe(want.length);
  want.forEach((w, i) => {
    close(got[i], w, tol, `${label}[${i}]`);
  });
}

/** p-values: 1e-9 relative; a normal tail magnifies Z's error by ~Z², so beyond |Z| = 30 Z is compared instead. */
export function checkMannKendall(got: MannKendall, want: Golden, label: string): void {
  expect(got.n, label).toBe(want.n);
  expect(got.S, `${label} S`).toBe(want.S);
  close(got.varS, want.varS, 1e-12, `${label} varS`);
  close(got.tau, want.tau, 1e-12, `${label} tau`);
  close(got.z, want.Z, 1e-12, `${label} Z`);
  if (Math.abs(want.Z) <= 30) closeP(got.p, want.p, 1e-9, `${label} p`);
  close(got.zNoContinuity, want.Z_no_continuity, 1e-12, `${label} Z_no_continuity`);
  if (want.Z_no_continuity === null || Math.abs(want.Z_no_continuity) <= 30) {
    closeP(got.pNoContinuity, want.p_no_continuity, 1e-9, `${label} p_no_continuity`);
  }
  expect(got.tieGroups, `${label} tie groups`).toBe(want.n_tie_groups);
}

export function checkSen(got: SenSlope, want: Golden, label: string): void {
  close(got.slope, want.slope, 1e-12, `${label} slope`);
  closeAll(got.ci, want.ci, 1e-10, `${label} ci`);
  expect(got.nPairs, `${label} pairs`).toBe(want.n_pairs);
  expect(got.ciRanks, `${label} ranks`).toEqual(want.ci_ranks);
  close(got.shareZeroPairSlopes, want.share_zero_pair_slopes, 1e-12, `${label} share zero`);
}

/** Fails on any NaN or ±∞ anywhere in a result (nulls are the way to say "undefined"). */
export function expectWellDefined(value: unknown, path = 'result'): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) expect.fail(`${path} is ${value}`);
  } else if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    Array.from(value as ArrayLike<unknown>).forEach((v, i) => {
      expectWellDefined(v, `${path}[${i}]`);
    });
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) expectWellDefined(v, `${path}.${k}`);
  }
}
