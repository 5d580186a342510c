/**
 * A text message whose text is longer than any phone sends (a damaged or made-up backup): an `<sms>` `body` or an
 * MMS text part of megabytes. As in the chat readers, it is one message, kept with the first MAX_TEXT_BYTES of its
 * text (cut before a whole character), flagged SMS_TEXT_CUT and warned of (SMS_TEXT_TOO_LONG) with its full length.
 * The rest is counted while it is read, not held (a 297 MB body took 2.1 GB), and the outcome is the same wherever
 * the file's chunks end, through the fast path or saxes alone.
 */
import { describe, expect, it } from 'vitest';
import { MAX_TEXT_BYTES } from '../../src/sources/long-text.js';
import { readSmsIn } from '../helpers/sms-pieces.js';

const SAM = '+447700900123';

const sms = (date: number, body: string) =>
  `  <sms protocol="0" address="${SAM}" date="${date}" type="1" subject="null" body="${body}" read="1" status="-1" contact_name="Sam" />\n`;

function mms(date: number, ...texts: string[]): string {
  const parts = texts
    .map((t, i) => `      <part seq="${i}" ct="text/plain" cl="text${i}.txt" text="${t}" />\n`)
    .join('');
  return (
    `  <mms date="${date}" msg_box="1" address="${SAM}" m_type="132" m_id="m${date}" contact_name="Sam">\n` +
    `    <parts>\n${parts}    </parts>\n` +
    `    <addrs><addr address="${SAM}" type="137" charset="106" /></addrs>\n` +
    '  </mms>\n'
  );
}

function backup(...records: string[]): Buffer {
  return Buffer.from(
    `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count="${records.length}">\n${records.join('')}</smses>\n`,
    'utf8',
  );
}

const summary = (out: Awaited<ReturnType<typeof readSmsIn>>) => ({
  events: out.events.map((e) => ({
    locator: e.locator,
    bytes: e.text === undefined ? undefined : Buffer.byteLength(e.text),
    start: e.text?.slice(0, 12),
    end: e.text?.slice(-3),
    flags: e.flags,
  })),
  skipped: out.skipped,
  rejected: out.rejected,
  warnings: out.warnings.map((w) => [w.code, w.locator, w.message]),
  failure: out.failure?.code,
});

/** Expects the backup read in pieces of each size, on the fast path and through saxes alone, as read whole. */
async function sameInAnyChunks(file: Buffer) {
  const whole = summary(await readSmsIn(file, file.length));
  for (const size of [4096, 9_999, 32_768, 65_536, 1 << 20]) {
    expect(summary(await readSmsIn(file, size)), `chunks of ${size}`).toEqual(whole);
    expect(summary(await readSmsIn(file, size, false)), `chunks of ${size}, saxes alone`).toEqual(whole);
  }
  return whole;
}

describe('a text message longer than any phone sends', () => {
  it('keeps an <sms> body of 3 MiB as one message with its first MiB, cut before a whole character', async () => {
    // "x" first puts the 1 MiB mark inside a two-byte "é", which is left out whole.
    const body = `Answer me x${'é'.repeat((3 * MAX_TEXT_BYTES) / 2)}`;
    const total = Buffer.byteLength(body);
    const whole = await sameInAnyChunks(
      backup(sms(1710450000000, 'Before'), sms(1710450060000, body), sms(1710450120000, 'After')),
    );
    expect(whole).toEqual({
      events: [
        { locator: 'sms[0] (line 3)', bytes: 6, start: 'Before', end: 'ore', flags: undefined },
        {
          locator: 'sms[1] (line 4)',
          bytes: MAX_TEXT_BYTES - 1,
          start: 'Answer me xé',
          end: 'ééé',
          flags: ['SMS_TEXT_CUT'],
        },
        { locator: 'sms[2] (line 5)', bytes: 5, start: 'After', end: 'ter', flags: undefined },
      ],
      skipped: [],
      rejected: [],
      warnings: [
        [
          'SMS_TEXT_TOO_LONG',
          'sms[1] (line 4)',
          `The message sms[1] (line 4) has ${total.toLocaleString('en-GB')} bytes of text (as UTF-8), more than the 1 MiB of a message's text kept: it is counted as one message, with the first 1,048,575 bytes of its text.`,
        ],
      ],
      failure: undefined,
    });
  });

  it('cuts a body of fewer characters than a MiB that is more than a MiB of UTF-8 the same way', async () => {
    const body = 'é'.repeat(600_000); // 1,200,000 bytes in 600,000 characters
    const whole = await sameInAnyChunks(backup(sms(1710450060000, body)));
    expect(whole.events).toEqual([
      {
        locator: 'sms[0] (line 3)',
        bytes: MAX_TEXT_BYTES,
        start: 'éééééééééééé',
        end: 'ééé',
        flags: ['SMS_TEXT_CUT'],
      },
    ]);
    expect(whole.warnings.map((w) => w[0])).toEqual(['SMS_TEXT_TOO_LONG']);
    expect(whole.warnings[0]![2]).toContain('has 1,200,000 bytes of text');
  });

  it('keeps an MMS whose text parts run past a MiB with the start of their text, counting every part', async () => {
    const long = `Look ${'x'.repeat(2 * MAX_TEXT_BYTES)}`;
    const whole = await sameInAnyChunks(backup(mms(1710450060000, long, 'see you soon')));
    expect(whole.events).toEqual([
      {
        locator: 'mms[0] (line 3)',
        bytes: MAX_TEXT_BYTES,
        start: 'Look xxxxxxx',
        end: 'xxx',
        flags: ['SMS_TEXT_CUT'],
      },
    ]);
    // Both parts and the line break between them are counted in the full length.
    const total = Buffer.byteLength(`${long}\nsee you soon`);
    expect(whole.warnings[0]![2]).toContain(`has ${total.toLocaleString('en-GB')} bytes of text`);
  });

  it('leaves a message of exactly a MiB of text whole', async () => {
    const body = 'y'.repeat(MAX_TEXT_BYTES);
    const whole = await sameInAnyChunks(backup(sms(1710450060000, body)));
    expect(whole.events).toEqual([
      {
        locator: 'sms[0] (line 3)',
        bytes: MAX_TEXT_BYTES,
        start: 'yyyyyyyyyyyy',
        end: 'yyy',
        flags: undefined,
      },
    ]);
    expect(whole.warnings).toEqual([]);
  });
});

