/**
 * The phrase search on stored bytes (src/analysis/escalation/byte-search.ts) must give the exact search's answer
 * (matcher.ts) for every text it settles, and leave unsettled every text whose normal form it cannot read; and a
 * timeline read into the event store (where texts are stored bytes) must give the same content figures as the
 * same events as plain objects.
 *
 * fixtures/content-search is a WhatsApp chat with lexicon phrases in capitals, with a backtick or a typographic
 * apostrophe, split over two lines, with a tab, a no-break space, typographic quotes, … or an emoji beside them,
 * in full-width letters (NFKC), inside a longer word, followed by ™ (NFKC: "tm") or an accented letter, and more
 * surveillance matches than the five quoted examples, so that later ones are counted on their bytes alone.
 *
 * With the threats category's idioms (lexicon.ts `NOT_THREATS`), the content classifier's byte answers must agree
 * with the exact search that sets aside a term matched wholly inside an idiom (matcher.ts `compileExcept`), for the
 * built-in terms and a case file's own, also where a threat runs past an idiom or a term holds one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byteSearch, contextFreeFolds, UNSETTLED } from '../../../src/analysis/escalation/byte-search.js';
import { contentClassifier } from '../../../src/analysis/escalation/content.js';
import { analyseEscalation, BUILT_IN_LEXICON } from '../../../src/analysis/escalation/index.js';
import { resolveLexicon } from '../../../src/analysis/escalation/lexicon.js';
import {
  compileExcept,
  compilePhrases,
  foldCharacters,
  normaliseText,
} from '../../../src/analysis/escalation/matcher.js';
import type { CaseFile } from '../../../src/model/index.js';
import { listOf } from '../../../src/timeline/list.js';
import { plain } from '../../../src/timeline/store.js';
import { Zone } from '../../../src/timeline/zone.js';
import { timelineOf } from '../../helpers/timeline.js';

/** The byte search's answer for a text, read at an offset inside a larger buffer, as in the store's pages. */
const onBytes = (lists: readonly (readonly string[])[], text: string) => {
  const b = Buffer.from(` ${text}!`, 'utf8');
  return byteSearch(lists)(b, 1, b.length - 1);
};
/** The exact search's answer as the same bits. */
const exact = (lists: readonly (readonly string[])[], text: string) =>
  lists.reduce(
    (bits, list, i) => (compilePhrases(list).find(normaliseText(text)) ? bits | (1 << i) : bits),
    0,
  );

const threats = BUILT_IN_LEXICON.find((c) => c.id === 'threats')!.terms;
const surveillance = BUILT_IN_LEXICON.find((c) => c.id === 'surveillance')!.terms;

