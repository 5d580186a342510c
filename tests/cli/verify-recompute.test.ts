/**
 * `verify --recompute` makes the report again from its matching inputs, with the options, case file and
 * "generated at" time it records, and compares: a report whose figures were edited after it was made fails, naming
 * each figure with both values (a list that gained or lost items: both lengths and the item added or missing),
 * although every input still matches its SHA-256; without --recompute, the line that says the inputs match says the
 * figures were not recomputed. Reports made from a relative
 * path are made again from the folder given with --root, under the same names; the report file kept beside the
 * inputs (itself "not read" by a report made now) changes nothing, but a file not read that the report does not
 * list (taken out of the list, or added since) is a difference, and so is the chronology of a report whose options
 * say it was made with one.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, cli, DEMO, NOW, ROOT, STACK } from '../helpers/cli.js';
import { scratch } from '../helpers/robustness.js';

const s = scratch('chronolog-verify-recompute-');
afterAll(() => s.cleanup());

const dir = path.join(s.dir, 'case');
cpSync(path.join(ROOT, DEMO), dir, { recursive: true });
const report = path.join(dir, 'report.json');

const run = (args: string[], cwd = dir) => {
  const r = cli(args, {}, cwd);
  expect(r.stderr).not.toMatch(STACK);
  return r;
};

// The version the package declares: the CLI must name the release it is, not one this file was last edited for.
const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string })
  .version;

const SAME = `✔ made again from these inputs, the report is the same: its figures are what chronolog ${VERSION} makes of them`;

/** The fields of a report the tests below edit. */
interface Editable {
  generator: { version: string };
  incidents: { total: number; byChannel: Record<string, number>; daily: unknown[] };
  problems: unknown[];
  ignoredFiles: { path: string; reason: string }[];
  chronology?: unknown[];
}

/** The report with `edit` applied, saved as `name` beside it. */
function edited(name: string, edit: (r: Editable) => void): string {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  edit(r);
  const file = path.join(dir, name);
  writeFileSync(file, `${JSON.stringify(r, null, 2)}\n`);
  return file;
}

