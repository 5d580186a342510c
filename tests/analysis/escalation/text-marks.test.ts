/**
 * The content search's marks, worked out while the timeline is read (src/timeline/text-marks.ts): the analysis
 * reads them instead of searching each text again, and the report is the same with all of them, some of them,
 * none of them, or marks made by another classifier (which it must not use).
 */
import { describe, expect, it, vi } from 'vitest';
import { contentClassifier } from '../../../src/analysis/escalation/content.js';
import { resolveCase } from '../../../src/cli/case.js';
import { fileInput, walk } from '../../../src/cli/inputs.js';
import type { ResolvedCase } from '../../../src/model/index.js';
import { analyseTimeline, contentMarks, readTimeline } from '../../../src/pipeline/index.js';
import type { StoreList } from '../../../src/timeline/list.js';
import { TextMarks } from '../../../src/timeline/text-marks.js';

const META = {
  version: 'test',
  generatedAt: '2024-07-01T00:00:00.000Z',
  tzdata: null,
  run: { paths: [], options: {} },
};

async function read(paths: string[], marks?: (c: ResolvedCase) => TextMarks) {
  const walked = await walk(paths);
  const c = await resolveCase({ subject: ['Dan'] }, walked.caseFiles, 'Europe/London');
  const m = marks?.(c);
  const t = await readTimeline({
    inputs: walked.files.map((f) => fileInput(f.abs, f.bytes, f.display)),
    case: c,
    ...(m ? { marks: m } : {}),
  });
  return { t, c, m };
}

const FOLDERS = [['fixtures/content-search'], ['fixtures/demo-case']];

describe('content marks made while reading', () => {
  for (const paths of FOLDERS) {
    it(`give the report found without them (${paths[0]})`, async () => {
      const plain = await read(paths);
      const expected = analyseTimeline(plain.t, plain.c, META);
      expect(expected.escalation!.content.textsSearched).toBeGreaterThan(0);
      expect(expected.escalation!.content.categories.some((k) => k.incidents > 0)).toBe(true);

      // Every stored text marked, as when the main thread waited long enough for the worker.
      const all = await read(paths, contentMarks);
      while (all.m!.step(7)) {}
      // The analysis reads them all: those it counts (marked 0, nothing found) and those it is handed.
      const scan = all.m!.scan.bind(all.m!);
      let marked = 0;
      const scanned = vi.spyOn(all.m!, 'scan').mockImplementation((numbers, skip, each) => {
        const skipped = scan(numbers, skip, (i, mark) => {
          if (mark !== undefined) marked++;
          each(i, mark);
        });
        marked += skipped;
        return skipped;
      });
      expect(analyseTimeline(all.t, all.c, META)).toEqual(expected);
      expect(scanned).toHaveBeenCalledTimes(1);
      expect(marked).toBe(expected.escalation!.content.textsSearched! + emptyIncidents(all));

      // Some marked: those stored when the waiting stopped.
      const some = await read(paths, contentMarks);
      some.m!.step(Math.floor(some.t.events.length / 3));
      expect(analyseTimeline(some.t, some.c, META)).toEqual(expected);

      // None marked, and marks of another classifier (every category "found" in every text): not used.
      const none = await read(paths, contentMarks);
      expect(analyseTimeline(none.t, none.c, META)).toEqual(expected);
      const other = await read(paths, () => new TextMarks(() => () => 0x1ff));
      while (other.m!.step()) {}
      expect(analyseTimeline(other.t, other.c, META)).toEqual(expected);
    });
  }

  it('mark incidents with their stored text only, and only up to where stepping reached', async () => {
    const { t, c, m } = await read(['fixtures/content-search'], contentMarks);
    const store = (t.events as StoreList).store;
    expect(m!.of(0)).toBeUndefined();
    expect(m!.step(3)).toBe(true);
    const classify = contentClassifier(c.lexicon);
    const span = { bytes: new Uint8Array(0), start: 0, end: 0 };
    for (let k = 0; k < store.length; k++) {
      const expected =
        k < 3 && store.incident(k) && store.textBytes(k, span)
          ? classify(span.bytes, span.start, span.end)
          : undefined;
      expect(m!.of(k)).toBe(expected);
    }
    while (m!.step()) {}
    expect(m!.step()).toBe(false);
    let incidents = 0;
    for (let k = 0; k < store.length; k++) {
      if (!store.incident(k)) expect(m!.of(k)).toBeUndefined();
      else {
        incidents++;
        expect(m!.of(k)).toBeTypeOf('number');
      }
    }
    expect(incidents).toBeGreaterThan(10);
  });
});

describe('TextMarks', () => {
  it('gives back every 32-bit mark as made, negative ones included, and makes its classifier once, at the first step', async () => {
    let made = 0;
    const classify = (_b: Uint8Array, start: number, end: number): number => (end - start) * -65_537 - 1;
    const { t, m } = await read(
      ['fixtures/content-search'],
      () =>
        new TextMarks(() => {
          made++;
          return classify;
        }),
    );
    expect(made).toBe(0);
    expect(m!.classify).toBeUndefined();
    while (m!.step(5)) {}
    expect(made).toBe(1);
    expect(m!.classify).toBe(classify);
    const store = (t.events as StoreList).store;
    const span = { bytes: new Uint8Array(0), start: 0, end: 0 };
    let negative = 0;
    for (let k = 0; k < store.length; k++) {
      if (!store.incident(k) || !store.textBytes(k, span)) continue;
      expect(m!.of(k)).toBe(classify(span.bytes, span.start, span.end));
      negative++;
    }
    expect(negative).toBeGreaterThan(10);
  });
});

/** Incidents whose stored text is empty: marked, but not counted as searched. */
function emptyIncidents({ t }: { t: Awaited<ReturnType<typeof read>>['t'] }): number {
  const incidents = t.events.incidents();
  const span = { bytes: new Uint8Array(0), start: 0, end: 0 };
  let n = 0;
  for (let i = 0; i < incidents.length; i++) if (incidents.textBytes(i, span) && span.start === span.end) n++;
  return n;
}
