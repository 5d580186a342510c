/**
 * Contact "after" a cease request when the exports give minutes (fixtures/cease-same-minute, read as `chronolog
 * report` reads it). The count after the first request, each request's count and the before/after comparison
 * start at one instant: the end of the minute (second, day) the request was recorded in (cease.ts, `afterRequest`).
 *
 * The fixture (Europe/London, window 1 February – 15 March 2024, GMT throughout): a WhatsApp chat with one message
 * from Sam on most days, and on 20 February around Alex's "Please leave me alone." at 21:04 (line 21) — Sam at
 * 21:03, at 21:04 on the line before it ("Answer me"), at 21:04 on the two lines after it ("No", "You don’t get to
 * decide that"), at 21:05 and at 23:40; and an SMS backup covering the window with one text from Sam at 21:04:30.
 * 44 WhatsApp incidents and 1 SMS: 18 before 21:04, 4 in the request's minute, 23 from 21:05.
 *
 * Before this rule the count after the request started at 21:04:00.001 (24: the SMS at 21:04:30 in, the WhatsApp
 * replies at 21:04 out) while the comparison's after side started at 21:04:00 (27: all three WhatsApp messages at
 * 21:04 in, "Answer me" too, which the chat lists before the request).
 */
import { Chalk } from 'chalk';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../../src/model/index.js';
import { renderHtml } from '../../../src/reports/html/index.js';
import { markdown } from '../../../src/reports/markdown.js';
import { text } from '../../../src/reports/text.js';
import { reportOf } from '../../helpers/report.js';
import { analyse, daily, ev, input, kase } from './helpers.js';

let r: Report;

beforeAll(async () => {
  r = await reportOf(['fixtures/cease-same-minute']);
});

const cease = () => r.escalation!.ceaseRequest;

describe('contact after a cease request recorded to the minute', () => {
  it('reads the fixture as designed', () => {
    const e = r.escalation!;
    expect(e.window).toMatchObject({ from: '2024-02-01', to: '2024-03-15', days: 44 });
    expect(e.coverage.fullyCovered).toEqual({ from: '2024-02-01', to: '2024-03-15', days: 44 });
    expect(e.rate.count).toBe(45);
    expect(cease().requests).toHaveLength(1);
    expect(cease().first).toMatchObject({ text: 'Please leave me alone.', phrase: 'leave me alone' });
    expect(cease().first!.event).toMatchObject({
      local: '2024-02-20 21:04',
      channel: 'whatsapp',
      locator: 'line 21',
    });
    // The chronology (incidents only) keeps the chat's order for the equal times: line 20 before the request on
    // line 21, lines 22 and 23 after it; then the SMS, timed to the second.
    const minute = r.chronology!.filter((x) => x.local.startsWith('2024-02-20 21:04'));
    expect(minute.map((x) => [x.local, x.locator, x.text])).toEqual([
      ['2024-02-20 21:04', 'line 20', 'Answer me'],
      ['2024-02-20 21:04', 'line 22', 'No'],
      ['2024-02-20 21:04', 'line 23', 'You don’t get to decide that'],
      ['2024-02-20 21:04:30.000', 'sms[1] (line 6)', 'Answer your phone.'],
    ]);
  });

  it('counts as after the request only contact from the end of its minute, whatever the file order', () => {
    const a = cease().afterFirst!;
    // 21:05, 23:40 and the 21 WhatsApp messages of later days; none of the four contacts at 21:04.
    expect(a.count).toBe(23);
    expect(a.byChannel).toEqual([{ channel: 'whatsapp', count: 23 }]);
    expect(a.first).toMatchObject({ local: '2024-02-20 21:05', locator: 'line 24' });
    expect(a.last).toMatchObject({ local: '2024-03-15 21:45', locator: 'line 46' });
    expect(cease().first!.incidentsAfter).toBe(a.count);
    // Where "after" starts, and the contacts of the request's own minute that the count leaves out.
    expect(a.startsAt).toBe('2024-02-20T21:05:00.000Z');
    expect(a.startsAtLocal).toBe('2024-02-20 21:05:00');
    expect(a.atRequestTime).toBe(4);
  });

  it("names the contacts of the request's own minute wherever it gives the count after it", () => {
    const words =
      '4 contacts recorded in the same minute as the request are counted before it, as their time cannot show which came first';
    expect(r.escalation!.findings).toContain(`${words}.`);
    const ctx = { chalk: new Chalk({ level: 0 }), width: 200 };
    expect(text.render(r, ctx)).toContain(`23 contacts after the first (${words})`);
    const md = markdown.render(r, ctx);
    expect(md).toContain(`After the first request: 23 contacts (whatsapp 23); last 2024-03-15 21:45`);
    expect(md).toContain(`line 46. ${words}. Before 22`);
    expect(renderHtml(r)).toContain(`<p>${words}.</p>`);
  });

  it('splits the comparison at the same instant, so its after side holds exactly the contacts counted after', () => {
    const c = cease().afterFirst!.comparison;
    expect(c.status).toBe('ok');
    // The after side runs to the window's end, so it holds every contact counted after the request, and the
    // before side every other one: the four contacts at 21:04 (the SMS at 21:04:30 among them) are before it.
    expect(c.after).toMatchObject({ from: '2024-02-20', to: '2024-03-15', count: 23, boundedBy: 'window' });
    expect(c.before).toMatchObject({ from: '2024-02-01', to: '2024-02-20', count: 22, boundedBy: 'window' });
    expect(c.before.count + c.after.count).toBe(r.escalation!.rate.count);
    // Exposure splits at 21:05 on 20 February: 19 days and 21 h 05 min before, the rest of the 44 days after.
    const share = (21 + 5 / 60) / 24;
    expect(c.before.days).toBeCloseTo(19 + share, 12);
    expect(c.after.days).toBeCloseTo(44 - 19 - share, 12);
  });

  it('says so in the findings and the method', () => {
    const e = r.escalation!;
    expect(e.findings.find((f) => f.startsWith('After the first request'))).toMatch(
      /^After the first request there were 23 contacts \(whatsapp 23\), the last on 15 March 2024 at 21:45 \(WhatsApp Chat with Sam\.txt, line 46\)\./,
    );
    const m = e.methods.find((x) => x.name === 'Requests to stop')!;
    expect(m.description).toContain('for a request timed 21:04, from 21:05:00');
    expect(m.caveats.join(' ')).toContain('A contact in the same minute as the request counts before it');
    const cmp = e.methods.find(
      (x) => x.name === 'Before and after a milestone or the first request to stop',
    )!;
    expect(cmp.description).toContain(
      "the first request to stop's after side starts when the minute (second, day) it was recorded in ends",
    );
  });
});

