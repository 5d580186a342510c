/** The environment the CLI would detect on a machine without a terminal: no colour, 100 columns, zone UTC. */
import { Chalk } from 'chalk';
import type { Environment } from '../../src/cli/environment.js';

export const plainChalk = new Chalk({ level: 0 });

export const plainEnvironment: Environment = {
  stdoutChalk: plainChalk,
  stderrChalk: plainChalk,
  plainChalk,
  stdoutIsTTY: false,
  stderrIsTTY: false,
  width: 100,
  stderrWidth: 100,
  systemZone: 'UTC',
  tzdata: null,
};
