import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messengerE2eeJson } from '../../src/sources/messenger-e2ee-json.js';
import { messengerHtml } from '../../src/sources/messenger-html/index.js';
import { messengerJson } from '../../src/sources/messenger-json/index.js';
import { callerOf, callStatus } from '../../src/sources/meta/calls.js';
import { channelFromPath } from '../../src/sources/meta/channel.js';
import { ThreadJsonScanner } from '../../src/sources/meta/json-thread.js';
import {
  MojibakeVerdict,
  mojibakeEvidence,
  repairMojibake,
  toMojibake,
} from '../../src/sources/meta/mojibake.js';
import {
  isGroupThread,
  isGroupType,
  ownerFromSentences,
  senderAliases,
  threadOwner,
} from '../../src/sources/meta/people.js';
import { htmlReactionList } from '../../src/sources/meta/reactions.js';
import { recogniseSentence } from '../../src/sources/meta/sentences.js';
import { SourceFailure } from '../../src/sources/source.js';
import { runSource } from '../helpers/run-source.js';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
function isUtf8(latin1: string): boolean {
  try {
    utf8.decode(Buffer.from(latin1, 'latin1'));
    return true;
  } catch {
    return false;
  }
}

describe('mojibake repair', () => {
  it('undoes the double encoding of any string: repair(mojibake(s)) === s', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => repairMojibake(toMojibake(s)) === s),
      { numRuns: 2000 },
    );
  });

  it('never touches a string holding a character above U+00FF', () => {
    const withWide = fc
      .tuple(
        fc.string({ unit: 'binary' }),
        fc.integer({ min: 0x100, max: 0x10ffff }),
        fc.string({ unit: 'binary' }),
      )
      .filter(([, cp]) => cp < 0xd800 || cp > 0xdfff)
      .map(([a, cp, b]) => a + String.fromCodePoint(cp) + b);
    fc.assert(
      fc.property(withWide, (s) => repairMojibake(s) === s),
      { numRuns: 2000 },
    );
  });

  it('never touches a Latin-1 string whose bytes are not valid UTF-8', () => {
    const latin1 = fc.string({
      unit: fc.integer({ min: 0, max: 0xff }).map((c) => String.fromCharCode(c)),
      minLength: 1,
    });
    fc.assert(
      fc.property(
        latin1.filter((s) => !isUtf8(s)),
        (s) => repairMojibake(s) === s && mojibakeEvidence(s) === 'not-mojibake',
      ),
      { numRuns: 2000 },
    );
  });

  it('repairs the escapes Facebook writes and keeps what is already right', () => {
    expect(repairMojibake('caf\u00c3\u00a9')).toBe('café');
    expect(repairMojibake('\u00f0\u009f\u0098\u00a0')).toBe('😠');
    expect(repairMojibake('café')).toBe('café'); // é alone is not UTF-8
    expect(repairMojibake('“quoted”')).toBe('“quoted”');
    expect(repairMojibake('\u00ef\u00bb\u00bfbom kept')).toBe('\ufeffbom kept');
    expect(repairMojibake('\u00c0\u00af')).toBe('\u00c0\u00af'); // an overlong "/" is not UTF-8
    expect(repairMojibake('\u00ed\u00a0\u0080')).toBe('\u00ed\u00a0\u0080'); // an encoded surrogate half neither
  });

  it('decides per file: one correctly encoded string vetoes every repair in the file', () => {
    const facebook = new MojibakeVerdict();
    facebook.observe({ a: ['caf\u00c3\u00a9', 'plain'], b: { c: 'Zo\u00c3\u00ab' } });
    expect([facebook.mojibake, facebook.notMojibake, facebook.repair]).toEqual([2, 0, true]);
    const resaved = new MojibakeVerdict();
    resaved.observe(['\u00c3\u00a9 typed on purpose', 'café']);
    expect([resaved.mojibake, resaved.notMojibake, resaved.repair]).toEqual([1, 1, false]);
    const ascii = new MojibakeVerdict();
    ascii.observe({ only: 'ascii', n: 3, t: true });
    expect(ascii.repair).toBe(false);
  });
});

