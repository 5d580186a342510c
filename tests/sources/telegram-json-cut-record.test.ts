/**
 * A Telegram export that stops inside a message (the file ends there, or its JSON breaks there): that message's
 * start was read, so it is counted, rejected at its own locator (TELEGRAM_RECORD_CUT_SHORT or
 * TELEGRAM_RECORD_MALFORMED, worded by cut-record.ts) beside the file's failure, and never emitted with the part
 * read. Checked by cutting real fixtures at every byte, against an independent walk of the intact file that finds
 * where each element of a messages array starts and ends.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SourceInput } from '../../src/sources/index.js';
import { telegramJson } from '../../src/sources/telegram-json/index.js';
import { inPieces, type Outcome, runInput } from '../helpers/run-source.js';

type Run = Outcome;

const collect = (input: SourceInput): Promise<Run> => runInput(telegramJson, input);

const read = (bytes: Uint8Array, size = bytes.length + 1) => collect(inPieces(bytes, size, 'result.json'));

/** Each record's one outcome, by locator: "event", "skip:<reason>" or "reject:<code>". */
function outcomes(r: Run): [string, string][] {
  return [
    ...r.events.map((e) => [String(e.locator), 'event'] as [string, string]),
    ...r.skipped.map((s) => [String(s.locator), `skip:${s.reason}`] as [string, string]),
    ...r.rejected.map((x) => [String(x.locator), `reject:${x.code}`] as [string, string]),
  ];
}

interface Span {
  locator: string;
  /** The element's first byte. */
  start: number;
  /** Just past its last byte (its closing brace or quote). */
  end: number;
}

/**
 * The elements of the messages arrays the reader reads (`messages` at the root, or of a chat in `chats.list` or
 * `left_chats.list`), with their byte ranges: a walk over strings and brackets, written apart from the reader's
 * scanner. Elements are objects or strings in the fixtures used here (a literal is refused, to keep this short).
 */
function messageSpans(bytes: Uint8Array): Span[] {
  const text = Buffer.from(bytes).toString('latin1');
  const isMessages = (path: string) => /^(?:(?:left_)?chats\.list\[\d+\]\.)?messages$/.test(path);
  interface Frame {
    obj: boolean;
    path: string;
    key: string;
    index: number;
    expectKey: boolean;
    start: number;
    element: boolean;
  }
  const stack: Frame[] = [];
  const spans: Span[] = [];
  const child = (f: Frame) =>
    f.obj ? (f.path === '' ? f.key : `${f.path}.${f.key}`) : `${f.path}[${f.index}]`;
  /** Whether the value starting now is an element of a messages array. */
  const inMessages = () => {
    const top = stack[stack.length - 1];
    return top !== undefined && !top.obj && isMessages(top.path);
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const top = stack[stack.length - 1];
    if (c === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (top?.obj && top.expectKey) {
        top.key = JSON.parse(text.slice(i, j + 1)) as string;
        top.expectKey = false;
      } else if (inMessages()) spans.push({ locator: child(top!), start: i, end: j + 1 });
      i = j;
    } else if (c === '{' || c === '[') {
      const element = inMessages();
      stack.push({
        obj: c === '{',
        path: top ? child(top) : '',
        key: '',
        index: 0,
        expectKey: c === '{',
        start: i,
        element,
      });
    } else if (c === '}' || c === ']') {
      const f = stack.pop()!;
      if (f.element) spans.push({ locator: f.path, start: f.start, end: i + 1 });
    } else if (c === ',') {
      if (top!.obj) top!.expectKey = true;
      else top!.index++;
    } else if (!/\s|:/.test(c) && inMessages()) throw new Error(`a literal element at byte ${i}`);
  }
  return spans.sort((a, b) => a.start - b.start);
}

const FIXTURES = [
  'fixtures/telegram-json/full-account-two-chats.json',
  'fixtures/telegram-json/single-chat-mixed.json',
  'fixtures/telegram-json/odd-entries.json',
  'fixtures/telegram-json-calls/result.json',
];

