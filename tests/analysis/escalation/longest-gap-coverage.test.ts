/**
 * "Longest gap without contact" counts only days the exports cover. A phone backup holds texts from January to
 * April, and the WhatsApp chat was exported twice, for January and for March–April: February is in no WhatsApp
 * export, so its 29 days without a recorded contact are no gap in the contact (they were the longest "gap"), and
 * the longest is the quiet spell of 10–14 March, which both exports cover. The S-DASH sheet's "breaks of 14 days or
 * more" (question 2) follow the same rule: February is named apart, as days the exports may not hold.
 */
import { describe, expect, it } from 'vitest';
import { daily, ev, input, kase, report } from './helpers.js';

const inputs = [
  input('case/sms-20240501.xml'),
  input('case/WhatsApp Chat with Sam (January).txt', 'whatsapp-txt'),
  input('case/WhatsApp Chat with Sam (March).txt', 'whatsapp-txt'),
];

function caseReport() {
  const rep = (n: number, v: number) => new Array<number>(n).fill(v);
  // The backup's first and last records: the victim's own texts on 1 January and 30 April.
  const own = ['2024-01-01', '2024-04-30'].map((d) =>
    ev({ at: `${d}T08:00:00Z`, channel: 'sms', input: 0, incident: false, role: 'victim' }),
  );
  // Texts from the subject every other day in January, none in February, from 1 March again.
  const sms = [
    ...daily(
      '2024-01-02',
      rep(30, 1).map((c, i) => (i % 2 === 0 ? c : 0)),
      { channel: 'sms', input: 0 },
    ),
    ...daily('2024-03-01', [...rep(9, 1), ...rep(5, 0), ...rep(47, 1)], { channel: 'sms', input: 0 }),
  ];
  // WhatsApp: every day of January in one export; every day of March and April but 10–14 March in the other.
  const chatJan = daily('2024-01-01', rep(31, 2), { channel: 'whatsapp', input: 1 });
  const chatMar = daily('2024-03-01', [...rep(9, 2), ...rep(5, 0), ...rep(47, 2)], {
    channel: 'whatsapp',
    input: 2,
  });
  return report([...own, ...sms, ...chatJan, ...chatMar], kase(), inputs);
}

describe('longest gap without contact', () => {
  it('stops at days an export that limits the covered days does not hold', () => {
    const r = caseReport();
    const whatsapp = r.escalation!.coverage.channels.find((c) => c.channel === 'whatsapp')!;
    expect(whatsapp.spans).toEqual([
      { from: '2024-01-01', to: '2024-01-31' },
      { from: '2024-03-01', to: '2024-04-30' },
    ]);
    // February has no contact in the files, but no WhatsApp export covers it.
    expect(r.incidents.daily.filter((d) => d.date.startsWith('2024-02')).every((d) => d.count === 0)).toBe(
      true,
    );
    expect(r.incidents.longestGap).toEqual({ days: 5, from: '2024-03-10', to: '2024-03-14' });
    // The streak of contact days is unchanged: those are days with a recorded contact.
    expect(r.incidents.longestStreak).toEqual({ days: 47, from: '2024-03-15', to: '2024-04-30' });
  });

  it('with every day covered, a run of zero days is a gap as before', () => {
    const rep = (n: number, v: number) => new Array<number>(n).fill(v);
    const r = report(daily('2024-01-01', [...rep(10, 1), ...rep(29, 0), ...rep(10, 1)]), kase());
    expect(r.incidents.longestGap).toEqual({ days: 29, from: '2024-01-11', to: '2024-02-08' });
  });
});

/** The S-DASH sheet's question 2 fact on breaks in contact. */
function breaksFact(r: ReturnType<typeof report>): string {
  const q2 = r.escalation!.sdash.find((q) => q.number === 2)!;
  return q2.facts.find((f) => /break/.test(f.text))!.text;
}

describe('S-DASH question 2: breaks of 14 days or more', () => {
  it('are not counted on days an export that limits the covered days does not hold, but are named', () => {
    // Without contact from 1 February (the last January contact is on the 31st, from WhatsApp) to 29 February.
    expect(breaksFact(caseReport())).toBe(
      'There is no break of 14 days or more between contact days in the window on days every export covers. ' +
        'Not counted as a break, as not every export covers its days (the exports may simply not hold them): ' +
        '2024-02-01 to 2024-02-29 (29 days).',
    );
  });

  it('with every day covered, a run of 14 zero days or more is a break, cited by the incident that resumed it', () => {
    const rep = (n: number, v: number) => new Array<number>(n).fill(v);
    const r = report(daily('2024-01-01', [...rep(10, 1), ...rep(29, 0), ...rep(10, 1)]), kase());
    expect(breaksFact(r)).toBe(
      'Contact resumed after 1 break of 14 days or more: 2024-01-11 to 2024-02-08 (29 days).',
    );
    const fact = r.escalation!.sdash.find((q) => q.number === 2)!.facts.find((f) => /break/.test(f.text))!;
    expect(fact.events.map((e) => e.local.slice(0, 10))).toEqual(['2024-02-09']);
  });
});
