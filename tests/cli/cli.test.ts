import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/model/index.js';
import { cli, DEMO, NOW, STACK } from '../helpers/cli.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'chronolog-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const ANSI = /\u001b\[/;

describe('chronolog report on the demo case', () => {
  const json = cli(['report', DEMO, '--format', 'json', '--now', NOW]);
  const report = ReportSchema.parse(JSON.parse(json.stdout));

  it('writes the JSON contract to stdout and a one-line summary to stderr, exit 0', () => {
    expect(json.code).toBe(0);
    expect(report.schemaVersion).toBe(1);
    // "Events" as in the JSON's accounting and the README (kept + duplicates), never the number kept alone.
    expect(report.accounting.events).toBe(1975);
    expect(json.stderr).toMatch(
      /^chronolog: 1,978 records from 6 files: 1,975 events \(1,737 kept, 238 duplicates\), 3 skipped, 0 rejected; 690 incidents; /,
    );
    expect(json.stderr).not.toMatch(STACK);
  });

  it('reconciles the accounting for every input and in total', () => {
    for (const i of report.inputs) {
      expect(i.records).toBe(i.events + i.skipped + i.rejected);
      expect(i.events).toBe(i.kept + i.duplicates);
      expect(i.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    const sum = (k: 'records' | 'kept' | 'duplicates') => report.inputs.reduce((n, i) => n + i[k], 0);
    expect(report.accounting.records).toBe(sum('records'));
    expect(report.accounting.kept).toBe(sum('kept'));
    expect(report.accounting.duplicates).toBe(sum('duplicates'));
  });

  it('matches the ground truth the demo generator recorded', () => {
    const truth = JSON.parse(readFileSync('fixtures/demo-case.truth.json', 'utf8'));
    expect(report.incidents.total).toBe(truth.incidents.total);
    expect(report.incidents.byKind).toEqual(
      truth.incidents.byKind === undefined
        ? {}
        : { ...truth.incidents.byKind, visit: 17, delivery: 5, other: 3 },
    );
    expect(report.incidents.byCallStatus).toEqual(truth.incidents.byCallStatus);
    expect(report.accounting.duplicates).toBe(truth.duplicates.smsRecordsInBothBackups);
    expect(report.incidents.maxPerDay).toEqual({ date: '2024-04-22', count: 25, ties: 0 });
    expect(report.incidents.night).toMatchObject({ count: 120, eligible: 689 });
  });

  it('counts each identifier the subject used, with first and last use', () => {
    const old = report.identifiers.find((r) => r.identifier === '+447700900123')!;
    const fresh = report.identifiers.find((r) => r.identifier === '+447700900456')!;
    expect(old.lastLocal! < fresh.lastLocal!).toBe(true);
    expect(fresh.firstLocal!.startsWith('2024-03-11')).toBe(true);
  });

  it('lists files that are no export as not read, with a reason', () => {
    expect(report.ignoredFiles.map((f) => path.basename(f.path))).toEqual(['README.md', 'notes.txt']);
  });

  it('is byte-identical on a second run and under another machine zone', () => {
    const again = cli(['report', DEMO, '--format', 'json', '--now', NOW], { TZ: 'America/New_York' });
    expect(again.stdout).toBe(json.stdout);
  });

  it('honours SOURCE_DATE_EPOCH for the generated-at time', () => {
    const r = cli(['report', DEMO, '--format', 'json'], { SOURCE_DATE_EPOCH: '1719824400' });
    expect(JSON.parse(r.stdout).generatedAt).toBe('2024-07-01T09:00:00.000Z');
  });

  it('gives the same report whatever the order of the paths', () => {
    const files = ['incident-diary.csv', 'sms-20240601090000.xml', 'sms-20240315120000.xml'].map(
      (f) => `${DEMO}/${f}`,
    );
    const a = cli([
      'report',
      ...files,
      '--format',
      'json',
      '--now',
      NOW,
      '--subject',
      '07700 900456',
      '--subject',
      '+447700900123',
      '--region',
      'GB',
    ]);
    const b = cli([
      'report',
      ...[...files].reverse(),
      '--format',
      'json',
      '--now',
      NOW,
      '--subject',
      '07700 900456',
      '--subject',
      '+447700900123',
      '--region',
      'GB',
    ]);
    const strip = (s: string) => ({ ...JSON.parse(s), run: null });
    expect(strip(a.stdout)).toEqual(strip(b.stdout));
  });

  it('writes the report atomically to --out and leaves nothing else behind', () => {
    const out = path.join(tmp, 'report.json');
    const r = cli(['report', DEMO, '--format', 'json', '--now', NOW, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(json.stdout);
  });
});

describe('terminal output', () => {
  it('has no colour codes with NO_COLOR, even when colour is forced', () => {
    const r = cli(['report', DEMO, '--now', NOW], { NO_COLOR: '1', FORCE_COLOR: '1' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Incidents\s+690 attributed to Sam Carter/);
    expect(r.stdout).not.toMatch(ANSI);
    expect(r.stderr).not.toMatch(ANSI);
  });

  it('fits the demo case on one screen, in the order the foundation issue names', () => {
    const out = cli(['report', DEMO, '--now', NOW], { NO_COLOR: '1' }).stdout;
    expect(out.split('\n').length).toBeLessThanOrEqual(55);
    const at = (label: RegExp) => out.search(label);
    const order = [
      /^Period /m,
      /^Incidents /m,
      /^Channels /m,
      /^Identifiers/m,
      /^Busiest day/m,
      /^Accounting /m,
      /^Problems /m,
    ];
    const positions = order.map(at);
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('uses colour when forced and NO_COLOR is unset', () => {
    expect(cli(['report', DEMO, '--now', NOW], { FORCE_COLOR: '1' }).stdout).toMatch(ANSI);
  });

  it('never prints message text raw: escape sequences and bidi overrides from messages are removed', () => {
    const r = cli(['timeline', DEMO, '--format', 'csv', '--incidents-only'], { FORCE_COLOR: '1' });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/\u001b|\u202e/);
    expect(r.stdout).toMatch(/<U\+001B>\[31m/);
  });
});

describe('help and usage', () => {
  it('shows examples and exit codes in --help, exit 0', () => {
    const r = cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Examples:\n\s+\$ chronolog report fixtures\/demo-case/);
    expect(r.stdout).toMatch(/Exit codes:/);
    expect(r.stdout).toMatch(/runs offline \(no network, no telemetry\), keeps no cache or history/);
    expect(cli(['report', '--help']).stdout).toMatch(/\$ chronolog report ~\/exports --subject/);
  });

  it('says under the examples that those without --subject read the subject from ~/exports/case.json', () => {
    // Run on a folder of exports alone, such an example exits 2 (no subject); the note says why and what to add.
    for (const args of [['--help'], ['report', '--help'], ['anonymise', '--help']]) {
      const out = cli(args).stdout;
      const note = out.indexOf('examples without --subject read who the subject is from its case.json');
      expect(note, args.join(' ')).toBeGreaterThan(out.lastIndexOf('  $ chronolog '));
      expect(out.slice(note)).toMatch(
        /else add --subject ID: `chronolog inspect ~\/exports` lists the people/,
      );
    }
  });

  it('with no command, shows the help with its examples on stderr and exits 2', () => {
    const r = cli([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/Examples:\n\s+\$ chronolog report fixtures\/demo-case/);
  });

  it('exits 2 on an unknown option or a missing argument, with a hint on stderr', () => {
    for (const args of [['report'], ['report', DEMO, '--bogus'], ['report', DEMO, '--format', 'pdf']]) {
      const r = cli(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/error:/);
      expect(r.stderr).not.toMatch(STACK);
    }
  });

  it('exits 2 and lists the participants when no subject or victim is named', () => {
    const r = cli(['report', `${DEMO}/sms-20240315120000.xml`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/who is the report about/);
    expect(r.stderr).toMatch(/\+447700900123 \(Sam\): \d+ records on sms/);
    expect(r.stderr).toMatch(/--subject \+447700900003\n/);
  });

  it('refuses a case file given among the paths, for every command that reads inputs, and takes it with --case', () => {
    const kase = `${DEMO}/case.json`;
    const sms = `${DEMO}/sms-20240315120000.xml`;
    for (const command of ['report', 'timeline', 'inspect']) {
      const r = cli([command, kase, sms]);
      expect(r.code, command).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        `error: ${kase} is a case file, which is never read as an export: given among the paths, it would not be used\n` +
          `hint: Give it with --case ${kase}, or give the folder that holds it and the exports instead.\n`,
      );
    }
    // As the hint says, it works; given among the paths as well as with --case, it is the case file, not an input.
    const ok = cli(['report', sms, '--case', kase, '--format', 'json', '--now', NOW]);
    expect(ok.code, ok.stderr).toBe(0);
    const both = cli(['report', kase, sms, '--case', kase, '--format', 'json', '--now', NOW]);
    expect(both.code, both.stderr).toBe(0);
    expect(JSON.parse(both.stdout).ignoredFiles).toEqual([
      { path: kase, reason: 'the case file, given with --case (not an input)' },
    ]);
    expect(JSON.parse(both.stdout).incidents).toEqual(JSON.parse(ok.stdout).incidents);
  });

  it('exits 2 for an invalid case file, naming every bad field', () => {
    const bad = path.join(tmp, 'bad-case.json');
    writeFileSync(
      bad,
      JSON.stringify({
        timezone: 'Mars/Olympus',
        region: 'GBR',
        milestones: [{ date: '2024-02-31', label: 'x' }],
        colour: 1,
      }),
    );
    const r = cli(['report', DEMO, '--case', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /timezone: "Mars\/Olympus" is not a time zone name: zones are named region\/city/,
    );
    expect(r.stderr).toMatch(/region: must be a two-letter ISO 3166 alpha-2 code/);
    expect(r.stderr).toMatch(
      /milestones\.0\.date: "2024-02-31" is not a real date: February 2024 has 29 days/,
    );
    expect(r.stderr).toMatch(/colour/);
  });

  it('exits 1 for a path that does not exist, naming it', () => {
    const r = cli(['report', 'no/such/folder', '--subject', 'x']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no\/such\/folder: no such file or folder/);
  });

  it('exits 1 for an empty file, a binary file and an unknown format, naming each file', () => {
    const empty = path.join(tmp, 'empty.txt');
    const binary = path.join(tmp, 'photo.bin');
    const unknown = path.join(tmp, 'shopping.txt');
    writeFileSync(empty, '');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]));
    writeFileSync(unknown, 'milk\neggs\nbread\n');
    const r = cli(['report', empty, binary, unknown, '--subject', 'x']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/empty\.txt: empty file/);
    expect(r.stderr).toMatch(/photo\.bin: binary file/);
    expect(r.stderr).toMatch(/shopping\.txt: not a supported export format/);
    expect(r.stderr).toMatch(/chronolog formats/);
    expect(r.stderr).not.toMatch(STACK);
  });

  it('exits 1 for truncated XML with no readable records, saying where it stopped', () => {
    const cut = path.join(tmp, 'sms-cut.xml');
    writeFileSync(
      cut,
      '<?xml version="1.0"?>\n<smses count="2">\n  <sms protocol="0" address="+447700900123" date="17',
    );
    const r = cli(['report', cut, '--subject', '+447700900123']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/sms-cut\.xml/);
    expect(r.stderr).not.toMatch(STACK);
  });
});

describe('other commands', () => {
  it('formats lists every registered source with how to export it', () => {
    const r = cli(['formats', '--json']);
    const data = JSON.parse(r.stdout);
    const ids = data.inputs.map((s: { id: string }) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['whatsapp-txt', 'sms-backup-xml', 'csv-diary']));
    for (const s of data.inputs) expect(s.howToExport.length).toBeGreaterThan(10);
  });

  it('inspect shows formats, participants and the case', () => {
    const r = cli(['inspect', DEMO]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/whatsapp-txt/);
    expect(r.stdout).toMatch(/\+447700900456 \(Sam[^)]*\)+.*\[subject\]/);
    expect(r.stdout).toMatch(/zone Europe\/London \(case-file\)/);
  });

  it('timeline writes one CSV row per event with provenance, formulas neutralised', () => {
    const r = cli(['timeline', DEMO, '--format', 'csv']);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'id,utc,local,precision,channel,kind,callStatus,direction,sender,senderResolved,role,incident,text,file,sha256,locator,flags,details,callDurationSec,lexicon',
    );
    // A diary row's evidence columns travel with it, as a JSON object in one cell.
    expect(r.stdout).toContain(
      '""witnesses"":""Jess"",""reported"":""yes"",""police_ref"":""41/25502/24""}"',
    );
    expect(r.stdout).toMatch(/,"'=HYPERLINK\(/);
    expect(r.stdout).not.toMatch(/,"?=HYPERLINK\(/);
    expect(r.stdout).toMatch(/,'@SUM\(1\+1\)/);
    // Phone numbers start with + too: neutralised the same way, so no cell can start a formula.
    expect(r.stdout).toMatch(/,'\+447700900456,/);
  });

  it('timeline --incidents-only in JSON Lines keeps only incidents', () => {
    const r = cli(['timeline', DEMO, '--format', 'jsonl', '--incidents-only']);
    const rows = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows).toHaveLength(690);
    expect(rows.every((x) => x.incident === true && x.role === 'subject')).toBe(true);
    const last = rows.filter((x) => x.details?.police_ref === '41/25502/24').at(-1);
    expect(last.details).toEqual({
      contact_type: 'Seen outside my house',
      location: 'Home (new flat)',
      witnesses: 'Jess',
      reported: 'yes',
      police_ref: '41/25502/24',
    });
  });

  it('verify confirms an untouched case and names a changed file', () => {
    const out = path.join(tmp, 'verify.json');
    cli(['report', DEMO, '--format', 'json', '--now', NOW, '--out', out]);
    const ok = cli(['verify', out]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/all 6 inputs and the case file match/);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    report.inputs[0].sha256 = '0'.repeat(64);
    writeFileSync(out, JSON.stringify(report));
    const bad = cli(['verify', out]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/changed: fixtures\/demo-case\//);
  });
});
