/**
 * The first and last incident of the case, and each identifier's first and last use, are cited in the JSON as the
 * escalation analysis cites an incident (file, locator, id), so every date in the period line and the identifiers
 * table traces to a line of an export: here, the line each names holds that record's time (the epoch
 * milliseconds of an SMS Backup & Restore element, the clock time of a chat or diary line).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EventRef } from '../../src/model/index.js';
import { reportOf } from '../helpers/report.js';

/** The line of the export a reference names holds its time. */
function expectTraced(ref: EventRef | null | undefined, utc: string | null): void {
  expect(ref).toBeTruthy();
  expect(ref!.utc).toBe(utc);
  const line = Number(/line (\d+)/.exec(ref!.locator)?.[1]);
  expect(line, ref!.locator).toBeGreaterThan(0);
  const text = readFileSync(ref!.file, 'utf8').split(/\r?\n/)[line - 1]!;
  const epoch = String(Date.parse(ref!.utc));
  const clock = ref!.local.slice(11, 16);
  expect(text.includes(epoch) || text.includes(clock), `${ref!.file}:${line}: ${text}`).toBe(true);
}

describe('first and last incident citations', () => {
  it('cite the first and last incident of the demo case, and each identifier’s first and last use', async () => {
    const r = await reportOf(['fixtures/demo-case']);
    expectTraced(r.incidents.firstRef, r.incidents.first);
    expectTraced(r.incidents.lastRef, r.incidents.last);
    expect(r.identifiers.length).toBeGreaterThan(2);
    for (const row of r.identifiers) {
      expectTraced(row.firstRef, row.first);
      expectTraced(row.lastRef, row.last);
      // The same id the chronology and the escalation analysis give that incident.
      const cited = r.escalation!.identifiers.find((x) => x.identifier === row.identifier);
      if (cited) expect([row.firstRef!.id, row.lastRef!.id]).toEqual([cited.first.id, cited.last.id]);
    }
  });

  it('are null when there is no incident', async () => {
    const r = await reportOf(['fixtures/whatsapp-txt/android-24h-dmy.txt'], {
      subject: ['nobody@example.invalid'],
    });
    expect(r.incidents.total).toBe(0);
    expect(r.incidents.firstRef).toBeNull();
    expect(r.incidents.lastRef).toBeNull();
  });
});
