/**
 * `lexiconTagger` (src/analysis/escalation/content.ts): the categories each incident's text matches, for the
 * timeline's `lexicon` column and the chronology. Its answers must be the content analysis's, however they are
 * found: from the marks made while the timeline was stored (a report's), from the byte search of the stored text
 * (the timeline command's), or from the exact search (a text the byte search cannot settle, a plain event, a
 * lexicon of more categories than the byte search answers for). Per category, the incidents of the window it
 * names are as many as the report counts.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { lexiconTagger } from '../../../src/analysis/escalation/content.js';
import { resolveLexicon } from '../../../src/analysis/escalation/lexicon.js';
import { compilePhrases, normaliseText } from '../../../src/analysis/escalation/matcher.js';
import { type CaseFlags, resolveCase } from '../../../src/cli/case.js';
import { fileInput, walk } from '../../../src/cli/inputs.js';
import type { CaseFile, ResolvedCase } from '../../../src/model/index.js';
import { analyseTimeline, readTimeline, reportMarks } from '../../../src/pipeline/index.js';
import { type EventList, listOf } from '../../../src/timeline/list.js';
import type { TextMarks } from '../../../src/timeline/text-marks.js';

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
  return { t, c, m };
}

/** Each incident's categories, as the tagger gives them. */
function tagsOf(incidents: EventList, lexicon: CaseFile['lexicon']): string[][] {
  const tag = lexiconTagger(lexicon);
  return incidents.map((e, i) => [...tag(incidents, i, e.text)]);
}

/** Each incident's categories by the exact search alone (matcher.ts), one category at a time. */
function exactly(incidents: EventList, lexicon: CaseFile['lexicon']): string[][] {
  const { categories } = resolveLexicon(lexicon);
  return incidents.map((e) => {
    const text = normaliseText(e.text ?? '');
    return categories.filter((c) => text !== '' && compilePhrases(c.terms).find(text)).map((c) => c.id);
  });
}

const CHAT = { paths: ['fixtures/content-search'], flags: { subject: ['Dan'], victim: ['Amy'] } };
const TRACE = { paths: ['fixtures/lexicon-trace'], flags: {} };

const tmp = mkdtempSync(path.join(tmpdir(), 'chronolog-lexicon-tags-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the lexicon categories of each incident', () => {
  for (const { name, paths, flags } of [
    { name: 'a chat of awkward texts (width, accents, emoji, quotes)', ...CHAT },
    { name: 'a chat and a diary, with a lexicon of the case file', ...TRACE },
  ]) {
    it(`are the exact search's, and add up to the report's counts: ${name}`, async () => {
      const { t, c } = await read(paths, flags);
      const incidents = t.events.incidents();
      const tags = tagsOf(incidents, c.lexicon);
      expect(tags).toEqual(exactly(incidents, c.lexicon));
      expect(tags.some((x) => x.length > 0)).toBe(true);
      const report = analyseTimeline(t, c, META);
      // Only the incidents inside the window are counted (lexicon-trace's window leaves 3 out).
      const { from, to } = report.escalation!.window;
      const inside = incidents.map((e) => {
        const day = t.zone.localText(e.ms, 'day');
        return day >= from! && day <= to!;
      });
      for (const k of report.escalation!.content.categories) {
        expect(tags.filter((x, i) => inside[i] && x.includes(k.id)).length, k.id).toBe(k.incidents);
      }
    });
  }

  it('are read from the marks a report makes while the timeline is stored, and are the same', async () => {
    const plain = await read(TRACE.paths, TRACE.flags);
    const marked = await read(TRACE.paths, TRACE.flags, (c) => reportMarks(c, true));
    const of = vi.spyOn(marked.m!, 'of');
    const incidents = marked.t.events.incidents();
    expect(tagsOf(incidents, marked.c.lexicon)).toEqual(tagsOf(plain.t.events.incidents(), plain.c.lexicon));
    // One mark read for each incident with text; none of them missing.
    const withText = incidents.map((e) => e.text).filter((x) => x !== undefined && x !== '').length;
    expect(of).toHaveBeenCalledTimes(withText);
    expect(of.mock.results.every((r) => typeof r.value === 'number')).toBe(true);
  });

  it('are found by the exact search for plain events, which have no stored bytes', async () => {
    const { t, c } = await read(CHAT.paths, CHAT.flags);
    const stored = t.events.incidents();
    // A stored event is a view whose fields are read through getters: copied one by one.
    const plain = listOf(stored.map((e) => ({ ...e, ms: e.ms, text: e.text, incident: e.incident })));
    expect(plain.map((e) => e.text)).toEqual(stored.map((e) => e.text));
    expect(tagsOf(plain, c.lexicon)).toEqual(tagsOf(stored, c.lexicon));
  });

  it('are found for a lexicon of more categories than the byte search answers for (30)', async () => {
    copyFileSync('fixtures/content-search/WhatsApp Chat with Dan.txt', path.join(tmp, 'chat.txt'));
    const lexicon: Record<string, string[]> = {};
    for (let k = 0; k < 25; k++) lexicon[`extra-${String(k).padStart(2, '0')}`] = [`word${k}`];
    lexicon['extra-24'] = ['morning'];
    writeFileSync(path.join(tmp, 'case.json'), JSON.stringify({ lexicon }));
    const { t, c } = await read([path.join(tmp, 'chat.txt')], {
      ...CHAT.flags,
      case: path.join(tmp, 'case.json'),
    });
    expect(resolveLexicon(c.lexicon).categories.length).toBeGreaterThan(30);
    const incidents = t.events.incidents();
    const tags = tagsOf(incidents, c.lexicon);
    expect(tags).toEqual(exactly(incidents, c.lexicon));
    // "Morning" twice, in the last category.
    expect(tags.filter((x) => x.at(-1) === 'extra-24')).toHaveLength(2);
    const report = analyseTimeline(t, c, META);
    const counted = report.escalation!.content.categories.find((k) => k.id === 'extra-24')!;
    expect(counted.incidents).toBe(2);
  });

  it('are none for an incident without text', () => {
    const tag = lexiconTagger(undefined);
    const list = listOf([]);
    expect(tag(list, 0, undefined)).toEqual([]);
    expect(tag(list, 0, '')).toEqual([]);
  });
});
