/**
 * An anonymised hand-kept input (a diary), written by `chronolog anonymise` with `"handKept":true` in its
 * header. The lines are those of `chronolog-jsonl` (see src/sources/chronolog-jsonl.ts, which parses both);
 * this source exists so the format id of the read-back input still says "diary", which is how the analysis
 * knows a file has no export period (a diary does not limit the days a channel covers). Sample:
 *
 *   {"format":"chronolog-anonymised-timeline","version":3,"handKept":true,"input":"input-003","originalFormat":"csv-diary","incomplete":false,"datesShifted":false,"textDropped":false,"pseudonyms":"…"}
 *   {"utc":"2024-02-02T00:00:00.000Z","precision":"day","channel":"in-person","kind":"visit","direction":"incoming","sender":null,"role":"subject","call":null,"conversation":null,"text":"Waiting outside [ADDRESS]","textLength":25,"flags":[],"dedupe":7}
 *   {"rejected":"DIARY_BAD_DATE"}
 *
 * Versions 2 and 3 are read (they differ only in what `textLength` means: see chronolog-jsonl.ts). Unsupported:
 * version 1 files (one file per case, no hand-kept inputs).
 */
import { ANONYMISED_TIMES } from '../model/time-range.js';
import { anonymisedTimes, HAND_KEPT_HEADER, parseAnonymised } from './chronolog-jsonl.js';
import type { Probe, Source } from './source.js';

/** chronolog's anonymised JSONL of a hand-kept input (a diary). */
export const chronologJsonlDiary: Source = {
  id: 'chronolog-jsonl-diary',
  label: 'chronolog anonymised diary (.jsonl)',
  reads: 'an anonymised hand-kept input (diary) written by `chronolog anonymise`',
  recognisedBy: 'a first line {"format":"chronolog-anonymised-timeline","version":2|3,"handKept":true,…}',
  howToExport: 'chronolog anonymise PATHS --key-file KEY --out OUTDIR (a diary becomes one input-NNN.jsonl)',
  extensions: ['.jsonl'],
  times: ANONYMISED_TIMES,
  timesOf: anonymisedTimes,
  detect: (probe: Probe) => HAND_KEPT_HEADER.test(probe.text),
  parse: (input, ctx) => parseAnonymised(input, ctx),
};
