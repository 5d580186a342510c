/**
 * Problems are data, never exceptions: a source or the timeline records them, and reports show them.
 * Codes are SCREAMING_SNAKE with an area prefix (INPUT_, SOURCE_ or the format, TIMELINE_, CASE_) and are stable.
 */
import { z } from 'zod';

export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

export const ProblemSchema = z.object({
  code: z.string(),
  /** `error`: a record or file was rejected; `warning`: kept under an assumption; `info`: worth knowing. */
  severity: SeveritySchema,
  /** Input file, as given on the command line (zip members as `archive.zip!/member`); for a CASE_ problem about
   * what the case lists, the case file the run used. */
  file: z.string().optional(),
  /** Line number, element or JSON path inside the file. */
  locator: z.string().optional(),
  message: z.string(),
  /** What the user can do about it. */
  hint: z.string().optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

/** Why a record was skipped on purpose (it is not a contact). Shown in the accounting table with counts. */
export type SkipReason = string;