describe('the phrase search on stored bytes', () => {
  it("gives the exact search's answer for every text it settles (random texts and phrase lists)", () => {
    let settled = 0;
    let matched = 0;
    let unsettled = 0;
    let settledWide = 0;
    const words = [
      'kill',
      'you',
      'KILL',
      'You',
      'stop',
      'ped',
      "you'll",
      'you`ll',
      'you\u2019ll',
      'regret',
      'regrets',
      'skill',
      '_you',
      'you2',
      'é',
      'e\u0301',
      '\u0301',
      '😡',
      '👨\u200d👩',
      '❤\ufe0f',
      'ＫＩＬＬ',
      '™',
      '…',
      '“',
      '\u200e',
      '\u2028',
    ];
    const gaps = [
      ' ',
      '  ',
      '\t',
      '\n',
      '\r\n',
      ' \u00a0',
      '\u00a0',
      '\u3000',
      '',
      '-',
      '_',
      '.',
      "'",
      '\u200b',
    ];
    // ASCII phrases: with one that is not, every text that is not ASCII is unsettled (the next test).
    const phrasePool = [
      'kill you',
      "you'll regret",
      'stop*',
      'regret*',
      'kill',
      'ped you',
      'you',
      "'you",
      'you...',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...gaps)), { maxLength: 8 }),
        fc.array(fc.subarray(phrasePool, { minLength: 1 }), { minLength: 1, maxLength: 3 }),
        (parts, lists) => {
          const text = parts.map(([w, g]) => w + g).join('');
          const got = onBytes(lists, text);
          if (got === UNSETTLED) {
            unsettled++;
            return;
          }
          settled++;
          if (got !== 0) matched++;
          if (/[^\x00-\x7f]/.test(text)) settledWide++;
          expect(got).toBe(exact(lists, text));
        },
      ),
      { numRuns: 5000 },
    );
    expect(settled).toBeGreaterThan(2000);
    expect(settledWide).toBeGreaterThan(1200);
    expect(matched).toBeGreaterThan(800);
    expect(unsettled).toBeGreaterThan(800);
  });

  it('reads any run of white space, leading, inside or trailing, as the normal form does', () => {
    const space = fc.string({
      unit: fc.constantFrom(' ', '\t', '\n', '\r', '\u00a0', '\u3000', '\u2028'),
      maxLength: 5,
    });
    const lists = [threats, surveillance, ['stop*', 'you...']];
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(space, fc.constantFrom('kill', 'you', 'I', 'know', 'where', 'live', 'Stop', '...')),
        ),
        space,
        (parts, tail) => {
          const text = parts.map(([s, w]) => s + w).join('') + tail;
          expect(onBytes(lists, text)).toBe(exact(lists, text));
        },
      ),
      { numRuns: 2000 },
    );
    expect(onBytes(lists, '  \t\n kill \n\n you \t ')).toBe(0b001);
    expect(onBytes(lists, ' I  know\u00a0 \twhere you  live')).toBe(0b010);
  });

  it('answers two texts read side by side as it answers each alone', () => {
    const lists = [threats, surveillance, ['stop*', 'you...', "you'll regret"]];
    const search = byteSearch(lists);
    const piece = fc.constantFrom(
      'kill',
      'you',
      'KILL YOU',
      'I know where you live',
      'stop',
      'Stopping',
      'you`ll regret',
      '😡',
      'é',
      '…',
      ' ',
      '\t\n',
      '\u00a0',
      '.',
      'x',
    );
    const text = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));
    const out = new Int32Array(2);
    let bothSettled = 0;
    fc.assert(
      fc.property(text, text, (x, y) => {
        // Both texts inside one buffer, as in the store's pages.
        const buf = Buffer.from(`!${x}${y}?`, 'utf8');
        const xEnd = 1 + Buffer.byteLength(x);
        const yEnd = xEnd + Buffer.byteLength(y);
        search.two(buf, 1, xEnd, buf, xEnd, yEnd, out);
        expect([out[0], out[1]]).toEqual([search(buf, 1, xEnd), search(buf, xEnd, yEnd)]);
        expect(out[0]).toBe(onBytes(lists, x));
        if (out[0] !== UNSETTLED && out[1] !== UNSETTLED) bothSettled++;
      }),
      { numRuns: 3000 },
    );
    expect(bothSettled).toBeGreaterThan(500);
  });

  it('settles ASCII texts, emoji, typographic punctuation and full-width letters; not accents or marks', () => {
    const lists = [threats, surveillance];
    expect(onBytes(lists, 'See you at five')).toBe(0);
    expect(onBytes(lists, '')).toBe(0);
    expect(onBytes(lists, 'I will KILL\t \n YOU')).toBe(0b01);
    expect(onBytes(lists, 'skill yourself')).toBe(0); // whole words only
    expect(onBytes(lists, 'See you at five 🙂')).toBe(0);
    expect(onBytes(lists, 'I\u2019m outside… I\u2019ll kill you ❤\ufe0f')).toBe(0b11);
    expect(onBytes(lists, 'ＫＩＬＬ ＹＯＵ')).toBe(0b01);
    expect(onBytes(lists, 'kill you™')).toBe(0); // ™ is "tm" in the normal form: "youtm" is one word
    expect(onBytes(lists, 'kill\u00a0you')).toBe(0b01);
    expect(onBytes(lists, 'kill y\u200dou')).toBe(0b01); // a zero-width joiner is not in the normal form
    expect(onBytes(lists, 'kill you\u0301')).toBe(UNSETTLED); // NFKC composes the mark with the letter before
    expect(onBytes(lists, 'café, kill you')).toBe(UNSETTLED);
    expect(onBytes([["you'll regret"]], 'you`ll REGRET it')).toBe(1);
    expect(onBytes([['regret*']], 'Regretting it')).toBe(1);
    expect(onBytes([['regret*']], 'unregretted')).toBe(0);
    // A phrase that is not ASCII can only match a text that is not: ASCII texts are settled, the others are not.
    expect(onBytes([['café']], 'cafe')).toBe(0);
    expect(onBytes([['café']], 'café')).toBe(UNSETTLED);
    expect(onBytes([['café']], 'cafe 🙂')).toBe(UNSETTLED);
  });

  it('reads outside ASCII only characters whose fold does not depend on their neighbours', () => {
    // The neighbours a settled text can give it: ASCII, and characters read here.
    const neighbours = [
      'a',
      'Z',
      '1',
      '_',
      ' ',
      "'",
      '🙂',
      '\u200d',
      '\u00a0',
      '\ufe0f',
      'Ａ',
      '…',
      '\u2019',
      '™',
    ];
    const folds = contextFreeFolds();
    expect(folds.size).toBeGreaterThan(3000);
    for (const [cp, fold] of folds) {
      const ch = String.fromCodePoint(cp);
      for (const before of neighbours) {
        for (const after of neighbours) {
          const whole = foldCharacters(`x${before}${ch}${after}x`);
          const pieces = foldCharacters(`x${before}`) + fold + foldCharacters(`${after}x`);
          if (whole !== pieces) {
            throw new Error(
              `U+${cp.toString(16)} between ${JSON.stringify(before)} and ${JSON.stringify(after)}`,
            );
          }
        }
      }
    }
    expect(folds.get(0x2019)).toBe("'");
    expect(folds.get(0x2026)).toBe('...');
    expect(folds.get(0x1f642)).toBe('🙂');
    expect(folds.get(0x200e)).toBe('');
    expect(folds.has(0x00e9)).toBe(false); // é
    expect(folds.has(0x0301)).toBe(false); // a combining mark
  });

  it("agrees with the exact search with the idioms set aside, a case file's terms included (random texts)", () => {
    // Idioms whole, their words, and words of the threats terms, so that texts hold idioms, threats that run past
    // or start before one, and terms that hold one.
    const words = [
      'dressed to kill',
      'Kill them with kindness',
      "I'll kill 'em with kindness",
      'I\u2019ll kill \u2019em with kindness',
      'hurt your feelings',
      'kill time',
      'killing it',
      'dressed',
      'kill',
      'KILL',
      'you',
      'him',
      'them',
      'yall',
      "i'll",
      'with',
      'kindness',
      'hurt',
      'your',
      'time',
      'tonight',
      '😡',
    ];
    const gaps = [' ', '  ', ', ', '. ', '\n', '\t', '-'];
    // The built-in terms, and a case file's own threats terms added or in their place: some hold an idiom, some
    // lie inside one, or start it.
    const lexicons = fc.constantFrom<CaseFile['lexicon']>(
      undefined,
      { threats: ['hurt your feelings', 'dressed to kill you', 'kill time with you'] },
      { threats: ['kill*', 'dressed*', 'killing it'] },
      {
        threats: {
          terms: ['kill time', 'with kindness', 'dressed to kill you', 'hurt your feelings', 'you'],
          replace: true,
        },
      },
    );
    let settled = 0;
    let unsettled = 0;
    let threatsExact = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...gaps)), {
          minLength: 1,
          maxLength: 6,
        }),
        lexicons,
        (parts, lexicon) => {
          const text = parts.map(([w, g]) => w + g).join('');
          const categories = resolveLexicon(lexicon).categories;
          const norm = normaliseText(text);
          const want = categories.reduce((bits, c, i) => {
            if (c.idioms.length === 0) return compilePhrases(c.terms).find(norm) ? bits | (1 << i) : bits;
            const hit = compileExcept({ phrases: c.terms, setAside: c.idioms }).find(norm);
            // The rule read plainly: the first place where a term matches, not wholly inside an idiom and shorter.
            const spans = c.idioms.flatMap((d) => matchesOf(d, norm));
            const counted = c.terms.flatMap((t) =>
              matchesOf(t, norm)
                .filter(([a, b]) => !spans.some(([x, y]) => x <= a && b <= y && y - x > b - a))
                .map(([a]) => ({ phrase: t, index: a })),
            );
            const first = Math.min(...counted.map((h) => h.index));
            expect(hit?.index, `${c.id}: ${norm}`).toBe(counted.length === 0 ? undefined : first);
            if (hit) expect(counted, `${c.id}: ${norm}`).toContainEqual(hit);
            return hit ? bits | (1 << i) : bits;
          }, 0);
          if (want & (1 << categories.findIndex((c) => c.id === 'threats'))) threatsExact++;
          const bytes = Buffer.from(` ${text}!`, 'utf8');
          const got = contentClassifier(lexicon)(bytes, 1, bytes.length - 1);
          if (got === UNSETTLED) {
            unsettled++;
            return;
          }
          settled++;
          expect(got, text).toBe(want);
        },
      ),
      { numRuns: 3000 },
    );
    expect(settled).toBeGreaterThan(600);
    expect(unsettled).toBeGreaterThan(600);
    expect(threatsExact).toBeGreaterThan(400);
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
    expect(stored.textsSearched).toBe(26);
    // Threats: ＫＩＬＬ ＹＯＵ. Intimidation: you`ll regret, make you / pay, Watch <tab> your back, you will be
    // sorry, “you’ll regret this”. Surveillance: I KNOW WHERE YOU LIVE, … live 😡, I am outside, I saw you at the
    // gym…, I’m outside 👀 (twice), I’m watching you ❤️, know where you work, I saw you with them, I know<no-break
    // space>where you live, Followed you home, your lights are on. "skilled", "Regretting", "I’m outsidé" and
    // "watching you™" match nothing.
    expect(byId).toEqual({
      threats: 1,
      intimidation: 5,
      'self-harm': 0,
      surveillance: 12,
      'third-parties': 0,
      sexual: 0,
      abuse: 0,
      'property-damage': 0,
      violence: 0,
    });
    // The first five distinct texts are quoted; the seven after them were counted on their bytes alone.
    expect(stored.categories.find((c) => c.id === 'surveillance')!.examples.map((e) => e.text)).toEqual([
      'I KNOW WHERE YOU LIVE',
      'I know where you live 😡',
      'I am outside',
      'I saw you at the gym…',
      'I’m outside 👀',
    ]);
  });
});

const WORD = /[\p{L}\p{N}_]/u;

/** [start, end) of every match of a phrase in a normalised text, found one place at a time: the rule read plainly. */
function matchesOf(phrase: string, norm: string): [number, number][] {
  const stem = phrase.endsWith('*');
  const body = normaliseText(stem ? phrase.slice(0, -1) : phrase);
  const out: [number, number][] = [];
  for (let i = norm.indexOf(body); i !== -1; i = norm.indexOf(body, i + 1)) {
    if (i > 0 && WORD.test(norm[i - 1]!)) continue;
    let end = i + body.length;
    if (stem) while (end < norm.length && WORD.test(norm[end]!)) end++;
    if (end < norm.length && WORD.test(norm[end]!)) continue;
    out.push([i, end]);
  }
  return out;
}