describe.each(FIXTURES)('%s cut at every byte', (file) => {
  const whole = readFileSync(file);
  const spans = messageSpans(whole);
  /** Just past the root object's closing brace: a file cut there or later is whole. */
  const rootEnd = whole.lastIndexOf('}') + 1;

  it('is read whole with one outcome per element, which the walk finds', async () => {
    const r = await read(whole);
    expect(r.failure).toBeUndefined();
    expect(outcomes(r).map(([at]) => at)).toHaveLength(spans.length);
    expect(new Set(outcomes(r).map(([at]) => at))).toEqual(new Set(spans.map((s) => s.locator)));
    expect(spans.length).toBeGreaterThan(3);
  });

  it('counts every element begun once, rejects only the one it ends inside, and keeps the others as whole', async () => {
    const intact = new Map(outcomes(await read(whole)));
    let inside = 0;
    for (let cut = 1; cut < rootEnd; cut++) {
      const at = `cut after ${cut} bytes`;
      const bytes = whole.subarray(0, cut);
      // One chunk; and at every third cut, chunks of a size that moves with the cut, so that a chunk boundary
      // falls in every state of the scan before the end.
      for (const size of cut % 3 === 0 ? [cut + 1, 16 + (cut % 113)] : [cut + 1]) {
        const r = await read(bytes, size);
        const got = outcomes(r);
        const locators = got.map(([l]) => l);
        // Nothing is counted twice, and every element whose first byte was read is counted.
        expect(new Set(locators).size, at).toBe(locators.length);
        expect([...locators].sort(), at).toEqual(
          spans
            .filter((s) => s.start < cut)
            .map((s) => s.locator)
            .sort(),
        );
        expect(r.failure?.code, at).toBe('TELEGRAM_TRUNCATED');
        const cutIn = spans.find((s) => s.start < cut && cut < s.end);
        const cutShort = r.rejected.filter((x) => x.code === 'TELEGRAM_RECORD_CUT_SHORT');
        if (cutIn === undefined) {
          expect(cutShort, at).toEqual([]);
          // A cut in no element points at none: never at the next one, which the file does not hold.
          expect(
            spans.some((s) => s.locator === r.failure?.locator),
            `${at}: failure at ${String(r.failure?.locator)}`,
          ).toBe(false);
        } else {
          if (size === cut + 1) inside++;
          expect(
            cutShort.map((x) => x.locator),
            at,
          ).toEqual([cutIn.locator]);
          expect(r.failure?.locator, at).toBe(cutIn.locator);
          expect(cutShort[0]!.message, at).toMatch(
            /^the file ends inside this record \(line \d+, column \d+, byte \d+\); the part of it read is not used, as the rest is missing$/,
          );
        }
        // Every element read to its end has the outcome it has in the whole file.
        for (const [locator, outcome] of got) {
          if (locator === cutIn?.locator) continue;
          expect(outcome, `${at}: ${locator}`).toBe(intact.get(locator));
        }
      }
    }
    expect(inside).toBeGreaterThan(rootEnd / 2);
  });

  it('counts the element its JSON breaks inside as malformed, and none when it breaks between two', async () => {
    const intact = new Map(outcomes(await read(whole)));
    for (const [k, span] of spans.entries()) {
      if (whole[span.end - 1] !== 0x7d) continue;
      // The element's closing brace made a bracket: the JSON breaks at the element's last byte.
      const broken = Buffer.from(whole);
      broken[span.end - 1] = 0x5d;
      const r = await read(broken);
      const at = `${span.locator} closed by "]"`;
      expect(r.failure?.code, at).toBe('TELEGRAM_INVALID_JSON');
      expect(r.failure?.locator, at).toBe(span.locator);
      expect(
        r.rejected.filter((x) => x.code === 'TELEGRAM_RECORD_MALFORMED').map((x) => x.locator),
        at,
      ).toEqual([span.locator]);
      expect(r.rejected.at(-1)!.message, at).toMatch(
        /^reading stopped inside this record at an error \(line \d+, column \d+, byte \d+\): "\]" does not close "\{"; the rest of the file cannot be read, so the part of this record read is not used$/,
      );
      expect(r.events.map((e) => e.locator)).not.toContain(span.locator);
      const got = outcomes(r);
      expect(got.map(([l]) => l).sort(), at).toEqual(
        spans
          .slice(0, k + 1)
          .map((s) => s.locator)
          .sort(),
      );
      for (const [locator, outcome] of got)
        if (locator !== span.locator) expect(outcome, `${at}: ${locator}`).toBe(intact.get(locator));

      // The comma after the element made a brace: the JSON breaks after the element was counted.
      const comma = whole.indexOf(',', span.end);
      const next = spans[k + 1];
      if (next === undefined || comma > next.start) continue;
      const between = Buffer.from(whole);
      between[comma] = 0x7d;
      const b = await read(between);
      expect(b.failure?.code, `after ${span.locator}`).toBe('TELEGRAM_INVALID_JSON');
      expect(
        spans.some((s) => s.locator === b.failure?.locator),
        `after ${span.locator}`,
      ).toBe(false);
      expect(outcomes(b).sort(), `after ${span.locator}`).toEqual(
        got
          .filter(([l]) => l !== span.locator)
          .concat([[span.locator, intact.get(span.locator)!]])
          .sort(),
      );
    }
  });
});

