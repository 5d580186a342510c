/**
 * Reading an SMS Backup & Restore file in pieces, for the tests that hold the reader to giving the same outcome
 * wherever the stream's chunks fall, on its fast path and through saxes alone (sources/sms-backup-xml/reader.ts).
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { smsBackupXml } from '../../src/sources/sms-backup-xml/index.js';
import { readBackup } from '../../src/sources/sms-backup-xml/reader.js';
import { inPieces, type Outcome, runInput } from './run-source.js';

/** What `bytes` gives read in pieces of `size` bytes; `fastPath` false: saxes reads it all. */
export async function readSmsIn(bytes: Uint8Array, size: number, fastPath = true): Promise<Outcome> {
  const source = {
    ...smsBackupXml,
    parse: (input, ctx) => readBackup(input, ctx, fastPath),
  } as typeof smsBackupXml;
  return runInput(source, inPieces(bytes, size, 'sms.xml'));
}

/**
 * Expects `file` read in pieces of each of `sizes` bytes, on the fast path and through saxes alone, to give what
 * it gives read whole; returns that outcome.
 */
export async function expectSameInPieces(file: string, sizes: readonly number[]): Promise<Outcome> {
  const bytes = readFileSync(file);
  const whole = await readSmsIn(bytes, bytes.length);
  for (const size of sizes) {
    expect(await readSmsIn(bytes, size), `${file} in ${size}-byte pieces`).toEqual(whole);
    expect(await readSmsIn(bytes, size, false), `${file} in ${size}-byte pieces, saxes alone`).toEqual(whole);
  }
  return whole;
}