describe('generated sentences', () => {
  const names = new Set(['Sam Sample', 'Jo Example']);
  const r = (text: string, sender: string | readonly string[] = 'Sam Sample') =>
    recogniseSentence(text, sender, names);

  it('recognises notices with their own sender or "You" as the actor', () => {
    expect(r('Sam Sample named the group Book club.')).toEqual({ type: 'notice', reason: 'settings-notice' });
    expect(r('You named the group Book club.', 'Jo Example')).toEqual({
      type: 'notice',
      reason: 'settings-notice',
    });
    expect(r('Sam Sample set the nickname for Jo Example to Jojo.')).toEqual({
      type: 'notice',
      reason: 'settings-notice',
    });
    expect(r('Sam Sample added Jo Example to the group.')).toEqual({
      type: 'notice',
      reason: 'membership-notice',
    });
    expect(r('Reacted 😂 to your message ')).toEqual({ type: 'notice', reason: 'reaction' });
    expect(r('Sam Sample reacted ❤️ to your message')).toEqual({ type: 'notice', reason: 'reaction' });
  });

  it('leaves typed text alone, even when it resembles a notice about someone else', () => {
    expect(r('Jo Example named the group Book club.')).toBeUndefined();
    expect(r('I named the group after you')).toBeUndefined();
    expect(r('Sorry I missed your call')).toBeUndefined();
    expect(r('You called me a liar.')).toBeUndefined();
    expect(r('Sam Sample called you. Twice.')).toBeUndefined();
  });

  it('recognises call summaries, also filed under another participant', () => {
    // `by`: who placed the call, as the words tell it ("You" is the exporting account).
    // `missedBy`: who the words say missed it.
    expect(r('You missed a call from Sam Sample.')).toEqual({
      type: 'call',
      missed: true,
      by: 'other',
      missedBy: 'owner',
    });
    expect(r('Jo Example missed your call.')).toEqual({
      type: 'call',
      missed: true,
      by: 'owner',
      missedBy: 'other',
    });
    expect(r('Sam Sample called you.')).toEqual({ type: 'call', missed: false, by: 'other' });
    expect(r('You called Jo Example.', 'Jo Example')).toEqual({ type: 'call', missed: false, by: 'owner' });
    expect(r('The video chat ended.')).toEqual({ type: 'call', missed: false });
  });

  it("recognises Instagram's call sentences and who placed the call", () => {
    expect(r('You missed an audio call')).toEqual({
      type: 'call',
      missed: true,
      by: 'other',
      missedBy: 'owner',
    });
    expect(r('Sam Sample missed a video chat with you.')).toEqual({
      type: 'call',
      missed: true,
      by: 'owner',
      missedBy: 'other',
    });
    // Sam missed a call, not the owner, but the words do not say whose call it was.
    expect(r('Sam Sample missed a video chat.')).toEqual({ type: 'call', missed: true, missedBy: 'other' });
    // No actor: nothing said of who missed it.
    expect(r('Missed video call')).toEqual({ type: 'call', missed: true });
    expect(r('You started a video chat')).toEqual({ type: 'call', missed: false, by: 'owner' });
    expect(r('Sam Sample started an audio call')).toEqual({ type: 'call', missed: false, by: 'other' });
    expect(r('Audio call ended')).toEqual({ type: 'call', missed: false });
    // A typed sentence about starting a call stays a message.
    expect(r('I started a video chat with your sister')).toBeUndefined();
  });

  it("recognises Instagram's username-worded sentences only by a name the thread gives the sender", () => {
    // Signed "Sam Sample", listed in participants as "samsample" (meta/people.ts senderAliases).
    const sam = ['Sam Sample', 'samsample'];
    expect(r('samsample sent an attachment.', sam)).toEqual({ type: 'attachment' });
    expect(r('samsample liked a message', sam)).toEqual({ type: 'notice', reason: 'reaction' });
    // Without that link the username is just a word someone typed.
    expect(r('samsample sent an attachment.')).toBeUndefined();
    expect(r('samsample liked a message')).toBeUndefined();
  });

  it('recognises unsend and attachment placeholders', () => {
    expect(r('Sam Sample unsent a message')).toEqual({ type: 'unsent' });
    expect(r('User unsent a message')).toEqual({ type: 'unsent' });
    expect(r('Sam Sample sent an attachment.')).toEqual({ type: 'attachment' });
    expect(r('You sent a GIF from GIPHY.')).toEqual({ type: 'attachment' });
  });
});

