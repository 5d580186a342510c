/**
 * Every streamed format, read from an input that fails part-way: a file that ends early (a cut download or
 * copy), a disk error after some bytes, a zip member whose compressed data cannot be inflated past a point, and a
 * zip member whose checksum fails once all its bytes were delivered. Whatever the failure, every record read
 * before it ends as the outcome it has in the intact file (event, skipped or rejected; for the bad checksum, every
 * record of the file, as it was read to its end), the record the failure cut short is not read at all (except in a format that counts a record its file ends inside as rejected:
 * `cutRecord`), the books add up, the input is listed as read in part, and the error names the
 * file and what to do (and, when the format itself says where it stops, the place).
 *
 * Each fixture is built here from records of about 250 bytes: an event, a record the format skips, one it rejects,
 * then events. The failures fall in the middle of the fifth record.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { resolveCase } from '../../src/cli/case.js';
import { hashing } from '../../src/pipeline/hashing.js';
import { readTimeline } from '../../src/pipeline/index.js';
import { chronologJsonl } from '../../src/sources/chronolog-jsonl.js';
import { chronologJsonlDiary } from '../../src/sources/chronolog-jsonl-diary.js';
import { discordJson } from '../../src/sources/discord-json/index.js';
import type { Source, SourceInput } from '../../src/sources/index.js';
import { mbox } from '../../src/sources/mbox.js';
import { messengerE2eeJson } from '../../src/sources/messenger-e2ee-json.js';
import { messengerJson } from '../../src/sources/messenger-json/index.js';
import { signalJson } from '../../src/sources/signal-json.js';
import { smsBackupXml } from '../../src/sources/sms-backup-xml/index.js';
import { telegramJson } from '../../src/sources/telegram-json/index.js';
import { twitterArchive } from '../../src/sources/twitter-archive/index.js';
import { zip as zipContainer } from '../../src/sources/zip.js';
import { locatorText } from '../../src/timeline/ids.js';
import { errno, failingInput, memoryInput, zipBadChecksum, zipDamagedAt } from '../helpers/partway.js';
import { type Outcome, runInput } from '../helpers/run-source.js';

/** One record of a fixture: where its bytes are, and from which byte on a reader can know it is complete. */
interface Rec {
  readonly start: number;
  /** Just past its last byte. */
  readonly stop: number;
  /** The first byte count at which the record is known complete (Infinity: only at the end of the file). */
  readonly end: number;
  readonly locator: number | string;
}

interface Fixture {
  /** The file's path inside its folder or zip, e.g. `data/direct-messages.js`. */
  readonly name: string;
  readonly bytes: Buffer;
  readonly records: readonly Rec[];
}

/** A record's text and its locator (a function of the line it starts on; that line by default). */
interface Part {
  readonly text: string;
  readonly locator?: (line: number, ordinal: number) => number | string;
}

/** Joins text and records into a file and notes where each record lies. */
function layout(name: string, parts: readonly (string | Part)[]): Fixture {
  let text = '';
  const records: Rec[] = [];
  for (const p of parts) {
    if (typeof p === 'string') {
      text += p;
      continue;
    }
    const start = Buffer.byteLength(text);
    const line = text.split('\n').length;
    text += p.text;
    const stop = Buffer.byteLength(text);
    records.push({ start, stop, end: stop, locator: p.locator?.(line, records.length) ?? line });
  }
  return { name, bytes: Buffer.from(text), records };
}

const THREAT = 'I know where you live and I will wait outside your door until you answer me';
const said = (k: number) => `message ${k}: ${THREAT}`;
const MINUTE = 60_000;
/** 2024-03-01T18:00:00Z plus k minutes. */
const at = (k: number) => Date.UTC(2024, 2, 1, 18, 0) + k * MINUTE;
const iso = (k: number) => new Date(at(k)).toISOString();
/** A snowflake id whose time is `ms` (Discord and Twitter ids). */
const snowflake = (ms: number, epoch: number) => ((BigInt(ms - epoch) << 22n) + 4096n).toString();
const arrayItem = (path: string) => (_line: number, i: number) => `${path}[${i}]`;
const joined = (records: Part[], between: string): (string | Part)[] =>
  records.flatMap((r, i) => (i === 0 ? [r] : [between, r]));

