/**
 * The chronologies people read (HTML, Markdown) name each record flag and detail key in words (reports/labels.ts):
 * a police officer should not meet `base64-invalid` or `authenticationResults`. Every flag and detail key the
 * sources write in the project's own fixtures has words, except those made from the export itself: a Discord
 * message type the source does not know (`type-20`) and a diary's own extra columns (`vehicle`, `column_6`),
 * which are shown by their header.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTimeFlag, TIME_FLAG_WORDS } from '../../src/model/time-flags.js';
import { detailPairs, flagLabel } from '../../src/reports/labels.js';
import { messengerE2eeJson } from '../../src/sources/messenger-e2ee-json.js';
import { messengerJson } from '../../src/sources/messenger-json/index.js';
import { telegramJson } from '../../src/sources/telegram-json/index.js';
import { runSource } from '../helpers/run-source.js';

interface Golden {
  readonly events?: readonly { flags?: readonly string[]; details?: Record<string, string> }[];
}

/** Every flag and detail key in the fixtures' goldens, each with the first golden that has it. */
function written(): { flags: Map<string, string>; keys: Map<string, string> } {
  const flags = new Map<string, string>();
  const keys = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.expected.json')) {
        const golden = JSON.parse(readFileSync(p, 'utf8')) as Golden;
        for (const ev of golden.events ?? []) {
          for (const f of ev.flags ?? []) if (!flags.has(f)) flags.set(f, p);
          for (const k of Object.keys(ev.details ?? {})) if (!keys.has(k)) keys.set(k, p);
        }
      }
    }
  };
  walk('fixtures');
  return { flags, keys };
}

const { flags, keys } = written();

describe('words for record flags and detail keys', () => {
  it('finds the flags and keys of many sources in the goldens', () => {
    expect(flags.size).toBeGreaterThan(30);
    expect(keys.size).toBeGreaterThan(40);
  });

  it('has words for every flag a source writes, but a Discord message type it does not know', () => {
    // A flag that is one English word ("edited") reads as itself.
    const unnamed = [...flags]
      .filter(([f]) => !/^type-/.test(f) && !/^[a-z]+$/.test(f))
      .filter(([f]) => (isTimeFlag(f) ? TIME_FLAG_WORDS[f] === undefined : flagLabel(f) === f))
      .map(([f, file]) => `${f} (${file})`);
    expect(unnamed).toEqual([]);
  });

  it('has words for every detail key a source writes, but a diary’s own columns', () => {
    const unnamed = [...keys]
      .filter(([, file]) => !file.includes(`${path.sep}csv-diary${path.sep}`))
      .filter(([k]) => detailPairs({ [k]: 'x' })[0]![0] === k)
      .map(([k, file]) => `${k} (${file})`);
    expect(unnamed).toEqual([]);
  });

  it('has words for the keys and flags of fixtures tested without goldens (calls, placeholders, service events)', async () => {
    const runs = await Promise.all([
      runSource(
        messengerJson,
        'fixtures/messenger-json-calls/your_facebook_activity/messages/inbox/samsample_5550001111/message_1.json',
      ),
      runSource(messengerE2eeJson, 'fixtures/messenger-e2ee-json-placeholders/Sam Sample_4.json'),
      runSource(telegramJson, 'fixtures/telegram-json-service/result.json'),
    ]);
    const events = runs.flatMap((r) => r.events);
    const seenKeys = new Set(events.flatMap((e) => Object.keys(e.details ?? {})));
    const seenFlags = new Set(events.flatMap((e) => e.flags ?? []));
    // The keys these fixtures are there to show: a call its callee missed, a group-call invitation, proximity.
    for (const k of ['calleeMissed', 'callType', 'distanceMetres', 'toId']) expect(seenKeys).toContain(k);
    expect([...seenKeys].filter((k) => detailPairs({ [k]: 'x' })[0]![0] === k)).toEqual([]);
    expect([...seenFlags].filter((f) => !/^[a-z]+$/.test(f) && !isTimeFlag(f) && flagLabel(f) === f)).toEqual(
      [],
    );
  });

  it('shows an e-mail’s headers and an unsent text in words', () => {
    expect(detailPairs({ authenticationResults: 'spf=pass', attachedMessages: 'Subject: Hi' })).toEqual([
      ['Authentication results', 'spf=pass'],
      ['Attached messages', 'Subject: Hi'],
    ]);
    expect(flagLabel('SMS_UNSENT_FAILED')).toBe('not sent (sending failed)');
    expect(TIME_FLAG_WORDS['date-zone-missing']).toBe('no time zone in the date: read as case-zone time');
    expect(TIME_FLAG_WORDS['date-zone-unknown']).toBe(
      'time zone in the date not recognised or ambiguous (such as IST): read as case-zone time',
    );
  });
});
