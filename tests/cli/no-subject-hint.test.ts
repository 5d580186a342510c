/**
 * `report` (and `anonymise`) told neither the subject nor the victim exits 2, lists who is in the inputs, and
 * shows both ways to say who the case is about: `--subject`, or `--victim`, with which every sender but the victim
 * counts as the subject. Each command the hint gives runs as written, and in a chat of two the two give the same
 * incidents.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { cli, NOW } from '../helpers/cli.js';
import { scratch } from '../helpers/robustness.js';

const SAM = 'fixtures/demo-case/WhatsApp Chat with Sam.txt';
const JORDAN = 'fixtures/mixed-case/whatsapp/WhatsApp Chat with Jordan Reeve.txt';
const SMS = 'fixtures/demo-case/sms-20240315120000.xml';

/** The incidents `report --format json` counts with `options`. */
function incidents(path: string, ...options: string[]): number {
  const r = cli(['report', path, ...options, '--format', 'json', '--now', NOW, '--tz', 'Europe/London']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout).accounting.incidents;
}

describe('a report that names neither the subject nor the victim', () => {
  it('shows --subject and --victim with the two senders of a chat, each giving the same incidents', () => {
    const r = cli(['report', SAM]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        'error: who is the report about? Name the subject (the person whose contact is reported) or the victim.',
        '  - sam (Sam): 74 records on whatsapp',
        '  - alex (Alex): 10 records on whatsapp',
        `hint: For example: chronolog report "${SAM}" --subject sam`,
        `      or name the victim, and the other sender counts as the subject: chronolog report "${SAM}" --victim alex`,
        '      or save {"subject": {"identifiers": […]}} (or "victim") as case.json and add --case case.json.',
        '',
      ].join('\n'),
    );
    // As the hint says: naming the victim counts the other sender's records as the subject's.
    expect(incidents(SAM, '--victim', 'alex')).toBe(74);
    expect(incidents(SAM, '--subject', 'sam')).toBe(74);
  });

  it("offers the sender the export marks as the exporter's own as the victim, never as the subject", () => {
    // An Android chat: the exporter's messages are "You", marked as the victim's by the export itself.
    const r = cli(['report', JORDAN]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ {2}- you \(You\): 2 records on whatsapp$/m);
    expect(r.stderr).toContain(`hint: For example: chronolog report "${JORDAN}" --subject "jordan reeve"\n`);
    expect(r.stderr).toContain(
      `      or name the victim, and the other sender counts as the subject: chronolog report "${JORDAN}" --victim you\n`,
    );
    expect(incidents(JORDAN, '--victim', 'you')).toBe(9);
    expect(incidents(JORDAN, '--subject', 'jordan reeve')).toBe(9);
  });

  it('names no sender as the victim where there are more than two, and says every other would count', () => {
    // A phone's SMS backup: eight senders (family, friends, a pharmacy); naming one the victim would count the
    // seven others as the subject.
    const r = cli(['report', SMS]);
    expect(r.code).toBe(2);
    expect(r.stderr.match(/^ {2}- /gm)).toHaveLength(8);
    expect(r.stderr).toContain(`hint: For example: chronolog report ${SMS} --subject +447700900003\n`);
    expect(r.stderr).toContain(
      '      or name the victim with --victim ID: every sender but the victim then counts as the subject\n',
    );
    expect(r.stderr).not.toMatch(/--victim \S*\d/);
  });

  it("carries the user's own options into each command it gives, which then does what was asked", () => {
    const s = scratch('chronolog-no-subject-options-');
    onTestFinished(() => s.cleanup());
    // No day above 12: without --date-order mdy the dates would be read day first.
    s.file(
      'WhatsApp Chat with Sam.txt',
      '03/04/2024, 18:40 - Sam: are you there\n03/05/2024, 18:41 - Alex: stop\n03/06/2024, 22:00 - Sam: answer me\n',
    );
    const asked = ['--date-order', 'mdy', '--format', 'json', '--out', 'r.json', '--tz', 'Europe/London'];
    const r = cli(['report', 'WhatsApp Chat with Sam.txt', ...asked, '--now', NOW], {}, s.dir);
    expect(r.code).toBe(2);
    const run = `chronolog report "WhatsApp Chat with Sam.txt" --format json --out r.json --now ${NOW} --tz Europe/London --date-order mdy`;
    expect(r.stderr).toContain(`hint: For example: ${run} --subject sam\n`);
    expect(r.stderr).toContain(
      `      or name the victim, and the other sender counts as the subject: ${run} --victim alex\n`,
    );
    // Each as given, pasted into bash: the report written where --out said, as JSON, its dates read month first.
    for (const lead of ['hint: For example: ', 'the other sender counts as the subject: ']) {
      const line = r.stderr.slice(r.stderr.indexOf(lead) + lead.length).split('\n')[0]!;
      const words = execFileSync('bash', ['-c', `printf '%s\\0' ${line}`], { encoding: 'utf8' }).split('\0');
      expect(words.slice(0, 2)).toEqual(['chronolog', 'report']);
      const ok = cli(words.slice(1, -1), {}, s.dir);
      expect(ok.code, ok.stderr).toBe(0);
      expect(ok.stdout).toBe('');
      const report = JSON.parse(readFileSync(path.join(s.dir, 'r.json'), 'utf8'));
      expect(report.run.options.dateOrder).toBe('mdy');
      expect(report.accounting.incidents).toBe(2);
      expect(report.identifiers[0].firstLocal).toBe('2024-03-04 18:40');
      rmSync(path.join(s.dir, 'r.json'));
    }
  });

  it('gives anonymise the same choice, with its own command line', () => {
    const s = scratch('chronolog-no-subject-');
    afterAll(() => s.cleanup());
    // As anonymise's help makes one: 32 random bytes in base64.
    const key = s.file('study.key', 'q9Nw1c0uTq3yYh0mV7o2bXcJkqk8b7bOa1D8yK6mXr4=\n');
    const out = path.join(s.dir, 'anon');
    const r = cli(['anonymise', SAM, '--key-file', key, '--out', out]);
    expect(r.code).toBe(2);
    const run = `chronolog anonymise "${SAM}" --key-file ${key} --out ${out}`;
    expect(r.stderr).toContain(`hint: For example: ${run} --subject sam\n`);
    expect(r.stderr).toContain(
      `      or name the victim, and the other sender counts as the subject: ${run} --victim alex\n`,
    );
    // As the hint says, naming the victim is enough.
    const ok = cli(['anonymise', SAM, '--key-file', key, '--out', out, '--victim', 'alex']);
    expect(ok.code, ok.stderr).toBe(0);
    // With the user's own options, as typed.
    const more = cli([
      'anonymise',
      SAM,
      '--out',
      out,
      '--drop-text',
      '--key-file',
      key,
      '--case-id',
      'study 7',
    ]);
    expect(more.code).toBe(2);
    expect(more.stderr).toContain(
      `hint: For example: chronolog anonymise "${SAM}" --key-file ${key} --out ${out} --drop-text --case-id "study 7" --subject sam\n`,
    );
  });
});

