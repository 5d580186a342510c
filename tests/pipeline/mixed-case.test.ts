/**
 * The whole pipeline on one case folder that mixes every supported export format (fixtures/mixed-case): one
 * timeline, per-channel and per-identifier counts equal to a ground truth written by hand from reading the files
 * (fixtures/mixed-case.truth.json), duplicates across overlapping exports counted by the multiset rule, accounting
 * that adds up per input, and provenance on every incident. Runs the built CLI as a user would.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportSchema, type TimelineRow } from '../../src/model/index.js';
import { sources } from '../../src/sources/index.js';
import { cli, NOW, ROOT, STACK } from '../helpers/cli.js';
import { makeZip } from '../helpers/zip-writer.js';

const CASE = 'fixtures/mixed-case';
const at = (rel: string) => `${CASE}/${rel}`;

interface TruthInput {
  path: string;
  format: string;
  records: number;
  events: number;
  kept: number;
  duplicates: number;
  skipped: number;
  rejected: number;
  skippedReasons: Record<string, number>;
  rejectedReasons: Record<string, number>;
  incidents: number;
}
interface Truth {
  inputs: TruthInput[];
  ignoredFiles: { path: string }[];
  duplicates: { total: number };
  accounting: Record<
    'files' | 'records' | 'events' | 'kept' | 'duplicates' | 'skipped' | 'rejected' | 'incidents',
    number
  >;
  incidents: {
    total: number;
    byChannel: Record<string, number>;
    byKind: Record<string, number>;
    byCallStatus: Record<string, number>;
    byIdentifier: Record<string, number>;
    first: { local: string; file: string; locator: string };
    last: { local: string; file: string; locator: string };
  };
  errors: { code: string; file: string; locator: string }[];
}
const truth = JSON.parse(readFileSync(path.join(ROOT, 'fixtures/mixed-case.truth.json'), 'utf8')) as Truth;

// The iOS WhatsApp export as the phone wrote it (a .zip holding _chat.txt and the photo) next to the same chat
// unzipped. The zip is committed; it is rebuilt here from the unzipped _chat.txt so the two can never drift apart
// (UPDATE_MIXED_CASE_ZIP=1 rewrites it after an edit of _chat.txt). Stored members keep the bytes reproducible.
const ZIP = 'whatsapp/WhatsApp Chat - +44 7700 900462.zip';
const CHAT = 'whatsapp/WhatsApp Chat - +44 7700 900462/_chat.txt';
const PHOTO_NAME = '00000004-PHOTO-2024-04-06-20-21-45.jpg';
const PHOTO = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////' +
    '////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);
const zipBytes = () =>
  makeZip([
    { name: '_chat.txt', data: readFileSync(path.join(ROOT, at(CHAT))), store: true },
    { name: PHOTO_NAME, data: PHOTO, store: true },
  ]);
if (process.env['UPDATE_MIXED_CASE_ZIP'] === '1') writeFileSync(path.join(ROOT, at(ZIP)), zipBytes());

/** Every file under the case folder, relative to it, in byte order. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(ROOT, dir, prefix), { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? filesUnder(dir, `${prefix}${d.name}/`) : [`${prefix}${d.name}`]))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const sha256 = (rel: string) =>
  createHash('sha256')
    .update(readFileSync(path.join(ROOT, at(rel))))
    .digest('hex');
const pick = <T extends object, K extends keyof T>(o: T, keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, o[k]])) as Pick<T, K>;
const COUNTS = [
  'format',
  'records',
  'events',
  'kept',
  'duplicates',
  'skipped',
  'rejected',
  'skippedReasons',
  'rejectedReasons',
] as const;

const reportRun = cli(['report', CASE, '--format', 'json', '--now', NOW]);
const report = ReportSchema.parse(JSON.parse(reportRun.stdout));
const timelineRun = cli(['timeline', CASE, '--format', 'jsonl']);
const rows = timelineRun.stdout
  .split('\n')
  .filter((l) => l !== '')
  .map((l) => JSON.parse(l) as TimelineRow);
const incidents = rows.filter((r) => r.incident);
const inputPaths = report.inputs.map((i) => i.path);

describe('the committed fixture', () => {
  it('holds the WhatsApp .zip built from exactly the unzipped _chat.txt and its photo', () => {
    expect(readFileSync(path.join(ROOT, at(ZIP))).equals(zipBytes())).toBe(true);
  });

  it('has a ground truth that adds up by itself', () => {
    const sum = (k: keyof TruthInput) => truth.inputs.reduce((n, i) => n + (i[k] as number), 0);
    for (const i of truth.inputs) {
      expect(i.records, i.path).toBe(i.events + i.skipped + i.rejected);
      expect(i.events, i.path).toBe(i.kept + i.duplicates);
    }
    const a = truth.accounting;
    expect([a.files, a.records, a.events, a.kept, a.duplicates, a.skipped, a.rejected, a.incidents]).toEqual([
      truth.inputs.length,
      sum('records'),
      sum('events'),
      sum('kept'),
      sum('duplicates'),
      sum('skipped'),
      sum('rejected'),
      sum('incidents'),
    ]);
    const total = (r: Record<string, number>) => Object.values(r).reduce((n, v) => n + v, 0);
    expect(total(truth.incidents.byChannel)).toBe(truth.incidents.total);
    expect(total(truth.incidents.byKind)).toBe(truth.incidents.total);
    expect(total(truth.incidents.byIdentifier)).toBe(truth.incidents.total);
    expect(truth.duplicates.total).toBe(a.duplicates);
    expect(a.incidents).toBe(truth.incidents.total);
  });
});

describe('chronolog report on a folder mixing every format', () => {
  it('exits 0 with the JSON on stdout and a summary on stderr', () => {
    expect(reportRun.code).toBe(0);
    expect(reportRun.stderr).not.toMatch(STACK);
    expect(reportRun.stderr).toMatch(
      new RegExp(`^chronolog: ${truth.accounting.records} records from ${truth.accounting.files} files`),
    );
    expect(report.case.timezone).toBe('Europe/London');
    expect(report.case.region).toBe('GB');
    expect(report.case.caseFile?.path).toBe(at('case.json'));
  });

  it('reads every file as the format the truth names, and leaves out only the deliberately unsupported ones', () => {
    expect(report.inputs.map((i) => [i.path, i.format])).toEqual(
      truth.inputs.map((i) => [at(i.path), i.format]),
    );
    expect(report.ignoredFiles.map((f) => f.path)).toEqual(truth.ignoredFiles.map((f) => at(f.path)));
    // Nothing on disk is passed over silently: each file is an input, the zip holding inputs, ignored, or the case file.
    const seen = new Set([
      ...inputPaths,
      ...report.ignoredFiles.map((f) => f.path),
      at(ZIP),
      at('case.json'),
    ]);
    for (const f of filesUnder(CASE)) expect(seen.has(at(f)), f).toBe(true);
    expect(report.inputs.every((i) => !i.incomplete)).toBe(true);
  });

  it('covers every registered source format but chronolog’s own pseudonymised outputs (chronolog-jsonl…)', () => {
    const read = new Set(report.inputs.map((i) => i.format));
    const missing = sources.map((s) => s.id).filter((id) => !id.startsWith('chronolog-') && !read.has(id));
    expect(missing, 'add a file of each new format to fixtures/mixed-case and its truth').toEqual([]);
    expect(Object.keys(report.incidents.byChannel)).toEqual(
      expect.arrayContaining(['messenger', 'instagram']),
    );
  });

  it('keeps the books for every input: records = events + skipped + rejected, events = kept + duplicates', () => {
    for (const i of report.inputs) {
      expect(i.records, i.path).toBe(i.events + i.skipped + i.rejected);
      expect(i.events, i.path).toBe(i.kept + i.duplicates);
      const want = truth.inputs.find((t) => at(t.path) === i.path)!;
      expect(pick(i, COUNTS), i.path).toEqual(pick(want, COUNTS));
    }
    const { files, ...counts } = truth.accounting;
    expect(report.accounting).toEqual({ files, ...counts });
  });

  it('counts the incidents per channel, kind, call outcome and identifier as the truth does', () => {
    expect(report.incidents.total).toBe(truth.incidents.total);
    expect(report.incidents.byChannel).toEqual(truth.incidents.byChannel);
    expect(report.incidents.byKind).toEqual(truth.incidents.byKind);
    expect(report.incidents.byCallStatus).toEqual(truth.incidents.byCallStatus);
    expect(report.incidents.byIdentifier).toEqual(truth.incidents.byIdentifier);
    expect(Object.fromEntries(report.identifiers.map((r) => [r.identifier, r.incidents]))).toEqual(
      truth.incidents.byIdentifier,
    );
    expect(report.identifiers.every((r) => r.role === 'subject')).toBe(true);
  });

  it('reports only the deliberate bad diary row as an error', () => {
    const errors = report.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => ({ code: p.code, file: p.file, locator: p.locator }))).toEqual(
      truth.errors.map((e) => ({ ...e, file: at(e.file) })),
    );
  });
});

describe('one timeline', () => {
  it('holds every kept event of every input once, in time order', () => {
    expect(timelineRun.code).toBe(0);
    expect(timelineRun.stderr).not.toMatch(STACK);
    expect(rows.length).toBe(truth.accounting.kept);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1]!.utc <= rows[i]!.utc).toBe(true);
    for (const t of truth.inputs) {
      const from = rows.filter((r) => r.file === at(t.path));
      expect(from.length, t.path).toBe(t.kept);
      expect(from.filter((r) => r.incident).length, t.path).toBe(t.incidents);
    }
  });

  it('starts and ends where the truth says', () => {
    const [first, last] = [incidents[0]!, incidents[incidents.length - 1]!];
    const { first: f, last: l } = truth.incidents;
    expect([first.local.startsWith(f.local.replace('T', ' ')), first.file, first.locator]).toEqual([
      true,
      at(f.file),
      f.locator,
    ]);
    expect([last.local.startsWith(l.local.replace('T', ' ')), last.file, last.locator]).toEqual([
      true,
      at(l.file),
      l.locator,
    ]);
    expect(report.incidents.total).toBe(incidents.length);
  });

  it('cites a file, its SHA-256 and a locator for every incident', () => {
    const shaOf = new Map(report.inputs.map((i) => [i.path, i.sha256]));
    for (const r of incidents) {
      expect(inputPaths, r.id).toContain(r.file);
      expect(r.sha256, r.id).toBe(shaOf.get(r.file));
      expect(r.locator, r.id).toMatch(/\S/);
    }
    // The hashes are of the bytes read: the files on disk, and for the zip member the chat it holds.
    for (const t of truth.inputs) {
      const onDisk = t.path.includes('.zip!/') ? CHAT : t.path;
      expect(shaOf.get(at(t.path)), t.path).toBe(sha256(onDisk));
    }
  });
});

describe('duplicates across overlapping exports, by the multiset rule', () => {
  const rowsWith = (channel: string, text: string, minute: string) =>
    rows.filter((r) => r.channel === channel && r.text?.trim() === text && r.local.startsWith(minute));

  it('keeps the five identical WhatsApp messages of one minute as five, from the zip, none from the copy', () => {
    const answer = rowsWith('whatsapp', 'Answer me', '2024-04-06 23:07');
    expect(answer.length).toBe(5);
    expect(new Set(answer.map((r) => r.file))).toEqual(new Set([at(`${ZIP}!/_chat.txt`)]));
    expect(report.inputs.find((i) => i.path === at(CHAT))).toMatchObject({
      events: 14,
      kept: 0,
      duplicates: 14,
    });
  });

  it('keeps five "Pick up" and three "?" texts from two overlapping SMS backups: the most one backup holds', () => {
    const pickUp = rowsWith('sms', 'Pick up', '2024-03-02 22:31');
    const question = rowsWith('sms', '?', '2024-03-05 23:58');
    expect([pickUp.length, question.length]).toEqual([5, 3]);
    for (const r of [...pickUp, ...question]) expect(r.file).toBe(at('phone/sms-20240310120000.xml'));
  });

  it('counts the five the same with either backup alone, and both together: five, not ten and not one', () => {
    const backups = ['phone/sms-20240310120000.xml', 'phone/sms-20240405090000.xml'].map(at);
    const count = (paths: string[]) => {
      const r = cli([
        'timeline',
        ...paths,
        '--case',
        at('case.json'),
        '--format',
        'jsonl',
        '--incidents-only',
      ]);
      expect(r.code).toBe(0);
      return r.stdout
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as TimelineRow)
        .filter((x) => x.text === 'Pick up').length;
    };
    expect([count([backups[0]!]), count([backups[1]!]), count(backups)]).toEqual([5, 5, 5]);
  });

  it('counts an e-mail saved as .eml and also in the mbox once, and signal-export’s chat.md and data.json once', () => {
    expect(rows.some((r) => r.file === at('email/saved/You cant ignore me.eml'))).toBe(false);
    const mail = rows.filter(
      (r) => r.channel === 'email' && r.text?.startsWith("Subject: You can't ignore me"),
    );
    expect(mail.map((r) => r.file)).toEqual([
      at('email/Takeout/Mail/All mail Including Spam and Trash.mbox'),
    ]);
    expect(mail[0]!.locator).toMatch(/^message\[2\] /);
    const signal = rows.filter((r) => r.channel === 'signal');
    expect(signal.length).toBe(7);
    expect(new Set(signal.map((r) => r.file))).toEqual(new Set([at('signal/Jordan Reeve/chat.md')]));
  });
});

describe('the order of the inputs on the command line', () => {
  it('gives the same inputs, accounting and counts when the files are given one by one, shuffled', () => {
    // A seeded Fisher–Yates shuffle, so a failure can be reproduced.
    const files = filesUnder(CASE)
      .filter((f) => f !== 'case.json')
      .map(at);
    const shuffled = [...files];
    let seed = 20240406;
    for (let i = shuffled.length - 1; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const j = seed % (i + 1);
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    expect(new Set(shuffled)).toEqual(new Set(files));
    expect(shuffled).not.toEqual(files);
    const r = cli(['report', ...shuffled, '--case', at('case.json'), '--format', 'json', '--now', NOW]);
    expect(r.code).toBe(0);
    const again = ReportSchema.parse(JSON.parse(r.stdout));
    expect(again.inputs).toEqual(report.inputs);
    expect(again.ignoredFiles).toEqual(report.ignoredFiles);
    expect(again.accounting).toEqual(report.accounting);
    expect(again.identifiers).toEqual(report.identifiers);
    const { daily: _a, ...counts } = again.incidents;
    const { daily: _b, ...want } = report.incidents;
    expect(counts).toEqual(want);
    expect(again.incidents.daily).toEqual(report.incidents.daily);
  });
});
