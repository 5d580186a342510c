/**
 * Who the report is about, as the case names it. A plain module (no zod): analysis and reports run it on every
 * report, and importing it from case-file.ts would load every schema (see index.ts).
 */

/**
 * No subject was named but the victim was: every sender other than the victim is then counted as the subject
 * (the CASE_SUBJECT_ASSUMED warning), and no output may say the senders were attributed to the subject.
 */
export function subjectIsEveryoneElse(c: {
  readonly subject: { readonly identifiers: readonly string[] };
  readonly victim: { readonly identifiers: readonly string[] };
}): boolean {
  return c.subject.identifiers.length === 0 && c.victim.identifiers.length > 0;
}
