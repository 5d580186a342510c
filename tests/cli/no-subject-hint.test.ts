/**
 * `report` (and `anonymise`) told neither the subject nor the victim exits 2, lists who is in the inputs, and
 * shows both ways to say who the case is about: `--subject`, or `--victim`, with which every sender but the victim
 * counts as the subject. Each command the hint gives runs as written, and in a chat of two the two give the same
 * incidents.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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
        '      or put "subject": {"identifiers": […]} (or "victim") in case.json.',
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
  });
});
