/**
 * The demo case end to end (fixtures/demo-case, ground truth in fixtures/demo-case.truth.json): the escalation
 * section must say what a careful analyst would, with the numbers the generator designed, and the text and
 * Markdown reports must show the same numbers as the JSON.
 */
import { readFileSync } from 'node:fs';
import { Chalk } from 'chalk';
import { beforeAll, describe, expect, it } from 'vitest';
import { readInputs } from '../../../src/cli/read.js';
import {
  EscalationSchema,
  formatCi,
  formatP,
  type Report,
  ReportSchema,
  sig2,
} from '../../../src/model/index.js';
import { analyseTimeline } from '../../../src/pipeline/index.js';
import { escalationSection } from '../../../src/reports/markdown-escalation.js';
import { markdownEscape } from '../../../src/reports/sanitize.js';
import { escalationText } from '../../../src/reports/text-escalation.js';
import { plainEnvironment } from '../../helpers/environment.js';
import { numbers } from './helpers.js';

const chalk = new Chalk({ level: 0 });
const truth = JSON.parse(readFileSync('fixtures/demo-case.truth.json', 'utf8'));
let report: Report;
let raw: Report;

beforeAll(async () => {
  const { timeline, kase } = await readInputs(['fixtures/demo-case'], { quiet: true }, plainEnvironment);
  raw = analyseTimeline(timeline, kase, {
    version: 'test',
    generatedAt: '2024-07-01T09:00:00.000Z',
    tzdata: null,
    run: { paths: ['fixtures/demo-case'], options: {} },
    withChronology: true,
  });
  report = ReportSchema.parse(raw);
});

const esc = () => report.escalation!;

