/**
 * anonymise, like report, must not depend on the order the paths are given in: with --shift-dates the secret
 * shift is derived from the case id, which by default is the name of the first path, taken in the order inputs
 * are read (byte order), not as typed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { anonymiseCommand } from '../../src/cli/commands/anonymise.js';
import { env, KEY_A, keyFile, scratch } from './env.js';

const DEMO = 'fixtures/demo-case';
const PATHS = [`${DEMO}/sms-20240315120000.xml`, `${DEMO}/WhatsApp Chat with Sam.txt`];

/** Every file anonymise wrote, by name. */
function written(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
}

describe('anonymise with paths in another order', () => {
  it('shifts dates by the same secret weeks and writes the same bytes', async () => {
    const tmp = scratch();
    const key = keyFile(tmp, KEY_A);
    const flags = {
      keyFile: key,
      quiet: true,
      shiftDates: true,
      subject: ['Sam', '+447700900123'],
      case: `${DEMO}/case.json`,
    };
    const a = path.join(tmp, 'a');
    const b = path.join(tmp, 'b');
    await anonymiseCommand(PATHS, { ...flags, out: a } as never, env);
    await anonymiseCommand([...PATHS].reverse(), { ...flags, out: b } as never, env);
    const first = written(a);
    expect(Object.keys(first).length).toBeGreaterThan(1);
    expect(written(b)).toEqual(first);
  });
});
