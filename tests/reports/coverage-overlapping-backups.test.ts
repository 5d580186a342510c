/**
 * An export covers the days from its first to its last record read, the records dropped as duplicates of another
 * export's included: adding a backup that overlaps another never shrinks what the exports cover.
 *
 * fixtures/coverage-overlapping-backups: SMS Backup & Restore files of 6 April 2024 (Alex's text of 20 March, Sam's
 * texts of 23 March – 5 April) and of 4 May 2024, whose first three texts (1, 3 and 5 April) are also in the first
 * backup, followed by Sam's texts of 20 April – 3 May; a WhatsApp chat of 22 March – 4 May; a police warning on
 * 6 April. Sam sent nothing from 6 to 19 April. Both backups together cover 20 March – 3 May. The second backup's
 * span used to be read from the records kept after de-duplication (20 April – 3 May), so the sms channel had a
 * gap over 6–19 April: the fully covered days shrank to 22 March – 5 April (15 days), the two quiet weeks after the
 * warning were called days the exports may not hold, and the warning got counts only, no rate comparison.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readInputs } from '../../src/cli/read.js';
import type { Report } from '../../src/model/index.js';
import { CHANNELS } from '../../src/model/vocabulary.js';
import { plainEnvironment } from '../helpers/environment.js';
import { renderAll, reportOf } from '../helpers/report.js';

const DIR = 'fixtures/coverage-overlapping-backups';
const FIRST = `${DIR}/sms-20240406090000.xml`;
const SECOND = `${DIR}/sms-20240504100000.xml`;

describe('two SMS backups that overlap (fixtures/coverage-overlapping-backups)', () => {
  let r: Report;
  let out: Record<string, string>;
  beforeAll(async () => {
    r = await reportOf([DIR], {});
    out = renderAll(r);
  });

  it('the second backup holds three duplicates of the first, and they are dropped from the timeline', () => {
    const second = r.inputs.find((i) => i.path.endsWith('sms-20240504100000.xml'))!;
    expect(second).toMatchObject({ events: 10, kept: 7, duplicates: 3 });
  });

  it('JSON: the sms exports cover 20 March – 3 May in one run, the duplicates’ days included', () => {
    const sms = r.escalation!.coverage.channels.find((c) => c.channel === 'sms')!;
    expect(sms.spans).toEqual([{ from: '2024-03-20', to: '2024-05-03' }]);
    expect(sms.files.map((f) => f.slice(f.indexOf('fixtures/')))).toEqual([FIRST, SECOND]);
    expect(sms.limits).toBe(true);
  });

  it('JSON: every export covers 22 March – 3 May (43 days); only 3 days of the window are partly covered', () => {
    const e = r.escalation!;
    expect(e.window).toMatchObject({ from: '2024-03-20', to: '2024-05-04', days: 46 });
    expect(e.coverage.fullyCovered).toEqual({ from: '2024-03-22', to: '2024-05-03', days: 43 });
    expect(e.coverage.partialDays).toBe(3);
    expect(e.daily.filter((d) => !d.covered).map((d) => d.date)).toEqual([
      '2024-03-20',
      '2024-03-21',
      '2024-05-04',
    ]);
  });

  it('JSON: the police warning is compared as rates, every day of both sides covered', () => {
    const m = r.escalation!.milestones[0]!;
    expect(m).toMatchObject({
      label: 'Police warning',
      status: 'ok',
      notCovered: [],
      before: { from: '2024-03-22', to: '2024-04-05', days: 15, count: 13 },
      after: { from: '2024-04-06', to: '2024-05-03', days: 28, count: 11 },
    });
    expect(m.rateRatio).toBeCloseTo(0.4533, 4);
  });

  it('JSON: the two quiet weeks after the warning are the longest gap and an S-DASH break', () => {
    expect(r.incidents.longestGap).toEqual({ days: 14, from: '2024-04-06', to: '2024-04-19' });
    const q2 = r.escalation!.sdash.find((q) => q.number === 2)!;
    expect(q2.facts.map((f) => f.text)).toContain(
      'Contact resumed after 1 break of 14 days or more: 2024-04-06 to 2024-04-19 (14 days).',
    );
  });

  it("the method says what a file covers: anyone's records, duplicates included, notices not", () => {
    const m = r.escalation!.methods.find((x) => x.name === 'Coverage per channel')!;
    expect(m.description).toContain(
      "from its first to its last record of any kind (anyone's, those another file also holds included, though counted once; records set aside as not contact, such as system notices, do not count)",
    );
  });

  it('no report speaks of a gap in the sms records or of days the sms exports do not hold', () => {
    for (const [format, text] of Object.entries(out)) {
      expect(text, format).not.toMatch(/gap before|no records from|not counted as a break/i);
    }
    expect(out['text']).toContain(
      'Window      2024-03-20 → 2024-05-04 (46 days); fully covered 2024-03-22 → 2024-05-03',
    );
    expect(out['text']).toContain(
      'Gap         longest run without contact: 14 days (2024-04-06 → 2024-04-19)',
    );
    expect(out['markdown']).toContain(
      'Not every export covers the whole window \\(sms records end on 3 May 2024; whatsapp records start on 22 March 2024\\), so the trend, the change points and the comparisons below use the 43 days that every export covers, 22 March to 3 May 2024',
    );
  });
});

describe('input spans read by the pipeline (fixtures/coverage-overlapping-backups)', () => {
  it('give the second backup its own first record, a duplicate, and the channel of its records', async () => {
    const { timeline } = await readInputs([DIR], { quiet: true }, plainEnvironment);
    const k = timeline.inputs.findIndex((i) => i.path.endsWith('sms-20240504100000.xml'));
    const span = timeline.spans[k]!;
    // 1 April 2024 22:45:09 and 3 May 2024 21:40:08 in London (BST).
    expect(new Date(span.first).toISOString()).toBe('2024-04-01T21:45:09.000Z');
    expect(new Date(span.last).toISOString()).toBe('2024-05-03T20:40:08.000Z');
    expect(span.channels).toBe(1 << CHANNELS.indexOf('sms'));
  });
});
