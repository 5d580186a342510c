import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileInput } from '../../src/cli/inputs.js';
import type { ParsedEvent, ResolvedCase } from '../../src/model/index.js';
import { readTimeline } from '../../src/pipeline/index.js';
import { detect, makeProbe } from '../../src/sources/detect.js';
import type { SourceContext, SourceInput } from '../../src/sources/index.js';
import { twitterArchive } from '../../src/sources/twitter-archive/index.js';
import { inPieces, runSource, type SourceRun } from '../helpers/run-source.js';
import { makeZip } from '../helpers/zip-writer.js';

const FIXTURES = 'fixtures/twitter-archive';
const OWNER = '9100000001';
const SUBJECT = '9100000002';
const tmp = mkdtempSync(join(tmpdir(), 'chronolog-twitter-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function scratch(text: string): Promise<SourceRun> {
  const file = join(tmp, `${Math.random().toString(36).slice(2)}.js`);
  writeFileSync(file, text);
  return runSource(twitterArchive, file);
}

/** A DM file around the given messageCreate bodies (a variation for one assertion, not a fixture). */
const dmFile = (messages: unknown[], prefix = 'window.YTD.direct_messages.part0 = ') =>
  `${prefix}${JSON.stringify([{ dmConversation: { conversationId: `${OWNER}-${SUBJECT}`, messages } }])}`;

/** The same file handed over in pieces of `size` bytes. */
const chunked = (file: string, size: number): SourceInput =>
  inPieces(readFileSync(file), size, file, 'direct-messages.js');

async function events(input: SourceInput): Promise<ParsedEvent[]> {
  const out: ParsedEvent[] = [];
  const ctx: SourceContext = {
    options: { timezone: 'Europe/London' },
    emit: (e) => void out.push(e),
    skip: () => {},
    reject: () => {},
    warn: () => {},
    progress: () => {},
  };
  await twitterArchive.parse(input, ctx);
  return out;
}

const FILES = [
  'direct-messages.js',
  'direct-messages-group.js',
  'direct-message-part1-2020.js',
  'direct-messages-damaged.js',
  'direct-messages-truncated.js',
  'direct-messages-reactions-welcome-2021.js',
];

describe('twitter-archive fixtures match their goldens', () => {
  for (const name of FILES) {
    it(name, async () => {
      const file = join(FIXTURES, name);
      const run = await runSource(twitterArchive, file);
      const golden = file.replace(/\.js$/, '.expected.json');
      if (process.env['UPDATE_GOLDEN']) writeFileSync(golden, `${JSON.stringify(run, null, 2)}\n`);
      expect(JSON.parse(JSON.stringify(run))).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
    });
  }
});

describe('one-to-one DMs', () => {
  it('reads each messageCreate as an instant to the millisecond from a numeric sender, direction unknown', async () => {
    const run = await runSource(twitterArchive, join(FIXTURES, 'direct-messages.js'));
    const first = run.events.find(
      (e) => e.time.type === 'instant' && e.time.ms === Date.UTC(2024, 1, 24, 18, 4, 11, 532),
    )!;
    expect(first).toEqual({
      locator: '[0].dmConversation.messages[4]',
      time: { type: 'instant', ms: Date.UTC(2024, 1, 24, 18, 4, 11, 532), precision: 'ms' },
      channel: 'twitter',
      kind: 'message',
      direction: 'unknown',
      sender: { id: SUBJECT, idType: 'account' },
      text: "answer me >:( you can't hide & you know it &lt;3",
      conversation: `${OWNER}-${SUBJECT}`,
      nativeId: first.nativeId,
      details: { recipientId: OWNER },
    });
  });

  it('counts a photo whose text is only its t.co link as media, and keeps typed links with their targets', async () => {
    const run = await runSource(twitterArchive, join(FIXTURES, 'direct-messages.js'));
    const photo = run.events.find((e) => e.locator === '[0].dmConversation.messages[2]')!;
    expect(photo.kind).toBe('media');
    expect(photo.text).toBeUndefined();
    expect(photo.details?.['media']).toMatch(/^https:\/\/ton\.twitter\.com\/dm\//);
    const withText = run.events.find((e) => e.locator === '[0].dmConversation.messages[1]')!;
    expect(withText).toMatchObject({
      kind: 'message',
      text: expect.stringMatching(/^look where I am https:\/\/t\.co\//),
    });
    expect(withText.details?.['links']).toBe('https://maps.example.org/?q=51.5,-0.12');
  });

  it('keeps reactions and edits on their message, and counts a message listed in two parts of a conversation once', async () => {
    const run = await runSource(twitterArchive, join(FIXTURES, 'direct-messages.js'));
    const morning = run.events.find((e) => e.text === 'good morning. did you sleep?')!;
    expect(morning.flags).toEqual(['edited']);
    expect(morning.details?.['reactions']).toBe(`sad by ${OWNER}`);
    expect(run.skipped).toEqual([
      { reason: 'duplicate-message-id', locator: '[2].dmConversation.messages[0]' },
    ]);
    const ids = run.events.map((e) => e.nativeId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(run.events.find((e) => e.locator === '[2].dmConversation.messages[1]')).toMatchObject({
      kind: 'other',
      flags: ['no-content'],
    });
  });

  it('names the account present in every one-to-one conversation as the likely owner', async () => {
    const run = await runSource(twitterArchive, join(FIXTURES, 'direct-messages.js'));
    expect(run.warnings).toEqual([
      {
        code: 'TWITTER_ARCHIVE_OWNER_LIKELY',
        message: `Every one-to-one conversation in this file includes account ${OWNER}, so it is probably the archive owner's.`,
      },
    ]);
    expect(run.accounting).toEqual({ records: 9, events: 8, skipped: 1, rejected: 0 });
  });

  it('reads the file the same however its bytes are split, the prefix included', async () => {
    for (const name of ['direct-messages.js', 'direct-message-part1-2020.js']) {
      const whole = await events(chunked(join(FIXTURES, name), 1 << 20));
      for (const size of [1, 5, 64]) expect(await events(chunked(join(FIXTURES, name), size))).toEqual(whole);
    }
  });
});

describe('group DMs and file variants', () => {
  it('uses the group name as the conversation, and skips group notices and reactions', async () => {
    const run = await runSource(twitterArchive, join(FIXTURES, 'direct-messages-group.js'));
    expect(run.events.map((e) => [e.sender?.id, e.text, e.conversation, e.details])).toEqual([
      [SUBJECT, 'everyone should know what she did', 'the truth about alex', undefined],
      ['9100000004', "who's that", 'the truth about alex', undefined],
    ]);
    expect(run.skipped.map((s) => s.reason)).toEqual([
      'conversation-name-update',
      'participants-join',
      'participants-leave',
      'reaction',
      'join-conversation',
    ]);
    expect(run.rejected).toEqual([]);
  });

  it('skips the reactionCreate entries beside the messages and reads a welcomeMessageCreate as a flagged message', async () => {
    const run = await runSource(twitterArchive, join(FIXTURES, 'direct-messages-reactions-welcome-2021.js'));
    expect(run.rejected).toEqual([]);
    // Every time agrees with its id (no TWITTER_ARCHIVE_TIME_ID_MISMATCH); the owner is in both conversations.
    expect(run.warnings.map((w) => w.code)).toEqual(['TWITTER_ARCHIVE_OWNER_LIKELY']);
    expect(run.skipped).toEqual([
      { reason: 'reaction', locator: '[0].dmConversation.messages[0]' },
      { reason: 'reaction', locator: '[0].dmConversation.messages[2]' },
    ]);
    expect(run.events.map((e) => [e.locator, e.sender?.id, e.kind, e.text, e.flags])).toEqual([
      ['[0].dmConversation.messages[1]', SUBJECT, 'message', 'so you are ignoring me now', undefined],
      ['[0].dmConversation.messages[3]', OWNER, 'message', 'please stop messaging me', undefined],
      ['[1].dmConversation.messages[0]', OWNER, 'message', 'hi, where is my order?', undefined],
      [
        '[1].dmConversation.messages[1]',
        '9100000007',
        'message',
        'Thanks for getting in touch! We reply within 24 hours.',
        ['welcome-message'],
      ],
    ]);
    expect(run.accounting).toEqual({ records: 6, events: 4, skipped: 2, rejected: 0 });
  });

  it('rejects a DM of more than a million values that hold no characters ("mediaUrls": ["",…]) and reads on', async () => {
    // Before: the cap counted only the characters of strings and keys, so such a DM was built whole and read.
    const dm = (id: string, mediaUrls: unknown) => ({
      messageCreate: {
        recipientId: OWNER,
        reactions: [],
        urls: [],
        text: `message ${id}`,
        mediaUrls,
        senderId: SUBJECT,
        id,
        createdAt: '2024-04-02T20:05:00.000Z',
      },
    });
    const text = dmFile([
      dm('1775253115499474951', []),
      dm('1775253115499474952', 'EMPTY'),
      dm('1775253115499474953', []),
    ]).replace('"mediaUrls":"EMPTY"', `"mediaUrls":[${'"",'.repeat(1_000_000)}""]`);
    const run = await scratch(text);
    expect(run.events.map((e) => e.text)).toEqual([
      'message 1775253115499474951',
      'message 1775253115499474953',
    ]);
    expect(run.rejected.map((r) => [r.code, r.message])).toEqual([
      [
        'TWITTER_ARCHIVE_MESSAGE_TOO_LARGE',
        'This entry is made of more than 1,000,000 values; no DM is, so it was not read.',
      ],
    ]);
    expect(run.failure).toBeUndefined();
  });

  it('leaves out the recipient "0" of a group message, and rejects an entry keyed like an Object method', async () => {
    const group = (messages: unknown[]) =>
      `window.YTD.direct_messages_group.part0 = ${JSON.stringify([{ dmConversation: { conversationId: '1775000000000000001', messages } }])}`;
    const run = await scratch(
      group([
        {
          messageCreate: {
            recipientId: '0',
            text: 'you can all read this',
            mediaUrls: [],
            senderId: SUBJECT,
            id: '1775253115499474953',
            createdAt: '2024-04-02T20:05:00.000Z',
          },
        },
        { constructor: { createdAt: '2024-04-02T20:06:00.000Z' } },
        { toString: {} },
      ]),
    );
    expect(run.events.map((e) => [e.text, e.details])).toEqual([['you can all read this', undefined]]);
    expect(run.skipped).toEqual([]);
    expect(run.rejected.map((r) => [r.code, r.locator])).toEqual([
      ['TWITTER_ARCHIVE_UNKNOWN_EVENT', '[0].dmConversation.messages[1]'],
      ['TWITTER_ARCHIVE_UNKNOWN_EVENT', '[0].dmConversation.messages[2]'],
    ]);
  });

  it('reads the older direct_message prefix with a BOM, CRLF, no space before "=" and a trailing semicolon', async () => {
    const run = await runSource(twitterArchive, join(FIXTURES, 'direct-message-part1-2020.js'));
    expect(run.failure).toBeUndefined();
    expect(run.events.map((e) => [e.text, e.time])).toEqual([
      ['still awake? 👀', { type: 'instant', ms: Date.UTC(2020, 10, 3, 23, 59, 59, 999), precision: 'ms' }],
    ]);
  });

  it('falls back to the id time, flags a disagreeing createdAt, and rejects what has no time or is no record', async () => {
    const run = await runSource(twitterArchive, join(FIXTURES, 'direct-messages-damaged.js'));
    expect(run.events.map((e) => [e.locator, e.flags])).toEqual([
      ['[0].dmConversation.messages[0]', ['time-from-id']],
      ['[0].dmConversation.messages[1]', ['time-from-id']],
      ['[0].dmConversation.messages[2]', ['time-id-mismatch']],
    ]);
    expect(run.events[0]!.time).toEqual({
      type: 'instant',
      ms: Date.UTC(2024, 4, 1, 10, 0, 0),
      precision: 'ms',
    });
    expect(run.rejected.map((r) => [r.code, r.locator])).toEqual([
      ['TWITTER_ARCHIVE_BAD_TIME', '[0].dmConversation.messages[3]'],
      ['TWITTER_ARCHIVE_NOT_A_MESSAGE', '[0].dmConversation.messages[4]'],
      ['TWITTER_ARCHIVE_NOT_A_MESSAGE', '[0].dmConversation.messages[5]'],
    ]);
    expect(run.warnings.map((w) => w.code)).toEqual([
      'TWITTER_ARCHIVE_TIME_ID_MISMATCH',
      'TWITTER_ARCHIVE_TIME_FROM_ID',
    ]);
  });

  it('keeps the messages before a cut and says where the file ends', async () => {
    const run = await runSource(twitterArchive, join(FIXTURES, 'direct-messages-truncated.js'));
    expect(run.events.map((e) => e.text)).toEqual(['first', 'second']);
    // The message the file ends in was begun: counted, rejected, never emitted with the text read.
    expect(run.rejected.map((x) => [x.code, x.locator])).toEqual([
      ['TWITTER_ARCHIVE_RECORD_CUT_SHORT', '[0].dmConversation.messages[2]'],
    ]);
    expect(run.failure).toEqual({
      code: 'TWITTER_ARCHIVE_TRUNCATED',
      message: expect.stringMatching(
        /^The file ends in the middle of the JSON \(line \d+, column \d+, inside \[0\]\.dmConversation\.messages\[2\]\)\.$/,
      ),
      locator: '[0].dmConversation.messages[2]',
    });
  });

  it("points a file cut between two messages at their conversation's messages, which the file holds", async () => {
    // The reviewer's case: direct-messages-group.js cut at byte 397, right after `},` and a newline.
    const bytes = readFileSync(join(FIXTURES, 'direct-messages-group.js')).subarray(0, 397);
    const run = await scratch(bytes.toString('utf8'));
    expect(run.failure).toEqual({
      code: 'TWITTER_ARCHIVE_TRUNCATED',
      message:
        'The file ends in the middle of the JSON (line 14, column 1, after [0].dmConversation.messages[0]).',
      locator: '[0].dmConversation.messages',
    });
    expect(run.rejected).toEqual([]);
  });
});

describe('hostile files', () => {
  it('never evaluates the file: code after the prefix is invalid JSON, reported with its position', async () => {
    const g = globalThis as Record<string, unknown>;
    const run = await scratch(
      'window.YTD.direct_messages.part0 = (function(){ globalThis.pwned = 1; return [] })()',
    );
    expect(g['pwned']).toBeUndefined();
    expect(run.failure).toMatchObject({ code: 'TWITTER_ARCHIVE_INVALID', locator: 1 });
    expect(run.failure!.message).toMatch(/^Invalid JSON at line 1, column 36: /);
  });

  it('reports a syntax error at its exact line and column, after the messages before it', async () => {
    const good = {
      messageCreate: {
        id: '1761234567890123456',
        senderId: SUBJECT,
        text: 'ok',
        createdAt: '2024-02-24T18:04:11.532Z',
      },
    };
    const text = dmFile([good, good]).replace(/\}\}\]\}\}\]$/, '}} oops ]}}]');
    const run = await scratch(text);
    expect(run.events).toHaveLength(1);
    expect(run.skipped).toHaveLength(1);
    expect(run.failure?.code).toBe('TWITTER_ARCHIVE_INVALID');
    expect(run.failure?.message).toMatch(
      /^Invalid JSON at line 1, column \d+, after \[0\]\.dmConversation\.messages\[1\]: expected ','/,
    );
    // Between two messages: the locator is the list they are in, not a third message the file never began.
    expect(run.failure?.locator).toBe('[0].dmConversation.messages');
    // Inside a message: that message, rejected at the same locator.
    const whole = dmFile([good, good]);
    const at = whole.lastIndexOf('"text":"ok"') + '"text":"ok"'.length;
    const inside = await scratch(`${whole.slice(0, at)} oops${whole.slice(at)}`);
    expect(inside.failure?.code).toBe('TWITTER_ARCHIVE_INVALID');
    expect(inside.failure?.locator).toBe('[0].dmConversation.messages[1]');
    expect(inside.rejected.map((x) => [x.code, x.locator])).toEqual([
      ['TWITTER_ARCHIVE_RECORD_MALFORMED', '[0].dmConversation.messages[1]'],
    ]);
  });

  it('refuses a file without the prefix, and content that is not a list of conversations', async () => {
    expect((await scratch('[]')).failure?.code).toBe('TWITTER_ARCHIVE_NO_PREFIX');
    expect((await scratch('window.YTD.direct_messages.part0 = {}')).failure?.code).toBe(
      'TWITTER_ARCHIVE_NOT_AN_ARRAY',
    );
    const odd = await scratch('window.YTD.direct_messages.part0 = [ 1, {"somethingElse": {}} ]');
    expect(odd.accounting.records).toBe(0);
    expect(odd.warnings.map((w) => w.code)).toEqual(['TWITTER_ARCHIVE_UNEXPECTED_SHAPE']);
  });
});

