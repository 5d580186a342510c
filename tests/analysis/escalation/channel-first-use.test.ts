/**
 * "Channels first used after the first month" is said only of a channel whose records could have shown it
 * earlier: a diary, or an export that covers a window day before that month. A call log whose first record is in
 * March shows calls from March, but says nothing of February: the finding says so rather than "first used".
 */
import { describe, expect, it } from 'vitest';
import { analyse, daily, ev, input, kase } from './helpers.js';

const inputs = [
  input('case/WhatsApp Chat with Sam.txt', 'whatsapp-txt'),
  input('case/sms-20240401.xml'),
  input('case/calls-20240401.xml'),
  input('case/incident-diary.csv', 'csv-diary'),
];

function escalation() {
  const chat = daily('2024-01-01', new Array(91).fill(1), { channel: 'whatsapp', input: 0 });
  // The phone backup holds the victim's own texts from 5 January, and the subject's from 10 February.
  const own = ev({ at: '2024-01-05T09:00:00Z', channel: 'sms', input: 1, incident: false, role: 'victim' });
  const sms = daily('2024-02-10', new Array(51).fill(1), { channel: 'sms', input: 1 });
  // The call log's first record is on 3 March.
  const calls = daily('2024-03-03', new Array(29).fill(2), { channel: 'call', input: 2 });
  // A diary row of a letter in March.
  const post = ev({ at: '2024-03-12T00:00:00Z', channel: 'post', input: 3, precision: 'day', sender: null });
  return analyse([...chat, own, ...sms, ...calls, post], kase(), inputs);
}

describe('channels first used after the first month', () => {
  it('names only the channels whose records cover earlier days; the others are first seen', () => {
    const e = escalation();
    expect(e.channelsOverTime.map((m) => [m.month, m.newChannels])).toEqual([
      ['2024-01', ['whatsapp']],
      ['2024-02', ['sms']],
      ['2024-03', ['call', 'post']],
    ]);
    expect(e.findings).toContain(
      "Channels first used after the window's first month (January 2024): sms (from February 2024), post (from March 2024; in the diary only, which has no export period).",
    );
    expect(e.findings).toContain(
      "First seen after the window's first month (January 2024), but no export of that channel covers an earlier day of the window, so earlier use cannot be told from these files: call (from March 2024).",
    );
    expect(e.findings.join('\n')).not.toMatch(/first used[^.]*call/);
  });
});