function telegram(): Fixture {
  const entry = (k: number, body: string): Part => ({
    text: `  {\n   "id": ${101 + k},\n${body}\n  }`,
    locator: arrayItem('messages'),
  });
  const message = (k: number) =>
    entry(
      k,
      `   "type": "message",\n   "date": "${iso(k).slice(0, 19)}",\n   "date_unixtime": "${at(k) / 1000}",\n   "from": "Sam Example",\n   "from_id": "user4400000001",\n   "text": "${said(k)}",\n   "text_entities": [{"type": "plain", "text": "${said(k)}"}]`,
    );
  return layout('ChatExport_2024-03-02/result.json', [
    '{\n "name": "Sam Example",\n "type": "personal_chat",\n "id": 4400000001,\n "messages": [\n',
    ...joined(
      [
        message(0),
        entry(
          1,
          `   "type": "service",\n   "date": "${iso(1).slice(0, 19)}",\n   "date_unixtime": "${at(1) / 1000}",\n   "actor": "Sam Example",\n   "actor_id": "user4400000001",\n   "action": "pin_message",\n   "message_id": 101,\n   "text": "",\n   "text_entities": []`,
        ),
        entry(
          2,
          `   "type": "message",\n   "date": "the day after",\n   "date_unixtime": "soon",\n   "from": "Sam Example",\n   "from_id": "user4400000001",\n   "text": "${said(2)}",\n   "text_entities": []`,
        ),
        message(3),
        message(4),
        message(5),
      ],
      ',\n',
    ),
    '\n ]\n}\n',
  ]);
}

function discord(): Fixture {
  const DISCORD_EPOCH = 1_420_070_400_000;
  const entry = (k: number, type: string, stamp: string, id = snowflake(at(k), DISCORD_EPOCH)): Part => ({
    text: `    {\n      "id": "${id}",\n      "type": "${type}",\n      "timestamp": "${stamp}",\n      "content": "${said(k)}",\n      "author": {"id": "900000000000000101", "name": "sam.sample", "discriminator": "0000", "nickname": "Sam", "isBot": false},\n      "attachments": []\n    }`,
    locator: arrayItem('messages'),
  });
  const message = (k: number) => entry(k, 'Default', iso(k).replace('Z', '+00:00'));
  return layout('Direct Messages - Sam [1270000000000000001].json', [
    '{\n  "guild": {"id": "0", "name": "Direct Messages"},\n  "channel": {"id": "1270000000000000001", "type": "DirectTextChat", "name": "Sam"},\n  "messages": [\n',
    ...joined(
      [
        message(0),
        entry(1, 'ChannelPinnedMessage', iso(1).replace('Z', '+00:00')),
        entry(2, 'Default', 'the day after', 'not-an-id'),
        message(3),
        message(4),
        message(5),
      ],
      ',\n',
    ),
    '\n  ],\n  "messageCount": 6\n}\n',
  ]);
}

function metaClassic(folder: string): Fixture {
  const entry = (body: string): Part => ({
    text: `    {\n      "sender_name": "Sam Sample",\n${body},\n      "type": "Generic"\n    }`,
    locator: arrayItem('messages'),
  });
  const message = (k: number) => entry(`      "timestamp_ms": ${at(k)},\n      "content": "${said(k)}"`);
  return layout(`${folder}/messages/inbox/samsample_1234567890/message_1.json`, [
    '{\n  "participants": [{"name": "Sam Sample"}, {"name": "Alex Morgan"}],\n  "messages": [\n',
    ...joined(
      [
        message(5),
        entry(`      "timestamp_ms": ${at(4)},\n      "content": "Sam Sample left the group."`),
        entry(`      "content": "${said(3)} (no time)"`),
        message(2),
        message(1),
        message(0),
      ],
      ',\n',
    ),
    '\n  ],\n  "title": "Sam Sample",\n  "is_still_participant": true,\n  "thread_path": "inbox/samsample_1234567890"\n}\n',
  ]);
}

function metaE2ee(): Fixture {
  const entry = (k: number, stamp: string): Part => ({
    text: `    {\n      "isUnsent": false,\n      "media": [],\n      "reactions": [],\n      "senderName": "Sam Sample",\n      "text": "${said(k)}",\n      "timestamp": ${stamp},\n      "type": "text"\n    }`,
    locator: arrayItem('messages'),
  });
  const message = (k: number) => entry(k, String(at(k)));
  return layout('Sam Sample_3.json', [
    '{\n  "participants": ["Alex Morgan", "Sam Sample"],\n  "threadName": "Sam Sample_3",\n  "messages": [\n',
    ...joined([message(0), message(1), entry(2, '"yesterday"'), message(3), message(4), message(5)], ',\n'),
    '\n  ]\n}\n',
  ]);
}

function twitter(): Fixture {
  const TWITTER_EPOCH = 1_288_834_974_657;
  const entry = (body: string): Part => ({
    text: `        {\n${body}\n        }`,
    locator: arrayItem('[0].dmConversation.messages'),
  });
  const create = (k: number, stamp: string, id = snowflake(at(k), TWITTER_EPOCH)) =>
    entry(
      `          "messageCreate" : {\n            "recipientId" : "9100000001",\n            "reactions" : [ ],\n            "urls" : [ ],\n            "text" : "${said(k)}",\n            "mediaUrls" : [ ],\n            "senderId" : "9100000002",\n            "id" : "${id}",\n            "createdAt" : "${stamp}"\n          }`,
    );
  return layout('data/direct-messages.js', [
    'window.YTD.direct_messages.part0 = [\n  {\n    "dmConversation" : {\n      "conversationId" : "9100000001-9100000002",\n      "messages" : [\n',
    ...joined(
      [
        create(0, iso(0)),
        entry(
          `          "joinConversation" : {\n            "initiatingUserId" : "9100000002",\n            "participantsSnapshot" : [ "9100000001", "9100000002" ],\n            "createdAt" : "${iso(1)}"\n          }`,
        ),
        create(2, 'the day after', 'not-an-id'),
        create(3, iso(3)),
        create(4, iso(4)),
        create(5, iso(5)),
      ],
      ',\n',
    ),
    '\n      ]\n    }\n  }\n]',
  ]);
}

