/**
 * events.parquet: every case's normalised timeline, one row per event, in case order. Columns: case, utc
 * (TIMESTAMP millis, UTC), date (local date in the case zone), channel, kind, direction, call_status, role,
 * incident, sender (the normalised identifier — a pseudonym for anonymised cases).
 *
 * Each case's rows are encoded once, by the worker that ran the case, into a small Parquet file of its own (its
 * "part", kept beside the case's state as OUTDIR/cases/<case>.parquet and readable on its own). The table is then
 * assembled by copying each part's row groups byte for byte and moving their offsets: the main thread does no
 * encoding, so the work spreads over the workers and memory is bounded by the largest part. The assembled file
 * is the same as encoding every case into one writer (same row groups, same bytes), written with hyparquet-writer.
 */

import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  ByteWriter,
  type ColumnSource,
  fileWriter,
  ParquetWriter,
  schemaFromColumnData,
} from 'hyparquet-writer';
import type { TimelineEvent } from '../../model/index.js';
import { keyValue } from '../../timeline/identities.js';
import type { Zone } from '../../timeline/zone.js';
import { publish, tempPath } from '../tempfiles.js';
import { VERSION } from '../version.js';
import type { CaseResult, EventTuple } from './run-case.js';

/** Rows per row group: bounds the memory of a reader that reads one group at a time. */
const ROW_GROUP = 100_000;
/** Parquet files start (and end) with these four bytes. */
const MAGIC_BYTES = 4;

/** Where a part's row groups end in its file, and their metadata (64-bit integers as decimal strings). */
export interface PartMeta {
  readonly rows: number;
  readonly end: number;
  readonly rowGroups: unknown;
}

interface Cols {
  utc: Date[];
  date: string[];
  channel: string[];
  kind: string[];
  direction: string[];
  status: (string | null)[];
  role: (string | null)[];
  incident: boolean[];
  sender: (string | null)[];
}

function columnSources(name: string, c: Cols): ColumnSource[] {
  return [
    // Offset indexes are left out: they hold file offsets outside the row groups, which parts would have to move.
    { name: 'case', data: c.utc.map(() => name), type: 'STRING', offsetIndex: false },
    { name: 'utc', data: c.utc, type: 'TIMESTAMP', nullable: false, offsetIndex: false },
    { name: 'date', data: c.date, type: 'STRING', nullable: false, offsetIndex: false },
    { name: 'channel', data: c.channel, type: 'STRING', nullable: false, offsetIndex: false },
    { name: 'kind', data: c.kind, type: 'STRING', nullable: false, offsetIndex: false },
    { name: 'direction', data: c.direction, type: 'STRING', nullable: false, offsetIndex: false },
    { name: 'call_status', data: c.status, type: 'STRING', offsetIndex: false },
    { name: 'role', data: c.role, type: 'STRING', offsetIndex: false },
    { name: 'incident', data: c.incident, type: 'BOOLEAN', nullable: false, offsetIndex: false },
    { name: 'sender', data: c.sender, type: 'STRING', offsetIndex: false },
  ];
}

const empty = (): Cols => ({
  utc: [],
  date: [],
  channel: [],
  kind: [],
  direction: [],
  status: [],
  role: [],
  incident: [],
  sender: [],
});

const SCHEMA = schemaFromColumnData({ columnData: columnSources('', empty()) });

/** 64-bit integers to and from JSON: `{"$int64":"123"}`. */
function toJson(v: unknown): unknown {
  if (typeof v === 'bigint') return { $int64: v.toString() };
  if (Array.isArray(v)) return v.map(toJson);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = toJson(x);
    return out;
  }
  return v;
}

function fromJson(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(fromJson);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o['$int64'] === 'string' && Object.keys(o).length === 1) return BigInt(o['$int64']);
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, fromJson(x)]));
  }
  return v;
}

