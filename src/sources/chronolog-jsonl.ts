/**
 * chronolog's own anonymised timeline (written by `chronolog anonymise`), read back so `report`, `batch` and
 * `timeline` work on anonymised data. Versions 2 and 3 write one file per original input (`input-001.jsonl`, …,
 * in the original order); its first line is a header, then one line per record of that input. Samples:
 *
 *   {"format":"chronolog-anonymised-timeline","version":3,"handKept":false,"input":"input-004","originalFormat":"sms-backup-xml","incomplete":false,"datesShifted":false,"textDropped":false,"pseudonyms":"…"}
 *   {"utc":"2024-01-08T21:14:00.000Z","precision":"min","channel":"sms","kind":"message","direction":"incoming","sender":"p3b9c0e6f1a2d4c58","role":"subject","call":null,"conversation":null,"text":"Call me [NAME:p5d1e]","textLength":20,"flags":[],"dedupe":41}
 *   {"utc":"2024-01-09T07:02:11.000Z","precision":"s","channel":"call","kind":"call","direction":"incoming","sender":"p3b9c0e6f1a2d4c58","role":"subject","call":{"status":"missed"},"conversation":null,"text":null,"textLength":null,"flags":[],"dedupe":42}
 *   {"skipped":"system-notice"}
 *   {"rejected":"WHATSAPP_BAD_DATE"}
 *
 * - Event rows carry a UTC instant, emitted with the stored precision. Senders are pseudonyms (account ids)
 *   with the role they had in the original case, so incidents stay incidents. `dedupe` is the record's
 *   de-duplication identity (equal for copies of one record) and becomes the native id, so overlapping inputs
 *   de-duplicate exactly as the originals did although text is redacted.
 * - `{"skipped":REASON}` and `{"rejected":CODE}` stand for records the original input skipped or rejected: they
 *   are skipped or rejected again with the same reason or code, so the books match the original's.
 * - `textLength`: in version 3, the length of `text` as written here (the redacted text), null when the text was
 *   dropped (`"textDropped":true`); in version 2, the original text's length, given even with the text dropped.
 *   Reading does not use it, so both versions are read alike; the number tells a study which meaning it has.
 * - The v2/v3 header is not a record. `"incomplete":true` (the original stopped early) ends the read with
 *   CHRONOLOG_JSONL_ORIGINAL_INCOMPLETE after every line is read, so the input is marked incomplete again; with
 *   `"readToEnd":true` too (the original was read to its end, some records unusable for a reason of the whole
 *   file, such as a day/month order that cannot be told), it is marked read to the end as well; with
 *   `"damaged":true` besides (a zip member whose checksum failed, read to its end), CHRONOLOG_JSONL_ORIGINAL_DAMAGED
 *   marks it damaged again.
 * - A hand-kept input (a diary) has `"handKept":true` and is read by `chronolog-jsonl-diary` instead, so the
 *   analysis treats it as a diary again (no export period).
 * - Version 1 (one file per case, header counted as a skipped record) is still read.
 * - Times: a copy may have its dates shifted by up to five years (`"datesShifted":true`), so any time a shifted copy
 *   of a diary could hold is read (ANONYMISED_TIMES), and none is flagged as dated after the report. A version 3
 *   copy whose header says `"datesShifted":false` holds its original's instants, checked by the rule every reader
 *   has kept since before version 3, so that rule holds: the times a device stamps, or a diary's years for a
 *   hand-kept input, a zone's hours either way; a time outside is rejected (TIMELINE_IMPLAUSIBLE_TIME), one after
 *   the report flagged. Versions 1 and 2 were written before that rule (an SMS of 1985 was read then, and copied):
 *   they keep the wide range, with a hint that does not say the copy was changed (EARLY_ANONYMISED_TIMES), an
 *   unshifted one's records after the report flagged (EARLY_UNSHIFTED_TIMES).
 * A blank line is skipped (`blank-line`); a line that is not valid JSON, or lacks a valid time or vocabulary
 * value, or a stub with a malformed reason or code is rejected with its line number. A last line without a line
 * break that is not valid JSON was cut short (CHRONOLOG_JSONL_TRUNCATED): the record on it was begun, so it is
 * counted, rejected with its line number (CHRONOLOG_JSONL_RECORD_CUT_SHORT), never read in part; the lines
 * before it are kept and the input is marked incomplete. A line of more than a million JSON values or longer than
 * 8 MiB is rejected unread (CHRONOLOG_JSONL_TOO_LARGE, ./json-values.ts), so even as the last line without a
 * line break (what it held cannot be parsed to tell); a line over 8 MiB is never held whole. Unsupported: other
 * versions.
 */
