/**
 * The wire a source's calls cross between threads (src/pipeline/wire/): whatever a source calls on the context
 * the worker gives it, the replay makes the same calls, with the same values, in the same order, on the
 * pipeline's context. Checked here without threads: slots in plain memory, each replayed as it is handed over.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileInput } from '../../src/cli/inputs.js';
import type { EventTime, ParsedEvent, Party } from '../../src/model/index.js';
import { WireContext } from '../../src/pipeline/wire/encode.js';
import { outcomeFromWire, outcomeToWire } from '../../src/pipeline/wire/outcome.js';
import {
  isIsoLocal,
  isoLocal,
  SLOT_BYTES,
  slotOf,
  type WireOutcome,
} from '../../src/pipeline/wire/records.js';
import { WireReplay } from '../../src/pipeline/wire/replay.js';
import { FailureAtEnd, type SourceContext, SourceFailure } from '../../src/sources/index.js';
import { whatsappTxt } from '../../src/sources/whatsapp-txt/index.js';
import { ROOT } from '../helpers/cli.js';

const OPTIONS = { timezone: 'Europe/London' };

/** A context that writes down every call, events as plain values read during the call. */
function recorder(): { ctx: SourceContext; calls: unknown[] } {
  const calls: unknown[] = [];
  const event = (e: ParsedEvent, text: string | undefined) => {
    const t = e.time;
    calls.push({
      op: 'event',
      locator: Object.is(e.locator, -0) ? '-0' : e.locator,
      time:
        t.type === 'instant'
          ? { type: t.type, ms: t.ms, precision: t.precision }
          : { type: t.type, local: t.local, wallMs: t.wallMs, precision: t.precision },
      channel: e.channel,
      kind: e.kind,
      direction: e.direction,
      sender: e.sender === undefined ? undefined : { ...e.sender },
      text,
      call: e.call === undefined ? undefined : { ...e.call },
      conversation: e.conversation,
      nativeId: e.nativeId,
      flags: e.flags === undefined ? undefined : [...e.flags],
      details: e.details === undefined ? undefined : JSON.stringify(e.details),
    });
  };
  const ctx: SourceContext = {
    options: OPTIONS,
    emit: (e) => event(e, e.text),
    emitUtf8: (e, bytes, start, end) => event(e, Buffer.from(bytes.subarray(start, end)).toString('utf8')),
    skip: (reason, locator) => calls.push({ op: 'skip', reason, locator }),
    reject: (code, locator, message, hint) => calls.push({ op: 'reject', code, locator, message, hint }),
    warn: (code, locator, message, hint, copy) =>
      calls.push({ op: 'warn', code, locator, message, hint, ...(copy === undefined ? {} : { copy }) }),
    progress: (bytesRead) => calls.push({ op: 'progress', bytesRead }),
    restart: () => calls.push({ op: 'restart' }),
    people: (names) => calls.push({ op: 'people', names: [...names] }),
  };
  return { ctx, calls };
}

/** The calls `run` makes, as they arrive over the wire, and the outcome. */
function overTheWire(run: (ctx: SourceContext) => void, outcome: WireOutcome = { digest: 'ab' }) {
  const { ctx, calls } = recorder();
  const replay = new WireReplay(ctx);
  const slots = [0, 1, 2].map(() => slotOf(new ArrayBuffer(SLOT_BYTES), 0, SLOT_BYTES));
  let ended: WireOutcome | undefined;
  let handedOver = 0;
  const wire = new WireContext(OPTIONS, slots, (index, used) => {
    handedOver++;
    const end = replay.replay(slots[index]!, used);
    if (end !== undefined) ended = end;
  });
  run(wire);
  wire.end(outcome);
  return { calls, ended, handedOver };
}

/** The calls `run` makes, made directly. */
function direct(run: (ctx: SourceContext) => void): unknown[] {
  const { ctx, calls } = recorder();
  run(ctx);
  return calls;
}

const sam: Party = { name: 'Sam' };
const you: Party = { name: 'You', role: 'victim' };
const local = (local: string, precision: 'min' | 's', wallMs?: number): EventTime => ({
  type: 'local',
  local,
  precision,
  wallMs,
});

