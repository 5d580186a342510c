/**
 * The call lines of an iPhone's WhatsApp export: a missed call, a call the phone did not ring for ("Silenced voice
 * call", with or without why: "Focus mode"), the exporter's own call no one took ("Voice call, No answer") and
 * calls that took place, with their length ("Voice call, 12 min", "45 sec", "1 hr 5 min"). Each is a call, with
 * the outcome the vocabulary has for it and its length in seconds; a message that only starts like one stays a
 * message. The fixture is one chat exported twice (a later export holds one call more) and a group chat, dates
 * day first with days above 12, U+200E where iOS writes it, CRLF.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParsedEvent } from '../../src/model/index.js';
import { whatsappTxt } from '../../src/sources/whatsapp-txt/index.js';
import { callDetail, classify, Special } from '../../src/sources/whatsapp-txt/notices.js';
import { runSource } from '../helpers/run-source.js';
import { timelineOf } from '../helpers/timeline.js';

const FOLDER = path.resolve(import.meta.dirname, '../../fixtures/whatsapp-call-lines');

/** An event as [line, kind, outcome, seconds, direction]: '' where it has none. */
const row = (e: ParsedEvent) => [
  e.locator,
  e.kind,
  e.call?.status ?? '',
  e.call?.durationSec ?? '',
  e.direction,
];

describe('WhatsApp call lines (iPhone)', () => {
  it('reads silenced calls as missed calls, and the length of calls that took place', async () => {
    const run = await runSource(whatsappTxt, path.join(FOLDER, 'later', '_chat.txt'));
    expect(run.events.map(row)).toEqual([
      [2, 'call', 'missed', '', 'unknown'], // Missed voice call, Tap to call back
      [3, 'call', 'missed', '', 'unknown'], // Silenced voice call, Focus mode
      [4, 'call', 'missed', '', 'unknown'], // Silenced video call
      [5, 'call', 'missed', '', 'unknown'], // Silenced voice call
      [6, 'call', 'outgoing', '', 'outgoing'], // You: Voice call, No answer
      [7, 'call', 'answered', 720, 'unknown'], // Voice call, 12 min
      [8, 'call', 'answered', 45, 'unknown'], // Video call, 45 sec
      [9, 'call', 'answered', 3900, 'unknown'], // Voice call, 1 hr 5 min
      [10, 'message', '', '', 'unknown'], // "Silenced video call tonight? …", written by Sam
      [11, 'call', 'outgoing', 180, 'outgoing'], // You: Voice call, 3 min
      [12, 'call', 'missed', '', 'unknown'], // Silenced voice call
    ]);
    // The words are kept as written, marks and all, for the reader of the report.
    expect(run.events[1]!.text).toBe('Silenced voice call, \u200eFocus mode');
    expect(run.events[5]!.text).toBe('Voice call, \u200e12 min');
    expect(run.skipped).toEqual([{ reason: 'system-notice', locator: 1 }]);
    expect(run.rejected).toEqual([]);
    expect(run.warnings).toEqual([]);
  });

  it('keeps a group call that lasted unknown, with its length, and a missed group call missed', async () => {
    const run = await runSource(whatsappTxt, path.join(FOLDER, 'group', '_chat.txt'));
    expect(run.events.map(row)).toEqual([
      [2, 'call', 'unknown', 1680, 'unknown'], // Voice call, 28 min • 4 joined
      [3, 'call', 'missed', '', 'unknown'], // Missed group voice call
      [4, 'message', '', '', 'unknown'],
    ]);
  });

  it('counts each call once in two exports of the chat, silenced calls among the incidents', async () => {
    const { t, events } = await timelineOf(
      [path.join(FOLDER, 'earlier'), path.join(FOLDER, 'later')],
      (c) => ({
        ...c,
        timezone: 'Europe/London',
        subject: { name: undefined, identifiers: ['Sam Carter'] },
      }),
    );
    const inputs = t.inputs.map((i) => [path.basename(path.dirname(i.path)), i.events, i.kept, i.duplicates]);
    expect(inputs).toEqual([
      ['earlier', 10, 10, 0],
      ['later', 11, 1, 10],
    ]);
    const calls = events.filter((e) => e.kind === 'call');
    expect(calls.map((e) => [e.call?.status, e.call?.durationSec ?? null, e.incident])).toEqual([
      ['missed', null, true],
      ['missed', null, true],
      ['missed', null, true],
      ['missed', null, true],
      ['outgoing', null, false],
      ['answered', 720, true],
      ['answered', 45, true],
      ['answered', 3900, true],
      ['outgoing', 180, false],
      ['missed', null, true],
    ]);
    // Sam's four silenced or missed calls of the first evening, and the fifth two days later.
    expect(calls.filter((e) => e.call?.status === 'missed' && e.incident)).toHaveLength(5);
  });
});

describe('call notices: classification and length', () => {
  it.each([
    ['Silenced voice call', Special.MissedCall],
    ['Silenced voice call, Focus mode', Special.MissedCall],
    ['Silenced video call', Special.MissedCall],
    ['Silenced video call tonight?', Special.None],
    ['Silenced voice calls are annoying', Special.None],
    ['Voice call, \u200e12 min', Special.Call],
    ['Voice call, No answer', Special.Call],
  ])('%j', (text, special) => {
    expect(classify(text)).toBe(special);
  });

  it.each([
    ['Voice call, \u200e12 min', 720, false],
    ['Video call, 9 sec', 9, false],
    ['Voice call, 1 hr', 3600, false],
    ['Voice call, 1 hr 23 min', 4980, false],
    ['Voice call, 2 min 15 sec', 135, false],
    ['Voice call, 28 min • 4 joined', 1680, true],
    ['Group voice call, 3 min', 180, true],
    ['Voice call, No answer', undefined, false],
    ['Voice call', undefined, false],
    ['Voice call, ', undefined, false],
    ['Voice call, 12 minutes of shouting', undefined, false],
    ['Gruppensprachanruf', undefined, true],
  ])('%j', (text, durationSec, group) => {
    expect(callDetail(text)).toEqual({ durationSec, group });
  });
});
