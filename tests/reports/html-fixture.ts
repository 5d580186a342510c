/**
 * Reports built by hand for the HTML tests: a small consistent case, and a hostile variant in which every string
 * the page shows (title, names, identifiers, file names, message text, milestone labels, problem messages,
 * escalation keys and values) tries to inject markup, scripts, styles, URLs or bidi reordering. Both are checked
 * against the Report schema, so they follow the contract as it grows — except `escalation`, whose schema is
 * still gaining fields: the fixture carries the fields the page reads, and is attached after the check.
 */
import { type Report, ReportSchema } from '../../src/model/index.js';

/** Message text written to break out of every context a string can land in. */
export const HOSTILE = {
  img: '<img src=x onerror=alert(1)>',
  script: '</script><script>alert(2)</script>',
  attr: '" onmouseover="alert(3)" x="',
  style: '</style><style>body{display:none}</style>',
  svg: '<svg onload=alert(5)>',
  url: 'http://tracker.example.com/pixel.png',
  bidi: 'invoice\u202Etxt.exe',
  esc: '\u001b[31mred\u001b[0m',
  entity: '&lt;b&gt;not bold&lt;/b&gt;',
  comment: '<!-- --><iframe src="https://evil.example.org/">',
} as const;

function daily(dates: [string, Partial<Record<string, number>>][]): Report['incidents']['daily'] {
  return dates.map(([date, byChannel]) => ({
    date,
    count: Object.values(byChannel).reduce((a: number, b) => a + (b ?? 0), 0),
    byChannel,
  }));
}

/** Seven days, five incidents on three channels from two identifiers, two milestones. */
export function baseReport(): Report {
  const hourByWeekday = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  hourByWeekday[0]![9] = 2; // Monday 09:xx
  hourByWeekday[2]![23] = 1; // Wednesday 23:xx
  hourByWeekday[6]![2] = 1; // Sunday 02:xx
  const report: Report = {
    schemaVersion: 1,
    generator: { name: 'chronolog', version: '9.9.9' },
    generatedAt: '2024-07-01T09:00:00.000Z',
    run: { paths: ['case'], options: { tz: 'Europe/London' } },
    case: {
      title: 'Test case',
      timezone: 'Europe/London',
      timezoneSource: 'option',
      tzdata: '2025c',
      region: 'GB',
      caseFile: null,
      subject: { name: 'Sam Carter', identifiers: ['+447700900123'] },
      victim: { name: 'Alex Morgan', identifiers: ['+447700900001'] },
      milestones: [
        { date: '2024-03-05', label: 'Police warning', type: 'warning' },
        { date: '2024-03-20', label: 'Order served (after the period)', type: 'order' },
      ],
    },
    inputs: [
      {
        path: 'case/sms.xml',
        sha256: 'a'.repeat(64),
        bytes: 2048,
        format: 'sms-backup-xml',
        records: 6,
        events: 6,
        kept: 5,
        duplicates: 1,
        skipped: 0,
        rejected: 0,
        skippedReasons: {},
        rejectedReasons: {},
        incomplete: false,
      },
      {
        path: 'case/diary.csv',
        sha256: 'b'.repeat(64),
        bytes: 300,
        format: 'csv-diary',
        records: 3,
        events: 1,
        kept: 1,
        duplicates: 0,
        skipped: 1,
        rejected: 1,
        skippedReasons: { 'blank-row': 1 },
        rejectedReasons: { DIARY_BAD_DATE: 1 },
        incomplete: false,
      },
    ],
    ignoredFiles: [{ path: 'case/notes.txt', reason: 'not a supported export format' }],
    accounting: {
      files: 2,
      records: 9,
      events: 7,
      kept: 6,
      duplicates: 1,
      skipped: 1,
      rejected: 1,
      incidents: 5,
    },
    identifiers: [
      {
        identifier: '+447700900123',
        role: 'subject',
        incidents: 4,
        first: '2024-03-04T09:10:00.000Z',
        last: '2024-03-10T02:30:00.000Z',
        firstLocal: '2024-03-04 09:10',
        lastLocal: '2024-03-10 02:30',
        channels: ['call', 'sms'],
        names: ['Sam'],
      },
      {
        identifier: '(subject, as recorded)',
        role: 'subject',
        incidents: 1,
        first: '2024-03-06T23:15:00.000Z',
        last: '2024-03-06T23:15:00.000Z',
        firstLocal: '2024-03-06 23:15',
        lastLocal: '2024-03-06 23:15',
        channels: ['in-person'],
        names: [],
      },
    ],
    incidents: {
      total: 5,
      byChannel: { sms: 2, call: 2, 'in-person': 1 },
      byKind: { message: 2, call: 2, visit: 1 },
      byCallStatus: { missed: 2 },
      byIdentifier: { '+447700900123': 4, '(subject, as recorded)': 1 },
      first: '2024-03-04T09:10:00.000Z',
      last: '2024-03-10T02:30:00.000Z',
      firstLocal: '2024-03-04 09:10',
      lastLocal: '2024-03-10 02:30',
      daily: daily([
        ['2024-03-04', { sms: 1, call: 1 }],
        ['2024-03-05', {}],
        ['2024-03-06', { 'in-person': 1 }],
        ['2024-03-07', {}],
        ['2024-03-08', {}],
        ['2024-03-09', {}],
        ['2024-03-10', { sms: 1, call: 1 }],
      ]),
      daysWithContact: 3,
      maxPerDay: { date: '2024-03-04', count: 2 },
      night: { count: 1, eligible: 4, share: 0.25 },
      longestStreak: { days: 1, from: '2024-03-04', to: '2024-03-04' },
      longestGap: { days: 3, from: '2024-03-07', to: '2024-03-09' },
      weekly: [{ weekStart: '2024-03-04', days: 7, count: 5, partial: false }],
      hourByWeekday,
    },
    problems: [
      {
        code: 'DIARY_BAD_DATE',
        severity: 'error',
        file: 'case/diary.csv',
        locator: 'line 3',
        message: 'cannot read the date "31/02/2024"',
        hint: 'Correct the date in the diary',
      },
    ],
    problemsOmitted: {},
    problemsOmittedLocations: [],
  };
  return ReportSchema.parse(report);
}

