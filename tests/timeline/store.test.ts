import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParsedEvent } from '../../src/model/index.js';
import { NameTable } from '../../src/timeline/names.js';
import { StringPages } from '../../src/timeline/pages.js';
import { EventStore, plain, type Who } from '../../src/timeline/store.js';

const whos: Who[] = [
  { sender: undefined, key: undefined, role: undefined },
  { sender: { id: '+447700900123' }, key: 'phone:+447700900123', role: 'subject' },
];

/** A name table holding `names` as numbers 1, 2, … */
function nameTable(names: readonly string[]): NameTable {
  const t = new NameTable();
  for (const n of names) t.id(n);
  return t;
}

function add(
  store: EventStore,
  e: Partial<ParsedEvent>,
  extra: { flags?: string[]; conversation?: number } = {},
) {
  const full: ParsedEvent = {
    locator: 1,
    time: { type: 'instant', ms: 1_700_000_000_000, precision: 's' },
    channel: 'sms',
    kind: 'message',
    direction: 'incoming',
    ...e,
  };
  return store.add(full, {
    ms: full.time.type === 'instant' ? full.time.ms : 0,
    direction: full.direction,
    incident: true,
    who: 1,
    conversation: extra.conversation ?? 0,
    flags: extra.flags,
    details: full.details,
    input: 3,
  });
}

describe('the event store', () => {
  it('gives back every field of every event as it was stored', () => {
    const store = new EventStore(whos, nameTable(['Family group']));
    add(store, { locator: 'sms[41]', text: 'Answer me' });
    add(
      store,
      {
        locator: 'chats.list[2].messages[007]',
        channel: 'whatsapp',
        kind: 'call',
        direction: 'outgoing',
        call: { status: 'missed', durationSec: 0 },
        nativeId: 'msg-1',
        details: { location: 'outside work' },
        time: { type: 'instant', ms: 1_700_000_060_000, precision: 'min' },
      },
      { flags: ['edited'], conversation: 1 },
    );
    add(store, { locator: 12, call: { status: 'answered' }, text: '' });
    const [a, b, c] = [0, 1, 2].map((k) => plain(store.view(k)));
    expect(a).toMatchObject({ locator: 'sms[41]', text: 'Answer me', channel: 'sms', kind: 'message' });
    expect(a).toMatchObject({
      nativeId: undefined,
      flags: undefined,
      call: undefined,
      conversation: undefined,
    });
    expect(a).toMatchObject({ senderKey: 'phone:+447700900123', role: 'subject', input: 3, precision: 's' });
    expect(b).toMatchObject({
      locator: 'chats.list[2].messages[007]',
      channel: 'whatsapp',
      kind: 'call',
      direction: 'outgoing',
      call: { status: 'missed', durationSec: 0 },
      nativeId: 'msg-1',
      flags: ['edited'],
      conversation: 'Family group',
      details: { location: 'outside work' },
      precision: 'min',
      ms: 1_700_000_060_000,
    });
    expect(c).toMatchObject({ locator: 12, call: { status: 'answered' }, text: '', nativeId: undefined });
  });

  it('gives back locators with one or two numbers, leading zeros and long digit runs exactly', () => {
    const store = new EventStore(whos, nameTable([]));
    const locs = [
      'sms[41] (line 43)',
      'sms[42] (line 44)',
      'chats.list[2].messages[007]',
      'a10000000000',
      'x0',
      '7',
    ];
    for (const l of locs) add(store, { locator: l });
    expect(locs.map((_, k) => store.locator(k))).toEqual(locs);
  });

  it('keeps locators exact whatever their digits', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.nat(), fc.constant('line 0012')), { maxLength: 50 }),
        (locs) => {
          const store = new EventStore(whos, nameTable([]));
          for (const l of locs) add(store, { locator: l });
          expect(locs.map((_, k) => store.locator(k))).toEqual(locs);
        },
      ),
    );
  });

  it('grows past its first capacity without losing events', () => {
    const store = new EventStore(whos, nameTable([]));
    for (let i = 0; i < 5000; i++)
      add(store, { locator: `sms[${i}]`, text: i % 7 === 0 ? undefined : `t${i}` });
    expect(store.length).toBe(5000);
    expect(store.locator(4999)).toBe('sms[4999]');
    expect(store.text(4997)).toBe('t4997');
    expect(store.text(4998)).toBeUndefined(); // 4998 = 7 × 714
  });
});

