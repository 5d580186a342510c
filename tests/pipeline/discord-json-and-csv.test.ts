/**
 * One Discord DM exported twice by DiscordChatExporter, as JSON and as CSV, in one case folder
 * (fixtures/discord-same-channel). The CSV has no message ids, so de-duplication compares content, direction
 * included: both exports must say the same thing about who wrote each message, or every message counts twice.
 * Reads the folder the way the CLI does (walk, case file found in it, readTimeline), in process.
 */
import { describe, expect, it } from 'vitest';
import { timelineOf } from '../helpers/timeline.js';

const CASE = 'fixtures/discord-same-channel';
const JSON_FILE = `${CASE}/Direct Messages - Sam [1200000000000000009].json`;
const CSV_FILE = `${CASE}/Direct Messages - Sam [1200000000000000009].csv`;

/** The case folder read with these subject and victim identifiers (the case file's other fields kept). */
const readWith = (subject: string[], victim: string[]) =>
  timelineOf([CASE], (c) => ({
    subject: { ...c.subject, identifiers: subject },
    victim: { ...c.victim, identifiers: victim },
  }));

describe('a Discord DM exported as both JSON and CSV', () => {
  it('reads both files, each as its own format', async () => {
    const { t } = await readWith(['sam.sample'], ['alex_example']);
    expect(t.inputs.map((i) => [i.path, i.format, i.records, i.events, i.skipped, i.rejected])).toEqual([
      [CSV_FILE, 'discord-csv', 8, 7, 1, 0],
      [JSON_FILE, 'discord-json', 8, 7, 1, 0],
    ]);
  });

  // The case file names both people by their Discord usernames, which both exports hold (the JSON's
  // author.name, the CSV's Author column); the JSON's nickname ("Sam", "Alex") is not in the CSV.
  for (const [what, subject, victim] of [
    ['usernames (as the case file does)', ['sam.sample'], ['alex_example']],
    ['account ids', ['id:900000000000000707'], ['id:900000000000000808']],
  ] as const) {
    it(`keeps one copy of each message when the people are named by ${what}, with the same direction`, async () => {
      const { t, events } = await readWith([...subject], [...victim]);
      // The CSV sorts first, so its copies are kept and the JSON's seven are the duplicates. That includes the
      // call, although the CSV gives its length only as "lasted 13 minutes" and the JSON to the second (754.5 s).
      expect(t.inputs.map((i) => [i.format, i.kept, i.duplicates])).toEqual([
        ['discord-csv', 7, 0],
        ['discord-json', 0, 7],
      ]);
      expect(events.map((e) => [e.kind, e.direction, e.incident, e.text ?? null])).toEqual([
        ['message', 'incoming', true, "Why won't you pick up"],
        ['message', 'outgoing', false, 'Please stop contacting me.'],
        ['message', 'incoming', true, 'I just want to talk'],
        ['media', 'incoming', true, null],
        ['call', 'incoming', true, null],
        ['message', 'incoming', true, 'You can\'t "block" me\nI\'ll find another way'],
        ['message', 'outgoing', false, 'I have reported this to the police.'],
      ]);
    });
  }

  it('gives each message the same sender and direction from either file alone', async () => {
    const { events } = await readWith(['sam.sample'], ['alex_example']);
    expect(events.every((e) => e.senderKey?.startsWith('account:'))).toBe(true);
    const one = async (file: string) => {
      const { events } = await timelineOf([file], undefined, `${CASE}/case.json`);
      return events.map((e) => [e.ms, e.direction, e.senderKey, e.sender?.name]);
    };
    expect(await one(JSON_FILE)).toEqual(await one(CSV_FILE));
  });
});