import type { ParsedEvent } from '../model/index.js';
import {
  ANONYMISED_TIMES,
  EARLY_ANONYMISED_TIMES,
  EARLY_UNSHIFTED_TIMES,
  type TimeRange,
  UNSHIFTED_HAND_KEPT_TIMES,
  UNSHIFTED_STAMPED_TIMES,
} from '../model/time-range.js';
import { CALL_STATUSES, CHANNELS, DIRECTIONS, KINDS, PRECISIONS, ROLES } from '../model/vocabulary.js';
import { rejectCutRecord } from './cut-record.js';
import { nestsTooDeep, TOO_DEEP } from './json-depth.js';
import { hasTooManyValues, MAX_LINE_CHARS, TOO_MANY_VALUES, tooLongInWords } from './json-values.js';
import type { Probe, Source, SourceContext, SourceInput } from './source.js';
import { FailureAtEnd, SourceFailure } from './source.js';
import { forEachLine } from './text.js';

const HEADER = /^\{"format":"chronolog-anonymised-timeline","version":[123][,}]/;
/** The header of a hand-kept input, which `chronolog-jsonl-diary` reads. */
export const HAND_KEPT_HEADER =
  /^\{"format":"chronolog-anonymised-timeline","version":[23],"handKept":true[,}]/;
/**
 * How the manifest anonymise writes beside these files starts (OUTDIR/manifest.json, commands/anonymise.ts):
 * `{"tool":{"name":"chronolog","version":"…"},"format":"chronolog-anonymised-timeline",…}`, pretty-printed. It
 * says what was done to the copy and holds no record: a report of the copy lists it as what it is, where "not a
 * supported export format" would say a file of the case went unread for want of a reader.
 */
const MANIFEST =
  /^\{\s*"tool":\s*\{\s*"name":\s*"chronolog",\s*"version":\s*"[^"]*"\s*\},\s*"format":\s*"chronolog-anonymised-timeline",/;
/** Why the manifest is not read. */
export const MANIFEST_NOT_READ = "chronolog's anonymisation manifest (it describes the copy), not an export";
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z$/;
const REASON = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CODE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;

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
  const dedupe = o['dedupe'];
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
    ...(Number.isSafeInteger(dedupe) && (dedupe as number) > 0 ? { nativeId: `dedupe:${dedupe}` } : {}),
    ...(flags.length ? { flags } : {}),
  };
}

/** What to do about a line `chronolog anonymise` would not have written: the file was edited or damaged. */
const EDITED = 'The file was edited or damaged: run `chronolog anonymise` on the original inputs again.';

/** What to do about a header line that is not the one anonymise writes (the file cannot be read at all). */
const HEADER_HINT =
  'chronolog anonymise writes this header on the first line; the file was edited, damaged or made by another program. Run `chronolog anonymise` on the original inputs again.';

/** Rejects line `n`, not read, for being `what` (too deep, of too many values): no line anonymise writes is. */
function refuseUnwritten(ctx: SourceContext, code: string, n: number, what: string): void {
  ctx.reject(
    code,
    n,
    `line ${n} is ${what}, which \`chronolog anonymise\` never writes; it was not read`,
    EDITED,
  );
}

/**
 * One line after the header: an event row, a skipped or rejected stub, or a bad line. `unended`: the file ends
 * on it without a line break. Returns true when that line was cut short (rejected as such).
 */