describe('a call’s status, from the owner’s side', () => {
  it('is missed only when someone else placed it and nobody answered', () => {
    expect(callStatus('other', true, 0)).toBe('missed');
    expect(callStatus('other', false, 0)).toBe('missed');
    expect(callStatus('other', false, 30)).toBe('answered');
    // The owner's own call, answered or not.
    expect(callStatus('owner', true, 0)).toBe('outgoing');
    expect(callStatus('owner', false, 30)).toBe('outgoing');
  });

  it('stays unknown when marked missed but the caller is not known: it may be the owner’s own call', () => {
    // A group thread: Meta does not say which participant is the exporting account (callerOf gives nothing).
    const by = callerOf(undefined, 'Zoë Example', undefined);
    expect(by).toBeUndefined();
    expect(callStatus(by, true, 0)).toBe('unknown');
    expect(callStatus(by, true, undefined)).toBe('unknown');
    expect(callStatus(by, false, 0)).toBe('unknown');
    // In a thread of two, someone answered: that holds whoever called.
    expect(callStatus(by, false, 254)).toBe('answered');
  });

  it('is not answered for a group call someone else placed: it lasted, but that does not show the owner joined', () => {
    const group = true;
    expect(callStatus('other', false, 254, undefined, group)).toBe('unknown');
    // The caller not shown (a group does not say which member is the account): the same.
    expect(callStatus(undefined, false, 254, undefined, group)).toBe('unknown');
    // The owner's own call stays outgoing; a call the words say the owner missed stays missed.
    expect(callStatus('owner', false, 254, undefined, group)).toBe('outgoing');
    expect(callStatus('other', true, 0, 'owner', group)).toBe('missed');
    // One-to-one, as before: the only other person's call lasted, so the owner answered it.
    expect(callStatus('other', false, 254, undefined, false)).toBe('answered');
  });

  it('stays unknown when the words say another person missed it and do not say whose call it was', () => {
    // "Sam Sample missed a video chat." filed under Sam in a one-to-one thread: the owner did not miss it.
    expect(callStatus(callerOf(undefined, 'Sam Sample', 'Zoë Example'), true, 0, 'other')).toBe('unknown');
    // Filed under the owner: her own call that Sam did not answer.
    expect(callStatus(callerOf(undefined, 'Zoë Example', 'Zoë Example'), true, 0, 'other')).toBe('outgoing');
    // "You missed a call from Sam Sample.": the owner missed Sam's call, group or not.
    expect(callStatus(callerOf('other', 'Sam Sample', undefined), true, 0, 'owner')).toBe('missed');
  });
});

