/**
 * A warning about one record (a WhatsApp block notice) found in two overlapping exports of the same chat is told
 * once, as its events count once (timeline/dedupe.ts), and names where the other copy is (pipeline/copies.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveCase } from '../../src/cli/case.js';
import { readTimeline } from '../../src/pipeline/index.js';
import type { SourceInput } from '../../src/sources/index.js';
import { chat, range } from '../helpers/chats.js';
import { memoryInput } from '../helpers/partway.js';
import { makeZip } from '../helpers/zip-writer.js';

const CHAT = 'WhatsApp Chat with Sam.txt';
const WHATSAPP = readFileSync(`fixtures/demo-case/${CHAT}`);
/** The same chat exported again five weeks later: the subject was unblocked, wrote again, and was blocked again. */
const LATER = Buffer.concat([
  WHATSAPP,
  Buffer.from(
    '06/05/2024, 19:40 - You unblocked this contact.\n' +
      '06/05/2024, 19:52 - Sam: So you do miss me\n' +
      '06/05/2024, 19:53 - You blocked this contact. Tap to unblock.\n',
  ),
]);

async function read(inputs: SourceInput[]) {
  const c = await resolveCase({}, [], 'Europe/London');
  return readTimeline({ inputs, case: { ...c, victim: { name: undefined, identifiers: ['Alex'] } } });
}

const blocks = (t: Awaited<ReturnType<typeof read>>) =>
  t.problems.list
    .filter((p) => p.code === 'WHATSAPP_BLOCK_NOTICE')
    .map((p) => [p.file, p.locator, p.message]);

const AT_31_MARCH =
  '"You blocked this contact. Tap to unblock." at 2024-03-31 10:12 (Europe/London): a block or unblock, kept out of the contact counts.';

describe('a block notice in two overlapping exports of one chat', () => {
  it('the .txt and the .zip of it: warned once, naming the other copy; each file still counts its skip', async () => {
    const alone = await read([memoryInput(`exports/${CHAT}`, WHATSAPP)]);
    expect(blocks(alone)).toEqual([[`exports/${CHAT}`, 'line 92', AT_31_MARCH]]);

    const t = await read([
      memoryInput(`exports/${CHAT}`, WHATSAPP),
      memoryInput('exports/chat.zip', makeZip([{ name: CHAT, data: WHATSAPP }])),
    ]);
    expect(blocks(t)).toEqual([
      [
        `exports/${CHAT}`,
        'line 92',
        `${AT_31_MARCH} The same record is also in exports/chat.zip!/${CHAT}, line 92 (an overlapping export): warned once.`,
      ],
    ]);
    // The records are untouched: the notice is a skipped record of each file, the messages count once.
    expect(t.inputs.map((i) => [i.skippedReasons['block-notice'], i.kept, i.duplicates])).toEqual([
      [1, alone.inputs[0]!.events, 0],
      [1, 0, alone.inputs[0]!.events],
    ]);
  });

  it('two exports a month apart: the shared notice once, the later export’s own two notices each once', async () => {
    const t = await read([
      memoryInput('march/WhatsApp Chat with Sam.txt', WHATSAPP),
      memoryInput('may/WhatsApp Chat with Sam.txt', LATER),
    ]);
    expect(blocks(t)).toEqual([
      [
        'march/WhatsApp Chat with Sam.txt',
        'line 92',
        `${AT_31_MARCH} The same record is also in may/WhatsApp Chat with Sam.txt, line 92 (an overlapping export): warned once.`,
      ],
      [
        'may/WhatsApp Chat with Sam.txt',
        'line 93',
        '"You unblocked this contact." at 2024-05-06 19:40 (Europe/London): a block or unblock, kept out of the contact counts.',
      ],
      [
        'may/WhatsApp Chat with Sam.txt',
        'line 95',
        '"You blocked this contact. Tap to unblock." at 2024-05-06 19:53 (Europe/London): a block or unblock, kept out of the contact counts.',
      ],
    ]);
  });

  it('three copies: the first names both others; a notice at another time is not a copy', async () => {
    const moved = Buffer.from(
      WHATSAPP.toString('utf8').replace('31/03/2024, 10:12 - You blocked', '31/03/2024, 10:14 - You blocked'),
    );
    const t = await read([
      memoryInput('a/WhatsApp Chat with Sam.txt', WHATSAPP),
      memoryInput('b/WhatsApp Chat with Sam.txt', WHATSAPP),
      memoryInput('c/WhatsApp Chat with Sam.txt', WHATSAPP),
      memoryInput('d/WhatsApp Chat with Sam.txt', moved),
    ]);
    expect(blocks(t).map(([file, , message]) => [file, message])).toEqual([
      [
        'a/WhatsApp Chat with Sam.txt',
        `${AT_31_MARCH} The same record is also in b/WhatsApp Chat with Sam.txt, line 92; c/WhatsApp Chat with Sam.txt, line 92 (overlapping exports): warned once.`,
      ],
      ['d/WhatsApp Chat with Sam.txt', AT_31_MARCH.replace('10:12', '10:14')],
    ]);
  });
});

