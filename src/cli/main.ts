/**
 * The entry point: parse argv, run one command, map every outcome to an exit code. The one try/catch that
 * turns known errors into messages lives here; anything else is a bug and says so.
 */
import { CommanderError } from 'commander';
import { ToolError, UsageError } from '../model/errors.js';
import { argumentsAsGiven } from './argv-bytes.js';
import { early } from './early.js';
import { detectEnvironment, type Environment } from './environment.js';
import { renderBug, renderError } from './messages.js';
import { cannotWriteStdout } from './output.js';
import { buildProgram, helpFor } from './program.js';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

export async function main(given: readonly string[]): Promise<number> {
  // Arguments that are not UTF-8 as their bytes, shown as `chat<0xE9>.txt` (argv-bytes.ts).
  const argv = argumentsAsGiven(given);
  let chosen:
    | { run: (env: Environment) => Promise<number> | number; opts: Record<string, unknown> }
    | undefined;
  // First: a worker for a large input file starts while the rest of the program does (early.ts).
  early(argv);
  const noColorFlag = argv.includes('--no-color');
  const earlyEnv = detectEnvironment(noColorFlag);
  // Whatever writes to stdout (a report, rows, help), a failed write ends the run there. A reader that stops early
  // (`chronolog timeline … | head`) closes the pipe: that is not an error, and the run ends quietly. Anything else
  // (a full disk, `> /dev/full`) is said in words, as for an --out file, never as a stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(EXIT_OK);
    process.stderr.write(renderError(cannotWriteStdout(err), earlyEnv.stderrChalk));
    process.exit(EXIT_FAILURE);
  });
  // Messages that cannot be shown (`… 2>&1 | head` after the reader stopped, `2> /dev/full`) have nowhere to be
  // reported: they are let go, and the run ends as it would have.
  process.stderr.on('error', () => {});
  const program = buildProgram((a) => {
    chosen = a;
  });
  program.exitOverride();
  program.configureOutput({
    writeOut: (s) => process.stdout.write(s),
    writeErr: (s) => process.stderr.write(s),
    outputError: (s, write) => write(`${earlyEnv.stderrChalk.red('error:')} ${s.replace(/^error: /, '')}`),
  });
  for (const cmd of program.commands) cmd.exitOverride();
  // No command is a usage error: its help goes to stderr, as every usage message does, so stdout stays for data.
  if (argv.length === 0) {
    program.outputHelp({ error: true });
    return EXIT_USAGE;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (
        err.code === 'commander.helpDisplayed' ||
        err.code === 'commander.version' ||
        err.code === 'commander.help'
      ) {
        return EXIT_OK;
      }
      process.stderr.write(`${helpFor(program, argv)}\n`);
      return EXIT_USAGE;
    }
    process.stderr.write(renderBug(err, earlyEnv.stderrChalk, argv.includes('--debug')));
    return EXIT_FAILURE;
  }
  if (!chosen) return EXIT_OK;
  const env = detectEnvironment(noColorFlag || chosen.opts['color'] === false);
  try {
    return await chosen.run(env);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(renderError(err, env.stderrChalk));
      return EXIT_USAGE;
    }
    if (err instanceof ToolError) {
      process.stderr.write(renderError(err, env.stderrChalk));
      return EXIT_FAILURE;
    }
    process.stderr.write(renderBug(err, env.stderrChalk, chosen.opts['debug'] === true));
    return EXIT_FAILURE;
  }
}
