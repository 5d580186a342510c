/**
 * Stock idioms that use the words of a threat are not threats (fixtures/lexicon-idioms). The threats terms name
 * whom they threaten ("kill them", "kill you", "hurt your"), so "kill them with kindness", "I'll kill 'em with
 * kindness", "kill her with kindness" and "Sorry if I hurt your feelings" were counted as threats to kill or harm:
 * in the content counts, the first threat's date, the quoted examples, the S-DASH sheet's question 6 and the
 * timeline's lexicon column. The category now sets aside a short list of idioms (lexicon.ts `NOT_THREATS`): their
 * terms matched wholly inside one do not count while a threat elsewhere in the same message
 * ("Kill them with kindness? No. I'll kill you.") still does. Real threats ("I will kill you", "I'll kill them",
 * "gonna kill you", "I will kill them with my bare hands", "I'll hurt your family") and telling the victim to "go
 * kill yourself" (abuse) keep their categories. Idioms no built-in term matched ("killing it", "dressed to kill",
 * "kill time", "my feet are killing me", …) match nothing still, and are set aside from a case file's broader term
 * ("kill*") too. Made by the built CLI (text marks read while the timeline is read, the byte search) and in-process.
 *
 * Only a match wholly inside an idiom is set aside (fixtures/lexicon-idiom-overlap): the idiom's words were once
 * blanked out, so a threat that shares words with one and runs past it ("I got dressed to kill you tonight": "kill
 * you" against "dressed to kill") was lost, and a case file's own term that holds an idiom ("hurt your feelings",
 * "dressed to kill you", "kill time with you") could never match though the JSON listed it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNSETTLED } from '../../src/analysis/escalation/byte-search.js';
import { contentClassifier } from '../../src/analysis/escalation/content.js';
import { NOT_THREATS, resolveLexicon } from '../../src/analysis/escalation/lexicon.js';
import { compileExcept, compilePhrases, normaliseText } from '../../src/analysis/escalation/matcher.js';
import { type Report, ReportSchema } from '../../src/model/index.js';
import { cli, NOW } from '../helpers/cli.js';
import { reportOf } from '../helpers/report.js';

const DIR = 'fixtures/lexicon-idioms';
const CHAT = `${DIR}/WhatsApp Chat with Morgan.txt`;

/** Each of Morgan's messages and the categories its words name, written by hand. */
const EXPECTED: readonly (readonly [string, readonly string[]])[] = [
  // Idioms: no category (the first five were threats before the idioms were set aside).
  ["Kill them with kindness, that's what my mum always says", []],
  ["I'll kill them with kindness", []],
  ['I’ll kill ’em with kindness', []],
  ['Just kill her with kindness', []],
  ['Sorry if I hurt your feelings', []],
  ["You're killing it at work", []],
  ['Killed it at the gym today', []],
  ['You look dressed to kill', []],
  ['Just trying to kill time', []],
  ["You're killing me with these jokes", []],
  ['My feet are killing me', []],
  ['Kill two birds with one stone and pick up your keys', []],
  ['I could kill for a coffee right now', []],
  // Threats, kept.
  ['I will kill you', ['threats']],
  ["I'll kill them", ['threats']],
  ['gonna kill you', ['threats']],
  ["Kill them with kindness? No. I'll kill you.", ['threats']],
  ['I will kill them with my bare hands', ['threats']],
  ["I'll hurt your family", ['threats', 'third-parties']],
  ['go kill yourself', ['abuse']],
];
const THREATS = EXPECTED.filter(([, ids]) => ids.includes('threats')).map(([t]) => t);

let report: Report;
let inProcess: Report;
beforeAll(async () => {
  const r = cli(['report', DIR, '--format', 'json', '--chronology', '--now', NOW, '-q']);
  expect(r.code, r.stderr).toBe(0);
  report = ReportSchema.parse(JSON.parse(r.stdout));
  inProcess = await reportOf([DIR]);
});

const category = (r: Report, id: string) => r.escalation!.content.categories.find((c) => c.id === id)!;

