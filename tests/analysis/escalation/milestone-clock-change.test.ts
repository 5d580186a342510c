/**
 * A milestone written with a local time that a clock change touches: 01:30 on 31 March 2024 did not exist in
 * Europe/London (the clocks went from 01:00 to 02:00), and 02:30 on 7 April 2024 happened twice in
 * Australia/Sydney (the clocks went back from 03:00 to 02:00). The "after" side starts where the timeline's rule
 * puts such a time (after the change; the earlier of the two), and every report says so beside the time, as it
 * does for a record's time, instead of showing a time the case file never gave as if it had.
 */
import { describe, expect, it } from 'vitest';
import { renderAs, reportOf } from '../../helpers/report.js';

describe('a milestone time inside a clock change', () => {
  it('that did not exist: read after the change, flagged dst-gap, and said so in every report', async () => {
    const r = await reportOf(['fixtures/demo-case'], {
      tz: 'Europe/London',
      milestone: ['2024-03-31T01:30=Order served'],
    });
    const m = r.escalation!.milestones.find((x) => x.label === 'Order served')!;
    expect(m.startsAt).toBe('2024-03-31T01:30:00.000Z');
    expect(m.startsAtLocal).toBe('2024-03-31 02:30');
    expect(m.startsAtTimeFlags).toEqual(['dst-gap']);
    const words = 'the written time did not exist, as the clocks went forward; shown after the change';
    expect(renderAs('text', r)).toContain(`2024-03-31 02:30 (${words}) Order served:`);
    expect(renderAs('markdown', r)).toContain(`After Order served (from 2024-03-31 02:30 (${words}))`);
    expect(renderAs('html', r)).toContain(`local time <span title="dst-gap">(${words})</span>.`);
    expect(r.escalation!.findings.join('\n')).toContain(`31 March 2024 at 02:30 (${words})`);
  });

  it('that happened twice: the earlier is used, flagged dst-ambiguous', async () => {
    const r = await reportOf(['fixtures/demo-case'], {
      tz: 'Australia/Sydney',
      milestone: ['2024-04-07T02:30=Order served'],
    });
    const m = r.escalation!.milestones.find((x) => x.label === 'Order served')!;
    // 02:30 AEDT (+11:00), the first of the two.
    expect(m.startsAt).toBe('2024-04-06T15:30:00.000Z');
    expect(m.startsAtTimeFlags).toEqual(['dst-ambiguous']);
    expect(renderAs('text', r)).toContain(
      '2024-04-07 02:30 (the written time happened twice, as the clocks went back; the earlier is used) Order served:',
    );
  });

  it('flags nothing for a time no clock change touches, a date alone or a time with an offset', async () => {
    const r = await reportOf(['fixtures/demo-case'], {
      tz: 'Europe/London',
      milestone: [
        '2024-03-30T01:30=Day before',
        '2024-03-31=Date alone',
        '2024-03-31T01:30+01:00=With offset',
      ],
    });
    for (const m of r.escalation!.milestones) expect(m.startsAtTimeFlags, m.label).toBeUndefined();
    // The date alone starts at the day's first instant, 00:00 GMT.
    expect(r.escalation!.milestones.find((x) => x.label === 'Date alone')!.startsAt).toBe(
      '2024-03-31T00:00:00.000Z',
    );
  });
});
