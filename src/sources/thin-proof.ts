/**
 * When a file's proof of its day/month order is too thin to go by, for every source that infers the order from
 * its own dates (a WhatsApp chat, a CSV diary: each source's thin-proof.ts says what it weighs against it). A
 * date with a number above 12 proves the order of its own line, not of the whole file: one pasted from another
 * chat, or typed the other way round, would otherwise turn every other date round without a word.
 *
 * Proof from fewer dates than THIN_PROOF_DATES is thin when they are also fewer than 1 in THIN_PROOF_FEW_SHARE of
 * the dates whose reading depends on the order; proof from fewer than 1 in THIN_PROOF_SHARE of them is thin however
 * many dates it is. A day-first record has a day above 12 on about 19 of every 30 such dates, so a real one is thin
 * only by chance, in a record of a few days, where its own order of records then agrees with it.
 */
export const THIN_PROOF_DATES = 3;
export const THIN_PROOF_FEW_SHARE = 4;
export const THIN_PROOF_SHARE = 100;

/** Whether `proofs` dates that read only one way are thin proof among `dependent` dates that depend on the order. */
export function isThin(proofs: number, dependent: number): boolean {
  return (
    (proofs < THIN_PROOF_DATES && proofs * THIN_PROOF_FEW_SHARE < dependent) ||
    proofs * THIN_PROOF_SHARE < dependent
  );
}