describe('a group of more senders than the error lists', () => {
  it('says how many more there are and where all are listed, and where case.json goes in the folder given', () => {
    const s = scratch('chronolog-no-subject-many-');
    onTestFinished(() => s.cleanup());
    const senders = Array.from({ length: 20 }, (_, i) => `Neighbour ${String(i + 1).padStart(2, '0')}`);
    s.file(
      'street group/WhatsApp Chat with Street.txt',
      senders
        .map((n, i) => `14/05/2024, 10:${String(i).padStart(2, '0')} - ${n}: parcel ${i} left at the door\n`)
        .join(''),
    );
    const r = cli(['report', 'street group'], {}, s.dir);
    expect(r.code).toBe(2);
    const listed = r.stderr.match(/^ {2}- neighbour \d+ /gm) ?? [];
    expect(listed).toHaveLength(15);
    expect(r.stderr).toContain('  - … and 5 more senders: chronolog inspect "street group" lists them all\n');
    expect(r.stderr).toContain(
      '      or save {"subject": {"identifiers": […]}} (or "victim") as case.json in the folder "street group", where it is read without --case.\n',
    );
    // As it says: inspect lists all twenty.
    const inspect = cli(['inspect', 'street group'], {}, s.dir);
    expect(inspect.code, inspect.stderr).toBe(0);
    expect(inspect.stdout.match(/^ {2}neighbour \d+ /gm)).toHaveLength(20);
    // And a case.json saved there as it says is read without --case.
    s.file(
      'street group/case.json',
      '{"subject": {"identifiers": ["Neighbour 03"]}, "timezone": "Europe/London"}\n',
    );
    const named = cli(['report', 'street group', '--format', 'json', '--now', NOW], {}, s.dir);
    expect(named.code, named.stderr).toBe(0);
    expect(JSON.parse(named.stdout).accounting.incidents).toBe(1);
  });
});
