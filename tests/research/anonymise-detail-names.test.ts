/**
 * Names that chronolog holds only in an event's details and that a text can repeat: a Discord display nickname
 * (`sam.sample` shown as "Sam"), a Discord mention's name, and the person behind a Messenger reaction
 * ("😢 by Zoë Example"). `anonymise` drops the details, but the names must still be redacted in the texts, as the
 * e-mail Cc names and diary witnesses are (names.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { anonymisedFolderTexts, KEY_A, keyFile, scratch } from './env.js';

const tmp = scratch();
const key = keyFile(tmp, KEY_A);

function author(id: string, name: string, nickname: string) {
  return { id, name, discriminator: '0000', nickname, color: null, isBot: false, roles: [], avatarUrl: null };
}

function discordMessage(id: string, at: string, content: string, from: object, mentions: object[] = []) {
  return {
    id,
    type: 'Default',
    timestamp: at,
    timestampEdited: null,
    callEndedTimestamp: null,
    isPinned: false,
    content,
    author: from,
    attachments: [],
    embeds: [],
    stickers: [],
    reactions: [],
    mentions,
  };
}

/** A DiscordChatExporter DM: sam.sample (shown as "Sam Sample") writes to alex_example, mentioning "Jo Kim". */
function discordDm(): string {
  const sam = author('900000000000000101', 'sam.sample', 'Sam Sample');
  const alex = author('900000000000000202', 'alex_example', 'Alex');
  const jo = author('900000000000000303', 'jo.k', 'Jo Kim');
  return JSON.stringify({
    guild: { id: '0', name: 'Direct Messages', iconUrl: null },
    channel: {
      id: '1200000000000000001',
      type: 'DirectTextChat',
      categoryId: '0',
      category: 'Private',
      name: 'Sam Sample',
      topic: null,
    },
    dateRange: { after: null, before: null },
    exportedAt: '2024-03-02T10:00:00.123+00:00',
    messages: [
      discordMessage(
        '1213185032064204801',
        '2024-03-01T18:04:11.532+00:00',
        'It is Sam again, answer me',
        sam,
      ),
      discordMessage('1213185243746533378', '2024-03-01T18:05:02.001+00:00', 'Alex is not here. Stop.', alex),
      discordMessage(
        '1213185655832707075',
        '2024-03-01T18:06:40.250+00:00',
        '@jo.k Jo Kim told me where Alex works',
        sam,
        [jo],
      ),
    ],
  });
}

/** A Messenger JSON chat where Zoë Example only reacts, and is named in a text. */
function messengerChat(): string {
  return JSON.stringify({
    participants: [{ name: 'Renée Sample' }, { name: 'Alex Morgan' }],
    messages: [
      {
        sender_name: 'Renée Sample',
        timestamp_ms: 1700000060000,
        content: 'Zoë told me everything',
        type: 'Generic',
      },
      {
        sender_name: 'Renée Sample',
        timestamp_ms: 1700000000000,
        content: 'Why are you ignoring me',
        type: 'Generic',
        reactions: [{ reaction: '😢', actor: 'Zoë Example' }],
      },
    ],
    title: 'Renée Sample',
    is_still_participant: true,
    thread_path: 'inbox/reneesample_1234567890',
    magic_words: [],
  });
}

async function anonymisedTexts(name: string, file: string, body: string, subject: string): Promise<string[]> {
  const dir = path.join(tmp, 'in', name);
  mkdirSync(dir, { recursive: true });
  const kase = {
    title: 'Detail names',
    timezone: 'UTC',
    victim: { name: 'Alex Morgan', identifiers: ['Alex Morgan'] },
    subject: { name: subject, identifiers: [subject] },
  };
  writeFileSync(path.join(dir, file), body);
  return anonymisedFolderTexts(dir, kase, path.join(tmp, 'out', name), key);
}

describe('anonymise: names held only in details', () => {
  it("redacts a Discord sender's nickname and a mentioned user's name in texts", async () => {
    const texts = await anonymisedTexts(
      'discord',
      'Direct Messages - Sam Sample.json',
      discordDm(),
      'sam.sample',
    );
    expect(texts).toHaveLength(3);
    const all = texts.join('\n');
    for (const leaked of ['Sam', 'Alex', 'Jo Kim', 'Kim'])
      expect(all).not.toMatch(new RegExp(`\\b${leaked}\\b`));
    expect(texts[0]).toMatch(/^It is \[NAME:p[0-9a-f]{4}\] again, answer me$/);
    expect(texts[1]).toMatch(/^\[NAME:p[0-9a-f]{4}\] is not here\. Stop\.$/);
    expect(texts[2]).toMatch(/^\[HANDLE\] \[NAME:p[0-9a-f]{4}\] told me where \[NAME:p[0-9a-f]{4}\] works$/);
  });

  it('redacts the person who ran a bot command, known only from the bot message it answers', async () => {
    // DiscordChatExporter gives the command's user only in the bot message's `interaction`; chronolog keeps it in
    // details.commandBy, which anonymise drops, but a text can name that person.
    const sam = author('900000000000000101', 'sam.sample', 'Sam Sample');
    const bot = { ...author('900000000000000909', 'Whisperbot', 'Whisperbot'), isBot: true };
    const riley = author('900000000000000404', 'riley.hart', 'Riley');
    const dm = JSON.parse(discordDm());
    dm.messages = [
      {
        ...discordMessage('1213185032064204901', '2024-03-01T18:04:11.532+00:00', 'Reminder set', bot),
        type: '20',
        interaction: { id: '1213185032064204900', name: 'remind', user: riley },
      },
      discordMessage(
        '1213185243746533379',
        '2024-03-01T18:05:02.001+00:00',
        'riley.hart set that up for me',
        sam,
      ),
    ];
    const texts = await anonymisedTexts(
      'discord-command',
      'Direct Messages - Sam Sample.json',
      JSON.stringify(dm),
      'sam.sample',
    );
    expect(texts).toHaveLength(2);
    expect(texts.join('\n')).not.toContain('riley');
    expect(texts[1]).toMatch(/^\[NAME:p[0-9a-f]{4}\] set that up for me$/);
  });

  it('redacts the person behind a Messenger reaction in texts', async () => {
    const texts = await anonymisedTexts('messenger', 'message_1.json', messengerChat(), 'Renée Sample');
    expect(texts).toEqual([
      'Why are you ignoring me',
      expect.stringMatching(/^\[NAME:p[0-9a-f]{4}\] told me everything$/),
    ]);
  });
});
