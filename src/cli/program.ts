/**
 * Commander wiring: the commands, their options (from options.ts), and help that leads with examples.
 * Actions only collect what to run; main.ts runs it, so every error goes through one exit-code mapping.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { UsageError } from '../model/errors.js';
import { reportFormats, timelineFormats } from '../reports/index.js';
import { formatArgument, formatChoices } from './format-flag.js';
import { givenOptions } from './given-options.js';
import { CASE_OPTIONS, toOptions, WINDOW_OPTIONS } from './options.js';
import { endingsHelp } from './out-format.js';
import { VERSION } from './version.js';

export type Action = (env: import('./environment.js').Environment) => Promise<number> | number;

/**
 * The exit codes of a command that reads inputs. Only `report` and `timeline` take --strict, and `inspect` needs
 * no subject (it lists the participants to choose one from), so each command's help names only what it does.
 */
function exitCodes(what: { strict: boolean; subject: boolean }): string {
  const one = what.strict
    ? `  1  an input or processing failure (nothing readable, no events, cannot write; or --strict and a record was
     rejected, a file read only in part, or another error listed)`
    : '  1  an input or processing failure (nothing readable, no events, cannot write)';
  const two = `  2  a usage error (unknown option, bad value, invalid case file${what.subject ? ', no subject named' : ''})`;
  return `
Exit codes:
  0  success
${one}
${two}`;
}

/** The program's own help and the commands that take --strict and need a subject. */
const EXIT_CODES = exitCodes({ strict: true, subject: true });

/**
 * Said under examples that read ~/exports without naming a subject: they rely on a case file there, and a user
 * trying one on a folder of exports alone would otherwise meet exit 2 without knowing why.
 */
const CASE_NOTE = `  (~/exports is your folder of exports; examples without --subject read who the subject is from its case.json,
   else add --subject ID: \`chronolog inspect ~/exports\` lists the people in them)`;

/** `--strict`, the same for every command that reads inputs into one output. */
const STRICT = 'exit 1 if any record was rejected, any file read only in part, or any error listed';

/**
 * `--excel`, for the commands that write CSV: a byte-order mark so Excel reads the file as UTF-8. Off by default,
 * as pandas and R then keep the mark in the first column's name unless told the encoding.
 */
const EXCEL = (what: string) =>
  `start ${what} with a UTF-8 byte-order mark, so Excel shows accents and emoji as written (pandas then needs encoding="utf-8-sig", R fileEncoding="UTF-8-BOM")`;

/** `--out` for a file: an empty value is a usage error, not a file that cannot be written. */
function outFile(value: string): string {
  if (value === '')
    throw new InvalidArgumentError('--out needs a file name, e.g. --out report.txt (or - for stdout).');
  return value;
}

/** `--out` for a folder. */
function outFolder(value: string): string {
  if (value === '') throw new InvalidArgumentError('--out needs a folder name, e.g. --out results');
  return value;
}

/** Where to look after a command-line error: the named command's own help, else the program's. */
export function helpFor(program: Command, argv: readonly string[]): string {
  const name = argv.find((a) => !a.startsWith('-'));
  const cmd = program.commands.find((c) => c.name() === name && name !== 'help');
  return `Run chronolog ${cmd ? `${cmd.name()} ` : ''}--help for usage and examples.`;
}

function withOptions(cmd: Command, specs: readonly import('./options.js').OptionSpec[]): Command {
  for (const o of toOptions(specs)) cmd.addOption(o);
  return cmd;
}

