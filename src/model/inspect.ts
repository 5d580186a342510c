/**
 * The JSON of `chronolog inspect --format json`, `schemaVersion: 1`: what will be read, before any report. Kept
 * as the report's contract is (report.ts): fields are only ever added, never renamed or removed, and `chronolog
 * schema --of inspect` prints the JSON Schema made from this. Its inputs, files not read and problems are those
 * the report lists, in the same shapes.
 */
import { z } from 'zod';
import { ProblemSchema } from './problem.js';
import { IgnoredFileSchema, InputSummarySchema, OmittedLocationsSchema } from './report.js';
import { ChannelSchema, RoleSchema } from './vocabulary-schemas.js';

const Count = z.number().int().nonnegative();
const LocalTime = z.string().nullable();

/** Someone who sent records, as `report` lists them when it is not told who the subject is. */
export const ParticipantSchema = z.object({
  identifier: z.string().describe('The identifier to give to --subject or --victim'),
  names: z.array(z.string()).describe('The display names written beside it in the exports'),
  count: Count.describe('Records sent from it'),
  channels: z.array(ChannelSchema),
  role: RoleSchema.describe('As the case and the exports make it: subject, victim or other'),
});

export const InspectSchema = z.object({
  schemaVersion: z
    .literal(1)
    .optional()
    .describe(
      'The version of this contract, 1: fields are only ever added to it. Absent in the output of versions before it was added.',
    ),
  case: z.object({
    timezone: z.string(),
    timezoneSource: z.enum(['option', 'case-file', 'system']),
    region: z.string().nullable(),
    caseFile: z.string().nullable().describe('The case file used, as given or found; null when none'),
    subject: z.array(z.string()),
    victim: z.array(z.string()),
  }),
  inputs: z.array(
    InputSummarySchema.extend({
      firstLocal: LocalTime.describe(
        "The file's own first event (duplicates included), as wall-clock time in the case zone: YYYY-MM-DD HH:mm, or YYYY-MM-DD for a record that gives only its date; null when the file has no event",
      ),
      lastLocal: LocalTime.describe(
        "The file's own last event (duplicates included), written as firstLocal; null when the file has no event",
      ),
    }),
  ),
  ignoredFiles: z.array(IgnoredFileSchema),
  participants: z.array(ParticipantSchema).describe('Every sender, most records first'),
  problems: z.array(ProblemSchema),
  /** As in the report: problems beyond the per-code cap (50), counted by code. */
  problemsOmitted: z.record(z.string(), Count),
  problemsOmittedLocations: z
    .array(OmittedLocationsSchema)
    .describe('The file and locator of every problem counted in problemsOmitted, by code, severity and file'),
});
export type Inspect = z.infer<typeof InspectSchema>;
