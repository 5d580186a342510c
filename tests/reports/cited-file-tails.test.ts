/**
 * A sentence that cites an incident names its file so that it leads to one input. Export folders repeat file
 * names — the mixed case holds a Facebook and an Instagram thread, each a message_1.json, and the same WhatsApp
 * chat as a zip and unpacked, each a _chat.txt — so a citation gives as much of the path's end as it takes for no
 * other input's path to end the same way, and the file name alone when it is the only input of that name. The
 * findings (JSON, Markdown, HTML), the Markdown S-DASH sheet and the calls with no number shown all cite that way.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citedFile, fileTails } from '../../src/model/cited-file.js';
import type { EventRef, Report } from '../../src/model/index.js';
import { markdownEscape } from '../../src/reports/sanitize.js';
import { renderAll, reportOf } from '../helpers/report.js';
import { scratch } from '../helpers/robustness.js';

const CASE = 'fixtures/mixed-case';
const FACEBOOK =
  'facebook-priyashah-20240406/your_facebook_activity/messages/inbox/jordanreeve_10158000000000001/message_1.json';
const INSTAGRAM =
  'instagram-priyashah-20240406/your_instagram_activity/messages/inbox/jordanreeve77_17841400000000001/message_1.json';
const ZIPPED_CHAT = 'whatsapp/WhatsApp Chat - +44 7700 900462.zip!/_chat.txt';

/** Every cited incident in the report (any object with a file, a locator and an id). */
function refsIn(x: unknown, out: EventRef[] = []): EventRef[] {
  if (Array.isArray(x)) for (const v of x) refsIn(v, out);
  else if (x && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    if (typeof o['file'] === 'string' && typeof o['locator'] === 'string' && typeof o['id'] === 'string')
      out.push(o as unknown as EventRef);
    else for (const v of Object.values(o)) refsIn(v, out);
  }
  return out;
}

/** Whether `path` ends with `tail` in whole parts (a/b.json ends with b.json, not with ab.json's "b.json"). */
const endsWith = (p: string, tail: string) => p === tail || p.endsWith(`/${tail}`);

/** HTML without the spans that let a run of more than 20 characters without a space break anywhere. */
const unbroken = (html: string) => html.replace(/<span class="brk">([^<]*)<\/span>/g, '$1');

describe('the end of a path that names one input', () => {
  it('is the file name when no other input has it, else as many folders above it as tell it apart', () => {
    const tails = fileTails([
      `${CASE}/${FACEBOOK}`,
      `${CASE}/${INSTAGRAM}`,
      `${CASE}/${ZIPPED_CHAT}`,
      `${CASE}/whatsapp/WhatsApp Chat - +44 7700 900462/_chat.txt`,
      `${CASE}/telegram/ChatExport_2024-04-10/result.json`,
      // A name that ends like another's is still another name.
      `${CASE}/telegram/old_result.json`,
    ]);
    expect([...tails.values()]).toEqual([
      'jordanreeve_10158000000000001/message_1.json',
      'jordanreeve77_17841400000000001/message_1.json',
      'WhatsApp Chat - +44 7700 900462.zip!/_chat.txt',
      'WhatsApp Chat - +44 7700 900462/_chat.txt',
      'result.json',
      'old_result.json',
    ]);
  });

  it('is the whole path when another input path ends with all of it', () => {
    const tails = fileTails(['case/chat.txt', 'copy/case/chat.txt']);
    expect(tails.get('case/chat.txt')).toBe('case/chat.txt');
    expect(tails.get('copy/case/chat.txt')).toBe('copy/case/chat.txt');
  });

  it('falls back to the file name for a citation recorded before the tail was', () => {
    expect(citedFile({ file: `${CASE}/${FACEBOOK}` })).toBe('message_1.json');
  });
});

