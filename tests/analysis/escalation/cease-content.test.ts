/** Cease requests in the victim's messages, and the content lexicon over the incidents' text. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_LEXICON, DEFAULT_CEASE_PHRASES } from '../../../src/analysis/escalation/index.js';
import {
  compilePhrases,
  MAYBE_INVISIBLE,
  normaliseText,
  searchAll,
} from '../../../src/analysis/escalation/matcher.js';
import { analyse, daily, type Ev, ev, input, kase } from './helpers.js';

const inputs = [
  input('case/WhatsApp Chat with Sam.txt', 'whatsapp-txt'),
  input('case/notes.txt', 'whatsapp-txt'),
];
const sam = { conversation: 'Sam', channel: 'whatsapp' as const, sender: 'Sam' };
const victim = (at: string, text: string, over: Partial<Ev> = {}) =>
  ev({ ...sam, at, text, incident: false, role: 'victim', direction: 'outgoing', sender: 'Alex', ...over });

describe('cease requests', () => {
  const events = [
    ...daily('2024-01-01', new Array(30).fill(1), sam),
    victim('2024-01-03T09:00:00Z', 'He just won’t leave me alone', { conversation: 'Jess' }),
    victim('2024-01-04T09:00:00Z', 'I was nonstop messaging me-time plans'),
    victim('2024-01-05T20:00:00Z', 'I’m busy. STOP   messaging me!'),
    victim('2024-01-20T20:00:00Z', 'Don’t contact me again.'),
    ev({
      at: '2024-01-22T20:00:00Z',
      text: 'please leave me alone',
      incident: false,
      role: 'victim',
      direction: 'outgoing',
      channel: 'sms',
      input: 0,
    }),
  ];
  const e = analyse(events, kase(), inputs);
  const c = e.ceaseRequest;

  it('finds the requests in outgoing messages to the subject only, whole words, apostrophes folded', () => {
    expect(c.phrasesSource).toBe('built-in');
    expect(c.phrases).toEqual([...DEFAULT_CEASE_PHRASES]);
    expect(c.searched).toBe(4);
    expect(c.requests.map((r) => [r.event.local, r.phrase, r.recipient, r.text])).toEqual([
      ['2024-01-05 20:00:00', 'stop messaging me', 'subject-conversation', 'I’m busy. STOP messaging me!'],
      ['2024-01-20 20:00:00', "don't contact me", 'subject-conversation', 'Don’t contact me again.'],
      ['2024-01-22 20:00:00', 'leave me alone', 'unknown', 'please leave me alone'],
    ]);
  });

  it('reports the first request and the contact after it', () => {
    expect(c.first?.event.file).toBe('case/WhatsApp Chat with Sam.txt');
    expect(c.first?.incidentsAfter).toBe(25);
    expect(c.afterFirst).toMatchObject({ count: 25, byChannel: [{ channel: 'whatsapp', count: 25 }] });
    expect(c.afterFirst?.comparison).toMatchObject({ status: 'below-minimum', before: { count: 5 } });
    // The request is timed to the second (20:00:00): the before side runs to the end of that second.
    expect(c.afterFirst?.comparison.before.days).toBeCloseTo(4 + (20 * 3600 + 1) / 86_400, 12);
    expect(e.findings).toContain(
      'Alex first asked for contact to stop on 5 January 2024 at 20:00 (whatsapp: “I’m busy. STOP messaging me!”, WhatsApp Chat with Sam.txt, line 4); 2 later messages also contain a request to stop, on 20 January 2024 and 22 January 2024.'.replace(
        'line 4',
        c.first!.event.locator,
      ),
    );
  });

  it('uses the case file phrases instead of the built-in list', () => {
    const e2 = analyse(events, kase({ ceasePhrases: ['won’t leave'] }), inputs);
    expect(e2.ceaseRequest.phrasesSource).toBe('case-file');
    expect(e2.ceaseRequest.requests).toEqual([]);
    const e3 = analyse(events, kase({ ceasePhrases: ['again'] }), inputs);
    expect(e3.ceaseRequest.requests.map((r) => r.phrase)).toEqual(['again']);
  });
});

describe('the phrase matcher', () => {
  const m = compilePhrases(['kill you', 'regret*', "don't"]);
  const find = (t: string) => m.find(normaliseText(t))?.phrase;

  it('matches whole words only, case-insensitively, after NFKC and apostrophe folding', () => {
    expect(find('I will KILL you')).toBe('kill you');
    expect(find('I will skill you up')).toBeUndefined();
    expect(find('ｋｉｌｌ ｙｏｕ')).toBe('kill you');
    expect(find('kill\n\tyou')).toBe('kill you');
    expect(find('kill\u200Byou')).toBeUndefined();
    // Any invisible character inside a word is read past (the reports mark it where they show the text).
    for (const hidden of ['\u034F', '\u00AD', '\u2060', '\uFE00', '\u2065', '\u3164', '\u{E0041}'])
      expect(find(`k${hidden}ill you`), JSON.stringify(hidden)).toBe('kill you');
    expect(find('You will regrets it')).toBe('regret*');
    expect(find('unregretful')).toBeUndefined();
    expect(find('I don’t care')).toBe("don't");
    expect(find('I don`t care')).toBe("don't");
  });

  it('tests every invisible character it reads past with its quick check first', () => {
    const invisible = /^\p{Default_Ignorable_Code_Point}$/u;
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCodePoint(cp);
      if (invisible.test(c)) expect(MAYBE_INVISIBLE.test(c), cp.toString(16)).toBe(true);
    }
  });

  it('treats phrases as literals, never as patterns', () => {
    const lit = compilePhrases(['a.b', '(x)', 'c+']);
    expect(lit.find('axb')).toBeUndefined();
    expect(lit.find('say a.b now')?.phrase).toBe('a.b');
    expect(lit.find('ccc')).toBeUndefined();
  });

  it('stays linear on hostile text (long words, repeated near-misses)', () => {
    const big = compilePhrases(BUILT_IN_LEXICON.flatMap((c) => c.terms));
    const texts = [
      'a'.repeat(2_000_000),
      'your '.repeat(400_000),
      'kill kil '.repeat(250_000),
      `${'x'.repeat(1_000_000)} kill you`,
    ];
    const t0 = performance.now();
    const found = texts.map((t) => big.find(normaliseText(t))?.phrase);
    expect(found).toEqual([undefined, undefined, undefined, 'kill you']);
    // Generous: a backtracking blow-up would take minutes, not seconds.
    expect(performance.now() - t0).toBeLessThan(20_000);
  });
});

describe('the phrase matcher, checked against a look-behind expression', () => {
  it('finds what a look-behind expression finds: the first phrase at word boundaries, by code point', () => {
    const phrases = ['kill you', 'you', 'stop*', 'é', '😡 now', 'ñandú', 'a'];
    const matcher = compilePhrases(phrases);
    // The expression the matcher once was: boundaries on both sides in the expression itself.
    const sources = phrases
      .map((p) => (p.endsWith('*') ? `${p.slice(0, -1)}[\\p{L}\\p{N}_]*` : p))
      .sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    const reference = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${sources.join('|')})(?![\\p{L}\\p{N}_])`, 'u');
    // Letters, digits, _, an astral letter (𝒜 is one code point, two UTF-16 units), an emoji and spaces.
    const pieces = [
      'kill',
      ' ',
      'you',
      'stop',
      'ped',
      'x',
      '_',
      '1',
      'é',
      '😡',
      ' now',
      '𝒜',
      'ñandú',
      'a',
      '-',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const m = reference.exec(text);
        expect(matcher.find(text)?.index).toBe(m?.index);
        if (m)
          expect(
            text.slice(m.index).startsWith(normaliseText(matcher.find(text)!.phrase.replace('*', ''))),
          ).toBe(true);
      }),
      { numRuns: 2000 },
    );
    expect(matcher.find('𝒜you')).toBeUndefined();
    expect(matcher.find('😡you')).toEqual({ phrase: 'you', index: 2 });
  });
});

describe('searching many texts at once', () => {
  it('answers a repeated text as it answered it the first time, whatever else came between', () => {
    const threats = compilePhrases(['kill you']);
    const stop = compilePhrases(['stop']);
    const search = searchAll([threats, stop], compilePhrases(['kill you', 'stop']), 3);
    // Texts of one length and first and last letter share a slot of the table of recent texts; the memory
    // behind it holds only 3, so later texts are searched afresh.
    const texts = [
      'kill you now',
      'kxll you now',
      'kill you nxw',
      'stop it',
      'ktop it',
      'stop at',
      'well then',
    ];
    const fresh = (t: string) => {
      const norm = normaliseText(t);
      const hits = [threats.find(norm), stop.find(norm)];
      return hits.some(Boolean) ? { normalised: norm, hits } : undefined;
    };
    for (let round = 0; round < 3; round++) {
      for (const t of [...texts, ...texts.slice().reverse()]) expect(search(t)).toEqual(fresh(t));
    }
  });
});

describe('content lexicon', () => {
  const events = [
    ev({ at: '2024-01-03T10:00:00Z', text: 'I will KILL you' }),
    ev({ at: '2024-01-04T10:00:00Z', text: 'Great skill you have' }),
    ev({ at: '2024-01-05T10:00:00Z', text: 'I saw you at the gym on Tuesday' }),
    ev({ at: '2024-02-05T10:00:00Z', text: 'I know you’re home. Your light is on.' }),
    ev({ at: '2024-02-06T10:00:00Z', text: 'I know you’re home. Your light is on.' }),
    ev({ at: '2024-02-07T10:00:00Z', text: 'I called your work' }),
    ev({
      at: '2024-02-08T10:00:00Z',
      text: 'I will kill myself',
      incident: false,
      role: 'victim',
      direction: 'outgoing',
    }),
  ];
  const e = analyse(events);
  const cat = (id: string) => e.content.categories.find((c) => c.id === id)!;

  it('counts incidents per category and month, with the first and quoted examples', () => {
    expect(e.content.lexiconSource).toBe('built-in');
    expect(e.content.categories.map((c) => c.id)).toEqual(BUILT_IN_LEXICON.map((c) => c.id));
    expect(cat('threats')).toMatchObject({ incidents: 1, byMonth: [{ month: '2024-01', count: 1 }] });
    expect(cat('threats').examples).toEqual([
      {
        event: expect.objectContaining({ local: '2024-01-03 10:00:00' }),
        term: 'kill you',
        text: 'I will KILL you',
      },
    ]);
    expect(cat('surveillance')).toMatchObject({
      incidents: 3,
      byMonth: [
        { month: '2024-01', count: 1 },
        { month: '2024-02', count: 2 },
      ],
    });
    // The same text twice is quoted once.
    expect(cat('surveillance').examples.map((x) => x.text)).toEqual([
      'I saw you at the gym on Tuesday',
      'I know you’re home. Your light is on.',
    ]);
    expect(cat('surveillance').first?.local).toBe('2024-01-05 10:00:00');
    expect(cat('third-parties').incidents).toBe(1);
    // The victim's own message is not an incident and is never searched.
    expect(cat('self-harm').incidents).toBe(0);
  });

  it('extends, replaces and adds categories from the case file', () => {
    const e2 = analyse(
      events,
      kase({
        lexicon: {
          threats: ['great skill'],
          surveillance: { terms: ['gym'], replace: true },
          money: ['called your'],
        },
      }),
    );
    const c2 = (id: string) => e2.content.categories.find((c) => c.id === id)!;
    expect(e2.content.lexiconSource).toBe('built-in+case-file');
    expect(c2('threats').incidents).toBe(2);
    expect(c2('threats').terms.at(-1)).toBe('great skill');
    expect(c2('surveillance')).toMatchObject({ terms: ['gym'], incidents: 1 });
    expect(c2('money')).toMatchObject({ label: 'money', incidents: 1 });
  });

  it('quotes long texts around the match, verbatim', () => {
    const long = `${'blah '.repeat(200)}I know where you live${' blah'.repeat(200)}`;
    const ex = analyse([ev({ at: '2024-01-01T10:00:00Z', text: long })]).content.categories.find(
      (c) => c.id === 'surveillance',
    )!.examples[0]!;
    expect(ex.text).toContain('I know where you live');
    expect(ex.text.startsWith('…')).toBe(true);
    expect(ex.text.endsWith('…')).toBe(true);
    expect(ex.text.length).toBeLessThanOrEqual(242);
  });
});
