/**
 * Four lines of the one-screen text report a police reader could misread in a minute, as a review found them:
 * - "Night  120 of 689 timed incidents between 00:00 and 05:59 (17%)" read as all 689 falling at night;
 * - "Rate  3.9 a day (…); fully covered days 4.4 (…)": the second figure had no unit;
 * - "Stop asked  first … (whatsapp, phrase: stop messaging me); 7 requests": the phrase, unquoted, ran into the
 *   words around it;
 * - "Milestones": a rate ratio without the method in brackets that First/last and Trend name beside theirs.
 * Each line still wraps at 12 columns under its text on a narrow terminal, as the other labelled lines do.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/index.js';
import { renderAs, reportOf } from '../helpers/report.js';

/** The first line that starts with `label` (the report is rendered unwrapped, each line whole). */
const lineOf = (text: string, label: string) => text.split('\n').find((l) => l.startsWith(label));

/** The lines from `label` to the next labelled line (a wrapped line's continuations start with 12 spaces). */
const blockOf = (lines: readonly string[], label: string) => {
  const at = lines.findIndex((l) => l.startsWith(label));
  const end = lines.findIndex((l, k) => k > at && !l.startsWith(' '.repeat(12)));
  return lines.slice(at, end);
};

/** A copy of `r` that a test may change (the report's types are read-only). */
// biome-ignore lint/suspicious/noExplicitAny: a test edits one field of a deep copy
const copyOf = (r: Report): any => structuredClone(r);

const METHOD = '[exact conditional Poisson test]';

