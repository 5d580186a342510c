/**
 * The before/after tables of the HTML escalation section (fixtures/demo-case: two milestones, each with a
 * whole-window table, the cease request and the latest-against-first rate; fixtures/milestones-timed: four
 * milestones, two on one day). A screen reader lists the tables by caption, so each names what it compares; and
 * the days in the tables are the numbers the sentence under them and the findings give (2.97, not "3.0").
 */
import { describe, expect, it } from 'vitest';
import { dayAmount } from '../../src/model/escalation-words.js';
import { renderHtml } from '../../src/reports/html/index.js';
import { renderAs, reportOf } from '../helpers/report.js';

const captions = (page: string) =>
  [...page.matchAll(/<caption class="vh">([^<]*)<\/caption>/g)].map((m) => m[1]!);
const comparisonCaptions = (page: string) => captions(page).filter((c) => c.includes('compared with'));

describe('before/after tables in the HTML report', () => {
  it('name what each compares, so no two have the same caption', async () => {
    const page = renderHtml(await reportOf(['fixtures/demo-case']));
    expect(comparisonCaptions(page)).toEqual([
      'The first and the last 28 days that every export covers: first 28 days compared with last 28 days, dates, days and contacts',
      'The milestone “Police warning (PIN) issued” on 2 April 2024: before compared with after, dates, days and contacts',
      'The milestone “Police warning (PIN) issued” on 2 April 2024, over the whole window: before compared with after, dates, days and contacts',
      'The milestone “Non-molestation order served” on 20 May 2024: before compared with after, dates, days and contacts',
      'The milestone “Non-molestation order served” on 20 May 2024, over the whole window: before compared with after, dates, days and contacts',
      'The first request to stop: before compared with after, dates, days and contacts',
    ]);
    // The requests table lists every request, not only the first.
    expect(captions(page)).toContain('Each request to stop, its phrase and the contacts after it');
  });

  it('stay distinct for milestones on the same day (one with a time)', async () => {
    const page = renderHtml(await reportOf(['fixtures/milestones-timed']));
    const list = comparisonCaptions(page);
    expect(list.length).toBeGreaterThanOrEqual(5);
    expect(new Set(list).size).toBe(list.length);
  });

  it('give the days of a side as the findings do: 2.97, not 3.0', async () => {
    const r = await reportOf(['fixtures/demo-case']);
    const page = renderHtml(r);
    const cease = /<section class="subsection" id="esc-cease"[\s\S]*?<\/section>/.exec(page)![0];
    const table = /<table class="data comparison">[\s\S]*?<\/table>/.exec(cease)![0];
    const daysCells = [
      ...table.matchAll(/<tr><th scope="row">(Before|After)<\/th><td>[^<]*<\/td><td class="num">([^<]*)</g),
    ].map((m) => `${m[1]} ${m[2]}`);
    expect(daysCells).toEqual(['Before 2.97', 'After 58.03']);
    expect(cease).toContain('only 2.97 days before');
    // The Markdown gives the same numbers.
    expect(renderAs('markdown', r)).toContain(
      'Before 8 in 2.97 days (2.7/day) 2024-01-08 – 2024-01-10; after 81 in 58.03 days',
    );
  });

  it('dayAmount writes a number of days as the findings do', () => {
    expect([48, 2.97, 13.97, 30.4, 8.6, 1].map(dayAmount)).toEqual([
      '48',
      '2.97',
      '13.97',
      '30.4',
      '8.6',
      '1',
    ]);
    expect(dayAmount(1234)).toBe('1,234');
  });
});
