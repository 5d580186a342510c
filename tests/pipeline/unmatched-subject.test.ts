/**
 * Subject identifiers that match no sender are reported: one unused among others that matched is worth knowing
 * (info); none matching is a warning that names the senders the inputs hold, so a victim who typed the name
 * they know ("Sam") instead of the account name the export records ("sam.sample") learns what to type.
 */
import { describe, expect, it } from 'vitest';
import { timelineOf } from '../helpers/timeline.js';

const DISCORD_JSON = 'fixtures/discord-same-channel/Direct Messages - Sam [1200000000000000009].json';

async function problemsOf(paths: string[], subject: string[], victim: string[]) {
  const { t, events } = await timelineOf(paths, () => ({
    subject: { name: undefined, identifiers: subject },
    victim: { name: undefined, identifiers: victim },
  }));
  const incidents = events.filter((e) => e.incident);
  return { problems: t.problems.list.filter((p) => p.code.startsWith('CASE_SUBJECT')), incidents };
}

describe('subject identifiers that match no sender', () => {
  it('warns when none matches, naming the senders found with their counts', async () => {
    const { problems, incidents } = await problemsOf([DISCORD_JSON], ['Sam'], ['alex_example']);
    expect(incidents).toHaveLength(0);
    expect(problems).toEqual([
      {
        code: 'CASE_SUBJECT_NOT_FOUND',
        severity: 'warning',
        message:
          'No sender in these inputs matched the subject\'s identifiers ("Sam"), so no message or call from them is counted as an incident.',
        hint: 'Did you mean --subject 900000000000000707? "Sam" is close to the sender 900000000000000707 (sam.sample), with 5 records; check that it is the subject before naming them so. Senders found, with their records: 900000000000000707 (sam.sample): 5. Name the subject by one of these with --subject; chronolog inspect lists them all.',
      },
    ]);
  });

  it('says which account has the name a handle was written for, since no export records handles', async () => {
    // Discord gives the account's user name beside its id: "@sam.sample" matches no sender, and is not taken to
    // match the name (a handle would then pick out anyone who shows that name), but the hint says what to type.
    const { problems, incidents } = await problemsOf([DISCORD_JSON], ['@sam.sample'], ['alex_example']);
    expect(incidents).toHaveLength(0);
    expect(problems).toEqual([
      {
        code: 'CASE_SUBJECT_NOT_FOUND',
        severity: 'warning',
        message:
          'No sender in these inputs matched the subject\'s identifiers ("@sam.sample"), so no message or call from them is counted as an incident.',
        hint: 'None of these exports shows @handles, but "sam.sample" is the name of an account here (5 records): name it without the @ (--subject sam.sample) or by its account id, after checking it is the subject\'s. Senders found, with their records: 900000000000000707 (sam.sample): 5. Name the subject by one of these with --subject; chronolog inspect lists them all.',
      },
    ]);
    const beside = await problemsOf([DISCORD_JSON], ['900000000000000707', '@sam.sample'], ['alex_example']);
    expect(beside.incidents).toHaveLength(5);
    expect(beside.problems).toEqual([
      {
        code: 'CASE_SUBJECT_IDENTIFIER_UNUSED',
        severity: 'info',
        message: 'The subject identifier "@sam.sample" matched no sender in these inputs.',
        hint: 'None of these exports shows @handles, but "sam.sample" is the name of an account here (5 records): name it without the @ (--subject sam.sample) or by its account id, after checking it is the subject\'s.',
      },
    ]);
  });

  it('matches a Telegram account named by its number alone, as Telegram shows it', async () => {
    // The export writes from_id "user4400000001"; Telegram's "show peer IDs" shows 4400000001.
    const chat = 'fixtures/telegram-json/odd-entries.json';
    for (const id of ['4400000001', 'id:4400000001', 'user4400000001']) {
      const { problems, incidents } = await problemsOf([chat], [id], []);
      expect(incidents.length, id).toBeGreaterThan(0);
      expect(new Set(incidents.map((e) => e.senderKey)), id).toEqual(new Set(['account:user4400000001']));
      expect(problems, id).toEqual([]);
    }
  });

  it('says nothing once the subject is named as the export records them', async () => {
    const { problems, incidents } = await problemsOf([DISCORD_JSON], ['sam.sample'], ['alex_example']);
    expect(incidents).toHaveLength(5);
    expect(problems).toEqual([]);
  });

  it('notes an identifier left unused while the others matched, and still counts their incidents', async () => {
    const { problems, incidents } = await problemsOf(
      ['fixtures/demo-case/sms-20240315120000.xml'],
      ['+447700900123', 'sam.carter@example.org'],
      [],
    );
    expect(incidents.length).toBeGreaterThan(0);
    expect(incidents.every((e) => e.senderKey === 'phone:+447700900123')).toBe(true);
    expect(problems).toEqual([
      {
        code: 'CASE_SUBJECT_IDENTIFIER_UNUSED',
        severity: 'info',
        message: 'The subject identifier "sam.carter@example.org" matched no sender in these inputs.',
        hint: 'Nothing is wrong if the subject did not use it in these exports; otherwise check how it is written after --subject (chronolog inspect lists every sender).',
      },
    ]);
  });

  it('lists at most five senders, most records first, and counts the rest', async () => {
    const { problems } = await problemsOf(['fixtures/demo-case'], ['+447700900999'], ['+447700900001']);
    expect(problems).toHaveLength(1);
    const hint = problems[0]!.hint!;
    const listed = hint.slice('Senders found, with their records: '.length, hint.indexOf('. Name'));
    const counts = listed
      .split('; ')
      .map((s) => Number(s.slice(s.lastIndexOf(': ') + 2).replace(/,.*$/, '')));
    expect(counts).toHaveLength(5);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    expect(hint).toMatch(/, and \d+ more\. Name the subject/);
  });
});