describe('text report of the demo case: figures in words that cannot be misread', () => {
  let r: Report;
  let text: string;
  beforeAll(async () => {
    r = await reportOf(['fixtures/demo-case']);
    text = renderAs('text', r);
  });

  it('gives the night share beside the counts it is of, then the hours, so it is not read as all of them', () => {
    expect(r.incidents.night).toMatchObject({ count: 120, eligible: 689 });
    expect(lineOf(text, 'Night ')).toBe(
      'Night       120 of 689 timed incidents (17%) were between 00:00 and 05:59',
    );
  });

  it('says "was" for one night-time incident, and that nothing can be placed when no incident has a time', () => {
    const one = copyOf(r);
    one.incidents.night = { count: 1, eligible: 4, share: 0.25 };
    expect(lineOf(renderAs('text', one), 'Night ')).toBe(
      'Night       1 of 4 timed incidents (25%) was between 00:00 and 05:59',
    );
    const none = copyOf(r);
    none.incidents.night = { count: 0, eligible: 0, share: null };
    expect(lineOf(renderAs('text', none), 'Night ')).toBe(
      'Night       no incident has a time of day to place between 00:00 and 05:59',
    );
  });

  it('gives each rate on the Rate line its unit, the fully covered days’ as well as the window’s', () => {
    expect(r.escalation!.rateFullyCovered).not.toBeNull();
    const line = lineOf(text, 'Rate ')!;
    // The window runs to 30 June, a day past the exports' last record (29 June): the rate leaves that day out.
    expect(line).toBe(
      'Rate        4.0 a day (95% confidence interval (CI) 3.7–4.3) on the 174 days an export covers; 4.4 a day on fully covered days (95% CI 4.1–4.8); no export covers 2024-06-30 (the exports end on 2024-06-29)  [exact Poisson interval]',
    );
    // Every figure before an interval is followed by its unit.
    expect(
      [...line.matchAll(/(\d\.\d)( a day[^(]*)\(95% (CI|confidence interval)/g)].map((m) => m[1]),
    ).toEqual(['4.0', '4.4']);
    expect(line).not.toMatch(/fully covered days \d/);
  });

  it('quotes the phrase that was matched, so it cannot run into the words around it', () => {
    expect(r.escalation!.ceaseRequest.first!.phrase).toBe('stop messaging me');
    expect(lineOf(text, 'Stop asked')).toBe(
      'Stop asked  first 2024-01-10 23:19 (whatsapp, phrase “stop messaging me”); 7 requests in all; 682 contacts after the first',
    );
  });

  it('keeps a phrase terminal-safe inside its quotes: no escape character or line break reaches the screen', () => {
    const hostile = copyOf(r);
    hostile.escalation.ceaseRequest.first.phrase = 'stop\u001b[2J\nnow\u202e';
    const shown = renderAs('text', hostile);
    expect(lineOf(shown, 'Stop asked')).toContain('phrase “stop<U+001B>[2J now<U+202E>”);');
    expect(shown).not.toMatch(/[\u001b\u202e]/);
  });

  it('names the method of a milestone’s rate ratio beside it, and none where no ratio is given', () => {
    const [tested, short] = r.escalation!.milestones;
    expect(tested!.status).toBe('ok');
    expect(short!.status).not.toBe('ok');
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.startsWith('Milestones'));
    expect(lines[at]).toBe(
      `Milestones  2024-04-02 Police warning (PIN) issued: 4.9 → 8.4 a day (118 in 24 d, 401 in 48 d); RR 1.7 (95% CI 1.4–2.1, p < 0.001; quasi 95% CI 1.1–2.5, p = 0.0096)  ${METHOD}; 483 contacts from then on`,
    );
    expect(lines[at + 1]).toContain('no rate ratio: only 12 days after');
    expect(lines[at + 1]).not.toContain('[');
    // The same method as First/last names for its ratio.
    expect(lineOf(text, 'First/last')).toMatch(/RR 4\.7 .*\) {2}\[exact conditional Poisson test\]$/);
  });

  it('wraps the changed lines at 12 columns under their text on a 60-column terminal, no word lost', () => {
    const whole = text.split('\n');
    const narrow = renderAs('text', r, 60).split('\n');
    const words = (ls: readonly string[]) => ls.join(' ').split(/\s+/).filter(Boolean);
    expect(blockOf(narrow, 'Night ')).toEqual([
      'Night       120 of 689 timed incidents (17%) were between',
      '            00:00 and 05:59',
    ]);
    expect(blockOf(narrow, 'Rate ')).toEqual([
      'Rate        4.0 a day (95% confidence interval (CI) 3.7–4.3)',
      '            on the 174 days an export covers; 4.4 a day on',
      '            fully covered days (95% CI 4.1–4.8); no export',
      '            covers 2024-06-30 (the exports end on',
      '            2024-06-29)  [exact Poisson interval]',
    ]);
    expect(blockOf(narrow, 'Stop asked')).toEqual([
      'Stop asked  first 2024-01-10 23:19 (whatsapp, phrase “stop',
      '            messaging me”); 7 requests in all; 682 contacts',
      '            after the first',
    ]);
    const milestones = blockOf(narrow, 'Milestones');
    expect(milestones.slice(0, 5)).toEqual([
      // A rate's arrow, "RR 1.7" and "95% CI 1.1–2.5" are never broken (wrap-lines.ts).
      'Milestones  2024-04-02 Police warning (PIN) issued:',
      '            4.9 → 8.4 a day (118 in 24 d, 401 in 48 d);',
      '            RR 1.7 (95% CI 1.4–2.1, p < 0.001; quasi',
      '            95% CI 1.1–2.5, p = 0.0096)  [exact conditional',
      '            Poisson test]; 483 contacts from then on',
    ]);
    for (const label of ['Night ', 'Rate ', 'Milestones', 'Stop asked']) {
      const block = blockOf(narrow, label);
      for (const l of block) expect(l.length, l).toBeLessThanOrEqual(60);
      expect(words(block)).toEqual(words(blockOf(whole, label)));
    }
  });

  it('leaves no line ending in a space, at any width, where a line breaks before a [method] bracket', () => {
    for (const width of [60, 72, 80, 100, 120]) {
      const lines = renderAs('text', r, width).split('\n');
      for (const l of lines) expect(l, `${width} columns: "${l}"`).not.toMatch(/ $/);
    }
  });
});

describe('milestones without a rate ratio name no method (findings-neutral/flat, three milestones)', () => {
  it('gives no bracket on a milestone line when every side is too short for a ratio', async () => {
    const r = await reportOf(['fixtures/findings-neutral/flat'], {
      milestone: ['2024-03-01=Warning letter sent', '2024-03-11=Arrest', '2024-05-05=Order served'],
    });
    expect(r.escalation!.milestones.every((m) => m.status !== 'ok')).toBe(true);
    const lines = renderAs('text', r).split('\n');
    const block = blockOf(lines, 'Milestones');
    expect(block).toHaveLength(3);
    for (const l of block) expect(l).not.toContain(METHOD);
  });
});
