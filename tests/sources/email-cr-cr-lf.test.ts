/**
 * A mailbox and a saved message whose lines end CR CR LF: CRLF files (as Gmail Takeout and Outlook write them)
 * converted to CRLF a second time by a transfer in text mode. They read as the CRLF files they were: the same
 * texts (one blank line between paragraphs, not three), MIME parts and quoted-printable decoded, no warning about
 * a separator without an empty line before it. Fixtures in fixtures/email-cr-cr-lf.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eml } from '../../src/sources/eml.js';
import { mbox } from '../../src/sources/mbox.js';
import { caseGolden, expectGolden } from '../helpers/case-golden.js';
import { inPieces, runInput } from '../helpers/run-source.js';

const DIR = 'fixtures/email-cr-cr-lf';
const MBOX = `${DIR}/inbox.mbox`;
const EML = `${DIR}/saved.eml`;

/** The file as it was before the second conversion: each CR CR LF a CRLF again. */
const crlf = (bytes: Buffer) => Buffer.from(bytes.toString('latin1').replaceAll('\r\r\n', '\r\n'), 'latin1');

describe('a CR CR LF mailbox', () => {
  it('reads its messages’ texts as the CRLF mailbox does (golden)', async () => {
    // Before: "…right past me.\n\n\n\nI know…"; the second message's MIME headers and undecoded quoted-printable
    // ("writi=\n\nng", "don=E2=80=99t") in its text, and an MBOX_SEPARATOR_WITHOUT_BLANK_LINE warning on line 21.
    const got = await caseGolden([MBOX]);
    expectGolden(got, `${DIR}/inbox.expected.json`);
    expect(got.timeline.map((e) => e.text)).toEqual([
      "Subject: You can't just ignore me\n\nI saw you at the station tonight. You walked right past me.\n\nI know you changed your number. It took me ten minutes to find the new one.\n\nAnswer me or I will come round on Sunday.",
      'Subject: Guess who’s back\n\nNew address, same person. You blocked the old one, so here I am again, writing from an account you don’t know.\n\nDon’t bother blocking this one either.',
    ]);
    expect(got.problems.filter((p) => p.file !== undefined)).toEqual([]);
    const [books] = got.inputs;
    expect(books).toMatchObject({ records: 2, events: 2, skipped: 0, rejected: 0, incomplete: false });
    expect(books!.records).toBe(books!.events + books!.skipped + books!.rejected);
  });

  it('gives exactly what the CRLF mailbox gives, wherever the pieces end', async () => {
    const bytes = readFileSync(MBOX);
    const want = await runInput(mbox, inPieces(crlf(bytes), 1 << 20, MBOX));
    expect(want.events).toHaveLength(2);
    // Pieces of 1 to 3 bytes end between the two CRs, and between the second CR and its LF.
    for (const size of [1 << 20, 1, 2, 3])
      expect(await runInput(mbox, inPieces(bytes, size, MBOX)), `pieces of ${size}`).toEqual(want);
  });
});

describe('a CR CR LF saved message', () => {
  it('reads its text as the CRLF message does (golden)', async () => {
    // Before: "…from six until nine.\n\n\n\nYour light…".
    const got = await caseGolden([EML]);
    expectGolden(got, `${DIR}/saved.expected.json`);
    expect(got.timeline.map((e) => e.text)).toEqual([
      "Subject: Sunday\n\nI waited outside your building on Sunday from six until nine.\n\nYour light was on the whole time.\n\nI'll be there again this weekend.",
    ]);
    expect(got.inputs[0]).toMatchObject({ format: 'eml', records: 1, events: 1, skipped: 0, rejected: 0 });
  });

  it('gives exactly what the CRLF message gives, wherever the pieces end', async () => {
    const bytes = readFileSync(EML);
    const want = await runInput(eml, inPieces(crlf(bytes), 1 << 20, EML));
    for (const size of [1 << 20, 1, 2, 3])
      expect(await runInput(eml, inPieces(bytes, size, EML)), `pieces of ${size}`).toEqual(want);
  });
});