describe('a block notice in an export read again from the start (SourceContext.restart)', () => {
  // Day and month equal: the same date in either order, so both readings skip it with the same time.
  const NOTICE = '01/01/2024, 08:00 - You blocked this contact. Tap to unblock.\n';

  it('is a copy of the earlier input’s once, not counted once per reading', async () => {
    // Over 1 MiB, its start in one date order and its end in the other: read once with the start's order, then
    // taken back and read again (tests/pipeline/restart.test.ts). The notice is met in both readings.
    const big = Buffer.from(
      `${NOTICE}${chat(1, range(1, 20), 900, 'dmy')}${chat(3, range(13, 31), 400, 'mdy')}`,
    );
    expect(big.length).toBeGreaterThan(1 << 20);
    const t = await read([
      memoryInput('a/WhatsApp Chat with Sam.txt', Buffer.from(`${NOTICE}${chat(1, [13], 5, 'dmy')}`)),
      memoryInput('b/WhatsApp Chat with Sam.txt', big),
    ]);
    expect(t.problems.list.map((p) => p.code)).toContain('WHATSAPP_DATE_ORDER_CONFLICT');
    expect(t.inputs.map((i) => i.skippedReasons['block-notice'])).toEqual([1, 1]);
    expect(blocks(t)).toEqual([
      [
        'a/WhatsApp Chat with Sam.txt',
        'line 1',
        '"You blocked this contact. Tap to unblock." at 2024-01-01 08:00 (Europe/London): a block or unblock, kept out of the contact counts. The same record is also in b/WhatsApp Chat with Sam.txt, line 1 (an overlapping export): warned once.',
      ],
    ]);
  });
});

describe('a time that does not exist, in two overlapping exports of one chat', () => {
  // Written at 01:30 on the night the clocks went forward in London: no such local time.
  const GAP = Buffer.from(
    '30/03/2024, 23:50 - Sam: Still up?\n' +
      '31/03/2024, 01:30 - Sam: Answer me\n' +
      '31/03/2024, 03:10 - Sam: Answer me\n',
  );
  const LATER_GAP = Buffer.concat([GAP, Buffer.from('02/04/2024, 09:00 - Sam: Answer me\n')]);
  const gaps = (t: Awaited<ReturnType<typeof read>>) =>
    t.problems.list.filter((p) => p.code === 'TIMELINE_DST_GAP').map((p) => [p.file, p.locator, p.message]);
  const GAP_MESSAGE =
    'local time 2024-03-31T01:30 does not exist in Europe/London (clocks went forward); read with the offset before the change';

  it('is warned once, naming the other copy, as the record counts once', async () => {
    const t = await read([
      memoryInput('march/WhatsApp Chat with Sam.txt', GAP),
      memoryInput('april/WhatsApp Chat with Sam.txt', LATER_GAP),
    ]);
    expect(gaps(t)).toEqual([
      [
        'april/WhatsApp Chat with Sam.txt',
        'line 2',
        `${GAP_MESSAGE}. The same record is also in march/WhatsApp Chat with Sam.txt, line 2 (an overlapping export): warned once.`,
      ],
    ]);
    expect(t.inputs.map((i) => [i.path, i.kept, i.duplicates])).toEqual([
      ['april/WhatsApp Chat with Sam.txt', 4, 0],
      ['march/WhatsApp Chat with Sam.txt', 0, 3],
    ]);
  });

  it('is warned for each copy one export alone holds', async () => {
    const twice = Buffer.concat([GAP, Buffer.from('31/03/2024, 01:30 - Sam: Answer me\n')]);
    const t = await read([memoryInput('march/WhatsApp Chat with Sam.txt', twice)]);
    expect(gaps(t).map((g) => g[1])).toEqual(['line 2', 'line 4']);
  });

  it('is warned in each export that read a repeated hour as another instant, since each keeps its own event', async () => {
    // After 01:50 BST the first export reads 01:10 as GMT (file order); the second, starting at 01:10, as BST.
    const t = await read([
      memoryInput(
        'a/WhatsApp Chat with Sam.txt',
        Buffer.from(
          '26/10/2024, 23:00 - Sam: hello\n27/10/2024, 01:50 - Sam: one\n27/10/2024, 01:10 - Sam: two\n',
        ),
      ),
      memoryInput(
        'b/WhatsApp Chat with Sam.txt',
        Buffer.from('27/10/2024, 01:10 - Sam: two\n27/10/2024, 09:00 - Sam: three\n'),
      ),
    ]);
    const twos = t.problems.list
      .filter((p) => p.code === 'TIMELINE_DST_AMBIGUOUS' && p.message.includes('01:10'))
      .map((p) => [p.file, p.locator]);
    expect(twos).toEqual([
      ['a/WhatsApp Chat with Sam.txt', 'line 3'],
      ['b/WhatsApp Chat with Sam.txt', 'line 1'],
    ]);
    expect(t.problems.list.every((p) => !p.message.includes('warned once'))).toBe(true);
  });
});

describe('block notices of two different chats in the same minute', () => {
  it('are each warned: they are two blocks, not one in two exports', async () => {
    const notice = Buffer.from(
      '21/03/2024, 10:12 - You blocked this contact. Tap to unblock.\n21/03/2024, 10:11 - Sam: hi\n',
    );
    const t = await read([
      memoryInput('exports/WhatsApp Chat with Sam.txt', notice),
      memoryInput('exports/WhatsApp Chat with Sam 2.txt', notice),
    ]);
    expect(blocks(t).map((b) => [b[0], b[1], (b[2] as string).includes('warned once')])).toEqual([
      ['exports/WhatsApp Chat with Sam 2.txt', 'line 1', false],
      ['exports/WhatsApp Chat with Sam.txt', 'line 1', false],
    ]);
  });
});
