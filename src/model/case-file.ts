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

/**
 * A lexicon category's name, which the timeline's lexicon column writes (joined with ';' in CSV) and the
 * chronologies show: a plain name, so that it reads the same in every row and every format. It starts with a
 * letter or digit (a leading = + - @ would get the spreadsheet guard's apostrophe only where it comes first in
 * the cell), has no ';', tab, line break or invisible character (default-ignorable code points such as U+202E or
 * a Hangul filler, which count as letters or marks), and does not end in a space. The built-in ids pass.
 */
const CATEGORY_NAME =
  /^(?!.*\p{Default_Ignorable_Code_Point})[\p{L}\p{N}](?:[\p{L}\p{M}\p{N} ._-]*[\p{L}\p{M}\p{N}._-])?$/u;
/** Whether a case file may name a lexicon category so (see CATEGORY_NAME). */
export const isLexiconCategoryName = (name: string): boolean => CATEGORY_NAME.test(name);
const CATEGORY_NAME_RULE =
  "a category's name must start with a letter or digit and hold only letters, accents, digits, spaces, '-', '_' and '.', not ending in a space (e.g. death-threats): the timeline's lexicon column lists the names, joined with ';'";

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
      .unknown()
      // The names are checked on the object as read: the record below drops a key `__proto__` without a word.
      .superRefine((lexicon, ctx) => {
        if (lexicon === null || typeof lexicon !== 'object' || Array.isArray(lexicon)) return;
        for (const id of Object.keys(lexicon)) {
          if (!isLexiconCategoryName(id)) {
            ctx.addIssue({ code: 'custom', path: [id], message: CATEGORY_NAME_RULE });
          }
        }
      })
      .and(
        z.record(
          z.string(),
          z.union([
            z.array(z.string().min(1)),
            z.object({ terms: z.array(z.string().min(1)), replace: z.boolean() }),
          ]),
        ),
      )
      .optional(),
  })
  .strict();
export type CaseFile = z.infer<typeof CaseFileSchema>;

/** The subject or the victim of a resolved case. */
export interface CasePerson {
  readonly name: string | undefined;
  readonly identifiers: readonly string[];
  /**
   * How many of `identifiers`, from the first, the case file gives; the rest were given with `--subject` or
   * `--victim`. Absent: none came from a case file. Hints say to change an identifier where it was given.
   */
  readonly fromCaseFile?: number;
}

/** The case after merging the case file with command-line flags: what every stage reads. */
export interface ResolvedCase {
  readonly title: string | undefined;
  readonly timezone: string;
  readonly timezoneSource: 'option' | 'case-file' | 'system';
  readonly region: string | undefined;
  readonly subject: CasePerson;
  readonly victim: CasePerson;
  readonly milestones: readonly Milestone[];
  readonly window: { readonly from: string | undefined; readonly to: string | undefined };
  readonly ceasePhrases: readonly string[] | undefined;
  readonly lexicon: CaseFile['lexicon'];
  readonly caseFile: { readonly path: string; readonly sha256: string } | undefined;
}
