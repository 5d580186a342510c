/**
 * Diary times as people write them: the spoken clock ("10 to 9pm"), an hour and am/pm that contradict each other
 * ("13:00am"), ranges with am/pm on one end only ("9am-10", "10-2am"), and the summaries of times kept at their
 * date. Fixtures in fixtures/csv-diary-clock-words, one file per habit.
 */
import { describe, expect, it } from 'vitest';
import { csvDiary } from '../../src/sources/csv-diary/index.js';
import { runSource } from '../helpers/run-source.js';

const DIR = 'fixtures/csv-diary-clock-words';

describe('the summaries of times kept at their date', () => {
  it('say how many more values there are than the five they name', async () => {
    // Named five and stopped: "(8 rows: …five values…)" read as if the five were all the ways the diary wrote it.
    const run = await runSource(csvDiary, `${DIR}/word-times.csv`);
    expect(run.warnings.find((w) => w.code === 'DIARY_TIME_FREE_TEXT')?.message).toBe(
      'Times written in words that name no time of day keep only their date (8 rows: "after the school run" on line 2, "when I got home" on line 3, "as I left the gym" on line 4, "during the football" on line 5, "on my way to work" on line 6 and 2 more)',
    );
    expect(run.warnings.find((w) => w.code === 'DIARY_TIME_BOUND')?.message).toBe(
      'Times that say only before or after when something happened keep only their date, flagged approximate, with the time as written (7 rows: "after 10pm" on line 10, "before 7am" on line 11, "gone 11pm" on line 12, "by 6pm" on line 13, "until 3am" on line 14 and 2 more)',
    );
    expect(run.accounting).toEqual({ records: 15, events: 15, skipped: 0, rejected: 0 });
  });
});
