/**
 * A case file typed on a keyboard names the subject with a straight apostrophe (Declan D'Arcy); an iPhone's
 * export writes the sender with a curly one (Declan D’Arcy). They are one person: every message of theirs is an
 * incident, and the case identifier is not reported unused.
 */
import { describe, expect, it } from 'vitest';
import { reportOf } from '../helpers/report.js';

describe('a subject named with another apostrophe than the export writes', () => {
  it('counts their messages as incidents', async () => {
    const r = await reportOf(['fixtures/anonymise-apostrophes'], {
      tz: 'Europe/London',
      subject: ["Declan D'Arcy"],
      victim: ["Siobhán O'Neill"],
    });
    expect(r.incidents.total).toBe(3);
    expect(Object.values(r.incidents.byIdentifier)).toEqual([3]);
    expect(r.problems.map((p) => p.code)).not.toContain('CASE_SUBJECT_IDENTIFIER_UNUSED');
    expect(r.problems.map((p) => p.code)).not.toContain('CASE_SUBJECT_NOT_FOUND');
  });
});