const row = (
  k: number,
  local: string,
  channel: string,
  kind: string,
  text: string | null,
  file: string,
  extra: Partial<NonNullable<Report['chronology']>[number]> = {},
) => ({
  id: `${k.toString(16).padStart(16, '0')}`,
  utc: `${local.replace(' ', 'T')}:00.000Z`,
  local,
  channel,
  kind,
  callStatus: null,
  callDurationSec: null,
  sender: '+447700900123',
  senderName: 'Sam',
  text,
  file,
  locator: `line ${k}`,
  flags: [],
  details: null,
  lexicon: [],
  ...extra,
});

const ref = (id: string, local: string, channel: string, file: string, locator: string) => ({
  id,
  utc: `${local.replace(' ', 'T')}:00.000Z`,
  local,
  channel,
  file,
  locator,
});

const period = (from: string, to: string, days: number, count: number, boundedBy: string) => ({
  from,
  to,
  days,
  count,
  ratePerDay: count / days,
  boundedBy,
});

const rate = (count: number, days: number) => ({
  from: '2024-03-04',
  to: '2024-03-10',
  count,
  days,
  daysWithContact: 3,
  perDay: count / days,
  ci95: [0.23, 1.67],
  perWeek: { rate: 5, ci95: [1.6, 11.7] },
  per30Days: { rate: 21.4, ci95: [7, 50] },
});

/**
 * A small escalation object as the analysis writes it (schema-checked by the caller). `strings` lets the hostile
 * report put hostile text in every string field the page shows.
 */
