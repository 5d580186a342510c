/**
 * `inspect` shows what a folder holds before any report: each file's own date range (duplicates included),
 * case files that will not be used, and — when no report could be made — the listing anyway, with the reason.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InspectSchema } from '../../src/model/index.js';
import { cli, DEMO } from '../helpers/cli.js';
import { scratch } from '../helpers/robustness.js';

const s = scratch('chronolog-inspect-');
afterAll(() => s.cleanup());
const SMS = readFileSync('fixtures/demo-case/sms-20240315120000.xml');

describe('inspect', () => {
  it("gives each file's own first and last event, duplicates included", () => {
    const r = cli(['inspect', DEMO]);
    expect(r.code).toBe(0);
    // The later backup repeats 238 messages of the earlier one, all before 15 March: its range starts with them.
    expect(r.stdout).toContain(
      '  fixtures/demo-case/sms-20240601090000.xml  sms-backup-xml  sha256 d3f9a3f1cdbd…  226,897 bytes\n' +
        '    752 records: 514 kept, 238 duplicates, 0 skipped, 0 rejected; 2024-02-01 08:21 → 2024-06-01 08:41\n',
    );
    const json = JSON.parse(cli(['inspect', DEMO, '--format', 'json']).stdout);
    const later = json.inputs.find((i: { path: string }) => i.path.endsWith('sms-20240601090000.xml'));
    expect(later).toMatchObject({
      duplicates: 238,
      firstLocal: '2024-02-01 08:21',
      lastLocal: '2024-06-01 08:41',
    });
  });

  it('lists a case file in a subfolder as not used, and does not use it', () => {
    s.file('nested/sms.xml', SMS);
    s.file(
      'nested/old/case.json',
      JSON.stringify({ timezone: 'Asia/Tokyo', subject: { identifiers: ['Sam'] } }),
    );
    const r = cli(['inspect', path.join(s.dir, 'nested'), '--format', 'json']);
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout);
    expect(data.ignoredFiles).toEqual([
      {
        path: path.join(s.dir, 'nested', 'old', 'case.json'),
        reason: 'a case file in a subfolder is not used (pass it with --case)',
      },
    ]);
    expect(data.case).toMatchObject({ timezone: 'UTC', caseFile: null, subject: [] });
  });

  it('still lists what it found when no report could be made, then gives the reason and exits 1', () => {
    s.file('nothing/notes.md', '# my notes\n');
    const dir = path.join(s.dir, 'nothing');
    const r = cli(['inspect', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Inputs: 0 files read, 1 not read\n');
    expect(r.stdout).toContain(`  not read: ${path.join(dir, 'notes.md')} — not a supported export format\n`);
    expect(r.stderr).toMatch(/^error: the file is not a supported export:/);
    expect(r.stderr).toContain(`${path.join(dir, 'notes.md')}: not a supported export format\n`);
    expect(r.stderr).toMatch(/^hint: Run `chronolog formats` to see what is supported/m);
  });

  it('lists a WhatsApp chat of notices only, and a diary whose every date is impossible, with their problems', () => {
    const wa = s.file(
      'notices/WhatsApp Chat with Sam.txt',
      '12/07/2023, 22:35 - Messages and calls are end-to-end encrypted. Tap to learn more.\n' +
        '12/07/2023, 22:36 - You blocked this contact. Tap to unblock.\n',
    );
    const diary = s.file(
      'notices/diary.csv',
      'Date,Time,Type of contact,What happened\n32/01/2024,21:40,Text,six texts\n',
    );
    const r = cli(['inspect', path.join(s.dir, 'notices')]);
    expect(r.stdout).toContain(`  ${wa}  whatsapp-txt`);
    expect(r.stdout).toContain('    2 records: 0 kept, 0 duplicates, 2 skipped, 0 rejected\n');
    expect(r.stdout).toContain(`  ${diary}  csv-diary`);
    expect(r.stdout).toContain('    1 record: 0 kept, 0 duplicates, 0 skipped, 1 rejected\n');
    expect(r.stdout).toContain(
      `✖ ${diary}:line 2: Date "32/01/2024" is not a real date whether read day-first or month-first`,
    );
    expect(r.stdout).not.toMatch(/--date-order|could be either/);
    expect(r.stderr).toMatch(/^error: no events could be read\./);
    expect(r.code).toBe(1);
  });

  it('lists problems as report does: where, what, and on the next line what to do; notes apart from warnings', () => {
    const r = cli([
      'inspect',
      'fixtures/csv-diary/bad-rows.csv',
      'fixtures/demo-case/sms-20240315120000.xml',
      '--subject',
      '+447700900123',
      '--subject',
      'sam.carter@example.org',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Problems {2}6 errors, \d+ warnings?, 1 note$/m);
    expect(r.stdout).toContain(
      '  ✖ fixtures/csv-diary/bad-rows.csv:line 8: Cannot read the date "next Tuesday"\n' +
        '    Correct the date in the diary as the original record gives it (a day, month and year, written like the other rows, or as YYYY-MM-DD) and re-run\n',
    );
    expect(r.stdout).toContain(
      '  ! fixtures/csv-diary/bad-rows.csv: Times whose hour could be morning or evening (no am or pm) keep only their date, flagged approximate, with the time as written (1 row: "8" on line 9)\n' +
        '    Add am or pm to place these within the day; each is counted on its date\n',
    );
    expect(r.stdout).toContain(
      '  i The subject identifier "sam.carter@example.org" matched no sender in these inputs.\n' +
        '    Nothing is wrong if the subject did not use it in these exports; otherwise check how it is written after --subject (chronolog inspect lists every sender).\n',
    );
  });

  it('names the archive a file was read from, with the SHA-256 and size of the archive as a whole', () => {
    const zip = 'fixtures/mixed-case/whatsapp/WhatsApp Chat - +44 7700 900462.zip';
    const r = cli(['inspect', zip]);
    expect(r.code).toBe(0);
    // The member's own hash is on its line; the download's, the one an evidence log records, on the next.
    expect(r.stdout).toContain(`  ${zip}!/_chat.txt  whatsapp-txt  sha256 a17451931be8…  1,294 bytes\n`);
    expect(r.stdout).toContain(
      `  read from inside ${zip}, SHA-256 ${createHash('sha256').update(readFileSync(zip)).digest('hex')}, 1,696 bytes\n`,
    );
    const json = JSON.parse(cli(['inspect', zip, '--format', 'json']).stdout);
    expect(json.inputs[0].archive).toEqual({
      path: zip,
      sha256: '0959a1ccead419abeec76434d5096838c1a5e578d0b5f1c268216b6b27747719',
      bytes: 1696,
    });
  });
});

describe('inspect --format json', () => {
  it('is a versioned contract, schemaVersion 1, whose every field the schema (chronolog schema --of inspect) describes', () => {
    // The demo case (a warning, files not read, a case file) and two Facebook zips (files read from inside an
    // archive, duplicates): between them every kind of field inspect writes.
    for (const paths of [[DEMO], ['fixtures/two-facebook-downloads', 'fixtures/mixed-case/phone']]) {
      const r = cli(['inspect', ...paths, '--format', 'json']);
      expect(r.code, r.stderr).toBe(0);
      const json = JSON.parse(r.stdout);
      // First, as in the report, so a script can tell the version before reading anything else.
      expect(Object.keys(json)[0]).toBe('schemaVersion');
      expect(json.schemaVersion).toBe(1);
      // zod drops the fields a schema does not name: what is left equal to the whole means none is undescribed.
      expect(InspectSchema.parse(json)).toEqual(json);
    }
    const schema = JSON.parse(cli(['schema', '--of', 'inspect']).stdout);
    expect(schema.properties.schemaVersion).toMatchObject({ const: 1 });
    expect(schema.properties.schemaVersion.description).toMatch(/fields are only ever added/);
    expect(Object.keys(schema.properties)).toEqual(
      Object.keys(JSON.parse(cli(['inspect', DEMO, '--format', 'json']).stdout)),
    );
  });
});
