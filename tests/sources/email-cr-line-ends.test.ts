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

/** The file with every line end CRLF, as it was before the second conversion. */
const crlfOnce = (bytes: Buffer) => Buffer.from(bytes.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1');

describe('a file whose line ends are CR CR LF (a CRLF file converted to CRLF again) reads as the CRLF file', () => {
  // Before f231fd3: its first line end, a CR followed by CR LF, was taken for a CR alone, a blank line after each
  // line, and the mbox had no headers ("no events could be read"). Before this: split at its LFs with the extra CR
  // kept, its messages and times were those of the CRLF file but not its texts: three line ends for each blank
  // line, MIME parts and quoted-printable not read, a separator warned of as having no empty line before it.
  for (const file of MBOXES) {
    it(`an mbox: ${file}`, async () => {
      const bytes = crlfTwice(readFileSync(file));
      expect(mbox.detect(probe(file, bytes))).toBe(true);
      const want = await runInput(mbox, inPieces(crlfOnce(readFileSync(file)), 1 << 20, file));
      expect(want.events.length).toBeGreaterThan(0);
      // Pieces of 7 bytes end between the two CRs and between the second CR and its LF.
      for (const size of [1 << 20, 7])
        expect(await runInput(mbox, inPieces(bytes, size, file))).toEqual(want);
    });
  }
  for (const file of EMLS) {
    it(`an .eml: ${file}`, async () => {
      const bytes = crlfTwice(readFileSync(file));
      expect(eml.detect(probe(file, bytes))).toBe(true);
      const want = await runInput(eml, inPieces(crlfOnce(readFileSync(file)), 1 << 20, file));
      for (const size of [1 << 20, 5]) expect(await runInput(eml, inPieces(bytes, size, file))).toEqual(want);
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

  it('never in an LF file whose first piece ends in its first LF and a CR, wherever the pieces end', () => {
    // Before: the CR at the end of the first piece and the LF before it were held together as a CR CR, the file
    // taken for an old Mac one and each CR in it made an LF.
    expect(through(['From a\n\r', 'x\rb\n'])).toBe('From a\n\rx\rb\n');
    expect(through(['From a\n\r'])).toBe('From a\n\r');
    for (const file of ['From a\n\rx\rb\n', 'a\r\n\rb\rc\r\n', 'a\n\r\r\nb\r']) {
      // Every way of cutting the file into three pieces (empty pieces included).
      for (let i = 0; i <= file.length; i++)
        for (let j = i; j <= file.length; j++) {
          const pieces = [file.slice(0, i), file.slice(i, j), file.slice(j)];
          expect(through(pieces), JSON.stringify(pieces)).toBe(file);
        }
    }
  });

  it('CRLF again in a file whose first line ends in CR CR LF, wherever the pieces end', () => {
    for (const pieces of [
      ['a\r\r\nb\r\r\n'],
      ['a\r', '\r\nb\r\r\n'],
      ['a\r\r', '\nb\r\r\n'],
      ['a\r\r\nb\r', '\r', '\n'],
      // One byte a piece: before, the first CR alone was held as two, and the file taken for an old Mac one.
      ['a', '\r', '\r', '\n', 'b', '\r', '\r', '\n'],
    ])
      expect(through(pieces), JSON.stringify(pieces)).toBe('a\r\nb\r\n');
    // Each CR LF loses its CR, as the conversion gave it one: a line that ended LF before it ends LF; a CR that no
    // LF follows stays.
    expect(through(['a\r\r\nb\r\nc\rd\r', '\r'])).toBe('a\r\nb\nc\rd\r\r');
    expect(through(['a\r', '\r', '\nb\r'])).toBe('a\r\nb\r');
    // A CR CR not followed by an LF is an old Mac file's blank line.
    expect(through(['a\r\r', 'b\r'])).toBe('a\n\nb\n');
    expect(through(['a\r\r'])).toBe('a\n\n');
  });
});