describe('verify --recompute', () => {
  it('finds the report made again the same, from its folder and from elsewhere with --root', () => {
    expect(run(['report', '.', '--format', 'json', '--now', NOW, '--out', report]).code).toBe(0);
    const here = run(['verify', report, '--recompute']);
    expect(here.code, here.stdout).toBe(0);
    expect(here.stdout).toBe(
      `✔ all 6 inputs and the case file match the SHA-256 recorded in ${report}\n${SAME}\n`,
    );
    const elsewhere = run(['verify', report, '--recompute', '--root', dir], ROOT);
    expect(elsewhere.code, elsewhere.stdout).toBe(0);
    expect(elsewhere.stdout.trimEnd().split('\n').at(-1)).toBe(SAME);
  });

  it('names each figure edited after the report was made, with both values, and exits 1', () => {
    const file = edited('edited.json', (r) => {
      r.incidents.total = 5;
      r.incidents.byChannel.sms = 1;
    });
    // Re-hashing alone cannot see it: the inputs are the same files, and it says the figures were not checked.
    const plain = run(['verify', file]);
    expect(plain.code).toBe(0);
    expect(plain.stdout.split('\n')[0]).toBe(
      `✔ all 6 inputs and the case file match the SHA-256 recorded in ${file}; figures not recomputed (add --recompute to check them)`,
    );
    const r = run(['verify', file, '--recompute']);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').slice(-5)).toEqual([
      '✖ made again from these inputs, the report differs in 2 places:',
      '  incidents.total: 5 in the report, 690 made again',
      `  incidents.byChannel.sms: 1 in the report, ${JSON.parse(readFileSync(report, 'utf8')).incidents.byChannel.sms} made again`,
      'The report was changed after it was made, or was not made from these inputs with the options it records. Use the copy saved with the evidence.',
      '',
    ]);
  });

  it('says both lengths and the item added or missing when a list gains or loses one', () => {
    const made = JSON.parse(readFileSync(report, 'utf8')) as Editable;
    const added = { ...(made.problems[0] as object), locator: 'line 93' };
    const n = made.problems.length;
    const longer = run(['verify', edited('longer.json', (r) => r.problems.push(added)), '--recompute']);
    expect(longer.code).toBe(1);
    // Cut to a few characters, the two lists begin alike and would look the same: the lengths and the item tell.
    expect(longer.stdout).toContain(
      `\n  problems: ${n + 1} items in the report, ${n} made again; item ${n + 1} is not made again: ${JSON.stringify(added).slice(0, 160)}…\n`,
    );
    const days = made.incidents.daily.length;
    const shorter = run([
      'verify',
      edited('shorter.json', (r) => r.incidents.daily.splice(10, 1)),
      '--recompute',
    ]);
    expect(shorter.code).toBe(1);
    expect(shorter.stdout).toContain(
      `\n  incidents.daily: ${days - 1} items in the report, ${days} made again; item 11 is made again but not in the report: ${JSON.stringify(made.incidents.daily[10])}\n`,
    );
  });

  it('names the first place an item differs when a list also changes length', () => {
    const file = edited('both.json', (r) => {
      (r.incidents.daily[3] as { count: number }).count = 99;
      r.incidents.daily.splice(10, 1);
    });
    const days = (JSON.parse(readFileSync(report, 'utf8')) as Editable).incidents.daily.length;
    const r = run(['verify', file, '--recompute']);
    expect(r.stdout).toMatch(
      new RegExp(
        `\\n {2}incidents\\.daily: ${days - 1} items in the report, ${days} made again; item 4 is the first that differs, at incidents\\.daily\\[3\\]\\.count: 99 in the report, \\d+ made again\\n`,
      ),
    );
  });

  it('shows a findings sentence edited past its first characters around where it differs, not cut at one prefix', () => {
    const made = JSON.parse(readFileSync(report, 'utf8')) as { escalation: { findings: string[] } };
    const k = made.escalation.findings.findIndex((f) => f.length > 150);
    const was = made.escalation.findings[k]!;
    const at = 120;
    const now = `${was.slice(0, at)}X${was.slice(at + 1)}`;
    const file = edited('sentence.json', (r) => {
      (r as unknown as typeof made).escalation.findings[k] = now;
    });
    const r = run(['verify', file, '--recompute']);
    expect(r.code).toBe(1);
    const window = (s: string) => {
      const part = s.slice(at - 20, at + 40);
      return `…${JSON.stringify(part).slice(1, -1)}${s.length > at + 40 ? '…' : '"'}`;
    };
    expect(r.stdout).toContain(
      `\n  escalation.findings[${k}]: ${window(now)} in the report, ${window(was)} made again (they differ from character ${at + 1})\n`,
    );
  });

  it('says when another chronolog version made the report, as a difference can come from that', () => {
    const file = edited('older.json', (r) => {
      r.generator.version = '0.0.9';
      r.incidents.total = 5;
    });
    const r = run(['verify', file, '--recompute']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`  generator.version: "0.0.9" in the report, "${VERSION}" made again\n`);
    expect(r.stdout).toContain(
      `This can come from the software rather than an edit: the report was made by chronolog 0.0.9, this is ${VERSION}: that alone can change figures. Verify with the chronolog and time zone data that made the report.`,
    );
  });

  it('names a file not read that the report no longer lists, as it could hide that a file was not read', () => {
    const made = JSON.parse(readFileSync(report, 'utf8')) as Editable;
    // notes.txt is passed over by every report of the folder: taken out of the list, the report hides it.
    expect(made.ignoredFiles).toContainEqual({ path: 'notes.txt', reason: 'not a supported export format' });
    const file = edited('unlisted.json', (r) => {
      r.ignoredFiles = r.ignoredFiles.filter((f) => f.path !== 'notes.txt');
    });
    // Re-hashing alone names it as not read, which a file added since would be too, and is no failure.
    const plain = run(['verify', file]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('\n  not read: notes.txt (not a supported export format)\n');
    const r = run(['verify', file, '--recompute']);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').slice(-4)).toEqual([
      '✖ made again from these inputs, the report differs in 1 place:',
      '  ignoredFiles notes.txt: nothing in the report, "not a supported export format" made again (a file added since the report was made, or taken out of its list)',
      'Files were added beside the evidence since the report was made (a report made now lists them as not read), or its list of files not read was edited. Move the added files out of the folder and verify again, or use the copy saved with the evidence.',
      '',
    ]);
  });

  it('names a file added since that a report made now would not read, but not chronolog outputs', () => {
    const added = path.join(s.dir, 'added');
    cpSync(dir, added, { recursive: true });
    writeFileSync(path.join(added, 'phone-notes.txt'), 'Called the police on 14 March.\n');
    // The reports kept beside the evidence (report.json and the edited copies above) are outputs, not inputs.
    const r = run(['verify', path.join(added, 'report.json'), '--recompute'], added);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('\n  not read: phone-notes.txt (not a supported export format)\n');
    expect(r.stdout).toContain('\n✖ made again from these inputs, the report differs in 1 place:\n');
    expect(r.stdout).toContain(
      '\n  ignoredFiles phone-notes.txt: nothing in the report, "not a supported export format" made again (a file added since the report was made, or taken out of its list)\n',
    );
    // Only files not read differ: the closing line says that, rather than that the figures were edited.
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(
      'Files were added beside the evidence since the report was made (a report made now lists them as not read), or its list of files not read was edited. Move the added files out of the folder and verify again, or use the copy saved with the evidence.',
    );
  });

  it('says a file it lists as not read is gone, not that files were added, when one was taken away', () => {
    const gone = path.join(s.dir, 'gone');
    cpSync(dir, gone, { recursive: true });
    rmSync(path.join(gone, 'notes.txt'));
    const r = run(['verify', path.join(gone, 'report.json'), '--recompute'], gone);
    expect(r.code).toBe(1);
    expect(r.stdout.trimEnd().split('\n').slice(-2)).toEqual([
      '  ignoredFiles notes.txt: "not a supported export format" in the report, nothing made again',
      'The files beside the evidence changed since the report was made (a file it lists as not read is gone, or is passed over for another reason), or its list of files not read was edited. The inputs it read match; use the copy saved with the evidence.',
    ]);
  });

  it('does not wait on a named pipe beside the evidence, which is no file to open', () => {
    const piped = path.join(s.dir, 'piped');
    cpSync(dir, piped, { recursive: true });
    execFileSync('mkfifo', [path.join(piped, 'fifo.txt')]);
    // Opening a pipe no program writes to would wait forever: the run must end, with the pipe not read.
    const r = spawnSync(process.execPath, [BIN, 'verify', path.join(piped, 'report.json'), '--recompute'], {
      cwd: piped,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', TZ: 'UTC' },
      timeout: 60_000,
    });
    expect(r.error).toBeUndefined();
    expect(r.stdout).toContain('fifo.txt');
    expect(r.stdout).toContain('✖ made again from these inputs, the report differs in 1 place:');
  });

  it('makes the chronology again when the options say the report was made with it, so one taken out is named', () => {
    const withRows = path.join(dir, 'with-chronology.json');
    const made = run(['report', '.', '--format', 'json', '--chronology', '--now', NOW, '--out', withRows]);
    expect(made.code).toBe(0);
    const kept = JSON.parse(readFileSync(withRows, 'utf8')) as Editable & { run: { options: object } };
    expect(kept.run.options).toEqual({ chronology: true });
    const rows = kept.chronology!.length;
    expect(rows).toBe(690);
    expect(run(['verify', withRows, '--recompute']).stdout.trimEnd().split('\n').at(-1)).toBe(SAME);
    const file = path.join(dir, 'no-chronology.json');
    const { chronology: _, ...rest } = kept;
    writeFileSync(file, `${JSON.stringify(rest, null, 2)}\n`);
    const r = run(['verify', file, '--recompute']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('\n✖ made again from these inputs, the report differs in 1 place:\n');
    expect(r.stdout).toContain(`\n  chronology: nothing in the report, ${rows} items made again\n`);
  });

  it('does not make the report again when an input differs', () => {
    const changed = path.join(s.dir, 'changed');
    cpSync(dir, changed, { recursive: true });
    writeFileSync(
      path.join(changed, 'incident-diary.csv'),
      `${readFileSync(path.join(changed, 'incident-diary.csv'), 'utf8')}\n`,
    );
    const r = run(['verify', path.join(changed, 'report.json'), '--recompute'], changed);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^ {2}changed: incident-diary\.csv \(expected /m);
    expect(r.stdout).not.toContain('made again');
  });
});
