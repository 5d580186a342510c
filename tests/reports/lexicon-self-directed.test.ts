/**
 * Words about the writer themselves are not threats to others (fixtures/lexicon-self-directed). The built-in
 * threats category once held "i'll kill" and "i will kill", which also match "I will kill myself": such a message
 * was counted as a threat to kill or harm as well as a threat of suicide or self-harm, and the S-DASH sheet's
 * question 6 (threats of violence) counted and linked it. Each message must land in the category its words name:
 * - "I will kill myself", "I'll kill myself tonight", "I’ll kill myself if you leave", "i will kill my self",
 *   "I'll hurt myself …": self-harm only;
 * - "I will kill you", "I'll kill your dog", "i will kill u", "I will kill him …", "I'll kill them all",
 *   "I will kill the lot of you": threats only;
 * - "I'll kill myself and then I'll kill you": both;
 * - "I'll kill Dave": threats, through the case file's own term "kill dave" (a name is not in the built-in list);
 * - "I'll set fire to myself": self-harm, not damage to property (an open-ended "set fire" matched it);
 *   "I'll set fire to your car": damage to property;
 * - threats whose object the open-ended "i'll kill" covered ("every last one of you", "anybody", "somebody",
 *   "whoever", "this guy", "y'all", "'em", "em", "all of you", "set fire to you"): threats, each object named;
 * - ordinary words a bare "kill all", "kill this", "kill em", "set fire to that" would match ("kill all the lights",
 *   "I could kill this headache", "kill em with kindness", "set fire to that pile of leaves"): no category;
 * - "go kill yourself", "kys": abuse and insults only.
 * The report is made by the built CLI (text marks read while the timeline is read, the byte search) and
 * in-process (the stored texts searched afterwards): both say the same.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Report, ReportSchema } from '../../src/model/index.js';
import { cli, NOW } from '../helpers/cli.js';
import { reportOf } from '../helpers/report.js';

const DIR = 'fixtures/lexicon-self-directed';

/** Each of Morgan's messages and the categories its words name, written by hand. */
const EXPECTED: readonly (readonly [string, readonly string[]])[] = [
  ['I will kill myself', ['self-harm']],
  ["I'll kill myself tonight", ['self-harm']],
  ['I’ll kill myself if you leave', ['self-harm']],
  ['i will kill my self', ['self-harm']],
  ["I'll hurt myself and it will be your fault", ['self-harm']],
  ['I will kill you', ['threats']],
  ["I'll kill your dog", ['threats']],
  ['i will kill u', ['threats']],
  ['I will kill him if he comes near you', ['threats']],
  ["I'll kill them all", ['threats']],
  ['I will kill the lot of you', ['threats']],
  ["I'll kill myself and then I'll kill you", ['threats', 'self-harm']],
  ["I'll kill Dave", ['threats']],
  ["I'll set fire to myself", ['self-harm']],
  ["I'll set fire to your car", ['property-damage']],
  ['Morning', []],
  // Threats whose object the open-ended "i'll kill" covered: each is named in the list now.
  ["I'll kill every last one of you", ['threats']],
  ["I'll kill anybody who comes near you", ['threats']],
  ["I'll kill somebody tonight", ['threats']],
  ["I'll kill whoever you're with", ['threats']],
  ["I'll kill this guy you're seeing", ['threats']],
  ["I will kill y'all", ['threats']],
  ["I'll kill 'em both", ['threats']],
  ["I'll kill em", ['threats']],
  ['I will kill all of you', ['threats']],
  ["I'll set fire to you", ['threats']],
  ["I'll set fire to everything you own", ['property-damage']],
  // Ordinary words that a bare "kill" or "set fire to" and a determiner matched: the terms name a person instead.
  ['can you kill all the lights when you leave', []],
  ['I could kill this headache', []],
  ['kill em with kindness, my nan always said', []],
  ['we need to kill those ants in the kitchen', []],
  ["I'd kill someone for a coffee", []],
  ['kill every light in the house', []],
  ['two birds, one stone: kill both birds', []],
  ['set fire to this town is a great song', []],
  ['dad will set fire to that pile of leaves', []],
  // Telling the victim to end their life: abuse, not a threat to kill and not the writer's self-harm.
  ['go kill yourself', ['abuse']],
  ['kys', ['abuse']],
];

