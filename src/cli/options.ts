/**
 * The options shared by the commands that read inputs, declared once as data: commander options, help text and
 * the README table all come from here.
 */
import { Option } from 'commander';

export interface OptionSpec {
  readonly flags: string;
  readonly description: string;
  readonly repeatable?: boolean;
  readonly choices?: readonly string[];
}

export const CASE_OPTIONS: readonly OptionSpec[] = [
  {
    flags: '--case <file>',
    description:
      "case file (case.json or case.yaml); a folder's own case file is used by default, and --case is needed when the paths hold more than one",
  },
  {
    flags: '--tz <zone>',
    description:
      "IANA time zone for wall-clock sources and for counting days (default: case file, else this computer's zone)",
  },
  {
    flags: '--region <CC>',
    description:
      'ISO 3166 alpha-2 country code for national phone numbers, e.g. GB (the United Kingdom; not UK)',
  },
  {
    flags: '--subject <id>',
    description: 'an identifier of the person whose conduct is reported (repeatable)',
    repeatable: true,
  },
  {
    flags: '--victim <id>',
    description: 'an identifier of the person the report is for (repeatable)',
    repeatable: true,
  },
  {
    flags: '--milestone <date=label>',
    description:
      'a dated milestone such as a police warning, the date written YYYY-MM-DD, e.g. "2024-06-01=Police warning" (repeatable)',
    repeatable: true,
  },
  {
    flags: '--date-order <order>',
    description:
      'day/month order of WhatsApp chats and diaries (always applied); of other files where they cannot tell',
    choices: ['dmy', 'mdy', 'ymd'],
  },
  {
    flags: '--format-of <glob=id>',
    description: 'force the input format of matching files (see `chronolog formats`)',
    repeatable: true,
  },
  { flags: '-q, --quiet', description: 'no progress or summary on stderr' },
  { flags: '--no-color', description: 'no colours (NO_COLOR is honoured too)' },
  { flags: '--debug', description: 'show stack traces for unexpected errors' },
];

export const WINDOW_OPTIONS: readonly OptionSpec[] = [
  { flags: '--from <date>', description: 'start of the exposure window for the statistics, YYYY-MM-DD' },
  { flags: '--to <date>', description: 'end of the exposure window, YYYY-MM-DD (not before --from)' },
];

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

/** Commander options for a list of specs. */
export function toOptions(specs: readonly OptionSpec[]): Option[] {
  return specs.map((s) => {
    const o = new Option(s.flags, s.description);
    if (s.choices) o.choices(s.choices);
    if (s.repeatable) o.argParser(collect);
    return o;
  });
}
