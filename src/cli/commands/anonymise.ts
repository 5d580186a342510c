/**
 * `chronolog anonymise PATHS --key-file KEY --out OUTDIR [--shift-dates] [--drop-text]`: the case's timeline as
 * pseudonymised JSONL (OUTDIR/timeline.jsonl), a case file with pseudonymised identifiers (case.json) and a
 * manifest of what was done (manifest.json). The key is read from a file (never a flag or the environment,
 * which leak through `ps` and shell history) and is never written anywhere.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../../model/index.js';
import { anonymiseCase, MIN_KEY_BYTES, Pseudonymiser } from '../../timeline/anonymise/index.js';
import type { Environment } from '../environment.js';
import { fileSink } from '../output.js';
import { type ReadFlags, readInputs } from '../read.js';
import { VERSION } from '../version.js';

export interface AnonymiseFlags extends ReadFlags {
  readonly keyFile?: string;
  readonly out?: string;
  readonly shiftDates?: boolean;
  readonly dropText?: boolean;
  readonly caseId?: string;
}

/** Reads the study key: the file's bytes, less one trailing line break (editors add one). */
export async function readKey(keyFile: string | undefined): Promise<Uint8Array> {
  if (keyFile === undefined) {
    throw new UsageError(
      'USAGE_NO_KEY',
      'anonymise needs a secret key: --key-file FILE',
      `Make one once per study and keep it apart from the data, e.g. head -c ${MIN_KEY_BYTES} /dev/urandom | base64 > study.key`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = keyFile === '-' ? await readStdin() : await readFile(keyFile);
  } catch (err) {
    throw new UsageError(
      'USAGE_KEY_UNREADABLE',
      `cannot read the key file ${keyFile} (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
      'Check the path given to --key-file.',
    );
  }
  let end = bytes.length;
  if (bytes[end - 1] === 0x0a) end--;
  if (bytes[end - 1] === 0x0d) end--;
  const key = bytes.subarray(0, end);
  if (key.length < MIN_KEY_BYTES) {
    throw new UsageError(
      'USAGE_KEY_TOO_SHORT',
      `the key in ${keyFile} is ${key.length} bytes; at least ${MIN_KEY_BYTES} are needed`,
      `Make a longer one, e.g. head -c ${MIN_KEY_BYTES} /dev/urandom | base64 > study.key`,
    );
  }
  return key;
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

async function writeFile(file: string, text: string): Promise<void> {
  const sink = fileSink(file);
  await sink.write(text);
  await sink.close();
}

export async function anonymiseCommand(
  paths: string[],
  flags: AnonymiseFlags,
  env: Environment,
): Promise<number> {
  if (flags.out === undefined || flags.out === '-') {
    throw new UsageError('USAGE_NO_OUT', 'anonymise writes a folder: give --out OUTDIR');
  }
  const p = new Pseudonymiser(await readKey(flags.keyFile));
  const { timeline, kase } = await readInputs(paths, flags, env);
  const caseId = flags.caseId ?? path.basename(path.resolve(paths[0]!));
  const anon = anonymiseCase(timeline.events, kase, p, {
    shiftDates: flags.shiftDates === true,
    dropText: flags.dropText === true,
    caseId,
  });
  await mkdir(flags.out, { recursive: true });
  let buffer = `${JSON.stringify(anon.header)}\n`;
  const sink = fileSink(path.join(flags.out, 'timeline.jsonl'));
  for (const row of anon.rows) {
    buffer += `${JSON.stringify(row)}\n`;
    if (buffer.length > 1 << 16) {
      await sink.write(buffer);
      buffer = '';
    }
  }
  await sink.write(buffer);
  await sink.close();
  await writeFile(path.join(flags.out, 'case.json'), `${JSON.stringify(anon.caseFile, null, 2)}\n`);
  const manifest = {
    tool: { name: 'chronolog', version: VERSION },
    format: anon.header['format'],
    version: anon.header['version'],
    options: { shiftDates: flags.shiftDates === true, dropText: flags.dropText === true },
    datesShifted: flags.shiftDates === true ? 'yes, by a secret per-case whole number of weeks' : 'no',
    pseudonyms: anon.header['pseudonyms'],
    keyRequirement: `at least ${MIN_KEY_BYTES} bytes, read from --key-file, never written`,
    inputs: {
      files: timeline.inputs.length,
      formats: [...new Set(timeline.inputs.map((i) => i.format))].sort(),
    },
    counts: { events: anon.counts.events, senders: anon.counts.senders },
    redactions: flags.dropText === true ? 'all text dropped' : anon.counts.redactions,
    removed: [
      'file names, hashes and record locators',
      'platform message ids and extra columns (details)',
      'case title; names in milestone labels redacted',
    ],
  };
  await writeFile(path.join(flags.out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  if (!flags.quiet) {
    process.stderr.write(`anonymised ${anon.counts.events} events into ${flags.out}\n`);
  }
  return 0;
}
