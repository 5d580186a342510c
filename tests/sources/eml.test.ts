import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { detect, makeProbe } from '../../src/sources/detect.js';
import { createEmlSource, eml, looksLikeMessage } from '../../src/sources/eml.js';
import { decodeHead } from '../../src/sources/text.js';
import { runSource } from '../helpers/run-source.js';
import { tempDirs } from '../helpers/temp-dirs.js';

const tempDir = tempDirs('chronolog-eml-');

const dir = 'fixtures/eml';
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.eml'));

function probe(file: string) {
  const head = readFileSync(file).subarray(0, 65536);
  return { name: basename(file), path: file, head, text: decodeHead(head) };
}

function otherFixtures(root = 'fixtures'): string[] {
  return readdirSync(root).flatMap((n) => {
    const p = join(root, n);
    // mixed-case holds one file of every format, e-mail included; named-like-subject an e-mail beside texts;
    // email-cr-cr-lf, email-long-headers and messy-case-wording/email an .eml beside an mbox.
    if (statSync(p).isDirectory())
      return [
        'fixtures/eml',
        'fixtures/mixed-case',
        'fixtures/named-like-subject',
        'fixtures/email-cr-cr-lf',
        'fixtures/email-long-headers',
        'fixtures/messy-case-wording/email',
      ].includes(p)
        ? []
        : otherFixtures(p);
    return p.endsWith('.expected.json') ? [] : [p];
  });
}

describe('eml goldens', () => {
  for (const f of fixtures) {
    it(`matches ${f}.expected.json`, async () => {
      const run = JSON.parse(JSON.stringify(await runSource(eml, join(dir, f))));
      const golden = join(dir, f.replace(/\.eml$/, '.expected.json'));
      if (process.env.UPDATE_GOLDENS) writeFileSync(golden, `${JSON.stringify(run, null, 2)}\n`);
      expect(run).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
    });
  }
});

