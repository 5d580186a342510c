/**
 * The anonymise round trip (issue 6): `report --format json` of the demo case and of its anonymised copy give the
 * same books, counts and statistics — every figure except identifiers, texts, provenance (file names, hashes,
 * record ids and locators) and, with --shift-dates, the dates themselves, which must differ by the secret shift
 * exactly (whole weeks of local time, so weekdays and local hours are kept).
 *
 * One limit of any date shift in a zone with clock changes: a shift keeps either local times or elapsed times,
 * not both, because the clocks change on other days of the shifted years. anonymise keeps local times (days,
 * hours, weeks: what counts, rates, trends and change points are built on), so an interval that spans a clock
 * change of the original or of the shifted period is an hour longer or shorter. The figures measured in elapsed
 * time between records (contact episodes and the gaps between them, burstiness) are checked to move by no more
 * than those intervals can explain; without a shift they are equal like everything else.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { anonymiseCommand } from '../../src/cli/commands/anonymise.js';
import { reportCommand } from '../../src/cli/commands/report.js';
import { MONTH_NAMES } from '../../src/model/format.js';
import type { Report } from '../../src/model/index.js';
import { env, KEY_A, keyFile, NOW, scratch } from './env.js';

const DEMO = 'fixtures/demo-case';
const ZONE = 'Europe/London';
const DAY_MS = 86_400_000;

async function jsonReport(input: string, out: string): Promise<Report> {
  await reportCommand([input], { format: 'json', out, now: NOW, quiet: true } as never, env);
  return JSON.parse(readFileSync(out, 'utf8')) as Report;
}

/** Keys whose values are identifiers, texts or provenance: not compared. */
const NOT_COMPARED = new Set([
  'id',
  'file',
  'fileTail',
  'files',
  'locator',
  'identifier',
  'names',
  'text',
  'label',
  'findings',
  'methods',
]);
/** Elapsed-time figures (see the header): compared apart when dates are shifted. */
function elapsed(e: Report['escalation']) {
  return { gaps: e!.gaps, burstiness: e!.bursts.burstiness, daysApart: e!.persistence.daysApart };
}

/** Days of [from, to] on which the case zone's offset differs from the day before (clock changes). */
function clockChanges(from: string, to: string): number {
  const offset = (ms: number) => {
    const p = Object.fromEntries(wallFormat.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
    return (
      Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!) - Math.floor(ms / 60_000) * 60_000
    );
  };
  let n = 0;
  for (let t = Date.parse(`${from}T12:00:00Z`); t <= Date.parse(`${to}T12:00:00Z`); t += DAY_MS)
    if (offset(t) !== offset(t - DAY_MS)) n++;
  return n;
}

/** Breakdowns by calendar month: a shift by whole weeks moves days across month ends, so these cannot match. */
const BY_MONTH = new Set(['monthly', 'byMonth', 'channelsOverTime']);

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL = /^(\d{4}-\d{2}-\d{2})( \d{2}:\d{2}(?::\d{2}(?:\.\d{3})?)?)$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const MONTHS = MONTH_NAMES;
const WORD_DATE_SOURCE = `\\b(\\d{1,2}) (${MONTHS.join('|')}) (\\d{4})\\b`;
const WORD_DATE = new RegExp(WORD_DATE_SOURCE);
const WORD_DATE_ALL = new RegExp(WORD_DATE_SOURCE, 'g');
/** "30 June 2024" as 2024-06-30, and back. */
const isoOfWords = (d: string) => {
  const [, day, month, year] = WORD_DATE.exec(d)!;
  return `${year}-${String(MONTHS.indexOf(month!) + 1).padStart(2, '0')}-${day!.padStart(2, '0')}`;
};
const wordDate = (iso: string) =>
  `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

const wallFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  fractionalSecondDigits: 3,
});

/** Local wall-clock time of an instant in the case zone, `YYYY-MM-DD HH:mm:ss.SSS`. */
function wall(iso: string): string {
  const p = Object.fromEntries(wallFormat.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}.${p.fractionalSecond}`;
}

/**
 * A report part with dates moved back by `days`, identifiers, texts and provenance left out. With a shift, UTC
 * instants are compared as local wall-clock times (the shift keeps local time; a UTC difference changes by an
 * hour when the shift crosses a clock change) and month breakdowns are left out.
 */
function normalise(v: unknown, days: number, shifted: boolean): unknown {
  if (Array.isArray(v)) return v.map((x) => normalise(x, days, shifted));
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      if (NOT_COMPARED.has(k) || (shifted && BY_MONTH.has(k))) continue;
      out[k] = normalise((v as Record<string, unknown>)[k], days, shifted);
    }
    return out;
  }
  if (typeof v !== 'string') return v;
  if (DATE.test(v)) return addDays(v, -days);
  // A date in words inside a sentence ("no export covers 30 June 2024"), shifted back as the ISO dates are.
  if (days !== 0 && WORD_DATE.test(v))
    return v.replace(WORD_DATE_ALL, (d) => wordDate(addDays(isoOfWords(d), -days)));
  const local = LOCAL.exec(v);
  if (local) return addDays(local[1]!, -days) + local[2]!;
  if (INSTANT.test(v) && shifted) {
    const w = wall(v);
    return `local ${addDays(w.slice(0, 10), -days)}${w.slice(10)}`;
  }
  return v;
}

