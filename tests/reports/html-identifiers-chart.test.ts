/**
 * The identifiers chart of the HTML report (fixtures/mixed-case: 11 lanes, two milestones whose dashed rules cross
 * the notes under the bars; fixtures/demo-case: a rule through "29 June 2024" and "call, sms"). The note under
 * each bar is the figure a reader takes from the chart, so no rule may run through it: the rules are drawn after
 * the lanes (above their grey backgrounds) and the notes after the rules, each with a halo of its lane's colour.
 */
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/reports/html/index.js';
import { STYLES } from '../../src/reports/html/styles.js';
import { reportOf } from '../helpers/report.js';

function chart(page: string, id: string): string {
  const m = new RegExp(`<section class="chart" id="${id}"[\\s\\S]*?</section>`).exec(page);
  if (!m) throw new Error(`no ${id} in the page`);
  return m[0];
}

/** The text of every lane note, in lane order. */
function notes(svg: string): string[] {
  return [...svg.matchAll(/<text class="ax lane-note[^"]*"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
}

describe('identifiers chart', () => {
  it('draws the lane notes over the milestone rules, with a halo that breaks the rule', async () => {
    const page = renderHtml(await reportOf(['fixtures/mixed-case']));
    const svg = chart(page, 'fig-identifiers');
    const rules = [...svg.matchAll(/<g class="milestone">/g)].map((m) => m.index!);
    expect(rules).toHaveLength(2);
    const firstNote = svg.indexOf('lane-note');
    const lastLaneBg = svg.lastIndexOf('class="lane-bg"');
    expect(notes(svg)).toHaveLength(11);
    // Rules above every lane background, notes above every rule.
    for (const at of rules) {
      expect(at).toBeGreaterThan(lastLaneBg);
      expect(at).toBeLessThan(firstNote);
    }
    // The halo is the lane's colour: white lanes, and grey (#f6f7f8) ones, marked on-shade.
    expect(STYLES).toMatch(/\.lane-note \{ paint-order: stroke; stroke: #fff; stroke-width: 7px;/);
    expect(STYLES).toContain('.lane-bg { fill: #f6f7f8; }');
    expect(STYLES).toContain('.lane-note.on-shade { stroke: #f6f7f8; }');
    const shaded = [...svg.matchAll(/<text class="ax lane-note( on-shade)?"/g)].map(
      (m) => m[1] !== undefined,
    );
    expect(shaded).toEqual([true, false, true, false, true, false, true, false, true, false, true]);
  });

  it('gives one date for an identifier first and last used on the same day', async () => {
    const svg = chart(renderHtml(await reportOf(['fixtures/mixed-case'])), 'fig-identifiers');
    expect(notes(svg)).toEqual([
      '26 incidents · messenger, signal, whatsapp · 8 January 2024 – 31 March 2024',
      '5 incidents · messenger · 12 January 2024 – 13 January 2024',
      '4 incidents · email · 15 January 2024 – 17 April 2024',
      '6 incidents · in-person, post, social · 27 January 2024 – 20 April 2024',
      '4 incidents · call, sms · 21 February 2024',
      '1 incident · email · 2 March 2024',
      '33 incidents · call, imessage, sms, whatsapp · 2 March 2024 – 17 April 2024',
      '5 incidents · telegram · 14 March 2024 – 2 April 2024',
      '7 incidents · discord · 16 March 2024 – 1 April 2024',
      '5 incidents · instagram · 19 March 2024 – 20 March 2024',
      '3 incidents · twitter · 25 March 2024',
    ]);
  });

  it('names the zone of the local times in the captions of the identifiers and hours charts', async () => {
    const page = renderHtml(await reportOf(['fixtures/demo-case']));
    expect(chart(page, 'fig-identifiers')).toContain(
      'each drawn from its first to its last use (local time, Europe/London) over the period of the report',
    );
    expect(chart(page, 'fig-hours')).toContain(
      'Incidents by weekday (rows) and hour of the day (columns), local time in Europe/London, 689 timed incidents;',
    );
  });
});
