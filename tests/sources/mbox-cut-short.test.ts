/**
 * A mailbox cut short inside a message (fixtures/mbox-cut-short: a Gmail Takeout mailbox that ends inside the
 * base64 photo of its third message): the message the file ends in was begun, so it is counted, rejected
 * (MBOX_RECORD_CUT_SHORT) at its locator and never read in part, beside the file's MBOX_TRUNCATED failure. Then
 * the mailboxes of fixtures/mbox, cut at every byte: every message begun is counted once, the one the file ends
 * inside is the one rejected, and the messages before it end as they do in the whole file.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mbox } from '../../src/sources/mbox.js';
import { inPieces, type Outcome, runInput, runSource } from '../helpers/run-source.js';

const DIR = 'fixtures/mbox-cut-short';
const FILE = join(DIR, 'takeout-cut-in-attachment.mbox');

describe('the mailbox of fixtures/mbox-cut-short', () => {
  it('matches its golden', async () => {
    const result = await runSource(mbox, FILE);
    const golden = join(DIR, 'takeout-cut-in-attachment.expected.json');
    if (process.env['UPDATE_GOLDEN']) writeFileSync(golden, `${JSON.stringify(result, null, 2)}\n`);
    expect(JSON.parse(JSON.stringify(result))).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
  });

  it('counts the message the file ends inside as rejected at its separator line, beside the failure', async () => {
    const r = await runSource(mbox, FILE);
    expect(r.accounting).toEqual({ records: 3, events: 2, skipped: 0, rejected: 1 });
    expect(r.events.map((e) => e.locator)).toEqual(['message[0] (line 1)', 'message[1] (line 32)']);
    expect(r.rejected).toEqual([
      {
        code: 'MBOX_RECORD_CUT_SHORT',
        locator: 'message[2] (line 44)',
        message:
          'the file ends inside this record (line 68); the part of it read is not used, as the rest is missing',
        hint: 'Only the start of this record is in the file. A whole copy of the export may hold it.',
      },
    ]);
    expect(r.failure).toEqual({
      code: 'MBOX_TRUNCATED',
      locator: 'message[2] (line 44)',
      message:
        'The file ends in the middle of line 68, inside message[2] (line 44): the mailbox was cut short, so that message is not used. The messages before it were kept.',
    });
  });

  it('never emits the text read of that message', async () => {
    const said = JSON.stringify(await runSource(mbox, FILE));
    expect(readFileSync(FILE, 'latin1')).toContain('Look what I still have.');
    expect(said).not.toContain('Look what I still have');
    expect(said).not.toContain('Strand');
  });
});

/** The message a locator names: its ordinal and separator line. */
const parsed = (locator: string | number) => {
  const m = /^message\[(\d+)\] \(line (\d+)\)$/.exec(String(locator));
  if (!m) throw new Error(`not a message locator: ${locator}`);
  return { ordinal: Number(m[1]), line: Number(m[2]) };
};

/** Each record of a run by its locator: "event", "skipped:REASON" or "rejected:CODE". */
function outcomes(r: Outcome): Map<string, string> {
  const out = new Map<string, string>();
  const add = (locator: string | number, what: string) => {
    expect(out.has(String(locator)), `${locator} counted twice`).toBe(false);
    out.set(String(locator), what);
  };
  for (const e of r.events) add(e.locator, 'event');
  for (const s of r.skipped) add(s.locator, `skipped:${s.reason}`);
  for (const x of r.rejected) add(x.locator, `rejected:${x.code}`);
  return out;
}

describe.each(readdirSync('fixtures/mbox').filter((f) => f.endsWith('.mbox')))(
  'fixtures/mbox/%s cut at every byte',
  (name) => {
    const whole = readFileSync(join('fixtures/mbox', name));
    /** Where each line starts (index 0 is line 1), and the end of the file. */
    const starts = [0];
    for (let i = whole.indexOf(10); i !== -1; i = whole.indexOf(10, i + 1)) starts.push(i + 1);
    const lineAt = (byte: number) => starts.findLastIndex((s) => s <= byte) + 1;
    const lineText = (line: number) =>
      whole.toString('latin1', starts[line - 1]!, (starts[line] ?? whole.length + 1) - 1);

    it('counts every message begun once, rejects the one it was cut in, and never emits it', async () => {
      const ref = await runInput(mbox, inPieces(whole, 1 << 16, name));
      const want = outcomes(ref);
      const separators = [...want.keys()].map(parsed).sort((a, b) => a.line - b.line);
      // From the end of the first separator line: a file cut inside it holds no whole separator at all.
      for (let cut = starts[1]!; cut < whole.length; cut++) {
        const at = `cut after ${cut} bytes`;
        const r = await runInput(mbox, inPieces(whole.subarray(0, cut), 1 << 16, name));
        const got = outcomes(r);
        const counted = [...got.keys()].map(parsed);
        // The messages counted are message[0] … message[n-1], each once.
        expect(
          counted.map((m) => m.ordinal).sort((a, b) => a - b),
          at,
        ).toEqual(counted.map((_, i) => i));
        const cutShort = r.rejected.filter((x) => x.code === 'MBOX_RECORD_CUT_SHORT');
        const last = whole[cut - 1];
        if (last === 10 || last === 13) {
          // A cut between lines leaves no line read in part: nothing to reject, and nothing says so.
          expect(cutShort, at).toEqual([]);
          expect(r.failure, at).toBeUndefined();
          continue;
        }
        expect(r.failure?.code, at).toBe('MBOX_TRUNCATED');
        // Exactly one message is rejected as cut short: the last one counted, the one the failure names.
        expect(cutShort, at).toHaveLength(1);
        const rejected = parsed(cutShort[0]!.locator);
        expect(r.failure?.locator, at).toBe(cutShort[0]!.locator);
        expect(rejected.ordinal, at).toBe(counted.length - 1);
        const cutLine = lineAt(cut - 1);
        expect(rejected.line, at).toBeLessThanOrEqual(cutLine);
        expect(lineText(rejected.line).startsWith('From '), at).toBe(true);
        // Where the cut line cannot be taken for a separator, nor decide one (it neither starts with "F" nor follows
        // a line that starts "From "), the message it falls in is the one the whole file has there, and every
        // message before it ends as in the whole file.
        if (
          !lineText(cutLine).startsWith('F') &&
          !(cutLine > 1 && lineText(cutLine - 1).startsWith('From '))
        ) {
          const inWhole = separators.filter((m) => m.line <= cutLine).at(-1)!;
          expect(rejected, at).toEqual(inWhole);
          for (const [locator, what] of got) {
            if (locator !== cutShort[0]!.locator) expect(what, `${at}: ${locator}`).toBe(want.get(locator));
          }
        }
      }
    });
  },
);