describe('detection', () => {
  const probe = (text: string, name = 'x.js') => makeProbe(name, `data/${name}`, Buffer.from(text));

  it('recognises the DM prefixes and nothing else from the archive', () => {
    for (const name of FILES) {
      const file = join(FIXTURES, name);
      expect(twitterArchive.detect(makeProbe(name, file, readFileSync(file)))).toBe(true);
    }
    expect(twitterArchive.detect(probe('  \nwindow.YTD.direct_messages_group.part3 = [ ]'))).toBe(true);
    expect(twitterArchive.detect(probe('window.YTD.direct_message_headers.part0 = [ ]'))).toBe(false);
    expect(twitterArchive.detect(probe('window.YTD.tweets.part0 = [ ]'))).toBe(false);
    expect(twitterArchive.detect(probe('window.YTD.account.part0 = [ ]'))).toBe(false);
    expect(twitterArchive.detect(probe('// window.YTD.direct_messages.part0 = [ ]'))).toBe(false);
  });

  it('is what the registry picks for the DM files', () => {
    for (const name of FILES) {
      const file = join(FIXTURES, name);
      const found = detect(makeProbe(name, file, readFileSync(file).subarray(0, 65536)));
      expect(found.kind === 'source' && found.source.id).toBe('twitter-archive');
    }
  });
});

