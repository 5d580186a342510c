/**
 * An MMS whose attachment is far larger than a photo: a video sent over RCS (up to 100 MB, stored by SMS Backup &
 * Restore as an `<mms>` with the file in a `<part>`'s base64 `data`). The reader only measures `data` for the
 * attachment list, so it must not hold it: 2 photo MMS of 200 MB of base64 each took 510 MB of memory, as the XML
 * parser put each value together whole before handing it over. The value is now let go while it is read
 * (HELD_DATA characters at most are held), and the outcome is the same wherever the file's chunks end, with the
 * same size in the attachment list and the same line numbers after a value wrapped over many lines.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MmsRecord } from '../../src/sources/sms-backup-xml/mms.js';
import { readSmsIn } from '../helpers/sms-pieces.js';

const SAM = '+447700900123';

/** `n` bytes that are not all alike (so the base64 is not one repeated character), as base64. */
function base64Of(n: number): string {
  const raw = Buffer.alloc(n);
  for (let i = 0; i < n; i++) raw[i] = (i * 131 + (i >> 8) * 7 + 17) & 0xff;
  return raw.toString('base64');
}

function mms(date: number, line: number, part: string): string {
  return (
    `  <mms date="${date}" msg_box="1" address="${SAM}" m_type="132" m_id="m${line}" contact_name="Sam">\n` +
    '    <parts>\n' +
    `      <part seq="0" ct="video/mp4" name="null" cl="VID_${line}.mp4" text="null" data="${part}" />\n` +
    '      <part seq="1" ct="text/plain" cl="text.txt" text="Look who I saw" />\n' +
    '    </parts>\n' +
    `    <addrs><addr address="${SAM}" type="137" charset="106" /></addrs>\n` +
    '  </mms>\n'
  );
}

const sms = (date: number, body: string) =>
  `  <sms protocol="0" address="${SAM}" date="${date}" type="1" body="${body}" read="1" contact_name="Sam" />\n`;

function backup(...records: string[]): Buffer {
  return Buffer.from(
    `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count="${records.length}">\n${records.join('')}</smses>\n`,
    'utf8',
  );
}

const summary = (out: Awaited<ReturnType<typeof readSmsIn>>) => ({
  skipped: out.skipped,
  events: out.events.map((e) => [e.locator, e.kind, e.text, e.details?.['attachments']]),
  rejected: out.rejected,
  warnings: out.warnings.map((w) => w.code),
  failure: out.failure?.code,
});

afterEach(() => vi.restoreAllMocks());

describe('an MMS attachment of many megabytes', () => {
  it('is listed with its size, the same in any chunks, and never held whole', async () => {
    // 2,359,297 bytes: base64 of 3,145,732 characters ending "==", a 2.25 MiB video.
    const video = base64Of(2_359_297);
    const small = base64Of(100); // 136 characters ending "=": its padding is still subtracted (100 B).
    const file = backup(
      sms(1710450000000, 'Answer me'),
      mms(1710450060000, 4, video),
      mms(1710450120000, 11, small),
      sms(1710450180000, 'After the videos'),
    );
    const held: number[] = [];
    const child = MmsRecord.prototype.child;
    vi.spyOn(MmsRecord.prototype, 'child').mockImplementation(function (this: MmsRecord, name, a, letGo) {
      if (name === 'part' && a['data'] !== undefined) held.push(a['data'].length);
      return child.call(this, name, a, letGo);
    });

    const whole = summary(await readSmsIn(file, file.length));
    expect(whole).toEqual({
      skipped: [],
      events: [
        ['sms[0] (line 3)', 'message', 'Answer me', undefined],
        ['mms[0] (line 4)', 'media', 'Look who I saw', 'VID_4.mp4 (video/mp4, 2304 KB)'],
        ['mms[1] (line 11)', 'media', 'Look who I saw', 'VID_11.mp4 (video/mp4, 100 B)'],
        ['sms[1] (line 18)', 'message', 'After the videos', undefined],
      ],
      rejected: [],
      warnings: [],
      failure: undefined,
    });
    for (const size of [4096, 9_999, 65_536]) {
      held.length = 0;
      expect(summary(await readSmsIn(file, size)), `chunks of ${size}`).toEqual(whole);
      expect(summary(await readSmsIn(file, size, false)), `chunks of ${size}, saxes alone`).toEqual(whole);
      // What reached the record of the video: at most 64 Ki characters held plus one chunk, never its 3 MB.
      const most = Math.max(...held);
      expect(most, `chunks of ${size}`).toBeLessThanOrEqual((1 << 16) + size);
      expect(held).toContain(small.length);
    }
  });

  it('keeps the line numbers of the records after a value wrapped over many lines', async () => {
    // Some tools wrap base64 every 76 characters: 20,000 lines inside one value.
    const wrapped = (base64Of(1_140_000).match(/.{1,76}/g) ?? []).join('\n');
    const lines = wrapped.split('\n').length;
    expect(lines).toBe(20_000);
    const file = backup(mms(1710450060000, 3, wrapped), sms(1710450180000, 'Still counting'));
    const whole = summary(await readSmsIn(file, file.length));
    // The <sms> after the MMS stands 7 lines below its start, plus the 19,999 line breaks inside the value.
    expect(whole.events).toEqual([
      ['mms[0] (line 3)', 'media', 'Look who I saw', 'VID_3.mp4 (video/mp4, 1113 KB)'],
      [`sms[0] (line ${3 + 7 + lines - 1})`, 'message', 'Still counting', undefined],
    ]);
    for (const size of [4096, 65_536]) {
      expect(summary(await readSmsIn(file, size)), `chunks of ${size}`).toEqual(whole);
      expect(summary(await readSmsIn(file, size, false)), `chunks of ${size}, saxes alone`).toEqual(whole);
    }
  });
});

describe('an MMS attachment wrapped with `&#10;` (Android escapes a line break in a value so)', () => {
  it('is listed with the size of its base64 alone, the same in any chunks', async () => {
    const wrapped = (base64Of(1_140_000).match(/.{1,76}/g) ?? []).join('&#10;');
    const file = backup(mms(1710450060000, 3, wrapped), sms(1710450180000, 'Still counting'));
    const whole = summary(await readSmsIn(file, file.length));
    expect(whole.events).toEqual([
      ['mms[0] (line 3)', 'media', 'Look who I saw', 'VID_3.mp4 (video/mp4, 1113 KB)'],
      ['sms[0] (line 10)', 'message', 'Still counting', undefined],
    ]);
    for (const size of [4096, 65_536]) {
      expect(summary(await readSmsIn(file, size)), `chunks of ${size}`).toEqual(whole);
      expect(summary(await readSmsIn(file, size, false)), `chunks of ${size}, saxes alone`).toEqual(whole);
    }
  });
});