describe('the element a file ends inside, in a few words', () => {
  const msg = (id: number) =>
    `{"id":${id},"type":"message","date_unixtime":"1709316262","from":"A","from_id":"user1","text":"t${id}"}`;
  const rejects = async (text: string) =>
    (await read(Buffer.from(text), 5)).rejected.map((x) => [x.code, x.locator]);

  it('rejects a string, an array or a number cut short where a message should be', async () => {
    expect(await rejects(`{"messages":[${msg(1)},"a str`)).toEqual([
      ['TELEGRAM_RECORD_CUT_SHORT', 'messages[1]'],
    ]);
    expect(await rejects(`{"messages":[${msg(1)},[1,2`)).toEqual([
      ['TELEGRAM_RECORD_CUT_SHORT', 'messages[1]'],
    ]);
    // A number could go on (12 or 123): it is counted only once the byte after it is read.
    expect(await rejects(`{"messages":[${msg(1)},12`)).toEqual([
      ['TELEGRAM_RECORD_CUT_SHORT', 'messages[1]'],
    ]);
    expect(await rejects(`{"messages":[${msg(1)},12 `)).toEqual([['TELEGRAM_NOT_A_MESSAGE', 'messages[1]']]);
  });

  it('rejects nothing when no element was begun: after a comma, at a stray comma, in another member', async () => {
    expect(await rejects(`{"messages":[${msg(1)},`)).toEqual([]);
    expect(await rejects(`{"messages":[${msg(1)}`)).toEqual([]);
    expect(await rejects(`{"messages":[${msg(1)},,${msg(2)}]}`)).toEqual([]);
    expect(await rejects(`{"messages":[,${msg(2)}]}`)).toEqual([]);
    expect(await rejects(`{"messages":[${msg(1)}],"other":{"a":[1`)).toEqual([]);
    expect(await rejects(`{"messages":[${msg(1)}],"other":{"a":]`)).toEqual([]);
  });

  it('words a cut between two elements as after the last one, never inside one not begun', async () => {
    const failure = async (text: string) => (await read(Buffer.from(text), 5)).failure?.message;
    expect(await failure(`{"messages":[${msg(1)},`)).toContain(', after messages[0] (');
    expect(await failure(`{"messages":[${msg(1)}`)).toContain(', after messages[0] (');
    expect(await failure(`{"messages":[${msg(1)},${msg(2)},,`)).toContain('stopped after messages[1] (');
    expect(await failure(`{"messages":[`)).toContain(', inside messages (');
    expect(await failure(`{"messages":[${msg(1)},{"id":2`)).toContain(', inside messages[1] (');
  });

  it('points a fault between two elements at their array, and one inside an element at that element', async () => {
    const locator = async (text: string) => (await read(Buffer.from(text), 5)).failure?.locator;
    // Between: after the comma (the next element never begun), before it, before the first, at a stray comma.
    expect(await locator(`{"messages":[${msg(1)},`)).toBe('messages');
    expect(await locator(`{"messages":[${msg(1)}`)).toBe('messages');
    expect(await locator(`{"messages":[`)).toBe('messages');
    expect(await locator(`{"messages":[${msg(1)},${msg(2)},,`)).toBe('messages');
    expect(await locator(`{"messages":[${msg(1)}}`)).toBe('messages');
    // A full export's chat: the locator is that chat's array.
    expect(await locator(`{"chats":{"list":[{"name":"A","messages":[${msg(1)},`)).toBe(
      'chats.list[0].messages',
    );
    // Inside: the element, which is also the one rejected.
    expect(await locator(`{"messages":[${msg(1)},{"id":2`)).toBe('messages[1]');
    expect(await locator(`{"messages":[${msg(1)},{"id":2]`)).toBe('messages[1]');
  });

  it('rejects a message too large to keep as cut short when the file ends inside it', async () => {
    const big = 'x'.repeat(9 * 1024 * 1024);
    const r = await read(Buffer.from(`{"messages":[${msg(1)},{"type":"message","text":"${big}`), 65536);
    expect(r.rejected.map((x) => [x.code, x.locator])).toEqual([
      ['TELEGRAM_RECORD_CUT_SHORT', 'messages[1]'],
    ]);
    expect(r.events).toHaveLength(1);
  });

  it('rejects the message that nests past the scanner limit, beside TELEGRAM_TOO_DEEP', async () => {
    const r = await read(Buffer.from(`{"messages":[${msg(1)},{"x":${'['.repeat(1_000_001)}`), 65536);
    expect(r.failure?.code).toBe('TELEGRAM_TOO_DEEP');
    expect(r.rejected.map((x) => [x.code, x.locator])).toEqual([
      ['TELEGRAM_RECORD_MALFORMED', 'messages[1]'],
    ]);
  });
});