describe('findings in the mixed case', () => {
  let r: Report;
  let out: Record<string, string>;
  beforeAll(async () => {
    r = await reportOf([CASE]);
    out = renderAll(r);
  });

  it('cite each incident by a path end that leads to one input, holding the record cited', () => {
    const refs = refsIn(r.escalation!);
    expect(refs.length).toBeGreaterThan(50);
    const paths = r.inputs.map((i) => i.path);
    const rows = new Map(r.chronology!.map((x) => [x.id, x]));
    let incidents = 0;
    for (const ref of refs) {
      expect(ref.file.endsWith(ref.fileTail!), ref.file).toBe(true);
      expect(
        paths.filter((p) => endsWith(p, ref.fileTail!)),
        ref.fileTail,
      ).toEqual([ref.file]);
      // The one input the citation leads to holds the incident at that locator (a request to stop is the
      // victim's message, no incident: it has no chronology row).
      const row = rows.get(ref.id);
      if (row) {
        incidents++;
        expect([row.file, row.locator]).toEqual([ref.file, ref.locator]);
      }
    }
    expect(incidents).toBeGreaterThan(50);
    // Names no other input shares are cited alone, as before.
    const names = refs.filter((x) => !x.fileTail!.includes('/')).map((x) => x.fileTail);
    expect(names).toContain('result.json');
    expect(names).toContain('sms-20240405090000.xml');
  });

  it('name the Instagram thread where its new username was first used, not the Facebook one', () => {
    const line = r.escalation!.findings.find((f) =>
      f.startsWith('jordan.reeve.77 (instagram) was first used'),
    )!;
    expect(line).toContain(
      'on 19 March 2024 at 08:00 (jordanreeve77_17841400000000001/message_1.json, messages[5])',
    );
    // In the Facebook thread, messages[5] is a reaction that was skipped: the citation cannot lead there.
    const facebook = r.inputs.find((i) => i.path === `${CASE}/${FACEBOOK}`)!;
    expect(facebook.skippedAt?.['reaction']?.first).toEqual(['messages[5]']);
    expect(line).not.toMatch(/\(message_1\.json, /);
    // The Facebook thread, where it is cited, by its own folder.
    expect(r.escalation!.findings.join('\n')).toContain(
      '(jordanreeve_10158000000000001/message_1.json, messages[2])',
    );
  });

  it('name the zipped chat apart from the same chat unpacked, alike in every format that gives the findings', () => {
    const cited = `[${'WhatsApp Chat - +44 7700 900462.zip!/_chat.txt'}, line 15]`;
    const lexicon = r.escalation!.findings.find((f) => f.startsWith('Incident texts match the lexicon'))!;
    expect(lexicon).toContain(`intimidation and veiled threats (1, first on 8 April 2024 ${cited})`);
    expect(r.escalation!.findings.join('\n')).not.toMatch(/[[(]_chat\.txt, /);
    expect(out['markdown']).toContain(markdownEscape(cited));
    // HTML: the same words, once the spans that let a long run without spaces break are taken out.
    expect(unbroken(out['html']!)).toContain(cited);
    // The Markdown S-DASH sheet cites its incidents the same way.
    expect(out['markdown']).toContain(
      `Incidents: 2024-04-08 17:09:03 ${markdownEscape('(WhatsApp Chat - +44 7700 900462.zip!/_chat.txt line 15)')}.`,
    );
    expect(out['markdown']).not.toContain(markdownEscape('(_chat.txt line'));
  });
});

describe('calls with no number shown', () => {
  // Two phones' call logs, each saved as calls.xml in a folder of its own (copies of two fixtures' call logs).
  const tmp = scratch('chronolog-cited-calls-');
  afterAll(() => tmp.cleanup());
  for (const [folder, from] of [
    ['old-phone', 'fixtures/mixed-case/phone/calls-20240405090000.xml'],
    ['new-phone', 'fixtures/demo-case/calls-20240601090000.xml'],
  ] as const) {
    mkdirSync(path.join(tmp.dir, folder), { recursive: true });
    copyFileSync(from, path.join(tmp.dir, folder, 'calls.xml'));
  }

  it('cite the first and the last by the folder that tells the two call logs apart', async () => {
    const r = await reportOf([tmp.dir], {
      tz: 'Europe/London',
      region: 'GB',
      subject: ['+447700900123', '07700900462'],
    });
    const w = r.withheldCalls!;
    expect([w.first.fileTail, w.last.fileTail]).toEqual(['old-phone/calls.xml', 'new-phone/calls.xml']);
    const out = renderAll(r);
    const sentence = `The first on 2024-03-09 02:14:33 (old-phone/calls.xml ${w.first.locator}), the last on 2024-05-31 18:47:18 (new-phone/calls.xml ${w.last.locator})`;
    expect(out['markdown']).toContain(markdownEscape(sentence));
    expect(unbroken(out['html']!)).toContain('(old-phone/calls.xml call[5] (line 9))');
  });
});