function signal(): Fixture {
  const line = (k: number, date = iso(k).slice(0, 19).replace('T', ' ')): Part => ({
    text: `{"date": "${date}", "sender": "Sam", "body": "${said(k)}  ", "quote": "", "reactions": [], "attachments": []}\n`,
  });
  return layout('Sam/data.json', [
    line(0),
    line(1),
    line(2, '1970-01-01 01:00:00'),
    line(3),
    line(4),
    line(5),
  ]);
}

function anonymised(handKept: boolean): Fixture {
  const row = (k: number): Part => ({
    text: `{"utc":"${iso(k)}","precision":"s","channel":"sms","kind":"message","direction":"incoming","sender":"p3b9c0e6f1a2d4c58","role":"subject","call":null,"conversation":null,"text":"${said(k)}","textLength":90,"flags":[],"dedupe":${k + 1}}\n`,
  });
  // Stubs are short: the failure falls in the fifth record, an event row, whichever stub comes first.
  return layout(handKept ? 'input-002.jsonl' : 'input-001.jsonl', [
    `{"format":"chronolog-anonymised-timeline","version":2,"handKept":${handKept},"input":"input-00${handKept ? 2 : 1}","originalFormat":"${handKept ? 'csv-diary' : 'sms-backup-xml'}","incomplete":false,"datesShifted":false,"textDropped":false,"pseudonyms":"p + first 16 hex of HMAC-SHA-256(key, typed normalised identifier)"}\n`,
    row(0),
    { text: '{"skipped":"system-notice"}\n' },
    { text: '{"rejected":"WHATSAPP_BAD_DATE"}\n' },
    row(3),
    row(4),
    row(5),
  ]);
}

function sms(): Fixture {
  const record = (k: number, date: string, type = '1'): Part => ({
    text: `  <sms protocol="0" address="+447700900123" date="${date}" type="${type}" subject="null" body="${said(k)}" read="1" status="-1" locked="0" contact_name="Sam" />\n`,
    locator: (line, i) => `sms[${i}] (line ${line})`,
  });
  return layout('sms-20240315120000.xml', [
    '<?xml version=\'1.0\' encoding=\'UTF-8\' standalone=\'yes\' ?>\n<smses count="6" backup_set="0f3c1d2e-5b6a-4c7d-8e9f-a0b1c2d3e4f5" backup_date="1709673249000" type="full">\n',
    record(0, String(at(0))),
    record(1, String(at(1)), '3'),
    record(2, 'the day after'),
    record(3, String(at(3))),
    record(4, String(at(4))),
    record(5, String(at(5))),
    '</smses>\n',
  ]);
}

function mailbox(): Fixture {
  const DAYS = ['Fri', 'Sat', 'Sun', 'Mon', 'Tue', 'Wed'];
  const mail = (k: number, from: string, dated = true): Part => {
    const day = `${DAYS[k]}, ${k + 1} Mar 2024 18:0${k}:00 +0000`;
    // The undated message is rejected: its Date cannot be read and the separator's time has no zone. (A separator
    // with no header after it is no separator: its lines stay in the message before.)
    const head = dated
      ? `From: ${from}\nTo: alex@example.com\nDate: ${day}\nSubject: message ${k}\nMessage-ID: <m${k}@example.org>\n\n`
      : 'Date: the day after\n\n';
    return {
      text: `From sam@example.org ${DAYS[k]} Mar  ${k + 1} 18:0${k}:00 2024\n${head}${said(k)}\nAnd again: ${THREAT}\n\n`,
      locator: (line, i) => `message[${i}] (line ${line})`,
    };
  };
  const sam = 'Sam Sample <sam@example.org>';
  const fx = layout('Takeout/Mail/All mail Including Spam and Trash.mbox', [
    mail(0, sam),
    mail(1, 'Mail Delivery Subsystem <mailer-daemon@example.org>'),
    mail(2, sam, false),
    mail(3, sam),
    mail(4, sam),
    mail(5, sam),
  ]);
  // A message is known complete only once the next one's separator line is read, or the file ends.
  const records = fx.records.map((r, i) => {
    const next = fx.records[i + 1];
    return { ...r, end: next ? fx.bytes.indexOf(10, next.start) + 1 : Number.POSITIVE_INFINITY };
  });
  return { ...fx, records };
}