function escalation(finding: string, strings: Partial<typeof HOSTILE>, linkedId: string): unknown {
  const h = { img: 'a', script: 'b', attr: 'c', style: 'd', svg: 'e', esc: 'f', ...strings };
  const sms = ref(linkedId, '2024-03-10 02:30', 'sms', 'case/sms.xml', `sms[4] ${h.attr}`);
  const first = ref('0000000000000001', '2024-03-04 09:10', 'sms', 'case/sms.xml', 'line 1');
  // The victim's request to stop: a message the victim sent, so not an incident and no row of the chronology.
  const request = ref('00000000000000a0', '2024-03-04 09:10', 'sms', 'case/sms.xml', 'line 7');
  const withheld = { status: 'below-minimum', reason: `only 7 days ${h.style}` };
  return {
    unit: 'records',
    window: { from: '2024-03-04', to: '2024-03-10', days: 7, source: 'given', incidentsOutside: 0 },
    coverage: {
      channels: [
        {
          channel: 'sms',
          spans: [{ from: '2024-03-01', to: '2024-03-10' }],
          files: ['case/sms.xml'],
          handKept: false,
          incidents: 2,
          limits: true,
        },
        { channel: 'in-person', spans: [], files: [], handKept: true, incidents: 1, limits: false },
      ],
      fullyCovered: { from: '2024-03-04', to: '2024-03-09', days: 6 },
      partialDays: 1,
    },
    rate: rate(5, 7),
    rateFullyCovered: rate(3, 6),
    headline: {
      rateNowVsStart: {
        before: period('2024-03-04', '2024-03-06', 3, 3, 'fully covered days'),
        after: period('2024-03-07', '2024-03-09', 3, 0, 'fully covered days'),
        rateRatio: null,
        ci95: [null, null],
        p: null,
        overdispersed: null,
        adjustedForTrend: null,
        ...withheld,
        days: 3,
      },
    },
    persistence: {
      first,
      last: sms,
      spanDays: 7,
      daysWithContact: 3,
      beyondTwoWeeks: false,
      tenOverFourWeeks: false,
    },
    weekly: [
      {
        weekStart: '2024-03-04',
        days: 7,
        count: 5,
        ratePerDay: 5 / 7,
        partial: false,
        partialCoverage: true,
      },
    ],
    monthly: [
      { month: '2024-03', days: 7, count: 5, ratePerDay: 5 / 7, partial: true, partialCoverage: true },
    ],
    dispersion: { index: 1.2, phi: 1.1, overdispersed: true, status: 'ok', reason: null },
    trend: {
      from: '2024-03-04',
      to: '2024-03-09',
      mannKendall: {
        series: 'daily',
        n: 6,
        S: -3,
        z: -0.5,
        p: 0.62,
        tau: -0.2,
        senSlope: 0,
        senCi95: [-0.5, 0.3],
        shareZeroPairSlopes: 0.4,
        ...withheld,
      },
      poisson: {
        rateRatioPer30Days: 2.345678,
        ci95: [1.5, 3.9],
        p: 0.0000123,
        dispersion: 1.1,
        ci95Poisson: [1.6, 3.5],
        status: 'ok',
        reason: null,
      },
    },
    changePoints: [{ date: '2024-03-06', rateBefore: 1, rateAfter: 0.5, rateRatio: 0.5 }],
    segments: [
      { from: '2024-03-04', to: '2024-03-05', days: 2, count: 2, ratePerDay: 1, ci95: [0.12, 3.6] },
      { from: '2024-03-06', to: '2024-03-09', days: 4, count: 1, ratePerDay: 0.25, ci95: [0.006, 1.4] },
    ],
    changePointMethod: {
      penalty: 'MBIC',
      penaltyValue: 5.1,
      scaled: false,
      phiWithin: 1,
      unscaledDates: [],
      status: 'ok',
      reason: null,
    },
    milestones: [
      {
        date: '2024-03-05',
        label: 'Police warning',
        type: 'warning',
        startsAt: '2024-03-05T00:00:00.000Z',
        startsAtLocal: '2024-03-05 00:00',
        before: period('2024-03-04', '2024-03-04', 1, 2, 'window'),
        after: period('2024-03-05', '2024-03-09', 5, 1, 'coverage'),
        rateRatio: 0.1,
        ci95: [0.002, 1.9],
        p: 0.0871234,
        overdispersed: { phi: 1.3, ci95: [0.001, 2.4], p: 0.12 },
        adjustedForTrend: null,
        status: 'ok',
        reason: null,
        wholeWindow: null,
        afterUncovered: { from: '2024-03-10', to: '2024-03-10', days: 1, count: 2 },
        incidentsAfter: {
          breachWindow: false,
          count: 3,
          byChannel: [{ channel: 'sms', count: 1 }],
          first: first,
          last: sms,
        },
      },
    ],
    ceaseRequest: {
      phrases: ['stop contacting me'],
      phrasesSource: 'built-in',
      searched: 2,
      requests: [
        {
          event: request,
          text: `Stop contacting me ${h.img}`,
          phrase: 'stop contacting me',
          recipient: 'unknown',
          incidentsAfter: 4,
        },
      ],
      first: {
        event: request,
        text: `Stop contacting me ${h.img}`,
        phrase: 'stop contacting me',
        recipient: 'unknown',
        incidentsAfter: 4,
      },
      afterFirst: {
        breachWindow: false,
        count: 4,
        byChannel: [{ channel: 'sms', count: 2 }],
        first: sms,
        last: sms,
        comparison: {
          before: period('2024-03-04', '2024-03-04', 0.4, 1, 'window'),
          after: period('2024-03-04', '2024-03-09', 5.6, 2, 'coverage'),
          rateRatio: null,
          ci95: [null, null],
          p: null,
          overdispersed: null,
          adjustedForTrend: null,
          ...withheld,
        },
      },
    },
    gaps: {
      episodeMinutes: 30,
      episodes: 4,
      gaps: 3,
      medianHours: 40,
      meanHours: 50,
      byMonth: [{ month: '2024-03', gaps: 3, medianHours: 40, partialCoverage: true }],
      trend: {
        S: null,
        z: null,
        p: null,
        senSlope: null,
        senCi95: [null, null],
        shrinking: null,
        ...withheld,
      },
    },
    night: {
      hours: '00:00–05:59',
      count: 1,
      eligible: 4,
      share: 0.25,
      ci95: [0.006, 0.81],
      byMonth: [
        { month: '2024-03', count: 1, eligible: 4, share: 0.25, ci95: [0.006, 0.81], partialCoverage: true },
      ],
    },
    channelsOverTime: [
      {
        month: '2024-03',
        total: 5,
        byChannel: [{ channel: 'sms', count: 2 }],
        newChannels: [],
        partialCoverage: true,
      },
    ],
    identifiers: [
      {
        identifier: `+447700900123 ${h.svg}`,
        role: 'subject',
        incidents: 4,
        channels: ['sms', 'call'],
        first,
        last: sms,
        appearedAfterQuiet: {
          identifier: h.attr,
          lastUseBefore: first,
          hoursBetween: 1.25,
          usesAfter: 1,
          lastUse: sms,
        },
      },
    ],
    bursts: {
      maxInOneHour: { count: 2, from: '2024-03-04 09:10', to: '2024-03-04 09:40', first },
      maxInOneDay: { date: '2024-03-04', count: 2 },
      burstiness: { B: 0.1, An: 0.12, gaps: 4, status: 'ok', reason: null },
    },
    content: {
      normalisation: 'lower case',
      lexiconSource: 'built-in',
      categories: [
        {
          id: 'threats',
          label: `Threats ${h.svg}`,
          terms: ['regret'],
          incidents: 1,
          byMonth: [{ month: '2024-03', count: 1 }],
          first: sms,
          examples: [{ event: sms, term: 'regret', text: `You'll regret this ${h.script}` }],
        },
        {
          id: 'sexual',
          label: 'Sexual content',
          terms: ['x'],
          incidents: 0,
          byMonth: [],
          first: null,
          examples: [],
        },
      ],
    },
    sdash: [
      {
        number: 7,
        question: `Third parties ${h.img}`,
        backedByData: 'Yes',
        answerable: true,
        facts: [{ text: `Called the mother ${h.script}`, events: [sms], more: 3 }],
        note: `Read in context ${h.attr}`,
      },
      {
        number: 1,
        question: 'Is the person very frightened?',
        backedByData: 'No',
        answerable: false,
        facts: [],
        note: null,
      },
    ],
    findings: [finding, `Second finding ${h.script}`],
    methods: [
      {
        name: `Rates ${h.img}`,
        description: 'Exact Poisson intervals.',
        caveats: [`Counts only what the files hold ${h.attr}`],
      },
    ],
  };
}

