/**
 * The escalation analysis contract: `report.escalation` (statistics.md, domain.md §2.1, §4). Every inferential
 * figure carries `status` and `reason` so a figure withheld below the minimum data sizes (statistics.md §1.9) says
 * why; undefined or infinite values are `null`, never NaN. Keys are only ever added, never renamed.
 *
 * The formatting helpers (format.ts, re-exported here) are part of the contract too (statistics.md §3): the
 * findings sentences and the text, Markdown and HTML reports all write numbers through them.
 */
import { z } from 'zod';
import { ChannelSchema, RoleSchema } from './vocabulary-schemas.js';

const Count = z.number().int().nonnegative();
const Num = z.number().nullable();
const LocalDate = z.string().describe('Local calendar date in the case zone, YYYY-MM-DD');
const Month = z.string().describe('Calendar month, YYYY-MM');
const Ci = z.tuple([Num, Num]).describe('95% interval [lower, upper]; null where unbounded or undefined');

/** Whether a figure was computed, withheld below the minimum data sizes, or cannot be computed. */
export const FigureStatusSchema = z.enum(['ok', 'below-minimum', 'not-computable']);
export type FigureStatus = z.infer<typeof FigureStatusSchema>;
const Status = { status: FigureStatusSchema, reason: z.string().nullable() };

/** One incident cited as evidence: its id (as in the chronology), times, channel and source location. */
export const EventRefSchema = z.object({
  id: z.string(),
  utc: z.string(),
  /** Local time in the case zone, to the record's precision (the date alone when only the day is known). */
  local: z.string(),
  /**
   * The record's flags that say how to read its time (model/time-flags.ts: `time-approximate`, `time-range`,
   * `time-part-of-day`, `dst-gap`…), in the order the source wrote them; absent when there are none.
   */
  timeFlags: z.array(z.string()).optional(),
  channel: ChannelSchema,
  file: z.string(),
  fileTail: z
    .string()
    .optional()
    .describe(
      'How the findings and summary sentences name `file`: the end of its path, as many whole folders as it takes for no other input path to end the same way (the file name alone when no other input has that name; the whole path when even that is not enough). Absent in reports made before it was added, whose sentences give the file name alone.',
    ),
  locator: z.string(),
});
export type EventRef = z.infer<typeof EventRefSchema>;

const ChannelCount = z.object({ channel: ChannelSchema, count: Count });

/** Count, exposure and rate of one side of a comparison. */
export const PeriodSchema = z.object({
  from: LocalDate.nullable(),
  to: LocalDate.nullable(),
  /** Exposure in days (fractional when a milestone has a time of day). */
  days: z.number().nonnegative(),
  count: Count,
  ratePerDay: Num,
  /** What ends this side: `window`, `coverage`, `milestone` or `change-point`. */
  boundedBy: z.string().nullable(),
});

/** An exact conditional Poisson rate-ratio comparison (R `poisson.test`), with the quasi-Poisson step beside it. */
export const ComparisonSchema = z.object({
  before: PeriodSchema,
  after: PeriodSchema,
  /** after rate / before rate; null when infinite (no contacts before: `ci95[0]` is "at least"). */
  rateRatio: Num,
  ci95: Ci,
  /** Two-sided exact p (R's rule). Null below the minimums. */
  p: Num,
  /** Quasi-Poisson step model, shown when its Pearson φ̂ > 1. */
  overdispersed: z
    .object({
      phi: Num,
      ci95: Ci,
      p: Num,
      shownAs: z
        .enum(['quasi', 'hull', 'inside', 'not-computable'])
        .optional()
        .describe(
          'What the findings and the text, Markdown and HTML reports give "allowing for overdispersion" beside the exact test: `quasi`, this ci95 and p as they are (the interval is at least as wide as the exact one at both ends); `hull`, the wider limit of this and the exact interval at each end, with the larger of the two p-values, said to be so (this interval is narrower than the exact one at one end); `inside`, no figures, only that it is no wider than the exact interval (this interval lies inside it); `not-computable`, no figures, as one side has no contacts, or, when both have some, as the step model leaves out a day that a time cuts and its whole days on one side have none (ci95 and p are null). Absent in reports made before it was added.',
        ),
    })
    .nullable(),
  /** Step adjusted for a linear trend: a sensitivity check, never the answer. */
  adjustedForTrend: z.object({ rateRatio: Num, ci95: Ci }).nullable(),
  ...Status,
});
export type Comparison = z.infer<typeof ComparisonSchema>;

