/**
 * A case with one record: a diary holding a single visit at 02:10 (fixtures/single-incident). Every count in it
 * is 1, so every count a report writes in words must take the singular ("1 record", "1 incident on …",
 * "1 day", "1 of 1 timed incident"), in every format, and still agree with the JSON.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/index.js';
import { FILTER_SCRIPT } from '../../src/reports/html/script.js';
import { renderAll, reportOf } from '../helpers/report.js';

const DIR = 'fixtures/single-incident';

let report: Report;
let shown: Record<string, string>;
beforeAll(async () => {
  report = await reportOf([DIR]);
  shown = renderAll(report);
});

describe('a case with a single incident', () => {
  it('has one of everything in the JSON', () => {
    expect(report.accounting.records).toBe(1);
    expect(report.incidents.total).toBe(1);
    expect(report.incidents.maxPerDay).toEqual({ date: '2024-02-14', count: 1, ties: 0 });
    expect(report.incidents.longestStreak.days).toBe(1);
    expect(report.incidents.night).toMatchObject({ count: 1, eligible: 1 });
    expect(report.chronology).toHaveLength(1);
  });

  it('says "1 record" and "1 timed incident" on the terminal', () => {
    const t = shown['text']!;
    expect(t).toContain(
      'Accounting  1 record read from 1 file in fixtures/single-incident/: 1 event (1 kept,',
    );
    expect(t).toContain('Night       1 of 1 timed incident (100%) was between 00:00 and 05:59');
    expect(t).toContain('contact on 1 of 1 day (100%)');
    expect(t).not.toMatch(/\b1 (records|incidents|days)\b|of the 1 day/);
  });

  it('says "1 timed incident" in the Markdown frequency table', () => {
    const md = shown['markdown']!;
    expect(md).toContain('| Night-time (00:00–05:59) | 1 of 1 timed incident (100%) |');
    expect(md).toContain('| Days with contact | 1 of 1 day from first to last incident |');
    expect(md).not.toMatch(/\b1 (records|incidents|days)\b|of the 1 day/);
  });

  it('words each HTML summary figure in the singular', () => {
    const html = shown['html']!;
    expect(html).toContain(
      '<dt>Busiest day</dt><dd><span class="big">1</span><span class="note">incident on 14 February 2024',
    );
    expect(html).toContain(
      '<dt>Longest run of contact days</dt><dd><span class="big">1</span><span class="note">day, 14 February 2024',
    );
    expect(html).toContain('<span class="note">1 of 1 timed incident</span>');
    expect(html).toContain('(1 of 1 timed incident; 95% CI');
    expect(html).toContain('>Showing all 1 incident</p>');
    // The calendar's colour scale lists its steps as numbers of incidents a day, not as a count.
    expect(html).toContain('(scale, in incidents a day: 0, 1)');
    expect(html).not.toMatch(/\b1 (records|incidents|days)\b/);
  });

  it('has the annex filter script count one row in the singular', () => {
    // The page script rewrites the count as the reader filters; run it against the one-row table.
    const status = { textContent: '' };
    const attributes: Record<string, string> = { 'data-ch': 'in-person' };
    const row = {
      hidden: false,
      textContent: 'Rang the doorbell',
      getAttribute: (name: string) => attributes[name] ?? null,
    };
    const elements: Record<string, unknown> = {
      'annex-table': { tBodies: [{ rows: [row] }] },
      'annex-filter': { hidden: true },
      'annex-q': { value: '', addEventListener: () => {} },
      'annex-ch': { value: '', addEventListener: () => {} },
      'annex-count': status,
    };
    const document = { getElementById: (id: string) => elements[id] ?? null };
    new Function('document', 'window', FILTER_SCRIPT)(document, { requestAnimationFrame: () => 1 });
    expect(status.textContent).toBe('Showing all 1 incident');
    (elements['annex-q'] as { value: string }).value = 'no such text';
    (elements['annex-ch'] as { value: string }).value = '';
    new Function('document', 'window', FILTER_SCRIPT)(document, { requestAnimationFrame: () => 1 });
    expect(status.textContent).toBe('Showing 0 of 1 incident (printing shows all)');
  });
});