function readLine(line: string, n: number, ctx: SourceContext, unended: boolean): boolean {
  if (line.trim() === '') {
    ctx.skip('blank-line', n);
    return false;
  }
  // Counted before it is parsed: a line of millions of `{}` would be built whole (json-values.ts).
  if (hasTooManyValues(line)) {
    refuseUnwritten(ctx, 'CHRONOLOG_JSONL_TOO_LARGE', n, TOO_MANY_VALUES);
    return false;
  }
  let o: unknown;
  try {
    o = JSON.parse(line);
  } catch {
    // `chronolog anonymise` ends every line with a line break: a broken last line without one was cut short.
    // Its record was begun, so it is counted: rejected at its line, as what it held cannot be known. (A line too
    // large to parse was rejected above, cut short or not.)
    if (unended) {
      rejectCutRecord(ctx, 'CHRONOLOG_JSONL_RECORD_CUT_SHORT', n, `line ${n}, which has no line break`);
      return true;
    }
    ctx.reject('CHRONOLOG_JSONL_BAD_JSON', n, `line ${n} is not valid JSON: ${line.slice(0, 80)}`, EDITED);
    return false;
  }
  if (nestsTooDeep(line)) {
    refuseUnwritten(ctx, 'CHRONOLOG_JSONL_TOO_DEEP', n, TOO_DEEP);
    return false;
  }
  if (typeof o !== 'object' || o === null || Array.isArray(o)) {
    ctx.reject('CHRONOLOG_JSONL_NOT_OBJECT', n, `line ${n} is not a JSON object`, EDITED);
    return false;
  }
  const r = o as Record<string, unknown>;
  if ('skipped' in r) {
    const reason = r['skipped'];
    if (typeof reason === 'string' && REASON.test(reason)) ctx.skip(reason, n);
    else
      ctx.reject(
        'CHRONOLOG_JSONL_BAD_FIELD',
        n,
        `skip reason ${JSON.stringify(reason)} is not a kebab-case code`,
        EDITED,
      );
    return false;
  }
  if ('rejected' in r) {
    const code = r['rejected'];
    if (typeof code === 'string' && CODE.test(code)) {
      ctx.reject(
        code,
        n,
        `line ${n} stands for a record the original input rejected (${code}); anonymisation keeps none of its content`,
        'The original case’s report names the record and why it was rejected.',
      );
    } else {
      ctx.reject(
        'CHRONOLOG_JSONL_BAD_FIELD',
        n,
        `reject code ${JSON.stringify(code)} is not a problem code`,
        EDITED,
      );
    }
    return false;
  }
  const e = toEvent(r, n);
  if (typeof e === 'string') ctx.reject('CHRONOLOG_JSONL_BAD_FIELD', n, e, EDITED);
  else ctx.emit(e);
  return false;
}

/**
 * Reads an anonymised file, any version; shared by `chronolog-jsonl` and `chronolog-jsonl-diary`. `maxLineChars`
 * (json-values.ts MAX_LINE_CHARS) is only lowered by tests, so that a line over it need not be tens of megabytes.
 */
