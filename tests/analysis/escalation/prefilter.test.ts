/**
 * The content lexicon's quick byte test (src/analysis/escalation/prefilter.ts) may send a text to the exact
 * search wrongly, but must never keep back one the exact search would match; and a timeline read into the event
 * store (where texts are stored bytes) must give the same content figures as the same events as plain objects.
 *
 * fixtures/content-search is a WhatsApp chat with lexicon phrases in capitals, with a backtick apostrophe, split
 * over two lines, with a tab and spaces inside, beside an emoji, in full-width letters (NFKC) and inside a longer
 * word, plus texts that match nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseEscalation, BUILT_IN_LEXICON } from '../../../src/analysis/escalation/index.js';
import { compilePhrases, normaliseText } from '../../../src/analysis/escalation/matcher.js';
import { asciiPrefilter } from '../../../src/analysis/escalation/prefilter.js';
import { listOf } from '../../../src/timeline/list.js';
import { plain } from '../../../src/timeline/store.js';
import { Zone } from '../../../src/timeline/zone.js';
import { timelineOf } from '../../helpers/timeline.js';

const bytesOf = (text: string) => Buffer.from(text, 'utf8');
const mayMatchText = (phrases: readonly string[], text: string) => {
  const b = bytesOf(` ${text}!`); // at an offset inside a larger buffer, as in the store's pages
  return asciiPrefilter(phrases)(b, 1, b.length - 1);
};

describe('the quick byte test before the exact phrase search', () => {
  it('passes every text the exact search matches (random texts and phrase lists)', () => {
    let matched = 0;
    const words = [
      'kill',
      'you',
      'KILL',
      'You',
      'stop',
      'ped',
      "you'll",
      'you`ll',
      'regret',
      'é',
      '😡',
      'ＫＩＬＬ',
    ];
    const gaps = [' ', '  ', '\t', '\n', '\r\n', ' \u00a0', '', '-', '_', '.'];
    const phrasePool = ['kill you', "you'll regret", 'stop*', 'regret*', 'é', '😡 you', 'kill', 'ped you'];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...gaps)), { maxLength: 8 }),
        fc.subarray(phrasePool, { minLength: 1 }),
        (parts, phrases) => {
          const text = parts.map(([w, g]) => w + g).join('');
          const exact = compilePhrases(phrases).find(normaliseText(text)) !== undefined;
          if (exact) {
            matched++;
            expect(mayMatchText(phrases, text)).toBe(true);
          }
        },
      ),
      { numRuns: 3000 },
    );
    expect(matched).toBeGreaterThan(300);
  });

  it('keeps back ASCII texts that hold no phrase, and sends on every text that is not ASCII', () => {
    const threats = BUILT_IN_LEXICON.find((c) => c.id === 'threats')!.terms;
    expect(mayMatchText(threats, 'See you at five')).toBe(false);
    expect(mayMatchText(threats, '')).toBe(false);
    expect(mayMatchText(threats, 'I will KILL\t \n YOU')).toBe(true);
    expect(mayMatchText(threats, 'skill yourself')).toBe(true); // no word boundaries here: the exact search decides
    expect(mayMatchText(threats, 'See you at five 🙂')).toBe(true);
    expect(mayMatchText(["you'll regret"], 'you`ll REGRET it')).toBe(true);
    expect(mayMatchText(['regret*'], 'Regretting it')).toBe(true);
    // A phrase that is not ASCII can only match a text that is not: it keeps back nothing that could match.
    expect(mayMatchText(['café'], 'cafe')).toBe(false);
    expect(mayMatchText(['café'], 'café')).toBe(true);
  });
});

describe('content and cease-request figures from the event store', () => {
  it('equal those from the same events as plain objects', async () => {
    const {
      t,
      events,
      case: kase,
    } = await timelineOf(['fixtures/content-search'], () => ({
      timezone: 'Europe/London',
      subject: { name: undefined, identifiers: ['Dan'] },
      victim: { name: undefined, identifiers: ['Amy'] },
    }));
    const zone = new Zone('Europe/London');
    const fromStore = analyseEscalation({ events: t.events, zone, case: kase, inputs: t.inputs });
    const fromObjects = analyseEscalation({
      events: listOf(events.map(plain)),
      zone,
      case: kase,
      inputs: t.inputs,
    });
    expect(fromStore).toEqual(fromObjects);
    expect(fromStore.ceaseRequest.requests.map((r) => r.phrase)).toEqual(['please stop contacting me']);
    const stored = fromStore.content;
    const byId = Object.fromEntries(stored.categories.map((c) => [c.id, c.incidents]));
    expect(stored.textsSearched).toBe(14);
    // ＫＩＬＬ ＹＯＵ; you`ll regret, make you / pay, Watch <tab> your back, you will be sorry; I KNOW WHERE YOU
    // LIVE, … live 😡, I am outside. "skilled" and "Regretting" match nothing.
    expect(byId).toEqual({
      threats: 1,
      intimidation: 4,
      'self-harm': 0,
      surveillance: 3,
      'third-parties': 0,
      sexual: 0,
      abuse: 0,
      'property-damage': 0,
      violence: 0,
    });
  });
});