interface Case {
  readonly title: string;
  readonly source: Source;
  readonly fixture: Fixture;
  /** The failure a file cut in the middle of the fifth record is reported with, given where the file ends. */
  readonly truncated: (
    line: number,
    column: number,
    byte: number,
  ) => { code: string; locator?: string; message: string; hint: string };
  /**
   * The code the source rejects a record the file ends inside with, in a format that counts it (SMS Backup &
   * Restore XML: its begun record is counted, not passed over). The report tells that rejection and the file's
   * failure, one fault, as one error: the failure, saying what became of the record, which is counted as rejected
   * under the failure's code (pipeline/one-fault.ts). Absent: that record is not read at all.
   */
  readonly cutRecord?: string;
}

/** Where a file cut after `cut` bytes ends: its last line and the column just past its last byte (1-based). */
function endOf(bytes: Buffer, cut: number): { line: number; column: number } {
  const head = bytes.subarray(0, cut);
  let line = 1;
  for (let i = head.indexOf(10); i !== -1; i = head.indexOf(10, i + 1)) line++;
  return { line, column: cut - (head.lastIndexOf(10) + 1) + 1 };
}

const META_HINT =
  'Extract the file again from the original "Download your information" archive (a cut download or copy truncates it); messages before this point were kept.';

const CASES: Case[] = [
  {
    title: 'Telegram result.json',
    source: telegramJson,
    fixture: telegram(),
    truncated: (line, column, byte) => ({
      code: 'TELEGRAM_TRUNCATED',
      locator: 'messages[4]',
      message: `The file ends in the middle of the JSON, inside messages[4] (line ${line}, column ${column}, byte ${byte}): the export is incomplete. Everything before this point was read. The part of messages[4] read is not used, as the rest of it is missing.`,
      hint: 'It was probably cut off while exporting, copying or downloading: export or copy it again to read the rest.',
    }),
    cutRecord: 'TELEGRAM_RECORD_CUT_SHORT',
  },
  {
    title: 'DiscordChatExporter JSON',
    source: discordJson,
    fixture: discord(),
    truncated: (line, column) => ({
      code: 'DISCORD_JSON_TRUNCATED',
      locator: 'messages[4]',
      message: `The file ends in the middle of the JSON (line ${line}, column ${column}, inside messages[4]). The part of messages[4] read is not used, as the rest of it is missing.`,
      hint: 'Export the channel again with DiscordChatExporter, or copy the file again (a cut download or copy truncates it); the messages before this point were kept.',
    }),
    cutRecord: 'DISCORD_JSON_RECORD_CUT_SHORT',
  },
  ...(
    [
      ['Facebook Messenger JSON', messengerJson, metaClassic('your_facebook_activity')],
      ['Instagram JSON', messengerJson, metaClassic('your_instagram_activity')],
      ['Messenger end-to-end encrypted JSON', messengerE2eeJson, metaE2ee()],
    ] as const
  ).map(([title, source, fixture]) => ({
    title,
    source,
    fixture,
    truncated: (line: number, column: number) => ({
      code: 'MESSENGER_JSON_TRUNCATED',
      locator: 'messages[4]',
      message: `The JSON ends early at line ${line}, column ${column}, inside messages[4]. The part of messages[4] read is not used, as the rest of it is missing.`,
      hint: META_HINT,
    }),
    cutRecord: 'MESSENGER_JSON_RECORD_CUT_SHORT',
  })),
  {
    title: 'Twitter/X direct-messages.js',
    source: twitterArchive,
    fixture: twitter(),
    truncated: (line, column) => ({
      code: 'TWITTER_ARCHIVE_TRUNCATED',
      locator: '[0].dmConversation.messages[4]',
      message: `The file ends in the middle of the JSON (line ${line}, column ${column}, inside [0].dmConversation.messages[4]). The part of [0].dmConversation.messages[4] read is not used, as the rest of it is missing.`,
      hint: 'Take the file from the archive again (or download a new archive from X); the messages before this point were kept.',
    }),
    cutRecord: 'TWITTER_ARCHIVE_RECORD_CUT_SHORT',
  },
  {
    title: 'Signal data.json',
    source: signalJson,
    fixture: signal(),
    truncated: (line) => ({
      code: 'SIGNAL_JSON_TRUNCATED',
      locator: `line ${line}`,
      message: `The file ends in the middle of line ${line}, which is not a whole message: data.json was cut short (an interrupted copy or download). The messages before it were kept. The part of line ${line} read is not used, as the rest of it is missing.`,
      hint: 'Copy data.json again from the signal-export folder, or run sigexport again, to read the rest.',
    }),
    cutRecord: 'SIGNAL_RECORD_CUT_SHORT',
  },
  ...(
    [
      ['chronolog anonymised timeline', chronologJsonl, anonymised(false)],
      ['chronolog anonymised diary', chronologJsonlDiary, anonymised(true)],
    ] as const
  ).map(([title, source, fixture]) => ({
    title,
    source,
    fixture,
    truncated: (line: number) => ({
      code: 'CHRONOLOG_JSONL_TRUNCATED',
      locator: `line ${line}`,
      message: `The file ends in the middle of line ${line}, which is not a whole record: it was cut short (an interrupted copy or download). The records before it were kept. The part of line ${line} read is not used, as the rest of it is missing.`,
      hint: 'Copy the anonymised files again from where `chronolog anonymise` wrote them (or run it again) to read the rest.',
    }),
    cutRecord: 'CHRONOLOG_JSONL_RECORD_CUT_SHORT',
  })),
  {
    title: 'SMS Backup & Restore XML',
    source: smsBackupXml,
    fixture: sms(),
    truncated: (line, column) => ({
      code: 'SMS_TRUNCATED_XML',
      locator: `sms[4] (line ${line})`,
      // Four records lie wholly before the cut: the failure says so against the six the root declares.
      message: `the file ends inside sms[4] (line ${line}), before its end tag (line ${line}, column ${column - 1}): the backup was cut short; the file declares 6 records; 4 were read whole before the cut; the part of sms[4] (line ${line}) read is not used, as the rest of it is missing`,
      hint: 'The records before the cut were kept. Copy the backup from the phone or cloud again; if that copy is cut too, the app was interrupted while writing it.',
    }),
    cutRecord: 'SMS_RECORD_CUT_SHORT',
  },
  {
    title: 'mbox mailbox',
    source: mbox,
    fixture: mailbox(),
    truncated: (line) => ({
      code: 'MBOX_TRUNCATED',
      locator: 'message[4] (line 37)',
      message: `The file ends in the middle of line ${line}, inside message[4] (line 37): the mailbox was cut short, so that message is not used. The messages before it were kept.`,
      hint: 'Copy the mailbox file again (for Gmail, export it again with Google Takeout) to read the rest.',
    }),
    cutRecord: 'MBOX_RECORD_CUT_SHORT',
  },
];

