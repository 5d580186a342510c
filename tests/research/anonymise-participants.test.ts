/**
 * A Messenger or Instagram thread's participants who never send a message or react: no event names them, only
 * the thread's `participants` list, yet a text may ("Zoë Example told me everything"). `anonymise` must redact
 * them as it does the senders (sources/meta/people.ts → SourceContext.people → Ingested.people → names.ts'
 * neighbours in anonymise/index.ts), and leave the stand-in Meta writes for a deleted account ("Facebook user")
 * alone, whose words are no one's name.
 */
import { cpSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { timelineOf } from '../helpers/timeline.js';
import { anonymisedFolderTexts, KEY_A, keyFile, scratch } from './env.js';

const tmp = scratch();
const key = keyFile(tmp, KEY_A);

const CLASSIC = 'fixtures/messenger-json/silent-participant';
const E2EE = 'fixtures/messenger-e2ee-json/silent-participant';

const NAME = /\[NAME:p[0-9a-f]{4}\]/.source;

/** The anonymised texts of a copy of `fixture` (a folder) read with a case naming Renée and Alex, in file order. */
async function anonymisedTexts(name: string, fixture: string): Promise<string[]> {
  const dir = path.join(tmp, 'in', name);
  mkdirSync(dir, { recursive: true });
  cpSync(fixture, dir, { recursive: true });
  const kase = {
    title: 'Silent participants',
    timezone: 'UTC',
    victim: { name: 'Alex Morgan', identifiers: ['Alex Morgan'] },
    subject: { name: 'Renée Sample', identifiers: ['Renée Sample'] },
  };
  return anonymisedFolderTexts(dir, kase, path.join(tmp, 'out', name), key);
}

describe('anonymise: Messenger participants who never send or react', () => {
  it('redacts a silent participant of a classic thread, in full and by first name', async () => {
    const texts = await anonymisedTexts('classic', CLASSIC);
    expect(texts).toHaveLength(4);
    const all = texts.join('\n');
    for (const leaked of ['Zoë', 'Example', 'Renée', 'Sample', 'Alex', 'Morgan'])
      expect(all).not.toMatch(new RegExp(`(?<!\\p{L})${leaked}(?!\\p{L})`, 'u'));
    expect(texts).toEqual([
      expect.stringMatching(new RegExp(`^${NAME} told me everything about you$`)),
      expect.stringMatching(new RegExp(`^Ask ${NAME}, she saw you at the station$`)),
      // "Facebook user" is Meta's stand-in for a deleted account: its words are left where a text uses them.
      "Block me again and I'll find you as another Facebook user 😠",
      'Please stop messaging me. I have blocked you twice.',
    ]);
    // The silent participant has one pseudonym, the same in full and by first name, and not the subject's.
    const zoe = [texts[0]!, texts[1]!].map((t) => t.match(new RegExp(NAME))![0]);
    expect(zoe[0]).toBe(zoe[1]);
  });

  it('redacts a silent participant of an end-to-end-encrypted thread', async () => {
    const texts = await anonymisedTexts('e2ee', E2EE);
    expect(texts).toEqual([
      expect.stringMatching(new RegExp(`^${NAME} told me where you work$`)),
      'Leave me alone.',
    ]);
  });

  it('leaves the timeline as it was: the participants reach anonymise beside the events, in none of them', async () => {
    const { t, events } = await timelineOf([CLASSIC]);
    expect([...t.people]).toEqual(['Renée Sample', 'Zoë Example', 'Alex Morgan']);
    expect(events.map((e) => e.details)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('takes the participants of the end-to-end-encrypted and the HTML export too', async () => {
    expect([...(await timelineOf([E2EE])).t.people]).toEqual(['Renée Sample', 'Zoë Example', 'Alex Morgan']);
    const html = await timelineOf(['fixtures/messenger-html/layout-2023']);
    expect([...html.t.people]).toEqual(['Renée Sample', 'Zoë Example']);
  });
});