describe('stock idioms in the content lexicon', () => {
  it('put each message in the categories its words name, in the chronology of both reports', () => {
    for (const r of [report, inProcess]) {
      expect(r.chronology!.map((x) => [x.text, x.lexicon])).toEqual(
        EXPECTED.map(([t, ids]) => [t, [...ids]]),
      );
    }
    expect(inProcess.escalation!.content).toEqual(report.escalation!.content);
  });

  it('count only the real threats, date the first by one, and quote no idiom', () => {
    for (const r of [report, inProcess]) {
      const threats = category(r, 'threats');
      expect(threats.incidents).toBe(THREATS.length);
      expect(threats.first!.local.slice(0, 10)).toBe('2024-05-28');
      expect(threats.examples.map((x) => [x.term, x.text])).toEqual([
        ['kill you', 'I will kill you'],
        ['kill them', "I'll kill them"],
        ['kill you', 'gonna kill you'],
        // The threat beside the idiom, not the idiom's "kill them".
        ['kill you', "Kill them with kindness? No. I'll kill you."],
        ['kill them', 'I will kill them with my bare hands'],
      ]);
      expect(category(r, 'abuse')).toMatchObject({ incidents: 1, examples: [{ term: 'kill yourself' }] });
      const q6 = r.escalation!.sdash.find((q) => q.number === 6)!;
      expect(q6.facts.find((f) => f.text.includes('threats-to-kill-or-harm terms'))!.text).toBe(
        `${THREATS.length} incidents have text matching the threats-to-kill-or-harm terms of the lexicon (for a person to read in context; examples are linked).`,
      );
    }
  });

  it('list the idioms beside the terms in the JSON, and say so in the methods', () => {
    const threats = category(report, 'threats');
    expect(threats.idioms).toEqual([...NOT_THREATS]);
    expect(threats.idioms).toContain('kill them with kindness');
    for (const c of report.escalation!.content.categories.filter((k) => k.id !== 'threats'))
      expect(c.idioms, c.id).toBeUndefined();
    const m = report.escalation!.methods.find((x) => x.name === 'Content lexicon')!;
    expect(m.description).toContain(
      `The terms of “Threats to kill or harm” are not counted inside ${NOT_THREATS.length} stock idioms that use their words but threaten no one (“kill them with kindness”, “hurt your feelings”, …; listed as the category's idioms in the JSON): a match wholly inside an idiom is not counted, while a term elsewhere in the same text, one that runs past the idiom (“dressed to kill you”) and a term that holds a whole idiom still count.`,
    );
  });
});

describe('the threats matcher with its idioms set aside', () => {
  const threats = resolveLexicon(undefined).categories.find((c) => c.id === 'threats')!;
  const plain = compilePhrases(threats.terms);
  const except = compileExcept({ phrases: threats.terms, setAside: threats.idioms });

  it('matched the kindness idioms and "hurt your feelings" before, and no longer does', () => {
    for (const t of [
      'kill them with kindness',
      "I'll kill 'em with kindness",
      'kill you with kindness',
      'kill your enemies with kindness',
      "I didn't mean to hurt your feelings",
    ]) {
      expect(plain.find(normaliseText(t)), t).toBeDefined();
      expect(except.find(normaliseText(t)), t).toBeUndefined();
    }
  });

  it('finds a threat beside an idiom at its own place, and threats that only look like the idiom', () => {
    const t = normaliseText("Kill them with kindness? No. I'll kill you.");
    expect(except.find(t)).toEqual({ phrase: 'kill you', index: t.indexOf('kill you') });
    for (const [text, phrase] of [
      ['I will kill you', 'kill you'],
      ['kill yourself, kill your', 'kill your'],
      ["I'll kill them", 'kill them'],
      ['gonna kill you', 'kill you'],
      ['kill them with a knife', 'kill them'],
      ['kill them, with kindness gone', 'kill them'],
      ['skill them with kindness and kill them after', 'kill them'],
    ] as const)
      expect(except.find(normaliseText(text))?.phrase, text).toBe(phrase);
    // "kill yourself" is no threats term (it is under abuse): its "kill your" is a whole-word miss.
    expect(except.find(normaliseText('kill yourself'))).toBeUndefined();
  });

  it('counts a threat that shares words with an idiom and runs past it, at its own place', () => {
    for (const [text, phrase, at] of [
      ['I got dressed to kill you tonight', 'kill you', 'kill you'],
      ['Dressed to kill him, watch', 'kill him', 'kill him'],
      ['dressed to kill yall', 'kill yall', 'kill yall'],
      ['you look dressed to kill u', 'kill u', 'kill u'],
      ['kill time? kill them with kindness? kill them all', 'kill them', 'kill them all'],
    ] as const) {
      const t = normaliseText(text);
      expect(plain.find(t), text).toBeDefined();
      expect(except.find(t), text).toEqual({ phrase, index: t.indexOf(at) });
    }
  });

  it('sets aside a term wholly inside an idiom, one that starts the idiom included', () => {
    for (const t of [
      'kill them with kindness',
      'Kill them with kindness, then',
      "I'll kill 'em with kindness",
      'I’ll kill ’em with kindness',
      'i will kill em with kindness',
      'kill you with kindness',
      'sorry if i hurt your feelings',
      'dressed to kill',
    ])
      expect(except.find(normaliseText(t)), t).toBeUndefined();
  });

  it("matches a case file's own term that holds a whole idiom, longest first, the idiom alone included", () => {
    const own = compileExcept({
      phrases: [...threats.terms, 'hurt your feelings', 'dressed to kill you', 'kill time with you'],
      setAside: threats.idioms,
    });
    for (const [text, phrase, at] of [
      ['Sorry if I hurt your feelings', 'hurt your feelings', 'hurt'],
      ["I'll hurt your feelings", 'hurt your feelings', 'hurt'],
      ['I got dressed to kill you tonight', 'dressed to kill you', 'dressed'],
      ['I want to kill time with you', 'kill time with you', 'kill'],
    ] as const) {
      const t = normaliseText(text);
      expect(own.find(t), text).toEqual({ phrase, index: t.indexOf(at) });
    }
    for (const t of ['Just trying to kill time', 'You look dressed to kill', 'kill them with kindness'])
      expect(own.find(normaliseText(t)), t).toBeUndefined();
    // A phrase that covers the idiom is found where a longer expression at the same place ("dressed*", tried
    // first) lies inside it: the search tries the others there before going on.
    const stems = compileExcept({ phrases: ['dressed*', 'dressed to kill you'], setAside: threats.idioms });
    expect(stems.find('dressed to kill you')).toEqual({ phrase: 'dressed to kill you', index: 0 });
    expect(stems.find('dressed to kill')).toBeUndefined();
    expect(stems.find('dressed to kill. dressed up')).toEqual({ phrase: 'dressed*', index: 17 });
  });
});

