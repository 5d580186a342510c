/**
 * Sentences that said more than the data shows, found by an officer reading the project's own cases:
 * - "the last contact from +447700900123" beside a Last used column that gives a later date: the contact cited is
 *   the last before the new identifier's first use, and every format says so (fixtures/demo-case, mixed-case);
 * - "the rate stayed the same" for equal rates whose interval runs from 0.51 to 2.0, with no word of chance
 *   (fixtures/milestones-timed);
 * - Sen's slope "0 (95% CI 0–0)" given as a figure while the JSON said why it could not be read as one
 *   (fixtures/subject-not-in-every-file);
 * - "often none" of weeks that all had 7 or 8 contacts (fixtures/milestones-timed);
 * - "Busiest day 2023-01-04 (1 incident)" where all 158 contact days had 1 (fixtures/diary-two-years).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/index.js';
import { renderAll, reportOf } from '../helpers/report.js';

const unwrap = (text: string) => text.replace(/\n {12}/g, ' ');

describe('an identifier that began as another fell quiet, but was used again (demo-case)', () => {
  let r: Report;
  let out: Record<string, string>;
  beforeAll(async () => {
    r = await reportOf(['fixtures/demo-case']);
    out = renderAll(r);
  });

  it('cites the older identifier’s last use before the new one’s first, and says so in every format', () => {
    const older = r.escalation!.identifiers.find((x) => x.identifier === '+447700900123')!;
    const q = r.escalation!.identifiers.find((x) => x.identifier === '+447700900456')!.appearedAfterQuiet!;
    // The use cited is not the older number's last: it was used once more, a day later.
    expect(q.lastUseBefore.local).toBe('2024-03-11 06:40:02');
    expect(older.last.local).toBe('2024-03-12 23:15:27');
    expect(q.usesAfter).toBe(1);
    expect(r.escalation!.findings).toContainEqual(
      expect.stringContaining(
        '1.3 hours after the last contact from +447700900123 (call and sms) before then, on 11 March 2024 at 06:40 (calls-20240601090000.xml, call[236] (line 241)); +447700900123 was used once after that, the last time on 12 March 2024 at 23:15',
      ),
    );
    expect(out['markdown']).toContain(
      '\\+447700900123 \\(call, sms\\) last used before then 2024-03-11 06:40:02 \\(1.3 hours before\\); 1 use after |',
    );
    expect(out['html']).toContain(
      'First used 1.3 hours after the last contact from <span class="ident"><bdi>+447700900123</bdi></span> (call, sms) before then: ',
    );
    for (const o of [r.escalation!.findings.join('\n'), out['markdown']!, out['html']!]) {
      expect(o).not.toMatch(/after the last contact from \S+ \([^)]*\), on/);
      expect(o).not.toMatch(/\(call, sms\) last used 2024/);
    }
    expect(r.escalation!.methods.find((m) => m.name === 'Identifiers')!.description).toContain(
      'The older identifier’s use cited is its last before the new one’s first use, not its last use',
    );
  });
});

describe('equal rates before and after (milestones-timed)', () => {
  let r: Report;
  let out: Record<string, string>;
  const NOTE = 'the interval includes 1, so the data cannot tell whether the rate changed';
  beforeAll(async () => {
    r = await reportOf(['fixtures/milestones-timed']);
    out = renderAll(r);
  });

  it('are not "the same": each format gives the interval’s caveat, for the milestone and the first and last days', () => {
    const warning = r.escalation!.milestones.find((m) => m.label === 'Police warning')!;
    expect(warning.rateRatio).toBe(1);
    expect(warning.ci95[0]!).toBeLessThan(0.6);
    expect(warning.ci95[1]!).toBeGreaterThan(1.9);
    expect(r.escalation!.headline.rateNowVsStart.rateRatio).toBe(1);
    const findings = r.escalation!.findings.join('\n');
    expect(findings).toContain(
      'After the milestone “Police warning” on 20 February 2024 the rate was 1.1 contacts a day from 20 February to 9 March 2024, against 1.1 a day from 1 to 19 February 2024 (rate ratio 1.0, 95% CI 0.51–2.0; exact conditional Poisson test p = 1.0; the interval includes 1, so the data cannot tell whether the rate changed).',
    );
    expect(findings).toContain(
      '(rate ratio 1.0, 95% CI 0.58–1.7; exact conditional Poisson test p = 1.0; the interval includes 1, so the data cannot tell whether the rate changed).',
    );
    const text = unwrap(out['text']!);
    expect(text).toContain(
      'First/last  1.1 → 1.1 a day: RR 1.0 (95% CI 0.58–1.7, p = 1.0); the interval includes 1, so the data cannot tell whether the rate changed',
    );
    expect(text).toContain(
      '2024-02-20 Police warning: 1.1 → 1.1 a day (20 in 19 d, 20 in 19 d); RR 1.0 (95% CI 0.51–2.0, p = 1.0); the interval includes 1, so the data cannot tell whether the rate changed',
    );
    expect(out['html']).toContain(
      'The interval includes 1, so the data cannot tell whether the rate changed.',
    );
    for (const o of Object.values(out)) {
      expect(o).not.toContain('stayed the same');
      // "This difference" is said only of rates that differ.
      expect(o).toContain(NOTE);
    }
  });
});

describe('Sen’s slope that cannot show a trend', () => {
  it('says why beside a 0 with a 0–0 interval, in every format (subject-not-in-every-file)', async () => {
    const r = await reportOf(['fixtures/subject-not-in-every-file'], {
      subject: ['Sam', '+447700900123'],
      tz: 'Europe/London',
    });
    const mk = r.escalation!.trend.mannKendall;
    expect(mk).toMatchObject({ series: 'daily', n: 68, senSlope: 0, senCi95: [0, 0], zeroCounts: 22 });
    expect(mk.reason).toBe(
      "the weekly series, used when the daily counts give a Sen's slope of 0 or more than half their pairs are equal, needs at least 10 complete weeks, and there are only 9",
    );
    const words =
      "0 (95% CI 0–0), which cannot show a trend here: 26% of the pairs of days have equal counts (22 of the 68 days have no contact), enough to make the slope and both ends of its interval 0; the weekly series, used when the daily counts give a Sen's slope of 0 or more than half their pairs are equal, needs at least 10 complete weeks, and there are only 9";
    const out = renderAll(r);
    expect(r.escalation!.findings).toContainEqual(
      expect.stringContaining(`finds a slope of ${words} (Mann–Kendall test on the daily counts:`),
    );
    expect(unwrap(out['text']!)).toContain(`Sen's slope ${words}`);
    expect(out['markdown']).toContain(`| Sen's slope | ${words.replace(/[()]/g, '\\$&')} |`);
    expect(out['html']).toContain(`Sen’s slope ${words.replace(/'/g, '&#39;')}.`);
    for (const o of Object.values(out)) expect(o).not.toContain('a change of 0 in contacts a day');
  });

  it('names days or weeks without contact only when there are some (milestones-timed: 7 or 8 every week)', async () => {
    const r = await reportOf(['fixtures/milestones-timed']);
    const mk = r.escalation!.trend.mannKendall;
    expect(mk).toMatchObject({ series: 'weekly', senSlope: 0, zeroCounts: 0, reason: null });
    expect(r.escalation!.daily.every((d) => d.count > 0)).toBe(true);
    const out = renderAll(r);
    const words =
      "Sen's slope 0 only because 56% of the pairs of weeks have equal counts, so it cannot show a trend here";
    expect(r.escalation!.findings).toContainEqual(
      expect.stringContaining(
        'finds a slope of 0 only because 56% of the pairs of weeks have equal counts, so it cannot show a trend here (Mann–Kendall test on the weekly counts:',
      ),
    );
    expect(unwrap(out['text']!)).toContain(words);
    for (const o of Object.values(out)) {
      expect(o).not.toMatch(/often none|most days without contact|daily counts are sparse/);
    }
    expect(out['markdown']).toContain(
      'When most pairs of days \\(or weeks\\) have equal counts, because many have no contact or many have the same count, Sen’s slope is 0 whatever the trend',
    );
  });
});

describe('a busiest day shared by many days (diary-two-years)', () => {
  let r: Report;
  let out: Record<string, string>;
  beforeAll(async () => {
    r = await reportOf(['fixtures/diary-two-years']);
    out = renderAll(r);
  });

  it('counts the days that tie with the one named, in the JSON and every format', () => {
    expect(r.incidents.daysWithContact).toBe(158);
    expect(r.incidents.maxPerDay).toEqual({ date: '2023-01-04', count: 1, ties: 157 });
    expect(r.escalation!.bursts.maxInOneDay).toEqual({ date: '2023-01-04', count: 1, ties: 157 });
    expect(out['text']).toContain('Busiest day 2023-01-04 and 157 other days (1 incident each)');
    expect(out['markdown']).toContain('| Busiest day | 2023-01-04 and 157 other days (1 incident each) |');
    expect(out['markdown']).toContain('most on one day: 1 (2023-01-04 and 157 other days)');
    expect(r.escalation!.findings).toContainEqual(
      expect.stringContaining('the most on one day: 1 (4 January 2023 and 157 other days).'),
    );
    const html = out['html']!;
    expect(html).toContain('incident each on 4 January 2023 and 157 other days');
    expect(html).toContain('the busiest days, with 1 incident each, were 4 January 2023 and 157 other days.');
    expect(html).toContain('<dd>1 each, on 4 January 2023 and 157 other days</dd>');
    for (const o of Object.values(out)) {
      expect(o).not.toContain('Busiest day 2023-01-04 (1 incident)');
      expect(o).not.toContain('the busiest day was 4 January 2023');
    }
  });

  it('names a busiest day alone when no other day had as many (demo-case)', async () => {
    const demo = await reportOf(['fixtures/demo-case']);
    expect(demo.incidents.maxPerDay).toEqual({ date: '2024-04-22', count: 25, ties: 0 });
    const o = renderAll(demo);
    expect(o['text']).toContain('Busiest day 2024-04-22 (25 incidents)');
    expect(o['html']).toContain('the busiest day was 22 April 2024 with 25 incidents.');
  });
});
