/**
 * Words of the one-screen text report a police reader could misread in a minute, as a review found them:
 * - two lines carried the label "Night" (the overall share and the share by month), read as one figure given twice;
 * - a milestone too short for a rate ratio read "8.4 → 3.0 a day (…); no rate ratio: …", the arrow of a measured
 *   change beside the words that the two sides cannot be compared;
 * - "no cease phrase in 2 messages searched" and "No message contains a cease phrase." where the section and the
 *   label say "requests to stop";
 * - the last 28 days' rate (6.7 a day in the demo case) read as the rate at their end, when the rate is estimated
 *   to have fallen to 2.3 a day inside them, as the HTML summary says beside the same figure.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sig2 } from '../../src/model/format.js';
import type { Report } from '../../src/model/index.js';
import { renderAs, reportOf } from '../helpers/report.js';

/** The first line that starts with `label` (the report is rendered unwrapped, each line whole). */
const lineOf = (text: string, label: string) => text.split('\n').find((l) => l.startsWith(label));

/** The 12-column labels of the text report's lines, in order ("Night", "Streak", …). */
const labelsOf = (text: string) =>
  text
    .split('\n')
    .map((l) => /^([A-Z][A-Za-z/ -]{10}) (?! )/.exec(l)?.[1]?.trimEnd())
    .filter((l): l is string => l !== undefined);

describe('text report of the demo case', () => {
  let r: Report;
  let text: string;
  beforeAll(async () => {
    r = await reportOf(['fixtures/demo-case']);
    text = renderAs('text', r);
  });

  it('gives the night share by month its own label, so no label repeats', () => {
    expect(lineOf(text, 'Night ')).toBe(
      'Night       120 of 689 timed incidents (17%) were between 00:00 and 05:59',
    );
    expect(lineOf(text, 'Night/month')).toBe(
      'Night/month 2024-01 3% · 2024-02 3% · 2024-03 13% · 2024-04 17% · 2024-05 25% · 2024-06 22%  [00:00–05:59 share by month]',
    );
    const labels = labelsOf(text);
    expect(labels).toContain('Night/month');
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('wraps the monthly line under its text, between months, as the other labelled lines', () => {
    const lines = renderAs('text', r, 60).split('\n');
    const at = lines.findIndex((l) => l.startsWith('Night/month'));
    expect(lines.slice(at, at + 3)).toEqual([
      'Night/month 2024-01 3% · 2024-02 3% · 2024-03 13%',
      '            2024-04 17% · 2024-05 25% · 2024-06 22%',
      '            [00:00–05:59 share by month]',
    ]);
  });

  it('gives an untested milestone’s rates as before and after figures, without the arrow of a change', () => {
    const [tested, short] = r.escalation!.milestones;
    expect(tested!.status).toBe('ok');
    expect(short!.status).not.toBe('ok');
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.startsWith('Milestones'));
    expect(lines[at]).toContain(
      '2024-04-02 Police warning (PIN) issued: 4.9 → 8.4 a day (118 in 24 d, 401 in 48 d); RR 1.7 (95% CI 1.4–2.1',
    );
    expect(lines[at + 1]).toBe(
      '            2024-05-20 Non-molestation order served: 8.4 a day before, 3.0 a day after (401 in 48 d, 36 in 12 d); no rate ratio: only 12 days after (at least 14 days each side are needed); 82 contacts from then on (possible breaches, for an officer to assess)',
    );
    expect(text).not.toContain('8.4 → 3.0');
  });

  it('says a change point falls inside the last 28 days, whose rate is then not the rate at their end', () => {
    const h = r.escalation!.headline.rateNowVsStart;
    const inside = r.escalation!.changePoints.filter((c) => c.date > h.after.from! && c.date <= h.after.to!);
    expect(inside.map((c) => [c.date, sig2(c.rateBefore), sig2(c.rateAfter)])).toEqual([
      ['2024-05-22', '7.2', '2.3'],
    ]);
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.startsWith('First/last'));
    expect(lines[at + 1]).toBe(
      '            first 28 days covered 2024-01-08 → 2024-02-04, last 2024-05-04 → 2024-05-31; the rate is estimated to have changed inside the last 28 days, around 2024-05-22 (see Changes)',
    );
    expect(lineOf(text, 'Changes')).toContain('around 2024-05-22: 7.2 → 2.3 a day');
  });

  it('says "request to stop", never "cease", on the screen', () => {
    expect(text).not.toMatch(/cease/i);
  });
});

