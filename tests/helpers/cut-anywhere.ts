/**
 * The checks made at every point a test cuts or breaks an export (the file ends there, or a byte no format allows
 * stands there): every record begun is exactly one outcome; the one the fault falls strictly inside is rejected at
 * its locator with the reader's `_RECORD_CUT_SHORT` or `_RECORD_MALFORMED` code, and is the failure's locator; a
 * fault in no record gives a failure whose locator names no record; every other outcome is the one the whole file gives for that record, so nothing read in part is ever emitted.
 */
import { expect } from 'vitest';
import type { Outcome } from './run-source.js';

/** A record of the file: its locator, and the byte offsets of its first and last character. */
export interface Span {
  readonly locator: string | number;
  readonly start: number;
  readonly end: number;
}

/** What a fault at `at` should give, the records of the file, and the whole file's outcome. */
export interface CutCase {
  /** Bytes before the fault: the file is read up to here. */
  readonly at: number;
  readonly kind: 'cut' | 'broken';
  readonly spans: readonly Span[];
  readonly whole: Outcome;
  /** The reader's code prefix, e.g. `DISCORD_JSON`. */
  readonly prefix: string;
  /** The failure codes for a cut file and a broken one. */
  readonly failures: { readonly cut: string; readonly broken: string };
}

/** Checks `r`, the outcome of the file cut or broken as `c` says. */
export function checkCut(r: Outcome, c: CutCase): void {
  const label = `${c.kind} after ${c.at} bytes`;
  const begun = c.spans.filter((s) => s.start < c.at);
  const inside = begun.find((s) => c.at <= s.end);
  const outcomes = [...r.events, ...r.skipped, ...r.rejected];
  // Every record begun is counted, once: the same locators, none twice.
  expect(outcomes.map((o) => String(o.locator)).sort(), label).toEqual(
    begun.map((s) => String(s.locator)).sort(),
  );
  const code = `${c.prefix}_${c.kind === 'cut' ? 'RECORD_CUT_SHORT' : 'RECORD_MALFORMED'}`;
  const fresh = r.rejected.filter((x) => /_RECORD_(?:CUT_SHORT|MALFORMED)$/.test(x.code));
  if (inside) {
    expect(
      fresh.map((x) => [x.code, x.locator]),
      label,
    ).toEqual([[code, inside.locator]]);
    expect(r.failure?.code, label).toBe(c.kind === 'cut' ? c.failures.cut : c.failures.broken);
    expect(r.failure?.locator, label).toBe(inside.locator);
  } else {
    expect(fresh, label).toEqual([]);
    // A fault in no record (between two, say) points at no record: never at the next one, which the file was cut
    // or broken before and may not hold, nor at the one before, which was read whole.
    expect(
      c.spans.some((s) => s.locator === r.failure?.locator),
      `${label}: failure at ${String(r.failure?.locator)}`,
    ).toBe(false);
  }
  // Every other outcome is the whole file's for that record: nothing read in part is emitted or skipped.
  const wholeAt = (list: readonly { locator?: string | number }[], locator: string | number | undefined) =>
    list.filter((o) => o.locator === locator);
  for (const e of r.events) expect([e], label).toEqual(wholeAt(c.whole.events, e.locator));
  for (const s of r.skipped) expect([s], label).toEqual(wholeAt(c.whole.skipped, s.locator));
  for (const x of r.rejected) {
    if (!fresh.includes(x)) expect([x], label).toEqual(wholeAt(c.whole.rejected, x.locator));
  }
}

/** `bytes` up to `at`, then a control character, which JSON allows nowhere, and the rest. */
export function brokenAt(bytes: Uint8Array, at: number): Buffer {
  return Buffer.concat([bytes.subarray(0, at), Buffer.from([0x01]), bytes.subarray(at)]);
}

/** The points to cut at: every `step`th from `from` to `to`, and every point within 2 bytes of a record's ends. */
export function cutPoints(spans: readonly Span[], from: number, to: number, step: number): number[] {
  const points = new Set<number>();
  for (let at = from; at < to; at += step) points.add(at);
  for (const s of spans) {
    for (const p of [s.start, s.end + 1]) for (let d = -2; d <= 2; d++) points.add(p + d);
  }
  return [...points].filter((p) => p >= from && p < to).sort((a, b) => a - b);
}
