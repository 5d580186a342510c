/**
 * A Telegram one-to-one chat (or a Discord DM) whose other person never writes: no event names them, only the chat's `name` (which
 * becomes the conversation label, pseudonymised as a label, not as a name), yet a text may ("Priya Nandakumar
 * told me"). `anonymise` must redact them as it does the senders (telegram-json → SourceContext.people →
 * Ingested.people), in a full-account export (`chats.list`) and in a single-chat one, and leave a group's name
 * ("Greenfield Netball") alone: it names no one, and a text using it must keep it. A DiscordChatExporter DM is
 * named after its recipient alike (discord-json → SourceContext.people), and so is someone who only reacts in a
 * Signal conversation (signal-chat and signal-json read the reactions' names).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { timelineOf } from '../helpers/timeline.js';
import { anonymisedFolderTexts, KEY_A, keyFile, scratch } from './env.js';

const tmp = scratch();
const key = keyFile(tmp, KEY_A);

const FULL = 'fixtures/telegram-json/silent-contact-full.json';
const SINGLE = 'fixtures/telegram-json/silent-contact-single.json';
const DISCORD = 'fixtures/discord-json/dm-silent-recipient.json';
const SIGNAL_MD = 'fixtures/signal-chat/silent-reactor/chat.md';
const SIGNAL_JSON = 'fixtures/signal-json/silent-reactor/data.json';

const NAME = /\[NAME:p[0-9a-f]{4}\]/.source;
const name = (rest: string) => new RegExp(`^${rest.replaceAll('NAME', NAME)}$`);

/** The anonymised texts of `fixture` (one file) read with a case naming Alex (victim) and Riley (subject). */
async function anonymisedTexts(
  label: string,
  fixture: string,
  victimId = 'user4400000010',
): Promise<string[]> {
  const dir = path.join(tmp, 'in', label);
  mkdirSync(dir, { recursive: true });
  copyFileSync(fixture, path.join(dir, path.basename(fixture)));
  const kase = {
    title: 'Silent one-to-one contact',
    timezone: 'UTC',
    victim: { name: 'Alex Morgan', identifiers: [victimId] },
    subject: { name: 'Riley Sample', identifiers: ['user4400000011'] },
  };
  return anonymisedFolderTexts(dir, kase, path.join(tmp, 'out', label), key);
}

describe('anonymise: the other person of a Telegram one-to-one chat who never writes', () => {
  it('redacts them in a full-account export, in full and by first name, and keeps a group name', async () => {
    const texts = await anonymisedTexts('full', FULL);
    const all = texts.join('\n');
    for (const leaked of ['Priya', 'Nandakumar', 'Riley', 'Sample', 'Alex', 'Morgan', 'Jo', 'Okafor'])
      expect(all).not.toMatch(new RegExp(`(?<!\\p{L})${leaked}(?!\\p{L})`, 'u'));
    // In time order: the bot at 16:00, the group at 17:00, then the two one-to-one chats.
    expect(texts).toEqual([
      'Your delivery is on its way',
      // A group's name is no one's: the text keeps it.
      'Greenfield Netball training is on Thursday at 7',
      'Thanks, I will be there',
      expect.stringMatching(name('NAME told me where you work now')),
      expect.stringMatching(name("Ask NAME if you don't believe me")),
      'Leave me alone.',
      expect.stringMatching(name('NAME, did you tell NAME where I work\\?')),
    ]);
    // The silent contact has one pseudonym, in full and by first name, and it is not the subject's.
    const told = texts.find((t) => t.endsWith(' told me where you work now'))!;
    const ask = texts.find((t) => t.startsWith('Ask '))!;
    const asked = texts.find((t) => t.endsWith(' where I work?'))!.match(new RegExp(NAME, 'g'))!;
    const priya = told.match(new RegExp(NAME))![0];
    expect(ask.match(new RegExp(NAME))![0]).toBe(priya);
    expect(asked[0]).toBe(priya);
    expect(asked[1]).not.toBe(priya);
  });

  it('redacts them in a single-chat export where only the victim writes', async () => {
    const texts = await anonymisedTexts('single', SINGLE);
    expect(texts).toEqual([
      expect.stringMatching(name('NAME, did you tell NAME where I work\\?')),
      expect.stringMatching(name('NAME please call me back')),
    ]);
  });

  it("takes only the one-to-one chats' names, once each, beside the events", async () => {
    const { t, events } = await timelineOf([FULL]);
    // Not "Greenfield Netball" (a group) nor "Parcel Tracker" (a bot).
    expect([...t.people]).toEqual(['Riley Sample', 'Priya Nandakumar']);
    expect(events).toHaveLength(8);
    expect([...(await timelineOf([SINGLE])).t.people]).toEqual(['Priya Nandakumar']);
  });
});

describe('anonymise: the recipient of a Discord DM who never writes', () => {
  it('redacts the DM channel name wherever a text names them, in full and by first name', async () => {
    const texts = await anonymisedTexts('discord', DISCORD, '900000000000000200');
    expect(texts).toEqual([
      expect.stringMatching(name('NAME, did you give NAME my new address\\?')),
      expect.stringMatching(name('NAME please answer me')),
    ]);
    const jordan = texts.map((t) => t.match(new RegExp(NAME))![0]);
    expect(jordan[1]).toBe(jordan[0]);
    expect([...(await timelineOf([DISCORD])).t.people]).toEqual(['Jordan Reyes']);
  });
});

describe('anonymise: someone who only reacts in a Signal conversation', () => {
  // Priya Nandakumar and "Okafor, Joanne" never write; only their reactions name them. Every reactor but the
  // exporter ("Me") is told, the subject too (a sender already, so nothing changes for them).
  for (const [label, fixture] of [
    ['chat.md', SIGNAL_MD],
    ['data.json', SIGNAL_JSON],
  ] as const) {
    it(`redacts them from ${label}, by either of their names, and keeps the reactions out of the texts`, async () => {
      const texts = await anonymisedTexts(`signal-${label}`, fixture, 'Me');
      expect(texts).toEqual([
        expect.stringMatching(name('Did NAME tell you I was outside your work today\\?')),
        'Please stop contacting me.',
        expect.stringMatching(name('Ask NAME, she saw me')),
        expect.stringMatching(name("NAME won't help you either")),
      ]);
      const priya = texts.map((t) => t.match(new RegExp(NAME))?.[0]);
      expect(priya[2]).toBe(priya[0]);
      expect(priya[3]).not.toBe(priya[0]);
      expect([...(await timelineOf([fixture])).t.people]).toEqual([
        'Priya Nandakumar',
        'Okafor, Joanne',
        'Riley Sample',
      ]);
    });
  }
});