describe('who the thread shows', () => {
  it('finds the owner of a one-to-one thread from its title, never of a group', () => {
    expect(threadOwner(['Sam Sample', 'Zoë Example'], 'Sam Sample')).toBe('Zoë Example');
    expect(threadOwner(['Sam Sample', 'Zoë Example', 'Jo Example'], 'Sam Sample')).toBeUndefined();
    expect(threadOwner(['Sam Sample', 'Zoë Example'], 'Book club')).toBeUndefined();
    expect(threadOwner(['Sam Sample', 'Sam Sample'], 'Sam Sample')).toBeUndefined();
  });

  it('links a listed username to the one sender not listed, only in a thread of two', () => {
    // The thread is titled after the other person, by the name they sign with.
    const two = senderAliases(
      ['samsample', 'Zoë Example'],
      new Set(['Sam Sample', 'Zoë Example']),
      'Sam Sample',
      false,
    );
    expect([...two]).toEqual([['Sam Sample', ['Sam Sample', 'samsample']]]);
    // A group: the silent member and the sender who left are two people.
    expect(
      senderAliases(
        ['quietone', 'Zoë Example', 'Jo Example'],
        new Set(['Sam Sample', 'Zoë Example', 'Jo Example']),
        'Sam Sample',
        false,
      ).size,
    ).toBe(0);
    expect(
      senderAliases(
        ['Sam Sample', 'Zoë Example'],
        new Set(['Sam Sample', 'Zoë Example']),
        'Sam Sample',
        false,
      ).size,
    ).toBe(0);
  });

  it('links the username an Instagram thread of two is titled by to the one sender not listed', () => {
    const listed = ['samsample', 'Zoë Example'];
    const senders = new Set(['Sam Sample', 'Zoë Example']);
    expect([...senderAliases(listed, senders, 'samsample', false)]).toEqual([
      ['Sam Sample', ['Sam Sample', 'samsample']],
    ]);
    // The owner need not have written: the title names Sam, so the owner is the other participant.
    expect([...senderAliases(listed, new Set(['Sam Sample']), 'samsample', false)]).toEqual([
      ['Sam Sample', ['Sam Sample', 'samsample']],
    ]);
    // Listed by display name, signed by username: the same link the other way round.
    expect([
      ...senderAliases(
        ['Sam Sample', 'Zoë Example'],
        new Set(['samsample', 'Zoë Example']),
        'Sam Sample',
        false,
      ),
    ]).toEqual([['samsample', ['samsample', 'Sam Sample']]]);
  });

  it('links nothing the thread does not tie', () => {
    const listed = ['samsample', 'Zoë Example'];
    // Titled after the sender, but neither participant wrote: which one is the owner is not shown.
    expect(senderAliases(listed, new Set(['Sam Sample']), 'Sam Sample', false).size).toBe(0);
    // The titled participant writes under the listed name: the unlisted sender is someone else.
    expect(senderAliases(listed, new Set(['samsample', 'Sam Sample']), 'samsample', false).size).toBe(0);
    // Two senders not listed: neither can be told to be samsample.
    expect(
      senderAliases(listed, new Set(['Sam Sample', 'Jo Example', 'Zoë Example']), 'samsample', false).size,
    ).toBe(0);
    // No title, a title naming nobody in the thread, a thread that says it is a group.
    const senders = new Set(['Sam Sample', 'Zoë Example']);
    expect(senderAliases(listed, senders, undefined, false).size).toBe(0);
    expect(senderAliases(listed, senders, 'Sam', false).size).toBe(0);
    expect(senderAliases(listed, senders, 'samsample', true).size).toBe(0);
  });

  it('never links a member who left a group to a member who never wrote', () => {
    // "Flat 4": Sam wrote, then left (so `participants` no longer lists him); Jo is still in it and never wrote.
    // Two listed, one silent, one unlisted sender: the shape of an Instagram thread of two, yet two people.
    const listed = ['Jo Example', 'Zoë Example'];
    const senders = new Set(['Sam Sample', 'Zoë Example']);
    expect(senderAliases(listed, senders, 'Flat 4', true).size).toBe(0);
    // Instagram writes no thread_type: the title, which names the group and not Sam, still refuses the link.
    expect(senderAliases(listed, senders, 'Flat 4', false).size).toBe(0);
    // A title naming the silent member reads as a thread of two titled after them (Instagram titles by username
    // too), but "Sam Sample" and "Jo Example" are not one person's two names: nothing linked, and the thread
    // stays a possible group (a call of Sam's that lasted is unknown, with a warning, not answered).
    expect(senderAliases(listed, senders, 'Jo Example', false).size).toBe(0);
    expect(senderAliases(['jo.example', 'Zoë Example'], senders, 'jo.example', false).size).toBe(0);
    expect(isGroupThread(listed, senders, new Map(), false)).toBe(true);
    // The same shape with a username and a display name of one person is linked, however the username is written.
    for (const username of ['samsample', 'sam.sample_99', 'SAM_SAMPLE'])
      expect([...senderAliases([username, 'Zoë Example'], senders, username, false)]).toEqual([
        ['Sam Sample', ['Sam Sample', username]],
      ]);
    // A thread that says it is a group is one, whatever its title.
    expect(senderAliases(listed, senders, 'Sam Sample', true).size).toBe(0);
  });
});

