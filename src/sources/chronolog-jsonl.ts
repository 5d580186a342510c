/**
 * chronolog's own anonymised timeline (written by `chronolog anonymise`), read back so `report`, `batch` and
 * `timeline` work on anonymised data. Samples (the first line is the header that detection looks for):
 *
 *   {"format":"chronolog-anonymised-timeline","version":1,"datesShifted":false,"textDropped":false,"pseudonyms":"…"}
 *   {"utc":"2024-01-08T21:14:00.000Z","precision":"min","channel":"sms","kind":"message","direction":"incoming","sender":"p3b9c0e6f1a2d4c58","role":"subject","call":null,"conversation":null,"text":"Call me [NAME:p5d1e]","textLength":12,"flags":[]}
 *   {"utc":"2024-01-09T07:02:11.000Z","precision":"s","channel":"call","kind":"call","direction":"incoming","sender":"p3b9c0e6f1a2d4c58","role":"subject","call":{"status":"missed"},"conversation":null,"text":null,"textLength":null,"flags":[]}
 *
 * Every event line carries a UTC instant, so times are emitted as instants with the stored precision. Senders
 * are pseudonyms (account ids) with the role they had in the original case, so incidents stay incidents.
 * A blank line is skipped (`blank-line`); a line that is not valid JSON or lacks a valid time or vocabulary
 * value is rejected with its line number. Deliberately unsupported: any other version of the format.
 */
import {
  CALL_STATUSES,
  CHANNELS,
  DIRECTIONS,
  KINDS,
  type ParsedEvent,
  PRECISIONS,
  ROLES,
} from '../model/index.js';
import type { Probe, Source, SourceContext, SourceInput } from './source.js';
import { SourceFailure } from './source.js';
import { forEachLine } from './text.js';

const HEADER = /^\{"format":"chronolog-anonymised-timeline","version":1[,}]/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z$/;

function oneOf<T extends string>(list: readonly T[], v: unknown): T | undefined {
  return typeof v === 'string' && (list as readonly string[]).includes(v) ? (v as T) : undefined;
}

function toEvent(o: Record<string, unknown>, line: number): ParsedEvent | string {
  const utc = o['utc'];
  const ms = typeof utc === 'string' && ISO.test(utc) ? Date.parse(utc) : Number.NaN;
  if (Number.isNaN(ms)) return `utc ${JSON.stringify(utc)} is not an ISO UTC instant`;
  const precision = oneOf(PRECISIONS, o['precision']);
  const channel = oneOf(CHANNELS, o['channel']);
  const kind = oneOf(KINDS, o['kind']);
  const direction = oneOf(DIRECTIONS, o['direction']);
  if (!precision || !channel || !kind || !direction) {
    return `precision/channel/kind/direction ${JSON.stringify([o['precision'], o['channel'], o['kind'], o['direction']])} not all known values`;
  }
  const role = oneOf(ROLES, o['role']);
  const sender = typeof o['sender'] === 'string' ? o['sender'] : undefined;
  const c = o['call'] as { status?: unknown; durationSec?: unknown } | null | undefined;
  const status = c ? oneOf(CALL_STATUSES, c.status) : undefined;
  const flags = Array.isArray(o['flags']) ? o['flags'].filter((f): f is string => typeof f === 'string') : [];
  return {
    locator: line,
    time: { type: 'instant', ms, precision },
    channel,
    kind,
    direction,
    ...(sender || role
      ? {
          sender: {
            ...(sender ? { id: sender, idType: 'account' as const } : {}),
            ...(role ? { role } : {}),
          },
        }
      : {}),
    ...(typeof o['text'] === 'string' ? { text: o['text'] } : {}),
    ...(status
      ? { call: { status, ...(typeof c?.durationSec === 'number' ? { durationSec: c.durationSec } : {}) } }
      : {}),
    ...(typeof o['conversation'] === 'string' ? { conversation: o['conversation'] } : {}),
    ...(flags.length ? { flags } : {}),
  };
}

/** chronolog's anonymised JSONL timeline. */
export const chronologJsonl: Source = {
  id: 'chronolog-jsonl',
  label: 'chronolog anonymised timeline (.jsonl)',
  reads: 'the pseudonymised timeline written by `chronolog anonymise`',
  recognisedBy: 'a first line {"format":"chronolog-anonymised-timeline","version":1,…}',
  howToExport: 'chronolog anonymise PATHS --key-file KEY --out OUTDIR (writes OUTDIR/timeline.jsonl)',
  extensions: ['.jsonl'],
  detect: (probe: Probe) => HEADER.test(probe.text),
  async parse(input: SourceInput, ctx: SourceContext) {
    await forEachLine(
      input,
      (line, n) => {
        if (n === 1) {
          if (!HEADER.test(line)) {
            throw new SourceFailure(
              'CHRONOLOG_JSONL_HEADER',
              'the first line is not the chronolog header',
              1,
            );
          }
          ctx.skip('header', 1);
          return;
        }
        if (line.trim() === '') return ctx.skip('blank-line', n);
        let o: unknown;
        try {
          o = JSON.parse(line);
        } catch {
          return ctx.reject(
            'CHRONOLOG_JSONL_BAD_JSON',
            n,
            `line ${n} is not valid JSON: ${line.slice(0, 80)}`,
          );
        }
        if (typeof o !== 'object' || o === null || Array.isArray(o)) {
          return ctx.reject('CHRONOLOG_JSONL_NOT_OBJECT', n, `line ${n} is not a JSON object`);
        }
        const e = toEvent(o as Record<string, unknown>, n);
        if (typeof e === 'string') return ctx.reject('CHRONOLOG_JSONL_BAD_FIELD', n, e);
        ctx.emit(e);
      },
      ctx,
    );
  },
};