describe('the byte search of stored texts with the idioms', () => {
  it('answers as the exact search does, or leaves to it a text holding an idiom beside a threats term', () => {
    const classify = contentClassifier(undefined);
    const ids = resolveLexicon(undefined).categories.map((c) => c.id);
    for (const [text, want] of EXPECTED) {
      const bytes = new TextEncoder().encode(text);
      const answer = classify(bytes, 0, bytes.length);
      if (answer === UNSETTLED) continue;
      expect(
        ids.filter((_, c) => (answer & (1 << c)) !== 0),
        text,
      ).toEqual([...want]);
    }
    // An idiom that a threats term matches inside is never settled on its bytes as a threat.
    for (const text of ["I'll kill them with kindness", 'Sorry if I hurt your feelings']) {
      const bytes = new TextEncoder().encode(text);
      expect(classify(bytes, 0, bytes.length), text).toBe(UNSETTLED);
    }
    // An idiom with no term of its category in the text is settled: nothing found.
    const bytes = new TextEncoder().encode('My feet are killing me');
    expect(classify(bytes, 0, bytes.length)).toBe(0);
  });

  it('answers as the exact search does for threats that share words with an idiom, and terms that hold one', () => {
    const lexicon = { threats: ['hurt your feelings', 'dressed to kill you', 'kill time with you'] };
    for (const [kase, expected] of [
      [undefined, OVERLAP],
      [lexicon, OVERLAP_OWN_TERMS],
    ] as const) {
      const classify = contentClassifier(kase);
      const ids = resolveLexicon(kase).categories.map((c) => c.id);
      for (const [text, want] of expected) {
        const bytes = new TextEncoder().encode(text);
        const answer = classify(bytes, 0, bytes.length);
        // Every text here holds an idiom or none; one with an idiom and a threats term is left to the exact search.
        if (answer === UNSETTLED) continue;
        expect(
          ids.filter((_, c) => (answer & (1 << c)) !== 0),
          text,
        ).toEqual(want.length === 0 ? [] : ['threats']);
      }
    }
  });
});

describe("a case file's broader threats term (kill*)", () => {
  let dir: string;
  let r: Report;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'chronolog-idioms-'));
    const kase = path.join(dir, 'case.json');
    writeFileSync(
      kase,
      JSON.stringify({
        timezone: 'Europe/London',
        region: 'GB',
        victim: { name: 'Casey Reed', identifiers: ['Casey'] },
        subject: { name: 'Morgan Hale', identifiers: ['Morgan'] },
        lexicon: { threats: ['kill*'] },
      }),
    );
    r = await reportOf([CHAT], { case: kase });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('matches the threats and not the idioms, which stay set aside when terms are added', () => {
    const tags = new Map(r.chronology!.map((x) => [x.text, x.lexicon]));
    for (const [text] of EXPECTED.slice(0, 13)) expect(tags.get(text), text).toEqual([]);
    for (const text of THREATS.filter((t) => /kill/i.test(t)))
      expect(tags.get(text), text).toContain('threats');
    // The case file's term reaches "go kill yourself" too: its choice, beside the built-in abuse term.
    expect(tags.get('go kill yourself')).toEqual(['threats', 'abuse']);
    expect(category(r, 'threats').idioms).toEqual([...NOT_THREATS]);
  });
});