describe('demo case: escalation JSON', () => {
  it('validates, with plain finite numbers only, keys in the schema order', () => {
    for (const n of numbers(esc())) expect(Number.isFinite(n.value), n.path).toBe(true);
    expect(esc().unit).toBe('records');
    // zod rebuilds objects in schema order: the same bytes mean the analysis writes that order too.
    expect(JSON.stringify(raw.escalation)).toBe(JSON.stringify(EscalationSchema.parse(raw.escalation)));
  });

  it('uses the case window and finds that the SMS and call backups end on 31 May / 1 June', () => {
    expect(esc().window).toEqual({
      from: '2024-01-08',
      to: '2024-06-30',
      days: 175,
      source: 'given',
      incidentsOutside: 0,
    });
    expect(esc().rate).toMatchObject({
      count: truth.incidents.total,
      daysWithContact: truth.incidents.daysWithContact,
    });
    expect(esc().coverage.fullyCovered).toEqual({ from: '2024-01-08', to: '2024-05-31', days: 145 });
    const limiting = esc()
      .coverage.channels.filter((c) => c.limits)
      .map((c) => [c.channel, c.spans.at(-1)?.to]);
    expect(limiting).toEqual([
      ['call', '2024-05-31'],
      ['sms', '2024-06-01'],
      ['whatsapp', '2024-06-29'],
    ]);
    expect(
      esc()
        .coverage.channels.filter((c) => c.handKept)
        .map((c) => c.channel),
    ).toEqual(['in-person', 'other', 'post']);
    expect(esc().persistence).toMatchObject({
      spanDays: 174,
      daysWithContact: 149,
      beyondTwoWeeks: true,
      tenOverFourWeeks: true,
    });
  });

  it('buckets days exactly as the incidents figures do', () => {
    const byDate = new Map(report.incidents.daily.map((d) => [d.date, d.count]));
    for (const d of esc().daily) expect(d.count, d.date).toBe(byDate.get(d.date) ?? 0);
    expect(esc().daily.find((d) => !d.covered)?.date).toBe('2024-06-01');
    expect(esc().daily.reduce((s, d) => s + d.count, 0)).toBe(690);
  });

  it('is overdispersed, as designed, and says so', () => {
    expect(esc().dispersion.overdispersed).toBe(true);
    expect(esc().dispersion.phi).toBeGreaterThan(2);
    expect(esc().trend.poisson.ci95[0]).toBeLessThan(esc().trend.poisson.ci95Poisson[0]!);
    expect(esc().changePointMethod.scaled).toBe(true);
  });

  it('places change points near the designed changes (11 March, 2 April, 20 May)', () => {
    const near = (d: string, target: string) =>
      Math.abs(Date.parse(d) - Date.parse(target)) <= 3 * 86_400_000;
    expect(
      esc().changePointMethod.unscaledDates.map((d, i) =>
        near(d, ['2024-03-11', '2024-04-02', '2024-05-20'][i]!),
      ),
    ).toEqual([true, true, true]);
    for (const c of esc().changePoints) {
      expect(['2024-03-11', '2024-04-02', '2024-05-20'].some((t) => near(c.date, t))).toBe(true);
    }
    expect(esc().changePoints[0]!.rateAfter).toBeGreaterThan(3 * esc().changePoints[0]!.rateBefore);
  });

  it('compares the police warning with the rate just before it: 4.9 → 8.4 a day', () => {
    const w = esc().milestones[0]!;
    expect(w).toMatchObject({
      label: 'Police warning (PIN) issued',
      status: 'ok',
      startsAt: '2024-04-01T23:00:00.000Z',
    });
    expect(w.after).toMatchObject({
      from: '2024-04-02',
      to: '2024-05-19',
      days: 48,
      count: 401,
      boundedBy: 'milestone',
    });
    expect(w.after.ratePerDay).toBeCloseTo(8.354, 3);
    expect(w.before.ratePerDay).toBeCloseTo(4.9, 1);
    expect(w.rateRatio).toBeGreaterThan(1.5);
    expect(w.p).toBeLessThan(0.001);
    expect(w.overdispersed?.ci95[0]).toBeGreaterThan(1);
    expect(w.incidentsAfter.count).toBe(truth.incidents.afterWarning);
  });

  it('gives the order counts only (12 fully covered days after it) and its breach window', () => {
    const o = esc().milestones[1]!;
    expect(o).toMatchObject({ type: 'order', status: 'below-minimum' });
    expect(o.after).toMatchObject({
      from: '2024-05-20',
      to: '2024-05-31',
      days: 12,
      count: 36,
      ratePerDay: 3,
      boundedBy: 'coverage',
    });
    expect(o.before).toMatchObject({ count: 401, days: 48 });
    expect(o.afterUncovered).toEqual({ from: '2024-06-01', to: '2024-06-30', days: 30, count: 46 });
    expect(o.incidentsAfter).toMatchObject({ breachWindow: true, count: truth.incidents.afterOrder });
    expect(o.incidentsAfter.last?.local).toBe('2024-06-29 21:15');
  });

  it('finds the victim’s cease requests: her first reply asking him to stop, and the formal 20 February one', () => {
    const c = esc().ceaseRequest;
    const firstAsk = truth.case.firstAskedToStop;
    expect(c.first).toMatchObject({ phrase: 'stop messaging me', recipient: 'subject-conversation' });
    expect(c.first?.event.local).toBe(firstAsk.local.replace('T', ' ').slice(0, 16));
    expect(c.first?.event.channel).toBe(firstAsk.channel);
    expect(c.first?.text).toBe(firstAsk.text);
    const feb = c.requests.find((r) => r.event.local.startsWith('2024-02-20'))!;
    expect(feb.text).toBe(truth.case.ceaseRequest.text);
    expect(feb.event.locator).toBe('sms[382] (line 387)');
    expect(feb.incidentsAfter).toBe(truth.incidents.afterCeaseRequest);
    expect(c.requests.at(-1)?.text).toBe(truth.case.ceaseRequest.repeated.text);
    // Outgoing texts to friends are not searched.
    expect(c.requests.every((r) => !/Jess/.test(r.text))).toBe(true);
  });

  it('links the new number to the old one going quiet', () => {
    const row = esc().identifiers.find((r) => r.identifier === '+447700900456')!;
    expect(row.first.local).toBe('2024-03-11 07:58:12');
    expect(row.appearedAfterQuiet).toMatchObject({ identifier: '+447700900123', usesAfter: 1 });
  });

  it('quotes the surveillance statements, threats and the self-harm threat with their sources', () => {
    const cat = (id: string) => esc().content.categories.find((c) => c.id === id)!;
    const texts = (id: string) => cat(id).examples.map((x) => x.text);
    expect(texts('surveillance')).toEqual(
      expect.arrayContaining([
        'I saw you at the gym on Tuesday',
        'I know where you live',
        'I know you’re awake. Your light is on.',
      ]),
    );
    // Veiled threats name no act: they match the intimidation terms, not those for threats to kill or harm.
    expect(texts('threats')).toEqual([]);
    expect(texts('intimidation')).toEqual([
      'I’ll make you regret this',
      'You’ll regret this when you see what happens',
    ]);
    expect(texts('self-harm')).toEqual(['I’ll hurt myself if you don’t answer']);
    expect(cat('third-parties').examples[0]?.text).toBe('I called your work');
    expect(cat('surveillance').first?.file).toBe('fixtures/demo-case/WhatsApp Chat with Sam.txt');
  });

  it('fills the S-DASH sheet without answering it', () => {
    const q7 = esc().sdash[6]!;
    expect(q7.facts[0]!.text).toBe('3 incidents recorded as contact through a third party.');
    expect(
      esc()
        .sdash.filter((q) => !q.answerable)
        .map((q) => q.number),
    ).toEqual([1, 10, 11]);
  });

  it('writes findings a careful analyst would, and none a careful analyst would not', () => {
    const f = esc().findings;
    const all = f.join('\n');
    expect(f[0]).toBe(
      'From 8 January to 30 June 2024 (175 days; dates and times in Europe/London): no export covers 30 June 2024 (the exports end on 29 June 2024), so those days are not counted. On the 174 days an export covers (8 January to 29 June 2024) there were 690 contacts attributed to Sam Carter, 4.0 contacts a day on average (95% CI 3.7–4.3), with contact on 149 of them.',
    );
    expect(all).toMatch(
      /so the trend, the change points and the comparisons below use the 145 days that every export covers, 8 January to 31 May 2024/,
    );
    expect(all).toMatch(
      /After the milestone “Police warning \(PIN\) issued” on 2 April 2024 the rate rose: 8\.4 contacts a day from 2 April to 19 May 2024, against 4\.9 a day/,
    );
    expect(all).toMatch(
      /After the milestone “Non-molestation order served” on 20 May 2024 there were 36 contacts in the 12 days to 31 May 2024 that every export covers \(3\.0 contacts a day\)/,
    );
    expect(all).toMatch(
      /From the milestone “Non-molestation order served” on 20 May 2024 onwards there are 82 contacts .* each is a possible breach for an officer to assess\. 46 of them fall on 1–30 June 2024/,
    );
    expect(all).toMatch(
      /\+447700900456 \(call and sms\) was first used on 11 March 2024 at 07:58 \(sms-20240315120000\.xml, sms\[496\] \(line 501\)\), 1\.3 hours after the last contact from \+447700900123 \(call and sms\) before then, on 11 March 2024 at 06:40 \(calls-20240601090000\.xml, call\[236\] \(line 241\)\);/,
    );
    expect(all).not.toMatch(/replaced/i);
    // Not "contact fell in June": the June days are never compared as if covered.
    expect(all).not.toMatch(/June 2024 the rate (fell|dropped)/);
    expect(all).not.toMatch(/\bbecause\b|\bsignificant\b|\brisk level\b|\bscore of\b/i);
    expect(all).not.toMatch(/p = 0\b|NaN|Infinity|undefined|null/);
  });
});