describe('whether a thread is or may be a group', () => {
  const none = new Map<string, readonly string[]>();

  it('is a group when thread_type says so, whoever is in it', () => {
    expect(isGroupType('RegularGroup')).toBe(true);
    expect(isGroupType('Regular')).toBe(false);
    expect(isGroupType(undefined)).toBe(false);
    expect(isGroupThread(['Sam Sample', 'Zoë Example'], new Set(['Sam Sample']), none, true)).toBe(true);
  });

  it('is not one with two names, listed or writing', () => {
    expect(
      isGroupThread(['Sam Sample', 'Zoë Example'], new Set(['Sam Sample', 'Zoë Example']), none, false),
    ).toBe(false);
    // Nobody wrote, or only one of them.
    expect(isGroupThread(['Sam Sample', 'Zoë Example'], new Set(), none, false)).toBe(false);
    expect(isGroupThread(['Sam Sample', 'Zoë Example'], new Set(['Zoë Example']), none, false)).toBe(false);
  });

  it('may be one when more than two names appear: listed, or writing without being listed', () => {
    const three = ['Sam Sample', 'Zoë Example', 'Jo Example'];
    expect(isGroupThread(three, new Set(['Zoë Example']), none, false)).toBe(true);
    // "Flat 4" after Sam left: Jo and Zoë listed, Sam wrote.
    expect(
      isGroupThread(['Jo Example', 'Zoë Example'], new Set(['Sam Sample', 'Zoë Example']), none, false),
    ).toBe(true);
  });

  it('counts a sender linked to a participant once (the Instagram repro: titled by username)', () => {
    const listed = ['samsample', 'Zoë Example'];
    const senders = new Set(['Sam Sample', 'Zoë Example']);
    const linked = senderAliases(listed, senders, 'samsample', false);
    expect(isGroupThread(listed, senders, linked, false)).toBe(false);
    // Titled by display name, as before.
    expect(isGroupThread(listed, senders, senderAliases(listed, senders, 'Sam Sample', false), false)).toBe(
      false,
    );
    // Unlinked, the username and the display name are two of three names.
    expect(isGroupThread(listed, senders, none, false)).toBe(true);
    // A link does not hide a third writer.
    expect(isGroupThread(listed, new Set([...senders, 'Jo Example']), linked, false)).toBe(true);
  });
});

