/**
 * A Signal data.json (signal-export, one message per line) cut short inside a line: that line's start was read,
 * so it is counted, rejected at its line number (SIGNAL_RECORD_CUT_SHORT, worded by cut-record.ts) beside the
 * file's SIGNAL_JSON_TRUNCATED failure, and never emitted with the part read. Checked by cutting the fixtures at
 * every byte, against the lines of the intact file.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { signalJson } from '../../src/sources/signal-json.js';
import { inPieces, type Outcome, runInput } from '../helpers/run-source.js';

const read = (bytes: Uint8Array, size = bytes.length + 1) =>
  runInput(signalJson, inPieces(bytes, size, 'data.json'));

/** Each record's one outcome, by line number: "event", "skip:<reason>" or "reject:<code>". */
function outcomes(r: Outcome): [number, string][] {
  return [
    ...r.events.map((e) => [Number(e.locator), 'event'] as [number, string]),
    ...r.skipped.map((s) => [Number(s.locator), `skip:${s.reason}`] as [number, string]),
    ...r.rejected.map((x) => [Number(x.locator), `reject:${x.code}`] as [number, string]),
  ];
}

interface Line {
  no: number;
  /** Its first byte. */
  start: number;
  /** Its first byte that is not white space. */
  first: number;
  /** Just past its last byte that is not white space. */
  last: number;
  /** Its line break. */
  lf: number;
}

/** The lines of `bytes` that hold anything but white space: the records the reader counts. */
function linesOf(bytes: Buffer): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (let no = 1; start < bytes.length; no++) {
    let lf = bytes.indexOf(10, start);
    if (lf === -1) lf = bytes.length;
    const text = bytes.subarray(start, lf).toString('latin1');
    const lead = text.length - text.trimStart().length;
    if (text.trim() !== '')
      out.push({ no, start, first: start + lead, last: start + text.trimEnd().length, lf });
    start = lf + 1;
  }
  return out;
}

const FIXTURES = [
  'fixtures/signal-json/padded-calls-quotes-stickers/data.json',
  'fixtures/signal-json/data.json',
  'fixtures/signal-json/silent-reactor/data.json',
];

describe.each(FIXTURES)('%s cut at every byte', (file) => {
  const whole = readFileSync(file);
  const lines = linesOf(whole);

  it('counts every line begun once, rejects only the one it ends inside, and keeps the others as whole', async () => {
    const intactRun = await read(whole);
    expect(intactRun.failure).toBeUndefined();
    const intact = new Map(outcomes(intactRun));
    expect([...intact.keys()].sort((a, b) => a - b)).toEqual(lines.map((l) => l.no));
    let inside = 0;
    for (let cut = 1; cut <= whole.length; cut++) {
      const at = `cut after ${cut} bytes`;
      const bytes = whole.subarray(0, cut);
      for (const size of cut % 3 === 0 ? [cut + 1, 5 + (cut % 97)] : [cut + 1]) {
        const r = await read(bytes, size);
        const got = outcomes(r);
        const numbers = got.map(([n]) => n);
        expect(new Set(numbers).size, at).toBe(numbers.length);
        expect(
          [...numbers].sort((a, b) => a - b),
          at,
        ).toEqual(lines.filter((l) => l.first < cut).map((l) => l.no));
        // The line the file ends in before its break: cut inside its text, or whole but not JSON (then no one
        // can tell it from a cut line, and signal-export ends every line with a break).
        const cutIn = lines.find(
          (l) =>
            l.first < cut && cut <= l.lf && (cut < l.last || intact.get(l.no) === 'reject:SIGNAL_BAD_JSON'),
        );
        const cutShort = r.rejected.filter((x) => x.code === 'SIGNAL_RECORD_CUT_SHORT');
        if (cutIn === undefined) {
          expect(cutShort, at).toEqual([]);
          expect(r.failure, at).toBeUndefined();
        } else {
          if (size === cut + 1) inside++;
          expect(
            cutShort.map((x) => x.locator),
            at,
          ).toEqual([cutIn.no]);
          expect(r.failure, at).toMatchObject({ code: 'SIGNAL_JSON_TRUNCATED', locator: cutIn.no });
          // Characters, not bytes: a character the cut splits is read as one U+FFFD.
          const column = [...whole.subarray(cutIn.start, cut).toString()].length + 1;
          expect(cutShort[0], at).toEqual({
            code: 'SIGNAL_RECORD_CUT_SHORT',
            locator: cutIn.no,
            message: `the file ends inside this record (line ${cutIn.no}, column ${column}); the part of it read is not used, as the rest is missing`,
            hint: 'Only the start of this record is in the file. A whole copy of the export may hold it.',
          });
        }
        for (const [no, outcome] of got) {
          if (no === cutIn?.no) continue;
          expect(outcome, `${at}: line ${no}`).toBe(intact.get(no));
        }
      }
    }
    expect(inside).toBeGreaterThan(whole.length / 2);
  });

  it('never emits the text of the line it ends inside', async () => {
    const last = lines.at(-1)!;
    const r = await read(whole.subarray(0, last.last - 2));
    expect(r.events.map((e) => e.locator)).not.toContain(last.no);
    expect(r.rejected.at(-1)).toMatchObject({ code: 'SIGNAL_RECORD_CUT_SHORT', locator: last.no });
  });
});