/**
 * A rate per 7 or per 30 days. Given only when the days it is taken over are at least that many (per week from 7
 * days, per 30 days from 30): from a shorter window it would be an extrapolation ("30 per 30 days" from one visit on
 * one day). Withheld, `rate` and `ci95` are null with `status` `below-minimum` and the `reason`. `status` and
 * `reason` are absent in reports made before they were added.
 */
const RateCi = z.object({
  rate: Num,
  ci95: Ci,
  status: FigureStatusSchema.optional(),
  reason: z.string().nullable().optional(),
});
/**
 * The rate over a range of days. `perDay` is given whenever the range has a day (statistics.md §1.9: the rate a day
 * with its exact interval from 1 observed day); `perWeek` and `per30Days` only from 7 and 30 days (`RateCi`).
 */
export const RateSchema = z.object({
  from: LocalDate.nullable(),
  to: LocalDate.nullable(),
  count: Count,
  days: Count,
  daysWithContact: Count,
  perDay: Num,
  ci95: Ci,
  perWeek: RateCi,
  per30Days: RateCi,
});

const PeriodRow = {
  days: Count,
  count: Count,
  ratePerDay: Num,
  /** Fewer days in the window than the period has. */
  partial: z.boolean(),
  /** Some of its days are outside the days every export covers. */
  partialCoverage: z.boolean(),
};

/** Incidents after a date: the breach schedule for an order, a plain count otherwise. */
export const AfterDateSchema = z.object({
  breachWindow: z.boolean(),
  count: Count,
  byChannel: z.array(ChannelCount),
  first: EventRefSchema.nullable(),
  last: EventRefSchema.nullable(),
  /**
   * Incidents recorded with a date only (no time) on the day of a milestone that has a time: they may have been
   * before it or after it, and are not in `count` (a date alone is read as the start of its day). Only when > 0.
   */
  sameDayDateOnly: Count.optional(),
  countBefore: Count.optional().describe(
    'Incidents before the instant, over the same span as count: every incident of the case, the window ignored (with sameDayDateOnly and, after a request, the contacts in its own minute among them), so countBefore + count is every incident. Absent in reports made before it was recorded',
  ),
});

/**
 * A channel that limits the fully covered days (`coverage.channels[].limits`) whose exports miss days of one
 * side of a milestone comparison that could not be computed for that reason.
 */
export const SideNotCoveredSchema = z.object({
  side: z.enum(['before', 'after']),
  channel: ChannelSchema,
  files: z.array(z.string()),
  /** The side's days this channel's exports do not cover, as runs of dates. */
  missing: z.array(z.object({ from: LocalDate, to: LocalDate })),
  /** The same in words: "whatsapp export ends on 31 March 2024". */
  text: z.string(),
});

export const MilestoneAnalysisSchema = z.object({
  date: z.string(),
  label: z.string(),
  type: z.string().nullable(),
  /** The instant the "after" side starts (00:00 local for a date-only milestone). */
  startsAt: z.string(),
  startsAtLocal: z.string(),
  /**
   * Present when the milestone's local time was moved or chosen by a clock change (`dst-gap`: it did not exist,
   * read after the change; `dst-ambiguous`: it happened twice, the earlier is used), as `EventRef.timeFlags`.
   */
  startsAtTimeFlags: z.array(z.string()).optional(),
  before: PeriodSchema,
  after: PeriodSchema,
  rateRatio: Num,
  ci95: Ci,
  p: Num,
  overdispersed: ComparisonSchema.shape.overdispersed,
  adjustedForTrend: ComparisonSchema.shape.adjustedForTrend,
  ...Status,
  /** Both sides over the whole window ([window start, date) and [date, window end]), coverage ignored. */
  wholeWindow: ComparisonSchema.nullable(),
  /** Incidents after the comparison's end on days not every export covers. */
  afterUncovered: z.object({ from: LocalDate, to: LocalDate, days: Count, count: Count }).nullable(),
  /**
   * When `status` is `not-computable` because the date falls outside the days every export covers: the
   * exports that miss days of each side. Those sides are then given as counts and days only, never as rates.
   * Empty otherwise; absent in reports made before it was added.
   */
  notCovered: z.array(SideNotCoveredSchema).optional(),
  incidentsAfter: AfterDateSchema,
});
export type MilestoneAnalysis = z.infer<typeof MilestoneAnalysisSchema>;