const read = async (inputs: SourceInput[]) =>
  readTimeline({ inputs, case: await resolveCase({}, [], 'UTC') });

/** The outcomes of the intact file's records that lie wholly within the first `delivered` bytes. */
function outcomesWithin(ref: Outcome, fx: Fixture, delivered: number) {
  const read = new Set(fx.records.filter((r) => r.end <= delivered).map((r) => String(r.locator)));
  const within = ({ locator }: { locator: number | string }) => read.has(String(locator));
  return {
    records: read.size,
    events: ref.events.filter(within).map((e) => String(e.locator)),
    skipped: ref.skipped.filter(within),
    rejected: ref.rejected.filter(within),
  };
}

const counts = (list: string[]) => {
  const out: Record<string, number> = {};
  for (const x of list) out[x] = (out[x] ?? 0) + 1;
  return out;
};

/**
 * Reads `input` (from `fx`, failing after `delivered` bytes) and checks what was kept against the intact file:
 * the same outcome for every record read before the failure, nothing for the others, the books adding up, and
 * the one error `failure`.
 */
async function expectPartway(
  c: Case,
  input: SourceInput,
  delivered: number,
  failure: { code: string; locator?: string; message: string | RegExp; hint: string },
  cutRecord?: string,
) {
  const fx = c.fixture;
  const ref = await runInput(c.source, memoryInput(`exports/${fx.name}`, fx.bytes), { timezone: 'UTC' });
  const want = outcomesWithin(ref, fx, delivered);
  // The records rejected as in the intact file, each told by its own error.
  const told = [...want.rejected];
  // The record the file ends inside (the fifth), counted as rejected under the failure's code, which tells it.
  if (cutRecord !== undefined) {
    want.records++;
    want.rejected.push({ code: failure.code, locator: fx.records[4]!.locator, message: expect.any(String) });
  }
  const t = await read([input]);
  const path = input.path.endsWith('.zip') ? `${input.path}!/${fx.name}` : input.path;
  expect(t.inputs).toHaveLength(1);
  expect(t.inputs[0]).toMatchObject({
    path,
    format: c.source.id,
    incomplete: true,
    records: want.records,
    events: want.events.length,
    kept: want.events.length,
    duplicates: 0,
    skipped: want.skipped.length,
    rejected: want.rejected.length,
    skippedReasons: counts(want.skipped.map((s) => s.reason)),
    rejectedReasons: counts(want.rejected.map((r) => r.code)),
  });
  expect(t.events.map((e) => String(e.locator)).sort()).toEqual([...want.events].sort());
  const codes = new Set(told.map((r) => r.code));
  const rejects = t.problems.list.filter((p) => codes.has(p.code));
  expect(rejects.map((p) => p.locator)).toEqual(told.map((r) => locatorText(r.locator)));
  // The source's rejection of the cut record is not told beside the failure: one fault, one error.
  if (cutRecord !== undefined) expect(t.problems.list.map((p) => p.code)).not.toContain(cutRecord);
  const errors = t.problems.list.filter((p) => p.severity === 'error' && !codes.has(p.code));
  expect(errors).toEqual([
    {
      code: failure.code,
      severity: 'error',
      file: path,
      ...(failure.locator !== undefined ? { locator: failure.locator } : {}),
      message: typeof failure.message === 'string' ? failure.message : expect.stringMatching(failure.message),
      hint: failure.hint,
    },
  ]);
}