describe('channel from path', () => {
  it('reads the app from the folders of the export', () => {
    expect(channelFromPath('dl/your_instagram_activity/messages/inbox/sam_1/message_1.json')).toEqual({
      channel: 'instagram',
      named: true,
    });
    expect(channelFromPath('instagram-sam-2024-01-01.zip!/messages/inbox/sam_1/message_1.json').channel).toBe(
      'instagram',
    );
    expect(channelFromPath('dl/your_activity_across_facebook/messages/inbox/sam_1/message_1.json')).toEqual({
      channel: 'messenger',
      named: true,
    });
    expect(
      channelFromPath('C:\\evidence\\facebook-sam\\messages\\inbox\\sam_1\\message_1.json').channel,
    ).toBe('messenger');
    expect(channelFromPath('evidence/message_1.json')).toEqual({ channel: 'messenger', named: false });
  });

  it('ignores thread folders, which are named after people', () => {
    expect(channelFromPath('evidence/messages/inbox/instagramqueen_123/message_1.json')).toEqual({
      channel: 'messenger',
      named: false,
    });
  });

  it('ignores the file name, which the end-to-end-encrypted download takes from the thread', async () => {
    expect(channelFromPath('evidence/secure/messages/Instagram Besties_5.json')).toEqual({
      channel: 'messenger',
      named: false,
    });
    expect(channelFromPath('facebook-zoe/secure/messages/Instagram Besties_5.json')).toEqual({
      channel: 'messenger',
      named: true,
    });
    const dir = mkdtempSync(join(tmpdir(), 'chronolog-channel-'));
    try {
      const file = join(dir, 'messenger-secure-storage/messages/Instagram Besties_5.json');
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(
        file,
        JSON.stringify({
          participants: ['Zoë Example', 'Instagram Besties'],
          threadName: 'Instagram Besties_5',
          messages: [{ senderName: 'Instagram Besties', text: 'hi', timestamp: 1717000000000, type: 'text' }],
        }),
      );
      const run = await runSource(messengerE2eeJson, file);
      expect(run.events.map((e) => e.channel)).toEqual(['messenger']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('thread JSON scanner', () => {
  function scan(text: string) {
    const fields: [string, unknown][] = [];
    const messages: unknown[] = [];
    const tooDeep: ({ index: number } | { key: string })[] = [];
    const tooMany: ({ index: number } | { key: string })[] = [];
    const s = new ThreadJsonScanner({
      field: (k, v) => void fields.push([k, v]),
      message: (_i, v) => void messages.push(v),
      tooDeep: (where) => void tooDeep.push(where),
      tooMany: (where) => void tooMany.push(where),
    });
    s.push(text);
    s.end();
    return { fields, messages, tooDeep, tooMany };
  }

  it('passes over values nested deeper than 512 levels, in messages and at the top level, and scans on', () => {
    const deep = (n: number) => `${'['.repeat(n)}"]}"${']'.repeat(n)}`;
    const out = scan(`{"a": ${deep(513)}, "messages": [1, ${deep(100_000)}, ${deep(512)}, 2], "b": 3}`);
    expect(out.tooDeep).toEqual([{ key: 'a' }, { index: 1 }]);
    expect(out.messages).toEqual([1, JSON.parse(deep(512)), 2]);
    expect(out.fields).toEqual([['b', 3]]);
  });

  it('passes over a message or top-level value of more than a million values, in whatever pieces it comes', () => {
    const many = `[${Array(1_000_000).fill('0').join(',')}]`;
    const text = `{"a": ${many}, "messages": [1, ${many}, 2], "b": 3}`;
    for (const size of [text.length, 65_536, 1_000_001]) {
      const s = new ThreadJsonScanner({
        field: (k, v) => void fields.push([k, v]),
        message: (_i, v) => void messages.push(v),
        tooDeep: () => expect.unreachable(),
        tooMany: (where) => void tooMany.push(where),
      });
      const fields: [string, unknown][] = [];
      const messages: unknown[] = [];
      const tooMany: ({ index: number } | { key: string })[] = [];
      for (let i = 0; i < text.length; i += size) s.push(text.slice(i, i + size));
      s.end();
      expect(tooMany).toEqual([{ key: 'a' }, { index: 1 }]);
      expect(messages).toEqual([1, 2]);
      expect(fields).toEqual([['b', 3]]);
    }
  });

  it('hands on top-level values and each message, with strings holding brackets and escapes', () => {
    const out = scan(
      ' {"title": "a ] } \\" b", "messages": [ {"x": "[{"}, 2, "s", null , [1]], "n": -1.5e3, "t": true } ',
    );
    expect(out.fields).toEqual([
      ['title', 'a ] } " b'],
      ['n', -1500],
      ['t', true],
    ]);
    expect(out.messages).toEqual([{ x: '[{' }, 2, 's', null, [1]]);
  });

  it('fails with a position on broken structure', () => {
    const fail = (t: string) => {
      try {
        scan(t);
      } catch (err) {
        return err instanceof SourceFailure ? `${err.code} ${err.message}` : String(err);
      }
      return 'no failure';
    };
    expect(fail('{"a" 1}')).toBe(
      'MESSENGER_JSON_INVALID Invalid JSON at line 1, column 6: expected ":" after a property name, found "1".',
    );
    expect(fail('{"messages": [1,\n2 3]}')).toMatch(
      /^MESSENGER_JSON_INVALID Invalid JSON at line 2, column 3: expected "," or "\]" after messages\[1\]/,
    );
    // Between two messages the file ends inside none: the failure names the last one read.
    expect(fail('{"messages": [{"a": 1}')).toBe(
      'MESSENGER_JSON_TRUNCATED The JSON ends early at line 1, column 23, after messages[0].',
    );
    expect(fail('{"messages": [{"a": 1},')).toBe(
      'MESSENGER_JSON_TRUNCATED The JSON ends early at line 1, column 24, after messages[0].',
    );
    expect(fail('{"messages": [')).toBe(
      'MESSENGER_JSON_TRUNCATED The JSON ends early at line 1, column 15, inside the messages array, before its first message.',
    );
    expect(fail('{"messages": [{"a": 1}, {"b"')).toBe(
      'MESSENGER_JSON_TRUNCATED The JSON ends early at line 1, column 29, inside messages[1].',
    );
    expect(fail('')).toBe(
      'MESSENGER_JSON_TRUNCATED The JSON ends early at line 1, column 1, before any JSON.',
    );
    expect(fail('{"a": 1} {')).toMatch(/unexpected content after the end/);
    expect(fail('{"a": @}')).toMatch(/expected a JSON value/);
  });

  it('points a fault between two messages at the array, one inside a message at that message', () => {
    const locator = (t: string) => {
      try {
        scan(t);
      } catch (err) {
        if (err instanceof SourceFailure) return err.locator;
        throw err;
      }
      return 'no failure';
    };
    // Between: messages[1] was never begun, so the locator is the array the file holds.
    expect(locator('{"messages": [{"a": 1}')).toBe('messages');
    expect(locator('{"messages": [{"a": 1},')).toBe('messages');
    expect(locator('{"messages": [')).toBe('messages');
    expect(locator('{"messages": [{"a": 1} {"b": 2}]}')).toBe('messages');
    expect(locator('{"messages": [{"a": 1}, @]}')).toBe('messages');
    // Inside: the message begun, the one a reader rejects.
    expect(locator('{"messages": [{"a": 1}, {"b"')).toBe('messages[1]');
    expect(locator('{"messages": [{"a": 1}, {"b" 2}]}')).toBe('messages[1]');
    // Outside the array: the line.
    expect(locator('{"messages": [{"a": 1}],\n"title"')).toBe(2);
  });
});

describe('the three Meta exports read the same calls alike', () => {
  const GROUP = 'fixtures/messenger-group-calls';
  // One group's calls in each format: the owner's unanswered call (filed under her, not shown as the owner),
  // Sam's call the owner missed, and "Jo Example missed a video chat.".
  const files = [
    [messengerJson, `${GROUP}/your_facebook_activity/messages/inbox/flatfour_5550003333/message_1.json`],
    [messengerE2eeJson, `${GROUP}/Flat 4_3.json`],
    [messengerHtml, `${GROUP}/your_facebook_activity/messages/inbox/flatfour_5550004444/message_1.html`],
  ] as const;

  it('with the same status, caller warning and missed mark, whichever export they come from', async () => {
    const seen = [];
    for (const [source, file] of files) {
      const run = await runSource(source, file);
      const calls = run.events
        .filter((e) => e.kind === 'call' && e.sender?.name !== undefined)
        .map((e) => [e.sender!.name, e.call!.status, e.details?.['calleeMissed']]);
      const warned = run.warnings.filter((w) => w.code === 'MESSENGER_CALLER_UNKNOWN').length;
      seen.push({ calls: calls.slice(0, 3), warned });
    }
    const expected = {
      calls: [
        ['Zoë Example', 'unknown', 'true'],
        ['Sam Sample', 'missed', undefined],
        ['Jo Example', 'unknown', 'true'],
      ],
      warned: 1,
    };
    expect(seen).toEqual([expected, expected, expected]);
  });
});

describe('the owner of a group thread, from what they did in it', () => {
  const GROUP = 'fixtures/messenger-group-owner';
  const files = [
    [messengerJson, `${GROUP}/your_facebook_activity/messages/inbox/bookclub_5550006666/message_1.json`],
    [messengerE2eeJson, `${GROUP}/Book club_8.json`],
    [messengerHtml, `${GROUP}/your_facebook_activity/messages/inbox/bookclub_5550007777/message_1.html`],
  ] as const;

  it('is, in the E2EE export, the sender of the "You named the group …" placeholders, so her unanswered call is outgoing and Sam’s missed', async () => {
    const run = await runSource(messengerE2eeJson, files[1][1]);
    const calls = run.events
      .filter((e) => e.kind === 'call')
      .map((e) => [e.sender?.name, e.call?.status, e.details?.['calleeMissed']]);
    expect(calls).toHaveLength(2);
    expect(calls).toEqual(
      expect.arrayContaining([
        ['Zoë Example', 'outgoing', 'true'],
        ['Sam Sample', 'missed', undefined],
      ]),
    );
    expect(run.warnings.map((w) => w.code)).not.toContain('MESSENGER_CALLER_UNKNOWN');
  });

  it('is not learnt from sentences in the classic JSON and HTML, where typed words look the same: the calls stay unknown, with the warning', async () => {
    for (const [source, file] of [files[0], files[2]]) {
      const run = await runSource(source, file);
      const calls = run.events.filter((e) => e.kind === 'call').map((e) => [e.sender?.name, e.call?.status]);
      expect(calls, file).toEqual(
        expect.arrayContaining([
          ['Zoë Example', 'unknown'],
          ['Sam Sample', 'unknown'],
        ]),
      );
      expect(
        run.warnings.map((w) => w.code),
        file,
      ).toContain('MESSENGER_CALLER_UNKNOWN');
    }
  });

  it('keeps the sentences as notices in every export, and "You can\'t keep me out" as Sam’s message', async () => {
    for (const [source, file] of files) {
      const run = await runSource(source, file);
      expect(run.skipped.map((s) => s.reason).sort(), file).toEqual(['membership-notice', 'settings-notice']);
      expect(
        run.events.filter((e) => e.text?.startsWith('You can')).map((e) => e.kind),
        file,
      ).toEqual(['message']);
    }
  });

  /** Runs the classic JSON fixture changed by `edit` from a scratch copy placed like an export. */
  async function scratchRun(edit: (doc: { messages: unknown[] }) => void) {
    const doc = JSON.parse(readFileSync(files[0][1], 'utf8'));
    edit(doc);
    const dir = mkdtempSync(join(tmpdir(), 'chronolog-owner-'));
    try {
      const scratch = join(dir, 'your_facebook_activity/messages/inbox/bookclub_1/message_1.json');
      mkdirSync(dirname(scratch), { recursive: true });
      writeFileSync(scratch, JSON.stringify(doc));
      return await runSource(messengerJson, scratch);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('stays unknown when such sentences are filed under two names', async () => {
    // Sam types words of the same shape: whose account this is can no longer be told.
    const run = await scratchRun((doc) =>
      doc.messages.unshift({
        sender_name: 'Sam Sample',
        timestamp_ms: 1715000600000,
        content: 'You left the group.',
      }),
    );
    expect(run.events.filter((e) => e.kind === 'call').map((e) => e.call?.status)).toEqual([
      'unknown',
      'unknown',
    ]);
    expect(run.warnings.map((w) => w.code)).toContain('MESSENGER_CALLER_UNKNOWN');
  });

  it('never makes a member the owner for typing such a sentence (classic JSON)', async () => {
    // The group's own sentences gone, Sam types one: his calls must not become the owner's own.
    const run = await scratchRun((doc) => {
      doc.messages = (doc.messages as { content?: string }[]).filter((m) => !m.content?.startsWith('You '));
      doc.messages.unshift({
        sender_name: 'Sam Sample',
        timestamp_ms: 1715000600000,
        content: 'You left the group.',
      });
    });
    const calls = run.events.filter((e) => e.kind === 'call');
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.map((e) => e.call?.status)).not.toContain('outgoing');
    expect(run.warnings.map((w) => w.code)).toContain('MESSENGER_CALLER_UNKNOWN');
  });

  it('is learnt only from the account’s own acts, never from "You missed a call from Sam" or typed words', () => {
    const names = new Set(['Sam Sample', 'Jo Example', 'Zoë Example', 'Book club']);
    expect(
      ownerFromSentences(
        [
          { sender: 'Sam Sample', text: 'You missed a call from Sam Sample.' },
          { sender: 'Jo Example', text: 'You called me a liar.' },
          { sender: 'Zoë Example', text: 'You added Jo Example to the group.' },
          { sender: 'Zoë Example', text: 'You called Sam Sample.' },
        ],
        names,
      ),
    ).toBe('Zoë Example');
    expect(
      ownerFromSentences([{ sender: 'Sam Sample', text: 'You missed a call from Sam Sample.' }], names),
    ).toBe(undefined);
    expect(ownerFromSentences([], names)).toBe(undefined);
    // What someone else did to the account, possibly filed under them.
    expect(ownerFromSentences([{ sender: 'Jo Example', text: 'You are now an admin.' }], names)).toBe(
      undefined,
    );
  });
});

describe('reactions as an HTML page lists them', () => {
  it('split one whole emoji from the name, however many code points it has', () => {
    expect(
      htmlReactionList([
        '😢Zoë Example',
        '❤️\u200d🔥 Sam Sample',
        '👍🏽Jo Example',
        '🇫🇷Amélie Exemple',
        '❤1975 Club',
      ]),
    ).toBe(
      '😢 by Zoë Example, ❤️\u200d🔥 by Sam Sample, 👍🏽 by Jo Example, 🇫🇷 by Amélie Exemple, ❤ by 1975 Club',
    );
  });

  it('keep an item as the page shows it when it is not one emoji and a name', () => {
    expect(htmlReactionList(['Zoë Example', '😢'])).toBe('Zoë Example, 😢');
    expect(htmlReactionList([])).toBeUndefined();
  });
});