const SELF_DIRECTED = EXPECTED.filter(([, ids]) => ids.includes('self-harm') && !ids.includes('threats'));
const THREATS = EXPECTED.filter(([, ids]) => ids.includes('threats'));

let report: Report;
let inProcess: Report;
beforeAll(async () => {
  const r = cli(['report', DIR, '--format', 'json', '--chronology', '--now', NOW, '-q']);
  expect(r.code, r.stderr).toBe(0);
  report = ReportSchema.parse(JSON.parse(r.stdout));
  inProcess = await reportOf([DIR]);
});

const category = (r: Report, id: string) => r.escalation!.content.categories.find((c) => c.id === id)!;

describe('self-directed words in the content lexicon', () => {
  it('put each message in the categories its words name, in the chronology of both reports', () => {
    for (const r of [report, inProcess]) {
      const rows = r.chronology!;
      expect(rows.map((x) => [x.text, x.lexicon])).toEqual(EXPECTED.map(([t, ids]) => [t, [...ids]]));
    }
  });

  it('count self-directed words as self-harm, never as threats to kill or harm or damage to property', () => {
    for (const r of [report, inProcess]) {
      const threats = category(r, 'threats');
      const selfHarm = category(r, 'self-harm');
      expect(threats.incidents).toBe(THREATS.length);
      expect(selfHarm.incidents).toBe(EXPECTED.filter(([, ids]) => ids.includes('self-harm')).length);
      const quoted = threats.examples.map((x) => x.text);
      for (const [text] of SELF_DIRECTED) expect(quoted).not.toContain(text);
      expect(category(r, 'property-damage')).toMatchObject({
        incidents: 2,
        examples: [
          { term: 'set fire to your', text: "I'll set fire to your car" },
          { term: 'set fire to everything', text: "I'll set fire to everything you own" },
        ],
      });
      // The examples are the first five threats, each found by a term of the list (the case file's included).
      expect(quoted).toEqual(THREATS.slice(0, 5).map(([t]) => t));
      for (const x of threats.examples) expect(threats.terms).toContain(x.term);
      expect(selfHarm.examples.map((x) => x.text)).toEqual(
        EXPECTED.filter(([, ids]) => ids.includes('self-harm'))
          .slice(0, 5)
          .map(([t]) => t),
      );
    }
    expect(inProcess.escalation!.content).toEqual(report.escalation!.content);
  });

  it('keep the case file’s own threat term working beside the built-in list', () => {
    const threats = category(report, 'threats');
    expect(report.escalation!.content.lexiconSource).toBe('built-in+case-file');
    expect(threats.terms.at(-1)).toBe('kill dave');
    const dave = report.chronology!.find((x) => x.text === "I'll kill Dave")!;
    expect(dave.lexicon).toEqual(['threats']);
  });

  it('leave the self-directed messages out of the S-DASH sheet’s threats to the victim (question 6)', () => {
    for (const r of [report, inProcess]) {
      const q6 = r.escalation!.sdash.find((q) => q.number === 6)!;
      const fact = q6.facts.find((f) => f.text.includes('threats-to-kill-or-harm terms'))!;
      expect(fact.text).toBe(
        `${THREATS.length} incidents have text matching the threats-to-kill-or-harm terms of the lexicon (for a person to read in context; examples are linked).`,
      );
      const linked = new Set(fact.events.map((e) => e.local));
      const localOf = (text: string) => r.chronology!.find((x) => x.text === text)!.local;
      for (const [text] of SELF_DIRECTED) expect(linked.has(localOf(text)), text).toBe(false);
      expect(fact.events.length + fact.more).toBe(THREATS.length);
    }
  });
});