/**
 * A disk error after `cut` bytes of a file of `bytes` (`failingInput` says `cut + 4096`): the message says how far
 * the read got and the last record counted (`last`, if any), so a reader knows what the counts cover.
 */
const readFailed = (cut: number, last: number | string | undefined, bytes = cut + 4096) => ({
  code: 'INPUT_READ_FAILED',
  message: `reading stopped after ${thousands(cut)} of the file's ${thousands(bytes)} bytes (${last === undefined ? 'no record counted before it' : `the last record counted: ${locatorText(last)}`}): input/output error (the disk, card or network drive may be failing) (EIO)`,
  hint: 'The events read before this point are kept. Copy the file somewhere else (or export it again) and re-run.',
});
const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const DAMAGED_HINT =
  'Download or export the archive again (a copy that unzips without errors), then re-run with the new archive.';

describe.each(CASES)('$title, read from an input that fails part-way', (c) => {
  const fx = c.fixture;
  const fifth = fx.records[4]!;
  // The middle of the fifth record, never at a line break.
  let cut = fifth.start + Math.floor((fifth.stop - fifth.start) / 2);
  if (fx.bytes[cut - 1] === 10) cut++;

  it('reads the intact file, with records of more than one outcome, and is cut in its fifth record', async () => {
    const t = await read([memoryInput(`exports/${fx.name}`, fx.bytes)]);
    expect(t.inputs[0]).toMatchObject({ format: c.source.id, incomplete: false, records: fx.records.length });
    const i = t.inputs[0]!;
    expect(i.records).toBe(i.events + i.skipped + i.rejected);
    expect(i.skipped + i.rejected).toBeGreaterThan(0);
    expect(t.problems.list.filter((p) => p.severity === 'error')).toHaveLength(i.rejected);
    // Four records lie wholly before every failure below, the fifth is cut.
    expect(fx.records.filter((r) => r.end <= cut - 48).length).toBe(4);
    expect(fifth.end).toBeGreaterThan(cut);
  });

  it('keeps the records before the end of a file cut short, and names the place', async () => {
    const { line, column } = endOf(fx.bytes, cut);
    const input = memoryInput(`exports/${fx.name}`, fx.bytes.subarray(0, cut));
    await expectPartway(c, input, cut, c.truncated(line, column, cut), c.cutRecord);
  });

  it.each([
    ['in one piece', 1 << 16],
    ['in pieces of 16 bytes', 16],
  ])('keeps the records before a disk error, read %s', async (_, size) => {
    const input = failingInput(`exports/${fx.name}`, fx.bytes.subarray(0, cut), size, errno('EIO'));
    // The fifth record is cut: the fourth is the last one counted.
    await expectPartway(c, input, cut, readFailed(cut, fx.records[3]!.locator));
  });

  it('keeps the records before the point where a damaged zip member cannot be inflated', async () => {
    const zip = memoryInput('exports/export.zip', zipDamagedAt(fx.name, fx.bytes, cut), 16);
    // The inflater loses the output of the 16 bytes it was given last: still inside the fifth record.
    await expectPartway(c, zip, cut - 48, {
      code: 'ZIP_MEMBER_DAMAGED',
      message:
        'this file inside the archive is damaged: its compressed data cannot be read (invalid block type); anything read from it may be garbled',
      hint: DAMAGED_HINT,
    });
  });

  it('keeps every record of a zip member whose checksum fails after its last byte', async () => {
    const zip = memoryInput('exports/export.zip', zipBadChecksum(fx.name, fx.bytes));
    // Every byte was delivered and the read ends as at the end of the file: every record is read, the last too
    // (one a reader knows complete only at the end of the file: an mbox's last message).
    await expectPartway(c, zip, Number.POSITIVE_INFINITY, {
      code: 'ZIP_MEMBER_DAMAGED',
      message:
        /^this file inside the archive is damaged: its content does not match the checksum recorded in the archive \(CRC-32 [0-9a-f]{8}, expected [0-9a-f]{8}\); anything read from it may be garbled$/,
      hint: DAMAGED_HINT,
    });
  });
});