describe('long values in the places a review found read differently by chunk', () => {
  it('cuts only the text of the record: a long `text` on an <sms>, a long `body` on a text part, are no text of it', async () => {
    const long = 'x'.repeat(2 * MAX_TEXT_BYTES);
    const onSms = sms(1710450060000, 'short hello').replace(' read="1"', ` text="${long}" read="1"`);
    const onPart = mms(1710450120000, 'hi there').replace(
      'text="hi there"',
      `text="hi there" body="${long}"`,
    );
    const whole = await sameInAnyChunks(backup(onSms, onPart));
    expect(whole.events.map((e) => [e.locator, e.bytes, e.flags])).toEqual([
      ['sms[0] (line 3)', 11, undefined],
      ['mms[0] (line 4)', 8, undefined],
    ]);
    expect(whole.warnings).toEqual([]);
  });

  it('names a reference past the cut in the rejection as read whole, at the column of its "&"', async () => {
    const body = `Answer ${'y'.repeat(MAX_TEXT_BYTES + 70_000)} &foo; me`;
    const whole = await sameInAnyChunks(backup(sms(1710450060000, body)));
    const before = `  <sms protocol="0" address="${SAM}" date="1710450060000" type="1" subject="null" body="`;
    const column = before.length + body.indexOf('&') + 1;
    expect(whole.rejected.map((r) => [r.code, r.message.slice(0, r.message.indexOf(')') + 1)])).toEqual([
      ['SMS_UNDEFINED_ENTITY', `the entity reference &foo; in body= (line 3, column ${column})`],
    ]);
  });

  it('keeps nothing of a later MMS text part once an earlier part was cut, as the cut of them read whole', async () => {
    // The first cut stops before a three-byte "€", leaving two bytes the next part must not fill.
    const whole = await sameInAnyChunks(
      backup(mms(1710450060000, `xx${'€'.repeat(2 * MAX_TEXT_BYTES)}`, 'see you soon')),
    );
    expect(whole.events).toEqual([
      {
        locator: 'mms[0] (line 3)',
        bytes: MAX_TEXT_BYTES - 2,
        start: 'xx€€€€€€€€€€',
        end: '€€€',
        flags: ['SMS_TEXT_CUT'],
      },
    ]);
  });

  it('counts the attributes of a record rejected for them as read whole, a long body among them', async () => {
    const many = Array.from({ length: 3000 }, (_, i) => ` a${i}="v"`).join('');
    const record = sms(1710450060000, 'z'.repeat(2 * MAX_TEXT_BYTES)).replace(
      ' read="1"',
      `${many} read="1"`,
    );
    const whole = await sameInAnyChunks(backup(record));
    expect(whole.rejected.map((r) => [r.code, r.message.slice(0, 32)])).toEqual([
      ['SMS_RECORD_TOO_LARGE', 'a start tag of 3,009 attributes,'],
    ]);
  });
});