describe('narrow number columns', () => {
  it('keeps sender, conversation and flag-set numbers exact as they widen from one byte to two and four', () => {
    const many: Who[] = Array.from({ length: 70_000 }, (_, i) => ({
      sender: { id: `user${i}` },
      key: `account:user${i}`,
      role: undefined,
    }));
    const names = Array.from({ length: 70_000 }, (_, i) => (i === 0 ? undefined : `chat ${i}`));
    const store = new EventStore(many, nameTable(names.slice(1) as string[]));
    // Numbers chosen to cross 255 and 65,535 after events with small numbers have been stored.
    const picks = [0, 1, 255, 256, 3, 65_535, 65_536, 69_999, 2];
    for (const n of picks) {
      store.add(
        {
          locator: n,
          time: { type: 'instant', ms: n, precision: 's' },
          channel: 'telegram',
          kind: 'message',
          direction: 'incoming',
        },
        {
          ms: n,
          direction: 'incoming',
          incident: false,
          who: n,
          conversation: n,
          flags: [`F${n % 300}`],
          details: undefined,
          input: 0,
        },
      );
    }
    expect(picks.map((_, k) => store.who(k).key)).toEqual(picks.map((n) => `account:user${n}`));
    expect(picks.map((_, k) => store.conversation(k))).toEqual(picks.map((n) => names[n]));
    expect(picks.map((_, k) => store.flags(k))).toEqual(picks.map((n) => [`F${n % 300}`]));
  });
});

describe('call durations', () => {
  it('keeps whole, long, absent and fractional durations exact, before and after the column turns to doubles', () => {
    const store = new EventStore(whos, nameTable([]));
    const calls: (number | undefined)[] = [0, 59, undefined, 70_000, 4_294_967_293, 12.5, undefined, 3, 0];
    for (const d of calls)
      add(store, {
        kind: 'call',
        call: d === undefined ? { status: 'missed' } : { status: 'answered', durationSec: d },
      });
    add(store, { text: 'not a call' });
    expect(calls.map((_, k) => store.call(k)?.durationSec)).toEqual(calls);
    expect(store.call(calls.length)).toBeUndefined();
  });
});