/** Everything compared: the books per input and overall, incidents, identifiers (without names) and escalation. */
function figures(r: Report, days: number, shifted: boolean) {
  const { byIdentifier, ...incidents } = r.incidents;
  const n = (x: unknown) => normalise(x, days, shifted);
  return {
    // Where the skipped records are is in each file's own lines: the copy's stubs follow its rows. So are where
    // the duplicates and the copies kept are (the copy's files, its lines), compared apart below.
    books: r.inputs.map(
      ({ path: _p, sha256: _s, bytes: _b, format: _f, skippedAt: _a, duplicatesAt: _d, ...books }) => books,
    ),
    accounting: r.accounting,
    incidents: n(incidents),
    byIdentifier: Object.values(byIdentifier).sort((a, b) => a - b),
    identifiers: r.identifiers.map((i) => JSON.stringify(n(i))).sort(),
    escalation: n(
      shifted
        ? {
            ...r.escalation,
            gaps: null,
            bursts: { ...r.escalation!.bursts, burstiness: null },
            persistence: { ...r.escalation!.persistence, daysApart: null },
          }
        : r.escalation,
    ),
  };
}

describe('anonymise round trip on the demo case', () => {
  const tmp = scratch();
  const key = keyFile(tmp, KEY_A);
  let original: Report;
  beforeAll(async () => {
    original = await jsonReport(DEMO, path.join(tmp, 'original.json'));
  });

  const run = async (name: string, extra: Record<string, unknown>) => {
    const out = path.join(tmp, name);
    await anonymiseCommand([DEMO], { keyFile: key, out, quiet: true, ...extra } as never, env);
    return { out, report: await jsonReport(out, path.join(tmp, `${name}.json`)) };
  };

  it('keeps every input apart, with its format, books and hand-kept status', async () => {
    const { out, report } = await run('plain', {});
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest.inputs.map((i: { file: string }) => i.file)).toEqual(
      original.inputs.map((_, k) => `input-00${k + 1}.jsonl`),
    );
    expect(manifest.inputs.map((i: { originalFormat: string }) => i.originalFormat)).toEqual(
      original.inputs.map((i) => i.format),
    );
    expect(report.inputs.map((i) => path.basename(i.path))).toEqual(
      manifest.inputs.map((i: { file: string }) => i.file),
    );
    expect(report.inputs.map((i) => i.format)).toEqual(
      original.inputs.map((i) => (i.format === 'csv-diary' ? 'chronolog-jsonl-diary' : 'chronolog-jsonl')),
    );
    // The demo case's second SMS backup overlaps the first: its 238 copies are carried and dropped again.
    expect(report.inputs[4]).toMatchObject({ events: 752, kept: 514, duplicates: 238 });
    // No file name of the original case is written anywhere.
    for (const i of original.inputs)
      expect(readFileSync(path.join(out, 'manifest.json'), 'utf8')).not.toContain(path.basename(i.path));
    // Nor where in the original files the skipped records were (record locators are left out).
    expect(original.inputs.some((i) => i.skippedAt !== undefined)).toBe(true);
    for (const i of manifest.inputs) expect(i).not.toHaveProperty('skippedAt');
    // Nor where its duplicates and the copies kept were. Read back, the copy locates its own, in its own files:
    // as many places, each naming a row of the copy.
    expect(original.inputs[4]!.duplicatesAt?.first).toHaveLength(5);
    for (const i of manifest.inputs) expect(i).not.toHaveProperty('duplicatesAt');
    expect(readFileSync(path.join(out, 'manifest.json'), 'utf8')).not.toMatch(/sms\[\d+\]|mms\[\d+\]/);
    const copied = report.inputs[4]!.duplicatesAt!;
    expect(copied.first).toHaveLength(5);
    for (const d of [...copied.first, copied.last]) {
      expect(d.locator).toMatch(/^line \d+$/);
      expect(d.kept.file).toBe(report.inputs[3]!.path);
    }
  });

  it("locates the copy's duplicates one to one with the original's, the last too: the same records, dropped and kept", async () => {
    const { report } = await run('located', {});
    const mine = original.inputs[4]!.duplicatesAt!;
    const copy = report.inputs[4]!.duplicatesAt!;
    // The copy's files, by the original file each stands for (the manifest lists them in the same order).
    const fileOf = new Map(original.inputs.map((i, k) => [i.path, report.inputs[k]!.path]));
    const lineOf = (file: string, locator: string) =>
      readFileSync(file, 'utf8').split('\n')[Number(/line (\d+)\)?$/.exec(locator)![1]) - 1]!;
    // The instant of a record: an SMS backup's element by its date attribute, a copy's row by its utc.
    const sms = (file: string, locator: string) => Number(/ date="(\d+)"/.exec(lineOf(file, locator))![1]);
    const row = (file: string, locator: string) => Date.parse(JSON.parse(lineOf(file, locator)).utc);
    const [NEW, COPY] = [original.inputs[4]!.path, report.inputs[4]!.path];
    expect(copy.first).toHaveLength(mine.first.length);
    copy.first.forEach((c, j) => {
      const o = mine.first[j]!;
      // The copy's j-th duplicate is the copy of the original's j-th, and its copy kept the copy of the original's.
      expect(c.kept.file).toBe(fileOf.get(o.kept.file));
      expect(row(COPY, c.locator)).toBe(sms(NEW, o.locator));
      expect(row(c.kept.file, c.kept.locator)).toBe(sms(o.kept.file, o.kept.locator));
    });
    // The last is the file's last in its own order too: the backup lists its MMS after every SMS (mms[0], of 14
    // February), and the copy holds its duplicates in the backup's order, not by time, so its last is that MMS.
    expect(mine.last.locator).toMatch(/^mms\[0\]/);
    expect(copy.last.kept.file).toBe(fileOf.get(mine.last.kept.file));
    expect(row(COPY, copy.last.locator)).toBe(sms(NEW, mine.last.locator));
    expect(row(copy.last.kept.file, copy.last.kept.locator)).toBe(
      sms(mine.last.kept.file, mine.last.kept.locator),
    );
  });

  it('gives the same books, counts and statistics without a date shift', async () => {
    const { report } = await run('same', {});
    expect(report.accounting.incidents).toBeGreaterThan(600);
    expect(report.escalation?.changePoints.length).toBeGreaterThan(0);
    expect(figures(report, 0, false)).toEqual(figures(original, 0, false));
  });

  it('gives the same figures with dates shifted by whole weeks of local time', async () => {
    const { report } = await run('shifted', { shiftDates: true });
    const days =
      (Date.parse(`${report.escalation!.window.from}T00:00:00Z`) -
        Date.parse(`${original.escalation!.window.from}T00:00:00Z`)) /
      DAY_MS;
    expect(days).not.toBe(0);
    expect(days % 7).toBe(0);
    expect(report.incidents.daily.map((d) => d.date)).toEqual(
      original.incidents.daily.map((d) => addDays(d.date, days)),
    );
    expect(report.incidents.daily.map((d) => d.byChannel)).toEqual(
      original.incidents.daily.map((d) => d.byChannel),
    );
    expect(report.escalation!.changePoints.map((c) => c.date)).toEqual(
      original.escalation!.changePoints.map((c) => addDays(c.date, days)),
    );
    expect(report.escalation!.milestones.map((m) => m.date)).toEqual(
      original.escalation!.milestones.map((m) => addDays(m.date, days)),
    );
    expect(figures(report, days, true)).toEqual(figures(original, 0, true));
    // Elapsed-time figures: each clock change in either period alters one interval by an hour, which can split
    // or join at most one contact episode.
    const changes =
      clockChanges(original.escalation!.window.from!, original.escalation!.window.to!) +
      clockChanges(report.escalation!.window.from!, report.escalation!.window.to!);
    expect(changes).toBeGreaterThan(0);
    const [a, b] = [elapsed(report.escalation), elapsed(original.escalation)];
    expect(Math.abs(a.gaps.episodes - b.gaps.episodes)).toBeLessThanOrEqual(changes);
    expect(Math.abs(a.gaps.gaps - b.gaps.gaps)).toBeLessThanOrEqual(changes);
    expect(a.gaps.episodeMinutes).toBe(b.gaps.episodeMinutes);
    // The time between the first and the last contact moves by an hour for each clock change between them.
    for (const end of ['least', 'most'] as const) {
      const hours = Math.abs(a.daysApart![end]! - b.daysApart![end]!) * 24;
      expect(hours).toBeLessThanOrEqual(changes + 1e-9);
      expect(Number.isInteger(Math.round(hours * 1e6) / 1e6)).toBe(true);
    }
  });

  it('with the text dropped, keeps every figure that does not read text', async () => {
    const { report } = await run('no-text', { dropText: true });
    // Content cues, cease requests and the S-DASH facts built on them read the text; nothing else does.
    const textFree = (r: Report) => {
      const all = figures(r, 0, false);
      const { content: _c, ceaseRequest: _r, sdash: _s, ...rest } = all.escalation as Record<string, unknown>;
      return { ...all, escalation: rest };
    };
    expect(textFree(report)).toEqual(textFree(original));
    expect(report.escalation!.content.categories.every((c) => c.incidents === 0)).toBe(true);
  });
});
