/**
 * The case file (`case.json` or `case.yaml`): whose report it is, who is reported, the zone and the milestones.
 * Validated with zod; every bad field is reported with its path.
 */
import { z } from 'zod';
import { DATE_RE, isRealDate, isValidTimeZone } from './dates.js';

export { isRealDate, isValidTimeZone } from './dates.js';

const isDateOnly = (s: string | undefined): s is string =>
  s !== undefined && DATE_RE.test(s) && isRealDate(s);

const DateOnly = z.string().refine(isDateOnly, {
  message: 'must be a real date written YYYY-MM-DD',
});
const DateOrDateTime = z.string().refine(isRealDate, {
  message: 'must be a real date YYYY-MM-DD or date-time YYYY-MM-DDTHH:mm[:ss][offset]',
});

export const PersonSchema = z
  .object({
    name: z.string().optional(),
    /** Every phone number, address, account id, handle and display name the person uses. */
    identifiers: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type Person = z.infer<typeof PersonSchema>;

export const MilestoneSchema = z
  .object({
    /** A date-only milestone starts its "after" window at 00:00 local time on that date. */
    date: DateOrDateTime,
    label: z.string().min(1),
    /** What sort of milestone; `order` adds breach-window lines to the report. */
    type: z.enum(['warning', 'report', 'order', 'arrest', 'other']).optional(),
  })
  .strict();
export type Milestone = z.infer<typeof MilestoneSchema>;

export const CaseFileSchema = z
  .object({
    title: z.string().optional(),
    timezone: z
      .string()
      .refine(isValidTimeZone, { message: 'must be an IANA time zone such as Europe/London' })
      .optional(),
    /** Upper-cased (`gb` is `GB`); whether libphonenumber-js knows the region is checked by the CLI. */
    region: z
      .string()
      .regex(/^[A-Za-z]{2}$/, 'must be a two-letter ISO 3166 alpha-2 code such as GB')
      .transform((s) => s.toUpperCase())
      .optional(),
    victim: PersonSchema.optional(),
    subject: PersonSchema.optional(),
    milestones: z.array(MilestoneSchema).default([]),
    /** The exposure window for the statistics; defaults to the first to the last day of any event. */
    window: z
      .object({ from: DateOnly.optional(), to: DateOnly.optional() })
      .strict()
      .superRefine((w, ctx) => {
        // A reversed window leaves the statistics no days at all: the escalation section would vanish.
        if (isDateOnly(w.from) && isDateOnly(w.to) && w.from > w.to) {
          ctx.addIssue({
            code: 'custom',
            message: `from ${w.from} is after to ${w.to}: the window must start on or before the day it ends`,
          });
        }
      })
      .optional(),
    /** Phrases that count as the victim asking for contact to stop (replace the built-in list). */
    ceasePhrases: z.array(z.string().min(1)).optional(),
    /** Content lexicon: extra terms per category, or `replace: true` to use only these. */
    lexicon: z
      .record(
        z.string(),
        z.union([
          z.array(z.string().min(1)),
          z.object({ terms: z.array(z.string().min(1)), replace: z.boolean() }),
        ]),
      )
      // A category's id is what the timeline's lexicon column names, the ids joined with ';' in CSV.
      .superRefine((lexicon, ctx) => {
        for (const id of Object.keys(lexicon)) {
          if (id === '' || id.includes(';')) {
            ctx.addIssue({
              code: 'custom',
              path: [id],
              message:
                "a category's name may not be empty or contain ';', which separates the names in the timeline's lexicon column",
            });
          }
        }
      })
      .optional(),
  })
  .strict();
export type CaseFile = z.infer<typeof CaseFileSchema>;

/** The case after merging the case file with command-line flags: what every stage reads. */
export interface ResolvedCase {
  readonly title: string | undefined;
  readonly timezone: string;
  readonly timezoneSource: 'option' | 'case-file' | 'system';
  readonly region: string | undefined;
  readonly subject: { readonly name: string | undefined; readonly identifiers: readonly string[] };
  readonly victim: { readonly name: string | undefined; readonly identifiers: readonly string[] };
  readonly milestones: readonly Milestone[];
  readonly window: { readonly from: string | undefined; readonly to: string | undefined };
  readonly ceasePhrases: readonly string[] | undefined;
  readonly lexicon: CaseFile['lexicon'];
  readonly caseFile: { readonly path: string; readonly sha256: string } | undefined;
}
