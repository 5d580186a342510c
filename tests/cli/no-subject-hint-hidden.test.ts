/**
 * A sender whose name holds a character the terminal is not shown as it is (a soft hyphen, a word joiner, an
 * Arabic letter mark, a control or an escape sequence): the hint of `report` without a subject or victim shows the
 * name made safe (`<U+00AD>`, or the mark dropped), and that, typed back, is not the name. Before, the hint offered
 * it all the same: `--victim "ma<U+00AD>ria"` matched nobody, so every sender, the victim too, counted as the
 * subject (7 incidents instead of 4), without a word. Now the hint offers such a name only as a case file entry
 * with the character as a JSON escape, and following whatever it offers counts what naming the other side counts;
 * a victim that matches no sender is warned of.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, NOW, ROOT } from '../helpers/cli.js';
import { scratch } from '../helpers/robustness.js';

const DIR = 'fixtures/no-subject-hidden-characters';
const MARIA = `${DIR}/soft-hyphen/WhatsApp Chat with Sam.txt`;
const KARIM = `${DIR}/letter-mark/WhatsApp Chat with Karim.txt`;

const s = scratch('chronolog-no-subject-hidden-');
afterAll(() => s.cleanup());

/** The words bash makes of a pasted `line` (history expansion on, as an interactive bash reads it). */
function pasted(line: string): string[] {
  const script = `set -o history -H\nprintf '%s\\0' ${line}`;
  const out = execFileSync('bash', ['-c', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return out.split('\0').slice(0, -1);
}

/** The incidents `report` counts run as `words` (`chronolog report …`, as bash makes them) from `cwd`. */
function incidents(words: string[], cwd: string): number {
  expect(words.slice(0, 2)).toEqual(['chronolog', 'report']);
  const r = cli([...words.slice(1), '--format', 'json', '--now', NOW, '--tz', 'UTC'], {}, cwd);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout).accounting.incidents;
}

/**
 * Does what a hint line after `lead` says, from `cwd`: runs the command it gives, or saves the case file it gives
 * (in a scratch folder) and runs the command with it. The incidents counted.
 */
function follow(hint: string, lead: string, cwd: string): number {
  const at = hint.indexOf(lead);
  expect(at, hint).toBeGreaterThanOrEqual(0);
  const line = hint.slice(at + lead.length).split('\n')[0]!;
  const saved = /^save (\{.*\}) as case\.json and run (chronolog .*) --case case\.json \(.*\)$/.exec(line);
  if (saved === null) return incidents(pasted(line), cwd);
  // The entry is JSON as written: every character not shown as it is written as a \u escape.
  expect(saved[1]).toMatch(/^[\x20-\x7e]+$/);
  const file = s.file(`case-${Math.random().toString(36).slice(2)}/case.json`, saved[1]!);
  return incidents([...pasted(saved[2]!), '--case', file], cwd);
}

const hintOf = (args: string[], cwd = ROOT) => {
  const r = cli(args, {}, cwd);
  expect(r.code, r.stderr).toBe(2);
  return r.stderr.slice(r.stderr.indexOf('hint:'));
};

const VICTIM = 'or name the victim, and the other sender counts as the subject: ';
const SUBJECT = 'hint: For example: ';

describe('the no-subject hint for a name holding a character not shown as it is', () => {
  it('offers the victim by a case file entry, and following it counts the subject alone (golden)', () => {
    const hint = hintOf(['report', MARIA]);
    expect(hint).toBe(
      [
        `hint: For example: chronolog report "${MARIA}" --subject sam`,
        `      ${VICTIM}save {"victim": {"identifiers": ["ma\\u00adria"]}} as case.json and run chronolog report "${MARIA}" --case case.json (the name holds characters not shown here as they are, written so in JSON)`,
        '      or save {"subject": {"identifiers": […]}} (or "victim") as case.json and add --case case.json.',
        '',
      ].join('\n'),
    );
    expect(follow(hint, SUBJECT, ROOT)).toBe(4);
    expect(follow(hint, VICTIM, ROOT)).toBe(4);
  });

  it('offers the subject by a case file entry when the mark is dropped from the name shown', () => {
    // "karim" is shown, but the identifier is "<U+061C>karim": typed as shown, it would match no sender.
    const hint = hintOf(['report', KARIM]);
    expect(hint).toContain(
      `${SUBJECT}save {"subject": {"identifiers": ["\\u061ckarim"]}} as case.json and run chronolog report "${KARIM}" --case case.json (`,
    );
    expect(hint).toContain(`${VICTIM}chronolog report "${KARIM}" --victim alex\n`);
    expect(follow(hint, SUBJECT, ROOT)).toBe(4);
    expect(follow(hint, VICTIM, ROOT)).toBe(4);
  });

  it('adds the entry to the case file the run read, if any', () => {
    // A folder's own case file, found without --case.
    s.file('with-case/WhatsApp Chat with Sam.txt', readFileSync(path.join(ROOT, MARIA)));
    s.file('with-case/case.json', JSON.stringify({ timezone: 'Europe/London' }));
    const hint = hintOf(['report', 'with-case'], s.dir);
    expect(hint).toContain(
      `${VICTIM}add "victim": {"identifiers": ["ma\\u00adria"]} to the case file with-case/case.json and run chronolog report with-case again (`,
    );
    // Done as it says, the run counts the subject's messages alone.
    s.file(
      'with-case/case.json',
      JSON.stringify({ timezone: 'Europe/London', victim: { identifiers: ['ma\u00adria'] } }),
    );
    expect(incidents(['chronolog', 'report', 'with-case'], s.dir)).toBe(4);
  });

  // Each character the terminal is not shown as it is, in the victim's name and then in the subject's.
  const HIDDEN: [string, string][] = [
    ['soft hyphen', '\u00ad'],
    ['word joiner', '\u2060'],
    ['Mongolian vowel separator', '\u180e'],
    ['combining grapheme joiner', '\u034f'],
    ['Arabic letter mark', '\u061c'],
    ['C1 control (next line)', '\u0085'],
    ['escape sequence', '\u001b[0m'],
    ['zero-width space', '\u200b'],
    // Dropped from the name shown, and from the identifier too: "alex" typed is this sender.
    ['right-to-left mark', '\u200f'],
  ];
  for (const [what, c] of HIDDEN) {
    it(`follows to the same incidents whatever it offers: ${what}`, () => {
      const chat = (subject: string, victim: string) =>
        [
          `18/01/2024, 18:40 - ${victim}: message 0`,
          `18/01/2024, 18:41 - ${subject}: message 1`,
          `18/01/2024, 18:42 - ${subject}: message 2`,
          `18/01/2024, 18:43 - ${victim}: message 3`,
          `18/01/2024, 18:44 - ${subject}: message 4`,
          `18/01/2024, 18:45 - ${subject}: message 5`,
          `18/01/2024, 18:46 - ${victim}: message 6`,
          '',
        ].join('\n');
      const name = what.replaceAll(/\W+/g, '-');
      s.file(`${name}/v/WhatsApp Chat with Sam.txt`, chat('Sam', `Al${c}ex`));
      s.file(`${name}/s/WhatsApp Chat with Sam.txt`, chat(`Sa${c}m`, 'Alex'));
      const cwd = path.join(s.dir, name);
      const victimSide = hintOf(['report', 'v/WhatsApp Chat with Sam.txt'], cwd);
      const subjectSide = hintOf(['report', 's/WhatsApp Chat with Sam.txt'], cwd);
      // Never a marker (or a name missing its character) on the command line.
      for (const hint of [victimSide, subjectSide]) expect(hint).not.toMatch(/--(subject|victim) \S*<U\+/);
      if (c === '\u200f') expect(victimSide).toContain('--victim alex\n');
      for (const hint of [victimSide, subjectSide]) {
        expect(follow(hint, SUBJECT, cwd), hint).toBe(4);
        expect(follow(hint, VICTIM, cwd), hint).toBe(4);
      }
    });
  }
});

describe('the no-subject hint for inputs without senders', () => {
  it('gives the example subject on the command line (a diary names no sender to match)', () => {
    const r = cli(['report', 'fixtures/csv-diary-iso-stamps']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'hint: For example: chronolog report fixtures/csv-diary-iso-stamps --subject +447700900123\n',
    );
    expect(r.stderr).not.toContain('case.json and run');
  });
});

describe('a victim that matches no sender, with no subject named', () => {
  it('is warned of, since every sender, the victim too, then counts as the subject', () => {
    // What the hint offered before: the name as shown, which is not the identifier.
    const r = cli(['report', MARIA, '--victim', 'ma<U+00AD>ria', '--format', 'json', '--now', NOW]);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.accounting.incidents).toBe(7);
    expect(report.problems.find((p: { code: string }) => p.code === 'CASE_VICTIM_NOT_FOUND')).toEqual({
      code: 'CASE_VICTIM_NOT_FOUND',
      severity: 'warning',
      message:
        'No sender in these inputs matched the victim\'s identifiers ("ma<U+00AD>ria"), and no subject is named, so every sender was counted as the subject: the victim too, if any of these messages are theirs.',
      hint: 'Senders found, with their records: sam (Sam): 4; ma\u00adria (Ma\u00adria): 3. Name the victim by one of these with --victim, or name the subject with --subject; chronolog inspect lists them all. A "<U+…>" in an identifier is how chronolog shows a character it does not print, not the character: give the identifier in a case file (this run used none) with the character written as a JSON escape ("victim": {"identifiers": ["ma\\u00adria"]}).',
    });
  });

  it("is not warned of where the export marks the victim's own messages", () => {
    // An Android chat: the exporter's messages are "You", the victim's whatever the case calls them.
    const r = cli([
      'report',
      'fixtures/mixed-case/whatsapp/WhatsApp Chat with Jordan Reeve.txt',
      '--victim',
      'Priya',
      '--format',
      'json',
      '--now',
      NOW,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const codes = JSON.parse(r.stdout).problems.map((p: { code: string }) => p.code);
    expect(codes).not.toContain('CASE_VICTIM_NOT_FOUND');
  });

  it("is not warned of for a phone's backup given the phone's own number, which its sent texts never carry", () => {
    // The backup marks sent texts and outgoing calls as the victim's side, with no sender id of their own.
    const r = cli([
      'report',
      'fixtures/sms-backup-xml/basic-sms.xml',
      '--victim',
      '+447700900999',
      '--format',
      'json',
      '--now',
      NOW,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const codes = JSON.parse(r.stdout).problems.map((p: { code: string }) => p.code);
    expect(codes).toContain('CASE_SUBJECT_ASSUMED');
    expect(codes).not.toContain('CASE_VICTIM_NOT_FOUND');
  });

  it('is not warned of once the victim is found', () => {
    const r = cli(['report', KARIM, '--victim', 'alex', '--format', 'json', '--now', NOW]);
    expect(r.code, r.stderr).toBe(0);
    const codes = JSON.parse(r.stdout).problems.map((p: { code: string }) => p.code);
    expect(codes).toContain('CASE_SUBJECT_ASSUMED');
    expect(codes).not.toContain('CASE_VICTIM_NOT_FOUND');
  });
});
