/**
 * chronolog's anonymised files (fixtures/chronolog-jsonl, -diary, -v3: event rows, skip and reject stubs, bad
 * rows) cut short at every byte after their header line. Wherever the file ends inside a line, the record of
 * that line was begun: it is counted, rejected with its line number (CHRONOLOG_JSONL_RECORD_CUT_SHORT) beside the
 * CHRONOLOG_JSONL_TRUNCATED failure, and never read in part; every line before it ends as in the whole file, and
 * no line is counted twice. A cut at a line break rejects nothing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chronologJsonl } from '../../src/sources/chronolog-jsonl.js';
import { chronologJsonlDiary } from '../../src/sources/chronolog-jsonl-diary.js';
import { inPieces, type Outcome, runInput } from '../helpers/run-source.js';

const FILES = [
  ['fixtures/chronolog-jsonl/input-v2-stubs.jsonl', chronologJsonl],
  ['fixtures/chronolog-jsonl/anonymised-demo.jsonl', chronologJsonl],
  ['fixtures/chronolog-jsonl-v3/input-001.jsonl', chronologJsonl],
  ['fixtures/chronolog-jsonl-diary/hand-kept-diary.jsonl', chronologJsonlDiary],
] as const;

/** Each record of a run by its line: "event", "skipped:REASON" or "rejected:CODE"; no line twice. */
function outcomes(r: Outcome, at: string): Map<number, string> {
  const out = new Map<number, string>();
  const add = (locator: string | number, what: string) => {
    expect(out.has(locator as number), `${at}: line ${locator} counted twice`).toBe(false);
    out.set(locator as number, what);
  };
  for (const e of r.events) add(e.locator, 'event');
  for (const s of r.skipped) add(s.locator, `skipped:${s.reason}`);
  for (const x of r.rejected) add(x.locator, `rejected:${x.code}`);
  return out;
}

describe.each(FILES)('%s cut at every byte', (file, source) => {
  const whole = readFileSync(file);

  it('counts the line it ends inside as rejected, and every line before it as in the whole file', async () => {
    const ref = await runInput(source, inPieces(whole, 1 << 16, 'input-001.jsonl'));
    expect(ref.failure).toBeUndefined();
    const want = outcomes(ref, 'whole');
    // A version 1 file counts its header as a record (skipped, `header`); versions 2 and 3 do not.
    const header = want.has(1) ? 1 : 0;
    for (let cut = whole.indexOf(10) + 1; cut < whole.length; cut++) {
      const at = `cut after ${cut} bytes`;
      const bytes = whole.subarray(0, cut);
      const r = await runInput(source, inPieces(bytes, 64, 'input-001.jsonl'));
      const got = outcomes(r, at);
      const lines = bytes.toString('utf8').split('\n');
      // The line the file ends in (1-based), and whether it is read whole: ended, or a row cut just before its
      // line break (JSON complete).
      const last = lines.length;
      const read = lines.at(-1) === '' || whole[cut] === 10;
      for (let n = 1; n < last; n++) expect(got.get(n), `${at}: line ${n}`).toBe(want.get(n));
      if (read) {
        if (lines.at(-1) !== '') expect(got.get(last), `${at}: line ${last}`).toBe(want.get(last));
        expect(r.failure, at).toBeUndefined();
        expect(got.size, at).toBe(header + (lines.at(-1) === '' ? last - 2 : last - 1));
        continue;
      }
      expect(r.failure?.code, at).toBe('CHRONOLOG_JSONL_TRUNCATED');
      expect(r.failure?.locator, at).toBe(last);
      expect(got.get(last), at).toBe('rejected:CHRONOLOG_JSONL_RECORD_CUT_SHORT');
      expect(
        r.rejected.find((x) => x.locator === last),
        at,
      ).toEqual({
        code: 'CHRONOLOG_JSONL_RECORD_CUT_SHORT',
        locator: last,
        message: `the file ends inside this record (line ${last}, which has no line break); the part of it read is not used, as the rest is missing`,
        hint: 'Only the start of this record is in the file. A whole copy of the export may hold it.',
      });
      // Lines 2 … last, and the header of a version 1 file.
      expect(got.size, at).toBe(header + last - 1);
    }
  });
});
