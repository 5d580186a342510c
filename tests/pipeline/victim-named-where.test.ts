/**
 * With only the victim named, the hints of CASE_VICTIM_NOT_FOUND and CASE_SUBJECT_ASSUMED, and the Markdown and
 * HTML reports' words on naming the subject, say where to name them as the subject hints do (named-in.ts): with
 * --victim/--subject when the run had no case file (they told it to edit "the case file" it did not have), in the
 * case file, by its path, when the victim is written there, and both when the victim came from each.
 */
import { describe, expect, it } from 'vitest';
import { resolveCase } from '../../src/cli/case.js';
import { fileInput, walk } from '../../src/cli/inputs.js';
import type { Problem } from '../../src/model/index.js';
import { readTimeline } from '../../src/pipeline/index.js';
import { renderAll, reportOf } from '../helpers/report.js';

const CHAT = 'fixtures/victim-named-in-case-file/WhatsApp Chat with Sam.txt';
const CASE = 'fixtures/victim-named-in-case-file/case.json';
const SENDERS = 'Senders found, with their records: sam (Sam): 2; alex (Alex): 1.';

/** The CASE_ problems of a run over the chat with the case file `--case` (if any) and `--victim` (if any). */
async function problems(flags: { case?: string; victim?: string[] }): Promise<Problem[]> {
  const walked = await walk([CHAT]);
  const c = await resolveCase(flags, [], 'UTC');
  const t = await readTimeline({
    inputs: walked.files.map((f) => fileInput(f.abs, f.bytes, f.display)),
    case: c,
  });
  return t.problems.list.filter((p) => p.code.startsWith('CASE_'));
}

const hints = (found: Problem[]) => found.map((p) => [p.code, p.hint]);

describe('where the hints say to name the victim or the subject', () => {
  it('with --victim and --subject when the run has no case file, never "the case file"', async () => {
    expect(hints(await problems({ victim: ['Alex Morgan'] }))).toEqual([
      [
        'CASE_SUBJECT_ASSUMED',
        'Name the subject with --subject ID (repeatable) to count only their contacts.',
      ],
      [
        'CASE_VICTIM_NOT_FOUND',
        `${SENDERS} Name the victim by one of these with --victim, or name the subject with --subject; chronolog inspect lists them all.`,
      ],
    ]);
  });

  it('in the case file, by its path, when the victim is written there', async () => {
    expect(hints(await problems({ case: CASE }))).toEqual([
      [
        'CASE_SUBJECT_ASSUMED',
        `Name the subject with --subject ID (repeatable) or in the case file ${CASE} to count only their contacts.`,
      ],
      [
        'CASE_VICTIM_NOT_FOUND',
        `${SENDERS} Name the victim by one of these in the case file ${CASE} ("victim": {"identifiers": […]}), or name the subject in that file ("subject": {"identifiers": […]}); chronolog inspect lists them all.`,
      ],
    ]);
  });

  it('both, when the victim came from the case file and --victim', async () => {
    const found = await problems({ case: CASE, victim: ['Alex M'] });
    expect(found.find((p) => p.code === 'CASE_VICTIM_NOT_FOUND')?.hint).toBe(
      `${SENDERS} Name the victim by one of these with --victim or in the case file ${CASE} ("victim": {"identifiers": […]}), or name the subject with --subject or in that file ("subject": {"identifiers": […]}); chronolog inspect lists them all.`,
    );
  });
});

describe("the reports' words on naming the subject", () => {
  it('speak of no case file when the run had none', async () => {
    const out = renderAll(await reportOf([CHAT], { tz: 'UTC', victim: ['Alex Morgan'] }));
    expect(out['markdown']).toContain(
      'as no subject was named (name the subject with `--subject ID` to count only their contacts),',
    );
    expect(out['html']).toContain('name them as the subject (<code>--subject</code>).</p>');
    expect(out['html']).toContain(
      "Name the subject's numbers and accounts (--subject) to count only theirs.",
    );
    // Where to name the subject: never "the case file" (other mentions speak of what a case file can set).
    for (const format of ['markdown', 'html', 'text'])
      expect(out[format]).not.toMatch(
        /(--subject ID`?|<code>--subject<\/code>|--subject),? or (in )?the case file/,
      );
    expect(out['markdown']).toContain(
      'Name the subject \\(--subject ID or a case file\\) to have their identifiers compared.',
    );
  });

  it('name the case file when the run read one', async () => {
    const out = renderAll(await reportOf([CHAT], { tz: 'UTC', case: CASE }));
    expect(out['markdown']).toContain(
      'as no subject was named (name the subject with `--subject ID` or in the case file to count only their contacts),',
    );
    expect(out['html']).toContain('name them as the subject (<code>--subject</code> or the case file).</p>');
  });
});
