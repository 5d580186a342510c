/**
 * `chronolog anonymise` as a privacy review found it wanting: where its --out folder may be (never inside the
 * inputs, never a folder holding another case), what it says about the case (the warnings `report` lists, exit 2
 * when nobody is named, a case file given among the paths) and how its JSON Lines write invisible characters
 * (escaped, as the timeline's are).
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { anonymiseCommand } from '../../src/cli/commands/anonymise.js';
import { cli, expectUsageError, STACK } from '../helpers/cli.js';
import { scratch } from '../helpers/robustness.js';
import { env, KEY_A } from './env.js';

const s = scratch('chronolog-anonymise-cli-');
afterAll(() => s.cleanup());
afterEach(() => {
  vi.restoreAllMocks();
});
const key = s.file('study.key', `${KEY_A}\n`);

/** RLO, ESC, LRI…PDI and NEL: bidi controls and C0/C1 controls in a message. */
const HOSTILE = 'Hi \u202e there \u001b[31m \u2066x\u2069 \u0085 end';

const CHAT = [
  `13/01/2024, 18:42 - +44 7700 900456: ${HOSTILE}`,
  '13/01/2024, 18:57 - +44 7700 900456: call me back',
  '14/01/2024, 10:00 - Alex: no',
  '',
].join('\n');

const CASE = {
  timezone: 'Europe/London',
  region: 'GB',
  subject: { name: 'Sam Carter', identifiers: ['+447700900456'] },
  victim: { name: 'Alex Morgan', identifiers: ['Alex'] },
  milestones: [{ date: '2024-01-14', label: 'Reported to police', type: 'report' }],
};

/** A case folder `name` with the chat and a case file (`kase`, or none when null); returns its path. */
function caseFolder(name: string, kase: object | null = CASE): string {
  s.file(`${name}/WhatsApp Chat with Sam.txt`, CHAT);
  if (kase) s.file(`${name}/case.json`, `${JSON.stringify(kase, null, 2)}\n`);
  return path.join(s.dir, name);
}

/** Runs anonymise in-process, not quiet, and returns what it wrote on stderr with its exit code. */
async function anonymise(
  paths: string[],
  out: string,
  extra: Record<string, unknown> = {},
): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  const code = await anonymiseCommand(paths, { keyFile: key, out, ...extra } as never, env);
  vi.restoreAllMocks();
  return { code, stderr };
}