describe('string pages', () => {
  it('returns each string as pushed: across block boundaries, empty, absent, very long and with lone surrogates', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.option(
            fc.oneof(
              fc.string({ unit: 'grapheme', maxLength: 40 }),
              fc.string({ unit: 'binary', maxLength: 10 }),
              fc.constant('\ud83d'),
            ),
            { nil: undefined },
          ),
          { maxLength: 200 },
        ),
        (xs) => {
          const pages = new StringPages();
          // 90,000 characters reserve 270,000 bytes, so a few of them fill a 1 MiB block and force the next one.
          const filler = (i: number) => `${i}`.padEnd(90_000, i % 2 === 0 ? 'a' : 'é');
          const all = [...xs, filler(0), ...xs, filler(1), filler(2), filler(3), 'x'.repeat(200_000), ...xs];
          for (const x of all) pages.push(x);
          expect(pages.length).toBe(all.length);
          expect(all.map((_, k) => pages.get(k))).toEqual(all);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('keeps strings apart when one exactly fills what is left of a block', () => {
    const pages = new StringPages();
    // 1 + 4 × 262,143 + 3 = 1,048,576 bytes: the fifth "あ" string ends exactly at the end of the first block.
    const kana = 'あ'.repeat(87_381);
    const all = [
      '',
      undefined,
      'v',
      kana,
      kana,
      kana,
      kana,
      'あ',
      '',
      undefined,
      'q',
      'y'.repeat(300_000),
      'r',
    ];
    for (const x of all) pages.push(x);
    expect(all.map((_, k) => pages.get(k))).toEqual(all);
  });
});

describe('string pages given UTF-8 bytes', () => {
  /** `s` as UTF-8 in the middle of a larger buffer, as a source's chunk holds a line. */
  const inBuffer = (s: string) => {
    const bytes = Buffer.from(`\u00e9xx${s}yy`, 'utf8');
    return { bytes, start: 4, end: bytes.length - 2 };
  };

  it('reads back ASCII, multi-byte, empty and long texts pushed as bytes, between strings pushed as strings', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ unit: 'grapheme', maxLength: 120 }), fc.boolean()), { maxLength: 200 }),
        (xs) => {
          const pages = new StringPages();
          const all = [
            ...xs,
            ['x'.repeat(200_000), true] as const,
            ['😀'.repeat(50_000), true] as const,
            ...xs,
          ];
          for (const [s, asBytes] of all) {
            if (asBytes) {
              const { bytes, start, end } = inBuffer(s);
              pages.pushUtf8(bytes, start, end);
            } else pages.push(s);
          }
          expect(pages.length).toBe(all.length);
          expect(all.map((_, k) => pages.get(k))).toEqual(all.map(([s]) => s));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('gives the bytes back as stored, and starts a new block for a text that does not fit', () => {
    const pages = new StringPages();
    const span = { bytes: new Uint8Array(0), start: 0, end: 0 };
    const bytesOf = (k: number) => {
      expect(pages.bytesOf(k, span)).toBe(true);
      return Buffer.from(span.bytes.subarray(span.start, span.end));
    };
    // Ten texts of 104,857 bytes leave 6 bytes of the first 1 MiB block: one 4-byte emoji fits, the next does not.
    const texts = Array.from({ length: 10 }, (_, i) => Buffer.alloc(104_857, 0x61 + i));
    for (const t of texts) pages.pushUtf8(t, 0, t.length);
    const emoji = Buffer.from('x😀', 'utf8');
    pages.pushUtf8(emoji, 1, 5);
    pages.pushUtf8(emoji, 1, 5);
    pages.pushUtf8(emoji, 3, 3);
    pages.push('after');
    texts.forEach((t, k) => void expect(bytesOf(k).equals(t)).toBe(true));
    expect([bytesOf(10), bytesOf(11), bytesOf(12)]).toEqual([
      emoji.subarray(1),
      emoji.subarray(1),
      Buffer.alloc(0),
    ]);
    const [a, b] = [{ ...span }, { ...span }];
    pages.bytesOf(10, a);
    pages.bytesOf(11, b);
    expect(a.bytes).not.toBe(b.bytes); // the second emoji starts the second block
    expect([a.end, b.start]).toEqual([(1 << 20) - 2, 0]);
    expect([10, 11, 12, 13].map((k) => pages.get(k))).toEqual(['😀', '😀', '', 'after']);
  });

  it('takes its blocks where it is told, and reads back only what it wrote into them', () => {
    // Blocks full of other bytes (as a supply that reuses memory might hand out): nothing of them shows.
    const sizes: number[] = [];
    const pages = new StringPages((bytes) => {
      sizes.push(bytes);
      return Buffer.alloc(bytes, 0xab);
    });
    const texts = Array.from({ length: 30_000 }, (_, i) => `text ${i} ${'é'.repeat(i % 7)}`);
    for (const [i, t] of texts.entries()) {
      if (i % 2 === 0) pages.push(t);
      else {
        const b = Buffer.from(`>${t}<`, 'utf8');
        pages.pushUtf8(b, 1, b.length - 1);
      }
    }
    expect(texts.map((_, k) => pages.get(k))).toEqual(texts);
    expect(sizes.length).toBeGreaterThan(0);
    expect(new Set(sizes)).toEqual(new Set([1 << 20]));
  });
});

describe('name table', () => {
  it('numbers distinct names in order of first sight and gives each back, through many rehashes', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 8 }), { maxLength: 3000 }), (xs) => {
        const t = new NameTable();
        const first = new Map<string, number>();
        for (const x of xs) {
          const id = t.id(x);
          if (!first.has(x)) first.set(x, first.size + 1);
          expect(id).toBe(first.get(x));
        }
        expect(t.length).toBe(first.size + 1);
        expect(t.get(0)).toBeUndefined();
        for (const [x, id] of first) expect(t.get(id)).toBe(x);
      }),
      { numRuns: 40 },
    );
  });
});