function event(over: Partial<ParsedEvent>): ParsedEvent {
  return {
    locator: 1,
    time: local('2024-03-31T01:30', 'min', Date.UTC(2024, 2, 31, 1, 30)),
    channel: 'whatsapp',
    kind: 'message',
    direction: 'unknown',
    ...over,
  };
}

const utf8 = (s: string) => Buffer.from(s, 'utf8');

/** Every kind of call and field a source may make, once each. */
function everything(ctx: SourceContext): void {
  const text = utf8('xx Answer me 😡 — now yy');
  ctx.emitUtf8!(event({ sender: sam, conversation: 'Sam' }), text, 3, text.length - 3);
  ctx.emitUtf8!(event({ sender: you, locator: 2 }), text, 0, 0);
  ctx.emit(event({ sender: sam, text: 'lone \ud83d surrogate', locator: 'sms[3]' }));
  ctx.emit(event({ time: { type: 'instant', ms: -0, precision: 'ms' }, locator: -0, text: undefined }));
  ctx.emit(event({ time: { type: 'instant', ms: Number.NaN, precision: 's' }, locator: 1.5 }));
  ctx.emit(
    event({ time: local('0999-01-01T10:00', 'min'), sender: { id: '+447700900123', idType: 'phone' } }),
  );
  ctx.emit(event({ time: local('2024-01-01T10:00:05', 's', Date.UTC(2024, 0, 1, 10, 0, 5)) }));
  ctx.emit(event({ channel: 'call', kind: 'call', call: { status: 'missed' } }));
  ctx.emit(event({ channel: 'call', kind: 'call', call: { status: 'answered', durationSec: 61.5 } }));
  ctx.emit(
    event({
      nativeId: 'msg-٣-id',
      flags: ['edited', 'time-approximate'],
      details: { location: 'Bus stop \ud800', ['__proto__']: 'x', '10': 'ten' },
      direction: 'incoming',
    }),
  );
  ctx.skip('system-notice', 7);
  ctx.skip('draft', 'sms[9]');
  ctx.reject('WHATSAPP_BAD_DATE', 9, 'there is no day 31 in February', 'Check the date order.');
  ctx.reject('SMS_NO_DATE', 'sms[4]', 'no date');
  ctx.warn('WHATSAPP_DATE_ORDER', undefined, 'day/month order inferred');
  ctx.warn('X', 3, 'with a number', 'and a hint');
  ctx.warn(
    'WHATSAPP_BLOCK_NOTICE',
    92,
    'a block',
    'a hint',
    'You blocked this contact.\u00002024-03-31T10:12',
  );
  ctx.warn('Y', 'msg[2]', 'a copy without a hint', undefined, 'Zoë ✓');
  ctx.people!(['Zoë Example', 'lone \ud800 surrogate', '']);
  ctx.people!([]);
  ctx.progress(65_536);
  ctx.restart!();
  ctx.emitUtf8!(event({ sender: sam }), text, 0, text.length);
}