describe('eml behaviour', () => {
  it('prefers text/plain in multipart/alternative and counts the attachment with its RFC 2231 name', async () => {
    const run = await runSource(eml, join(dir, 'alternative-with-attachment.eml'));
    const e = run.events[0]!;
    expect(e.text).toBe(
      'Subject: Re: Fwd: the “agreement”\n\nSign it or I send these to your employer – you have until Monday.',
    );
    expect(e.flags).toBeUndefined();
    expect(e.details?.['attachments']).toBe('1');
    expect(e.details?.['attachmentNames']).toBe('Vereinbarung für Alex.pdf');
    expect(e.conversation).toBe('the “agreement”');
    expect(e.nativeId).toBe('a7f3c2@mail.example.net');
    expect(e.sender).toEqual({ id: 'ex.partner@example.net', idType: 'email', name: 'Ex Partner' });
    expect(e.kind).toBe('message');
  });

  it('reads nested multiparts: Windows-1252 8-bit text, inline footer, attached message counted not read', async () => {
    const run = await runSource(eml, join(dir, 'nested-multipart.eml'));
    expect(run.accounting.events).toBe(1);
    const e = run.events[0]!;
    expect(e.text).toContain('Your “new” number didn’t take me long to find – €20 well spent.');
    expect(e.text).toMatch(/\n\n-- \nSent from my phone$/);
    expect(e.text).not.toContain('counted, not read');
    expect(e.details?.['attachmentNames']).toBe('logo.png; Fw: screenshot.eml');
    // The attached message is one attachment and no event, but what it was is noted.
    expect(e.details?.['attachments']).toBe('2');
    expect(e.details?.['attachedMessages']).toBe(
      'Subject: screenshot, From: Ex Partner <ex.partner@example.net>, Date: Fri, 12 Jan 2024 22:00:00 +0100',
    );
    expect(e.time).toEqual({ type: 'instant', ms: Date.UTC(2024, 0, 13, 7, 1, 10), precision: 's' });
  });

  it('leaves encoded-words that cannot be decoded as written (RFC 2047 §6.3) and decodes their neighbours', async () => {
    const run = await runSource(eml, join(dir, 'bad-encoded-words.eml'));
    const e = run.events[0]!;
    // Not base64: shown as written, where Node's lenient decoder made "�{ږ'".
    expect(e.text).toBe(
      'Subject: =?utf-8?b?invalid!!?= I know where you live\n\nYou changed your number again. It did not help.',
    );
    // Latin-1 bytes under a UTF-8 label are not UTF-8: the name is kept as written, not "J�r�me".
    expect(e.sender).toEqual({
      id: 'unknown.sender@example.org',
      idType: 'email',
      name: '=?utf-8?q?J=E9r=F4me?=',
    });
    expect(e.text).not.toContain('\uFFFD');
  });

  it('reads every line of a body base64-encoded and padded line by line', async () => {
    const run = await runSource(eml, join(dir, 'base64-padded-lines.eml'));
    expect(run.events[0]!.text).toBe(
      "Subject: outside\n\nI saw your car outside the gym at 7.\nDon't pretend you didn't see me.\n" +
        'We need to talk. Tonight.\n– M.',
    );
    expect(run.events[0]!.flags).toBeUndefined();
  });

  it('flags a message cut off inside its attachment and names it in a warning, keeping what was read', async () => {
    const run = await runSource(eml, join(dir, 'cut-off-attachment.eml'));
    const e = run.events[0]!;
    expect(e.text).toBe(
      "Subject: walk home\n\nYou can block me all you like. I still know which way you walk home.\nPhoto attached so you know I'm not joking.",
    );
    expect(e.flags).toEqual(['body-incomplete']);
    expect(e.details?.['attachmentNames']).toBe('IMG_2291.jpg');
    expect(run.warnings).toEqual([
      {
        code: 'EMAIL_BODY_INCOMPLETE',
        locator: 1,
        message: expect.stringContaining(
          'no closing boundary "------=_Part_4417_1520--"; a base64 part stops',
        ),
      },
    ]);
    expect(run.accounting).toEqual({ records: 1, events: 1, skipped: 0, rejected: 0 });
  });

  it('times a message whose Date is 1970-01-01 by its Received stamp, keeping the Date in details', async () => {
    const run = await runSource(eml, join(dir, 'date-zeroed-clock.eml'));
    const e = run.events[0]!;
    expect(e.time).toEqual({ type: 'instant', ms: Date.UTC(2024, 2, 5, 23, 14, 2), precision: 's' });
    expect(e.flags).toEqual(['time-from-received', 'date-received-mismatch']);
    expect(e.details?.['date']).toBe('Thu, 01 Jan 1970 00:00:00 +0000');
    expect(run.warnings.map((w) => [w.code, w.locator])).toEqual([['EMAIL_DATE_IMPLAUSIBLE', 1]]);
  });

  it('names attachments from RFC 2231 parameters, keeping those it cannot decode as written', async () => {
    const run = await runSource(eml, join(dir, 'attachment-names-rfc2231.eml'));
    const e = run.events[0]!;
    expect(e.details?.['attachments']).toBe('6');
    expect(e.details?.['attachmentNames']?.split('; ')).toEqual([
      '€ rates.pdf',
      // Sections written in reverse order, with a language tag.
      'photo téléphone.jpg',
      // Latin-1 bytes under a UTF-8 label: as written, not "R�sum� Alex.doc".
      "utf-8''R%E9sum%E9%20Alex.doc",
      // An unknown charset: the plain filename= the sender gave beside it.
      'salary 2024.xls',
      // An invalid percent-escape.
      "utf-8''payslip%2march.pdf",
      // Section 1 missing: both sections as written, not "flat door.png".
      "name*0*=utf-8''flat%20door name*2*=.png",
    ]);
    expect(e.flags).toBeUndefined();
    expect(run.accounting).toEqual({ records: 1, events: 1, skipped: 0, rejected: 0 });
  });

  it('shows a multipart whose boundary line never occurs as written, flagged missing-boundary, not cut', async () => {
    const run = await runSource(eml, join(dir, 'boundary-missing.eml'));
    const e = run.events[0]!;
    // The body as written: the text, the attachment's part headers and its base64, nothing dropped or decoded.
    expect(e.text).toContain('Nice new tyres. Shame if anything happened to them.');
    expect(e.text).toContain('filename=IMG_3307.jpg');
    expect(e.text).toContain('/9j/4AAQSkZJRgABAQAASABIAAD');
    expect(e.flags).toEqual(['boundary-missing']);
    expect(e.details?.['attachments']).toBeUndefined();
    expect(run.warnings).toEqual([
      {
        code: 'EMAIL_BOUNDARY_MISSING',
        locator: 1,
        message: expect.stringContaining(
          'its multipart/mixed body never contains its boundary line "--Apple-Mail=_5B1C9A2E-3F7D-4C1B-9E2A". Its body is shown as written',
        ),
      },
    ]);
    expect(run.accounting).toEqual({ records: 1, events: 1, skipped: 0, rejected: 0 });
  });

  it('shows a body declared base64 that is plain text as written, flagged and with a warning', async () => {
    const run = await runSource(eml, join(dir, 'not-base64-body.eml'));
    const e = run.events[0]!;
    expect(e.text).toBe(
      'Subject: you forgot something\n\nYou think blocking me works? I have three more numbers.\nSee you on Friday, at the usual place.',
    );
    expect(e.flags).toEqual(['base64-invalid']);
    expect(run.warnings).toEqual([expect.objectContaining({ code: 'EMAIL_NOT_BASE64', locator: 1 })]);
    expect(run.accounting).toEqual({ records: 1, events: 1, skipped: 0, rejected: 0 });
  });

  it('skips a delivery-status notification', async () => {
    const run = await runSource(eml, join(dir, 'delivery-status.eml'));
    expect(run.skipped).toEqual([{ reason: 'delivery-status', locator: 1 }]);
    expect(run.accounting).toEqual({ records: 1, events: 0, skipped: 1, rejected: 0 });
  });

  it('takes the topmost Received time when there is no Date, with a warning and a flag', async () => {
    const run = await runSource(eml, join(dir, 'received-only.eml'));
    expect(run.events[0]!.time).toEqual({
      type: 'instant',
      ms: Date.UTC(2024, 0, 15, 3, 12, 44),
      precision: 's',
    });
    expect(run.events[0]!.flags).toEqual(['time-from-received']);
    expect(run.warnings.map((w) => w.code)).toEqual(['EMAIL_NO_DATE']);
  });

  it('reads Japanese mail in ISO-2022-JP (subject, sender name and body), which iconv-lite lacks', async () => {
    const run = await runSource(eml, join(dir, 'iso-2022-jp.eml'));
    const e = run.events[0]!;
    expect(e.text).toBe(
      'Subject: もう逃げられない\n\nお前がどこにいるか知っている。\n駅で見かけた。返事をしろ。',
    );
    expect(e.sender).toEqual({ id: 'k.sato@example.jp', idType: 'email', name: '佐藤 健' });
    expect(e.flags).toBeUndefined();
    expect(run.warnings).toEqual([]);
  });

  it('detects its own fixtures and no other format, and leaves files starting "From " to mbox', () => {
    for (const f of fixtures) expect(eml.detect(probe(join(dir, f))), f).toBe(true);
    const saved = 'fixtures/mixed-case/email/saved';
    for (const f of readdirSync(saved)) expect(eml.detect(probe(join(saved, f))), f).toBe(true);
    for (const f of otherFixtures()) expect(eml.detect(probe(f)), f).toBe(false);
    expect(
      looksLikeMessage('From sam@example.org Mon Jan  1 00:00:00 2024\nFrom: sam@example.org\n\nhi'),
    ).toBe(false);
    expect(looksLikeMessage('Content-Type: text/plain\n\nno mail field')).toBe(false);
    expect(looksLikeMessage('Date: Monday\nWhat happened: he followed me\n\n')).toBe(false);
    expect(looksLikeMessage('12/01/2024, 10:00 - Sam: hi\n')).toBe(false);
    expect(
      looksLikeMessage('From: a@example.org\nDate: Mon, 1 Jan 2024 10:00:00 +0000\nSubject: hi\n\nbody'),
    ).toBe(true);
    expect(looksLikeMessage('From: a@example.org\nMessage-ID: <1@example.org>\n\nbody')).toBe(true);
    expect(
      looksLikeMessage('From:\n Sam <sam@example.org>\nReceived: from x by y; Mon, 1 Jan 2024\n\nb'),
    ).toBe(true);
    // A message without Date or id, but with MIME fields (an attachment saved as a message on its own), is still
    // read as e-mail, so it is rejected for its missing date instead of passing as "not a supported format".
    expect(
      looksLikeMessage(
        'From: test@example.com\nContent-Type: image/png;\n name="s.png"\nContent-Transfer-Encoding: base64\n\niVBOR',
      ),
    ).toBe(true);
    expect(looksLikeMessage('From: u@example.com\nMIME-Version: 1.0\n\nbody')).toBe(true);
    // A probe cut in the middle of a header line still counts.
    const cut =
      'Received: from x by y; Mon, 1 Jan 2024 10:00:00 +0000\nFrom: a@example.org\nDKIM-Signature: v=1; a=rsa-sh';
    expect(looksLikeMessage(cut)).toBe(true);
  });

  it('leaves notes, case files and a From without a date, id or MIME field to other formats', () => {
    // Notes that happen to start with header-like lines, as a person types them.
    expect(
      looksLikeMessage('Subject: things to remember\nDate: Monday\n\nBuy milk. Call the solicitor.\n'),
    ).toBe(false);
    expect(looksLikeMessage('From: Mum\nDate: Tuesday 3rd\n\nShe saw his car outside again.\n')).toBe(false);
    // A YAML case file kept as a backup (case.yml.bak): keys look like fields, but there is no From address.
    const yaml = YAML.stringify(JSON.parse(readFileSync('fixtures/demo-case/case.json', 'utf8')));
    expect(yaml).toMatch(/^title: .*\ntimezone: Europe\/London\n/);
    expect(looksLikeMessage(yaml)).toBe(false);
    expect(detect(makeProbe('case.yml.bak', 'case.yml.bak', Buffer.from(yaml)))).toEqual({
      kind: 'none',
      reason: 'not a supported export format',
    });
    // From and Subject alone is a note or a draft, not a stored message (every one has a Date or an id).
    expect(looksLikeMessage('From: a@example.org\nSubject: hi\n\nbody')).toBe(false);
  });

  it('reads a forced one-message mbox, keeping its separator line as the envelope', async () => {
    const tmp = tempDir();
    writeFileSync(
      join(tmp, 'one.eml'),
      'From sam@example.org Mon Jan  1 10:00:00 2024\nDate: Mon, 1 Jan 2024 10:00:00 +0000\nFrom: sam@example.org\n\nhi\n',
    );
    const run = await runSource(eml, join(tmp, 'one.eml'));
    expect(run.events[0]!.locator).toBe(2);
    expect(run.events[0]!.details?.['envelope']).toBe('From sam@example.org Mon Jan  1 10:00:00 2024');
    expect(run.events[0]!.text).toBe('hi');
  });

  it('keeps the headers of an oversized file and skips the body', async () => {
    const tmp = tempDir();
    const head = 'Date: Mon, 1 Jan 2024 10:00:00 +0000\nFrom: sam@example.org\nSubject: big\n\n';
    writeFileSync(join(tmp, 'big.eml'), head + 'z'.repeat(200_000));
    const run = await runSource(createEmlSource(4096), join(tmp, 'big.eml'));
    expect(run.events[0]!.text).toBe('Subject: big');
    expect(run.events[0]!.flags).toEqual(['body-skipped']);
    expect(run.warnings.map((w) => w.code)).toEqual(['EMAIL_MESSAGE_TOO_LARGE']);
    const tiny = await runSource(createEmlSource(20), join(tmp, 'big.eml'));
    expect(tiny.rejected.map((r) => r.code)).toEqual(['EMAIL_HEADERS_TOO_LARGE']);
  });
});