describe('the end of the time a request was recorded to', () => {
  const sam = { conversation: 'Sam', channel: 'sms' as const };
  const request = (at: string, precision: 'ms' | 's' | 'day') =>
    ev({
      ...sam,
      at,
      precision,
      text: 'Stop texting me',
      incident: false,
      role: 'victim',
      direction: 'outgoing',
    });
  const around = [
    ev({ ...sam, at: '2024-01-20T20:00:00.000Z', precision: 's' }),
    ev({ ...sam, at: '2024-01-20T20:00:00.500Z', precision: 'ms' }),
    ev({ ...sam, at: '2024-01-20T20:00:01.000Z', precision: 's' }),
    ev({ ...sam, at: '2024-01-20T23:59:59.000Z', precision: 's' }),
    ev({ ...sam, at: '2024-01-21T00:00:00.000Z', precision: 'day' }),
  ];
  const base = daily('2024-01-01', new Array(40).fill(1), sam);
  const contactAfter = (req: ReturnType<typeof request>) => {
    const e = analyse([...base, ...around, req], kase(), [input('case/sms.xml')]);
    const c = e.ceaseRequest;
    expect(c.first!.incidentsAfter).toBe(c.afterFirst!.count);
    expect(c.afterFirst!.comparison.after.count).toBe(c.afterFirst!.count);
    return { count: c.afterFirst!.count, first: c.afterFirst!.first!.utc };
  };
  // daily() puts one incident a day at 10:00 UTC: 20 days from 21 January on.
  it('a request timed to the millisecond: contact from the next millisecond', () => {
    expect(contactAfter(request('2024-01-20T20:00:00.000Z', 'ms'))).toEqual({
      count: 4 + 20,
      first: '2024-01-20T20:00:00.500Z',
    });
  });
  it('a request timed to the second: contact from the next second', () => {
    expect(contactAfter(request('2024-01-20T20:00:00.000Z', 's'))).toEqual({
      count: 3 + 20,
      first: '2024-01-20T20:00:01.000Z',
    });
  });
  it('a request dated only: contact from the next midnight (a date-only contact that day is before it)', () => {
    expect(contactAfter(request('2024-01-20T00:00:00.000Z', 'day'))).toEqual({
      count: 1 + 20,
      first: '2024-01-21T00:00:00.000Z',
    });
  });
});
