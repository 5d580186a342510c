/**
 * A subject identifier that matched no sender because it was mistyped ("Samm" for the sender "sam", a number with
 * two digits swapped) is met with the sender it was most likely meant for, in CASE_SUBJECT_NOT_FOUND's hint:
 * "Did you mean --subject sam?". Only suggested: the suggested identifier, given as the hint says, finds the
 * incidents; an identifier close to no sender gets no suggestion.
 */
import { describe, expect, it } from 'vitest';
import { resolveCase } from '../../src/cli/case.js';
import { fileInput, walk } from '../../src/cli/inputs.js';
import { readTimeline } from '../../src/pipeline/index.js';
import { editDistance } from '../../src/pipeline/near-match.js';

const SAM = 'fixtures/demo-case/WhatsApp Chat with Sam.txt';
const SAM_CARTER = 'fixtures/whatsapp-txt/android-24h-dmy.txt';
const TYPO = 'fixtures/batch-case-provenance/subject-typo';
const TYPO_SMS = `${TYPO}/sms-20240317090000.xml`;

/** The hint of CASE_SUBJECT_NOT_FOUND (undefined when not given) and the incidents, with --subject `subject`. */
async function run(path: string, subject: string[], caseFile?: string) {
  const walked = await walk([path]);
  const c = await resolveCase({ subject, ...(caseFile ? { case: caseFile } : {}) }, [], 'UTC');
  const t = await readTimeline({
    inputs: walked.files.map((f) => fileInput(f.abs, f.bytes, f.display)),
    case: c,
  });
  let incidents = 0;
  for (let i = 0; i < t.events.length; i++) if (t.events.incident(i)) incidents++;
  const hint = t.problems.list.find((p) => p.code === 'CASE_SUBJECT_NOT_FOUND')?.hint;
  return { hint, incidents };
}

describe('a subject identifier close to a sender', () => {
  it('suggests the sender one letter away, and the suggestion finds their incidents', async () => {
    const typed = await run(SAM, ['Samm']);
    expect(typed.incidents).toBe(0);
    expect(typed.hint).toBe(
      'Did you mean --subject sam? "Samm" is close to the sender sam (Sam), with 74 records; check that it is the subject before naming them so. Senders found, with their records: sam (Sam): 74; alex (Alex): 10. Name the subject by one of these with --subject; chronolog inspect lists them all.',
    );
    const meant = await run(SAM, ['sam']);
    expect(meant).toEqual({ hint: undefined, incidents: 74 });
  });

  it('suggests the whole name for a word of it, or a word of it mistyped', async () => {
    for (const typed of ['Sam', 'Samm', 'Carter', 'Crater']) {
      const r = await run(SAM_CARTER, [typed]);
      expect(r.incidents, typed).toBe(0);
      expect(r.hint, typed).toMatch(
        new RegExp(
          `^Did you mean --subject "sam carter"\\? "${typed}" is close to the sender sam carter \\(Sam Carter\\), with 5 records; `,
        ),
      );
    }
    expect((await run(SAM_CARTER, ['sam carter'])).incidents).toBe(5);
  });

  it('suggests the number with two digits swapped, or one digit wrong', async () => {
    for (const typed of ['+447700900132', '+447700900128']) {
      const r = await run(TYPO_SMS, [typed]);
      expect(r.hint, typed).toMatch(
        new RegExp(
          `^Did you mean --subject \\+447700900123\\? "\\${typed}" is close to the sender \\+447700900123 \\(Sam Carter\\), with 4 records; `,
        ),
      );
    }
    expect((await run(TYPO_SMS, ['+447700900123'])).incidents).toBe(4);
  });

  it('says where to write it when the mistyped identifier is in the case file', async () => {
    const r = await run(TYPO_SMS, [], `${TYPO}/case.json`);
    expect(r.hint).toMatch(
      /^Did you mean \+447700900123\? "\+447700900124", in the case file fixtures\/batch-case-provenance\/subject-typo\/case\.json, is close to the sender \+447700900123 \(Sam Carter\), with 4 records; check that it is the subject before writing it there instead\. Senders found/,
    );
  });

  it('suggests no one for an identifier close to no sender', async () => {
    // Another name, two letters off a short name, a number three digits off: the senders are listed, nothing is guessed.
    for (const typed of ['Jordan', 'Sxmx', '+447700900999']) {
      const path = typed.startsWith('+') ? TYPO_SMS : SAM;
      const r = await run(path, [typed]);
      expect(r.hint, typed).toMatch(/^Senders found, with their records: /);
    }
  });

  it('counts a swap of two neighbours as one edit', () => {
    expect(editDistance('sam', 'sma')).toBe(1);
    expect(editDistance('samm', 'sam')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