export const CeaseRequestRowSchema = z.object({
  event: EventRefSchema,
  /** The message text around the phrase, verbatim (… where shortened; each line break as "\n"). */
  text: z.string(),
  phrase: z.string(),
  /** `subject-conversation`: in a conversation where the subject also wrote; `unknown`: no conversation named. */
  recipient: z.enum(['subject-conversation', 'unknown']),
  incidentsAfter: Count,
});

export const CeaseRequestSchema = z.object({
  phrases: z.array(z.string()),
  phrasesSource: z.enum(['built-in', 'case-file']),
  /** Outgoing victim messages with text that were searched. */
  searched: Count,
  /**
   * Whether any message in the subject's conversations (or, where an export names none, in a file with the
   * subject's contacts) could be told to be the victim's: from an identifier given with `--victim` or the case file,
   * or marked outgoing by its export. False when none could (a WhatsApp chat exported on its own and no `--victim`):
   * `searched` is then 0 because there was nothing to search, which is not "no request". Absent in reports made
   * before it was recorded.
   */
  victimIdentified: z.boolean().optional(),
  /**
   * When `victimIdentified` is false: the other senders of those conversations (neither the subject nor the
   * victim), most messages first, at most 10, as their exports name them. One of them may be the victim; naming
   * them (`--victim`) lets their messages be searched. Listed as senders only, never as the victim. Absent otherwise.
   */
  otherSenders: z.array(z.string()).optional(),
  requests: z.array(CeaseRequestRowSchema),
  first: CeaseRequestRowSchema.nullable(),
  afterFirst: AfterDateSchema.extend({
    /**
     * When the contact after the first request starts: the end of the minute (second, day) it was recorded in
     * (analysis/escalation/cease.ts, `afterRequest`), in UTC and local time to the second. Absent in reports made
     * before it was added.
     */
    startsAt: z.string().optional(),
    startsAtLocal: z.string().optional(),
    /**
     * Contacts recorded in that minute (second, day) from the request's own time on, up to `startsAt`: counted
     * before the request, since their time cannot show which came first, though some may have followed it.
     * Absent in reports made before it was added.
     */
    atRequestTime: Count.optional(),
    comparison: ComparisonSchema.extend({
      /** As for a milestone: the exports that miss days of a side when `status` is `not-computable`. */
      notCovered: z.array(SideNotCoveredSchema).optional(),
    }),
  }).nullable(),
});

export const SegmentSchema = z.object({
  from: LocalDate,
  to: LocalDate,
  days: Count,
  count: Count,
  ratePerDay: z.number(),
  ci95: Ci,
});

export const ChangePointSchema = z.object({
  /** Estimated first day of the new rate: an estimate, never tested. */
  date: LocalDate,
  rateBefore: z.number(),
  rateAfter: z.number(),
  rateRatio: Num,
});

export const ContentExampleSchema = z.object({
  event: EventRefSchema,
  term: z.string(),
  /** The message text around the match, verbatim (… where shortened; each line break as "\n"). */
  text: z.string(),
});