export async function parseAnonymised(
  input: SourceInput,
  ctx: SourceContext,
  maxLineChars = MAX_LINE_CHARS,
): Promise<void> {
  let incomplete = false;
  let readToEnd = false;
  let damaged = false;
  let cut: number | undefined;
  await forEachLine(
    input,
    (line, n, unended) => {
      if (n > 1) {
        if (readLine(line, n, ctx, unended)) cut = n;
        return;
      }
      if (!HEADER.test(line)) {
        throw new SourceFailure(
          'CHRONOLOG_JSONL_HEADER',
          'the first line is not the chronolog header',
          1,
          HEADER_HINT,
        );
      }
      if (hasTooManyValues(line)) {
        throw new SourceFailure(
          'CHRONOLOG_JSONL_HEADER',
          `the chronolog header line is ${TOO_MANY_VALUES}`,
          1,
          HEADER_HINT,
        );
      }
      let header: Record<string, unknown> = {};
      try {
        header = JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new SourceFailure(
          'CHRONOLOG_JSONL_HEADER',
          'the chronolog header line is not valid JSON',
          1,
          HEADER_HINT,
        );
      }
      // Version 1 counted its header as a record; version 2's and 3's header is the file's, not a record of the input.
      if (header['version'] === 1) ctx.skip('header', 1);
      incomplete = header['incomplete'] === true;
      readToEnd = incomplete && header['readToEnd'] === true;
      damaged = readToEnd && header['damaged'] === true;
    },
    ctx,
    {
      maxChars: maxLineChars,
      // Never held, so neither parsed nor judged cut short: rejected unread, whether it ends the file or not.
      onLong: (n, chars) => {
        const long = tooLongInWords(chars, maxLineChars);
        if (n === 1)
          throw new SourceFailure(
            'CHRONOLOG_JSONL_HEADER',
            `the chronolog header line is ${long}`,
            1,
            HEADER_HINT,
          );
        ctx.reject(
          'CHRONOLOG_JSONL_TOO_LARGE',
          n,
          `line ${n} is ${long}, far longer than any real message; it was not read`,
          EDITED,
        );
      },
    },
  );
  if (cut !== undefined) {
    throw new SourceFailure(
      'CHRONOLOG_JSONL_TRUNCATED',
      `The file ends in the middle of line ${cut}, which is not a whole record: it was cut short (an interrupted copy or download). The records before it were kept.`,
      cut,
      'Copy the anonymised files again from where `chronolog anonymise` wrote them (or run it again) to read the rest.',
    );
  }
  if (readToEnd && damaged) {
    throw new FailureAtEnd(
      'CHRONOLOG_JSONL_ORIGINAL_DAMAGED',
      'the original input was read to its end, but its bytes failed the archive’s checksum, so any of its records may be garbled',
      undefined,
      'The original case’s report names the archive and the damaged file.',
      true,
    );
  }
  if (readToEnd) {
    throw new SourceFailure(
      'CHRONOLOG_JSONL_ORIGINAL_INCOMPLETE',
      'the original input was read to the end, but some of its records could not be used; they are here as rejected',
      undefined,
      'The original case’s report says why they could not be used.',
      true,
    );
  }
  if (incomplete) {
    throw new SourceFailure(
      'CHRONOLOG_JSONL_ORIGINAL_INCOMPLETE',
      'the original input could not be read to the end; these are the records read before it stopped',
      undefined,
      'The original case’s report says why that input stopped.',
    );
  }
}

/**
 * The times the records of the copy whose first line is in `probe` may carry (module comment): those of its
 * original when a version 3 header says its dates were not shifted, the early ones for a version 1 or 2 copy,
 * undefined otherwise (the source's `ANONYMISED_TIMES`).
 */
export function anonymisedTimes(probe: Probe): TimeRange | undefined {
  const first = /^[^\r\n]*/.exec(probe.text)![0];
  let header: unknown;
  try {
    header = JSON.parse(first);
  } catch {
    return undefined;
  }
  if (typeof header !== 'object' || header === null) return undefined;
  const h = header as Record<string, unknown>;
  const unshifted = h['datesShifted'] === false;
  if (h['version'] === 1 || h['version'] === 2)
    return unshifted ? EARLY_UNSHIFTED_TIMES : EARLY_ANONYMISED_TIMES;
  if (!unshifted) return undefined;
  return h['handKept'] === true ? UNSHIFTED_HAND_KEPT_TIMES : UNSHIFTED_STAMPED_TIMES;
}

/** chronolog's anonymised JSONL timeline (an exported input; hand-kept inputs go to `chronolog-jsonl-diary`). */
export const chronologJsonl: Source = {
  id: 'chronolog-jsonl',
  label: 'chronolog anonymised timeline (.jsonl)',
  reads: 'the pseudonymised inputs written by `chronolog anonymise`',
  recognisedBy: 'a first line {"format":"chronolog-anonymised-timeline","version":1|2|3,…}',
  howToExport: 'chronolog anonymise PATHS --key-file KEY --out OUTDIR (writes OUTDIR/input-001.jsonl, …)',
  extensions: ['.jsonl'],
  times: ANONYMISED_TIMES,
  timesOf: anonymisedTimes,
  detect: (probe: Probe) => HEADER.test(probe.text) && !HAND_KEPT_HEADER.test(probe.text),
  notRead: (probe) => (MANIFEST.test(probe.text) ? MANIFEST_NOT_READ : undefined),
  parse: (input, ctx) => parseAnonymised(input, ctx),
};