/** The anonymised event rows of a folder's first input. */
function rows(out: string): Record<string, unknown>[] {
  return readFileSync(path.join(out, 'input-001.jsonl'), 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((r) => 'utc' in r);
}

/** Every file under a folder with its bytes, to show nothing changed. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) {
      const file = path.join(e.parentPath, e.name);
      out[path.relative(dir, file)] = readFileSync(file, 'base64');
    }
  }
  return out;
}

describe('anonymise --out among the inputs', () => {
  it('refuses an --out folder inside an input folder, with exit 2, and writes nothing', () => {
    caseFolder('wcopy');
    const before = snapshot(path.join(s.dir, 'wcopy'));
    const r = cli(['anonymise', 'wcopy', '--key-file', key, '--out', 'wcopy/anon'], {}, s.dir);
    expectUsageError(
      r,
      'error: --out wcopy/anon is inside the input folder wcopy, so the anonymised files would be read as inputs of that case\n' +
        'hint: Nothing was written. Write the anonymised case to a new folder of its own, outside the folders being read, e.g. --out anon/case-001.\n',
    );
    expect(existsSync(path.join(s.dir, 'wcopy/anon'))).toBe(false);
    expect(snapshot(path.join(s.dir, 'wcopy'))).toEqual(before);
  });

  it('refuses the input folder itself, and a folder given by another spelling of its path', async () => {
    const dir = caseFolder('bare', null);
    await expect(anonymise([dir], dir, { subject: ['+447700900456'] })).rejects.toMatchObject({
      code: 'USAGE_OUT_IS_INPUT',
      message: `--out ${dir} is the input folder ${dir}`,
    });
    const link = path.join(s.dir, 'bare-link');
    symlinkSync(dir, link);
    const deep = path.join(link, 'anon');
    await expect(anonymise([dir], deep, { subject: ['+447700900456'] })).rejects.toMatchObject({
      code: 'USAGE_OUT_IS_INPUT',
      message: `--out ${deep} is inside the input folder ${dir}, so the anonymised files would be read as inputs of that case`,
      hint: expect.stringMatching(/^Nothing was written\. /),
    });
    expect(readdirSync(dir)).toEqual(['WhatsApp Chat with Sam.txt']);
  });

  it('refuses a folder holding another case and leaves its case file as it was', () => {
    caseFolder('probe2');
    const other = caseFolder('other-raw-case', {
      ...CASE,
      subject: { name: 'Someone Else', identifiers: ['+447700900999'] },
    });
    const before = snapshot(other);
    const r = cli(['anonymise', 'probe2', '--key-file', key, '--out', 'other-raw-case'], {}, s.dir);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'error: --out other-raw-case already holds files anonymise did not write (other-raw-case/WhatsApp Chat with Sam.txt): the anonymised case would replace or mix with them\n' +
        'hint: Nothing was written. Write the anonymised case to a new folder of its own, e.g. --out anon/case-001.\n',
    );
    expect(snapshot(other)).toEqual(before);
  });

  it('tells its own case file and manifest apart from look-alikes by their content', async () => {
    const dir = caseFolder('own');
    const out = path.join(s.dir, 'own-anon');
    expect((await anonymise([dir], out, { quiet: true })).code).toBe(0);
    const first = snapshot(out);
    // Run again into the same folder: its own files (and a hidden file the desktop left) are replaced or kept.
    writeFileSync(path.join(out, '.DS_Store'), 'x');
    expect((await anonymise([dir], out, { quiet: true })).code).toBe(0);
    expect(snapshot(out)).toEqual({ ...first, '.DS_Store': Buffer.from('x').toString('base64') });

    // A case file named like anonymise's but holding a real identifier, a manifest of something else, a note.
    const kase = JSON.parse(readFileSync(path.join(out, 'case.json'), 'utf8'));
    const lookalikes: [string, string][] = [
      ['case.json', JSON.stringify({ ...kase, subject: { identifiers: ['+447700900456'] } })],
      ['case.json', JSON.stringify({ ...kase, subject: { name: 'Sam', identifiers: [] } })],
      ['manifest.json', JSON.stringify({ tool: { name: 'other' }, format: 'x', inputs: [] })],
      ['input-010.jsonl', 'my own notes\n'],
      ['notes.txt', 'mine\n'],
    ];
    for (const [i, [name, text]] of lookalikes.entries()) {
      const place = path.join(s.dir, `lookalike-${i}`);
      cpSync(out, place, { recursive: true });
      writeFileSync(path.join(place, name), text);
      const before = snapshot(place);
      await expect(anonymise([dir], place, { quiet: true })).rejects.toMatchObject({
        code: 'USAGE_OUT_IS_INPUT',
        message: `--out ${place} already holds files anonymise did not write (${path.join(place, name)}): the anonymised case would replace or mix with them`,
      });
      expect(snapshot(place)).toEqual(before);
    }
  });

  it('refuses a folder inside --out', async () => {
    const dir = caseFolder('nested-src');
    const out = path.join(s.dir, 'nested-out');
    mkdirSync(path.join(out, 'sub'), { recursive: true });
    await expect(anonymise([dir], out, { quiet: true })).rejects.toMatchObject({
      code: 'USAGE_OUT_IS_INPUT',
      message: expect.stringContaining(`(${path.join(out, 'sub')})`),
    });
  });
});

describe('anonymise and the case', () => {
  it('exits 2 when neither subject nor victim is named, listing who is in the inputs', () => {
    caseFolder('nobody', null);
    const r = cli(['anonymise', 'nobody', '--key-file', key, '--out', 'nobody-anon'], {}, s.dir);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'error: who is the case about? Name the subject (the person whose contact is reported) or the victim: without them every event would be anonymised with the role "other".\n' +
        '  - +447700900456: 2 records on whatsapp\n' +
        '  - alex (Alex): 1 record on whatsapp\n' +
        `hint: For example: chronolog anonymise nobody --key-file ${key} --out nobody-anon --subject +447700900456\n` +
        `      or name the victim, and the other sender counts as the subject: chronolog anonymise nobody --key-file ${key} --out nobody-anon --victim alex\n` +
        '      or save {"subject": {"identifiers": […]}} (or "victim") as case.json in the folder nobody, where it is read without --case.\n',
    );
    expect(existsSync(path.join(s.dir, 'nobody-anon'))).toBe(false);
  });

  it('refuses a case file given among the paths, as it would not be used, and uses it given with --case', async () => {
    const dir = caseFolder('probe3');
    const kase = path.join(dir, 'case.json');
    const chat = path.join(dir, 'WhatsApp Chat with Sam.txt');
    const r = cli(
      ['anonymise', 'case.json', 'WhatsApp Chat with Sam.txt', '--key-file', key, '--out', '../cj'],
      {},
      dir,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'error: case.json is a case file, which is never read as an export: given among the paths, it would not be used\n' +
        'hint: Give it with --case case.json, or give the folder that holds it and the exports instead.\n',
    );
    expect(existsSync(path.join(s.dir, 'cj'))).toBe(false);

    const out = path.join(s.dir, 'cj-case');
    expect((await anonymise([kase, chat], out, { case: kase, quiet: true })).code).toBe(0);
    const written = JSON.parse(readFileSync(path.join(out, 'case.json'), 'utf8'));
    expect(written.timezone).toBe('Europe/London');
    // The identifiers of the case file, as the pseudonyms of the senders they matched (one each here).
    const senderOf = (role: string) => rows(out).find((x) => x['role'] === role)?.['sender'];
    for (const role of ['subject', 'victim']) {
      expect(written[role].identifiers).toEqual([`id:${senderOf(role)}`]);
      for (const id of written[role].identifiers) expect(id).toMatch(/^id:p[0-9a-f]{16}$/);
    }
    expect(rows(out).map((x) => x['role'])).toEqual(['subject', 'subject', 'victim']);
  });

  it('refuses an --out that is a file before reading the inputs, with exit 2', async () => {
    const dir = caseFolder('to-a-file');
    s.file('a-file.txt', 'mine\n');
    const r = cli(['anonymise', dir, '--key-file', key, '--out', 'a-file.txt'], {}, s.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'error: --out a-file.txt is a file, not a folder\nhint: Nothing was written. anonymise writes several files: give a new folder, e.g. --out anon/case-001.\n',
    );
    expect(readFileSync(path.join(s.dir, 'a-file.txt'), 'utf8')).toBe('mine\n');
  });

  it('lists the files it did not read on stderr: an export missing from the anonymised case must show', async () => {
    const dir = caseFolder('with-notes');
    s.file('with-notes/notes.txt', 'Things to tell the police\n');
    const out = path.join(s.dir, 'with-notes-anon');
    const r = await anonymise([dir], out);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      `  not read: ${path.join(dir, 'notes.txt')} — not a supported export format\n` +
        `chronolog: anonymised 3 events from 1 input into ${out}; 1 file not read (listed above)\n`,
    );
  });

  it('lists the warnings about the case on stderr, as the report lists them, unless --quiet', async () => {
    const dir = caseFolder('no-region', {
      ...CASE,
      region: undefined,
      subject: { identifiers: ['07700 900456'] },
    });
    const r = await anonymise([dir], path.join(s.dir, 'no-region-anon'));
    expect(r.code).toBe(0);
    const lines = r.stderr.split('\n');
    // Named by the case file, where the region can be set.
    expect(lines).toContain(
      `  ! ${path.join(dir, 'case.json')}: 1 phone number is written in national form, without a country code (07700 900456), and no region is set, so it cannot be matched to the same number written in international form: one person's contacts may be counted under two identifiers, or missed.`,
    );
    expect(lines).toContain(
      '    The other numbers are +44: set the region with --region GB, or "region": "GB" in the case file.',
    );
    expect(r.stderr).toMatch(
      /^ {2}! No sender in these inputs matched the subject's identifiers \("07700 900456"\)/m,
    );
    expect(lines.at(-2)).toBe(
      `chronolog: anonymised 3 events from 1 input into ${path.join(s.dir, 'no-region-anon')}; 0 errors, 2 warnings (listed above)`,
    );
    const quiet = await anonymise([dir], path.join(s.dir, 'no-region-quiet'), { quiet: true });
    expect(quiet).toEqual({ code: 0, stderr: '' });

    // Set, the region joins the two spellings of the number, and nothing is left to warn about.
    const fine = await anonymise([dir], path.join(s.dir, 'region-set'), { region: 'GB' });
    expect(fine.stderr).toBe(
      `chronolog: anonymised 3 events from 1 input into ${path.join(s.dir, 'region-set')}\n`,
    );
    expect(rows(path.join(s.dir, 'region-set')).map((x) => x['role'])).toEqual([
      'subject',
      'subject',
      'victim',
    ]);
  });
});

describe('anonymise writes invisible characters escaped', () => {
  it('escapes control and bidi characters as the timeline JSON Lines does, and they parse back the same', async () => {
    const dir = caseFolder('hostile');
    const out = path.join(s.dir, 'hostile-anon');
    expect((await anonymise([dir], out, { quiet: true })).code).toBe(0);
    const raw = readFileSync(path.join(out, 'input-001.jsonl'), 'utf8');
    const timeline = cli(['timeline', 'hostile', '--format', 'jsonl'], {}, s.dir);
    expect(timeline.code).toBe(0);
    const escaped = '"text":"Hi \\u202e there \\u001b[31m \\u2066x\\u2069 \\u0085 end"';
    expect(timeline.stdout).toContain(escaped);
    expect(raw).toContain(escaped);
    for (const written of readdirSync(out).map((f) => readFileSync(path.join(out, f), 'utf8'))) {
      expect(written).not.toMatch(
        /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/,
      );
    }
    expect(rows(out)[0]!['text']).toBe(HOSTILE);
  });
});