describe('a zipped archive through the whole pipeline', () => {
  const theCase: ResolvedCase = {
    title: undefined,
    timezone: 'Europe/London',
    timezoneSource: 'option',
    region: 'GB',
    subject: { name: 'Sam', identifiers: [SUBJECT] },
    victim: { name: 'Alex', identifiers: [OWNER] },
    milestones: [],
    window: { from: undefined, to: undefined },
    ceasePhrases: undefined,
    lexicon: undefined,
    caseFile: undefined,
  };

  it('reads data/direct-messages*.js inside the zip, resolves senders by numeric id, and passes over the rest', async () => {
    const archive = join(tmp, 'twitter-2024-06-30-abc123.zip');
    writeFileSync(
      archive,
      makeZip([
        { name: 'Your archive.html', data: '<html><body>Your archive</body></html>' },
        {
          name: 'data/manifest.js',
          data: 'window.__THAR_CONFIG = {"userInfo": {"accountId": "9100000001"}}',
        },
        {
          name: 'data/account.js',
          data: 'window.YTD.account.part0 = [ { "account" : { "accountId" : "9100000001" } } ]',
        },
        { name: 'data/tweets.js', data: 'window.YTD.tweets.part0 = [ ]' },
        { name: 'data/direct-messages.js', data: readFileSync(join(FIXTURES, 'direct-messages.js')) },
        {
          name: 'data/direct-messages-group.js',
          data: readFileSync(join(FIXTURES, 'direct-messages-group.js')),
        },
        {
          name: 'data/direct_messages_media/1761234567890123456-aBcDeFgH.jpg',
          data: Buffer.alloc(64, 1),
          store: true,
        },
      ]),
    );
    const t = await readTimeline({
      inputs: [fileInput(archive, readFileSync(archive).length)],
      case: theCase,
    });
    expect(
      t.inputs.map((i) => [i.path.replace(tmp, ''), i.format, i.records, i.events, i.skipped, i.rejected]),
    ).toEqual([
      ['/twitter-2024-06-30-abc123.zip!/data/direct-messages-group.js', 'twitter-archive', 7, 2, 5, 0],
      ['/twitter-2024-06-30-abc123.zip!/data/direct-messages.js', 'twitter-archive', 9, 8, 1, 0],
    ]);
    const fromSubject = t.events.filter((e) => e.role === 'subject');
    const fromVictim = t.events.filter((e) => e.role === 'victim');
    expect(fromSubject.map((e) => e.senderKey)).toEqual(
      new Array(fromSubject.length).fill(`account:${SUBJECT}`),
    );
    expect(fromSubject).toHaveLength(7);
    expect(fromVictim).toHaveLength(1);
    expect(t.events.every((e) => e.channel === 'twitter')).toBe(true);
    const ignored = t.ignored.map((i) => i.path.replace(tmp, ''));
    expect(ignored).toContain('/twitter-2024-06-30-abc123.zip!/data/tweets.js');
    expect(ignored).toContain('/twitter-2024-06-30-abc123.zip!/data/account.js');
  });
});