export const ContentCategorySchema = z.object({
  id: z.string(),
  label: z.string(),
  terms: z.array(z.string()),
  idioms: z
    .array(z.string())
    .optional()
    .describe(
      'Stock idioms in which this category\'s terms are not counted, as they threaten no one (the threats category\'s "kill them with kindness", "hurt your feelings", …): a match wholly inside an idiom is not counted, while a term elsewhere in the same text, one that runs past the idiom and a term that holds a whole idiom still count. Absent for a category without any, and in reports made before they were set aside',
    ),
  incidents: Count,
  byMonth: z.array(z.object({ month: Month, count: Count })),
  first: EventRefSchema.nullable(),
  examples: z.array(ContentExampleSchema),
});

export const SdashFactSchema = z.object({
  text: z.string(),
  /** Incidents the fact rests on (ids as in the chronology), at most 20; `more` counts the rest. */
  events: z.array(EventRefSchema),
  more: Count,
});

export const SdashItemSchema = z.object({
  number: z.number().int().min(1).max(11),
  /** The question's sense, quoted unchanged from the reference (paraphrased S-DASH wording). */
  question: z.string(),
  /**
   * The reference's own answer to "backed by computed facts?" (Yes, Partly, Diary, No…), which the reports print as
   * "can these files inform it?": given as the reference has it, except for a question whose answer rests on a
   * diary when no diary was among the files read (and, for the visit questions, no in-person incident came from
   * elsewhere): then "No (no diary among the files read)".
   */
  backedByData: z.string(),
  /** False when nothing in these files can speak to the question. */
  answerable: z.boolean(),
  facts: z.array(SdashFactSchema),
  note: z.string().nullable(),
});

export const MethodSchema = z.object({
  name: z.string(),
  description: z.string(),
  caveats: z.array(z.string()),
});