describe('the wire', () => {
  it('replays every kind of call as it was made', () => {
    const { calls, ended } = overTheWire(everything);
    expect(calls).toEqual(direct(everything));
    expect(calls).toHaveLength(23);
    expect(ended).toEqual({ digest: 'ab' });
  });

  it('hands over a small first slot, so the reader starts soon, then ever fuller ones', () => {
    const slots = [0, 1].map(() => slotOf(new ArrayBuffer(SLOT_BYTES), 0, SLOT_BYTES));
    const used: number[] = [];
    const wire = new WireContext(OPTIONS, slots, (_index, n) => used.push(n));
    const text = utf8('Answer me. Pick up the phone, I know you are there.');
    for (let i = 0; i < 60_000; i++) wire.emitUtf8(event({ sender: sam, locator: i }), text, 0, text.length);
    wire.end({ digest: '' });
    expect(used[0]).toBeLessThanOrEqual(32 * 1024);
    expect(used[0]).toBeGreaterThan(30 * 1024);
    // Each slot holds about twice what the one before held, until slots are full (the last is what was left).
    for (let i = 1; i < used.length - 1; i++) {
      expect(used[i]).toBeGreaterThanOrEqual(Math.min(used[i - 1]! * 1.9, SLOT_BYTES - 1024));
    }
    expect(Math.max(...used)).toBeGreaterThan(SLOT_BYTES - 1024);
    expect(Math.max(...used)).toBeLessThanOrEqual(SLOT_BYTES);
  });

  it('sends a record larger than a slot in parts', () => {
    const huge = `${'Answer me. '.repeat(300_000)}🙂`;
    const bytes = utf8(huge);
    const run = (ctx: SourceContext) => {
      ctx.emitUtf8!(event({ sender: sam }), bytes, 0, bytes.length);
      ctx.emit(event({ text: huge, details: { note: huge } }));
      ctx.skip('after', 3);
    };
    const { calls, handedOver } = overTheWire(run);
    expect(bytes.length).toBeGreaterThan(3 * SLOT_BYTES);
    expect(handedOver).toBeGreaterThan(6);
    expect(calls).toEqual(direct(run));
  });

  it('writes strings in place once the table of numbered strings is full', () => {
    const run = (ctx: SourceContext) => {
      for (let i = 0; i < 5000; i++) {
        ctx.emit(event({ conversation: `chat ${i}`, sender: { name: `Person ${i}` }, flags: [`f${i}`] }));
        ctx.skip(`reason ${i}`, i);
      }
      // Vocabulary first met once the table is full.
      ctx.emit(event({ channel: 'post', kind: 'delivery', call: { status: 'voicemail' } }));
    };
    const { calls } = overTheWire(run);
    expect(calls).toEqual(direct(run));
  });

  it('replays any strings, any numbers and any order of calls (property)', () => {
    const text = fc.string({ unit: 'binary', maxLength: 40 });
    const call = fc.oneof(
      fc.record({
        op: fc.constant('emit' as const),
        text: fc.option(text, { nil: undefined }),
        locator: fc.oneof(fc.double(), text),
        sender: fc.option(fc.record({ name: text }), { nil: undefined }),
        conversation: fc.option(text, { nil: undefined }),
        ms: fc.double(),
      }),
      fc.record({ op: fc.constant('utf8' as const), text: fc.string({ unit: 'grapheme', maxLength: 40 }) }),
      fc.record({ op: fc.constant('skip' as const), reason: text, locator: fc.oneof(fc.nat(), text) }),
      fc.record({
        op: fc.constant('warn' as const),
        code: text,
        message: text,
        hint: fc.option(text),
        copy: fc.option(text, { nil: undefined }),
      }),
      fc.record({ op: fc.constant('people' as const), names: fc.array(text, { maxLength: 5 }) }),
    );
    fc.assert(
      fc.property(fc.array(call, { maxLength: 30 }), (calls) => {
        const run = (ctx: SourceContext) => {
          for (const c of calls) {
            if (c.op === 'emit') {
              ctx.emit(
                event({
                  text: c.text,
                  locator: c.locator,
                  sender: c.sender,
                  conversation: c.conversation,
                  time: { type: 'instant', ms: c.ms, precision: 'ms' },
                }),
              );
            } else if (c.op === 'utf8') {
              const b = utf8(c.text);
              ctx.emitUtf8!(event({}), b, 0, b.length);
            } else if (c.op === 'skip') ctx.skip(c.reason, c.locator);
            else if (c.op === 'people') ctx.people!(c.names);
            else ctx.warn(c.code, undefined, c.message, c.hint ?? undefined, c.copy);
          }
        };
        expect(overTheWire(run).calls).toEqual(direct(run));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps a failure and a system error through the outcome', () => {
    const failure = new SourceFailure(
      'SMS_TRUNCATED',
      'the file ends inside <sms>',
      'sms[41]',
      'Export again.',
    );
    const eio = Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO', errno: -5, syscall: 'read' });
    const back = outcomeFromWire(
      overTheWire(() => {}, outcomeToWire({ digest: 'cd', thrown: failure, stream: eio, readBytes: 5047 }))
        .ended!,
    );
    expect(back.digest).toBe('cd');
    // How far the read got before the stream failed, for the message that says so.
    expect(back.readBytes).toBe(5047);
    expect(back.thrown).toBeInstanceOf(SourceFailure);
    expect(back.thrown).toMatchObject({
      code: 'SMS_TRUNCATED',
      message: failure.message,
      locator: 'sms[41]',
      hint: 'Export again.',
    });
    expect(back.stream).toMatchObject({ message: eio.message, code: 'EIO', errno: -5, syscall: 'read' });
    expect((back.thrown as SourceFailure).readToEnd).toBe(false);
    // A failure thrown once the whole file was read says so on the other side too.
    const undated = new SourceFailure(
      'WHATSAPP_DATE_ORDER_AMBIGUOUS',
      'cannot tell',
      undefined,
      'Re-run',
      true,
    );
    const thrown = outcomeFromWire(
      overTheWire(() => {}, outcomeToWire({ digest: 'ab', thrown: undated, stream: undefined })).ended!,
    ).thrown as SourceFailure;
    expect(thrown).toMatchObject({ code: 'WHATSAPP_DATE_ORDER_AMBIGUOUS', hint: 'Re-run', readToEnd: true });
    expect(thrown).not.toBeInstanceOf(FailureAtEnd);
    // A fault found once every byte was delivered (a checksum) keeps its class, which marks the input damaged.
    const damaged = new FailureAtEnd(
      'CHRONOLOG_JSONL_ORIGINAL_DAMAGED',
      'checksum failed',
      undefined,
      'Again',
      true,
    );
    const atEnd = outcomeFromWire(
      overTheWire(() => {}, outcomeToWire({ digest: 'ab', thrown: damaged, stream: damaged })).ended!,
    );
    expect(atEnd.thrown).toBeInstanceOf(FailureAtEnd);
    expect(atEnd.stream).toBeInstanceOf(FailureAtEnd);
    expect(atEnd.thrown).toMatchObject({ code: 'CHRONOLOG_JSONL_ORIGINAL_DAMAGED', readToEnd: true });
    expect(outcomeFromWire(outcomeToWire({ digest: 'ef', thrown: undefined, stream: undefined }))).toEqual({
      digest: 'ef',
      thrown: undefined,
      stream: undefined,
    });
  });
});

describe('local times sent as wall-clock milliseconds', () => {
  it('are what the WhatsApp source writes out (the model requires it of a time with wallMs)', async () => {
    const dir = path.join(ROOT, 'fixtures/whatsapp-txt');
    let checked = 0;
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      const file = path.join(dir, name);
      const check = (e: ParsedEvent) => {
        if (e.time.type !== 'local' || e.time.wallMs === undefined) return;
        expect(isIsoLocal(e.time.wallMs, e.time.precision)).toBe(true);
        expect(e.time.local).toBe(isoLocal(e.time.wallMs, e.time.precision));
        checked++;
      };
      const ctx: SourceContext = {
        options: { timezone: 'Europe/London' },
        emit: check,
        emitUtf8: check,
        skip: () => {},
        reject: () => {},
        warn: () => {},
        progress: () => {},
      };
      await whatsappTxt.parse(fileInput(file, statSync(file).size), ctx).catch(() => {});
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('are the ISO form at minute or second precision, years 1000–9999 only', () => {
    expect(isoLocal(Date.UTC(2024, 2, 31, 1, 30), 'min')).toBe('2024-03-31T01:30');
    expect(isoLocal(Date.UTC(2024, 2, 31, 1, 30, 7), 's')).toBe('2024-03-31T01:30:07');
    expect(isIsoLocal(Date.UTC(2024, 2, 31, 1, 30), 'min')).toBe(true);
    expect(isIsoLocal(Date.UTC(2024, 2, 31, 1, 30, 7), 'min')).toBe(false);
    expect(isIsoLocal(Date.UTC(2024, 2, 31, 1, 30, 7, 1), 's')).toBe(false);
    expect(isIsoLocal(Date.UTC(2024, 2, 31), 'day')).toBe(false);
    expect(isIsoLocal(Date.UTC(999, 11, 31, 23, 59), 'min')).toBe(false);
    expect(isIsoLocal(Date.UTC(1000, 0, 1), 'min')).toBe(true);
    expect(isIsoLocal(Date.UTC(9999, 11, 31, 23, 59), 'min')).toBe(true);
    expect(isIsoLocal(Date.UTC(10000, 0, 1), 'min')).toBe(false);
  });
});
