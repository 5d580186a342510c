/**
 * The marks made as texts are stored (src/timeline/text-marks.ts): the content search's for incidents and the
 * cease search's for the victim's side. The analyses read them instead of searching each text again, and a run of
 * one input keeps only the texts they will read. The report must be the same with them as without them, whichever
 * texts were let go, and marks made by another classifier must not be used.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { byteSearch } from '../../../src/analysis/escalation/byte-search.js';
import { ceaseClassifier } from '../../../src/analysis/escalation/cease.js';
import { contentClassifier } from '../../../src/analysis/escalation/content.js';
import { type CaseFlags, resolveCase } from '../../../src/cli/case.js';
import { fileInput, walk } from '../../../src/cli/inputs.js';
import type { ResolvedCase } from '../../../src/model/index.js';
import { analyseTimeline, readTimeline, reportMarks } from '../../../src/pipeline/index.js';
import type { StoreList } from '../../../src/timeline/list.js';
import type { EventStore } from '../../../src/timeline/store.js';
import { TextMarks } from '../../../src/timeline/text-marks.js';
import { makeZip } from '../../helpers/zip-writer.js';

const META = {
  version: 'test',
  generatedAt: '2024-07-01T00:00:00.000Z',
  tzdata: null,
  run: { paths: [], options: {} },
};

async function read(paths: string[], flags: CaseFlags, marks?: (c: ResolvedCase) => TextMarks) {
  const walked = await walk(paths);
  const c = await resolveCase(flags, walked.caseFiles, 'Europe/London');
  const m = marks?.(c);
  const t = await readTimeline({
    inputs: walked.files.map((f) => fileInput(f.abs, f.bytes, f.display)),
    case: c,
    ...(m ? { marks: m } : {}),
  });
  return { t, c, m, store: (t.events as StoreList).store };
}

const DEMO_CASE = { case: 'fixtures/demo-case/case.json' };
const CASES: { name: string; paths: string[]; flags: CaseFlags; single: boolean }[] = [
  {
    name: 'one chat, with cease requests',
    paths: ['fixtures/content-search'],
    flags: { subject: ['Dan'], victim: ['Amy'] },
    single: true,
  },
  {
    name: 'one chat of the demo case',
    paths: ['fixtures/demo-case/WhatsApp Chat with Sam.txt'],
    flags: DEMO_CASE,
    single: true,
  },
  {
    name: 'one SMS backup (texts as strings)',
    paths: ['fixtures/demo-case/sms-20240601090000.xml'],
    flags: DEMO_CASE,
    single: true,
  },
  { name: 'the whole demo case (several inputs)', paths: ['fixtures/demo-case'], flags: {}, single: false },
];

describe('text marks made as the timeline is stored', () => {
  for (const { name, paths, flags } of CASES) {
    it(`give the report found without them: ${name}`, async () => {
      const plain = await read(paths, flags);
      const expected = analyseTimeline(plain.t, plain.c, META);
      expect(expected.escalation!.content.textsSearched).toBeGreaterThan(0);

      // Texts let go where they may be, and every mark read: those the content analysis only counts (marked 0,
      // nothing found) and those it is handed.
      const marked = await read(paths, flags, (c) => reportMarks(c));
      const scan = marked.m!.scan.bind(marked.m!);
      let read0 = 0;
      const scanned = vi.spyOn(marked.m!, 'scan').mockImplementation((numbers, skip, each) => {
        const skipped = scan(numbers, skip, (i, mark) => {
          if (mark !== undefined) read0++;
          each(i, mark);
        });
        read0 += skipped;
        return skipped;
      });
      expect(analyseTimeline(marked.t, marked.c, META)).toEqual(expected);
      expect(scanned).toHaveBeenCalledTimes(1);
      expect(read0).toBeGreaterThan(0);

      // Every text kept (a report with the chronology).
      const all = await read(paths, flags, (c) => reportMarks(c, true));
      expect(analyseTimeline(all.t, all.c, META)).toEqual(expected);

      // Marks of another classifier (every text "found"): not used.
      const other = await read(
        paths,
        flags,
        () => new TextMarks(() => ({ incident: () => 0x1ff, victim: () => 1 })),
      );
      expect(analyseTimeline(other.t, other.c, META)).toEqual(expected);
    });
  }

  it('finds cease requests through the victim marks, as it would by searching', async () => {
    const { paths, flags } = CASES[1]!;
    const once = await read(paths, flags);
    const plain = analyseTimeline(once.t, once.c, META);
    expect(plain.escalation!.ceaseRequest.requests.length).toBeGreaterThan(0);
    expect(plain.escalation!.ceaseRequest.searched).toBeGreaterThan(
      plain.escalation!.ceaseRequest.requests.length,
    );
    const marked = await read(paths, flags, (c) => reportMarks(c));
    expect(countVictimMarks(marked.store, marked.c)).toBeGreaterThan(0);
    expect(analyseTimeline(marked.t, marked.c, META).escalation!.ceaseRequest).toEqual(
      plain.escalation!.ceaseRequest,
    );
  });

  for (const { name, paths, flags, single } of CASES) {
    it(`keep ${single ? 'only the texts an analysis reads' : 'every text'}: ${name}`, async () => {
      const plain = await read(paths, flags);
      const { store, c } = await read(paths, flags, (k) => reportMarks(k));
      expect(store.length).toBe(plain.store.length);
      const content = contentClassifier(c.lexicon);
      const cease = ceaseClassifier(c);
      const span = { bytes: new Uint8Array(0), start: 0, end: 0 };
      let kept = 0;
      let dropped = 0;
      for (let k = 0; k < store.length; k++) {
        const text = plain.store.text(k);
        const victimSide = store.direction(k) === 'outgoing' || store.who(k).role === 'victim';
        const classify = store.incident(k) ? content : victimSide ? cease : undefined;
        const bytes = plain.store.textBytes(k, span);
        const mark = bytes && classify ? classify(span.bytes, span.start, span.end) : undefined;
        expect(store.textMarks!.of(k, store.incident(k) ? content : cease)).toBe(mark);
        const letGo = single && bytes && span.end > span.start && (classify === undefined || mark === 0);
        if (letGo) {
          dropped++;
          expect(() => store.text(k)).toThrow(/read after it was let go/);
          expect(store.textBytes(k, span)).toBe(false);
        } else {
          kept++;
          expect(store.text(k)).toBe(text);
        }
      }
      expect(kept).toBeGreaterThan(0);
      if (single) expect(dropped).toBeGreaterThan(0);
      else expect(dropped).toBe(0);
    });
  }

  it('keep every text of an archive of several exports (duplicates are told apart by their texts), and let go in one of one', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'chronolog-marks-'));
    try {
      const chat = readFileSync('fixtures/demo-case/WhatsApp Chat with Sam.txt');
      writeFileSync(
        path.join(dir, 'two.zip'),
        makeZip([
          { name: 'WhatsApp Chat with Sam.txt', data: chat },
          { name: 'older/WhatsApp Chat with Sam.txt', data: chat },
        ]),
      );
      writeFileSync(path.join(dir, 'one.zip'), makeZip([{ name: 'WhatsApp Chat with Sam.txt', data: chat }]));
      const totals: number[] = [];
      for (const [zip, letGo] of [
        ['two.zip', false],
        ['one.zip', true],
      ] as const) {
        const paths = [path.join(dir, zip)];
        const plain = await read(paths, DEMO_CASE);
        const expected = analyseTimeline(plain.t, plain.c, META);
        const marked = await read(paths, DEMO_CASE, (c) => reportMarks(c));
        expect(analyseTimeline(marked.t, marked.c, META)).toEqual(expected);
        let dropped = 0;
        for (let k = 0; k < marked.store.length; k++) {
          try {
            expect(marked.store.text(k)).toBe(plain.store.text(k));
          } catch {
            dropped++;
          }
        }
        if (letGo) expect(dropped).toBeGreaterThan(0);
        else {
          expect(dropped).toBe(0);
          // The second copy is all duplicates: told apart by the texts that were kept.
          expect(expected.inputs).toHaveLength(2);
          expect(expected.inputs[1]!.duplicates).toBe(expected.inputs[0]!.events);
        }
        totals.push(expected.incidents.total);
      }
      expect(totals[0]).toBe(totals[1]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('are still recognised after many other phrase lists were searched in between (the search cache let theirs go)', async () => {
    const { paths, flags } = CASES[1]!;
    const once = await read(paths, flags);
    const expected = analyseTimeline(once.t, once.c, META);
    const marked = await read(paths, flags, (c) => reportMarks(c));
    // A long-lived process (a library caller, case after case) meets many lexicons between reading and analysis.
    for (let i = 0; i < 200; i++) byteSearch([[`phrase number ${i}`]]);
    const analysed = vi.spyOn(marked.m!, 'scan');
    expect(analyseTimeline(marked.t, marked.c, META)).toEqual(expected);
    expect(analysed).toHaveBeenCalledTimes(1);
  });

  it('make the classifiers once, at the first text, and give back every 32-bit mark, negative ones included', async () => {
    let made = 0;
    const classify = (_b: Uint8Array, start: number, end: number): number => (end - start) * -65_537 - 1;
    const { store, m } = await read(['fixtures/content-search'], { subject: ['Dan'] }, () => {
      return new TextMarks(() => {
        made++;
        return { incident: classify, victim: classify };
      });
    });
    expect(made).toBe(1);
    expect(m!.classify).toBe(classify);
    const plain = await read(['fixtures/content-search'], { subject: ['Dan'] });
    const span = { bytes: new Uint8Array(0), start: 0, end: 0 };
    let negative = 0;
    for (let k = 0; k < store.length; k++) {
      if (!store.incident(k) || !plain.store.textBytes(k, span)) continue;
      expect(m!.of(k, classify)).toBe(classify(span.bytes, span.start, span.end));
      negative++;
    }
    expect(negative).toBeGreaterThan(10);
  });

  it('make no classifier for a run without texts', async () => {
    let made = 0;
    const { store } = await read(['fixtures/demo-case/calls-20240601090000.xml'], DEMO_CASE, () => {
      return new TextMarks(() => {
        made++;
        return { incident: () => 0, victim: () => 0 };
      });
    });
    expect(store.length).toBeGreaterThan(0);
    expect(made).toBe(0);
  });
});

/** Events from the victim's side (not incidents) with a mark from the cease classifier. */
function countVictimMarks(store: EventStore, c: ResolvedCase): number {
  const cease = ceaseClassifier(c);
  let n = 0;
  for (let k = 0; k < store.length; k++)
    if (!store.incident(k) && store.textMarks!.of(k, cease) !== undefined) n++;
  return n;
}