describe('the input under the source', () => {
  it('hands on every chunk the input read before its failure, however far it read ahead', async () => {
    // A stream that reads ahead (16 chunks, as Node's default) and fails on the sixth read, with chunks waiting.
    const bytes = Buffer.from('0123456789');
    const input = failingInput('exports/digits.txt', bytes.subarray(0, 5), 1, errno('EIO'));
    const hashed = hashing(input);
    const got: Buffer[] = [];
    await expect(
      (async () => {
        for await (const chunk of hashed.input.open()) got.push(chunk as Buffer);
      })(),
    ).rejects.toMatchObject({ code: 'EIO' });
    expect(Buffer.concat(got).toString()).toBe('01234');
    expect(hashed.failure()).toMatchObject({ code: 'EIO' });
  });

  it('ends a zip member whose checksum fails as at its end, and keeps the damage as the failure', async () => {
    const data = Buffer.from('13/01/2024, 18:04 - Sam: Answer me\n'.repeat(4000));
    const members: SourceInput[] = [];
    const archive = memoryInput('exports/export.zip', zipBadChecksum('_chat.txt', data), 4096);
    for await (const m of zipContainer.members(archive, {
      ignore: () => {},
      warn: () => {},
      notOpened: () => {},
    }))
      members.push(m);
    // Read plainly, the member's stream fails once its last byte is delivered.
    let plain = 0;
    await expect(
      (async () => {
        for await (const chunk of members[0]!.open()) plain += (chunk as Buffer).length;
      })(),
    ).rejects.toMatchObject({ code: 'ZIP_MEMBER_DAMAGED' });
    expect(plain).toBe(data.length);
    // Read by a source, it ends: every byte, no error; the damage is the input's failure, the hash of all bytes.
    const hashed = hashing(members[0]!);
    const got: Buffer[] = [];
    for await (const chunk of hashed.input.open()) got.push(chunk as Buffer);
    expect(Buffer.concat(got).equals(data)).toBe(true);
    expect(hashed.failure()).toMatchObject({ code: 'ZIP_MEMBER_DAMAGED' });
    expect(hashed.failedAfter()).toBe(data.length);
    expect(hashed.digest()).toBe(createHash('sha256').update(data).digest('hex'));
    // Compressed data that cannot be inflated still stops the read where it breaks off.
    const cut = memoryInput('exports/cut.zip', zipDamagedAt('_chat.txt', data, 70_000), 4096);
    const [broken] = await (async () => {
      const list: SourceInput[] = [];
      for await (const m of zipContainer.members(cut, {
        ignore: () => {},
        warn: () => {},
        notOpened: () => {},
      }))
        list.push(m);
      return list;
    })();
    const partial = hashing(broken!);
    await expect(
      (async () => {
        for await (const _ of partial.input.open());
      })(),
    ).rejects.toMatchObject({ code: 'ZIP_MEMBER_DAMAGED' });
    expect(partial.digest()).toBeUndefined();
  });
});

describe('a Messenger thread whose first reading fails and whose second does not', () => {
  it('keeps every message, and still reports the file as read in part', async () => {
    // Read twice (the first pass collects the title and the encoding verdict): a disk error in the first only.
    const fx = metaClassic('your_facebook_activity');
    const path = `exports/${fx.name}`;
    const intact = memoryInput(path, fx.bytes);
    const cut = fx.records[4]!.start + 40;
    const failing = failingInput(path, fx.bytes.subarray(0, cut), 64, errno('EIO'));
    let opened = 0;
    const failingOn = (n: number): SourceInput => {
      opened = 0;
      return { ...intact, open: () => (++opened === n ? failing.open() : intact.open()) };
    };
    const alone = await runInput(messengerJson, failingOn(1), { timezone: 'UTC' }).catch((err: Error) => err);
    expect(alone).toMatchObject({ code: 'EIO' });
    expect(opened).toBe(2);
    // In the pipeline, detection opens the file first.
    const t = await read([failingOn(2)]);
    expect(opened).toBe(3);
    expect(t.inputs[0]).toMatchObject({ incomplete: true, records: 6, events: 4, skipped: 1, rejected: 1 });
    expect(t.problems.list.filter((p) => p.code === 'INPUT_READ_FAILED')).toEqual([
      // The first reading stopped there; the second counted every record, to the last.
      { ...readFailed(cut, fx.records.at(-1)!.locator, fx.bytes.length), severity: 'error', file: path },
    ]);
  });
});