describe('milestones too close for a rate ratio (findings-neutral/flat, three milestones)', () => {
  let r: Report;
  let text: string;
  beforeAll(async () => {
    // About two messages a day from 15 January to 13 May 2024: the second milestone is 10 days after the first,
    // and the third 9 days before the last day.
    r = await reportOf(['fixtures/findings-neutral/flat'], {
      milestone: ['2024-03-01=Warning letter sent', '2024-03-11=Arrest', '2024-05-05=Order served'],
    });
    text = renderAs('text', r);
  });

  it('names each side’s rate, whichever side is short, and keeps the reason there is no ratio', () => {
    expect(r.escalation!.milestones.map((m) => m.status)).toEqual([
      'below-minimum',
      'below-minimum',
      'below-minimum',
    ]);
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.startsWith('Milestones'));
    expect(lines.slice(at, at + 3)).toEqual([
      'Milestones  2024-03-01 Warning letter sent: 1.9 a day before, 2.2 a day after (88 in 46 d, 22 in 10 d); no rate ratio: only 10 days after (at least 14 days each side are needed); 146 contacts from then on',
      '            2024-03-11 Arrest: 2.2 a day before, 1.9 a day after (22 in 10 d, 102 in 55 d); no rate ratio: only 10 days before (at least 14 days each side are needed); 124 contacts from then on',
      '            2024-05-05 Order served: 1.9 a day before, 2.4 a day after (102 in 55 d, 22 in 9 d); no rate ratio: only 9 days after (at least 14 days each side are needed); 22 contacts from then on',
    ]);
    expect(lines.slice(at, at + 3).join('\n')).not.toContain('→');
  });

  it('leaves the Markdown and HTML as they were: their before and after sides are columns or rows of their own', () => {
    const md = renderAs('markdown', r);
    expect(md).toContain(
      '| 2024-05-05 | Order served | 102 in 55 days (1.9/day) 2024-03-11 – 2024-05-04 | 22 in 9 days (2.4/day) 2024-05-05 – 2024-05-13 | no rate ratio: only 9 days after \\(at least 14 days each side are needed\\) |',
    );
    const html = renderAs('html', r);
    expect(html).not.toMatch(/1\.9 → 2\.4|2\.2 → 1\.9|1\.9 → 2\.2/);
  });
});

describe('a search for requests to stop that finds none', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronolog-no-stop-'));
  beforeAll(() => {
    mkdirSync(join(dir, 'chat'));
    writeFileSync(
      join(dir, 'chat', 'WhatsApp Chat with Sam.txt'),
      [
        '14/01/2024, 20:33 - Sam: Where are you?',
        '14/01/2024, 20:40 - Alex: At work, talk later',
        '15/01/2024, 09:12 - Sam: Answer me',
        '15/01/2024, 09:30 - Alex: I said I am busy',
        '16/01/2024, 23:05 - Sam: Are you home?',
        '',
      ].join('\n'),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('says so in the report’s own term, in the text and Markdown reports', async () => {
    const r = await reportOf([join(dir, 'chat')], { subject: ['Sam'], victim: ['Alex'] });
    expect(r.escalation!.ceaseRequest.searched).toBe(2);
    expect(r.escalation!.ceaseRequest.first).toBeNull();
    const text = renderAs('text', r);
    expect(lineOf(text, 'Stop asked')).toBe('Stop asked  no request to stop in 2 messages searched');
    expect(text).not.toMatch(/cease/i);
    expect(renderAs('markdown', r)).toContain('\nNo message contains a request to stop.\n');
    expect(renderAs('html', r)).toContain('<p>No such request was found.</p>');
  });

  it('says a search not made, for want of the victim, in the same term', async () => {
    const r = await reportOf([join(dir, 'chat')], { subject: ['Sam'] });
    const text = renderAs('text', r);
    expect(lineOf(text, 'Stop asked')).toBe(
      "Stop asked  no message could be identified as the victim's (the victim is not identified in these files), so none was searched for a request to stop; to search them, name the victim, e.g. --victim Alex (the one sender other than the subject in the subject's conversations)",
    );
    expect(text).not.toMatch(/cease/i);
  });

  it('gives a victim whose name a screen does not show as it is as a case file entry, in every report', async () => {
    // A soft hyphen in the name: as a shell word it is $'Ma\xc2\xadria', which names nobody to a reader.
    const soft = join(dir, 'soft');
    mkdirSync(soft);
    writeFileSync(
      join(soft, 'WhatsApp Chat with Sam.txt'),
      '14/01/2024, 20:33 - Sam: Where are you?\n14/01/2024, 20:40 - Ma\u00adria: At work\n15/01/2024, 09:12 - Sam: Answer me\n',
    );
    const r = await reportOf([soft], { subject: ['Sam'] });
    const entry = '"victim": {"identifiers": ["Ma\\u00adria"]}';
    expect(lineOf(renderAs('text', r), 'Stop asked')).toContain(
      `to search them, name the victim in the case file, e.g. ${entry} (the one sender`,
    );
    for (const format of ['markdown', 'html'] as const) {
      const out = renderAs(format, r);
      expect(out, format).not.toContain("$'");
      // Markdown writes the backslash escaped (\\u00ad), which renders as the entry itself.
      expect(out, format).toMatch(/name the victim in the case file, e\.g\. .*Ma\\{1,2}u00adria/);
    }
  });
});