/** One case's events as a complete Parquet file (its part): runs in the worker, beside the analysis. */
export async function writePart(
  file: string,
  name: string,
  events: Iterable<TimelineEvent>,
  zone: Zone,
): Promise<PartMeta> {
  const c = empty();
  // One date string per local day, shared by its events (formatting a date per event was a tenth of the work).
  const dates = new Map<number, string>();
  for (const e of events) {
    const day = zone.localDayNumber(e.ms);
    let date = dates.get(day);
    if (date === undefined) {
      date = new Date(day * 86_400_000).toISOString().slice(0, 10);
      dates.set(day, date);
    }
    c.utc.push(new Date(e.ms));
    c.date.push(date);
    c.channel.push(e.channel);
    c.kind.push(e.kind);
    c.direction.push(e.direction);
    c.status.push(e.call?.status ?? null);
    c.role.push(e.role ?? null);
    c.incident.push(e.incident);
    c.sender.push(e.senderKey === undefined ? null : keyValue(e.senderKey));
  }
  return writeColumns(file, columnSources(name, c));
}

async function writeColumns(file: string, columnData: ColumnSource[]): Promise<PartMeta> {
  const writer = new ByteWriter();
  const pq = new ParquetWriter({ writer, schema: SCHEMA, createdBy: `chronolog ${VERSION}` });
  if (columnData[0]!.data.length > 0) await pq.write({ columnData, rowGroupSize: ROW_GROUP });
  const meta = { rows: Number(pq.num_rows), end: writer.offset, rowGroups: toJson(pq.row_groups) };
  await pq.finish();
  await writeFile(file, writer.getBytes());
  return meta;
}

/** A case state written before parts existed holds its events as tuples: encode them here. */
async function partFromTuples(
  name: string,
  ev: readonly EventTuple[],
): Promise<{ file: string; meta: PartMeta }> {
  const col = <T>(i: number) => ev.map((e) => e[i] as T);
  const c: Cols = {
    utc: ev.map((e) => new Date(e[0])),
    date: col(1),
    channel: col(2),
    kind: col(3),
    direction: col(4),
    status: col(5),
    role: col(6),
    incident: col(7),
    sender: col(8),
  };
  const file = tempPath(`${encodeURIComponent(name)}.parquet`);
  return { file, meta: await writeColumns(file, columnSources(name, c)) };
}

type Chunk = {
  file_offset: bigint;
  meta_data?: { data_page_offset: bigint; dictionary_page_offset?: bigint; index_page_offset?: bigint };
  offset_index_offset?: bigint;
  column_index_offset?: bigint;
};

/** A part's row groups with every file offset moved by `by` bytes. */
function moved(rowGroups: unknown, by: bigint): ParquetWriter['row_groups'] {
  const groups = fromJson(rowGroups) as ParquetWriter['row_groups'];
  for (const g of groups) {
    for (const c of g.columns as Chunk[]) {
      if (c.offset_index_offset !== undefined || c.column_index_offset !== undefined)
        throw new Error('a part holds page indexes, which cannot be moved');
      c.file_offset += by;
      const m = c.meta_data;
      if (!m) continue;
      m.data_page_offset += by;
      if (m.dictionary_page_offset !== undefined) m.dictionary_page_offset += by;
      if (m.index_page_offset !== undefined) m.index_page_offset += by;
    }
  }
  return groups;
}

/**
 * Writes OUTDIR/events.parquet from the cases (sorted by name): each case's part is `partOf(case)`; a case
 * without one (a state from an older version) is encoded from the events `load` returns.
 */
export async function writeEventsParquet(
  outDir: string,
  cases: readonly CaseResult[],
  partOf: (name: string) => string,
  load: (name: string) => Promise<CaseResult | undefined>,
): Promise<void> {
  const target = path.join(outDir, 'events.parquet');
  const tmp = tempPath(path.basename(target));
  const writer = fileWriter(tmp);
  const pq = new ParquetWriter({ writer, schema: SCHEMA, createdBy: `chronolog ${VERSION}` });
  for (const c of cases) {
    if (c.error !== undefined) continue;
    let file = partOf(c.case);
    let meta = c.parquet;
    if (meta === undefined) {
      ({ file, meta } = await partFromTuples(c.case, c.events ?? (await load(c.case))?.events ?? []));
    }
    if (meta.rows === 0) continue;
    const bytes = await readFile(file);
    const groups = moved(meta.rowGroups, BigInt(writer.offset - MAGIC_BYTES));
    writer.appendBytes(bytes.subarray(MAGIC_BYTES, meta.end));
    pq.row_groups.push(...groups);
    pq.num_rows += BigInt(meta.rows);
  }
  await pq.finish();
  await publish(tmp, target);
}
