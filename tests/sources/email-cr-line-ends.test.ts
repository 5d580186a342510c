/**
 * Mailboxes and saved messages from classic Mac OS mail programs (Eudora among them) end their lines with a CR
 * alone. Each mbox and .eml fixture, its line ends made CR at test time, is recognised and reads exactly as
 * the original: the same events, texts, locators, skips, rejections and warnings, wherever the chunks end.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveCase } from '../../src/cli/case.js';
import { readTimeline } from '../../src/pipeline/index.js';
import { makeProbe } from '../../src/sources/detect.js';
import { CrToLf } from '../../src/sources/email/cr-line-ends.js';
import { eml } from '../../src/sources/eml.js';
import { mbox } from '../../src/sources/mbox.js';
import { memoryInput } from '../helpers/partway.js';
import { inPieces, runInput } from '../helpers/run-source.js';

/** The file as a classic Mac program writes it: every line end (LF or CRLF) a CR. */
const oldMac = (bytes: Buffer) => Buffer.from(bytes.toString('latin1').replace(/\r?\n/g, '\r'), 'latin1');

const files = (dir: string, ext: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .map((f) => join(dir, f));
const MBOXES = [
  ...files('fixtures/mbox', '.mbox'),
  ...files('fixtures/mbox-unquoted-from', '.mbox'),
  ...files('fixtures/mbox-cut-short', '.mbox'),
];
const EMLS = files('fixtures/eml', '.eml');

const probe = (path: string, bytes: Buffer) =>
  makeProbe(path.split('/').pop()!, path, bytes.subarray(0, 65536));

/** The original's outcome with each text's line ends as a CR-only file gives them (a CRLF in a text is an LF). */
const asRead = (o: Awaited<ReturnType<typeof runInput>>) =>
  JSON.parse(JSON.stringify(o).replaceAll('\\r\\n', '\\n'));

describe('an mbox with old Mac line ends (CR alone)', () => {
  for (const file of MBOXES) {
    it(`is recognised and read as the original: ${file}`, async () => {
      // Before: "not a supported export format": the first line ran to the end of the file.
      const original = readFileSync(file);
      const bytes = oldMac(original);
      expect(mbox.detect(probe(file, bytes))).toBe(true);
      expect(eml.detect(probe(file, bytes))).toBe(false);
      const want = asRead(await runInput(mbox, inPieces(original, 1 << 20, file)));
      expect(want.events.length).toBeGreaterThan(0);
      // Pieces of 7 bytes end between a CR and what follows it, and inside the "From " lines.
      for (const size of [1 << 20, 7])
        expect(await runInput(mbox, inPieces(bytes, size, file))).toEqual(want);
    });
  }
});

describe('an .eml saved with old Mac line ends (CR alone)', () => {
  for (const file of EMLS) {
    it(`is recognised and read as the original: ${file}`, async () => {
      const original = readFileSync(file);
      const bytes = oldMac(original);
      expect(eml.detect(probe(file, bytes))).toBe(true);
      const want = asRead(await runInput(eml, inPieces(original, 1 << 20, file)));
      for (const size of [1 << 20, 5]) expect(await runInput(eml, inPieces(bytes, size, file))).toEqual(want);
    });
  }
});

/** The file with its line ends converted to CRLF twice, each CR taken for a character the second time: CR CR LF. */
const crlfTwice = (bytes: Buffer) =>
  Buffer.from(bytes.toString('latin1').replace(/\r?\n/g, '\r\r\n'), 'latin1');

/** What says which messages a file holds and when: each event's place, time, sender and id, and each row left out. */
const messages = (o: Awaited<ReturnType<typeof runInput>>) => ({
  events: o.events.map((e) => [e.locator, e.time, e.sender, e.nativeId, e.conversation, e.flags]),
  skipped: o.skipped.map((r) => [r.reason, r.locator]),
  rejected: o.rejected.map((r) => [r.code, r.locator]),
});

describe('a file whose line ends are CR CR LF (a CRLF file converted to CRLF again) is no old Mac file', () => {
  // Before: its first line end, a CR followed by CR LF, was taken for a CR alone, every CR CR LF became LF CR LF,
  // a blank line after each line, and the mbox had no headers ("no events could be read"); read as it was before
  // old Mac files were, split at its LFs.
  for (const file of MBOXES) {
    it(`an mbox keeps its messages and their times: ${file}`, async () => {
      const original = readFileSync(file);
      const bytes = crlfTwice(original);
      expect(mbox.detect(probe(file, bytes))).toBe(true);
      const want = messages(await runInput(mbox, inPieces(original, 1 << 20, file)));
      expect(want.events.length).toBeGreaterThan(0);
      const whole = await runInput(mbox, inPieces(bytes, 1 << 20, file));
      expect(messages(whole)).toEqual(want);
      // Pieces of 7 bytes end between the two CRs and between the second CR and its LF.
      expect(await runInput(mbox, inPieces(bytes, 7, file))).toEqual(whole);
    });
  }
  for (const file of EMLS) {
    it(`an .eml keeps its message and its time: ${file}`, async () => {
      const original = readFileSync(file);
      const bytes = crlfTwice(original);
      expect(eml.detect(probe(file, bytes))).toBe(true);
      const want = messages(await runInput(eml, inPieces(original, 1 << 20, file)));
      const whole = await runInput(eml, inPieces(bytes, 1 << 20, file));
      expect(messages(whole)).toEqual(want);
      expect(await runInput(eml, inPieces(bytes, 5, file))).toEqual(whole);
    });
  }
});

describe('reading a run of old Mac mail', () => {
  it('places both in the timeline, detected by content', async () => {
    const c = await resolveCase({}, [], 'Europe/London');
    const t = await readTimeline({
      inputs: [
        memoryInput('mail/Eudora In', oldMac(readFileSync('fixtures/mbox/thunderbird-edge-cases.mbox'))),
        memoryInput('mail/saved.eml', oldMac(readFileSync('fixtures/eml/received-only.eml'))),
      ],
      case: { ...c, victim: { name: undefined, identifiers: ['Alex'] } },
    });
    expect(t.ignored).toEqual([]);
    expect(t.inputs.map((i) => [i.path, i.format, i.events > 0])).toEqual([
      ['mail/Eudora In', 'mbox', true],
      ['mail/saved.eml', 'eml', true],
    ]);
  });
});

describe('line ends made LF', () => {
  const through = (pieces: string[]) => {
    const lines = new CrToLf();
    const out = [...pieces.map((p) => lines.push(Buffer.from(p, 'latin1'))), lines.end()];
    return Buffer.concat(out).toString('latin1');
  };

  it('in a file whose first line ends in a CR alone, byte for byte, wherever the pieces end', () => {
    expect(through(['a\rb\rc\r'])).toBe('a\nb\nc\n');
    expect(through(['a\r', 'b\r', '\r', 'c'])).toBe('a\nb\n\nc');
    // A CRLF in such a file stays one line end.
    expect(through(['a\rb\r', '\nc\r'])).toBe('a\nb\r\nc\n');
  });

  it('never in a file whose first line ends in LF or CRLF, a CR inside a line left as written', () => {
    expect(through(['a\nb\rc\n'])).toBe('a\nb\rc\n');
    expect(through(['a\r', '\nb\rc\r'])).toBe('a\r\nb\rc\r');
    expect(through(['abc'])).toBe('abc');
  });

  it('never in a file whose first line ends in CR CR LF, wherever the pieces end', () => {
    for (const pieces of [
      ['a\r\r\nb\r\r\n'],
      ['a\r', '\r\nb\r\r\n'],
      ['a\r\r', '\nb\r\r\n'],
      ['a\r', '\r', '\nb\r'],
    ])
      expect(through(pieces)).toBe(pieces.join(''));
    // A CR CR not followed by an LF is an old Mac file's blank line.
    expect(through(['a\r\r', 'b\r'])).toBe('a\n\nb\n');
    expect(through(['a\r\r'])).toBe('a\n\n');
  });
});