describe('demo case: text and Markdown show the JSON numbers', () => {
  const flat = (s: string) => s.replace(/\s+/g, ' ');

  it('Markdown carries every finding and the milestone figures', () => {
    const mdText = escalationSection(report).join('\n');
    for (const f of esc().findings) expect(mdText).toContain(`- ${markdownEscape(f)}`);
    const w = esc().milestones[0]!;
    expect(mdText).toContain(`${sig2(w.rateRatio)} (${formatCi(w.ci95)})`);
    expect(mdText).toContain(formatP(w.p));
    for (const s of esc().segments)
      expect(mdText).toContain(
        `| ${s.from} – ${s.to} | ${s.days} | ${s.count} | ${sig2(s.ratePerDay)} (${formatCi(s.ci95)}) |`,
      );
    expect(mdText).toContain('**7. Harassed any third party since the harassment began?**'.replace('?', '?'));
    expect(mdText).toContain('### Statistical methods and their limits');
  });

  it('the terminal section carries the key figures and points to the findings, within one screen', () => {
    const lines = escalationText(report, { chalk, width: 100 });
    const text = flat(lines.join('\n'));
    expect(lines.length).toBeLessThanOrEqual(30);
    expect(text).toContain(`Findings ${esc().findings.length} in plain language`);
    expect(text).toContain('--format markdown --out report.md');
    expect(text).toContain(`${sig2(esc().rate.perDay)} a day (${formatCi(esc().rate.ci95)})`);
    expect(text).toContain(
      `×${sig2(esc().trend.poisson.rateRatioPer30Days)} per 30 days (${formatCi(esc().trend.poisson.ci95)}`,
    );
  });
});