describe('an mbox cut short in the separator line of its next message', () => {
  it.each([5, 12])(
    'keeps the message before it, which is whole, and says a new message begins there (%i bytes of it)',
    async (bytes) => {
      const fx = mailbox();
      const fifth = fx.records[4]!;
      // "From " or "From sam@exa": the file ends inside the separator that begins the fifth message.
      const cut = fifth.start + bytes;
      const t = await read([memoryInput(`exports/${fx.name}`, fx.bytes.subarray(0, cut))]);
      // The message that line begins was met: it is counted, rejected at its separator line.
      expect(t.inputs[0]).toMatchObject({ incomplete: true, records: 5, events: 2, skipped: 1, rejected: 2 });
      expect(t.events.map((e) => e.locator)).toEqual(['message[0] (line 1)', 'message[3] (line 27)']);
      // Told once, by the failure at the same locator, and counted as rejected under its code (one-fault.ts).
      expect(t.problems.list.map((p) => p.code)).not.toContain('MBOX_RECORD_CUT_SHORT');
      expect(t.inputs[0]!.rejectedReasons['MBOX_TRUNCATED']).toBe(1);
      expect(t.problems.list.find((p) => p.code === 'MBOX_TRUNCATED')).toEqual({
        code: 'MBOX_TRUNCATED',
        severity: 'error',
        file: `exports/${fx.name}`,
        locator: 'message[4] (line 37)',
        message:
          'The file ends in the middle of line 37, the "From " line that begins message[4] (line 37): the mailbox was cut short there, so that message is not used. The messages before it were kept.',
        hint: 'Copy the mailbox file again (for Gmail, export it again with Google Takeout) to read the rest.',
      });
    },
  );

  it.each([1, 2, 3, 4])(
    'takes a cut line of %i bytes ("F" … "From") as the end of the message before it, which is rejected',
    async (bytes) => {
      // "Fro" after an empty line may be a body line ("Frodo…", "Fine") as well as a separator cut short.
      const fx = mailbox();
      const fifth = fx.records[4]!;
      expect(fx.bytes.subarray(fifth.start, fifth.start + 5).toString()).toBe('From ');
      const t = await read([memoryInput(`exports/${fx.name}`, fx.bytes.subarray(0, fifth.start + bytes))]);
      expect(t.inputs[0]).toMatchObject({ incomplete: true, records: 4, events: 1, skipped: 1, rejected: 2 });
      expect(t.events.map((e) => e.locator)).toEqual(['message[0] (line 1)']);
      // Told once, by the failure at the same locator, and counted as rejected under its code (one-fault.ts).
      expect(t.problems.list.map((p) => p.code)).not.toContain('MBOX_RECORD_CUT_SHORT');
      expect(t.inputs[0]!.rejectedReasons['MBOX_TRUNCATED']).toBe(1);
      expect(t.problems.list.find((p) => p.code === 'MBOX_TRUNCATED')).toEqual({
        code: 'MBOX_TRUNCATED',
        severity: 'error',
        file: `exports/${fx.name}`,
        locator: 'message[3] (line 27)',
        message:
          'The file ends in the middle of line 37, inside message[3] (line 27): the mailbox was cut short, so that message is not used. The messages before it were kept.',
        hint: 'Copy the mailbox file again (for Gmail, export it again with Google Takeout) to read the rest.',
      });
    },
  );
});

describe('an mbox cut short inside its first message', () => {
  it('rejects that message, and does not say that messages before it were kept', async () => {
    const fx = mailbox();
    // Inside its first body line (line 8), after its separator and headers.
    const cut = fx.bytes.indexOf('message 0: ') + 20;
    const t = await read([memoryInput(`exports/${fx.name}`, fx.bytes.subarray(0, cut))]);
    expect(t.inputs[0]).toMatchObject({ incomplete: true, records: 1, events: 0, rejected: 1 });
    // Told once, by the failure at the same locator, and counted as rejected under its code (one-fault.ts).
    expect(t.problems.list.map((p) => p.code)).not.toContain('MBOX_RECORD_CUT_SHORT');
    expect(t.inputs[0]!.rejectedReasons['MBOX_TRUNCATED']).toBe(1);
    expect(t.problems.list.find((p) => p.code === 'MBOX_TRUNCATED')).toEqual({
      code: 'MBOX_TRUNCATED',
      severity: 'error',
      file: `exports/${fx.name}`,
      locator: 'message[0] (line 1)',
      message:
        'The file ends in the middle of line 8, inside message[0] (line 1): the mailbox was cut short, so that message is not used.',
      hint: 'Copy the mailbox file again (for Gmail, export it again with Google Takeout) to read the rest.',
    });
  });
});

describe('a single e-mail (.eml), its only record cut by the failure', () => {
  const message = Buffer.from(
    `From: Sam Sample <sam@example.org>\r\nTo: alex@example.com\r\nDate: Fri, 1 Mar 2024 18:00:00 +0000\r\nSubject: tonight\r\nMessage-ID: <m0@example.org>\r\n\r\n${said(0)}\r\nAnd again: ${THREAT}\r\n`,
  );
  const half = Math.floor(message.length / 2);

  it('is read whole from an intact file', async () => {
    const t = await read([memoryInput('exports/tonight.eml', message)]);
    expect(t.inputs[0]).toMatchObject({ format: 'eml', incomplete: false, records: 1, events: 1 });
  });

  it.each([
    [
      'a disk error',
      failingInput('exports/tonight.eml', message.subarray(0, half), 16, errno('EIO')),
      readFailed(half, undefined),
    ],
    [
      'a damaged zip member',
      memoryInput('exports/export.zip', zipDamagedAt('tonight.eml', message, half), 16),
      {
        code: 'ZIP_MEMBER_DAMAGED',
        message:
          'this file inside the archive is damaged: its compressed data cannot be read (invalid block type); anything read from it may be garbled',
        hint: DAMAGED_HINT,
      },
    ],
  ] as const)('is not read after %s part-way through it', async (_, input, failure) => {
    const t = await read([input]);
    expect(t.inputs[0]).toMatchObject({ format: 'eml', incomplete: true, records: 0, events: 0 });
    expect(t.problems.list.filter((p) => p.severity === 'error')).toEqual([
      { ...failure, severity: 'error', file: t.inputs[0]!.path },
    ]);
  });
});
