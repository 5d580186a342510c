/**
 * Problems are data, never exceptions: a source or the timeline records them, and reports show them.
 * Codes are SCREAMING_SNAKE with an area prefix (INPUT_, SOURCE_ or the format, TIMELINE_, CASE_) and are stable.
 */
import { z } from 'zod';

export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

/** A record in an input: its path, as the inputs list gives it, and its locator ("line 3", "call[0] (line 3)"). */
const PlaceSchema = z.object({
  file: z.string().describe("The input's path"),
  locator: z.string().describe('The record in that file, located as the problems list locates a record'),
});

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
  alsoLogged: z
    .array(
      z.object({
        diary: PlaceSchema.describe('The diary row'),
        logged: z
          .array(PlaceSchema)
          .describe(
            'The logged records within minutes of it, on its channel and from its sender, in time order',
          ),
      }),
    )
    .optional()
    .describe(
      'DIARY_ALSO_LOGGED only: every diary row that falls within minutes of logged records, with those records, in time order (the message names the first ten). Each row and each record is counted as an incident of its own. Absent on other problems, and in reports made before it was added.',
    ),
});
export type Problem = z.infer<typeof ProblemSchema>;

/** Why a record was skipped on purpose (it is not a contact). Shown in the accounting table with counts. */
export type SkipReason = string;