export const EscalationSchema = z.object({
  /** The unit of count: one record (message, call attempt, visit, letter) = 1. */
  unit: z.literal('records'),
  window: z.object({
    from: LocalDate.nullable(),
    to: LocalDate.nullable(),
    days: Count,
    /** `given`: case file or --from/--to; `events`: first to last day of any event in the inputs. */
    source: z.enum(['given', 'events', 'none']),
    incidentsOutside: Count,
  }),
  coverage: z.object({
    channels: z.array(
      z.object({
        channel: ChannelSchema,
        /** Days from the first to the last record of any kind, per file, merged. Null for hand-kept records. */
        spans: z.array(z.object({ from: LocalDate, to: LocalDate })),
        files: z.array(z.string()),
        handKept: z.boolean(),
        incidents: Count,
        /** Whether this channel limits the fully covered stretch (electronic, ≥ 5% of the incidents). */
        limits: z.boolean(),
      }),
    ),
    /** The longest run of window days every limiting channel covers: trend, change points and comparisons. */
    fullyCovered: z.object({ from: LocalDate, to: LocalDate, days: Count }).nullable(),
    partialDays: Count,
    exported: z
      .object({ from: LocalDate, to: LocalDate })
      .optional()
      .describe(
        "The first and the last day any export covers (each file's span, as in `channels[].spans`). Absent when only hand-kept records were read: a diary says nothing about which days were recorded.",
      ),
    notExported: z
      .array(z.object({ from: LocalDate, to: LocalDate, days: Count, incidents: Count }))
      .optional()
      .describe(
        'Runs of window days that no export covers, with the incidents on them (hand-kept records only). Such days are never covered: `rate` counts only the other window days, and the trend, change points and comparisons leave them out. Absent when every window day is covered by some export, or when no export was read.',
      ),
  }),
  rate: RateSchema,
  rateFullyCovered: RateSchema.nullable(),
  headline: z.object({
    /**
     * The last 28 fully covered days against the first 28 (shorter, at least 14, for short windows). With no day
     * that every export covers, `status` is `not-computable`: the two sides are counts and days only (covered by
     * different exports, a rate ratio would compare what was exported), with no ratio, interval or p.
     */
    rateNowVsStart: ComparisonSchema.extend({
      days: Count,
      /** As for a milestone: the exports that miss days of a side when `status` is `not-computable`. */
      notCovered: z.array(SideNotCoveredSchema).optional(),
    }),
  }),
  /** Persistence (domain.md §4.4): from the first to the last incident in the window. */
  persistence: z.object({
    first: EventRefSchema.nullable(),
    last: EventRefSchema.nullable(),
    /** Local calendar days from the first to the last incident, both included (1 to 14 March is 14 days). */
    spanDays: Count,
    daysWithContact: Count,
    /**
     * Contact persisted beyond two weeks (Purcell, Pathé & Mullen 2004): more than 14 days passed from the first
     * incident to the last, as `daysApart` measures it (not `spanDays`: 1 March 23:00 to 15 March 01:00 touches 15
     * dates but is 13 days and 2 hours). An incident with a date but no time could have been at any time of its
     * day, and every incident on the first and the last date counts (`daysApart`): true when the least time
     * exceeds 14 days, or is 14 days counted from the end of a date-only first day, which no time reaches (entries
     * dated 1 and 16 March); false when the dates alone cannot decide it (`beyondTwoWeeksDecided` false: entries
     * dated 1 and 15 March are 13 to 15 days apart).
     * Reports made before this rule tested `spanDays` > 14.
     */
    beyondTwoWeeks: z
      .boolean()
      .describe(
        'More than 14 days passed from the first incident to the last (elapsed time: the lesser of the local clock difference and of the instants, a date-only day read from its start or to its end in the case zone (across a spring clock change the clocks gain an hour that did not pass); the least time that can have passed, see daysApart, more than 14 days, or exactly 14 days from the end of a date-only first day, which no time reaches); not calendar days touched. False when the dates alone cannot decide it: see beyondTwoWeeksDecided',
      ),
    /**
     * Whether `beyondTwoWeeks` is decided. False when an incident on the first or the last date has a date but no
     * time and the time that can have passed (`daysApart`) lies on both sides of 14 days: entries dated 1 and 15
     * March, 13 to 15 days apart. `beyondTwoWeeks` is then false, meaning "not
     * known to be beyond two weeks", and the reports say it cannot be decided. Absent in reports made before it was
     * recorded, which said no in such cases.
     */
    beyondTwoWeeksDecided: z
      .boolean()
      .optional()
      .describe(
        'Whether beyondTwoWeeks is decided: false when a date-only incident on the first or the last date leaves the time between the first and the last contact on both sides of 14 days (daysApart.least under 14, or exactly 14 and reachable, and daysApart.most above it), beyondTwoWeeks then being false (not known to be beyond two weeks); absent in reports made before it was recorded',
      ),
    /**
     * At least 10 contacts over at least 4 weeks, a threshold used in stalking research (Roberts 2005), not a legal
     * test: at least 10 incidents in the window and at least 28 days passed from the first to the last, measured as
     * for `beyondTwoWeeks`.
     */
    tenOverFourWeeks: z
      .boolean()
      .describe(
        'At least 10 incidents in the window and at least 28 days passed from the first to the last (elapsed time, measured as for beyondTwoWeeks); a research threshold (Roberts 2005), not a legal test. False when the dates alone cannot decide it: see tenOverFourWeeksDecided',
      ),
    /**
     * Whether `tenOverFourWeeks` is decided: false when there are at least 10 incidents and a date-only incident on
     * the first or the last date leaves the time on both sides of 28 days (`daysApart.least` under 28,
     * `daysApart.most` above it, or exactly 28 when reachable: an undated 1 March to 29 March at 00:00), `tenOverFourWeeks` then being false (not known to be met). Absent in reports made before it was
     * recorded.
     */
    tenOverFourWeeksDecided: z
      .boolean()
      .optional()
      .describe(
        'Whether tenOverFourWeeks is decided: false when there are at least 10 incidents and a date-only incident on the first or the last date leaves the time on both sides of 28 days (daysApart.least under 28, daysApart.most above it or exactly 28 and reachable), tenOverFourWeeks then being false (not known to be met); absent in reports made before it was recorded',
      ),
    /**
     * The least and the greatest time, in days, that can have passed from the first contact to the last, counting
     * every incident on the first and the last date: the first contact at the latest at the earliest timed incident
     * of its date, else at the end of the date, and at the earliest at the start of the date if a date-only incident
     * is on it, else at that timed incident; the last contact the other way round (1 and 15 March: 13 and 15). Equal
     * when no incident on either date is date-only (the time the criteria are tested on). Elapsed time across a
     * clock change, as for `beyondTwoWeeks`. The end of a day is never reached, the start of one is. Null with no incident; absent in
     * reports made before it was recorded.
     */
    daysApart: z
      .object({ least: z.number().nonnegative(), most: z.number().nonnegative() })
      .nullable()
      .optional()
      .describe(
        'The least and the greatest time in days that can have passed from the first contact to the last, counting every incident on the first and the last date (a date-only incident at any time of its day: the first contact no later than the earliest timed incident of its date, else the end of that date; the last no earlier than the latest timed incident of its date, else the start of that date; entries dated 1 and 15 March: 13 and 15); equal when no incident on either date is date-only; elapsed time across a clock change, as for beyondTwoWeeks; null with no incident; absent in reports made before it was recorded',
      ),
  }),
  weekly: z.array(z.object({ weekStart: LocalDate, ...PeriodRow })),
  monthly: z.array(z.object({ month: Month, ...PeriodRow })),
  /** The dense daily series over the window (zero days included); `covered`: inside the fully covered days. */
  daily: z.array(z.object({ date: LocalDate, count: Count, covered: z.boolean() })),
  dispersion: z.object({
    /** s²/x̄ of the analysed daily counts (inflated by any trend or step). */
    index: Num,
    /** Pearson φ̂ of the Poisson trend model: > 1 widens the model intervals by √φ̂ (quasi-Poisson). */
    phi: Num,
    pPearson: Num.optional().describe(
      'Upper-tail p of the Pearson χ² of the Poisson trend model (φ̂·(n − 2) on n − 2 degrees of freedom): below 0.05 the daily counts vary more than a steady trend with independent contacts allows (clustered contacts, or a rate that changed in steps), and only then do the reports say so, with φ̂ given to as many decimals as show it above 1 (1.04, not 1.0, over a long series). Absent from reports made before chronolog 0.9.1.',
    ),
    overdispersed: z
      .boolean()
      .describe(
        'φ̂ > 1: the model intervals (the trend and the step models beside each comparison) were widened by √φ̂. Whether the reports call the counts overdispersed depends on pPearson as well.',
      ),
    ...Status,
  }),
  trend: z.object({
    from: LocalDate.nullable(),
    to: LocalDate.nullable(),
    mannKendall: z.object({
      series: z.enum(['daily', 'weekly']),
      n: Count,
      S: Num,
      z: Num,
      p: Num,
      tau: Num,
      /** Sen's slope: the change in contacts a day, per day (daily), or in contacts a week, per week (weekly). */
      senSlope: Num,
      senCi95: Ci,
      shareZeroPairSlopes: Num,
      zeroCounts: Count.optional().describe(
        'How many of the n counts of the series are 0: days (daily) or complete weeks (weekly) without contact. Absent in reports made before it was recorded',
      ),
      ...Status,
    }),
    poisson: z.object({
      rateRatioPer30Days: Num,
      /** SE scaled by √max(1, φ̂) (quasi-Poisson). */
      ci95: Ci,
      p: Num,
      dispersion: Num,
      /** Plain Poisson interval, too narrow when φ̂ > 1. */
      ci95Poisson: Ci,
      ...Status,
    }),
  }),
  changePoints: z.array(ChangePointSchema),
  segments: z.array(SegmentSchema),
  changePointMethod: z.object({
    penalty: z.string().nullable(),
    penaltyValue: Num,
    /** True when the penalty was multiplied by the within-segment dispersion. */
    scaled: z.boolean(),
    phiWithin: Num,
    /** Change dates of the first, unscaled MBIC pass (equal to the final ones when not scaled). */
    unscaledDates: z.array(LocalDate),
    ...Status,
  }),
  milestones: z.array(MilestoneAnalysisSchema),
  ceaseRequest: CeaseRequestSchema,
  gaps: z.object({
    episodeMinutes: z.number(),
    episodes: Count,
    gaps: Count,
    medianHours: Num,
    meanHours: Num,
    byMonth: z.array(z.object({ month: Month, gaps: Count, medianHours: Num, partialCoverage: z.boolean() })),
    trend: z.object({
      S: Num,
      z: Num,
      p: Num,
      /** Hours per episode; negative = shrinking gaps. */
      senSlope: Num,
      senCi95: Ci,
      shrinking: z.boolean().nullable(),
      ...Status,
    }),
  }),
  night: z.object({
    hours: z.string(),
    count: Count,
    eligible: Count,
    share: Num,
    ci95: Ci,
    byMonth: z.array(
      z.object({
        month: Month,
        count: Count,
        eligible: Count,
        share: Num,
        ci95: Ci,
        partialCoverage: z.boolean(),
      }),
    ),
  }),
  channelsOverTime: z.array(
    z.object({
      month: Month,
      total: Count,
      byChannel: z.array(ChannelCount),
      newChannels: z.array(ChannelSchema),
      partialCoverage: z.boolean(),
    }),
  ),
  identifierSwitchesSought: z
    .boolean()
    .optional()
    .describe(
      'Whether identifiers[].appearedAfterQuiet was looked for. False when no subject was named (--victim alone): every sender other than the victim is counted, but nothing in the case ties two of them to one person, so no identifier is said to have begun as another fell quiet and appearedAfterQuiet is null for every one. Absent in reports made before it was recorded',
    ),
  /**
   * The identifiers used inside the window, with their contacts, channels, first and last use there (reports of
   * 0.13.0 and before counted every incident of the case here, window or not).
   */
  identifiers: z
    .array(
      z.object({
        identifier: z.string(),
        role: RoleSchema,
        incidents: Count,
        channels: z.array(ChannelSchema),
        first: EventRefSchema,
        last: EventRefSchema,
        /**
         * This identifier began as an older one fell quiet: the older one was used at least twice in the 7 days
         * before this one's first use and less than a quarter as often in the 7 days from then, days its exports
         * cover. A fact about timing, never a claim that one replaced the other.
         */
        appearedAfterQuiet: z
          .object({
            identifier: z.string(),
            /** The older identifier's channels (it may be on another channel than this one). */
            channels: z.array(ChannelSchema).optional(),
            lastUseBefore: EventRefSchema,
            hoursBetween: z.number(),
            usesAfter: Count,
            lastUse: EventRefSchema,
          })
          .nullable(),
      }),
    )
    .describe(
      "The identifiers used inside the analysis window, each with its contacts, channels, first and last use there, and appearedAfterQuiet with the older identifier's usesAfter and lastUse also counted inside the window: an incident outside the window is not counted here, as in every figure of escalation (report.identifiers counts the whole case). An identifier used before the window starts is never said to have begun as another fell quiet. Reports of 0.13.0 and before counted every incident of the case here, window or not",
    ),
  bursts: z.object({
    maxInOneHour: z
      .object({ count: Count, from: z.string(), to: z.string(), first: EventRefSchema })
      .nullable(),
    maxInOneDay: z
      .object({
        date: LocalDate,
        count: Count,
        ties: Count.optional().describe(
          'How many other days of the window had as many contacts as date, the earliest of them; 0 when no other did. Absent in reports made before it was recorded',
        ),
      })
      .nullable(),
    burstiness: z.object({ B: Num, An: Num, gaps: Count, ...Status }),
  }),
  content: z.object({
    normalisation: z.string(),
    lexiconSource: z.enum(['built-in', 'built-in+case-file']),
    /**
     * Incidents in the window whose text was searched. 0 when none has text (a call log, a diary of visits, a copy
     * anonymised with --drop-text): every category then counts 0 because there was nothing to search, which is
     * not "no matches". Absent in reports made before it was recorded.
     */
    textsSearched: Count.describe(
      'Incidents in the window whose text was searched; 0 means there was no text to search (calls only, text dropped), not "no matches"',
    ).optional(),
    categories: z.array(ContentCategorySchema),
  }),
  sdash: z.array(SdashItemSchema),
  findings: z.array(z.string()),
  methods: z.array(MethodSchema),
});
export type Escalation = z.infer<typeof EscalationSchema>;
