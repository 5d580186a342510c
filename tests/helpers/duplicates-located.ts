/**
 * fixtures/duplicates-located: where the third export's duplicates are (its `duplicatesAt`). Its first three
 * "Answer me" stand for the first export's three, its fourth and fifth for the second export's, and its last
 * duplicate is the second export's last message (tests/pipeline/duplicates-located.test.ts says why). The files are
 * named as the report being checked names them: by the case's folder, from inside it, or an anonymised copy's.
 */
import type { DuplicatesAt } from '../../src/model/index.js';

/** A duplicate at `locator`, with the copy kept at `kept` in `file`. */
export const at = (locator: string, file: string, kept: string) => ({
  locator,
  kept: { file, locator: kept },
});

/** The third export's duplicatesAt, its first export named `first` and its second `second`. */
export function thirdExportDuplicatesAt(first: string, second: string): DuplicatesAt {
  return {
    first: [
      at('line 2', first, 'line 2'),
      at('line 3', first, 'line 3'),
      at('line 4', first, 'line 4'),
      at('line 5', second, 'line 5'),
      at('line 6', second, 'line 6'),
    ],
    // Lines 7 to 12 are the messages the second export holds after the burst; 13 to 15 are new.
    last: at('line 12', second, 'line 12'),
  };
}