const OVERLAP_DIR = 'fixtures/lexicon-idiom-overlap';

/** Morgan's messages in fixtures/lexicon-idiom-overlap and the threats term each matches, written by hand. */
const OVERLAP: readonly (readonly [string, string])[] = [
  ['You look dressed to kill', ''],
  ['Kill them with kindness', ''],
  ["I'll kill 'em with kindness", ''],
  ['Sorry if I hurt your feelings', ''],
  ['Just trying to kill time', ''],
  ["I'll hurt your feelings", ''],
  ['I want to kill time with you', ''],
  ['I got dressed to kill you tonight', 'kill you'],
  ['Dressed to kill him, watch', 'kill him'],
  ['dressed to kill yall', 'kill yall'],
  ["Kill them with kindness, then I'll kill them", 'kill them'],
];
/** The same with the case file's own threats terms that hold an idiom. */
const OVERLAP_OWN_TERMS: readonly (readonly [string, string])[] = OVERLAP.map(([text, term]) => [
  text,
  (
    {
      'Sorry if I hurt your feelings': 'hurt your feelings',
      "I'll hurt your feelings": 'hurt your feelings',
      'I want to kill time with you': 'kill time with you',
      'I got dressed to kill you tonight': 'dressed to kill you',
    } as Record<string, string>
  )[text] ?? term,
]);

/** Each message's categories in the chronology, and the threats category's terms and texts quoted. */
function overlapOf(r: Report) {
  const threats = category(r, 'threats');
  return {
    tags: r.chronology!.filter((x) => x.text !== 'Please stop messaging me.').map((x) => [x.text, x.lexicon]),
    incidents: threats.incidents,
    examples: threats.examples.map((x) => [x.term, x.text]),
  };
}
/** What `overlapOf` should give for the expected terms. */
function overlapWanted(expected: readonly (readonly [string, string])[]) {
  const threats = expected.filter(([, term]) => term !== '');
  return {
    tags: expected.map(([text, term]) => [text, term === '' ? [] : ['threats']]),
    incidents: threats.length,
    examples: threats.slice(0, 5).map(([text, term]) => [term, text]),
  };
}

describe('threats that share words with an idiom (fixtures/lexicon-idiom-overlap)', () => {
  let dir: string;
  let kase: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'chronolog-idiom-overlap-'));
    kase = path.join(dir, 'case.json');
    writeFileSync(
      kase,
      JSON.stringify({
        timezone: 'Europe/London',
        region: 'GB',
        victim: { name: 'Casey Reed', identifiers: ['Casey'] },
        subject: { name: 'Morgan Hale', identifiers: ['Morgan'] },
        lexicon: { threats: ['hurt your feelings', 'dressed to kill you', 'kill time with you'] },
      }),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('count a threat whose term runs past the idiom, by the CLI and in-process', async () => {
    const r = cli(['report', OVERLAP_DIR, '--format', 'json', '--chronology', '--now', NOW, '-q']);
    expect(r.code, r.stderr).toBe(0);
    const built = ReportSchema.parse(JSON.parse(r.stdout));
    for (const x of [built, await reportOf([OVERLAP_DIR])])
      expect(overlapOf(x)).toEqual(overlapWanted(OVERLAP));
  });

  it("match a case file's own terms that hold an idiom, listed in the JSON, by the CLI and in-process", async () => {
    const r = cli([
      'report',
      OVERLAP_DIR,
      '--case',
      kase,
      '--format',
      'json',
      '--chronology',
      '--now',
      NOW,
      '-q',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const built = ReportSchema.parse(JSON.parse(r.stdout));
    for (const x of [built, await reportOf([OVERLAP_DIR], { case: kase })]) {
      expect(overlapOf(x)).toEqual(overlapWanted(OVERLAP_OWN_TERMS));
      expect(category(x, 'threats').terms).toEqual(
        expect.arrayContaining(['hurt your feelings', 'dressed to kill you', 'kill time with you']),
      );
    }
  });
});