describe('a conversation whose "messages" is not a list (fixtures/twitter-archive-shapes)', () => {
  it('rejects it as one record with its locator instead of passing over it, and reads the conversations after it', async () => {
    const r = await runSource(twitterArchive, 'fixtures/twitter-archive-shapes/direct-messages.js');
    expect(r.rejected.map((x) => [x.code, x.locator, x.message])).toEqual([
      [
        'TWITTER_ARCHIVE_MESSAGES_NOT_A_LIST',
        '[0].dmConversation.messages',
        `This conversation's "messages" is an object, not a list of messages, so none of it was read.`,
      ],
      [
        'TWITTER_ARCHIVE_MESSAGES_NOT_A_LIST',
        '[1].dmConversation.messages',
        `This conversation's "messages" is a single value, not a list of messages, so none of it was read.`,
      ],
    ]);
    expect(r.events.map((e) => [e.locator, e.sender?.id, e.text, e.time])).toEqual([
      [
        '[2].dmConversation.messages[0]',
        SUBJECT,
        'answer me',
        { type: 'instant', ms: Date.parse('2024-06-01T21:05:11.882Z'), precision: 'ms' },
      ],
    ]);
    expect(r.accounting).toEqual({ records: 3, events: 1, skipped: 0, rejected: 2 });
    expect(r.failure).toBeUndefined();
  });
});