/** The base report with the escalation analysis (plain strings). */
/** Schema check of everything but the escalation object, which is attached unchecked (see the header). */
function checked(r: Report): Report {
  const { escalation: e, ...rest } = r;
  const out = ReportSchema.parse(rest);
  return e === undefined ? out : { ...out, escalation: e };
}

export function reportWithEscalation(): Report {
  const r = reportWithChronology();
  r.escalation = escalation('Contact on 3 of the 7 days.', {}, r.chronology![4]!.id) as Report['escalation'];
  return checked(r);
}

/** The base report with its chronology annex (what `--format html` gets). */
export function reportWithChronology(): Report {
  const r = baseReport();
  r.chronology = ReportSchema.shape.chronology.parse([
    row(1, '2024-03-04 09:10', 'sms', 'message', 'Call me back', 'case/sms.xml'),
    row(2, '2024-03-04 09:40', 'call', 'call', null, 'case/sms.xml', { callStatus: 'missed' }),
    row(
      3,
      '2024-03-06 23:15',
      'in-person',
      'visit',
      'Waiting outside the house\nfor an hour',
      'case/diary.csv',
      {
        sender: '(subject, as recorded)',
        senderName: null,
        flags: ['time-approximate'],
        details: {
          location: 'Home (new flat)',
          witnesses: 'Jess',
          reported: 'yes',
          police_ref: '41/25502/24',
        },
      },
    ),
    row(4, '2024-03-10 02:10', 'call', 'call', null, 'case/sms.xml', { callStatus: 'missed' }),
    row(5, '2024-03-10 02:30', 'sms', 'message', 'Answer me', 'case/sms.xml'),
  ]);
  return ReportSchema.parse(r);
}

