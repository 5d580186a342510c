/**
 * events.parquet: every case's normalised timeline, one row per event, written with hyparquet-writer one case
 * at a time (each case's events are read back from its state file), so memory is bounded by the largest case.
 * Columns: case, utc (TIMESTAMP millis, UTC), date (local date in the case zone), channel, kind, direction,
 * call_status, role, incident, sender (the normalised identifier — a pseudonym for anonymised cases).
 */

import path from 'node:path';
import { type ColumnSource, fileWriter, ParquetWriter, schemaFromColumnData } from 'hyparquet-writer';
import { publish, tempPath } from '../tempfiles.js';
import { VERSION } from '../version.js';
import type { CaseResult, EventTuple } from './run-case.js';

function columns(name: string, ev: readonly EventTuple[]): ColumnSource[] {
  const col = <T>(i: number) => ev.map((e) => e[i] as T);
  return [
    { name: 'case', data: ev.map(() => name), type: 'STRING' },
    { name: 'utc', data: ev.map((e) => new Date(e[0])), type: 'TIMESTAMP', nullable: false },
    { name: 'date', data: col<string>(1), type: 'STRING', nullable: false },
    { name: 'channel', data: col<string>(2), type: 'STRING', nullable: false },
    { name: 'kind', data: col<string>(3), type: 'STRING', nullable: false },
    { name: 'direction', data: col<string>(4), type: 'STRING', nullable: false },
    { name: 'call_status', data: col<string | null>(5), type: 'STRING' },
    { name: 'role', data: col<string | null>(6), type: 'STRING' },
    { name: 'incident', data: col<boolean>(7), type: 'BOOLEAN', nullable: false },
    { name: 'sender', data: col<string | null>(8), type: 'STRING' },
  ];
}

/** Writes OUTDIR/events.parquet from the cases (sorted by name), loading each case's events with `load`. */
export async function writeEventsParquet(
  outDir: string,
  cases: readonly CaseResult[],
  load: (name: string) => Promise<CaseResult | undefined>,
): Promise<void> {
  const target = path.join(outDir, 'events.parquet');
  const tmp = tempPath(path.basename(target));
  const writer = fileWriter(tmp);
  const schema = schemaFromColumnData({ columnData: columns('', []) });
  const pq = new ParquetWriter({ writer, schema, createdBy: `chronolog ${VERSION}` });
  for (const c of cases) {
    if (c.error !== undefined) continue;
    const events = c.events ?? (await load(c.case))?.events ?? [];
    if (events.length) await pq.write({ columnData: columns(c.case, events), rowGroupSize: 100_000 });
  }
  await pq.finish();
  await publish(tmp, target);
}