/** Builds the program; `setAction` receives the chosen command's runner. */
export function buildProgram(
  setAction: (a: {
    name: string;
    run: (env: import('./environment.js').Environment) => Promise<number> | number;
    opts: Record<string, unknown>;
  }) => void,
): Command {
  const program = new Command('chronolog')
    .description(
      'Turn chat, SMS, call, e-mail and diary exports into one verified timeline of unwanted contact.',
    )
    .version(VERSION, '-V, --version')
    .showSuggestionAfterError(true)
    .addHelpText(
      'after',
      `
Examples:
  $ chronolog report fixtures/demo-case
  $ chronolog report ~/exports --subject "+447700900123" --tz Europe/London
  $ chronolog report ~/exports --format html --out report.html
  $ chronolog report ~/exports --format json --out report.json
  $ chronolog timeline ~/exports --format csv --incidents-only > timeline.csv
  $ chronolog inspect ~/exports
  $ chronolog formats
${CASE_NOTE}

Privacy: chronolog runs offline (no network, no telemetry), keeps no cache or history, never writes beside
your exports, and writes files only where --out says (otherwise to the screen). See SECURITY.md.
${EXIT_CODES}`,
    );

  const report = withOptions(
    program
      .command('report')
      .description('read every export under PATHS and write one report')
      .argument('<paths...>', 'files or folders (folders are read recursively)')
      .addOption(
        // No commander default: a format not given follows the --out name (out-format.ts), so the two must be told
        // apart.
        new Option(
          '-f, --format <format>',
          `report format (default: the one the --out name ends in: ${endingsHelp('report')}; else text)`,
        )
          .choices(reportFormats.map((f) => f.id))
          .argParser(formatArgument('report')),
      )
      .option('-o, --out <file>', 'write the report to a file instead of stdout', outFile)
      .option(
        '--now <iso>',
        'the "generated at" time: a date-time with Z or an offset, or a date (00:00 UTC); SOURCE_DATE_EPOCH is honoured too',
      )
      .option('--strict', STRICT)
      .option(
        '--chronology',
        'include every incident in JSON output (HTML and Markdown always include it; the text summary has none, so it is refused there)',
      ),
    [...CASE_OPTIONS, ...WINDOW_OPTIONS],
  ).addHelpText(
    'after',
    `
Examples:
  $ chronolog report fixtures/demo-case
  $ chronolog report ~/exports --subject "+447700900123" --subject sam@example.com --region GB
  $ chronolog report ~/exports --milestone "2024-06-01=Police warning" --format html --out report.html
${CASE_NOTE}
${EXIT_CODES}`,
  );
  report.action((paths: string[], opts: Record<string, unknown>, cmd: Command) =>
    setAction({
      name: 'report',
      opts,
      run: async (env) =>
        (await import('./commands/report.js')).reportCommand(
          paths,
          { ...opts, given: givenOptions(cmd) } as never,
          env,
        ),
    }),
  );

  const timeline = withOptions(
    program
      .command('timeline')
      .description('write every event, one row each (CSV or JSON Lines)')
      .argument('<paths...>', 'files or folders')
      .addOption(
        new Option(
          '-f, --format <format>',
          `timeline format (default: the one the --out name ends in: ${endingsHelp('timeline')}; else csv)`,
        )
          .choices(timelineFormats.map((f) => f.id))
          .argParser(formatArgument('timeline')),
      )
      .option('-o, --out <file>', 'write to a file instead of stdout', outFile)
      .option('--incidents-only', 'only events sent by the subject')
      .option('--with-duplicates', 'each duplicate too, a row after the copy kept in its place, naming it')
      .option('--excel', EXCEL('the CSV'))
      .option('--strict', STRICT),
    CASE_OPTIONS,
  ).addHelpText(
    'after',
    `
The rows hold only events (with --with-duplicates, each duplicate too, after its copy kept).
Stderr lists the rest: rejected records and other problems, with what to do, and the files not read; then the
summary line report writes (records; events, kept and duplicates; skipped; rejected; incidents).
--quiet leaves all of it out; --strict exits 1 as it does for report.

Examples:
  $ chronolog timeline ~/exports --format csv > timeline.csv
  $ chronolog timeline ~/exports --excel --out timeline.csv
  $ chronolog timeline ~/exports --subject "+447700900123" --incidents-only --format jsonl
${EXIT_CODES}`,
  );
  timeline.action((paths: string[], opts: Record<string, unknown>) =>
    setAction({
      name: 'timeline',
      opts,
      run: async (env) => (await import('./commands/timeline.js')).timelineCommand(paths, opts as never, env),
    }),
  );

  const inspect = withOptions(
    program
      .command('inspect')
      .description('show what will be read: formats, records, participants, dates and problems')
      .argument('<paths...>', 'files or folders')
      .addOption(
        new Option('-f, --format <format>', 'output format')
          .choices(formatChoices('inspect'))
          .argParser(formatArgument('inspect'))
          .default('text'),
      ),
    CASE_OPTIONS,
  ).addHelpText(
    'after',
    `
Examples:
  $ chronolog inspect ~/exports
  $ chronolog inspect ~/exports --format json
${exitCodes({ strict: false, subject: false })}`,
  );
  inspect.action((paths: string[], opts: Record<string, unknown>) =>
    setAction({
      name: 'inspect',
      opts,
      run: async (env) => (await import('./commands/inspect.js')).inspectCommand(paths, opts as never, env),
    }),
  );

  program
    .command('formats')
    .description('list the supported input formats (and how to export them) and the output formats')
    .option('--json', 'machine-readable list')
    .option('--no-color', 'no colours')
    .addHelpText(
      'after',
      `
Examples:
  $ chronolog formats
  $ chronolog formats --json`,
    )
    .action((opts: { json?: boolean }) =>
      setAction({
        name: 'formats',
        opts,
        run: async (env) => (await import('./commands/formats.js')).formatsCommand(opts.json === true, env),
      }),
    );

  program
    .command('verify')
    .description(
      're-hash every input and the case file a JSON report lists; name each one changed, missing or extra, and each damaged archive member',
    )
    .argument('<report>', 'a report written with --format json')
    .option(
      '--root <dir>',
      "folder the report's relative paths are resolved from (default: the current folder); absolute paths are checked where they are",
    )
    .option(
      '--recompute',
      'also make the report again from the matching inputs, with the options it records, and compare: catches a report edited after it was made',
    )
    .option('--no-color', 'no colours')
    .addHelpText(
      'after',
      `
Extra: a file added under the report's folders, or a member added to one of its zips, that a report made now
would read; one it would not read (not a supported format, a picture in a zip) is named as not read, no failure.
Damaged: a zip member whose bytes fail the archive's own CRC-32 check. The case file is judged like an input, as
every figure depends on it. Exit 1 if anything changed, missing, extra or damaged is named, 0 if everything
matches; exit 1 too when the report cannot be read (cut short, a field missing), naming the line and column where
it can. Exit 2 for a usage error: an unknown option, or another file given in place of the JSON report (an HTML or
text report, a timeline, an export).

Examples:
  $ chronolog verify report.json
  $ chronolog verify report.json --recompute
  $ chronolog verify report.json --root /evidence/copy-of-exports/..`,
    )
    .action((report: string, opts: { root?: string; recompute?: boolean }) =>
      setAction({
        name: 'verify',
        opts,
        run: async (env) =>
          (await import('./commands/verify.js')).verifyCommand(
            report,
            opts.root,
            env,
            opts.recompute === true,
          ),
      }),
    );

  program
    .command('schema')
    .description(
      'print the JSON Schema of the report (or of one timeline row, or of inspect --format json), generated from the model',
    )
    .addOption(
      new Option('--of <what>', 'which contract')
        .choices(['report', 'timeline', 'inspect'])
        .default('report'),
    )
    .addHelpText(
      'after',
      `
Examples:
  $ chronolog schema > report.schema.json
  $ chronolog schema --of timeline
  $ chronolog schema --of inspect`,
    )
    .action((opts: { of: 'report' | 'timeline' | 'inspect' }) =>
      setAction({
        name: 'schema',
        opts,
        run: async () => (await import('./commands/schema.js')).schemaCommand(opts.of),
      }),
    );

  const anonymise = withOptions(
    program
      .command('anonymise')
      .description('write a pseudonymised copy of the timeline (JSONL + case file + manifest) for research')
      .argument('<paths...>', 'files or folders of one case')
      .option(
        '--key-file <file>',
        'the study secret (at least 32 bytes; - reads stdin); never written anywhere',
      )
      .option('-o, --out <dir>', 'output folder', outFolder)
      .option('--shift-dates', 'move all dates by a secret per-case whole number of weeks')
      .option('--drop-text', 'keep metadata only (no message text)')
      .option(
        '--case-id <id>',
        'names the case for the date shift (default: the folder name; of several paths, the first in byte order)',
      ),
    CASE_OPTIONS,
  ).addHelpText(
    'after',
    `
Examples:
  $ head -c 32 /dev/urandom | base64 > study.key
  $ chronolog anonymise ~/exports --key-file study.key --out anon/case-001
  $ chronolog report anon/case-001
${CASE_NOTE}
${exitCodes({ strict: false, subject: true })}`,
  );
  anonymise.action((paths: string[], opts: Record<string, unknown>, cmd: Command) =>
    setAction({
      name: 'anonymise',
      opts,
      run: async (env) =>
        (await import('./commands/anonymise.js')).anonymiseCommand(
          paths,
          { ...opts, given: givenOptions(cmd) } as never,
          env,
        ),
    }),
  );

  program
    .command('batch')
    .description(
      'analyse every case folder under DIR into tidy tables (cases, channels, daily, problems, errors)',
    )
    .argument('<dir>', 'a folder holding one subfolder (or link to a folder) per case')
    .option('-o, --out <dir>', 'output folder', outFolder)
    .option('--jobs <n>', 'cases in parallel (default: the number of cores)')
    .option('--shard <i/n>', 'process only shard I of N (by a hash of the case name)')
    .option(
      '--tz <zone>',
      "IANA time zone of the cases whose case file names none (default: this computer's zone; cases.csv says which)",
    )
    .option('--resume', 'skip cases whose outputs exist and whose inputs have not changed')
    .option('--excel', EXCEL('each CSV table'))
    .option('-q, --quiet', 'no progress or summary on stderr')
    .addHelpText(
      'after',
      `
Examples:
  $ chronolog batch cases/ --out results/
  $ chronolog batch cases/ --out results/ --tz Europe/London
  $ chronolog batch cases/ --out results-3/ --shard 3/8 --jobs 4
  $ chronolog merge results-*/ --out results/

Exit codes:
  0  at least one case was analysed (or left unchanged by --resume), or a --shard that none of the cases falls in;
     cases that failed are listed in errors.csv
  1  every case tried failed (the tables are still written, errors.csv says why), the tables cannot be written,
     DIR holds no case folder (empty, or only links that cannot be followed), or DIR is one case given in place
     of the folder of cases (it holds a case file, or files and no subfolder)
  2  a usage error (unknown option, bad value, an --out that is DIR or a case folder)`,
    )
    .action((dir: string, opts: Record<string, unknown>) =>
      setAction({
        name: 'batch',
        opts,
        run: async (env) => (await import('./commands/batch.js')).batchCommand(dir, opts as never, env),
      }),
    );

  program
    .command('merge')
    .description('combine the outputs of sharded batch runs into one set')
    .argument('<dirs...>', 'batch output folders')
    .option('-o, --out <dir>', 'output folder', outFolder)
    .option('--excel', EXCEL('each CSV table'))
    .option('-q, --quiet', 'no summary on stderr')
    .addHelpText(
      'after',
      `
Examples:
  $ chronolog batch cases/ --out results-1/ --shard 1/2
  $ chronolog batch cases/ --out results-2/ --shard 2/2
  $ chronolog merge results-1/ results-2/ --out results/

Exit codes:
  0  merged
  1  a folder is no batch output (or holds the tables without their cases/ folder), holds cases an earlier
     version analysed (run its batch command again with --resume), two folders disagree on a case, or the output
     cannot be written; nothing is written then
  2  a usage error (unknown option, no --out)`,
    )
    .action((dirs: string[], opts: Record<string, unknown>) =>
      setAction({
        name: 'merge',
        opts,
        run: async (env) => (await import('./commands/merge.js')).mergeCommand(dirs, opts as never, env),
      }),
    );

  // Our own `help [command]`, so an unknown name is a usage error (exit 2) rather than the full help with exit 0.
  program.helpCommand(false);
  program
    .command('help')
    .description('display help for command')
    .argument('[command]', 'the command to explain')
    .action((name: string | undefined) =>
      setAction({
        name: 'help',
        opts: {},
        run: () => {
          const cmd = program.commands.find((c) => c.name() === name && name !== 'help');
          if (name !== undefined && !cmd) {
            throw new UsageError(
              'USAGE_UNKNOWN_COMMAND',
              `unknown command '${name}'`,
              `The commands are ${program.commands
                .map((c) => c.name())
                .filter((n) => n !== 'help')
                .join(', ')}. Run chronolog --help for usage and examples.`,
            );
          }
          (cmd ?? program).outputHelp();
          return 0;
        },
      }),
    );

  return program;
}