/** Every shown string hostile; escalation with findings and S-DASH facts present. */
export function hostileReport(): Report {
  const r = reportWithChronology();
  const all = Object.values(HOSTILE).join(' ');
  r.case.title = `Case ${HOSTILE.script} ${HOSTILE.style}`;
  r.case.subject = {
    name: `Sam ${HOSTILE.svg} ${HOSTILE.bidi}`,
    identifiers: [HOSTILE.img, '+447700900123'],
  };
  r.case.victim = { name: HOSTILE.attr, identifiers: [HOSTILE.url] };
  r.case.milestones[0]!.label = `Warning ${HOSTILE.img} ${HOSTILE.attr}`;
  r.case.caseFile = { path: `case/${HOSTILE.attr}.json`, sha256: 'c'.repeat(64) };
  r.run = {
    paths: [`case/${HOSTILE.comment}`],
    options: { subject: HOSTILE.script, milestone: [HOSTILE.img] },
  };
  r.inputs[0]!.path = `case/${HOSTILE.img}${HOSTILE.bidi}.xml`;
  r.inputs[0]!.skippedReasons = { [HOSTILE.svg]: 1 };
  r.ignoredFiles = [{ path: `case/${HOSTILE.style}`, reason: HOSTILE.esc }];
  r.identifiers[0]!.identifier = `${HOSTILE.img}${HOSTILE.bidi}`;
  r.identifiers[0]!.names = [HOSTILE.attr, HOSTILE.svg];
  r.problems[0]!.message = all;
  r.problems[0]!.file = HOSTILE.comment;
  r.problems[0]!.hint = HOSTILE.script;
  const chronology = r.chronology!;
  for (const [k, e] of chronology.entries()) {
    e.file = k === 0 ? `case/${HOSTILE.img}${HOSTILE.bidi}.xml` : e.file;
    e.sender = k === 1 ? HOSTILE.svg : e.sender;
    e.senderName = k === 1 ? HOSTILE.attr : e.senderName;
    e.locator = k === 2 ? HOSTILE.attr : e.locator;
  }
  chronology[0]!.text = HOSTILE.img;
  chronology[3]!.text = all;
  chronology[4]!.text = `${HOSTILE.esc} ${HOSTILE.bidi} you can't hide`;
  chronology[4]!.id = `"><script>alert(6)</script>`;
  // A category of the report (its label hostile) and one it does not name (shown as its id).
  chronology[4]!.lexicon = ['threats', HOSTILE.img];
  chronology[2]!.flags = [HOSTILE.img];
  chronology[2]!.details = { location: HOSTILE.script, [HOSTILE.attr]: HOSTILE.bidi };
  r.escalation = escalation(
    `Contact rose ${HOSTILE.img}`,
    HOSTILE,
    chronology[4]!.id,
  ) as Report['escalation'];
  return checked(r);
}
